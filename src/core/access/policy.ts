// SPDX-License-Identifier: EUPL-1.2
// Pure authorization rules. An actor may do X on a resource in area A when one of the actor's
// current roles grants X and is held on A or on an area above A. Whether the actor can see the
// resource at all is decided first: someone with no role above A gets "not found", never
// "forbidden", so nothing leaks about areas they have no part in.
import { roleGrants, teamRoles, type Capability, type RoleKey } from './roles.js';

export interface Grant {
  role: RoleKey;
  /** The area the role is held on. */
  areaId: string;
}

export interface Actor {
  personId: string;
  municipalityId: string;
  grants: readonly Grant[];
}

/** The area and all areas above it, nearest first (from the area tree). */
export type AreaLineage = readonly string[];

export type Decision = 'allow' | 'forbid' | 'hide';

/** Any role held on the area or above it makes internal pages of the area visible. */
export function canSee(actor: Actor, lineage: AreaLineage): boolean {
  return actor.grants.some((g) => lineage.includes(g.areaId));
}

export function can(actor: Actor, capability: Capability, lineage: AreaLineage): boolean {
  return actor.grants.some((g) => lineage.includes(g.areaId) && roleGrants(g.role, capability));
}

/** allow, forbid (visible but not allowed: 403) or hide (not visible: 404). */
export function decide(actor: Actor, capability: Capability, lineage: AreaLineage): Decision {
  if (can(actor, capability, lineage)) return 'allow';
  return canSee(actor, lineage) ? 'forbid' : 'hide';
}

/** May the actor assign `role` on the area with this lineage? */
export function decideRoleAssignment(actor: Actor, role: RoleKey, lineage: AreaLineage): Decision {
  if (can(actor, 'roles.assign', lineage)) return 'allow';
  if (teamRoles.includes(role) && can(actor, 'team.assign', lineage)) return 'allow';
  return canSee(actor, lineage) ? 'forbid' : 'hide';
}

/** The capabilities the actor holds on an area: sent with responses so the UI hides what it may not do. */
export function abilitiesOn(actor: Actor, lineage: AreaLineage, wanted: readonly Capability[]): Capability[] {
  return wanted.filter((c) => can(actor, c, lineage));
}
