// SPDX-License-Identifier: EUPL-1.2
// Reads an uploaded boundary file: a GeoJSON FeatureCollection (or a single Feature) or a TopoJSON
// Topology (every object in it, e.g. `buurten` in the CBS/PDOK exports). The result is the list of
// features in file order, numbered from 1, so errors can name "Feature 17".
import { feature as topoFeature } from 'topojson-client';
import type { Topology, GeometryObject } from 'topojson-specification';

export interface RawFeature {
  /** Position in the file, from 1 (TopoJSON: across all objects, in order). */
  index: number;
  properties: Record<string, unknown>;
  /** As found in the file; validated later. */
  geometry: unknown;
  /** Set when the feature could not be read at all (e.g. TopoJSON arcs that do not exist). */
  readError?: { nl: string; en: string };
}

export interface AreaDocument {
  format: 'geojson' | 'topojson';
  features: RawFeature[];
  /** The `metadata.year` some exports carry (geoinzicht), used as population year. */
  year: number | null;
}

export type ReadResult = { ok: true; document: AreaDocument } | { ok: false; error: { nl: string; en: string } };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function propertiesOf(v: unknown): Record<string, unknown> {
  return isObject(v) ? v : {};
}

function yearOf(doc: Record<string, unknown>): number | null {
  const year = isObject(doc.metadata) ? doc.metadata.year : undefined;
  return typeof year === 'number' && Number.isInteger(year) && year >= 1900 && year <= 2100 ? year : null;
}

export function readAreaDocument(doc: unknown): ReadResult {
  if (!isObject(doc)) {
    return { ok: false, error: { nl: 'Het bestand is geen GeoJSON- of TopoJSON-object.', en: 'The file is not a GeoJSON or TopoJSON object.' } };
  }
  if (doc.type === 'FeatureCollection') {
    if (!Array.isArray(doc.features)) {
      return { ok: false, error: { nl: 'De FeatureCollection heeft geen lijst "features".', en: 'The FeatureCollection has no "features" array.' } };
    }
    const features = doc.features.map((f: unknown, i): RawFeature => {
      if (!isObject(f) || f.type !== 'Feature') {
        return { index: i + 1, properties: {}, geometry: null, readError: { nl: 'is geen GeoJSON-Feature', en: 'is not a GeoJSON Feature' } };
      }
      return { index: i + 1, properties: propertiesOf(f.properties), geometry: f.geometry };
    });
    return { ok: true, document: { format: 'geojson', features, year: yearOf(doc) } };
  }
  if (doc.type === 'Feature') {
    return {
      ok: true,
      document: { format: 'geojson', features: [{ index: 1, properties: propertiesOf(doc.properties), geometry: doc.geometry }], year: null },
    };
  }
  if (doc.type === 'Topology') return readTopology(doc);
  return {
    ok: false,
    error: {
      nl: `Onbekend bestandstype${typeof doc.type === 'string' ? ` "${doc.type}"` : ''}: verwacht een GeoJSON FeatureCollection of een TopoJSON Topology.`,
      en: 'Unknown document type: expected a GeoJSON FeatureCollection or a TopoJSON Topology.',
    },
  };
}

function readTopology(doc: Record<string, unknown>): ReadResult {
  if (!isObject(doc.objects) || !Array.isArray(doc.arcs)) {
    return { ok: false, error: { nl: 'De TopoJSON-Topology mist "objects" of "arcs".', en: 'The TopoJSON Topology lacks "objects" or "arcs".' } };
  }
  const topology = doc as unknown as Topology;
  const arcCount = doc.arcs.length;
  const features: RawFeature[] = [];
  for (const object of Object.values(doc.objects)) {
    const geometries: unknown[] = isObject(object) && object.type === 'GeometryCollection' && Array.isArray(object.geometries) ? object.geometries : [object];
    for (const geometry of geometries) {
      const index = features.length + 1;
      const properties = isObject(geometry) ? propertiesOf(geometry.properties) : {};
      if (!isObject(geometry) || !arcsInRange(geometry.arcs, arcCount)) {
        features.push({
          index,
          properties,
          geometry: null,
          readError: { nl: 'verwijst naar TopoJSON-bogen (arcs) die niet bestaan', en: 'refers to TopoJSON arcs that do not exist' },
        });
        continue;
      }
      try {
        const decoded = topoFeature(topology, geometry as unknown as GeometryObject);
        features.push({ index, properties, geometry: 'geometry' in decoded ? decoded.geometry : null });
      } catch {
        features.push({
          index,
          properties,
          geometry: null,
          readError: { nl: 'de TopoJSON-geometrie kon niet worden gelezen', en: 'the TopoJSON geometry could not be decoded' },
        });
      }
    }
  }
  return { ok: true, document: { format: 'topojson', features, year: yearOf(doc) } };
}

/** Every arc index (possibly negative, ~i for a reversed arc) refers to an existing arc; absent arcs are fine (null geometry). */
function arcsInRange(arcs: unknown, count: number): boolean {
  if (arcs === undefined) return true;
  if (typeof arcs === 'number') return Number.isInteger(arcs) && (arcs >= 0 ? arcs : ~arcs) < count;
  return Array.isArray(arcs) && arcs.every((a) => arcsInRange(a, count));
}
