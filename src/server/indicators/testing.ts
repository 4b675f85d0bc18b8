// SPDX-License-Identifier: EUPL-1.2
// Test helpers for indicators: the fixtures folder, and municipalities with their real 2024 wijken
// (from fixtures/wijken-2024-5gm.geojson) imported through the areas capability.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesFolder } from './demo.js';
import type { Db } from '../db/client.js';
import { createMunicipality } from '../municipalities/commands/create-municipality.js';
import { importAreas } from '../areas/commands/import-areas.js';

export { fixturesFolder };
export const fixture = (name: string): string => readFileSync(join(fixturesFolder, name), 'utf8');

export const fiveMunicipalities = [
  { code: 'GM0983', name: 'Venlo' },
  { code: 'GM0141', name: 'Almelo' },
  { code: 'GM0826', name: 'Oosterhout' },
  { code: 'GM0626', name: 'Voorschoten' },
  { code: 'GM1509', name: 'Oude IJsselstreek' },
] as const;

/** Creates the municipalities and imports their 2024 wijken (valid from 2016-01-01). */
export async function givenMunicipalitiesWithWijken(db: Db, municipalities: readonly { code: string; name: string }[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const actor = { personId: null, label: 'test' };
  for (const m of municipalities) {
    const { id } = await createMunicipality(db, { code: m.code, name: m.name, validFrom: '2010-01-01' }, actor);
    ids.set(m.code, id);
  }
  const wijken = JSON.parse(fixture('wijken-2024-5gm.geojson')) as unknown;
  await db.transaction((tx) => importAreas(tx, { document: wijken, level: 'wijk', validFrom: '2016-01-01' }, { actor, source: 'test' }));
  return ids;
}
