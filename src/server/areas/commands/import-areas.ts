// SPDX-License-Identifier: EUPL-1.2
// Import of CBS boundaries (wijk- en buurtkaart) from GeoJSON or TopoJSON: wijken, buurten and the
// municipality boundary, for one municipality or for every municipality already present. The whole
// file is validated first; with any error nothing is written. Existing areas (same code, not ended)
// are updated in place; areas missing from the file stay unless `closeMissing` ends them. Runs in
// the caller's transaction; one audit event per municipality with the counts, plus one per changed
// area.
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import {
  readAreaDocument,
  validateAreaFeatures,
  sameGeometry,
  formatFeatureError,
  type ValidArea,
  type FeatureError,
  type CbsCode,
} from '../../../core/geo/index.js';
import { areas } from '../schema.js';
import { listCurrentAreas, findRootArea, today, type Area, type Writer } from '../queries.js';
import { findMunicipalityByCode, listMunicipalities, type Municipality } from '../../municipalities/queries.js';
import { recordAudit, type AuditActor } from '../../audit/audit.js';
import { invalid } from '../../errors.js';

export type ImportLevel = 'wijk' | 'buurt';

export interface ImportAreasInput {
  /** The parsed GeoJSON FeatureCollection or TopoJSON Topology. */
  document: unknown;
  /** Only features of this municipality (it must exist). Without it: of every municipality present. */
  municipalityCode?: string | undefined;
  /** Only wijken or only buurten (default: wijken, buurten and municipality boundaries). */
  level?: ImportLevel | undefined;
  /** Start of validity for areas created by this import (default today). */
  validFrom?: string | undefined;
  /** End current areas of the imported levels that are absent from the file on this date. */
  closeMissing?: string | undefined;
  /** Year of the population figures (default the file's metadata.year). */
  populationYear?: number | undefined;
}

export interface ImportProgress {
  phase: 'validate' | 'write';
  done: number;
  total: number;
}

export interface ImportContext {
  actor: AuditActor;
  requestId?: string | null;
  /** Name of the file, recorded in the audit event. */
  source?: string;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  closed: number;
}

export interface ImportAreasResult extends ImportCounts {
  /** Features of other municipalities or levels, left out. */
  skipped: number;
  municipalities: (ImportCounts & { code: string })[];
  /** Dutch notes that did not stop the import (a buurt whose wijk is unknown, …). */
  warnings: string[];
}

/** Thrown (422) with every feature error; the CLI prints `lines`, the API sends `errors`. */
export function importErrors(errors: FeatureError[]) {
  const n = errors.length;
  const features = new Set(errors.map((e) => e.feature)).size;
  return invalid(
    'areas_import_invalid',
    {
      nl: `Het bestand bevat ${n} ${n === 1 ? 'fout' : 'fouten'} in ${features} ${features === 1 ? 'feature' : 'features'}; er is niets geïmporteerd. ${errors.slice(0, 3).map(formatFeatureError).join(' ')}${n > 3 ? ' …' : ''}`,
      en: `The file has ${n} error(s) in ${features} feature(s); nothing was imported.`,
    },
    { errors: errors.map((e) => ({ feature: e.feature, code: e.code, rule: e.rule, message: e.message, message_en: e.message_en })) },
  );
}

const isoDate = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
const levelOrder = { municipality: 0, wijk: 1, buurt: 2 } as const;
const BATCH = 250;

export async function importAreas(tx: Writer, input: ImportAreasInput, ctx: ImportContext): Promise<ImportAreasResult> {
  const on = today();
  const validFrom = input.validFrom ?? on;
  for (const [name, value] of [
    ['validFrom', input.validFrom],
    ['closeMissing', input.closeMissing],
  ] as const) {
    if (value !== undefined && (!isoDate.test(value) || Number.isNaN(Date.parse(value)))) {
      throw invalid('date_invalid', {
        nl: `${name} moet een datum zijn als 2024-01-01 (kreeg "${value}").`,
        en: `${name} must be a date like 2024-01-01 (got "${value}").`,
      });
    }
  }

  const read = readAreaDocument(input.document);
  if (!read.ok) throw invalid('areas_document_invalid', read.error);

  // Which municipalities the file may fill.
  let targets: Municipality[];
  if (input.municipalityCode) {
    const m = await findMunicipalityByCode(tx, input.municipalityCode);
    if (!m) {
      throw invalid('municipality_unknown', {
        nl: `Gemeente ${input.municipalityCode.toUpperCase()} bestaat niet in deze database. Maak de gemeente eerst aan.`,
        en: `Municipality ${input.municipalityCode.toUpperCase()} does not exist in this database. Create it first.`,
      });
    }
    targets = [m];
  } else {
    targets = await listMunicipalities(tx);
  }
  const targetCodes = new Set(targets.map((m) => m.code));
  const accept = (c: CbsCode): boolean => targetCodes.has(c.municipalityCode) && (input.level === undefined || c.level === input.level);

  const validation = validateAreaFeatures(read.document.features, {
    accept,
    onProgress: (done, total) => ctx.onProgress?.({ phase: 'validate', done, total }),
  });
  if (validation.errors.length > 0) throw importErrors(validation.errors);
  if (validation.areas.length === 0) {
    const where = input.municipalityCode
      ? `gemeente ${input.municipalityCode.toUpperCase()}`
      : targets.length === 0
        ? 'een gemeente (er zijn nog geen gemeenten)'
        : `de gemeenten in deze database (${[...targetCodes].join(', ')})`;
    throw invalid('areas_import_empty', {
      nl: `Het bestand bevat geen ${input.level === 'buurt' ? 'buurten' : input.level === 'wijk' ? 'wijken' : 'gebieden'} van ${where}; ${validation.skipped} features overgeslagen. Er is niets geïmporteerd.`,
      en: `The file holds no areas of the selected municipalities; ${validation.skipped} features skipped. Nothing was imported.`,
    });
  }

  const populationYear = input.populationYear ?? read.document.year;
  const result: ImportAreasResult = { created: 0, updated: 0, unchanged: 0, closed: 0, skipped: validation.skipped, municipalities: [], warnings: [] };
  const total = validation.areas.length;
  let written = 0;
  for (const m of targets) {
    const own = validation.areas
      .filter((a) => a.municipalityCode === m.code)
      .sort((a, b) => levelOrder[a.level] - levelOrder[b.level] || a.code.localeCompare(b.code));
    if (own.length === 0) continue;
    const counts = await importForMunicipality(
      tx,
      m,
      own,
      { validFrom, on, populationYear, closeMissing: input.closeMissing, level: input.level },
      ctx,
      result.warnings,
      (n) => {
        written += n;
        ctx.onProgress?.({ phase: 'write', done: written, total });
      },
    );
    result.municipalities.push({ code: m.code, ...counts });
    result.created += counts.created;
    result.updated += counts.updated;
    result.unchanged += counts.unchanged;
    result.closed += counts.closed;
  }
  return result;
}

interface Settings {
  validFrom: string;
  on: string;
  populationYear: number | null;
  closeMissing: string | undefined;
  level: ImportLevel | undefined;
}

type AreaInsert = typeof areas.$inferInsert;

async function importForMunicipality(
  tx: Writer,
  m: Municipality,
  incoming: ValidArea[],
  s: Settings,
  ctx: ImportContext,
  warnings: string[],
  progress: (n: number) => void,
): Promise<ImportCounts> {
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0, closed: 0 };
  const current = await listCurrentAreas(tx, m.id, s.on, ['municipality', 'wijk', 'buurt']);
  const root = current.find((a) => a.level === 'municipality') ?? (await findRootArea(tx, m.id));
  if (!root) throw new Error(`municipality ${m.code} has no root area`);
  // Several current areas with one code cannot arise from imports; if they exist, the latest start wins.
  const existingByCode = new Map<string, Area>();
  for (const a of current) existingByCode.set(`${a.level}:${a.code}`, a);
  const idByCode = new Map<string, string>(current.filter((a) => a.level === 'wijk').map((a) => [a.code, a.id]));

  const inserts: AreaInsert[] = [];
  const changes: { area: Area; set: Partial<AreaInsert>; before: Record<string, unknown>; after: Record<string, unknown> }[] = [];
  let unknownWijken = 0;

  for (const a of incoming) {
    const existing = a.level === 'municipality' ? root : existingByCode.get(`${a.level}:${a.code}`);
    let parentId: string | null;
    if (a.level === 'municipality') parentId = null;
    else if (a.level === 'wijk')
      parentId = existing?.parentId ?? root.id; // keeps a district grouping
    else {
      parentId = idByCode.get(a.parentCode ?? '') ?? existing?.parentId ?? null;
      if (!parentId) {
        parentId = root.id;
        unknownWijken++;
      }
    }
    const population = a.population ?? existing?.population ?? null;
    const year = a.population !== null ? (s.populationYear ?? existing?.populationYear ?? null) : (existing?.populationYear ?? null);
    const name = a.level === 'municipality' ? (existing?.name ?? a.code) : (a.name ?? existing?.name ?? a.code);
    const [minLon, minLat, maxLon, maxLat] = a.bbox;

    if (!existing) {
      const id = randomUUID();
      if (a.level === 'wijk') idByCode.set(a.code, id);
      inserts.push({
        id,
        municipalityId: m.id,
        code: a.code,
        name,
        level: a.level,
        parentId,
        geometry: a.geometry,
        minLon,
        minLat,
        maxLon,
        maxLat,
        population,
        populationYear: year,
        validFrom: s.validFrom,
      });
      continue;
    }
    const geometryChanged = !sameGeometry(existing.geometry, a.geometry);
    const before = { name: existing.name, population: existing.population, populationYear: existing.populationYear, parentId: existing.parentId };
    const after = { name, population, populationYear: year, parentId };
    const changedFields = (Object.keys(after) as (keyof typeof after)[]).filter((k) => before[k] !== after[k]);
    if (!geometryChanged && changedFields.length === 0) {
      counts.unchanged++;
      continue;
    }
    changes.push({
      area: existing,
      set: { ...after, ...(geometryChanged ? { geometry: a.geometry, minLon, minLat, maxLon, maxLat } : {}) },
      before: { ...pick(before, changedFields), ...(geometryChanged ? { bbox: [existing.minLon, existing.minLat, existing.maxLon, existing.maxLat] } : {}) },
      after: { ...pick(after, changedFields), ...(geometryChanged ? { bbox: a.bbox, geometryChanged: true } : {}) },
    });
  }
  if (unknownWijken > 0) {
    warnings.push(
      `${m.code}: ${unknownWijken} ${unknownWijken === 1 ? 'buurt ligt' : 'buurten liggen'} in een wijk die niet bestaat; ${unknownWijken === 1 ? 'die hangt' : 'die hangen'} direct onder de gemeente. Importeer eerst de wijken.`,
    );
  }

  for (let i = 0; i < inserts.length; i += BATCH) {
    const batch = inserts.slice(i, i + BATCH);
    await tx.insert(areas).values(batch);
    progress(batch.length);
  }
  counts.created = inserts.length;

  for (const change of changes) {
    await tx.update(areas).set(change.set).where(eq(areas.id, change.area.id));
    await recordAudit(tx, {
      municipalityId: m.id,
      actor: ctx.actor,
      action: 'area.update',
      entityType: 'area',
      entityId: change.area.id,
      before: { code: change.area.code, ...change.before },
      after: { code: change.area.code, ...change.after },
      reason: 'import',
      requestId: ctx.requestId ?? null,
    });
  }
  counts.updated = changes.length;
  progress(changes.length + counts.unchanged);

  // Areas the file no longer has: kept, unless asked to end them.
  const closedCodes: string[] = [];
  if (s.closeMissing) {
    const levels = new Set(incoming.map((a) => a.level).filter((l) => l !== 'municipality'));
    const inFile = new Set(incoming.map((a) => a.code));
    const missing = current.filter((a) => levels.has(a.level as ImportLevel) && !inFile.has(a.code) && (a.validTo === null || a.validTo > s.closeMissing!));
    const closable = missing.filter((a) => a.validFrom < s.closeMissing!);
    if (closable.length < missing.length) {
      warnings.push(`${m.code}: ${missing.length - closable.length} ontbrekende gebieden beginnen pas op of na ${s.closeMissing} en zijn niet beëindigd.`);
    }
    if (closable.length > 0) {
      await tx
        .update(areas)
        .set({ validTo: s.closeMissing })
        .where(
          inArray(
            areas.id,
            closable.map((a) => a.id),
          ),
        );
      closedCodes.push(...closable.map((a) => a.code));
    }
  }
  counts.closed = closedCodes.length;

  await recordAudit(tx, {
    municipalityId: m.id,
    actor: ctx.actor,
    action: 'areas.import',
    entityType: 'municipality',
    entityId: m.id,
    after: {
      source: ctx.source ?? null,
      levels: [...new Set(incoming.map((a) => a.level))],
      validFrom: s.validFrom,
      populationYear: s.populationYear,
      ...counts,
      ...(s.closeMissing ? { closeMissing: s.closeMissing, closedCodes: closedCodes.slice(0, 500) } : {}),
    },
    requestId: ctx.requestId ?? null,
  });
  return counts;
}

function pick<T extends Record<string, unknown>>(value: T, keys: (keyof T)[]): Partial<T> {
  return Object.fromEntries(keys.map((k) => [k, value[k]])) as Partial<T>;
}
