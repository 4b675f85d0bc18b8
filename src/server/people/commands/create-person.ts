// SPDX-License-Identifier: EUPL-1.2
// A new person in the municipality, optionally with a local account (password, argon2id-hashed).
// Runs inside the caller's transaction; the audit event never contains the password or its hash.
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../audit/audit.js';
import { hashPassword } from '../../auth/password.js';
import { findOrganisation, findPerson, findPersonIdByEmail, insertPerson, type PersonRow } from '../queries.js';
import { checkPassword, cleanEmail, cleanName, emailTaken, isUniqueViolation, organisationNotFound, type CommandContext } from '../rules.js';

type Tx = Pick<Db, 'select' | 'insert' | 'update'>;

export interface CreatePersonInput {
  name: string;
  email: string;
  organisationId?: string | null | undefined;
  password?: string | undefined;
}

export async function createPerson(tx: Tx, ctx: CommandContext, input: CreatePersonInput): Promise<PersonRow> {
  const name = cleanName(input.name, { nl: 'de naam', en: 'the name' });
  const email = cleanEmail(input.email);
  if (input.password !== undefined) checkPassword(input.password);
  const organisationId = input.organisationId ?? null;
  if (organisationId !== null && !(await findOrganisation(tx, ctx.municipalityId, organisationId))) throw organisationNotFound();
  if (await findPersonIdByEmail(tx, ctx.municipalityId, email)) throw emailTaken(email);
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : null;
  let id: string;
  try {
    id = await insertPerson(tx, ctx.municipalityId, { name, email, organisationId, passwordHash });
  } catch (error) {
    // Another request took the address between the check and the insert.
    if (isUniqueViolation(error)) throw emailTaken(email);
    throw error;
  }
  const created = await findPerson(tx, ctx.municipalityId, id);
  if (!created) throw new Error('person vanished inside its own transaction');
  await recordAudit(tx, { ...ctx, action: 'person.create', entityType: 'person', entityId: id, before: null, after: created });
  return created;
}
