// SPDX-License-Identifier: EUPL-1.2
// Staff edits of the area analysis, always scoped by municipality.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { areaAnalysisEdits } from './schema.js';

type Q = Pick<Db, 'select'>;
export type Writer = Pick<Db, 'select' | 'insert' | 'update' | 'delete'>;
export type AnalysisEditRow = typeof areaAnalysisEdits.$inferSelect;

export async function listAnalysisEdits(q: Q, municipalityId: string, areaId: string, period: string): Promise<AnalysisEditRow[]> {
  return q
    .select()
    .from(areaAnalysisEdits)
    .where(and(eq(areaAnalysisEdits.municipalityId, municipalityId), eq(areaAnalysisEdits.areaId, areaId), eq(areaAnalysisEdits.period, period)));
}

export async function findAnalysisEdit(q: Q, municipalityId: string, areaId: string, period: string, sectionKey: string): Promise<AnalysisEditRow | undefined> {
  const [row] = await q
    .select()
    .from(areaAnalysisEdits)
    .where(
      and(
        eq(areaAnalysisEdits.municipalityId, municipalityId),
        eq(areaAnalysisEdits.areaId, areaId),
        eq(areaAnalysisEdits.period, period),
        eq(areaAnalysisEdits.sectionKey, sectionKey),
      ),
    );
  return row;
}

export async function saveAnalysisEdit(
  w: Writer,
  row: { municipalityId: string; areaId: string; period: string; sectionKey: string; text: string; editedBy: string | null; editedByName: string },
): Promise<AnalysisEditRow> {
  const [saved] = await w
    .insert(areaAnalysisEdits)
    .values(row)
    .onConflictDoUpdate({
      target: [areaAnalysisEdits.municipalityId, areaAnalysisEdits.areaId, areaAnalysisEdits.period, areaAnalysisEdits.sectionKey],
      set: { text: row.text, editedBy: row.editedBy, editedByName: row.editedByName, editedAt: new Date().toISOString() },
    })
    .returning();
  return saved!;
}

export async function deleteAnalysisEdit(w: Writer, municipalityId: string, id: string): Promise<void> {
  await w.delete(areaAnalysisEdits).where(and(eq(areaAnalysisEdits.municipalityId, municipalityId), eq(areaAnalysisEdits.id, id)));
}
