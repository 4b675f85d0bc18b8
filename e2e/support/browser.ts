// SPDX-License-Identifier: EUPL-1.2
// Chromium for the browser tests (playwright-core drives the system's Chromium; nothing is
// downloaded), axe-core checks, and small helpers shared by the journeys.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { expect } from 'vitest';

export const chromiumPath = process.env.WIJKWIJS_CHROMIUM ?? '/usr/bin/chromium';
const browserRequired = Boolean(process.env.CI || process.env.WIJKWIJS_REQUIRE_BROWSER);

/**
 * Whether to run the browser tests here. Without Chromium they are skipped with a notice, except in
 * CI or with WIJKWIJS_REQUIRE_BROWSER set: then they run and fail on the missing browser.
 */
export const runBrowserTests: boolean = (() => {
  if (existsSync(chromiumPath)) return true;
  if (browserRequired) return true;
  console.warn(`[e2e] ${chromiumPath} not found: browser tests skipped (set WIJKWIJS_CHROMIUM to a Chromium binary, or install chromium).`);
  return false;
})();

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium is required (CI or WIJKWIJS_REQUIRE_BROWSER) but ${chromiumPath} does not exist`);
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe with the WCAG 2.1 A/AA rules and fails with a readable list of violations. */
export async function expectNoAxeViolations(page: Page, label: string, options: { rules?: string[] } = {}): Promise<void> {
  const builder = new AxeBuilder({ page }).withTags(wcagTags);
  const results = await builder.analyze();
  let violations = results.violations;
  if (options.rules) {
    // Extra rules outside the WCAG 2.1 tags (e.g. target-size from WCAG 2.2).
    const extra = await new AxeBuilder({ page }).withRules(options.rules).analyze();
    violations = [...violations, ...extra.violations];
  }
  if (violations.length > 0) {
    const report = violations
      .map((v) => `- ${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n')}`)
      .join('\n');
    console.error(`[axe] ${label}: ${violations.length} violation(s)\n${report}`);
  }
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe violations on ${label}`,
  ).toEqual([]);
}

/** Fails the test on errors the page logs or throws (network 4xx on purpose are not console errors we make). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(message.text()))
      errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** Signs in through the form, as a person would. */
export async function signInThroughForm(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/inloggen?gemeente=GM0983`);
  const staff = page.locator('section', { has: page.getByRole('heading', { name: 'Voor medewerkers en partners' }) });
  await staff.getByLabel('E-mailadres').fill(email);
  await staff.getByLabel('Wachtwoord').fill(password);
  await staff.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByText(/Ingelogd als/).waitFor();
}

/** True when the page is wider than the viewport (horizontal scrolling). */
export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

/**
 * After opening an email sign-in link: the confirmation page (which uses nothing, so mail
 * scanners cannot spend the link) passes axe, and its button signs in.
 */
export async function confirmEmailLink(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Inloggen bij Wijkwijs' }).waitFor();
  await expectNoAxeViolations(page, 'email link confirmation page');
  await page.getByRole('button', { name: /^Inloggen/ }).click();
}
