// SPDX-License-Identifier: EUPL-1.2
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { municipalities } from '../schema.js';
import { areas, type GeoJsonGeometry } from '../../areas/schema.js';
import { defaultSettings, validateSettings, type MunicipalitySettings } from '../settings.js';
import { recordAudit, type AuditActor } from '../../audit/audit.js';
import { conflict, invalid } from '../../errors.js';

export interface CreateMunicipalityInput {
  code: string;
  name: string;
  settings?: MunicipalitySettings;
  geometry?: GeoJsonGeometry | null;
  population?: number | null;
  populationYear?: number | null;
  validFrom?: string;
}

/** A new tenant with its root area (level municipality, same CBS code). */
export async function createMunicipality(db: Db, input: CreateMunicipalityInput, actor: AuditActor): Promise<{ id: string; rootAreaId: string }> {
  const code = input.code.toUpperCase();
  if (!/^GM[0-9]{4}$/.test(code)) {
    throw invalid('municipality_code_invalid', {
      nl: `"${input.code}" is geen CBS-gemeentecode (GM gevolgd door vier cijfers).`,
      en: `"${input.code}" is not a CBS municipality code.`,
    });
  }
  const settings = validateSettings(input.settings ?? defaultSettings(input.name));
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.code, code));
    if (existing) throw conflict('municipality_exists', { nl: `Gemeente ${code} bestaat al.`, en: `Municipality ${code} already exists.` });
    const [m] = await tx.insert(municipalities).values({ code, name: input.name, settings }).returning();
    if (!m) throw new Error('insert failed');
    const [root] = await tx
      .insert(areas)
      .values({
        municipalityId: m.id,
        code,
        name: input.name,
        level: 'municipality',
        geometry: input.geometry ?? null,
        population: input.population ?? null,
        populationYear: input.populationYear ?? null,
        validFrom: input.validFrom ?? '1900-01-01',
      })
      .returning({ id: areas.id });
    if (!root) throw new Error('insert failed');
    await recordAudit(tx, {
      municipalityId: m.id,
      actor,
      action: 'municipality.create',
      entityType: 'municipality',
      entityId: m.id,
      after: { code, name: input.name },
    });
    return { id: m.id, rootAreaId: root.id };
  });
}
