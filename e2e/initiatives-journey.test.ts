// SPDX-License-Identifier: EUPL-1.2
// The residents' initiative journey in the browser: a resident signs in with an email link and
// applies on a phone (375x667): a draft is saved and survives a reload, a wrong amount is pointed
// out at its field, then the application is submitted. The wijkregisseur of Blerick sees it on the
// dashboard, declares it admissible and asks advice; the wijkwerker of Klingerberg advises; the
// wijkregisseur grants it (within the EUR 2,500 mandate of the demo rules). The public page of the
// wijk then shows the grant without signing in. axe (WCAG 2.1 AA) on every page visited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, expectNoAxeViolations, launchBrowser, runBrowserTests, scrollsSideways, signInThroughForm } from './support/browser.js';
import { demoMunicipality, demoPassword, startServer, type RunningServer } from './support/server.js';

const phone = { width: 375, height: 667 };
/** A 1x1 PNG: the smallest drawing a resident could attach. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const desktop = { width: 1280, height: 900 };

describe.skipIf(!runBrowserTests)('residents’ initiative journey', { timeout: 240_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let initiativeUrl = '';
  let initiativeId = '';
  let areaId = '';
  const home = () => `${server.url}/gemeente/${demoMunicipality}`;
  const title = `Plantenbakken Klingerberg ${Date.now()}`;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function as<T>(viewport: { width: number; height: number }, work: (page: Page) => Promise<T>, located = false): Promise<T> {
    // A point in the wijk Klingerberg (WGS84), for the phone's location.
    const place = located ? { geolocation: { latitude: 51.3779, longitude: 6.1304 }, permissions: ['geolocation'] } : {};
    const context: BrowserContext = await browser.newContext({ viewport, locale: 'nl-NL', ...place });
    try {
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      const result = await work(page);
      expect(errors).toEqual([]);
      return result;
    } finally {
      await context.close();
    }
  }

  it('a resident signs in by email link and applies on a phone: draft saved, reloaded, submitted', async () => {
    await as(
      phone,
      async (page) => {
        await page.goto(`${home()}/initiatieven/nieuw`);
        const main = page.getByRole('main');
        await main.getByRole('heading', { level: 1, name: 'Bewonersinitiatief aanvragen' }).waitFor();
        await expectNoAxeViolations(page, 'application form, signed out (phone)');

        // Sign in with an email link from the outbox; the link returns to the form.
        await main.getByRole('link', { name: 'Inloggen' }).click();
        const email = `bewoner.${Date.now()}@example.org`;
        const resident = page.locator('section', { has: page.getByRole('heading', { name: 'Voor bewoners' }) });
        await resident.getByLabel('E-mailadres').fill(email);
        await resident.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
        await resident.getByRole('link', { name: 'Verzonden e-mail' }).click();
        const mail = page.locator('article', { hasText: email });
        await mail.locator('a[href*="/api/auth/email-link/"]').click();
        // The link opens a page with one button, so a mail scanner following links never uses it up.
        await page.getByRole('button', { name: /Inloggen/ }).click();
        await page.getByText(/Ingelogd als/).waitFor();
        expect(page.url()).toContain('/initiatieven/nieuw');

        // Title and wijk are enough for a draft.
        const form = page.locator('form', { has: page.getByRole('button', { name: 'Opslaan als concept' }) });
        await form.getByLabel('Naam van het initiatief').fill(title);
        const wijk = form.getByLabel('Wijk', { exact: true });
        const klingerberg = await wijk.locator('option', { hasText: 'Klingerberg' }).first().getAttribute('value');
        // The phone's location finds the wijk (the list stays the alternative).
        await form.getByRole('button', { name: 'Zoek de wijk bij mijn locatie' }).click();
        await form
          .getByRole('status')
          .filter({ hasText: /Gevonden: .*Klingerberg/ })
          .waitFor();
        expect(await wijk.inputValue()).toBe(klingerberg);
        await expectNoAxeViolations(page, 'application form (phone)');
        await form.getByRole('button', { name: 'Opslaan als concept' }).click();
        await page.getByText('Uw concept is opgeslagen').waitFor();
        expect(page.url()).toMatch(/\/initiatieven\/[0-9a-f-]+\/wijzigen$/);

        // The draft is on the server: a reload finds it.
        await page.reload();
        await expect.poll(() => form.getByLabel('Naam van het initiatief').inputValue()).toBe(title);
        // The wijk list arrives in its own request: the choice shows once its options are there.
        await expect.poll(() => wijk.inputValue()).toBe(klingerberg);
        await page.setViewportSize(desktop);
        await expectNoAxeViolations(page, 'application form (desktop)');
        await page.setViewportSize(phone);

        // A draft's attachment can be added and removed again below the form.
        const draftFiles = page.locator('section[aria-labelledby="bijlagen"]');
        await draftFiles.getByLabel('Bestand', { exact: true }).setInputFiles({ name: 'schets.png', mimeType: 'image/png', buffer: png });
        await draftFiles.getByRole('button', { name: 'Bestand toevoegen' }).click();
        await draftFiles.getByRole('link', { name: 'schets.png' }).waitFor();
        await expectNoAxeViolations(page, 'draft with an attachment (phone)');
        await draftFiles.getByRole('button', { name: 'Verwijder schets.png' }).click();
        await expect.poll(() => draftFiles.getByRole('link', { name: 'schets.png' }).count()).toBe(0);
        await draftFiles.getByText('Nog geen bijlagen.').waitFor();

        // Submitting an incomplete application: errors at the fields, nothing submitted.
        await form.getByRole('button', { name: 'Indienen' }).click();
        await expect.poll(() => form.locator('[aria-invalid="true"]').count()).toBeGreaterThanOrEqual(3);
        await expectNoAxeViolations(page, 'application form with errors (phone)');

        await form.getByLabel('Wat wilt u doen?').fill('Plantenbakken met bloemen langs de stoep, onderhouden door de straat.');
        await form.getByLabel('Doel').selectOption('physical_environment');
        await form.getByLabel('Naam van de bewonersgroep').fill('Bewonersgroep Klingerberg-Oost');
        await form.getByLabel('Geplande begindatum').fill('2027-04-01');
        await form.getByLabel('Omschrijving 1').fill('Zes plantenbakken');
        await form.getByLabel('Bedrag 1').fill('1.234,567');
        await form.getByRole('button', { name: 'Kostenregel toevoegen' }).click();
        await form.getByLabel('Omschrijving 2').fill('Bloemen en aarde');
        await form.getByLabel('Bedrag 2').fill('450,00');
        await form.getByLabel('Eigen bijdrage').fill('84,50');
        await form.getByRole('button', { name: 'Indienen' }).click();
        // A fraction of a cent is no amount: said at that field.
        const amount1 = form.getByLabel('Bedrag 1');
        await expect.poll(() => amount1.getAttribute('aria-invalid')).toBe('true');
        // More than the rules' maximum (EUR 15,000): the server's problem is shown at the costs.
        await amount1.fill('20.000,00');
        await form.getByRole('button', { name: 'Indienen' }).click();
        const costs = form.locator('fieldset', { has: page.getByText('Kosten', { exact: true }) });
        await costs.getByText(/hoger dan het maximum van €\s15\.000,00/).waitFor();
        await page.getByRole('alert').filter({ hasText: 'Controleer het formulier' }).waitFor();
        await expectNoAxeViolations(page, 'application form with the server’s problem (phone)');
        await amount1.fill('1.234,50');
        expect(await form.getByText('€\u00a01.600,00').count()).toBe(1);
        expect(await scrollsSideways(page)).toBe(false);

        await form.getByRole('button', { name: 'Indienen' }).click();
        await page.getByText('Uw aanvraag is ingediend').waitFor();
        expect(page.url()).toMatch(/\/gemeente\/GM0983\/initiatieven\/[0-9a-f-]+$/);
        initiativeUrl = new URL(page.url()).pathname;
        initiativeId = initiativeUrl.split('/').pop()!;
        const state = page.locator('section[aria-labelledby="stand"]');
        expect(await state.textContent()).toContain('Ingediend');
        expect(await state.textContent()).toMatch(/Besluit uiterlijk.*nog \d+ dagen/);
        expect(await scrollsSideways(page)).toBe(false);
        await expectNoAxeViolations(page, 'status page after submitting (phone)');

        // An attachment on the phone: a text file is refused at the file field (415), a PNG is listed.
        const attach = page.locator('form', { has: page.getByRole('heading', { name: 'Bijlage toevoegen' }) });
        const fileInput = attach.getByLabel('Bestand', { exact: true });
        expect(await attach.getByText(/Maximaal 10 MB per bestand/).count()).toBe(1);
        await fileInput.setInputFiles({ name: 'notitie.txt', mimeType: 'text/plain', buffer: Buffer.from('geen plaatje') });
        await attach.getByRole('button', { name: 'Bestand toevoegen' }).click();
        await expect.poll(() => fileInput.getAttribute('aria-invalid')).toBe('true');
        expect(await attach.locator('.ams-error-message').textContent()).not.toBe('');
        await expectNoAxeViolations(page, 'attachment refused at the field (phone)');
        await fileInput.setInputFiles({ name: 'tekening.png', mimeType: 'image/png', buffer: png });
        await attach.getByRole('button', { name: 'Bestand toevoegen' }).click();
        await attach.getByText('tekening.png is toegevoegd.').waitFor();
        const files = page.locator('section[aria-labelledby="bijlagen"]');
        const link = files.getByRole('link', { name: 'tekening.png' });
        await link.waitFor();
        expect(await fileInput.getAttribute('aria-invalid')).toBeNull();
        const download = await page.request.get(`${server.url}${(await link.getAttribute('href'))!}`);
        expect(download.status()).toBe(200);
        expect(download.headers()['content-type']).toContain('image/png');
        // What was submitted stays: no delete button after submitting.
        expect(await files.getByRole('button', { name: /Verwijder/ }).count()).toBe(0);
        expect(await scrollsSideways(page)).toBe(false);
        await expectNoAxeViolations(page, 'status page with an attachment (phone)');
        await page.setViewportSize(desktop);
        await expectNoAxeViolations(page, 'status page after submitting (desktop)');
      },
      true,
    );
  });

  it('the wijkregisseur sees it on the dashboard, declares it admissible and asks advice', async () => {
    expect(initiativeId).not.toBe('');
    await as(desktop, async (page) => {
      await signInThroughForm(page, server.url, 'regisseur@venlo.demo', demoPassword);
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Initiatieven' }).click();
      const dashboard = page.locator('section[aria-labelledby="dashboard"]');
      await dashboard.waitFor();
      const blerick = dashboard.locator('tr', { hasText: 'Bewonersinitiatieven Blerick' });
      expect(await blerick.textContent()).toContain('€\u00a025.000,00');
      await dashboard.getByRole('link', { name: title }).first().waitFor();
      await expectNoAxeViolations(page, 'initiatives dashboard (wijkregisseur)');
      await page.setViewportSize(phone);
      expect(await scrollsSideways(page)).toBe(false);
      await expectNoAxeViolations(page, 'initiatives dashboard (wijkregisseur, phone)');
      await page.setViewportSize(desktop);

      await dashboard.getByRole('link', { name: title }).first().click();
      const admissible = page.locator('form', { has: page.getByRole('heading', { name: 'Ontvankelijk verklaren', exact: true }) });
      await admissible.getByLabel('Daarna').selectOption('advice');
      await expectNoAxeViolations(page, 'initiative with actions (wijkregisseur)');
      await admissible.getByRole('button', { name: 'Ontvankelijk verklaren' }).click();
      await page.getByText('Gelukt: Ontvankelijk verklaren.').waitFor();
      await expect.poll(() => page.locator('section[aria-labelledby="stand"]').textContent()).toContain('In advies');
    });
  });

  it('the wijkwerker follows the mail link and advises', async () => {
    await as(desktop, async (page) => {
      await signInThroughForm(page, server.url, 'wijkwerker@venlo.demo', demoPassword);
      // The address in the mails: /initiatieven/:id, under the session's municipality.
      await page.goto(`${server.url}/initiatieven/${initiativeId}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      expect(new URL(page.url()).pathname).toBe(initiativeUrl);
      const advice = page.locator('form', { has: page.getByRole('heading', { name: 'Advies geven' }) });
      await advice.getByRole('button', { name: 'Advies geven' }).click();
      await expect.poll(() => advice.locator('[aria-invalid="true"]').count()).toBe(2);
      await expectNoAxeViolations(page, 'advice form with errors (wijkwerker)');
      await advice.getByLabel('Advies', { exact: true }).selectOption('positive');
      await advice.getByLabel('Toelichting bij het advies').fill('De straat staat erachter en regelt het onderhoud.');
      await advice.getByRole('button', { name: 'Advies geven' }).click();
      await page.getByText('Gelukt: Advies geven.').waitFor();
      // The wijkwerker may not decide: no decision form, and the page says so.
      expect(await page.getByRole('heading', { name: 'Besluiten' }).count()).toBe(0);
      await page.getByText('Over deze aanvraag van €\u00a01.600,00 besluit u niet').waitFor();
      await expect.poll(() => page.locator('section[aria-labelledby="adviezen"]').textContent()).toContain('De straat staat erachter');
    });
  });

  it('the wijkregisseur grants it with a motivation; the letter is linked', async () => {
    await as(desktop, async (page) => {
      await signInThroughForm(page, server.url, 'regisseur@venlo.demo', demoPassword);
      await page.goto(`${server.url}${initiativeUrl}`);
      const decide = page.locator('form', { has: page.getByRole('heading', { name: 'Besluiten' }) });
      await decide.waitFor();
      expect(await decide.textContent()).toContain('€\u00a01.600,00');
      await decide.getByLabel('Besluit', { exact: true }).selectOption('grant');
      await decide.getByRole('button', { name: 'Besluit vastleggen' }).click();
      await expect.poll(() => decide.locator('[aria-invalid="true"]').count()).toBe(1);
      await decide.getByLabel('Motivering').fill('Past binnen de spelregels; positief advies van de wijkwerker.');
      await decide.getByRole('button', { name: 'Besluit vastleggen' }).click();
      await page.getByText('Gelukt: Besluiten.').waitFor();
      const decision = page.locator('section[aria-labelledby="besluit"]');
      await decision.waitFor();
      expect(await decision.textContent()).toContain('Past binnen de spelregels');
      expect(await page.locator('section[aria-labelledby="stand"]').textContent()).toContain('Toegekend');
      const letter = page.locator('section[aria-labelledby="brieven"] a').first();
      const href = (await letter.getAttribute('href'))!;
      const response = await page.request.get(`${server.url}${href}`);
      expect(response.status()).toBe(200);
      // The same letter as PDF, beside the HTML one.
      const pdfHref = (await page.getByRole('link', { name: 'Besluitbrief als PDF' }).getAttribute('href'))!;
      expect(pdfHref).toMatch(/\/letter\.pdf$/);
      const pdf = await page.request.get(`${server.url}${pdfHref}`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toContain('application/pdf');
      // The attachment the resident added is on the staff's page too.
      await page.locator('section[aria-labelledby="bijlagen"]').getByRole('link', { name: 'tekening.png' }).waitFor();
      await expectNoAxeViolations(page, 'initiative after the decision (wijkregisseur)');
      areaId = await page.evaluate(
        async (url) => ((await (await fetch(url)).json()) as { area: { id: string } }).area.id,
        `/api/municipalities/${demoMunicipality}/initiatives/${initiativeId}`,
      );
    });
  });

  it('without signing in, the wijk’s public page shows the grant and the budget; the status page asks to sign in', async () => {
    await as(phone, async (page) => {
      await page.goto(`${home()}/gebied/${areaId}`);
      await page.getByRole('link', { name: 'Bewonersinitiatieven in dit gebied' }).click();
      await page.getByRole('heading', { level: 1, name: /Bewonersinitiatieven in .*Klingerberg/ }).waitFor();
      const funded = page.locator('article', { hasText: title });
      await funded.waitFor();
      expect(await funded.textContent()).toContain('Toegekend: €\u00a01.600,00');
      expect(await funded.textContent()).not.toContain('bewoner.');
      const budget = page.locator('tr', { hasText: 'Bewonersinitiatieven Blerick' });
      expect(await budget.textContent()).toContain('€\u00a01.600,00');
      expect(await scrollsSideways(page)).toBe(false);
      await expectNoAxeViolations(page, 'public initiatives of the wijk (phone)');
      await page.setViewportSize(desktop);
      await expectNoAxeViolations(page, 'public initiatives of the wijk (desktop)');

      await page.goto(`${server.url}/initiatieven/${initiativeId}`);
      await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
      expect(decodeURIComponent(page.url())).toContain(`terug=/initiatieven/${initiativeId}`);
    });
  });
});
