// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { bboxOf, combineGeometries, containsPoint, roundGeometry, sameGeometry, unionBBox, type AreaGeometry } from './geometry.js';
import { looksLikeCbsCode, parseCbsCode } from './cbs-codes.js';
import { readAreaDocument } from './read-document.js';
import { formatFeatureError, geometryIssues, validateAreaFeatures } from './validate.js';

// A square around Venlo-Centrum with a square hole; and a second square to the west (Blerick).
const square = (lon: number, lat: number, size: number): number[][] => [
  [lon, lat],
  [lon + size, lat],
  [lon + size, lat + size],
  [lon, lat + size],
  [lon, lat],
];
const withHole: AreaGeometry = { type: 'Polygon', coordinates: [square(6.16, 51.36, 0.02), square(6.165, 51.365, 0.005)] };
const multi: AreaGeometry = { type: 'MultiPolygon', coordinates: [[square(6.16, 51.36, 0.02)], [square(6.12, 51.36, 0.01)]] };

describe('containsPoint', () => {
  it('finds a point inside the outer ring', () => {
    expect(containsPoint(withHole, 6.162, 51.362)).toBe(true);
  });
  it('respects holes', () => {
    expect(containsPoint(withHole, 6.1675, 51.3675)).toBe(false);
  });
  it('answers false outside', () => {
    expect(containsPoint(withHole, 6.2, 51.362)).toBe(false);
    expect(containsPoint(withHole, 6.162, 51.39)).toBe(false);
  });
  it('counts a point on the boundary as inside', () => {
    expect(containsPoint(withHole, 6.16, 51.37)).toBe(true);
  });
  it('tests every part of a MultiPolygon', () => {
    expect(containsPoint(multi, 6.125, 51.365)).toBe(true);
    expect(containsPoint(multi, 6.17, 51.37)).toBe(true);
    expect(containsPoint(multi, 6.14, 51.365)).toBe(false);
  });
  it('handles a concave polygon', () => {
    // An L shape: the notch at the top right is outside.
    const l: AreaGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0 + 6, 51],
          [6.02, 51],
          [6.02, 51.01],
          [6.01, 51.01],
          [6.01, 51.02],
          [6, 51.02],
          [6, 51],
        ],
      ],
    };
    expect(containsPoint(l, 6.005, 51.015)).toBe(true);
    expect(containsPoint(l, 6.015, 51.015)).toBe(false);
  });
});

describe('bbox, rounding, combining', () => {
  it('computes the bounding box of the outer rings', () => {
    expect(bboxOf(withHole)).toEqual([6.16, 51.36, 6.18, 51.38]);
    expect(bboxOf(multi)).toEqual([6.12, 51.36, 6.18, 51.38]);
    expect(unionBBox([bboxOf(withHole), [6.0, 51.0, 6.1, 51.1]])).toEqual([6.0, 51.0, 6.18, 51.38]);
    expect(unionBBox([])).toBeNull();
  });
  it('rounds coordinates and drops points that become duplicates', () => {
    const g: AreaGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [6.1234567, 51.1234567],
          [6.1234571, 51.1234569],
          [6.2, 51.1],
          [6.2, 51.2],
          [6.1234567, 51.1234567],
        ],
      ],
    };
    const r = roundGeometry(g, 5);
    expect(r.coordinates[0]).toEqual([
      [6.12346, 51.12346],
      [6.2, 51.1],
      [6.2, 51.2],
      [6.12346, 51.12346],
    ]);
  });
  it('combines areas into one MultiPolygon that contains the points of each', () => {
    const c = combineGeometries([withHole, { type: 'Polygon', coordinates: [square(6.12, 51.36, 0.01)] }]);
    expect(c?.coordinates).toHaveLength(2);
    expect(containsPoint(c!, 6.125, 51.365)).toBe(true);
    expect(combineGeometries([])).toBeNull();
  });
  it('compares geometries by their coordinates', () => {
    expect(sameGeometry(withHole, JSON.parse(JSON.stringify(withHole)) as AreaGeometry)).toBe(true);
    expect(sameGeometry(withHole, multi)).toBe(false);
    expect(sameGeometry(null, null)).toBe(true);
  });
});

describe('CBS codes', () => {
  it('derives level, municipality and parent from the code', () => {
    expect(parseCbsCode('BU09832501')).toEqual({ code: 'BU09832501', level: 'buurt', municipalityCode: 'GM0983', parentCode: 'WK098325' });
    expect(parseCbsCode('wk098325 ')).toEqual({ code: 'WK098325', level: 'wijk', municipalityCode: 'GM0983', parentCode: 'GM0983' });
    expect(parseCbsCode('GM0983')).toEqual({ code: 'GM0983', level: 'municipality', municipalityCode: 'GM0983', parentCode: null });
  });
  it('rejects what is not a CBS code', () => {
    for (const bad of ['WK09832', 'BU098325', 'GM983', 'XX098301', 'WK0983011', '']) expect(parseCbsCode(bad)).toBeNull();
    expect(looksLikeCbsCode('WK098399')).toBe(true);
    expect(looksLikeCbsCode('PILOT-KLINGERBERG')).toBe(false);
  });
});

const feature = (properties: Record<string, unknown>, geometry: unknown) => ({ type: 'Feature', properties, geometry });
const poly = (lon = 6.16, lat = 51.36) => ({ type: 'Polygon', coordinates: [square(lon, lat, 0.01)] });

describe('readAreaDocument', () => {
  it('reads a FeatureCollection and numbers the features from 1', () => {
    const r = readAreaDocument({
      type: 'FeatureCollection',
      metadata: { year: 2024 },
      features: [feature({ statcode: 'WK098311' }, poly()), { type: 'Nope' }],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.document.year).toBe(2024);
    expect(r.document.features.map((f) => f.index)).toEqual([1, 2]);
    expect(r.document.features[1]?.readError?.nl).toMatch(/geen GeoJSON-Feature/);
  });
  it('decodes a quantised TopoJSON topology with shared arcs', () => {
    // Two unit squares sharing the arc between them; transform maps the grid to around Venlo.
    const topology = {
      type: 'Topology',
      transform: { scale: [0.01, 0.01], translate: [6.1, 51.3] },
      arcs: [
        [
          [1, 0],
          [0, 1],
        ], // shared edge x=1, from y=0 to y=1
        [
          [1, 1],
          [-1, 0],
          [0, -1],
          [1, 0],
        ], // left square, rest of the ring
        [
          [1, 0],
          [1, 0],
          [0, 1],
          [-1, 0],
        ], // right square, rest of the ring
      ],
      objects: {
        buurten: {
          type: 'GeometryCollection',
          geometries: [
            { type: 'Polygon', arcs: [[0, 1]], properties: { statcode: 'BU09832501' } },
            { type: 'Polygon', arcs: [[2, -1]], properties: { statcode: 'BU09832502' } },
            { type: 'Polygon', arcs: [[7]], properties: { statcode: 'BU09832503' } },
          ],
        },
      },
    };
    const r = readAreaDocument(topology);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.document.format).toBe('topojson');
    const [a, b, c] = r.document.features;
    expect(a?.properties.statcode).toBe('BU09832501');
    const ringA = (a?.geometry as { coordinates: number[][][] }).coordinates[0]!;
    expect(ringA[0]).toEqual(ringA[ringA.length - 1]);
    expect(containsPoint(a?.geometry as AreaGeometry, 6.105, 51.305)).toBe(true);
    expect(containsPoint(b?.geometry as AreaGeometry, 6.115, 51.305)).toBe(true);
    expect(containsPoint(b?.geometry as AreaGeometry, 6.105, 51.305)).toBe(false);
    expect(c?.readError?.nl).toMatch(/bogen/);
    const v = validateAreaFeatures(r.document.features);
    expect(v.areas.map((x) => x.code)).toEqual(['BU09832501', 'BU09832502']);
    expect(v.errors).toMatchObject([{ feature: 3, rule: 'feature_unreadable' }]);
  });
  it('refuses what is neither GeoJSON nor TopoJSON', () => {
    expect(readAreaDocument([1, 2]).ok).toBe(false);
    expect(readAreaDocument({ type: 'GeometryCollection' }).ok).toBe(false);
    expect(readAreaDocument({ type: 'FeatureCollection' }).ok).toBe(false);
  });
});

describe('validateAreaFeatures', () => {
  const read = (features: unknown[]) => {
    const r = readAreaDocument({ type: 'FeatureCollection', features });
    if (!r.ok) throw new Error('read failed');
    return r.document.features;
  };

  it('accepts CBS features and takes name, population, level and parent from them', () => {
    const v = validateAreaFeatures(
      read([
        feature({ wijkcode: 'WK098325', wijknaam: 'Wijk 25 Klingerberg', gemeentecode: 'GM0983', aantal_inwoners: 3845 }, poly()),
        feature({ statcode: 'BU09832501' }, poly()),
        feature(
          { statcode: 'BU09832502', aantal_inwoners: -99997 },
          { type: 'MultiPolygon', coordinates: [[square(6.1, 51.3, 0.01)], [square(6.12, 51.3, 0.01)]] },
        ),
      ]),
    );
    expect(v.errors).toEqual([]);
    expect(v.areas[0]).toMatchObject({
      code: 'WK098325',
      level: 'wijk',
      parentCode: 'GM0983',
      name: 'Wijk 25 Klingerberg',
      population: 3845,
      bbox: [6.16, 51.36, 6.17, 51.37],
    });
    expect(v.areas[1]).toMatchObject({ code: 'BU09832501', level: 'buurt', parentCode: 'WK098325', name: null, population: null });
    expect(v.areas[2]?.population).toBeNull();
  });

  it('collects every error, numbered by feature, in Dutch', () => {
    const unclosed = {
      type: 'Polygon',
      coordinates: [
        [
          [6.1, 51.3],
          [6.2, 51.3],
          [6.2, 51.4],
          [6.1, 51.4],
        ],
      ],
    };
    const v = validateAreaFeatures(
      read([
        feature({ statcode: 'WK098311' }, poly()),
        feature({ statcode: 'WK098312' }, { type: 'Point', coordinates: [6.1, 51.3] }),
        feature({ statcode: 'WK098313' }, unclosed),
        feature({ statcode: 'WK098311' }, poly()),
        feature({ statcode: 'WK98314' }, poly()),
        feature({}, poly()),
        feature({ statcode: 'WK098315' }, { type: 'Polygon', coordinates: [square(155000, 463000, 100)] }),
        feature({ statcode: 'WK098316' }, { type: 'Polygon', coordinates: [square(51.36, 6.16, 0.01)] }),
        feature(
          { statcode: 'WK098321' },
          {
            type: 'Polygon',
            coordinates: [
              [
                [6.1, 51.3],
                ['6.2', 51.3],
                [6.2, 51.4],
                [6.1, 51.3],
              ],
            ],
          },
        ),
        feature({ statcode: 'WK098322', aantal_inwoners: 12.5 }, poly()),
        feature({ statcode: 'BU09832201', gemeentecode: 'GM0141' }, poly()),
        feature({ statcode: 'WK098323' }, null),
      ]),
    );
    expect(v.areas.map((a) => a.code)).toEqual(['WK098311']);
    const byFeature = Object.fromEntries(v.errors.map((e) => [e.feature, e.rule]));
    expect(byFeature).toEqual({
      2: 'geometry_type',
      3: 'ring_not_closed',
      4: 'code_duplicate',
      5: 'code_invalid',
      6: 'code_missing',
      7: 'coordinate_not_wgs84',
      8: 'coordinate_outside_netherlands',
      9: 'coordinate_not_numeric',
      10: 'population_invalid',
      11: 'code_mismatch',
      12: 'geometry_missing',
    });
    const lines = v.errors.map(formatFeatureError);
    expect(lines).toContain('Feature 3 (WK098313): ring 1 (buitenrand) is niet gesloten: het eerste en het laatste punt verschillen.');
    expect(lines.find((l) => l.startsWith('Feature 4 '))).toMatch(/komt ook al voor bij feature 1/);
    expect(lines.find((l) => l.startsWith('Feature 5 '))).toMatch(/^Feature 5 \(WK98314\): de statcode "WK98314" is geen geldige CBS-code/);
    expect(lines.find((l) => l.startsWith('Feature 7 '))).toMatch(/RD-coördinaten/);
    expect(lines.find((l) => l.startsWith('Feature 8 '))).toMatch(/verwisseld/);
  });

  it('skips features the caller does not accept, without checking their geometry', () => {
    const v = validateAreaFeatures(read([feature({ statcode: 'WK014110' }, null), feature({ statcode: 'WK098311' }, poly())]), {
      accept: (c) => c.municipalityCode === 'GM0983',
    });
    expect(v).toMatchObject({ skipped: 1, errors: [] });
    expect(v.areas).toHaveLength(1);
  });

  it('reports at most a few geometry problems per feature', () => {
    const rings = Array.from({ length: 20 }, () => [
      [6.1, 51.3],
      [6.2, 51.3],
      [6.2, 51.4],
      [6.1, 51.4],
    ]);
    expect(geometryIssues({ type: 'Polygon', coordinates: rings }).length).toBeLessThanOrEqual(5);
  });
});
