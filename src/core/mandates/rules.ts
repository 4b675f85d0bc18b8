// SPDX-License-Identifier: EUPL-1.2
/**
 * The rules of a budget (spelregels), versioned, and what follows from them: whether an
 * application fits, who may decide which amount (mandaat), the advance payment and whether a final
 * account is needed.
 *
 * An application is judged by the rules version in force on the day it was submitted
 * ({@link rulesInForce}), even if the rules change while it is being handled.
 */

import { type IsoDate, AWB_DEFAULT_DECISION_WEEKS, assertIsoDate, compareIsoDates, decisionDeadline } from '../calendar/index.js';
import type { YearEndBehaviour } from '../ledger/index.js';
import { DEFAULT_AMOUNT_CEILING, assertCents, basisPointsOf, euros, formatBasisPoints, formatCents, isAtLeastShare, type Cents } from '../money.js';
import { RuleViolation } from '../rule-violation.js';

export type ApplicantType = 'residents_group' | 'resident' | 'organisation';

export const APPLICANT_TYPES: readonly ApplicantType[] = ['residents_group', 'resident', 'organisation'];

export const APPLICANT_TYPE_LABELS_NL: Readonly<Record<ApplicantType, string>> = {
  residents_group: 'bewonersgroep',
  resident: 'bewoner',
  organisation: 'organisatie',
};

/**
 * What may be published about an initiative. Names of private persons are deliberately not an
 * option (AVG); an organisation's name is.
 */
export type PublishedField =
  'title' | 'summary' | 'area' | 'amount_requested' | 'amount_granted' | 'decision' | 'motivation' | 'organisation_name' | 'payments' | 'final_account';

export const PUBLISHED_FIELDS: readonly PublishedField[] = [
  'title',
  'summary',
  'area',
  'amount_requested',
  'amount_granted',
  'decision',
  'motivation',
  'organisation_name',
  'payments',
  'final_account',
];

/** One row of the mandate table: `role` may decide amounts up to and including `upTo`. */
export interface MandateRow {
  /** Role key, e.g. "wijkregisseur". */
  readonly role: string;
  /** The municipality's own Dutch word for the role, e.g. "wijkregisseur", "wijkmakelaar". */
  readonly label: string;
  /** Inclusive limit in cents; `null` for no limit (the college, usually the last row). */
  readonly upTo: Cents | null;
}

export interface BudgetRules {
  /** Which budget these rules govern, e.g. "almelo-wijkbudget". */
  readonly budgetKey: string;
  /** 1, 2, …: later versions replace earlier ones from their `validFrom`. */
  readonly version: number;
  /** Dutch name, e.g. "Spelregels wijkbudget Almelo". */
  readonly name: string;
  /** First day in force (inclusive). */
  readonly validFrom: IsoDate;
  /** Last day in force (inclusive); absent when open-ended. */
  readonly validUntil?: IsoDate;
  /** Purpose keys that may be funded, or 'any'. */
  readonly eligiblePurposes: readonly string[] | 'any';
  /** Purpose or spending-category keys that are never funded, e.g. "facilities". */
  readonly exclusions: readonly string[];
  /** Dutch labels of purpose and category keys, for messages and screens. */
  readonly labels: Readonly<Record<string, string>>;
  readonly applicantTypes: readonly ApplicantType[];
  readonly minAmount: Cents;
  readonly maxAmount: Cents;
  /** Required own contribution, as a share of the total cost, in basis points (2500 = 25%). */
  readonly ownContributionBp: number;
  /** Required co-funding by third parties, as a share of the total cost, in basis points. */
  readonly cofundingBp: number;
  /** Ordered by `upTo`, ascending; the last row must cover `maxAmount`. */
  readonly mandates: readonly MandateRow[];
  /** Decision term in weeks (Awb default 8). */
  readonly decisionDeadlineWeeks: number;
  /** Advance paid after a grant, as a share of the granted amount in basis points. */
  readonly advancePaymentBp: number;
  /** A final account (verantwoording) is required for grants above this; `null`: never. */
  readonly finalAccountRequiredAbove: Cents | null;
  readonly published: readonly PublishedField[];
  readonly yearEnd: YearEndBehaviour;
  /** Do pledged, not yet received co-funding count as available money? */
  readonly pledgesCountAsAvailable: boolean;
}

/** Everything with a sensible default may be left out. */
export type BudgetRulesInput = Pick<
  BudgetRules,
  'budgetKey' | 'version' | 'name' | 'validFrom' | 'eligiblePurposes' | 'applicantTypes' | 'maxAmount' | 'mandates'
> &
  Partial<Omit<BudgetRules, 'budgetKey' | 'version' | 'name' | 'validFrom' | 'eligiblePurposes' | 'applicantTypes' | 'maxAmount' | 'mandates'>>;

/**
 * Defaults: no minimum beyond one cent, no own contribution or co-funding required, 8 weeks to
 * decide, 100% paid in advance (usual for small residents' initiatives), a final account above
 * EUR 5,000 (the usual threshold for setting a subsidy without an account), title, summary, area,
 * granted amount and decision published, unspent money lapses at year end, pledges do not count.
 */
export const RULE_DEFAULTS = {
  exclusions: [] as readonly string[],
  labels: {} as Readonly<Record<string, string>>,
  minAmount: 1,
  ownContributionBp: 0,
  cofundingBp: 0,
  decisionDeadlineWeeks: AWB_DEFAULT_DECISION_WEEKS,
  advancePaymentBp: 10_000,
  finalAccountRequiredAbove: euros(5_000) as Cents | null,
  published: ['title', 'summary', 'area', 'amount_granted', 'decision'] as readonly PublishedField[],
  yearEnd: 'lapse' as YearEndBehaviour,
  pledgesCountAsAvailable: false,
} as const;

/** Fills in defaults and checks the rules; throws RuleViolation `rules_invalid` listing every problem. */
export function defineRules(input: BudgetRulesInput): BudgetRules {
  const rules: BudgetRules = { ...RULE_DEFAULTS, ...stripUndefined(input) };
  const problems = validateRules(rules);
  if (problems.length > 0) {
    throw new RuleViolation('rules_invalid', `De spelregels '${String(rules.name)}' kloppen niet: ${problems.join(' ')}`, {
      budgetKey: rules.budgetKey,
      version: rules.version,
      problems,
    });
  }
  return rules;
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Array.isArray without widening a readonly array to any[]. */
function isList<T>(value: readonly T[] | string | undefined): value is readonly T[] {
  return Array.isArray(value);
}

function isBasisPoints(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= 10_000;
}

function isAmount(value: unknown): value is Cents {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= DEFAULT_AMOUNT_CEILING;
}

/** Checks a rules version for internal consistency; returns Dutch descriptions of the problems. */
export function validateRules(rules: BudgetRules): string[] {
  const problems: string[] = [];
  const say = (text: string): void => {
    problems.push(text);
  };
  if (typeof rules.budgetKey !== 'string' || rules.budgetKey.trim() === '') say('Het budget ontbreekt.');
  if (!Number.isSafeInteger(rules.version) || rules.version < 1) say('Het versienummer is een heel getal vanaf 1.');
  if (typeof rules.name !== 'string' || rules.name.trim() === '') say('De naam ontbreekt.');
  let from: IsoDate | undefined;
  try {
    from = assertIsoDate(rules.validFrom);
  } catch {
    say('De ingangsdatum is geen geldige datum.');
  }
  if (rules.validUntil !== undefined) {
    try {
      const until = assertIsoDate(rules.validUntil);
      if (from !== undefined && compareIsoDates(until, from) < 0) say('De einddatum ligt voor de ingangsdatum.');
    } catch {
      say('De einddatum is geen geldige datum.');
    }
  }
  if (rules.eligiblePurposes !== 'any') {
    if (!isList(rules.eligiblePurposes) || rules.eligiblePurposes.length === 0) {
      say("Noem minstens één doel waarvoor het budget bedoeld is, of 'any'.");
    } else {
      for (const purpose of rules.eligiblePurposes) {
        if (rules.exclusions.includes(purpose)) say(`Het doel '${purpose}' is zowel toegestaan als uitgesloten.`);
      }
    }
  }
  if (!isList(rules.applicantTypes) || rules.applicantTypes.length === 0) {
    say('Noem minstens één soort aanvrager.');
  } else {
    for (const type of rules.applicantTypes) {
      if (!APPLICANT_TYPES.includes(type)) say(`Onbekende soort aanvrager '${String(type)}'.`);
    }
  }
  const amountsValid = isAmount(rules.minAmount) && isAmount(rules.maxAmount);
  if (!isAmount(rules.minAmount) || rules.minAmount < 1) say('Het minimumbedrag is een bedrag in centen van minstens 1.');
  if (!isAmount(rules.maxAmount)) say('Het maximumbedrag is geen geldig bedrag in centen.');
  if (amountsValid && rules.minAmount > rules.maxAmount) say('Het minimumbedrag is hoger dan het maximumbedrag.');
  for (const [key, label] of [
    ['ownContributionBp', 'eigen bijdrage'],
    ['cofundingBp', 'cofinanciering'],
    ['advancePaymentBp', 'voorschot'],
  ] as const) {
    if (!isBasisPoints(rules[key])) say(`Het aandeel ${label} ligt tussen 0 en 10.000 basispunten (0-100%).`);
  }
  if (isBasisPoints(rules.ownContributionBp) && isBasisPoints(rules.cofundingBp) && rules.ownContributionBp + rules.cofundingBp >= 10_000) {
    say('Eigen bijdrage en cofinanciering samen laten niets over voor het budget.');
  }
  if (!Number.isSafeInteger(rules.decisionDeadlineWeeks) || rules.decisionDeadlineWeeks < 1 || rules.decisionDeadlineWeeks > 52) {
    say('De beslistermijn is een heel aantal weken, van 1 tot en met 52.');
  }
  if (rules.finalAccountRequiredAbove !== null && !isAmount(rules.finalAccountRequiredAbove)) {
    say('De grens voor verantwoording is geen geldig bedrag in centen.');
  }
  for (const field of rules.published) {
    if (!PUBLISHED_FIELDS.includes(field)) say(`Onbekend publicatieveld '${String(field)}'.`);
  }
  if (rules.yearEnd !== 'carry_over' && rules.yearEnd !== 'lapse') say("Het jaareinde is 'carry_over' of 'lapse'.");
  if (typeof rules.pledgesCountAsAvailable !== 'boolean') say('Geef aan of toezeggingen meetellen (ja of nee).');

  if (!isList(rules.mandates) || rules.mandates.length === 0) {
    say('De mandaattabel is leeg: niemand mag besluiten.');
  } else {
    const roles = new Set<string>();
    let previous = 0;
    rules.mandates.forEach((row, index) => {
      const last = index === rules.mandates.length - 1;
      if (typeof row.role !== 'string' || row.role.trim() === '') say(`Mandaatregel ${index + 1} heeft geen rol.`);
      if (roles.has(row.role)) say(`De rol '${row.role}' staat twee keer in de mandaattabel.`);
      roles.add(row.role);
      if (typeof row.label !== 'string' || row.label.trim() === '') say(`Mandaatregel ${index + 1} heeft geen naam.`);
      if (row.upTo === null) {
        if (!last) say(`Alleen de laatste mandaatregel mag onbeperkt zijn (regel ${index + 1} is het niet).`);
      } else if (!isAmount(row.upTo) || row.upTo <= previous) {
        say(`De mandaatgrenzen moeten oplopen: regel ${index + 1} (${row.label}) ligt niet boven de vorige.`);
      } else {
        previous = row.upTo;
      }
      if (last && row.upTo !== null && isAmount(rules.maxAmount) && row.upTo < rules.maxAmount) {
        say(`Niemand mag besluiten over bedragen tussen ${formatCents(row.upTo)} en het maximum van ${formatCents(rules.maxAmount)}.`);
      }
    });
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Versions

/**
 * The version in force on `date`: `validFrom` ≤ date ≤ `validUntil` (when set). When several
 * qualify, the one with the latest `validFrom` wins, then the highest version number.
 * `undefined` when none is in force (before the first version, or after a pilot ended).
 */
export function rulesInForce(versions: readonly BudgetRules[], date: IsoDate): BudgetRules | undefined {
  assertIsoDate(date);
  let best: BudgetRules | undefined;
  for (const rules of versions) {
    if (compareIsoDates(rules.validFrom, date) > 0) continue;
    if (rules.validUntil !== undefined && compareIsoDates(date, rules.validUntil) > 0) continue;
    if (best === undefined || compareIsoDates(rules.validFrom, best.validFrom) > 0 || (rules.validFrom === best.validFrom && rules.version > best.version)) {
      best = rules;
    }
  }
  return best;
}

/** Like {@link rulesInForce}, but throws RuleViolation `no_rules_in_force`. */
export function requireRulesInForce(versions: readonly BudgetRules[], date: IsoDate): BudgetRules {
  const rules = rulesInForce(versions, date);
  if (rules === undefined) {
    throw new RuleViolation('no_rules_in_force', `Op ${date} gelden er geen spelregels voor dit budget; er kan op die datum niet worden aangevraagd.`, {
      date,
      versions: versions.map((v) => ({ version: v.version, validFrom: v.validFrom, validUntil: v.validUntil })),
    });
  }
  return rules;
}

// ---------------------------------------------------------------------------------------------
// Applications

export interface Application {
  readonly applicantType: ApplicantType;
  /** Purpose key, e.g. "physical_environment". */
  readonly purpose: string;
  /** What the money is spent on (keys), checked against the exclusions, e.g. ["facilities"]. */
  readonly categories?: readonly string[];
  /** The amount asked from this budget. */
  readonly requestedAmount: Cents;
  /** The applicant's own contribution (money, or own work valued in money). Default 0. */
  readonly ownContribution?: Cents;
  /** Contributions from third parties (housing corporation, bank, funds). Default 0. */
  readonly cofunding?: Cents;
}

function labelOf(rules: BudgetRules, key: string): string {
  return rules.labels[key] ?? key;
}

/**
 * Every way in which `application` does not fit `rules` (empty when it fits): amount bounds,
 * eligible purpose, excluded purpose or category, applicant type, own contribution and co-funding
 * shares. The total cost is requested + own contribution + co-funding.
 */
export function validateApplication(rules: BudgetRules, application: Application): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const collect = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (error) {
      if (error instanceof RuleViolation) {
        violations.push(error);
        return undefined;
      }
      throw error;
    }
  };
  const rulesName = `de spelregels '${rules.name}'`;

  const requested = collect(() => assertCents(application.requestedAmount, { sign: 'positive', label: 'Het gevraagde bedrag' }));
  const own = collect(() => assertCents(application.ownContribution ?? 0, { sign: 'non_negative', label: 'De eigen bijdrage' }));
  const cofunding = collect(() => assertCents(application.cofunding ?? 0, { sign: 'non_negative', label: 'De cofinanciering' }));

  if (requested !== undefined) {
    if (requested < rules.minAmount) {
      violations.push(
        new RuleViolation(
          'amount_below_rule_minimum',
          `Het gevraagde bedrag van ${formatCents(requested)} is lager dan het minimum van ${formatCents(rules.minAmount)} volgens ${rulesName}.`,
          { requested, minAmount: rules.minAmount },
        ),
      );
    }
    if (requested > rules.maxAmount) {
      violations.push(
        new RuleViolation(
          'amount_above_rule_maximum',
          `Het gevraagde bedrag van ${formatCents(requested)} is hoger dan het maximum van ${formatCents(rules.maxAmount)} volgens ${rulesName}.`,
          { requested, maxAmount: rules.maxAmount },
        ),
      );
    }
  }

  const purpose = application.purpose;
  if (rules.eligiblePurposes !== 'any' && !rules.eligiblePurposes.includes(purpose)) {
    const allowed = rules.eligiblePurposes.map((p) => labelOf(rules, p)).join(', ');
    violations.push(
      new RuleViolation('purpose_not_eligible', `Het doel '${labelOf(rules, purpose)}' valt niet onder ${rulesName}; het budget is bedoeld voor: ${allowed}.`, {
        purpose,
        eligiblePurposes: rules.eligiblePurposes,
      }),
    );
  }
  const excluded = [purpose, ...(application.categories ?? [])].filter((key, index, all) => rules.exclusions.includes(key) && all.indexOf(key) === index);
  for (const key of excluded) {
    violations.push(
      new RuleViolation(
        'purpose_excluded',
        key === purpose
          ? `Het doel '${labelOf(rules, key)}' is uitgesloten volgens ${rulesName}.`
          : `Uitgaven voor '${labelOf(rules, key)}' zijn uitgesloten volgens ${rulesName}.`,
        { excluded: key },
      ),
    );
  }

  if (!rules.applicantTypes.includes(application.applicantType)) {
    const allowed = joinOr(rules.applicantTypes.map((t) => APPLICANT_TYPE_LABELS_NL[t]));
    const given = APPLICANT_TYPE_LABELS_NL[application.applicantType] ?? String(application.applicantType);
    violations.push(
      new RuleViolation('applicant_type_not_allowed', `Volgens ${rulesName} kan alleen een ${allowed} aanvragen, geen ${given}.`, {
        applicantType: application.applicantType,
        applicantTypes: rules.applicantTypes,
      }),
    );
  }

  if (requested !== undefined && own !== undefined && cofunding !== undefined) {
    const total = requested + own + cofunding;
    for (const [share, amount, code, label] of [
      [rules.ownContributionBp, own, 'own_contribution_insufficient', 'eigen bijdrage'],
      [rules.cofundingBp, cofunding, 'cofunding_insufficient', 'cofinanciering'],
    ] as const) {
      if (share > 0 && !isAtLeastShare(amount, total, share)) {
        const actualBp = Number((BigInt(amount) * 10_000n) / BigInt(total));
        violations.push(
          new RuleViolation(
            code,
            `De ${label} is ${formatCents(amount)}, ${formatBasisPoints(actualBp)} van de totale kosten van ${formatCents(total)}; ${rulesName} vragen minstens ${formatBasisPoints(share)}.`,
            { amount, total, requiredBp: share },
          ),
        );
      }
    }
  }
  return violations;
}

function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} of ${items[items.length - 1] ?? ''}`;
}

// ---------------------------------------------------------------------------------------------
// Mandates

/** The lowest row of the mandate table that covers `amount`: who must (at least) decide. */
export function requiredDeciderRole(rules: BudgetRules, amount: Cents): MandateRow {
  const value = assertCents(amount, { label: 'Het bedrag van het besluit' });
  const row = rules.mandates.find((r) => r.upTo === null || value <= r.upTo);
  if (row === undefined) {
    throw new RuleViolation('mandate_missing', `Volgens de spelregels '${rules.name}' mag niemand besluiten over ${formatCents(value)}.`, { amount: value });
  }
  return row;
}

/** Does `role` have the mandate to decide on `amount`? A role may decide anything up to its limit. */
export function mayDecide(rules: BudgetRules, role: string, amount: Cents): boolean {
  const value = assertCents(amount, { label: 'Het bedrag van het besluit' });
  const row = rules.mandates.find((r) => r.role === role);
  return row !== undefined && (row.upTo === null || value <= row.upTo);
}

/**
 * Throws RuleViolation `mandate_exceeded` (HTTP 403) naming the role, its limit and who must
 * decide instead, unless `role` may decide on `amount`.
 */
export function assertMayDecide(rules: BudgetRules, role: string, amount: Cents): void {
  const value = assertCents(amount, { label: 'Het bedrag van het besluit' });
  if (mayDecide(rules, role, value)) return;
  const row = rules.mandates.find((r) => r.role === role);
  let required: MandateRow | undefined;
  try {
    required = requiredDeciderRole(rules, value);
  } catch {
    required = undefined;
  }
  const instead = required ? ` Hiervoor is een besluit van de ${required.label} nodig.` : '';
  if (row === undefined) {
    throw new RuleViolation(
      'mandate_exceeded',
      `De rol '${role}' heeft geen mandaat om te besluiten over het budget volgens de spelregels '${rules.name}'.${instead}`,
      { role, limit: null, amount: value, requiredRole: required?.role ?? null },
    );
  }
  throw new RuleViolation(
    'mandate_exceeded',
    `De ${row.label} mag besluiten tot en met ${formatCents(row.upTo ?? 0)}; dit besluit gaat over ${formatCents(value)}.${instead}`,
    { role, limit: row.upTo, amount: value, requiredRole: required?.role ?? null },
  );
}

// ---------------------------------------------------------------------------------------------
// Payments, accounts and deadlines

/** The advance on a grant: `advancePaymentBp` of the granted amount, rounded half-to-even. */
export function advancePayment(rules: BudgetRules, grantedAmount: Cents): Cents {
  const granted = assertCents(grantedAmount, { label: 'Het toegekende bedrag' });
  return basisPointsOf(granted, rules.advancePaymentBp);
}

/** Is a final account (verantwoording) required for this granted amount? */
export function finalAccountRequired(rules: BudgetRules, grantedAmount: Cents): boolean {
  const granted = assertCents(grantedAmount, { label: 'Het toegekende bedrag' });
  return rules.finalAccountRequiredAbove !== null && granted > rules.finalAccountRequiredAbove;
}

/** Last day for the decision on an application submitted on `submittedOn` under `rules`. */
export function decisionDeadlineFor(rules: BudgetRules, submittedOn: IsoDate): IsoDate {
  return decisionDeadline(submittedOn, rules.decisionDeadlineWeeks);
}
