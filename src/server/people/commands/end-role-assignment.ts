// SPDX-License-Identifier: EUPL-1.2
// Ends a role assignment: sets its end date, keeps the record (history is never deleted). The
// caller has loaded the assignment with its row locked and authorized ending it (the same rule as
// assigning that role on that area). Runs inside the caller's transaction.
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../audit/audit.js';
import { conflict, invalid } from '../../errors.js';
import { today } from '../../areas/queries.js';
import { setRoleAssignmentEnd, type RoleAssignmentRow } from '../queries.js';
import { checkDate, onField, type CommandContext } from '../rules.js';

type Tx = Pick<Db, 'select' | 'insert' | 'update'>;

export interface EndRoleAssignmentInput {
  /** First day the role no longer applies. Default: today (or the start date, for one that has not started yet). */
  validTo?: string | undefined;
  reason?: string | undefined;
}

export async function endRoleAssignment(tx: Tx, ctx: CommandContext, before: RoleAssignmentRow, input: EndRoleAssignmentInput): Promise<RoleAssignmentRow> {
  const now = today();
  if (before.validTo !== null && before.validTo <= now) {
    throw conflict('role_assignment_ended', { nl: `Deze rol is al beëindigd per ${before.validTo}.`, en: `This role already ended on ${before.validTo}.` });
  }
  let validTo: string;
  if (input.validTo !== undefined) {
    validTo = checkDate(input.validTo, 'validTo');
  } else {
    // Not started yet: ending it today means it never applies.
    validTo = now < before.validFrom ? before.validFrom : now;
  }
  if (validTo < before.validFrom) {
    throw onField(
      'validTo',
      invalid('validity_invalid', {
        nl: `De einddatum (${validTo}) mag niet voor de begindatum (${before.validFrom}) liggen.`,
        en: `The end date (${validTo}) cannot be before the start date (${before.validFrom}).`,
      }),
    );
  }
  if (before.validTo !== null && validTo > before.validTo) {
    throw onField(
      'validTo',
      invalid('validity_invalid', {
        nl: `Deze rol eindigt al op ${before.validTo}; beëindigen kan niet later dan dat.`,
        en: `This role already ends on ${before.validTo}; it cannot be ended later than that.`,
      }),
    );
  }
  await setRoleAssignmentEnd(tx, ctx.municipalityId, before.assignmentId, validTo);
  const after: RoleAssignmentRow = { ...before, validTo };
  const reason = input.reason?.trim() || null;
  await recordAudit(tx, { ...ctx, action: 'role.end', entityType: 'role_assignment', entityId: before.assignmentId, before, after, reason });
  return after;
}
