// SPDX-License-Identifier: EUPL-1.2
// A staff member replaces the generated text of one section of an area analysis, or (text null)
// restores the generated text. Audited in the same transaction.
import { recordAudit } from '../../../audit/audit.js';
import type { AuditActor } from '../../../audit/audit.js';
import { deleteAnalysisEdit, findAnalysisEdit, saveAnalysisEdit, type AnalysisEditRow, type Writer } from '../queries.js';

export interface EditSectionInput {
  areaId: string;
  period: string;
  sectionKey: string;
  /** The new text; null restores the generated one. */
  text: string | null;
}

export async function editAnalysisSection(
  tx: Writer,
  ctx: { municipalityId: string; actor: AuditActor; requestId: string },
  input: EditSectionInput,
): Promise<AnalysisEditRow | null> {
  const before = await findAnalysisEdit(tx, ctx.municipalityId, input.areaId, input.period, input.sectionKey);
  const entityId = `${input.areaId}/${input.period}/${input.sectionKey}`;
  if (input.text === null) {
    if (before) {
      await deleteAnalysisEdit(tx, ctx.municipalityId, before.id);
      await recordAudit(tx, {
        municipalityId: ctx.municipalityId,
        actor: ctx.actor,
        action: 'analysis.section_restored',
        entityType: 'area_analysis',
        entityId,
        before: { text: before.text },
        requestId: ctx.requestId,
      });
    }
    return null;
  }
  const saved = await saveAnalysisEdit(tx, {
    municipalityId: ctx.municipalityId,
    areaId: input.areaId,
    period: input.period,
    sectionKey: input.sectionKey,
    text: input.text,
    editedBy: ctx.actor.personId,
    editedByName: ctx.actor.label,
  });
  await recordAudit(tx, {
    municipalityId: ctx.municipalityId,
    actor: ctx.actor,
    action: 'analysis.section_edited',
    entityType: 'area_analysis',
    entityId,
    before: before ? { text: before.text } : null,
    after: { text: input.text },
    requestId: ctx.requestId,
  });
  return saved;
}
