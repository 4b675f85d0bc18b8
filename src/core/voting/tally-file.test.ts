// SPDX-License-Identifier: EUPL-1.2
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePb, type PbFile } from './pabulib.js';
import { TallyError, tallyPbFile, tallyToJson } from './tally-file.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
/** The full Pabulib snapshot, outside the repository (`../shared` from the repository root). */
const SHARED = fileURLToPath(new URL('../../../../shared/data/pabulib/', import.meta.url));
const hasShared = existsSync(SHARED);
if (!hasShared) console.warn(`Pabulib data not found at ${SHARED}: skipping the tests over all files (fixtures are still tested).`);

const load = (dir: string, name: string): PbFile => parsePb(readFileSync(dir + name, 'utf8'));
const selectedIds = (file: PbFile): string[] =>
  file.projects
    .filter((p) => p.fields['selected']?.trim() === '1')
    .map((p) => p.id)
    .sort();

function expectOfficialOutcome(dir: string, name: string): void {
  const file = load(dir, name);
  const tally = tallyPbFile(file);
  expect(tally.fileRule).toBe(true);
  expect([...tally.funded].sort(), name).toEqual(selectedIds(file));
  expect(tally.result.spent <= tally.result.budget).toBe(true);
  // The files' own vote counts and scores agree with the ballots, so nothing to warn about.
  expect(tally.warnings, name).toEqual([]);
}

describe('tallying the fixtures gives the official outcome', () => {
  const names = readdirSync(FIXTURES).filter((f) => f.endsWith('.pb'));
  it('has the fixtures', () => expect(names.length).toBe(7));
  it.each(names)('%s', (name) => expectOfficialOutcome(FIXTURES, name));

  it('the threshold decides Częstochowa 2025: plain greedy would fund other projects', () => {
    const file = load(FIXTURES, 'Poland_Czestochowa_2025_Zawodzie_-_Dabie.pb');
    const plain = tallyPbFile(file, { rule: 'greedy' });
    expect([...plain.funded].sort()).not.toEqual(selectedIds(file));
    expect(plain.fileRule).toBe(false);
    const below = tallyPbFile(file).result.projects.filter((p) => p.reason === 'below_threshold');
    expect(below.length).toBeGreaterThan(0);
    expect(below.every((p) => p.score < 300)).toBe(true);
  });

  it('stopping decides Gdynia 2021: greedy with skipping would fund another project', () => {
    const file = load(FIXTURES, 'Poland_Gdynia_2021_Wielki_Kack__small.pb');
    expect([...tallyPbFile(file, { rule: 'greedy' }).funded].sort()).not.toEqual(selectedIds(file));
    const stopped = tallyPbFile(file).result.projects.filter((p) => p.reason === 'stopped_no_skip');
    expect(stopped.length).toBeGreaterThan(0);
  });

  it('Kraków ordinal scores are 3-2-1 by position and match the file', () => {
    const tally = tallyPbFile(load(FIXTURES, 'Poland_Krakow_2019_Pradnik_Czerwony.pb'));
    expect(tally.scoring).toMatch(/3 points for the first choice/);
    expect(tally.warnings.filter((w) => w.code === 'score_mismatch')).toEqual([]);
  });
});

describe('warnings', () => {
  const base = load(FIXTURES, 'Poland_Czestochowa_2024_Grabowka.pb');

  it('reports votes and score columns that disagree with the ballots, and a wrong num_votes', () => {
    const [first, ...rest] = base.projects;
    const tampered: PbFile = {
      ...base,
      meta: base.meta.map(([k, v]) => (k === 'num_votes' ? [k, '1'] : [k, v])),
      projects: [{ ...first!, fields: { ...first!.fields, votes: '1', score: '2' } }, ...rest],
    };
    const tally = tallyPbFile(tampered);
    const codes = tally.warnings.map((w) => w.code);
    expect(codes).toEqual(['votes_mismatch', 'score_mismatch', 'num_votes_mismatch']);
    expect(tally.warnings[0]).toMatchObject({ projectId: first!.id });
    expect(tally.warnings[0]!.message).toMatch(/de kolom votes zegt 1, geteld zijn \d+ stemmen/);
  });

  it('reports a different official outcome when the file rule is used', () => {
    const flipped: PbFile = {
      ...base,
      projects: base.projects.map((p) => ({ ...p, fields: { ...p.fields, selected: p.fields['selected'] === '1' ? '0' : '1' } })),
    };
    expect(tallyPbFile(flipped).warnings.map((w) => w.code)).toEqual(['selected_mismatch']);
    // Not when another rule was asked for.
    expect(tallyPbFile(flipped, { rule: 'equalshares/add1' }).warnings).toEqual([]);
  });

  it('explains a project named twice on an approval ballot', () => {
    const text = [
      'META',
      'key;value',
      'budget;10',
      'vote_type;approval',
      'rule;greedy',
      'PROJECTS',
      'project_id;cost;votes',
      'a;5;2',
      'b;5;1',
      'VOTES',
      'voter_id;vote',
      '1;a,a,b',
      '2;a',
    ].join('\n');
    const tally = tallyPbFile(parsePb(text));
    expect(tally.funded).toEqual(['a', 'b']);
    expect(tally.warnings.map((w) => w.code)).toEqual(['duplicate_in_vote']);
  });

  it('needs a known rule', () => {
    const text = (rule: string) =>
      ['META', 'key;value', 'budget;10', 'vote_type;approval', rule, 'PROJECTS', 'project_id;cost', 'VOTES', 'voter_id;vote'].join('\n');
    expect(() => tallyPbFile(parsePb(text('rule;sequential-phragmen')))).toThrow(TallyError);
    expect(() => tallyPbFile(parsePb(text('comment;none')))).toThrow(expect.objectContaining({ code: 'missing_rule' }));
    expect(tallyPbFile(parsePb(text('comment;none')), { rule: 'greedy' }).funded).toEqual([]);
  });
});

describe('JSON view', () => {
  it('is plain JSON with amounts in currency units and an explanation per project', () => {
    const tally = tallyPbFile(load(FIXTURES, 'Netherlands_Assen_2024.pb'));
    const json = JSON.parse(JSON.stringify(tallyToJson(tally))) as {
      spent: string;
      equalShares: { perVoterBudget: { exact: string } };
      projects: { id: string; reason: string; equalShares?: { round: number; maxPayment: { exact: string } } }[];
    };
    expect(json.spent).toBe('76700');
    expect(json.equalShares.perVoterBudget.exact).toBe('2033');
    const first = json.projects.find((p) => p.id === '3')!;
    expect(first).toMatchObject({ reason: 'funded', equalShares: { round: 1, maxPayment: { exact: '7200/43' } } });
    expect(json.projects.find((p) => p.id === '7')?.reason).toBe('not_affordable');
  });
});

describe.skipIf(!hasShared)('all Pabulib files in ../shared', () => {
  const names = hasShared ? readdirSync(SHARED).filter((f) => f.endsWith('.pb')) : [];
  const withSelected = names.filter((n) => {
    const text = readFileSync(SHARED + n, 'utf8');
    const header = text.slice(text.indexOf('PROJECTS')).split('\n')[1] ?? '';
    return header
      .split(';')
      .map((c) => c.trim())
      .includes('selected');
  });

  it('finds the files with an official outcome', () => expect(withSelected.length).toBe(23));
  it.each(withSelected)('%s: the file rule reproduces selected=1', (name) => {
    const file = load(SHARED, name);
    const tally = tallyPbFile(file);
    expect([...tally.funded].sort()).toEqual(selectedIds(file));
    expect(tally.warnings.filter((w) => w.code !== 'duplicate_in_vote' && w.code !== 'votes_mismatch')).toEqual([]);
  });

  const amsterdam = names.filter((n) => n.startsWith('Netherlands_Amsterdam_'));
  // The data README speaks of 41 Amsterdam files; the snapshot holds 40 (166 ... 647).
  it('has the Amsterdam files', () => expect(amsterdam.length).toBeGreaterThanOrEqual(40));
  it.each(amsterdam)('%s parses and tallies with greedy', (name) => {
    const file = load(SHARED, name);
    const tally = tallyPbFile(file, { rule: 'greedy' });
    expect(tally.result.spent <= tally.result.budget).toBe(true);
    expect(tally.funded.length).toBeGreaterThan(0);
    // Exhaustive: no supported project left that still fits.
    const left = tally.result.budget - tally.result.spent;
    for (const p of tally.result.projects) if (!p.funded && p.score > 0) expect(p.cost > left).toBe(true);
  });
});
