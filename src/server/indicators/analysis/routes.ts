// SPDX-License-Identifier: EUPL-1.2
// HTTP for the area analysis (wijkanalyse; contract: monitor-api.md). The analysis is generated from
// the area profile on every request: the profile route itself is asked (same reader, same cookie),
// so reading follows exactly the profile's rules (public CBS figures for anyone, other figures for
// staff with a role there). Staff with analysis.edit on the area (wijkregisseur, onderzoeker, beheerder) may replace a
// section's text before the analysis is used in a conversation with residents; the PDF uses it.
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../http/app-type.js';
import { loadMunicipality } from '../../municipalities/queries.js';
import { areaLineage, findArea } from '../../areas/queries.js';
import { authorize, requireActor } from '../../http/authorize.js';
import { auditContext } from '../../http/context.js';
import { can } from '../../../core/access/policy.js';
import { AppError, invalid, notFound } from '../../errors.js';
import { generateAnalysis, sectionKeys, surveyFacts, type Fact, type GeneratedSection, type ProfileInput, type SurveyQuestionResult } from './generate.js';
import { listAnalysisEdits } from './queries.js';
import { editAnalysisSection } from './commands/edit-analysis-section.js';
import { renderAnalysisPdf } from './pdf.js';

const Code = Type.String({ pattern: '^GM[0-9]{4}$', description: 'CBS gemeentecode, e.g. GM0983' });
const Period = Type.String({ pattern: '^[0-9]{4}([-/][0-9]{2,4})?$' });
const Params = Type.Object({ code: Code, areaId: Type.String() });
const Query = Type.Object({ period: Type.Optional(Period) });

export interface AnalysisSectionView extends GeneratedSection {
  editedText: string | null;
  editedBy: string | null;
  editedAt: string | null;
}

export interface AnalysisView {
  area: { id: string; code: string; name: string };
  period: string;
  generatedAt: string;
  sections: AnalysisSectionView[];
  notable: Fact[];
  abilities: string[];
}

const noArea = () => notFound({ nl: 'Dit gebied bestaat niet (meer) in deze gemeente.', en: 'This area does not exist in this municipality.' });

/** May this reader edit the analysis texts of this area? */
function mayEdit(request: FastifyRequest, municipalityId: string, lineage: string[]): boolean {
  const actor = request.actor;
  return actor !== null && actor.municipalityId === municipalityId && can(actor, 'analysis.edit', lineage);
}

export function analysisRoutes(app: App): void {
  /** The area's profile as this reader may see it; its problem (401/403/404) is passed on as it is. */
  async function profileFor(request: FastifyRequest, code: string, areaId: string, period: string | undefined): Promise<ProfileInput> {
    const response = await app.inject({
      method: 'GET',
      url: `/api/municipalities/${code}/areas/${encodeURIComponent(areaId)}/profile${period ? `?period=${encodeURIComponent(period)}` : ''}`,
      headers: request.headers.cookie ? { cookie: request.headers.cookie } : {},
    });
    const body = response.json<Record<string, unknown>>();
    if (response.statusCode !== 200) {
      const text = {
        nl: typeof body.detail === 'string' ? body.detail : 'Het gebiedsprofiel is niet beschikbaar.',
        en: typeof body.detail_en === 'string' ? body.detail_en : 'The area profile is not available.',
      };
      throw new AppError(typeof body.code === 'string' ? body.code : 'profile_unavailable', response.statusCode, text);
    }
    return body as unknown as ProfileInput;
  }

  /**
   * The area's results in the latest survey wave over it, as this reader may see them (survey
   * results need report.read; for others the analysis has no residents' judgement).
   */
  async function latestSurvey(request: FastifyRequest, code: string, area: { id: string; code: string }): Promise<Fact[]> {
    const get = async <T>(url: string): Promise<T | null> => {
      const response = await app.inject({
        method: 'GET',
        url: `/api/municipalities/${code}${url}`,
        headers: request.headers.cookie ? { cookie: request.headers.cookie } : {},
      });
      return response.statusCode === 200 ? response.json<T>() : null;
    };
    const surveys = await get<{ items: { id: string }[] }>('/surveys');
    let latest: { id: string; name: string; opensOn: string } | undefined;
    for (const survey of surveys?.items ?? []) {
      const waves = await get<{ items: { id: string; name: string; opensOn: string; areaIds: string[] }[] }>(`/surveys/${survey.id}/waves`);
      for (const wave of waves?.items ?? []) if (wave.areaIds.includes(area.id) && (!latest || wave.opensOn > latest.opensOn)) latest = wave;
    }
    if (!latest) return [];
    const results = await get<{ areas: { area: { id: string }; questions: SurveyQuestionResult[] }[] }>(`/waves/${latest.id}/results?areaId=${area.id}`);
    const own = results?.areas.find((a) => a.area.id === area.id);
    if (!own || own.questions.every((q) => q.status === 'missing')) return [];
    return surveyFacts({ wave: { name: latest.name, year: Number(latest.opensOn.slice(0, 4)) }, questions: own.questions }, area);
  }

  async function analysisFor(request: FastifyRequest<{ Params: { code: string; areaId: string }; Querystring: { period?: string } }>): Promise<AnalysisView> {
    const db = app.services.db;
    const { code, areaId } = request.params;
    const profile = await profileFor(request, code, areaId, request.query.period);
    const municipality = await loadMunicipality(db, code);
    const area = await findArea(db, municipality.id, areaId);
    if (!area) throw noArea();
    const generated = generateAnalysis(profile, await latestSurvey(request, code, area));
    const edits = new Map((await listAnalysisEdits(db, municipality.id, area.id, generated.period)).map((e) => [e.sectionKey, e]));
    const lineage = await areaLineage(db, municipality.id, area.id);
    return {
      area: generated.area,
      period: generated.period,
      generatedAt: new Date().toISOString(),
      sections: generated.sections.map((s) => {
        const edit = edits.get(s.key);
        return { ...s, editedText: edit?.text ?? null, editedBy: edit?.editedByName ?? null, editedAt: edit?.editedAt ?? null };
      }),
      notable: generated.notable,
      abilities: mayEdit(request, municipality.id, lineage) ? ['analysis.edit'] : [],
    };
  }

  app.get(
    '/api/municipalities/:code/areas/:areaId/analysis',
    {
      schema: {
        tags: ['indicators'],
        summary:
          'Wijkanalyse: the area analysis generated from its profile (sections with text and figures, notable = significant differences only), with staff edits',
        params: Params,
        querystring: Query,
      },
    },
    async (request) => analysisFor(request),
  );

  app.get(
    '/api/municipalities/:code/areas/:areaId/analysis.pdf',
    {
      schema: { tags: ['indicators'], summary: 'The area analysis as a tagged PDF (edited texts where staff edited them)', params: Params, querystring: Query },
    },
    async (request, reply) => {
      const analysis = await analysisFor(request);
      const municipality = await loadMunicipality(app.services.db, request.params.code);
      const pdf = await renderAnalysisPdf(analysis, municipality.name);
      const name = `wijkanalyse-${analysis.area.code}-${analysis.period}.pdf`.replace(/[^A-Za-z0-9._-]/g, '_');
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${name}"`).send(pdf);
    },
  );

  app.patch(
    '/api/municipalities/:code/areas/:areaId/analysis/sections/:key',
    {
      schema: {
        tags: ['indicators'],
        summary:
          "Replace a section's generated text (text: null restores it); needs analysis.edit on the area (wijkregisseur, onderzoeker, beheerder); audited",
        params: Type.Object({ code: Code, areaId: Type.String(), key: Type.Enum(sectionKeys) }),
        body: Type.Object({ period: Period, text: Type.Union([Type.Null(), Type.String({ maxLength: 20000 })]) }),
      },
    },
    async (request) => {
      const { text, period } = request.body;
      if (text !== null && text.trim() === '')
        throw invalid('analysis_text_empty', {
          nl: 'Vul een tekst in, of zet de gegenereerde tekst terug.',
          en: 'Enter a text, or restore the generated text.',
        });
      return app.services.db.transaction(async (tx) => {
        const municipality = await loadMunicipality(tx, request.params.code);
        const actor = requireActor(request, municipality.id);
        const area = await findArea(tx, municipality.id, request.params.areaId);
        if (!area) throw noArea();
        const lineage = await areaLineage(tx, municipality.id, area.id);
        authorize(actor, 'analysis.edit', lineage);
        const saved = await editAnalysisSection(
          tx,
          { municipalityId: municipality.id, ...auditContext(request) },
          { areaId: area.id, period, sectionKey: request.params.key, text: text === null ? null : text.trim() },
        );
        return { key: request.params.key, period, editedText: saved?.text ?? null, editedBy: saved?.editedByName ?? null, editedAt: saved?.editedAt ?? null };
      });
    },
  );
}
