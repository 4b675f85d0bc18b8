// SPDX-License-Identifier: EUPL-1.2
// Wijkkompas in the browser (issue 5), on the real server with CBS fixtures imported through the
// staff API: the choropleth with its legend and sortable table (CSV download), the area profile
// (tiles with source and year, plain differences for CBS figures, trend charts 2012-2024 with
// tables), the wijkanalyse (sources under every number, a staff edit, the PDF), all axe-clean on a
// desktop and on a phone-sized screen; and a resident who answers the survey on a phone with an
// invitation code the staff API issued for a mail merge.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, expectNoAxeViolations, launchBrowser, runBrowserTests, scrollsSideways, signInThroughForm } from './support/browser.js';
import { demoMunicipality, demoPassword, startServer, type RunningServer } from './support/server.js';
import { signIn, type Session } from '../src/server/testing/harness.js';
import { fixture } from '../src/server/indicators/testing.js';

const phone = { width: 375, height: 667 };
/** Waits for what the server must do first: generous on two shared cores. */
const poll = <T>(check: () => T | Promise<T>) => expect.poll(check, { timeout: 15_000 });
const phoneContext = { viewport: phone, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'nl-NL' };

interface WijkRef {
  id: string;
  code: string;
  name: string;
}

describe.skipIf(!runBrowserTests)('wijkkompas: map, profile, analysis and the survey', { timeout: 240_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let desktop: BrowserContext;
  let page: Page;
  let errors: string[];
  let staff: Session;
  let wijk: WijkRef;
  const home = () => `${server.url}/gemeente/${demoMunicipality}`;
  const api = (url: string) => `/api/municipalities/${demoMunicipality}${url}`;
  const post = (url: string, payload: string | object, contentType = 'application/json') =>
    server.app.inject({ method: 'POST', url: api(url), headers: { ...staff.headers, 'content-type': contentType }, payload });

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    // The onderzoeker (monitor.manage) imports CBS figures: the 2024 wijken, the municipality's trend
    // 2012-2024, and two own test figures (one suppressed) for a housing indicator.
    staff = await signIn(server.app, demoMunicipality, 'onderzoeker@venlo.demo', demoPassword);
    const wijken = (await server.app.inject({ method: 'GET', url: api('/areas?level=wijk') })).json<WijkRef[]>().sort((a, b) => a.code.localeCompare(b.code));
    wijk = wijken.find((w) => w.code === 'WK098311')!;
    for (const [file, type] of [
      ['wijken-2024-5gm.geojson', 'application/geo+json'],
      ['gemeenten-trend-5gm-2012-2024.csv', 'text/csv'],
    ] as const) {
      const imported = await post(`/imports/cbs?fileName=${file}`, fixture(file), type);
      expect(imported.statusCode, imported.body).toBe(200);
    }
    const own = await post(
      '/imports/own',
      'gebiedscode;indicator;periode;waarde;status\nWK098311;share_social_housing;2024;;suppressed\nWK098312;share_social_housing;2024;31;\n',
      'text/csv',
    );
    expect(own.statusCode, own.body).toBe(200);

    desktop = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL', acceptDownloads: true });
    page = await desktop.newPage();
    errors = collectPageErrors(page);
    await signInThroughForm(page, server.url, 'beheerder@venlo.demo', demoPassword);
  });

  afterAll(async () => {
    await desktop?.close();
    await browser?.close();
    await server?.close();
  });

  it('wijkkompas: choropleth with a legend, a sortable table, CSV; suppressed and missing shown as such', async () => {
    await page.getByRole('link', { name: 'Wijkkompas' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wijkkompas' }).waitFor();
    await page.locator('.ww-map path.leaflet-interactive').first().waitFor();
    const table = page.locator('table').first();
    await table.locator('tbody tr').first().waitFor();
    await poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toBe('Aantal inwoners per wijken, 2024');

    // The map is coloured from the palette; each area is named with its figure.
    const paths = page.locator('.ww-map path.leaflet-interactive');
    const fills = await paths.evaluateAll((ps) => [...new Set(ps.map((p) => p.getAttribute('fill')))]);
    expect(fills.length).toBeGreaterThan(2);
    const labels = await paths.evaluateAll((ps) => ps.map((p) => p.getAttribute('aria-label') ?? ''));
    expect(labels).toContain(`${wijk.name}: ${await table.locator('tbody tr', { hasText: wijk.name }).locator('td').nth(1).textContent()}`);
    const legend = page.getByRole('region', { name: 'Legenda' });
    expect(await legend.locator('li').count()).toBe(6);
    expect(await legend.textContent()).toContain('Geen cijfer (afgeschermd of onbekend)');

    // Every row: the figure and its source and year.
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(21);
    expect(await rows.filter({ hasText: /Bron: CBS, 2024/ }).count()).toBe(21);
    // The wijken add up to the municipality's own total within CBS rounding (Venlo 103,780 of 103,789).
    await poll(() => page.locator('#optelling').textContent()).toBe(
      'Opgeteld over de wijken: 103.780 (21 van de 21 met een cijfer). Gemeente Venlo volgens CBS: 103.789; het verschil van 9 komt doordat CBS de cijfers van wijken en buurten afrondt.',
    );

    // Sorting by the figure: aria-sort follows, largest first.
    await page.getByRole('button', { name: /^Aantal inwoners/ }).click();
    await poll(() => page.locator('th[aria-sort="descending"]').count()).toBe(1);
    const numbers = (await table.locator('tbody tr td:nth-child(2)').allTextContents()).map((c) => Number(c.replace(/\./g, '')));
    expect(numbers.every((n) => Number.isFinite(n) && n > 0)).toBe(true);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download als CSV' }).click()]);
    const csv = readFileSync(await download.path(), 'utf8').split('\r\n');
    expect(csv[0]).toBe('\uFEFFgebied;code;onderwerp;Jaar;waarde;status;bron;bronjaar');
    expect(csv.filter((l) => /;WK0983\d\d;Aantal inwoners;2024;\d+;(ok|rounded);cbs;2024$/.test(l))).toHaveLength(21);
    await page.mouse.move(5, 5);
    await page.screenshot({ path: '/tmp/wijkwijs-wijkkompas.png', fullPage: true });
    await expectNoAxeViolations(page, 'wijkkompas');

    // Another indicator: the suppressed figure is a word, the areas without one say so; never 0.
    await page.getByLabel('Onderwerp').selectOption('share_social_housing');
    await poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toBe('Huurwoningen van een woningcorporatie per wijken, 2024');
    await poll(() => table.textContent()).toContain('afgeschermd');
    expect(await rows.filter({ hasText: wijk.name }).locator('td').nth(1).textContent()).toBe('afgeschermd (te weinig waarnemingen)');
    expect(await rows.filter({ hasText: 'geen cijfer bekend' }).count()).toBe(19);
    expect(await rows.filter({ hasText: '31%' }).count()).toBe(1);
    await expectNoAxeViolations(page, 'wijkkompas, an indicator with suppressed and missing figures');
  });

  it('area profile: tiles with source and year, plain differences for CBS figures, trend charts with tables', async () => {
    await page.goto(`${home()}/gebied/${wijk.id}`);
    await page.getByRole('link', { name: 'Wijkprofiel: cijfers en trends' }).click();
    await page.getByRole('heading', { level: 1, name: `Wijkprofiel ${wijk.name}` }).waitFor();
    const tiles = page.locator('.ww-tile');
    await tiles.first().waitFor();
    expect(await tiles.count()).toBeGreaterThan(3);
    expect(await tiles.filter({ hasText: /Bron: .+, \d{4}/ }).count()).toBe(await tiles.count());
    const population = tiles.filter({ has: page.getByRole('heading', { level: 3, name: 'Aantal inwoners' }) });
    // A count adds up: the difference with the rest of the municipality is given, but not judged.
    expect(await population.textContent()).toMatch(/Verschil met de rest van de gemeente: [\d.]+ lager/);
    const all = (await page.locator('.ww-tiles').textContent()) ?? '';
    expect(all).not.toMatch(/[Gg]unstiger/);
    const suppressed = tiles.filter({ has: page.getByRole('heading', { level: 3, name: 'Huurwoningen van een woningcorporatie' }) });
    expect(await suppressed.locator('.ww-tile__value').textContent()).toBe('afgeschermd (te weinig waarnemingen)');

    // A trend chart per tile: an image with a name, the municipality's line 2012-2024, a table behind it.
    const charts = page.locator('.ww-trend-section');
    expect(await charts.count()).toBe(await tiles.count());
    const chart = charts.filter({ has: page.getByRole('heading', { level: 3, name: 'Aantal inwoners' }) });
    await chart.locator('svg[role="img"]').waitFor();
    expect(await chart.locator('.ww-chart__caption').textContent()).toBe(`Aantal inwoners, ${wijk.name}, 2012–2024`);
    expect(await chart.locator('svg[role="img"]').getAttribute('aria-label')).toContain(`Aantal inwoners, ${wijk.name}, 2012–2024`);
    await chart.getByText(/^Tabel:/).click();
    const years = await chart.locator('table tbody tr td:first-child').allTextContents();
    expect(years).toEqual(['2012', '2017', '2018', '2019', '2022', '2023', '2024']);
    expect(await chart.locator('table thead').textContent()).toContain('Venlo');
    await page.screenshot({ path: '/tmp/wijkwijs-profile.png', fullPage: true });
    await expectNoAxeViolations(page, 'area profile');
  });

  it('wijkanalyse: sections with source and year under every figure, a staff edit, the PDF', async () => {
    await page.goto(`${home()}/gebied/${wijk.id}`);
    await page.getByRole('link', { name: 'Wijkanalyse' }).click();
    await page.getByRole('heading', { level: 1, name: `Wijkanalyse ${wijk.name}` }).waitFor();
    for (const heading of ['Bevolking', 'Wonen', 'Inkomen', 'Veiligheid', 'Oordeel van bewoners', 'Ontwikkeling', 'Opvallende verschillen'])
      expect(await page.getByRole('heading', { level: 2, name: heading }).count(), heading).toBe(1);
    const facts = page.locator('.ww-facts li');
    expect(await facts.count()).toBeGreaterThan(3);
    expect(await facts.filter({ hasText: /Bron: .+, \d{4}/ }).count()).toBe(await facts.count());
    expect(await page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Bevolking' }) }).textContent()).toMatch(
      /wonen [\d.]+ mensen \(CBS, 2024\)/,
    );
    // CBS figures carry no statistical test: nothing is called notable.
    const notable = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Opvallende verschillen' }) });
    expect(await notable.textContent()).toContain('geen verschillen met de rest van de gemeente zien die statistisch betrouwbaar zijn');
    const pdf = page.getByRole('link', { name: 'Download als PDF' });
    const href = (await pdf.getAttribute('href'))!;
    expect(href).toBe(`/api/municipalities/${demoMunicipality}/areas/${wijk.id}/analysis.pdf?period=2024`);
    const response = await page.request.get(`${server.url}${href}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    await expectNoAxeViolations(page, 'wijkanalyse');

    // The beheerder (area.manage) edits a section; an empty text is refused at the field.
    await page.getByRole('button', { name: 'Tekst aanpassen: Wonen' }).click();
    const field = page.getByLabel('Tekst bij Wonen');
    await field.fill('');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await poll(() => field.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'wijkanalyse, edit with an error');
    await field.fill('In de wijk staan vooral rijtjeshuizen.\n\nDe corporatie bouwt er 40 woningen bij.');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    const wonen = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Wonen' }) });
    await poll(() => wonen.locator('.ww-analysis__text').textContent()).toContain('vooral rijtjeshuizen');
    expect(await wonen.locator('.ww-analysis__text p.ams-paragraph').count()).toBe(2);
    expect(await wonen.textContent()).toContain('Tekst aangepast door Bram Beheerder');
    // The edit is stored: it is there after a reload.
    await page.reload();
    await poll(() => wonen.locator('.ww-analysis__text').textContent()).toContain('vooral rijtjeshuizen');
    await page.screenshot({ path: '/tmp/wijkwijs-analysis.png', fullPage: true });
  });

  it('the pages on a phone: axe with tap targets, no sideways scrolling', async () => {
    const context = await browser.newContext(phoneContext);
    const mobile = await context.newPage();
    const mobileErrors = collectPageErrors(mobile);
    try {
      await signInThroughForm(mobile, server.url, 'beheerder@venlo.demo', demoPassword);
      for (const [path, ready] of [
        ['/wijkkompas', '.ww-map path.leaflet-interactive'],
        [`/gebied/${wijk.id}/profiel`, 'svg[role="img"]'],
        [`/gebied/${wijk.id}/wijkanalyse`, '.ww-facts li'],
      ] as const) {
        await mobile.goto(`${home()}${path}`);
        await mobile.locator(ready).first().waitFor();
        expect(await scrollsSideways(mobile), path).toBe(false);
        await expectNoAxeViolations(mobile, `${path} on a phone`, { rules: ['target-size'] });
      }
      await mobile.screenshot({ path: '/tmp/wijkwijs-analysis-phone.png', fullPage: true });
      expect(mobileErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a resident answers the survey on a phone with the code from the mail merge, without signing in', async () => {
    // Staff: the Lemon questionnaire, a wave over one wijk, an address list, a sample, the letters.
    const survey = await post('/surveys', { template: 'lemon' });
    expect(survey.statusCode, survey.body).toBe(201);
    const today = new Date().toISOString().slice(0, 10);
    const closes = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const wave = await post(`/surveys/${survey.json<{ id: string }>().id}/waves`, {
      name: 'E2E-ronde',
      opensOn: today,
      closesOn: closes,
      targetPerArea: 2,
      areaIds: [wijk.id],
    });
    expect(wave.statusCode, wave.body).toBe(201);
    const waveId = wave.json<{ id: string }>().id;
    const addresses = ['adres;postcode;gebied', 'Parade 1;5911 CA;WK098311', 'Parade 3;5911 CA;WK098311', 'Lomstraat 5;5911 EE;WK098311'].join('\n');
    expect((await post(`/waves/${waveId}/addresses`, { csv: addresses })).statusCode).toBe(200);
    expect((await post(`/waves/${waveId}/sample`, { seed: 'e2e' })).statusCode).toBe(200);
    const letters = await post(`/waves/${waveId}/invitations`, {});
    expect(letters.statusCode, letters.body).toBe(200);
    const lines = letters.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(3);
    const code = lines[1]!.split(/[;,]/)[0]!.replace(/"/g, '');

    const context = await browser.newContext(phoneContext);
    const resident = await context.newPage();
    const residentErrors = collectPageErrors(resident);
    try {
      await resident.goto(`${server.url}/enquete`);
      await resident.getByRole('heading', { level: 1, name: 'Bewonersenquête' }).waitFor();
      await expectNoAxeViolations(resident, 'survey code page', { rules: ['target-size'] });
      await resident.getByLabel('Uw code').fill(code);
      await resident.getByRole('button', { name: 'Begin' }).click();
      const progress = resident.getByText(/^Stap 1 van \d+$/);
      await progress.waitFor();
      const total = Number(/van (\d+)$/.exec((await progress.textContent()) ?? '')?.[1]);
      expect(total).toBe(6);
      expect(await resident.getByText(`Over uw buurt: ${wijk.name}`).count()).toBe(1);
      expect(await scrollsSideways(resident)).toBe(false);
      await expectNoAxeViolations(resident, 'survey step 1 on a phone', { rules: ['target-size'] });

      for (let step = 1; step <= total; step++) {
        await resident.getByText(`Stap ${step} van ${total}`, { exact: true }).waitFor();
        // The new screen's heading has focus, for screen readers.
        if (step > 1) await poll(() => resident.evaluate(() => document.activeElement?.tagName)).toBe('H2');
        const groups = resident.locator('fieldset.ww-survey__question');
        for (let g = 0; g < (await groups.count()); g++) {
          const group = groups.nth(g);
          const kind = (await group.getAttribute('class')) ?? '';
          if (kind.includes('--grade')) {
            // With the keyboard: Space chooses, the arrow keys move the choice within the group.
            await group.getByRole('radio').first().focus();
            await resident.keyboard.press('Space');
            for (let i = 0; i < 6; i++) await resident.keyboard.press('ArrowRight');
            expect(await group.getByRole('radio', { name: '7', exact: true }).isChecked()).toBe(true);
          } else if (kind.includes('--multiple')) {
            await group.getByRole('checkbox').nth(0).check();
            await group.getByRole('checkbox').nth(1).check();
          } else {
            await group.getByRole('radio').nth(1).check();
          }
        }
        for (const open of await resident.locator('textarea').all()) await open.fill('Meer bankjes in het park.');
        if (step === 2) await expectNoAxeViolations(resident, 'survey step 2 on a phone', { rules: ['target-size'] });
        await resident.getByRole('button', { name: step === total ? 'Versturen' : 'Volgende' }).click();
      }
      await resident.getByRole('heading', { level: 1, name: 'Bedankt voor het invullen' }).waitFor();
      expect(await scrollsSideways(resident)).toBe(false);
      await expectNoAxeViolations(resident, 'survey thank-you page', { rules: ['target-size'] });
      await resident.screenshot({ path: '/tmp/wijkwijs-survey-phone.png', fullPage: true });

      // The code works once.
      await resident.goto(`${server.url}/enquete/${encodeURIComponent(code)}`);
      await resident.getByText('De vragenlijst kan niet worden geopend').waitFor();
      expect(await resident.getByRole('alert').textContent()).toContain('al ingevuld');
      await expectNoAxeViolations(resident, 'survey with a used code', { rules: ['target-size'] });
      expect(residentErrors.filter((e) => !e.includes('409'))).toEqual([]);
    } finally {
      await context.close();
    }
    // The staff see one response in the wijk.
    const response = await server.app.inject({ method: 'GET', url: api(`/waves/${waveId}/response`), headers: { cookie: staff.cookie } });
    expect(response.json<{ total: { invited: number; responded: number } }>().total).toEqual(expect.objectContaining({ invited: 2, responded: 1 }));
  });

  it('logged no errors in the browser', () => {
    expect(errors).toEqual([]);
  });
});
