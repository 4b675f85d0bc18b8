// SPDX-License-Identifier: EUPL-1.2
// The Venlo demo has an open voting round in Blerick (vote with a code the demo wijkregisseur makes)
// and last year's closed round in Klingerberg with published results and turnout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engineName, type TestContext } from '../testing/harness.js';
import { seedDemo, DEMO_PASSWORD } from '../demo/seed-demo.js';
import { Client, type Json } from '../initiatives/testing.js';
import { codesFrom } from './testing.js';
import { DEMO_ROUND_NAME } from './demo.js';

describe(`budget rounds in the Venlo demo (${engineName})`, () => {
  let t: TestContext;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.db);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('has an open round in which a code made by regisseur@venlo.demo votes', async () => {
    const anonymous = new Client(t, 'GM0983', null);
    const list = (await anonymous.get('/public/rounds')).body as Json[];
    const open = list.find((r) => String(r.name).startsWith(DEMO_ROUND_NAME))!;
    expect(open).toMatchObject({ status: 'voting', abilities: { vote: true } });
    expect(open.areas.map((a: Json) => a.areaName)).toEqual(['Wijk 21 Blerick-Midden', 'Wijk 22 Blerick-Noord', 'Wijk 23 Blerick-Zuid']);
    const ideas = (await anonymous.get(`/public/rounds/${open.id}/ideas`)).body as Json[];
    expect(ideas.filter((i) => i.status === 'rejected').every((i) => typeof i.rejectionReason === 'string')).toBe(true);

    // regisseur@venlo.demo signs in with the demo password (Client uses the harness password, so sign in here).
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { municipality: 'GM0983', email: 'regisseur@venlo.demo', password: DEMO_PASSWORD },
    });
    const cookie = `wijkwijs_session=${login.cookies.find((c) => c.name === 'wijkwijs_session')!.value}`;
    const regisseur = new Client(t, 'GM0983', null).useSession(cookie, login.json<{ csrfToken: string }>().csrfToken);
    const areaId = open.areas[0].areaId as string;
    const [code] = codesFrom(await regisseur.post(`/rounds/${open.id}/codes`, { areaId, count: 1 }));
    const check = await anonymous.post(`/public/rounds/${open.id}/code-check`, { code });
    expect(check.body.projects.length).toBeGreaterThanOrEqual(3);
    const vote = await anonymous.post(`/public/rounds/${open.id}/ballots`, { code, areaId, projects: [check.body.projects[0].id] });
    expect(vote.status).toBe(201);
  });

  it('has last year’s round with results and turnout', async () => {
    const anonymous = new Client(t, 'GM0983', null);
    const closed = ((await anonymous.get('/public/rounds')).body as Json[]).find((r) => String(r.name).startsWith('Buurt Bestuurt Klingerberg'))!;
    expect(closed.status).toBe('results');
    const results = (await anonymous.get(`/public/rounds/${closed.id}/results`)).body;
    expect(results.areas[0]).toMatchObject({ ballots: 140, eligible: 400, turnoutPercent: 35 });
    expect(results.areas[0].projects.some((p: Json) => p.funded)).toBe(true);
    expect(results.areas[0].spentCents).toBeLessThanOrEqual(12_000_00);
    expect(results.turnoutByAgeGroup.reduce((s: number, g: Json) => s + g.ballots, 0)).toBe(140);
  });
});
