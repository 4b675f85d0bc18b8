// SPDX-License-Identifier: EUPL-1.2
// Point-in-area: which buurt, wijk, district and custom areas hold a coordinate today. The bbox
// columns prefilter in SQL; the exact test (holes respected) is core/geo's containsPoint.
import { containsPoint } from '../../core/geo/index.js';
import { findArea, findAreasWithBBoxAt, findGroupingsOf, type AreaWithGeometry } from './queries.js';
import type { Db } from '../db/client.js';

type Q = Pick<Db, 'select' | 'execute'>;

export interface AreaRef {
  id: string;
  code: string;
  name: string;
}

export interface PointLookup {
  buurt: AreaRef | null;
  wijk: AreaRef | null;
  district: AreaRef | null;
  municipality: AreaRef | null;
  custom: (AreaRef & { kind: string | null })[];
}

const ref = (a: Pick<AreaWithGeometry, 'id' | 'code' | 'name'> | undefined | null): AreaRef | null => (a ? { id: a.id, code: a.code, name: a.name } : null);

/** null when the point lies outside the municipality (its boundary and all its areas). */
export async function lookupPoint(q: Q, municipalityId: string, rootAreaId: string, lon: number, lat: number, on: string): Promise<PointLookup | null> {
  const candidates = await findAreasWithBBoxAt(q, municipalityId, lon, lat, on);
  const hits = candidates.filter((a) => a.geometry !== null && containsPoint(a.geometry, lon, lat));
  const first = (level: string) => hits.find((a) => a.level === level);
  const buurt = first('buurt');
  const wijk = first('wijk');
  let district = first('district');
  const root = hits.find((a) => a.level === 'municipality');
  // Inside when inside the boundary, or inside one of its areas (generalised boundaries differ a little).
  if (!root && !buurt && !wijk && !district) return null;

  // A district without its own geometry is still found as the wijk's parent.
  if (!district && wijk?.parentId && wijk.parentId !== rootAreaId) {
    const parent = await findArea(q, municipalityId, wijk.parentId);
    if (parent && parent.level === 'district' && parent.validFrom <= on && (parent.validTo === null || parent.validTo > on)) district = parent;
  }
  const municipality = root ?? (await findArea(q, municipalityId, rootAreaId));

  // Custom areas: those whose own geometry holds the point, and those that list one of the found areas.
  const found = [buurt, wijk, district].filter((a) => a !== undefined).map((a) => a.id);
  const grouped = await findGroupingsOf(q, municipalityId, found, on);
  const custom = new Map<string, AreaRef & { kind: string | null }>();
  for (const a of [...hits.filter((h) => h.level === 'custom'), ...grouped.filter((g) => g.level === 'custom')])
    custom.set(a.id, { id: a.id, code: a.code, name: a.name, kind: a.kind });

  return {
    buurt: ref(buurt),
    wijk: ref(wijk),
    district: ref(district),
    municipality: ref(municipality),
    custom: [...custom.values()].sort((a, b) => a.code.localeCompare(b.code)),
  };
}
