// Invitations by email, as people use them: Anna invites an address that
// has no account yet, sees the invitation listed and withdraws another one;
// Bob opens the link from the mail, logged out (links to log in and to make
// an account), logs in through it, comes back and accepts; he is then a
// member. axe-core checks the invitation page logged out and logged in, and
// the page of a link that no longer works. Then a newcomer without an
// account goes the whole way: invitation link, make an account, confirm the
// address from the mail, log in, and back at the invitation to accept it.
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

  test('a newcomer makes an account through the invitation, confirms it, logs in and accepts', async () => {
    const email = 'nieuwkomer@example.nl';
    await anna.goto(`${srv.url}${partyPath}/leden`);
    await anna.locator('#f-email').fill(email);
    await anna.getByRole('radio', { name: 'Lid' }).check();
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Toevoegen' }));
    const invitation = await codeOf(email);

    const nina = await newPage(browser);
    try {
      await nina.goto(srv.url + invitation);
      await clickAndLoad(nina, nina.locator('main').getByRole('link', { name: 'Account maken' }));
      assert.equal(new URL(nina.url()).pathname, '/registreren');
      assert.equal(await nina.getByLabel('E-mailadres').inputValue(), email, 'the invited address is filled in');
      await nina.getByLabel('Naam').fill('Nina Nieuwkomer');
      await nina.getByLabel('Wachtwoord').fill('mijn eigen lange wachtwoord');
      await clickAndLoad(nina, nina.getByRole('button', { name: 'Account maken' }));
      assert.match(await text(nina.locator('h1')), /Kijk in je mailbox/);

      // the confirmation mail's link, then logging in, lead back to the invitation
      const mail = await srv.mail(email);
      const confirm = /https?:\/\/[^\s/]+(\/bevestigen\?\S+)/.exec(mail.body);
      assert.ok(confirm, `no confirmation link in ${mail.body}`);
      await nina.goto(srv.url + confirm[1]);
      assert.match(await text(nina.locator('h1')), /Je e-mailadres is bevestigd/);
      await clickAndLoad(nina, nina.locator('main').getByRole('link', { name: 'Naar inloggen' }));
      await nina.getByLabel('E-mailadres').fill(email);
      await nina.getByLabel('Wachtwoord').fill('mijn eigen lange wachtwoord');
      await clickAndLoad(nina, nina.locator('main').getByRole('button', { name: 'Inloggen' }));
      assert.equal(where(nina), invitation, 'back at the invitation after confirming and logging in');

      await clickAndLoad(nina, nina.getByRole('button', { name: 'Aannemen' }));
      assert.equal(where(nina), `${partyPath}/leden?aangenomen=1`);
      const me = await nina.locator('table.members tbody tr').filter({ hasText: 'Nina Nieuwkomer (jij)' }).count();
      assert.equal(me, 1, 'Nina is in the party');
    } finally {
      await nina.context().close();
    }
  });
});
