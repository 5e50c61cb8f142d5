// Phones (issue 8, item 20): on a screen 390 px wide (and 844 high) the
// main pages need no sideways scrolling, no button is cut off, and a table
// that does not fit hides no column silently: it either fits, or it scrolls
// in its own region that is labelled, reachable by keyboard and announced
// by a visible hint. axe-core checks each page at that size, and each page
// is saved as a screenshot under SHOTS for a person to look at.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem } from '../lib/kiem.mjs';
import { ANNA, BEHEER, USERS, launch, newPage, login, assertAccessible, screenshot } from './browser.mjs';

const PHONE = { width: 390, height: 844 };

// What a person on a phone would run into on the page shown: sideways
// scrolling of the page, buttons that stick out or are cut off (by the
// screen, a region around them or their own box), and tables whose columns
// are out of sight without a word about it.
function problemsOnPage() {
  const problems = [];
  const vw = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > vw + 1)
    problems.push(`the page is ${document.documentElement.scrollWidth} px wide, wider than the screen (${vw} px)`);
  if (document.body.scrollWidth > vw + 1)
    problems.push(`the body is ${document.body.scrollWidth} px wide`);
  const visible = (el) => {
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return s.visibility !== 'hidden' && s.display !== 'none' && r.width > 0 && r.height > 0;
  };
  const name = (el) => (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 40);
  for (const el of document.querySelectorAll('button, input[type=submit], a.button')) {
    if (!visible(el) || el.closest('details:not([open])')) continue;
    const r = el.getBoundingClientRect();
    if (r.left < -1 || r.right > vw + 1)
      problems.push(`the button "${name(el)}" sticks out of the screen (${Math.round(r.left)}..${Math.round(r.right)} px)`);
    if (el.scrollWidth > el.clientWidth + 1)
      problems.push(`the text of the button "${name(el)}" is cut off`);
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
      const ar = a.getBoundingClientRect();
      if (r.left < ar.left - 1 || r.right > ar.right + 1)
        problems.push(`the button "${name(el)}" is cut off by its ${a.tagName.toLowerCase()}.${a.className} (${Math.round(r.left)}..${Math.round(r.right)} against ${Math.round(ar.left)}..${Math.round(ar.right)})`);
    }
  }
  for (const table of document.querySelectorAll('main table')) {
    if (!visible(table)) continue;
    const label = (table.querySelector('caption')?.innerText || table.closest('section')?.querySelector('h2')?.innerText || '').trim();
    let region = null;
    for (let a = table.parentElement; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.overflowX === 'auto' || s.overflowX === 'scroll' || s.overflowX === 'hidden') { region = a; break; }
    }
    const tr = table.getBoundingClientRect();
    if (!region) {
      if (tr.right > vw + 1) problems.push(`the table "${label}" is wider than the screen`);
      continue;
    }
    if (region.scrollWidth <= region.clientWidth + 1) continue; // it fits
    if (getComputedStyle(region).overflowX === 'hidden') {
      problems.push(`columns of the table "${label}" are hidden`);
      continue;
    }
    if (region.getAttribute('tabindex') !== '0')
      problems.push(`the table "${label}" scrolls sideways but cannot be reached by keyboard`);
    if (!region.getAttribute('aria-labelledby') && !region.getAttribute('aria-label'))
      problems.push(`the scrolling region of the table "${label}" has no name`);
    const caption = table.querySelector('caption');
    if (caption) {
      const cr = caption.getBoundingClientRect(), rr = region.getBoundingClientRect();
      if (cr.right > rr.right + 1) problems.push(`the caption of the table "${label}" is cut off`);
    }
    const hint = region.parentElement.querySelector('.scroll-hint');
    if (!hint || !visible(hint) || !hint.innerText.trim())
      problems.push(`the table "${label}" scrolls sideways without a visible hint (${region.scrollWidth} px in ${region.clientWidth} px)`);
  }
  return problems;
}

describe('on a phone, 390 px wide', () => {
  let srv;
  let browser;
  let anon;
  let anna; // logged in, with a party, a token, an invitation and a role in a ledger
  let admin;
  const paths = {};

  before(async () => {
    srv = await startKiem({ users: USERS });
    const api = async (path, body, method = 'POST') => {
      const res = await fetch(srv.url + path, {
        method, body: JSON.stringify(body),
        headers: { Authorization: `Bearer ${srv.tokens[ANNA.email]}`, 'Content-Type': 'application/json' },
      });
      const text = await res.text();
      assert.ok(res.status < 300, `${path}: ${res.status} ${text}`);
      return JSON.parse(text);
    };
    const party = await api('/api/v1/parties', {
      name: 'Stichting Buurtkeuken en Ontmoeting Overvecht-Noord', kind: 'citizen_initiative', areas: ['WK034403'],
      description: 'Wij koken samen.',
    });
    await api(`/api/v1/parties/${party.id}/invitations`, { email: 'iemand.met.een.heel.lang.adres@voorbeeld-gemeente.nl', role: 'member' });
    const issues = await (await fetch(`${srv.url}/api/v1/issues?limit=1`)).json();
    const issue = issues.items[0];
    await api(`/api/v1/issues/${issue.id}/role-ledger`, { role: 'involve_target_groups', party: party.id, note: 'Wij kennen de buurt.' });
    Object.assign(paths, {
      party: `/partijen/${party.id}`, members: `/partijen/${party.id}/leden`,
      issue: `/vraagstukken/${issue.id}`, ledger: `/vraagstukken/${issue.id}/rollen`,
    });
    browser = await launch();
    anon = await newPage(browser, { viewport: PHONE });
    anna = await newPage(browser, { viewport: PHONE });
    admin = await newPage(browser, { viewport: PHONE });
    await login(anna, srv.url, ANNA);
    await login(admin, srv.url, BEHEER);
  });

  after(async () => {
    await browser?.close();
    await srv?.stop();
  });

  async function check(page, path, label) {
    const res = await page.goto(srv.url + path);
    assert.equal(res.status(), 200, `${path} answers 200`);
    const problems = await page.evaluate(problemsOnPage);
    await screenshot(page, `phone-${label}`);
    assert.deepEqual(problems, [], `${label} (${path}) on a phone`);
    await assertAccessible(page, `${label} on a phone`);
  }

  // The main pages, as a visitor and as Anna, in Dutch and in English.
  const MAIN = [
    ['home', () => '/'], ['directory', () => '/partijen'], ['party', () => paths.party],
    ['issues', () => '/vraagstukken'], ['issue', () => paths.issue], ['ledger', () => paths.ledger],
  ];

  for (const [label, path] of MAIN) {
    test(`${label}: readable, nothing cut off`, async () => {
      await check(anon, path(), label);
      await check(anna, path(), `${label}-anna`);
      await check(anon, `${path()}${path().includes('?') ? '&' : '?'}lang=en`, `${label}-en`);
      await anon.goto(`${srv.url}/?lang=nl`);
    });
  }

  test('signals, the account and the login page: readable, nothing cut off', async () => {
    await check(anna, '/signalen', 'signals');
    await check(anna, '/account', 'account');
    await check(anna, '/account?lang=en', 'account-en');
    await anna.goto(`${srv.url}/?lang=nl`);
    await check(anon, '/inloggen', 'login');
  });

  test('the pages with tables of buttons: members and invitations, users, activity, privacy', async () => {
    await check(anna, paths.members, 'members');
    await check(admin, '/beheer/gebruikers', 'users');
    await check(admin, '/beheer/activiteit', 'activity');
    await check(anon, '/privacy', 'privacy');
  });

  test('a wide table keeps its row names in sight while it scrolls, and the keyboard scrolls it', async () => {
    for (const path of ['/', paths.ledger]) {
      await anon.goto(srv.url + path);
      const region = anon.locator('main .table-wrap.wide').first();
      assert.equal(await region.count(), 1, `${path} has a wide table`);
      const before = await region.locator('tbody th').first().boundingBox();
      await region.focus();
      await anon.keyboard.press('ArrowRight');
      await anon.keyboard.press('ArrowRight');
      // the browser scrolls smoothly: wait for it to move
      const moved = await anon.waitForFunction((el) => el.scrollLeft > 0, await region.elementHandle(), { timeout: 3000 })
        .then(() => true, () => false);
      assert.ok(moved, `${path}: the arrow keys scroll the table`);
      await anon.waitForTimeout(500); // and to come to rest
      const after = await region.locator('tbody th').first().boundingBox();
      assert.ok(Math.abs(after.x - before.x) < 2, `${path}: the row names stay in place (${before.x} -> ${after.x})`);
      await screenshot(anon, `phone-scrolled-${path === '/' ? 'home' : 'ledger'}`);
    }
  });
});
