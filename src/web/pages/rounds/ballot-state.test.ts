// SPDX-License-Identifier: EUPL-1.2
// The voter's choices on the ballot paper: choosing, ranking, points, the running total and what is
// still wrong, for each of the five kinds of ballot.
import { describe, expect, it } from 'vitest';
import type { BallotRules, Project } from '../../api/types.js';
import { ballotBody, ballotProblems, chosenCost, emptyChoice, move, pointsUsed, setPoints, toggle, type Choice } from './ballot-state.js';
import { nextDay, phasePosition, roundPath } from './round-shared.js';
import { normalizeCode } from './VotePage.js';
import { parseCost } from './IdeaPage.js';
import { scoreNumber } from './ResultsPage.js';

const project = (id: string, costCents: number): Project => ({ id, roundId: 'r', areaId: 'a', title: `Project ${id}`, description: '', costCents });
const projects = [project('p1', 400_000), project('p2', 350_000), project('p3', 250_000)];
const money = (cents: number) => `€${cents / 100}`;
const keys = (choice: Choice, rules: BallotRules, budget = 1_000_000) => ballotProblems(choice, rules, budget, projects, money).map((p) => p.key);
const pick = (rules: BallotRules, ...ids: string[]) => ids.reduce((c, id) => toggle(c, rules, id), emptyChoice);

describe('approval', () => {
  const rules: BallotRules = { type: 'approval', minProjects: 2, maxProjects: 2 };
  it('asks for the minimum and refuses more than the maximum', () => {
    expect(keys(emptyChoice, rules)).toEqual(['ballot.problem.tooFew']);
    expect(keys(pick(rules, 'p1'), rules)).toEqual(['ballot.problem.tooFew']);
    expect(keys(pick(rules, 'p1', 'p2'), rules)).toEqual([]);
    expect(keys(pick(rules, 'p1', 'p2', 'p3'), rules)).toEqual(['ballot.problem.tooMany']);
  });
  it('toggles a project off again and sends projects in ballot order', () => {
    const choice = pick(rules, 'p3', 'p1', 'p2', 'p2');
    expect(choice.selected).toEqual(['p3', 'p1']);
    expect(ballotBody(choice, rules, projects)).toEqual({ projects: ['p1', 'p3'] });
  });
  it('an empty ballot without a minimum is refused too', () => {
    expect(keys(emptyChoice, { type: 'approval' })).toEqual(['ballot.problem.empty']);
  });
});

describe('knapsack', () => {
  const rules: BallotRules = { type: 'knapsack', minSpendPercent: 50 };
  it('adds up the cost exactly and refuses a ballot over the budget', () => {
    const choice = pick(rules, 'p1', 'p2', 'p3');
    expect(chosenCost(choice, projects)).toBe(1_000_000);
    expect(keys(choice, rules, 999_999)).toEqual(['ballot.problem.overBudget']);
    expect(keys(choice, rules, 1_000_000)).toEqual([]);
    const problem = ballotProblems(choice, rules, 999_999, projects, money)[0]!;
    expect(problem.values).toEqual({ total: '€10000', budget: '€9999.99' });
  });
  it('asks for the minimum share of the budget', () => {
    expect(keys(pick(rules, 'p3'), rules)).toEqual(['ballot.problem.underMinSpend']);
    expect(keys(pick(rules, 'p1', 'p3'), rules)).toEqual([]);
  });
});

describe('cumulative', () => {
  const rules: BallotRules = { type: 'cumulative', totalPoints: 10, maxPointsPerProject: 6 };
  it('counts points, drops projects at zero and sends points beside projects', () => {
    let choice = setPoints(emptyChoice, 'p2', 4);
    choice = setPoints(choice, 'p1', 3);
    choice = setPoints(choice, 'p3', 0);
    expect(pointsUsed(choice)).toBe(7);
    expect(ballotBody(choice, rules, projects)).toEqual({ projects: ['p1', 'p2'], points: [3, 4] });
    expect(keys(choice, rules)).toEqual([]);
    expect(setPoints(choice, 'p1', 0).selected).toEqual(['p2']);
  });
  it('refuses more points than there are, or too many on one project', () => {
    expect(keys(setPoints(setPoints(emptyChoice, 'p1', 6), 'p2', 6), rules)).toEqual(['ballot.problem.tooManyPoints']);
    expect(keys(setPoints(emptyChoice, 'p1', 7), rules)).toEqual(['ballot.problem.pointsPerProject']);
    expect(keys(emptyChoice, rules)).toEqual(['ballot.problem.noPoints']);
  });
  it('takes whole, non-negative points only', () => {
    expect(setPoints(emptyChoice, 'p1', 2.7).points).toEqual({ p1: 2 });
    expect(setPoints(emptyChoice, 'p1', -3).points).toEqual({});
    expect(setPoints(emptyChoice, 'p1', Number.NaN).points).toEqual({});
  });
});

describe('choose-one', () => {
  const rules: BallotRules = { type: 'choose-one' };
  it('holds one project: a second choice replaces the first', () => {
    expect(pick(rules, 'p1', 'p2').selected).toEqual(['p2']);
    expect(keys(emptyChoice, rules)).toEqual(['ballot.problem.chooseOne']);
    expect(keys(pick(rules, 'p3'), rules)).toEqual([]);
  });
});

describe('ranked', () => {
  const rules: BallotRules = { type: 'ranked', minLength: 2, maxLength: 2 };
  it('moves a project up and down, never past the ends, and sends the order', () => {
    const choice = pick(rules, 'p1', 'p2', 'p3');
    expect(move(choice, 2, -1).selected).toEqual(['p1', 'p3', 'p2']);
    expect(move(choice, 0, 1).selected).toEqual(['p2', 'p1', 'p3']);
    expect(move(choice, 0, -1)).toBe(choice);
    expect(move(choice, 2, 1)).toBe(choice);
    expect(ballotBody(move(choice, 2, -1), rules, projects)).toEqual({ projects: ['p1', 'p3', 'p2'] });
  });
  it('checks the length of the ranking', () => {
    expect(keys(pick(rules, 'p1'), rules)).toEqual(['ballot.problem.rankTooShort']);
    expect(keys(pick(rules, 'p1', 'p2', 'p3'), rules)).toEqual(['ballot.problem.rankTooLong']);
    expect(keys(pick(rules, 'p2', 'p1'), rules)).toEqual([]);
  });
});

describe('helpers of the round pages', () => {
  it('normalizes a typed voting code to groups of four capitals', () => {
    expect(normalizeCode(' k7qm 3xhd-9pwt zc4n ')).toBe('K7QM-3XHD-9PWT-ZC4N');
    expect(normalizeCode('--')).toBe('');
  });
  it('parses amounts in the reader’s notation into cents', () => {
    expect(parseCost('2.500,50', 'nl')).toBe(250_050);
    expect(parseCost('2,500.50', 'en')).toBe(250_050);
    expect(parseCost('€ 1.000,-', 'nl')).toBe(100_000);
    expect(parseCost('twee', 'nl')).toBeNull();
  });
  it('places the status on the timeline; closed sits between voting and results', () => {
    expect(phasePosition('draft')).toBe(-1);
    expect(phasePosition('voting')).toBe(2);
    expect(phasePosition('closed')).toBeGreaterThan(2);
    expect(phasePosition('closed')).toBeLessThan(3);
  });
  it('computes the day after a date, across months and leap days', () => {
    expect(nextDay('2026-02-28')).toBe('2026-03-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });
  it('builds Dutch paths', () => {
    expect(roundPath('GM0983')).toBe('/gemeente/GM0983/rondes');
    expect(roundPath('GM0983', 'x', 'stemmen')).toBe('/gemeente/GM0983/rondes/x/stemmen');
  });
  it('reads exact decimal scores for the chart', () => {
    expect(scoreNumber('12.5')).toBe(12.5);
    expect(scoreNumber(7)).toBe(7);
    expect(scoreNumber('n/a')).toBe(0);
  });
});
