// SPDX-License-Identifier: EUPL-1.2
// Adds an own (area-specific) indicator to a municipality's catalogue. Ids of the base set and ids
// already used are refused (409). Audited in the caller's transaction.
import type { Indicator } from '../catalogue.js';
import { findBaseIndicator } from '../catalogue.js';
import { findIndicatorRow, insertIndicatorRow, type Writer } from '../queries.js';
import { recordAudit, type AuditActor } from '../../audit/audit.js';
import { conflict } from '../../errors.js';

export type NewIndicator = Omit<Indicator, 'baseSet'>;

export async function createIndicator(
  tx: Writer,
  municipalityId: string,
  input: NewIndicator,
  ctx: { actor: AuditActor; requestId?: string | null },
): Promise<Indicator> {
  if (findBaseIndicator(input.id) || (await findIndicatorRow(tx, municipalityId, input.id))) {
    throw conflict('indicator_exists', { nl: `Er is al een indicator met id "${input.id}".`, en: `An indicator with id "${input.id}" already exists.` });
  }
  const { id, ...definition } = input;
  await insertIndicatorRow(tx, { municipalityId, key: id, definition, baseSet: false });
  await recordAudit(tx, {
    municipalityId,
    actor: ctx.actor,
    action: 'indicator.create',
    entityType: 'indicator',
    entityId: id,
    after: definition,
    requestId: ctx.requestId ?? null,
  });
  return { ...input, baseSet: false };
}
