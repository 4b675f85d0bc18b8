// SPDX-License-Identifier: EUPL-1.2
// Who may see and manage which budgets. Budgets of an area are managed by holders of budget.manage
// on that area or above; rules versions municipality-wide (rules.manage on the root area); the
// controller's exports need finance.export on the root area. Staff see the budgets of the areas
// where they hold a role, of the areas below, and of the areas above (the money their area draws on).
import type { AreaLineage } from '../../core/access/policy.js';
import type { Capability } from '../../core/access/roles.js';
import type { Db } from '../db/client.js';
import { areaLineage, findArea, type Area } from '../areas/queries.js';
import { visibleAreaIds } from '../people/queries.js';
import { authorize } from '../http/authorize.js';
import type { SignedInActor } from '../http/context.js';
import { notFound } from '../errors.js';
import { businessDate } from './time.js';

type Q = Pick<Db, 'select' | 'execute'>;

/** An area of this municipality, or 404 naming the field. */
export async function loadArea(q: Q, municipalityId: string, areaId: string): Promise<Area> {
  const area = await findArea(q, municipalityId, areaId);
  if (!area) throw notFound({ nl: 'Dit gebied bestaat niet in deze gemeente.', en: 'This area does not exist in this municipality.' });
  return area;
}

/** budget.manage on the area (or above); 404 when the actor has no role there at all. */
export async function authorizeBudgetArea(
  q: Q,
  actor: SignedInActor,
  municipalityId: string,
  areaId: string,
  capability: Capability = 'budget.manage',
): Promise<AreaLineage> {
  const lineage = await areaLineage(q, municipalityId, areaId);
  authorize(actor, capability, lineage);
  return lineage;
}

/** The areas whose budgets the actor may see. */
export async function visibleBudgetAreaIds(q: Q, actor: SignedInActor): Promise<string[]> {
  const below = await visibleAreaIds(q, actor.municipalityId, actor.personId, businessDate());
  // One after another: `q` may be a transaction, whose queries share one connection.
  const above: string[] = [];
  for (const id of new Set(actor.grants.map((g) => g.areaId))) above.push(...(await areaLineage(q, actor.municipalityId, id)));
  return [...new Set([...below, ...above])];
}
