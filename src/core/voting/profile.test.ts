// SPDX-License-Identifier: EUPL-1.2
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePb } from './pabulib.js';
import { makeProfile, profileFromPb, projectMentions, projectScores } from './profile.js';
import { add, cmp, formatScaled, parseScaled, rat, ratToDecimal, sub } from './rational.js';

const head = (voteType: string, extra: string[] = []): string[] => [
  'META',
  'key;value',
  'budget;100',
  `vote_type;${voteType}`,
  ...extra,
  'PROJECTS',
  'project_id;cost',
  'a;10',
  'b;20',
  'c;30',
  'VOTES',
];

describe('profileFromPb: weights per vote type', () => {
  it('approval and choose-1: one per project named, a repeated project once', () => {
    const { profile } = profileFromPb(parsePb([...head('approval'), 'voter_id;vote', '1;a,b,a', '2;b'].join('\n')));
    expect(projectScores(profile)).toEqual([1, 2, 0]);
    expect(projectMentions(profile)).toEqual([1, 2, 0]);
  });

  it('cumulative: the points', () => {
    const { profile } = profileFromPb(parsePb([...head('cumulative'), 'voter_id;vote;points', '1;a,b;7,3', '2;b;10'].join('\n')));
    expect(projectScores(profile)).toEqual([7, 13, 0]);
  });

  it('ordinal: max_length minus position, or the points column when filled', () => {
    const ordinal = (rows: string[], extra: string[] = []) => profileFromPb(parsePb([...head('ordinal', extra), ...rows].join('\n')));
    // max_length 3: 3, 2, 1 points.
    expect(projectScores(ordinal(['voter_id;vote', '1;c,a,b', '2;a'], ['max_length;3']).profile)).toEqual([2 + 3, 1, 3]);
    // Without max_length, the longest ballot sets L.
    expect(projectScores(ordinal(['voter_id;vote', '1;c,a', '2;a']).profile)).toEqual([1 + 2, 0, 2]);
    // A points column wins where filled.
    expect(projectScores(ordinal(['voter_id;vote;points', '1;c,a;5,1', '2;a;'], ['max_length;3']).profile)).toEqual([1 + 3, 0, 5]);
  });

  it('scales decimal money to a common number of digits', () => {
    const text = [
      'META',
      'key;value',
      'budget;1994767.23',
      'vote_type;approval',
      'PROJECTS',
      'project_id;cost',
      'a;1000000',
      'b;0.5',
      'VOTES',
      'voter_id;vote',
    ].join('\n');
    const { profile } = profileFromPb(parsePb(text));
    expect(profile.digits).toBe(2);
    expect(profile.budget).toBe(199476723n);
    expect(profile.projects.map((p) => p.cost)).toEqual([100000000n, 50n]);
  });
});

describe('makeProfile', () => {
  it('rejects unknown and repeated projects and non-integer amounts', () => {
    const projects = [{ id: 'a', cost: 1 }];
    expect(() => makeProfile({ budget: 1, projects, ballots: [['b']] })).toThrow(/unknown project/);
    expect(() => makeProfile({ budget: 1, projects, ballots: [['a', 'a']] })).toThrow(/twice/);
    expect(() => makeProfile({ budget: 1.5, projects, ballots: [] })).toThrow(RangeError);
    expect(() => makeProfile({ budget: 1, projects: [...projects, ...projects], ballots: [] })).toThrow(/duplicate/);
  });
});

describe('rational and decimal helpers', () => {
  it('parse and format scaled decimals exactly', () => {
    expect(parseScaled('1994767.23', 2)).toBe(199476723n);
    expect(parseScaled('12,5', 2)).toBe(1250n);
    expect(parseScaled('7', 0)).toBe(7n);
    expect(() => parseScaled('1.234', 2)).toThrow(RangeError);
    expect(formatScaled(199476723n, 2)).toBe('1994767.23');
    expect(formatScaled(5n, 2)).toBe('0.05');
    expect(ratToDecimal(rat(7200n, 43n), 4)).toBe('167.4418');
  });

  it('keeps rationals reduced and compares them exactly (property)', () => {
    const arbRat = fc.tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 30n })).map(([n, d]) => rat(n, d));
    fc.assert(
      fc.property(arbRat, arbRat, (a, b) => {
        expect(sub(add(a, b), b)).toEqual(a);
        expect(cmp(a, b)).toBe(-cmp(b, a) || 0);
        expect(cmp(add(a, b), a)).toBe(b.n > 0n ? 1 : b.n < 0n ? -1 : 0);
      }),
    );
  });
});
