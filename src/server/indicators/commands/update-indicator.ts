// SPDX-License-Identifier: EUPL-1.2
// Changes an indicator's catalogue entry (names, theme, polarity, licence, attribution, …). For a
// base-set indicator the change is stored as the municipality's override; its id never changes.
// Audited in the caller's transaction with before and after.
import type { Indicator } from '../catalogue.js';
import { findIndicatorRow, insertIndicatorRow, updateIndicatorRow, type Writer } from '../queries.js';
import { recordAudit, type AuditActor } from '../../audit/audit.js';

export type IndicatorChanges = Partial<Omit<Indicator, 'id' | 'baseSet'>>;

export async function updateIndicator(
  tx: Writer,
  municipalityId: string,
  current: Indicator,
  changes: IndicatorChanges,
  ctx: { actor: AuditActor; requestId?: string | null },
): Promise<Indicator> {
  const { id, baseSet, ...before } = current;
  const definition = { ...before, ...changes };
  if (await findIndicatorRow(tx, municipalityId, id)) await updateIndicatorRow(tx, municipalityId, id, definition);
  else await insertIndicatorRow(tx, { municipalityId, key: id, definition, baseSet });
  await recordAudit(tx, {
    municipalityId,
    actor: ctx.actor,
    action: 'indicator.update',
    entityType: 'indicator',
    entityId: id,
    before,
    after: definition,
    requestId: ctx.requestId ?? null,
  });
  return { ...definition, id, baseSet };
}
