// SPDX-License-Identifier: EUPL-1.2
// Import of indicator figures (CBS OData JSON, CBS CSV, GeoJSON with figures, the gemeente trend
// CSV, own CSV) for one municipality or for every municipality present. All or nothing: the whole
// file is read and checked first, and any error (with its line or feature number) stops the import
// before anything is written; the writes run in the caller's transaction. Area codes of a target
// municipality that match no area are reported with their first line, never silently dropped.
// A dry run does everything except writing. One audit event per municipality.
import { parseIndicatorFile, municipalityCodeOf, type ImportFormat, type ParseError, type ParsedFigure } from '../parse.js';
import { areasByCode, upsertValues, type NewValue, type Writer } from '../queries.js';
import { loadCatalogue } from '../load.js';
import { findMunicipalityByCode, listMunicipalities, type Municipality } from '../../municipalities/queries.js';
import { recordAudit, type AuditActor } from '../../audit/audit.js';
import { invalid, notFound } from '../../errors.js';
import type { ValueStatus } from '../../../core/stats/index.js';

export interface ImportIndicatorsInput {
  /** The file's text, or already parsed JSON. */
  content: unknown;
  /** Only figures of this municipality (GM0983; it must exist). Without it: every municipality present. */
  municipalityCode?: string | undefined;
  format?: ImportFormat | undefined;
  /** Period for files that do not say it. */
  period?: string | undefined;
  /** File name (audit; guessing the year of `kwb2024…` files). */
  fileName?: string | undefined;
  dryRun?: boolean | undefined;
}

export interface ImportIndicatorsProgress {
  phase: 'validate' | 'write';
  done: number;
  total: number;
}

export interface ImportIndicatorsContext {
  actor: AuditActor;
  requestId?: string | null;
  onProgress?: (progress: ImportIndicatorsProgress) => void;
}

export interface ImportIndicatorsResult {
  format: ImportFormat;
  dryRun: boolean;
  imported: number;
  byStatus: Record<ValueStatus, number>;
  periods: string[];
  indicators: string[];
  municipalities: { code: string; imported: number }[];
  unknownAreaCodes: { code: string; line: number }[];
  /** Figures of municipalities not imported now (another municipality, or one not in Wijkwijs). */
  skipped: number;
  warnings: string[];
}

export interface ImportError extends ParseError {
  unit: 'line' | 'feature' | 'row';
}

const BATCH = 1000;

function importInvalid(errors: ImportError[]) {
  const n = errors.length;
  const first = errors
    .slice(0, 3)
    .map((e) => e.message)
    .join(' ');
  return invalid(
    'indicators_import_invalid',
    {
      nl: `Het bestand bevat ${n} ${n === 1 ? 'fout' : 'fouten'}; er is niets geïmporteerd. ${first}${n > 3 ? ' …' : ''}`,
      en: `The file has ${n} error(s); nothing was imported.`,
    },
    { errors: errors.slice(0, 500) },
  );
}

export async function importIndicators(tx: Writer, input: ImportIndicatorsInput, ctx: ImportIndicatorsContext): Promise<ImportIndicatorsResult> {
  const parsed = parseIndicatorFile(input.content, { format: input.format, period: input.period, fileName: input.fileName });
  const errors: ImportError[] = parsed.errors.map((e) => ({ ...e, unit: parsed.unit }));
  ctx.onProgress?.({ phase: 'validate', done: 0, total: parsed.figures.length });

  let targets: Municipality[];
  if (input.municipalityCode) {
    const m = await findMunicipalityByCode(tx, input.municipalityCode);
    if (!m)
      throw notFound({ nl: `Gemeente ${input.municipalityCode} bestaat niet in Wijkwijs.`, en: `Municipality ${input.municipalityCode} does not exist.` });
    targets = [m];
  } else {
    const present = new Set(parsed.figures.map((f) => municipalityCodeOf(f.code)));
    targets = (await listMunicipalities(tx)).filter((m) => present.has(m.code));
  }
  const targetCodes = new Map(targets.map((m) => [m.code, m]));

  const warnings: string[] = [];
  const unknown = new Map<string, number>();
  const rows = new Map<string, NewValue[]>();
  const seen = new Map<string, number>();
  let skipped = 0;
  let duplicates = 0;
  let checked = 0;
  const byMunicipality = new Map<string, ParsedFigure[]>();
  for (const figure of parsed.figures) {
    const code = municipalityCodeOf(figure.code);
    const list = byMunicipality.get(code);
    if (list) list.push(figure);
    else byMunicipality.set(code, [figure]);
  }
  for (const m of targets) {
    const catalogue = new Map((await loadCatalogue(tx, m.id)).map((i) => [i.id, i]));
    const areaMap = await areasByCode(tx, m.id);
    const out: NewValue[] = [];
    rows.set(m.code, out);
    for (const figure of byMunicipality.get(m.code) ?? []) {
      checked++;
      if (checked % 5000 === 0) ctx.onProgress?.({ phase: 'validate', done: checked, total: parsed.figures.length });
      const indicator = catalogue.get(figure.indicatorId);
      if (!indicator) {
        errors.push(unknownIndicator(figure, parsed.unit));
        continue;
      }
      const area = areaMap.get(figure.code);
      if (!area) {
        if (!unknown.has(figure.code)) unknown.set(figure.code, figure.line);
        continue;
      }
      const key = `${m.code}|${figure.indicatorId}|${area.id}|${figure.period}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        duplicates++;
        out[earlier] = toRow(m.id, area.id, figure, indicator.source, parsed.sourceTable);
        continue;
      }
      seen.set(key, out.length);
      out.push(toRow(m.id, area.id, figure, indicator.source, parsed.sourceTable));
    }
  }
  for (const [code, list] of byMunicipality) if (!targetCodes.has(code)) skipped += list.length;
  if (errors.length > 0) throw importInvalid(errors);

  if (duplicates > 0) warnings.push(`${duplicates} cijfers stonden dubbel in het bestand (zelfde gebied, indicator en periode); het laatste telt.`);
  if (parsed.unmatched.length > 0)
    warnings.push(`Niet herkend en niet geïmporteerd: ${parsed.unmatched.slice(0, 20).join(', ')}${parsed.unmatched.length > 20 ? ' …' : ''}.`);
  if (unknown.size > 0) warnings.push(`${unknown.size} gebiedscodes bestaan niet (meer) in de gemeente; hun cijfers zijn niet geïmporteerd.`);
  if (skipped > 0 && input.municipalityCode) warnings.push(`${skipped} cijfers van andere gemeenten overgeslagen.`);

  const all = [...rows.values()].flat();
  const byStatus: Record<ValueStatus, number> = { ok: 0, rounded: 0, suppressed: 0, missing: 0, not_applicable: 0 };
  for (const r of all) byStatus[r.status]++;
  const result: ImportIndicatorsResult = {
    format: parsed.format,
    dryRun: input.dryRun === true,
    imported: all.length,
    byStatus,
    periods: [...new Set(all.map((r) => r.period))].sort(),
    indicators: [...new Set(all.map((r) => r.indicatorKey))].sort(),
    municipalities: targets.map((m) => ({ code: m.code, imported: rows.get(m.code)?.length ?? 0 })),
    unknownAreaCodes: [...unknown].map(([code, line]) => ({ code, line })).sort((a, b) => a.line - b.line),
    skipped,
    warnings,
  };
  if (input.dryRun) return result;

  let written = 0;
  ctx.onProgress?.({ phase: 'write', done: 0, total: all.length });
  for (const m of targets) {
    const out = rows.get(m.code) ?? [];
    for (let i = 0; i < out.length; i += BATCH) {
      await upsertValues(tx, out.slice(i, i + BATCH));
      written += Math.min(BATCH, out.length - i);
      ctx.onProgress?.({ phase: 'write', done: written, total: all.length });
    }
    await recordAudit(tx, {
      municipalityId: m.id,
      actor: ctx.actor,
      action: 'indicators.import',
      entityType: 'municipality',
      entityId: m.id,
      after: {
        file: input.fileName ?? null,
        format: parsed.format,
        imported: out.length,
        periods: [...new Set(out.map((r) => r.period))].sort(),
        indicators: [...new Set(out.map((r) => r.indicatorKey))].sort(),
        unknownAreaCodes: result.unknownAreaCodes.filter((u) => municipalityCodeOf(u.code) === m.code).length,
      },
      requestId: ctx.requestId ?? null,
    });
  }
  return result;
}

function unknownIndicator(figure: ParsedFigure, unit: ImportError['unit']): ImportError {
  const where = unit === 'feature' ? 'Feature' : unit === 'row' ? 'Rij' : 'Regel';
  return {
    unit,
    line: figure.line,
    code: figure.code,
    message: `${where} ${figure.line}: indicator "${figure.indicatorId}" staat niet in de catalogus van deze gemeente; voeg hem eerst toe.`,
    message_en: `${unit} ${figure.line}: indicator "${figure.indicatorId}" is not in this municipality's catalogue; add it first.`,
  };
}

function toRow(municipalityId: string, areaId: string, f: ParsedFigure, source: string, sourceTable: string | null): NewValue {
  const year = Number(f.period.slice(0, 4));
  return {
    municipalityId,
    indicatorKey: f.indicatorId,
    areaId,
    period: f.period,
    value: f.status === 'ok' || f.status === 'rounded' ? f.value : null,
    status: f.status,
    source: f.source ?? source,
    sourceYear: Number.isInteger(year) ? year : null,
    sourceTable,
  };
}
