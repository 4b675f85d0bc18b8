// SPDX-License-Identifier: EUPL-1.2
// Tests of the `pb tally` CLI command (src/cli/commands/pb.ts), kept beside the core it wraps.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pbCommand, type PbCommandIo } from '../../cli/commands/pb.js';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

async function runPb(args: string[], files: Record<string, string> = {}): Promise<{ out: string; err: string; code: number }> {
  let out = '';
  let err = '';
  let code = 0;
  const io: PbCommandIo = {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    fail: (c) => {
      code = c;
    },
    readFile: (path) => files[path] ?? readFileSync(path, 'utf8'),
  };
  const cmd = pbCommand(io)
    .exitOverride()
    .configureOutput({ writeOut: (t) => (out += t), writeErr: (t) => (err += t) });
  for (const sub of cmd.commands) sub.exitOverride().configureOutput({ writeOut: (t) => (out += t), writeErr: (t) => (err += t) });
  await cmd.parseAsync(args, { from: 'user' });
  return { out, err, code };
}

describe('pb tally', () => {
  it('prints the funded projects of Assen, one per line, with the file rule', async () => {
    const r = await runPb(['tally', fixture('Netherlands_Assen_2024.pb')]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out.trim().split('\n')).toEqual(['3', '9', '2', '11', '13', '14', '5', '6', '12']);
  });

  it('takes another rule and prints JSON with an explanation', async () => {
    const r = await runPb(['tally', fixture('Poland_Warszawa_2017_Miedzeszyn.pb'), '--rule', 'greedy-no-skip', '--json']);
    const json = JSON.parse(r.out) as { rule: string; fileRule: boolean; projects: { reason: string }[] };
    expect(json.rule).toBe('greedy-no-skip');
    expect(json.fileRule).toBe(false);
    expect(json.projects.some((p) => p.reason === 'stopped_no_skip' || p.reason === 'did_not_fit')).toBe(true);
  });

  it('writes warnings to stderr and still prints the outcome', async () => {
    const text = [
      'META',
      'key;value',
      'budget;10',
      'vote_type;approval',
      'rule;greedy',
      'num_votes;3',
      'PROJECTS',
      'project_id;cost',
      'a;6',
      'VOTES',
      'voter_id;vote',
      '1;a',
    ].join('\n');
    const r = await runPb(['tally', 'mem.pb'], { 'mem.pb': text });
    expect(r.out).toBe('a\n');
    expect(r.err).toContain('[num_votes_mismatch]');
    expect(r.code).toBe(0);
  });

  it('reports a parse error with its line and exits 1', async () => {
    const text = [
      'META',
      'key;value',
      'budget;10',
      'vote_type;approval',
      'rule;greedy',
      'PROJECTS',
      'project_id;cost',
      'a;6',
      'VOTES',
      'voter_id;vote',
      '1;b',
    ].join('\n');
    const r = await runPb(['tally', 'bad.pb'], { 'bad.pb': text });
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe('bad.pb: Regel 11: onbekend project "b" in stem [unknown_project]\n');
  });

  it('exits 2 when the file cannot be read, and rejects unknown rules', async () => {
    const missing = await runPb(['tally', '/nonexistent/x.pb']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^Kan \/nonexistent\/x\.pb niet lezen/);
    await expect(runPb(['tally', fixture('Netherlands_Assen_2024.pb'), '--rule', 'borda'])).rejects.toThrow(/Allowed choices/);
  });
});
