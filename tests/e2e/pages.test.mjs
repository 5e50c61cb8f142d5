// The pages over plain HTTP, for what a browser test does not show well:
// the cookies and their attributes, CSRF on every form post, where a login
// may send you, what anonymous visitors get on the write pages, escaping of
// what people typed, bad and oversized form bodies, the language, the
// security headers, and who sees a private party.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { startKiem } from '../lib/kiem.mjs';
import { USERS, ADMIN, ALICE, BOB, call, partyBody } from './helpers.mjs';

// A fourth person whose name is markup, to see it escaped wherever it shows.
const EVE = { email: 'eve@example.nl', name: 'Eve <script>alert(1)</script>', password: 'eve-wachtwoord-8901' };
const PASSWORD = Object.fromEntries([...USERS, EVE].map((u) => [u.email, u.password]));

const FORM_MAX = 256 * 1024; // the server's limit on a form body
const HTML = 'text/html; charset=utf-8';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const uniq = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

let k;
let T; // API tokens by person
before(async () => {
  // the tests of Secure cookies play a proxy of ours that speaks HTTPS
  k = await startKiem({ demo: true, users: [...USERS, EVE], env: { KIEM_TRUSTED_PROXIES: '127.0.0.1' } });
  T = { admin: k.tokens[ADMIN], alice: k.tokens[ALICE], bob: k.tokens[BOB] };
});
after(async () => { await k?.stop(); });

// ---- a small browser: a cookie jar, forms, no redirects followed ----

// One Set-Cookie line: {name, value, attrs} with attribute names lower-cased
// (a flag is true, a pair its value).
function parseSetCookie(line) {
  const [nv, ...rest] = line.split(';').map((s) => s.trim());
  const eq = nv.indexOf('=');
  const attrs = {};
  for (const a of rest) {
    const i = a.indexOf('=');
    attrs[(i < 0 ? a : a.slice(0, i)).toLowerCase()] = i < 0 ? true : a.slice(i + 1);
  }
  return { name: nv.slice(0, eq), value: nv.slice(eq + 1), attrs, line };
}

// The value of the form's hidden _csrf field (the first form that has one).
function csrfOf(html) {
  const m = /<input type="hidden" name="_csrf" value="([^"]*)">/.exec(html);
  assert.ok(m, 'the page has no form with a _csrf field');
  return m[1];
}

class Browser {
  constructor(headers = {}) {
    this.jar = new Map();
    this.headers = headers;
  }

  // path; method; form (an object or a list of pairs, sent as a form with
  // the jar's cookies); body/contentType to send anything else.
  async request(path, { method = 'GET', form, body, contentType, headers = {}, duplex } = {}) {
    const h = { ...this.headers, ...headers };
    if (this.jar.size) h.Cookie = [...this.jar].map(([n, v]) => `${n}=${v}`).join('; ');
    let payload = body;
    if (form !== undefined) {
      payload = new URLSearchParams(form).toString();
      h['Content-Type'] = 'application/x-www-form-urlencoded';
    }
    if (contentType) h['Content-Type'] = contentType;
    const init = { method, headers: h, body: payload, redirect: 'manual' };
    if (duplex) init.duplex = duplex;
    const res = await fetch(k.url + path, init);
    const text = await res.text();
    const cookies = res.headers.getSetCookie().map(parseSetCookie);
    for (const c of cookies) {
      if (c.attrs['max-age'] === '0' || c.value === '') this.jar.delete(c.name);
      else this.jar.set(c.name, c.value);
    }
    const cookie = (name) => cookies.filter((c) => c.name === name).at(-1);
    return { status: res.status, headers: res.headers, text, cookies, cookie, location: res.headers.get('location') };
  }

  get(path, opts = {}) { return this.request(path, opts); }

  // The CSRF token a form on this page carries for this browser.
  async csrf(path = '/inloggen') {
    const r = await this.get(path);
    assert.equal(r.status, 200, `GET ${path}: ${r.status}`);
    return csrfOf(r.text);
  }

  // Posts a form with this browser's own CSRF token (unless fields has one).
  async post(path, fields = {}, opts = {}) {
    const pairs = Array.isArray(fields) ? fields : Object.entries(fields);
    const withToken = pairs.some(([n]) => n === '_csrf') ? pairs : [['_csrf', await this.csrf(opts.from)], ...pairs];
    return this.request(path, { method: 'POST', form: withToken, ...opts });
  }
}

async function login(who, { headers } = {}) {
  const b = new Browser(headers);
  const r = await b.post('/inloggen', { email: who, password: PASSWORD[who], next: '/account' });
  assert.equal(r.status, 303, `login of ${who}: ${r.status} ${r.text}`);
  assert.ok(b.jar.get('kiem_session'), 'no session cookie after login');
  return b;
}

// A form post that announces its body with "Expect: 100-continue" and sends
// it only if the server asks for it (fetch cannot). Answers like request().
function postExpecting(path, body, browser) {
  return new Promise((resolve, reject) => {
    const u = new URL(k.url);
    const headers = {
      'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body), Expect: '100-continue',
      ...browser.headers,
    };
    if (browser.jar.size) headers.Cookie = [...browser.jar].map(([n, v]) => `${n}=${v}`).join('; ');
    const req = http.request({ host: u.hostname, port: u.port, path, method: 'POST', headers });
    req.on('continue', () => req.end(body));
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => {
        req.destroy();
        const h = new Headers(Object.entries(res.headers).flatMap(([n, v]) => (Array.isArray(v) ? v.map((x) => [n, x]) : [[n, v]])));
        const cookies = h.getSetCookie().map(parseSetCookie);
        resolve({ status: res.statusCode, headers: h, text, cookies, cookie: (n) => cookies.find((c) => c.name === n), location: h.get('location') });
      });
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

// ---- what the tests check again and again ----

function assertCookieAttrs(c, { secure = false } = {}) {
  assert.ok(c, 'the cookie is not set');
  assert.equal(c.attrs.httponly, true, `not HttpOnly: ${c.line}`);
  assert.equal(String(c.attrs.samesite).toLowerCase(), 'lax', `not SameSite=Lax: ${c.line}`);
  assert.equal(c.attrs.path, '/', `not Path=/: ${c.line}`);
  assert.equal(c.attrs.secure === true, secure, `Secure should be ${secure}: ${c.line}`);
}

// A page: the status, HTML in UTF-8, in this language.
function assertPage(r, status, lang = 'nl') {
  assert.equal(r.status, status, `expected ${status}, got ${r.status}: ${r.text.slice(0, 400)}`);
  assert.equal(r.headers.get('content-type'), HTML);
  assert.match(r.text, /^<!doctype html>/i);
  assert.match(r.text, new RegExp(`<html lang="${lang}">`));
}

// Where a redirect to the login page says to go back to.
function loginNext(r) {
  assert.equal(r.status, 303, `expected 303, got ${r.status}: ${r.text.slice(0, 300)}`);
  const u = new URL(r.location, k.url);
  assert.equal(u.origin, new URL(k.url).origin);
  assert.equal(u.pathname, '/inloggen');
  return u.searchParams.get('next');
}

// No markup that runs: no script element, no event handler attribute in a
// tag, no javascript: URL in one. Tags are read attribute by attribute, so
// escaped text inside a quoted attribute value (aria-label="&lt;img
// onerror=...") is text, as it is to a browser.
const TAG = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
function assertInert(html, where) {
  assert.doesNotMatch(html, /<\s*(script|img|iframe|object|embed)\b/i, `${where}: a script, img, iframe, object or embed element`);
  for (const [tag, , attrs] of html.matchAll(TAG)) {
    for (const [, name, raw = ''] of attrs.matchAll(ATTR)) {
      assert.ok(!/^on/i.test(name), `${where}: an event handler attribute in ${tag}`);
      const value = raw.replace(/^["']|["']$/g, '').replace(/&#0*58;|&colon;/gi, ':').replace(/[\s\u0000-\u001f]/g, '');
      assert.ok(!/^(javascript|vbscript|data):/i.test(value) || !/^(href|src|action|formaction|xlink:href)$/i.test(name),
        `${where}: a script URL in ${tag}`);
    }
  }
}

async function partyById(id) {
  return call(k.url, `/api/v1/parties/${id}`, { token: T.admin });
}

async function partiesNamed(name) {
  const items = [];
  let href = '/api/v1/parties?limit=100';
  while (href) {
    const r = await call(k.url, href, { token: T.admin });
    assert.equal(r.status, 200);
    items.push(...r.body.items);
    href = r.body._links.next?.href;
  }
  return items.filter((p) => p.name === name);
}

async function createParty(token, over = {}) {
  const r = await call(k.url, '/api/v1/parties', { method: 'POST', token, body: partyBody(over) });
  assert.equal(r.status, 201, r.text);
  return r.body;
}

// The ids of the API tokens on a logged-in person's account page.
async function tokenIds(b) {
  const r = await b.get('/account');
  assert.equal(r.status, 200);
  return [...r.text.matchAll(/action="\/account\/tokens\/([^"/]+)\/intrekken"/g)].map((m) => m[1]);
}

// ---- logging in ----

describe('logging in by form', () => {
  test('GET /inloggen: a form with a hidden _csrf and a kiem_csrf cookie, HttpOnly and SameSite=Lax, kept on the next visit', async () => {
    const b = new Browser();
    const r = await b.get('/inloggen');
    assertPage(r, 200);
    assert.match(r.text, /<form action="\/inloggen" method="post"/);
    assert.match(csrfOf(r.text), /^[0-9a-f]{32}$/);
    assert.match(r.text, /<input id="f-email" name="email" type="email"/);
    assert.match(r.text, /<input id="f-password" name="password" type="password"/);
    const c = r.cookie('kiem_csrf');
    assertCookieAttrs(c);
    assert.match(c.value, /^[A-Za-z0-9_-]{43}$/);
    assert.ok(Number(c.attrs['max-age']) > 0);
    assert.equal(r.cookie('kiem_session'), undefined);

    // the same visitor again: the same token, no new cookie
    const again = await b.get('/inloggen');
    assert.equal(again.cookie('kiem_csrf'), undefined);
    assert.equal(csrfOf(again.text), csrfOf(r.text));
    // another visitor: another token
    assert.notEqual(await new Browser().csrf(), csrfOf(r.text));
  });

  test('the right password: 303 to next with a kiem_session cookie, HttpOnly and SameSite=Lax, that opens /account', async () => {
    const b = new Browser();
    const r = await b.post('/inloggen', { email: ALICE, password: PASSWORD[ALICE], next: '/partijen?kind=government' });
    assert.equal(r.status, 303, r.text);
    assert.equal(r.location, '/partijen?kind=government');
    const s = r.cookie('kiem_session');
    assertCookieAttrs(s);
    assert.match(s.value, /^[A-Za-z0-9_-]{43}$/);
    assert.ok(Number(s.attrs['max-age']) > 0);
    const acc = await b.get('/account');
    assertPage(acc, 200);
    assert.match(acc.text, /Alice de Vries/);
  });

  test('without next: 303 to /account', async () => {
    const b = new Browser();
    const r = await b.post('/inloggen', { email: BOB, password: PASSWORD[BOB] });
    assert.equal(r.status, 303, r.text);
    assert.equal(r.location, '/account');
    assertCookieAttrs(r.cookie('kiem_session'));
  });

  test('a wrong password or an unknown email: 401, the form again with the email kept (escaped) and next kept, no session', async () => {
    const evil = '"><script>alert(1)</script>@example.nl';
    for (const [email, password] of [[ALICE, 'niet-het-wachtwoord'], [evil, 'wat-dan-ook-123'], [ALICE, '']]) {
      const b = new Browser();
      const r = await b.post('/inloggen', { email, password, next: '/partijen' });
      assertPage(r, 401);
      assert.equal(r.cookies.filter((c) => c.name === 'kiem_session' && c.value).length, 0, 'a session cookie after a failed login');
      assert.equal(b.jar.get('kiem_session'), undefined);
      assert.match(r.text, /id="login-error"/);
      assert.match(r.text, /Het e-mailadres of het wachtwoord klopt niet/);
      const esc = email.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
      assert.ok(r.text.includes(`name="email" type="email" value="${esc}"`), `the email is not kept: ${email}`);
      assert.match(r.text, /<input type="hidden" name="next" value="\/partijen">/);
      assert.match(r.text, /name="password" type="password" value=""/, 'the password must not come back');
      assertInert(r.text, 'login form');
      csrfOf(r.text);
    }
  });

  test('logging in again gives a new session id, and the first one no longer works', async () => {
    const b = await login(ALICE);
    const first = b.jar.get('kiem_session');
    const r = await b.post('/inloggen', { email: ALICE, password: PASSWORD[ALICE] }, { from: '/account' });
    assert.equal(r.status, 303, r.text);
    const second = r.cookie('kiem_session').value;
    assert.ok(second);
    assert.notEqual(second, first);

    const old = new Browser();
    old.jar.set('kiem_session', first);
    const o = await old.get('/account');
    assert.equal(loginNext(o), '/account');
    const cleared = o.cookie('kiem_session');
    assert.ok(cleared && cleared.value === '' && cleared.attrs['max-age'] === '0', 'the dead session cookie is not cleared');

    const now = await b.get('/account');
    assertPage(now, 200);
  });

  test('a session cookie made up by someone else is not adopted at login', async () => {
    const b = new Browser();
    b.jar.set('kiem_session', 'A'.repeat(43));
    const r = await b.post('/inloggen', { email: BOB, password: PASSWORD[BOB] });
    assert.equal(r.status, 303, r.text);
    const s = r.cookie('kiem_session');
    assert.ok(s.value);
    assert.notEqual(s.value, 'A'.repeat(43));
    assert.equal((await b.get('/account')).status, 200);
  });

  // next values a login must not follow: each lands on /account.
  const OFFSITE = [
    { next: '//evil.example' },
    { next: 'https://evil.example' },
    { next: 'http://evil.example/account' },
    { next: '/\\evil.example' },
    { next: '/\\/evil.example' },
    { next: 'evil.example' },
    { next: 'javascript:alert(1)' },
    { next: '/account\r\nSet-Cookie: kiem_session=x' },
    { next: '' },
    { next: `/${'a'.repeat(600)}` },
    // A browser strips tabs and newlines from a URL before it reads it, so
    // "/\t/evil.example" is "//evil.example": another host.
    { next: '/\t/evil.example' },
    { next: '/\t\\evil.example' },
  ];
  for (const c of OFFSITE) {
    test(`next ${JSON.stringify(c.next).slice(0, 60)} is not followed: 303 to /account`, async () => {
      const b = new Browser();
      const r = await b.post('/inloggen', { email: BOB, password: PASSWORD[BOB], next: c.next });
      assert.equal(r.status, 303, r.text);
      assert.equal(r.location, '/account');
      assert.equal(r.cookies.filter((x) => x.name === 'kiem_session').length, 1);
    });
  }

  test('next in the login page link is kept in the form, escaped', async () => {
    const next = '/"><script>alert(1)</script>';
    const r = await new Browser().get(`/inloggen?next=${encodeURIComponent(next)}`);
    assertPage(r, 200);
    assertInert(r.text, 'login with next');
    assert.ok(r.text.includes('<input type="hidden" name="next" value="/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">'));
    assert.match(r.text, /Log in om verder te gaan/);
    const off = await new Browser().get(`/inloggen?next=${encodeURIComponent('//evil.example')}`);
    assert.match(off.text, /<input type="hidden" name="next" value="\/account">/);
  });

  test('logging out: 303, the session cookie cleared, and the old session no longer works', async () => {
    const b = await login(BOB);
    const sid = b.jar.get('kiem_session');
    const r = await b.post('/uitloggen', {}, { from: '/account' });
    assert.equal(r.status, 303, r.text);
    assert.equal(r.location, '/inloggen?uitgelogd=1');
    const c = r.cookie('kiem_session');
    assert.ok(c && c.value === '' && c.attrs['max-age'] === '0', 'the session cookie is not cleared');
    assertCookieAttrs(c);
    const old = new Browser();
    old.jar.set('kiem_session', sid);
    assert.equal(loginNext(await old.get('/account')), '/account');
  });

  test('the name of the person and of a token are escaped in the header and on /account', async () => {
    const b = await login(EVE.email);
    const r = await b.get('/account');
    assertPage(r, 200);
    assertInert(r.text, '/account');
    assert.ok(r.text.includes('Eve &lt;script&gt;alert(1)&lt;/script&gt;'));
    const t = await b.post('/account/tokens', { name: '<img src=x onerror=alert(1)>"' }, { from: '/account' });
    assertPage(t, 200);
    assertInert(t.text, 'a fresh token');
    const again = await b.get('/account');
    assertInert(again.text, '/account with a token');
    assert.ok(again.text.includes('<td>&lt;img src=x onerror=alert(1)&gt;&quot;</td>'), 'the token name is not there, escaped');
    assert.ok(again.text.includes('aria-label="Intrekken: &lt;img src=x onerror=alert(1)&gt;&quot;"') ||
      /aria-label="[^"<>]*&lt;img src=x onerror=alert\(1\)&gt;&quot;"/.test(again.text), 'the button label is not escaped');
  });
});

// ---- CSRF ----

describe('CSRF: every form post needs the token of its own visitor', () => {
  let alice; // Alice's browser, logged in
  let bob; // Bob's, logged in
  let anon; // an anonymous visitor with a kiem_csrf cookie
  let party; // Alice's party, the target of changes
  let issue; // an issue of Alice's party (issues core)
  let factor; // a factor of that issue (factors and the role ledger)
  let aliceTokenId; // the id of Alice's API token T.alice
  let aliceId; // Alice's user id
  const newName = `Nooit aangemaakt ${uniq()}`;
  const tokenName = `nooit-${uniq()}`;

  before(async () => {
    alice = await login(ALICE);
    bob = await login(BOB);
    anon = new Browser();
    await anon.csrf();
    party = await createParty(T.alice, { name: `Doelwit ${uniq()}`, kind: 'social_work' });
    const ids = await tokenIds(alice);
    assert.equal(ids.length, 1, 'Alice should have one API token');
    aliceTokenId = ids[0];
    aliceId = (await (await fetch(`${k.url}/api/v1/users/me`, { headers: { Authorization: `Bearer ${T.alice}` } })).json()).id;
    const made = await call(k.url, '/api/v1/issues', { method: 'POST', token: T.alice, body: { title: 'Doelwitvraagstuk', summary: 'Samenvatting', area: 'GM0344', ownerParty: party.id } });
    assert.equal(made.status, 201, made.text);
    issue = made.body;
    // factors and the role ledger: a factor, and the party in a role
    const f = await call(k.url, `/api/v1/issues/${issue.id}/factors`, { method: 'POST', token: T.alice, body: { kind: 'social', effect: 'enabling', description: 'Doelwitfactor' } });
    assert.equal(f.status, 201, f.text);
    factor = f.body;
    const l = await call(k.url, `/api/v1/issues/${issue.id}/role-ledger`, { method: 'POST', token: T.alice, body: { role: 'invest', party: party.id } });
    assert.equal(l.status, 201, l.text);
  });

  const ROUTES = [
    { label: '/inloggen', path: () => '/inloggen', fields: () => ({ email: ALICE, password: PASSWORD[ALICE], next: '/account' }) },
    { label: '/uitloggen', path: () => '/uitloggen', fields: () => ({}) },
    { label: '/partijen/nieuw', path: () => '/partijen/nieuw', fields: () => ({ name: newName, kind: 'government' }) },
    { label: '/partijen/{id}/bewerken', path: () => `/partijen/${party.id}/bewerken`, fields: () => ({ name: 'Veranderd', kind: 'business' }) },
    { label: '/partijen/{id}/verwijderen', path: () => `/partijen/${party.id}/verwijderen`, fields: () => ({}) },
    { label: '/account/tokens', path: () => '/account/tokens', fields: () => ({ name: tokenName }) },
    { label: '/account/tokens/{id}/intrekken', path: () => `/account/tokens/${aliceTokenId}/intrekken`, fields: () => ({}) },
    { label: '/partijen/{id}/leden', path: () => `/partijen/${party.id}/leden`, fields: () => ({ email: BOB, role: 'admin' }) },
    { label: '/partijen/{id}/leden/{user}/rol', path: () => `/partijen/${party.id}/leden/${aliceId}/rol`, fields: () => ({ role: 'member' }) },
    { label: '/partijen/{id}/leden/{user}/verwijderen', path: () => `/partijen/${party.id}/leden/${aliceId}/verwijderen`, fields: () => ({}) },
    { label: '/beheer/gebruikers/{id}/blokkeren', path: () => `/beheer/gebruikers/${aliceId}/blokkeren`, fields: () => ({ blocked: '1' }) },
    { label: '/beheer/gebruikers/{id}/coordinator', path: () => `/beheer/gebruikers/${aliceId}/coordinator`, fields: () => ({ area: 'WK034403' }) },
    { label: '/beheer/gebruikers/{id}/coordinator/{code}/ontslaan', path: () => `/beheer/gebruikers/${aliceId}/coordinator/WK034403/ontslaan`, fields: () => ({}) },
    { label: '/account/sessies/{id}/beeindigen', path: () => '/account/sessies/0123456789abcdef/beeindigen', fields: () => ({}) },
    // issues core
    { label: '/vraagstukken/nieuw', path: () => '/vraagstukken/nieuw', fields: () => ({ title: newName, summary: 'S', area: 'GM0344', ownerParty: party.id }) },
    { label: '/vraagstukken/{id}/bewerken', path: () => `/vraagstukken/${issue.id}/bewerken`, fields: () => ({ title: 'Veranderd', summary: 'S', area: 'GM0344', ownerParty: party.id }) },
    { label: '/vraagstukken/{id}/status', path: () => `/vraagstukken/${issue.id}/status`, fields: () => ({ status: 'on_agenda', reason: 'Zomaar' }) },
    // factors and the role ledger
    { label: '/vraagstukken/{id}/factoren', path: () => `/vraagstukken/${issue.id}/factoren`, fields: () => ({ kind: 'economic', effect: 'hindering', description: newName }) },
    { label: '/vraagstukken/{id}/factoren/{fid}/bewerken', path: () => `/vraagstukken/${issue.id}/factoren/${factor.id}/bewerken`, fields: () => ({ kind: 'political', effect: 'hindering', description: newName }) },
    { label: '/vraagstukken/{id}/factoren/{fid}/verwijderen', path: () => `/vraagstukken/${issue.id}/factoren/${factor.id}/verwijderen`, fields: () => ({}) },
    { label: '/vraagstukken/{id}/rollen', path: () => `/vraagstukken/${issue.id}/rollen`, fields: () => ({ role: 'detect_signals', party: party.id, note: newName }) },
    { label: '/vraagstukken/{id}/rollen/{role}/{party}/teruggeven', path: () => `/vraagstukken/${issue.id}/rollen/invest/${party.id}/teruggeven`, fields: () => ({}) },
  ];

  // Ways to get the token wrong. own: the browser posting; other: another
  // visitor's browser.
  const BAD = [
    { name: 'without _csrf', token: async () => undefined },
    { name: 'with an empty _csrf', token: async () => '' },
    { name: 'with a made-up _csrf', token: async () => '0123456789abcdef0123456789abcdef' },
    { name: 'with another visitor\'s _csrf', token: async (own, other) => other.csrf() },
    { name: 'with its own _csrf in the query string, not the body', token: async () => undefined, query: true },
    { name: 'with its own _csrf sent as text/plain', token: async (own) => own.csrf(), contentType: 'text/plain' },
    { name: 'with its own _csrf twice, the first wrong', token: async (own) => own.csrf(), wrongFirst: true },
  ];

  async function assertNothingChanged(own) {
    const p = await partyById(party.id);
    assert.equal(p.status, 200, 'the party is gone');
    assert.equal(p.body.name, party.name);
    assert.equal(p.body.kind, 'social_work');
    assert.deepEqual(await partiesNamed(newName), [], 'a party was created');
    const is = await call(k.url, `/api/v1/issues/${issue.id}`);
    assert.deepEqual([is.body.title, is.body.status], ['Doelwitvraagstuk', 'formulated'], 'the issue changed');
    const named = await call(k.url, `/api/v1/issues?q=${encodeURIComponent(newName)}`);
    assert.deepEqual(named.body.items, [], 'an issue was created');
    const factors = await call(k.url, `/api/v1/issues/${issue.id}/factors`);
    assert.deepEqual(factors.body.items.map((f) => `${f.kind}/${f.effect}: ${f.description}`), ['social/enabling: Doelwitfactor'], 'the factors changed');
    const ledger = await call(k.url, `/api/v1/issues/${issue.id}/role-ledger`);
    assert.deepEqual(ledger.body.roles.filter((x) => !x.empty).map((x) => x.role), ['invest'], 'the ledger changed');
    const api = await call(k.url, '/api/v1/parties?limit=1', { token: T.alice });
    assert.equal(api.status, 200, 'Alice\'s API token was revoked');
    const acc = await alice.get('/account');
    assert.equal(acc.status, 200, 'Alice was logged out');
    assert.ok(!acc.text.includes(tokenName), 'a token was created');
    if (own === anon) assert.equal(anon.jar.get('kiem_session'), undefined, 'the anonymous visitor got logged in');
  }

  for (const route of ROUTES) {
    for (const who of ['anonymous', 'logged in']) {
      test(`POST ${route.label} ${who}: 403 without its right _csrf, nothing changes`, async () => {
        const own = who === 'anonymous' ? anon : alice;
        const other = who === 'anonymous' ? new Browser() : bob;
        for (const bad of BAD) {
          const token = await bad.token(own, other);
          const pairs = Object.entries(route.fields());
          if (bad.wrongFirst) pairs.unshift(['_csrf', 'f'.repeat(32)]);
          if (token !== undefined) pairs.push(['_csrf', token]);
          let path = route.path();
          if (bad.query) path += `?_csrf=${await own.csrf()}`;
          const before = own.jar.get('kiem_session');
          let r;
          if (bad.contentType) {
            r = await own.request(path, { method: 'POST', body: new URLSearchParams(pairs).toString(), contentType: bad.contentType });
            assert.ok([403, 415].includes(r.status), `${bad.name}: ${r.status}`);
            assert.equal(r.headers.get('content-type'), HTML);
          } else {
            r = await own.request(path, { method: 'POST', form: pairs });
            assertPage(r, 403);
            assert.match(r.text, /<h1>Dat mag niet<\/h1>/, bad.name);
          }
          assert.equal(r.location, null, `${bad.name}: redirected to ${r.location}`);
          assert.equal(r.cookies.filter((c) => c.name === 'kiem_session').length, 0, `${bad.name}: a session cookie was set or cleared`);
          assert.equal(own.jar.get('kiem_session'), before);
          await assertNothingChanged(own);
        }
      });
    }
  }

  test('with the right _csrf every one of these posts does its work (so the 403s above are the token\'s)', async () => {
    const b = await login(ALICE);
    // create
    const name = `Met token ${uniq()}`;
    let r = await b.post('/partijen/nieuw', { name, kind: 'government' });
    assert.equal(r.status, 303, r.text);
    const id = UUID.exec(r.location)[0];
    assert.equal((await partiesNamed(name)).length, 1);
    // change
    r = await b.post(`/partijen/${id}/bewerken`, { name: `${name} 2`, kind: 'business' });
    assert.equal(r.status, 303, r.text);
    assert.equal((await partyById(id)).body.name, `${name} 2`);
    // delete
    r = await b.post(`/partijen/${id}/verwijderen`, {});
    assert.equal(r.status, 303, r.text);
    assert.equal(r.location, '/partijen?verwijderd=1');
    assert.equal((await partyById(id)).status, 404);
    // a token, then revoke it
    const before = await tokenIds(b);
    r = await b.post('/account/tokens', { name: 'positief' }, { from: '/account' });
    assertPage(r, 200);
    const secret = /<code class="token" id="new-token">([^<]+)<\/code>/.exec(r.text)[1];
    assert.equal((await call(k.url, '/api/v1/parties?limit=1', { token: secret })).status, 200);
    const fresh = (await tokenIds(b)).filter((t) => !before.includes(t));
    assert.equal(fresh.length, 1);
    r = await b.post(`/account/tokens/${fresh[0]}/intrekken`, {}, { from: '/account' });
    assert.equal(r.status, 303, r.text);
    assert.equal(r.location, '/account?ingetrokken=1');
    assert.equal((await call(k.url, '/api/v1/parties?limit=1', { token: secret })).status, 401);
    // log out, and in again
    r = await b.post('/uitloggen', {}, { from: '/account' });
    assert.equal(r.status, 303, r.text);
    r = await b.post('/inloggen', { email: ALICE, password: PASSWORD[ALICE] });
    assert.equal(r.status, 303, r.text);
  });

  test('the token of the anonymous visit no longer works once logged in', async () => {
    const b = new Browser();
    const anonToken = await b.csrf();
    const r = await b.post('/inloggen', { email: BOB, password: PASSWORD[BOB] });
    assert.equal(r.status, 303);
    const sessionToken = await b.csrf('/account');
    assert.notEqual(sessionToken, anonToken);
    const t = await b.request('/account/tokens', { method: 'POST', form: { _csrf: anonToken, name: tokenName } });
    assertPage(t, 403);
    await assertNothingChanged(b);
  });

  test('Bob may not change or delete Alice\'s party, even with his right token: 403, nothing changes', async () => {
    for (const [path, fields] of [[`/partijen/${party.id}/bewerken`, { name: 'Van Bob', kind: 'business' }],
      [`/partijen/${party.id}/verwijderen`, {}]]) {
      assertPage(await bob.get(path), 403);
      assertPage(await bob.post(path, fields, { from: '/' }), 403);
    }
    const own = await tokenIds(alice);
    const r = await bob.post(`/account/tokens/${aliceTokenId}/intrekken`, {}, { from: '/account' });
    assertPage(r, 404);
    assert.deepEqual(await tokenIds(alice), own);
    await assertNothingChanged(bob);
  });
});

// ---- writes without a login ----

describe('the write pages send anonymous visitors to log in', () => {
  let party;
  let aliceTokenId;
  const newName = `Anoniem ${uniq()}`;
  before(async () => {
    party = await createParty(T.alice, { name: `Anoniem doel ${uniq()}`, kind: 'business' });
    aliceTokenId = (await tokenIds(await login(ALICE)))[0];
  });

  const CASES = [
    { method: 'GET', path: () => '/partijen/nieuw' },
    { method: 'POST', path: () => '/partijen/nieuw', fields: () => ({ name: newName, kind: 'government' }) },
    { method: 'GET', path: () => `/partijen/${party.id}/bewerken` },
    { method: 'POST', path: () => `/partijen/${party.id}/bewerken`, fields: () => ({ name: 'Anoniem veranderd', kind: 'government' }) },
    { method: 'GET', path: () => `/partijen/${party.id}/verwijderen` },
    { method: 'POST', path: () => `/partijen/${party.id}/verwijderen`, fields: () => ({}) },
    { method: 'GET', path: () => '/account' },
    { method: 'POST', path: () => '/account/tokens', fields: () => ({ name: 'anoniem' }) },
    { method: 'POST', path: () => `/account/tokens/${aliceTokenId}/intrekken`, fields: () => ({}) },
    // an id that is not there: still the login first, not a 404 that tells
    { method: 'GET', path: () => '/partijen/01900000-0000-7000-8000-000000000000/bewerken' },
  ];

  test('303 to /inloggen?next=<the page>, with a valid _csrf on the posts, and nothing changes', async () => {
    for (const c of CASES) {
      const b = new Browser();
      const path = c.path();
      const r = c.method === 'GET' ? await b.get(path) : await b.post(path, c.fields());
      assert.equal(loginNext(r), path, `${c.method} ${path}`);
      assert.equal(r.cookies.filter((x) => x.name === 'kiem_session').length, 0);
    }
    const p = await partyById(party.id);
    assert.equal(p.status, 200);
    assert.equal(p.body.name, party.name);
    assert.deepEqual(await partiesNamed(newName), []);
    assert.equal((await call(k.url, '/api/v1/parties?limit=1', { token: T.alice })).status, 200);
  });

  test('the login page it sends you to asks to log in, and logging in there leads back to the page', async () => {
    const b = new Browser();
    const r = await b.get('/partijen/nieuw');
    const page = await b.get(r.location);
    assertPage(page, 200);
    assert.match(page.text, /Log in om verder te gaan/);
    assert.match(page.text, /<input type="hidden" name="next" value="\/partijen\/nieuw">/);
    const done = await b.request('/inloggen', {
      method: 'POST',
      form: { _csrf: csrfOf(page.text), next: '/partijen/nieuw', email: ALICE, password: PASSWORD[ALICE] },
    });
    assert.equal(done.status, 303);
    assert.equal(done.location, '/partijen/nieuw');
    assertPage(await b.get('/partijen/nieuw'), 200);
  });
});

// ---- Secure ----

describe('cookies are Secure behind a proxy that speaks HTTPS', () => {
  const CASES = [
    { proto: undefined, secure: false },
    { proto: 'http', secure: false },
    { proto: 'https', secure: true },
    { proto: 'HTTPS', secure: true },
  ];
  for (const c of CASES) {
    test(`X-Forwarded-Proto: ${c.proto ?? '(none)'} → ${c.secure ? '' : 'no '}Secure on kiem_csrf, kiem_session, kiem_lang`, async () => {
      const headers = c.proto ? { 'X-Forwarded-Proto': c.proto } : {};
      const b = new Browser(headers);
      const g = await b.get('/inloggen');
      assertCookieAttrs(g.cookie('kiem_csrf'), { secure: c.secure });
      const r = await b.post('/inloggen', { email: ALICE, password: PASSWORD[ALICE] });
      assert.equal(r.status, 303);
      assertCookieAttrs(r.cookie('kiem_session'), { secure: c.secure });
      const l = await b.get('/partijen?lang=en');
      assertCookieAttrs(l.cookie('kiem_lang'), { secure: c.secure });
      const o = await b.post('/uitloggen', {}, { from: '/account' });
      assertCookieAttrs(o.cookie('kiem_session'), { secure: c.secure });
    });
  }
});

// ---- adding a party ----

describe('adding a party by form', () => {
  let alice;
  before(async () => { alice = await login(ALICE); });

  test('GET /partijen/nieuw: the empty form with a _csrf', async () => {
    const r = await alice.get('/partijen/nieuw');
    assertPage(r, 200);
    assert.match(r.text, /<form action="\/partijen\/nieuw" method="post"/);
    csrfOf(r.text);
    for (const f of ['name', 'kind', 'description', 'email', 'website']) assert.match(r.text, new RegExp(`name="${f}"`));
    assert.doesNotMatch(r.text, /class="error"/);
  });

  test('no name, no kind and a bad email: 400, each message beside its field, what was typed kept, nothing saved', async () => {
    const tag = uniq();
    const r = await alice.post('/partijen/nieuw', {
      name: '', email: 'geen-email', description: `Wij **helpen** ${tag} <b>"vet"</b>`, tags: `taal, ${tag}`,
      phone: '030 123 4567', capacityHours: '12',
    });
    assertPage(r, 400);
    assert.match(r.text, /class="error-summary"/);
    // each message sits in its field, between the label and the control
    const FIELDS = [
      { name: 'name', msg: 'Vul dit in.', control: '<input id="f-name"' },
      { name: 'kind', msg: 'Kies een van de mogelijkheden.', control: '<div class="choices' },
      { name: 'email', msg: 'Vul een e-mailadres in', control: '<input id="f-email"' },
    ];
    for (const f of FIELDS) {
      const at = r.text.indexOf(`id="${f.name}-error"`);
      assert.ok(at > 0, `no ${f.name}-error`);
      const start = r.text.lastIndexOf('<div class="field', at);
      assert.ok(r.text.slice(start, at).includes('has-error'), `${f.name}: the field is not marked`);
      const end = r.text.indexOf(f.control, at);
      assert.ok(end > at, `${f.name}: the message is not before its control`);
      assert.ok(r.text.slice(at, end).includes(f.msg), `${f.name}: the message is not "${f.msg}"`);
      assert.ok(!r.text.slice(at, end).includes('class="field'), `${f.name}: the message is in another field`);
      assert.match(r.text, new RegExp(`aria-describedby="[^"]*${f.name}-error"`));
    }
    assert.match(r.text, /<input id="f-name" name="name" type="text" value="" aria-describedby="name-hint name-error" aria-invalid="true"/);
    assert.match(r.text, /<input id="f-email" name="email" type="email" value="geen-email" aria-describedby="email-error" aria-invalid="true"/);
    assert.ok(r.text.includes(`>Wij **helpen** ${tag} &lt;b&gt;&quot;vet&quot;&lt;/b&gt;</textarea>`), 'the description is not kept, escaped');
    assert.ok(r.text.includes(`name="tags" type="text" value="taal, ${tag}"`), 'the tags are not kept');
    assert.match(r.text, /name="phone" type="tel" value="030 123 4567"/);
    assert.match(r.text, /name="capacityHours" type="text" value="12"/);
    assert.doesNotMatch(r.text, /id="(description|phone|tags|capacityHours)-error"/);
    // a second try keeps working: a fresh token is on the form
    assert.equal(csrfOf(r.text), await alice.csrf('/'));
  });

  test('typed markup is kept escaped in a form with errors', async () => {
    const r = await alice.post('/partijen/nieuw', {
      name: '"><script>alert(1)</script>', email: 'x@y"onmouseover="alert(1)', website: 'javascript:alert(1)',
    });
    assertPage(r, 400);
    assertInert(r.text, 'form with errors');
    assert.ok(r.text.includes('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"'));
    assert.ok(r.text.includes('value="x@y&quot;onmouseover=&quot;alert(1)"'));
    assert.match(r.text, /id="kind-error"/);
    assert.match(r.text, /id="website-error"/);
  });

  test('markup in the name and description comes back escaped or removed on the party, the list and the edit form; Markdown renders', async () => {
    const tag = `Xss${uniq()}`;
    const name = `<script>alert(1)</script> ${tag}`;
    const description = [
      '<script>alert("d")</script>',
      '<img src=x onerror=alert(1)>',
      '[x](javascript:alert(1)) [y](JAVASCRIPT:alert(2)) [z](  javascript:alert(3))',
      '<a href="javascript:alert(4)">a</a>',
      `Dit is **vet** en *schuin* ${tag}.`,
    ].join('\n\n');
    const r = await alice.post('/partijen/nieuw', { name, kind: 'citizen_initiative', description, tags: `<i>x</i>, ${tag}` });
    assert.equal(r.status, 303, r.text);
    assert.match(r.location, new RegExp(`^/partijen/${UUID.source}\\?opgeslagen=1$`));
    const id = UUID.exec(r.location)[0];
    const p = await partyById(id);
    assert.equal(p.body.name, name, 'the name is stored as typed');

    const escName = '&lt;script&gt;alert(1)&lt;/script&gt; ' + tag;
    const views = [
      ['the party, logged in', await alice.get(`/partijen/${id}`)],
      ['the party, anonymous', await new Browser().get(`/partijen/${id}`)],
      ['the list, anonymous', await new Browser().get(`/partijen?q=${tag}`)],
      ['the list, logged in', await alice.get(`/partijen?q=${tag}`)],
      ['the edit form', await alice.get(`/partijen/${id}/bewerken`)],
      ['the delete page', await alice.get(`/partijen/${id}/verwijderen`)],
    ];
    for (const [where, v] of views) {
      assertPage(v, 200);
      assertInert(v.text, where);
      assert.ok(v.text.includes(escName), `${where}: the name is not there, escaped`);
    }
    const page = views[0][1].text;
    assert.ok(page.includes(`<title>${escName} – kiem</title>`));
    assert.ok(page.includes(`<h1 lang="nl">${escName}</h1>`));
    assert.match(page, /<strong>vet<\/strong>/);
    assert.match(page, /<em>schuin<\/em>/);
    assert.ok(page.includes('&lt;i&gt;x&lt;/i&gt;'), 'the tag is not escaped');
    const list = views[2][1].text;
    assert.ok(list.includes(`<a href="/partijen/${id}">${escName}</a>`), 'the card is not in the list');
    const edit = views[4][1].text;
    assert.ok(edit.includes('&lt;script&gt;alert(&quot;d&quot;)&lt;/script&gt;'), 'the edit form does not keep the description, escaped');
  });

  test('a private party by form: its maker sees it; anonymous visitors and another person get 404', async () => {
    const name = `Geheim ${uniq()}`;
    const r = await alice.post('/partijen/nieuw', { name, kind: 'business', visibility: 'private' });
    assert.equal(r.status, 303, r.text);
    const id = UUID.exec(r.location)[0];
    const mine = await alice.get(`/partijen/${id}`);
    assertPage(mine, 200);
    assert.ok(mine.text.includes(`<h1 lang="nl">${name}</h1>`));
    assert.match(mine.text, /Alleen voor mij en beheerders/);
    const bob = await login(BOB);
    for (const [who, b] of [['anonymous', new Browser()], ['anonymous, again', new Browser()], ['Bob', bob]]) {
      const v = await b.get(`/partijen/${id}`);
      assertPage(v, 404);
      assert.ok(!v.text.includes(name), `${who} sees the name`);
      const l = await b.get(`/partijen?q=${encodeURIComponent(name.split(' ')[1])}`);
      assertPage(l, 200);
      assert.ok(!l.text.includes(name), `${who} sees it in the list`);
    }
    assertPage(await bob.get(`/partijen/${id}/bewerken`), 404);
    assertPage(await bob.post(`/partijen/${id}/verwijderen`, {}, { from: '/' }), 404);
    assert.equal((await partyById(id)).status, 200);
    const l = await alice.get(`/partijen?q=${encodeURIComponent(name.split(' ')[1])}`);
    assert.ok(l.text.includes(name), 'its maker does not see it in the list');
  });
});

// ---- bad input ----

describe('bad input on pages', () => {
  let alice;
  before(async () => { alice = await login(ALICE); });

  test('a form body that is not valid UTF-8: 400 page, nothing saved',
    async () => {
      const token = await alice.csrf('/');
      const name = `Geen utf8 ${uniq()}`;
      const bodies = [
        `_csrf=${token}&kind=government&name=${encodeURIComponent(name)}&description=%FF%FE`,
        Buffer.concat([Buffer.from(`_csrf=${token}&kind=government&name=${encodeURIComponent(name)}&description=`), Buffer.from([0xc3, 0x28])]),
        `_csrf=${token}&kind=government&name=${encodeURIComponent(name)}&%ED%A0%80=x`,
      ];
      for (const body of bodies) {
        const r = await alice.request('/partijen/nieuw', { method: 'POST', body, contentType: 'application/x-www-form-urlencoded' });
        assert.deepEqual(await partiesNamed(name), []);
        assertPage(r, 400);
        assert.match(r.text, /<h1>Dat klopt niet<\/h1>/);
      }
    });

  test('a form body over 256 KiB: 413 page, HTML in Dutch; one of exactly 256 KiB is read', async () => {
    const token = await alice.csrf('/');
    const name = `Te groot ${uniq()}`;
    const head = `_csrf=${token}&kind=government&name=${encodeURIComponent(name)}&description=`;
    const sized = (n) => head + 'a'.repeat(n - head.length);

    const over = await alice.request('/partijen/nieuw', { method: 'POST', body: sized(FORM_MAX + 1), contentType: 'application/x-www-form-urlencoded' });
    assertPage(over, 413);
    assert.match(over.text, /<h1>Te veel tekst<\/h1>/);

    // without a Content-Length, in chunks
    const big = Buffer.from(sized(FORM_MAX + 64 * 1024));
    const stream = new ReadableStream({
      start(ctl) { for (let i = 0; i < big.length; i += 16384) ctl.enqueue(big.subarray(i, i + 16384)); ctl.close(); },
    });
    const chunked = await alice.request('/partijen/nieuw', { method: 'POST', body: stream, duplex: 'half', contentType: 'application/x-www-form-urlencoded' });
    assertPage(chunked, 413);

    // and far over: answered, not hung
    const huge = await alice.request('/partijen/nieuw', { method: 'POST', body: sized(4 * FORM_MAX), contentType: 'application/x-www-form-urlencoded' });
    assertPage(huge, 413);

    // exactly at the limit the form is read: the description is too long
    const at = await alice.request('/partijen/nieuw', { method: 'POST', body: sized(FORM_MAX), contentType: 'application/x-www-form-urlencoded' });
    assertPage(at, 400);
    assert.match(at.text, /id="description-error"/);
    assert.deepEqual(await partiesNamed(name), []);
  });

  test('the 413 page is in the visitor\'s language',
    async () => {
      const b = new Browser({ 'Accept-Language': 'en' });
      await b.get('/?lang=en');
      const r = await b.request('/inloggen?lang=en', { method: 'POST', body: 'x='.padEnd(FORM_MAX + 10, 'a'), contentType: 'application/x-www-form-urlencoded' });
      assertPage(r, 413, 'en');
      assert.match(r.text, /<h1>Too much text<\/h1>/);
    });

  test('an unknown and a malformed party id: 404 page', async () => {
    const PATHS = [
      '/partijen/01900000-0000-7000-8000-000000000000',
      '/partijen/bestaat-niet',
      '/partijen/%3Cscript%3E',
      `/partijen/${'9'.repeat(3000)}`,
      '/partijen/01900000-0000-7000-8000-00000000000G',
      '/partijen/',
      '/bestaat-niet',
    ];
    for (const path of PATHS) {
      for (const b of [new Browser(), alice]) {
        const r = await b.get(path);
        assertPage(r, 404);
        assert.match(r.text, /<h1>Pagina niet gevonden<\/h1>/, path);
        assertInert(r.text, path);
      }
    }
    for (const path of ['/partijen/01900000-0000-7000-8000-000000000000/bewerken', '/partijen/xyz/verwijderen']) {
      assertPage(await alice.get(path), 404);
      assertPage(await alice.post(path, { name: 'x', kind: 'business' }, { from: '/' }), 404);
    }
  });

  test('?lang=en: an English page and a kiem_lang cookie, which sticks; ?lang=nl switches back', async () => {
    const b = new Browser();
    const r = await b.get('/partijen?lang=en');
    assertPage(r, 200, 'en');
    assert.match(r.text, /<h1>Parties<\/h1>/);
    const c = r.cookie('kiem_lang');
    assertCookieAttrs(c);
    assert.equal(c.value, 'en');
    assert.ok(Number(c.attrs['max-age']) >= 30 * 86400);
    for (const path of ['/', '/partijen', '/inloggen', '/bestaat-niet']) {
      const s = await b.get(path);
      assert.equal(s.headers.get('content-type'), HTML);
      assert.match(s.text, /<html lang="en">/, path);
    }
    assert.match((await b.get('/bestaat-niet')).text, /<h1>Page not found<\/h1>/);
    const nl = await b.get('/?lang=nl');
    assertPage(nl, 200, 'nl');
    assert.equal(nl.cookie('kiem_lang').value, 'nl');
    assertPage(await b.get('/partijen'), 200, 'nl');
    // an unknown language changes nothing
    const xx = await b.get('/partijen?lang=xx');
    assertPage(xx, 200, 'nl');
    assert.equal(xx.cookie('kiem_lang'), undefined);
  });

  const LANGS = [
    { al: 'en-GB,en;q=0.9', want: 'en' },
    { al: 'en', want: 'en' },
    { al: 'EN-us', want: 'en' },
    { al: 'nl-NL,nl;q=0.9,en;q=0.8', want: 'nl' },
    { al: 'fr-FR, en;q=0.5', want: 'en' },
    { al: 'en;q=0.3, nl;q=0.7', want: 'nl' },
    { al: 'de-DE, fr', want: 'nl' },
    { al: 'english', want: 'nl' },
    { al: ';q=0.5, , ;,', want: 'nl' },
    { al: 'en;q=0', want: 'nl' },
    { al: 'en-GB,en;q=0.9', cookie: 'nl', want: 'nl' },
    { al: 'nl', query: 'en', want: 'en' },
  ];
  for (const c of LANGS) {
    test(`Accept-Language ${JSON.stringify(c.al)}${c.cookie ? `, kiem_lang=${c.cookie}` : ''}${c.query ? `, ?lang=${c.query}` : ''} → ${c.want}`, async () => {
      const b = new Browser({ 'Accept-Language': c.al });
      if (c.cookie) b.jar.set('kiem_lang', c.cookie);
      for (const path of ['/inloggen', '/partijen']) {
        const r = await b.get(c.query ? `${path}?lang=${c.query}` : path);
        assertPage(r, 200, c.want);
        assert.match(r.text, c.want === 'en' ? /<h1>(Log in|Parties)<\/h1>/ : /<h1>(Inloggen|Partijen)<\/h1>/);
      }
    });
  }
});

// ---- headers ----

describe('headers on every page answer', () => {
  let alice;
  let partyId;
  before(async () => {
    alice = await login(ALICE);
    partyId = (await createParty(T.alice, { name: `Kopjes ${uniq()}` })).id;
  });

  const big = () => 'x='.padEnd(FORM_MAX + 1, 'a');
  const CASES = [
    { name: 'GET / anonymous', req: () => new Browser().get('/'), status: 200 },
    { name: 'GET / anonymous, again (from the cache)', req: () => new Browser().get('/'), status: 200 },
    { name: 'HEAD /partijen', req: () => new Browser().get('/partijen', { method: 'HEAD' }), status: 200, head: true },
    { name: 'GET /partijen logged in', req: () => alice.get('/partijen'), status: 200, private: true },
    { name: 'GET /partijen/{id}', req: () => new Browser().get(`/partijen/${partyId}`), status: 200 },
    { name: 'GET /partijen/{id} logged in', req: () => alice.get(`/partijen/${partyId}`), status: 200, private: true },
    { name: 'GET /partijen/nieuw logged in', req: () => alice.get('/partijen/nieuw'), status: 200, private: true },
    { name: 'GET /inloggen', req: () => new Browser().get('/inloggen'), status: 200, private: true },
    { name: 'GET /account logged in', req: () => alice.get('/account'), status: 200, private: true },
    { name: 'POST /inloggen wrong password', req: () => new Browser().post('/inloggen', { email: ALICE, password: 'nee' }), status: 401, private: true },
    { name: 'POST /partijen/nieuw with errors', req: () => alice.post('/partijen/nieuw', { name: '' }, { from: '/' }), status: 400, private: true },
    { name: 'POST without _csrf', req: () => alice.request('/uitloggen', { method: 'POST', form: {} }), status: 403, private: true },
    { name: 'POST as text/plain', req: () => alice.request('/partijen/nieuw', { method: 'POST', body: 'a=b', contentType: 'text/plain' }), status: 415 },
    { name: 'GET unknown page', req: () => new Browser().get('/bestaat-niet'), status: 404 },
    { name: 'DELETE /partijen', req: () => new Browser().get('/partijen', { method: 'DELETE' }), status: 405, allow: true },
    { name: 'PUT /inloggen', req: () => new Browser().get('/inloggen', { method: 'PUT', body: 'a=b', contentType: 'application/x-www-form-urlencoded' }), status: 405, allow: true },
    { name: 'POST over 256 KiB', req: () => alice.request('/partijen/nieuw', { method: 'POST', body: big(), contentType: 'application/x-www-form-urlencoded' }), status: 413 },
    { name: 'POST over 256 KiB announced with Expect: 100-continue', req: () => postExpecting('/partijen/nieuw', big(), alice), status: 413 },
    { name: 'GET /partijen/nieuw anonymous (303)', req: () => new Browser().get('/partijen/nieuw'), status: 303, redirect: true },
    { name: 'POST /inloggen right password (303)', req: () => new Browser().post('/inloggen', { email: BOB, password: PASSWORD[BOB] }), status: 303, redirect: true, private: true },
  ];
  for (const c of CASES) {
    test(`${c.name}: ${c.status} with CSP, nosniff, Referrer-Policy${c.redirect ? '' : ' and text/html; charset=utf-8'}`, async () => {
      const r = await c.req();
      assert.equal(r.status, c.status, r.text.slice(0, 300));
      const csp = r.headers.get('content-security-policy');
      assert.ok(csp, 'no Content-Security-Policy');
      assert.match(csp, /(^|;)\s*frame-ancestors 'none'\s*(;|$)/);
      assert.match(csp, /(^|;)\s*default-src 'none'\s*(;|$)/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
      assert.match(r.headers.get('referrer-policy') ?? '', /^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
      if (c.redirect) {
        assert.ok(r.location, 'no Location');
      } else {
        assert.equal(r.headers.get('content-type'), HTML);
        if (!c.head) assert.match(r.text, /^<!doctype html>/i);
      }
      if (c.allow) assert.ok(r.headers.get('allow'), 'no Allow on a 405');
      if (c.private) assert.equal(r.headers.get('cache-control'), 'no-store');
      assert.match(r.headers.get('vary') ?? '', /Cookie/);
    });
  }

  test('/style.css is text/css, with nosniff', async () => {
    const r = await new Browser().get('/style.css');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /^text\/css(;|$)/);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    assert.ok(r.text.length > 100);
    assert.doesNotMatch(r.text, /<html/i);
  });
});
