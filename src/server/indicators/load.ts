// SPDX-License-Identifier: EUPL-1.2
// The catalogue of one municipality: the base set (catalogue.ts) with the municipality's overrides
// of base-set entries, plus its own (area-specific) indicators, both from the `indicators` table.
import { baseIndicators, publicIndicator, type Indicator } from './catalogue.js';
import { findIndicatorRow, listOwnIndicators, type IndicatorRow } from './queries.js';
import type { Db } from '../db/client.js';
import { notFound } from '../errors.js';

type Q = Pick<Db, 'select' | 'selectDistinct' | 'execute'>;

function fromRow(row: IndicatorRow, base: Indicator | undefined): Indicator {
  return { ...(base ? publicIndicator(base) : {}), ...(row.definition as Partial<Indicator>), id: row.key, baseSet: row.baseSet } as Indicator;
}

export async function loadCatalogue(q: Q, municipalityId: string): Promise<Indicator[]> {
  const rows = await listOwnIndicators(q, municipalityId);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const result: Indicator[] = baseIndicators.map((b) => {
    const row = byKey.get(b.id);
    return row ? fromRow(row, b) : publicIndicator(b);
  });
  for (const row of rows) if (!baseIndicators.some((b) => b.id === row.key)) result.push(fromRow(row, undefined));
  return result;
}

export async function findIndicator(q: Q, municipalityId: string, id: string): Promise<Indicator | undefined> {
  const base = baseIndicators.find((b) => b.id === id);
  const row = await findIndicatorRow(q, municipalityId, id);
  if (row) return fromRow(row, base);
  return base ? publicIndicator(base) : undefined;
}

export async function loadIndicator(q: Q, municipalityId: string, id: string): Promise<Indicator> {
  const indicator = await findIndicator(q, municipalityId, id);
  if (!indicator) throw notFound({ nl: `Indicator "${id}" bestaat niet in deze gemeente.`, en: `Indicator "${id}" does not exist in this municipality.` });
  return indicator;
}
