// SPDX-License-Identifier: EUPL-1.2
// A custom area made of existing areas: a pilot area or an aandachtsgebied (level custom), or a
// district (stadsdeel, kern) grouping wijken (level district; the wijken then hang under it). Its
// members are recorded in area_members, so the grouping stays known after it ends. Geometry and
// population follow from the members when they have them. Runs in the caller's transaction.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { areaMembers, areas } from '../schema.js';
import { findAreasByIds, findOverlappingByCode, findRootArea, isUuid, type Writer } from '../queries.js';
import { bboxOf, combineGeometries, looksLikeCbsCode, roundGeometry, unionBBox, type AreaGeometry } from '../../../core/geo/index.js';
import { recordAudit, type AuditActor } from '../../audit/audit.js';
import { conflict, invalid } from '../../errors.js';

export const customAreaKinds = ['pilot', 'aandachtsgebied', 'district'] as const;
export type CustomAreaKind = (typeof customAreaKinds)[number];

export interface CreateCustomAreaInput {
  code: string;
  name: string;
  kind: CustomAreaKind;
  memberIds: string[];
  validFrom: string;
  /** First day the area no longer applies (exclusive), or open-ended. */
  validTo?: string | null | undefined;
}

export interface CreatedArea {
  id: string;
  code: string;
  name: string;
  level: 'custom' | 'district';
  kind: CustomAreaKind;
  memberIds: string[];
  validFrom: string;
  validTo: string | null;
}

const codePattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;
const isoDate = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

export async function createCustomArea(
  tx: Writer,
  municipalityId: string,
  input: CreateCustomAreaInput,
  ctx: { actor: AuditActor; requestId?: string | null },
): Promise<CreatedArea> {
  const code = input.code.trim();
  const name = input.name.trim();
  const validTo = input.validTo ?? null;
  if (!codePattern.test(code) || looksLikeCbsCode(code)) {
    throw invalid('area_code_invalid', {
      nl: `"${input.code}" is geen geldige code voor een eigen gebied: gebruik letters, cijfers, - of _ (hoogstens 40 tekens), en geen CBS-code (GM…, WK…, BU…).`,
      en: `"${input.code}" is not a valid code for a custom area: letters, digits, - or _ (at most 40), and not a CBS code.`,
    });
  }
  if (name.length === 0) throw invalid('area_name_required', { nl: 'Geef het gebied een naam.', en: 'Give the area a name.' });
  for (const [field, value] of [
    ['validFrom', input.validFrom],
    ['validTo', validTo],
  ] as const) {
    if (value !== null && (!isoDate.test(value) || Number.isNaN(Date.parse(value)))) {
      throw invalid('date_invalid', { nl: `${field} moet een datum zijn als 2024-01-01.`, en: `${field} must be a date like 2024-01-01.` });
    }
  }
  if (validTo !== null && validTo <= input.validFrom) {
    throw invalid('area_period_invalid', {
      nl: `De einddatum (${validTo}) moet na de begindatum (${input.validFrom}) liggen.`,
      en: `validTo (${validTo}) must be after validFrom (${input.validFrom}).`,
    });
  }

  const memberIds = [...new Set(input.memberIds)];
  if (memberIds.length === 0)
    throw invalid('area_members_required', {
      nl: 'Een eigen gebied bestaat uit minstens één ander gebied.',
      en: 'A custom area consists of at least one other area.',
    });
  const members = await findAreasByIds(tx, municipalityId, memberIds.filter(isUuid));
  const unknown = memberIds.filter((id) => !members.some((m) => m.id === id));
  if (unknown.length > 0) {
    throw invalid(
      'area_members_invalid',
      {
        nl: `Deze gebieden bestaan niet in deze gemeente: ${unknown.join(', ')}.`,
        en: `These areas do not exist in this municipality: ${unknown.join(', ')}.`,
      },
      { memberIds: unknown },
    );
  }
  const wrongLevel = members.filter((m) => (input.kind === 'district' ? m.level !== 'wijk' : m.level === 'municipality'));
  if (wrongLevel.length > 0) {
    throw invalid(
      'area_members_invalid',
      input.kind === 'district'
        ? {
            nl: `Een stadsdeel of kern bestaat uit wijken; ${wrongLevel.map((m) => m.code).join(', ')} ${wrongLevel.length === 1 ? 'is geen wijk' : 'zijn geen wijken'}.`,
            en: 'A district consists of wijken.',
          }
        : { nl: 'De hele gemeente kan geen deel van een eigen gebied zijn.', en: 'The whole municipality cannot be a member of a custom area.' },
      { memberIds: wrongLevel.map((m) => m.id) },
    );
  }
  const ended = members.filter((m) => m.validTo !== null && m.validTo <= input.validFrom);
  if (ended.length > 0) {
    throw invalid(
      'area_members_ended',
      {
        nl: `Deze gebieden gelden niet meer op ${input.validFrom}: ${ended.map((m) => `${m.name} (tot ${m.validTo})`).join(', ')}.`,
        en: `These areas are no longer valid on ${input.validFrom}: ${ended.map((m) => m.code).join(', ')}.`,
      },
      { memberIds: ended.map((m) => m.id) },
    );
  }
  const clash = await findOverlappingByCode(tx, municipalityId, code, input.validFrom, validTo);
  if (clash.length > 0) {
    throw conflict('area_code_taken', {
      nl: `De code ${code} is in deze periode al in gebruik (${clash[0]?.name}).`,
      en: `Code ${code} is already in use in this period.`,
    });
  }
  const root = await findRootArea(tx, municipalityId);
  if (!root) throw new Error('municipality without root area');

  // Geometry and population from the members, when every member has them.
  const geometries = await tx
    .select({ id: areas.id, geometry: areas.geometry })
    .from(areas)
    .where(
      and(
        eq(areas.municipalityId, municipalityId),
        inArray(
          areas.id,
          members.map((m) => m.id),
        ),
      ),
    );
  const shapes = geometries.map((g) => g.geometry).filter((g): g is AreaGeometry => g !== null);
  const geometry = shapes.length === members.length ? combineGeometries(shapes.map((g) => roundGeometry(g, 6))) : null;
  const bbox = geometry ? unionBBox(shapes.map(bboxOf)) : null;
  const sameLevel = members.every((m) => m.level === members[0]?.level);
  const years = new Set(members.map((m) => m.populationYear));
  const population =
    sameLevel && years.size === 1 && members.every((m) => m.population !== null) ? members.reduce((sum, m) => sum + (m.population ?? 0), 0) : null;

  const id = randomUUID();
  const level = input.kind === 'district' ? 'district' : 'custom';
  await tx.insert(areas).values({
    id,
    municipalityId,
    code,
    name,
    level,
    kind: input.kind,
    parentId: root.id,
    geometry,
    minLon: bbox?.[0] ?? null,
    minLat: bbox?.[1] ?? null,
    maxLon: bbox?.[2] ?? null,
    maxLat: bbox?.[3] ?? null,
    population,
    populationYear: population === null ? null : (members[0]?.populationYear ?? null),
    validFrom: input.validFrom,
    validTo,
  });
  await tx.insert(areaMembers).values(memberIds.map((memberId) => ({ areaId: id, memberId })));
  // A district is also the parent of its wijken (municipality > district > wijk > buurt).
  if (level === 'district')
    await tx
      .update(areas)
      .set({ parentId: id })
      .where(and(eq(areas.municipalityId, municipalityId), inArray(areas.id, memberIds)));

  await recordAudit(tx, {
    municipalityId,
    actor: ctx.actor,
    action: 'area.create',
    entityType: 'area',
    entityId: id,
    after: {
      code,
      name,
      level,
      kind: input.kind,
      members: members.map((m) => m.code).sort(),
      validFrom: input.validFrom,
      validTo,
      ...(level === 'district' ? { previousParents: Object.fromEntries(members.map((m) => [m.code, m.parentId])) } : {}),
    },
    requestId: ctx.requestId ?? null,
  });
  return { id, code, name, level, kind: input.kind, memberIds, validFrom: input.validFrom, validTo };
}
