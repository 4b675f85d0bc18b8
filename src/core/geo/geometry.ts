// SPDX-License-Identifier: EUPL-1.2
// Area geometry in GeoJSON (RFC 7946), WGS84 longitude/latitude: bounding boxes, rounding, merging
// and the exact point-in-area test. Pure functions; the point-in-polygon test itself is Turf's
// (@turf/boolean-point-in-polygon: robust predicates, holes and MultiPolygons handled).
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';

export type Position = number[];
export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Position[][];
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

/** [minLon, minLat, maxLon, maxLat] */
export type BBox = [number, number, number, number];

/** The polygons of a geometry, each as its rings (outer ring first, then holes). */
export function polygonsOf(geometry: AreaGeometry): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Bounding box of the outer rings (holes lie inside them). */
export function bboxOf(geometry: AreaGeometry): BBox {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const polygon of polygonsOf(geometry)) {
    for (const [lon, lat] of polygon[0] ?? []) {
      if (lon === undefined || lat === undefined) continue;
      if (lon < minLon) minLon = lon;
      if (lon > maxLon) maxLon = lon;
      if (lat < minLat) minLat = lat;
      if (lat > maxLat) maxLat = lat;
    }
  }
  return [minLon, minLat, maxLon, maxLat];
}

export function unionBBox(boxes: readonly BBox[]): BBox | null {
  if (boxes.length === 0) return null;
  return [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
}

export function bboxContains(box: BBox, lon: number, lat: number): boolean {
  return lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3];
}

/**
 * Is the point inside the area (on its boundary counts as inside; inside a hole does not)?
 * Callers prefilter on the bounding box; this is the exact test.
 */
export function containsPoint(geometry: AreaGeometry, lon: number, lat: number): boolean {
  return booleanPointInPolygon([lon, lat], geometry);
}

/**
 * Coordinates rounded to `decimals` places (5 ≈ 1 m, 6 ≈ 0.1 m), dropping points that become equal
 * to the point before them. A ring that would fall below four points keeps its unrounded points.
 */
export function roundGeometry<G extends AreaGeometry>(geometry: G, decimals: number): G {
  const factor = 10 ** decimals;
  const round = (v: number): number => Math.round(v * factor) / factor;
  const ring = (points: Position[]): Position[] => {
    const out: Position[] = [];
    for (const p of points) {
      const q = [round(p[0] ?? NaN), round(p[1] ?? NaN)];
      const last = out[out.length - 1];
      if (last && last[0] === q[0] && last[1] === q[1]) continue;
      out.push(q);
    }
    return out.length >= 4 ? out : points.map((p) => [p[0] ?? NaN, p[1] ?? NaN]);
  };
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: geometry.coordinates.map(ring) } as G;
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map(ring)) } as G;
}

/**
 * The areas together as one MultiPolygon (their polygons side by side, not dissolved): enough to
 * draw a district made of wijken and to test a point against it.
 */
export function combineGeometries(geometries: readonly AreaGeometry[]): MultiPolygonGeometry | null {
  if (geometries.length === 0) return null;
  return { type: 'MultiPolygon', coordinates: geometries.flatMap(polygonsOf) };
}

/** Same shape and coordinates (key order and polygon-vs-one-part MultiPolygon ignored). */
export function sameGeometry(a: AreaGeometry | null | undefined, b: AreaGeometry | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.type === b.type && JSON.stringify(a.coordinates) === JSON.stringify(b.coordinates);
}
