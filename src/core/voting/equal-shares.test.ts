// SPDX-License-Identifier: EUPL-1.2
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { equalShares } from './equal-shares.js';
import { greedy } from './greedy.js';
import { tieBreak, type MesUtility } from './outcome.js';
import { parsePb } from './pabulib.js';
import { ballotList, makeProfile, profileFromPb, projectScores, type Profile } from './profile.js';
import { add, cmp, divInt, mulInt, rat, sub, ZERO, type Rational } from './rational.js';

function outcome(r: ReturnType<typeof equalShares>): Record<string, string> {
  return Object.fromEntries(r.projects.map((p) => [p.id, p.reason]));
}

describe('Method of Equal Shares: hand-checked cases', () => {
  // Budget 100, 10 voters (10 each). Voters 1-7 approve X (60) and Y (40); voters 8-10 approve Z (40).
  const split = makeProfile({
    budget: 100,
    projects: [
      { id: 'X', cost: 60 },
      { id: 'Y', cost: 40 },
      { id: 'Z', cost: 40 },
    ],
    ballots: [...Array.from({ length: 7 }, () => ['X', 'Y']), ...Array.from({ length: 3 }, () => ['Z'])],
  });

  it('differs from greedy: the minority gets its project once the per-voter budget is raised', () => {
    // Greedy: X and Y tie on 7 votes (Y is cheaper) and together use the whole budget.
    expect(greedy(split).funded).toEqual(['Y', 'X']);
    // Plain MES: X and Y tie at 1/7 of the cost per supporter; Y is cheaper. Then the majority
    // has 30 left (X costs 60) and the minority 30 (Z costs 40).
    const plain = equalShares(split, { completion: 'none' });
    expect(plain.funded).toEqual(['Y']);
    expect(outcome(plain)).toEqual({ X: 'not_affordable', Y: 'funded', Z: 'not_affordable' });
    const y = plain.projects[1]!.equalShares!;
    expect(y.round).toBe(1);
    expect(y.maxPayment).toEqual(rat(40n, 7n));
    expect(y.supportersMoney).toEqual(rat(70n));
    expect(y.payers).toBe(7);
    // add1: 11, 12, 13 per voter still give {Y}; at 14 the minority has 42 >= 40 for Z, while
    // the majority has 98 - 40 = 58 < 60 for X. {Y, Z} costs 80 and X no longer fits: stop.
    const add1 = equalShares(split);
    expect(add1.rule).toBe('equalshares/add1');
    expect(add1.funded).toEqual(['Y', 'Z']);
    expect(add1.spent).toBe(80n);
    expect(outcome(add1)).toEqual({ X: 'not_affordable', Y: 'funded', Z: 'funded_in_completion' });
    expect(add1.equalShares).toMatchObject({ perVoterBudget: rat(14n), add1Runs: 4, baseFunded: ['Y'] });
    expect(add1.projects[2]!.equalShares).toMatchObject({ round: 2, maxPayment: rat(40n, 3n), payers: 3, payersExhausted: 0 });
  });

  it('add1 stops before an outcome that would overspend', () => {
    // Budget 10, 4 voters (2.5 each). A (6) by voters 1-2, B (6) by voters 3-4: each needs 3 per
    // supporter, so nothing is affordable. add1 tries 3 per voter (floor(10 / 4) + 1): then A
    // and B are both funded, 12 > 10, so the (empty) outcome of the plain run is kept.
    const p = makeProfile({
      budget: 10,
      projects: [
        { id: 'A', cost: 6 },
        { id: 'B', cost: 6 },
      ],
      ballots: [['A'], ['A'], ['B'], ['B']],
    });
    const r = equalShares(p);
    expect(r.funded).toEqual([]);
    expect(r.equalShares).toMatchObject({ perVoterBudget: rat(5n, 2n), add1Runs: 1 });
    expect(outcome(r)).toEqual({ A: 'not_affordable', B: 'not_affordable' });
  });

  it('cost and approval utilities give different outcomes', () => {
    // Budget 10, two voters with 5 each. A (10) approved by both; B (2) by voter 1; C (2) by voter 2.
    const p = makeProfile({
      budget: 10,
      projects: [
        { id: 'A', cost: 10 },
        { id: 'B', cost: 2 },
        { id: 'C', cost: 2 },
      ],
      ballots: [
        ['A', 'B'],
        ['A', 'C'],
      ],
    });
    // Cost utilities: A costs each supporter half of it (5/10), B and C all of it (2/2).
    expect(equalShares(p, { utility: 'cost' }).funded).toEqual(['A']);
    // Approval utilities: B and C cost a supporter 2, A 5; after B and C only 6 is left for A.
    expect(equalShares(p, { utility: 'approval' }).funded).toEqual(['B', 'C']);
  });

  it('supporters short of money pay what they have; the others cover the rest', () => {
    // Budget 50, 5 voters (10 each). A (36) by voters 1-4; B (9) by voters 4 and 5.
    const p = makeProfile({
      budget: 50,
      projects: [
        { id: 'A', cost: 36 },
        { id: 'B', cost: 9 },
      ],
      ballots: [['A'], ['A'], ['A'], ['A', 'B'], ['B']],
    });
    const r = equalShares(p, { completion: 'none' });
    // A first (9 of 36 per supporter, 1/4) before B (4.5 of 9, 1/2). Voter 4 then has 1 left,
    // pays it for B, and voter 5 pays the other 8.
    expect(r.funded).toEqual(['A', 'B']);
    expect(r.projects[1]!.equalShares).toEqual({
      round: 2,
      maxPayment: rat(8n),
      supportersMoney: rat(11n),
      payers: 2,
      payersExhausted: 1,
    });
  });

  it('breaks equal prices by score, then lower cost, then input order', () => {
    // Budget 8, two voters. A (6) and B (4) both cost each supporter half; B is cheaper.
    const byCost = (order: string[]): Profile =>
      makeProfile({
        budget: 8,
        projects: order.map((id) => ({ id, cost: id === 'A' ? 6 : 4 })),
        ballots: [
          ['A', 'B'],
          ['A', 'B'],
        ],
      });
    expect(equalShares(byCost(['A', 'B']), { completion: 'none' }).funded).toEqual(['B']);
    expect(equalShares(byCost(['B', 'A']), { completion: 'none' }).funded).toEqual(['B']);
    // Equal cost and score: the first listed wins.
    const same = (order: string[]): Profile => makeProfile({ budget: 10, projects: order.map((id) => ({ id, cost: 10 })), ballots: [order, order] });
    expect(equalShares(same(['P', 'Q']), { completion: 'none' }).funded).toEqual(['P']);
    expect(equalShares(same(['Q', 'P']), { completion: 'none' }).funded).toEqual(['Q']);
    // Higher score first: R (3 supporters) and S (2 supporters, weight) priced equally under approval utility.
    const scored = makeProfile({
      budget: 12,
      projects: [
        { id: 'S', cost: 6 },
        { id: 'R', cost: 9 },
      ],
      ballots: [['R'], ['R'], ['R', 'S'], ['S']],
    });
    // Per voter 3. R: 3 each (t = 3). S: 3 each (t = 3). Tie on price; R has the higher score.
    expect(equalShares(scored, { completion: 'none', utility: 'approval' }).funded[0]).toBe('R');
  });

  it('funds free projects that someone supports, and never unsupported ones', () => {
    const p = makeProfile({
      budget: 5,
      projects: [
        { id: 'free', cost: 0 },
        { id: 'nobody', cost: 1 },
        { id: 'paid', cost: 5 },
      ],
      ballots: [['free', 'paid'], ['paid']],
    });
    const r = equalShares(p);
    expect(r.funded).toEqual(['free', 'paid']);
    expect(outcome(r)).toMatchObject({ nobody: 'no_support' });
  });

  it('reproduces the official Assen 2024 outcome with cost utilities only', () => {
    const file = parsePb(readFileSync(new URL('./fixtures/Netherlands_Assen_2024.pb', import.meta.url), 'utf8'));
    const { profile } = profileFromPb(file);
    const selected = file.projects
      .filter((p) => p.fields['selected'] === '1')
      .map((p) => p.id)
      .sort();
    const cost = equalShares(profile, { utility: 'cost' });
    expect([...cost.funded].sort()).toEqual(selected);
    // 76,700 of 100,000: project 7 (12,000) would fit, but the next per-voter budget overspends.
    expect(cost.spent).toBe(76_700n);
    expect(
      cost.projects
        .filter((p) => p.reason === 'funded_in_completion')
        .map((p) => p.id)
        .sort(),
    ).toEqual(['5', '6']);
    const approval = equalShares(profile, { utility: 'approval' });
    expect([...approval.funded].sort()).not.toEqual(selected);
    expect(approval.funded).toContain('7');
  });
});

// ---------------------------------------------------------------------------------------
// A deliberately naive reference: one budget per voter, rational arithmetic throughout,
// every project re-evaluated every round. The optimised implementation must agree with it.
// ---------------------------------------------------------------------------------------

function referenceRun(p: Profile, perVoter: Rational, utility: MesUtility): { winners: number[]; spent: bigint } {
  const scores = projectScores(p);
  const ballots = ballotList(p);
  const money: Rational[] = ballots.map(() => perVoter);
  const funded = new Set<number>();
  const winners: number[] = [];
  let spent = 0n;
  for (;;) {
    let best = -1;
    let bestPrice: Rational = ZERO;
    let bestT: Rational = ZERO;
    p.projects.forEach((project, j) => {
      if (funded.has(j)) return;
      const supporters: { i: number; w: bigint }[] = [];
      ballots.forEach((b, i) => {
        const k = b.projects.indexOf(j);
        if (k >= 0 && b.weights[k]! > 0) supporters.push({ i, w: BigInt(b.weights[k]!) });
      });
      if (supporters.length === 0) return;
      let t: Rational | null = null;
      if (project.cost === 0n) t = ZERO;
      else {
        supporters.sort((a, b) => cmp(divInt(money[a.i]!, a.w), divInt(money[b.i]!, b.w)));
        let paid = ZERO;
        let den = supporters.reduce((s, x) => s + x.w, 0n);
        for (const x of supporters) {
          const share = divInt(sub(rat(project.cost), paid), den);
          if (cmp(mulInt(share, x.w), money[x.i]!) <= 0) {
            t = share;
            break;
          }
          paid = add(paid, money[x.i]!);
          den -= x.w;
        }
      }
      if (t === null) return;
      const price = project.cost === 0n ? ZERO : utility === 'cost' ? divInt(t, project.cost) : t;
      const c = best < 0 ? -1 : cmp(price, bestPrice);
      if (c < 0 || (c === 0 && tieBreak(scores[j]!, project.cost, j, scores[best]!, p.projects[best]!.cost, best) < 0)) {
        best = j;
        bestPrice = price;
        bestT = t;
      }
    });
    if (best < 0) return { winners, spent };
    funded.add(best);
    winners.push(best);
    spent += p.projects[best]!.cost;
    ballots.forEach((b, i) => {
      const k = b.projects.indexOf(best);
      if (k < 0 || b.weights[k]! <= 0) return;
      const left = sub(money[i]!, mulInt(bestT, BigInt(b.weights[k]!)));
      money[i] = cmp(left, ZERO) > 0 ? left : ZERO;
    });
  }
}

function referenceMes(p: Profile, utility: MesUtility, add1: boolean): string[] {
  const ballots = ballotList(p);
  const n = BigInt(ballots.length);
  const ids = (w: number[]): string[] => w.map((j) => p.projects[j]!.id);
  if (n === 0n) return [];
  let chosen = referenceRun(p, rat(p.budget, n), utility);
  if (!add1) return ids(chosen.winners);
  const supported = p.projects.map((_, j) => ballots.some((b) => (b.weights[b.projects.indexOf(j)] ?? 0) > 0));
  const exhaustive = (r: { winners: number[]; spent: bigint }): boolean =>
    p.projects.every((pr, j) => r.winners.includes(j) || !supported[j] || r.spent + pr.cost > p.budget);
  const unit = 10n ** BigInt(p.digits);
  const ceiling = p.projects.reduce((s, pr) => s + pr.cost, 0n);
  let perVoter = (p.budget / (n * unit)) * unit;
  while (!exhaustive(chosen) && perVoter < ceiling) {
    perVoter += unit;
    const next = referenceRun(p, rat(perVoter), utility);
    if (next.spent > p.budget) break;
    chosen = next;
  }
  return ids(chosen.winners);
}

describe('Method of Equal Shares agrees with a naive reference (property)', () => {
  const arbProfile = fc
    .record({
      budget: fc.integer({ min: 0, max: 60 }),
      costs: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 6 }),
      ballots: fc.array(fc.array(fc.tuple(fc.nat(5), fc.integer({ min: 1, max: 3 })), { maxLength: 4 }), { maxLength: 9 }),
      weighted: fc.boolean(),
    })
    .map(({ budget, costs, ballots, weighted }) => {
      const ids = costs.map((_, i) => `p${i}`);
      return makeProfile({
        budget,
        projects: costs.map((cost, i) => ({ id: ids[i]!, cost })),
        ballots: ballots.map((b) => {
          const seen = new Map<string, number>();
          for (const [k, w] of b) seen.set(ids[k % ids.length]!, weighted ? w : 1);
          return { vote: [...seen.keys()], points: [...seen.values()] };
        }),
      });
    });

  it('without completion, for both utilities', () => {
    fc.assert(
      fc.property(arbProfile, fc.constantFrom<MesUtility>('cost', 'approval'), (p, utility) => {
        const r = equalShares(p, { completion: 'none', utility });
        expect(r.funded).toEqual(referenceMes(p, utility, false));
        expect(r.spent <= p.budget).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('with add1 completion, for both utilities', () => {
    fc.assert(
      fc.property(arbProfile, fc.constantFrom<MesUtility>('cost', 'approval'), (p, utility) => {
        const r = equalShares(p, { utility });
        expect(r.funded).toEqual(referenceMes(p, utility, true));
        expect(r.spent <= p.budget).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('multiplying every weight by the same factor changes nothing', () => {
    fc.assert(
      fc.property(arbProfile, fc.integer({ min: 2, max: 5 }), fc.constantFrom<MesUtility>('cost', 'approval'), (p, k, utility) => {
        const scaled: Profile = { ...p, ballots: { ...p.ballots, weights: p.ballots.weights.map((w) => w * k) } };
        expect(equalShares(scaled, { utility }).funded).toEqual(equalShares(p, { utility }).funded);
      }),
      { numRuns: 100 },
    );
  });
});
