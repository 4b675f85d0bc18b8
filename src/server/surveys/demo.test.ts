// SPDX-License-Identifier: EUPL-1.2
// The survey in the Venlo demo: an open wave whose results can be shown (weighted, one wijk
// suppressed, compared with the closed wave before it), open answers waiting for redaction, and the
// way an e2e test gets a valid invitation code: reminders through the staff API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engineName, signIn, type TestContext } from '../testing/harness.js';
import { DEMO_PASSWORD, seedDemo } from '../demo/seed-demo.js';
import { DEMO_SURVEY_NAME } from './demo.js';
import { Api, parseLetters, type Json } from './testing.js';

describe(`the survey in the Venlo demo (${engineName})`, () => {
  let t: TestContext;
  let onderzoeker: Api;
  let openWave: Json;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.db);
    onderzoeker = new Api(t, 'GM0983', await signIn(t.app, 'GM0983', 'onderzoeker@venlo.demo', DEMO_PASSWORD));
    const surveys = await onderzoeker.ok('GET', '/surveys');
    const survey = (surveys.body.items as Json[]).find((s) => s.name === DEMO_SURVEY_NAME) as Json;
    const detail = await onderzoeker.ok('GET', `/surveys/${survey.id}`);
    expect((detail.body.waves as Json[]).map((w) => w.status)).toEqual(['closed', 'open']);
    openWave = (detail.body.waves as Json[])[1] as Json;
  });
  afterAll(async () => t.close());

  it('has results to show: weighted figures in most wijken, one wijk suppressed, comparisons with the previous wave', async () => {
    const raadslid = new Api(t, 'GM0983', await signIn(t.app, 'GM0983', 'raadslid@venlo.demo', DEMO_PASSWORD));
    const results = await raadslid.ok('GET', `/waves/${openWave.id}/results`);
    const areas = results.body.areas as Json[];
    expect(areas.length).toBeGreaterThan(5);
    expect(areas.filter((a) => a.suppressed)).toHaveLength(1);
    const shown = areas.filter((a) => !a.suppressed);
    expect(shown.every((a) => a.weighting.method !== 'none')).toBe(true);
    const grades = shown.map((a) => (a.questions as Json[]).find((q) => q.questionId === 'overall_grade') as Json);
    expect(grades.every((g) => g.mean.status === 'ok' && g.mean.value >= 1 && g.mean.value <= 10)).toBe(true);
    expect(grades.some((g) => g.comparison.previousWave?.status === 'ok')).toBe(true);
    expect(grades.some((g) => g.comparison.rest?.significant === true)).toBe(true);
    expect(results.body.previousWave).not.toBeNull();
  });

  it('has open answers waiting for redaction', async () => {
    const pending = await onderzoeker.ok('GET', `/waves/${openWave.id}/open-answers`);
    expect(pending.body.items.length).toBeGreaterThan(3);
  });

  it('gives fresh valid codes through reminders; the code opens the public form', async () => {
    const letters = parseLetters((await onderzoeker.ok('POST', `/waves/${openWave.id}/reminders`)).text);
    expect(letters.length).toBeGreaterThan(100);
    const form = await new Api(t, 'GM0983', null).get(`/api/public/survey/${letters[0]?.code as string}`);
    expect(form.status).toBe(200);
    expect(form.body.municipality.name).toBe('Venlo');
  });
});
