// SPDX-License-Identifier: EUPL-1.2
// What every initiative command shares: its context, loading and locking the initiative with the
// caller's access, the rules version it is judged by, recording a lifecycle step (status page and
// audit trail, in the same transaction), and mail to the applicant and the area's staff.
import type { AreaLineage } from '../../../core/access/policy.js';
import { STATUS_LABELS_NL, type InitiativeStatus, type LifecycleContext } from '../../../core/initiatives/index.js';
import { advancePayment, finalAccountRequired, type BudgetRules } from '../../../core/mandates/index.js';
import { recordAudit, type AuditActor } from '../../audit/audit.js';
import { areaLineage } from '../../areas/queries.js';
import type { Mailer } from '../../mail/mailer.js';
import type { Municipality } from '../../municipalities/queries.js';
import type { SignedInActor } from '../../http/context.js';
import { findRules, type RulesRow } from '../../budgets/queries.js';
import { businessDate, nowIso } from '../../budgets/time.js';
import { accessTo, initiativeNotFound, requireVisible, type InitiativeAccess } from '../access.js';
import { insertStep, lockInitiative, staffEmails, type InitiativeRow, type Writer } from '../queries.js';

export interface InitiativeContext {
  municipality: Municipality;
  actor: SignedInActor;
  audit: { municipalityId: string; actor: AuditActor; requestId: string | null };
  mailer: Mailer;
  publicUrl: string;
}

export interface LoadedInitiative {
  initiative: InitiativeRow;
  lineage: AreaLineage;
  access: InitiativeAccess;
  rules: RulesRow | undefined;
}

/** Locks the initiative (404 when absent or not visible to the caller) and loads what steps need. */
export async function loadForStep(tx: Writer, ctx: InitiativeContext, initiativeId: string): Promise<LoadedInitiative> {
  const initiative = await lockInitiative(tx, ctx.municipality.id, initiativeId);
  if (!initiative) throw initiativeNotFound();
  const lineage = await areaLineage(tx, ctx.municipality.id, initiative.areaId);
  const access = accessTo(ctx.actor, initiative, lineage);
  requireVisible(access, initiative);
  const rules = initiative.rulesId ? await findRules(tx, ctx.municipality.id, initiative.rulesId) : undefined;
  return { initiative, lineage, access, rules };
}

/** The facts from the rules that choose between lifecycle paths. */
export function lifecycleContextOf(initiative: Pick<InitiativeRow, 'grantedCents'>, rules: BudgetRules | undefined): LifecycleContext {
  if (!rules) return {};
  const granted = initiative.grantedCents;
  return {
    advanceDue: granted !== null && granted > 0 ? advancePayment(rules, granted) > 0 : rules.advancePaymentBp > 0,
    finalAccountRequired: granted !== null ? finalAccountRequired(rules, granted) : true,
  };
}

export async function recordStep(
  tx: Writer,
  ctx: InitiativeContext,
  initiative: Pick<InitiativeRow, 'id'>,
  step: { action: Parameters<typeof insertStep>[1]['action']; from: InitiativeStatus | null; to: InitiativeStatus; note?: string | null | undefined },
  audit: { before?: unknown; after?: unknown; reason?: string | null | undefined } = {},
): Promise<void> {
  await insertStep(tx, {
    municipalityId: ctx.municipality.id,
    initiativeId: initiative.id,
    action: step.action,
    fromStatus: step.from,
    toStatus: step.to,
    note: step.note ?? null,
    on: businessDate(),
    actorId: ctx.actor.personId,
    actorLabel: ctx.actor.name,
    createdAt: nowIso(),
  });
  await recordAudit(tx, {
    ...ctx.audit,
    action: `initiative.${step.action}`,
    entityType: 'initiative',
    entityId: initiative.id,
    before: audit.before ?? null,
    after: audit.after ?? null,
    reason: audit.reason ?? step.note ?? null,
  });
}

export interface Notice {
  subject: string;
  /** Body for the applicant (omit to mail only staff). */
  applicant?: string | undefined;
  /** Body for the area's staff (omit to mail only the applicant). */
  staff?: string | undefined;
}

/**
 * Mail in the same transaction (the outbox): the applicant's contact address, and the area
 * managers (wijkregisseur role on the area or above) — an action that is rolled back sends nothing.
 */
export async function notify(tx: Writer, ctx: InitiativeContext, initiative: InitiativeRow, lineage: AreaLineage, notice: Notice): Promise<void> {
  const link = `${ctx.publicUrl}/initiatieven/${initiative.id}`;
  const footer = `\n\nKenmerk: ${initiative.reference}\nStatus: ${STATUS_LABELS_NL[initiative.status]}\nBekijk het initiatief: ${link}\n\nGemeente ${ctx.municipality.name} — Wijkwijs`;
  const sent = new Set<string>();
  if (notice.applicant !== undefined) {
    sent.add(initiative.contactEmail);
    await ctx.mailer.send(tx, {
      municipalityId: ctx.municipality.id,
      to: initiative.contactEmail,
      subject: `${notice.subject} — ${initiative.title}`,
      body: `Beste ${initiative.contactName},\n\n${notice.applicant}${footer}`,
    });
  }
  if (notice.staff !== undefined) {
    for (const email of await staffEmails(tx, ctx.municipality.id, [...lineage], ['wijkregisseur'], businessDate())) {
      if (sent.has(email)) continue;
      sent.add(email);
      await ctx.mailer.send(tx, {
        municipalityId: ctx.municipality.id,
        to: email,
        subject: `[${initiative.reference}] ${notice.subject} — ${initiative.title}`,
        body: `${notice.staff}${footer}`,
      });
    }
  }
}
