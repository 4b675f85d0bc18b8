// SPDX-License-Identifier: EUPL-1.2
// The liveability survey API: questionnaires, waves (addresses → sample → invitations → reminders →
// close), response rates, margins, results with suppression and comparisons, open answers with
// redaction; and the public form by invitation code (no sign-in, rate-limited on wrong codes).
// Managing needs monitor.manage municipality-wide; reading needs report.read (or monitor.manage);
// results of one area also for report.read on that area.
// Route order: authenticate (hook) → validate (schema) → transaction → load → authorize → command → present.
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../http/app-type.js';
import { authorize, authorizeMunicipalityWide, requireActor } from '../http/authorize.js';
import { auditContext, type SignedInActor } from '../http/context.js';
import { loadMunicipality, type Municipality } from '../municipalities/queries.js';
import { areaLineage, rootLineage } from '../areas/queries.js';
import { abilitiesOn, decide, type AreaLineage } from '../../core/access/policy.js';
import type { Capability } from '../../core/access/roles.js';
import { AppError, notFound } from '../errors.js';
import type { Db } from '../db/client.js';
import { sendExport, type ExportTable } from '../budgets/exports.js';
import { businessDate } from '../budgets/time.js';
import { hashCode, normalizeCode } from './codes.js';
import {
  addressCounts,
  findAreaRefs,
  findInvitationByCodeHash,
  findMunicipalityRef,
  findOpenAnswer,
  findSurvey,
  findWave,
  listMargins,
  listOpenAnswers,
  listSurveys,
  listWaves,
  lockWave,
  vacuumAnswers,
  responseCounts,
  type AreaRef,
  type SurveyRow,
  type WaveRow,
} from './queries.js';
import { allThemes, presentOpenAnswer, presentQuestion, presentSurvey, presentThemes, presentWave } from './present.js';
import { lemonTemplate, questionKinds, surveyThemes } from './rules.js';
import { loadWaveResults } from './report.js';
import { surveyNotFound, waveNotFound, type SurveyContext } from './commands/common.js';
import { createSurvey } from './commands/create-survey.js';
import { updateSurvey } from './commands/update-survey.js';
import { createWave } from './commands/create-wave.js';
import { uploadAddresses } from './commands/upload-addresses.js';
import { drawSample } from './commands/draw-sample.js';
import { issueInvitations, type Letter } from './commands/issue-invitations.js';
import { sendReminders } from './commands/send-reminders.js';
import { closeWave } from './commands/close-wave.js';
import { marginsFromCsv, setMargins } from './commands/set-margins.js';
import { redactOpenAnswer } from './commands/redact-open-answer.js';
import { codeUsed, submitResponse, surveyClosed, waveAccepts } from './commands/submit-response.js';

const Code = Type.String({ pattern: '^GM[0-9]{4}$', description: 'CBS gemeentecode, e.g. GM0983' });
const IsoDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' });
const Id = Type.String({ minLength: 1, maxLength: 100 });
const Localized = Type.Object({ nl: Type.String({ maxLength: 1000 }), en: Type.String({ maxLength: 1000 }) });
const Option = Type.Object({ id: Type.String({ maxLength: 60 }), text: Localized });
const QuestionInput = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 60 }),
    kind: Type.Enum(questionKinds),
    text: Localized,
    theme: Type.Enum(surveyThemes),
    options: Type.Optional(Type.Array(Option, { maxItems: 30 })),
    optional: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const CsvBody = Type.Object({ csv: Type.String({ maxLength: 60_000_000 }) }, { additionalProperties: false });
const WaveParams = Type.Object({ code: Code, waveId: Id });
/** Lets a POST without a body through the schema of its optional fields. */
const emptyBodyIsObject = async (request: FastifyRequest): Promise<void> => {
  request.body ??= {};
};
const SurveyParams = Type.Object({ code: Code, surveyId: Id });

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Q = Pick<Db, 'select' | 'selectDistinct' | 'execute'>;

/** Wrong codes allowed per client address within the window before the form answers 429. */
export const CODE_FAILURES_ALLOWED = 10;
const CODE_FAILURE_WINDOW_MS = 15 * 60 * 1000;

/** Counts wrong codes per client address (in memory; one server process). */
function createGuessLimiter() {
  const failures = new Map<string, { count: number; since: number }>();
  return {
    check(ip: string): void {
      const now = Date.now();
      const entry = failures.get(ip);
      if (entry && now - entry.since > CODE_FAILURE_WINDOW_MS) failures.delete(ip);
      if ((failures.get(ip)?.count ?? 0) >= CODE_FAILURES_ALLOWED) {
        throw new AppError('too_many_attempts', 429, {
          nl: 'Te vaak een onjuiste code ingevoerd. Probeer het over een kwartier opnieuw.',
          en: 'Too many wrong codes. Please try again in fifteen minutes.',
        });
      }
    },
    fail(ip: string): void {
      const now = Date.now();
      const entry = failures.get(ip);
      if (!entry || now - entry.since > CODE_FAILURE_WINDOW_MS) failures.set(ip, { count: 1, since: now });
      else entry.count += 1;
      if (failures.size > 100_000) failures.clear();
    },
  };
}

function codeUnknown(): AppError {
  return new AppError('survey_code_unknown', 404, {
    nl: 'Deze code kennen we niet. Controleer de code in uw brief.',
    en: 'We do not know this code. Please check the code in your letter.',
  });
}

function lettersTable(sheet: string, letters: Letter[]): ExportTable {
  return {
    sheet,
    header: ['code', 'adres', 'postcode', 'woonplaats', 'gebied', 'gebiedsnaam'],
    rows: letters.map((l) => [l.code, l.address, l.postcode, l.place, l.areaCode, l.areaName]),
  };
}

const FormatQuery = Type.Object({ format: Type.Optional(Type.Enum(['csv', 'xlsx'])) });

const wantedAbilities: readonly Capability[] = ['monitor.manage', 'report.read'];

export function surveyRoutes(app: App): void {
  const db = app.services.db;
  const limiter = createGuessLimiter();

  function context(request: FastifyRequest, municipality: Municipality): SurveyContext {
    return { municipalityId: municipality.id, ...auditContext(request) };
  }

  /** Signed in for this municipality with `capability` municipality-wide, inside one transaction. */
  async function managing<T>(
    request: FastifyRequest<{ Params: { code: string } }>,
    work: (tx: Tx, municipality: Municipality, actor: SignedInActor) => Promise<T>,
  ): Promise<T> {
    return db.transaction(async (tx) => {
      const municipality = await loadMunicipality(tx, request.params.code);
      const actor = requireActor(request, municipality.id);
      authorizeMunicipalityWide(actor, 'monitor.manage', await rootLineage(tx, municipality.id));
      return work(tx, municipality, actor);
    });
  }

  /** Readers: report.read or monitor.manage municipality-wide. */
  function authorizeReading(actor: SignedInActor, root: AreaLineage): void {
    if (decide(actor, 'monitor.manage', root) === 'allow') return;
    authorizeMunicipalityWide(actor, 'report.read', root);
  }

  async function reading<T>(
    request: FastifyRequest<{ Params: { code: string } }>,
    work: (q: Q, municipality: Municipality, actor: SignedInActor, root: AreaLineage) => Promise<T>,
  ): Promise<T> {
    const municipality = await loadMunicipality(db, request.params.code);
    const actor = requireActor(request, municipality.id);
    const root = await rootLineage(db, municipality.id);
    return work(db, municipality, actor, root);
  }

  async function loadSurvey(q: Q, municipalityId: string, id: string): Promise<SurveyRow> {
    const survey = await findSurvey(q, municipalityId, id);
    if (!survey) throw surveyNotFound();
    return survey;
  }

  async function loadWave(q: Q, municipalityId: string, id: string, lock = false): Promise<WaveRow> {
    const wave = lock ? await lockWave(q, municipalityId, id) : await findWave(q, municipalityId, id);
    if (!wave) throw waveNotFound();
    return wave;
  }

  async function waveView(q: Q, municipalityId: string, wave: WaveRow) {
    const areas = await findAreaRefs(q, municipalityId, wave.areaIds);
    const addresses = await addressCounts(q, municipalityId, wave.id);
    const responses = await responseCounts(q, municipalityId, wave.id);
    const sum = <T>(rows: T[], f: (r: T) => number) => rows.reduce((s, r) => s + f(r), 0);
    return presentWave(wave, areas, {
      addresses: sum(addresses, (r) => r.addresses),
      sampled: sum(addresses, (r) => r.sampled),
      invited: sum(responses, (r) => r.invited),
      responded: sum(responses, (r) => r.responded),
    });
  }

  // ---- Questionnaires -------------------------------------------------------------------------------

  app.get(
    '/api/municipalities/:code/surveys',
    { schema: { tags: ['surveys'], summary: 'Questionnaires of the municipality', params: Type.Object({ code: Code }) } },
    async (request) =>
      reading(request, async (q, municipality, actor, root) => {
        authorizeReading(actor, root);
        const rows = await listSurveys(q, municipality.id);
        return { items: rows.map(presentSurvey), abilities: abilitiesOn(actor, root, wantedAbilities) };
      }),
  );

  app.get(
    '/api/municipalities/:code/surveys/template',
    { schema: { tags: ['surveys'], summary: 'The predefined Lemon-like questionnaire and the themes', params: Type.Object({ code: Code }) } },
    async (request) =>
      reading(request, async (_q, _municipality, actor, root) => {
        authorizeReading(actor, root);
        const template = lemonTemplate();
        return { name: template.name, themes: template.themes, themeNames: allThemes, questions: template.questions.map(presentQuestion) };
      }),
  );

  app.post(
    '/api/municipalities/:code/surveys',
    {
      schema: {
        tags: ['surveys'],
        summary: 'Create a questionnaire (own questions, or `template: "lemon"`)',
        params: Type.Object({ code: Code }),
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ maxLength: 200 })),
            template: Type.Optional(Type.Enum(['lemon'])),
            themes: Type.Optional(Type.Array(Type.Enum(surveyThemes), { maxItems: surveyThemes.length })),
            questions: Type.Optional(Type.Array(QuestionInput, { maxItems: 200 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const row = await managing(request, (tx, municipality) => createSurvey(tx, context(request, municipality), request.body));
      return reply.status(201).send(presentSurvey(row));
    },
  );

  app.get(
    '/api/municipalities/:code/surveys/:surveyId',
    { schema: { tags: ['surveys'], summary: 'A questionnaire with its waves', params: SurveyParams } },
    async (request) =>
      reading(request, async (q, municipality, actor, root) => {
        authorizeReading(actor, root);
        const survey = await loadSurvey(q, municipality.id, request.params.surveyId);
        const waves = await listWaves(q, municipality.id, survey.id);
        const views = [];
        for (const w of waves) views.push(await waveView(q, municipality.id, w));
        return { ...presentSurvey(survey), waves: views, abilities: abilitiesOn(actor, root, wantedAbilities) };
      }),
  );

  app.patch(
    '/api/municipalities/:code/surveys/:surveyId',
    {
      schema: {
        tags: ['surveys'],
        summary: 'Change a questionnaire (questions only until a wave has sent invitations)',
        params: SurveyParams,
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ maxLength: 200 })),
            themes: Type.Optional(Type.Array(Type.Enum(surveyThemes), { maxItems: surveyThemes.length })),
            questions: Type.Optional(Type.Array(QuestionInput, { maxItems: 200 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const row = await managing(request, async (tx, municipality) => {
        const survey = await loadSurvey(tx, municipality.id, request.params.surveyId);
        return updateSurvey(tx, context(request, municipality), survey, request.body);
      });
      return presentSurvey(row);
    },
  );

  // ---- Waves ----------------------------------------------------------------------------------------

  app.post(
    '/api/municipalities/:code/surveys/:surveyId/waves',
    {
      schema: {
        tags: ['surveys'],
        summary: 'Create a wave over areas with a target number of invitations per area',
        params: SurveyParams,
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            opensOn: IsoDate,
            closesOn: IsoDate,
            targetPerArea: Type.Integer({ minimum: 1, maximum: 100_000 }),
            areaIds: Type.Array(Id, { minItems: 1, maxItems: 1000 }),
            minRespondents: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const view = await managing(request, async (tx, municipality) => {
        const survey = await loadSurvey(tx, municipality.id, request.params.surveyId);
        const wave = await createWave(tx, context(request, municipality), survey, request.body);
        return waveView(tx, municipality.id, wave);
      });
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/api/municipalities/:code/surveys/:surveyId/waves',
    { schema: { tags: ['surveys'], summary: 'Waves of a questionnaire', params: SurveyParams } },
    async (request) =>
      reading(request, async (q, municipality, actor, root) => {
        authorizeReading(actor, root);
        const survey = await loadSurvey(q, municipality.id, request.params.surveyId);
        const views = [];
        for (const w of await listWaves(q, municipality.id, survey.id)) views.push(await waveView(q, municipality.id, w));
        return { items: views };
      }),
  );

  app.get(
    '/api/municipalities/:code/waves/:waveId',
    { schema: { tags: ['surveys'], summary: 'A wave with its counts', params: WaveParams } },
    async (request) =>
      reading(request, async (q, municipality, actor, root) => {
        authorizeReading(actor, root);
        const wave = await loadWave(q, municipality.id, request.params.waveId);
        return { ...(await waveView(q, municipality.id, wave)), abilities: abilitiesOn(actor, root, wantedAbilities) };
      }),
  );

  app.post(
    '/api/municipalities/:code/waves/:waveId/addresses',
    {
      schema: {
        tags: ['surveys'],
        summary: 'Upload the address list (CSV adres;postcode;gebied[;woonplaats]); all or nothing, errors with line numbers',
        params: WaveParams,
        body: Type.Union([CsvBody, Type.String({ maxLength: 60_000_000 })]),
      },
    },
    async (request) =>
      managing(request, async (tx, municipality) => {
        const wave = await loadWave(tx, municipality.id, request.params.waveId, true);
        const csv = typeof request.body === 'string' ? request.body : request.body.csv;
        return uploadAddresses(tx, context(request, municipality), wave, csv);
      }),
  );

  app.post(
    '/api/municipalities/:code/waves/:waveId/sample',
    {
      preValidation: emptyBodyIsObject,
      schema: {
        tags: ['surveys'],
        summary: 'Draw the random sample per area (cryptographic, or reproducible with `seed`)',
        params: WaveParams,
        body: Type.Object({ seed: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }, { additionalProperties: false }),
      },
    },
    async (request) =>
      managing(request, async (tx, municipality) => {
        const wave = await loadWave(tx, municipality.id, request.params.waveId, true);
        return { perArea: await drawSample(tx, context(request, municipality), wave, request.body.seed) };
      }),
  );

  app.post(
    '/api/municipalities/:code/waves/:waveId/invitations',
    {
      schema: {
        tags: ['surveys'],
        summary: 'Issue invitations for the sample: CSV (code;adres;postcode;woonplaats;gebied;gebiedsnaam) or XLSX for the mail merge; codes are not kept',
        params: WaveParams,
        querystring: FormatQuery,
      },
    },
    async (request, reply) => {
      const letters = await managing(request, async (tx, municipality) => {
        const wave = await loadWave(tx, municipality.id, request.params.waveId, true);
        return issueInvitations(tx, context(request, municipality), wave);
      });
      return sendExport(reply, 'uitnodigingen', request.query.format ?? 'csv', lettersTable('Uitnodigingen', letters));
    },
  );

  app.post(
    '/api/municipalities/:code/waves/:waveId/reminders',
    {
      preValidation: emptyBodyIsObject,
      schema: {
        tags: ['surveys'],
        summary: 'Reminders for invitations not yet used: CSV or XLSX with a new code each (the letter’s code stays valid)',
        params: WaveParams,
        querystring: FormatQuery,
        body: Type.Object({ areaIds: Type.Optional(Type.Array(Id, { maxItems: 1000 })) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const letters = await managing(request, async (tx, municipality) => {
        const wave = await loadWave(tx, municipality.id, request.params.waveId, true);
        return sendReminders(tx, context(request, municipality), wave, request.body.areaIds);
      });
      return sendExport(reply, 'herinneringen', request.query.format ?? 'csv', lettersTable('Herinneringen', letters));
    },
  );

  app.post(
    '/api/municipalities/:code/waves/:waveId/close',
    { schema: { tags: ['surveys'], summary: 'Close the wave: no more answers; answers are reordered at random', params: WaveParams } },
    async (request) => {
      const view = await managing(request, async (tx, municipality) => {
        const wave = await loadWave(tx, municipality.id, request.params.waveId, true);
        await closeWave(tx, context(request, municipality), wave);
        return waveView(tx, municipality.id, (await findWave(tx, municipality.id, wave.id)) as WaveRow);
      });
      // The old row versions of the shuffled answers stay in the table files until vacuumed.
      await vacuumAnswers(db).catch((error: unknown) => request.log.warn({ err: error }, 'vacuum of survey answers failed'));
      return view;
    },
  );

  app.get(
    '/api/municipalities/:code/waves/:waveId/response',
    { schema: { tags: ['surveys'], summary: 'Response rates per area', params: WaveParams } },
    async (request) =>
      reading(request, async (q, municipality, actor, root) => {
        authorizeReading(actor, root);
        const wave = await loadWave(q, municipality.id, request.params.waveId);
        const areas = await findAreaRefs(q, municipality.id, wave.areaIds);
        const counts = new Map((await responseCounts(q, municipality.id, wave.id)).map((r) => [r.areaId, r]));
        const frame = new Map((await addressCounts(q, municipality.id, wave.id)).map((r) => [r.areaId, r]));
        const rows = areas.map((area) => {
          const c = counts.get(area.id);
          const invited = c?.invited ?? 0;
          const responded = c?.responded ?? 0;
          return {
            area,
            addresses: frame.get(area.id)?.addresses ?? 0,
            target: wave.targetPerArea,
            invited,
            responded,
            reminded: c?.reminded ?? 0,
            rate: invited > 0 ? responded / invited : null,
          };
        });
        const invited = rows.reduce((s, r) => s + r.invited, 0);
        const responded = rows.reduce((s, r) => s + r.responded, 0);
        return {
          wave: { id: wave.id, name: wave.name, status: wave.status },
          areas: rows,
          total: { invited, responded, rate: invited > 0 ? responded / invited : null },
        };
      }),
  );

  // ---- Margins and results ----------------------------------------------------------------------

  app.put(
    '/api/municipalities/:code/waves/:waveId/margins',
    {
      schema: {
        tags: ['surveys'],
        summary: 'Population per area, age group and sex for weighting (CSV gebied;leeftijd;geslacht;aantal, or rows)',
        params: WaveParams,
        body: Type.Union([
          CsvBody,
          Type.Object(
            {
              rows: Type.Array(
                Type.Object(
                  {
                    areaCode: Type.String({ maxLength: 40 }),
                    ageGroup: Type.String({ maxLength: 20 }),
                    sex: Type.String({ maxLength: 20 }),
                    population: Type.Integer({ minimum: 0 }),
                  },
                  { additionalProperties: false },
                ),
                { maxItems: 100_000 },
              ),
            },
            { additionalProperties: false },
          ),
        ]),
      },
    },
    async (request) =>
      managing(request, async (tx, municipality) => {
        const wave = await loadWave(tx, municipality.id, request.params.waveId, true);
        const body = request.body;
        const parsed = 'csv' in body ? marginsFromCsv(body.csv) : { rows: body.rows, errors: [] };
        return { cells: await setMargins(tx, context(request, municipality), wave, parsed.rows, parsed.errors) };
      }),
  );

  app.get(
    '/api/municipalities/:code/waves/:waveId/margins',
    { schema: { tags: ['surveys'], summary: 'The population margins of a wave', params: WaveParams } },
    async (request) =>
      reading(request, async (q, municipality, actor, root) => {
        authorizeReading(actor, root);
        const wave = await loadWave(q, municipality.id, request.params.waveId);
        const rows = await listMargins(q, municipality.id, [wave.id]);
        return { items: rows.map((r) => ({ areaId: r.areaId, ageGroup: r.ageGroup, sex: r.sex, population: r.population })) };
      }),
  );

  app.get(
    '/api/municipalities/:code/waves/:waveId/results',
    {
      schema: {
        tags: ['surveys'],
        summary:
          'Results per area and question: mean or shares with 95% CI, weighted (effective n), suppressed below the minimum, compared with the rest of the municipality and the previous wave',
        params: WaveParams,
        querystring: Type.Object({ areaId: Type.Optional(Id) }),
      },
    },
    async (request) =>
      reading(request, async (q, municipality, actor, root) => {
        const { areaId } = request.query;
        const wave = await loadWave(q, municipality.id, request.params.waveId);
        if (areaId !== undefined) {
          if (!wave.areaIds.includes(areaId)) throw notFound();
          if (decide(actor, 'monitor.manage', root) !== 'allow') authorize(actor, 'report.read', await areaLineage(q, municipality.id, areaId));
        } else authorizeReading(actor, root);
        const survey = await loadSurvey(q, municipality.id, wave.surveyId);
        const results = await loadWaveResults(q, municipality.id, wave, survey, { areaId, themes: presentThemes(survey.themes) });
        const published = await listOpenAnswers(q, municipality.id, wave.id, ['published'], areaId);
        const visibleAreas = new Set(results.areas.filter((a) => a.respondents !== null).map((a) => a.area.id));
        const areaById = new Map<string, AreaRef>(results.areas.map((a) => [a.area.id, a.area]));
        return {
          ...results,
          survey: { id: survey.id, name: survey.name },
          openAnswers: published.filter((o) => visibleAreas.has(o.areaId)).map((o) => presentOpenAnswer(o, areaById.get(o.areaId))),
        };
      }),
  );

  // ---- Open answers -----------------------------------------------------------------------------

  app.get(
    '/api/municipalities/:code/waves/:waveId/open-answers',
    {
      schema: {
        tags: ['surveys'],
        summary: 'Open answers: pending ones (original text) for monitor.manage, published (redacted) ones for readers',
        params: WaveParams,
        querystring: Type.Object({ status: Type.Optional(Type.Enum(['pending', 'published', 'rejected'])) }),
      },
    },
    async (request) =>
      reading(request, async (q, municipality, actor, root) => {
        const manager = decide(actor, 'monitor.manage', root) === 'allow';
        const status = request.query.status ?? (manager ? 'pending' : 'published');
        if (status !== 'published' && !manager) authorizeMunicipalityWide(actor, 'monitor.manage', root);
        authorizeReading(actor, root);
        const wave = await loadWave(q, municipality.id, request.params.waveId);
        const areas = new Map((await findAreaRefs(q, municipality.id, wave.areaIds)).map((a) => [a.id, a]));
        const rows = await listOpenAnswers(q, municipality.id, wave.id, [status]);
        return { items: rows.map((o) => presentOpenAnswer(o, areas.get(o.areaId))) };
      }),
  );

  app.post(
    '/api/municipalities/:code/open-answers/:answerId/redact',
    {
      schema: {
        tags: ['surveys'],
        summary: 'Publish an open answer with personal details removed (`text`), or reject it (`publish: false`); the original is erased',
        params: Type.Object({ code: Code, answerId: Id }),
        body: Type.Object({ text: Type.Optional(Type.String({ maxLength: 5000 })), publish: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      },
    },
    async (request) =>
      managing(request, async (tx, municipality) => {
        const answer = await findOpenAnswer(tx, municipality.id, request.params.answerId);
        if (!answer) throw notFound();
        const row = await redactOpenAnswer(tx, context(request, municipality), answer, request.body);
        return presentOpenAnswer(row, undefined);
      }),
  );

  // ---- The public form ----------------------------------------------------------------------------

  const publicRoute = { rateLimit: { max: 300, timeWindow: '1 minute' } };

  /** The invitation for a code, its wave and survey; counts a failure for unknown codes. */
  async function byCode(q: Q, ip: string, code: string) {
    limiter.check(ip);
    const normalized = normalizeCode(code);
    const invitation = normalized === null ? undefined : await findInvitationByCodeHash(q, hashCode(normalized));
    if (!invitation) {
      limiter.fail(ip);
      throw codeUnknown();
    }
    const wave = await loadWave(q, invitation.municipalityId, invitation.waveId);
    const survey = await loadSurvey(q, invitation.municipalityId, wave.surveyId);
    return { invitation, wave, survey };
  }

  app.get(
    '/api/public/survey/:code',
    {
      config: publicRoute,
      schema: {
        tags: ['surveys'],
        summary: 'The questionnaire for an invitation code (no sign-in)',
        security: [],
        params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) }),
      },
    },
    async (request) => {
      const { invitation, wave, survey } = await byCode(db, request.ip, request.params.code);
      if (invitation.respondedOn !== null) throw codeUsed();
      if (!waveAccepts(wave, businessDate())) throw surveyClosed();
      const municipality = await findMunicipalityRef(db, invitation.municipalityId);
      const [area] = await findAreaRefs(db, invitation.municipalityId, [invitation.areaId]);
      return {
        survey: { name: survey.name, themes: presentThemes(survey.themes), questions: survey.questions.map(presentQuestion) },
        wave: { name: wave.name, closesOn: wave.closesOn },
        area: { name: area?.name ?? '' },
        municipality: { name: municipality?.name ?? '', code: municipality?.code ?? '' },
      };
    },
  );

  app.post(
    '/api/public/survey/:code',
    {
      config: publicRoute,
      schema: {
        tags: ['surveys'],
        summary: 'Submit the answers for an invitation code (once); stored without any link to the invitation',
        security: [],
        params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) }),
        body: Type.Object(
          {
            answers: Type.Record(
              Type.String({ maxLength: 60 }),
              Type.Union([Type.Null(), Type.Integer(), Type.String({ maxLength: 5000 }), Type.Array(Type.String({ maxLength: 60 }), { maxItems: 30 })]),
            ),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      await db.transaction(async (tx) => {
        const { invitation, wave, survey } = await byCode(tx, request.ip, request.params.code);
        await submitResponse(tx, invitation, wave, survey, request.body.answers, String(request.id));
      });
      return reply.status(201).send({ ok: true });
    },
  );
}
