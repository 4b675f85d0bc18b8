// SPDX-License-Identifier: EUPL-1.2
// The authorize step of the route chain. Not signed in → 401. Signed in for another municipality,
// or no role on or above the area → 404 (looks exactly like a missing record). A role there that
// does not grant the capability → 403 naming the rule.
import type { FastifyRequest } from 'fastify';
import { decide, type AreaLineage } from '../../core/access/policy.js';
import type { Capability } from '../../core/access/roles.js';
import { forbidden, notFound, unauthenticated } from '../errors.js';
import type { SignedInActor } from './context.js';

export function requireActor(request: FastifyRequest, municipalityId: string): SignedInActor {
  const actor = request.actor;
  if (!actor) throw unauthenticated();
  if (actor.municipalityId !== municipalityId) throw notFound();
  return actor;
}

const capabilityNames: Record<Capability, string> = {
  'area.view_internal': 'gebiedsgegevens inzien',
  'area.manage': 'gebieden beheren',
  'people.manage': 'personen en organisaties beheren',
  'roles.assign': 'rollen toekennen',
  'team.assign': 'teamrollen toekennen',
  'audit.read': 'het auditlogboek inzien',
  'initiative.apply_on_behalf': 'namens een bewonersgroep aanvragen',
  'initiative.advise': 'adviseren over initiatieven',
  'initiative.decide': 'besluiten over initiatieven',
  'initiative.record_college_decision': 'collegebesluiten over initiatieven vastleggen',
  'rules.manage': 'spelregels vaststellen',
  'analysis.edit': 'de wijkanalyse bewerken',
  'budget.manage': 'budgetten beheren',
  'finance.export': 'financiële gegevens exporteren',
  'monitor.manage': 'de wijkkompas beheren',
  'round.manage': 'wijkbudgetrondes beheren',
  'report.read': 'rapportages inzien',
};

export function authorize(actor: SignedInActor, capability: Capability, lineage: AreaLineage): void {
  const decision = decide(actor, capability, lineage);
  if (decision === 'hide') throw notFound();
  if (decision === 'forbid') {
    throw forbidden(
      {
        nl: `Uw rol in dit gebied geeft geen recht om ${capabilityNames[capability]} (${capability}).`,
        en: `Your role in this area does not allow ${capability}.`,
      },
      { rule: capability },
    );
  }
}

/** Staff: at least one current role in the municipality; anyone else finds nothing here (404). */
export function requireStaff(actor: SignedInActor): void {
  if (actor.grants.length === 0) throw notFound();
}

/**
 * A municipality-wide capability, held on the root area (see rootLineage in areas/queries.ts).
 * Staff without it get 403 naming the rule; someone without any role gets 404.
 */
export function authorizeMunicipalityWide(actor: SignedInActor, capability: Capability, root: AreaLineage): void {
  if (decide(actor, capability, root) === 'allow') return;
  requireStaff(actor);
  throw forbidden(
    {
      nl: `Uw rol geeft geen recht om ${capabilityNames[capability]} voor de hele gemeente (${capability}).`,
      en: `Your role does not allow ${capability} municipality-wide.`,
    },
    { rule: capability },
  );
}
