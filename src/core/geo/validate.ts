// SPDX-License-Identifier: EUPL-1.2
// Validation of boundary features before anything is imported. Every problem of every feature is
// collected (the importer refuses the whole file when there is one), each naming the feature's
// number in the file and its code: "Feature 17 (WK098301): ring 1 is niet gesloten …".
import { bboxOf, roundGeometry, type AreaGeometry, type BBox, type Position } from './geometry.js';
import { parseCbsCode, type CbsCode, type CbsLevel } from './cbs-codes.js';
import type { RawFeature } from './read-document.js';

export interface FeatureError {
  /** Number of the feature in the file, from 1. */
  feature: number;
  /** The area code when the feature has one. */
  code: string | null;
  /** Stable machine-readable rule, e.g. ring_not_closed. */
  rule: string;
  /** Dutch, without the "Feature n (code):" prefix (see formatFeatureError). */
  message: string;
  message_en: string;
}

export interface ValidArea extends CbsCode {
  feature: number;
  name: string | null;
  population: number | null;
  geometry: AreaGeometry;
  bbox: BBox;
}

export interface ValidationResult {
  areas: ValidArea[];
  errors: FeatureError[];
  /** Features left out by `accept` (another municipality, another level). */
  skipped: number;
}

export interface ValidationOptions {
  /** Which well-coded features to import; others are skipped (their geometry is not checked). */
  accept?: (code: CbsCode) => boolean;
  /** Decimals kept in stored coordinates (default 6, about 0.1 m). */
  decimals?: number;
  /** Called after each feature (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

/** Roughly the Netherlands including its coastal waters and border strips, in WGS84. */
export const NETHERLANDS_BBOX: BBox = [3.0, 50.6, 7.4, 53.8];
/** Per feature, stop after this many geometry problems (a broken file would otherwise list thousands). */
const MAX_GEOMETRY_ISSUES = 5;

export function formatFeatureError(e: Pick<FeatureError, 'feature' | 'code' | 'message'>): string {
  return `Feature ${e.feature}${e.code ? ` (${e.code})` : ''}: ${e.message}`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function firstString(props: Record<string, unknown>, keys: readonly string[]): { key: string; value: unknown } | null {
  for (const key of keys) {
    const value = props[key];
    if (value !== undefined && value !== null && value !== '') return { key, value };
  }
  return null;
}

const codeKeys = ['statcode', 'buurtcode', 'wijkcode', 'gemeentecode', 'code'] as const;
const nameKeys: Record<CbsLevel, readonly string[]> = {
  buurt: ['buurtnaam', 'statnaam', 'naam', 'name'],
  wijk: ['wijknaam', 'statnaam', 'naam', 'name'],
  municipality: ['gemeentenaam', 'statnaam', 'naam', 'name'],
};
const populationKeys = ['aantal_inwoners', 'AantalInwoners_5', 'bevolkingAantalInwoners', 'population'] as const;

export function validateAreaFeatures(features: readonly RawFeature[], options: ValidationOptions = {}): ValidationResult {
  const errors: FeatureError[] = [];
  const areas: ValidArea[] = [];
  const firstSeen = new Map<string, number>();
  let skipped = 0;

  for (const raw of features) {
    options.onProgress?.(raw.index, features.length);
    const err = (code: string | null, rule: string, nl: string, en: string) => errors.push({ feature: raw.index, code, rule, message: nl, message_en: en });
    if (raw.readError) {
      err(null, 'feature_unreadable', raw.readError.nl, raw.readError.en);
      continue;
    }
    const props = raw.properties;

    // The code: present, well-formed, unique in the file, consistent with the other code fields.
    const found = firstString(props, codeKeys);
    if (!found) {
      err(
        null,
        'code_missing',
        'heeft geen gebiedscode (statcode, buurtcode, wijkcode of gemeentecode).',
        'has no area code (statcode, buurtcode, wijkcode or gemeentecode).',
      );
      continue;
    }
    const parsed = typeof found.value === 'string' ? parseCbsCode(found.value) : null;
    if (!parsed) {
      const shown = (typeof found.value === 'string' ? found.value : JSON.stringify(found.value)).slice(0, 40);
      err(
        typeof found.value === 'string' ? found.value.slice(0, 40) : null,
        'code_invalid',
        `de ${found.key} "${shown}" is geen geldige CBS-code (GM gevolgd door 4 cijfers, WK door 6 of BU door 8).`,
        `${found.key} "${shown}" is not a valid CBS code (GM + 4 digits, WK + 6, BU + 8).`,
      );
      continue;
    }
    const { code } = parsed;
    const earlier = firstSeen.get(code);
    if (earlier !== undefined) {
      err(
        code,
        'code_duplicate',
        `de code ${code} komt ook al voor bij feature ${earlier}; elke code mag maar één keer in een bestand staan.`,
        `code ${code} also appears at feature ${earlier}; each code may appear only once in a file.`,
      );
      continue;
    }
    firstSeen.set(code, raw.index);
    const gm = props.gemeentecode;
    if (parsed.level !== 'municipality' && typeof gm === 'string' && gm.trim().toUpperCase() !== parsed.municipalityCode) {
      err(
        code,
        'code_mismatch',
        `de gemeentecode ${gm} past niet bij de code ${code} (verwacht ${parsed.municipalityCode}).`,
        `gemeentecode ${gm} does not match code ${code} (expected ${parsed.municipalityCode}).`,
      );
      continue;
    }
    const wk = props.wijkcode;
    if (parsed.level === 'buurt' && typeof wk === 'string' && wk.trim().toUpperCase() !== parsed.parentCode) {
      err(
        code,
        'code_mismatch',
        `de wijkcode ${wk} past niet bij de buurtcode ${code} (verwacht ${parsed.parentCode}).`,
        `wijkcode ${wk} does not match buurt code ${code} (expected ${parsed.parentCode}).`,
      );
      continue;
    }
    if (options.accept && !options.accept(parsed)) {
      skipped++;
      continue;
    }

    let ok = true;
    // Name and population, when present.
    const nameField = firstString(props, nameKeys[parsed.level]);
    let name: string | null = null;
    if (nameField) {
      if (typeof nameField.value === 'string' && nameField.value.trim().length <= 200) name = nameField.value.trim();
      else {
        err(code, 'name_invalid', `de ${nameField.key} is geen tekst van hoogstens 200 tekens.`, `${nameField.key} is not a text of at most 200 characters.`);
        ok = false;
      }
    }
    const populationField = firstString(props, populationKeys);
    let population: number | null = null;
    if (populationField) {
      const v =
        typeof populationField.value === 'string' && /^[0-9]+$/.test(populationField.value.trim()) ? Number(populationField.value) : populationField.value;
      if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 100_000_000) population = v;
      else if (typeof v === 'number' && v <= -99_990)
        population = null; // CBS: value missing or secret
      else {
        err(
          code,
          'population_invalid',
          `het aantal inwoners (${populationField.key}) is geen geheel getal van 0 of meer.`,
          `the population (${populationField.key}) is not a whole number of 0 or more.`,
        );
        ok = false;
      }
    }

    const issues = geometryIssues(raw.geometry);
    for (const issue of issues) err(code, issue.rule, issue.nl, issue.en);
    if (issues.length > 0 || !ok) continue;

    const geometry = roundGeometry(raw.geometry as AreaGeometry, options.decimals ?? 6);
    areas.push({ ...parsed, feature: raw.index, name, population, geometry, bbox: bboxOf(geometry) });
  }
  return { areas, errors, skipped };
}

interface Issue {
  rule: string;
  nl: string;
  en: string;
}

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Everything wrong with a geometry (at most a handful per feature). Empty when it is a valid WGS84 (Multi)Polygon in the Netherlands. */
export function geometryIssues(geometry: unknown): Issue[] {
  if (!isObject(geometry)) return [{ rule: 'geometry_missing', nl: 'heeft geen geometrie.', en: 'has no geometry.' }];
  const type = geometry.type;
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    return [
      {
        rule: 'geometry_type',
        nl: `heeft geometrietype ${String(type)}; alleen Polygon en MultiPolygon zijn toegestaan.`,
        en: `has geometry type ${String(type)}; only Polygon and MultiPolygon are allowed.`,
      },
    ];
  }
  const coordinates = geometry.coordinates;
  if (!Array.isArray(coordinates) || coordinates.length === 0) {
    return [{ rule: 'geometry_coordinates', nl: 'heeft geen coördinaten.', en: 'has no coordinates.' }];
  }
  const polygons: unknown[] = type === 'Polygon' ? [coordinates] : coordinates;
  const issues: Issue[] = [];
  const multi = type === 'MultiPolygon';
  let coordinateProblem = false; // report the first bad point only: one mistake usually repeats everywhere

  polygons.forEach((polygon, p) => {
    if (issues.length >= MAX_GEOMETRY_ISSUES) return;
    const where = multi ? ` van polygoon ${p + 1}` : '';
    const whereEn = multi ? ` of polygon ${p + 1}` : '';
    if (!Array.isArray(polygon) || polygon.length === 0) {
      issues.push({ rule: 'geometry_coordinates', nl: `polygoon ${p + 1} heeft geen ringen.`, en: `polygon ${p + 1} has no rings.` });
      return;
    }
    polygon.forEach((ring: unknown, r) => {
      if (issues.length >= MAX_GEOMETRY_ISSUES) return;
      const ringName = `ring ${r + 1}${r === 0 ? ' (buitenrand)' : ' (gat)'}${where}`;
      const ringNameEn = `ring ${r + 1}${r === 0 ? ' (outer)' : ' (hole)'}${whereEn}`;
      if (!Array.isArray(ring)) {
        issues.push({ rule: 'geometry_coordinates', nl: `${ringName} is geen lijst van punten.`, en: `${ringNameEn} is not a list of points.` });
        return;
      }
      if (!coordinateProblem) {
        for (let i = 0; i < ring.length; i++) {
          const problem = pointIssue(ring[i]);
          if (problem) {
            coordinateProblem = true;
            issues.push({ rule: problem.rule, nl: `punt ${i + 1} van ${ringName} ${problem.nl}`, en: `point ${i + 1} of ${ringNameEn} ${problem.en}` });
            break;
          }
        }
      }
      if (ring.length < 4) {
        issues.push({
          rule: 'ring_too_short',
          nl: `${ringName} heeft ${ring.length} punten; een ring heeft er minstens 4 nodig (de eerste herhaald als laatste).`,
          en: `${ringNameEn} has ${ring.length} points; a ring needs at least 4.`,
        });
        return;
      }
      const first = ring[0] as Position;
      const last = ring[ring.length - 1] as Position;
      if (Array.isArray(first) && Array.isArray(last) && (first[0] !== last[0] || first[1] !== last[1])) {
        issues.push({
          rule: 'ring_not_closed',
          nl: `${ringName} is niet gesloten: het eerste en het laatste punt verschillen.`,
          en: `${ringNameEn} is not closed: its first and last points differ.`,
        });
      }
    });
  });
  return issues;
}

function pointIssue(point: unknown): Issue | null {
  if (!Array.isArray(point) || point.length < 2 || !isFiniteNumber(point[0]) || !isFiniteNumber(point[1])) {
    return { rule: 'coordinate_not_numeric', nl: 'is geen paar getallen [lengtegraad, breedtegraad].', en: 'is not a pair of numbers [longitude, latitude].' };
  }
  const [lon, lat] = point as [number, number];
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
    return {
      rule: 'coordinate_not_wgs84',
      nl: `(${lon}, ${lat}) is geen WGS84-coördinaat. Is het bestand in RD-coördinaten (EPSG:28992)? Zet het om naar WGS84 (EPSG:4326).`,
      en: `(${lon}, ${lat}) is not a WGS84 coordinate. Is the file in RD (EPSG:28992)? Convert it to WGS84 (EPSG:4326).`,
    };
  }
  const [minLon, minLat, maxLon, maxLat] = NETHERLANDS_BBOX;
  if (lon < minLon || lon > maxLon || lat < minLat || lat > maxLat) {
    const swapped = lat >= minLon && lat <= maxLon && lon >= minLat && lon <= maxLat;
    return {
      rule: 'coordinate_outside_netherlands',
      nl: `(${lon}, ${lat}) ligt buiten Nederland.${swapped ? ' Zijn lengte- en breedtegraad verwisseld? GeoJSON noemt de lengtegraad eerst.' : ''}`,
      en: `(${lon}, ${lat}) lies outside the Netherlands.${swapped ? ' Are longitude and latitude swapped? GeoJSON puts longitude first.' : ''}`,
    };
  }
  return null;
}
