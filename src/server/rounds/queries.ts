// SPDX-License-Identifier: EUPL-1.2
// The only place with SQL for budget rounds. Every query is scoped to one municipality.
import { and, asc, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { areas } from '../areas/schema.js';
import { isUuid } from '../areas/queries.js';
import { roundAreas, roundBallots, roundCodes, roundIdeas, roundPaperBallots, roundProjects, roundVoters, rounds } from './schema.js';

export type Q = Pick<Db, 'select' | 'selectDistinct' | 'execute'>;
export type Writer = Pick<Db, 'select' | 'selectDistinct' | 'insert' | 'update' | 'delete' | 'execute'>;

export type RoundRow = typeof rounds.$inferSelect;
export type RoundAreaRow = { areaId: string; areaName: string; areaCode: string; budgetCents: number; position: number };
export type IdeaRow = typeof roundIdeas.$inferSelect;
export type ProjectRow = typeof roundProjects.$inferSelect;
export type PaperBallotRow = typeof roundPaperBallots.$inferSelect;
export type BallotRow = Pick<typeof roundBallots.$inferSelect, 'areaId' | 'projects' | 'points' | 'ageGroup' | 'channel'>;

// ---- Rounds -------------------------------------------------------------------------------------

export async function findRound(q: Q, municipalityId: string, id: string): Promise<RoundRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await q
    .select()
    .from(rounds)
    .where(and(eq(rounds.municipalityId, municipalityId), eq(rounds.id, id)));
  return row;
}

export async function lockRound(q: Q, municipalityId: string, id: string): Promise<RoundRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await q
    .select()
    .from(rounds)
    .where(and(eq(rounds.municipalityId, municipalityId), eq(rounds.id, id)))
    .for('update');
  return row;
}

export async function listRounds(q: Q, municipalityId: string, publishedOnly: boolean): Promise<RoundRow[]> {
  return q
    .select()
    .from(rounds)
    .where(and(eq(rounds.municipalityId, municipalityId), publishedOnly ? isNotNull(rounds.publishedAt) : undefined))
    .orderBy(asc(rounds.votingFrom), asc(rounds.name));
}

export async function insertRound(q: Writer, values: typeof rounds.$inferInsert): Promise<RoundRow> {
  const [row] = await q.insert(rounds).values(values).returning();
  return row!;
}

export async function updateRoundRow(q: Writer, municipalityId: string, id: string, values: Partial<typeof rounds.$inferInsert>): Promise<void> {
  await q
    .update(rounds)
    .set(values)
    .where(and(eq(rounds.municipalityId, municipalityId), eq(rounds.id, id)));
}

export async function listRoundAreas(q: Q, municipalityId: string, roundIds: string[]): Promise<(RoundAreaRow & { roundId: string })[]> {
  if (roundIds.length === 0) return [];
  return q
    .select({
      roundId: roundAreas.roundId,
      areaId: roundAreas.areaId,
      areaName: areas.name,
      areaCode: areas.code,
      budgetCents: roundAreas.budgetCents,
      position: roundAreas.position,
    })
    .from(roundAreas)
    .innerJoin(areas, eq(areas.id, roundAreas.areaId))
    .where(and(eq(roundAreas.municipalityId, municipalityId), inArray(roundAreas.roundId, roundIds)))
    .orderBy(asc(roundAreas.position));
}

export async function replaceRoundAreas(q: Writer, municipalityId: string, roundId: string, list: { areaId: string; budgetCents: number }[]): Promise<void> {
  await q.delete(roundAreas).where(and(eq(roundAreas.municipalityId, municipalityId), eq(roundAreas.roundId, roundId)));
  if (list.length > 0) {
    await q.insert(roundAreas).values(list.map((a, position) => ({ municipalityId, roundId, areaId: a.areaId, budgetCents: a.budgetCents, position })));
  }
}

/** Ideas, projects and ballots per round (the public counts). */
export async function roundCounts(
  q: Q,
  municipalityId: string,
  roundIds: string[],
): Promise<Map<string, { ideas: number; projects: number; ballots: number; linked: number }>> {
  const out = new Map<string, { ideas: number; projects: number; ballots: number; linked: number }>();
  if (roundIds.length === 0) return out;
  for (const id of roundIds) out.set(id, { ideas: 0, projects: 0, ballots: 0, linked: 0 });
  const tally = async (table: typeof roundIdeas | typeof roundProjects | typeof roundBallots, key: 'ideas' | 'projects' | 'ballots') => {
    const rows = await q
      .select({ roundId: table.roundId, n: count() })
      .from(table)
      .where(and(eq(table.municipalityId, municipalityId), inArray(table.roundId, roundIds)))
      .groupBy(table.roundId);
    for (const r of rows) out.get(r.roundId)![key] = r.n;
  };
  await tally(roundIdeas, 'ideas');
  await tally(roundProjects, 'projects');
  await tally(roundBallots, 'ballots');
  const linked = await q
    .select({ roundId: roundProjects.roundId, n: count() })
    .from(roundProjects)
    .where(and(eq(roundProjects.municipalityId, municipalityId), inArray(roundProjects.roundId, roundIds), isNotNull(roundProjects.initiativeId)))
    .groupBy(roundProjects.roundId);
  for (const r of linked) out.get(r.roundId)!.linked = r.n;
  return out;
}

// ---- Ideas and projects -------------------------------------------------------------------------

export async function listIdeas(q: Q, municipalityId: string, roundId: string): Promise<IdeaRow[]> {
  return q
    .select()
    .from(roundIdeas)
    .where(and(eq(roundIdeas.municipalityId, municipalityId), eq(roundIdeas.roundId, roundId)))
    .orderBy(asc(roundIdeas.createdAt), asc(roundIdeas.title));
}

export async function lockIdea(q: Q, municipalityId: string, roundId: string, id: string): Promise<IdeaRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await q
    .select()
    .from(roundIdeas)
    .where(and(eq(roundIdeas.municipalityId, municipalityId), eq(roundIdeas.roundId, roundId), eq(roundIdeas.id, id)))
    .for('update');
  return row;
}

export async function insertIdea(q: Writer, values: typeof roundIdeas.$inferInsert): Promise<IdeaRow> {
  const [row] = await q.insert(roundIdeas).values(values).returning();
  return row!;
}

export async function updateIdeaRow(q: Writer, municipalityId: string, id: string, values: Partial<typeof roundIdeas.$inferInsert>): Promise<void> {
  await q
    .update(roundIdeas)
    .set(values)
    .where(and(eq(roundIdeas.municipalityId, municipalityId), eq(roundIdeas.id, id)));
}

/** Projects of a round (of one area when given), in ballot order. */
export async function listProjects(q: Q, municipalityId: string, roundId: string, areaId?: string): Promise<ProjectRow[]> {
  return q
    .select()
    .from(roundProjects)
    .where(and(eq(roundProjects.municipalityId, municipalityId), eq(roundProjects.roundId, roundId), areaId ? eq(roundProjects.areaId, areaId) : undefined))
    .orderBy(asc(roundProjects.position), asc(roundProjects.createdAt), asc(roundProjects.id));
}

export async function findProject(q: Q, municipalityId: string, roundId: string, id: string): Promise<ProjectRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await q
    .select()
    .from(roundProjects)
    .where(and(eq(roundProjects.municipalityId, municipalityId), eq(roundProjects.roundId, roundId), eq(roundProjects.id, id)));
  return row;
}

export async function insertProjects(q: Writer, values: (typeof roundProjects.$inferInsert)[]): Promise<ProjectRow[]> {
  if (values.length === 0) return [];
  return q.insert(roundProjects).values(values).returning();
}

export async function setProjectInitiative(q: Writer, municipalityId: string, id: string, initiativeId: string | null): Promise<void> {
  await q
    .update(roundProjects)
    .set({ initiativeId })
    .where(and(eq(roundProjects.municipalityId, municipalityId), eq(roundProjects.id, id)));
}

// ---- Codes and voters ---------------------------------------------------------------------------

export async function insertCodes(q: Writer, rows: (typeof roundCodes.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await q.insert(roundCodes).values(rows.slice(i, i + 1000));
}

export async function findCode(
  q: Q,
  municipalityId: string,
  roundId: string,
  codeHash: string,
): Promise<{ areaId: string; usedAt: string | null } | undefined> {
  const [row] = await q
    .select({ areaId: roundCodes.areaId, usedAt: roundCodes.usedAt })
    .from(roundCodes)
    .where(and(eq(roundCodes.municipalityId, municipalityId), eq(roundCodes.roundId, roundId), eq(roundCodes.codeHash, codeHash)));
  return row;
}

/**
 * The first ballot of a voter in one statement: marks the code used (or records the signed-in
 * voter) and inserts the ballot rows only if that mark was new. One round trip, atomic as any
 * single statement; of concurrent calls for one voter exactly one inserts. Returns false (and
 * writes nothing) when the voter had already voted, or the code is unknown or of another area.
 */
export async function castFirstBallot(
  q: Writer,
  voter: { kind: 'code'; codeHash: string; areaId: string } | { kind: 'person'; personId: string },
  round: { municipalityId: string; id: string },
  rows: (typeof roundBallots.$inferInsert)[],
  at: string,
): Promise<boolean> {
  const mark =
    voter.kind === 'code'
      ? sql`update ${roundCodes} set used_at = ${at}
          where municipality_id = ${round.municipalityId} and round_id = ${round.id} and code_hash = ${voter.codeHash}
            and area_id = ${voter.areaId} and used_at is null
          returning 1`
      : sql`insert into ${roundVoters} (round_id, person_id, municipality_id, voted_at)
          values (${round.id}, ${voter.personId}, ${round.municipalityId}, ${at})
          on conflict do nothing returning 1`;
  const values = sql.join(
    rows.map(
      (r) =>
        sql`(${r.municipalityId}::uuid, ${r.roundId}::uuid, ${r.areaId}::uuid, ${JSON.stringify(r.projects)}::jsonb, ${r.points === null || r.points === undefined ? null : JSON.stringify(r.points)}::jsonb, ${r.ageGroup ?? null}::text, ${r.channel}::text, ${r.receiptHash}::text)`,
    ),
    sql`, `,
  );
  const result = await q.execute(sql`
    with mark as (${mark})
    insert into ${roundBallots} (municipality_id, round_id, area_id, projects, points, age_group, channel, receipt_hash)
    select v.* from mark, (values ${values}) as v(municipality_id, round_id, area_id, projects, points, age_group, channel, receipt_hash)
    returning 1`);
  return result.rows.length > 0;
}

/** One code voter's first ballot, waiting to be written with others (group commit). */
export interface CodeBallot {
  municipalityId: string;
  roundId: string;
  codeHash: string;
  areaId: string;
  rows: (typeof roundBallots.$inferInsert)[];
}

/**
 * {@link castFirstBallot} for many code voters in one statement: each code is marked used by the
 * same conditional UPDATE (a code row is updated once even when two entries name it, so exactly
 * one of them wins) and only the winners' ballot rows are inserted. Returns the indexes (into
 * `ballots`) that were stored; the others wrote nothing.
 */
export async function castFirstCodeBallots(q: Writer, ballots: readonly CodeBallot[], at: string): Promise<Set<number>> {
  if (ballots.length === 0) return new Set();
  const input = sql.join(
    ballots.map((b, i) => sql`(${i}::int, ${b.municipalityId}::uuid, ${b.roundId}::uuid, ${b.codeHash}::text, ${b.areaId}::uuid)`),
    sql`, `,
  );
  const rows = sql.join(
    ballots.flatMap((b, i) =>
      b.rows.map(
        (r) =>
          sql`(${i}::int, ${r.municipalityId}::uuid, ${r.roundId}::uuid, ${r.areaId}::uuid, ${JSON.stringify(r.projects)}::jsonb, ${r.points === null || r.points === undefined ? null : JSON.stringify(r.points)}::jsonb, ${r.ageGroup ?? null}::text, ${r.channel}::text, ${r.receiptHash}::text)`,
      ),
    ),
    sql`, `,
  );
  const result = await q.execute<{ idx: number }>(sql`
    with input(idx, municipality_id, round_id, code_hash, area_id) as (values ${input}),
    mark as (
      update ${roundCodes} c set used_at = ${at}
      from input i
      where c.municipality_id = i.municipality_id and c.round_id = i.round_id and c.code_hash = i.code_hash
        and c.area_id = i.area_id and c.used_at is null
      returning i.idx
    ),
    ballot(idx, municipality_id, round_id, area_id, projects, points, age_group, channel, receipt_hash) as (values ${rows}),
    stored as (
      insert into ${roundBallots} (municipality_id, round_id, area_id, projects, points, age_group, channel, receipt_hash)
      select b.municipality_id, b.round_id, b.area_id, b.projects, b.points, b.age_group, b.channel, b.receipt_hash
      from ballot b join mark m on m.idx = b.idx
      returning 1
    )
    select idx from mark`);
  return new Set(result.rows.map((r) => Number(r.idx)));
}

export async function hasVoted(q: Q, municipalityId: string, roundId: string, personId: string): Promise<boolean> {
  const [row] = await q
    .select({ personId: roundVoters.personId })
    .from(roundVoters)
    .where(and(eq(roundVoters.municipalityId, municipalityId), eq(roundVoters.roundId, roundId), eq(roundVoters.personId, personId)));
  return row !== undefined;
}

/** Codes issued per area (the eligible voters when a round votes with codes). */
export async function codesPerArea(q: Q, municipalityId: string, roundId: string): Promise<Map<string, number>> {
  const rows = await q
    .select({ areaId: roundCodes.areaId, n: count() })
    .from(roundCodes)
    .where(and(eq(roundCodes.municipalityId, municipalityId), eq(roundCodes.roundId, roundId)))
    .groupBy(roundCodes.areaId);
  return new Map(rows.map((r) => [r.areaId, r.n]));
}

// ---- Ballots ------------------------------------------------------------------------------------

export async function insertBallots(q: Writer, rows: (typeof roundBallots.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await q.insert(roundBallots).values(rows.slice(i, i + 1000));
}

/** Removes the ballots with this receipt (a changed vote); returns their areas. */
export async function deleteBallotsByReceipt(q: Writer, municipalityId: string, roundId: string, receiptHashes: string[]): Promise<string[]> {
  if (receiptHashes.length === 0) return [];
  const rows = await q
    .delete(roundBallots)
    .where(and(eq(roundBallots.municipalityId, municipalityId), eq(roundBallots.roundId, roundId), inArray(roundBallots.receiptHash, receiptHashes)))
    .returning({ areaId: roundBallots.areaId });
  return rows.map((r) => r.areaId);
}

export async function receiptCounted(q: Q, municipalityId: string, roundId: string, receiptHashes: string[]): Promise<string[]> {
  if (receiptHashes.length === 0) return [];
  const rows = await q
    .select({ areaId: roundBallots.areaId })
    .from(roundBallots)
    .where(and(eq(roundBallots.municipalityId, municipalityId), eq(roundBallots.roundId, roundId), inArray(roundBallots.receiptHash, receiptHashes)));
  return rows.map((r) => r.areaId);
}

/**
 * The ballots of a round in a random order (so the order of a result or an export says nothing
 * about the order in which they were cast).
 */
export async function listBallots(q: Q, municipalityId: string, roundId: string, areaId?: string): Promise<BallotRow[]> {
  return q
    .select({
      areaId: roundBallots.areaId,
      projects: roundBallots.projects,
      points: roundBallots.points,
      ageGroup: roundBallots.ageGroup,
      channel: roundBallots.channel,
    })
    .from(roundBallots)
    .where(and(eq(roundBallots.municipalityId, municipalityId), eq(roundBallots.roundId, roundId), areaId ? eq(roundBallots.areaId, areaId) : undefined))
    .orderBy(sql`random()`);
}

// ---- Paper ballots ------------------------------------------------------------------------------

export async function insertPaperBallot(q: Writer, values: typeof roundPaperBallots.$inferInsert): Promise<PaperBallotRow> {
  const [row] = await q.insert(roundPaperBallots).values(values).returning();
  return row!;
}

export async function lockPaperBallot(q: Q, municipalityId: string, roundId: string, id: string): Promise<PaperBallotRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await q
    .select()
    .from(roundPaperBallots)
    .where(and(eq(roundPaperBallots.municipalityId, municipalityId), eq(roundPaperBallots.roundId, roundId), eq(roundPaperBallots.id, id)))
    .for('update');
  return row;
}

export async function listPaperBallots(q: Q, municipalityId: string, roundId: string): Promise<PaperBallotRow[]> {
  return q
    .select()
    .from(roundPaperBallots)
    .where(and(eq(roundPaperBallots.municipalityId, municipalityId), eq(roundPaperBallots.roundId, roundId)))
    .orderBy(asc(roundPaperBallots.createdAt));
}

export async function confirmPaperBallotRow(q: Writer, municipalityId: string, id: string, confirmedById: string, at: string): Promise<void> {
  await q
    .update(roundPaperBallots)
    .set({ confirmed: true, confirmedById, confirmedAt: at })
    .where(and(eq(roundPaperBallots.municipalityId, municipalityId), eq(roundPaperBallots.id, id)));
}
