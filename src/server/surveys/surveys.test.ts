// SPDX-License-Identifier: EUPL-1.2
// A survey wave end to end through the API: Lemon template, wave over three wijken, address upload
// (all-or-nothing with line numbers), seeded sample, invitation codes for the mail merge, the
// public form, single use, reminders, response rates, results with suppression, weighting and
// comparisons, open answers shown only after redaction, and who may do what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, engineName, type TestContext } from '../testing/harness.js';
import { auditEvents } from '../audit/schema.js';
import { surveyAddresses, surveyInvitations } from './schema.js';
import { addressCsv, givenSurveyWorld, parseLetters, type Json, type SurveyWorld } from './testing.js';

describe(`a survey wave end to end (${engineName})`, () => {
  let t: TestContext;
  let w: SurveyWorld;
  let survey: Json;
  let wave: Json;
  let letters: Record<string, string>[];
  const codesOf = (areaCode: string) => letters.filter((l) => l.gebied === areaCode).map((l) => l.code as string);
  const area = (code: string) => w.m.areas[code] as string;
  const questionOf = (questions: Json[], id: string): Json => {
    const found = questions.find((q) => q.questionId === id);
    if (!found) throw new Error(`no result for ${id}`);
    return found;
  };

  /** Answers of respondent i in an area: grade `grade`, ages and sexes spread over the cells. */
  const answers = (grade: number, i: number, extra: Json = {}) => ({
    overall_grade: grade,
    physical_green: (i % 5) + 1,
    safety_feel: i % 2 === 0 ? 4 : 2,
    nuisance_kinds: i % 3 === 0 ? ['litter', 'dogs'] : ['none'],
    safety_evening: 'never',
    age_group: ['18-34', '35-49', '50-64', '65+'][i % 4],
    sex: Math.floor(i / 4) % 2 === 0 ? 'man' : 'vrouw',
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp();
    w = await givenSurveyWorld(t);
  });
  afterAll(async () => t.close());

  it('creates a questionnaire from the Lemon template with its themes', async () => {
    const reply = await w.onderzoeker.ok('POST', '/surveys', { template: 'lemon' });
    survey = reply.body;
    expect(survey.themes).toEqual(['general', 'physical', 'social', 'nuisance', 'safety', 'background']);
    expect(survey.questions.map((q: Json) => q.kind)).toEqual(expect.arrayContaining(['grade', 'agree', 'single', 'multiple', 'open']));
    const agree = survey.questions.find((q: Json) => q.id === 'safety_feel');
    expect(agree.options).toHaveLength(5);
  });

  it('refuses a questionnaire with duplicate ids and a choice question without options', async () => {
    const reply = await w.onderzoeker.post('/surveys', {
      name: 'Kapot',
      themes: ['safety'],
      questions: [
        { id: 'q1', kind: 'grade', theme: 'safety', text: { nl: 'Cijfer?', en: 'Grade?' } },
        { id: 'q1', kind: 'single', theme: 'safety', text: { nl: 'Keuze?', en: 'Choice?' } },
      ],
    });
    expect(reply.status).toBe(422);
    expect(reply.body.code).toBe('survey_invalid');
    expect(reply.body.problems.join(' ')).toMatch(/duplicate q1/);
    expect(reply.body.problems.join(' ')).toMatch(/options: at least two/);
  });

  it('only monitor.manage may build; others get 403, anonymous 401', async () => {
    expect((await w.raadslid.post('/surveys', { template: 'lemon' })).status).toBe(403);
    expect((await w.werker.post('/surveys', { template: 'lemon' })).status).toBe(403);
    expect((await w.anonymous.post('/surveys', { template: 'lemon' })).status).toBe(401);
  });

  it('creates a wave over three wijken with a target per area', async () => {
    const reply = await w.onderzoeker.ok('POST', `/surveys/${survey.id}/waves`, {
      name: 'Leefbaarheid 2024',
      opensOn: '2020-01-01',
      closesOn: '2099-12-31',
      targetPerArea: 40,
      areaIds: [area('WK098301'), area('WK098302'), area('WK098303')],
    });
    wave = reply.body;
    expect(wave.status).toBe('draft');
    expect(wave.minRespondents).toBe(30);
    expect(wave.areas.map((a: Json) => a.code)).toEqual(['WK098301', 'WK098302', 'WK098303']);
  });

  it('rejects an address file with errors as a whole, naming each line', async () => {
    const csv = 'adres;postcode;gebied\nMarkt 1;5911 AA;WK098301\nMarkt 2;59AA;WK098301\n;5911 AB;WK098399\nMarkt 1;5911 AA;WK098301\n';
    const reply = await w.onderzoeker.post(`/waves/${wave.id}/addresses`, { csv });
    expect(reply.status).toBe(422);
    expect(reply.body.code).toBe('addresses_invalid');
    const lines = (reply.body.errors as Json[]).map((e) => e.line);
    expect(lines).toEqual(expect.arrayContaining([3, 4, 5]));
    expect(lines).not.toContain(2);
    const [row] = await t.db.select({ n: sql<number>`count(*)::int` }).from(surveyAddresses);
    expect(row?.n).toBe(0);
  });

  it('uploads the address list and draws a reproducible sample per area', async () => {
    const upload = await w.onderzoeker.ok('POST', `/waves/${wave.id}/addresses`, { csv: addressCsv({ WK098301: 70, WK098302: 50, WK098303: 20 }) });
    expect(upload.body.imported).toBe(140);
    const first = await w.onderzoeker.ok('POST', `/waves/${wave.id}/sample`, { seed: 'toets' });
    const sampledOnce = await t.db.select({ id: surveyAddresses.id }).from(surveyAddresses).where(eq(surveyAddresses.sampled, true));
    await w.onderzoeker.ok('POST', `/waves/${wave.id}/sample`, { seed: 'toets' });
    const sampledTwice = await t.db.select({ id: surveyAddresses.id }).from(surveyAddresses).where(eq(surveyAddresses.sampled, true));
    expect(new Set(sampledTwice.map((r) => r.id))).toEqual(new Set(sampledOnce.map((r) => r.id)));
    const perArea = Object.fromEntries((first.body.perArea as Json[]).map((p) => [p.areaId, p.sampled]));
    expect(perArea).toEqual({ [area('WK098301')]: 40, [area('WK098302')]: 40, [area('WK098303')]: 20 });
  });

  it('issues invitations once: a CSV with unique codes for the mail merge; only hashes are stored', async () => {
    const response = await w.onderzoeker.ok('POST', `/waves/${wave.id}/invitations`);
    expect(response.headers['content-type']).toMatch(/text\/csv/);
    letters = parseLetters(response.text);
    expect(letters).toHaveLength(100);
    expect(Object.keys(letters[0] ?? {})).toEqual(['code', 'adres', 'postcode', 'woonplaats', 'gebied', 'gebiedsnaam']);
    expect(new Set(letters.map((l) => l.code)).size).toBe(100);
    for (const l of letters) expect(l.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const stored = await t.db.select({ codeHash: surveyInvitations.codeHash }).from(surveyInvitations);
    const storedText = JSON.stringify(stored);
    for (const l of letters.slice(0, 10)) expect(storedText).not.toContain((l.code as string).replace(/-/g, ''));
    const again = await w.onderzoeker.post(`/waves/${wave.id}/invitations`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('wave_status');
  });

  it('the public form shows the questionnaire for a code, in any spelling; unknown codes are 404', async () => {
    const code = codesOf('WK098301')[0] as string;
    const reply = await w.anonymous.get(`/api/public/survey/${code.toLowerCase().replace(/-/g, ' ')}`);
    expect(reply.status).toBe(200);
    expect(reply.body.area.name).toBe('Wijk A');
    expect(reply.body.survey.questions.length).toBeGreaterThan(10);
    expect(JSON.stringify(reply.body)).not.toMatch(/Teststraat/);
    const unknown = await w.anonymous.get('/api/public/survey/AAAA-AAAA-AAAA');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('survey_code_unknown');
  });

  it('limits guessing: after 10 wrong codes from one address even a right code gets 429 there, not elsewhere', async () => {
    const guesser = '10.9.8.7';
    for (let i = 0; i < 10; i++) {
      const reply = await w.anonymous.get(`/api/public/survey/BBBB-CCCC-${String(2222 + i).replace(/[01]/g, '3')}`, guesser);
      expect(reply.status).toBe(404);
    }
    const code = codesOf('WK098301')[1] as string;
    const blocked = await w.anonymous.get(`/api/public/survey/${code}`, guesser);
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('too_many_attempts');
    expect((await w.anonymous.post(`/api/public/survey/${code}`, { answers: {} }, guesser)).status).toBe(429);
    expect((await w.anonymous.get(`/api/public/survey/${code}`, '10.9.8.6')).status).toBe(200);
  });

  it('rejects invalid answers and stores nothing', async () => {
    const code = codesOf('WK098301')[0] as string;
    const reply = await w.anonymous.post(`/api/public/survey/${code}`, { answers: { overall_grade: 11, safety_evening: 'nooit', bogus: 1 } });
    expect(reply.status).toBe(422);
    expect(reply.body.code).toBe('answers_invalid');
    expect(reply.body.problems).toHaveLength(3);
    const form = await w.anonymous.get(`/api/public/survey/${code}`);
    expect(form.status).toBe(200);
  });

  it('takes answers once per code: 35 in A (grade 8 or 9), 20 in B (too few), 12 in C (grade 4 to 6)', async () => {
    const a = codesOf('WK098301');
    for (let i = 0; i < 35; i++) {
      const extra = i === 0 ? { improve: 'Meer bankjes. Bel mij: Jan de Vries, 06-12345678' } : {};
      const reply = await w.anonymous.post(`/api/public/survey/${a[i]}`, { answers: answers(8 + (i % 2), i, extra) });
      expect(reply.status).toBe(201);
    }
    const b = codesOf('WK098302');
    for (let i = 0; i < 20; i++) await w.anonymous.post(`/api/public/survey/${b[i]}`, { answers: answers(7, i) });
    const c = codesOf('WK098303');
    for (let i = 0; i < 12; i++) await w.anonymous.post(`/api/public/survey/${c[i]}`, { answers: answers(4 + (i % 3), i) });
    const twice = await w.anonymous.post(`/api/public/survey/${a[0]}`, { answers: answers(1, 0) });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('survey_code_used');
    const used = await w.anonymous.get(`/api/public/survey/${a[0]}`);
    expect(used.body.code).toBe('survey_code_used');
  });

  it('reminders carry a new code for those who did not answer; either code works once', async () => {
    const reminders = parseLetters((await w.onderzoeker.ok('POST', `/waves/${wave.id}/reminders`)).text);
    expect(reminders).toHaveLength(100 - 67);
    const letterCodes = new Set(letters.map((l) => l.code));
    for (const r of reminders) expect(letterCodes.has(r.code)).toBe(false);
    // The remaining addresses of C: answer one with the reminder code; its letter code is then used.
    const reminder = reminders.find((r) => r.gebied === 'WK098303') as Record<string, string>;
    const letter = letters.find((l) => l.adres === reminder.adres) as Record<string, string>;
    expect((await w.anonymous.post(`/api/public/survey/${reminder.code}`, { answers: answers(5, 12) })).status).toBe(201);
    expect((await w.anonymous.post(`/api/public/survey/${letter.code}`, { answers: answers(5, 13) })).status).toBe(409);
  });

  it('reports response rates per area', async () => {
    const reply = await w.raadslid.ok('GET', `/waves/${wave.id}/response`);
    const byCode = Object.fromEntries((reply.body.areas as Json[]).map((r) => [r.area.code, r]));
    expect(byCode.WK098301).toMatchObject({ invited: 40, responded: 35, rate: 35 / 40 });
    expect(byCode.WK098302).toMatchObject({ invited: 40, responded: 20, rate: 0.5 });
    expect(byCode.WK098303).toMatchObject({ invited: 20, responded: 13, reminded: 8 });
    expect(reply.body.total).toMatchObject({ invited: 100, responded: 68 });
  });

  it('results: A shown with a 95% CI and a significant difference from the rest; B and C suppressed', async () => {
    const reply = await w.raadslid.ok('GET', `/waves/${wave.id}/results`);
    const byCode = Object.fromEntries((reply.body.areas as Json[]).map((r) => [r.area.code, r]));
    const gradeOf = (code: string) => questionOf(byCode[code].questions, 'overall_grade');
    const a = gradeOf('WK098301');
    // 18 eights and 17 nines: mean 8.4857…, no margins so unweighted.
    expect(a.n).toBe(35);
    expect(a.suppressed).toBe(false);
    expect(a.mean.value).toBeCloseTo((18 * 8 + 17 * 9) / 35, 10);
    expect(a.mean.ciLower).toBeLessThan(a.mean.value);
    expect(a.mean.ciUpper).toBeGreaterThan(a.mean.value);
    expect(byCode.WK098301.weighting.method).toBe('none');
    // Rest = B (20 × 7) and C (13 answers 4..6): 33 respondents, clearly lower.
    expect(a.comparison.rest).toMatchObject({ status: 'ok', significant: true, direction: 'higher' });
    expect(a.comparison.previousWave).toBeNull();
    const b = gradeOf('WK098302');
    expect(b).toMatchObject({ suppressed: true, n: null, mean: { status: 'suppressed', value: null } });
    expect(byCode.WK098302.respondents).toBeNull();
    expect(gradeOf('WK098303').suppressed).toBe(true);
    // Shares: safety_evening "never" for everyone in A.
    const evening = questionOf(byCode.WK098301.questions, 'safety_evening');
    expect(evening.shares.find((s: Json) => s.key === 'never').estimate.value).toBe(1);
    // The same question in A and the rest: no difference, so not significant.
    expect(evening.shares.find((s: Json) => s.key === 'never').comparison.rest).toMatchObject({ significant: false, direction: 'no_significant_difference' });
    expect(reply.body.municipality.respondents).toBe(68);
  });

  it('weights to uploaded margins (age group × sex per wijk) and reports the effective n', async () => {
    const rows = ['WK098301', 'WK098302', 'WK098303'].flatMap((areaCode) =>
      ['18-34', '35-49', '50-64', '65+'].flatMap((ageGroup, i) =>
        ['man', 'vrouw'].map((sex) => ({ areaCode, ageGroup, sex, population: 100 + 150 * i + (sex === 'man' ? 0 : 60) })),
      ),
    );
    const bad = await w.onderzoeker.call('PUT', `/waves/${wave.id}/margins`, {
      rows: [...rows, { areaCode: 'WK098301', ageGroup: '0-17', sex: 'man', population: 5 }],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('margins_invalid');
    await w.onderzoeker.ok('PUT', `/waves/${wave.id}/margins`, { rows });
    const reply = await w.raadslid.ok('GET', `/waves/${wave.id}/results?areaId=${area('WK098301')}`);
    expect(reply.body.areas).toHaveLength(1);
    const weighting = reply.body.areas[0].weighting;
    expect(['post_stratification', 'raking']).toContain(weighting.method);
    expect(weighting.nEffective).toBeLessThan(35);
    expect(weighting.designEffect).toBeGreaterThan(1);
    const grade = questionOf(reply.body.areas[0].questions, 'overall_grade');
    expect(grade.n).toBe(35);
    expect(grade.nEffective).toBeCloseTo(weighting.nEffective, 6);
  });

  it('open answers are shown only after redaction; the original is erased and not audited', async () => {
    const pending = await w.onderzoeker.ok('GET', `/waves/${wave.id}/open-answers`);
    expect(pending.body.items).toHaveLength(1);
    expect(pending.body.items[0].text).toMatch(/Jan de Vries/);
    const forReader = await w.raadslid.ok('GET', `/waves/${wave.id}/open-answers`);
    expect(forReader.body.items).toHaveLength(0);
    expect((await w.raadslid.get(`/waves/${wave.id}/open-answers?status=pending`)).status).toBe(403);
    let results = await w.raadslid.ok('GET', `/waves/${wave.id}/results`);
    expect(results.body.openAnswers).toHaveLength(0);
    const id = pending.body.items[0].id as string;
    expect((await w.raadslid.post(`/open-answers/${id}/redact`, { text: 'Meer bankjes.' })).status).toBe(403);
    const redacted = await w.onderzoeker.ok('POST', `/open-answers/${id}/redact`, { text: 'Meer bankjes. [persoonsgegevens verwijderd]' });
    expect(redacted.body.status).toBe('published');
    results = await w.raadslid.ok('GET', `/waves/${wave.id}/results`);
    expect(results.body.openAnswers.map((o: Json) => o.text)).toEqual(['Meer bankjes. [persoonsgegevens verwijderd]']);
    const trail = JSON.stringify(await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'survey_open_answer.redact')));
    expect(trail).toContain(id);
    expect(trail).not.toMatch(/Jan de Vries|06-12345678/);
    const everything = JSON.stringify((await t.db.execute(sql`select * from survey_open_answers`)).rows);
    expect(everything).not.toMatch(/Jan de Vries/);
    expect((await w.onderzoeker.post(`/open-answers/${id}/redact`, { text: 'x' })).body.code).toBe('open_answer_already_redacted');
  });

  it('a wijkwerker without report.read cannot see results; a reader of another municipality finds nothing', async () => {
    expect((await w.werker.get(`/waves/${wave.id}/results?areaId=${area('WK098301')}`)).status).toBe(403);
    expect((await w.werker.get(`/waves/${wave.id}/results`)).status).toBe(403);
    expect((await w.anonymous.get(`/waves/${wave.id}/results`)).status).toBe(401);
  });

  it('closing the wave stops answers and compares a next wave with it', async () => {
    await w.onderzoeker.ok('POST', `/waves/${wave.id}/close`);
    const open = letters.find((l) => l.gebied === 'WK098302' && l.code === codesOf('WK098302')[30]) as Record<string, string>;
    const closed = await w.anonymous.post(`/api/public/survey/${open.code}`, { answers: answers(5, 1) });
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('survey_closed');
    // Next wave in A only: 31 respondents with grade 6 → significantly lower than 2024.
    const next = await w.onderzoeker.ok('POST', `/surveys/${survey.id}/waves`, {
      name: 'Leefbaarheid 2026',
      opensOn: '2021-01-01',
      closesOn: '2099-12-31',
      targetPerArea: 31,
      areaIds: [area('WK098301')],
    });
    await w.onderzoeker.ok('POST', `/waves/${next.body.id}/addresses`, { csv: addressCsv({ WK098301: 31 }) });
    await w.onderzoeker.ok('POST', `/waves/${next.body.id}/sample`, { seed: 'x' });
    const codes = parseLetters((await w.onderzoeker.ok('POST', `/waves/${next.body.id}/invitations`)).text).map((l) => l.code);
    for (let i = 0; i < 31; i++) await w.anonymous.post(`/api/public/survey/${codes[i]}`, { answers: answers(6, i) });
    const results = await w.raadslid.ok('GET', `/waves/${next.body.id}/results`);
    expect(results.body.previousWave.id).toBe(wave.id);
    const grade = questionOf(results.body.areas[0].questions, 'overall_grade');
    expect(grade.mean.value).toBe(6);
    expect(grade.comparison.previousWave).toMatchObject({ status: 'ok', significant: true, direction: 'lower' });
    // No other area in this wave: the rest of the municipality is empty, so no comparison is shown.
    expect(grade.comparison.rest.status).toBe('missing');
    const [{ n } = { n: 0 }] = (
      await t.db.execute<{ n: number }>(sql`select count(*)::int as n from survey_invitations where wave_id = ${next.body.id} and responded_on is not null`)
    ).rows;
    expect(n).toBe(31);
    expect(
      await t.db
        .select()
        .from(surveyInvitations)
        .where(and(eq(surveyInvitations.waveId, wave.id as string))),
    ).toHaveLength(100);
  });
});
