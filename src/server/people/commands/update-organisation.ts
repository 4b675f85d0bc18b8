// SPDX-License-Identifier: EUPL-1.2
// Renames an organisation or changes its kind. Runs inside the caller's transaction.
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../audit/audit.js';
import type { OrganisationKind } from '../schema.js';
import { findOrganisationByName, updateOrganisationRow, type OrganisationRow } from '../queries.js';
import { cleanName, type CommandContext } from '../rules.js';
import { organisationNameTaken } from './create-organisation.js';

type Tx = Pick<Db, 'select' | 'insert' | 'update'>;

export interface UpdateOrganisationInput {
  name?: string | undefined;
  kind?: OrganisationKind | undefined;
}

export async function updateOrganisation(tx: Tx, ctx: CommandContext, before: OrganisationRow, input: UpdateOrganisationInput): Promise<OrganisationRow> {
  const changes: { name?: string; kind?: OrganisationKind } = {};
  if (input.name !== undefined) {
    const name = cleanName(input.name, { nl: 'de naam van de organisatie', en: 'the name of the organisation' });
    if (name !== before.name) {
      if (await findOrganisationByName(tx, ctx.municipalityId, name, before.id)) throw organisationNameTaken(name);
      changes.name = name;
    }
  }
  if (input.kind !== undefined && input.kind !== before.kind) changes.kind = input.kind;
  if (Object.keys(changes).length === 0) return before;
  const after = await updateOrganisationRow(tx, ctx.municipalityId, before.id, changes);
  await recordAudit(tx, { ...ctx, action: 'organisation.update', entityType: 'organisation', entityId: before.id, before, after });
  return after;
}
