// SPDX-License-Identifier: EUPL-1.2
// Timings of the voting core on the largest real election in the Pabulib snapshot (Łódź 2022,
// 90,494 voters, 160 projects). Prints one JSON object per line, e.g.
//   {"bench":"pb_tally","file":"Poland_Lodz_2022.pb","rule":"greedy","ms":12.3,...}
// `ms` is the median wall-clock time over `runs` runs after one warm-up run; `pb_parse` is reading
// the text into a PbFile, `pb_tally` is tallyPbFile on the parsed file (scores, rule, checks).
// Run with `npx tsx bench/pb-tally.ts`; skips with a notice when ../shared is absent.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parsePb } from '../src/core/voting/pabulib.js';
import type { RuleName } from '../src/core/voting/rules.js';
import { tallyPbFile } from '../src/core/voting/tally-file.js';

const DATA = fileURLToPath(new URL('../../shared/data/pabulib/', import.meta.url));
const FILE = 'Poland_Lodz_2022.pb';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function time<T>(runs: number, fn: () => T): { ms: number; cpuMs: number; value: T } {
  let value = fn(); // warm-up
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    value = fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const round = (x: number): number => Math.round(x * 10) / 10;
  return { ms: round(median(wall)), cpuMs: round(median(cpu)), value };
}

const emit = (figures: Record<string, unknown>): void => {
  process.stdout.write(JSON.stringify(figures) + '\n');
};

if (!existsSync(DATA + FILE)) {
  process.stderr.write(`pb-tally: ${DATA + FILE} not found (../shared absent): no figures\n`);
} else {
  const text = readFileSync(DATA + FILE, 'utf8');
  const parse = time(5, () => parsePb(text));
  const file = parse.value;
  emit({ bench: 'pb_parse', file: FILE, bytes: Buffer.byteLength(text), voters: file.votes.length, ms: parse.ms, cpu_ms: parse.cpuMs, runs: 5 });
  const rules: [RuleName, number][] = [
    ['greedy', 7],
    ['greedy-threshold', 7],
    ['equalshares', 5],
    ['equalshares/add1', 3],
  ];
  for (const [rule, runs] of rules) {
    const t = time(runs, () => tallyPbFile(file, { rule }));
    const extra = t.value.result.equalShares;
    emit({
      bench: 'pb_tally',
      file: FILE,
      rule,
      ms: t.ms,
      cpu_ms: t.cpuMs,
      runs,
      funded: t.value.funded.length,
      ...(extra === undefined ? {} : { add1_runs: extra.add1Runs }),
    });
  }
}
