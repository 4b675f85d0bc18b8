// SPDX-License-Identifier: EUPL-1.2
// A full round through the HTTP API: a draft with two wijken, published; a resident submits ideas;
// staff check them (one feasible, one rejected with its reason) and add projects; codes for a mail
// merge; residents vote with codes (and a paper ballot checked by a second person); the results
// per area with the round's rule, explained per project, and the turnout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { engineName, type TestContext } from '../testing/harness.js';
import { setToday, type Json } from '../initiatives/testing.js';
import { auditEvents } from '../audit/schema.js';
import { roundCodes } from './schema.js';
import { addProjects, codesFrom, DAY, closeRoundWorld, openRoundWorld, roundBody, type RoundWorld } from './testing.js';

describe(`a budget round from ideas to results (${engineName})`, () => {
  let t: TestContext;
  let w: RoundWorld;
  let round: Json;
  let ideaPark: Json;
  let ideaPool: Json;
  let noord: string[];
  let zuid: string[];
  let codes: string[];

  beforeAll(async () => {
    ({ t, w } = await openRoundWorld());
  }, 180_000);
  afterAll(() => closeRoundWorld(t));

  it('creates a draft that only staff see, then publishes it', async () => {
    const created = await w.regisseur.post('/rounds', roundBody(w, { rule: 'equalshares/add1' }));
    expect(created.status).toBe(201);
    round = created.body;
    expect(round).toMatchObject({ status: 'draft', published: false, rule: 'equalshares/add1', abilities: { manage: true } });
    expect(round).not.toHaveProperty('codeSecret');
    expect((await w.anonymous.get(`/public/rounds/${round.id}`)).status).toBe(404);
    expect((await w.resident.get(`/rounds/${round.id}`)).status).toBe(404);
    const edited = await w.regisseur.patch(`/rounds/${round.id}`, { name: 'Buurt Bestuurt Blerick 2026' });
    expect(edited.body.name).toBe('Buurt Bestuurt Blerick 2026');
    const published = await w.regisseur.post(`/rounds/${round.id}/publish`);
    expect(published.body).toMatchObject({ published: true, status: 'ideas' });
    expect((await w.regisseur.patch(`/rounds/${round.id}`, { name: 'x' })).body.code).toBe('round_not_draft');
    const list = await w.anonymous.get('/public/rounds');
    expect(list.body.map((r: Json) => r.name)).toEqual(['Buurt Bestuurt Blerick 2026']);
    expect(list.body[0].abilities).toEqual({ manage: false, vote: false, submitIdea: false });
  });

  it('takes ideas from signed-in residents during the ideas phase only', async () => {
    const early = await w.resident.post(`/public/rounds/${round.id}/ideas`, { areaId: w.areas.noord, title: 'Te vroeg', description: '...' });
    expect(early.body.code).toBe('round_not_in_ideas_phase');
    setToday(DAY.ideas);
    const anonymous = await w.anonymous.post(`/public/rounds/${round.id}/ideas`, { areaId: w.areas.noord, title: 'Anoniem', description: '...' });
    expect(anonymous.status).toBe(401);
    ideaPark = (
      await w.resident.post(`/public/rounds/${round.id}/ideas`, {
        areaId: w.areas.noord,
        title: 'Speeltuin in het park',
        description: 'Nieuwe toestellen',
        estimatedCostCents: 4_000_00,
      })
    ).body;
    ideaPool = (
      await w.resident.post(`/public/rounds/${round.id}/ideas`, {
        areaId: w.areas.noord,
        title: 'Zwembad',
        description: 'Een buitenbad',
        estimatedCostCents: 900_000_00,
      })
    ).body;
    expect(ideaPark).toMatchObject({ status: 'submitted', areaName: 'Blerick-Noord' });
    const wrongArea = await w.resident.post(`/public/rounds/${round.id}/ideas`, { areaId: w.areas.west, title: 'Elders', description: '...' });
    expect(wrongArea.body.code).toBe('area_not_in_round');
    const publicIdeas = await w.anonymous.get(`/public/rounds/${round.id}/ideas`);
    expect(publicIdeas.body).toHaveLength(2);
    expect(publicIdeas.body[0]).not.toHaveProperty('submittedById');
  });

  it('checks ideas: feasible ones become projects, rejections carry a published reason', async () => {
    setToday(DAY.checking);
    const noReason = await w.regisseur.post(`/rounds/${round.id}/ideas/${ideaPool.id}/check`, { feasible: false });
    expect(noReason.body.code).toBe('rejection_reason_required');
    const rejected = await w.regisseur.post(`/rounds/${round.id}/ideas/${ideaPool.id}/check`, {
      feasible: false,
      reason: 'Veel duurder dan het budget van de wijk.',
    });
    expect(rejected.body.idea).toMatchObject({ status: 'rejected', rejectionReason: 'Veel duurder dan het budget van de wijk.' });
    const feasible = await w.regisseur.post(`/rounds/${round.id}/ideas/${ideaPark.id}/check`, { feasible: true, costCents: 4_500_00 });
    expect(feasible.body.project).toMatchObject({ title: 'Speeltuin in het park', costCents: 4_500_00, ideaId: ideaPark.id });
    const again = await w.regisseur.post(`/rounds/${round.id}/ideas/${ideaPark.id}/check`, { feasible: true });
    expect(again.body.code).toBe('idea_already_checked');
    noord = [
      feasible.body.project.id,
      ...(await addProjects(w, round.id, w.areas.noord, [
        ['Bankjes', 3_000],
        ['Bloembakken', 2_500],
        ['Buurtfeest', 4_000],
      ])),
    ];
    zuid = await addProjects(w, round.id, w.areas.zuid, [
      ['Jeu de boules', 5_000],
      ['Moestuin', 4_000],
    ]);
    const publicIdeas = await w.anonymous.get(`/public/rounds/${round.id}/ideas`);
    expect(publicIdeas.body.find((i: Json) => i.id === ideaPool.id).rejectionReason).toBe('Veel duurder dan het budget van de wijk.');
    expect((await w.anonymous.get(`/public/rounds/${round.id}/projects?areaId=${w.areas.zuid}`)).body.map((p: Json) => p.title)).toEqual([
      'Jeu de boules',
      'Moestuin',
    ]);
  });

  it('makes voting codes as a CSV for a mail merge, stored only as hashes', async () => {
    const reply = await w.regisseur.post(`/rounds/${round.id}/codes`, { areaId: w.areas.noord, count: 10 });
    expect(reply.headers['content-type']).toMatch(/^text\/csv/);
    expect(reply.text.startsWith('\uFEFFcode;gebied;ronde\r\n')).toBe(true);
    codes = codesFrom(reply);
    expect(codes).toHaveLength(10);
    for (const c of codes) expect(c).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect(reply.text.split('\r\n')[1]).toBe(`${codes[0]};Blerick-Noord;Buurt Bestuurt Blerick 2026`);
    const stored = await t.db.select().from(roundCodes).where(eq(roundCodes.roundId, round.id));
    expect(stored).toHaveLength(10);
    const dump = JSON.stringify(stored) + JSON.stringify(await t.db.select().from(auditEvents));
    for (const c of codes) {
      expect(dump).not.toContain(c);
      expect(dump).not.toContain(c.replaceAll('-', ''));
    }
    expect(stored.every((s) => /^[0-9a-f]{64}$/.test(s.codeHash))).toBe(true);
  });

  it('lets residents vote with their codes during the voting phase', async () => {
    const early = await w.anonymous.post(`/public/rounds/${round.id}/ballots`, { code: codes[0], areaId: w.areas.noord, projects: [noord[0]] });
    expect(early.body.code).toBe('voting_not_open');
    setToday(DAY.voting);
    const checked = await w.anonymous.post(`/public/rounds/${round.id}/code-check`, { code: codes[0]!.toLowerCase().replaceAll('-', ' ') });
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({ areaId: w.areas.noord, areaName: 'Blerick-Noord', alreadyVoted: false });
    expect(checked.body.projects).toHaveLength(4);
    // Five voters want the playground and benches, three the party, two the flowers.
    const choices = [...Array(5).fill([noord[0], noord[1]]), ...Array(3).fill([noord[3]]), ...Array(2).fill([noord[2], noord[1]])];
    for (let i = 0; i < choices.length; i++) {
      const reply = await w.anonymous.post(`/public/rounds/${round.id}/ballots`, { code: codes[i], areaId: w.areas.noord, projects: choices[i] });
      expect(reply.status).toBe(201);
      expect(reply.body.receipt).toMatch(/^[\w-]{22}$/);
    }
    const used = await w.anonymous.post(`/public/rounds/${round.id}/code-check`, { code: codes[0] });
    expect(used.body.alreadyVoted).toBe(true);
    const receipt = (await w.anonymous.post(`/public/rounds/${round.id}/ballots`, { code: codes[9], areaId: w.areas.noord, projects: [noord[0]] })).body;
    expect(receipt.code).toBe('voting_code_used');
  });

  it('counts a paper ballot only after a second staff member re-entered the same choices', async () => {
    const entered = await w.regisseur.post(`/rounds/${round.id}/paper-ballots`, { areaId: w.areas.zuid, projects: [zuid[0]] });
    expect(entered.status).toBe(201);
    const listed = await w.regisseur2.get(`/rounds/${round.id}/paper-ballots`);
    expect(listed.body[0]).not.toHaveProperty('projects');
    expect((await w.regisseur.post(`/rounds/${round.id}/paper-ballots/${entered.body.id}/confirm`, { projects: [zuid[0]] })).body.code).toBe(
      'paper_ballot_same_person',
    );
    expect((await w.regisseur2.post(`/rounds/${round.id}/paper-ballots/${entered.body.id}/confirm`, { projects: [zuid[1]] })).body.code).toBe(
      'paper_ballot_mismatch',
    );
    expect((await w.regisseur.get(`/rounds/${round.id}/results`)).body.areas[1].ballots).toBe(0);
    const confirmed = await w.regisseur2.post(`/rounds/${round.id}/paper-ballots/${entered.body.id}/confirm`, { projects: [zuid[0]] });
    expect(confirmed.body).toMatchObject({ confirmed: true, projects: [zuid[0]] });
    expect((await w.regisseur.get(`/rounds/${round.id}/results`)).body.areas[1].ballots).toBe(1);
  });

  it('publishes results per area on the results date, explained per project, with turnout', async () => {
    setToday(DAY.closed);
    expect((await w.anonymous.get(`/public/rounds/${round.id}/results`)).status).toBe(404);
    setToday(DAY.results);
    const reply = await w.anonymous.get(`/public/rounds/${round.id}/results`);
    expect(reply.status).toBe(200);
    const results = reply.body;
    expect(results.rule).toBe('equalshares/add1');
    const [n, z] = results.areas;
    expect(n).toMatchObject({ areaName: 'Blerick-Noord', budgetCents: 10_000_00, ballots: 10, eligible: 10, turnoutPercent: 100 });
    const byTitle = Object.fromEntries(n.projects.map((p: Json) => [p.title, p]));
    // Equal shares: each of 10 voters holds EUR 1,000. Benches (7 supporters, EUR 3,000) and the
    // playground (5, EUR 4,500) are paid by their supporters; the party (3 voters, EUR 3,000
    // between them) cannot pay EUR 4,000, and add1 completion cannot fit it either.
    expect(byTitle['Bankjes']).toMatchObject({ funded: true, score: 7 });
    expect(byTitle['Speeltuin in het park']).toMatchObject({ funded: true, score: 5 });
    expect(byTitle['Buurtfeest'].funded).toBe(false);
    expect(byTitle['Buurtfeest'].reason).toBe('not-selected-mes');
    expect(byTitle['Buurtfeest'].explanation.nl).toContain('3 voorstanders');
    expect(byTitle['Bankjes'].supportShare).toMatch(/^\d+\.\d{4}$/);
    expect(n.spentCents).toBe(n.projects.filter((p: Json) => p.funded).reduce((s: number, p: Json) => s + p.costCents, 0));
    expect(n.spentCents).toBeLessThanOrEqual(10_000_00);
    expect(z).toMatchObject({ areaName: 'Blerick-Zuid', ballots: 1 });
    expect(z.projects[0]).toMatchObject({ title: 'Jeu de boules', funded: true });
    const status = await w.anonymous.get(`/public/rounds/${round.id}`);
    expect(status.body.status).toBe('results');
    expect(status.body.counts).toEqual({ ideas: 2, projects: 6, ballots: 11 });
  });

  it('links a funded project to an initiative afterwards (execution)', async () => {
    const unknown = await w.regisseur.patch(`/rounds/${round.id}/projects/${noord[1]}`, { initiativeId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.body.code).toBe('initiative_unknown');
    const actions = (await t.db.select({ action: auditEvents.action }).from(auditEvents)).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'round.create',
        'round.publish',
        'round.idea_submit',
        'round.idea_reject',
        'round.idea_accept',
        'round.codes_generate',
        'round.paper_ballot_confirm',
      ]),
    );
    expect(actions.some((a) => a.includes('ballot_cast'))).toBe(false);
  });
});
