// SPDX-License-Identifier: EUPL-1.2
// The only SQL for surveys. Every query is scoped to one municipality, except the lookup of an
// invitation by the hash of its code: the public form knows nothing but the code.
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { areas } from '../areas/schema.js';
import { municipalities } from '../municipalities/schema.js';
import { isUuid } from '../areas/queries.js';
import {
  surveyAddresses,
  surveyAnswers,
  surveyInvitations,
  surveyMargins,
  surveyOpenAnswers,
  surveyResponses,
  surveyWaves,
  surveys,
  type OpenAnswerStatus,
  type WaveStatus,
} from './schema.js';

type Q = Pick<Db, 'select' | 'selectDistinct' | 'execute'>;
export type Writer = Pick<Db, 'select' | 'selectDistinct' | 'insert' | 'update' | 'delete' | 'execute'>;

export type SurveyRow = typeof surveys.$inferSelect;
export type WaveRow = typeof surveyWaves.$inferSelect;
export type OpenAnswerRow = typeof surveyOpenAnswers.$inferSelect;
export type MarginRow = typeof surveyMargins.$inferSelect;

/** Inserts in chunks (PostgreSQL allows 65,535 parameters per statement). */
async function insertChunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

// ---- Surveys --------------------------------------------------------------------------------------

export async function listSurveys(q: Q, municipalityId: string): Promise<SurveyRow[]> {
  return q.select().from(surveys).where(eq(surveys.municipalityId, municipalityId)).orderBy(asc(surveys.createdAt), asc(surveys.id));
}

export async function findSurvey(q: Q, municipalityId: string, id: string): Promise<SurveyRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await q
    .select()
    .from(surveys)
    .where(and(eq(surveys.municipalityId, municipalityId), eq(surveys.id, id)));
  return row;
}

export async function insertSurvey(q: Writer, values: typeof surveys.$inferInsert): Promise<SurveyRow> {
  const [row] = await q.insert(surveys).values(values).returning();
  if (!row) throw new Error('insert survey failed');
  return row;
}

export async function updateSurvey(q: Writer, municipalityId: string, id: string, values: Partial<typeof surveys.$inferInsert>): Promise<SurveyRow> {
  const [row] = await q
    .update(surveys)
    .set(values)
    .where(and(eq(surveys.municipalityId, municipalityId), eq(surveys.id, id)))
    .returning();
  if (!row) throw new Error('update survey failed');
  return row;
}

/** Whether any wave of the survey has issued invitations (its questions are then fixed). */
export async function surveyInUse(q: Q, municipalityId: string, surveyId: string): Promise<boolean> {
  const [row] = await q
    .select({ id: surveyWaves.id })
    .from(surveyWaves)
    .where(and(eq(surveyWaves.municipalityId, municipalityId), eq(surveyWaves.surveyId, surveyId), inArray(surveyWaves.status, ['open', 'closed'])))
    .limit(1);
  return row !== undefined;
}

// ---- Waves ----------------------------------------------------------------------------------------

export async function listWaves(q: Q, municipalityId: string, surveyId: string): Promise<WaveRow[]> {
  return q
    .select()
    .from(surveyWaves)
    .where(and(eq(surveyWaves.municipalityId, municipalityId), eq(surveyWaves.surveyId, surveyId)))
    .orderBy(asc(surveyWaves.opensOn), asc(surveyWaves.id));
}

export async function findWave(q: Q, municipalityId: string, id: string): Promise<WaveRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await q
    .select()
    .from(surveyWaves)
    .where(and(eq(surveyWaves.municipalityId, municipalityId), eq(surveyWaves.id, id)));
  return row;
}

/** The wave row locked for the rest of the transaction (status changes are serialised on it). */
export async function lockWave(q: Q, municipalityId: string, id: string): Promise<WaveRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await q
    .select()
    .from(surveyWaves)
    .where(and(eq(surveyWaves.municipalityId, municipalityId), eq(surveyWaves.id, id)))
    .for('update');
  return row;
}

/** The wave of the same survey that opened last before this one. */
export async function findPreviousWave(q: Q, municipalityId: string, wave: WaveRow): Promise<WaveRow | undefined> {
  const [row] = await q
    .select()
    .from(surveyWaves)
    .where(
      and(
        eq(surveyWaves.municipalityId, municipalityId),
        eq(surveyWaves.surveyId, wave.surveyId),
        or(lt(surveyWaves.opensOn, wave.opensOn), and(eq(surveyWaves.opensOn, wave.opensOn), lt(surveyWaves.createdAt, wave.createdAt))),
      ),
    )
    .orderBy(desc(surveyWaves.opensOn), desc(surveyWaves.createdAt))
    .limit(1);
  return row;
}

export async function insertWave(q: Writer, values: typeof surveyWaves.$inferInsert): Promise<WaveRow> {
  const [row] = await q.insert(surveyWaves).values(values).returning();
  if (!row) throw new Error('insert wave failed');
  return row;
}

export async function setWaveStatus(q: Writer, municipalityId: string, id: string, status: WaveStatus): Promise<void> {
  await q
    .update(surveyWaves)
    .set({ status })
    .where(and(eq(surveyWaves.municipalityId, municipalityId), eq(surveyWaves.id, id)));
}

export interface AreaRef {
  id: string;
  code: string;
  name: string;
}

/** Areas of the municipality by id, for the wave's area list. */
export async function findAreaRefs(q: Q, municipalityId: string, ids: string[]): Promise<AreaRef[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  return q
    .select({ id: areas.id, code: areas.code, name: areas.name })
    .from(areas)
    .where(and(eq(areas.municipalityId, municipalityId), inArray(areas.id, valid)))
    .orderBy(asc(areas.code));
}

// ---- Addresses and sample -------------------------------------------------------------------------

export interface AddressInput {
  areaId: string;
  line: number;
  address: string;
  postcode: string;
  place: string;
}

/** Replaces the wave's address list. */
export async function replaceAddresses(q: Writer, municipalityId: string, waveId: string, rows: AddressInput[]): Promise<void> {
  await q.delete(surveyAddresses).where(and(eq(surveyAddresses.municipalityId, municipalityId), eq(surveyAddresses.waveId, waveId)));
  await insertChunked(rows, 2000, (chunk) => q.insert(surveyAddresses).values(chunk.map((r) => ({ municipalityId, waveId, ...r }))));
}

/** Address ids per area, in file order (the sampling frame). */
export async function listAddressIds(q: Q, municipalityId: string, waveId: string): Promise<{ id: string; areaId: string }[]> {
  return q
    .select({ id: surveyAddresses.id, areaId: surveyAddresses.areaId })
    .from(surveyAddresses)
    .where(and(eq(surveyAddresses.municipalityId, municipalityId), eq(surveyAddresses.waveId, waveId)))
    .orderBy(asc(surveyAddresses.line));
}

export async function markSampled(q: Writer, municipalityId: string, waveId: string, ids: string[]): Promise<void> {
  await q
    .update(surveyAddresses)
    .set({ sampled: false })
    .where(and(eq(surveyAddresses.municipalityId, municipalityId), eq(surveyAddresses.waveId, waveId)));
  await insertChunked(ids, 5000, (chunk) =>
    q
      .update(surveyAddresses)
      .set({ sampled: true })
      .where(and(eq(surveyAddresses.municipalityId, municipalityId), eq(surveyAddresses.waveId, waveId), inArray(surveyAddresses.id, chunk))),
  );
}

export async function listSampledAddresses(q: Q, municipalityId: string, waveId: string) {
  return q
    .select({ id: surveyAddresses.id, areaId: surveyAddresses.areaId })
    .from(surveyAddresses)
    .where(and(eq(surveyAddresses.municipalityId, municipalityId), eq(surveyAddresses.waveId, waveId), eq(surveyAddresses.sampled, true)))
    .orderBy(asc(surveyAddresses.line));
}

// ---- Invitations ----------------------------------------------------------------------------------

export interface InvitationInput {
  id: string;
  areaId: string;
  addressId: string;
  codeHash: string;
}

export async function insertInvitations(q: Writer, municipalityId: string, waveId: string, rows: InvitationInput[]): Promise<void> {
  await insertChunked(rows, 2000, (chunk) => q.insert(surveyInvitations).values(chunk.map((r) => ({ municipalityId, waveId, ...r }))));
}

/** Invitations with their address and area, for the mail merge (only those not yet answered when `openOnly`). */
export async function listInvitationLetters(q: Q, municipalityId: string, waveId: string, openOnly: boolean) {
  return q
    .select({
      id: surveyInvitations.id,
      areaId: surveyInvitations.areaId,
      address: surveyAddresses.address,
      postcode: surveyAddresses.postcode,
      place: surveyAddresses.place,
      areaCode: areas.code,
      areaName: areas.name,
    })
    .from(surveyInvitations)
    .innerJoin(surveyAddresses, eq(surveyAddresses.id, surveyInvitations.addressId))
    .innerJoin(areas, eq(areas.id, surveyInvitations.areaId))
    .where(
      and(
        eq(surveyInvitations.municipalityId, municipalityId),
        eq(surveyInvitations.waveId, waveId),
        openOnly ? isNull(surveyInvitations.respondedOn) : undefined,
      ),
    )
    .orderBy(asc(areas.code), asc(surveyAddresses.line));
}

export async function setReminderCodes(q: Writer, municipalityId: string, codes: { id: string; codeHash: string }[]): Promise<void> {
  await insertChunked(codes, 2000, (chunk) =>
    q.execute(sql`
      update survey_invitations i set reminder_code_hash = v.code_hash, reminders = i.reminders + 1
      from (values ${sql.join(
        chunk.map((c) => sql`(${c.id}::uuid, ${c.codeHash})`),
        sql`, `,
      )}) as v(id, code_hash)
      where i.id = v.id and i.municipality_id = ${municipalityId} and i.responded_on is null`),
  );
}

export async function countInvitations(q: Q, municipalityId: string, waveId: string): Promise<number> {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(surveyInvitations)
    .where(and(eq(surveyInvitations.municipalityId, municipalityId), eq(surveyInvitations.waveId, waveId)));
  return row?.n ?? 0;
}

/** The invitation a code belongs to (the letter's code or the latest reminder's), in any municipality. */
export async function findInvitationByCodeHash(q: Q, codeHash: string) {
  const [row] = await q
    .select()
    .from(surveyInvitations)
    .where(or(eq(surveyInvitations.codeHash, codeHash), eq(surveyInvitations.reminderCodeHash, codeHash)))
    .limit(1);
  return row;
}

/** Name and code of the invitation's municipality, for the public form's heading. */
export async function findMunicipalityRef(q: Q, municipalityId: string): Promise<{ name: string; code: string } | undefined> {
  const [row] = await q.select({ name: municipalities.name, code: municipalities.code }).from(municipalities).where(eq(municipalities.id, municipalityId));
  return row;
}

/** Marks the invitation used; false when it already was (single use, safe under concurrency). */
export async function markResponded(q: Writer, municipalityId: string, invitationId: string, on: string): Promise<boolean> {
  const rows = await q
    .update(surveyInvitations)
    .set({ respondedOn: on })
    .where(and(eq(surveyInvitations.municipalityId, municipalityId), eq(surveyInvitations.id, invitationId), isNull(surveyInvitations.respondedOn)))
    .returning({ id: surveyInvitations.id });
  return rows.length === 1;
}

/** Invited and responded per area. */
export async function responseCounts(
  q: Q,
  municipalityId: string,
  waveId: string,
): Promise<{ areaId: string; invited: number; responded: number; reminded: number }[]> {
  return q
    .select({
      areaId: surveyInvitations.areaId,
      invited: sql<number>`count(*)::int`,
      responded: sql<number>`count(${surveyInvitations.respondedOn})::int`,
      reminded: sql<number>`count(*) filter (where ${surveyInvitations.reminders} > 0)::int`,
    })
    .from(surveyInvitations)
    .where(and(eq(surveyInvitations.municipalityId, municipalityId), eq(surveyInvitations.waveId, waveId)))
    .groupBy(surveyInvitations.areaId);
}

/** Addresses uploaded and sampled per area. */
export async function addressCounts(q: Q, municipalityId: string, waveId: string): Promise<{ areaId: string; addresses: number; sampled: number }[]> {
  return q
    .select({
      areaId: surveyAddresses.areaId,
      addresses: sql<number>`count(*)::int`,
      sampled: sql<number>`count(*) filter (where ${surveyAddresses.sampled})::int`,
    })
    .from(surveyAddresses)
    .where(and(eq(surveyAddresses.municipalityId, municipalityId), eq(surveyAddresses.waveId, waveId)))
    .groupBy(surveyAddresses.areaId);
}

// ---- Anonymous answers ----------------------------------------------------------------------------

export interface ResponseInput {
  waveId: string;
  areaId: string;
  cell: string | null;
  numbers: { questionId: string; value: number }[];
  choices: { questionId: string; optionIds: string[] }[];
}

/** Stores one response and its closed answers; ids are random (gen_random_uuid), nothing else identifies it. */
export async function insertResponse(q: Writer, municipalityId: string, input: ResponseInput): Promise<string> {
  const { waveId, areaId, cell } = input;
  const [response] = await q.insert(surveyResponses).values({ municipalityId, waveId, areaId, cell }).returning({ id: surveyResponses.id });
  if (!response) throw new Error('insert response failed');
  const base = { municipalityId, waveId, areaId, cell, responseId: response.id };
  const rows: (typeof surveyAnswers.$inferInsert)[] = [
    ...input.numbers.map((a) => ({ ...base, questionId: a.questionId, optionId: null, value: a.value })),
    ...input.choices.flatMap((c) => [
      { ...base, questionId: c.questionId, optionId: null, value: null },
      ...c.optionIds.map((optionId) => ({ ...base, questionId: c.questionId, optionId, value: null })),
    ]),
  ];
  if (rows.length > 0) await q.insert(surveyAnswers).values(rows);
  return response.id;
}

export async function insertOpenAnswers(
  q: Writer,
  municipalityId: string,
  waveId: string,
  areaId: string,
  open: { questionId: string; text: string }[],
): Promise<void> {
  if (open.length > 0) await q.insert(surveyOpenAnswers).values(open.map((o) => ({ municipalityId, waveId, areaId, questionId: o.questionId, text: o.text })));
}

/**
 * Rewrites up to `k` random earlier responses (with their answers) and open answers of the same wave
 * and area in the caller's transaction, without changing them: their new row versions share the
 * transaction id and land beside the new response, so neither xmin nor the physical order singles
 * the new response out.
 */
export async function touchRandomResponses(
  q: Writer,
  municipalityId: string,
  waveId: string,
  areaId: string,
  k: number,
  exceptId: string | null,
): Promise<void> {
  await q.execute(sql`
    with picked as (
      select id from survey_responses
      where municipality_id = ${municipalityId} and wave_id = ${waveId} and area_id = ${areaId}
        and id <> ${exceptId ?? '00000000-0000-0000-0000-000000000000'}
      order by random() limit ${k}
    ), touched as (
      update survey_responses r set cell = r.cell from picked where r.id = picked.id returning r.id
    )
    update survey_answers a set cell = a.cell from touched where a.response_id = touched.id`);
  await q.execute(sql`
    update survey_open_answers o set question_id = o.question_id
    where o.id in (
      select id from survey_open_answers
      where municipality_id = ${municipalityId} and wave_id = ${waveId} and area_id = ${areaId}
      order by random() limit ${k}
    )`);
}

/**
 * Rewrites the wave's responses and answers in random order with fresh random ids, so that neither
 * their physical order nor their row versions (xmin) follow the order in which people answered.
 */
export async function shuffleResponses(q: Writer, municipalityId: string, waveId: string): Promise<number> {
  await q.execute(sql`
    create temporary table survey_shuffle_map on commit drop as
    select id as old_id, gen_random_uuid() as new_id from survey_responses
    where municipality_id = ${municipalityId} and wave_id = ${waveId} order by random()`);
  await q.execute(sql`
    create temporary table survey_shuffle_answers on commit drop as
    select m.new_id as response_id, a.municipality_id, a.wave_id, a.area_id, a.cell, a.question_id, a.option_id, a.value
    from survey_answers a join survey_shuffle_map m on m.old_id = a.response_id order by random()`);
  await q.execute(sql`
    create temporary table survey_shuffle_responses on commit drop as
    select m.new_id as id, r.municipality_id, r.wave_id, r.area_id, r.cell
    from survey_responses r join survey_shuffle_map m on m.old_id = r.id order by random()`);
  await q.execute(sql`delete from survey_answers where municipality_id = ${municipalityId} and wave_id = ${waveId}`);
  await q.execute(sql`delete from survey_responses where municipality_id = ${municipalityId} and wave_id = ${waveId}`);
  await q.execute(
    sql`insert into survey_responses (id, municipality_id, wave_id, area_id, cell) select id, municipality_id, wave_id, area_id, cell from survey_shuffle_responses`,
  );
  await q.execute(sql`
    insert into survey_answers (response_id, municipality_id, wave_id, area_id, cell, question_id, option_id, value)
    select response_id, municipality_id, wave_id, area_id, cell, question_id, option_id, value from survey_shuffle_answers`);
  await q.execute(sql`
    create temporary table survey_shuffle_open on commit drop as
    select * from survey_open_answers where municipality_id = ${municipalityId} and wave_id = ${waveId} order by random()`);
  await q.execute(sql`delete from survey_open_answers where municipality_id = ${municipalityId} and wave_id = ${waveId}`);
  await q.execute(sql`insert into survey_open_answers select * from survey_shuffle_open`);
  const [row] = (await q.execute<{ n: number }>(sql`select count(*)::int as n from survey_shuffle_map`)).rows;
  await q.execute(sql`drop table survey_shuffle_map, survey_shuffle_answers, survey_shuffle_responses, survey_shuffle_open`);
  return row?.n ?? 0;
}

/** VACUUM the answer tables (outside any transaction): removes the old row versions a shuffle left. */
export async function vacuumAnswers(q: Pick<Db, 'execute'>): Promise<void> {
  await q.execute(sql`vacuum survey_responses, survey_answers, survey_open_answers`);
}

// ---- Demo data -----------------------------------------------------------------------------------

export interface DemoResponse {
  areaId: string;
  cell: string | null;
  numbers: { questionId: string; value: number }[];
  choices: { questionId: string; optionIds: string[] }[];
}

/** Marks the first `count` invitations per area used on `on` (demo seeding only). */
export async function markRespondedForDemo(q: Writer, municipalityId: string, waveId: string, countPerArea: Map<string, number>, on: string): Promise<void> {
  for (const [areaId, count] of countPerArea) {
    await q.execute(sql`
      update survey_invitations set responded_on = ${on}
      where id in (select id from survey_invitations where municipality_id = ${municipalityId} and wave_id = ${waveId} and area_id = ${areaId} order by id limit ${count})`);
  }
}

/** Many responses at once, in the same shape as the public form stores them (demo seeding only). */
export async function insertDemoResponses(
  q: Writer,
  municipalityId: string,
  waveId: string,
  responses: DemoResponse[],
  open: { areaId: string; questionId: string; text: string }[],
): Promise<void> {
  const responseRows = responses.map((r) => ({ id: randomUUID(), municipalityId, waveId, areaId: r.areaId, cell: r.cell }));
  const answerRows: (typeof surveyAnswers.$inferInsert)[] = [];
  responses.forEach((r, i) => {
    const base = { municipalityId, waveId, areaId: r.areaId, cell: r.cell, responseId: (responseRows[i] as { id: string }).id };
    for (const a of r.numbers) answerRows.push({ ...base, questionId: a.questionId, optionId: null, value: a.value });
    for (const c of r.choices) {
      answerRows.push({ ...base, questionId: c.questionId, optionId: null, value: null });
      for (const optionId of c.optionIds) answerRows.push({ ...base, questionId: c.questionId, optionId, value: null });
    }
  });
  await insertChunked(responseRows, 2000, (chunk) => q.insert(surveyResponses).values(chunk));
  await insertChunked(answerRows, 2000, (chunk) => q.insert(surveyAnswers).values(chunk));
  if (open.length > 0) await q.insert(surveyOpenAnswers).values(open.map((o) => ({ municipalityId, waveId, ...o })));
}

// ---- Aggregation ----------------------------------------------------------------------------------

/** Sufficient statistics per wave, area, question, weighting cell and option (null: the number / "answered" row). */
export interface AnswerSums {
  waveId: string;
  areaId: string;
  questionId: string;
  cell: string | null;
  optionId: string | null;
  n: number;
  sum: number;
  sumSquares: number;
  /** Answers of 4 or more (agree scale: agree or strongly agree). */
  high: number;
}

/** Answer sums of the given waves, aggregated in SQL (GROUP BY) so only O(groups) rows leave the database. */
export async function answerSums(q: Q, municipalityId: string, waveIds: string[]): Promise<AnswerSums[]> {
  if (waveIds.length === 0) return [];
  const result = await q.execute<{
    wave_id: string;
    area_id: string;
    question_id: string;
    cell: string | null;
    option_id: string | null;
    n: number;
    s1: number | null;
    s2: number | null;
    high: number;
  }>(sql`
    select wave_id, area_id, question_id, cell, option_id,
      count(*)::int as n, sum(value)::int8 as s1, sum(value::int * value::int)::int8 as s2,
      count(*) filter (where value >= 4)::int as high
    from survey_answers
    where municipality_id = ${municipalityId} and wave_id in (${sql.join(
      waveIds.map((id) => sql`${id}`),
      sql`, `,
    )})
    group by wave_id, area_id, question_id, cell, option_id`);
  return result.rows.map((r) => ({
    waveId: r.wave_id,
    areaId: r.area_id,
    questionId: r.question_id,
    cell: r.cell,
    optionId: r.option_id,
    n: Number(r.n),
    sum: Number(r.s1 ?? 0),
    sumSquares: Number(r.s2 ?? 0),
    high: Number(r.high),
  }));
}

/** A respondent's weight in one wave, area and weighting cell (null: cell unknown). */
export interface CellWeight {
  waveId: string;
  areaId: string;
  cell: string | null;
  weight: number;
}

/** Weighted sufficient statistics per wave, area, question and option (null: the number / "answered" row). */
export interface WeightedAnswerSums {
  waveId: string;
  areaId: string;
  questionId: string;
  optionId: string | null;
  n: number;
  sumW: number;
  sumW2: number;
  sumWX: number;
  sumWX2: number;
  /** Σw over answers of 4 or more (agree scale: agree or strongly agree). */
  sumWHigh: number;
}

/**
 * Weighted sums of the given waves: the cell weights are joined in and the database returns one
 * row per wave, area, question and option (GROUP BY), so only O(groups) rows leave it. Answers in a
 * cell without a weight count with weight 1.
 */
export async function weightedAnswerSums(q: Q, municipalityId: string, waveIds: string[], weights: CellWeight[]): Promise<WeightedAnswerSums[]> {
  if (waveIds.length === 0) return [];
  const array = (values: (string | number)[], type: string) =>
    sql`${`{${values.map((v) => (typeof v === 'number' ? String(v) : `"${v.replace(/(["\\])/g, '\\$1')}"`)).join(',')}}`}::${sql.raw(type)}[]`;
  const result = await q.execute<{
    wave_id: string;
    area_id: string;
    question_id: string;
    option_id: string | null;
    n: number;
    sw: number;
    sw2: number;
    swx: number | null;
    swx2: number | null;
    swh: number | null;
  }>(sql`
    with wt as (
      select * from unnest(${array(
        weights.map((w) => w.waveId),
        'uuid',
      )}, ${array(
        weights.map((w) => w.areaId),
        'uuid',
      )}, ${array(
        weights.map((w) => w.cell ?? ''),
        'text',
      )}, ${array(
        weights.map((w) => w.weight),
        'float8',
      )}) as t(wave_id, area_id, cell, w)
    )
    select a.wave_id, a.area_id, a.question_id, a.option_id, count(*)::int as n,
      sum(coalesce(wt.w, 1)) as sw, sum(coalesce(wt.w, 1) * coalesce(wt.w, 1)) as sw2,
      sum(coalesce(wt.w, 1) * a.value) as swx, sum(coalesce(wt.w, 1) * (a.value::int * a.value::int)) as swx2,
      sum(coalesce(wt.w, 1)) filter (where a.value >= 4) as swh
    from survey_answers a
    left join wt on wt.wave_id = a.wave_id and wt.area_id = a.area_id and wt.cell = coalesce(a.cell, '')
    where a.municipality_id = ${municipalityId} and a.wave_id in (${sql.join(
      waveIds.map((id) => sql`${id}`),
      sql`, `,
    )})
    group by a.wave_id, a.area_id, a.question_id, a.option_id`);
  return result.rows.map((r) => ({
    waveId: r.wave_id,
    areaId: r.area_id,
    questionId: r.question_id,
    optionId: r.option_id,
    n: Number(r.n),
    sumW: Number(r.sw),
    sumW2: Number(r.sw2),
    sumWX: Number(r.swx ?? 0),
    sumWX2: Number(r.swx2 ?? 0),
    sumWHigh: Number(r.swh ?? 0),
  }));
}

/** Respondents per wave, area and weighting cell. */
export async function respondentCells(
  q: Q,
  municipalityId: string,
  waveIds: string[],
): Promise<{ waveId: string; areaId: string; cell: string | null; n: number }[]> {
  if (waveIds.length === 0) return [];
  return q
    .select({ waveId: surveyResponses.waveId, areaId: surveyResponses.areaId, cell: surveyResponses.cell, n: sql<number>`count(*)::int` })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.municipalityId, municipalityId), inArray(surveyResponses.waveId, waveIds)))
    .groupBy(surveyResponses.waveId, surveyResponses.areaId, surveyResponses.cell);
}

// ---- Margins --------------------------------------------------------------------------------------

export interface MarginInput {
  areaId: string;
  ageGroup: string;
  sex: string;
  population: number;
}

export async function replaceMargins(q: Writer, municipalityId: string, waveId: string, rows: MarginInput[]): Promise<void> {
  await q.delete(surveyMargins).where(and(eq(surveyMargins.municipalityId, municipalityId), eq(surveyMargins.waveId, waveId)));
  await insertChunked(rows, 2000, (chunk) => q.insert(surveyMargins).values(chunk.map((r) => ({ municipalityId, waveId, ...r }))));
}

export async function listMargins(q: Q, municipalityId: string, waveIds: string[]): Promise<MarginRow[]> {
  if (waveIds.length === 0) return [];
  return q
    .select()
    .from(surveyMargins)
    .where(and(eq(surveyMargins.municipalityId, municipalityId), inArray(surveyMargins.waveId, waveIds)))
    .orderBy(asc(surveyMargins.areaId), asc(surveyMargins.ageGroup), asc(surveyMargins.sex));
}

// ---- Open answers ---------------------------------------------------------------------------------

export async function listOpenAnswers(q: Q, municipalityId: string, waveId: string, statuses: OpenAnswerStatus[], areaId?: string): Promise<OpenAnswerRow[]> {
  return q
    .select()
    .from(surveyOpenAnswers)
    .where(
      and(
        eq(surveyOpenAnswers.municipalityId, municipalityId),
        eq(surveyOpenAnswers.waveId, waveId),
        inArray(surveyOpenAnswers.status, statuses),
        areaId === undefined ? undefined : eq(surveyOpenAnswers.areaId, areaId),
      ),
    )
    .orderBy(asc(surveyOpenAnswers.questionId), asc(surveyOpenAnswers.id));
}

export async function findOpenAnswer(q: Q, municipalityId: string, id: string): Promise<OpenAnswerRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await q
    .select()
    .from(surveyOpenAnswers)
    .where(and(eq(surveyOpenAnswers.municipalityId, municipalityId), eq(surveyOpenAnswers.id, id)))
    .for('update');
  return row;
}

export async function updateOpenAnswer(
  q: Writer,
  municipalityId: string,
  id: string,
  values: Partial<typeof surveyOpenAnswers.$inferInsert>,
): Promise<OpenAnswerRow> {
  const [row] = await q
    .update(surveyOpenAnswers)
    .set(values)
    .where(and(eq(surveyOpenAnswers.municipalityId, municipalityId), eq(surveyOpenAnswers.id, id)))
    .returning();
  if (!row) throw new Error('update open answer failed');
  return row;
}
