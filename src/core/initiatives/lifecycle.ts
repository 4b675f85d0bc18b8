// SPDX-License-Identifier: EUPL-1.2
/**
 * The lifecycle of a residents' initiative (bewonersinitiatief) as a pure state machine.
 *
 *   draft ─submit→ submitted ─declare_admissible→ admissible ─request_advice→ in_advice
 *                            └declare_inadmissible→ inadmissible (end)
 *   admissible | in_advice ─grant | grant_partly | refuse→ granted | partly_granted | refused (end)
 *   granted | partly_granted ─pay_advance→ advance_paid ─start_execution→ in_execution
 *   granted | partly_granted ─start_execution→ in_execution        (when no advance is due)
 *   in_execution ─submit_account→ accounted ─settle→ settled (end)
 *   in_execution ─settle→ settled                                  (when no final account is required)
 *   any state except settled, refused, inadmissible and withdrawn ─withdraw→ withdrawn (end)
 *
 * Decisions (grant, grant_partly, refuse, declare_inadmissible) are formal decisions
 * (beschikkingen) and need a motivation (Awb art. 3:46). Each action needs one capability; the
 * mandate for the amount is checked separately (mandates/assertMayDecide).
 */

import { assertCents, formatCents, type Cents } from '../money.js';
import { RuleViolation } from '../rule-violation.js';

export type InitiativeStatus =
  | 'draft'
  | 'submitted'
  | 'admissible'
  | 'inadmissible'
  | 'in_advice'
  | 'granted'
  | 'partly_granted'
  | 'refused'
  | 'advance_paid'
  | 'in_execution'
  | 'accounted'
  | 'settled'
  | 'withdrawn';

export type InitiativeAction =
  | 'submit'
  | 'declare_admissible'
  | 'declare_inadmissible'
  | 'request_advice'
  | 'grant'
  | 'grant_partly'
  | 'refuse'
  | 'pay_advance'
  | 'start_execution'
  | 'submit_account'
  | 'settle'
  | 'withdraw';

export type InitiativeCapability =
  | 'initiative.submit'
  | 'initiative.assess'
  | 'initiative.decide'
  | 'initiative.pay'
  | 'initiative.execute'
  | 'initiative.account'
  | 'initiative.settle'
  | 'initiative.withdraw';

export const INITIATIVE_STATUSES: readonly InitiativeStatus[] = [
  'draft',
  'submitted',
  'admissible',
  'inadmissible',
  'in_advice',
  'granted',
  'partly_granted',
  'refused',
  'advance_paid',
  'in_execution',
  'accounted',
  'settled',
  'withdrawn',
];

export const STATUS_LABELS_NL: Readonly<Record<InitiativeStatus, string>> = {
  draft: 'concept',
  submitted: 'ingediend',
  admissible: 'ontvankelijk',
  inadmissible: 'niet-ontvankelijk',
  in_advice: 'in advies',
  granted: 'toegekend',
  partly_granted: 'gedeeltelijk toegekend',
  refused: 'afgewezen',
  advance_paid: 'voorschot betaald',
  in_execution: 'in uitvoering',
  accounted: 'verantwoord',
  settled: 'vastgesteld',
  withdrawn: 'ingetrokken',
};

/** Statuses with no way out. */
export const FINAL_STATUSES: readonly InitiativeStatus[] = ['inadmissible', 'refused', 'settled', 'withdrawn'];

export interface TransitionRule {
  readonly action: InitiativeAction;
  readonly from: readonly InitiativeStatus[];
  readonly to: InitiativeStatus;
  readonly capability: InitiativeCapability;
  /** A formal decision: needs a motivation. */
  readonly requiresMotivation: boolean;
  /** Dutch button text. */
  readonly label: string;
  /** Dutch past participle, for "kan niet worden …". */
  readonly participle: string;
}

const WITHDRAWABLE: readonly InitiativeStatus[] = INITIATIVE_STATUSES.filter((s) => !FINAL_STATUSES.includes(s));

export const TRANSITIONS: Readonly<Record<InitiativeAction, TransitionRule>> = {
  submit: {
    action: 'submit',
    from: ['draft'],
    to: 'submitted',
    capability: 'initiative.submit',
    requiresMotivation: false,
    label: 'Indienen',
    participle: 'ingediend',
  },
  declare_admissible: {
    action: 'declare_admissible',
    from: ['submitted'],
    to: 'admissible',
    capability: 'initiative.assess',
    requiresMotivation: false,
    label: 'Ontvankelijk verklaren',
    participle: 'ontvankelijk verklaard',
  },
  declare_inadmissible: {
    action: 'declare_inadmissible',
    from: ['submitted'],
    to: 'inadmissible',
    capability: 'initiative.assess',
    requiresMotivation: true,
    label: 'Niet-ontvankelijk verklaren',
    participle: 'niet-ontvankelijk verklaard',
  },
  request_advice: {
    action: 'request_advice',
    from: ['admissible'],
    to: 'in_advice',
    capability: 'initiative.assess',
    requiresMotivation: false,
    label: 'Advies vragen',
    participle: 'voor advies voorgelegd',
  },
  grant: {
    action: 'grant',
    from: ['admissible', 'in_advice'],
    to: 'granted',
    capability: 'initiative.decide',
    requiresMotivation: true,
    label: 'Toekennen',
    participle: 'toegekend',
  },
  grant_partly: {
    action: 'grant_partly',
    from: ['admissible', 'in_advice'],
    to: 'partly_granted',
    capability: 'initiative.decide',
    requiresMotivation: true,
    label: 'Gedeeltelijk toekennen',
    participle: 'gedeeltelijk toegekend',
  },
  refuse: {
    action: 'refuse',
    from: ['admissible', 'in_advice'],
    to: 'refused',
    capability: 'initiative.decide',
    requiresMotivation: true,
    label: 'Afwijzen',
    participle: 'afgewezen',
  },
  pay_advance: {
    action: 'pay_advance',
    from: ['granted', 'partly_granted'],
    to: 'advance_paid',
    capability: 'initiative.pay',
    requiresMotivation: false,
    label: 'Voorschot betalen',
    participle: 'bevoorschot',
  },
  start_execution: {
    action: 'start_execution',
    from: ['granted', 'partly_granted', 'advance_paid'],
    to: 'in_execution',
    capability: 'initiative.execute',
    requiresMotivation: false,
    label: 'Uitvoering starten',
    participle: 'in uitvoering genomen',
  },
  submit_account: {
    action: 'submit_account',
    from: ['in_execution'],
    to: 'accounted',
    capability: 'initiative.account',
    requiresMotivation: false,
    label: 'Verantwoording indienen',
    participle: 'verantwoord',
  },
  settle: {
    action: 'settle',
    from: ['accounted', 'in_execution'],
    to: 'settled',
    capability: 'initiative.settle',
    requiresMotivation: false,
    label: 'Vaststellen',
    participle: 'vastgesteld',
  },
  withdraw: {
    action: 'withdraw',
    from: WITHDRAWABLE,
    to: 'withdrawn',
    capability: 'initiative.withdraw',
    requiresMotivation: false,
    label: 'Intrekken',
    participle: 'ingetrokken',
  },
};

export const INITIATIVE_ACTIONS = Object.keys(TRANSITIONS) as InitiativeAction[];

/** Facts from the budget's rules that decide between paths. */
export interface LifecycleContext {
  /**
   * Is an advance due after the grant (rules.advancePaymentBp > 0)? true: a granted initiative
   * must be paid its advance before execution starts; false: pay_advance is not offered;
   * undefined: both paths are open.
   */
  readonly advanceDue?: boolean;
  /** Is a final account required (mandates/finalAccountRequired)? Default true. */
  readonly finalAccountRequired?: boolean;
  /** The actor's capabilities; when given, actions needing another capability are left out / refused. */
  readonly capabilities?: Iterable<InitiativeCapability>;
}

export interface AllowedAction {
  readonly action: InitiativeAction;
  readonly to: InitiativeStatus;
  readonly capability: InitiativeCapability;
  readonly requiresMotivation: boolean;
  readonly label: string;
}

/** Why an action is not possible from `status` under `context`, or undefined if it is (capability aside). */
function blockedReason(status: InitiativeStatus, rule: TransitionRule, context: LifecycleContext): string | undefined {
  if (!rule.from.includes(status)) return '';
  if (rule.action === 'settle' && status === 'in_execution' && (context.finalAccountRequired ?? true)) {
    return ': eerst moet de verantwoording worden ingediend';
  }
  if (rule.action === 'pay_advance' && context.advanceDue === false) {
    return ': volgens de spelregels wordt geen voorschot betaald';
  }
  if (rule.action === 'start_execution' && (status === 'granted' || status === 'partly_granted') && context.advanceDue === true) {
    return ': eerst moet het voorschot worden betaald';
  }
  return undefined;
}

function isStatus(value: unknown): value is InitiativeStatus {
  return typeof value === 'string' && (INITIATIVE_STATUSES as readonly string[]).includes(value);
}

function isAction(value: unknown): value is InitiativeAction {
  return typeof value === 'string' && Object.hasOwn(TRANSITIONS, value);
}

/**
 * The actions possible from `status`, in lifecycle order, for the UI to show. With
 * `context.capabilities`, only the actions the actor may take.
 */
export function allowedActions(status: InitiativeStatus, context: LifecycleContext = {}): AllowedAction[] {
  if (!isStatus(status)) return [];
  const capabilities = context.capabilities === undefined ? undefined : new Set(context.capabilities);
  return INITIATIVE_ACTIONS.map((action) => TRANSITIONS[action])
    .filter((rule) => blockedReason(status, rule, context) === undefined)
    .filter((rule) => capabilities === undefined || capabilities.has(rule.capability))
    .map(({ action, to, capability, requiresMotivation, label }) => ({
      action,
      to,
      capability,
      requiresMotivation,
      label,
    }));
}

export function canTransition(status: InitiativeStatus, action: InitiativeAction, context: LifecycleContext = {}): boolean {
  return allowedActions(status, context).some((a) => a.action === action);
}

export interface TransitionInput extends LifecycleContext {
  /** Required for formal decisions; trimmed, must not be empty. */
  readonly motivation?: string;
}

/**
 * The status after `action`, or a RuleViolation: `transition_not_allowed` ("Een initiatief met
 * status 'concept' kan niet worden toegekend."), `motivation_required`, or `capability_missing`.
 */
export function transition(status: InitiativeStatus, action: InitiativeAction, input: TransitionInput = {}): InitiativeStatus {
  if (!isStatus(status)) {
    throw new RuleViolation('transition_not_allowed', `Onbekende status '${String(status)}'.`, {
      status: String(status),
      action: String(action),
    });
  }
  if (!isAction(action)) {
    throw new RuleViolation('transition_not_allowed', `Onbekende actie '${String(action)}'.`, {
      status,
      action: String(action),
    });
  }
  const rule = TRANSITIONS[action];
  const reason = blockedReason(status, rule, input);
  if (reason !== undefined) {
    throw new RuleViolation('transition_not_allowed', `Een initiatief met status '${STATUS_LABELS_NL[status]}' kan niet worden ${rule.participle}${reason}.`, {
      status,
      action,
      allowed: allowedActions(status, { ...input, capabilities: undefined }).map((a) => a.action),
    });
  }
  if (input.capabilities !== undefined && !new Set(input.capabilities).has(rule.capability)) {
    throw new RuleViolation('capability_missing', `U mag de stap '${rule.label}' niet zetten: daarvoor is de bevoegdheid '${rule.capability}' nodig.`, {
      status,
      action,
      capability: rule.capability,
    });
  }
  if (rule.requiresMotivation && (typeof input.motivation !== 'string' || input.motivation.trim() === '')) {
    throw new RuleViolation(
      'motivation_required',
      `Een besluit waarmee een initiatief wordt ${rule.participle} moet worden gemotiveerd (Awb art. 3:46). Vul de motivering in.`,
      { status, action },
    );
  }
  return rule.to;
}

export function isFinalStatus(status: InitiativeStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

/**
 * Which decision action fits the amounts: all requested → grant, part → grant_partly, nothing →
 * refuse. Throws `granted_amount_invalid` when more is granted than was requested.
 */
export function decisionActionFor(requestedAmount: Cents, grantedAmount: Cents): 'grant' | 'grant_partly' | 'refuse' {
  const requested = assertCents(requestedAmount, { sign: 'positive', label: 'Het gevraagde bedrag' });
  const granted = assertCents(grantedAmount, { label: 'Het toegekende bedrag' });
  if (granted > requested) {
    throw new RuleViolation(
      'granted_amount_invalid',
      `Het toegekende bedrag van ${formatCents(granted)} is hoger dan het gevraagde bedrag van ${formatCents(requested)}.`,
      { requested, granted },
    );
  }
  if (granted === requested) return 'grant';
  return granted === 0 ? 'refuse' : 'grant_partly';
}
