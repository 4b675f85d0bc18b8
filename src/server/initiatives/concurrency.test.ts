// SPDX-License-Identifier: EUPL-1.2
// 100 approvals at the same instant compete for a budget with room for exactly 10. The budget row
// is locked (SELECT … FOR UPDATE) before the entries are read, so exactly 10 succeed, the other 90
// get a clear problem+json (budget_insufficient), nothing of theirs is saved, and the ledger
// balances to the cent. On PostgreSQL the transactions really run concurrently (pool of 30); on
// PGlite the pool serialises them — the same test, the same outcome.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, engineName, givenMunicipality, givenPerson, type TestContext, type TestMunicipality } from '../testing/harness.js';
import { defineRules } from '../../core/mandates/index.js';
import { euros } from '../../core/money.js';
import { verifyAuditChain } from '../audit/audit.js';
import { ledgerEntries } from '../budgets/schema.js';
import { initiatives, initiativeLetters } from './schema.js';
import { Client, expectBalanced, ledgerOf, realTime, rulesBody, setToday, type Json } from './testing.js';

const APPLICATIONS = 100;
const ROOM = 10;
const ASKED = euros(1_000);

describe(`${APPLICATIONS} concurrent approvals for room for ${ROOM} (${engineName})`, () => {
  let t: TestContext;
  let m: TestMunicipality;
  let budget: Json;
  const ids: string[] = [];
  let deciders: Client[];

  beforeAll(async () => {
    setToday('2024-03-04');
    t = await createTestApp();
    m = await givenMunicipality(t.db, 'GM0983', 'Venlo', [{ code: 'WK098301', name: 'Venlo-Centrum', level: 'wijk' }]);
    const names = ['Rita Regisseur', 'Rob Regisseur', 'Ria Regisseur', 'Ruud Regisseur'];
    for (const name of names) await givenPerson(t.db, m, name, [['wijkregisseur', 'GM0983']]);
    await givenPerson(t.db, m, 'Bert Bewoner');
    deciders = names.map((name) => new Client(t, 'GM0983', `${name.toLowerCase().replace(' ', '.')}@gm0983.test`));
    const resident = new Client(t, 'GM0983', 'bert.bewoner@gm0983.test');
    const [rita] = deciders;
    await rita!.ok(
      '/rules',
      rulesBody(
        defineRules({
          budgetKey: 'venlo-wijkbudget',
          version: 1,
          name: 'Wijkbudget Venlo',
          validFrom: '2024-01-01',
          eligiblePurposes: ['liveability'],
          applicantTypes: ['residents_group', 'resident'],
          maxAmount: euros(5_000),
          mandates: [{ role: 'wijkregisseur', label: 'wijkregisseur', upTo: null }],
        }),
      ),
    );
    budget = await rita!.ok('/budgets', {
      areaId: m.areas.WK098301,
      rulesKey: 'venlo-wijkbudget',
      name: 'Wijkbudget Venlo-Centrum 2024',
      year: 2024,
      fundingSources: [{ kind: 'municipal_programme', name: 'Programma leefbaarheid', amount: ROOM * ASKED }],
    });
    for (let i = 0; i < APPLICATIONS; i++) {
      const draft = await resident.ok('/initiatives', {
        areaId: m.areas.WK098301,
        title: `Initiatief ${i + 1}`,
        description: 'Bloembakken in de straat.',
        purpose: 'liveability',
        costLines: [{ description: 'Bloembakken', amount: ASKED }],
      });
      await resident.ok(`/initiatives/${draft.id}/submit`);
      await rita!.ok(`/initiatives/${draft.id}/admissibility`, { admissible: true });
      ids.push(draft.id as string);
    }
    // Sign every decider in before the race, so the race is only about the decisions.
    for (const d of deciders) await d.get('/budgets');
  }, 300_000);
  afterAll(async () => {
    realTime();
    await t.close();
  });

  it('grants exactly 10, refuses 90 with budget_insufficient, and the ledger balances to the cent', async () => {
    const replies = await Promise.all(
      ids.map((id, i) => deciders[i % deciders.length]!.post(`/initiatives/${id}/decide`, { grantedAmount: ASKED, motivation: 'Past binnen de spelregels.' })),
    );
    const granted = replies.filter((r) => r.status === 200);
    const refused = replies.filter((r) => r.status !== 200);
    expect(granted).toHaveLength(ROOM);
    expect(refused).toHaveLength(APPLICATIONS - ROOM);
    for (const r of refused) {
      expect(r.status).toBe(422);
      expect(String(r.headers['content-type'])).toContain('application/problem+json');
      expect(r.body.code).toBe('budget_insufficient');
      expect(r.body.detail).toMatch(/^Onvoldoende vrije ruimte in het budget voor deze reservering: nodig € 1\.000,00, vrij € 0,00/);
    }

    const { rows, balance } = await ledgerOf(t, budget.id);
    const reservations = rows.filter((r) => r.type === 'reservation');
    expect(reservations).toHaveLength(ROOM);
    expect(reservations.reduce((sum, r) => sum + r.amountCents, 0)).toBe(ROOM * ASKED);
    expect(balance).toMatchObject({ available: ROOM * ASKED, reserved: ROOM * ASKED, paid: 0, free: 0 });
    const view = await expectBalanced(t, deciders[0]!, budget.id);
    expect(view.freeCents).toBe(0);

    // Nothing of a refused decision was saved: still admissible, no letter, no ledger entry.
    const statuses = await t.db
      .select({ id: initiatives.id, status: initiatives.status, grantedCents: initiatives.grantedCents })
      .from(initiatives)
      .where(eq(initiatives.municipalityId, m.id));
    expect(statuses.filter((s) => s.status === 'granted')).toHaveLength(ROOM);
    expect(statuses.filter((s) => s.status === 'admissible' && s.grantedCents === null)).toHaveLength(APPLICATIONS - ROOM);
    const grantedIds = new Set(statuses.filter((s) => s.status === 'granted').map((s) => s.id));
    expect(new Set(reservations.map((r) => r.initiativeId))).toEqual(grantedIds);
    expect(await t.db.select().from(initiativeLetters)).toHaveLength(ROOM);
    expect((await t.db.select().from(ledgerEntries)).length).toBe(1 + ROOM);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});
