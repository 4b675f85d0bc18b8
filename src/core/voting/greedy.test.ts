// SPDX-License-Identifier: EUPL-1.2
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { greedy } from './greedy.js';
import { makeProfile, projectScores } from './profile.js';
import { runRule } from './rules.js';

// Budget 10. Scores: A 5, B 4, C 3, D 1 (approval ballots).
const profile = makeProfile({
  budget: 10,
  projects: [
    { id: 'A', cost: 6 },
    { id: 'B', cost: 5 },
    { id: 'C', cost: 4 },
    { id: 'D', cost: 1 },
    { id: 'E', cost: 1 },
  ],
  ballots: [['A', 'B', 'C', 'D'], ['A', 'B', 'C'], ['A', 'B', 'C'], ['A', 'B'], ['A']],
});

function reasons(result: ReturnType<typeof greedy>): Record<string, string> {
  return Object.fromEntries(result.projects.map((p) => [p.id, p.reason]));
}

describe('greedy', () => {
  it('funds by score, skipping what does not fit', () => {
    const r = greedy(profile);
    expect(r.funded).toEqual(['A', 'C']);
    expect(r.spent).toBe(10n);
    expect(reasons(r)).toEqual({ A: 'funded', B: 'did_not_fit', C: 'funded', D: 'did_not_fit', E: 'no_support' });
    const b = r.projects.find((p) => p.id === 'B')!;
    expect(b).toMatchObject({ score: 4, cost: 5n, rank: 2, budgetLeftBefore: 4n, funded: false });
  });

  it('greedy-no-skip stops at the first project that does not fit', () => {
    const r = runRule(profile, 'greedy-no-skip');
    expect(r.funded).toEqual(['A']);
    expect(reasons(r)).toEqual({ A: 'funded', B: 'did_not_fit', C: 'stopped_no_skip', D: 'stopped_no_skip', E: 'no_support' });
  });

  it('greedy-threshold only considers projects reaching the threshold', () => {
    const r = runRule(profile, 'greedy-threshold', { threshold: 4 });
    expect(r.funded).toEqual(['A']);
    expect(reasons(r)).toEqual({ A: 'funded', B: 'did_not_fit', C: 'below_threshold', D: 'below_threshold', E: 'no_support' });
    // A score equal to the threshold reaches it.
    expect(runRule(profile, 'greedy-threshold', { threshold: 3 }).funded).toEqual(['A', 'C']);
    expect(() => runRule(profile, 'greedy-threshold')).toThrow(/minimumscore/);
  });

  it('breaks ties by lower cost, then by input order', () => {
    const tie = makeProfile({
      budget: 5,
      projects: [
        { id: 'dear', cost: 5 },
        { id: 'cheap', cost: 3 },
        { id: 'first', cost: 2 },
        { id: 'second', cost: 2 },
      ],
      ballots: [['dear', 'cheap', 'first', 'second']],
    });
    const r = greedy(tie);
    // All score 1: cheap (3) goes first, then first (2), before second (2) and dear (5).
    expect(r.funded).toEqual(['first', 'second']);
    expect(r.projects.map((p) => p.rank)).toEqual([4, 3, 1, 2]);
    // Reversing the input swaps only the order of the equal-cost pair.
    const reversed = makeProfile({
      budget: 5,
      projects: [...tie.projects].reverse().map((p) => ({ id: p.id, cost: p.cost })),
      ballots: [['dear', 'cheap', 'first', 'second']],
    });
    expect(greedy(reversed).funded).toEqual(['second', 'first']);
  });

  it('weights count as points (cumulative ballots)', () => {
    const cumulative = makeProfile({
      budget: 10,
      projects: [
        { id: 'x', cost: 8 },
        { id: 'y', cost: 8 },
      ],
      ballots: [
        { vote: ['x', 'y'], points: [1, 4] },
        { vote: ['x'], points: [2] },
      ],
    });
    expect(projectScores(cumulative)).toEqual([3, 4]);
    expect(greedy(cumulative).funded).toEqual(['y']);
  });

  it('is exact for amounts beyond 2^53 and decimal budgets', () => {
    const big = makeProfile({
      budget: '9007199254740993',
      projects: [
        { id: 'a', cost: '9007199254740992' },
        { id: 'b', cost: 1 },
        { id: 'c', cost: 1 },
      ],
      ballots: [['a', 'b', 'c'], ['a', 'b'], ['a']],
    });
    expect(greedy(big).funded).toEqual(['a', 'b']);
    const cents = makeProfile({
      budget: '10.50',
      projects: [
        { id: 'a', cost: 10 },
        { id: 'b', cost: '0.5' },
      ],
      ballots: [['a', 'b']],
    });
    expect(cents.digits).toBe(2);
    expect(greedy(cents).funded).toEqual(['b', 'a']); // tied on score: cheaper first
    expect(greedy(cents).spent).toBe(1050n);
  });

  it('never overspends, and every supported unfunded project did not fit when its turn came (property)', () => {
    const arb = fc.record({
      budget: fc.nat(100),
      costs: fc.array(fc.nat(40), { minLength: 1, maxLength: 8 }),
      ballots: fc.array(fc.array(fc.nat(7), { maxLength: 5 }), { maxLength: 12 }),
    });
    fc.assert(
      fc.property(arb, fc.boolean(), ({ budget, costs, ballots }, noSkip) => {
        const ids = costs.map((_, i) => `p${i}`);
        const p = makeProfile({
          budget,
          projects: costs.map((cost, i) => ({ id: ids[i]!, cost })),
          ballots: ballots.map((b) => [...new Set(b.map((k) => ids[k % ids.length]!))]),
        });
        const r = greedy(p, { noSkip });
        expect(r.spent <= p.budget).toBe(true);
        for (const o of r.projects) {
          if (o.reason === 'did_not_fit') expect(o.cost > o.budgetLeftBefore!).toBe(true);
          if (o.funded) expect(o.cost <= o.budgetLeftBefore!).toBe(true);
        }
        if (!noSkip) {
          // Exhaustive over supported projects.
          for (const o of r.projects) if (!o.funded && o.score > 0) expect(o.cost > p.budget - r.spent).toBe(true);
        }
      }),
    );
  });
});
