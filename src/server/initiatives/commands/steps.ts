// SPDX-License-Identifier: EUPL-1.2
// The lifecycle steps after the draft: submit, admissibility, advice, decision, advance payment,
// execution, final account, settlement, withdrawal. Each step runs in the caller's transaction:
// lock the initiative, check the transition (core/initiatives), the mandate (core/mandates) and the
// money (core/ledger, on the locked budget row), then write the initiative, the ledger entries, the
// step, the audit event and the mail. Any refusal throws before commit, so nothing is saved.
import { transition, decisionActionFor, STATUS_LABELS_NL, type InitiativeStatus } from '../../../core/initiatives/index.js';
import { advancePayment, decisionDeadlineFor, requireRulesInForce, rulesInForce, validateApplication, type BudgetRules } from '../../../core/mandates/index.js';
import { assertCents, formatCents, sumCents } from '../../../core/money.js';
import { type RuleViolation } from '../../../core/rule-violation.js';
import { AppError, invalid } from '../../errors.js';
import { authorize } from '../../http/authorize.js';
import { findBudget, listRules, type BudgetRow, type RulesRow } from '../../budgets/queries.js';
import { openLedger } from '../../budgets/commands/ledger.js';
import { decidingRoles, assertRolesMayDecide, collegeRow } from '../../budgets/mandate.js';
import { readAmount, readDate, requiredText, type MoneyValue } from '../../budgets/input.js';
import { businessDate, nowIso } from '../../budgets/time.js';
import { findArea } from '../../areas/queries.js';
import {
  budgetsCovering,
  insertAdvice,
  insertLetter,
  listAttachments,
  listCostLines,
  replaceCostLines,
  updateInitiative,
  type InitiativeRow,
  type Writer,
} from '../queries.js';
import type { AdviceKind, AdviceRecommendation } from '../schema.js';
import { decisionLetter, decisionLetterInput, inadmissibleLetter, settlementLetter } from '../letters.js';
import { lifecycleContextOf, loadForStep, notify, recordStep, type InitiativeContext, type LoadedInitiative } from './common.js';
import type { CostLineBody } from './application.js';

/** Several rule violations at once: the first one's code, every message, each in `violations`. */
function throwViolations(violations: RuleViolation[]): void {
  const [first] = violations;
  if (!first) return;
  if (violations.length === 1) throw first;
  const message = violations.map((v) => v.message).join(' ');
  throw new AppError(
    first.code,
    422,
    { nl: message, en: message },
    { rule: first.code, violations: violations.map((v) => ({ code: v.code, message: v.message, details: v.details ?? null })) },
  );
}

function rulesOf(loaded: LoadedInitiative): { row: RulesRow; rules: BudgetRules } {
  if (!loaded.rules) throw new Error(`initiative ${loaded.initiative.id} has no rules version after submission`);
  return { row: loaded.rules, rules: loaded.rules.rules };
}

async function budgetOf(tx: Writer, ctx: InitiativeContext, initiative: InitiativeRow): Promise<BudgetRow> {
  const budget = initiative.budgetId ? await findBudget(tx, ctx.municipality.id, initiative.budgetId) : undefined;
  if (!budget) throw new Error(`initiative ${initiative.id} has no budget after submission`);
  return budget;
}

async function save(tx: Writer, ctx: InitiativeContext, id: string, values: Partial<InitiativeRow>): Promise<InitiativeRow> {
  return updateInitiative(tx, ctx.municipality.id, id, { ...values, updatedAt: nowIso() });
}

function statusWord(status: InitiativeStatus): string {
  return STATUS_LABELS_NL[status];
}

// ---- Submit ---------------------------------------------------------------------------------------

/** The budget an application goes to: the one chosen, or the nearest budget of the area (or above) open today. */
async function chooseBudget(tx: Writer, ctx: InitiativeContext, loaded: LoadedInitiative, on: string): Promise<BudgetRow> {
  const { initiative, lineage } = loaded;
  if (initiative.budgetId) {
    const budget = await findBudget(tx, ctx.municipality.id, initiative.budgetId);
    if (!budget || !lineage.includes(budget.areaId)) {
      throw invalid(
        'budget_area_mismatch',
        { nl: 'Het gekozen budget is niet bedoeld voor het gebied van dit initiatief.', en: 'The chosen budget is not for this area.' },
        { rule: 'budget_area_mismatch' },
      );
    }
    if (on < budget.periodStart || on > budget.periodEnd) {
      throw invalid(
        'budget_period_closed',
        {
          nl: `Bij het budget '${budget.name}' kan alleen van ${budget.periodStart} tot en met ${budget.periodEnd} worden aangevraagd; vandaag is ${on}.`,
          en: `Applications to budget '${budget.name}' are accepted from ${budget.periodStart} to ${budget.periodEnd}.`,
        },
        { rule: 'budget_period_closed', periodStart: budget.periodStart, periodEnd: budget.periodEnd },
      );
    }
    return budget;
  }
  const candidates = [...(await budgetsCovering(tx, ctx.municipality.id, [...lineage], on))].sort(
    (a, b) => lineage.indexOf(a.areaId) - lineage.indexOf(b.areaId),
  );
  // Of several budgets (e.g. one for the physical environment, one for social projects), the
  // nearest whose rules in force fund the purpose; otherwise the nearest, whose rules will say why not.
  let nearest = candidates[0];
  for (const candidate of candidates) {
    const rules = rulesInForce(
      (await listRules(tx, ctx.municipality.id, candidate.rulesKey)).map((v) => v.rules),
      on,
    );
    if (rules && (rules.eligiblePurposes === 'any' || rules.eligiblePurposes.includes(initiative.purpose))) {
      nearest = candidate;
      break;
    }
  }
  if (!nearest) {
    const area = await findArea(tx, ctx.municipality.id, initiative.areaId);
    throw invalid(
      'no_budget_available',
      {
        nl: `Er is op ${on} geen budget voor ${area?.name ?? 'dit gebied'} waaruit bewonersinitiatieven worden betaald.`,
        en: `There is no budget for this area on ${on}.`,
      },
      { rule: 'no_budget_available', on },
    );
  }
  return nearest;
}

export async function submitInitiative(tx: Writer, ctx: InitiativeContext, id: string): Promise<InitiativeRow> {
  const loaded = await loadForStep(tx, ctx, id);
  const { initiative, access } = loaded;
  const to = transition(initiative.status, 'submit', { capabilities: access.capabilities });
  const lines = (await listCostLines(tx, ctx.municipality.id, initiative.id)).filter((l) => l.kind === 'planned');
  const missing: string[] = [];
  if (initiative.description.trim() === '') missing.push('een beschrijving');
  if (initiative.purpose.trim() === '') missing.push('het doel');
  if (lines.length === 0) missing.push('een kostenbegroting (minstens één kostenregel)');
  if (initiative.applicantType === 'residents_group' && !initiative.groupName) missing.push('de naam van de bewonersgroep');
  if (initiative.applicantType === 'organisation' && !initiative.organisationId && !initiative.groupName) missing.push('de organisatie');
  if (missing.length > 0) {
    throw invalid(
      'application_incomplete',
      { nl: `De aanvraag is nog niet compleet: vul ${missing.join(', ')} in.`, en: 'The application is not complete.' },
      { rule: 'application_incomplete', missing },
    );
  }
  const today = businessDate();
  const budget = await chooseBudget(tx, ctx, loaded, today);
  const versions = await listRules(tx, ctx.municipality.id, budget.rulesKey);
  const rules = requireRulesInForce(
    versions.map((v) => v.rules),
    today,
  );
  const rulesRow = versions.find((v) => v.version === rules.version)!;
  throwViolations(
    validateApplication(rules, {
      applicantType: initiative.applicantType,
      purpose: initiative.purpose,
      categories: [...initiative.categories, ...lines.map((l) => l.category).filter((c): c is string => c !== null)],
      requestedAmount: initiative.requestedCents,
      ownContribution: initiative.ownContributionCents,
      cofunding: initiative.cofundingCents,
    }),
  );
  const deadline = decisionDeadlineFor(rules, today);
  const after = await save(tx, ctx, initiative.id, { status: to, budgetId: budget.id, rulesId: rulesRow.id, submittedOn: today, decisionDeadline: deadline });
  await recordStep(
    tx,
    ctx,
    after,
    { action: 'submit', from: initiative.status, to },
    {
      before: initiative,
      after: { status: to, budgetId: budget.id, rules: { key: rules.budgetKey, version: rules.version }, submittedOn: today, decisionDeadline: deadline },
    },
  );
  await notify(tx, ctx, after, loaded.lineage, {
    subject: 'Aanvraag ontvangen',
    applicant: `Wij hebben uw aanvraag van ${formatCents(after.requestedCents)} ontvangen op ${today}. Wij beslissen uiterlijk op ${deadline}. Uw aanvraag wordt beoordeeld volgens de spelregels '${rules.name}'.`,
    staff: `Nieuwe aanvraag: ${after.title} (${formatCents(after.requestedCents)}) bij budget '${budget.name}'. Beslissen uiterlijk op ${deadline}.`,
  });
  return after;
}

// ---- Admissibility and advice ---------------------------------------------------------------------

export async function assessInitiative(
  tx: Writer,
  ctx: InitiativeContext,
  id: string,
  input: { admissible: boolean; motivation?: string | undefined; requestAdvice?: boolean | undefined },
): Promise<InitiativeRow> {
  const loaded = await loadForStep(tx, ctx, id);
  const { initiative, access, lineage } = loaded;
  const today = businessDate();
  if (!input.admissible) {
    const to = transition(initiative.status, 'declare_inadmissible', { capabilities: access.capabilities, motivation: input.motivation });
    const motivation = input.motivation!.trim();
    const after = await save(tx, ctx, initiative.id, {
      status: to,
      decision: 'inadmissible',
      motivation,
      decidedOn: today,
      decidedById: ctx.actor.personId,
      decidedAs: 'beoordelaar',
    });
    await insertLetter(tx, {
      municipalityId: ctx.municipality.id,
      initiativeId: after.id,
      kind: 'inadmissible',
      mediaType: 'text/html; charset=utf-8',
      content: inadmissibleLetter({ municipalityName: ctx.municipality.name, initiative: after, motivation, on: today, deciderName: ctx.actor.name }),
      createdAt: nowIso(),
    });
    await recordStep(
      tx,
      ctx,
      after,
      { action: 'declare_inadmissible', from: initiative.status, to, note: motivation },
      { before: initiative, after: { status: to, motivation } },
    );
    await notify(tx, ctx, after, lineage, {
      subject: 'Aanvraag niet ontvankelijk',
      applicant: `Uw aanvraag is niet in behandeling genomen.\n\nMotivering: ${motivation}\n\nDe brief met dit besluit staat bij uw aanvraag in Wijkwijs.`,
      staff: `${after.title} is niet-ontvankelijk verklaard door ${ctx.actor.name}.`,
    });
    return after;
  }
  let status = transition(initiative.status, 'declare_admissible', { capabilities: access.capabilities });
  let after = await save(tx, ctx, initiative.id, { status });
  await recordStep(
    tx,
    ctx,
    after,
    { action: 'declare_admissible', from: initiative.status, to: status, note: input.motivation },
    { before: { status: initiative.status }, after: { status } },
  );
  if (input.requestAdvice) {
    const next = transition(status, 'request_advice', { capabilities: access.capabilities });
    after = await save(tx, ctx, initiative.id, { status: next });
    await recordStep(tx, ctx, after, { action: 'request_advice', from: status, to: next }, { before: { status }, after: { status: next } });
    status = next;
  }
  await notify(tx, ctx, after, lineage, {
    subject: 'Aanvraag ontvankelijk',
    applicant: `Uw aanvraag is ontvankelijk en wordt inhoudelijk beoordeeld${status === 'in_advice' ? '; er wordt advies over gevraagd' : ''}. Wij beslissen uiterlijk op ${after.decisionDeadline}.`,
    staff: `${after.title} is ontvankelijk verklaard door ${ctx.actor.name}${status === 'in_advice' ? ' en ligt voor advies voor' : ''}.`,
  });
  return after;
}

export async function requestAdvice(tx: Writer, ctx: InitiativeContext, id: string, input: { note?: string | undefined }): Promise<InitiativeRow> {
  const { initiative, access, lineage } = await loadForStep(tx, ctx, id);
  const to = transition(initiative.status, 'request_advice', { capabilities: access.capabilities });
  const after = await save(tx, ctx, initiative.id, { status: to });
  await recordStep(
    tx,
    ctx,
    after,
    { action: 'request_advice', from: initiative.status, to, note: input.note },
    { before: { status: initiative.status }, after: { status: to } },
  );
  await notify(tx, ctx, after, lineage, {
    subject: 'Advies gevraagd',
    staff: `Er is advies gevraagd over ${after.title}${input.note ? `: ${input.note}` : '.'}`,
  });
  return after;
}

const ADVISABLE: InitiativeStatus[] = ['submitted', 'admissible', 'in_advice'];

export async function adviseOnInitiative(
  tx: Writer,
  ctx: InitiativeContext,
  id: string,
  input: { kind: AdviceKind; recommendation: AdviceRecommendation; text: string },
): Promise<InitiativeRow> {
  const { initiative, lineage } = await loadForStep(tx, ctx, id);
  authorize(ctx.actor, 'initiative.advise', lineage);
  if (!ADVISABLE.includes(initiative.status)) {
    throw invalid(
      'advice_not_possible',
      {
        nl: `Over een initiatief met status '${statusWord(initiative.status)}' kan geen advies meer worden gegeven; advies hoort voor het besluit.`,
        en: `No advice can be given on an initiative with status '${initiative.status}'.`,
      },
      { rule: 'advice_not_possible', currentStatus: initiative.status },
    );
  }
  const text = requiredText(input.text, 'advice_text_required', { nl: 'Schrijf het advies op.', en: 'Write the advice.' });
  const advice = await insertAdvice(tx, {
    municipalityId: ctx.municipality.id,
    initiativeId: initiative.id,
    kind: input.kind,
    recommendation: input.recommendation,
    text,
    authorId: ctx.actor.personId,
    authorLabel: ctx.actor.name,
    createdAt: nowIso(),
  });
  await recordStep(
    tx,
    ctx,
    initiative,
    { action: 'advise', from: initiative.status, to: initiative.status, note: `${input.kind}: ${input.recommendation}` },
    { after: advice },
  );
  const words = { positive: 'positief', negative: 'negatief', neutral: 'neutraal' } as const;
  await notify(tx, ctx, initiative, lineage, {
    subject: 'Advies gegeven',
    staff: `${ctx.actor.name} adviseert ${words[input.recommendation]} over ${initiative.title}:\n\n${text}`,
  });
  return initiative;
}

// ---- Decision -------------------------------------------------------------------------------------

export interface DecisionInput {
  grantedAmount: MoneyValue;
  motivation: string;
  decision?: 'granted' | 'partly_granted' | 'refused' | undefined;
}

/** A decision of the college, recorded by staff: its date and number (besluitnummer) are required. */
export interface CollegeDecisionInput extends DecisionInput {
  collegeDecidedOn: string;
  decisionNumber: string;
}

/**
 * Checks a recorded college decision: the recorder holds initiative.record_college_decision on the
 * area (else 404/403), the mandate table has a row held by no role (the college) that covers the
 * amount, the besluitnummer is given, and the college's date lies between submission and today.
 */
function checkCollegeDecision(ctx: InitiativeContext, loaded: LoadedInitiative, input: CollegeDecisionInput, today: string) {
  const { initiative, lineage } = loaded;
  authorize(ctx.actor, 'initiative.record_college_decision', lineage);
  const { row: rulesRow, rules } = rulesOf(loaded);
  const row = collegeRow(rules, ctx.municipality.settings, rulesRow.roleMap, initiative.requestedCents);
  const number = requiredText(input.decisionNumber, 'college_decision_number_required', {
    nl: 'Vul het besluitnummer van het collegebesluit in.',
    en: 'Give the number of the college decision.',
  });
  const decidedOn = readDate(input.collegeDecidedOn, 'De datum van het collegebesluit');
  if (decidedOn > today || (initiative.submittedOn !== null && decidedOn < initiative.submittedOn)) {
    throw invalid(
      'college_decision_date_invalid',
      {
        nl: `De datum van het collegebesluit (${decidedOn}) moet liggen tussen de dag van indienen (${initiative.submittedOn ?? 'onbekend'}) en vandaag (${today}).`,
        en: 'The date of the college decision must lie between submission and today.',
      },
      { rule: 'college_decision_date_invalid', submittedOn: initiative.submittedOn, today },
    );
  }
  return { row, college: { decidedOn, number } };
}

export async function decideInitiative(tx: Writer, ctx: InitiativeContext, id: string, input: DecisionInput): Promise<InitiativeRow> {
  return decide(tx, ctx, id, input, null);
}

/** Records a decision the college took (above every role's mandate), with its date and besluitnummer. */
export async function recordCollegeDecision(tx: Writer, ctx: InitiativeContext, id: string, input: CollegeDecisionInput): Promise<InitiativeRow> {
  return decide(tx, ctx, id, input, input);
}

async function decide(tx: Writer, ctx: InitiativeContext, id: string, input: DecisionInput, collegeInput: CollegeDecisionInput | null): Promise<InitiativeRow> {
  const loaded = await loadForStep(tx, ctx, id);
  const { initiative, access, lineage } = loaded;
  const today = businessDate();
  // Recording the college's decision is taking the decide step on its behalf.
  const recorded = collegeInput ? checkCollegeDecision(ctx, loaded, collegeInput, today) : null;
  const capabilities = recorded ? new Set([...access.capabilities, 'initiative.decide' as const]) : access.capabilities;
  const granted = readAmount(input.grantedAmount, 'Het toegekende bedrag', 'non_negative');
  const action = decisionActionFor(initiative.requestedCents, granted);
  const to = transition(initiative.status, action, { capabilities, motivation: input.motivation });
  const expected = { grant: 'granted', grant_partly: 'partly_granted', refuse: 'refused' }[action] as 'granted' | 'partly_granted' | 'refused';
  if (input.decision !== undefined && input.decision !== expected) {
    throw invalid(
      'decision_mismatch',
      {
        nl: `Het besluit '${statusWord(input.decision)}' past niet bij het bedrag: ${formatCents(granted)} van de gevraagde ${formatCents(initiative.requestedCents)} is '${statusWord(expected)}'.`,
        en: `Decision '${input.decision}' does not match the amount (${expected}).`,
      },
      { rule: 'decision_mismatch', expected },
    );
  }
  const { row: rulesRow, rules } = rulesOf(loaded);
  // The decision concerns the application: the mandate must cover the amount asked for.
  const mandate =
    recorded?.row ?? assertRolesMayDecide(rules, decidingRoles(ctx.actor, lineage), ctx.municipality.settings, rulesRow.roleMap, initiative.requestedCents);
  const budget = await budgetOf(tx, ctx, initiative);
  const motivation = input.motivation.trim();
  const after = await save(tx, ctx, initiative.id, {
    status: to,
    decision: expected,
    grantedCents: granted,
    motivation,
    decidedOn: today,
    decidedById: ctx.actor.personId,
    decidedAs: mandate.label,
    collegeDecidedOn: recorded?.college.decidedOn ?? null,
    collegeDecisionNumber: recorded?.college.number ?? null,
  });
  const letter = decisionLetter(
    decisionLetterInput(after, {
      municipalityName: ctx.municipality.name,
      rules,
      areaName: (await findArea(tx, ctx.municipality.id, after.areaId))?.name ?? '',
      deciderName: ctx.actor.name,
    }),
  );
  await insertLetter(tx, {
    municipalityId: ctx.municipality.id,
    initiativeId: after.id,
    kind: 'decision',
    mediaType: 'text/html; charset=utf-8',
    content: letter,
    createdAt: nowIso(),
  });
  await notify(tx, ctx, after, lineage, {
    subject: `Besluit: ${statusWord(to)}`,
    applicant: `Er is besloten over uw aanvraag: ${statusWord(to)}${granted > 0 ? `, ${formatCents(granted)} van de gevraagde ${formatCents(after.requestedCents)}` : ''}.\n\nMotivering: ${motivation}\n\nDe brief met dit besluit (beschikking) staat bij uw aanvraag in Wijkwijs.`,
    staff: recorded
      ? `${ctx.actor.name} heeft het besluit van het ${mandate.label} (${recorded.college.decidedOn}, besluitnummer ${recorded.college.number}) over ${after.title} vastgelegd: ${statusWord(to)}, ${formatCents(granted)}.`
      : `${ctx.actor.name} (${mandate.label}) heeft besloten over ${after.title}: ${statusWord(to)}, ${formatCents(granted)}.`,
  });
  // The budget row is locked last, just before the audit event, so the stretch in which concurrent
  // decisions on the same budget wait for each other is as short as it can be.
  if (granted > 0) {
    const ledger = await openLedger(tx, ctx.audit, budget.id);
    await ledger.append({ type: 'reservation', amount: granted, initiativeId: initiative.id }, `Besluit ${initiative.reference}: ${statusWord(expected)}`);
  }
  await recordStep(
    tx,
    ctx,
    after,
    { action, from: initiative.status, to, note: motivation },
    {
      before: initiative,
      after: {
        status: to,
        grantedCents: granted,
        decidedAs: mandate.label,
        rules: { key: rules.budgetKey, version: rules.version },
        ...(recorded ? { college: { decidedOn: recorded.college.decidedOn, decisionNumber: recorded.college.number, recordedBy: ctx.actor.personId } } : {}),
      },
      reason: motivation,
    },
  );
  return after;
}

// ---- Money and execution --------------------------------------------------------------------------

export async function payAdvance(tx: Writer, ctx: InitiativeContext, id: string): Promise<InitiativeRow> {
  const loaded = await loadForStep(tx, ctx, id);
  const { initiative, access, lineage } = loaded;
  const { rules } = rulesOf(loaded);
  const to = transition(initiative.status, 'pay_advance', { ...lifecycleContextOf(initiative, rules), capabilities: access.capabilities });
  const amount = advancePayment(rules, initiative.grantedCents ?? 0);
  const ledger = await openLedger(tx, ctx.audit, (await budgetOf(tx, ctx, initiative)).id);
  await ledger.append({ type: 'payment', amount, initiativeId: initiative.id, kind: 'advance' }, `Voorschot ${initiative.reference}`);
  const after = await save(tx, ctx, initiative.id, { status: to, advanceCents: amount });
  await recordStep(
    tx,
    ctx,
    after,
    { action: 'pay_advance', from: initiative.status, to },
    { before: { status: initiative.status }, after: { status: to, advanceCents: amount } },
  );
  await notify(tx, ctx, after, lineage, {
    subject: 'Voorschot betaald',
    applicant: `Het voorschot van ${formatCents(amount)} is betaald. U kunt aan de slag.`,
    staff: `Voorschot van ${formatCents(amount)} betaald voor ${after.title}.`,
  });
  return after;
}

export async function startExecution(tx: Writer, ctx: InitiativeContext, id: string): Promise<InitiativeRow> {
  const loaded = await loadForStep(tx, ctx, id);
  const { initiative, access, lineage } = loaded;
  const to = transition(initiative.status, 'start_execution', { ...lifecycleContextOf(initiative, loaded.rules?.rules), capabilities: access.capabilities });
  const after = await save(tx, ctx, initiative.id, { status: to });
  await recordStep(
    tx,
    ctx,
    after,
    { action: 'start_execution', from: initiative.status, to },
    { before: { status: initiative.status }, after: { status: to } },
  );
  const needsAccount = lifecycleContextOf(after, loaded.rules?.rules).finalAccountRequired;
  await notify(tx, ctx, after, lineage, {
    subject: 'Uitvoering gestart',
    applicant: `Het initiatief is in uitvoering. ${needsAccount ? 'Bewaar de bonnen: na afloop legt u verantwoording af over de werkelijke kosten en wat het heeft opgeleverd.' : 'Laat ons na afloop weten wat het heeft opgeleverd.'}`,
    staff: `${after.title} is in uitvoering.`,
  });
  return after;
}

export async function submitAccount(tx: Writer, ctx: InitiativeContext, id: string, input: { lines: CostLineBody[]; results: string }): Promise<InitiativeRow> {
  const loaded = await loadForStep(tx, ctx, id);
  const { initiative, access, lineage } = loaded;
  const to = transition(initiative.status, 'submit_account', { ...lifecycleContextOf(initiative, loaded.rules?.rules), capabilities: access.capabilities });
  const results = requiredText(input.results, 'results_required', { nl: 'Beschrijf wat het initiatief heeft opgeleverd.', en: 'Describe the results.' });
  // Above the rules' threshold the final account is one with receipts (spelregels: finalAccountRequiredAbove).
  const rules = loaded.rules?.rules;
  if (rules && lifecycleContextOf(initiative, rules).finalAccountRequired) {
    const receipts = (await listAttachments(tx, ctx.municipality.id, initiative.id)).filter((a) => a.kind === 'receipt');
    if (receipts.length === 0) {
      throw invalid(
        'receipts_required',
        {
          nl: `Volgens de spelregels '${rules.name}' hoort bij de verantwoording van een subsidie boven ${formatCents(rules.finalAccountRequiredAbove ?? 0)} een verantwoording met bonnen: voeg minstens één bon toe.`,
          en: 'The rules require receipts with this final account: add at least one receipt.',
        },
        { rule: 'receipts_required', finalAccountRequiredAbove: rules.finalAccountRequiredAbove },
      );
    }
  }
  if (input.lines.length === 0)
    throw invalid(
      'account_lines_required',
      { nl: 'Noem de werkelijke kosten: minstens één regel met bon.', en: 'List the actual costs.' },
      { rule: 'account_lines_required' },
    );
  const lines = input.lines.map((l, index) => {
    const description = requiredText(l.description, 'cost_line_description_required', {
      nl: `Kostenregel ${index + 1} heeft geen omschrijving.`,
      en: `Cost line ${index + 1} has no description.`,
    });
    return { description, category: l.category?.trim() || null, amountCents: readAmount(l.amount, `Het bedrag van kostenregel ${index + 1} (${description})`) };
  });
  const actual = assertCents(sumCents(lines.map((l) => l.amountCents)), { label: 'De werkelijke kosten' });
  await replaceCostLines(tx, ctx.municipality.id, initiative.id, 'actual', lines);
  const after = await save(tx, ctx, initiative.id, { status: to, actualCostsCents: actual, results, accountedOn: businessDate() });
  await recordStep(
    tx,
    ctx,
    after,
    { action: 'submit_account', from: initiative.status, to },
    { before: { status: initiative.status }, after: { status: to, actualCostsCents: actual, lines, results } },
  );
  await notify(tx, ctx, after, lineage, {
    subject: 'Verantwoording ontvangen',
    applicant: `Wij hebben uw verantwoording ontvangen (werkelijke kosten ${formatCents(actual)}). Wij stellen de subsidie nu vast.`,
    staff: `Verantwoording ingediend voor ${after.title}: werkelijke kosten ${formatCents(actual)}.`,
  });
  return after;
}

/**
 * Settlement (vaststelling). The settled amount is at most the grant, and by default the actual
 * costs minus own contribution and co-funding (when accounted), else the grant. What was not paid
 * yet is paid (final payment); the rest of the reservation is released; money paid in advance but
 * not spent comes back (release). Every cent goes back to the budget's free room.
 */
export async function settleInitiative(
  tx: Writer,
  ctx: InitiativeContext,
  id: string,
  input: { settledAmount?: MoneyValue | undefined; note?: string | undefined },
): Promise<InitiativeRow> {
  const loaded = await loadForStep(tx, ctx, id);
  const { initiative, access, lineage } = loaded;
  const { rules } = rulesOf(loaded);
  const to = transition(initiative.status, 'settle', { ...lifecycleContextOf(initiative, rules), capabilities: access.capabilities });
  const granted = initiative.grantedCents ?? 0;
  const eligible =
    initiative.actualCostsCents === null
      ? granted
      : Math.min(granted, Math.max(0, initiative.actualCostsCents - initiative.ownContributionCents - initiative.cofundingCents));
  let settled = eligible;
  if (input.settledAmount !== undefined) {
    settled = readAmount(input.settledAmount, 'Het vastgestelde bedrag', 'non_negative');
    if (settled > granted) {
      throw invalid(
        'settled_amount_above_grant',
        {
          nl: `Het vastgestelde bedrag (${formatCents(settled)}) is hoger dan het toegekende bedrag (${formatCents(granted)}); een hoger bedrag vraagt een nieuw besluit.`,
          en: 'The settled amount exceeds the grant.',
        },
        { rule: 'settled_amount_above_grant', granted },
      );
    }
  }
  const ledger = await openLedger(tx, ctx.audit, (await budgetOf(tx, ctx, initiative)).id);
  const before = await ledger.initiative(initiative.id);
  const label = `Vaststelling ${initiative.reference}`;
  if (settled > before.paid) await ledger.append({ type: 'payment', amount: settled - before.paid, initiativeId: initiative.id, kind: 'final' }, label);
  if (settled < before.paid)
    await ledger.append({ type: 'release', amount: before.paid - settled, initiativeId: initiative.id }, `${label}: terugbetaling niet besteed geld`);
  const left = (await ledger.initiative(initiative.id)).reserved;
  if (left > 0) await ledger.append({ type: 'reservation_release', amount: left, initiativeId: initiative.id }, `${label}: vrijval niet gebruikte reservering`);
  const today = businessDate();
  const after = await save(tx, ctx, initiative.id, { status: to, settledCents: settled, settledOn: today });
  await insertLetter(tx, {
    municipalityId: ctx.municipality.id,
    initiativeId: after.id,
    kind: 'settlement',
    mediaType: 'text/html; charset=utf-8',
    content: settlementLetter({
      municipalityName: ctx.municipality.name,
      initiative: after,
      settledCents: settled,
      paidBeforeCents: before.paid,
      on: today,
      deciderName: ctx.actor.name,
      note: input.note?.trim() || null,
    }),
    createdAt: nowIso(),
  });
  await recordStep(
    tx,
    ctx,
    after,
    { action: 'settle', from: initiative.status, to, note: input.note },
    {
      before: { status: initiative.status, paid: before.paid, reserved: before.reserved },
      after: { status: to, settledCents: settled, released: granted - settled },
    },
  );
  const difference = settled - before.paid;
  await notify(tx, ctx, after, lineage, {
    subject: 'Subsidie vastgesteld',
    applicant: `De subsidie is vastgesteld op ${formatCents(settled)}. ${difference > 0 ? `Wij betalen nog ${formatCents(difference)}.` : difference < 0 ? `U betaalt ${formatCents(-difference)} terug.` : 'U hebt alles al ontvangen.'}`,
    staff: `${after.title} is vastgesteld op ${formatCents(settled)}; ${formatCents(granted - settled)} valt terug in het budget.`,
  });
  return after;
}

export async function withdrawInitiative(
  tx: Writer,
  ctx: InitiativeContext,
  id: string,
  input: { reason?: string | undefined; repaidAmount?: MoneyValue | undefined },
): Promise<InitiativeRow> {
  const loaded = await loadForStep(tx, ctx, id);
  const { initiative, access, lineage } = loaded;
  const to = transition(initiative.status, 'withdraw', { capabilities: access.capabilities });
  const reason = input.reason?.trim() || null;
  let released = 0;
  let repaid = 0;
  if (initiative.budgetId && initiative.grantedCents) {
    const ledger = await openLedger(tx, ctx.audit, initiative.budgetId);
    const money = await ledger.initiative(initiative.id);
    if (money.reserved > 0) {
      released = money.reserved;
      await ledger.append({ type: 'reservation_release', amount: money.reserved, initiativeId: initiative.id }, `Intrekking ${initiative.reference}`);
    }
    if (input.repaidAmount !== undefined) {
      repaid = readAmount(input.repaidAmount, 'Het terugbetaalde bedrag');
      await ledger.append({ type: 'release', amount: repaid, initiativeId: initiative.id }, `Intrekking ${initiative.reference}: terugbetaald`);
    }
  } else if (input.repaidAmount !== undefined) {
    throw invalid(
      'nothing_paid',
      { nl: 'Aan dit initiatief is niets betaald, dus er kan niets worden terugbetaald.', en: 'Nothing was paid to this initiative.' },
      { rule: 'nothing_paid' },
    );
  }
  const after = await save(tx, ctx, initiative.id, { status: to });
  await recordStep(
    tx,
    ctx,
    after,
    { action: 'withdraw', from: initiative.status, to, note: reason },
    { before: { status: initiative.status }, after: { status: to, releasedCents: released, repaidCents: repaid }, reason },
  );
  await notify(tx, ctx, after, lineage, {
    subject: 'Initiatief ingetrokken',
    applicant: `Het initiatief is ingetrokken${reason ? `: ${reason}` : '.'}`,
    staff: `${after.title} is ingetrokken door ${ctx.actor.name}${released > 0 ? `; ${formatCents(released)} gereserveerd geld valt terug in het budget` : ''}.`,
  });
  return after;
}
