// SPDX-License-Identifier: EUPL-1.2
// Bench for survey results, one JSON object per line on stdout (progress on stderr):
//   survey_aggregate_ms  1,000,000 answers (100 areas × 40 questions × 5 waves × 50 respondents):
//                        weights per area and cell (post-stratification to age × sex), weighted
//                        sufficient statistics per wave, area and question by SQL GROUP BY, means,
//                        95% intervals, suppression and comparisons (rest of municipality, previous
//                        wave) for every area, question and wave in core/stats: min and median of runs
//   survey_sql_ms        the database part: respondents per cell, margins, and the GROUP BY with the
//                        cell weights joined in (weights computed in between)
//   survey_results_api_ms GET …/waves/:id/results (one wave, all 100 areas) through the route chain
// Engine: PostgreSQL when DATABASE_URL is set (a scratch database is created and dropped), else
// PGlite. Run: `npx tsx src/server/surveys/bench.ts [--areas 100] [--questions 40] [--waves 5]
// [--respondents 50] [--runs 5]`.
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { createTestApp, engineName, givenMunicipality, givenPerson, signIn } from '../testing/harness.js';
import { findAreaRefs, listWaves } from './queries.js';
import { computeWaveResults, loadWaveData } from './report.js';
import { ageGroups, sexes, type Question } from './rules.js';
import { surveyWaves, surveys } from './schema.js';

const { values } = parseArgs({
  options: {
    areas: { type: 'string', default: '100' },
    questions: { type: 'string', default: '40' },
    waves: { type: 'string', default: '5' },
    respondents: { type: 'string', default: '50' },
    runs: { type: 'string', default: '5' },
  },
});
const AREAS = Number(values.areas);
const QUESTIONS = Number(values.questions);
const WAVES = Number(values.waves);
const RESPONDENTS = Number(values.respondents);
const RUNS = Number(values.runs);
const log = (message: string) => process.stderr.write(`[bench surveys] ${message}\n`);
const emit = (figures: Record<string, unknown>) =>
  process.stdout.write(`${JSON.stringify({ engine: engineName, ...figures, load_1m: loadavg()[0], cores: cpus().length })}\n`);
const round = (x: number) => Math.round(x * 10) / 10;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? (s[(s.length - 1) / 2] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

const t = await createTestApp();
try {
  const wijken = Array.from({ length: AREAS }, (_, i) => ({ code: `WK09${String(i + 1).padStart(4, '0')}`, name: `Wijk ${i + 1}`, level: 'wijk' as const }));
  const m = await givenMunicipality(t.db, 'GM0983', 'Venlo', wijken);
  const researcher = await givenPerson(t.db, m, 'Olga Onderzoeker', [['onderzoeker', 'GM0983']]);
  const questions: Question[] = Array.from({ length: QUESTIONS }, (_, i) => ({
    id: `q${i + 1}`,
    kind: i % 4 === 3 ? 'agree' : 'grade',
    theme: 'general',
    text: { nl: `Vraag ${i + 1}`, en: `Question ${i + 1}` },
  }));
  const [survey] = await t.db
    .insert(surveys)
    .values({ municipalityId: m.id, name: 'Bench', themes: ['general'], questions })
    .returning();
  const areaIds = wijken.map((w) => m.areas[w.code] as string);
  const waveIds: string[] = [];
  for (let wave = 0; wave < WAVES; wave++) {
    const [row] = await t.db
      .insert(surveyWaves)
      .values({
        municipalityId: m.id,
        surveyId: survey!.id,
        name: `Ronde ${2016 + 2 * wave}`,
        opensOn: `${2016 + 2 * wave}-03-01`,
        closesOn: `${2016 + 2 * wave}-04-01`,
        targetPerArea: RESPONDENTS * 3,
        areaIds,
        status: 'closed',
      })
      .returning();
    waveIds.push(row!.id);
  }
  const cells = ageGroups.flatMap((a) => sexes.map((s) => `${a}|${s}`));
  const started = performance.now();
  const uuidArray = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;
  await t.db.execute(sql`
    insert into survey_responses (municipality_id, wave_id, area_id, cell)
    select ${m.id}, w.id, a.id, (${`{${cells.join(',')}}`}::text[])[1 + (r % ${cells.length})]
    from unnest(${uuidArray(waveIds)}) w(id), unnest(${uuidArray(areaIds)}) a(id), generate_series(0, ${RESPONDENTS - 1}) r`);
  await t.db.execute(sql`
    insert into survey_answers (municipality_id, wave_id, area_id, response_id, cell, question_id, value)
    select r.municipality_id, r.wave_id, r.area_id, r.id, r.cell, 'q' || q,
      case when q % 4 = 0 then 1 + floor(random() * 5)::int else 1 + floor(random() * 10)::int end
    from survey_responses r, generate_series(1, ${QUESTIONS}) q`);
  const marginRows = waveIds.flatMap((waveId) => areaIds.flatMap((areaId) => cells.map((cell, i) => ({ waveId, areaId, cell, population: 100 + 37 * i }))));
  for (let i = 0; i < marginRows.length; i += 2000) {
    const chunk = marginRows.slice(i, i + 2000);
    await t.db.execute(sql`
      insert into survey_margins (municipality_id, wave_id, area_id, age_group, sex, population)
      values ${sql.join(
        chunk.map((r) => sql`(${m.id}, ${r.waveId}, ${r.areaId}, ${r.cell.split('|')[0]}, ${r.cell.split('|')[1]}, ${r.population})`),
        sql`, `,
      )}`);
  }
  await t.db.execute(sql`vacuum analyze survey_responses, survey_answers, survey_margins`);
  const [{ n } = { n: 0 }] = (await t.db.execute<{ n: number }>(sql`select count(*)::int as n from survey_answers`)).rows;
  log(`${n} answers loaded in ${Math.round(performance.now() - started)} ms`);

  const waves = await listWaves(t.db, m.id, survey!.id);
  const areaRefs = await findAreaRefs(t.db, m.id, areaIds);
  const sqlTimes: number[] = [];
  const totalTimes: number[] = [];
  let checksum = 0;
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    const { sums, weightings } = await loadWaveData(t.db, m.id, waveIds);
    const t1 = performance.now();
    checksum = 0;
    waves.forEach((wave, i) => {
      const results = computeWaveResults({ wave, previous: i > 0 ? (waves[i - 1] ?? null) : null, questions, sums, weightings, areaRefs, themes: [] });
      for (const area of results.areas) for (const q of area.questions) if (q.mean?.status === 'ok') checksum += 1;
    });
    const t2 = performance.now();
    sqlTimes.push(t1 - t0);
    totalTimes.push(t2 - t0);
    log(`run ${run + 1}: database ${Math.round(t1 - t0)} ms, everything ${Math.round(t2 - t0)} ms (${sums.length} groups, ${checksum} estimates)`);
  }
  emit({
    bench: 'survey_aggregate_ms',
    answers: n,
    areas: AREAS,
    questions: QUESTIONS,
    waves: WAVES,
    estimates: checksum,
    min: round(Math.min(...totalTimes)),
    median: round(median(totalTimes)),
    runs: RUNS,
    target_postgres: 1000,
  });
  emit({ bench: 'survey_sql_ms', answers: n, min: round(Math.min(...sqlTimes)), median: round(median(sqlTimes)), runs: RUNS });

  const session = await signIn(t.app, 'GM0983', researcher.email);
  const apiTimes: number[] = [];
  const last = waveIds[waveIds.length - 1] as string;
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    const response = await t.app.inject({ method: 'GET', url: `/api/municipalities/GM0983/waves/${last}/results`, headers: { cookie: session.cookie } });
    apiTimes.push(performance.now() - t0);
    if (response.statusCode !== 200) throw new Error(`results: ${response.statusCode} ${response.body.slice(0, 300)}`);
  }
  emit({
    bench: 'survey_results_api_ms',
    answers_in_wave: n / WAVES,
    areas: AREAS,
    min: round(Math.min(...apiTimes)),
    median: round(median(apiTimes)),
    runs: RUNS,
  });
} finally {
  await t.close();
}
