// The accounts, as a platform administrator manages them on
// /beheer/gebruikers: Bea finds Tom by searching, blocks him (he can then
// not log in), unblocks him, makes him coordinator of WK034403 (first with
// a code that does not exist), and dismisses him again; Anna, who is no
// administrator, gets 403 on both pages. axe-core checks every page in
// every state.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem, sql } from '../lib/kiem.mjs';
import { ANNA, BEHEER, launch, newPage, where, login, clickAndLoad, assertAccessible, screenshot } from './browser.mjs';

const TOM = { email: 'tom@example.nl', name: 'Tom Teunissen', password: 'tom-wachtwoord-345' };
// More accounts than fit on one page (50).
const MANY = Array.from({ length: 51 }, (_, i) => ({
  email: `bladzijde-${String(i).padStart(2, '0')}@example.nl`, name: `Bladzijde ${String(i).padStart(2, '0')}`, password: 'bladzijde-wachtwoord-1',
}));

async function text(locator) {
  return (await locator.textContent()).replace(/\s+/g, ' ').trim();
}

// The rows of the users table: [name, email, role, blocked] each.
async function userRows(page) {
  return page.locator('table.users tbody tr').evaluateAll((rows) => rows.map((tr) =>
    [tr.cells[0].textContent.trim(), tr.cells[1].textContent.trim(), tr.cells[2].textContent.trim(), tr.cells[3].textContent.trim()]));
}

// What the account page says under "Gegevens": { Naam: ..., Rol: ... }.
async function details(page) {
  return page.locator('dl dt').evaluateAll((dts) => Object.fromEntries(dts.map((dt) =>
    [dt.textContent.trim(), dt.nextElementSibling.textContent.trim()])));
}

describe('the accounts, for platform administrators', () => {
  let srv;
  let browser;
  let admin;
  let tomPath; // /beheer/gebruikers/{id}

  before(async () => {
    srv = await startKiem({ users: [ANNA, BEHEER, TOM, ...MANY] });
    browser = await launch();
    admin = await newPage(browser);
    await login(admin, srv.url, BEHEER);
  });

  after(async () => {
    await browser?.close();
    await srv?.stop();
  });

  test('the administrator finds an account by searching, from the link in the menu', async () => {
    await admin.goto(`${srv.url}/`);
    const nav = admin.getByRole('navigation', { name: 'Hoofdmenu' });
    await clickAndLoad(admin, nav.getByRole('link', { name: 'Gebruikers' }));
    assert.equal(where(admin), '/beheer/gebruikers');
    assert.equal(await text(admin.locator('h1')), 'Gebruikers');
    assert.equal(await nav.getByRole('link', { name: 'Gebruikers' }).getAttribute('aria-current'), 'page');
    const all = await userRows(admin);
    assert.equal(all.length, 50, 'a page holds 50 accounts');
    assert.deepEqual(all[0], [MANY[50].name, MANY[50].email, 'gebruiker', 'nee'], 'the newest first');
    await assertAccessible(admin, 'the users page');
    await screenshot(admin, 'users');

    await admin.getByLabel('Zoek op naam of e-mailadres').fill('teunissen');
    await clickAndLoad(admin, admin.getByRole('button', { name: 'Zoeken' }));
    assert.equal(where(admin), '/beheer/gebruikers?q=teunissen');
    assert.deepEqual(await userRows(admin), [[TOM.name, TOM.email, 'gebruiker', 'nee']]);
    assert.equal(await admin.getByLabel('Zoek op naam of e-mailadres').inputValue(), 'teunissen', 'the search stays');
    await assertAccessible(admin, 'the users page with a search');

    await admin.getByLabel('Zoek op naam of e-mailadres').fill('niemand-hier');
    await clickAndLoad(admin, admin.getByRole('button', { name: 'Zoeken' }));
    assert.match(await text(admin.locator('main')), /Geen accounts gevonden/);
    await assertAccessible(admin, 'the users page without results');

    await admin.goto(`${srv.url}/beheer/gebruikers?q=${encodeURIComponent(TOM.email)}`);
    await clickAndLoad(admin, admin.getByRole('link', { name: TOM.name }));
    const m = /^\/beheer\/gebruikers\/([0-9a-f-]{36})$/.exec(where(admin));
    assert.ok(m, `the name leads to the account, not ${where(admin)}`);
    tomPath = `/beheer/gebruikers/${m[1]}`;
    assert.equal(await text(admin.locator('h1')), TOM.name);
    const d = await details(admin);
    assert.equal(d['E-mailadres'], TOM.email);
    assert.equal(d.Rol, 'gebruiker');
    assert.equal(d.Geblokkeerd, 'nee');
    assert.match(await text(admin.locator('main')), /Deze gebruiker is van geen enkel gebied coördinator/);
    await assertAccessible(admin, 'an account page');
    await screenshot(admin, 'user');
  });

  test('paging: "Volgende pagina" shows the rest, and keeps the search', async () => {
    await admin.goto(`${srv.url}/beheer/gebruikers`);
    await clickAndLoad(admin, admin.getByRole('link', { name: 'Volgende pagina' }));
    assert.match(where(admin), /^\/beheer\/gebruikers\?cursor=[0-9a-f-]{36}$/);
    const rest = await userRows(admin);
    // the demo's people: its residents (cli/demo_voice.c), the initiators of
    // its initiatives and those who help them (cli/demo_initiatives.c, demo_partners.c)
    const demo = sql(srv.db, "SELECT name FROM users WHERE email LIKE '%@demo.kiem.invalid'").split('\n');
    assert.ok(demo.includes('Fatima El Amrani') && demo.length >= 5);
    assert.equal(rest.length, 4 + demo.length, `${54 + demo.length} accounts in all, 50 on the first page`);
    assert.deepEqual(rest.map((row) => row[0]).sort(), [ANNA.name, BEHEER.name, MANY[0].name, TOM.name, ...demo].sort());
    assert.equal(await admin.getByRole('link', { name: 'Volgende pagina' }).count(), 0, 'the last page');
    await assertAccessible(admin, 'the second page of users');

    await admin.goto(`${srv.url}/beheer/gebruikers?q=bladzijde`);
    assert.equal((await userRows(admin)).length, 50);
    await clickAndLoad(admin, admin.getByRole('link', { name: 'Volgende pagina' }));
    assert.match(where(admin), /^\/beheer\/gebruikers\?q=bladzijde&cursor=[0-9a-f-]{36}$/);
    assert.deepEqual((await userRows(admin)).map((row) => row[0]), [MANY[0].name]);
    await clickAndLoad(admin, admin.getByRole('link', { name: 'Eerste pagina' }));
    assert.equal(where(admin), '/beheer/gebruikers?q=bladzijde');

    // a cursor that is no cursor: the page says so, in words
    const res = await admin.goto(`${srv.url}/beheer/gebruikers?cursor=onzin`);
    assert.equal(res.status(), 400);
    assert.equal(await admin.locator('.error-summary').count(), 1);
    assert.equal(await admin.locator('table.users').count(), 0);
    await assertAccessible(admin, 'the users page with a bad cursor');
  });

  test('blocking: the blocked account cannot log in; unblocked, it can again', async () => {
    assert.ok(tomPath, 'needs the account of the first test');
    await admin.goto(srv.url + tomPath);
    await clickAndLoad(admin, admin.getByRole('button', { name: 'Account blokkeren' }));
    assert.equal(where(admin), `${tomPath}?geblokkeerd=1`);
    assert.match(await text(admin.getByRole('status')), /Het account is geblokkeerd/);
    assert.equal((await details(admin)).Geblokkeerd, 'ja');
    assert.equal(await admin.getByRole('button', { name: 'Blokkade opheffen' }).count(), 1);
    await assertAccessible(admin, 'a blocked account');

    const tom = await newPage(browser);
    try {
      await tom.goto(`${srv.url}/inloggen`);
      await tom.getByLabel('E-mailadres').fill(TOM.email);
      await tom.getByLabel('Wachtwoord').fill(TOM.password);
      await clickAndLoad(tom, tom.getByRole('button', { name: 'Inloggen' }));
      assert.ok(where(tom).startsWith('/inloggen'), 'a blocked account cannot log in');

      await clickAndLoad(admin, admin.getByRole('button', { name: 'Blokkade opheffen' }));
      assert.equal(where(admin), `${tomPath}?vrijgegeven=1`);
      assert.match(await text(admin.getByRole('status')), /De blokkade is opgeheven/);
      assert.equal((await details(admin)).Geblokkeerd, 'nee');
      await assertAccessible(admin, 'an unblocked account');
      await login(tom, srv.url, TOM);
    } finally {
      await tom.context().close();
    }

    // One's own account is not for blocking: the page says so.
    await admin.goto(`${srv.url}/beheer/gebruikers?q=${encodeURIComponent(BEHEER.email)}`);
    await clickAndLoad(admin, admin.getByRole('link', { name: BEHEER.name }));
    const refused = admin.waitForResponse((r) => r.request().method() === 'POST');
    await clickAndLoad(admin, admin.getByRole('button', { name: 'Account blokkeren' }));
    assert.equal((await refused).status(), 409);
    assert.match(await text(admin.locator('#block-error')), /Je kunt je eigen account niet blokkeren/);
    assert.equal((await details(admin)).Geblokkeerd, 'nee');
    await assertAccessible(admin, 'the own account after a refused block');
  });

  test('appointing a coordinator: an unknown area beside the field, then the right one; and dismissing', async () => {
    assert.ok(tomPath, 'needs the account of the first test');
    await admin.goto(srv.url + tomPath);
    const area = admin.locator('#f-area');
    await area.fill('WK999999');
    await clickAndLoad(admin, admin.getByRole('button', { name: 'Coördinator maken' }));
    assert.equal(where(admin), `${tomPath}/coordinator`, 'the page comes back with the form');
    const summary = admin.locator('.error-summary');
    assert.match(await text(summary), /Er is iets niet goed ingevuld/);
    assert.deepEqual(await summary.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), ['#f-area']);
    assert.equal(await admin.locator('#area-error').count(), 1);
    assert.equal(await area.evaluate((el) => el.closest('.field').contains(document.getElementById('area-error'))), true,
      'the message is beside the field');
    assert.equal(await area.getAttribute('aria-invalid'), 'true');
    assert.match(await area.getAttribute('aria-describedby'), /\barea-error\b/);
    assert.equal(await area.inputValue(), 'WK999999', 'what was typed stays');
    assert.equal((await details(admin)).Rol, 'gebruiker', 'nothing changed');
    await assertAccessible(admin, 'an account page with an unknown area');
    await screenshot(admin, 'user-error');

    await summary.getByRole('link').click();
    assert.equal(await admin.evaluate(() => document.activeElement.id), 'f-area', 'the summary leads to the field');

    await area.fill('WK034403');
    await clickAndLoad(admin, admin.getByRole('button', { name: 'Coördinator maken' }));
    assert.equal(where(admin), `${tomPath}?benoemd=1`);
    assert.match(await text(admin.getByRole('status')), /De gebruiker is coördinator van het gebied/);
    assert.equal((await details(admin)).Rol, 'coördinator');
    assert.match(await text(admin.locator('ul.areas')), /WK034403/);
    await assertAccessible(admin, 'an account page of a coordinator');

    // The list says so too.
    await admin.goto(`${srv.url}/beheer/gebruikers?q=${encodeURIComponent(TOM.email)}`);
    assert.deepEqual(await userRows(admin), [[TOM.name, TOM.email, 'coördinator', 'nee']]);

    await admin.goto(srv.url + tomPath);
    const dismiss = admin.locator('ul.areas').getByRole('button', { name: /^Ontslaan als coördinator van / });
    await clickAndLoad(admin, dismiss);
    assert.equal(where(admin), `${tomPath}?ontslagen=1`);
    assert.match(await text(admin.getByRole('status')), /De gebruiker is geen coördinator meer van het gebied/);
    assert.equal((await details(admin)).Rol, 'gebruiker');
    assert.match(await text(admin.locator('main')), /Deze gebruiker is van geen enkel gebied coördinator/);
    await assertAccessible(admin, 'an account page after dismissing');
  });

  test('in English', async () => {
    assert.ok(tomPath, 'needs the account of the first test');
    await admin.goto(`${srv.url}/beheer/gebruikers?lang=en`);
    assert.equal(await text(admin.locator('h1')), 'Users');
    await assertAccessible(admin, 'the users page in English');
    await admin.goto(`${srv.url}${tomPath}`);
    assert.equal((await details(admin)).Role, 'user');
    await assertAccessible(admin, 'an account page in English');
    await admin.goto(`${srv.url}/?lang=nl`);
  });

  test('who may not: anonymous visitors log in first, everyone else gets 403', async () => {
    assert.ok(tomPath, 'needs the account of the first test');
    const anon = await newPage(browser);
    const anna = await newPage(browser);
    try {
      await anon.goto(`${srv.url}/beheer/gebruikers`);
      assert.equal(where(anon), `/inloggen?next=${encodeURIComponent('/beheer/gebruikers')}`);
      await anon.goto(srv.url + tomPath);
      assert.equal(where(anon), `/inloggen?next=${encodeURIComponent(tomPath)}`);

      await login(anna, srv.url, ANNA);
      await anna.goto(`${srv.url}/`);
      assert.equal(await anna.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Gebruikers' }).count(), 0);
      for (const path of ['/beheer/gebruikers', tomPath]) {
        const res = await anna.goto(srv.url + path);
        assert.equal(res.status(), 403, `${path} is for administrators only`);
        assert.equal(await text(anna.locator('h1')), 'Dat mag niet');
        assert.ok(!(await text(anna.locator('main'))).includes(TOM.email), 'a denied page shows no account');
        await assertAccessible(anna, `the 403 page of ${path}`);
      }
      const res = await admin.goto(`${srv.url}/beheer/gebruikers/01900000-0000-7000-8000-000000000000`);
      assert.equal(res.status(), 404);
    } finally {
      await anon.context().close();
      await anna.context().close();
    }
  });
});
