// SPDX-License-Identifier: EUPL-1.2
// Residents' judgement in the area analysis comes from the latest survey wave over the area: for a
// reader who may see survey results (report.read), with the survey's own significance test deciding
// what is notable; a reader without that right gets the analysis without it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engineName, type TestContext } from '../../testing/harness.js';
import { addressCsv, givenSurveyWorld, parseLetters, type Json, type SurveyWorld } from '../../surveys/testing.js';
import type { AnalysisView } from './routes.js';

describe(`area analysis: residents' judgement from the survey (${engineName})`, () => {
  let t: TestContext;
  let w: SurveyWorld;
  const answers = (grade: number, i: number) => ({
    overall_grade: grade,
    safety_feel: grade >= 8 ? 5 : 2,
    age_group: ['18-34', '35-49', '50-64', '65+'][i % 4],
    sex: Math.floor(i / 4) % 2 === 0 ? 'man' : 'vrouw',
  });

  beforeAll(async () => {
    t = await createTestApp();
    w = await givenSurveyWorld(t);
    const survey = (await w.onderzoeker.ok('POST', '/surveys', { template: 'lemon' })).body;
    const areaIds = ['WK098301', 'WK098302'].map((c) => w.m.areas[c]!);
    const wave = (
      await w.onderzoeker.ok('POST', `/surveys/${survey.id}/waves`, {
        name: 'Leefbaarheid 2025',
        opensOn: '2025-01-01',
        closesOn: '2099-12-31',
        targetPerArea: 40,
        areaIds,
      })
    ).body;
    await w.onderzoeker.ok('POST', `/waves/${wave.id}/addresses`, { csv: addressCsv({ WK098301: 40, WK098302: 40 }) });
    await w.onderzoeker.ok('POST', `/waves/${wave.id}/sample`, { seed: 'analysis' });
    const letters = parseLetters((await w.onderzoeker.ok('POST', `/waves/${wave.id}/invitations`)).text);
    const codes = (area: string) => letters.filter((l: Json) => l.gebied === area).map((l: Json) => l.code as string);
    // A: 35 residents who give a 4 or 5; B: 35 who give an 8 or 9.
    for (const [i, code] of codes('WK098301').slice(0, 35).entries())
      expect((await w.anonymous.post(`/api/public/survey/${code}`, { answers: answers(4 + (i % 2), i) })).status).toBe(201);
    for (const [i, code] of codes('WK098302').slice(0, 35).entries())
      expect((await w.anonymous.post(`/api/public/survey/${code}`, { answers: answers(8 + (i % 2), i) })).status).toBe(201);
  });
  afterAll(async () => {
    await t.close();
  });

  it('names the grade and the share feeling safe, worse than the rest and notable, with source and year', async () => {
    const reply = await w.onderzoeker.ok('GET', `/areas/${w.m.areas.WK098301}/analysis`);
    const analysis = reply.body as AnalysisView;
    const judgement = analysis.sections.find((s) => s.key === 'judgement')!;
    const grade = judgement.facts.find((f) => f.indicator.id === 'survey_overall_grade')!;
    expect(grade.value).toMatchObject({ source: 'survey', sourceYear: 2025, status: 'ok' });
    expect(grade.value.value).toBeCloseTo(4.5, 1);
    expect(grade.difference?.significant).toBe(true);
    expect(judgement.text.nl).toMatch(/ongunstiger dan de rest van de gemeente/);
    expect(analysis.notable.map((f) => f.indicator.id)).toEqual(expect.arrayContaining(['survey_overall_grade']));
  });

  it('leaves the survey out for a reader who may not see its results', async () => {
    const reply = await w.werker.ok('GET', `/areas/${w.m.areas.WK098301}/analysis`);
    const judgement = (reply.body as AnalysisView).sections.find((s) => s.key === 'judgement')!;
    expect(judgement.facts).toEqual([]);
    expect(judgement.text.nl).toContain('Er zijn nog geen uitkomsten van de bewonersenquête');
  });
});
