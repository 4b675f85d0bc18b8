// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { decide, decideRoleAssignment, abilitiesOn, type Actor } from './policy.js';
import { roleCapabilities, roleKeys, type Capability, type RoleKey } from './roles.js';

// Area tree used by the tables: GM > Blerick (district) > Klingerberg (wijk) > buurt K1; GM > Venlo-Oost.
const lineage = {
  gm: ['gm'],
  blerick: ['blerick', 'gm'],
  klingerberg: ['klingerberg', 'blerick', 'gm'],
  k1: ['k1', 'klingerberg', 'blerick', 'gm'],
  oost: ['oost', 'gm'],
} as const;

const actor = (role: RoleKey, areaId: string): Actor => ({ personId: 'p', municipalityId: 'm', grants: [{ role, areaId }] });

describe('decide(actor, capability, area)', () => {
  const table: [RoleKey, string, Capability, keyof typeof lineage, 'allow' | 'forbid' | 'hide'][] = [
    ['beheerder', 'gm', 'people.manage', 'k1', 'allow'],
    ['beheerder', 'gm', 'initiative.decide', 'k1', 'forbid'],
    ['wijkregisseur', 'blerick', 'team.assign', 'klingerberg', 'allow'],
    ['wijkregisseur', 'blerick', 'team.assign', 'k1', 'allow'],
    ['wijkregisseur', 'blerick', 'team.assign', 'oost', 'hide'],
    ['wijkregisseur', 'klingerberg', 'team.assign', 'blerick', 'hide'],
    ['wijkregisseur', 'blerick', 'roles.assign', 'klingerberg', 'forbid'],
    ['raadslid', 'gm', 'report.read', 'oost', 'allow'],
    ['raadslid', 'gm', 'area.manage', 'oost', 'forbid'],
    ['raadslid', 'gm', 'team.assign', 'k1', 'forbid'],
    ['wijkwerker', 'klingerberg', 'initiative.apply_on_behalf', 'k1', 'allow'],
    ['wijkwerker', 'klingerberg', 'initiative.decide', 'k1', 'forbid'],
    ['wijkwerker', 'klingerberg', 'initiative.apply_on_behalf', 'oost', 'hide'],
    ['wijkwethouder', 'blerick', 'initiative.decide', 'k1', 'allow'],
    ['controller', 'gm', 'finance.export', 'blerick', 'allow'],
    ['onderzoeker', 'gm', 'monitor.manage', 'oost', 'allow'],
    ['onderzoeker', 'gm', 'budget.manage', 'oost', 'forbid'],
    // The beheerder sets up the spelregels but does not manage money (separation of duties).
    ['beheerder', 'gm', 'rules.manage', 'gm', 'allow'],
    ['beheerder', 'gm', 'budget.manage', 'blerick', 'forbid'],
    ['wijkregisseur', 'gm', 'rules.manage', 'gm', 'allow'],
    ['wijkregisseur', 'blerick', 'budget.manage', 'k1', 'allow'],
    ['wijkwethouder', 'gm', 'rules.manage', 'gm', 'forbid'],
    ['controller', 'gm', 'rules.manage', 'gm', 'forbid'],
    // Recording a college decision (above every role's mandate): beheerder and wijkwethouder only.
    ['beheerder', 'gm', 'initiative.record_college_decision', 'k1', 'allow'],
    ['wijkregisseur', 'blerick', 'analysis.edit', 'k1', 'allow'],
    ['onderzoeker', 'gm', 'analysis.edit', 'k1', 'allow'],
    ['wijkwerker', 'k1', 'analysis.edit', 'k1', 'forbid'],
    ['raadslid', 'gm', 'analysis.edit', 'k1', 'forbid'],
    ['wijkregisseur', 'blerick', 'analysis.edit', 'oost', 'hide'],
    ['wijkwethouder', 'blerick', 'initiative.record_college_decision', 'k1', 'allow'],
    ['wijkwethouder', 'blerick', 'initiative.record_college_decision', 'oost', 'hide'],
    ['wijkregisseur', 'gm', 'initiative.record_college_decision', 'k1', 'forbid'],
    ['controller', 'gm', 'initiative.record_college_decision', 'k1', 'forbid'],
  ];
  it.each(table)('%s on %s, %s on %s → %s', (role, heldOn, capability, target, expected) => {
    expect(decide(actor(role, heldOn), capability, lineage[target])).toBe(expected);
  });

  it('an actor with no grants sees nothing', () => {
    expect(decide({ personId: 'p', municipalityId: 'm', grants: [] }, 'area.view_internal', lineage.gm)).toBe('hide');
  });
});

describe('decideRoleAssignment', () => {
  const table: [RoleKey, string, RoleKey, keyof typeof lineage, 'allow' | 'forbid' | 'hide'][] = [
    ['beheerder', 'gm', 'wijkregisseur', 'blerick', 'allow'],
    ['beheerder', 'gm', 'beheerder', 'gm', 'allow'],
    ['wijkregisseur', 'blerick', 'wijkwerker', 'klingerberg', 'allow'],
    ['wijkregisseur', 'blerick', 'partner', 'k1', 'allow'],
    ['wijkregisseur', 'blerick', 'wijkwethouder', 'klingerberg', 'forbid'],
    ['wijkregisseur', 'blerick', 'beheerder', 'blerick', 'forbid'],
    ['wijkregisseur', 'blerick', 'wijkwerker', 'oost', 'hide'],
    ['raadslid', 'gm', 'wijkwerker', 'k1', 'forbid'],
  ];
  it.each(table)('%s on %s assigns %s on %s → %s', (role, heldOn, assigned, target, expected) => {
    expect(decideRoleAssignment(actor(role, heldOn), assigned, lineage[target])).toBe(expected);
  });
});

describe('roles', () => {
  it('every role grants at least the view of its own area', () => {
    for (const role of roleKeys) expect(roleCapabilities[role]).toContain('area.view_internal');
  });
  it('money and rules: who holds budget.manage, rules.manage and the college record', () => {
    const holders = (capability: Capability) => roleKeys.filter((role) => roleCapabilities[role].includes(capability));
    expect(holders('budget.manage')).toEqual(['wijkregisseur']);
    expect(holders('rules.manage')).toEqual(['wijkregisseur', 'beheerder']);
    expect(holders('initiative.record_college_decision')).toEqual(['wijkwethouder', 'beheerder']);
    expect(holders('initiative.decide')).toEqual(['wijkwethouder', 'wijkregisseur']);
  });
  it('abilitiesOn lists only what the actor holds there', () => {
    const a: Actor = { personId: 'p', municipalityId: 'm', grants: [{ role: 'wijkregisseur', areaId: 'blerick' }] };
    expect(abilitiesOn(a, lineage.k1, ['team.assign', 'roles.assign', 'area.manage'])).toEqual(['team.assign']);
    expect(abilitiesOn(a, lineage.oost, ['team.assign'])).toEqual([]);
  });
});
