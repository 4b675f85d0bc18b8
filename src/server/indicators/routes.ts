// SPDX-License-Identifier: EUPL-1.2
// HTTP for the wijkkompas indicators (contract: monitor-api.md). Reading: indicators marked public
// (the CBS and police base set: open data) for anyone; other indicators for roles with report.read
// or area.view_internal on the area (municipality-wide for lists of a whole level). Managing the
// catalogue and importing need monitor.manage on the municipality.
import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { App } from '../http/app-type.js';
import { loadMunicipality, type Municipality } from '../municipalities/queries.js';
import type { Db } from '../db/client.js';
import { areaLineage, rootLineage, today } from '../areas/queries.js';
import { authorize, authorizeMunicipalityWide, requireActor } from '../http/authorize.js';
import { auditContext } from '../http/context.js';
import { can, type AreaLineage } from '../../core/access/policy.js';
import { hasNumber } from '../../core/stats/index.js';
import { notFound } from '../errors.js';
import { aggregations, indicatorSources, indicatorThemes, indicatorUnits, polarities, type Indicator } from './catalogue.js';
import { importFormats } from './parse.js';
import { findIndicator, loadCatalogue, loadIndicator } from './load.js';
import {
  findAreaAndRoot,
  findAreaRef,
  findRootRef,
  listLevelAreas,
  listProfileValues,
  listLevelValues,
  listMembers,
  listPeriods,
  listValues,
  type LevelArea,
} from './queries.js';
import { aggregateGroups, buildProfile, choosePeriods, needSiblings, presentValue, valuesCsv, type Value } from './present.js';
import { createIndicator } from './commands/create-indicator.js';
import { updateIndicator } from './commands/update-indicator.js';
import { importIndicators } from './commands/import-indicators.js';
import { ResponseCache } from './response-cache.js';

const Code = Type.String({ pattern: '^GM[0-9]{4}$', description: 'CBS gemeentecode, e.g. GM0983' });
const IndicatorId = Type.String({ pattern: '^[a-z0-9_]{1,60}$' });
const Period = Type.String({ pattern: '^[0-9]{4}([-/][0-9]{2,4})?$' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([Type.Null(), t]);
const Text = Type.Object({ nl: Type.String({ minLength: 1, maxLength: 300 }), en: Type.String({ minLength: 1, maxLength: 300 }) });
const StatusT = Type.Enum(['ok', 'rounded', 'suppressed', 'missing', 'not_applicable']);
const Levels = ['wijk', 'buurt', 'district', 'municipality'] as const;

const indicatorFields = {
  name: Text,
  theme: Type.Enum(indicatorThemes),
  unit: Type.Enum(indicatorUnits),
  polarity: Type.Enum(polarities),
  source: Type.Enum(indicatorSources),
  licence: Type.String({ maxLength: 200 }),
  attribution: Type.String({ maxLength: 500 }),
  aggregation: Type.Enum(aggregations),
  decimals: Type.Integer({ minimum: 0, maximum: 6 }),
  public: Type.Boolean(),
  description: Type.Optional(Text),
};
const IndicatorT = Type.Object({ id: Type.String(), baseSet: Type.Boolean(), ...indicatorFields });
const ValueT = Type.Object({
  indicatorId: Type.String(),
  areaId: Type.String(),
  areaCode: Type.String(),
  period: Type.String(),
  value: Nullable(Type.Number()),
  status: StatusT,
  source: Type.String(),
  sourceYear: Nullable(Type.Integer()),
});
const ImportResultT = Type.Object({
  format: Type.Enum(importFormats),
  dryRun: Type.Boolean(),
  imported: Type.Integer(),
  byStatus: Type.Record(Type.String(), Type.Integer()),
  periods: Type.Array(Type.String()),
  indicators: Type.Array(Type.String()),
  municipalities: Type.Array(Type.Object({ code: Type.String(), imported: Type.Integer() })),
  unknownAreaCodes: Type.Array(Type.Object({ code: Type.String(), line: Type.Integer() })),
  skipped: Type.Integer(),
  warnings: Type.Array(Type.String()),
});
const ImportQuery = Type.Object({
  format: Type.Optional(Type.Enum(importFormats)),
  period: Type.Optional(Period),
  fileName: Type.Optional(Type.String({ maxLength: 200 })),
  dryRun: Type.Optional(Type.Boolean()),
});

/** Staff who may read non-public figures on this lineage: report.read or area.view_internal. */
function mayReadInternal(request: FastifyRequest, municipalityId: string, lineage: AreaLineage): boolean {
  const actor = request.actor;
  return actor !== null && actor.municipalityId === municipalityId && (can(actor, 'report.read', lineage) || can(actor, 'area.view_internal', lineage));
}

/** A non-public indicator: 401 when not signed in, 404 without a role there, 403 with a role that may not read it. */
function authorizeRead(request: FastifyRequest, municipalityId: string, indicator: Indicator, lineage: AreaLineage): void {
  if (indicator.public || mayReadInternal(request, municipalityId, lineage)) return;
  authorize(requireActor(request, municipalityId), 'report.read', lineage);
}

/** The municipality of the URL, for someone holding monitor.manage municipality-wide (else 401/404/403). */
async function loadManagedMunicipality(tx: Db, request: FastifyRequest<{ Params: { code: string } }>): Promise<Municipality> {
  const municipality = await loadMunicipality(tx, request.params.code);
  authorizeMunicipalityWide(requireActor(request, municipality.id), 'monitor.manage', await rootLineage(tx, municipality.id));
  return municipality;
}

const hiddenIndicator = (id: string) =>
  notFound({ nl: `Indicator "${id}" bestaat niet in deze gemeente.`, en: `Indicator "${id}" does not exist in this municipality.` });

/** Sends JSON that is already text (serialized by the route's schema earlier) as it is. */
function sendJsonText(reply: FastifyReply, json: string): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(json);
}

export function indicatorRoutes(app: App): void {
  // Finished area profiles, per area, period and what the reader may see; emptied after every change below.
  const profiles = new ResponseCache();

  app.get(
    '/api/municipalities/:code/indicators',
    {
      schema: {
        tags: ['indicators'],
        summary: 'The indicator catalogue: the CBS base set and own indicators (non-public ones only for staff with report.read or area.view_internal)',
        params: Type.Object({ code: Code }),
        response: { 200: Type.Array(IndicatorT) },
      },
    },
    async (request) => {
      const db = app.services.db;
      const municipality = await loadMunicipality(db, request.params.code);
      const catalogue = await loadCatalogue(db, municipality.id);
      const internal = request.actor?.municipalityId === municipality.id && mayReadInternal(request, municipality.id, await rootLineage(db, municipality.id));
      return catalogue.filter((i) => i.public || internal);
    },
  );

  app.post(
    '/api/municipalities/:code/indicators',
    {
      schema: {
        tags: ['indicators'],
        summary: 'Add an own (area-specific) indicator (needs monitor.manage)',
        params: Type.Object({ code: Code }),
        body: Type.Object({ id: IndicatorId, ...indicatorFields }, { additionalProperties: false }),
        response: { 201: IndicatorT },
      },
    },
    async (request, reply) => {
      const db = app.services.db;
      const created = await db.transaction(async (tx) => {
        const municipality = await loadManagedMunicipality(tx, request);
        return createIndicator(tx, municipality.id, request.body, auditContext(request));
      });
      profiles.clear();
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/api/municipalities/:code/indicators/:id',
    {
      schema: {
        tags: ['indicators'],
        summary: 'Change a catalogue entry; for a base-set indicator this stores the municipality’s override (needs monitor.manage)',
        params: Type.Object({ code: Code, id: IndicatorId }),
        body: Type.Partial(Type.Object(indicatorFields), { additionalProperties: false }),
        response: { 200: IndicatorT },
      },
    },
    async (request) => {
      const db = app.services.db;
      const updated = await db.transaction(async (tx) => {
        const municipality = await loadManagedMunicipality(tx, request);
        const current = await loadIndicator(tx, municipality.id, request.params.id);
        return updateIndicator(tx, municipality.id, current, request.body, auditContext(request));
      });
      profiles.clear();
      return updated;
    },
  );

  const valuesSchema = {
    tags: ['indicators'],
    params: Type.Object({ code: Code, id: IndicatorId }),
    querystring: Type.Object({ period: Type.Optional(Period), level: Type.Optional(Type.Enum(Levels)) }),
  };

  /** Figures for every current area of a level; districts are aggregated from their wijken with the indicator's method. */
  async function levelValues(
    request: FastifyRequest<{ Params: { code: string; id: string }; Querystring: { period?: string; level?: (typeof Levels)[number] } }>,
  ) {
    const db = app.services.db;
    const municipality = await loadMunicipality(db, request.params.code);
    const indicator = await findIndicator(db, municipality.id, request.params.id);
    const root = await rootLineage(db, municipality.id);
    if (!indicator) throw hiddenIndicator(request.params.id);
    authorizeRead(request, municipality.id, indicator, root);
    const periods = await listPeriods(db, municipality.id, indicator.id);
    const period = request.query.period ?? periods[0] ?? String(new Date().getFullYear());
    const level = request.query.level ?? 'wijk';
    const areas = await listLevelAreas(db, municipality.id, level, today());
    let values: (Value & { areaName: string })[];
    if (level === 'district') {
      values = await districtValues(municipality.id, indicator, areas, period);
    } else {
      const rows = await listValues(db, municipality.id, { keys: [indicator.id], periods: [period] });
      const byArea = new Map(rows.map((r) => [r.areaId, r]));
      values = areas.map((a) => {
        const row = byArea.get(a.id);
        return row
          ? { ...presentValue(row, a.code), areaName: a.name }
          : {
              indicatorId: indicator.id,
              areaId: a.id,
              areaCode: a.code,
              areaName: a.name,
              period,
              value: null,
              status: 'missing' as const,
              source: indicator.source,
              sourceYear: null,
            };
      });
    }
    return { indicator, period, periods, level, values, attribution: indicator.attribution };
  }

  async function districtValues(
    municipalityId: string,
    indicator: Indicator,
    districts: LevelArea[],
    period: string,
  ): Promise<(Value & { areaName: string })[]> {
    const db = app.services.db;
    const members = await listMembers(
      db,
      municipalityId,
      districts.map((d) => d.id),
    );
    const memberIds = [...new Set(members.map((m) => m.memberId))];
    const rows = await listValues(db, municipalityId, { keys: [...new Set([indicator.id, 'population'])], areaIds: memberIds, periods: [period] });
    const memberValues = new Map(rows.filter((r) => r.indicatorKey === indicator.id).map((r) => [r.areaId, r]));
    const population = new Map(rows.filter((r) => r.indicatorKey === 'population' && r.value !== null).map((r) => [r.areaId, r.value!]));
    const groups = districts.map((d) => ({ id: d.id, memberIds: members.filter((m) => m.groupId === d.id).map((m) => m.memberId) }));
    const aggregated = aggregateGroups(indicator, groups, memberValues, population);
    const sourceYear = rows[0]?.sourceYear ?? null;
    return districts.map((d) => {
      const v = aggregated.get(d.id) ?? { status: 'missing' as const };
      return {
        indicatorId: indicator.id,
        areaId: d.id,
        areaCode: d.code,
        areaName: d.name,
        period,
        value: hasNumber(v) ? v.value : null,
        status: v.status,
        source: indicator.source,
        sourceYear,
      };
    });
  }

  app.get(
    '/api/municipalities/:code/indicators/:id/values',
    {
      schema: {
        ...valuesSchema,
        summary: 'Figures of one indicator for every current area of a level in a period (default: the latest), for the choropleth map and its table',
        response: {
          200: Type.Object({
            indicator: IndicatorT,
            period: Type.String(),
            periods: Type.Array(Type.String()),
            level: Type.String(),
            values: Type.Array(Type.Object({ ...ValueT.properties, areaName: Type.String() })),
            attribution: Type.String(),
          }),
        },
      },
    },
    async (request) => levelValues(request),
  );

  app.get(
    '/api/municipalities/:code/indicators/:id/values.csv',
    { schema: { ...valuesSchema, summary: 'The same figures as CSV (;, decimal comma, BOM) with source and year on every line' } },
    async (request, reply) => {
      const result = await levelValues(request);
      reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${result.indicator.id}-${result.level}-${result.period}.csv"`);
      return valuesCsv(result.indicator, result.values);
    },
  );

  app.get(
    '/api/municipalities/:code/indicators/:id/trend',
    {
      schema: {
        tags: ['indicators'],
        summary: 'Every period of one indicator for one area (default: the municipality), for trend charts',
        params: Type.Object({ code: Code, id: IndicatorId }),
        querystring: Type.Object({ areaId: Type.Optional(Type.String()) }),
        response: {
          200: Type.Object({
            indicator: IndicatorT,
            area: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), level: Type.String() }),
            points: Type.Array(
              Type.Object({
                period: Type.String(),
                value: Nullable(Type.Number()),
                status: StatusT,
                source: Type.String(),
                sourceYear: Nullable(Type.Integer()),
              }),
            ),
            attribution: Type.String(),
          }),
        },
      },
    },
    async (request) => {
      const db = app.services.db;
      const municipality = await loadMunicipality(db, request.params.code);
      const area = request.query.areaId ? await findAreaRef(db, municipality.id, request.query.areaId) : await findRootRef(db, municipality.id);
      if (!area) throw notFound({ nl: 'Dit gebied bestaat niet (meer) in deze gemeente.', en: 'This area does not exist in this municipality.' });
      const indicator = await findIndicator(db, municipality.id, request.params.id);
      if (!indicator) throw hiddenIndicator(request.params.id);
      if (!indicator.public) authorizeRead(request, municipality.id, indicator, await areaLineage(db, municipality.id, area.id));
      const rows = await listValues(db, municipality.id, { keys: [indicator.id], areaIds: [area.id] });
      return {
        indicator,
        area: { id: area.id, code: area.code, name: area.name, level: area.level },
        points: rows.map((r) => ({ period: r.period, value: r.value, status: r.status, source: r.source, sourceYear: r.sourceYear })),
        attribution: indicator.attribution,
      };
    },
  );

  app.get(
    '/api/municipalities/:code/areas/:areaId/profile',
    {
      schema: {
        tags: ['indicators'],
        summary:
          'Area profile: per indicator the latest figure up to the period, the one before, and the difference from the municipality excluding the area (where meaningful)',
        params: Type.Object({ code: Code, areaId: Type.String() }),
        querystring: Type.Object({ period: Type.Optional(Period) }),
        response: {
          200: Type.Object({
            area: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), level: Type.String() }),
            period: Nullable(Type.String()),
            tiles: Type.Array(
              Type.Object({
                indicator: IndicatorT,
                value: ValueT,
                previous: Type.Optional(ValueT),
                municipalityTotal: Type.Optional(ValueT),
                municipalityValue: Type.Optional(Nullable(Type.Number())),
                difference: Type.Optional(Type.Object({ value: Type.Number(), significant: Type.Optional(Type.Boolean()) })),
                comparisonNote: Type.Optional(Text),
              }),
            ),
            sources: Type.Array(Type.Object({ source: Type.String(), year: Nullable(Type.Integer()), attribution: Type.String() })),
          }),
        },
      },
    },
    async (request, reply) => {
      const db = app.services.db;
      const municipality = await loadMunicipality(db, request.params.code);
      const found = await findAreaAndRoot(db, municipality.id, request.params.areaId);
      const area = found.area;
      if (!area) throw notFound({ nl: 'Dit gebied bestaat niet (meer) in deze gemeente.', en: 'This area does not exist in this municipality.' });
      const root = found.root ?? area;
      const rootId = root.id;
      // Signed out, only public indicators show: no lineage needed.
      const lineage = request.actor ? await areaLineage(db, municipality.id, area.id) : [];
      const internal = mayReadInternal(request, municipality.id, lineage);
      const cacheKey = `${municipality.id}|${area.id}|${request.query.period ?? ''}|${internal ? 'internal' : 'public'}`;
      const cached = profiles.get(cacheKey);
      if (cached !== undefined) return sendJsonText(reply, cached);
      const catalogue = (await loadCatalogue(db, municipality.id)).filter((i) => i.public || internal);
      // The municipality's own figures come with the area's; the other areas of the level only where it has none.
      let comparison = await listProfileValues(db, municipality.id, area.id, rootId);
      const areaValues = comparison.filter((r) => r.areaId === area.id);
      const chosen = choosePeriods(areaValues, request.query.period);
      const missing =
        area.level === 'custom' || area.level === 'district' || area.id === rootId ? { keys: [] } : needSiblings(catalogue, chosen, comparison, rootId);
      if (missing.keys.length > 0) {
        const keys = [...chosen.keys()];
        const periods = [...new Set([...chosen.values()].map((c) => c.current.period))];
        comparison = [
          ...comparison,
          ...(await listLevelValues(db, municipality.id, area.level, keys, periods)).filter((r) => r.areaId !== area.id && r.areaId !== rootId),
        ];
      }
      const { tiles, sources } = buildProfile({
        area: { id: area.id, code: area.code, name: area.name, level: area.level },
        rootId,
        rootCode: root.code,
        period: request.query.period,
        indicators: catalogue,
        areaValues,
        comparisonValues: comparison,
        populationValues: comparison.filter((r) => r.indicatorKey === 'population'),
        fallbackPopulation: { area: area.population, municipality: root.population },
      });
      // Serialized by the route's response schema, once; later readers get the same text.
      const serialized = reply.serialize({
        area: { id: area.id, code: area.code, name: area.name, level: area.level },
        period: request.query.period ?? null,
        tiles,
        sources,
      });
      const json = typeof serialized === 'string' ? serialized : Buffer.from(serialized as ArrayBuffer).toString('utf8');
      profiles.set(cacheKey, json);
      return sendJsonText(reply, json);
    },
  );

  // Imports take the file as the body: JSON (CBS OData, GeoJSON) or text (CSV), up to 100 MB.
  void app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    scope.addContentTypeParser(['text/csv', 'text/plain', 'application/csv'], { parseAs: 'string', bodyLimit: 100 * 1024 * 1024 }, (_request, body, done) =>
      done(null, body),
    );
    scope.addContentTypeParser('application/geo+json', { parseAs: 'string', bodyLimit: 100 * 1024 * 1024 }, (_request, body, done) => done(null, body));
    for (const [path, own] of [
      ['/api/municipalities/:code/imports/cbs', false],
      ['/api/municipalities/:code/imports/own', true],
    ] as const) {
      scope.post(
        path,
        {
          bodyLimit: 100 * 1024 * 1024,
          schema: {
            tags: ['indicators'],
            summary: own
              ? 'Import own figures: CSV area code;indicator;period;value[;status] (needs monitor.manage); all or nothing, dryRun=true only checks'
              : 'Import CBS figures: CBS OData JSON, CBS CSV (;, decimal comma, BOM, . = suppressed), GeoJSON with figures as properties or the gemeente trend CSV (needs monitor.manage); all or nothing, dryRun=true only checks',
            description:
              'On any error nothing is imported and the 422 problem `indicators_import_invalid` lists `errors: [{ line, unit, code, message, message_en }]`. Area codes that do not exist are reported in `unknownAreaCodes` with their line.',
            params: Type.Object({ code: Code }),
            querystring: ImportQuery,
            response: { 200: ImportResultT },
          },
        },
        async (request) => {
          const db = app.services.db;
          const result = await db.transaction(async (tx) => {
            const municipality = await loadManagedMunicipality(tx, request);
            return importIndicators(
              tx,
              {
                content: request.body,
                municipalityCode: municipality.code,
                format: own ? 'own-csv' : request.query.format,
                period: request.query.period,
                fileName: request.query.fileName,
                dryRun: request.query.dryRun,
              },
              auditContext(request),
            );
          });
          if (!request.query.dryRun) profiles.clear();
          return result;
        },
      );
    }
  });
}
