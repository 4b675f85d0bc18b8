// SPDX-License-Identifier: EUPL-1.2
// A new organisation (department, housing corporation, police, welfare, …) in the municipality.
// Runs inside the caller's transaction; the audit event is written in that same transaction.
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../audit/audit.js';
import { conflict } from '../../errors.js';
import type { OrganisationKind } from '../schema.js';
import { findOrganisationByName, insertOrganisation, type OrganisationRow } from '../queries.js';
import { cleanName, onField, type CommandContext } from '../rules.js';

type Tx = Pick<Db, 'select' | 'insert' | 'update'>;

export interface CreateOrganisationInput {
  name: string;
  kind: OrganisationKind;
}

export function organisationNameTaken(name: string) {
  return onField(
    'name',
    conflict('organisation_name_taken', {
      nl: `Er is in deze gemeente al een organisatie met de naam "${name}".`,
      en: `An organisation named "${name}" already exists in this municipality.`,
    }),
  );
}

export async function createOrganisation(tx: Tx, ctx: CommandContext, input: CreateOrganisationInput): Promise<OrganisationRow> {
  const name = cleanName(input.name, { nl: 'de naam van de organisatie', en: 'the name of the organisation' });
  if (await findOrganisationByName(tx, ctx.municipalityId, name)) throw organisationNameTaken(name);
  const created = await insertOrganisation(tx, ctx.municipalityId, { name, kind: input.kind });
  await recordAudit(tx, { ...ctx, action: 'organisation.create', entityType: 'organisation', entityId: created.id, before: null, after: created });
  return created;
}
