// Plain language where residents read (issue 8, item 19): the account page
// explains API tokens only to whoever has one or asks for one; the privacy
// page says what happens to a password without "argon2id" or "hash"; the
// footer's "Open data" leads to a page that explains the API and the
// downloads; every number shown has the right plural; and on English pages
// what people wrote in Dutch (party names and descriptions, issue texts,
// comments) and the dossier's Dutch terms carry lang="nl". axe-core checks
// each page in each state.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { kiem, startKiem } from '../lib/kiem.mjs';
import { ANNA, BEHEER, USERS, launch, newPage, where, login, clickAndLoad, assertAccessible, screenshot } from './browser.mjs';

const RIK = { email: 'rik@example.nl', name: 'Rik Resident', password: 'rik-wachtwoord-345' };
const ROLES = ['procure_innovations', 'attract_private_capital', 'fund_what_works_research', 'regulatory_room', 'invest',
  'operate_responsibly', 'research_working_elements', 'combine_knowledge', 'detect_signals', 'pioneer_in_practice',
  'agenda_issues', 'involve_target_groups'];

// The text of the page's <main> as a person sees it (hidden parts left out).
const mainText = (page) => page.locator('main').innerText();

// The language of the element that holds text: its own lang or an ancestor's.
async function langOf(page, locator) {
  return locator.first().evaluate((el) => el.closest('[lang]').getAttribute('lang'));
}

describe('plain language where residents read', () => {
  let srv;
  let browser;
  let anna; // has an API token (every test user gets one)
  let rik; // a resident without a token
  let api; // (path, options) as Anna, through the API
  let party; // Anna's party: {id, name}
  let issue; // an issue of Anna's party: {id, title}

  before(async () => {
    srv = await startKiem({ users: USERS });
    const r = kiem(['user', 'add', '--email', RIK.email, '--name', RIK.name, '--db', srv.db], { input: `${RIK.password}\n` });
    assert.equal(r.status, 0, r.stderr);
    api = async (path, { method = 'GET', body, token = srv.tokens[ANNA.email] } = {}) => {
      const res = await fetch(srv.url + path, {
        method, body: body && JSON.stringify(body),
        headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      });
      const text = await res.text();
      assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${text}`);
      return text ? JSON.parse(text) : null;
    };
    party = await api('/api/v1/parties', {
      method: 'POST',
      body: { name: 'Buurtkeuken Oost', kind: 'citizen_initiative', areas: ['WK034405'], capacityHours: 1,
        description: 'Wij koken elke donderdag samen met buren.' },
    });
    issue = await api('/api/v1/issues', {
      method: 'POST',
      body: { title: 'Te weinig plekken om samen te eten', summary: 'Buren willen samen eten, maar er is geen ruimte.',
        description: 'In **Oost** sluit het buurthuis om vijf uur.', area: 'WK034405', ownerParty: party.id,
        targetGroups: ['Ouderen'] },
    });
    browser = await launch();
    anna = await newPage(browser);
    rik = await newPage(browser);
    await login(anna, srv.url, ANNA);
    await login(rik, srv.url, RIK);
  });

  after(async () => {
    await browser?.close();
    await srv?.stop();
  });

  test('the account page explains API tokens only to whoever has one or asks for one', async () => {
    await rik.goto(`${srv.url}/account`);
    const text = await mainText(rik);
    assert.doesNotMatch(text, /Authorization|Bearer|JSON-API/, 'a resident without a token reads nothing about them');
    assert.equal(await rik.locator('#tokens table').count(), 0);
    assert.equal(await rik.getByLabel('Waarvoor is het token?').isVisible(), false, 'the form is folded away');
    const ask = rik.getByText('Voor ontwikkelaars', { exact: false });
    assert.ok(await ask.isVisible(), 'a developer finds where to ask for one');
    await assertAccessible(rik, 'the account without a token');
    await screenshot(rik, 'plain-account-folded');

    await ask.click();
    await rik.getByLabel('Waarvoor is het token?').fill('Mijn script');
    await clickAndLoad(rik, rik.getByRole('button', { name: 'Token maken' }));
    assert.ok((await rik.locator('code#new-token').textContent()).trim().length >= 20, 'the new token shows');
    await assertAccessible(rik, 'the account with a fresh token');
    await rik.goto(`${srv.url}/account`);
    assert.equal(await rik.locator('#tokens table tbody tr').count(), 1, 'whoever has one sees it at once');
    assert.ok(await rik.getByLabel('Waarvoor is het token?').isVisible());

    await anna.goto(`${srv.url}/account`);
    assert.equal(await anna.locator('#tokens table tbody tr').count(), 1, 'Anna has the token made at the start');
    await assertAccessible(anna, 'the account with a token');
  });

  test('the privacy page says what happens to a password in plain words', async () => {
    const page = await newPage(browser);
    try {
      for (const [lang, plain] of [['nl', /onherkenbaar/], ['en', /unrecognisable/]]) {
        await page.goto(`${srv.url}/privacy?lang=${lang}`);
        const text = await mainText(page);
        assert.doesNotMatch(text, /argon|hash/i, `the privacy page (${lang}) uses jargon`);
        assert.match(text, plain);
        await assertAccessible(page, `privacy (${lang})`);
      }
      const register = await (await fetch(`${srv.url}/api/v1/processing-activities`)).text();
      assert.doesNotMatch(register, /argon|hash/i, 'the same register in the API');
    } finally {
      await page.context().close();
    }
  });

  test('the footer\'s "Open data" leads to a page that explains the API and the downloads', async () => {
    const page = await newPage(browser);
    try {
      await page.goto(`${srv.url}/`);
      await clickAndLoad(page, page.locator('footer').getByRole('link', { name: 'Open data' }));
      assert.equal(where(page), '/open-data');
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Open data');
      const text = await mainText(page);
      assert.match(text, /geen account voor nodig/i, 'says that no account is needed');
      for (const href of ['/api/v1/openapi.json', '/api/v1/parties', '/api/v1/issues', '/api/v1/areas', '/api/v1/roles',
        '/api/v1/processing-activities']) {
        const link = page.locator(`main a[href="${href}"]`);
        assert.ok(await link.count() >= 1, `a link to ${href}`);
        const res = await fetch(srv.url + href);
        assert.equal(res.status, 200, `${href} answers`);
        assert.match(res.headers.get('content-type'), /json/);
      }
      assert.ok(await page.locator('main a[href^="/account"]').count() >= 1, 'where to download your own data');
      await assertAccessible(page, 'open data');
      await screenshot(page, 'open-data');
      await page.goto(`${srv.url}/open-data?lang=en`);
      assert.match(await mainText(page), /without an account/i);
      await assertAccessible(page, 'open data in English');
      await page.goto(`${srv.url}/?lang=nl`);
    } finally {
      await page.context().close();
    }
  });

  test('numbers have the right plural', async () => {
    const page = await newPage(browser);
    try {
      const see = async (path, lang, re) => {
        await page.goto(`${srv.url}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
        assert.match(await mainText(page), re, `${path} (${lang})`);
      };
      // capacity: "1 hour", "8 hours"
      await see(`/partijen/${party.id}`, 'nl', /1 uur per week/);
      await see(`/partijen/${party.id}`, 'en', /\b1 hour a week/);
      await api(`/api/v1/parties/${party.id}`, { method: 'PATCH', body: { capacityHours: 8 } });
      await see(`/partijen/${party.id}`, 'en', /\b8 hours a week/);

      // supporters: "1 mens", "1 person", "2 mensen", "2 people"
      await api(`/api/v1/issues/${issue.id}/supports`, { method: 'POST', body: {} });
      await see(`/vraagstukken/${issue.id}`, 'nl', /\b1 mens\b/);
      await see(`/vraagstukken/${issue.id}`, 'en', /\b1 person\b/);
      await api(`/api/v1/issues/${issue.id}/supports`, { method: 'POST', body: {}, token: srv.tokens[BEHEER.email] });
      await see(`/vraagstukken/${issue.id}`, 'nl', /\b2 mensen\b/);
      await see(`/vraagstukken/${issue.id}`, 'en', /\b2 people\b/);

      // the role ledger: "1 van de 12 rollen is nog leeg"
      for (const role of ROLES.slice(0, 11))
        await api(`/api/v1/issues/${issue.id}/role-ledger`, { method: 'POST', body: { role, party: party.id } });
      await see(`/vraagstukken/${issue.id}/rollen`, 'nl', /\b1 van de 12 rollen is nog leeg\./);
      await see(`/vraagstukken/${issue.id}/rollen`, 'en', /\b1 of the 12 roles is still empty\./);
      await assertAccessible(page, 'the ledger in English');

      // the home page: parties of each kind, and all of them
      await see('/', 'nl', /Sociaal werk\s+7 partijen\b/); // the demo's
      await see('/', 'en', /Social work\s+7 parties\b/);
      await assertAccessible(page, 'home in English');
    } finally {
      await page.context().close();
    }
  });

  test('numbers have the right plural: one of a kind, one day', async () => {
    const one = await startKiem({ demo: false, users: [BEHEER], env: { KIEM_INACTIVE_DAYS: '1', KIEM_INACTIVE_GRACE_DAYS: '1' } });
    const page = await newPage(browser);
    try {
      const r = await fetch(`${one.url}/api/v1/parties`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${one.tokens[BEHEER.email]}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'De enige', kind: 'government' }),
      });
      assert.equal(r.status, 201);
      await page.goto(`${one.url}/?lang=nl`);
      const nl = await mainText(page);
      assert.match(nl, /\b1 partij\b/);
      assert.doesNotMatch(nl, /\b1 partijen\b/);
      assert.match(nl, /\b0 partijen\b/);
      await assertAccessible(page, 'home with one party');
      await page.goto(`${one.url}/?lang=en`);
      const en = await mainText(page);
      assert.match(en, /\b1 party\b/);
      assert.doesNotMatch(en, /\b1 parties\b/);
      await page.goto(`${one.url}/privacy?lang=nl`);
      assert.match(await page.locator('#privacy-inactive').innerText(), /\b1 dag niet\b.*\bbinnen 1 dag\b/);
      await page.goto(`${one.url}/privacy?lang=en`);
      assert.match(await page.locator('#privacy-inactive').innerText(), /\b1 day\b.*\b1 day\b/);
    } finally {
      await page.context().close();
      await one.stop();
    }
  });

  test('on English pages, Dutch content carries lang="nl"', async () => {
    const page = await newPage(browser);
    try {
      await page.goto(`${srv.url}/partijen/${party.id}?lang=en`);
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.equal(await langOf(page, page.getByRole('heading', { level: 1 })), 'nl', 'the party\'s name');
      assert.equal(await langOf(page, page.getByText('Wij koken elke donderdag')), 'nl', 'its description');
      assert.equal(await langOf(page, page.locator('main dl.facts dt')), 'en', 'kiem\'s own words stay English');
      await assertAccessible(page, 'a party in English');

      await page.goto(`${srv.url}/partijen?lang=en&q=Buurtkeuken`);
      assert.equal(await langOf(page, page.locator('main').getByRole('link', { name: 'Buurtkeuken Oost' })), 'nl', 'a name in the list');

      await page.goto(`${srv.url}/vraagstukken/${issue.id}?lang=en`);
      assert.equal(await langOf(page, page.getByRole('heading', { level: 1 })), 'nl', 'the issue\'s title');
      assert.equal(await langOf(page, page.getByText('Buren willen samen eten')), 'nl', 'its summary');
      assert.equal(await langOf(page, page.getByText('sluit het buurthuis')), 'nl', 'its description');
      assert.equal(await langOf(page, page.getByRole('link', { name: 'ouderen', exact: true })), 'nl', 'a target group');
      await assertAccessible(page, 'an issue in English');

      await page.goto(`${srv.url}/vraagstukken?lang=en`);
      assert.equal(await langOf(page, page.locator('main').getByRole('link', { name: issue.title })), 'nl', 'a title in the list');

      await page.goto(`${srv.url}/vraagstukken/${issue.id}/rollen?lang=en`);
      assert.equal(await langOf(page, page.locator('main table').getByRole('link', { name: 'Buurtkeuken Oost' })), 'nl',
        'a party in the ledger');

      await page.goto(`${srv.url}/privacy?lang=en`);
      assert.equal(await langOf(page, page.getByText('Autoriteit Persoonsgegevens')), 'nl', 'a Dutch name in English text');
      assert.equal(await langOf(page, page.locator('footer').getByText('Wat werkt bij sociale innovatie')), 'nl', 'the dossier\'s title');

      // a comment
      const voice = await newPage(browser);
      await login(voice, srv.url, ANNA);
      await voice.goto(`${srv.url}/vraagstukken/${issue.id}?lang=en`);
      await voice.getByLabel('Your comment', { exact: true }).fill('Ik help graag met koken.');
      await clickAndLoad(voice, voice.getByRole('button', { name: 'Post your comment' }));
      assert.equal(await langOf(voice, voice.getByText('Ik help graag met koken.')), 'nl', 'a comment');
      await assertAccessible(voice, 'an issue with a comment in English');
      await voice.context().close();
    } finally {
      await page.context().close();
    }
  });
});
