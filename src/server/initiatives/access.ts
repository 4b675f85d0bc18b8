// SPDX-License-Identifier: EUPL-1.2
// Who may see an initiative and take which lifecycle step. A draft is seen only by who made it and
// the applicant; a submitted initiative also by staff with a role on its area or above (anyone else:
// 404, so nothing leaks). The lifecycle capabilities (core/initiatives) follow from the system
// roles: the applicant (or a wijkwerker helping the group) submits, executes, accounts; holders of
// budget.manage assess, pay and settle; holders of initiative.decide decide, within their mandate.
import { can, canSee, type AreaLineage } from '../../core/access/policy.js';
import { ATTACHMENT_KINDS, attachmentCapability, attachmentStatuses, type AttachmentKind, type InitiativeCapability } from '../../core/initiatives/index.js';
import type { Db } from '../db/client.js';
import { areaLineage } from '../areas/queries.js';
import { notFound } from '../errors.js';
import type { SignedInActor } from '../http/context.js';
import { findInitiative, type InitiativeRow } from './queries.js';

export interface InitiativeAccess {
  lineage: AreaLineage;
  isApplicant: boolean;
  /** Has a role on the area or above (internal view: advice, steps, all amounts). */
  staff: boolean;
  canAdvise: boolean;
  canEditDraft: boolean;
  /** May record a decision the college took (initiative.record_college_decision on the area). */
  canRecordCollegeDecision: boolean;
  capabilities: Set<InitiativeCapability>;
}

export function accessTo(
  actor: SignedInActor,
  initiative: Pick<InitiativeRow, 'applicantPersonId' | 'createdById' | 'status'>,
  lineage: AreaLineage,
): InitiativeAccess {
  const isApplicant = actor.personId === initiative.applicantPersonId || actor.personId === initiative.createdById;
  const staff = canSee(actor, lineage);
  const helper = can(actor, 'initiative.apply_on_behalf', lineage);
  const manager = can(actor, 'budget.manage', lineage);
  const capabilities = new Set<InitiativeCapability>();
  if (isApplicant || (helper && initiative.status !== 'draft')) {
    capabilities.add('initiative.submit');
    capabilities.add('initiative.execute');
    capabilities.add('initiative.account');
  }
  if (isApplicant || manager) capabilities.add('initiative.withdraw');
  if (manager) {
    capabilities.add('initiative.assess');
    capabilities.add('initiative.pay');
    capabilities.add('initiative.execute');
    capabilities.add('initiative.settle');
  }
  if (can(actor, 'initiative.decide', lineage)) capabilities.add('initiative.decide');
  return {
    lineage,
    isApplicant,
    staff,
    canAdvise: can(actor, 'initiative.advise', lineage),
    canEditDraft: isApplicant && initiative.status === 'draft',
    canRecordCollegeDecision: can(actor, 'initiative.record_college_decision', lineage),
    capabilities,
  };
}

export function isVisible(access: InitiativeAccess, initiative: Pick<InitiativeRow, 'status'>): boolean {
  if (initiative.status === 'draft') return access.isApplicant;
  return access.isApplicant || access.staff;
}

export function initiativeNotFound() {
  return notFound({ nl: 'Dit initiatief bestaat niet in deze gemeente.', en: 'This initiative does not exist in this municipality.' });
}

export function requireVisible(access: InitiativeAccess, initiative: Pick<InitiativeRow, 'status'>): void {
  if (!isVisible(access, initiative)) throw initiativeNotFound();
}

/** The initiative with the caller's access, or 404 when it does not exist or the caller may not see it. */
export async function loadVisible(
  q: Pick<Db, 'select' | 'selectDistinct' | 'execute'>,
  actor: SignedInActor,
  municipalityId: string,
  initiativeId: string,
): Promise<{ initiative: InitiativeRow; access: InitiativeAccess }> {
  const initiative = await findInitiative(q, municipalityId, initiativeId);
  if (!initiative) throw initiativeNotFound();
  const access = accessTo(actor, initiative, await areaLineage(q, municipalityId, initiative.areaId));
  requireVisible(access, initiative);
  return { initiative, access };
}

/** The kinds of file the caller may add now (the applicant's side, in the stage the kind belongs to). */
export function attachableKinds(access: InitiativeAccess, status: InitiativeRow['status']): AttachmentKind[] {
  return ATTACHMENT_KINDS.filter((kind) => access.capabilities.has(attachmentCapability(kind)) && attachmentStatuses(kind, 'add').includes(status));
}
