// SPDX-License-Identifier: EUPL-1.2
// Neighbourhood budget rounds (issue 4): staff manage rounds, check ideas, make voting codes,
// enter paper ballots and see results; residents read published rounds without signing in, submit
// ideas (signed in by email link) and vote with a code or signed in. Contract: docs in
// /work/notes/rounds-api.md, decisions in ADR 0015.
// Route order: authenticate (hook) → validate (schema) → transaction → load → authorize → command → present.
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../http/app-type.js';
import { requireActor, requireStaff } from '../http/authorize.js';
import { auditContext } from '../http/context.js';
import { loadMunicipality, type Municipality } from '../municipalities/queries.js';
import { canSee } from '../../core/access/policy.js';
import { anonymiseVoters, writePb } from '../../core/voting/pabulib.js';
import { normaliseVotingCode } from '../../core/voting/codes.js';
import { areaLineage } from '../areas/queries.js';
import { AppError, invalid, notFound } from '../errors.js';
import { businessDate } from '../budgets/time.js';
import { toCsv } from '../budgets/exports.js';
import { ballotTypes, roundRules } from './schema.js';
import {
  codesPerArea,
  findCode,
  findRound,
  listBallots,
  listIdeas,
  listPaperBallots,
  listProjects,
  listRoundAreas,
  listRounds,
  receiptCounted,
  roundCounts,
  type Q,
  type RoundAreaRow,
  type RoundRow,
} from './queries.js';
import {
  authorizeManage,
  codeHash,
  mayManage,
  receiptHash,
  requireRoundArea,
  roundNotFound,
  roundStatus,
  votingProblem,
  type RoundContext,
} from './commands/common.js';
import { createRound, type RoundInput } from './commands/create-round.js';
import { publishRound, updateRound } from './commands/update-round.js';
import { submitIdea } from './commands/submit-idea.js';
import { checkIdea } from './commands/check-idea.js';
import { addProject, linkProject } from './commands/add-project.js';
import { generateCodes, MAX_CODES_PER_REQUEST } from './commands/generate-codes.js';
import { castBallot, codeUnknown, type VotingSnapshot } from './commands/cast-ballot.js';
import { BallotBatcher } from './ballot-batcher.js';
import { confirmPaperBallot, enterPaperBallot } from './commands/paper-ballots.js';
import { importPbRound } from './commands/import-pb-round.js';
import { areaFile, computeResults } from './results.js';
import { presentIdea, presentPaperBallot, presentProject, presentRound } from './present.js';

const Code = Type.String({ pattern: '^GM[0-9]{4}$', description: 'CBS gemeentecode, e.g. GM0983' });
const Id = Type.String({ minLength: 1, maxLength: 100 });
const IsoDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' });
const Cents = Type.Integer({ minimum: 0, maximum: 1_000_000_000_000, description: 'integer cents' });
const Count = Type.Integer({ minimum: 0, maximum: 1000 });
/** Null first: with type coercion on, a null must not be coerced into the other branch ("" or 0). */
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([Type.Null(), t]);
const RoundParams = Type.Object({ code: Code, roundId: Id });

const Phases = Type.Object(
  { ideasFrom: IsoDate, ideasTo: IsoDate, checkTo: IsoDate, votingFrom: IsoDate, votingTo: IsoDate, resultsFrom: IsoDate },
  { additionalProperties: false },
);
const Ballot = Type.Object(
  {
    type: Type.Enum([...ballotTypes]),
    minProjects: Type.Optional(Count),
    maxProjects: Type.Optional(Count),
    minSpendPercent: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    totalPoints: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    maxPointsPerProject: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    minLength: Type.Optional(Count),
    maxLength: Type.Optional(Count),
  },
  { additionalProperties: false },
);
const Voting = Type.Object(
  {
    codes: Type.Boolean(),
    signIn: Type.Boolean(),
    minAge: Type.Optional(Type.Integer({ minimum: 0, maximum: 130 })),
    maxAge: Type.Optional(Type.Integer({ minimum: 0, maximum: 130 })),
    scope: Type.Enum(['own-area', 'own-area-plus']),
    extraAreas: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    changeable: Type.Boolean(),
  },
  { additionalProperties: false },
);
const AreaBudget = Type.Object({ areaId: Id, budgetCents: Cents }, { additionalProperties: false });
const roundFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.Optional(Type.String({ maxLength: 10_000 })),
  areas: Type.Array(AreaBudget, { minItems: 1, maxItems: 100 }),
  phases: Phases,
  ballot: Ballot,
  rule: Type.Enum([...roundRules]),
  threshold: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
  voting: Voting,
};
const Choices = {
  areaId: Id,
  projects: Type.Array(Id, { maxItems: 500 }),
  points: Type.Optional(Type.Array(Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 }), { maxItems: 500 })),
  birthYear: Type.Optional(Type.Integer({ minimum: 1850, maximum: 2200 })),
};

const tooManyAttempts = () =>
  new AppError('too_many_attempts', 429, {
    nl: 'Te veel pogingen vanaf dit adres. Wacht tien minuten en probeer het dan opnieuw.',
    en: 'Too many attempts from this address. Wait ten minutes and try again.',
  });

/** Unknown codes per IP in a sliding ten minutes: after `max` of them every code request gets 429. */
class GuessGuard {
  readonly #failures = new Map<string, number[]>();
  constructor(
    readonly max: number,
    readonly windowMs = 10 * 60_000,
  ) {}
  check(ip: string): void {
    const list = this.#recent(ip);
    if (list.length >= this.max) throw tooManyAttempts();
  }
  fail(ip: string): void {
    const list = this.#recent(ip);
    list.push(Date.now());
    this.#failures.set(ip, list);
    if (this.#failures.size > 100_000) this.#failures.clear(); // a flood of addresses: forget rather than grow
  }
  #recent(ip: string): number[] {
    const since = Date.now() - this.windowMs;
    const list = (this.#failures.get(ip) ?? []).filter((t) => t > since);
    if (list.length === 0) this.#failures.delete(ip);
    return list;
  }
}

function contextOf(request: FastifyRequest, municipality: Municipality): RoundContext {
  const actor = requireActor(request, municipality.id);
  return { municipality, actor, audit: { municipalityId: municipality.id, ...auditContext(request) } };
}

export function roundRoutes(app: App): void {
  // Ballots cast with a code go to the database together with those arriving at the same moment.
  const ballots = new BallotBatcher(app.services.db);
  const db = app.services.db;
  const perMinute = app.services.config.loginRateLimitPerMinute * 6;
  const guard = new GuessGuard(app.services.config.loginRateLimitPerMinute);
  const codeRateLimit = { rateLimit: { max: perMinute, timeWindow: '1 minute', errorResponseBuilder: tooManyAttempts } };

  /** A round and what the caller may do with it. */
  async function roundView(q: Q, request: FastifyRequest, municipality: Municipality, round: RoundRow, areas?: RoundAreaRow[]) {
    const list = areas ?? (await listRoundAreas(q, municipality.id, [round.id]));
    const counts = (await roundCounts(q, municipality.id, [round.id])).get(round.id)!;
    const today = businessDate();
    const status = roundStatus(round, today, counts.linked);
    const actor = request.actor && request.actor.municipalityId === municipality.id ? request.actor : null;
    return presentRound(
      round,
      list,
      counts,
      {
        manage: await mayManage(
          q,
          actor,
          municipality.id,
          list.map((a) => a.areaId),
        ),
        vote: status === 'voting' && (round.voting.codes || (round.voting.signIn && actor !== null)),
        submitIdea: status === 'ideas' && today >= round.ideasFrom && actor !== null,
      },
      today,
    );
  }

  /** A published round (404 otherwise). */
  async function publicRound(municipality: Municipality, roundId: string): Promise<RoundRow> {
    const round = await findRound(db, municipality.id, roundId);
    if (!round || round.publishedAt === null) throw roundNotFound();
    return round;
  }

  /** A round for staff: published, or a draft on an area the caller sees. */
  async function staffRound(request: FastifyRequest, municipality: Municipality, roundId: string) {
    const actor = requireActor(request, municipality.id);
    requireStaff(actor);
    const round = await findRound(db, municipality.id, roundId);
    if (!round) throw roundNotFound();
    const areas = await listRoundAreas(db, municipality.id, [round.id]);
    if (round.publishedAt === null) {
      let visible = false;
      for (const a of areas) if (canSee(actor, await areaLineage(db, municipality.id, a.areaId))) visible = true;
      if (!visible) throw roundNotFound();
    }
    return { round, areas, actor };
  }

  /** A round the caller manages (round.manage on every area). */
  async function managedRound(request: FastifyRequest, municipality: Municipality, roundId: string) {
    const found = await staffRound(request, municipality, roundId);
    await authorizeManage(
      db,
      found.actor,
      municipality.id,
      found.areas.map((a) => a.areaId),
    );
    return found;
  }

  // Municipalities by code for the voting routes (a few seconds: a vote does not depend on settings).
  const municipalityCache = new Map<string, { at: number; municipality: Municipality }>();
  async function votingMunicipality(code: string): Promise<Municipality> {
    const hit = municipalityCache.get(code);
    if (hit && Date.now() - hit.at < 5_000) return hit.municipality;
    const municipality = await loadMunicipality(db, code);
    municipalityCache.set(code, { at: Date.now(), municipality });
    return municipality;
  }

  // Voting snapshot cache: while voting is open, a published round's settings, areas and projects
  // cannot change (the ballot is frozen from votingFrom), so a few seconds of caching is safe.
  const snapshots = new Map<string, { at: number; snapshot: VotingSnapshot }>();
  async function votingSnapshot(municipality: Municipality, roundId: string): Promise<VotingSnapshot> {
    const key = `${municipality.id}/${roundId}`;
    const hit = snapshots.get(key);
    const today = businessDate();
    if (hit && Date.now() - hit.at < 5_000 && votingProblem(hit.snapshot.round, today) === null) return hit.snapshot;
    const round = await publicRound(municipality, roundId);
    const problem = votingProblem(round, today);
    if (problem) throw problem;
    const snapshot = { round, areas: await listRoundAreas(db, municipality.id, [round.id]), projects: await listProjects(db, municipality.id, round.id) };
    if (snapshots.size > 1000) snapshots.clear();
    snapshots.set(key, { at: Date.now(), snapshot });
    return snapshot;
  }

  // ---- Rounds (staff) ---------------------------------------------------------------------------

  app.get(
    '/api/municipalities/:code/rounds',
    {
      schema: {
        tags: ['rounds'],
        summary: 'Rounds visible to the caller: every published round, and drafts on areas the caller sees',
        params: Type.Object({ code: Code }),
      },
    },
    async (request) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const actor = requireActor(request, municipality.id);
      requireStaff(actor);
      const out = [];
      for (const round of await listRounds(db, municipality.id, false)) {
        const areas = await listRoundAreas(db, municipality.id, [round.id]);
        if (round.publishedAt === null) {
          let visible = false;
          for (const a of areas) if (canSee(actor, await areaLineage(db, municipality.id, a.areaId))) visible = true;
          if (!visible) continue;
        }
        out.push(await roundView(db, request, municipality, round, areas));
      }
      return out;
    },
  );

  app.post(
    '/api/municipalities/:code/rounds',
    {
      schema: {
        tags: ['rounds'],
        summary: 'Create a round (draft); needs round.manage on every area of it',
        params: Type.Object({ code: Code }),
        body: Type.Object(roundFields, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const ctx = contextOf(request, municipality);
      const round = await db.transaction((tx) => createRound(tx, ctx, request.body));
      return reply.status(201).send(await roundView(db, request, municipality, round));
    },
  );

  app.get(
    '/api/municipalities/:code/rounds/:roundId',
    { schema: { tags: ['rounds'], summary: 'One round (staff; drafts too)', params: RoundParams } },
    async (request) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const { round, areas } = await staffRound(request, municipality, request.params.roundId);
      return roundView(db, request, municipality, round, areas);
    },
  );

  app.patch(
    '/api/municipalities/:code/rounds/:roundId',
    {
      schema: {
        tags: ['rounds'],
        summary: 'Change a draft round',
        params: RoundParams,
        body: Type.Partial(Type.Object(roundFields, { additionalProperties: false })),
      },
    },
    async (request) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const ctx = contextOf(request, municipality);
      await db.transaction((tx) => updateRound(tx, ctx, request.params.roundId, request.body as Partial<RoundInput>));
      return roundView(db, request, municipality, (await findRound(db, municipality.id, request.params.roundId))!);
    },
  );

  app.post(
    '/api/municipalities/:code/rounds/:roundId/publish',
    { schema: { tags: ['rounds'], summary: 'Publish a draft round: it becomes public and its phases run by their dates', params: RoundParams } },
    async (request) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const ctx = contextOf(request, municipality);
      await db.transaction((tx) => publishRound(tx, ctx, request.params.roundId));
      return roundView(db, request, municipality, (await findRound(db, municipality.id, request.params.roundId))!);
    },
  );

  // ---- Ideas and projects -----------------------------------------------------------------------

  app.get(
    '/api/municipalities/:code/rounds/:roundId/ideas',
    { schema: { tags: ['rounds'], summary: 'All ideas of a round with who checked them (round.manage)', params: RoundParams } },
    async (request) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const { round, areas } = await managedRound(request, municipality, request.params.roundId);
      const names = new Map(areas.map((a) => [a.areaId, a.areaName]));
      return (await listIdeas(db, municipality.id, round.id)).map((i) => presentIdea(i, names.get(i.areaId) ?? '', true));
    },
  );

  app.post(
    '/api/municipalities/:code/rounds/:roundId/ideas/:ideaId/check',
    {
      schema: {
        tags: ['rounds'],
        summary: 'Check an idea: feasible (becomes a project on the ballot, with its checked cost) or rejected (reason required, published)',
        params: Type.Object({ code: Code, roundId: Id, ideaId: Id }),
        body: Type.Object(
          { feasible: Type.Boolean(), costCents: Type.Optional(Nullable(Cents)), reason: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const ctx = contextOf(request, municipality);
      const project = await db.transaction((tx) => checkIdea(tx, ctx, request.params.roundId, request.params.ideaId, request.body));
      const ideas = await listIdeas(db, municipality.id, request.params.roundId);
      const idea = ideas.find((i) => i.id === request.params.ideaId)!;
      const areas = await listRoundAreas(db, municipality.id, [request.params.roundId]);
      return { idea: presentIdea(idea, areas.find((a) => a.areaId === idea.areaId)?.areaName ?? '', true), project: project ? presentProject(project) : null };
    },
  );

  app.get(
    '/api/municipalities/:code/rounds/:roundId/projects',
    {
      schema: {
        tags: ['rounds'],
        summary: 'Projects of a round (staff; drafts too)',
        params: RoundParams,
        querystring: Type.Object({ areaId: Type.Optional(Id) }),
      },
    },
    async (request) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const { round } = await staffRound(request, municipality, request.params.roundId);
      return (await listProjects(db, municipality.id, round.id, request.query.areaId)).map(presentProject);
    },
  );

  app.post(
    '/api/municipalities/:code/rounds/:roundId/projects',
    {
      schema: {
        tags: ['rounds'],
        summary: 'Put a project on the ballot directly (before voting starts)',
        params: RoundParams,
        body: Type.Object(
          {
            areaId: Id,
            title: Type.String({ minLength: 1, maxLength: 200 }),
            description: Type.Optional(Type.String({ maxLength: 10_000 })),
            costCents: Cents,
            initiativeId: Type.Optional(Nullable(Id)),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const ctx = contextOf(request, municipality);
      const project = await db.transaction((tx) => addProject(tx, ctx, request.params.roundId, request.body));
      return reply.status(201).send(presentProject(project));
    },
  );

  app.patch(
    '/api/municipalities/:code/rounds/:roundId/projects/:projectId',
    {
      schema: {
        tags: ['rounds'],
        summary: 'Link a project to the initiative that carries it out (or unlink with null)',
        params: Type.Object({ code: Code, roundId: Id, projectId: Id }),
        body: Type.Object({ initiativeId: Nullable(Id) }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const ctx = contextOf(request, municipality);
      await db.transaction((tx) => linkProject(tx, ctx, request.params.roundId, request.params.projectId, request.body.initiativeId));
      return presentProject((await listProjects(db, municipality.id, request.params.roundId)).find((p) => p.id === request.params.projectId)!);
    },
  );

  // ---- Codes and paper ballots (staff) ----------------------------------------------------------

  app.post(
    '/api/municipalities/:code/rounds/:roundId/codes',
    {
      schema: {
        tags: ['rounds'],
        summary: 'Make voting codes for an area: a CSV (;-separated, BOM, columns code;gebied;ronde) for a mail merge. The codes are shown only this once.',
        params: RoundParams,
        body: Type.Object({ areaId: Id, count: Type.Integer({ minimum: 1, maximum: MAX_CODES_PER_REQUEST }) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const ctx = contextOf(request, municipality);
      const made = await db.transaction((tx) => generateCodes(tx, ctx, request.params.roundId, request.body));
      return reply
        .status(201)
        .header('cache-control', 'no-store')
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="stemcodes-${made.areaName.replace(/[^\w-]+/g, '-').toLowerCase()}.csv"`)
        .send(toCsv({ header: ['code', 'gebied', 'ronde'], rows: made.codes.map((c) => [c, made.areaName, made.roundName]) }));
    },
  );

  app.get(
    '/api/municipalities/:code/rounds/:roundId/paper-ballots',
    {
      schema: {
        tags: ['rounds'],
        summary: 'Paper ballots (unconfirmed ones without their choices: the second person re-enters them blind)',
        params: RoundParams,
      },
    },
    async (request) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const { round } = await managedRound(request, municipality, request.params.roundId);
      return (await listPaperBallots(db, municipality.id, round.id)).map((p) => presentPaperBallot(p));
    },
  );

  app.post(
    '/api/municipalities/:code/rounds/:roundId/paper-ballots',
    {
      schema: {
        tags: ['rounds'],
        summary: 'Enter a paper ballot (counts after a second staff member confirms it)',
        params: RoundParams,
        body: Type.Object(Choices, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const ctx = contextOf(request, municipality);
      const row = await db.transaction((tx) => enterPaperBallot(tx, ctx, request.params.roundId, request.body));
      return reply.status(201).send({ ...presentPaperBallot(row, true), enteredBy: ctx.actor.name });
    },
  );

  app.post(
    '/api/municipalities/:code/rounds/:roundId/paper-ballots/:paperId/confirm',
    {
      schema: {
        tags: ['rounds'],
        summary: 'Confirm a paper ballot by re-entering its choices (a different staff member); a mismatch is 409 paper_ballot_mismatch',
        params: Type.Object({ code: Code, roundId: Id, paperId: Id }),
        body: Type.Object({ projects: Choices.projects, points: Choices.points }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const ctx = contextOf(request, municipality);
      const row = await db.transaction((tx) => confirmPaperBallot(tx, ctx, request.params.roundId, request.params.paperId, request.body));
      return presentPaperBallot(row, true);
    },
  );

  // ---- Results, export and import ---------------------------------------------------------------

  async function results(municipality: Municipality, round: RoundRow, areas: RoundAreaRow[]) {
    const projects = await listProjects(db, municipality.id, round.id);
    const ballots = await listBallots(db, municipality.id, round.id);
    // Turnout against codes issued only when codes are the only way to vote.
    const codes = round.voting.codes && !round.voting.signIn ? await codesPerArea(db, municipality.id, round.id) : new Map<string, number>();
    return computeResults(round, areas, projects, ballots, codes);
  }

  app.get(
    '/api/municipalities/:code/rounds/:roundId/results',
    { schema: { tags: ['rounds'], summary: 'Results per area (staff: also before they are published)', params: RoundParams } },
    async (request) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const { round, areas } = await managedRound(request, municipality, request.params.roundId);
      return results(municipality, round, areas);
    },
  );

  app.get(
    '/api/municipalities/:code/rounds/:roundId/export.pb',
    {
      schema: {
        tags: ['rounds'],
        summary: 'pabulib export of one area: voter ids random, ballots shuffled; nothing links a ballot to a code or a person',
        params: RoundParams,
        querystring: Type.Object({ areaId: Id }),
      },
    },
    async (request, reply) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const { round, areas } = await managedRound(request, municipality, request.params.roundId);
      const area = requireRoundArea(areas, request.query.areaId);
      const file = areaFile(
        round,
        area,
        await listProjects(db, municipality.id, round.id, area.areaId),
        await listBallots(db, municipality.id, round.id, area.areaId),
      );
      const name = `${round.name}-${area.areaName}`.replace(/[^\w-]+/g, '-').toLowerCase();
      return reply
        .type('text/plain; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.pb"`)
        .send(writePb(anonymiseVoters(file)));
    },
  );

  app.post(
    '/api/municipalities/:code/rounds/import-pb',
    {
      schema: {
        tags: ['rounds'],
        summary:
          'Import a pabulib .pb file as a closed round of one area, results published; all-or-nothing, line-numbered errors. Body: the file as text/plain, or multipart/form-data with the field "file".',
        consumes: ['text/plain', 'multipart/form-data'],
        params: Type.Object({ code: Code }),
        querystring: Type.Object({ areaId: Id, name: Type.Optional(Type.String({ maxLength: 200 })) }),
      },
    },
    async (request, reply) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const ctx = contextOf(request, municipality);
      let text: unknown = request.body;
      if (request.isMultipart()) {
        const part = await request.file();
        text = part && part.fieldname === 'file' ? (await part.toBuffer()).toString('utf8') : undefined;
      }
      if (typeof text !== 'string' || text.trim() === '') {
        throw invalid('pb_missing', {
          nl: 'Stuur het .pb-bestand mee (als tekst of als bestand in het veld "file").',
          en: 'Send the .pb file (as text or as a file in the field "file").',
        });
      }
      const body = text;
      const round = await db.transaction((tx) => importPbRound(tx, ctx, { areaId: request.query.areaId, name: request.query.name, text: body }));
      return reply.status(201).send(await roundView(db, request, municipality, round));
    },
  );

  // ---- Public -----------------------------------------------------------------------------------

  app.get(
    '/api/municipalities/:code/public/rounds',
    { schema: { tags: ['rounds'], summary: 'Published rounds (no sign-in needed)', security: [], params: Type.Object({ code: Code }) } },
    async (request) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const out = [];
      for (const round of await listRounds(db, municipality.id, true)) out.push(await roundView(db, request, municipality, round));
      return out;
    },
  );

  app.get(
    '/api/municipalities/:code/public/rounds/:roundId',
    { schema: { tags: ['rounds'], summary: 'A published round', security: [], params: RoundParams } },
    async (request) => {
      const municipality = await loadMunicipality(db, request.params.code);
      return roundView(db, request, municipality, await publicRound(municipality, request.params.roundId));
    },
  );

  app.get(
    '/api/municipalities/:code/public/rounds/:roundId/ideas',
    {
      schema: {
        tags: ['rounds'],
        summary: 'Ideas of a published round, with the check and the reason when rejected (no personal data)',
        security: [],
        params: RoundParams,
      },
    },
    async (request) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const round = await publicRound(municipality, request.params.roundId);
      const names = new Map((await listRoundAreas(db, municipality.id, [round.id])).map((a) => [a.areaId, a.areaName]));
      return (await listIdeas(db, municipality.id, round.id)).map((i) => presentIdea(i, names.get(i.areaId) ?? '', false));
    },
  );

  app.post(
    '/api/municipalities/:code/public/rounds/:roundId/ideas',
    {
      schema: {
        tags: ['rounds'],
        summary: 'Submit an idea during the ideas phase (signed-in resident, e.g. by email link)',
        params: RoundParams,
        body: Type.Object(
          {
            areaId: Id,
            title: Type.String({ minLength: 1, maxLength: 200 }),
            description: Type.String({ minLength: 1, maxLength: 10_000 }),
            location: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
            estimatedCostCents: Type.Optional(Nullable(Cents)),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const ctx = contextOf(request, municipality);
      const idea = await db.transaction((tx) => submitIdea(tx, ctx, request.params.roundId, request.body));
      const areas = await listRoundAreas(db, municipality.id, [idea.roundId]);
      return reply.status(201).send(presentIdea(idea, areas.find((a) => a.areaId === idea.areaId)?.areaName ?? '', false));
    },
  );

  app.get(
    '/api/municipalities/:code/public/rounds/:roundId/projects',
    {
      schema: {
        tags: ['rounds'],
        summary: 'The projects on the ballot (of one area when areaId is given)',
        security: [],
        params: RoundParams,
        querystring: Type.Object({ areaId: Type.Optional(Id) }),
      },
    },
    async (request) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const round = await publicRound(municipality, request.params.roundId);
      return (await listProjects(db, municipality.id, round.id, request.query.areaId)).map(presentProject);
    },
  );

  app.post(
    '/api/municipalities/:code/public/rounds/:roundId/code-check',
    {
      config: codeRateLimit,
      schema: {
        tags: ['rounds'],
        summary: 'Check a voting code before showing the ballot: its area, the projects, and whether it was used. Rate-limited per IP.',
        security: [],
        params: RoundParams,
        body: Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false }),
      },
    },
    async (request) => {
      guard.check(request.ip);
      const municipality = await votingMunicipality(request.params.code);
      const { round, areas, projects } = await votingSnapshot(municipality, request.params.roundId);
      const normalised = normaliseVotingCode(request.body.code);
      const row =
        normalised === null || !round.voting.codes ? undefined : await findCode(db, municipality.id, round.id, codeHash(round.codeSecret, normalised));
      if (!row) {
        guard.fail(request.ip);
        throw codeUnknown();
      }
      const area = requireRoundArea(areas, row.areaId);
      const visible = round.voting.scope === 'own-area-plus' ? projects : projects.filter((p) => p.areaId === area.areaId);
      return { areaId: area.areaId, areaName: area.areaName, projects: visible.map(presentProject), alreadyVoted: row.usedAt !== null };
    },
  );

  app.post(
    '/api/municipalities/:code/public/rounds/:roundId/ballots',
    {
      config: codeRateLimit,
      schema: {
        tags: ['rounds'],
        summary:
          'Cast a ballot with a voting code (or signed in, with CSRF). Answers a random receipt that is linked to nothing. With `receipt` a voter changes the ballot when the round allows it.',
        security: [],
        params: RoundParams,
        body: Type.Object(
          {
            code: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
            receipt: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
            ...Choices,
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      if (request.body.code !== undefined) guard.check(request.ip);
      const municipality = await votingMunicipality(request.params.code);
      const snapshot = await votingSnapshot(municipality, request.params.roundId);
      const actor = request.actor && request.actor.municipalityId === municipality.id ? request.actor : null;
      const result = await castBallot(db, snapshot, actor, request.body, () => guard.fail(request.ip), ballots);
      reply.header('cache-control', 'no-store');
      return reply.status(result.replaced ? 200 : 201).send({ receipt: result.receipt, areas: result.areas, replaced: result.replaced });
    },
  );

  app.get(
    '/api/municipalities/:code/public/rounds/:roundId/receipts/:receipt',
    {
      schema: {
        tags: ['rounds'],
        summary: 'Is the ballot with this receipt in the count?',
        security: [],
        params: Type.Object({ code: Code, roundId: Id, receipt: Type.String({ maxLength: 64 }) }),
      },
    },
    async (request) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const round = await publicRound(municipality, request.params.roundId);
      const areas = await listRoundAreas(db, municipality.id, [round.id]);
      const found = await receiptCounted(
        db,
        municipality.id,
        round.id,
        areas.map((a) => receiptHash(request.params.receipt, a.areaId)),
      );
      return { counted: found.length > 0, areas: found };
    },
  );

  app.get(
    '/api/municipalities/:code/public/rounds/:roundId/results',
    { schema: { tags: ['rounds'], summary: 'Results, once the results date has come', security: [], params: RoundParams } },
    async (request) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const round = await publicRound(municipality, request.params.roundId);
      const status = roundStatus(round, businessDate());
      if (status !== 'results' && status !== 'execution') {
        throw notFound({ nl: `De uitslag wordt bekendgemaakt op ${round.resultsFrom}.`, en: `Results are published on ${round.resultsFrom}.` });
      }
      return results(municipality, round, await listRoundAreas(db, municipality.id, [round.id]));
    },
  );
}
