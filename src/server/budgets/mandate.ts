// SPDX-License-Identifier: EUPL-1.2
// Who holds which row of a mandate table. The table in the rules names roles in the municipality's
// own words (wijkmakelaar, wijkcoördinator, kernregisseur); people hold system roles (wijkregisseur,
// wijkwethouder). A row belongs to a system role when its key or label is that role's key or the
// municipality's word for it (settings.roleLabels), or when the rules version maps it explicitly
// (roleMap). The check itself is core/mandates assertMayDecide, so the 403 names the rule.
import { assertMayDecide, mayDecide, type BudgetRules, type MandateRow } from '../../core/mandates/index.js';
import { roleGrants, roleKeys, type RoleKey } from '../../core/access/roles.js';
import type { AreaLineage, Actor } from '../../core/access/policy.js';
import { formatCents, type Cents } from '../../core/money.js';
import { invalid } from '../errors.js';
import type { MunicipalitySettings } from '../municipalities/settings.js';
import { roleLabel } from '../people/roles.js';

export function normaliseRoleWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/[^a-z0-9]+/g, '_');
}

/** The system roles the actor holds on the lineage that may decide on initiatives at all. */
export function decidingRoles(actor: Pick<Actor, 'grants'>, lineage: AreaLineage): RoleKey[] {
  return [...new Set(actor.grants.filter((g) => lineage.includes(g.areaId) && roleGrants(g.role, 'initiative.decide')).map((g) => g.role))];
}

export function rowHeldBy(
  row: MandateRow,
  role: RoleKey,
  settings: Pick<MunicipalitySettings, 'roleLabels'>,
  roleMap: Readonly<Record<string, RoleKey>>,
): boolean {
  if (roleMap[row.role] !== undefined) return roleMap[row.role] === role;
  const words = new Set([normaliseRoleWord(role), normaliseRoleWord(roleLabel(settings, role).nl)]);
  return words.has(normaliseRoleWord(row.role)) || words.has(normaliseRoleWord(row.label));
}

/** The mandate rows the roles hold, widest mandate first. */
export function rowsHeld(
  rules: BudgetRules,
  roles: readonly RoleKey[],
  settings: Pick<MunicipalitySettings, 'roleLabels'>,
  roleMap: Readonly<Record<string, RoleKey>>,
): MandateRow[] {
  return rules.mandates
    .filter((row) => roles.some((role) => rowHeldBy(row, role, settings, roleMap)))
    .sort((a, b) => (a.upTo === null ? 1 : b.upTo === null ? -1 : a.upTo - b.upTo))
    .reverse();
}

/** Whether one of the roles may decide on `amount` under the rules (no throw). */
export function mayAnyDecide(
  rules: BudgetRules,
  roles: readonly RoleKey[],
  settings: Pick<MunicipalitySettings, 'roleLabels'>,
  roleMap: Readonly<Record<string, RoleKey>>,
  amount: Cents,
): boolean {
  return rowsHeld(rules, roles, settings, roleMap).some((row) => mayDecide(rules, row.role, amount));
}

/**
 * The mandate row under which one of the roles decides on `amount`, or RuleViolation
 * `mandate_exceeded` (HTTP 403) naming the widest row held, its limit and who must decide instead.
 */
export function assertRolesMayDecide(
  rules: BudgetRules,
  roles: readonly RoleKey[],
  settings: Pick<MunicipalitySettings, 'roleLabels'>,
  roleMap: Readonly<Record<string, RoleKey>>,
  amount: Cents,
): MandateRow {
  const held = rowsHeld(rules, roles, settings, roleMap);
  const fitting = [...held].reverse().find((row) => mayDecide(rules, row.role, amount));
  if (fitting) return fitting;
  const widest = held[0];
  assertMayDecide(rules, widest?.role ?? roleLabel(settings, roles[0] ?? 'wijkregisseur').nl, amount);
  throw new Error('unreachable: assertMayDecide accepted what mayDecide refused');
}

/**
 * The row of the mandate table for a decision of the college (or another body): the lowest row
 * covering `amount` that no role able to decide holds, e.g. "college van B&W" above the
 * wijkwethouder's limit. Staff with initiative.record_college_decision record such decisions.
 * 422 `college_not_in_mandate_table` when the rules have no such row for the amount.
 */
export function collegeRow(
  rules: BudgetRules,
  settings: Pick<MunicipalitySettings, 'roleLabels'>,
  roleMap: Readonly<Record<string, RoleKey>>,
  amount: Cents,
): MandateRow {
  const deciders = roleKeys.filter((role) => roleGrants(role, 'initiative.decide'));
  const row = rules.mandates.find((r) => !deciders.some((role) => rowHeldBy(r, role, settings, roleMap)) && mayDecide(rules, r.role, amount));
  if (row) return row;
  throw invalid(
    'college_not_in_mandate_table',
    {
      nl: `Volgens de spelregels '${rules.name}' besluit niet het college over ${formatCents(amount)}: de mandaattabel noemt daarvoor een rol, die zelf besluit.`,
      en: `Under the rules '${rules.name}' the college does not decide on this amount; a role does.`,
    },
    { rule: 'college_not_in_mandate_table', amount },
  );
}
