// SPDX-License-Identifier: EUPL-1.2
// Gives a person a role on an area for a period. The caller has loaded the area and authorized the
// assignment (decideRoleAssignment over the area's lineage); this checks the person, the dates and
// overlap with an existing assignment, and records it. Runs inside the caller's transaction; the
// person's row is locked so two requests cannot both add the same role.
import type { Db } from '../../db/client.js';
import type { RoleKey } from '../../../core/access/roles.js';
import { recordAudit } from '../../audit/audit.js';
import { conflict, invalid } from '../../errors.js';
import { today } from '../../areas/queries.js';
import { findOverlappingAssignment, findRoleAssignment, insertRoleAssignment, lockPerson, type RoleAssignmentRow } from '../queries.js';
import { checkDate, personNotFound, onField, type CommandContext } from '../rules.js';

type Tx = Pick<Db, 'select' | 'insert' | 'update'>;

export interface AssignRoleInput {
  personId: string;
  role: RoleKey;
  areaId: string;
  /** Default: today. */
  validFrom?: string | undefined;
  /** First day the role no longer applies; null or absent = open-ended. */
  validTo?: string | null | undefined;
}

export async function assignRole(tx: Tx, ctx: CommandContext, input: AssignRoleInput): Promise<RoleAssignmentRow> {
  const validFrom = checkDate(input.validFrom ?? today(), 'validFrom');
  const validTo = input.validTo == null ? null : checkDate(input.validTo, 'validTo');
  if (validTo !== null && validTo <= validFrom) {
    throw onField(
      'validTo',
      invalid('validity_invalid', {
        nl: `De einddatum (${validTo}) moet na de begindatum (${validFrom}) liggen.`,
        en: `The end date (${validTo}) must be after the start date (${validFrom}).`,
      }),
    );
  }
  if (!(await lockPerson(tx, ctx.municipalityId, input.personId))) throw personNotFound();
  const assignment = { personId: input.personId, role: input.role, areaId: input.areaId, validFrom, validTo };
  const existing = await findOverlappingAssignment(tx, ctx.municipalityId, assignment);
  if (existing) {
    throw conflict(
      'role_assignment_exists',
      {
        nl: `Deze persoon heeft deze rol in ${existing.areaName} al (vanaf ${existing.validFrom}${existing.validTo ? ` tot ${existing.validTo}` : ''}).`,
        en: `This person already holds this role in ${existing.areaName} (from ${existing.validFrom}${existing.validTo ? ` until ${existing.validTo}` : ''}).`,
      },
      { existingAssignmentId: existing.assignmentId },
    );
  }
  const id = await insertRoleAssignment(tx, ctx.municipalityId, assignment);
  const created = await findRoleAssignment(tx, ctx.municipalityId, id);
  if (!created) throw new Error('role assignment vanished inside its own transaction');
  await recordAudit(tx, { ...ctx, action: 'role.assign', entityType: 'role_assignment', entityId: id, before: null, after: created });
  return created;
}
