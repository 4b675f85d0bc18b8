// SPDX-License-Identifier: EUPL-1.2
// A neighbourhood budget round from start to finish in the browser: the wijkregisseur opens a round
// (through the API), a resident signs in by email link and submits an idea, the wijkregisseur checks
// it on the staff page and makes voting codes (CSV download), a resident votes with a code on a
// phone-sized screen (knapsack ballot: over the budget first, then within it; a used code is
// refused), the round closes and the results page shows the chart and the table. axe (WCAG 2.1 AA)
// on every page, at phone size with target-size too.
//
// The round's phases follow the calendar. To move on without waiting days, the test rewrites the
// round's dates in the database between the steps (test-only; the API allows date changes only in
// draft, as a published round's dates are a promise to residents).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import {
  collectPageErrors,
  confirmEmailLink,
  expectNoAxeViolations,
  launchBrowser,
  runBrowserTests,
  scrollsSideways,
  signInThroughForm,
} from './support/browser.js';
import { demoMunicipality, demoPassword, startServer, type RunningServer } from './support/server.js';
import { rounds } from '../src/server/rounds/schema.js';
import { addDays, amsterdamDate } from '../src/core/calendar/deadlines.js';

const phone = { width: 375, height: 667 };
const desktop = { width: 1280, height: 900 };

interface RoundJson {
  id: string;
  name: string;
  status: string;
  areas: { areaId: string; areaName: string; budgetCents: number }[];
}

describe.skipIf(!runBrowserTests)('a budget round in the browser', { timeout: 240_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let staff: BrowserContext;
  let staffPage: Page;
  let staffErrors: string[];
  let round: RoundJson;
  let codes: string[] = [];
  const api = (path: string) => `${server.url}/api/municipalities/${demoMunicipality}${path}`;
  const web = (path = '') => `${server.url}/gemeente/${demoMunicipality}/rondes${path}`;
  const today = () => amsterdamDate(Date.now());

  /** Sets the round's six dates relative to today (test-only shortcut through time). */
  async function setPhases(offsets: [number, number, number, number, number, number], roundId = round.id) {
    const [ideasFrom, ideasTo, checkTo, votingFrom, votingTo, resultsFrom] = offsets.map((d) => addDays(today(), d)) as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    await server.db.update(rounds).set({ ideasFrom, ideasTo, checkTo, votingFrom, votingTo, resultsFrom }).where(eq(rounds.id, roundId));
  }

  async function csrf(request: APIRequestContext): Promise<string> {
    const session = (await (await request.get(`${server.url}/api/auth/session`)).json()) as { csrfToken?: string };
    expect(session.csrfToken).toBeTruthy();
    return session.csrfToken!;
  }

  async function fresh(viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext(
      viewport.width < 500
        ? { viewport, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'nl-NL', acceptDownloads: true }
        : { viewport, locale: 'nl-NL', acceptDownloads: true },
    );
    const page = await context.newPage();
    return { context, page, errors: collectPageErrors(page) };
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    ({ context: staff, page: staffPage, errors: staffErrors } = await fresh(desktop));
    await signInThroughForm(staffPage, server.url, 'regisseur@venlo.demo', demoPassword);
  });

  afterAll(async () => {
    await staff?.close();
    await browser?.close();
    await server?.close();
  });

  it('the wijkregisseur opens a round in the ideas phase (API)', async () => {
    const request = staffPage.request;
    const token = await csrf(request);
    // Stadsdeel Blerick, where the wijkregisseur manages rounds.
    const districts = (await (await request.get(api('/areas?level=district'))).json()) as { id: string; code: string; name: string }[];
    const blerick = districts.find((d) => d.code === 'SD0983-BLERICK');
    expect(blerick).toBeDefined();
    const area = { areaId: blerick!.id };
    const phases = {
      ideasFrom: addDays(today(), -1),
      ideasTo: addDays(today(), 5),
      checkTo: addDays(today(), 8),
      votingFrom: addDays(today(), 10),
      votingTo: addDays(today(), 20),
      resultsFrom: addDays(today(), 21),
    };
    const created = await request.post(api('/rounds'), {
      headers: { 'x-csrf-token': token },
      data: {
        name: 'Buurtbudget e2e',
        description: 'Een ronde om de hele reis in de browser te testen.',
        areas: [{ areaId: area.areaId, budgetCents: 1_000_000 }],
        phases,
        ballot: { type: 'knapsack' },
        rule: 'greedy',
        voting: { codes: true, signIn: false, scope: 'own-area', changeable: false },
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    round = (await created.json()) as RoundJson;
    const published = await request.post(api(`/rounds/${round.id}/publish`), { headers: { 'x-csrf-token': token }, data: {} });
    expect(published.status(), await published.text()).toBeLessThan(300);
    // Something to vote on besides the residents' idea: a project put on the ballot directly.
    const project = await request.post(api(`/rounds/${round.id}/projects`), {
      headers: { 'x-csrf-token': token },
      data: { areaId: area.areaId, title: 'Extra bankjes langs de Maas', description: 'Tien bankjes met uitzicht.', costCents: 800_000 },
    });
    expect(project.status(), await project.text()).toBe(201);
  });

  it('the round list and the round page are public, on a phone and on a desktop', async () => {
    const { context, page, errors } = await fresh(phone);
    try {
      await page.goto(web());
      await page.getByRole('link', { name: 'Buurtbudget e2e' }).waitFor();
      expect(await scrollsSideways(page)).toBe(false);
      await expectNoAxeViolations(page, 'round list on a phone', { rules: ['target-size'] });

      await page.getByRole('link', { name: 'Buurtbudget e2e' }).click();
      await page.getByRole('heading', { level: 1, name: 'Buurtbudget e2e' }).waitFor();
      const current = page.locator('.ww-timeline [aria-current="step"]');
      expect(await current.textContent()).toContain('Ideeën indienen');
      await page.getByText('Extra bankjes langs de Maas').waitFor();
      expect(await page.getByRole('link', { name: 'Dien een idee in' }).count()).toBe(1);
      expect(await page.getByRole('link', { name: 'Stem nu' }).count()).toBe(0);
      expect(await scrollsSideways(page)).toBe(false);
      await expectNoAxeViolations(page, 'round page on a phone', { rules: ['target-size'] });
      await page.screenshot({ path: '/tmp/wijkwijs-round-phone.png', fullPage: true });

      await page.setViewportSize(desktop);
      await expectNoAxeViolations(page, 'round page on a desktop');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a resident signs in by email link and submits an idea', async () => {
    const { context, page, errors } = await fresh(desktop);
    try {
      const email = `bewoner.ronde.${Date.now()}@example.org`;
      await page.goto(web(`/${round.id}`));
      await page.getByRole('link', { name: 'Dien een idee in' }).click();
      await page.getByRole('heading', { level: 2, name: 'Log eerst in' }).waitFor();
      await expectNoAxeViolations(page, 'idea page, not signed in');
      await page.getByRole('link', { name: 'Inloggen met mijn e-mailadres' }).click();

      const resident = page.locator('section', { has: page.getByRole('heading', { name: 'Voor bewoners' }) });
      await resident.getByLabel('E-mailadres').fill(email);
      await resident.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
      await resident.getByRole('status').waitFor();
      await page.goto(`${server.url}/gemeente/${demoMunicipality}/outbox`);
      const link = page.locator('article', { hasText: email }).locator('a[href*="/api/auth/email-link/"]');
      await link.waitFor();
      await link.click();
      await confirmEmailLink(page);
      // Back on the idea page, signed in.
      await page.getByRole('heading', { level: 1, name: 'Idee indienen' }).waitFor();
      await page.getByText(/Ingelogd als/).waitFor();
      await expectNoAxeViolations(page, 'idea form');

      // Sending an empty form: Dutch errors at the fields.
      await page.getByRole('button', { name: 'Idee indienen' }).click();
      await page.getByText('Geef uw idee een naam van ten minste 3 tekens.').waitFor();
      await expectNoAxeViolations(page, 'idea form with errors');

      await page.getByLabel('Naam van uw idee').fill('Speeltuin aan de Kloosterstraat');
      await page.getByLabel('Beschrijving').fill('Nieuwe schommels en een glijbaan voor de kinderen uit de buurt.');
      await page.getByLabel(/Geschatte kosten/).fill('2.500');
      await page.getByRole('button', { name: 'Idee indienen' }).click();
      await page.getByText('Bedankt, uw idee is ingediend').waitFor();
      await expectNoAxeViolations(page, 'idea sent');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the wijkregisseur checks the idea and makes voting codes (CSV download)', async () => {
    await staffPage.goto(web(`/${round.id}/beheer`));
    const form = staffPage.locator('form', { has: staffPage.getByRole('heading', { name: 'Speeltuin aan de Kloosterstraat' }) });
    await form.waitFor();
    await expectNoAxeViolations(staffPage, 'staff page');

    // Saving without a verdict: an error; then feasible with the municipality's cost.
    await form.getByRole('button', { name: 'Beoordeling opslaan' }).click();
    await form.getByText('Kies haalbaar of niet haalbaar.').waitFor();
    await form.getByLabel('Haalbaar', { exact: true }).check();
    await form.getByLabel('Kosten volgens de gemeente').fill('3.000,00');
    await form.getByRole('button', { name: 'Beoordeling opslaan' }).click();
    await staffPage.getByText('Er zijn geen ideeën die op een beoordeling wachten.').waitFor();
    await staffPage.getByText('Kosten volgens de gemeente: € 3.000,00').waitFor();
    await expectNoAxeViolations(staffPage, 'staff page after the check');

    const codesForm = staffPage.locator('section', { has: staffPage.getByRole('heading', { level: 2, name: 'Stemcodes' }) });
    await codesForm.getByLabel('Aantal codes').fill('2');
    const [download] = await Promise.all([staffPage.waitForEvent('download'), codesForm.getByRole('button', { name: 'Codes maken en downloaden' }).click()]);
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
    expect(lines[0]).toMatch(/^code;gebied;ronde/);
    codes = lines.slice(1).map((l) => l.split(';')[0]!.replace(/"/g, ''));
    expect(codes).toHaveLength(2);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await codesForm.getByRole('status').waitFor();
    await expectNoAxeViolations(staffPage, 'staff page after making codes');
    await staffPage.screenshot({ path: '/tmp/wijkwijs-round-staff.png', fullPage: true });
    expect(staffErrors).toEqual([]);
  });

  it('a resident votes with a code on a phone: over the budget first, then within it', async () => {
    await setPhases([-10, -6, -3, 0, 7, 8]);
    const { context, page, errors } = await fresh(phone);
    try {
      await page.goto(web(`/${round.id}`));
      await page.getByRole('link', { name: 'Stem nu' }).click();
      await page.getByRole('heading', { level: 1, name: 'Stemmen' }).waitFor();
      expect(await scrollsSideways(page)).toBe(false);
      await expectNoAxeViolations(page, 'code entry on a phone', { rules: ['target-size'] });

      // An invented code: the server's Dutch message at the field.
      await page.getByRole('textbox', { name: 'Stemcode' }).fill('AAAA-BBBB-CCCC-DDDD');
      await page.getByRole('button', { name: 'Verder' }).click();
      await page.locator('.ams-error-message').waitFor();
      expect(await page.getByRole('textbox', { name: 'Stemcode' }).getAttribute('aria-invalid')).toBe('true');
      await expectNoAxeViolations(page, 'code entry with an error', { rules: ['target-size'] });

      // The real code, typed in lower case with spaces.
      await page.getByRole('textbox', { name: 'Stemcode' }).fill(codes[0]!.toLowerCase().replace(/-/g, ' '));
      await page.getByRole('button', { name: 'Verder' }).click();
      await page.getByRole('group', { name: /Stembiljet voor/ }).waitFor();
      await expectNoAxeViolations(page, 'knapsack ballot on a phone', { rules: ['target-size'] });
      expect(await scrollsSideways(page)).toBe(false);

      const total = page.locator('.ww-budget-meter [role="status"]');
      await page.getByRole('checkbox', { name: /Speeltuin aan de Kloosterstraat/ }).check();
      // Amounts keep a non-breaking space after the euro sign.
      const totalText = async () => (await total.textContent())?.replace(/\u00A0/g, ' ');
      await expect.poll(totalText).toBe('Gekozen: € 3.000,00 van € 10.000,00. Nog over: € 7.000,00.');
      await page.getByRole('checkbox', { name: /Extra bankjes langs de Maas/ }).check();
      await expect.poll(totalText).toBe('Gekozen: € 11.000,00 van € 10.000,00. Dat is € 1.000,00 te veel.');
      await page.getByRole('button', { name: 'Stem versturen' }).click();
      await page.getByText('Uw stem is nog niet verstuurd').waitFor();
      await page.getByText('De gekozen projecten kosten samen € 11.000,00, meer dan het budget van € 10.000,00.').waitFor();
      await expectNoAxeViolations(page, 'ballot over the budget', { rules: ['target-size'] });
      await page.screenshot({ path: '/tmp/wijkwijs-round-ballot-phone.png', fullPage: true });

      await page.getByRole('checkbox', { name: /Extra bankjes langs de Maas/ }).uncheck();
      await page.getByLabel(/Geboortejaar/).fill('1990');
      await page.getByRole('button', { name: 'Stem versturen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Uw stem is ontvangen' }).waitFor();
      const receipt = (await page.locator('.ww-receipt').textContent())?.trim() ?? '';
      expect(receipt.length).toBeGreaterThanOrEqual(8);
      expect(receipt).not.toContain(codes[0]!);
      await expectNoAxeViolations(page, 'receipt on a phone', { rules: ['target-size'] });

      // The same code once more: refused, in Dutch.
      await page.goto(web(`/${round.id}/stemmen`));
      await page.getByRole('textbox', { name: 'Stemcode' }).fill(codes[0]!);
      await page.getByRole('button', { name: 'Verder' }).click();
      await page.getByText('Met deze stemcode is al gestemd.').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a paper ballot counts once a second staff member has entered the same choices', async () => {
    // A second wijkregisseur for Blerick, made by the beheerder through the API.
    const admin = await browser.newContext();
    const email = `regisseur2.${Date.now()}@venlo.demo`;
    const password = 'tweede-regisseur-2026';
    try {
      const login = await admin.request.post(`${server.url}/api/auth/login`, {
        data: { municipality: demoMunicipality, email: 'beheerder@venlo.demo', password: demoPassword },
      });
      expect(login.status(), await login.text()).toBe(200);
      const token = ((await login.json()) as { csrfToken: string }).csrfToken;
      const person = await admin.request.post(api('/people'), { headers: { 'x-csrf-token': token }, data: { name: 'Tessa Tweede', email, password } });
      expect(person.status(), await person.text()).toBe(201);
      const personId = ((await person.json()) as { id: string }).id;
      const role = await admin.request.post(api('/role-assignments'), {
        headers: { 'x-csrf-token': token },
        data: { personId, role: 'wijkregisseur', areaId: round.areas[0]!.areaId },
      });
      expect(role.status(), await role.text()).toBe(201);
    } finally {
      await admin.close();
    }

    // The first staff member enters the ballot.
    await staffPage.goto(web(`/${round.id}/beheer`));
    await staffPage.getByRole('button', { name: 'Papieren stembiljet invoeren' }).click();
    const entry = staffPage.locator('form', { has: staffPage.getByRole('heading', { name: 'Papieren stembiljet invoeren' }) });
    await entry.getByRole('checkbox', { name: /Speeltuin aan de Kloosterstraat/ }).check();
    await expectNoAxeViolations(staffPage, 'paper ballot entry');
    await entry.getByRole('button', { name: 'Stembiljet opslaan' }).click();
    await staffPage.getByText('Het stembiljet is opgeslagen. Een andere medewerker moet het nu bevestigen.').waitFor();
    await staffPage.getByText('Een andere medewerker moet dit stembiljet bevestigen.').waitFor();
    expect(await staffPage.getByRole('button', { name: 'Stembiljet 1 bevestigen' }).count()).toBe(0);

    // The second one re-enters it blind: a different choice is refused, the same one counts.
    const { context, page, errors } = await fresh(desktop);
    try {
      await signInThroughForm(page, server.url, email, password);
      await page.goto(web(`/${round.id}/beheer`));
      await page.getByRole('button', { name: 'Stembiljet 1 bevestigen' }).click();
      const confirm = page.locator('form', { has: page.getByRole('heading', { name: 'Stembiljet 1 bevestigen' }) });
      await confirm.getByRole('checkbox', { name: /Extra bankjes langs de Maas/ }).check();
      await confirm.getByRole('button', { name: 'Bevestigen' }).click();
      await confirm.getByText('De keuzes wijken af van de eerste invoer.', { exact: false }).waitFor();
      await expectNoAxeViolations(page, 'paper ballot confirmation with a mismatch');
      await confirm.getByRole('checkbox', { name: /Extra bankjes langs de Maas/ }).uncheck();
      await confirm.getByRole('checkbox', { name: /Speeltuin aan de Kloosterstraat/ }).check();
      await confirm.getByRole('button', { name: 'Bevestigen' }).click();
      await page.getByText('Het stembiljet is bevestigd en telt mee.').waitFor();
      await page.getByText('Bevestigd, telt mee').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('after the close the results page shows the chart and the table, on a phone and a desktop', async () => {
    await setPhases([-20, -15, -12, -10, -1, 0]);
    const { context, page, errors } = await fresh(phone);
    try {
      await page.goto(web(`/${round.id}`));
      expect(await page.locator('.ww-timeline [aria-current="step"]').textContent()).toContain('Uitslag');
      await page.getByRole('link', { name: 'Bekijk de uitslag' }).click();
      await page.getByRole('heading', { level: 1, name: 'Uitslag' }).waitFor();
      // The chart: one SVG image with a name, drawn by the lazily loaded Plot.
      const chart = page.locator('svg[role="img"][aria-label^="Staafdiagram: Stemmen per project"]');
      await chart.waitFor();
      expect(await chart.locator('rect').count()).toBeGreaterThanOrEqual(2);
      const describedBy = await chart.getAttribute('aria-describedby');
      const table = page.locator(`table[id="${describedBy}"]`);
      expect(await table.count()).toBe(1);
      const funded = table.locator('tr', { hasText: 'Speeltuin aan de Kloosterstraat' });
      expect(await funded.textContent()).toContain('Krijgt geld');
      // The resident's vote and the confirmed paper ballot: two votes for the playground.
      expect(await funded.locator('td').nth(2).textContent()).toBe('2');
      const notFunded = table.locator('tr', { hasText: 'Extra bankjes langs de Maas' });
      expect(await notFunded.textContent()).toContain('Krijgt geen geld');
      expect(await notFunded.textContent()).toContain('Niet gekozen');
      // Turnout per area and per age group (the voter gave a birth year).
      await page.getByRole('heading', { level: 2, name: 'Opkomst' }).waitFor();
      await page.locator('svg[role="img"][aria-label^="Staafdiagram: Stemmen per leeftijdsgroep"]').waitFor();
      expect(await scrollsSideways(page)).toBe(false);
      await expectNoAxeViolations(page, 'results on a phone', { rules: ['target-size'] });
      await page.screenshot({ path: '/tmp/wijkwijs-round-results-phone.png', fullPage: true });

      await page.setViewportSize(desktop);
      await chart.waitFor();
      await expectNoAxeViolations(page, 'results on a desktop');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a ranked ballot on a phone, with the keyboard: Up and Down keep focus on the moved project; in English too', async () => {
    // A second round, ranked, opened and put in its voting phase by the wijkregisseur (API).
    const request = staffPage.request;
    const token = await csrf(request);
    const headers = { 'x-csrf-token': token };
    const phases = {
      ideasFrom: addDays(today(), -1),
      ideasTo: addDays(today(), 1),
      checkTo: addDays(today(), 2),
      votingFrom: addDays(today(), 3),
      votingTo: addDays(today(), 9),
      resultsFrom: addDays(today(), 10),
    };
    const created = await request.post(api('/rounds'), {
      headers,
      data: {
        name: 'Rangorde e2e',
        areas: [{ areaId: round.areas[0]!.areaId, budgetCents: 500_000 }],
        phases,
        ballot: { type: 'ranked', minLength: 1, maxLength: 3 },
        rule: 'greedy',
        voting: { codes: true, signIn: false, scope: 'own-area', changeable: false },
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const ranked = (await created.json()) as RoundJson;
    for (const [title, costCents] of [
      ['Boom op het plein', 100_000],
      ['Jeu-de-boulesbaan', 200_000],
      ['Moestuin', 150_000],
    ] as const) {
      const added = await request.post(api(`/rounds/${ranked.id}/projects`), { headers, data: { areaId: ranked.areas[0]!.areaId, title, costCents } });
      expect(added.status(), await added.text()).toBe(201);
    }
    expect((await request.post(api(`/rounds/${ranked.id}/publish`), { headers, data: {} })).status()).toBeLessThan(300);
    const csv = await request.post(api(`/rounds/${ranked.id}/codes`), { headers, data: { areaId: ranked.areas[0]!.areaId, count: 1 } });
    expect(csv.status()).toBe(201);
    const code = (await csv.text())
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)[1]!
      .split(';')[0]!
      .replace(/"/g, '');
    await setPhases([-10, -6, -3, 0, 7, 8], ranked.id);

    const { context, page, errors } = await fresh(phone);
    try {
      await page.goto(web(`/${ranked.id}/stemmen`));
      await page.getByRole('textbox', { name: 'Stemcode' }).fill(code);
      await page.keyboard.press('Enter');
      await page.getByRole('group', { name: /Stembiljet voor/ }).waitFor();
      // Add all three, in the order of the list, with the keyboard.
      for (const title of ['Boom op het plein', 'Jeu-de-boulesbaan', 'Moestuin']) {
        await page.getByRole('button', { name: `${title} toevoegen aan uw volgorde` }).focus();
        await page.keyboard.press('Enter');
      }
      const order = () => page.locator('.ww-ranking .ww-choice__title').allTextContents();
      await expect.poll(order).toEqual(['Boom op het plein', 'Jeu-de-boulesbaan', 'Moestuin']);
      await expectNoAxeViolations(page, 'ranked ballot on a phone', { rules: ['target-size'] });
      await page.screenshot({ path: '/tmp/wijkwijs-round-ranked-phone.png', fullPage: true });

      // Moestuin up twice: focus stays on its Up button until it is first, then moves to its Down button.
      await page.getByRole('button', { name: 'Moestuin een plaats omhoog' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(order).toEqual(['Boom op het plein', 'Moestuin', 'Jeu-de-boulesbaan']);
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Moestuin een plaats omhoog');
      await page.keyboard.press('Enter');
      await expect.poll(order).toEqual(['Moestuin', 'Boom op het plein', 'Jeu-de-boulesbaan']);
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Moestuin een plaats omlaag');
      expect(await page.getByRole('status').filter({ hasText: 'Moestuin staat nu op plaats 1.' }).count()).toBe(1);
      expect(await scrollsSideways(page)).toBe(false);

      // The same page in English.
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('group', { name: /Ballot for/ }).waitFor();
      expect(await page.getByRole('button', { name: 'Move Boom op het plein up one place' }).count()).toBe(1);
      await expectNoAxeViolations(page, 'ranked ballot in English', { rules: ['target-size'] });
      await page.getByRole('button', { name: 'Send my vote' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your vote has been received' }).waitFor();
      await page.getByRole('button', { name: 'Nederlands' }).click();

      const results = await request.get(api(`/rounds/${ranked.id}/results`));
      expect(results.status()).toBe(200);
      const body = (await results.json()) as { areas: { ballots: number }[] };
      expect(body.areas[0]!.ballots).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
