// What the browser tests share: one way to start Debian's Chromium, the
// people every test server gets, logging in as a person would, and the
// accessibility check with axe-core. Not a test file itself (node --test
// runs only *.test.mjs).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const ANNA = { email: 'anna@example.nl', name: 'Anna de Boer', password: 'anna-wachtwoord-123' };
export const BEHEER = { email: 'beheer@example.nl', name: 'Bea Beheer', password: 'beheer-wachtwoord-456', admin: true };
export const USERS = [ANNA, BEHEER];

// Where screenshots go: outside the repository, to look at by hand.
export const SHOTS = process.env.KIEM_SHOTS || '/tmp/kiem-browser-shots';

// Debian's Chromium, headless, without any of its calls home.
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// A fresh browser window with its own cookies, Dutch unless told otherwise.
export async function newPage(browser, { locale = 'nl-NL', viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ locale, viewport });
  context.setDefaultTimeout(10000);
  return context.newPage();
}

// The path and query of the page the browser shows.
export function where(page) {
  const u = new URL(page.url());
  return u.pathname + u.search;
}

// Clicks something that loads a new page (a link or a submit button) and
// waits until that page has loaded. Fails at once if it is not there.
export async function clickAndLoad(page, locator) {
  const n = await locator.count();
  assert.equal(n, 1, `expected one thing to click on ${where(page)}: ${locator}, found ${n}`);
  const loaded = page.waitForEvent('load');
  await locator.click();
  await loaded;
}

// Logs in through the form at /inloggen, as a person would.
export async function login(page, base, user) {
  await page.goto(`${base}/inloggen`);
  await page.getByLabel('E-mailadres').fill(user.email);
  await page.getByLabel('Wachtwoord').fill(user.password);
  await clickAndLoad(page, page.getByRole('button', { name: 'Inloggen' }));
  assert.ok(!where(page).startsWith('/inloggen'), `${user.email} could not log in`);
}

// The violations of axe-core, one per line with its nodes, so a failing
// test says what to fix and where.
export function describeViolations(violations) {
  return violations.map((v) => [
    `${v.id} (${v.impact}): ${v.help}`,
    `  ${v.helpUrl}`,
    ...v.nodes.map((n) => `  - ${n.target.join(' ')}\n      ${(n.failureSummary || '').replace(/\n/g, '\n      ')}`),
  ].join('\n')).join('\n');
}

// Runs axe-core with the WCAG 2.1 A and AA rules on what the page shows
// now, and fails with every violation spelled out.
export async function assertAccessible(page, label) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  assert.ok(result.passes.length > 0, `${label}: axe-core ran no checks`);
  assert.equal(result.violations.length, 0,
    `${label} (${where(page)}) has accessibility violations:\n${describeViolations(result.violations)}`);
}

// Saves a full-page screenshot under SHOTS.
export async function screenshot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}
