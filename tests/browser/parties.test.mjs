// The pages as a person uses them: logging in, adding a party with a
// mistake and correcting it, finding it, changing and deleting it, the
// language switch, what anonymous visitors may do, paging and filtering,
// and logging out. Drives Debian's Chromium against the real server.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem } from '../lib/kiem.mjs';
import { ANNA, BEHEER, USERS, launch, newPage, where, login, clickAndLoad } from './browser.mjs';

// The names on the party cards of the list the page shows.
async function cardNames(page) {
  return page.locator('ul.cards > li.card h3 a').allTextContents();
}

async function text(locator) {
  return (await locator.textContent()).replace(/\s+/g, ' ').trim();
}

describe('pages, as a person uses them', () => {
  let srv;
  let browser;
  let anna; // Anna's browser window, logged in from the first test on
  const unique = `Zonnebloem${Date.now().toString(36)}`;
  const party = {
    name: `Buurtkracht ${unique}`,
    description: 'Wij helpen buren elkaar te vinden rond taal en ontmoeting.',
    email: 'info@buurtkracht.example.nl',
    tags: 'taal, ontmoeting',
  };
  let partyPath; // /partijen/{id}, once it is saved

  before(async () => {
    srv = await startKiem({ users: USERS });
    browser = await launch();
    anna = await newPage(browser);
  });

  after(async () => {
    await browser?.close();
    await srv?.stop();
  });

  // Logs Anna in when an earlier test did not get that far.
  async function annaLoggedIn() {
    await anna.goto(`${srv.url}/account`);
    if (where(anna).startsWith('/inloggen'))
      await login(anna, srv.url, ANNA);
    return anna;
  }

  test('logging in: a wrong password shows an error and keeps the email; the right one goes back to where you were', async () => {
    const page = anna;
    await page.goto(`${srv.url}/partijen/nieuw`);
    assert.equal(where(page), '/inloggen?next=%2Fpartijen%2Fnieuw', 'an anonymous visitor is sent to log in');
    assert.match(await text(page.locator('.notice')), /Log in om verder te gaan/);

    await page.getByLabel('E-mailadres').fill(ANNA.email);
    await page.getByLabel('Wachtwoord').fill('dit-is-niet-het-wachtwoord');
    await clickAndLoad(page, page.getByRole('button', { name: 'Inloggen' }));
    assert.match(await text(page.locator('#login-error')),
      /Het e-mailadres of het wachtwoord klopt niet/, 'the login error is shown');
    assert.equal(await page.locator('#login-error').getAttribute('role'), 'alert');
    assert.equal(await page.getByLabel('E-mailadres').inputValue(), ANNA.email, 'the email stays filled in');
    assert.equal(await page.getByLabel('Wachtwoord').inputValue(), '', 'the password is not sent back');
    assert.equal(await page.getByRole('button', { name: 'Uitloggen' }).count(), 0, 'not logged in');

    await page.getByLabel('Wachtwoord').fill(ANNA.password);
    await clickAndLoad(page, page.getByRole('button', { name: 'Inloggen' }));
    assert.equal(where(page), '/partijen/nieuw', 'back on the page that asked for a login');
    assert.equal(await text(page.locator('h1')), 'Nieuwe partij');
    assert.match(await text(page.locator('header.site')), new RegExp(`Ingelogd als ${ANNA.name}`));

    // Logging in straight from the login page lands on the account.
    const other = await newPage(browser);
    try {
      await login(other, srv.url, BEHEER);
      assert.equal(where(other), '/account');
      assert.equal(await text(other.locator('h1')), 'Je account');
      assert.match(await text(other.locator('main')), new RegExp(BEHEER.name));
      assert.match(await text(other.locator('main')), /beheerder/);
    } finally {
      await other.context().close();
    }
  });

  test('adding a party: mistakes are shown beside their fields, typed values stay, and the corrected party is saved', async () => {
    const page = await annaLoggedIn();
    await page.goto(`${srv.url}/partijen`);
    await clickAndLoad(page, page.getByRole('link', { name: 'Partij toevoegen' }));
    assert.equal(where(page), '/partijen/nieuw');

    // Kind not chosen, and an email address that is none.
    await page.getByLabel('Naam', { exact: true }).fill(party.name);
    await page.getByLabel('Beschrijving').fill(party.description);
    await page.getByRole('checkbox', { name: 'Overvecht' }).check();
    await page.getByLabel('Expertise').fill(party.tags);
    await page.getByLabel('E-mailadres').fill('geen-adres');
    await clickAndLoad(page, page.getByRole('button', { name: 'Opslaan' }));

    assert.equal(where(page), '/partijen/nieuw', 'the form comes back');
    const summary = page.locator('.error-summary');
    assert.match(await text(summary), /Er is iets niet goed ingevuld/);
    assert.deepEqual(
      (await summary.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).sort(),
      ['#f-email', '#f-kind'], 'the summary links to each wrong field and no other');

    // Each message sits in the field's own block and is tied to the control.
    const kindError = page.locator('#kind-error');
    assert.match(await text(kindError), /^Fout: Kies een van de mogelijkheden\.$/);
    assert.equal(await page.locator('#f-kind').evaluate((el) => el.closest('.field').contains(document.getElementById('kind-error'))), true,
      'the kind error is beside the kind choices');
    assert.match(await page.locator('#f-kind').getAttribute('aria-describedby') ?? '', /\bkind-error\b/, 'the kind choices are described by their error');
    for (const radio of await page.getByRole('radio', { name: /Burgerinitiatief|Overheid/ }).all())
      assert.equal(await radio.isChecked(), false);

    const email = page.locator('#f-email');
    assert.match(await text(page.locator('#email-error')), /^Fout: Vul een e-mailadres in, zoals naam@voorbeeld\.nl\.$/);
    assert.equal(await email.evaluate((el) => el.closest('.field').contains(document.getElementById('email-error'))), true,
      'the email error is beside the email field');
    assert.equal(await email.getAttribute('aria-invalid'), 'true', 'the wrong email field is marked aria-invalid');
    assert.match(await email.getAttribute('aria-describedby') ?? '', /\bemail-error\b/, 'the email field is described by its error');
    assert.equal(await page.locator('#f-name').getAttribute('aria-invalid'), null, 'a right field is not marked wrong');
    assert.equal(await page.locator('#name-error').count(), 0);

    // What was typed is still there.
    assert.equal(await page.getByLabel('Naam', { exact: true }).inputValue(), party.name, 'the typed name is kept');
    assert.equal(await page.getByLabel('Beschrijving').inputValue(), party.description, 'the typed description is kept');
    assert.equal(await page.getByLabel('Expertise').inputValue(), party.tags, 'the typed tags are kept');
    assert.equal(await email.inputValue(), 'geen-adres', 'the wrong email is kept, to correct it');
    assert.equal(await page.getByRole('checkbox', { name: 'Overvecht' }).isChecked(), true, 'the chosen area stays chosen');

    // The summary's link takes you to the field.
    await summary.getByRole('link', { name: /E-mailadres/ }).click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'f-email');

    await page.getByRole('radio', { name: 'Burgerinitiatief' }).check();
    await email.fill(party.email);
    await clickAndLoad(page, page.getByRole('button', { name: 'Opslaan' }));

    const m = /^\/partijen\/([0-9a-f-]{36})\?opgeslagen=1$/.exec(where(page));
    assert.ok(m, `after saving the party's page shows, not ${where(page)}`);
    partyPath = `/partijen/${m[1]}`;
    assert.match(await text(page.getByRole('status')), /De partij is opgeslagen/);
    assert.equal(await text(page.locator('h1')), party.name);
    const main = await text(page.locator('main'));
    assert.match(main, /Burgerinitiatief/);
    assert.match(main, new RegExp(party.description));
    assert.match(main, /Overvecht/);
    assert.equal(await page.getByRole('link', { name: party.email }).getAttribute('href'), `mailto:${party.email}`);
    assert.equal(await page.getByRole('link', { name: 'taal' }).count(), 1);
    assert.equal(await page.getByRole('link', { name: 'ontmoeting' }).count(), 1);

    // Found with the search box, and opened.
    await page.goto(`${srv.url}/partijen`);
    await page.getByLabel('Zoekwoorden').fill(unique);
    await clickAndLoad(page, page.getByRole('button', { name: 'Zoeken' }));
    assert.equal(new URL(page.url()).searchParams.get('q'), unique);
    assert.deepEqual(await cardNames(page), [party.name], 'the search finds exactly the new party');
    assert.equal(await page.getByLabel('Zoekwoorden').inputValue(), unique, 'the search words stay in the box');
    await clickAndLoad(page, page.getByRole('link', { name: party.name }));
    assert.equal(where(page), partyPath);
    assert.equal(await text(page.locator('h1')), party.name);
  });

  test('changing and deleting the party', async () => {
    assert.ok(partyPath, 'needs the party the previous test added');
    const page = await annaLoggedIn();
    await page.goto(srv.url + partyPath);
    await clickAndLoad(page, page.getByRole('link', { name: 'Bewerken' }));
    assert.equal(where(page), `${partyPath}/bewerken`);
    assert.equal(await text(page.locator('h1')), 'Partij bewerken');
    const name = page.getByLabel('Naam', { exact: true });
    assert.equal(await name.inputValue(), party.name, 'the form shows the stored name');
    assert.equal(await page.getByRole('radio', { name: 'Burgerinitiatief' }).isChecked(), true);
    assert.equal(await page.getByLabel('E-mailadres').inputValue(), party.email);
    // Tags are a set: kiem may keep them in another order.
    const tags = (v) => v.split(',').map((t) => t.trim()).sort();
    assert.deepEqual(tags(await page.getByLabel('Expertise').inputValue()), tags(party.tags));

    const renamed = `Buurtkracht Noord ${unique}`;
    await name.fill(renamed);
    await clickAndLoad(page, page.getByRole('button', { name: 'Opslaan' }));
    assert.equal(where(page), `${partyPath}?opgeslagen=1`);
    assert.match(await text(page.getByRole('status')), /De partij is opgeslagen/);
    assert.equal(await text(page.locator('h1')), renamed);
    assert.match(await text(page.locator('title')), new RegExp(renamed));
    assert.equal(await page.getByRole('link', { name: party.email }).count(), 1, 'the rest stays as it was');

    await clickAndLoad(page, page.getByRole('link', { name: 'Verwijderen' }));
    assert.equal(where(page), `${partyPath}/verwijderen`);
    assert.equal(await text(page.locator('h1')), 'Partij verwijderen');
    assert.match(await text(page.locator('main')), new RegExp(`Weet je zeker dat je '${renamed}' wilt verwijderen\\?`));
    // "No" keeps it.
    await clickAndLoad(page, page.getByRole('link', { name: 'Nee, terug' }));
    assert.equal(where(page), partyPath);
    await clickAndLoad(page, page.getByRole('link', { name: 'Verwijderen' }));
    await clickAndLoad(page, page.getByRole('button', { name: 'Ja, verwijderen' }));
    assert.equal(where(page), '/partijen?verwijderd=1');
    assert.match(await text(page.getByRole('status')), /De partij is verwijderd/);
    const names = await cardNames(page);
    assert.ok(names.length > 0, 'the list still shows the other parties');
    assert.ok(!names.includes(renamed));

    await page.getByLabel('Zoekwoorden').fill(unique);
    await clickAndLoad(page, page.getByRole('button', { name: 'Zoeken' }));
    assert.deepEqual(await cardNames(page), []);
    assert.match(await text(page.locator('main')), /Geen partijen gevonden/);

    const res = await page.goto(srv.url + partyPath);
    assert.equal(res.status(), 404);
    assert.equal(await text(page.locator('h1')), 'Pagina niet gevonden');
  });

  test('switching to English and back; the choice sticks', async () => {
    const page = await newPage(browser, { locale: 'nl-NL' });
    try {
      await page.goto(`${srv.url}/`);
      assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
      assert.equal(await text(page.locator('h1')), 'Het ecosysteem in één oogopslag');
      await clickAndLoad(page, page.getByRole('link', { name: 'Read this page in English' }));
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.equal(await text(page.locator('h1')), 'The ecosystem at a glance');
      assert.match(await text(page.locator('main')), /Parties by kind/);

      // Following a link without ?lang stays English (the cookie).
      await clickAndLoad(page, page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Parties' }));
      assert.equal(where(page), '/partijen');
      assert.equal(await page.locator('html').getAttribute('lang'), 'en', 'English sticks on the next page');
      assert.equal(await page.getByLabel('Search words').count(), 1);
      assert.equal(await page.getByRole('button', { name: 'Search' }).count(), 1);

      // The switch keeps the page's query.
      await page.goto(`${srv.url}/partijen?kind=government`);
      await clickAndLoad(page, page.getByRole('link', { name: 'Lees deze pagina in het Nederlands' }));
      const u = new URL(page.url());
      assert.equal(u.pathname, '/partijen');
      assert.equal(u.searchParams.get('kind'), 'government');
      assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
      assert.equal(await text(page.locator('h1')), 'Partijen');
      await page.goto(`${srv.url}/`);
      assert.equal(await text(page.locator('h1')), 'Het ecosysteem in één oogopslag', 'Dutch sticks too');
    } finally {
      await page.context().close();
    }

    // A browser that asks for English gets it without choosing.
    const en = await newPage(browser, { locale: 'en-GB' });
    try {
      await en.goto(`${srv.url}/`);
      assert.equal(await en.locator('html').getAttribute('lang'), 'en');
    } finally {
      await en.context().close();
    }
  });

  test('anonymous visitors see no edit buttons and are sent to log in when they try to write', async () => {
    const page = await newPage(browser);
    try {
      await page.goto(`${srv.url}/partijen`);
      assert.equal(await page.getByRole('link', { name: 'Partij toevoegen' }).count(), 0);
      const addLink = page.getByRole('link', { name: 'Log in om een partij toe te voegen.' });
      assert.equal(await addLink.count(), 1);
      const first = (await cardNames(page))[0];
      await clickAndLoad(page, page.getByRole('link', { name: first, exact: true }));
      assert.equal(await text(page.locator('h1')), first);
      assert.equal(await page.getByRole('link', { name: 'Bewerken' }).count(), 0, 'no Bewerken for anonymous visitors');
      assert.equal(await page.getByRole('link', { name: 'Verwijderen' }).count(), 0);
      const id = where(page).split('/')[2];

      for (const path of ['/partijen/nieuw', `/partijen/${id}/bewerken`, `/partijen/${id}/verwijderen`, '/account']) {
        await page.goto(srv.url + path);
        assert.equal(where(page), `/inloggen?next=${encodeURIComponent(path)}`, `${path} sends to the login`);
        assert.equal(await text(page.locator('h1')), 'Inloggen');
      }
      await page.goto(`${srv.url}/partijen`);
      await clickAndLoad(page, page.getByRole('link', { name: 'Log in om een partij toe te voegen.' }));
      assert.equal(where(page), '/inloggen?next=/partijen/nieuw');

      // A logged-in person who did not add a party may not change it either;
      // an administrator may.
      const annaPage = await annaLoggedIn();
      await annaPage.goto(`${srv.url}/partijen/${id}`);
      assert.equal(await annaPage.getByRole('link', { name: 'Bewerken' }).count(), 0, 'not Anna\'s party');
      const res = await annaPage.goto(`${srv.url}/partijen/${id}/bewerken`);
      assert.equal(res.status(), 403);
      assert.equal(await text(annaPage.locator('h1')), 'Dat mag niet');
      const admin = await newPage(browser);
      try {
        await login(admin, srv.url, BEHEER);
        await admin.goto(`${srv.url}/partijen/${id}`);
        assert.equal(await admin.getByRole('link', { name: 'Bewerken' }).count(), 1, 'an administrator may edit');
      } finally {
        await admin.context().close();
      }
    } finally {
      await page.context().close();
    }
  });

  test('paging to the next page shows the other parties, in the order of the API', async () => {
    const api = await (await fetch(`${srv.url}/api/v1/parties?limit=100`)).json();
    const all = api.items.map((p) => p.name);
    assert.ok(all.length > 20, `the demo has more than one page of parties (${all.length})`);

    const page = await newPage(browser);
    try {
      await page.goto(`${srv.url}/partijen`);
      const first = await cardNames(page);
      assert.equal(first.length, 20);
      assert.equal(await page.getByRole('link', { name: 'Eerste pagina' }).count(), 0);
      await clickAndLoad(page, page.getByRole('navigation', { name: 'Bladeren' }).getByRole('link', { name: 'Volgende pagina' }));
      assert.ok(new URL(page.url()).searchParams.get('cursor'), 'the next page has a cursor');
      const second = await cardNames(page);
      assert.ok(second.length > 0);
      assert.deepEqual(second.filter((n) => first.includes(n)), [], 'the next page shows other parties');
      assert.deepEqual([...first, ...second].slice(0, all.length), all.slice(0, first.length + second.length),
        'the pages follow the API\'s order');
      if (all.length <= 40) {
        assert.deepEqual([...first, ...second], all, 'two pages hold every party');
        assert.equal(await page.getByRole('link', { name: 'Volgende pagina' }).count(), 0, 'no next page after the last');
      }
      await clickAndLoad(page, page.getByRole('link', { name: 'Eerste pagina' }));
      assert.deepEqual(await cardNames(page), first);

      // Paging keeps the filters: sorted Z to A, page two goes on downwards.
      await page.getByLabel('Sorteren').selectOption({ label: 'Op naam (Z tot A)' });
      await clickAndLoad(page, page.getByRole('button', { name: 'Zoeken' }));
      const desc = await cardNames(page);
      await clickAndLoad(page, page.getByRole('link', { name: 'Volgende pagina' }));
      assert.equal(new URL(page.url()).searchParams.get('sort'), '-name');
      const desc2 = await cardNames(page);
      assert.ok(desc2.length > 0);
      assert.deepEqual([...desc, ...desc2], [...all].reverse().slice(0, desc.length + desc2.length),
        'sorted Z to A across pages');
    } finally {
      await page.context().close();
    }
  });

  test('filtering by kind shows only parties of that kind', async () => {
    const api = await (await fetch(`${srv.url}/api/v1/parties?kind=government&limit=100`)).json();
    const expected = api.items.map((p) => p.name);
    assert.ok(expected.length > 0);

    const page = await newPage(browser);
    try {
      await page.goto(`${srv.url}/partijen`);
      await page.getByLabel('Soort partij').selectOption({ label: 'Overheid' });
      await clickAndLoad(page, page.getByRole('button', { name: 'Zoeken' }));
      assert.equal(new URL(page.url()).searchParams.get('kind'), 'government');
      assert.deepEqual(await cardNames(page), expected, 'the page lists the parties the API gives for kind=government');
      const kinds = await page.locator('ul.cards > li.card .kind').allTextContents();
      assert.equal(kinds.length, expected.length);
      assert.ok(kinds.every((k) => k === 'Overheid'), `only Overheid: ${kinds}`);
      assert.equal(await page.getByLabel('Soort partij').inputValue(), 'government', 'the choice stays selected');

      // The overview's count of this kind leads to the same list.
      await page.goto(`${srv.url}/`);
      const box = page.locator('li.kind-government');
      assert.equal(await text(box.locator('.count')), `${expected.length} ${expected.length === 1 ? 'partij' : 'partijen'}`);
      await clickAndLoad(page, box.getByRole('link'));
      assert.deepEqual(await cardNames(page), expected);

      // Kind and search words together.
      await page.getByLabel('Zoekwoorden').fill('Overvecht');
      await clickAndLoad(page, page.getByRole('button', { name: 'Zoeken' }));
      const both = await cardNames(page);
      assert.ok(both.length > 0 && both.length < expected.length, `fewer parties: ${both}`);
      assert.ok(both.every((n) => expected.includes(n)));
    } finally {
      await page.context().close();
    }
  });

  test('logging out', async () => {
    const page = await annaLoggedIn();
    await page.goto(`${srv.url}/partijen`);
    await clickAndLoad(page, page.getByRole('button', { name: 'Uitloggen' }));
    assert.equal(where(page), '/inloggen?uitgelogd=1', 'logging out lands on the login page');
    assert.match(await text(page.getByRole('status')), /Je bent uitgelogd/);
    assert.equal(await page.getByRole('button', { name: 'Uitloggen' }).count(), 0, 'no Uitloggen button after logging out');
    assert.doesNotMatch(await text(page.locator('header.site')), /Ingelogd als/);
    assert.equal(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Inloggen' }).count(), 1);
    await page.goto(`${srv.url}/account`);
    assert.equal(where(page), '/inloggen?next=%2Faccount', 'after logging out /account asks for a login again');
    await page.goto(`${srv.url}/partijen`);
    assert.equal(await page.getByRole('link', { name: 'Partij toevoegen' }).count(), 0);
  });
});
