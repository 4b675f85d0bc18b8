// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RuleViolation } from '../rule-violation.js';
import {
  FINAL_STATUSES,
  INITIATIVE_ACTIONS,
  INITIATIVE_STATUSES,
  STATUS_LABELS_NL,
  TRANSITIONS,
  allowedActions,
  canTransition,
  decisionActionFor,
  isFinalStatus,
  transition,
  type InitiativeAction,
  type InitiativeStatus,
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

const motivation = 'Past binnen de spelregels en heeft draagvlak in de buurt.';

function run(start: InitiativeStatus, actions: readonly InitiativeAction[]): InitiativeStatus {
  return actions.reduce((status, action) => transition(status, action, { motivation }), start);
}

describe('the happy paths', () => {
  it('goes from draft to settled with advice, advance and final account', () => {
    expect(run('draft', ['submit', 'declare_admissible', 'request_advice', 'grant', 'pay_advance', 'start_execution', 'submit_account', 'settle'])).toBe(
      'settled',
    );
  });

  it('allows deciding without advice, partial grants, and execution without an advance', () => {
    expect(run('draft', ['submit', 'declare_admissible', 'grant_partly'])).toBe('partly_granted');
    expect(transition('partly_granted', 'start_execution', { advanceDue: false })).toBe('in_execution');
    expect(transition('in_execution', 'settle', { finalAccountRequired: false })).toBe('settled');
  });

  it('ends in refusal or inadmissibility', () => {
    expect(run('draft', ['submit', 'declare_admissible', 'request_advice', 'refuse'])).toBe('refused');
    expect(run('draft', ['submit', 'declare_inadmissible'])).toBe('inadmissible');
  });
});

describe('refused transitions', () => {
  it('says so in Dutch', () => {
    const violation = violationOf(() => transition('draft', 'grant', { motivation }));
    expect(violation.code).toBe('transition_not_allowed');
    expect(violation.message).toBe("Een initiatief met status 'concept' kan niet worden toegekend.");
    expect(violation.details).toEqual({ status: 'draft', action: 'grant', allowed: ['submit', 'withdraw'] });
    expect(violationOf(() => transition('settled', 'withdraw')).message).toBe("Een initiatief met status 'vastgesteld' kan niet worden ingetrokken.");
    expect(violationOf(() => transition('submitted', 'pay_advance')).message).toBe("Een initiatief met status 'ingediend' kan niet worden bevoorschot.");
  });

  it('explains a path blocked by the rules', () => {
    expect(violationOf(() => transition('in_execution', 'settle')).message).toBe(
      "Een initiatief met status 'in uitvoering' kan niet worden vastgesteld: eerst moet de verantwoording worden ingediend.",
    );
    expect(violationOf(() => transition('granted', 'start_execution', { advanceDue: true })).message).toBe(
      "Een initiatief met status 'toegekend' kan niet worden in uitvoering genomen: eerst moet het voorschot worden betaald.",
    );
    expect(violationOf(() => transition('granted', 'pay_advance', { advanceDue: false })).code).toBe('transition_not_allowed');
  });

  it('requires a motivation for every formal decision', () => {
    for (const action of ['grant', 'grant_partly', 'refuse'] as const) {
      const violation = violationOf(() => transition('in_advice', action));
      expect(violation.code).toBe('motivation_required');
      expect(violationOf(() => transition('in_advice', action, { motivation: '   ' })).code).toBe('motivation_required');
    }
    expect(violationOf(() => transition('in_advice', 'refuse')).message).toBe(
      'Een besluit waarmee een initiatief wordt afgewezen moet worden gemotiveerd (Awb art. 3:46). Vul de motivering in.',
    );
    expect(violationOf(() => transition('submitted', 'declare_inadmissible')).code).toBe('motivation_required');
    expect(transition('draft', 'submit')).toBe('submitted');
  });

  it('checks the capability when the actor’s capabilities are given', () => {
    const violation = violationOf(() => transition('in_advice', 'grant', { motivation, capabilities: ['initiative.assess'] }));
    expect(violation.code).toBe('capability_missing');
    expect(violation.message).toBe("U mag de stap 'Toekennen' niet zetten: daarvoor is de bevoegdheid 'initiative.decide' nodig.");
    expect(transition('in_advice', 'grant', { motivation, capabilities: ['initiative.decide'] })).toBe('granted');
  });

  it('rejects unknown statuses and actions', () => {
    expect(violationOf(() => transition('lost' as InitiativeStatus, 'submit')).code).toBe('transition_not_allowed');
    expect(violationOf(() => transition('draft', 'toString' as InitiativeAction)).code).toBe('transition_not_allowed');
    expect(allowedActions('lost' as InitiativeStatus)).toEqual([]);
  });
});

describe('allowed next actions (for the UI)', () => {
  it('lists them in lifecycle order with Dutch labels', () => {
    expect(allowedActions('draft')).toEqual([
      { action: 'submit', to: 'submitted', capability: 'initiative.submit', requiresMotivation: false, label: 'Indienen' },
      { action: 'withdraw', to: 'withdrawn', capability: 'initiative.withdraw', requiresMotivation: false, label: 'Intrekken' },
    ]);
    expect(allowedActions('in_advice').map((a) => a.action)).toEqual(['grant', 'grant_partly', 'refuse', 'withdraw']);
    expect(allowedActions('admissible').map((a) => a.action)).toEqual(['request_advice', 'grant', 'grant_partly', 'refuse', 'withdraw']);
    expect(allowedActions('granted').map((a) => a.action)).toEqual(['pay_advance', 'start_execution', 'withdraw']);
    expect(allowedActions('granted', { advanceDue: true }).map((a) => a.action)).toEqual(['pay_advance', 'withdraw']);
    expect(allowedActions('in_execution').map((a) => a.action)).toEqual(['submit_account', 'withdraw']);
    expect(allowedActions('in_execution', { finalAccountRequired: false }).map((a) => a.action)).toEqual(['submit_account', 'settle', 'withdraw']);
    for (const status of FINAL_STATUSES) expect(allowedActions(status)).toEqual([]);
  });

  it('filters by the actor’s capabilities', () => {
    expect(allowedActions('in_advice', { capabilities: ['initiative.decide'] }).map((a) => a.action)).toEqual(['grant', 'grant_partly', 'refuse']);
    expect(allowedActions('in_advice', { capabilities: [] })).toEqual([]);
  });

  it('withdraws from every state before the end', () => {
    for (const status of INITIATIVE_STATUSES) {
      expect(canTransition(status, 'withdraw')).toBe(!isFinalStatus(status));
    }
  });

  it('has a Dutch label for every status and action', () => {
    for (const status of INITIATIVE_STATUSES) expect(STATUS_LABELS_NL[status]).toMatch(/\S/);
    for (const action of INITIATIVE_ACTIONS) {
      expect(TRANSITIONS[action].label).toMatch(/\S/);
      expect(TRANSITIONS[action].capability).toMatch(/^initiative\./);
    }
  });

  it('agrees with transition() for every status, action and context', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...INITIATIVE_STATUSES),
        fc.constantFrom(...INITIATIVE_ACTIONS),
        fc.option(fc.boolean(), { nil: undefined }),
        fc.option(fc.boolean(), { nil: undefined }),
        (status, action, advanceDue, finalAccountRequired) => {
          const context = { advanceDue, finalAccountRequired };
          const allowed = canTransition(status, action, context);
          let result: InitiativeStatus | undefined;
          try {
            result = transition(status, action, { ...context, motivation });
          } catch (error) {
            expect(error).toBeInstanceOf(RuleViolation);
            expect((error as RuleViolation).code).toBe('transition_not_allowed');
          }
          expect(result !== undefined).toBe(allowed);
          if (result !== undefined) {
            expect(result).toBe(TRANSITIONS[action].to);
            expect(isFinalStatus(status)).toBe(false);
          }
        },
      ),
    );
  });

  it('never leaves a final status and always reaches one: no dead ends', () => {
    // from every non-final status, some path leads to a final status
    for (const start of INITIATIVE_STATUSES) {
      const seen = new Set<InitiativeStatus>([start]);
      const queue: InitiativeStatus[] = [start];
      while (queue.length > 0) {
        const status = queue.shift() as InitiativeStatus;
        for (const { to } of allowedActions(status)) {
          if (!seen.has(to)) {
            seen.add(to);
            queue.push(to);
          }
        }
      }
      expect([...seen].some(isFinalStatus)).toBe(true);
      if (!isFinalStatus(start)) expect(seen.has('withdrawn')).toBe(true);
    }
  });
});

describe('decisionActionFor', () => {
  it('picks the decision from the amounts', () => {
    expect(decisionActionFor(1_000, 1_000)).toBe('grant');
    expect(decisionActionFor(1_000, 999)).toBe('grant_partly');
    expect(decisionActionFor(1_000, 0)).toBe('refuse');
    const violation = violationOf(() => decisionActionFor(1_000, 1_001));
    expect(violation.code).toBe('granted_amount_invalid');
    expect(violation.message).toBe('Het toegekende bedrag van € 10,01 is hoger dan het gevraagde bedrag van € 10,00.');
    expect(violationOf(() => decisionActionFor(1_000, -1)).code).toBe('amount_negative');
  });
});
