// SPDX-License-Identifier: EUPL-1.2
// A new version of the rules (spelregels) of a budget line. The version number is the next one for
// the line; the rules are checked by core/mandates defineRules (422 `rules_invalid` listing every
// problem); the mandate roles must map to roles that may decide. Older versions stay: applications
// are judged by the version in force on the day they were submitted.
import { defineRules, type BudgetRulesInput } from '../../../core/mandates/index.js';
import { roleGrants, type RoleKey } from '../../../core/access/roles.js';
import { isRoleKey } from '../../people/roles.js';
import { recordAudit } from '../../audit/audit.js';
import { conflict, invalid } from '../../errors.js';
import { insertRules, latestRulesVersion, listRules, lockRulesKey, type RulesRow, type Writer } from '../queries.js';
import { nowIso } from '../time.js';
import type { CommandContext } from './ledger.js';

export interface DefineRulesInput {
  rules: Omit<BudgetRulesInput, 'version'> & { version?: number };
  roleMap?: Record<string, string> | undefined;
}

export async function defineRulesVersion(tx: Writer, ctx: CommandContext, input: DefineRulesInput): Promise<RulesRow> {
  const rulesKey = String(input.rules.budgetKey ?? '').trim();
  if (!/^[a-z0-9][a-z0-9_-]{0,79}$/.test(rulesKey)) {
    throw invalid(
      'rules_key_invalid',
      {
        nl: `"${rulesKey}" is geen geldige sleutel voor een budgetlijn: gebruik kleine letters, cijfers, - of _ (hoogstens 80 tekens).`,
        en: `"${rulesKey}" is not a valid budget line key.`,
      },
      { rule: 'rules_key_invalid' },
    );
  }
  await lockRulesKey(tx, ctx.municipalityId, rulesKey);
  const version = (await latestRulesVersion(tx, ctx.municipalityId, rulesKey)) + 1;
  if (input.rules.version !== undefined && input.rules.version !== version) {
    throw conflict(
      'rules_version_conflict',
      {
        nl: `De volgende versie van deze spelregels is ${version}, niet ${input.rules.version}; iemand anders heeft intussen een versie vastgelegd.`,
        en: `The next version of these rules is ${version}, not ${input.rules.version}.`,
      },
      { rule: 'rules_version_conflict', expected: version },
    );
  }
  const rules = defineRules({ ...input.rules, budgetKey: rulesKey, version });
  const existing = await listRules(tx, ctx.municipalityId, rulesKey);
  if (existing.some((r) => r.validFrom === rules.validFrom)) {
    throw conflict(
      'rules_valid_from_taken',
      {
        nl: `Er is al een versie van deze spelregels die ingaat op ${rules.validFrom}; kies een andere ingangsdatum.`,
        en: `A version of these rules already starts on ${rules.validFrom}.`,
      },
      { rule: 'rules_valid_from_taken' },
    );
  }
  const roleMap: Record<string, RoleKey> = {};
  for (const [mandateRole, systemRole] of Object.entries(input.roleMap ?? {})) {
    if (!rules.mandates.some((row) => row.role === mandateRole)) {
      throw invalid(
        'role_map_invalid',
        { nl: `De rol '${mandateRole}' staat niet in de mandaattabel.`, en: `Role '${mandateRole}' is not in the mandate table.` },
        { rule: 'role_map_invalid' },
      );
    }
    if (!isRoleKey(systemRole) || !roleGrants(systemRole, 'initiative.decide')) {
      throw invalid(
        'role_map_invalid',
        {
          nl: `'${systemRole}' is geen rol die over initiatieven mag besluiten (kies wijkregisseur of wijkwethouder).`,
          en: `'${systemRole}' is not a role that may decide on initiatives.`,
        },
        { rule: 'role_map_invalid' },
      );
    }
    roleMap[mandateRole] = systemRole;
  }
  const row = await insertRules(tx, ctx.municipalityId, rules, roleMap, nowIso());
  await recordAudit(tx, { ...ctx, action: 'budget_rules.define', entityType: 'budget_rules', entityId: row.id, before: null, after: { rules, roleMap } });
  return row;
}
