// SPDX-License-Identifier: EUPL-1.2
// Roles and what they may do. A role is held on an area and applies to that area and all areas
// below it. Municipalities rename roles (wijkregisseur → wijkmakelaar, wijkcoördinator) in their
// settings; the keys and capabilities here never change.

export const roleKeys = [
  'wijkwethouder',
  'wijkregisseur',
  'wijkwerker',
  'accounthouder',
  'partner',
  'onderzoeker',
  'controller',
  'raadslid',
  'beheerder',
] as const;
export type RoleKey = (typeof roleKeys)[number];

export const capabilities = [
  /** See the team, roles and internal pages of an area. */
  'area.view_internal',
  /** Change areas: names, custom areas, boundaries, imports. */
  'area.manage',
  /** Add and change people and organisations. */
  'people.manage',
  /** Assign any role on an area. */
  'roles.assign',
  /** Assign team roles (wijkwerker, accounthouder, partner) on an area. */
  'team.assign',
  /** Read the audit trail. */
  'audit.read',
  /** Initiatives: apply on behalf of a group, give advice, decide within mandate. */
  'initiative.apply_on_behalf',
  'initiative.advise',
  'initiative.decide',
  /**
   * Record a decision of the college (the mandate table's row above every role's limit, held by no
   * role) with its date and besluitnummer. Not a mandate of its own: the college decided.
   */
  'initiative.record_college_decision',
  /** Adopt versions of the rules of a budget line (spelregels): purposes, mandate table, terms. */
  'rules.manage',
  /** Budgets and money. */
  'budget.manage',
  'finance.export',
  /** Wijkkompas: indicators, imports, surveys. */
  'monitor.manage',
  /** Edit the generated area analysis (wijkanalyse) before it is used in a conversation with residents. */
  'analysis.edit',
  /** Neighbourhood budget rounds. */
  'round.manage',
  /** Reports to the council, dashboards. */
  'report.read',
] as const;
export type Capability = (typeof capabilities)[number];

/** Which capabilities each role grants. One line per role; the policy table tests read this. */
export const roleCapabilities: Record<RoleKey, readonly Capability[]> = {
  beheerder: [
    'area.view_internal',
    'area.manage',
    'people.manage',
    'roles.assign',
    'team.assign',
    'audit.read',
    'report.read',
    'rules.manage',
    'initiative.record_college_decision',
    'analysis.edit',
  ],
  wijkregisseur: [
    'area.view_internal',
    'team.assign',
    'initiative.advise',
    'initiative.decide',
    'rules.manage',
    'budget.manage',
    'round.manage',
    'report.read',
    'analysis.edit',
  ],
  wijkwethouder: ['area.view_internal', 'initiative.decide', 'initiative.record_college_decision', 'report.read'],
  wijkwerker: ['area.view_internal', 'initiative.apply_on_behalf', 'initiative.advise'],
  accounthouder: ['area.view_internal', 'initiative.advise'],
  partner: ['area.view_internal', 'initiative.advise'],
  onderzoeker: ['area.view_internal', 'monitor.manage', 'analysis.edit', 'report.read'],
  controller: ['area.view_internal', 'finance.export', 'audit.read', 'report.read'],
  raadslid: ['area.view_internal', 'report.read'],
};

/** Roles a holder of `team.assign` (but not `roles.assign`) may hand out. */
export const teamRoles: readonly RoleKey[] = ['wijkwerker', 'accounthouder', 'partner'];

export function roleGrants(role: RoleKey, capability: Capability): boolean {
  return roleCapabilities[role].includes(capability);
}
