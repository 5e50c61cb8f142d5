// Invitations by email, as people use them: Anna invites an address that
// has no account yet, sees the invitation listed and withdraws another one;
// Bob opens the link from the mail, logged out (links to log in and to make
// an account), logs in through it, comes back and accepts; he is then a
// member. axe-core checks the invitation page logged out and logged in, and
// the page of a link that no longer works.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem } from '../lib/kiem.mjs';
import { ANNA, BEHEER, launch, newPage, where, login, clickAndLoad, assertAccessible, screenshot } from './browser.mjs';

const BOB = { email: 'bob@example.nl', name: 'Bob Bakker', password: 'bob-wachtwoord-789' };

async function text(locator) {
  return (await locator.textContent()).replace(/\s+/g, ' ').trim();
}

describe('invitations by email', () => {
  let srv;
  let browser;
  let anna;
  const partyName = `Uitnodigtuin ${Date.now().toString(36)}`;
  let partyPath;
  let link; // the path of the link in the mail

  const codeOf = async (email) => {
    const body = (await srv.mail(email))?.body ?? '';
    const m = /https?:\/\/[^\s/]+(\/uitnodigingen\/[A-Za-z0-9_-]{43})/.exec(body);
    assert.ok(m, `no link in the mail to ${email}`);
    return m[1];
  };

  before(async () => {
    srv = await startKiem({ users: [ANNA, BEHEER, BOB] });
    browser = await launch();
    anna = await newPage(browser);
    await login(anna, srv.url, ANNA);
    await anna.goto(`${srv.url}/partijen/nieuw`);
    await anna.getByLabel('Naam', { exact: true }).fill(partyName);
    await anna.getByRole('radio', { name: 'Burgerinitiatief' }).check();
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Opslaan' }));
    partyPath = /^(\/partijen\/[0-9a-f-]{36})/.exec(where(anna))[1];
  });

  after(async () => {
    await browser?.close();
    await srv?.stop();
  });

  test('Anna invites two addresses without an account, sees them listed, and withdraws one', async () => {
    await anna.goto(`${srv.url}${partyPath}/leden`);
    for (const [email, role] of [['gast@example.nl', 'Beheerder'], ['vergissing@example.nl', 'Lid']]) {
      await anna.locator('#f-email').fill(email);
      await anna.getByRole('radio', { name: role }).check();
      await clickAndLoad(anna, anna.getByRole('button', { name: 'Toevoegen' }));
      assert.equal(where(anna), `${partyPath}/leden?uitgenodigd=1`);
      assert.match(await text(anna.getByRole('status')), /De uitnodiging is verstuurd/);
    }
    const rows = await anna.locator('table.invitations tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.cells].slice(0, 3).map((c) => c.textContent.trim())));
    assert.deepEqual(rows, [['vergissing@example.nl', 'Lid', ANNA.name], ['gast@example.nl', 'Beheerder', ANNA.name]]);
    await assertAccessible(anna, 'the members page with pending invitations');
    await screenshot(anna, 'invitations');

    await clickAndLoad(anna, anna.getByRole('button', { name: 'Intrekken: de uitnodiging aan vergissing@example.nl' }));
    assert.equal(where(anna), `${partyPath}/leden?ingetrokken=1`);
    assert.match(await text(anna.getByRole('status')), /De uitnodiging is ingetrokken/);
    assert.equal(await anna.locator('table.invitations tbody tr').count(), 1);
    link = await codeOf('gast@example.nl');
  });

  test('Bob opens the link logged out, logs in through it, and accepts', async () => {
    assert.ok(link, 'needs the invitation of the first test');
    const bob = await newPage(browser);
    try {
      await bob.goto(srv.url + link);
      assert.equal(await text(bob.locator('h1')), `Uitnodiging voor ${partyName}`);
      assert.match(await text(bob.locator('main')), new RegExp(`${ANNA.name} nodigt je uit voor de partij ${partyName}`));
      assert.match(await text(bob.locator('main')), /Je rol wordt: Beheerder/);
      assert.equal(await bob.locator('main').getByRole('link', { name: 'Account maken' }).getAttribute('href'),
        `/registreren?email=gast%40example.nl&next=${encodeURIComponent(link)}`);
      assert.equal(await bob.getByRole('button', { name: 'Aannemen' }).count(), 0, 'logged out: nothing to accept yet');
      await assertAccessible(bob, 'the invitation page, logged out');
      await screenshot(bob, 'invitation-logged-out');

      await clickAndLoad(bob, bob.locator('main').getByRole('link', { name: 'Inloggen' }));
      assert.ok(where(bob).startsWith('/inloggen?next='));
      await bob.getByLabel('E-mailadres').fill(BOB.email);
      await bob.getByLabel('Wachtwoord').fill(BOB.password);
      await clickAndLoad(bob, bob.locator('main').getByRole('button', { name: 'Inloggen' }));
      assert.equal(where(bob), link, 'back at the invitation after logging in');
      assert.match(await text(bob.locator('main')), new RegExp(`Je bent ingelogd als ${BOB.name}`));
      await assertAccessible(bob, 'the invitation page, logged in');
      await screenshot(bob, 'invitation-logged-in');

      await clickAndLoad(bob, bob.getByRole('button', { name: 'Aannemen' }));
      assert.equal(where(bob), `${partyPath}/leden?aangenomen=1`);
      assert.match(await text(bob.getByRole('status')), /Welkom bij de partij/);
      const me = await bob.locator('table.members tbody tr').filter({ hasText: `${BOB.name} (jij)` }).count();
      assert.equal(me, 1, 'Bob is in the party');
      await assertAccessible(bob, 'the members page after accepting');

      // the link works once
      const again = await bob.goto(srv.url + link);
      assert.equal(again.status(), 410);
      assert.equal(await text(bob.locator('h1')), 'Deze uitnodiging werkt niet meer');
      assert.match(await text(bob.locator('main')), /Vraag de partij om een nieuwe uitnodiging/);
      await assertAccessible(bob, 'the page of a used invitation');
    } finally {
      await bob.context().close();
    }
  });
});
