// SPDX-License-Identifier: EUPL-1.2
// The Venlo demo's wijkkompas figures, from the CBS extracts shipped in ./fixtures (see its
// README): 2024 kerncijfers for the municipality and its wijken, the 2024 wijk figures from the
// wijk- en buurtkaart (age groups, households), the municipality's trend 2012-2024 (with police
// figures), income 2020 and cars per household 2023 per wijk. Runs in the demo's transaction,
// through the same import as the CLI and the API, one audit event per file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importIndicators } from './commands/import-indicators.js';
import type { Writer } from './queries.js';
import { projectRoot } from '../paths.js';

/** The CBS extracts in the repository (demo and tests); read from the sources also when running from dist/. */
export const fixturesFolder = join(projectRoot, 'src/server/indicators/fixtures');

export const demoIndicatorFiles = [
  'kwb2024-85984NED-5gm.json',
  'wijken-2024-5gm.geojson',
  'gemeenten-trend-5gm-2012-2024.csv',
  'inkomen2020-venlo.csv',
  'autobezit2023-wijk-venlo.csv',
] as const;

export async function seedDemoIndicators(tx: Writer, municipalityCode: string): Promise<number> {
  let imported = 0;
  for (const file of demoIndicatorFiles) {
    const content = readFileSync(join(fixturesFolder, file), 'utf8');
    const result = await importIndicators(tx, { content, municipalityCode, fileName: file }, { actor: { personId: null, label: 'demo' } });
    imported += result.imported;
  }
  return imported;
}
