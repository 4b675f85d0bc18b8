// SPDX-License-Identifier: EUPL-1.2
// The JSON and CSV shapes of indicator figures (contract: Value in docs notes monitor-api.md), the
// area profile's tiles with the comparison against the municipality EXCLUDING the area, and the
// aggregation of wijk figures to districts. Statistics come from core/stats (status.ts).
import {
  aggregateIndicator,
  aggregatePopulationWeightedMean,
  aggregateSum,
  hasNumber,
  MISSING,
  type IndicatorValue,
  type ValueStatus,
} from '../../core/stats/index.js';
import type { Indicator, LocalText } from './catalogue.js';
import type { ValueRow } from './queries.js';

export interface Value {
  indicatorId: string;
  areaId: string;
  areaCode: string;
  period: string;
  value: number | null;
  status: ValueStatus;
  source: string;
  sourceYear: number | null;
}

export interface AreaRef {
  id: string;
  code: string;
  name: string;
  level: string;
}

export function presentValue(row: ValueRow, areaCode: string): Value {
  return {
    indicatorId: row.indicatorKey,
    areaId: row.areaId,
    areaCode,
    period: row.period,
    value: row.value,
    status: row.status,
    source: row.source,
    sourceYear: row.sourceYear,
  };
}

const toIndicatorValue = (row: ValueRow | undefined): IndicatorValue =>
  row === undefined
    ? MISSING
    : row.value !== null && (row.status === 'ok' || row.status === 'rounded')
      ? { status: row.status, value: row.value }
      : ({ status: row.status } as IndicatorValue);

export interface Tile {
  indicator: Indicator;
  value: Value;
  previous?: Value | undefined;
  /** The municipality's own figure (including the area), for context. */
  municipalityTotal?: Value | undefined;
  /** The municipality EXCLUDING the area, where that is meaningful (null otherwise; see comparisonNote). */
  municipalityValue?: number | null | undefined;
  difference?: { value: number; significant?: boolean } | undefined;
  /** Why there is no comparison, when there is none. */
  comparisonNote?: LocalText | undefined;
}

export interface ProfileInput {
  area: AreaRef;
  rootId: string;
  rootCode: string;
  period: string | undefined;
  indicators: Indicator[];
  /** Every figure of the area (all periods). */
  areaValues: ValueRow[];
  /** Figures of the municipality area and of the other areas of the same level, for the periods shown. */
  comparisonValues: ValueRow[];
  /** Population figures (all periods) of the area, the municipality and the other areas of the level: weights for means. */
  populationValues: ValueRow[];
  /** Population of the area and the municipality when no population figure was imported. */
  fallbackPopulation: { area: number | null; municipality: number | null };
}

const notes = {
  notAggregatable: {
    nl: 'Geen vergelijking: dit cijfer is niet op te tellen of te middelen over gebieden (bijvoorbeeld een gemiddelde per woning of huishouden).',
    en: 'No comparison: this figure cannot be added up or averaged over areas (e.g. an average per dwelling or household).',
  },
  noNumber: {
    nl: 'Geen vergelijking: het cijfer van dit gebied is er niet of is afgeschermd.',
    en: 'No comparison: the figure for this area is absent or suppressed.',
  },
  noMunicipality: {
    nl: 'Geen vergelijking: het cijfer voor de rest van de gemeente is niet bekend of afgeschermd.',
    en: 'No comparison: the figure for the rest of the municipality is unknown or suppressed.',
  },
  isMunicipality: { nl: 'Dit is de hele gemeente.', en: 'This is the whole municipality.' },
} as const;

/**
 * Indicators (with their period) for which the municipality's own figure is missing, so that the
 * rest of the municipality must be built from the other areas of the level.
 */
export function needSiblings(
  indicators: Indicator[],
  chosen: Map<string, { current: ValueRow }>,
  rootValues: ValueRow[],
  rootId: string,
): { keys: string[]; periods: string[] } {
  const keys = new Set<string>();
  const periods = new Set<string>();
  for (const indicator of indicators) {
    const pick = chosen.get(indicator.id);
    if (!pick || pick.current.value === null || (indicator.aggregation !== 'sum' && indicator.aggregation !== 'population_weighted_mean')) continue;
    const total = rootValues.find((r) => r.areaId === rootId && r.indicatorKey === indicator.id && r.period === pick.current.period);
    if (total?.value != null) continue;
    keys.add(indicator.id);
    periods.add(pick.current.period);
  }
  return { keys: [...keys], periods: [...periods] };
}

/** The periods to load for comparisons: for each indicator, the chosen and the previous period of the area. */
export function choosePeriods(areaValues: ValueRow[], period: string | undefined): Map<string, { current: ValueRow; previous: ValueRow | undefined }> {
  const byKey = new Map<string, ValueRow[]>();
  for (const row of areaValues) {
    const list = byKey.get(row.indicatorKey) ?? [];
    list.push(row);
    byKey.set(row.indicatorKey, list);
  }
  const chosen = new Map<string, { current: ValueRow; previous: ValueRow | undefined }>();
  for (const [key, list] of byKey) {
    const sorted = list.filter((r) => period === undefined || r.period <= period).sort((a, b) => a.period.localeCompare(b.period));
    const current = sorted.at(-1);
    if (current) chosen.set(key, { current, previous: sorted.at(-2) });
  }
  return chosen;
}

export function buildProfile(input: ProfileInput): { tiles: Tile[]; sources: { source: string; year: number | null; attribution: string }[] } {
  const chosen = choosePeriods(input.areaValues, input.period);
  const isRoot = input.area.id === input.rootId;
  const comparison = new Map<string, ValueRow[]>();
  for (const row of input.comparisonValues) {
    const k = `${row.indicatorKey}|${row.period}`;
    const list = comparison.get(k) ?? [];
    list.push(row);
    comparison.set(k, list);
  }
  // Weights for means: the population of the same year, else of the nearest year with a figure.
  const populations = new Map<string, ValueRow[]>();
  for (const row of input.populationValues) {
    if (row.value === null) continue;
    const list = populations.get(row.areaId) ?? [];
    list.push(row);
    populations.set(row.areaId, list);
  }
  const population = (areaId: string, period: string, fallback: number | null): number | null => {
    const year = Number(period.slice(0, 4));
    let best: ValueRow | undefined;
    for (const row of populations.get(areaId) ?? []) {
      const distance = Math.abs(Number(row.period.slice(0, 4)) - year);
      if (!best || distance < Math.abs(Number(best.period.slice(0, 4)) - year)) best = row;
    }
    return best?.value ?? fallback;
  };
  const tiles: Tile[] = [];
  const sources = new Map<string, { source: string; year: number | null; attribution: string }>();
  for (const indicator of input.indicators) {
    const pick = chosen.get(indicator.id);
    if (!pick) continue;
    const { current, previous } = pick;
    const tile: Tile = {
      indicator,
      value: presentValue(current, input.area.code),
      previous: previous ? presentValue(previous, input.area.code) : undefined,
    };
    sources.set(`${indicator.attribution}|${current.sourceYear}`, { source: current.source, year: current.sourceYear, attribution: indicator.attribution });
    const rows = comparison.get(`${indicator.id}|${current.period}`) ?? [];
    const total = rows.find((r) => r.areaId === input.rootId);
    if (total && !isRoot) tile.municipalityTotal = presentValue(total, input.rootCode);
    if (isRoot) {
      tile.comparisonNote = notes.isMunicipality;
    } else {
      const rest = restOfMunicipality(indicator, current, total, rows, input, population);
      if ('note' in rest) {
        tile.municipalityValue = null;
        tile.comparisonNote = rest.note;
      } else {
        tile.municipalityValue = rest.value;
        tile.difference = { value: (current.value ?? 0) - rest.value };
      }
    }
    tiles.push(tile);
  }
  return { tiles, sources: [...sources.values()] };
}

function restOfMunicipality(
  indicator: Indicator,
  current: ValueRow,
  total: ValueRow | undefined,
  rows: ValueRow[],
  input: ProfileInput,
  population: (areaId: string, period: string, fallback: number | null) => number | null,
): { value: number } | { note: LocalText } {
  if (indicator.aggregation === 'none' || indicator.aggregation === 'recompute') return { note: notes.notAggregatable };
  if (current.value === null) return { note: notes.noNumber };
  const siblings = rows.filter((r) => r.areaId !== input.area.id && r.areaId !== input.rootId);
  if (indicator.aggregation === 'sum') {
    if (total?.value != null) return { value: total.value - current.value };
    const sum = aggregateSum(siblings.map(toIndicatorValue));
    return hasNumber(sum) && siblings.length > 0 ? { value: sum.value } : { note: notes.noMunicipality };
  }
  // population_weighted_mean: M·Pm − a·Pa over Pm − Pa, or the mean of the other areas of this level.
  const pa = population(input.area.id, current.period, input.fallbackPopulation.area);
  const pm = population(input.rootId, current.period, input.fallbackPopulation.municipality);
  if (total?.value != null && pa !== null && pm !== null && pm > pa) {
    return { value: (total.value * pm - current.value * pa) / (pm - pa) };
  }
  const mean = aggregatePopulationWeightedMean(siblings.map((r) => ({ value: toIndicatorValue(r), population: population(r.areaId, r.period, null) ?? 0 })));
  return hasNumber(mean) && siblings.length > 0 ? { value: mean.value } : { note: notes.noMunicipality };
}

/** Figures of districts (or other groupings) aggregated from their members' figures with the indicator's method. */
export function aggregateGroups(
  indicator: Indicator,
  groups: { id: string; memberIds: string[] }[],
  memberValues: Map<string, ValueRow>,
  memberPopulation: Map<string, number>,
): Map<string, IndicatorValue> {
  const result = new Map<string, IndicatorValue>();
  for (const g of groups) {
    const parts = g.memberIds.map((id) => memberValues.get(id));
    switch (indicator.aggregation) {
      case 'sum':
        result.set(g.id, aggregateIndicator({ method: 'sum', parts: parts.map(toIndicatorValue) }));
        break;
      case 'population_weighted_mean':
        result.set(
          g.id,
          aggregateIndicator({
            method: 'population_weighted_mean',
            parts: g.memberIds.map((id, i) => ({ value: toIndicatorValue(parts[i]), population: memberPopulation.get(id) ?? 0 })),
          }),
        );
        break;
      case 'recompute':
      case 'none':
        result.set(g.id, aggregateIndicator({ method: 'none' }));
        break;
    }
  }
  return result;
}

/** CSV for spreadsheet users in the Netherlands: `;`, decimal comma, BOM, one line per area. */
export function valuesCsv(indicator: Indicator, rows: (Value & { areaName: string })[]): string {
  const escape = (s: string) => (/[;"\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const number = (v: number | null) => (v === null ? '' : String(v).replace('.', ','));
  const lines = [['gebiedscode', 'gebied', 'indicator', 'periode', 'waarde', 'status', 'bron', 'bronjaar'].join(';')];
  for (const r of rows) {
    lines.push(
      [r.areaCode, escape(r.areaName), indicator.id, r.period, number(r.value), r.status, escape(indicator.attribution), r.sourceYear ?? ''].join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
