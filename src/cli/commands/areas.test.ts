// SPDX-License-Identifier: EUPL-1.2
// The CLI as a user runs it: `wijkwijs seed-demo` and `wijkwijs import-areas`, each a separate
// process on one embedded database folder (DATABASE_URL unset, so this runs on PGlite on both
// engines' test runs).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/paths.js';
import { demoFile } from '../../server/demo/data-files.js';

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'wijkwijs-cli-'));

async function wijkwijs(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, WIJKWIJS_DATA_DIR: dataDir, WIJKWIJS_FROM_SOURCE: '1', LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  try {
    const { stdout, stderr } = await run(process.execPath, [join(projectRoot, 'bin/wijkwijs.mjs'), ...args], { env, cwd: projectRoot });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('wijkwijs seed-demo and import-areas (command line)', { timeout: 120_000 }, () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('explains import-areas with --help', async () => {
    const r = await wijkwijs('import-areas', '--help');
    expect(r.code).toBe(0);
    for (const option of ['--municipality', '--level', '--valid-from', '--close-missing']) expect(r.stdout).toContain(option);
  });

  it('loads the demo once and refuses a second time in Dutch', async () => {
    const first = await wijkwijs('seed-demo');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('beheerder@venlo.demo / wijkwijs-demo (beheerder)');
    const second = await wijkwijs('seed-demo');
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/GM0983\) bestaat al/);
  }, 180_000);

  it('re-imports the Venlo buurten as unchanged, with plain progress lines when not on a terminal', async () => {
    const r = await wijkwijs('import-areas', demoFile('buurten'), '--municipality', 'GM0983', '--level', 'buurt');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Controleren: 114 features/);
    expect(r.stdout).toMatch(/GM0983: 0 nieuw, 0 bijgewerkt, 114 ongewijzigd/);
  });

  it('exits 1 on a malformed file, naming feature 3 and feature 5', async () => {
    const r = await wijkwijs('import-areas', join(projectRoot, 'src/server/areas/fixtures/malformed-wijken.geojson'), '--municipality', 'GM0983');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Feature 3 \(WK098313\): ring 1 \(buitenrand\) is niet gesloten/m);
    expect(r.stderr).toMatch(/^Feature 5 \(WK9831X5\): de wijkcode "WK9831X5" is geen geldige CBS-code/m);
    expect(r.stderr).toMatch(/er is niets geïmporteerd/);
  });

  it('says so when the file does not exist', async () => {
    const r = await wijkwijs('import-areas', '/nonexistent.geojson');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Bestand niet gevonden/);
  });
});
