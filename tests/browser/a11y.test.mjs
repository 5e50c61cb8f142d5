// Accessibility: axe-core's WCAG 2.1 A and AA rules on every page and every
// state a page can be in (empty, with errors, with notices, in English, on a
// small screen). Also saves a screenshot of each main page under SHOTS (see
// browser.mjs) for a person to look at.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem } from '../lib/kiem.mjs';
import { ANNA, BEHEER, USERS, launch, newPage, where, login, clickAndLoad, assertAccessible, screenshot } from './browser.mjs';

describe('accessibility (WCAG 2.1 A and AA, axe-core)', () => {
  let srv;
  let browser;
  let anon; // a Dutch visitor who is not logged in
  let anna; // logged in
  let demoParty; // the path of a party from the demo

  before(async () => {
    srv = await startKiem({ users: USERS });
    browser = await launch();
    anon = await newPage(browser);
    anna = await newPage(browser);
    await login(anna, srv.url, ANNA);
    const api = await (await fetch(`${srv.url}/api/v1/parties?limit=1`)).json();
    demoParty = `/partijen/${api.items[0].id}`;
  });

  after(async () => {
    await browser?.close();
    await srv?.stop();
  });

  // Opens a page, checks that it answers as expected, and runs axe on it.
  async function check(page, path, label, { status = 200, shot } = {}) {
    const res = await page.goto(srv.url + path);
    assert.equal(res.status(), status, `${path} answers ${status}`);
    await assertAccessible(page, label);
    if (shot)
      await screenshot(page, shot);
  }

  test('the overview', async () => {
    await check(anon, '/', 'overview', { shot: 'home' });
    await check(anna, '/', 'overview, logged in');
  });

  test('the list of parties: plain, filtered, without results, with a wrong filter, page two', async () => {
    await check(anon, '/partijen', 'parties', { shot: 'parties' });
    await check(anon, '/partijen?q=Overvecht&kind=social_work&area=WK034403&role=detect_signals&tag=jeugd&sort=-name',
      'parties with every filter');
    await check(anon, '/partijen?kind=government&area=GM0344', 'parties filtered by kind and area');
    await check(anon, '/partijen?q=xyzzygeenresultaat', 'parties without results', { shot: 'parties-none' });
    assert.match(await anon.locator('main').textContent(), /Geen partijen gevonden/);
    await check(anon, '/partijen?sort=onbekend', 'parties with a wrong sort', { status: 400 });
    assert.equal(await anon.locator('.error-summary').count(), 1, 'a wrong filter shows the error summary');
    await anon.goto(`${srv.url}/partijen`);
    await clickAndLoad(anon, anon.getByRole('link', { name: 'Volgende pagina' }));
    assert.ok(new URL(anon.url()).searchParams.get('cursor'));
    await assertAccessible(anon, 'parties, page two');
    await check(anna, '/partijen', 'parties, logged in');
  });

  test('a party', async () => {
    await check(anon, demoParty, 'a party', { shot: 'party' });
    await check(anna, demoParty, 'a party, logged in');
  });

  test('the login page: empty, after a wrong password, when a page asked for it, after logging out', async () => {
    await check(anon, '/inloggen', 'login');
    await check(anon, '/inloggen?next=%2Fpartijen%2Fnieuw', 'login asked for by a page');
    await anon.getByLabel('E-mailadres').fill(ANNA.email);
    await anon.getByLabel('Wachtwoord').fill('fout-wachtwoord-000');
    await clickAndLoad(anon, anon.getByRole('button', { name: 'Inloggen' }));
    assert.equal(await anon.locator('#login-error').count(), 1, 'the login error shows');
    await assertAccessible(anon, 'login with the error');
    await screenshot(anon, 'login-error');
    await check(anon, '/inloggen?uitgelogd=1', 'login after logging out');
  });

  test('adding a party: the empty form, the form with errors, the saved party', async () => {
    await check(anna, '/partijen/nieuw', 'new party form', { shot: 'party-new' });
    await anna.getByLabel('Naam', { exact: true }).fill('Toegankelijkheidstest');
    await anna.getByLabel('E-mailadres').fill('geen-adres');
    await anna.getByLabel('Telefoonnummer').fill('bel me');
    await anna.getByLabel('Website').fill('ftp://voorbeeld');
    await anna.locator('#f-capacityHours').fill('veel');
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Opslaan' }));
    const errors = await anna.locator('p.error').count();
    assert.ok(errors >= 5, `every wrong field has its message (${errors})`);
    await assertAccessible(anna, 'new party form with errors');
    await screenshot(anna, 'party-new-errors');

    await anna.getByRole('radio', { name: 'Sociaal werk' }).check();
    await anna.getByRole('checkbox', { name: 'Zuidwest' }).check();
    await anna.getByRole('checkbox', { name: 'Profijtgroepen betrekken' }).check();
    await anna.getByLabel('E-mailadres').fill('toegang@example.nl');
    await anna.getByLabel('Telefoonnummer').fill('030 123 4567');
    await anna.getByLabel('Website').fill('https://example.nl/toegang');
    await anna.locator('#f-capacityHours').fill('12');
    await anna.getByLabel('Beschrijving').fill('Een **test**.\n\n- een lijstje\n- met twee punten\n\n[Een link](https://example.nl)');
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Opslaan' }));
    assert.match(where(anna), /^\/partijen\/[0-9a-f-]{36}\?opgeslagen=1$/);
    await assertAccessible(anna, 'a party just saved (with notice, Markdown, every fact)');
    await screenshot(anna, 'party-saved');
  });

  test('changing and deleting a party: the forms and their answers', async () => {
    const path = new URL(anna.url()).pathname;
    assert.match(path, /^\/partijen\/[0-9a-f-]{36}$/, 'needs the party of the previous test');
    await check(anna, `${path}/bewerken`, 'edit form', { shot: 'party-edit' });
    await anna.getByLabel('Naam', { exact: true }).fill('');
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Opslaan' }));
    assert.equal(await anna.locator('#name-error').count(), 1);
    await assertAccessible(anna, 'edit form with an error');

    await check(anna, `${path}/verwijderen`, 'delete confirmation', { shot: 'party-delete' });
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Ja, verwijderen' }));
    assert.equal(where(anna), '/partijen?verwijderd=1');
    await assertAccessible(anna, 'parties after deleting (with notice)');
  });

  test('the account: token table, a fresh token, a revoked token', async () => {
    await check(anna, '/account', 'account with its token table');
    assert.equal(await anna.locator('#tokens table tbody tr').count(), 1, 'the token made when the server started');
    await anna.getByLabel('Waarvoor is het token?').fill('Rapportage-script');
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Token maken' }));
    assert.ok((await anna.locator('code#new-token').textContent()).trim().length >= 20, 'the new token shows');
    assert.equal(await anna.locator('#tokens table tbody tr').count(), 2);
    await assertAccessible(anna, 'account with a fresh token');
    await screenshot(anna, 'account');
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Intrekken: Rapportage-script' }));
    assert.equal(where(anna), '/account?ingetrokken=1');
    await assertAccessible(anna, 'account after revoking a token');
  });

  test('the account: the erase form with a wrong email, next to its field', async () => {
    await check(anna, '/account', 'account with the download and the erase form');
    await anna.getByLabel('Typ je e-mailadres om te bevestigen').fill('iemand@anders.example');
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Mijn account definitief verwijderen' }));
    assert.equal(await anna.locator('#email-error').count(), 1);
    await assertAccessible(anna, 'account with an erase error');
  });

  test('members, the account and the activity log: in English and on a small screen', async () => {
    await anna.goto(`${srv.url}/partijen/nieuw`);
    await anna.getByLabel('Naam', { exact: true }).fill('Ledenpagina-toets');
    await anna.getByRole('radio', { name: 'Overheid' }).check();
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Opslaan' }));
    const path = new URL(anna.url()).pathname;
    assert.match(path, /^\/partijen\/[0-9a-f-]{36}$/);
    await check(anna, `${path}/leden?lang=en`, 'the members page in English');
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Add' }));
    assert.equal(await anna.locator('#email-error').count(), 1);
    await assertAccessible(anna, 'the members page in English with an error');
    await check(anna, '/account', 'the account in English');
    await anna.goto(`${srv.url}/?lang=nl`);

    const admin = await newPage(browser, { viewport: { width: 320, height: 640 } });
    const small = await newPage(browser, { viewport: { width: 320, height: 640 } });
    try {
      await login(admin, srv.url, BEHEER);
      await login(small, srv.url, ANNA);
      for (const [page, p, name] of [[small, `${path}/leden`, 'members'], [small, '/account', 'account'],
        [admin, '/beheer/activiteit', 'activity'], [admin, '/beheer/gebruikers', 'users']]) {
        await check(page, p, `${name} on a small screen`, { shot: `small-${name}` });
        const wide = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(wide <= 320, `${p} needs no sideways scrolling at 320 px (it is ${wide} px wide)`);
      }
    } finally {
      await admin.context().close();
      await small.context().close();
    }
  });

  test('the privacy page: in Dutch, in English, on a small screen', async () => {
    await check(anon, '/privacy', 'privacy', { shot: 'privacy' });
    assert.equal(await anon.locator('table caption').count(), 2, 'both register tables have a caption');
    await check(anon, '/privacy?lang=en', 'privacy in English', { shot: 'privacy-en' });
    assert.equal(await anon.locator('html').getAttribute('lang'), 'en');
    await anon.goto(`${srv.url}/?lang=nl`);
    await check(anna, '/privacy', 'privacy, logged in');
    const small = await newPage(browser, { viewport: { width: 320, height: 640 } });
    try {
      await check(small, '/privacy', 'privacy on a small screen', { shot: 'small-privacy' });
      const wide = await small.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= 320, `/privacy needs no sideways scrolling at 320 px (it is ${wide} px wide)`);
    } finally {
      await small.context().close();
    }
  });

  test('error pages: 404, 403', async () => {
    await check(anon, '/bestaat-niet', 'a 404 page', { status: 404, shot: 'not-found' });
    await check(anon, '/partijen/01900000-0000-7000-8000-000000000000', 'a 404 for a party', { status: 404 });
    await check(anna, `${demoParty}/bewerken`, 'a 403 page', { status: 403 });
  });

  test('English', async () => {
    const en = await newPage(browser);
    try {
      await check(en, '/?lang=en', 'overview in English', { shot: 'home-en' });
      assert.equal(await en.locator('html').getAttribute('lang'), 'en');
      await check(en, '/partijen', 'parties in English');
      assert.equal(await en.locator('html').getAttribute('lang'), 'en');
      await check(en, '/partijen?q=xyzzy&sort=onbekend', 'parties in English with an error', { status: 400 });
      await check(en, demoParty, 'a party in English');
      await check(en, '/inloggen', 'login in English');
      await check(en, '/bestaat-niet', 'a 404 page in English', { status: 404 });
    } finally {
      await en.context().close();
    }
    await check(anna, '/partijen/nieuw?lang=en', 'new party form in English');
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Save' }));
    assert.ok(await anna.locator('p.error').count() >= 2);
    await assertAccessible(anna, 'new party form in English with errors');
    await anna.goto(`${srv.url}/?lang=nl`);
  });

  test('on a small screen (320 px wide, as at 400% zoom)', async () => {
    const small = await newPage(browser, { viewport: { width: 320, height: 640 } });
    try {
      for (const [path, name] of [['/', 'home'], ['/partijen', 'parties'], [demoParty, 'party'], ['/inloggen', 'login']]) {
        await check(small, path, `${name} on a small screen`, { shot: `small-${name}` });
        const wide = await small.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(wide <= 320, `${path} needs no sideways scrolling at 320 px (it is ${wide} px wide)`);
      }
    } finally {
      await small.context().close();
    }
  });

  test('the keyboard: the skip link comes first and leads to the content', async () => {
    await anon.goto(`${srv.url}/partijen`);
    await anon.keyboard.press('Tab');
    assert.equal(await anon.evaluate(() => document.activeElement.textContent.trim()), 'Naar de inhoud');
    assert.equal(await anon.evaluate(() => {
      const r = document.activeElement.getBoundingClientRect();
      return r.left >= 0 && r.top >= 0 && r.width > 0;
    }), true, 'the skip link is visible when it has focus');
    await anon.keyboard.press('Enter');
    assert.equal(await anon.evaluate(() => document.activeElement.id), 'main');
    await anon.keyboard.press('Tab');
    const next = await anon.evaluate(() => document.activeElement.closest('main') !== null);
    assert.ok(next, 'the next Tab stays in the content');
  });
});
