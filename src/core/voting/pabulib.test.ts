// SPDX-License-Identifier: EUPL-1.2
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anonymiseVoters, metaValue, parsePb, PbParseError, writePb, type PbFile, type PbVote } from './pabulib.js';

const FIXTURES = new URL('./fixtures/', import.meta.url);
const fixtureNames = readdirSync(FIXTURES).filter((f) => f.endsWith('.pb'));

const SAMPLE = [
  '\uFEFFMETA',
  'key;value',
  'description;"Buurtbudget; Wijk ""De Hoven"""',
  'budget;1000',
  'vote_type;cumulative',
  'rule;greedy',
  'PROJECTS',
  'project_id;cost;votes;name',
  'a;600;2;"Speeltuin; met ""schommel"""',
  'b;400;1;"Bankjes',
  'langs de vijver"',
  'c;250;0;Boom',
  'VOTES',
  'voter_id;vote;points;age;neighborhood',
  'v1;a,b;3,2;34;Noord',
  'v2;a;5;;"Zuid; oost"',
  '',
].join('\r\n');

function parseError(text: string): PbParseError {
  try {
    parsePb(text);
  } catch (error) {
    if (error instanceof PbParseError) return error;
    throw error;
  }
  throw new Error('expected a PbParseError');
}

const MINIMAL_HEAD = ['META', 'key;value', 'budget;100', 'vote_type;approval', 'PROJECTS', 'project_id;cost', 'p1;60', 'p2;40'];

describe('parsePb', () => {
  it('reads BOM, CRLF, quoted fields with ; and doubled quotes, line breaks in quotes, points and voter columns', () => {
    const file = parsePb(SAMPLE);
    expect(metaValue(file, 'description')).toBe('Buurtbudget; Wijk "De Hoven"');
    expect(metaValue(file, 'budget')).toBe('1000');
    expect(file.projectColumns).toEqual(['project_id', 'cost', 'votes', 'name']);
    expect(file.projects.map((p) => [p.id, p.cost, p.fields['name']])).toEqual([
      ['a', '600', 'Speeltuin; met "schommel"'],
      ['b', '400', 'Bankjes\r\nlangs de vijver'],
      ['c', '250', 'Boom'],
    ]);
    expect(file.votes).toEqual<PbVote[]>([
      { voterId: 'v1', vote: ['a', 'b'], points: [3, 2], fields: { age: '34', neighborhood: 'Noord' } },
      { voterId: 'v2', vote: ['a'], points: [5], fields: { age: '', neighborhood: 'Zuid; oost' } },
    ]);
  });

  it('accepts LF files, blank lines, trailing separators and a voter with an empty approval ballot', () => {
    const file = parsePb([...MINIMAL_HEAD, '', 'VOTES', 'voter_id;vote;', '1;p1,p2;', '2;;', ''].join('\n'));
    expect(file.votes.map((v) => v.vote)).toEqual([['p1', 'p2'], []]);
    expect(file.voteColumns).toEqual(['voter_id', 'vote']);
  });

  it('parses every fixture', () => {
    for (const name of fixtureNames) {
      const file = parsePb(readFileSync(new URL(name, FIXTURES), 'utf8'));
      expect(file.votes.length, name).toBe(Number(metaValue(file, 'num_votes')));
      expect(file.projects.length, name).toBe(Number(metaValue(file, 'num_projects')));
    }
  });

  it('reads the Kraków quoted name with doubled quotes', () => {
    const file = parsePb(readFileSync(new URL('Poland_Krakow_2019_Pradnik_Czerwony.pb', FIXTURES), 'utf8'));
    expect(file.projects.find((p) => p.id === '39')?.fields['name']).toBe('"Zielona szkoła" dla ekologicznych klas');
  });

  describe('errors carry a code, the 1-based line and a Dutch message', () => {
    it('unknown project in a vote', () => {
      const e = parseError([...MINIMAL_HEAD, 'VOTES', 'voter_id;vote', '1;p1', '2;p2,x'].join('\n'));
      expect(e.code).toBe('unknown_project');
      expect(e.line).toBe(12);
      expect(e.message).toBe('Regel 12: onbekend project "x" in stem');
    });

    it('counts lines across CRLF and multi-line quoted fields', () => {
      const text = [
        'META',
        'key;value',
        'budget;100',
        'vote_type;approval',
        'PROJECTS',
        'project_id;cost;name',
        'p1;60;"twee',
        'regels"',
        'VOTES',
        'voter_id;vote',
        '1;zz',
      ].join('\r\n');
      expect(parseError(text)).toMatchObject({ code: 'unknown_project', line: 11 });
    });

    const cases: [string, string[], string, number][] = [
      ['missing section', ['META', 'key;value', 'budget;1', 'vote_type;approval', 'PROJECTS', 'project_id;cost'], 'missing_section', 6],
      ['data before any section', ['hallo;wereld', 'META'], 'outside_section', 1],
      ['sections out of order', ['PROJECTS', 'project_id;cost', 'META'], 'missing_section', 1],
      ['a section twice', [...MINIMAL_HEAD, 'VOTES', 'voter_id;vote', 'PROJECTS'], 'duplicate_section', 11],
      ['unterminated quote', [...MINIMAL_HEAD, 'VOTES', 'voter_id;vote', '1;"p1'], 'unterminated_quote', 11],
      ['too many fields', [...MINIMAL_HEAD.slice(0, 6), 'p1;60;extra', 'VOTES', 'voter_id;vote'], 'field_count', 7],
      ['invalid cost', [...MINIMAL_HEAD.slice(0, 6), 'p1;60 euro', 'VOTES', 'voter_id;vote'], 'invalid_cost', 7],
      ['duplicate project', [...MINIMAL_HEAD, 'p1;5', 'VOTES', 'voter_id;vote'], 'duplicate_project', 9],
      ['duplicate voter', [...MINIMAL_HEAD, 'VOTES', 'voter_id;vote', '1;p1', '1;p2'], 'duplicate_voter', 12],
      ['missing column', [...MINIMAL_HEAD, 'VOTES', 'voter;vote'], 'missing_column', 10],
      ['unknown vote type', ['META', 'key;value', 'budget;1', 'vote_type;ranked-choice'], 'unknown_vote_type', 4],
      ['missing budget', ['META', 'key;value', 'vote_type;approval'], 'missing_meta', 1],
      ['invalid budget', ['META', 'key;value', 'budget;veel', 'vote_type;approval'], 'invalid_budget', 3],
      [
        'duplicate on an ordinal ballot',
        ['META', 'key;value', 'budget;100', 'vote_type;ordinal', 'PROJECTS', 'project_id;cost', 'p1;1', 'VOTES', 'voter_id;vote', '1;p1,p1'],
        'duplicate_in_vote',
        10,
      ],
      [
        'points do not match the vote',
        [
          'META',
          'key;value',
          'budget;100',
          'vote_type;cumulative',
          'PROJECTS',
          'project_id;cost',
          'p1;1',
          'p2;1',
          'VOTES',
          'voter_id;vote;points',
          '1;p1,p2;3',
        ],
        'points_count',
        11,
      ],
      [
        'non-integer points',
        ['META', 'key;value', 'budget;100', 'vote_type;cumulative', 'PROJECTS', 'project_id;cost', 'p1;1', 'VOTES', 'voter_id;vote;points', '1;p1;1.5'],
        'invalid_points',
        10,
      ],
      [
        'cumulative without points column',
        ['META', 'key;value', 'budget;100', 'vote_type;cumulative', 'PROJECTS', 'project_id;cost', 'p1;1', 'VOTES', 'voter_id;vote'],
        'missing_column',
        9,
      ],
    ];
    it.each(cases)('%s', (_name, lines, code, line) => {
      const e = parseError(lines.join('\n'));
      expect(e.code).toBe(code);
      expect(e.line).toBe(line);
      expect(e.message.startsWith(`Regel ${line}: `)).toBe(true);
    });
  });

  it('keeps a project named twice on an approval ballot as written', () => {
    const file = parsePb([...MINIMAL_HEAD, 'VOTES', 'voter_id;vote', '1;p1,p1,p2'].join('\n'));
    expect(file.votes[0]?.vote).toEqual(['p1', 'p1', 'p2']);
  });
});

describe('writePb', () => {
  it('round-trips the sample and every fixture (LF and CRLF)', () => {
    const texts = [SAMPLE, ...fixtureNames.map((n) => readFileSync(new URL(n, FIXTURES), 'utf8'))];
    for (const text of texts) {
      const file = parsePb(text);
      expect(parsePb(writePb(file))).toEqual(file);
      expect(parsePb(writePb(file, { lineEnding: '\r\n' }))).toEqual(file);
    }
  });

  it('quotes only where needed', () => {
    const out = writePb(parsePb(SAMPLE));
    expect(out).toContain('a;600;2;"Speeltuin; met ""schommel"""\n');
    expect(out).toContain('c;250;0;Boom\n');
    expect(out.startsWith('META\nkey;value\n')).toBe(true);
  });

  // Field text that stresses the writer: separators, quotes, line breaks, spaces at the ends.
  const nasty = fc.stringMatching(/^[a-z ;",\r\néë]{0,8}$/);
  const token = fc.stringMatching(/^[A-Za-z0-9_-]{1,6}$/);

  it('round-trips random files (property)', () => {
    const arbFile = fc
      .record({
        meta: fc.uniqueArray(fc.tuple(token, nasty), { selector: (t) => t[0], maxLength: 4 }),
        ids: fc.uniqueArray(token, { minLength: 1, maxLength: 6 }),
        extra: fc.uniqueArray(fc.constantFrom('name', 'category', 'votes'), { maxLength: 3 }),
        names: fc.array(nasty, { minLength: 6, maxLength: 6 }),
        voters: fc.array(fc.tuple(fc.array(fc.nat(5), { maxLength: 4 }), nasty), { maxLength: 6 }),
        withPoints: fc.boolean(),
      })
      .map(({ meta, ids, extra, names, voters, withPoints }): PbFile => {
        const cleanMeta = meta.filter(([k]) => k !== 'budget' && k !== 'vote_type');
        return {
          meta: [['budget', '100'], ['vote_type', withPoints ? 'cumulative' : 'approval'], ...cleanMeta.map(([k, v]) => [k, v.trim()] as const)],
          projectColumns: ['project_id', 'cost', ...extra],
          projects: ids.map((id, i) => ({ id, cost: String(i * 7), fields: Object.fromEntries(extra.map((c) => [c, names[i] ?? ''])) })),
          voteColumns: withPoints ? ['voter_id', 'vote', 'points', 'sex'] : ['voter_id', 'vote', 'sex'],
          votes: voters.map(([picks, sex], i) => {
            const vote = [...new Set(picks.map((k) => ids[k % ids.length]!))];
            return withPoints ? { voterId: `v${i}`, vote, points: vote.map((_, j) => j + 1), fields: { sex } } : { voterId: `v${i}`, vote, fields: { sex } };
          }),
        };
      });
    fc.assert(
      fc.property(arbFile, fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'), (file, lineEnding) => {
        expect(parsePb(writePb(file, { lineEnding }))).toEqual(file);
      }),
    );
  });
});

describe('anonymiseVoters', () => {
  /** Deterministic byte source (xorshift) so the test is repeatable. */
  function seeded(seed: number): (n: number) => Uint8Array {
    let x = seed >>> 0 || 1;
    return (n) => {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        out[i] = x & 0xff;
      }
      return out;
    };
  }

  const file = parsePb(readFileSync(new URL('Netherlands_Assen_2024.pb', FIXTURES), 'utf8'));

  it('replaces every voter id by a fresh random id and keeps the ballots', () => {
    const anon = anonymiseVoters(file, { randomBytes: seeded(7) });
    const oldIds = new Set(file.votes.map((v) => v.voterId));
    const newIds = anon.votes.map((v) => v.voterId);
    expect(new Set(newIds).size).toBe(newIds.length);
    for (const id of newIds) {
      expect(id).toMatch(/^[0-9a-f]{32}$/);
      expect(oldIds.has(id)).toBe(false);
    }
    const key = (v: PbVote): string => v.vote.join(',');
    expect(anon.votes.map(key).sort()).toEqual(file.votes.map(key).sort());
    // Still a valid file that round-trips.
    expect(parsePb(writePb(anon))).toEqual(anon);
  });

  it('shuffles the order of the ballots', () => {
    const anon = anonymiseVoters(file, { randomBytes: seeded(11) });
    const before = file.votes.map((v) => v.vote.join(','));
    const after = anon.votes.map((v) => v.vote.join(','));
    expect(after).not.toEqual(before);
    // Two different seeds give two different orders.
    const other = anonymiseVoters(file, { randomBytes: seeded(12) }).votes.map((v) => v.vote.join(','));
    expect(other).not.toEqual(after);
  });

  it('uses the platform CSPRNG by default and can drop identifying columns', () => {
    const krakow = parsePb(readFileSync(new URL('Poland_Warszawa_2017_Miedzeszyn.pb', FIXTURES), 'utf8'));
    const anon = anonymiseVoters(krakow, { dropColumns: ['age', 'sex'] });
    expect(anon.voteColumns).toEqual(['voter_id', 'vote', 'voting_method']);
    expect(anon.votes.every((v) => !('age' in v.fields) && !('sex' in v.fields))).toBe(true);
    expect(() => anonymiseVoters(krakow, { dropColumns: ['vote'] })).toThrow(RangeError);
  });
});
