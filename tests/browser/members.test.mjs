// Members of a party, the account's parties and sessions, and the activity
// log, as people use them: Anna makes a party and adds Bob (first with a
// wrong address), Bob edits the party but cannot manage its members, and
// leaves it; a coordinator of the party's district may manage its members;
// the administrator reads it all back on /beheer/activiteit; Anna ends a
// session from /account. axe-core checks every new page in every state.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem } from '../lib/kiem.mjs';
import { ANNA, BEHEER, launch, newPage, where, login, clickAndLoad, assertAccessible, screenshot } from './browser.mjs';

const BOB = { email: 'bob@example.nl', name: 'Bob Bakker', password: 'bob-wachtwoord-789' };
const CORA = { email: 'cora@example.nl', name: 'Cora Coördinator', password: 'cora-wachtwoord-012', coordinator: 'WK034403' };

async function text(locator) {
  return (await locator.textContent()).replace(/\s+/g, ' ').trim();
}

// The rows of the members table: [name, role] each.
async function memberRows(page) {
  return page.locator('table.members tbody tr').evaluateAll((rows) => rows.map((tr) => {
    const select = tr.querySelector('select');
    const role = select ? select.options[select.selectedIndex].textContent : tr.cells[1].textContent;
    return [tr.querySelector('th').textContent.trim(), role.trim()];
  }));
}

describe('members, the account and the activity log', () => {
  let srv;
  let browser;
  let anna;
  let bob;
  const unique = `Ledentest${Date.now().toString(36)}`;
  const partyName = `Buurtkracht ${unique}`;
  let partyPath; // /partijen/{id}

  before(async () => {
    srv = await startKiem({ users: [ANNA, BEHEER, BOB, CORA] });
    browser = await launch();
    anna = await newPage(browser);
    bob = await newPage(browser);
    await login(anna, srv.url, ANNA);
  });

  after(async () => {
    await browser?.close();
    await srv?.stop();
  });

  test('Anna makes a party and finds herself its administrator on the members page', async () => {
    await anna.goto(`${srv.url}/partijen/nieuw`);
    await anna.getByLabel('Naam', { exact: true }).fill(partyName);
    await anna.getByRole('radio', { name: 'Burgerinitiatief' }).check();
    await anna.getByRole('checkbox', { name: 'Overvecht' }).check();
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Opslaan' }));
    const m = /^\/partijen\/([0-9a-f-]{36})\?opgeslagen=1$/.exec(where(anna));
    assert.ok(m, `the party is saved, not ${where(anna)}`);
    partyPath = `/partijen/${m[1]}`;

    await clickAndLoad(anna, anna.getByRole('link', { name: 'Leden', exact: true }));
    assert.equal(where(anna), `${partyPath}/leden`);
    assert.equal(await text(anna.locator('h1')), `Leden van ${partyName}`);
    assert.deepEqual(await memberRows(anna), [[`${ANNA.name} (jij)`, 'Beheerder']], 'the maker is its first administrator');
    assert.equal(await anna.getByRole('heading', { name: 'Iemand toevoegen' }).count(), 1, 'an administrator may add people');
    assert.equal(await anna.getByRole('button', { name: 'Verlaat deze partij' }).count(), 0, 'the only administrator cannot leave');
    assert.match(await text(anna.locator('main')), /Je bent de enige beheerder van deze partij/);
    await assertAccessible(anna, 'the members page of an administrator');
    await screenshot(anna, 'members');

    // Nor stop being one: the party would have no one to manage it.
    await anna.getByLabel(`Rol van ${ANNA.name}`, { exact: true }).selectOption({ label: 'Lid' });
    const refused = anna.waitForResponse((r) => r.request().method() === 'POST');
    await clickAndLoad(anna, anna.getByRole('button', { name: `Wijzigen: de rol van ${ANNA.name}` }));
    assert.equal((await refused).status(), 409);
    assert.match(await text(anna.locator('#change-error')), /Een partij houdt altijd minstens één beheerder/);
    assert.equal(await anna.locator('#change-error').getAttribute('role'), 'alert');
    assert.deepEqual(await memberRows(anna), [[`${ANNA.name} (jij)`, 'Beheerder']], 'nothing changed');
    await assertAccessible(anna, 'the members page after a refused change');

    // The way back is a link to the party.
    assert.equal(await anna.getByRole('link', { name: `Terug naar ${partyName}` }).getAttribute('href'), partyPath);
  });

  test('adding a person: a wrong address is shown beside the field, the right one adds them', async () => {
    assert.ok(partyPath, 'needs the party of the first test');
    await anna.goto(`${srv.url}${partyPath}/leden`);
    const email = anna.locator('#f-email');
    await email.fill('niemand@');
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Toevoegen' }));
    assert.equal(where(anna), `${partyPath}/leden`, 'the page comes back with the form');

    const summary = anna.locator('.error-summary');
    assert.match(await text(summary), /Er is iets niet goed ingevuld/);
    assert.deepEqual(await summary.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), ['#f-email']);
    assert.equal(await text(anna.locator('#email-error')),
      'Fout: Vul een e-mailadres in, zoals naam@voorbeeld.nl.');
    assert.equal(await email.evaluate((el) => el.closest('.field').contains(document.getElementById('email-error'))), true,
      'the message is beside the field');
    assert.equal(await email.getAttribute('aria-invalid'), 'true');
    assert.match(await email.getAttribute('aria-describedby'), /\bemail-error\b/);
    assert.equal(await email.inputValue(), 'niemand@', 'what was typed stays');
    assert.deepEqual(await memberRows(anna), [[`${ANNA.name} (jij)`, 'Beheerder']], 'no one was added');
    await assertAccessible(anna, 'the members page with a wrong address');
    await screenshot(anna, 'members-error');

    await summary.getByRole('link').click();
    assert.equal(await anna.evaluate(() => document.activeElement.id), 'f-email', 'the summary leads to the field');

    await email.fill(BOB.email);
    assert.equal(await anna.getByRole('radio', { name: 'Lid' }).isChecked(), true, 'member is the default');
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Toevoegen' }));
    assert.equal(where(anna), `${partyPath}/leden?toegevoegd=1`);
    assert.match(await text(anna.getByRole('status')), /De persoon is toegevoegd aan de partij/);
    assert.deepEqual(await memberRows(anna), [[`${ANNA.name} (jij)`, 'Beheerder'], [BOB.name, 'Lid']]);
    assert.equal(await anna.locator('#f-email').inputValue(), '', 'the form is empty again');
    await assertAccessible(anna, 'the members page after adding someone');

    // Twice is once too many.
    await anna.locator('#f-email').fill(BOB.email);
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Toevoegen' }));
    assert.equal(await anna.locator('#email-error').count(), 1, 'adding a member again is refused beside the field');
    assert.equal((await memberRows(anna)).length, 2);
  });

  test('changing a member\'s role and back', async () => {
    await anna.goto(`${srv.url}${partyPath}/leden`);
    await anna.getByLabel(`Rol van ${BOB.name}`, { exact: true }).selectOption({ label: 'Beheerder' });
    await clickAndLoad(anna, anna.getByRole('button', { name: `Wijzigen: de rol van ${BOB.name}` }));
    assert.equal(where(anna), `${partyPath}/leden?gewijzigd=1`);
    assert.match(await text(anna.getByRole('status')), /De rol is gewijzigd/);
    assert.deepEqual(await memberRows(anna), [[`${ANNA.name} (jij)`, 'Beheerder'], [BOB.name, 'Beheerder']]);
    assert.equal(await anna.getByRole('button', { name: 'Verlaat deze partij' }).count(), 1, 'with two administrators, one may leave');
    await assertAccessible(anna, 'the members page after a change of role');

    await anna.getByLabel(`Rol van ${BOB.name}`, { exact: true }).selectOption({ label: 'Lid' });
    await clickAndLoad(anna, anna.getByRole('button', { name: `Wijzigen: de rol van ${BOB.name}` }));
    assert.deepEqual(await memberRows(anna), [[`${ANNA.name} (jij)`, 'Beheerder'], [BOB.name, 'Lid']]);
  });

  test('Bob sees the party under "Je partijen", may edit it but not manage its members, and leaves it', async () => {
    await login(bob, srv.url, BOB);
    assert.equal(where(bob), '/account');
    const parties = bob.locator('#parties');
    assert.equal(await text(parties.locator('h2')), 'Je partijen');
    const row = parties.locator('tbody tr', { hasText: partyName });
    assert.equal(await row.count(), 1, 'the party is among Bob\'s');
    assert.equal(await text(row.locator('td').nth(1)), 'Lid', 'as a member');
    await assertAccessible(bob, 'the account with a party');
    await screenshot(bob, 'account-parties');

    await clickAndLoad(bob, parties.getByRole('link', { name: partyName }));
    assert.equal(where(bob), partyPath);
    assert.equal(await bob.getByRole('link', { name: 'Bewerken' }).count(), 1, 'a member may edit');
    assert.equal(await bob.getByRole('link', { name: 'Leden', exact: true }).count(), 1, 'a member sees the members');
    assert.equal(await bob.getByRole('link', { name: 'Verwijderen' }).count(), 0, 'a member may not delete the party');

    await clickAndLoad(bob, bob.getByRole('link', { name: 'Bewerken' }));
    await bob.getByLabel('Beschrijving').fill('Bob schreef dit.');
    await clickAndLoad(bob, bob.getByRole('button', { name: 'Opslaan' }));
    assert.equal(where(bob), `${partyPath}?opgeslagen=1`);
    assert.match(await text(bob.locator('main')), /Bob schreef dit\./);

    await clickAndLoad(bob, bob.getByRole('link', { name: 'Leden', exact: true }));
    assert.deepEqual(await memberRows(bob), [[ANNA.name, 'Beheerder'], [`${BOB.name} (jij)`, 'Lid']]);
    assert.equal(await bob.getByRole('heading', { name: 'Iemand toevoegen' }).count(), 0, 'no add form for a member');
    assert.equal(await bob.locator('#f-email').count(), 0);
    assert.equal(await bob.locator('table.members select').count(), 0, 'no role forms for a member');
    assert.equal(await bob.getByRole('button', { name: /^Verwijderen/ }).count(), 0, 'no remove buttons for a member');
    assert.match(await text(bob.locator('main')), /Je bent lid van deze partij/);
    await assertAccessible(bob, 'the members page of a member');
    await screenshot(bob, 'members-member');

    await clickAndLoad(bob, bob.getByRole('button', { name: 'Verlaat deze partij' }));
    assert.equal(where(bob), '/account?verlaten=1');
    assert.match(await text(bob.getByRole('status')), /Je hebt de partij verlaten/);
    assert.equal(await bob.locator('#parties tbody tr', { hasText: partyName }).count(), 0, 'the party is no longer Bob\'s');
    assert.match(await text(bob.locator('#parties')), /Je bent nog geen lid van een partij/);
    await assertAccessible(bob, 'the account after leaving a party');

    await bob.goto(srv.url + partyPath);
    assert.equal(await bob.getByRole('link', { name: 'Bewerken' }).count(), 0, 'no longer a member: no Bewerken');
    assert.equal(await bob.getByRole('link', { name: 'Leden', exact: true }).count(), 0);
    const res = await bob.goto(`${srv.url}${partyPath}/leden`);
    assert.equal(res.status(), 403, 'the members are not for everyone');
    assert.equal(await text(bob.locator('h1')), 'Dat mag niet');
    await assertAccessible(bob, 'the members page refused');
  });

  test('an administrator of the party removes a member', async () => {
    await anna.goto(`${srv.url}${partyPath}/leden`);
    assert.deepEqual(await memberRows(anna), [[`${ANNA.name} (jij)`, 'Beheerder']], 'Bob has left');
    await anna.locator('#f-email').fill(BOB.email);
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Toevoegen' }));
    assert.equal((await memberRows(anna)).length, 2);
    await clickAndLoad(anna, anna.getByRole('button', { name: `Verwijderen: ${BOB.name}` }));
    assert.equal(where(anna), `${partyPath}/leden?verwijderd=1`);
    assert.match(await text(anna.getByRole('status')), /De persoon is uit de partij verwijderd/);
    assert.deepEqual(await memberRows(anna), [[`${ANNA.name} (jij)`, 'Beheerder']]);
    await assertAccessible(anna, 'the members page after removing someone');
  });

  test('a coordinator of the party\'s district manages its members too', async () => {
    const cora = await newPage(browser);
    try {
      await login(cora, srv.url, CORA);
      await cora.goto(srv.url + partyPath);
      await clickAndLoad(cora, cora.getByRole('link', { name: 'Leden', exact: true }));
      assert.equal(await cora.getByRole('heading', { name: 'Iemand toevoegen' }).count(), 1);
      assert.equal(await cora.getByRole('button', { name: 'Verlaat deze partij' }).count(), 0, 'not a member: nothing to leave');
      await assertAccessible(cora, 'the members page of a coordinator');
    } finally {
      await cora.context().close();
    }
  });

  test('who may not: anonymous visitors log in first; a party that is not there is a 404', async () => {
    const anon = await newPage(browser);
    try {
      await anon.goto(`${srv.url}${partyPath}/leden`);
      assert.equal(where(anon), `/inloggen?next=${encodeURIComponent(`${partyPath}/leden`)}`);
      await anon.goto(`${srv.url}/beheer/activiteit`);
      assert.equal(where(anon), `/inloggen?next=${encodeURIComponent('/beheer/activiteit')}`);
      await anon.goto(srv.url + partyPath);
      assert.equal(await anon.getByRole('link', { name: 'Leden', exact: true }).count(), 0);
    } finally {
      await anon.context().close();
    }
    const res = await anna.goto(`${srv.url}/partijen/01900000-0000-7000-8000-000000000000/leden`);
    assert.equal(res.status(), 404);

    // The activity log is for platform administrators only.
    await anna.goto(`${srv.url}/`);
    assert.equal(await anna.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Activiteit' }).count(), 0);
    const denied = await anna.goto(`${srv.url}/beheer/activiteit`);
    assert.equal(denied.status(), 403);
    assert.equal(await text(anna.locator('h1')), 'Dat mag niet');
  });

  test('the administrator sees every change on /beheer/activiteit, newest first, and pages back', async () => {
    const admin = await newPage(browser);
    try {
      await login(admin, srv.url, BEHEER);
      await clickAndLoad(admin, admin.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Activiteit' }));
      assert.equal(where(admin), '/beheer/activiteit');
      assert.equal(await text(admin.locator('h1')), 'Activiteit');
      assert.equal(await admin.getByRole('navigation', { name: 'Hoofdmenu' }).locator('[aria-current="page"]').textContent(), 'Activiteit');

      const rows = await admin.locator('table.activity tbody tr').evaluateAll((trs) =>
        trs.map((tr) => [...tr.cells].map((td) => td.textContent.replace(/\s+/g, ' ').trim())));
      const ours = rows.filter((r) => r[3] === `Partij: ${partyName}`).map((r) => [r[1], r[2], r[4], r[5]]);
      assert.deepEqual(ours, [
        [ANNA.name, 'Lid verwijderd', BOB.name, 'Leden'],
        [ANNA.name, 'Lid toegevoegd', `${BOB.name} (rol: Lid)`, 'Leden'],
        [BOB.name, 'Lid verwijderd', BOB.name, 'Leden'],
        [BOB.name, 'Gewijzigd', '', 'Beschrijving'],
        [ANNA.name, 'Rol van een lid gewijzigd', `${BOB.name} (rol: Lid)`, 'Leden'],
        [ANNA.name, 'Rol van een lid gewijzigd', `${BOB.name} (rol: Beheerder)`, 'Leden'],
        [ANNA.name, 'Lid toegevoegd', `${BOB.name} (rol: Lid)`, 'Leden'],
        [ANNA.name, 'Aangemaakt', '', ''],
      ], 'the party\'s story, newest first, and whom each change was about');
      assert.match(rows[0][0], /^\d{1,2} \p{L}+ \d{4} om \d\d:\d\d$/u, 'when, for people, on their own clock');
      const link = admin.locator('table.activity').getByRole('link', { name: partyName }).first();
      assert.equal(await link.getAttribute('href'), partyPath, 'the party is a link');
      await assertAccessible(admin, 'the activity log');
      await screenshot(admin, 'activity');

      // The demo made more than one page of changes; its areas are the
      // oldest, on the last page (how many pages depends on the demo).
      await clickAndLoad(admin, admin.getByRole('link', { name: 'Oudere activiteit' }));
      assert.ok(new URL(admin.url()).searchParams.get('cursor'), 'the older page has a cursor');
      let older = await admin.locator('table.activity tbody tr').allTextContents();
      assert.ok(older.length > 0, 'the older page has entries');
      assert.ok(!older.some((r) => r.includes(partyName)), 'the newest changes are not');
      await assertAccessible(admin, 'the activity log, older page');
      // further back (the demo's issues and voice of residents make more pages)
      let oldest = older;
      while (await admin.getByRole('link', { name: 'Oudere activiteit' }).count()) {
        await clickAndLoad(admin, admin.getByRole('link', { name: 'Oudere activiteit' }));
        oldest = await admin.locator('table.activity tbody tr').allTextContents();
      }
      assert.ok(oldest.some((r) => /Gebied: Utrecht/.test(r)), 'the oldest change is there: the demo made Utrecht');
      await clickAndLoad(admin, admin.getByRole('link', { name: 'Nieuwste activiteit' }));
      assert.equal(where(admin), '/beheer/activiteit');

      const bad = await admin.goto(`${srv.url}/beheer/activiteit?cursor=onzin`);
      assert.equal(bad.status(), 400);
      assert.equal(await admin.locator('.error-summary').count(), 1, 'a bad cursor is explained');
      await assertAccessible(admin, 'the activity log with a bad cursor');

      await admin.goto(`${srv.url}/beheer/activiteit?lang=en`);
      assert.equal(await text(admin.locator('h1')), 'Activity');
      await assertAccessible(admin, 'the activity log in English');
      await admin.goto(`${srv.url}/?lang=nl`);
    } finally {
      await admin.context().close();
    }
  });

  test('ending sessions from /account: another one, then this one, which logs out', async () => {
    // Anna is logged in in two browsers.
    const other = await newPage(browser);
    try {
      await login(other, srv.url, ANNA);
      await anna.goto(`${srv.url}/account`);
      const sessions = anna.locator('#sessions');
      assert.equal(await text(sessions.locator('h2')), 'Je sessies');
      assert.equal(await sessions.locator('tbody tr').count(), 2);
      assert.equal(await sessions.locator('tbody tr', { hasText: 'Deze sessie' }).count(), 1, 'this session is marked');
      await assertAccessible(anna, 'the account with two sessions');
      await screenshot(anna, 'account-sessions');

      const otherRow = sessions.locator('tbody tr', { hasNotText: 'Deze sessie' });
      await clickAndLoad(anna, otherRow.getByRole('button', { name: /^Beëindigen: de sessie van / }));
      assert.equal(where(anna), '/account?beeindigd=1');
      assert.match(await text(anna.getByRole('status')), /De sessie is beëindigd/);
      assert.equal(await anna.locator('#sessions tbody tr').count(), 1);
      await assertAccessible(anna, 'the account after ending a session');

      await other.goto(`${srv.url}/account`);
      assert.equal(where(other), '/inloggen?next=%2Faccount', 'the ended session is logged out');

      await clickAndLoad(anna, anna.getByRole('button', { name: 'Beëindigen: deze sessie (je wordt uitgelogd)' }));
      assert.equal(where(anna), '/inloggen?uitgelogd=1', 'ending this session logs out');
      assert.equal(await anna.getByRole('button', { name: 'Uitloggen' }).count(), 0);
      await anna.goto(`${srv.url}/account`);
      assert.equal(where(anna), '/inloggen?next=%2Faccount');
    } finally {
      await other.context().close();
    }
  });
});
