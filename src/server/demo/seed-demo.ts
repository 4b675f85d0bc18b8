// SPDX-License-Identifier: EUPL-1.2
// The Venlo demo (GM0983), built from real CBS data shipped in ./data (see data/README.md):
// - the municipality boundary 2024 and 2024 population (CBS 85984NED);
// - its 21 wijken (wijk- en buurtkaart 2024, population 2024) and 114 buurten (2019, generalised;
//   CBS ships no buurt names with that file, so each buurt is named after its wijk and number);
// - five districts (stadsdelen) grouping the wijken by the first digit of the CBS wijk number, which
//   follows the former municipalities: 1 Venlo, 2 Blerick, 3 Tegelen (with Steyl), 4 Arcen en
//   Velden (Velden, Lomm, Arcen), 5 Belfeld;
// - the pilot story of the 2016 council paper: "Pilotgebied Klingerberg" (2016) replaced by
//   "Pilotgebied Blerick en Steyl" (2017), both kept in history;
// - organisations, and demo people with fixed sign-ins (password `wijkwijs-demo`).
// Everything in one transaction, audited. Used by `npm start` on an empty database and by
// `wijkwijs seed-demo`.
import { readFileSync } from 'node:fs';
import type { Db } from '../db/client.js';
import { createMunicipality } from '../municipalities/commands/create-municipality.js';
import type { MunicipalitySettings } from '../municipalities/settings.js';
import { importAreas } from '../areas/commands/import-areas.js';
import { createCustomArea } from '../areas/commands/create-custom-area.js';
import { endArea } from '../areas/commands/end-area.js';
import { listAreas } from '../areas/queries.js';
import { organisations, people, roleAssignments, type OrganisationKind } from '../people/schema.js';
import type { RoleKey } from '../../core/access/roles.js';
import { hashPassword } from '../auth/password.js';
import { recordAudit, type AuditActor } from '../audit/audit.js';
import { demoFile } from './data-files.js';
import { seedInitiatives } from './seed-initiatives.js';
import { seedDemoIndicators } from '../indicators/demo.js';
import { seedRoundsDemo } from '../rounds/demo.js';
import { seedSurveysDemo } from '../surveys/demo.js';

export const DEMO_MUNICIPALITY_CODE = 'GM0983';
export const DEMO_PASSWORD = 'wijkwijs-demo';
/** Areas of the demo apply from this date: the pilot story starts in 2016. */
const DEMO_VALID_FROM = '2016-01-01';
const POPULATION_YEAR = 2024;

export const demoSettings: MunicipalitySettings = {
  // Slate grey: neutral, 9.9:1 against white text (WCAG AA needs 4.5:1).
  theme: { primaryColor: '#37474f', displayName: 'Gemeente Venlo' },
  roleLabels: { wijkregisseur: { nl: 'wijkregisseur', en: 'area manager' } },
  residentEmailSignIn: true,
};

/** Stadsdelen: the first digit of the two-digit CBS wijk number (WK0983 d x). */
export const demoDistricts = [
  { digit: '1', code: 'SD0983-VENLO', name: 'Stadsdeel Venlo' },
  { digit: '2', code: 'SD0983-BLERICK', name: 'Stadsdeel Blerick' },
  { digit: '3', code: 'SD0983-TEGELEN', name: 'Stadsdeel Tegelen' },
  { digit: '4', code: 'SD0983-ARCEN-VELDEN', name: 'Stadsdeel Arcen en Velden' },
  { digit: '5', code: 'SD0983-BELFELD', name: 'Stadsdeel Belfeld' },
] as const;

const KLINGERBERG = 'WK098325';
const STEYL = 'WK098335';

interface DemoOrganisation {
  key: string;
  name: string;
  kind: OrganisationKind;
}
const demoOrganisations: DemoOrganisation[] = [
  { key: 'wijkgericht', name: 'Gemeente Venlo – Wijkgericht werken', kind: 'municipal_department' },
  { key: 'openbare-ruimte', name: 'Gemeente Venlo – Openbare ruimte', kind: 'municipal_department' },
  { key: 'onderzoek', name: 'Gemeente Venlo – Onderzoek en statistiek', kind: 'municipal_department' },
  { key: 'financien', name: 'Gemeente Venlo – Financiën en control', kind: 'municipal_department' },
  { key: 'bestuur', name: 'Gemeente Venlo – Bestuur', kind: 'municipal_department' },
  { key: 'woonwenz', name: 'Woonwenz', kind: 'housing_corporation' },
  { key: 'politie', name: 'Politie Limburg, basisteam Venlo', kind: 'police' },
  { key: 'synthese', name: 'Synthese', kind: 'welfare' },
  { key: 'zorg', name: 'Wijkverpleging Venlo (demo-zorgorganisatie)', kind: 'care' },
];

/** Where a role is held: the whole municipality, a district (by code) or a wijk (by code). */
interface DemoPerson {
  email: string;
  name: string;
  organisation: string | null;
  role: RoleKey;
  area: string;
  /** People without a sign-in fill the team but cannot log in. */
  signIn: boolean;
}
const demoPeople: DemoPerson[] = [
  { email: 'beheerder@venlo.demo', name: 'Bram Beheerder', organisation: 'wijkgericht', role: 'beheerder', area: DEMO_MUNICIPALITY_CODE, signIn: true },
  { email: 'wethouder@venlo.demo', name: 'Wendy Wethouder', organisation: 'bestuur', role: 'wijkwethouder', area: 'SD0983-BLERICK', signIn: true },
  { email: 'regisseur@venlo.demo', name: 'Ruud Regisseur', organisation: 'wijkgericht', role: 'wijkregisseur', area: 'SD0983-BLERICK', signIn: true },
  { email: 'wijkwerker@venlo.demo', name: 'Wies Wijkwerker', organisation: 'synthese', role: 'wijkwerker', area: KLINGERBERG, signIn: true },
  {
    email: 'accounthouder@venlo.demo',
    name: 'Anton Accounthouder',
    organisation: 'openbare-ruimte',
    role: 'accounthouder',
    area: DEMO_MUNICIPALITY_CODE,
    signIn: true,
  },
  { email: 'partner@venlo.demo', name: 'Petra Partner', organisation: 'woonwenz', role: 'partner', area: 'SD0983-BLERICK', signIn: true },
  { email: 'onderzoeker@venlo.demo', name: 'Olga Onderzoeker', organisation: 'onderzoek', role: 'onderzoeker', area: DEMO_MUNICIPALITY_CODE, signIn: true },
  { email: 'controller@venlo.demo', name: 'Cor Controller', organisation: 'financien', role: 'controller', area: DEMO_MUNICIPALITY_CODE, signIn: true },
  { email: 'raadslid@venlo.demo', name: 'Roos Raadslid', organisation: null, role: 'raadslid', area: DEMO_MUNICIPALITY_CODE, signIn: true },
  { email: 'wijkagent@venlo.demo', name: 'Koen Wijkagent', organisation: 'politie', role: 'partner', area: 'SD0983-BLERICK', signIn: false },
  { email: 'wijkverpleegkundige@venlo.demo', name: 'Zeynep Zorg', organisation: 'zorg', role: 'partner', area: 'SD0983-BLERICK', signIn: false },
];

type Json = Record<string, unknown>;
const readJson = (file: string): Json => JSON.parse(readFileSync(file, 'utf8')) as Json;

/** The shipped extracts, with 2024 population from CBS 85984NED and readable buurt names added in memory. */
export function loadDemoDocuments(): { gemeente: Json; wijken: Json; buurten: Json; kerncijfers: Record<string, { AantalInwoners_5?: number }> } {
  const kerncijfers = readJson(demoFile('kerncijfers')) as Record<string, { AantalInwoners_5?: number }>;
  const gemeente = readJson(demoFile('gemeente'));
  const wijken = readJson(demoFile('wijken')) as { features: { properties: Json }[] } & Json;
  const buurten = readJson(demoFile('buurten')) as { objects: { buurten: { geometries: { properties: Json }[] } } } & Json;
  const wijkNames = new Map<string, string>();
  for (const f of wijken.features) {
    const code = String(f.properties.wijkcode);
    const population = kerncijfers[code]?.AantalInwoners_5;
    if (typeof population === 'number') f.properties.aantal_inwoners = population;
    wijkNames.set(code, String(f.properties.wijknaam).replace(/^Wijk [0-9]+ /, ''));
  }
  for (const g of buurten.objects.buurten.geometries) {
    const code = String(g.properties.statcode);
    const wijk = wijkNames.get(`WK${code.slice(2, 8)}`);
    g.properties.buurtnaam = wijk ? `${wijk}, buurt ${code.slice(8)}` : code;
  }
  return { gemeente, wijken, buurten, kerncijfers };
}

export async function seedDemo(db: Db): Promise<{ municipalityId: string; signIns: string[] }> {
  const actor: AuditActor = { personId: null, label: 'demo' };
  const docs = loadDemoDocuments();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const municipalityPopulation = docs.kerncijfers[DEMO_MUNICIPALITY_CODE]?.AantalInwoners_5 ?? null;

  return db.transaction(async (tx) => {
    // createMunicipality opens its own transaction; inside ours it becomes a savepoint, so the whole seed stays one unit.
    const { id: municipalityId } = await createMunicipality(
      tx,
      {
        code: DEMO_MUNICIPALITY_CODE,
        name: 'Venlo',
        settings: demoSettings,
        population: municipalityPopulation,
        populationYear: POPULATION_YEAR,
        validFrom: '2010-01-01',
      },
      actor,
    );
    const ctx = { actor, requestId: null };
    await importAreas(
      tx,
      { document: docs.gemeente, municipalityCode: DEMO_MUNICIPALITY_CODE, populationYear: POPULATION_YEAR },
      { ...ctx, source: 'demo: venlo-gemeente-2024.geojson' },
    );
    await importAreas(
      tx,
      { document: docs.wijken, municipalityCode: DEMO_MUNICIPALITY_CODE, level: 'wijk', validFrom: DEMO_VALID_FROM, populationYear: POPULATION_YEAR },
      { ...ctx, source: 'demo: venlo-wijken-2024.geojson' },
    );
    await importAreas(
      tx,
      { document: docs.buurten, municipalityCode: DEMO_MUNICIPALITY_CODE, level: 'buurt', validFrom: DEMO_VALID_FROM },
      { ...ctx, source: 'demo: venlo-buurten-2019.topojson.json' },
    );

    const wijken = await listAreas(tx, municipalityId, { level: 'wijk', includeHistory: true });
    const areaIds = new Map<string, string>(wijken.map((w) => [w.code, w.id]));
    for (const d of demoDistricts) {
      const members = wijken.filter((w) => w.code.slice(6, 7) === d.digit).map((w) => w.id);
      const district = await createCustomArea(
        tx,
        municipalityId,
        { code: d.code, name: d.name, kind: 'district', memberIds: members, validFrom: DEMO_VALID_FROM },
        ctx,
      );
      areaIds.set(d.code, district.id);
    }

    // Venlo 2016: the pilot area grows from the wijk Klingerberg to stadsdeel Blerick with Steyl, until 31-12-2017.
    const klingerberg = await createCustomArea(
      tx,
      municipalityId,
      { code: 'PILOT-KLINGERBERG', name: 'Pilotgebied Klingerberg', kind: 'pilot', memberIds: [areaIds.get(KLINGERBERG)!], validFrom: '2016-01-01' },
      ctx,
    );
    const blerick = await createCustomArea(
      tx,
      municipalityId,
      {
        code: 'PILOT-BLERICK-STEYL',
        name: 'Pilotgebied Blerick en Steyl',
        kind: 'pilot',
        memberIds: [areaIds.get('SD0983-BLERICK')!, areaIds.get(STEYL)!],
        validFrom: '2017-01-01',
        validTo: '2018-01-01',
      },
      ctx,
    );
    await endArea(
      tx,
      municipalityId,
      klingerberg.id,
      { validTo: '2017-01-01', replacedBy: blerick.id, reason: 'Pilot uitgebreid naar stadsdeel Blerick met Steyl (raadsvoorstel wijkgericht werken, 2016).' },
      ctx,
    );

    // Organisations, people and roles, in three inserts.
    const orgRows = await tx
      .insert(organisations)
      .values(demoOrganisations.map((o) => ({ municipalityId, name: o.name, kind: o.kind })))
      .returning({ id: organisations.id, name: organisations.name });
    const orgId = (key: string | null): string | null =>
      key === null ? null : (orgRows.find((r) => r.name === demoOrganisations.find((o) => o.key === key)?.name)?.id ?? null);
    const personRows = await tx
      .insert(people)
      .values(
        demoPeople.map((p) => ({
          municipalityId,
          name: p.name,
          email: p.email,
          organisationId: orgId(p.organisation),
          passwordHash: p.signIn ? passwordHash : null,
        })),
      )
      .returning({ id: people.id, email: people.email });
    const rootId = (await listAreas(tx, municipalityId, { level: 'municipality', includeHistory: true }))[0]?.id;
    areaIds.set(DEMO_MUNICIPALITY_CODE, rootId!);
    await tx.insert(roleAssignments).values(
      demoPeople.map((p) => ({
        municipalityId,
        personId: personRows.find((r) => r.email === p.email)!.id,
        role: p.role,
        areaId: areaIds.get(p.area)!,
        validFrom: DEMO_VALID_FROM,
      })),
    );
    await seedInitiatives(tx, { municipalityId, ...ctx }, areaIds);
    await seedDemoIndicators(tx, DEMO_MUNICIPALITY_CODE);
    await seedRoundsDemo(tx, { municipalityId, ...ctx }, areaIds);
    await seedSurveysDemo(tx, { municipalityId, ...ctx }, areaIds);

    await recordAudit(tx, {
      municipalityId,
      actor,
      action: 'demo.seed',
      entityType: 'municipality',
      entityId: municipalityId,
      after: {
        organisations: demoOrganisations.length,
        people: demoPeople.length,
        districts: demoDistricts.length,
        pilots: 2,
        source: 'Bron: CBS (wijk- en buurtkaart 2019 en 2024, 85984NED)',
      },
    });

    const areaName = (code: string): string =>
      code === DEMO_MUNICIPALITY_CODE ? '' : `, ${demoDistricts.find((d) => d.code === code)?.name ?? wijken.find((w) => w.code === code)?.name ?? code}`;
    const signIns = demoPeople.filter((p) => p.signIn).map((p) => `${p.email} / ${DEMO_PASSWORD} (${p.role}${areaName(p.area)})`);
    return { municipalityId, signIns };
  });
}
