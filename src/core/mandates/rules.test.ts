// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { closeYear, deriveBalance, type LedgerEntry } from '../ledger/index.js';
import { euros } from '../money.js';
import { RuleViolation } from '../rule-violation.js';
import { EXAMPLE_BUDGETS, almelo, oosterhout, oudeIJsselstreek, venlo, voorschoten } from './examples.js';
import {
  RULE_DEFAULTS,
  advancePayment,
  assertMayDecide,
  decisionDeadlineFor,
  defineRules,
  finalAccountRequired,
  mayDecide,
  requireRulesInForce,
  requiredDeciderRole,
  rulesInForce,
  validateApplication,
  validateRules,
  type Application,
  type BudgetRules,
  type BudgetRulesInput,
} from './index.js';

function violationOf(fn: () => unknown): RuleViolation {
  try {
    fn();
  } catch (error) {
    if (error instanceof RuleViolation) return error;
    throw error;
  }
  throw new Error('expected a RuleViolation');
}

function only<T>(items: readonly T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}

const almelo2020 = only(almelo.rules.filter((r) => r.version === 1));
const almelo2023 = only(almelo.rules.filter((r) => r.version === 2));
const voorschotenRules = only(voorschoten.rules);
const oudeIJsselstreekRules = only(oudeIJsselstreek.rules);
const oosterhoutRules = only(oosterhout.rules);

const baseInput: BudgetRulesInput = {
  budgetKey: 'test',
  version: 1,
  name: 'Test',
  validFrom: '2024-01-01',
  eligiblePurposes: 'any',
  applicantTypes: ['residents_group'],
  maxAmount: euros(1_000),
  mandates: [{ role: 'wijkregisseur', label: 'wijkregisseur', upTo: null }],
};

describe('defining rules', () => {
  it('fills in the defaults', () => {
    const rules = defineRules(baseInput);
    expect(rules).toMatchObject({
      decisionDeadlineWeeks: 8,
      minAmount: 1,
      ownContributionBp: 0,
      cofundingBp: 0,
      advancePaymentBp: 10_000,
      finalAccountRequiredAbove: euros(5_000),
      yearEnd: 'lapse',
      pledgesCountAsAvailable: false,
      exclusions: [],
    });
    expect(rules.published).toEqual(RULE_DEFAULTS.published);
    // an explicit undefined does not wipe a default
    expect(defineRules({ ...baseInput, decisionDeadlineWeeks: undefined }).decisionDeadlineWeeks).toBe(8);
  });

  it('accepts all example configurations', () => {
    for (const budget of EXAMPLE_BUDGETS) {
      for (const rules of budget.rules) expect(validateRules(rules)).toEqual([]);
    }
    expect(EXAMPLE_BUDGETS.map((b) => b.cbsCode)).toEqual(['GM0826', 'GM0141', 'GM0626', 'GM1509', 'GM0983']);
  });

  it('refuses inconsistent rules, listing every problem in Dutch', () => {
    const violation = violationOf(() =>
      defineRules({
        ...baseInput,
        validFrom: '2024-02-30',
        minAmount: euros(2_000),
        ownContributionBp: 6_000,
        cofundingBp: 5_000,
        decisionDeadlineWeeks: 0,
        mandates: [
          { role: 'college', label: 'college', upTo: null },
          { role: 'wijkregisseur', label: 'wijkregisseur', upTo: euros(500) },
        ],
      }),
    );
    expect(violation.code).toBe('rules_invalid');
    const problems = (violation.details as { problems: string[] }).problems;
    expect(problems).toEqual([
      'De ingangsdatum is geen geldige datum.',
      'Het minimumbedrag is hoger dan het maximumbedrag.',
      'Eigen bijdrage en cofinanciering samen laten niets over voor het budget.',
      'De beslistermijn is een heel aantal weken, van 1 tot en met 52.',
      'Alleen de laatste mandaatregel mag onbeperkt zijn (regel 1 is het niet).',
      'Niemand mag besluiten over bedragen tussen € 500,00 en het maximum van € 1.000,00.',
    ]);
    expect(violation.message).toContain("De spelregels 'Test' kloppen niet:");
  });

  it('checks the mandate table, purposes and dates', () => {
    const problems = (input: Partial<BudgetRules>): string[] => validateRules({ ...defineRules(baseInput), ...input });
    expect(problems({ mandates: [] })).toEqual(['De mandaattabel is leeg: niemand mag besluiten.']);
    expect(
      problems({
        mandates: [
          { role: 'a', label: 'a', upTo: 500 },
          { role: 'a', label: 'b', upTo: 400 },
          { role: 'c', label: '', upTo: null },
        ],
      }),
    ).toEqual([
      "De rol 'a' staat twee keer in de mandaattabel.",
      'De mandaatgrenzen moeten oplopen: regel 2 (b) ligt niet boven de vorige.',
      'Mandaatregel 3 heeft geen naam.',
    ]);
    expect(problems({ eligiblePurposes: [] })).toHaveLength(1);
    expect(problems({ eligiblePurposes: ['facilities'], exclusions: ['facilities'] })).toEqual(["Het doel 'facilities' is zowel toegestaan als uitgesloten."]);
    expect(problems({ validUntil: '2023-12-31' })).toEqual(['De einddatum ligt voor de ingangsdatum.']);
    expect(problems({ applicantTypes: [] })).toHaveLength(1);
    expect(problems({ advancePaymentBp: 10_001 })).toHaveLength(1);
    expect(problems({ yearEnd: 'keep' as 'lapse' })).toHaveLength(1);
    expect(problems({ published: ['applicant_home_address' as 'title'] })).toHaveLength(1);
    expect(problems({ version: 0 })).toHaveLength(1);
  });
});

describe('rulesInForce: the rules on the day of submission', () => {
  it('picks the version in force on a date (Almelo 2020 and 2023)', () => {
    expect(rulesInForce(almelo.rules, '2020-05-31')).toBeUndefined();
    expect(rulesInForce(almelo.rules, '2020-06-01')).toBe(almelo2020);
    expect(rulesInForce(almelo.rules, '2022-12-31')).toBe(almelo2020);
    expect(rulesInForce(almelo.rules, '2023-01-01')).toBe(almelo2023);
    // order of the list does not matter
    expect(rulesInForce([...almelo.rules].reverse(), '2024-06-01')).toBe(almelo2023);
  });

  it('ends with a pilot (Venlo: until 31-12-2017)', () => {
    expect(rulesInForce(venlo.rules, '2017-12-31')?.name).toBe('Pilot wijkbudget Blerick en Steyl');
    expect(rulesInForce(venlo.rules, '2018-01-01')).toBeUndefined();
    const violation = violationOf(() => requireRulesInForce(venlo.rules, '2018-01-01'));
    expect(violation.code).toBe('no_rules_in_force');
    expect(violation.message).toBe('Op 2018-01-01 gelden er geen spelregels voor dit budget; er kan op die datum niet worden aangevraagd.');
  });

  it('prefers the higher version on the same start date, and rejects invalid dates', () => {
    const v1 = defineRules(baseInput);
    const v2 = defineRules({ ...baseInput, version: 2 });
    expect(rulesInForce([v2, v1], '2024-01-01')).toBe(v2);
    expect(rulesInForce([v1, v2], '2024-01-01')).toBe(v2);
    expect(violationOf(() => rulesInForce([v1], '1-1-2024')).code).toBe('date_invalid');
  });
});

describe('validateApplication', () => {
  const fits: Application = {
    applicantType: 'residents_group',
    purpose: 'small_measure',
    requestedAmount: euros(750),
  };

  it('accepts an application that fits (Voorschoten)', () => {
    expect(validateApplication(voorschotenRules, fits)).toEqual([]);
  });

  it('refuses facilities in Voorschoten', () => {
    const violation = only(validateApplication(voorschotenRules, { ...fits, categories: ['facilities', 'materials'] }));
    expect(violation.code).toBe('purpose_excluded');
    expect(violation.message).toBe("Uitgaven voor 'voorzieningen' zijn uitgesloten volgens de spelregels 'Werkbudget wijkgericht werken Voorschoten'.");
  });

  it('reports amount bounds with the amounts in Dutch', () => {
    const above = only(validateApplication(voorschotenRules, { ...fits, requestedAmount: euros(5_000) + 1 }));
    expect(above.code).toBe('amount_above_rule_maximum');
    expect(above.message).toBe(
      "Het gevraagde bedrag van € 5.000,01 is hoger dan het maximum van € 5.000,00 volgens de spelregels 'Werkbudget wijkgericht werken Voorschoten'.",
    );
    const rules = defineRules({ ...baseInput, minAmount: euros(100) });
    expect(only(validateApplication(rules, { ...fits, requestedAmount: euros(99) })).code).toBe('amount_below_rule_minimum');
    expect(only(validateApplication(rules, { ...fits, requestedAmount: 0 })).code).toBe('amount_not_positive');
    expect(only(validateApplication(rules, { ...fits, requestedAmount: 10_000.5 })).code).toBe('amount_fractional_cents');
    expect(only(validateApplication(rules, { ...fits, ownContribution: -1 })).code).toBe('amount_negative');
  });

  it('reports every violation at once', () => {
    const violations = validateApplication(oosterhoutRules, {
      applicantType: 'organisation',
      purpose: 'social_cohesion',
      requestedAmount: euros(30_000),
    });
    expect(violations.map((v) => v.code)).toEqual(['amount_above_rule_maximum', 'purpose_not_eligible', 'applicant_type_not_allowed']);
    expect(violations[1]?.message).toBe(
      "Het doel 'sociale samenhang' valt niet onder de spelregels 'Bewonersinitiatieven fysieke leefomgeving Oosterhout'; het budget is bedoeld voor: verbetering van de fysieke leefomgeving.",
    );
    expect(violations[2]?.message).toBe(
      "Volgens de spelregels 'Bewonersinitiatieven fysieke leefomgeving Oosterhout' kan alleen een bewonersgroep of bewoner aanvragen, geen organisatie.",
    );
  });

  it('refuses an excluded purpose', () => {
    const rules = defineRules({ ...baseInput, exclusions: ['facilities'], labels: { facilities: 'voorzieningen' } });
    expect(only(validateApplication(rules, { ...fits, purpose: 'facilities' })).message).toBe(
      "Het doel 'voorzieningen' is uitgesloten volgens de spelregels 'Test'.",
    );
  });

  it('checks the own contribution share exactly (Oude IJsselstreek: 25%)', () => {
    const application: Application = {
      applicantType: 'residents_group',
      purpose: 'liveability',
      requestedAmount: euros(3_000),
      ownContribution: euros(1_000), // exactly 25% of 4,000
    };
    expect(validateApplication(oudeIJsselstreekRules, application)).toEqual([]);
    const short = only(validateApplication(oudeIJsselstreekRules, { ...application, ownContribution: euros(1_000) - 1 }));
    expect(short.code).toBe('own_contribution_insufficient');
    expect(short.message).toBe(
      "De eigen bijdrage is € 999,99, 24,99% van de totale kosten van € 3.999,99; de spelregels 'Initiatievenbudget kernen Oude IJsselstreek' vragen minstens 25%.",
    );
    // co-funding counts toward the total cost, not toward the own contribution
    expect(only(validateApplication(oudeIJsselstreekRules, { ...application, cofunding: euros(1_000) })).code).toBe('own_contribution_insufficient');
  });

  it('checks a required co-funding share', () => {
    const rules = defineRules({ ...baseInput, cofundingBp: 5_000 });
    expect(validateApplication(rules, { ...fits, cofunding: euros(750) })).toEqual([]);
    expect(only(validateApplication(rules, { ...fits, cofunding: euros(749) })).code).toBe('cofunding_insufficient');
  });
});

describe('mandates', () => {
  it('finds the role that must decide (Almelo table)', () => {
    expect(requiredDeciderRole(almelo2020, 250_000).role).toBe('wijkregisseur');
    expect(requiredDeciderRole(almelo2020, 250_001).role).toBe('wijkwethouder');
    expect(requiredDeciderRole(almelo2020, 2_500_000).role).toBe('wijkwethouder');
    expect(requiredDeciderRole(almelo2020, 2_500_001).role).toBe('college');
    expect(requiredDeciderRole(almelo2023, 500_000).role).toBe('wijkregisseur');
  });

  it('lets a role decide up to and including its limit, and higher roles too', () => {
    expect(mayDecide(almelo2020, 'wijkregisseur', 250_000)).toBe(true);
    expect(mayDecide(almelo2020, 'wijkwethouder', 100)).toBe(true);
    expect(mayDecide(almelo2020, 'college', euros(50_000))).toBe(true);
    expect(mayDecide(almelo2020, 'wijkregisseur', 250_001)).toBe(false);
    expect(mayDecide(almelo2020, 'controller', 1)).toBe(false);
    expect(() => assertMayDecide(almelo2020, 'wijkregisseur', 250_000)).not.toThrow();
  });

  it('throws mandate_exceeded naming the role and its limit', () => {
    const violation = violationOf(() => assertMayDecide(almelo2020, 'wijkregisseur', 300_000));
    expect(violation.code).toBe('mandate_exceeded');
    expect(violation.message).toBe(
      'De wijkregisseur mag besluiten tot en met € 2.500,00; dit besluit gaat over € 3.000,00. Hiervoor is een besluit van de wijkwethouder nodig.',
    );
    expect(violation.details).toEqual({ role: 'wijkregisseur', limit: 250_000, amount: 300_000, requiredRole: 'wijkwethouder' });
    const unknown = violationOf(() => assertMayDecide(almelo2020, 'controller', 100));
    expect(unknown.code).toBe('mandate_exceeded');
    expect(unknown.message).toContain("De rol 'controller' heeft geen mandaat");
    // the same amount is within the wijkregisseur's mandate under the 2023 rules
    expect(() => assertMayDecide(almelo2023, 'wijkregisseur', 300_000)).not.toThrow();
  });

  it('has no one to decide beyond a limited table', () => {
    expect(violationOf(() => requiredDeciderRole(voorschotenRules, euros(5_000) + 1)).code).toBe('mandate_missing');
    const violation = violationOf(() => assertMayDecide(voorschotenRules, 'wijkcoordinator', euros(6_000)));
    expect(violation.code).toBe('mandate_exceeded');
    expect(violation.details).toMatchObject({ requiredRole: null });
  });

  it('agrees with the table for any amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: euros(100_000) }), (amount) => {
        const required = requiredDeciderRole(almelo2020, amount);
        expect(mayDecide(almelo2020, required.role, amount)).toBe(true);
        const index = almelo2020.mandates.indexOf(required);
        for (const lower of almelo2020.mandates.slice(0, index)) {
          expect(mayDecide(almelo2020, lower.role, amount)).toBe(false);
        }
      }),
    );
  });
});

describe('payments, accounts and deadlines', () => {
  it('computes the advance', () => {
    expect(advancePayment(almelo2020, euros(1_000))).toBe(euros(1_000));
    const rules = defineRules({ ...baseInput, advancePaymentBp: 8_000 });
    expect(advancePayment(rules, 1_001)).toBe(801);
    expect(advancePayment(rules, 0)).toBe(0);
    expect(violationOf(() => advancePayment(rules, -1)).code).toBe('amount_negative');
  });

  it('requires a final account above the threshold', () => {
    expect(finalAccountRequired(almelo2020, euros(5_000))).toBe(false);
    expect(finalAccountRequired(almelo2020, euros(5_000) + 1)).toBe(true);
    expect(finalAccountRequired(voorschotenRules, euros(5_000))).toBe(false);
  });

  it('derives the decision deadline from the rules', () => {
    expect(decisionDeadlineFor(almelo2020, '2024-01-01')).toBe('2024-02-26');
    expect(decisionDeadlineFor(defineRules({ ...baseInput, decisionDeadlineWeeks: 13 }), '2024-01-01')).toBe('2024-04-01');
  });
});

describe('example budgets in the ledger', () => {
  it('Oude IJsselstreek: co-funding counts once received; year end carries over', () => {
    const entries: LedgerEntry[] = [
      ...oudeIJsselstreek.allocations.map((a): LedgerEntry => ({ type: 'allocation', amount: a.amount, source: a.source })),
      ...oudeIJsselstreek.cofunding.map((c): LedgerEntry => ({ type: 'cofunding_pledge', partnerId: c.partnerId, amount: c.pledged })),
      { type: 'cofunding_receipt', partnerId: 'wonion', amount: euros(10_000) },
    ];
    const balance = deriveBalance(entries, { pledgesCountAsAvailable: oudeIJsselstreekRules.pledgesCountAsAvailable });
    expect(balance).toMatchObject({
      available: euros(30_000),
      cofundingOutstanding: euros(5_000),
      free: euros(30_000),
    });
    const { closing, opening } = closeYear(balance, oudeIJsselstreekRules.yearEnd, {
      budgetId: 'oude-ijsselstreek-2012',
      nextBudgetId: 'oude-ijsselstreek-2013',
    });
    expect(closing).toMatchObject({ type: 'carry_over', amount: euros(30_000) });
    expect(opening).toMatchObject({ direction: 'in', amount: euros(30_000) });
  });

  it('Voorschoten: the EUR 5,000 working budget cannot be overspent', () => {
    const entries: LedgerEntry[] = [
      { type: 'allocation', amount: euros(5_000) },
      { type: 'reservation', initiativeId: 'bankje-dorpsstraat', amount: euros(4_000) },
    ];
    const balance = deriveBalance(entries);
    expect(balance.free).toBe(euros(1_000));
    expect(validateApplication(voorschotenRules, { applicantType: 'resident', purpose: 'small_measure', requestedAmount: euros(1_500) })).toEqual([]);
    const violation = violationOf(() => deriveBalance([...entries, { type: 'reservation', initiativeId: 'bloembakken', amount: euros(1_500) }]));
    expect(violation.code).toBe('budget_insufficient');
  });
});
