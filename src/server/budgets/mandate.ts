// SPDX-License-Identifier: EUPL-1.2
// Who holds which row of a mandate table. The table in the rules names roles in the municipality's
// own words (wijkmakelaar, wijkcoördinator, kernregisseur); people hold system roles (wijkregisseur,
// wijkwethouder). A row belongs to a system role when its key or label is that role's key or the
// municipality's word for it (settings.roleLabels), or when the rules version maps it explicitly
// (roleMap). The check itself is core/mandates assertMayDecide, so the 403 names the rule.
import { assertMayDecide, mayDecide, type BudgetRules, type MandateRow } from '../../core/mandates/index.js';
import { roleGrants, type RoleKey } from '../../core/access/roles.js';
import type { AreaLineage, Actor } from '../../core/access/policy.js';
import type { Cents } from '../../core/money.js';
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
