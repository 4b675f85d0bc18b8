// SPDX-License-Identifier: EUPL-1.2
// The survey's staff pages in the browser (issue 5): the onderzoeker (monitor.manage) finds
// "Enquêtes" in the menu, opens the demo questionnaire, creates a small wave over two wijken,
// uploads an address list (first one with errors, listed by line), draws the sample, downloads the
// invitations for the mail merge (and later the reminders), sees the response per area, and the
// results page says "te weinig respondenten" instead of a figure. Open answers are published after
// redaction. Every page axe-clean on a desktop and at 375x667 without sideways scrolling.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, expectNoAxeViolations, launchBrowser, runBrowserTests, scrollsSideways, signInThroughForm } from './support/browser.js';
import { demoMunicipality, demoPassword, startServer, type RunningServer } from './support/server.js';
import { signIn } from '../src/server/testing/harness.js';

const phone = { viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'nl-NL' };
const poll = <T>(check: () => T | Promise<T>) => expect.poll(check, { timeout: 15_000 });

interface WijkRef {
  id: string;
  code: string;
  name: string;
}

describe.skipIf(!runBrowserTests)('surveys: the onderzoeker’s pages', { timeout: 240_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let desktop: BrowserContext;
  let page: Page;
  let errors: string[];
  let wijken: WijkRef[];
  let dir: string;
  let waveUrl = '';
  let surveyUrl = '';
  let demoResultsUrl = '';
  let invitationCodes: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    wijken = (await server.app.inject({ method: 'GET', url: `/api/municipalities/${demoMunicipality}/areas?level=wijk` }))
      .json<WijkRef[]>()
      .sort((a, b) => a.code.localeCompare(b.code));
    dir = mkdtempSync(join(tmpdir(), 'wijkwijs-surveys-'));
    desktop = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL', acceptDownloads: true });
    page = await desktop.newPage();
    errors = collectPageErrors(page);
    await signInThroughForm(page, server.url, 'onderzoeker@venlo.demo', demoPassword);
  });

  /** A session made through the API (the sign-in form itself is tested elsewhere), as a cookie. */
  async function signInWithCookie(context: BrowserContext, email: string): Promise<void> {
    const session = await signIn(server.app, demoMunicipality, email, demoPassword);
    const [name, ...rest] = session.cookie.split(';')[0]!.split('=');
    await context.addCookies([{ name: name!, value: rest.join('='), url: server.url }]);
  }

  afterAll(async () => {
    await desktop?.close();
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the menu leads to the questionnaires; the questionnaire shows its questions by theme', async () => {
    await page.getByRole('link', { name: 'Enquêtes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Enquêtes' }).waitFor();
    await expectNoAxeViolations(page, 'surveys list (desktop)');
    await page.getByRole('link', { name: 'Leefbaarheidsenquête Venlo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Leefbaarheidsenquête Venlo' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Vragen per thema' }).waitFor();
    surveyUrl = new URL(page.url()).pathname;
    for (const theme of ['Fysieke woonomgeving', 'Sociale woonomgeving', 'Overlast', 'Veiligheid'])
      await page.getByRole('heading', { level: 3, name: theme }).waitFor();
    await expectNoAxeViolations(page, 'questionnaire with waves (desktop)');
    expect(errors).toEqual([]);
  });

  it('a new questionnaire from the template: change a question’s text, remove one, add one', async () => {
    await page.goto(`${server.url}/gemeente/${demoMunicipality}/enquetes`);
    await page.getByRole('button', { name: 'Nieuwe vragenlijst volgens het Lemon-model' }).click();
    await page.getByRole('heading', { level: 2, name: 'Vragen per thema' }).waitFor();
    const items = page.locator('.ww-question-list > li');
    const before = await items.count();
    expect(before).toBeGreaterThan(5);
    await items
      .first()
      .getByRole('button', { name: /^Tekst wijzigen/ })
      .click();
    await page.getByLabel('Tekst van de vraag').first().fill('Welk rapportcijfer geeft u uw straat?');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('De vraag is gewijzigd.').waitFor();
    await poll(() => items.first().textContent()).toMatch(/^Welk rapportcijfer geeft u uw straat\?/);
    await items
      .nth(1)
      .getByRole('button', { name: /^Weghalen/ })
      .click();
    await page.getByText('De vraag is weggehaald.').waitFor();
    await poll(() => items.count()).toBe(before - 1);
    await page.getByLabel('Soort vraag').selectOption('open');
    await page
      .locator('form', { has: page.getByRole('heading', { name: 'Vraag toevoegen' }) })
      .getByLabel('Tekst van de vraag')
      .fill('Wat zou u verbeteren in uw buurt?');
    await page.getByRole('button', { name: 'Vraag toevoegen' }).click();
    await page.getByText('De vraag is toegevoegd.').waitFor();
    await poll(() => items.count()).toBe(before);
    await expectNoAxeViolations(page, 'questionnaire after edits (desktop)');
  });

  it('a wave: create, upload addresses (line errors first), draw the sample, download invitations, response per area', async () => {
    await page.goto(`${server.url}/gemeente/${demoMunicipality}/enquetes`);
    await page.getByRole('link', { name: 'Leefbaarheidsenquête Venlo' }).click();
    await page.getByRole('heading', { level: 2, name: 'Nieuwe ronde' }).waitFor();
    const [a, b] = [wijken[0]!, wijken[1]!];
    const today = new Date().toISOString().slice(0, 10);
    const later = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    // The form's own checks first.
    await page.getByRole('button', { name: 'Ronde maken' }).click();
    await page.getByText('Kies ten minste één gebied.').waitFor();
    await expectNoAxeViolations(page, 'new wave with errors (desktop)');
    await page.getByLabel('Naam van de ronde').fill('Proefronde e2e');
    await page.getByLabel('Open vanaf').fill(today);
    await page.getByLabel('Open tot en met').fill(later);
    await page.getByLabel('Aantal uitnodigingen per gebied').fill('3');
    await page.getByLabel(`${a.name} (${a.code})`).check();
    await page.getByLabel(`${b.name} (${b.code})`).check();
    await page.getByRole('button', { name: 'Ronde maken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Proefronde e2e' }).waitFor();
    waveUrl = page.url();
    await expectNoAxeViolations(page, 'new wave page (desktop)');

    // An address list with errors: nothing is imported, each error with its line number.
    const bad = join(dir, 'adressen-fout.csv');
    writeFileSync(bad, `adres;postcode;gebied\nMarkt 1;5911 AA;${a.code}\nMarkt 2;59XX;${a.code}\nMarkt 3;5911 AB;WK999999\n`);
    await page.getByLabel('Adresbestand (CSV)').setInputFiles(bad);
    await page.getByRole('button', { name: 'Adressen inlezen' }).click();
    await page.getByText(/^Regel 3: .*postcode/).waitFor();
    await page.getByText(/^Regel 4: .*WK999999/).waitFor();
    await expectNoAxeViolations(page, 'address list with line errors (desktop)');

    const lines = ['adres;postcode;gebied'];
    for (const [i, w] of [a, b].entries()) for (let n = 1; n <= 5; n++) lines.push(`Proefstraat ${i * 10 + n};5911 A${String.fromCharCode(65 + n)};${w.code}`);
    const good = join(dir, 'adressen.csv');
    writeFileSync(good, lines.join('\n') + '\n');
    await page.getByLabel('Adresbestand (CSV)').setInputFiles(good);
    await page.getByRole('button', { name: 'Adressen inlezen' }).click();
    await page.getByText('10 adressen ingelezen.').waitFor();

    await page.getByRole('button', { name: 'Steekproef trekken' }).click();
    await page.getByText('6 adressen gekozen in 2 gebieden.').waitFor();

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Uitnodigingen downloaden (CSV)' }).click();
    const download = await downloading;
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const rows = csv.trim().split(/\r?\n/);
    expect(rows[0]).toMatch(/^code;adres;postcode;woonplaats;gebied;gebiedsnaam/);
    expect(rows).toHaveLength(7);
    invitationCodes = rows.slice(1).map((r) => r.split(';')[0]!);
    await page
      .getByText(/is gedownload\.$/)
      .first()
      .waitFor();

    // Response per area: 3 invited each, nothing answered yet.
    const table = page.getByRole('table', { name: /Respons per gebied/ });
    await poll(() => table.getByRole('row', { name: new RegExp(a.name) }).textContent()).toMatch(/5\s*3\s*0\s*0\s*0\s*%/);
    await expectNoAxeViolations(page, 'wave after sample and invitations (desktop)');

    // One resident answers; the table counts it, and the reminders go to the other five.
    const form = (await server.app.inject({ method: 'GET', url: `/api/public/survey/${invitationCodes[0]}` })).json<{
      survey: { questions: { id: string; kind: string }[] };
    }>();
    const grade = form.survey.questions.find((q) => q.kind === 'grade')!;
    const answered = await server.app.inject({ method: 'POST', url: `/api/public/survey/${invitationCodes[0]}`, payload: { answers: { [grade.id]: 7 } } });
    expect(answered.statusCode, answered.body).toBe(201);
    await page.reload();
    // Invitations are issued once: the codes are not kept, so the button is gone after a reload.
    await page.getByText(/^De uitnodigingen zijn gemaakt \(6\)/).waitFor();
    expect(await page.getByRole('button', { name: 'Uitnodigingen downloaden (CSV)' }).count()).toBe(0);
    await poll(() => table.locator('tbody tr').last().textContent()).toMatch(/Totaal.*6.*1\s*17\s*%/);
    const reminding = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Herinneringen downloaden (CSV)' }).click();
    const reminders = readFileSync(await (await reminding).path(), 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(reminders).toHaveLength(6);
    expect(errors).toEqual([]);
  });

  it('results of the small wave: "te weinig respondenten", never a figure', async () => {
    await page.goto(waveUrl);
    await page.getByRole('link', { name: 'Uitkomsten van Proefronde e2e' }).click();
    await page.getByRole('heading', { level: 1, name: 'Uitkomsten Proefronde e2e' }).waitFor();
    // The whole municipality: one respondent answered the first grade question, far below 30.
    await page.locator('table').first().waitFor();
    await poll(() => page.locator('table td.ww-suppressed').first().textContent()).toBe('te weinig respondenten');
    expect(await page.locator('table').first().textContent()).not.toMatch(/\d+,\d/);
    await expectNoAxeViolations(page, 'results of the municipality with suppression (desktop)');
    await page.getByLabel('Gebied', { exact: true }).selectOption({ label: wijken[0]!.name });
    await page.getByText(/Te weinig respondenten in dit gebied/).waitFor();
    expect(await page.locator('table').first().textContent()).not.toMatch(/\d+,\d/);
    await expectNoAxeViolations(page, 'results with suppression (desktop)');
  });

  it('results of a demo wave: figures with intervals, suppression for the small wijk', async () => {
    await page.goto(`${server.url}/gemeente/${demoMunicipality}/enquetes`);
    await page.getByRole('link', { name: 'Leefbaarheidsenquête Venlo' }).click();
    // The demo's current wave has one wijk with too few respondents.
    await page.getByRole('link', { name: `Uitkomsten van Leefbaarheidsenquête ${new Date().getFullYear()}` }).click();
    await page.getByRole('heading', { level: 1, name: /^Uitkomsten/ }).waitFor();
    await page.locator('table').first().waitFor();
    await poll(() => page.locator('table').first().textContent()).toMatch(/\d,\d tot \d,\d/);
    demoResultsUrl = new URL(page.url()).pathname;
    // The comparison between areas: a bar chart of the means, the small wijk named instead of drawn.
    await page.locator('#per-gebied ~ figure svg, section:has(#per-gebied) figure svg').first().waitFor();
    const hidden = await page.getByText(/^Niet getoond \(te weinig respondenten of geen antwoorden\): /).textContent();
    const small = hidden!
      .replace(/^[^:]+: /, '')
      .replace(/\.$/, '')
      .split(', ')[0]!;
    await expectNoAxeViolations(page, 'demo results with the chart (desktop)');
    await page.getByLabel('Gebied', { exact: true }).selectOption({ label: small });
    await page.getByText(/Te weinig respondenten in dit gebied/).waitFor();
    expect(await page.locator('table td.ww-suppressed').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'demo results of the small wijk (desktop)');
  });

  it('open answers: redact and publish', async () => {
    await page.goto(`${server.url}/gemeente/${demoMunicipality}/enquetes`);
    await page.getByRole('link', { name: 'Leefbaarheidsenquête Venlo' }).click();
    const waveLinks = page.locator('.ww-section').first().locator('li > a').first();
    await waveLinks.click();
    await page.getByRole('heading', { level: 2, name: 'Open antwoorden' }).waitFor();
    const field = page.getByLabel(/^Open antwoord uit/).first();
    await field.waitFor();
    await field.fill('Hondenpoep in het park.');
    await page.getByRole('button', { name: 'Publiceren' }).first().click();
    await page.getByRole('heading', { level: 3, name: 'Gepubliceerde open antwoorden' }).waitFor();
    await page
      .locator('li', { hasText: /^Hondenpoep in het park\. \(/ })
      .first()
      .waitFor();
    await expectNoAxeViolations(page, 'open answers (desktop)');
  });

  it('phone 375x667: list, wave and results without sideways scrolling, axe-clean', async () => {
    const context = await browser.newContext(phone);
    try {
      const small = await context.newPage();
      await signInWithCookie(context, 'onderzoeker@venlo.demo');
      for (const [path, heading, label] of [
        [`/gemeente/${demoMunicipality}/enquetes`, 'Enquêtes', 'surveys list (phone)'],
        [new URL(waveUrl).pathname, 'Proefronde e2e', 'wave page (phone)'],
        [`${new URL(waveUrl).pathname}/resultaten`, 'Uitkomsten Proefronde e2e', 'results (phone)'],
        [surveyUrl, 'Leefbaarheidsenquête Venlo', 'questionnaire with the new-wave form (phone)'],
        [demoResultsUrl, /^Uitkomsten Leefbaarheidsenquête/, 'demo results with the chart (phone)'],
      ] as const) {
        await small.goto(`${server.url}${path}`);
        await small.getByRole('heading', { level: 1, name: heading }).waitFor();
        await small.locator('.ww-loading').waitFor({ state: 'detached' });
        expect(await scrollsSideways(small), label).toBe(false);
        await expectNoAxeViolations(small, label);
      }
    } finally {
      await context.close();
    }
  });

  it('staff without monitor.manage see no menu item', async () => {
    const context = await browser.newContext({ locale: 'nl-NL' });
    try {
      const other = await context.newPage();
      await signInWithCookie(context, 'wijkwerker@venlo.demo');
      await other.goto(`${server.url}/gemeente/${demoMunicipality}`);
      await other.getByText(/Ingelogd als/).waitFor();
      await other.getByRole('link', { name: 'Wijkkompas' }).waitFor();
      expect(await other.getByRole('link', { name: 'Enquêtes' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
