// SPDX-License-Identifier: EUPL-1.2
// Reading indicator figures from the file shapes CBS and others publish, into one neutral list of
// figures (area code, indicator, period, value, status) with the line or feature each came from.
// No database here: matching codes to areas and writing happen in commands/import-indicators.ts.
//
// Formats (auto-detected):
// - `cbs-odata-json`: CBS OData `{ value: [{ WijkenEnBuurten: 'WK098311', AantalInwoners_5: 5310, … }] }`,
//   or the same rows keyed by code `{ WK098311: { AantalInwoners_5: 5310 } }`. null = suppressed.
// - `cbs-csv`: CBS CSV, `;`, decimal comma, BOM, quoted fields, `.` = suppressed. Either a StatLine
//   export with CBS keys as column names (`WijkenEnBuurten;…;AantalInwoners_5`), or a CBS custom
//   table with title lines and column titles (matched by title; the period is the first year in the title).
// - `geojson`: a FeatureCollection with figures as properties (geoinzicht/PDOK names: aantal_inwoners, …).
// - `geo-csv`: a CSV with a code column and those property names, one row per area and year
//   (`jaar_bestand`), such as the gemeente trend file.
// - `own-csv`: area code;indicator;period;value[;status] (Dutch headers gebiedscode;indicator;periode;waarde too).
// CBS keys are matched by base name (`AantalInwoners_5` → `AantalInwoners`), see catalogue.ts.
import { parse as parseCsv } from 'csv-parse/sync';
import type { ValueStatus } from '../../core/stats/index.js';
import {
  cbsBaseName,
  indicatorForCbsKey,
  indicatorForGeoKey,
  indicatorForTitle,
  normaliseTitle,
  type BaseIndicator,
  type IndicatorSource,
} from './catalogue.js';

export const importFormats = ['cbs-odata-json', 'cbs-csv', 'geojson', 'geo-csv', 'own-csv'] as const;
export type ImportFormat = (typeof importFormats)[number];

export interface ParsedFigure {
  /** Line (CSV, 1-based, as in an editor), feature (GeoJSON, 1-based) or row (JSON, 1-based). */
  line: number;
  code: string;
  indicatorId: string;
  period: string;
  value: number | null;
  status: ValueStatus;
  source: IndicatorSource | null;
}

export interface ParseError {
  line: number;
  code?: string | undefined;
  message: string;
  message_en: string;
}

export interface ParsedFile {
  format: ImportFormat;
  /** 'line' for CSV, 'feature' for GeoJSON, 'row' for JSON: how `line` should be read. */
  unit: 'line' | 'feature' | 'row';
  figures: ParsedFigure[];
  errors: ParseError[];
  /** Columns/properties that matched no indicator (reported as a warning). */
  unmatched: string[];
  /** Rows without an area code (totals for the Netherlands, notes) that were passed over. */
  skippedRows: number;
  sourceTable: string | null;
}

export interface ParseOptions {
  format?: ImportFormat | undefined;
  /** Period for files that do not say it ('2024'). */
  period?: string | undefined;
  /** File name, used to guess the period of CBS JSON (`kwb2024…`). */
  fileName?: string | undefined;
}

const AREA_CODE = /^(GM[0-9]{4}|WK[0-9]{4}[0-9A-Z]{2}|BU[0-9]{4}[0-9A-Z]{4})$/;
const PERIOD = /^[0-9]{4}([-/][0-9]{2,4})?$/;

/** 'GM0983' for WK098311 or BU09831101 or GM0983. */
export function municipalityCodeOf(code: string): string {
  return `GM${code.slice(2, 6)}`;
}

export function isAreaCode(value: string): boolean {
  return AREA_CODE.test(value);
}

/** Detects the format, parses and returns the figures (never throws for bad content: errors are listed). */
export function parseIndicatorFile(content: unknown, options: ParseOptions = {}): ParsedFile {
  let document: unknown = content;
  if (typeof content === 'string') {
    const text = content.replace(/^\uFEFF/, '');
    const start = text.trimStart()[0];
    if (start === '{' || start === '[') {
      try {
        document = JSON.parse(text);
      } catch (error) {
        return failed(
          options.format ?? 'cbs-odata-json',
          'row',
          0,
          `Het bestand is geen geldige JSON: ${(error as Error).message}`,
          `The file is not valid JSON: ${(error as Error).message}`,
        );
      }
    } else {
      return parseCsvText(text, options);
    }
  }
  if (isRecord(document) && document.type === 'FeatureCollection') return parseGeoJson(document, options);
  return parseOdata(document, options);
}

function failed(format: ImportFormat, unit: ParsedFile['unit'], line: number, nl: string, en: string): ParsedFile {
  return { format, unit, figures: [], errors: [{ line, message: nl, message_en: en }], unmatched: [], skippedRows: 0, sourceTable: null };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function statusFor(indicator: BaseIndicator, code: string): 'ok' | 'rounded' {
  return indicator.roundedBelowMunicipality && !code.startsWith('GM') ? 'rounded' : 'ok';
}

function periodFromFileName(fileName: string | undefined): string | undefined {
  return fileName?.match(/(?:^|[^0-9])((?:19|20)[0-9]{2})(?:[^0-9]|$)/)?.[1];
}

/** CBS `Perioden` such as '2024JJ00' → '2024'. */
function cbsPeriod(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return value.trim().match(/^((?:19|20)[0-9]{2})/)?.[1];
}

// ---- CBS OData JSON ---------------------------------------------------------------------------

function parseOdata(document: unknown, options: ParseOptions): ParsedFile {
  const result: ParsedFile = { format: 'cbs-odata-json', unit: 'row', figures: [], errors: [], unmatched: [], skippedRows: 0, sourceTable: null };
  let rows: { code: unknown; record: Record<string, unknown> }[];
  if (isRecord(document) && Array.isArray(document.value)) {
    const metadata = typeof document['odata.metadata'] === 'string' ? document['odata.metadata'] : '';
    result.sourceTable = metadata.match(/([0-9]{5}[A-Z]{3})/)?.[1] ?? null;
    rows = document.value.map((r) => {
      const record = isRecord(r) ? r : {};
      const codeKey = Object.keys(record).find((k) => k === 'WijkenEnBuurten' || cbsBaseName(k) === 'Codering');
      return { code: codeKey ? record[codeKey] : undefined, record };
    });
  } else if (isRecord(document) && Object.keys(document).some((k) => isAreaCode(k.trim()))) {
    rows = Object.entries(document).map(([code, record]) => ({ code, record: isRecord(record) ? record : {} }));
  } else {
    return failed(
      'cbs-odata-json',
      'row',
      0,
      'Onbekend bestandsformaat: verwacht CBS OData-JSON (value: [...]), GeoJSON of CSV.',
      'Unknown file format: expected CBS OData JSON (value: [...]), GeoJSON or CSV.',
    );
  }
  const unmatched = new Set<string>();
  const filePeriod = options.period ?? periodFromFileName(options.fileName);
  rows.forEach(({ code: rawCode, record }, index) => {
    const line = index + 1;
    const code = typeof rawCode === 'string' ? rawCode.trim().toUpperCase() : '';
    if (!isAreaCode(code)) {
      if (code !== 'NL00' && code !== '')
        result.errors.push({
          line,
          code,
          message: `Rij ${line}: "${code}" is geen CBS-gebiedscode.`,
          message_en: `Row ${line}: "${code}" is not a CBS area code.`,
        });
      else result.skippedRows++;
      return;
    }
    const period = options.period ?? cbsPeriod(record.Perioden) ?? filePeriod;
    if (!period) {
      result.errors.push({
        line,
        code,
        message: `Rij ${line}: geen periode in het bestand; geef de periode op (bv. 2024).`,
        message_en: `Row ${line}: the file has no period; give one (e.g. 2024).`,
      });
      return;
    }
    for (const [key, raw] of Object.entries(record)) {
      const indicator = indicatorForCbsKey(key);
      if (!indicator) {
        if (/_[0-9]+$/.test(key) && typeof raw !== 'string') unmatched.add(key);
        continue;
      }
      if (raw === null || raw === '.' || raw === 'x') {
        result.figures.push({ line, code, indicatorId: indicator.id, period, value: null, status: 'suppressed', source: indicator.source });
      } else if (typeof raw === 'number' && Number.isFinite(raw)) {
        result.figures.push({ line, code, indicatorId: indicator.id, period, value: raw, status: statusFor(indicator, code), source: indicator.source });
      } else {
        result.errors.push({
          line,
          code,
          message: `Rij ${line} (${code}): ${key} is geen getal: ${JSON.stringify(raw)}.`,
          message_en: `Row ${line} (${code}): ${key} is not a number: ${JSON.stringify(raw)}.`,
        });
      }
    }
  });
  result.unmatched = [...unmatched].sort();
  return result;
}

// ---- GeoJSON with figures as properties -----------------------------------------------------------

const codeProperties = ['buurtcode', 'wijkcode', 'statcode', 'code', 'gemeentecode'] as const;

/** The most specific area code among the properties (buurt before wijk before gemeente). */
function codeFromProperties(properties: Record<string, unknown>): string | undefined {
  for (const key of codeProperties) {
    const value = properties[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim().toUpperCase();
  }
  return undefined;
}

const metaProperties = new Set([
  ...codeProperties,
  'wijknaam',
  'gemeentenaam',
  'buurtnaam',
  'naam',
  'name',
  'jaar',
  'jaar_bestand',
  'cr_jaar',
  'zk_jaar',
  'bbg_peiljaar',
  'topojson_id',
  'wijkcode_afgeleid',
]);

/** A geoinzicht figure: numbers as they are; CBS sentinels ≤ -99990 (-99997 secret → suppressed; others unknown → missing). */
function geoFigure(raw: unknown, decimalComma: boolean): { value: number | null; status: 'value' | 'suppressed' | 'missing' | 'skip' | 'invalid' } {
  if (raw === null || raw === undefined || raw === '') return { value: null, status: 'skip' };
  if (raw === '.' || raw === 'x') return { value: null, status: 'suppressed' };
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? parseNumber(raw, decimalComma) : undefined;
  if (n === undefined) return { value: null, status: 'invalid' };
  if (n <= -99990) return { value: null, status: n === -99997 ? 'suppressed' : 'missing' };
  return { value: n, status: 'value' };
}

function parseGeoJson(document: Record<string, unknown>, options: ParseOptions): ParsedFile {
  const result: ParsedFile = {
    format: 'geojson',
    unit: 'feature',
    figures: [],
    errors: [],
    unmatched: [],
    skippedRows: 0,
    sourceTable: options.fileName ?? null,
  };
  const metadata = isRecord(document.metadata) ? document.metadata : {};
  const features = Array.isArray(document.features) ? document.features : [];
  const unmatched = new Set<string>();
  features.forEach((feature, index) => {
    const line = index + 1;
    const properties = isRecord(feature) && isRecord(feature.properties) ? feature.properties : {};
    const code = codeFromProperties(properties);
    if (!code || !isAreaCode(code)) {
      result.errors.push({
        line,
        code,
        message: `Feature ${line}: geen geldige CBS-gebiedscode (wijkcode, buurtcode, statcode of gemeentecode).`,
        message_en: `Feature ${line}: no valid CBS area code.`,
      });
      return;
    }
    const period = options.period ?? stringYear(properties.jaar_bestand ?? properties.jaar ?? metadata.year);
    if (!period) {
      result.errors.push({
        line,
        code,
        message: `Feature ${line} (${code}): geen jaar in het bestand; geef de periode op.`,
        message_en: `Feature ${line} (${code}): no year in the file; give the period.`,
      });
      return;
    }
    const crimeYear = options.period ? undefined : stringYear(properties.cr_jaar ?? metadata.cr_jaar);
    addGeoFigures(result, line, code, period, crimeYear, properties, false, unmatched, 'Feature');
  });
  result.unmatched = [...unmatched].sort();
  return result;
}

function stringYear(value: unknown): string | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  return /^(19|20)[0-9]{2}$/.test(text) ? text : undefined;
}

function addGeoFigures(
  result: ParsedFile,
  line: number,
  code: string,
  period: string,
  crimeYear: string | undefined,
  properties: Record<string, unknown>,
  decimalComma: boolean,
  unmatched: Set<string>,
  label: 'Feature' | 'Regel',
): void {
  for (const [key, raw] of Object.entries(properties)) {
    if (metaProperties.has(key)) continue;
    const indicator = indicatorForGeoKey(key);
    if (!indicator) {
      if (raw !== null && raw !== '' && typeof raw !== 'object') unmatched.add(key);
      continue;
    }
    const figure = geoFigure(raw, decimalComma);
    if (figure.status === 'skip') continue;
    if (figure.status === 'invalid') {
      result.errors.push({
        line,
        code,
        message: `${label} ${line} (${code}): ${key} is geen getal: ${JSON.stringify(raw)}.`,
        message_en: `${label === 'Regel' ? 'Line' : 'Feature'} ${line} (${code}): ${key} is not a number: ${JSON.stringify(raw)}.`,
      });
      continue;
    }
    const figurePeriod = indicator.source === 'police' && crimeYear ? crimeYear : period;
    const status: ValueStatus = figure.status === 'value' ? statusFor(indicator, code) : figure.status;
    result.figures.push({ line, code, indicatorId: indicator.id, period: figurePeriod, value: figure.value, status, source: indicator.source });
  }
}

// ---- CSV ----------------------------------------------------------------------------------------

/** '27,9' → 27.9 with a decimal comma, '1.234,5' → 1234.5; '0.9' → 0.9 otherwise. undefined when not a number. */
export function parseNumber(text: string, decimalComma: boolean): number | undefined {
  let t = text
    .trim()
    .replace(/\u00a0/g, '')
    .replace(/ /g, '');
  if (t === '') return undefined;
  if (decimalComma) {
    if (/^-?[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?$/.test(t)) t = t.replace(/\./g, '');
    t = t.replace(',', '.');
  }
  if (!/^-?([0-9]+\.?[0-9]*|\.[0-9]+)(e-?[0-9]+)?$/i.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

interface CsvRow {
  line: number;
  cells: string[];
}

function readCsv(text: string): { rows: CsvRow[]; delimiter: string } | { error: ParseError } {
  const firstLines = text.split(/\r?\n/, 20).join('\n');
  const delimiter = (firstLines.match(/;/g)?.length ?? 0) >= (firstLines.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    const records = parseCsv(text, { delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, info: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return { delimiter, rows: records.map((r) => ({ line: r.info.lines, cells: r.record })) };
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    return {
      error: {
        line,
        message: `Regel ${line}: de CSV kan niet gelezen worden: ${(error as Error).message}`,
        message_en: `Line ${line}: the CSV cannot be read: ${(error as Error).message}`,
      },
    };
  }
}

const ownHeaders = {
  code: ['area code', 'areacode', 'area_code', 'gebiedscode', 'code', 'gebied'],
  indicator: ['indicator', 'indicator_id', 'indicatorid'],
  period: ['period', 'periode', 'jaar', 'year'],
  value: ['value', 'waarde'],
  status: ['status'],
};

function parseCsvText(text: string, options: ParseOptions): ParsedFile {
  const read = readCsv(text);
  if ('error' in read)
    return { format: options.format ?? 'cbs-csv', unit: 'line', figures: [], errors: [read.error], unmatched: [], skippedRows: 0, sourceTable: null };
  const { rows, delimiter } = read;
  const decimalComma = delimiter === ';';
  const firstNonEmpty = rows.find((r) => r.cells.some((c) => c.trim() !== ''));
  const header = (firstNonEmpty?.cells ?? []).map((c) => normaliseTitle(c));
  const isOwn = header.some((h) => ownHeaders.indicator.includes(h)) && header.some((h) => ownHeaders.value.includes(h));
  const format = options.format ?? (isOwn ? 'own-csv' : header.some((h) => indicatorForGeoKey(h) !== undefined) ? 'geo-csv' : 'cbs-csv');
  switch (format) {
    case 'own-csv':
      return parseOwnCsv(rows, firstNonEmpty, decimalComma, options);
    case 'geo-csv':
      return parseGeoCsv(rows, firstNonEmpty, decimalComma, options);
    case 'cbs-csv':
    case 'cbs-odata-json':
    case 'geojson':
      return parseCbsCsv(rows, decimalComma, options);
  }
}

function columnIndex(header: string[], names: string[]): number {
  return header.findIndex((h) => names.includes(h));
}

function parseOwnCsv(rows: CsvRow[], headerRow: CsvRow | undefined, decimalComma: boolean, options: ParseOptions): ParsedFile {
  const result: ParsedFile = { format: 'own-csv', unit: 'line', figures: [], errors: [], unmatched: [], skippedRows: 0, sourceTable: options.fileName ?? null };
  const header = (headerRow?.cells ?? []).map(normaliseTitle);
  const col = {
    code: columnIndex(header, ownHeaders.code),
    indicator: columnIndex(header, ownHeaders.indicator),
    period: columnIndex(header, ownHeaders.period),
    value: columnIndex(header, ownHeaders.value),
    status: columnIndex(header, ownHeaders.status),
  };
  if (col.code < 0 || col.indicator < 0 || (col.period < 0 && !options.period) || col.value < 0) {
    result.errors.push({
      line: headerRow?.line ?? 1,
      message: 'De kopregel moet de kolommen gebiedscode;indicator;periode;waarde hebben (of area code;indicator;period;value).',
      message_en: 'The header must have the columns area code;indicator;period;value.',
    });
    return result;
  }
  const absent = new Set<ValueStatus>(['suppressed', 'missing', 'not_applicable']);
  for (const row of rows) {
    if (row === headerRow || row.cells.every((c) => c.trim() === '')) continue;
    const line = row.line;
    const cell = (i: number) => (i >= 0 ? (row.cells[i] ?? '').trim() : '');
    const code = cell(col.code).toUpperCase();
    const indicatorId = cell(col.indicator);
    const period = cell(col.period) || options.period || '';
    const rawValue = cell(col.value);
    const rawStatus = cell(col.status).toLowerCase();
    const fail = (nl: string, en: string) => result.errors.push({ line, code, message: `Regel ${line}: ${nl}`, message_en: `Line ${line}: ${en}` });
    if (code === '') {
      fail('gebiedscode ontbreekt.', 'area code missing.');
      continue;
    }
    if (!/^[a-z0-9_]{1,60}$/.test(indicatorId)) {
      fail(`"${indicatorId}" is geen indicator-id (kleine letters, cijfers en _).`, `"${indicatorId}" is not an indicator id.`);
      continue;
    }
    if (!PERIOD.test(period)) {
      fail(`"${period}" is geen periode (bv. 2024).`, `"${period}" is not a period (e.g. 2024).`);
      continue;
    }
    let status: ValueStatus;
    let value: number | null = null;
    if (rawStatus !== '') {
      if (!['ok', 'rounded', ...absent].includes(rawStatus)) {
        fail(`status "${rawStatus}" bestaat niet (ok, rounded, suppressed, missing, not_applicable).`, `unknown status "${rawStatus}".`);
        continue;
      }
      status = rawStatus as ValueStatus;
    } else {
      status = rawValue === '' ? 'missing' : rawValue === '.' || rawValue === 'x' ? 'suppressed' : 'ok';
    }
    if (absent.has(status)) {
      if (rawValue !== '' && rawValue !== '.' && rawValue !== 'x') {
        fail(`een waarde met status ${status} moet leeg zijn (nooit 0): "${rawValue}".`, `a value with status ${status} must be empty: "${rawValue}".`);
        continue;
      }
    } else {
      const n = parseNumber(rawValue, decimalComma);
      if (n === undefined) {
        fail(`"${rawValue}" is geen getal.`, `"${rawValue}" is not a number.`);
        continue;
      }
      value = n;
    }
    result.figures.push({ line, code, indicatorId, period, value, status, source: null });
  }
  return result;
}

function parseGeoCsv(rows: CsvRow[], headerRow: CsvRow | undefined, decimalComma: boolean, options: ParseOptions): ParsedFile {
  const result: ParsedFile = { format: 'geo-csv', unit: 'line', figures: [], errors: [], unmatched: [], skippedRows: 0, sourceTable: options.fileName ?? null };
  const header = (headerRow?.cells ?? []).map((c) => c.trim());
  const unmatched = new Set<string>();
  for (const row of rows) {
    if (row === headerRow || row.cells.every((c) => c.trim() === '')) continue;
    const properties: Record<string, unknown> = {};
    header.forEach((name, i) => {
      properties[name] = row.cells[i] ?? '';
    });
    const code = codeFromProperties(properties);
    if (!code || !isAreaCode(code)) {
      result.errors.push({
        line: row.line,
        code,
        message: `Regel ${row.line}: geen geldige CBS-gebiedscode.`,
        message_en: `Line ${row.line}: no valid CBS area code.`,
      });
      continue;
    }
    const period = options.period ?? stringYear(properties.jaar_bestand ?? properties.jaar);
    if (!period) {
      result.errors.push({
        line: row.line,
        code,
        message: `Regel ${row.line} (${code}): geen jaar (kolom jaar_bestand of jaar); geef de periode op.`,
        message_en: `Line ${row.line} (${code}): no year column; give the period.`,
      });
      continue;
    }
    const crimeYear = options.period ? undefined : stringYear(properties.cr_jaar);
    addGeoFigures(result, row.line, code, period, crimeYear, properties, decimalComma, unmatched, 'Regel');
  }
  result.unmatched = [...unmatched].sort();
  return result;
}

/** The most specific CBS area code among the cells (a row may hold its wijk and its gemeente). */
function codeInRow(cells: string[]): string | undefined {
  let best: string | undefined;
  for (const c of cells) {
    const code = c.trim().toUpperCase();
    if (!isAreaCode(code)) continue;
    if (!best || code.length > best.length) best = code;
  }
  return best;
}

function parseCbsCsv(rows: CsvRow[], decimalComma: boolean, options: ParseOptions): ParsedFile {
  const result: ParsedFile = { format: 'cbs-csv', unit: 'line', figures: [], errors: [], unmatched: [], skippedRows: 0, sourceTable: options.fileName ?? null };
  const firstData = rows.findIndex((r) => codeInRow(r.cells) !== undefined);
  if (firstData < 0) {
    result.errors.push({
      line: 1,
      message: 'Geen enkele regel met een CBS-gebiedscode (GM…, WK…, BU…) gevonden.',
      message_en: 'No line with a CBS area code (GM…, WK…, BU…) found.',
    });
    return result;
  }
  const headerRows = rows.slice(0, firstData);
  // A StatLine export names its columns by CBS key; a custom table has title lines.
  const keyHeader = headerRows.find((r) =>
    r.cells.some((c) => c.trim() === 'WijkenEnBuurten' || cbsBaseName(c.trim()) === 'Codering' || indicatorForCbsKey(c.trim()) !== undefined),
  );
  const columns = new Map<number, BaseIndicator>();
  const unmatched = new Set<string>();
  let periodColumn = -1;
  if (keyHeader) {
    keyHeader.cells.forEach((c, i) => {
      const key = c.trim();
      if (key === 'Perioden') periodColumn = i;
      const indicator = indicatorForCbsKey(key);
      if (indicator) columns.set(i, indicator);
      else if (/_[0-9]+$/.test(key) && cbsBaseName(key) !== 'Codering') unmatched.add(key);
    });
  } else {
    const width = Math.max(...rows.map((r) => r.cells.length));
    for (let i = 0; i < width; i++) {
      const title = normaliseTitle(headerRows.map((r) => r.cells[i] ?? '').join(' '));
      if (title === '') continue;
      const indicator = bestTitleMatch(title);
      if (indicator) columns.set(i, indicator);
      else if (
        rows
          .slice(firstData, firstData + 20)
          .some((r) => parseNumber(r.cells[i] ?? '', decimalComma) !== undefined && codeInRow([r.cells[i] ?? '']) === undefined)
      ) {
        unmatched.add(title);
      }
    }
  }
  if (columns.size === 0) {
    result.errors.push({
      line: headerRows.at(-1)?.line ?? 1,
      message: 'Geen enkele kolom herkend als indicator uit de basisset (CBS-sleutels zoals AantalInwoners_5, of kolomtitels).',
      message_en: 'No column was recognised as a base-set indicator.',
    });
    result.unmatched = [...unmatched];
    return result;
  }
  const titleText = headerRows.map((r) => r.cells.join(' ')).join(' ');
  const titleYear = titleText.match(/(?:^|[^0-9])((?:19|20)[0-9]{2})(?:[^0-9]|$)/)?.[1];
  for (const row of rows.slice(firstData)) {
    const code = codeInRow(row.cells);
    if (!code) {
      if (row.cells.some((c) => c.trim() !== '')) result.skippedRows++;
      continue;
    }
    const period =
      options.period ?? (periodColumn >= 0 ? cbsPeriod(row.cells[periodColumn]) : undefined) ?? (keyHeader ? periodFromFileName(options.fileName) : titleYear);
    if (!period) {
      result.errors.push({
        line: row.line,
        code,
        message: `Regel ${row.line} (${code}): geen periode in het bestand; geef de periode op (bv. 2024).`,
        message_en: `Line ${row.line} (${code}): no period in the file; give one.`,
      });
      continue;
    }
    for (const [i, indicator] of columns) {
      const raw = (row.cells[i] ?? '').trim();
      if (raw === '') continue;
      if (raw === '.' || raw === 'x') {
        result.figures.push({ line: row.line, code, indicatorId: indicator.id, period, value: null, status: 'suppressed', source: indicator.source });
        continue;
      }
      if (raw === '-') {
        // CBS "nihil": really zero.
        result.figures.push({ line: row.line, code, indicatorId: indicator.id, period, value: 0, status: 'ok', source: indicator.source });
        continue;
      }
      const n = parseNumber(raw, decimalComma);
      if (n === undefined) {
        result.errors.push({
          line: row.line,
          code,
          message: `Regel ${row.line} (${code}): "${raw}" is geen getal (kolom ${i + 1}).`,
          message_en: `Line ${row.line} (${code}): "${raw}" is not a number (column ${i + 1}).`,
        });
        continue;
      }
      result.figures.push({ line: row.line, code, indicatorId: indicator.id, period, value: n, status: statusFor(indicator, code), source: indicator.source });
    }
  }
  result.unmatched = [...unmatched].sort();
  return result;
}

/** A custom table's column title (all its header lines joined) matched by the longest known title it starts with. */
function bestTitleMatch(title: string): BaseIndicator | undefined {
  const exact = indicatorForTitle(title);
  if (exact) return exact;
  const words = title.split(' ');
  for (let n = words.length - 1; n >= 2; n--) {
    const found = indicatorForTitle(words.slice(0, n).join(' '));
    if (found) return found;
  }
  return undefined;
}
