// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { metaValue, parsePb, writePb } from './pabulib.js';
import { profileFromPb, projectScores } from './profile.js';
import { ballotConfigFromPb, centsFromPb, roundAreaFile, type RoundAreaFileInput } from './round-file.js';
import { runRule } from './rules.js';

const base: RoundAreaFileInput = {
  roundName: 'Buurt Bestuurt 2026',
  areaName: 'Blerick-Noord',
  budgetCents: 10_000_00,
  ballot: { type: 'approval', minProjects: 1, maxProjects: 2 },
  rule: 'greedy',
  votingFrom: '2026-04-20',
  votingTo: '2026-05-10',
  projects: [
    { id: 'a', title: 'Bankjes', costCents: 6_000_00 },
    { id: 'b', title: 'Bloemen; veel', costCents: 5_000_00 },
    { id: 'c', title: 'Feest', costCents: 3_000_00 },
  ],
  ballots: [{ projects: ['a', 'c'] }, { projects: ['a'] }, { projects: ['b', 'c'] }],
};

describe('a round area as a pabulib file', () => {
  it('writes whole euros, the ballot limits and dates, and reads back the same', () => {
    const file = roundAreaFile(base);
    expect(metaValue(file, 'budget')).toBe('10000');
    expect(metaValue(file, 'vote_type')).toBe('approval');
    expect(metaValue(file, 'max_length')).toBe('2');
    expect(metaValue(file, 'date_end')).toBe('10.05.2026');
    expect(file.projects.map((p) => p.cost)).toEqual(['6000', '5000', '3000']);
    expect(parsePb(writePb(file))).toEqual(file);
    expect(ballotConfigFromPb(file)).toEqual({ type: 'approval', minProjects: 1, maxProjects: 2 });
  });

  it('writes cents when an amount has them', () => {
    const file = roundAreaFile({ ...base, projects: [{ id: 'a', title: 'A', costCents: 1_234_56 }], ballots: [] });
    expect(file.projects[0]!.cost).toBe('1234.56');
    expect(metaValue(file, 'budget')).toBe('10000.00');
  });

  it('tallies to the hand-checked greedy outcome: a (2 votes) then c (2 votes, cheaper than b)', () => {
    const result = runRule(profileFromPb(roundAreaFile(base)).profile, 'greedy');
    expect(result.funded).toEqual(['c', 'a']);
  });

  it.each([
    [{ type: 'knapsack', minSpendPercent: 50 } as const, { vote_type: 'approval', max_sum_cost: '10000', min_sum_cost: '5000' }],
    [{ type: 'cumulative', totalPoints: 10, maxPointsPerProject: 4 } as const, { vote_type: 'cumulative', max_sum_points: '10', max_points: '4' }],
    [{ type: 'choose-one' } as const, { vote_type: 'choose-1' }],
    [{ type: 'ranked', maxLength: 3 } as const, { vote_type: 'ordinal', max_length: '3' }],
  ])('maps %j to its pabulib META and back', (ballot, meta) => {
    const file = roundAreaFile({ ...base, ballot, ballots: [] });
    for (const [k, v] of Object.entries(meta)) expect(metaValue(file, k)).toBe(v);
    expect(ballotConfigFromPb(file)).toEqual(ballot);
  });

  it('scores ranked ballots by position (3, 2, 1 for a length of 3) and cumulative ones by points', () => {
    const ranked = roundAreaFile({ ...base, ballot: { type: 'ranked', maxLength: 3 }, ballots: [{ projects: ['c', 'a', 'b'] }, { projects: ['a'] }] });
    expect(projectScores(profileFromPb(ranked).profile)).toEqual([5, 1, 3]);
    const cumulative = roundAreaFile({ ...base, ballot: { type: 'cumulative', totalPoints: 5 }, ballots: [{ projects: ['b', 'c'], points: [4, 1] }] });
    expect(projectScores(profileFromPb(cumulative).profile)).toEqual([0, 4, 1]);
  });

  it.each([
    ['100', 10000],
    ['1234.5', 123450],
    ['0,99', 99],
    ['1.234', null],
    ['-5', null],
    ['abc', null],
  ])('reads the amount %j as %j cents', (text, cents) => {
    expect(centsFromPb(text)).toBe(cents);
  });
});
