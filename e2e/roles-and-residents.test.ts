// SPDX-License-Identifier: EUPL-1.2
// Journeys by role: the wijkregisseur of Blerick adds a wijkwerker to a wijk's team through the form;
// a raadslid sees the team but no administration; a resident signs in with a link from the outbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, confirmEmailLink, expectNoAxeViolations, launchBrowser, runBrowserTests, signInThroughForm } from './support/browser.js';
import { demoMunicipality, demoPassword, startServer, type RunningServer } from './support/server.js';

interface PersonItem {
  id: string;
  name: string;
  roles: { role: string; areaId: string; validTo: string | null }[];
}

// Several axe runs per test, on two shared cores: generous time per test.
describe.skipIf(!runBrowserTests)('journeys by role', { timeout: 180_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  const home = () => `${server.url}/gemeente/${demoMunicipality}`;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A fresh browser profile per person, so sessions never mix. */
  async function as<T>(work: (page: Page, errors: string[]) => Promise<T>): Promise<T> {
    const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    try {
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      const result = await work(page, errors);
      expect(errors).toEqual([]);
      return result;
    } finally {
      await context.close();
    }
  }

  it('the wijkregisseur assigns a wijkwerker in a Blerick wijk through the form and sees them in the team', async () => {
    await as(async (page) => {
      await signInThroughForm(page, server.url, 'regisseur@venlo.demo', demoPassword);
      // Blerick, from the list of stadsdelen, then its first wijk.
      await page.goto(`${home()}?niveau=district`);
      await page.getByRole('link', { name: 'Stadsdeel Blerick', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Stadsdeel Blerick' }).waitFor();
      await page.locator('section[aria-labelledby="deelgebieden"] li a').first().click();
      const form = page.locator('form', { has: page.getByRole('heading', { name: 'Rol toewijzen' }) });
      await form.waitFor();
      const areaName = (await page.getByRole('heading', { level: 1 }).textContent())!;
      const areaId = page.url().split('/').pop()!;

      // Someone the regisseur may pick who is not yet wijkwerker here.
      const people = await page.evaluate(async (url) => (await fetch(url)).json(), `/api/municipalities/${demoMunicipality}/people`);
      const candidate = (people as { items: PersonItem[] }).items.find(
        (p) => !p.roles.some((r) => r.role === 'wijkwerker' && r.areaId === areaId && r.validTo === null),
      );
      expect(candidate, 'a person to assign').toBeDefined();

      // The role list offers only team roles to a wijkregisseur.
      const roleOptions = await form.getByLabel('Rol', { exact: true }).locator('option').allTextContents();
      expect(roleOptions.some((o) => /beheerder/i.test(o))).toBe(false);

      // Submitting without choices: errors at both fields.
      await form.getByRole('button', { name: 'Toewijzen' }).click();
      await expect.poll(() => form.locator('[aria-invalid="true"]').count()).toBe(2);
      await expectNoAxeViolations(page, 'area page with role form errors');

      await form.getByLabel('Persoon', { exact: true }).selectOption(candidate!.id);
      await form.getByLabel('Rol', { exact: true }).selectOption('wijkwerker');
      await form.getByRole('button', { name: 'Toewijzen' }).click();
      await expect.poll(() => form.getByRole('status').textContent()).toContain(`${candidate!.name} is toegevoegd`);

      const row = page.locator('table[aria-labelledby="team"] tbody tr', { hasText: candidate!.name }).filter({ hasText: areaName });
      await expect.poll(() => row.count()).toBeGreaterThan(0);
      expect(await row.first().locator('td').first().textContent()).toMatch(/wijkwerker/i);
      await expectNoAxeViolations(page, 'area page after assigning');
    });
  });

  it('the raadslid sees areas and teams but no administration', async () => {
    await as(async (page) => {
      await signInThroughForm(page, server.url, 'raadslid@venlo.demo', demoPassword);
      await page.goto(home());
      await page.locator('table tbody tr a').first().waitFor();
      const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
      expect(await nav.getByRole('link', { name: 'Personen' }).count()).toBe(0);
      expect(await nav.getByRole('link', { name: 'Organisaties' }).count()).toBe(0);

      await page.locator('table tbody tr a').first().click();
      await page.getByRole('heading', { level: 2, name: 'Team' }).waitFor();
      expect(await page.getByRole('heading', { name: 'Rol toewijzen' }).count()).toBe(0);
      expect(
        await page
          .getByRole('button')
          .filter({ hasText: /Toewijzen|Beëindigen|Wijzigen/ })
          .count(),
      ).toBe(0);

      // Typing the address of an administration page: the server's refusal, no forms or buttons.
      await page.goto(`${home()}/beheer/personen`);
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('button', { name: /Persoon toevoegen|beheren/ }).count()).toBe(0);
      await page.goto(`${home()}/beheer/organisaties`);
      await page.getByRole('alert').or(page.locator('table')).first().waitFor();
      expect(await page.getByRole('button', { name: /Organisatie toevoegen|wijzigen/ }).count()).toBe(0);
      await expectNoAxeViolations(page, 'organisations as raadslid');
    });
  });

  it('a resident asks for a sign-in link, finds it in the outbox, follows it and is signed in', async () => {
    await as(async (page) => {
      const email = `bewoner.${Date.now()}@example.org`;
      await page.goto(`${server.url}/inloggen?gemeente=${demoMunicipality}`);
      const resident = page.locator('section', { has: page.getByRole('heading', { name: 'Voor bewoners' }) });
      await resident.getByLabel('E-mailadres').fill(email);
      await resident.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
      await resident.getByRole('status').waitFor();
      await expectNoAxeViolations(page, 'sign-in after asking for a link');

      await resident.getByRole('link', { name: 'Verzonden e-mail' }).click();
      await page.getByRole('heading', { level: 1, name: 'Verzonden e-mail' }).waitFor();
      const mail = page.locator('article', { hasText: email });
      await mail.waitFor();
      const link = mail.locator('a[href*="/api/auth/email-link/"]');
      expect(await link.count()).toBe(1);
      const href = (await link.getAttribute('href'))!;
      await link.click();
      await confirmEmailLink(page);
      await page.getByText(/Ingelogd als/).waitFor();
      expect(page.url()).toContain(`/gemeente/${demoMunicipality}`);

      // The link works once; a second time it explains itself.
      await page.goto(href);
      await page.getByText('Deze inloglink werkt niet meer').waitFor();
      expect(page.url()).toContain('fout=link_ongeldig');
    });
  });

  it('a dead link lands on the sign-in page with an explanation', async () => {
    await as(async (page) => {
      await page.goto(`${server.url}/api/auth/email-link/${'x'.repeat(43)}`);
      await page.getByText('Deze inloglink werkt niet meer').waitFor();
      expect(page.url()).toContain('/inloggen?fout=link_ongeldig');
    });
  });
});
