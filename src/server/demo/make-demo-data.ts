// SPDX-License-Identifier: EUPL-1.2
// Regenerates the Venlo-only extracts in ./data from the shared CBS data (../shared/data/cbs beside
// the checkout). Run it only when the sources change:  npx tsx src/server/demo/make-demo-data.ts
// The extracts are mechanical subsets (fields kept as in the source); see data/README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sharedFolder } from '../paths.js';
import { roundGeometry, type AreaGeometry } from '../../core/geo/geometry.js';
import { demoDataFolder, demoFiles } from './data-files.js';

const MUNICIPALITY = 'GM0983';
const cbs = join(sharedFolder, 'data', 'cbs');
type Json = Record<string, unknown>;
const readJson = (name: string): Json => JSON.parse(readFileSync(join(cbs, name), 'utf8')) as Json;
const write = (name: string, value: unknown): void => {
  writeFileSync(join(demoDataFolder, name), JSON.stringify(value) + '\n');
};

/** The wijken of Venlo, 2024 (geoinzicht extract of the PDOK WFS), properties unchanged, 5 decimals. */
function wijken(): void {
  const source = readJson('wijken_2024_5gm.geojson') as { metadata: Json; features: { properties: Json; geometry: AreaGeometry }[] };
  const features = source.features
    .filter((f) => f.properties.gemeentecode === MUNICIPALITY)
    .map((f) => ({ type: 'Feature', properties: f.properties, geometry: roundGeometry(f.geometry, 5) }));
  write(demoFiles.wijken, {
    type: 'FeatureCollection',
    metadata: { ...source.metadata, count: features.length, extract: `gemeentecode ${MUNICIPALITY}` },
    features,
  });
}

/** The buurten of Venlo, 2019, as a TopoJSON subset: only the geometries of BU0983…, only the arcs they use, quantisation kept. */
function buurten(): void {
  const topology = readJson('cbs_buurten_2019_gegeneraliseerd_nl.topojson.json') as {
    transform: unknown;
    arcs: unknown[];
    objects: { buurten: { geometries: { arcs: unknown; properties: { statcode: string } }[] } };
  };
  const geometries = topology.objects.buurten.geometries.filter((g) => g.properties.statcode.startsWith(`BU${MUNICIPALITY.slice(2)}`));
  const used = new Map<number, number>();
  const arcs: unknown[] = [];
  const remap = (a: unknown): unknown => {
    if (Array.isArray(a)) return a.map(remap);
    const index = a as number;
    const old = index >= 0 ? index : ~index;
    let fresh = used.get(old);
    if (fresh === undefined) {
      fresh = arcs.length;
      used.set(old, fresh);
      arcs.push(topology.arcs[old]);
    }
    return index >= 0 ? fresh : ~fresh;
  };
  const subset = geometries.map((g) => ({ ...g, arcs: remap(g.arcs) }));
  write(demoFiles.buurten, { type: 'Topology', transform: topology.transform, objects: { buurten: { type: 'GeometryCollection', geometries: subset } }, arcs });
}

/** The municipality boundary 2024 with only CBS fields (the geoinzicht file adds non-CBS data we do not copy). */
function gemeente(): void {
  const source = readJson('geoinzicht_gemeenten_2024_nl.geojson') as { features: { properties: Json; geometry: AreaGeometry }[] };
  const f = source.features.find((x) => x.properties.gemeentecode === MUNICIPALITY);
  if (!f) throw new Error(`${MUNICIPALITY} not found`);
  const keep = ['gemeentecode', 'gemeentenaam', 'aantal_inwoners', 'mannen', 'vrouwen', 'huishoudens', 'bevolkingsdichtheid'];
  const properties = Object.fromEntries(keep.filter((k) => k in f.properties).map((k) => [k, f.properties[k]]));
  write(demoFiles.gemeente, {
    type: 'FeatureCollection',
    metadata: { type: 'gemeenten', year: 2024 },
    features: [{ type: 'Feature', properties, geometry: roundGeometry(f.geometry, 5) }],
  });
}

/** CBS 85984NED (Kerncijfers wijken en buurten 2024), 8 variables, for GM0983 and its wijken. */
function kerncijfers(): void {
  const source = readJson('kwb2024_85984NED_gm_wk_8vars_5gm.json');
  const digits = MUNICIPALITY.slice(2);
  write(demoFiles.kerncijfers, Object.fromEntries(Object.entries(source).filter(([code]) => code === MUNICIPALITY || code.startsWith(`WK${digits}`))));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  wijken();
  buurten();
  gemeente();
  kerncijfers();
  console.log(`Demo-data geschreven naar ${demoDataFolder}`);
}
