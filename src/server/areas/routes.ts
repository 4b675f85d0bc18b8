// SPDX-License-Identifier: EUPL-1.2
import { Type } from 'typebox';
import type { App } from '../http/app-type.js';
import { loadMunicipality } from '../municipalities/queries.js';
import {
  areaLineage,
  findArea,
  findAreasByIds,
  findRootArea,
  isUuid,
  listAreaGeometries,
  listAreas,
  listCustomAreaMembers,
  rootLineage,
  today,
} from './queries.js';
import { areaLevels } from './schema.js';
import { notFound } from '../errors.js';
import { abilitiesOn, canSee } from '../../core/access/policy.js';
import { listTeam } from '../people/queries.js';
import { authorize, requireActor } from '../http/authorize.js';
import { auditContext } from '../http/context.js';
import { lookupPoint } from './lookup.js';
import { importAreas } from './commands/import-areas.js';
import { createCustomArea, customAreaKinds } from './commands/create-custom-area.js';
import { endArea } from './commands/end-area.js';

const Code = Type.String({ pattern: '^GM[0-9]{4}$', description: 'CBS gemeentecode, e.g. GM0983' });
const Level = Type.Enum(areaLevels);
const IsoDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });

const AreaSummary = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  level: Level,
  kind: Type.Union([Type.String(), Type.Null()]),
  parentId: Type.Union([Type.String(), Type.Null()]),
  population: Type.Union([Type.Integer(), Type.Null()]),
  populationYear: Type.Union([Type.Integer(), Type.Null()]),
  validFrom: Type.String(),
  validTo: Type.Union([Type.String(), Type.Null()]),
});

const AreaRef = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export function areaRoutes(app: App): void {
  app.get(
    '/api/municipalities/:code/areas/lookup',
    {
      schema: {
        tags: ['areas'],
        summary: 'Which buurt, wijk, district and custom areas hold a point (WGS84), valid today (public)',
        params: Type.Object({ code: Code }),
        querystring: Type.Object({ lon: Type.Number({ minimum: -180, maximum: 180 }), lat: Type.Number({ minimum: -90, maximum: 90 }) }),
        response: {
          200: Type.Object({
            buurt: Nullable(AreaRef),
            wijk: Nullable(AreaRef),
            district: Nullable(AreaRef),
            municipality: Nullable(AreaRef),
            custom: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), kind: Nullable(Type.String()) })),
          }),
        },
      },
    },
    async (request) => {
      const db = app.services.db;
      const municipality = await loadMunicipality(db, request.params.code);
      const root = await findRootArea(db, municipality.id);
      const result = root ? await lookupPoint(db, municipality.id, root.id, request.query.lon, request.query.lat, today()) : null;
      if (!result) {
        throw notFound({
          nl: `Het punt (${request.query.lon}, ${request.query.lat}) ligt buiten gemeente ${municipality.name}.`,
          en: `The point (${request.query.lon}, ${request.query.lat}) lies outside the municipality of ${municipality.name}.`,
        });
      }
      return result;
    },
  );

  app.post(
    '/api/municipalities/:code/areas/import',
    {
      schema: {
        tags: ['areas'],
        summary: 'Import CBS boundaries (GeoJSON FeatureCollection or TopoJSON Topology in the body); all or nothing (needs area.manage)',
        description:
          'Features of this municipality only. Existing areas (same code) are updated in place; areas absent from the file stay unless closeMissing is given. ' +
          'On any invalid feature nothing is imported and the 422 problem lists `errors: [{ feature, code, rule, message, message_en }]`.',
        params: Type.Object({ code: Code }),
        querystring: Type.Object({
          level: Type.Optional(Type.Union([Type.Literal('wijk'), Type.Literal('buurt')])),
          validFrom: Type.Optional(IsoDate),
          closeMissing: Type.Optional(IsoDate),
          populationYear: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100 })),
        }),
        body: Type.Object({ type: Type.String() }, { additionalProperties: true }),
        response: {
          200: Type.Object({
            created: Type.Integer(),
            updated: Type.Integer(),
            unchanged: Type.Integer(),
            closed: Type.Integer(),
            skipped: Type.Integer(),
            warnings: Type.Array(Type.String()),
          }),
        },
      },
    },
    async (request) => {
      const db = app.services.db;
      const result = await db.transaction(async (tx) => {
        const municipality = await loadMunicipality(tx, request.params.code);
        const actor = requireActor(request, municipality.id);
        authorize(actor, 'area.manage', await rootLineage(tx, municipality.id));
        return importAreas(tx, { document: request.body, municipalityCode: municipality.code, ...request.query }, { ...auditContext(request), source: 'api' });
      });
      const { created, updated, unchanged, closed, skipped, warnings } = result;
      return { created, updated, unchanged, closed, skipped, warnings };
    },
  );

  app.post(
    '/api/municipalities/:code/areas',
    {
      schema: {
        tags: ['areas'],
        summary: 'Create a custom area (pilot, aandachtsgebied) or a district made of existing areas (needs area.manage)',
        params: Type.Object({ code: Code }),
        body: Type.Object(
          {
            code: Type.String({ minLength: 1, maxLength: 40 }),
            name: Type.String({ minLength: 1, maxLength: 120 }),
            kind: Type.Enum(customAreaKinds),
            memberIds: Type.Array(Type.String(), { minItems: 1, maxItems: 1000 }),
            validFrom: IsoDate,
            validTo: Type.Optional(Nullable(IsoDate)),
          },
          { additionalProperties: false },
        ),
        response: { 201: AreaSummary },
      },
    },
    async (request, reply) => {
      const db = app.services.db;
      const created = await db.transaction(async (tx) => {
        const municipality = await loadMunicipality(tx, request.params.code);
        const actor = requireActor(request, municipality.id);
        // A pilot or aandachtsgebied needs area.manage on every member; a district regroups wijken
        // under the municipality, so it needs area.manage on the municipality. Unknown members are
        // left to the command (422).
        // One query at a time: a transaction has one connection.
        const memberLineages: string[][] = [];
        if (request.body.kind !== 'district') {
          for (const id of request.body.memberIds.filter(isUuid)) {
            const lineage = await areaLineage(tx, municipality.id, id);
            if (lineage.length > 0) memberLineages.push(lineage);
          }
        }
        const lineages = memberLineages.length > 0 ? memberLineages : [await rootLineage(tx, municipality.id)];
        for (const lineage of lineages) authorize(actor, 'area.manage', lineage);
        const area = await createCustomArea(tx, municipality.id, request.body, auditContext(request));
        const [row] = await findAreasByIds(tx, municipality.id, [area.id]);
        if (!row) throw new Error('created area not found');
        return row;
      });
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/api/municipalities/:code/areas/:areaId/end',
    {
      schema: {
        tags: ['areas'],
        summary: 'End an area on a date (exclusive: the first day it no longer applies), optionally naming its successor; history is kept (needs area.manage)',
        params: Type.Object({ code: Code, areaId: Type.String() }),
        body: Type.Object(
          { validTo: IsoDate, replacedBy: Type.Optional(Nullable(Type.String())), reason: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            id: Type.String(),
            code: Type.String(),
            validFrom: Type.String(),
            validTo: Type.String(),
            replacedBy: Nullable(AreaRef),
            movedChildren: Type.Integer(),
          }),
        },
      },
    },
    async (request) => {
      const db = app.services.db;
      return db.transaction(async (tx) => {
        const municipality = await loadMunicipality(tx, request.params.code);
        const actor = requireActor(request, municipality.id);
        const area = await findArea(tx, municipality.id, request.params.areaId);
        if (!area) throw notFound({ nl: 'Dit gebied bestaat niet (meer) in deze gemeente.', en: 'This area does not exist in this municipality.' });
        authorize(actor, 'area.manage', await areaLineage(tx, municipality.id, area.id));
        return endArea(tx, municipality.id, area.id, request.body, auditContext(request));
      });
    },
  );

  app.get(
    '/api/municipalities/:code/areas',
    {
      schema: {
        tags: ['areas'],
        summary: 'Areas of a municipality (public)',
        params: Type.Object({ code: Code }),
        querystring: Type.Object({
          level: Type.Optional(Level),
          on: Type.Optional(IsoDate),
          includeHistory: Type.Optional(Type.Boolean()),
          parentId: Type.Optional(Type.String()),
        }),
        response: { 200: Type.Array(AreaSummary) },
      },
    },
    async (request) => {
      const municipality = await loadMunicipality(app.services.db, request.params.code);
      return listAreas(app.services.db, municipality.id, request.query);
    },
  );

  app.get(
    '/api/municipalities/:code/areas.geojson',
    {
      schema: {
        tags: ['areas'],
        summary: 'Boundaries of one level as a GeoJSON FeatureCollection (public)',
        params: Type.Object({ code: Code }),
        querystring: Type.Object({ level: Level, on: Type.Optional(IsoDate) }),
      },
    },
    async (request, reply) => {
      const municipality = await loadMunicipality(app.services.db, request.params.code);
      const rows = await listAreaGeometries(app.services.db, municipality.id, request.query.level, request.query.on ?? today());
      reply.type('application/geo+json');
      return {
        type: 'FeatureCollection',
        attribution: 'Bron: CBS, Kadaster (wijk- en buurtkaart, CC BY 4.0)',
        features: rows
          .filter((r) => r.geometry)
          .map((r) => ({
            type: 'Feature',
            id: r.id,
            properties: { id: r.id, code: r.code, name: r.name, level: r.level, population: r.population },
            geometry: r.geometry,
          })),
      };
    },
  );

  app.get(
    '/api/municipalities/:code/areas/:areaId',
    {
      schema: {
        tags: ['areas'],
        summary: 'One area with its parents and sub-areas; its team when the caller has a role there',
        params: Type.Object({ code: Code, areaId: Type.String() }),
      },
    },
    async (request) => {
      const db = app.services.db;
      const municipality = await loadMunicipality(db, request.params.code);
      const area = await findArea(db, municipality.id, request.params.areaId);
      if (!area) throw notFound({ nl: 'Dit gebied bestaat niet (meer) in deze gemeente.', en: 'This area does not exist in this municipality.' });
      const lineage = await areaLineage(db, municipality.id, area.id);
      const [children, ancestors] = await Promise.all([
        listAreas(db, municipality.id, { parentId: area.id, includeHistory: true }),
        findAreasByIds(db, municipality.id, lineage.slice(1)),
      ]);
      const actor = request.actor?.municipalityId === municipality.id ? request.actor : null;
      const internal = actor !== null && canSee(actor, lineage);
      const { geometry, minLon, minLat, maxLon, maxLat, createdAt: _createdAt, municipalityId: _m, ...rest } = area;
      return {
        ...rest,
        geometry,
        bbox: minLon === null ? null : [minLon, minLat, maxLon, maxLat],
        ancestors: lineage
          .slice(1)
          .map((id) => ancestors.find((a) => a.id === id))
          .filter((a) => a !== undefined),
        children,
        members:
          area.level === 'custom' || area.level === 'district' ? await findAreasByIds(db, municipality.id, await listCustomAreaMembers(db, area.id)) : [],
        team: internal ? await listTeam(db, municipality.id, lineage, today()) : null,
        abilities: actor ? abilitiesOn(actor, lineage, ['area.manage', 'team.assign', 'roles.assign', 'people.manage']) : [],
        attribution: 'Bron: CBS',
      };
    },
  );
}
