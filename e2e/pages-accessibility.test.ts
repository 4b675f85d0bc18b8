// SPDX-License-Identifier: EUPL-1.2
// The beheerder visits every page; axe (WCAG 2.0/2.1 A and AA) finds no violations on any of them.
// Also: sign-in errors tied to the fields, administration forms with the API's problem details, and
// screenshots of the map and an area page in /tmp for a person to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, expectNoAxeViolations, launchBrowser, runBrowserTests, signInThroughForm } from './support/browser.js';
import { demoMunicipality, demoPassword, startServer, type RunningServer } from './support/server.js';

// Several axe runs per test, on two shared cores: generous time per test.
describe.skipIf(!runBrowserTests)('every page passes axe (beheerder)', { timeout: 180_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  const home = () => `${server.url}/gemeente/${demoMunicipality}`;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    page = await context.newPage();
    errors = collectPageErrors(page);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('sign-in page, empty, with field errors and with a wrong password', async () => {
    await page.goto(`${server.url}/inloggen`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Inloggen');
    await expectNoAxeViolations(page, 'sign-in');

    const staff = page.locator('section', { has: page.getByRole('heading', { name: 'Voor medewerkers en partners' }) });
    await staff.getByRole('button', { name: 'Inloggen' }).click();
    const email = staff.getByLabel('E-mailadres');
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    // The error is tied to the field it belongs to.
    const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent()).toContain('Vul uw e-mailadres in.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('email');
    await expectNoAxeViolations(page, 'sign-in with field errors');

    await email.fill('beheerder@venlo.demo');
    await staff.getByLabel('Wachtwoord').fill('niet-het-wachtwoord');
    await staff.getByRole('button', { name: 'Inloggen' }).click();
    const password = staff.getByLabel('Wachtwoord');
    await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
    // The server's Dutch problem detail is shown at the field.
    await expect.poll(() => staff.textContent()).toContain('Dit e-mailadres en wachtwoord horen niet bij elkaar');
    await expectNoAxeViolations(page, 'sign-in with a wrong password');
  });

  it('sign-in page after a dead email link', async () => {
    await page.goto(`${server.url}/inloggen?fout=link_ongeldig`);
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Deze inloglink werkt niet meer');
    await expectNoAxeViolations(page, 'sign-in with fout=link_ongeldig');
  });

  it('map and list, for every level', async () => {
    await signInThroughForm(page, server.url, 'beheerder@venlo.demo', demoPassword);
    await page.goto(home());
    await page.locator('path.leaflet-interactive').first().waitFor();
    expect(await page.locator('path.leaflet-interactive').count()).toBeGreaterThan(5);
    expect(await page.getByRole('region', { name: /Kaart van de wijken/ }).count()).toBe(1);
    expect(await page.locator('footer').textContent()).toContain('Bron: CBS');
    await page.mouse.move(10, 10);
    await page.screenshot({ path: '/tmp/wijkwijs-map.png', fullPage: true });
    await expectNoAxeViolations(page, 'map and list (wijken)');

    for (const level of ['Buurten', 'Stadsdelen']) {
      await page.getByRole('radio', { name: level }).check();
      await expect.poll(() => page.getByRole('heading', { level: 2, name: new RegExp(`Lijst van ${level.toLowerCase()}`) }).count()).toBe(1);
      await page.locator('table tbody tr').first().waitFor();
      await expectNoAxeViolations(page, `map and list (${level})`);
    }
  });

  it('searching the list', async () => {
    await page.goto(home());
    const rows = page.locator('table tbody tr');
    await rows.first().waitFor();
    const before = await rows.count();
    const firstName = (await rows.first().locator('a').textContent())!;
    await page.getByRole('searchbox', { name: 'Zoek op naam of code' }).fill(firstName);
    await expect.poll(() => rows.count()).toBeLessThan(before);
    expect(await rows.first().locator('a').textContent()).toBe(firstName);
  });

  it('area page', async () => {
    await page.goto(home());
    await page.locator('table tbody tr a').first().click();
    await page.getByRole('heading', { level: 2, name: 'Team' }).waitFor();
    await page.locator('.ww-map path').first().waitFor();
    expect(await page.getByRole('navigation', { name: 'U bent hier' }).count()).toBe(1);
    expect(await page.getByText(/Bron: CBS, \d{4}/).count()).toBeGreaterThan(0);
    expect(await page.getByRole('heading', { name: 'Rol toewijzen' }).count()).toBe(1);
    await page.screenshot({ path: '/tmp/wijkwijs-area.png', fullPage: true });
    await expectNoAxeViolations(page, 'area page');
  });

  it('people: list, manage panel, and a problem from the API at the form', async () => {
    await page.getByRole('link', { name: 'Personen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Personen' }).waitFor();
    await page.locator('table tbody tr').first().waitFor();
    await expectNoAxeViolations(page, 'people');

    await page
      .getByRole('button', { name: /beheren$/ })
      .first()
      .click();
    await page.getByRole('heading', { name: /^Rollen van / }).waitFor();
    await expectNoAxeViolations(page, 'people with the manage panel open');

    // Adding someone with an address already in use: the API's Dutch detail appears at the form.
    const create = page.locator('form', { has: page.getByRole('heading', { name: 'Persoon toevoegen' }) });
    await create.getByLabel('Naam').fill('Dubbel Adres');
    await create.getByLabel('E-mailadres').fill('beheerder@venlo.demo');
    await create.getByRole('button', { name: 'Persoon toevoegen' }).click();
    await expect.poll(async () => (await create.getByRole('alert').count()) + (await create.locator('[aria-invalid="true"]').count())).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'people with an API error');

    await create.getByLabel('E-mailadres').fill('nieuw.persoon@venlo.demo');
    await create.getByLabel('Naam').fill('Nieuw Persoon');
    await create.getByRole('button', { name: 'Persoon toevoegen' }).click();
    await expect.poll(() => page.locator('table').textContent()).toContain('Nieuw Persoon');
  });

  it('organisations: list, add, edit', async () => {
    await page.getByRole('link', { name: 'Organisaties' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisaties' }).waitFor();
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Organisatie toevoegen' }) });
    await form.waitFor();
    await expectNoAxeViolations(page, 'organisations');

    await form.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    await expect.poll(() => form.locator('[aria-invalid="true"]').count()).toBe(2);
    await expectNoAxeViolations(page, 'organisations with field errors');

    await form.getByLabel('Naam').fill('Buurtvereniging De Test');
    await form.getByLabel('Soort').selectOption('residents_group');
    await form.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    await expect.poll(() => page.locator('table').textContent()).toContain('Buurtvereniging De Test');

    await page.getByRole('button', { name: 'Buurtvereniging De Test wijzigen' }).click();
    const edit = page.locator('form', { has: page.getByRole('heading', { name: 'Buurtvereniging De Test wijzigen' }) });
    await edit.getByLabel('Naam').fill('Buurtvereniging De Proef');
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.locator('table').textContent()).toContain('Buurtvereniging De Proef');
  });

  it('outbox', async () => {
    await page.getByRole('link', { name: 'Verzonden e-mail' }).click();
    await page.getByRole('heading', { level: 1, name: 'Verzonden e-mail' }).waitFor();
    await page.getByRole('button', { name: 'Vernieuwen' }).waitFor();
    await expectNoAxeViolations(page, 'outbox');
  });

  it('a page that does not exist', async () => {
    await page.goto(`${home()}/bestaat-niet`);
    await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
    await expectNoAxeViolations(page, 'not found');
  });

  it('logged no errors in the browser', () => {
    expect(errors).toEqual([]);
  });
});
