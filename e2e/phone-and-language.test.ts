// SPDX-License-Identifier: EUPL-1.2
// A phone-sized screen (375×667): no sideways scrolling, tap targets of at least 24 px (axe's
// target-size rule from WCAG 2.2 on top of the 2.1 rules), a map that follows the screen size.
// And the language switch: English text, <html lang="en">, remembered on the next visit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, expectNoAxeViolations, launchBrowser, runBrowserTests, scrollsSideways, signInThroughForm } from './support/browser.js';
import { demoMunicipality, demoPassword, startServer, type RunningServer } from './support/server.js';

const phone = { width: 375, height: 667 };

// Several axe runs per test, on two shared cores: generous time per test.
describe.skipIf(!runBrowserTests)('phone-sized screen and language', { timeout: 180_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  const home = () => `${server.url}/gemeente/${demoMunicipality}`;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    context = await browser.newContext({ viewport: phone, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'nl-NL' });
    page = await context.newPage();
    errors = collectPageErrors(page);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  /** The map's box and the box around all drawn boundaries. */
  async function mapBoxes() {
    return page.evaluate(() => {
      const map = document.querySelector('.ww-map.leaflet-container')!.getBoundingClientRect();
      const paths = [...document.querySelectorAll('.ww-map path.leaflet-interactive')].map((p) => p.getBoundingClientRect());
      const drawn = {
        left: Math.min(...paths.map((r) => r.left)),
        right: Math.max(...paths.map((r) => r.right)),
        top: Math.min(...paths.map((r) => r.top)),
        bottom: Math.max(...paths.map((r) => r.bottom)),
      };
      return { map: { left: map.left, right: map.right, top: map.top, bottom: map.bottom, width: map.width }, drawn };
    });
  }

  it('map and list on a phone: axe, tap targets, no sideways scrolling', async () => {
    await signInThroughForm(page, server.url, 'beheerder@venlo.demo', demoPassword);
    await page.goto(home());
    await page.locator('path.leaflet-interactive').first().waitFor();
    await page.locator('table tbody tr').first().waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await expectNoAxeViolations(page, 'map and list on a phone', { rules: ['target-size'] });
    await page.screenshot({ path: '/tmp/wijkwijs-map-phone.png', fullPage: false });

    const { map, drawn } = await mapBoxes();
    expect(map.width).toBeLessThanOrEqual(phone.width);
    // The boundaries are drawn inside the map, not off-screen.
    expect(drawn.left).toBeGreaterThanOrEqual(map.left - 1);
    expect(drawn.right).toBeLessThanOrEqual(map.right + 1);
  });

  it('the map follows the screen size', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await expect.poll(async () => (await mapBoxes()).map.width).toBeGreaterThan(600);
    await page.setViewportSize(phone);
    await expect.poll(async () => (await mapBoxes()).map.width).toBeLessThanOrEqual(phone.width);
    // After shrinking, Leaflet redraws: the boundaries still sit within the map.
    await expect
      .poll(async () => {
        const { map, drawn } = await mapBoxes();
        return drawn.right > map.left && drawn.left < map.right && drawn.bottom > map.top && drawn.top < map.bottom;
      })
      .toBe(true);
    expect(await scrollsSideways(page)).toBe(false);
  });

  it('the map is usable with the keyboard and does not trap focus', async () => {
    const areas = page.locator('.ww-map path.leaflet-interactive');
    await areas.first().focus();
    const tooltip = page.locator('.leaflet-tooltip');
    await expect.poll(() => tooltip.count()).toBe(1);
    const name = await areas.first().getAttribute('aria-label');
    expect(await tooltip.textContent()).toBe(name);
    // Every area is a named link.
    const count = await areas.count();
    expect(await page.locator('.ww-map path.leaflet-interactive[role="link"][aria-label][tabindex="0"]').count()).toBe(count);
    // Tab moves on through the areas and the map's controls, and then out of the map.
    let outside = false;
    for (let i = 0; i < count + 10 && !outside; i++) {
      await page.keyboard.press('Tab');
      outside = await page.evaluate(
        () => document.activeElement !== null && document.activeElement !== document.body && !document.activeElement.closest('.ww-map'),
      );
    }
    expect(outside).toBe(true);
    // Enter on an area opens its page.
    await areas.first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(name);
  });

  it('area page on a phone: axe, tap targets, no sideways scrolling', async () => {
    await page.getByRole('heading', { level: 2, name: 'Team' }).waitFor();
    await page.locator('.ww-map path').first().waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await expectNoAxeViolations(page, 'area page on a phone', { rules: ['target-size'] });
    await page.screenshot({ path: '/tmp/wijkwijs-area-phone.png', fullPage: true });
  });

  it('administration pages on a phone: no sideways scrolling', async () => {
    for (const path of ['/beheer/personen', '/beheer/organisaties', '/outbox']) {
      await page.goto(`${home()}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.locator('table, ol, p').first().waitFor();
      expect(await scrollsSideways(page), path).toBe(false);
      await expectNoAxeViolations(page, `${path} on a phone`, { rules: ['target-size'] });
    }
  });

  it('switching to English changes the text and <html lang>, and is remembered', async () => {
    await page.goto(home());
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Gebieden in Venlo');

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Areas in Venlo');
    expect(await page.getByRole('navigation', { name: 'Main menu' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    expect(await page.locator('footer').textContent()).toContain('Source: CBS');
    await expectNoAxeViolations(page, 'map and list in English');

    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Areas in Venlo');

    await page.getByRole('button', { name: 'Nederlands' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('nl');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Gebieden in Venlo');
  });

  it('logged no errors in the browser', () => {
    expect(errors).toEqual([]);
  });
});
