// SPDX-License-Identifier: EUPL-1.2
// Wijkkompas figures for reading: a value with its unit, or what its status says instead (a
// suppressed or missing value is never shown as 0); the source and year line under every number;
// comparison wording that says "gunstiger/ongunstiger" only where the figures support it; a
// colour-blind-safe sequential scale for the choropleth; and CSV for download.
import { saveFile } from '../../download.js';
import type { Difference, Indicator, IndicatorPolarity, IndicatorValue, TrendPoint, ValueStatus } from '../../api/types.js';
import type { MessageKey } from '../../i18n/nl.js';
import type { Language, Translate } from '../../i18n/i18n.js';

/** Whether a value can be shown as a number. */
export function hasNumber(value: { value: number | null; status: ValueStatus }): value is { value: number; status: 'ok' | 'rounded' } {
  return value.value !== null && (value.status === 'ok' || value.status === 'rounded');
}

export function formatNumber(n: number, decimals: number, lang: Language): string {
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(n);
}

const unitKeys: Record<string, MessageKey> = {
  percent: 'monitor.unit.percent',
  eur: 'monitor.unit.eur',
  eur_1000: 'monitor.unit.eur_1000',
  per_1000: 'monitor.unit.per_1000',
  per_km2: 'monitor.unit.per_km2',
  per_household: 'monitor.unit.per_household',
  ha: 'monitor.unit.ha',
  km: 'monitor.unit.km',
  grade: 'monitor.unit.grade',
};

/** A number with its unit: "12,3 %", "€ 24.300", "7,1 (rapportcijfer)", "103.780". */
export function withUnit(n: number, indicator: Pick<Indicator, 'unit' | 'decimals'>, t: Translate, lang: Language): string {
  const text = formatNumber(n, indicator.decimals, lang);
  const key = unitKeys[indicator.unit];
  return key ? t(key, { value: text }) : text;
}

const statusKeys: Record<Exclude<ValueStatus, 'ok' | 'rounded'>, MessageKey> = {
  suppressed: 'monitor.status.suppressed',
  missing: 'monitor.status.missing',
  not_applicable: 'monitor.status.not_applicable',
};

/** The value for reading, or the status in words when there is no number to show. */
export function formatValue(
  value: Pick<IndicatorValue, 'value' | 'status'>,
  indicator: Pick<Indicator, 'unit' | 'decimals'>,
  t: Translate,
  lang: Language,
): string {
  if (hasNumber(value)) return withUnit(value.value, indicator, t, lang);
  return t(statusKeys[value.status === 'ok' || value.status === 'rounded' ? 'missing' : value.status]);
}

const sourceKeys: Record<string, MessageKey> = {
  cbs: 'monitor.source.cbs',
  survey: 'monitor.source.survey',
  police: 'monitor.source.police',
  own: 'monitor.source.own',
};

export function sourceName(source: string, t: Translate): string {
  const key = sourceKeys[source];
  return key ? t(key) : source;
}

/** "Bron: CBS, 2024" under a number. */
export function sourceLine(value: Pick<IndicatorValue, 'source' | 'sourceYear' | 'period'>, t: Translate): string {
  return t('monitor.sourceYear', { source: sourceName(value.source, t), year: value.sourceYear ?? value.period });
}

export type Comparison =
  { kind: 'none' } | { kind: 'better' | 'worse'; amount: string } | { kind: 'not_significant' } | { kind: 'higher' | 'lower' | 'equal'; amount: string };

/**
 * How an area compares with the rest of the municipality. Statistical figures (the API sets
 * `significant`) are called better or worse only when significant, otherwise "no clear difference";
 * other figures get a plain "difference" (higher/lower), never a judgement.
 */
export function compare(
  difference: Difference | undefined,
  polarity: IndicatorPolarity,
  indicator: Pick<Indicator, 'unit' | 'decimals'>,
  t: Translate,
  lang: Language,
): Comparison {
  if (!difference) return { kind: 'none' };
  const amount = withUnit(Math.abs(difference.value), indicator, t, lang);
  if (difference.significant === false) return { kind: 'not_significant' };
  if (difference.significant === true && polarity !== 'neutral' && difference.value !== 0) {
    const better = difference.value > 0 === (polarity === 'higher_better');
    return { kind: better ? 'better' : 'worse', amount };
  }
  if (difference.value === 0) return { kind: 'equal', amount };
  return { kind: difference.value > 0 ? 'higher' : 'lower', amount };
}

export function comparisonText(comparison: Comparison, t: Translate): string | null {
  switch (comparison.kind) {
    case 'none':
      return null;
    case 'better':
      return t('monitor.compare.better', { amount: comparison.amount });
    case 'worse':
      return t('monitor.compare.worse', { amount: comparison.amount });
    case 'not_significant':
      return t('monitor.compare.notSignificant');
    case 'higher':
      return t('monitor.compare.higher', { amount: comparison.amount });
    case 'lower':
      return t('monitor.compare.lower', { amount: comparison.amount });
    case 'equal':
      return t('monitor.compare.equal');
  }
}

/** The change since the previous period, in words: "gestegen van 12,0 % (2022)". */
export function trendText(value: IndicatorValue, previous: IndicatorValue | undefined, indicator: Indicator, t: Translate, lang: Language): string | null {
  if (!previous || !hasNumber(previous) || !hasNumber(value)) return null;
  const from = withUnit(previous.value, indicator, t, lang);
  if (value.value > previous.value) return t('monitor.trend.up', { from, period: previous.period });
  if (value.value < previous.value) return t('monitor.trend.down', { from, period: previous.period });
  return t('monitor.trend.same', { period: previous.period });
}

/**
 * Five-class sequential palette (ColorBrewer YlGnBu): readable for the common forms of colour
 * blindness and light to dark, so it also works in greyscale. Darker means higher.
 */
export const sequentialPalette = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'] as const;

export interface ColourClass {
  colour: string;
  from: number;
  to: number;
}

/** Equal-interval classes over the values there are (one class when they are all equal). */
export function colourClasses(numbers: number[]): ColourClass[] {
  if (numbers.length === 0) return [];
  const min = Math.min(...numbers);
  const max = Math.max(...numbers);
  if (min === max) return [{ colour: sequentialPalette[2], from: min, to: max }];
  const step = (max - min) / sequentialPalette.length;
  return sequentialPalette.map((colour, i) => ({ colour, from: min + i * step, to: i === sequentialPalette.length - 1 ? max : min + (i + 1) * step }));
}

export function classOf(n: number, classes: ColourClass[]): ColourClass | undefined {
  return classes.find((c, i) => n <= c.to || i === classes.length - 1);
}

/** Trend points in period order, numbers only where the status allows. */
export function sortedPoints(points: TrendPoint[]): TrendPoint[] {
  return [...points].sort((a, b) => a.period.localeCompare(b.period));
}

function csvCell(text: string): string {
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV the Dutch way (`;` between fields, decimal comma), with a BOM so spreadsheets read UTF-8. */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  const line = (cells: (string | number | null)[]) =>
    cells.map((c) => (c === null ? '' : typeof c === 'number' ? String(c).replace('.', ',') : csvCell(c))).join(';');
  return '\uFEFF' + [line(header), ...rows.map(line)].join('\r\n') + '\r\n';
}

/** Offers text as a file download. */
export function download(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  saveFile(new Blob([text], { type }), filename);
}
