// SPDX-License-Identifier: EUPL-1.2
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { municipalities } from './schema.js';
import { notFound } from '../errors.js';

type Q = Pick<Db, 'select'>;
export type Municipality = typeof municipalities.$inferSelect;

export async function findMunicipalityByCode(q: Q, code: string): Promise<Municipality | undefined> {
  const [row] = await q.select().from(municipalities).where(eq(municipalities.code, code.toUpperCase()));
  return row;
}

/** The municipality of a URL, or 404. */
export async function loadMunicipality(q: Q, code: string): Promise<Municipality> {
  const row = await findMunicipalityByCode(q, code);
  if (!row) throw notFound({ nl: `Gemeente ${code} is niet bekend in Wijkwijs.`, en: `Municipality ${code} is not known to Wijkwijs.` });
  return row;
}

export async function listMunicipalities(q: Q): Promise<Municipality[]> {
  return q.select().from(municipalities).orderBy(asc(municipalities.name));
}
