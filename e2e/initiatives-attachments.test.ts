// SPDX-License-Identifier: EUPL-1.2
// A college decision and a final account with receipts, in the browser. The beheerder puts a new
// version of the demo rules in force (the college decides above EUR 5,000; above EUR 1,000 the final
// account needs receipts); a wijkwerker applies for EUR 6,000 on behalf of a residents' group and the
// wijkregisseur declares it admissible (API). On a phone the beheerder records the college's decision
// with its date and besluitnummer, which the page then shows beside the letter and its PDF. After the
// advance the wijkwerker accounts on a phone: without a receipt the page says receipts are missing;
// a receipt uploaded (a small PNG) is listed and the account goes through. axe on every state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, expectNoAxeViolations, launchBrowser, runBrowserTests, scrollsSideways, signInThroughForm } from './support/browser.js';
import { demoMunicipality, demoPassword, startServer, type RunningServer } from './support/server.js';

const phone = { width: 375, height: 667 };
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const euros = (n: number) => n * 100;

describe.skipIf(!runBrowserTests)('initiatives: college decision and a final account with receipts', { timeout: 240_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let initiativeId = '';
  const api = (path: string) => `${server.url}/api/municipalities/${demoMunicipality}${path}`;
  const pagePath = () => `${server.url}/gemeente/${demoMunicipality}/initiatieven/${initiativeId}`;
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
  const title = `Speelplek Klingerberg ${Date.now()}`;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A signed-in browser context for `email`; `work` gets its page and an API caller with the CSRF header. */
  async function as<T>(email: string, work: (page: Page, call: (path: string, data?: unknown) => Promise<Record<string, unknown>>) => Promise<T>): Promise<T> {
    const context: BrowserContext = await browser.newContext({ viewport: phone, locale: 'nl-NL', isMobile: true, hasTouch: true });
    try {
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await signInThroughForm(page, server.url, email, demoPassword);
      const request: APIRequestContext = page.request;
      const session = (await (await request.get(`${server.url}/api/auth/session`)).json()) as { csrfToken: string };
      const call = async (path: string, data: unknown = {}) => {
        const response = await request.post(api(path), { headers: { 'x-csrf-token': session.csrfToken }, data });
        expect(response.status(), await response.text()).toBeLessThan(300);
        return (await response.json()) as Record<string, unknown>;
      };
      const result = await work(page, call);
      expect(errors).toEqual([]);
      return result;
    } finally {
      await context.close();
    }
  }

  it('new rules, an application on behalf of a group above the wethouder’s mandate, admissible (API)', async () => {
    await as('beheerder@venlo.demo', async (_page, call) => {
      await call('/rules', {
        rulesKey: 'venlo-bewonersinitiatieven',
        name: 'Spelregels bewonersinitiatieven Venlo (e2e)',
        validFrom: today,
        eligiblePurposes: ['liveability', 'social_cohesion', 'physical_environment'],
        exclusions: ['facilities'],
        applicantTypes: ['residents_group', 'resident'],
        maxAmount: euros(15_000),
        mandates: [
          { role: 'wijkregisseur', label: 'wijkregisseur', upTo: euros(2_500) },
          { role: 'wijkwethouder', label: 'wijkwethouder', upTo: euros(5_000) },
          { role: 'college', label: 'college van B&W', upTo: null },
        ],
        finalAccountRequiredAbove: euros(1_000),
        published: ['title', 'summary', 'area', 'amount_requested', 'amount_granted', 'decision', 'payments'],
      });
    });
    await as('wijkwerker@venlo.demo', async (page, call) => {
      const wijken = (await (await page.request.get(api('/areas?level=wijk'))).json()) as { id: string; name: string }[];
      const klingerberg = wijken.find((w) => w.name.includes('Klingerberg'));
      expect(klingerberg).toBeDefined();
      const draft = await call('/initiatives', {
        areaId: klingerberg!.id,
        title,
        description: 'Een speelplek met een klimrek op het pleintje.',
        purpose: 'physical_environment',
        groupName: 'Bewonersgroep Klingerberg-Oost',
        onBehalf: { contactName: 'Fatima El Amrani', contactEmail: 'fatima@example.org' },
        costLines: [{ description: 'Klimrek en ondergrond', amount: euros(6_000) }],
      });
      initiativeId = String(draft.id);
      await call(`/initiatives/${initiativeId}/submit`);
    });
    await as('regisseur@venlo.demo', async (_page, call) => {
      const admissible = await call(`/initiatives/${initiativeId}/admissibility`, { admissible: true });
      expect(admissible.status).toBe('admissible');
    });
  });

  it('the beheerder records the college’s decision on a phone; the page shows it with the letter as PDF', async () => {
    expect(initiativeId).not.toBe('');
    await as('beheerder@venlo.demo', async (page) => {
      await page.goto(pagePath());
      const form = page.locator('form', { has: page.getByRole('heading', { name: 'Collegebesluit vastleggen' }) });
      await form.waitFor();
      // Nobody below the college decides here: no ordinary decision form.
      expect(await page.getByRole('heading', { name: 'Besluiten', exact: true }).count()).toBe(0);
      await form.getByRole('button', { name: 'Collegebesluit vastleggen' }).click();
      await expect.poll(() => form.locator('[aria-invalid="true"]').count()).toBe(3);
      await expectNoAxeViolations(page, 'college decision form with errors (phone)');
      await form.getByLabel('Besluit', { exact: true }).selectOption('grant');
      await form.getByLabel('Motivering').fill('Het college steunt de speelplek: zij draagt bij aan de wijkopgave.');
      await form.getByLabel('Datum van het collegebesluit').fill(today);
      await form.getByLabel('Besluitnummer').fill('2026/0412');
      await form.getByRole('button', { name: 'Collegebesluit vastleggen' }).click();
      await page.getByText('Gelukt: Collegebesluit vastleggen.').waitFor();
      const decision = page.locator('section[aria-labelledby="besluit"]');
      await expect.poll(() => decision.textContent()).toContain('besluitnummer 2026/0412');
      expect(await decision.textContent()).toContain('Besluit van het college');
      const pdfLink = page.getByRole('link', { name: 'Besluitbrief als PDF' });
      const pdf = await page.request.get(`${server.url}${(await pdfLink.getAttribute('href'))!}`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toContain('application/pdf');
      expect(await scrollsSideways(page)).toBe(false);
      await expectNoAxeViolations(page, 'initiative after the college decision (phone)');
    });
  });

  it('after the advance the wijkwerker accounts on a phone: receipts missing is said, a receipt is uploaded and listed', async () => {
    await as('regisseur@venlo.demo', async (_page, call) => {
      await call(`/initiatives/${initiativeId}/pay-advance`);
    });
    await as('wijkwerker@venlo.demo', async (page, call) => {
      await call(`/initiatives/${initiativeId}/start`);
      await page.goto(pagePath());
      const account = page.locator('form', { has: page.getByRole('heading', { name: 'Verantwoording indienen' }) });
      await account.waitFor();
      await account.getByLabel('Omschrijving 1').fill('Klimrek (bon 12)');
      await account.getByLabel('Bedrag 1').fill('5.900,00');
      await account.getByLabel('Wat is er bereikt?').fill('De speelplek is open; de kinderen uit de straat spelen er elke dag.');
      await account.getByRole('button', { name: 'Verantwoording indienen' }).click();
      const missing = account.getByRole('alert').filter({ hasText: 'Er ontbreken bonnen' });
      await missing.waitFor();
      expect(await missing.textContent()).toContain('voeg minstens één bon toe');
      await expectNoAxeViolations(page, 'final account without receipts (phone)');

      const upload = page.locator('form', { has: page.getByRole('heading', { name: 'Foto of bon toevoegen' }) });
      await upload.getByLabel('Soort bestand').selectOption('receipt');
      await upload.getByLabel('Bestand', { exact: true }).setInputFiles({ name: 'bon-klimrek.png', mimeType: 'image/png', buffer: png });
      await upload.getByRole('button', { name: 'Bestand toevoegen' }).click();
      await upload.getByText('bon-klimrek.png is toegevoegd.').waitFor();
      // Listed once, with the final account; until that is submitted the receipt may still be removed.
      await page.getByRole('link', { name: 'bon-klimrek.png' }).waitFor();
      expect(await page.getByRole('link', { name: 'bon-klimrek.png' }).count()).toBe(1);
      await page.getByRole('button', { name: 'Verwijder bon-klimrek.png' }).waitFor();
      expect(await scrollsSideways(page)).toBe(false);
      await expectNoAxeViolations(page, 'final account with a receipt (phone)');

      await account.getByRole('button', { name: 'Verantwoording indienen' }).click();
      await page.getByText('Gelukt: Verantwoording indienen.').waitFor();
      await expect.poll(() => page.locator('section[aria-labelledby="stand"]').textContent()).toContain('Verantwoord');
      // The account is in: the receipt stays, without a delete button.
      await page.locator('section[aria-labelledby="bijlagen"]').getByRole('link', { name: 'bon-klimrek.png' }).waitFor();
      expect(await page.getByRole('button', { name: /Verwijder/ }).count()).toBe(0);
      await expectNoAxeViolations(page, 'initiative after the final account (phone)');
    });
  });
});
