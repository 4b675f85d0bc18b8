// SPDX-License-Identifier: EUPL-1.2
// The generated area analysis (wijkanalyse) from an area profile: sections for population, housing,
// income, safety, residents' judgement (survey figures), trends and notable differences, each with a
// short text in Dutch and English and the figures it is about (every figure keeps its source and
// year). Only differences the profile marks statistically significant are called notable; other
// differences are named as a plain difference, never as better or worse. Pure: no I/O.

export interface LocalText {
  nl: string;
  en: string;
}

export interface AnalysisIndicator {
  id: string;
  name: LocalText;
  theme: string;
  unit: string;
  polarity: 'higher_better' | 'higher_worse' | 'neutral';
  source: string;
  decimals: number;
  attribution?: string;
}

export interface AnalysisValue {
  indicatorId: string;
  areaId: string;
  areaCode: string;
  period: string;
  value: number | null;
  status: 'ok' | 'rounded' | 'suppressed' | 'missing' | 'not_applicable';
  source: string;
  sourceYear: number | null;
}

export interface ProfileTileInput {
  indicator: AnalysisIndicator;
  value: AnalysisValue;
  previous?: AnalysisValue | undefined;
  municipalityValue?: number | null | undefined;
  difference?: { value: number; significant?: boolean | undefined } | undefined;
}

export interface ProfileInput {
  area: { id: string; code: string; name: string };
  period: string | null;
  tiles: ProfileTileInput[];
}

export interface Fact {
  indicator: AnalysisIndicator;
  value: AnalysisValue;
  municipalityValue?: number | null | undefined;
  difference?: { value: number; significant?: boolean | undefined } | undefined;
}

export const sectionKeys = ['population', 'housing', 'income', 'safety', 'judgement', 'trends', 'notable'] as const;
export type SectionKey = (typeof sectionKeys)[number];

export interface GeneratedSection {
  key: SectionKey;
  heading: LocalText;
  text: LocalText;
  facts: Fact[];
}

export interface GeneratedAnalysis {
  area: { id: string; code: string; name: string };
  period: string;
  sections: GeneratedSection[];
  notable: Fact[];
}

const headings: Record<SectionKey, LocalText> = {
  population: { nl: 'Bevolking', en: 'Population' },
  housing: { nl: 'Wonen', en: 'Housing' },
  income: { nl: 'Inkomen', en: 'Income' },
  safety: { nl: 'Veiligheid', en: 'Safety' },
  judgement: { nl: 'Oordeel van bewoners', en: "Residents' judgement" },
  trends: { nl: 'Ontwikkeling', en: 'Trends' },
  notable: { nl: 'Opvallende verschillen', en: 'Notable differences' },
};

const themeOf: Record<string, SectionKey> = { population: 'population', housing: 'housing', income: 'income', economy: 'income', safety: 'safety' };

const sourceNames: Record<string, LocalText> = {
  cbs: { nl: 'CBS', en: 'CBS' },
  survey: { nl: 'bewonersenquête', en: "residents' survey" },
  police: { nl: 'Politie', en: 'Police' },
  own: { nl: 'gemeente', en: 'municipality' },
};

const hasNumber = (v: AnalysisValue): boolean => v.value !== null && (v.status === 'ok' || v.status === 'rounded');

/** A figure for reading, with its unit, in the language asked for. */
export function formatFigure(n: number, indicator: Pick<AnalysisIndicator, 'unit' | 'decimals'>, lang: 'nl' | 'en'): string {
  const text = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    minimumFractionDigits: indicator.decimals,
    maximumFractionDigits: indicator.decimals,
  }).format(n);
  switch (indicator.unit) {
    case 'percent':
      return `${text}%`;
    case 'eur':
      return lang === 'nl' ? `€ ${text}` : `€${text}`;
    case 'eur_1000':
      return lang === 'nl' ? `€ ${text} duizend` : `€${text} thousand`;
    case 'per_1000':
      return lang === 'nl' ? `${text} per 1.000 inwoners` : `${text} per 1,000 residents`;
    case 'per_km2':
      return `${text} per km²`;
    case 'per_household':
      return lang === 'nl' ? `${text} per huishouden` : `${text} per household`;
    case 'ha':
      return `${text} ha`;
    case 'km':
      return `${text} km`;
    case 'grade':
      return lang === 'nl' ? `een ${text}` : `${text} out of 10`;
    default:
      return text;
  }
}

/** "(CBS, 2024)" after a figure. */
export function sourceNote(v: AnalysisValue, lang: 'nl' | 'en'): string {
  return `(${sourceNames[v.source]?.[lang] ?? v.source}, ${v.sourceYear ?? v.period})`;
}

function figureOrStatus(v: AnalysisValue, indicator: AnalysisIndicator, lang: 'nl' | 'en'): string {
  if (hasNumber(v)) return formatFigure(v.value!, indicator, lang);
  if (v.status === 'suppressed') return lang === 'nl' ? 'afgeschermd (te weinig waarnemingen)' : 'suppressed (too few observations)';
  if (v.status === 'not_applicable') return lang === 'nl' ? 'niet van toepassing' : 'not applicable';
  return lang === 'nl' ? 'niet bekend' : 'not known';
}

/** The comparison in words: judged (better/worse) only when significant, else a plain difference. */
function comparison(fact: Fact, lang: 'nl' | 'en'): string {
  const d = fact.difference;
  if (!d || fact.municipalityValue === null || fact.municipalityValue === undefined) return '';
  const rest = formatFigure(fact.municipalityValue, fact.indicator, lang);
  if (d.significant === false)
    return lang === 'nl'
      ? `; geen betrouwbaar verschil met de rest van de gemeente (${rest})`
      : `; no significant difference from the rest of the municipality (${rest})`;
  if (d.significant === true && fact.indicator.polarity !== 'neutral' && d.value !== 0) {
    const better = d.value > 0 === (fact.indicator.polarity === 'higher_better');
    if (lang === 'nl') return `; ${better ? 'gunstiger' : 'ongunstiger'} dan de rest van de gemeente (${rest})`;
    return `; ${better ? 'better' : 'worse'} than the rest of the municipality (${rest})`;
  }
  return lang === 'nl' ? `; in de rest van de gemeente ${rest}` : `; in the rest of the municipality ${rest}`;
}

function factSentence(fact: Fact, lang: 'nl' | 'en'): string {
  return `${fact.indicator.name[lang]}: ${figureOrStatus(fact.value, fact.indicator, lang)} ${sourceNote(fact.value, lang)}${comparison(fact, lang)}.`;
}

/**
 * A section's text: its intro and, in words, how the area compares with the rest of the municipality
 * (the figures themselves are listed under the text, with source and year).
 */
function describe(facts: Fact[], empty: LocalText, intro: (lang: 'nl' | 'en') => string): LocalText {
  if (facts.length === 0) return empty;
  const compared = facts.filter((f) => f.difference !== undefined && hasNumber(f.value) && f.municipalityValue !== null && f.municipalityValue !== undefined);
  const text = (lang: 'nl' | 'en') => {
    const lines = [intro(lang), ...compared.map((f) => factSentence(f, lang))].filter((s) => s !== '');
    return lines.length > 0 ? lines.join('\n\n') : lang === 'nl' ? 'De cijfers staan hieronder.' : 'The figures are listed below.';
  };
  return { nl: text('nl'), en: text('en') };
}

function trendSentence(tile: ProfileTileInput, lang: 'nl' | 'en'): string | null {
  const { previous, value, indicator } = tile;
  if (!previous || !hasNumber(previous) || !hasNumber(value)) return null;
  const from = formatFigure(previous.value!, indicator, lang);
  const to = formatFigure(value.value!, indicator, lang);
  const name = indicator.name[lang];
  if (value.value === previous.value)
    return lang === 'nl'
      ? `${name} bleef ${to} tussen ${previous.period} en ${value.period} ${sourceNote(value, lang)}.`
      : `${name} stayed at ${to} between ${previous.period} and ${value.period} ${sourceNote(value, lang)}.`;
  const up = value.value! > previous.value!;
  if (lang === 'nl') return `${name} ${up ? 'steeg' : 'daalde'} van ${from} in ${previous.period} naar ${to} in ${value.period} ${sourceNote(value, lang)}.`;
  return `${name} ${up ? 'rose' : 'fell'} from ${from} in ${previous.period} to ${to} in ${value.period} ${sourceNote(value, lang)}.`;
}

/** The parts of a survey wave's results (surveys/results.ts) the analysis reads. */
export interface SurveyEstimate {
  status: 'ok' | 'suppressed' | 'missing';
  value: number | null;
}
export interface SurveyComparison {
  reference: number | null;
  difference: number | null;
  significant: boolean;
}
export interface SurveyQuestionResult {
  questionId: string;
  kind: string;
  theme: string;
  text: LocalText;
  status: 'ok' | 'suppressed' | 'missing';
  mean: SurveyEstimate | null;
  comparison: { rest: SurveyComparison | null };
  shares: { key: string; estimate: SurveyEstimate; comparison: { rest: SurveyComparison | null } }[];
}
export interface SurveyWaveResults {
  wave: { name: string; year: number };
  questions: SurveyQuestionResult[];
}

/**
 * Residents' judgement from the latest survey wave: grades as a mean, agree statements as the share
 * (helemaal) eens. Polarity: a higher grade is better; agreeing is better except with nuisance
 * statements. The difference with the rest of the municipality keeps the survey's significance.
 */
export function surveyFacts(results: SurveyWaveResults, area: { id: string; code: string }): Fact[] {
  const facts: Fact[] = [];
  const period = String(results.wave.year);
  for (const q of results.questions) {
    const share = q.kind === 'agree' ? q.shares.find((s) => s.key === 'agree') : undefined;
    const estimate = q.kind === 'grade' ? q.mean : share?.estimate;
    if (!estimate) continue;
    const scale = q.kind === 'agree' ? 100 : 1;
    const rest = q.kind === 'grade' ? q.comparison.rest : (share?.comparison.rest ?? null);
    const indicator: AnalysisIndicator = {
      id: `survey_${q.questionId}`,
      name: q.kind === 'agree' ? { nl: `${q.text.nl} (eens)`, en: `${q.text.en} (agree)` } : q.text,
      theme: 'survey',
      unit: q.kind === 'agree' ? 'percent' : 'grade',
      polarity: q.kind === 'agree' && q.theme === 'nuisance' ? 'higher_worse' : 'higher_better',
      source: 'survey',
      decimals: q.kind === 'agree' ? 0 : 1,
    };
    const ok = estimate.status === 'ok' && estimate.value !== null;
    const value: AnalysisValue = {
      indicatorId: indicator.id,
      areaId: area.id,
      areaCode: area.code,
      period,
      value: ok ? estimate.value! * scale : null,
      status: estimate.status,
      source: 'survey',
      sourceYear: results.wave.year,
    };
    const compared = ok && rest !== null && rest.reference !== null && rest.difference !== null;
    facts.push({
      indicator,
      value,
      ...(compared ? { municipalityValue: rest.reference! * scale, difference: { value: rest.difference! * scale, significant: rest.significant } } : {}),
    });
  }
  return facts;
}

/** Generates the analysis of one area from its profile (and the latest survey results, when readable). */
export function generateAnalysis(profile: ProfileInput, survey: Fact[] = []): GeneratedAnalysis {
  const facts = (tile: ProfileTileInput): Fact => ({
    indicator: tile.indicator,
    value: tile.value,
    ...(tile.municipalityValue !== undefined ? { municipalityValue: tile.municipalityValue } : {}),
    ...(tile.difference ? { difference: tile.difference } : {}),
  });
  const bySection = new Map<SectionKey, Fact[]>();
  for (const tile of profile.tiles) {
    const key: SectionKey | undefined = tile.indicator.source === 'survey' || tile.indicator.theme === 'survey' ? 'judgement' : themeOf[tile.indicator.theme];
    if (!key) continue;
    bySection.set(key, [...(bySection.get(key) ?? []), facts(tile)]);
  }
  const name = profile.area.name;
  const period =
    profile.period ??
    profile.tiles
      .map((t) => t.value.period)
      .sort()
      .at(-1) ??
    '';
  const none = (nl: string, en: string): LocalText => ({ nl, en });
  const section = (key: SectionKey, text: LocalText, list: Fact[]): GeneratedSection => ({ key, heading: headings[key], text, facts: list });

  const population = bySection.get('population') ?? [];
  const housing = bySection.get('housing') ?? [];
  const income = bySection.get('income') ?? [];
  const safety = bySection.get('safety') ?? [];
  const judgement = [...survey, ...(bySection.get('judgement') ?? [])];
  const trends = profile.tiles.map((t) => ({ tile: t, nl: trendSentence(t, 'nl'), en: trendSentence(t, 'en') })).filter((t) => t.nl !== null);
  const notable = [...profile.tiles.map(facts), ...survey].filter((f) => f.difference?.significant === true && hasNumber(f.value));

  const sections: GeneratedSection[] = [
    section(
      'population',
      describe(population, none(`Er zijn geen bevolkingscijfers voor ${name}.`, `There are no population figures for ${name}.`), (lang) => {
        const count = population.find((f) => f.indicator.id === 'population' && hasNumber(f.value));
        if (!count) return '';
        const n = formatFigure(count.value.value!, count.indicator, lang);
        return lang === 'nl'
          ? `In ${name} wonen ${n} mensen ${sourceNote(count.value, lang)}.`
          : `${n} people live in ${name} ${sourceNote(count.value, lang)}.`;
      }),
      population,
    ),
    section(
      'housing',
      describe(housing, none(`Er zijn geen cijfers over wonen in ${name}.`, `There are no housing figures for ${name}.`), () => ''),
      housing,
    ),
    section(
      'income',
      describe(income, none(`Er zijn geen inkomenscijfers voor ${name}.`, `There are no income figures for ${name}.`), () => ''),
      income,
    ),
    section(
      'safety',
      describe(safety, none(`Er zijn geen veiligheidscijfers voor ${name}.`, `There are no safety figures for ${name}.`), () => ''),
      safety,
    ),
    section(
      'judgement',
      describe(
        judgement,
        none(
          `Er zijn nog geen uitkomsten van de bewonersenquête voor ${name}, of te weinig antwoorden om ze te tonen.`,
          `There are no residents' survey results for ${name} yet, or too few answers to show them.`,
        ),
        (lang) => (lang === 'nl' ? 'Uit de bewonersenquête:' : "From the residents' survey:"),
      ),
      judgement,
    ),
    section(
      'trends',
      trends.length === 0
        ? none(`Er zijn geen cijfers over eerdere jaren voor ${name}.`, `There are no figures for earlier years for ${name}.`)
        : { nl: trends.map((t) => t.nl).join('\n\n'), en: trends.map((t) => t.en).join('\n\n') },
      trends.map((t) => facts(t.tile)),
    ),
    section(
      'notable',
      notable.length === 0
        ? none(
            `De cijfers laten geen verschillen met de rest van de gemeente zien die statistisch betrouwbaar zijn.`,
            `The figures show no statistically significant differences from the rest of the municipality.`,
          )
        : {
            nl: `Deze verschillen met de rest van de gemeente zijn statistisch betrouwbaar:\n\n${notable.map((f) => factSentence(f, 'nl')).join('\n\n')}`,
            en: `These differences from the rest of the municipality are statistically significant:\n\n${notable.map((f) => factSentence(f, 'en')).join('\n\n')}`,
          },
      notable,
    ),
  ];
  return { area: profile.area, period, sections, notable };
}
