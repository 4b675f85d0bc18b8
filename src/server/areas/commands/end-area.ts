// SPDX-License-Identifier: EUPL-1.2
// Ending an area: it gets a valid_to and, optionally, a successor. Nothing is deleted: the area,
// its members and its roles stay for history (lists with includeHistory show it). The successor is
// recorded in the audit trail. Wijken under an ended district move to the successor when it lists
// them as members, otherwise back under the municipality, once the end date has come.
import { and, eq, inArray } from 'drizzle-orm';
import { areas } from '../schema.js';
import { findArea, findRootArea, listChildIds, listCustomAreaMembers, today, type Writer } from '../queries.js';
import { recordAudit, type AuditActor } from '../../audit/audit.js';
import { conflict, invalid, notFound } from '../../errors.js';

export interface EndAreaInput {
  /** First day the area no longer applies (exclusive end). */
  validTo: string;
  /** The area that takes its place (e.g. pilot area Blerick en Steyl after Klingerberg). */
  replacedBy?: string | null | undefined;
  reason?: string | null | undefined;
}

export interface EndedArea {
  id: string;
  code: string;
  validFrom: string;
  validTo: string;
  replacedBy: { id: string; code: string; name: string } | null;
  movedChildren: number;
}

const isoDate = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

export async function endArea(
  tx: Writer,
  municipalityId: string,
  areaId: string,
  input: EndAreaInput,
  ctx: { actor: AuditActor; requestId?: string | null },
): Promise<EndedArea> {
  const area = await findArea(tx, municipalityId, areaId);
  if (!area) throw notFound({ nl: 'Dit gebied bestaat niet (meer) in deze gemeente.', en: 'This area does not exist in this municipality.' });
  if (!isoDate.test(input.validTo) || Number.isNaN(Date.parse(input.validTo))) {
    throw invalid('date_invalid', { nl: 'validTo moet een datum zijn als 2017-01-01.', en: 'validTo must be a date like 2017-01-01.' });
  }
  if (area.level === 'municipality') {
    throw invalid('area_root_cannot_end', { nl: 'De gemeente zelf kan niet worden beëindigd.', en: 'The municipality itself cannot be ended.' });
  }
  if (area.validTo !== null && area.validTo <= input.validTo) {
    throw conflict('area_already_ended', { nl: `${area.name} is al beëindigd per ${area.validTo}.`, en: `${area.name} has already ended on ${area.validTo}.` });
  }
  if (input.validTo <= area.validFrom) {
    throw invalid('area_period_invalid', {
      nl: `De einddatum (${input.validTo}) moet na de begindatum van ${area.name} (${area.validFrom}) liggen.`,
      en: `validTo must be after the area's validFrom (${area.validFrom}).`,
    });
  }
  let successor: { id: string; code: string; name: string } | null = null;
  if (input.replacedBy) {
    const next = input.replacedBy === area.id ? undefined : await findArea(tx, municipalityId, input.replacedBy);
    if (!next)
      throw invalid('area_successor_invalid', {
        nl: 'Het opvolgende gebied bestaat niet in deze gemeente.',
        en: 'The successor area does not exist in this municipality.',
      });
    if (next.validFrom > input.validTo || (next.validTo !== null && next.validTo <= input.validTo)) {
      throw invalid('area_successor_invalid', {
        nl: `Het opvolgende gebied ${next.name} geldt niet op ${input.validTo} (geldig ${next.validFrom} tot ${next.validTo ?? 'nader order'}).`,
        en: `The successor ${next.name} is not valid on ${input.validTo}.`,
      });
    }
    successor = { id: next.id, code: next.code, name: next.name };
  }

  await tx.update(areas).set({ validTo: input.validTo }).where(eq(areas.id, area.id));

  let movedChildren = 0;
  if (input.validTo <= today()) {
    const children = await listChildIds(tx, municipalityId, area.id);
    if (children.length > 0) {
      const successorMembers = successor ? new Set(await listCustomAreaMembers(tx, successor.id)) : new Set<string>();
      const toSuccessor = children.filter((id) => successorMembers.has(id));
      const toRoot = children.filter((id) => !successorMembers.has(id));
      if (successor && toSuccessor.length > 0)
        await tx
          .update(areas)
          .set({ parentId: successor.id })
          .where(and(eq(areas.municipalityId, municipalityId), inArray(areas.id, toSuccessor)));
      const root = await findRootArea(tx, municipalityId);
      if (root && toRoot.length > 0)
        await tx
          .update(areas)
          .set({ parentId: root.id })
          .where(and(eq(areas.municipalityId, municipalityId), inArray(areas.id, toRoot)));
      movedChildren = children.length;
    }
  }

  await recordAudit(tx, {
    municipalityId,
    actor: ctx.actor,
    action: 'area.end',
    entityType: 'area',
    entityId: area.id,
    before: { code: area.code, validTo: area.validTo },
    after: { code: area.code, validTo: input.validTo, replacedBy: successor, movedChildren },
    reason: input.reason ?? null,
    requestId: ctx.requestId ?? null,
  });
  return { id: area.id, code: area.code, validFrom: area.validFrom, validTo: input.validTo, replacedBy: successor, movedChildren };
}
