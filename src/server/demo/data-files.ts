// SPDX-License-Identifier: EUPL-1.2
// The Venlo demo data shipped with the repository (extracts of CBS data; see data/README.md).
import { join } from 'node:path';
import { projectRoot } from '../paths.js';

export const demoDataFolder = join(projectRoot, 'src/server/demo/data');

export const demoFiles = {
  /** GeoJSON, 21 wijken of Venlo, CBS wijk- en buurtkaart 2024 with 2024 population. */
  wijken: 'venlo-wijken-2024.geojson',
  /** TopoJSON (object `buurten`, only `statcode`), 114 buurten of Venlo, CBS wijk- en buurtkaart 2019, generalised. */
  buurten: 'venlo-buurten-2019.topojson.json',
  /** GeoJSON, the municipality boundary 2024 with CBS population. */
  gemeente: 'venlo-gemeente-2024.geojson',
  /** CBS 85984NED (2024), 8 variables for GM0983 and its wijken, keyed by code. */
  kerncijfers: 'venlo-kwb2024-85984NED.json',
} as const;

export function demoFile(name: keyof typeof demoFiles): string {
  return join(demoDataFolder, demoFiles[name]);
}
