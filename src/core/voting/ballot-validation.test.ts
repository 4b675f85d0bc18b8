// SPDX-License-Identifier: EUPL-1.2
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ballotSettingsFromPb, validateBallot, type BallotInput, type BallotSettings } from './ballot-validation.js';
import { parsePb } from './pabulib.js';

const projects = [
  { id: 'speeltuin', cost: 40_000n },
  { id: 'bankjes', cost: 5_000n },
  { id: 'bomen', cost: 15_000n },
  { id: 'kunst', cost: 30_000n },
];

function codes(ballot: BallotInput, settings: BallotSettings): string[] {
  return validateBallot(ballot, settings, projects).map((v) => v.code);
}

describe('validateBallot', () => {
  it('accepts valid ballots of every kind', () => {
    expect(codes({ projects: ['bankjes', 'bomen'] }, { type: 'approval', minProjects: 1, maxProjects: 3 })).toEqual([]);
    expect(codes({ projects: ['speeltuin', 'bankjes', 'bomen'] }, { type: 'knapsack', budget: 60_000n, minSpendPercent: 100 })).toEqual([]);
    expect(codes({ projects: ['bankjes', 'kunst'], points: [3, 7] }, { type: 'cumulative', totalPoints: 10, maxPointsPerProject: 7 })).toEqual([]);
    expect(codes({ projects: ['kunst'] }, { type: 'choose-one' })).toEqual([]);
    expect(codes({ projects: ['kunst', 'bomen', 'bankjes'] }, { type: 'ranked', minLength: 3, maxLength: 3 })).toEqual([]);
  });

  it('rejects unknown and repeated projects on every kind of ballot, in Dutch', () => {
    const v = validateBallot({ projects: ['bankjes', 'zwembad', 'bankjes'] }, { type: 'approval' }, projects);
    expect(v).toEqual([
      { code: 'unknown_project', projectId: 'zwembad', message: 'Project "zwembad" staat niet op het stembiljet.' },
      { code: 'duplicate_project', projectId: 'bankjes', message: 'Project "bankjes" staat meer dan één keer op uw stem.' },
    ]);
    expect(codes({ projects: ['kunst', 'kunst'] }, { type: 'ranked' })).toEqual(['duplicate_project']);
    expect(codes({ projects: ['x'] }, { type: 'choose-one' })).toEqual(['unknown_project']);
  });

  it('approval: minimum and maximum number of projects', () => {
    expect(codes({ projects: ['bankjes'] }, { type: 'approval', minProjects: 2 })).toEqual(['too_few_projects']);
    expect(codes({ projects: ['bankjes', 'bomen', 'kunst'] }, { type: 'approval', maxProjects: 2 })).toEqual(['too_many_projects']);
    expect(codes({ projects: [] }, { type: 'approval' })).toEqual(['empty_ballot']);
    expect(codes({ projects: [] }, { type: 'approval', minProjects: 0 })).toEqual([]);
    expect(validateBallot({ projects: ['bankjes'] }, { type: 'approval', minProjects: 3 }, projects)[0]?.message).toBe(
      'Kies ten minste 3 projecten; u koos er 1.',
    );
  });

  it('knapsack: total cost within the budget and the minimum share spent, exactly', () => {
    expect(codes({ projects: ['speeltuin', 'kunst'] }, { type: 'knapsack', budget: 60_000n })).toEqual(['over_budget']);
    // 45,000 of 60,000 is 75%: meets 75%, misses 76%.
    expect(codes({ projects: ['speeltuin', 'bankjes'] }, { type: 'knapsack', budget: 60_000n, minSpendPercent: 75 })).toEqual([]);
    expect(codes({ projects: ['speeltuin', 'bankjes'] }, { type: 'knapsack', budget: 60_000n, minSpendPercent: 76 })).toEqual(['under_min_spend']);
    // Unknown projects add nothing to the total but are reported.
    expect(codes({ projects: ['speeltuin', 'x'] }, { type: 'knapsack', budget: 40_000n })).toEqual(['unknown_project']);
  });

  it('cumulative: points per project, total, and well-formed points', () => {
    const s: BallotSettings = { type: 'cumulative', totalPoints: 10, maxPointsPerProject: 5, minTotalPoints: 2 };
    expect(codes({ projects: ['bankjes', 'bomen'], points: [6, 3] }, s)).toEqual(['too_many_points_for_project']);
    expect(codes({ projects: ['bankjes', 'bomen', 'kunst'], points: [5, 5, 1] }, s)).toEqual(['too_many_points']);
    expect(codes({ projects: ['bankjes'], points: [1] }, s)).toEqual(['too_few_points']);
    expect(codes({ projects: ['bankjes'], points: [0] }, s)).toEqual(['invalid_points']);
    expect(codes({ projects: ['bankjes'], points: [1.5] }, s)).toEqual(['invalid_points']);
    expect(codes({ projects: ['bankjes', 'bomen'], points: [2] }, s)).toEqual(['points_length']);
    expect(codes({ projects: ['bankjes'] }, s)).toEqual(['points_missing']);
    expect(codes({ projects: ['bankjes'], points: [1] }, { type: 'approval' })).toEqual(['points_not_allowed']);
  });

  it('choose-one: exactly one', () => {
    expect(codes({ projects: [] }, { type: 'choose-one' })).toEqual(['not_exactly_one']);
    expect(codes({ projects: ['bankjes', 'bomen'] }, { type: 'choose-one' })).toEqual(['not_exactly_one']);
  });

  it('ranked: length limits', () => {
    expect(codes({ projects: ['bankjes'] }, { type: 'ranked', minLength: 2 })).toEqual(['ranking_too_short']);
    expect(codes({ projects: ['bankjes', 'bomen', 'kunst'] }, { type: 'ranked', maxLength: 2 })).toEqual(['ranking_too_long']);
  });

  it('refuses invalid settings', () => {
    expect(() => validateBallot({ projects: [] }, { type: 'knapsack', budget: 1n, minSpendPercent: 101 }, projects)).toThrow(RangeError);
    expect(() => validateBallot({ projects: [] }, { type: 'approval', maxProjects: -1 }, projects)).toThrow(RangeError);
  });
});

describe('ballotSettingsFromPb', () => {
  const fixture = (name: string) => parsePb(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

  it('derives limits from META, and the real ballots satisfy them', () => {
    const cases: [string, BallotSettings][] = [
      ['Poland_Krakow_2019_Pradnik_Czerwony.pb', { type: 'ranked', minLength: 3, maxLength: 3 }],
      ['Poland_Czestochowa_2024_Grabowka.pb', { type: 'cumulative', totalPoints: 10, minTotalPoints: undefined }],
      ['Poland_Wroclaw_2016_Rejon_nr_5_750.pb', { type: 'choose-one' }],
      ['Poland_Warszawa_2017_Miedzeszyn.pb', { type: 'knapsack', budget: 117_063n, minProjects: 1, maxProjects: undefined }],
    ];
    for (const [name, expected] of cases) {
      const file = fixture(name);
      const settings = ballotSettingsFromPb(file);
      expect(settings, name).toEqual(expected);
      const ballotProjects = file.projects.map((p) => ({ id: p.id, cost: BigInt(p.cost) }));
      const invalid = file.votes.filter((v) => validateBallot({ projects: v.vote, points: v.points }, settings!, ballotProjects).length > 0);
      expect(invalid.length, name).toBe(0);
    }
  });
});
