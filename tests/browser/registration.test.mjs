// Registration in Chromium, as a person does it: make an account, open the
// link from the mail (read from the outbox), log in; a wrong password and
// the other states of these pages, each checked with axe-core (WCAG 2.1 A
// and AA).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem } from '../lib/kiem.mjs';
import { USERS, ANNA, launch, newPage, where, clickAndLoad, assertAccessible, screenshot } from './browser.mjs';

const PASSWORD = 'mijn fiets staat bij de brug';
let srv;
let browser;

before(async () => {
  srv = await startKiem({ demo: false, users: USERS, env: { KIEM_MAIL_LIMIT: '1000' } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await srv?.stop();
});

// The path and query of the newest link to path in the mail to email (a
// later mail without one, such as the notice of a new password, is passed
// over).
async function linkInMail(email, path) {
  const re = new RegExp(`https?://[^/\\s]+(${path}\\?code=\\S+)`);
  const bodies = (await srv.mails(email)).map((m) => m.body).reverse();
  const m = bodies.map((b) => re.exec(b)).find(Boolean);
  assert.ok(m, `no link to ${path} in the mail to ${email}: ${bodies[0] ?? ''}`);
  return m[1];
}

test('register, confirm with the link from the mail, log in', async () => {
  const page = await newPage(browser);
  const email = `roos-${process.pid}@example.nl`;
  await page.goto(`${srv.url}/inloggen`);
  await assertAccessible(page, 'login page with its new links');
  await clickAndLoad(page, page.getByRole('link', { name: 'Maak een account' }));
  assert.equal(where(page), '/registreren');
  await assertAccessible(page, 'registration form');

  // everything wrong first: every field says so
  await page.getByLabel('E-mailadres').fill('geen-adres');
  await page.getByLabel('Wachtwoord').fill('kort');
  await clickAndLoad(page, page.getByRole('button', { name: 'Account maken' }));
  assert.equal(await page.locator('.error-summary li').count(), 3);
  assert.equal(await page.getByLabel('E-mailadres').inputValue(), 'geen-adres');
  await assertAccessible(page, 'registration form with errors');
  await screenshot(page, 'register-errors');

  await page.getByLabel('Naam').fill('Roos Bakker');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await clickAndLoad(page, page.getByRole('button', { name: 'Account maken' }));
  assert.match(await page.locator('h1').textContent(), /Kijk in je mailbox/);
  assert.match(await page.locator('main').textContent(), new RegExp(email));
  await assertAccessible(page, 'check your mail');

  // not yet: the right password is told to confirm first
  await page.goto(`${srv.url}/inloggen`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await clickAndLoad(page, page.getByRole('button', { name: 'Inloggen' }));
  assert.match(await page.locator('.error-summary').textContent(), /nog niet bevestigd/);
  await assertAccessible(page, 'login of an unconfirmed account');
  await clickAndLoad(page, page.getByRole('link', { name: 'Stuur de link opnieuw' }));
  assert.equal(await page.getByLabel('E-mailadres').inputValue(), email);
  await assertAccessible(page, 'send the link again');
  await clickAndLoad(page, page.getByRole('button', { name: 'Stuur een nieuwe link' }));
  assert.match(await page.locator('[role=status]').textContent(), /nieuwe link/);
  await assertAccessible(page, 'the link was sent again');

  await page.goto(srv.url + await linkInMail(email, '/bevestigen'));
  assert.match(await page.locator('h1').textContent(), /Je e-mailadres is bevestigd/);
  await assertAccessible(page, 'confirmed');
  await clickAndLoad(page, page.getByRole('link', { name: 'Naar inloggen' }));
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await clickAndLoad(page, page.getByRole('button', { name: 'Inloggen' }));
  assert.equal(where(page), '/account');
  assert.match(await page.locator('header').textContent(), /Ingelogd als Roos Bakker/);

  // the used link now says it no longer works, and offers a new one
  const again = await newPage(browser);
  await again.goto(srv.url + await linkInMail(email, '/bevestigen'));
  assert.match(await again.locator('h1').textContent(), /Deze link werkt niet meer/);
  await assertAccessible(again, 'a used confirmation link');
});

test('a wrong password shows the error', async () => {
  const page = await newPage(browser);
  await page.goto(`${srv.url}/inloggen`);
  await page.getByLabel('E-mailadres').fill(ANNA.email);
  await page.getByLabel('Wachtwoord').fill('dit is niet het wachtwoord');
  await clickAndLoad(page, page.getByRole('button', { name: 'Inloggen' }));
  assert.match(await page.locator('.error-summary').textContent(), /klopt niet/);
  assert.ok(where(page).startsWith('/inloggen'));
  await assertAccessible(page, 'login with a wrong password');
});

test('forgot the password: ask, open the link, a weak one, a good one', async () => {
  const page = await newPage(browser);
  await page.goto(`${srv.url}/inloggen`);
  await clickAndLoad(page, page.getByRole('link', { name: 'Wachtwoord vergeten?' }));
  await assertAccessible(page, 'forgot password');
  await page.getByLabel('E-mailadres').fill('x');
  await clickAndLoad(page, page.getByRole('button', { name: 'Stuur de link' }));
  await assertAccessible(page, 'forgot password with an error');
  await page.getByLabel('E-mailadres').fill(ANNA.email);
  await clickAndLoad(page, page.getByRole('button', { name: 'Stuur de link' }));
  assert.match(await page.locator('main').textContent(), /Kijk in je mailbox/);
  await assertAccessible(page, 'reset link sent');

  await page.goto(srv.url + await linkInMail(ANNA.email, '/wachtwoord-herstellen'));
  await assertAccessible(page, 'new password form');
  await page.getByLabel('Nieuw wachtwoord').fill('wachtwoord123');
  await clickAndLoad(page, page.getByRole('button', { name: 'Wachtwoord opslaan' }));
  assert.match(await page.locator('#password-error').textContent(), /makkelijk te raden/);
  await assertAccessible(page, 'new password too weak');
  await page.getByLabel('Nieuw wachtwoord').fill('anna kiest een nieuwe zin');
  await clickAndLoad(page, page.getByRole('button', { name: 'Wachtwoord opslaan' }));
  assert.match(await page.locator('h1').textContent(), /Je wachtwoord is veranderd/);
  await assertAccessible(page, 'password changed');

  await page.goto(srv.url + await linkInMail(ANNA.email, '/wachtwoord-herstellen'));
  assert.match(await page.locator('h1').textContent(), /Deze link werkt niet meer/);
  await assertAccessible(page, 'a used reset link');
});

test('the pages in English and on a small screen', async () => {
  const page = await newPage(browser, { locale: 'en-GB', viewport: { width: 360, height: 740 } });
  for (const path of ['/registreren?lang=en', '/bevestigen/opnieuw?lang=en', '/wachtwoord-vergeten?lang=en', '/bevestigen?code=nope&lang=en', '/wachtwoord-herstellen?lang=en']) {
    await page.goto(srv.url + path);
    await assertAccessible(page, `${path} in English, small`);
  }
  await page.goto(`${srv.url}/registreren?lang=en`);
  assert.match(await page.locator('h1').textContent(), /Create an account/);
});
