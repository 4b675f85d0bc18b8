// SPDX-License-Identifier: EUPL-1.2
// Initiatives as the API shows them, with `allowedActions` for the caller: the lifecycle steps the
// caller may take now (core/initiatives allowedActions over the caller's capabilities), with the
// decisions left out when the caller's mandate does not cover the amount asked for.
import { allowedActions, STATUS_LABELS_NL, type AllowedAction } from '../../core/initiatives/index.js';
import { daysRemaining, isOverdue } from '../../core/calendar/index.js';
import type { SignedInActor } from '../http/context.js';
import type { MunicipalitySettings } from '../municipalities/settings.js';
import type { RulesRow } from '../budgets/queries.js';
import { decidingRoles, mayAnyDecide } from '../budgets/mandate.js';
import { businessDate } from '../budgets/time.js';
import { attachableKinds, type InitiativeAccess } from './access.js';
import {
  AWAITING_DECISION,
  type AdviceRow,
  type AttachmentMeta,
  type CofunderRow,
  type CostLineRow,
  type InitiativeRow,
  type LetterRow,
  type StepRow,
} from './queries.js';
import { lifecycleContextOf } from './commands/common.js';

const DECISIONS = new Set(['grant', 'grant_partly', 'refuse']);
/** Where a decision can be taken, so a college decision recorded (POST …/college-decision). */
const COLLEGE_DECIDABLE: InitiativeRow['status'][] = ['admissible', 'in_advice'];

export function actionsFor(
  actor: SignedInActor,
  initiative: InitiativeRow,
  access: InitiativeAccess,
  rules: RulesRow | undefined,
  settings: Pick<MunicipalitySettings, 'roleLabels'>,
): AllowedAction[] {
  const actions = allowedActions(initiative.status, { ...lifecycleContextOf(initiative, rules?.rules), capabilities: access.capabilities });
  return actions.filter((a) => {
    if (!DECISIONS.has(a.action)) return true;
    if (!rules) return false;
    return mayAnyDecide(rules.rules, decidingRoles(actor, access.lineage), settings, rules.roleMap, initiative.requestedCents);
  });
}

function rulesRef(rules: RulesRow | undefined) {
  return rules ? { id: rules.id, key: rules.rulesKey, version: rules.version, name: rules.rules.name } : null;
}

export function presentSummary(i: InitiativeRow & { areaCode?: string; areaName?: string }, today = businessDate()) {
  const waiting = AWAITING_DECISION.includes(i.status) && i.decisionDeadline !== null;
  return {
    id: i.id,
    reference: i.reference,
    title: i.title,
    status: i.status,
    statusLabel: STATUS_LABELS_NL[i.status],
    area: { id: i.areaId, code: i.areaCode ?? null, name: i.areaName ?? null },
    budgetId: i.budgetId,
    requestedCents: i.requestedCents,
    grantedCents: i.grantedCents,
    submittedOn: i.submittedOn,
    decisionDeadline: i.decisionDeadline,
    overdue: waiting ? isOverdue(i.decisionDeadline!, today) : false,
    daysRemaining: waiting ? daysRemaining(i.decisionDeadline!, today) : null,
  };
}

/** A file on an initiative (never its content), with the address to download it. */
export function presentAttachment(a: AttachmentMeta, code: string) {
  return {
    id: a.id,
    kind: a.kind,
    filename: a.filename,
    mediaType: a.mediaType,
    sizeBytes: a.sizeBytes,
    sha256: a.sha256,
    uploadedBy: a.uploadedByLabel,
    createdAt: a.createdAt,
    href: `/api/municipalities/${code}/initiatives/${a.initiativeId}/attachments/${a.id}`,
  };
}

export interface DetailParts {
  lines: CostLineRow[];
  cofunders: CofunderRow[];
  advice: AdviceRow[];
  steps: StepRow[];
  letters: Omit<LetterRow, 'content'>[];
  money: { reserved: number; paid: number };
  attachments: ReturnType<typeof presentAttachment>[];
  areaCode: string | null;
  areaName: string | null;
}

export function presentDetail(i: InitiativeRow, parts: DetailParts, access: InitiativeAccess, rules: RulesRow | undefined, actions: AllowedAction[]) {
  return {
    ...presentSummary({
      ...i,
      ...(parts.areaCode !== null ? { areaCode: parts.areaCode } : {}),
      ...(parts.areaName !== null ? { areaName: parts.areaName } : {}),
    }),
    description: i.description,
    purpose: i.purpose,
    categories: i.categories,
    plannedStart: i.plannedStart,
    plannedEnd: i.plannedEnd,
    applicantType: i.applicantType,
    groupName: i.groupName,
    organisationId: i.organisationId,
    contactName: i.contactName,
    contactEmail: i.contactEmail,
    onBehalf: i.onBehalf,
    totalCostCents: i.totalCostCents,
    ownContributionCents: i.ownContributionCents,
    cofundingCents: i.cofundingCents,
    costLines: parts.lines.filter((l) => l.kind === 'planned').map(({ description, category, amountCents }) => ({ description, category, amountCents })),
    cofunders: parts.cofunders.map(({ name, organisationId, amountCents, status }) => ({ name, organisationId, amountCents, status })),
    rules: rulesRef(rules),
    decision: i.decision,
    motivation: i.motivation,
    decidedOn: i.decidedOn,
    decidedAs: i.decidedAs,
    collegeDecision: i.collegeDecidedOn !== null ? { decidedOn: i.collegeDecidedOn, number: i.collegeDecisionNumber } : null,
    advanceCents: i.advanceCents,
    reservedCents: parts.money.reserved,
    paidCents: parts.money.paid,
    actualCosts:
      i.actualCostsCents === null
        ? null
        : {
            totalCents: i.actualCostsCents,
            lines: parts.lines.filter((l) => l.kind === 'actual').map(({ description, category, amountCents }) => ({ description, category, amountCents })),
          },
    results: i.results,
    accountedOn: i.accountedOn,
    settledCents: i.settledCents,
    settledOn: i.settledOn,
    advice: access.staff
      ? parts.advice.map((a) => ({ id: a.id, kind: a.kind, recommendation: a.recommendation, text: a.text, author: a.authorLabel, createdAt: a.createdAt }))
      : [],
    steps: parts.steps.map((s) => ({
      action: s.action,
      from: s.fromStatus,
      to: s.toStatus,
      on: s.on,
      by: s.actorLabel,
      note: access.staff || s.action !== 'advise' ? s.note : null,
      at: s.createdAt,
    })),
    letters: parts.letters.map((l) => ({ id: l.id, kind: l.kind, mediaType: l.mediaType, createdAt: l.createdAt })),
    attachments: parts.attachments,
    allowedActions: actions,
    abilities: {
      editDraft: access.canEditDraft,
      advise: access.canAdvise && AWAITING_DECISION.includes(i.status),
      recordCollegeDecision: access.canRecordCollegeDecision && COLLEGE_DECIDABLE.includes(i.status),
      addAttachment: attachableKinds(access, i.status),
    },
  };
}
