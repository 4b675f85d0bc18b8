// SPDX-License-Identifier: EUPL-1.2
// Changes a person's name, email address or organisation, or sets a new password for their local
// account. Runs inside the caller's transaction; the audit event never contains the password or its hash.
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../audit/audit.js';
import { hashPassword } from '../../auth/password.js';
import { findOrganisation, findPerson, findPersonIdByEmail, updatePersonRow, type PersonRow } from '../queries.js';
import { checkPassword, cleanEmail, cleanName, emailTaken, isUniqueViolation, organisationNotFound, type CommandContext } from '../rules.js';

type Tx = Pick<Db, 'select' | 'insert' | 'update'>;

export interface UpdatePersonInput {
  name?: string | undefined;
  email?: string | undefined;
  /** null removes the person from their organisation. */
  organisationId?: string | null | undefined;
  /** A new password (at least 12 characters) for the person's local account. */
  password?: string | undefined;
}

export async function updatePerson(tx: Tx, ctx: CommandContext, before: PersonRow, input: UpdatePersonInput): Promise<PersonRow> {
  const changes: { name?: string; email?: string; organisationId?: string | null; passwordHash?: string } = {};
  if (input.name !== undefined) {
    const name = cleanName(input.name, { nl: 'de naam', en: 'the name' });
    if (name !== before.name) changes.name = name;
  }
  if (input.email !== undefined) {
    const email = cleanEmail(input.email);
    if (email !== before.email) {
      if (await findPersonIdByEmail(tx, ctx.municipalityId, email, before.id)) throw emailTaken(email);
      changes.email = email;
    }
  }
  if (input.organisationId !== undefined && input.organisationId !== before.organisationId) {
    if (input.organisationId !== null && !(await findOrganisation(tx, ctx.municipalityId, input.organisationId))) throw organisationNotFound();
    changes.organisationId = input.organisationId;
  }
  if (input.password !== undefined) {
    checkPassword(input.password);
    changes.passwordHash = await hashPassword(input.password);
  }
  if (Object.keys(changes).length === 0) return before;
  try {
    await updatePersonRow(tx, ctx.municipalityId, before.id, changes);
  } catch (error) {
    if (isUniqueViolation(error) && changes.email) throw emailTaken(changes.email);
    throw error;
  }
  const after = await findPerson(tx, ctx.municipalityId, before.id);
  if (!after) throw new Error('person vanished inside its own transaction');
  await recordAudit(tx, {
    ...ctx,
    action: 'person.update',
    entityType: 'person',
    entityId: before.id,
    before,
    after: changes.passwordHash ? { ...after, passwordChanged: true } : after,
  });
  return after;
}
