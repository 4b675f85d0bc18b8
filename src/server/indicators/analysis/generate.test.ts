// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import {
  formatFigure,
  generateAnalysis,
  surveyFacts,
  type AnalysisIndicator,
  type AnalysisValue,
  type ProfileTileInput,
  type SurveyQuestionResult,
} from './generate.js';

const indicator = (id: string, theme: string, unit: string, polarity: AnalysisIndicator['polarity'], source = 'cbs', decimals = 0): AnalysisIndicator => ({
  id,
  name: { nl: `naam ${id}`, en: `name ${id}` },
  theme,
  unit,
  polarity,
  source,
  decimals,
});
const value = (id: string, v: number | null, status: AnalysisValue['status'] = 'ok', period = '2024', source = 'cbs'): AnalysisValue => ({
  indicatorId: id,
  areaId: 'a1',
  areaCode: 'WK098311',
  period,
  value: v,
  status,
  source,
  sourceYear: Number(period),
});

const tiles: ProfileTileInput[] = [
  {
    indicator: indicator('population', 'population', 'count', 'neutral'),
    value: value('population', 4210),
    previous: value('population', 4150, 'ok', '2023'),
    municipalityValue: 99570,
    difference: { value: -95360 },
  },
  { indicator: indicator('share_65_plus', 'population', 'percent', 'neutral', 'cbs', 1), value: value('share_65_plus', null, 'suppressed') },
  {
    indicator: indicator('feels_safe', 'survey', 'percent', 'higher_better', 'survey'),
    value: value('feels_safe', 71, 'ok', '2024', 'survey'),
    municipalityValue: 79,
    difference: { value: -8, significant: true },
  },
  {
    indicator: indicator('overall_grade', 'survey', 'grade', 'higher_better', 'survey', 1),
    value: value('overall_grade', 7.3, 'ok', '2024', 'survey'),
    municipalityValue: 7.2,
    difference: { value: 0.1, significant: false },
  },
  {
    indicator: indicator('crimes_total', 'safety', 'per_1000', 'higher_worse'),
    value: value('crimes_total', 41),
    municipalityValue: 50,
    difference: { value: -9 },
  },
];

describe('generateAnalysis', () => {
  const analysis = generateAnalysis({ area: { id: 'a1', code: 'WK098311', name: 'Centrum' }, period: null, tiles });
  const section = (key: string) => analysis.sections.find((s) => s.key === key)!;

  it('has every section in order, with the period of the newest figure', () => {
    expect(analysis.sections.map((s) => s.key)).toEqual(['population', 'housing', 'income', 'safety', 'judgement', 'trends', 'notable']);
    expect(analysis.period).toBe('2024');
  });

  it('names numbers with source and year, and suppressed figures as suppressed, never 0', () => {
    expect(section('population').text.nl).toContain('In Centrum wonen 4.210 mensen (CBS, 2024).');
    expect(section('population').facts.map((f) => [f.indicator.id, f.value.status])).toEqual([
      ['population', 'ok'],
      ['share_65_plus', 'suppressed'],
    ]);
    expect(section('population').text.nl).not.toMatch(/naam share_65_plus: 0/);
  });

  it('calls only significant differences better or worse; others a plain difference', () => {
    expect(section('judgement').text.nl).toContain('naam feels_safe: 71% (bewonersenquête, 2024); ongunstiger dan de rest van de gemeente (79%).');
    expect(section('judgement').text.nl).toContain('geen betrouwbaar verschil met de rest van de gemeente (een 7,2)');
    // Not a survey figure: no judgement, however large the difference.
    expect(section('safety').text.nl).toContain('naam crimes_total: 41 per 1.000 inwoners (CBS, 2024); in de rest van de gemeente 50 per 1.000 inwoners.');
    expect(section('safety').text.nl).not.toMatch(/gunstiger/);
    expect(analysis.notable.map((f) => f.indicator.id)).toEqual(['feels_safe']);
    expect(section('notable').text.en).toContain("name feels_safe: 71% (residents' survey, 2024); worse than the rest of the municipality (79%).");
  });

  it('describes trends between the two latest periods, and says when a section has no figures', () => {
    expect(section('trends').text.nl).toBe('naam population steeg van 4.150 in 2023 naar 4.210 in 2024 (CBS, 2024).');
    expect(section('housing').text.nl).toBe('Er zijn geen cijfers over wonen in Centrum.');
    expect(section('housing').facts).toEqual([]);
  });

  it('says there is nothing notable when nothing is significant', () => {
    const plain = generateAnalysis({ area: { id: 'a1', code: 'WK098311', name: 'Centrum' }, period: '2024', tiles: tiles.slice(0, 2) });
    expect(plain.notable).toEqual([]);
    expect(plain.sections.at(-1)!.text.nl).toContain('geen verschillen');
  });
});

describe('formatFigure', () => {
  it.each([
    [12.345, 'percent', 1, 'nl', '12,3%'],
    [24.3, 'eur_1000', 1, 'nl', '€ 24,3 duizend'],
    [103789, 'count', 0, 'nl', '103.789'],
    [103789, 'count', 0, 'en', '103,789'],
    [7.25, 'grade', 1, 'en', '7.3 out of 10'],
  ] as const)('%s %s -> %s', (n, unit, decimals, lang, expected) => {
    expect(formatFigure(n, { unit, decimals }, lang)).toBe(expected);
  });
});

describe("surveyFacts: residents' judgement from the latest wave", () => {
  const comparison = (reference: number, difference: number, significant: boolean) => ({ rest: { reference, difference, significant } });
  const questions: SurveyQuestionResult[] = [
    {
      questionId: 'overall_grade',
      kind: 'grade',
      theme: 'general',
      text: { nl: 'Rapportcijfer buurt', en: 'Grade' },
      status: 'ok',
      mean: { status: 'ok', value: 6.84 },
      comparison: comparison(7.3, -0.46, true),
      shares: [],
    },
    {
      questionId: 'nuisance_noise',
      kind: 'agree',
      theme: 'nuisance',
      text: { nl: 'Ik heb last van geluid', en: 'Noise bothers me' },
      status: 'ok',
      mean: { status: 'ok', value: 3.1 },
      comparison: { rest: null },
      shares: [{ key: 'agree', estimate: { status: 'ok', value: 0.42 }, comparison: comparison(0.3, 0.12, true) }],
    },
    {
      questionId: 'social_help',
      kind: 'agree',
      theme: 'social',
      text: { nl: 'Mensen helpen elkaar', en: 'People help' },
      status: 'suppressed',
      mean: { status: 'suppressed', value: null },
      comparison: { rest: null },
      shares: [{ key: 'agree', estimate: { status: 'suppressed', value: null }, comparison: { rest: null } }],
    },
    {
      questionId: 'age_group',
      kind: 'single',
      theme: 'background',
      text: { nl: 'Leeftijd', en: 'Age' },
      status: 'ok',
      mean: null,
      comparison: { rest: null },
      shares: [],
    },
  ];
  const facts = surveyFacts({ wave: { name: 'Najaar 2026', year: 2026 }, questions }, { id: 'a1', code: 'WK098311' });

  it('takes grades as a mean and agree statements as the share agreeing, suppressed stays suppressed', () => {
    expect(facts.map((f) => [f.indicator.id, f.value.value, f.value.status])).toEqual([
      ['survey_overall_grade', 6.84, 'ok'],
      ['survey_nuisance_noise', 42, 'ok'],
      ['survey_social_help', null, 'suppressed'],
    ]);
    expect(facts[1]!.difference).toEqual({ value: 12, significant: true });
    expect(facts[1]!.municipalityValue).toBe(30);
    expect(facts[2]!.difference).toBeUndefined();
  });

  it('judges with the polarity: a lower grade and more nuisance are both worse, and notable', () => {
    const analysis = generateAnalysis({ area: { id: 'a1', code: 'WK098311', name: 'Centrum' }, period: '2024', tiles: [] }, facts);
    const judgement = analysis.sections.find((s) => s.key === 'judgement')!;
    expect(judgement.text.nl).toContain('Rapportcijfer buurt: een 6,8 (bewonersenquête, 2026); ongunstiger dan de rest van de gemeente (een 7,3).');
    expect(judgement.text.nl).toContain('Ik heb last van geluid (eens): 42% (bewonersenquête, 2026); ongunstiger dan de rest van de gemeente (30%).');
    expect(judgement.facts).toHaveLength(3);
    expect(analysis.notable.map((f) => f.indicator.id)).toEqual(['survey_overall_grade', 'survey_nuisance_noise']);
  });
});
