// SPDX-License-Identifier: EUPL-1.2
// Population margins of a wave (age group × sex per area, e.g. from CBS figures) that the answers
// are weighted to. Given as rows or as CSV `gebied;leeftijd;geslacht;aantal`; all or nothing.
import { parse, type Options } from 'csv-parse/sync';
import { recordAudit } from '../../audit/audit.js';
import { invalid } from '../../errors.js';
import { ageGroups, sexes } from '../rules.js';
import { findAreaRefs, replaceMargins, type MarginInput, type WaveRow, type Writer } from '../queries.js';
import type { SurveyContext } from './common.js';
import type { LineError } from './upload-addresses.js';

export interface MarginRowInput {
  areaCode: string;
  ageGroup: string;
  sex: string;
  population: number;
}

/** Rows from CSV text with a header `gebied;leeftijd;geslacht;aantal` (line numbers in errors). */
export function marginsFromCsv(csv: string): { rows: (MarginRowInput & { line: number })[]; errors: LineError[] } {
  const text = csv.replace(/^\uFEFF/, '');
  const options: Options = { delimiter: text.includes(';') ? ';' : ',', relax_column_count: true, trim: true };
  const records = parse(text, options);
  const header = (records[0] ?? []).map((h) => h.toLowerCase());
  const idx = ['gebied', 'leeftijd', 'geslacht', 'aantal'].map((h) => header.indexOf(h));
  if (idx.some((i) => i < 0)) return { rows: [], errors: [{ line: 1, message: 'kopregel moet gebied;leeftijd;geslacht;aantal zijn' }] };
  const [iArea, iAge, iSex, iCount] = idx as [number, number, number, number];
  const rows: (MarginRowInput & { line: number })[] = [];
  const errors: LineError[] = [];
  records.slice(1).forEach((r, i) => {
    if (r.every((c) => c === '')) return;
    const population = Number((r[iCount] ?? '').replace(/\./g, ''));
    if (!Number.isInteger(population) || population < 0) errors.push({ line: i + 2, message: `ongeldig aantal "${r[iCount] ?? ''}"` });
    rows.push({ line: i + 2, areaCode: r[iArea] ?? '', ageGroup: r[iAge] ?? '', sex: r[iSex] ?? '', population });
  });
  return { rows, errors };
}

export async function setMargins(
  tx: Writer,
  ctx: SurveyContext,
  wave: WaveRow,
  input: (MarginRowInput & { line?: number })[],
  parseErrors: LineError[] = [],
): Promise<number> {
  const areaRefs = await findAreaRefs(tx, ctx.municipalityId, wave.areaIds);
  const areaByCode = new Map(areaRefs.map((a) => [a.code.toUpperCase(), a.id]));
  const errors: LineError[] = [...parseErrors];
  const rows: MarginInput[] = [];
  const seen = new Set<string>();
  input.forEach((r, i) => {
    const line = r.line ?? i + 1;
    const areaId = areaByCode.get(r.areaCode.toUpperCase());
    if (!areaId) errors.push({ line, message: `gebied "${r.areaCode}" hoort niet bij deze ronde` });
    if (!(ageGroups as readonly string[]).includes(r.ageGroup))
      errors.push({ line, message: `leeftijdsgroep "${r.ageGroup}" is niet ${ageGroups.join(', ')}` });
    if (!(sexes as readonly string[]).includes(r.sex)) errors.push({ line, message: `geslacht "${r.sex}" is niet ${sexes.join(', ')}` });
    if (!Number.isInteger(r.population) || r.population < 0) errors.push({ line, message: 'aantal moet een geheel getal ≥ 0 zijn' });
    const key = `${r.areaCode}|${r.ageGroup}|${r.sex}`;
    if (seen.has(key)) errors.push({ line, message: 'dubbele cel' });
    seen.add(key);
    if (areaId) rows.push({ areaId, ageGroup: r.ageGroup, sex: r.sex, population: r.population });
  });
  if (errors.length > 0) {
    throw invalid(
      'margins_invalid',
      { nl: 'De bevolkingsaantallen bevatten fouten; er is niets opgeslagen.', en: 'The population margins have errors; nothing was saved.' },
      { errors: errors.slice(0, 100), errorCount: errors.length },
    );
  }
  await replaceMargins(tx, ctx.municipalityId, wave.id, rows);
  await recordAudit(tx, { ...ctx, action: 'survey_wave.set_margins', entityType: 'survey_wave', entityId: wave.id, after: { cells: rows.length } });
  return rows.length;
}
