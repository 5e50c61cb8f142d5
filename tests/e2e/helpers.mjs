// What the end-to-end tests share: one way to make a request and read the
// answer, the checks every problem+json answer must pass, and paging.
// Not a test file itself (node --test runs only *.test.mjs here).
import assert from 'node:assert/strict';

export const API_VERSION = '1.0.0';

// The people every API test server gets (passwords are long enough).
export const ADMIN = 'admin@example.nl';
export const ALICE = 'alice@example.nl';
export const BOB = 'bob@example.nl';
export const USERS = [
  { email: ADMIN, name: 'Ada Admin', password: 'beheerder-wachtwoord-1', admin: true },
  { email: ALICE, name: 'Alice de Vries', password: 'alice-wachtwoord-123' },
  { email: BOB, name: 'Bob Jansen', password: 'bob-wachtwoord-4567' },
];

// Makes a request as a client would. body: an object (sent as JSON), a
// string or a Buffer (sent as is). Returns {status, headers, text, body},
// body being the parsed JSON when the answer is JSON.
export async function call(base, path, { method = 'GET', token, body, headers = {}, contentType } = {}) {
  const h = { ...headers };
  if (token) h.Authorization = `Bearer ${token}`;
  let payload;
  if (body !== undefined) {
    payload = Buffer.isBuffer(body) || typeof body === 'string' ? body : JSON.stringify(body);
    h['Content-Type'] = contentType ?? 'application/json';
  } else if (contentType) {
    h['Content-Type'] = contentType;
  }
  const res = await fetch(base + path, { method, headers: h, body: payload, redirect: 'manual' });
  const text = await res.text();
  const ct = res.headers.get('content-type') || '';
  let parsed;
  if (/json/.test(ct) && text.length) parsed = JSON.parse(text);
  return { status: res.status, headers: res.headers, text, body: parsed };
}

// Every API error: problem+json with type, title, status and detail, and the
// API-Version header.
export function assertProblem(res, status) {
  assert.equal(res.status, status, `expected ${status}, got ${res.status}: ${res.text}`);
  assert.equal(res.headers.get('content-type'), 'application/problem+json');
  assert.equal(res.headers.get('api-version'), API_VERSION);
  const b = res.body;
  assert.equal(typeof b, 'object');
  assert.equal(typeof b.type, 'string');
  assert.ok(b.type.length > 0, 'type is empty');
  assert.equal(typeof b.title, 'string');
  assert.ok(b.title.length > 0, 'title is empty');
  assert.equal(b.status, status);
  assert.equal(typeof b.detail, 'string');
  assert.ok(b.detail.length > 0, 'detail is empty');
  return b;
}

// A 400 whose invalidParams names at least these fields (each with a reason).
// Returns the names listed.
export function assertInvalid(res, names) {
  const b = assertProblem(res, 400);
  assert.ok(Array.isArray(b.invalidParams), `no invalidParams in ${res.text}`);
  for (const p of b.invalidParams) {
    assert.equal(typeof p.name, 'string');
    assert.equal(typeof p.reason, 'string');
    assert.ok(p.reason.length > 0, `empty reason for ${p.name}`);
  }
  const listed = b.invalidParams.map((p) => p.name);
  for (const n of names) assert.ok(listed.includes(n), `invalidParams lacks "${n}": ${JSON.stringify(listed)}`);
  return listed;
}

// A 200 JSON answer from the API.
export function assertOk(res, status = 200) {
  assert.equal(res.status, status, `expected ${status}, got ${res.status}: ${res.text}`);
  assert.equal(res.headers.get('content-type'), 'application/json');
  assert.equal(res.headers.get('api-version'), API_VERSION);
  return res.body;
}

// Follows _links.next from path to the end; returns {items, pages, hrefs}.
// Stops with an error after max pages, so a cursor that loops fails a test
// instead of hanging it.
export async function listAll(base, path, { token, max = 200 } = {}) {
  const items = [];
  const hrefs = [];
  let href = path;
  let pages = 0;
  while (href) {
    assert.ok(pages < max, `more than ${max} pages from ${path}`);
    const res = await call(base, href, { token });
    const b = assertOk(res);
    assert.ok(Array.isArray(b.items));
    assert.equal(typeof b._links.self.href, 'string');
    items.push(...b.items);
    pages++;
    hrefs.push(href);
    href = b._links.next ? b._links.next.href : null;
    if (href) assert.ok(b.items.length > 0, 'a page with a next link is empty');
  }
  return { items, pages, hrefs };
}

// A valid party to create, with overrides.
export function partyBody(over = {}) {
  return { name: 'Testpartij', kind: 'citizen_initiative', ...over };
}

// A small browser for the pages, without JavaScript: it keeps cookies, and
// posts forms with the CSRF token a page of kiem gives it, as a person's
// browser would. request() answers {status, text, location, headers}.
export class Browser {
  constructor(base) { this.base = base; this.jar = new Map(); }

  async request(path, { method = 'GET', form } = {}) {
    const h = {};
    if (this.jar.size) h.Cookie = [...this.jar].map(([nm, v]) => `${nm}=${v}`).join('; ');
    let body;
    if (form !== undefined) {
      body = new URLSearchParams(form).toString();
      h['Content-Type'] = 'application/x-www-form-urlencoded';
    }
    const res = await fetch(this.base + path, { method, headers: h, body, redirect: 'manual' });
    const text = await res.text();
    for (const line of res.headers.getSetCookie()) {
      const [nv, ...attrs] = line.split(';').map((s) => s.trim());
      const eq = nv.indexOf('=');
      const name = nv.slice(0, eq), value = nv.slice(eq + 1);
      if (value === '' || attrs.some((a) => a.toLowerCase() === 'max-age=0')) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return { status: res.status, text, location: res.headers.get('location'), headers: res.headers };
  }

  // Posts a form with this browser's own CSRF token, read from the page
  // `from` (by default /account when logged in, else /inloggen). A field
  // whose value is an array is sent once for each value.
  async post(path, fields = {}, from = this.jar.has('kiem_session') ? '/account' : '/inloggen') {
    const page = await this.request(from);
    assert.equal(page.status, 200, `GET ${from}: ${page.status}`);
    const m = /<input type="hidden" name="_csrf" value="([^"]*)">/.exec(page.text);
    assert.ok(m, `no _csrf on ${from}`);
    const pairs = Object.entries(fields).flatMap(([f, v]) => (Array.isArray(v) ? v.map((x) => [f, x]) : [[f, v]]));
    return this.request(path, { method: 'POST', form: [['_csrf', m[1]], ...pairs] });
  }

  login(email, password, next = '/account') { return this.post('/inloggen', { email, password, next }, '/inloggen'); }
}
