// /api/v1/users/me, /api/v1/tokens and /api/v1/sessions: the caller's own
// account, memberships, API tokens (shown once, stored only as a hash,
// revoked for good) and login sessions (listed and ended from the API).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startKiem, kiem, databaseFiles } from '../lib/kiem.mjs';
import { USERS, ADMIN, ALICE, BOB, call, assertOk, assertProblem, assertInvalid, partyBody } from './helpers.mjs';

const COORDINATOR = { email: 'Cora@Wijk.Example', name: 'Cora Wijk', password: 'coordinator-wachtwoord-9', coordinator: 'WK034403' };
const PASSWORD = Object.fromEntries([...USERS, COORDINATOR].map((u) => [u.email, u.password]));
const UUID7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const SECRET = /^kiem_[A-Za-z0-9_-]{43}$/;

let k;
let T; // the tokens kiem token create made, by person
before(async () => {
  k = await startKiem({ users: [...USERS, COORDINATOR] });
  T = { admin: k.tokens[ADMIN], alice: k.tokens[ALICE], bob: k.tokens[BOB], cora: k.tokens[COORDINATOR.email] };
});
after(async () => { await k?.stop(); });

// Logs in on the page as a browser would; returns the session cookie.
async function login(email) {
  const form = await fetch(`${k.url}/inloggen`, { redirect: 'manual' });
  assert.equal(form.status, 200);
  const cookies = form.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = /name="_csrf" value="([^"]*)"/.exec(await form.text())[1];
  const res = await fetch(`${k.url}/inloggen`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookies.join('; ') },
    body: new URLSearchParams({ _csrf: csrf, email, password: PASSWORD[email], next: '/account' }).toString(),
  });
  assert.equal(res.status, 303, `login of ${email}: ${res.status}`);
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('kiem_session='));
  assert.ok(session, 'no session cookie after login');
  return session;
}

const me = async (token) => assertOk(await call(k.url, '/api/v1/users/me', { token }));
const tokens = async (token) => assertOk(await call(k.url, '/api/v1/tokens', { token })).items;
const sessions = async (token) => assertOk(await call(k.url, '/api/v1/sessions', { token })).items;
const newToken = async (token, body = { name: 'proef' }) =>
  call(k.url, '/api/v1/tokens', { method: 'POST', token, body });

describe('GET /api/v1/users/me', () => {
  test('a resident: who they are, no memberships, links to tokens and sessions', async () => {
    const b = await me(T.alice);
    assert.deepEqual(Object.keys(b).sort(), ['_links', 'createdAt', 'digest', 'email', 'id', 'memberships', 'name', 'role']);
    assert.equal(b.digest, false);
    assert.match(b.id, UUID7);
    assert.equal(b.name, 'Alice de Vries');
    assert.equal(b.email, ALICE);
    assert.equal(b.role, 'user');
    assert.match(b.createdAt, TIME);
    assert.deepEqual(b.memberships, []);
    assert.deepEqual(b._links, {
      self: { href: '/api/v1/users/me' }, tokens: { href: '/api/v1/tokens' }, sessions: { href: '/api/v1/sessions' },
      export: { href: '/api/v1/users/me/export' },
    });
  });

  test('a platform admin and a coordinator, the email in lower case', async () => {
    assert.equal((await me(T.admin)).role, 'admin');
    const c = await me(T.cora);
    assert.equal(c.role, 'coordinator');
    assert.equal(c.email, 'cora@wijk.example');
  });

  test('memberships: the parties one made or was added to, by party name, with their role', async () => {
    const made = assertOk(await call(k.url, '/api/v1/parties', {
      method: 'POST', token: T.bob, body: partyBody({ name: 'Zonnebloem Wijkteam' }),
    }), 201);
    const joined = assertOk(await call(k.url, '/api/v1/parties', {
      method: 'POST', token: T.alice, body: partyBody({ name: 'Afvalbrigade', visibility: 'private' }),
    }), 201);
    assertOk(await call(k.url, `/api/v1/parties/${joined.id}/members`, {
      method: 'POST', token: T.alice, body: { email: BOB, role: 'member' },
    }), 201);
    const b = await me(T.bob);
    assert.deepEqual(b.memberships.map((m) => [m.partyName, m.role]), [['Afvalbrigade', 'member'], ['Zonnebloem Wijkteam', 'admin']]);
    for (const m of b.memberships) {
      assert.deepEqual(Object.keys(m).sort(), ['_links', 'partyId', 'partyName', 'role', 'since']);
      assert.match(m.since, TIME);
      assert.equal(m._links.party.href, `/api/v1/parties/${m.partyId}`);
    }
    assert.equal(b.memberships[1].partyId, made.id);
  });

  test('anonymous 401, a token that is not valid 401, a query parameter 400', async () => {
    const res = await call(k.url, '/api/v1/users/me');
    assertProblem(res, 401);
    assert.equal(res.headers.get('www-authenticate'), 'Bearer');
    assertProblem(await call(k.url, '/api/v1/users/me', { token: 'kiem_' + 'x'.repeat(43) }), 401);
    assertInvalid(await call(k.url, '/api/v1/users/me?fields=name', { token: T.alice }), ['fields']);
    assertProblem(await call(k.url, '/api/v1/users/me', { method: 'PUT', token: T.alice, body: {} }), 405);
    assertProblem(await call(k.url, '/api/v1/users/me/', { token: T.alice }), 404);
  });
});

describe('API tokens', () => {
  test('the token kiem token create made is listed, without its secret', async () => {
    const list = await tokens(T.alice);
    assert.equal(list.length, 1);
    const t = list[0];
    assert.deepEqual(Object.keys(t).sort(), ['_links', 'createdAt', 'id', 'lastUsedAt', 'name']);
    assert.match(t.id, UUID7);
    assert.match(t.createdAt, TIME);
    assert.ok(t.lastUsedAt === null || TIME.test(t.lastUsedAt));
    assert.equal(t._links.self.href, `/api/v1/tokens/${t.id}`);
    const text = (await call(k.url, '/api/v1/tokens', { token: T.alice })).text;
    assert.ok(!text.includes(T.alice.slice(5)), 'the secret is not in the list');
  });

  test('POST makes a token: its secret once, a Location, and it works at once', async () => {
    const res = await newToken(T.alice, { name: 'laptop' });
    const t = assertOk(res, 201);
    assert.deepEqual(Object.keys(t).sort(), ['_links', 'createdAt', 'id', 'lastUsedAt', 'name', 'token']);
    assert.match(t.token, SECRET);
    assert.equal(t.name, 'laptop');
    assert.equal(t.lastUsedAt, null);
    assert.match(t.createdAt, TIME);
    assert.equal(res.headers.get('location'), `/api/v1/tokens/${t.id}`);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal((await me(t.token)).email, ALICE);
    const list = await tokens(T.alice);
    const listed = list.find((x) => x.id === t.id);
    assert.deepEqual({ ...listed, lastUsedAt: null }, { id: t.id, name: 'laptop', createdAt: t.createdAt, lastUsedAt: null, _links: t._links });
    for (const x of list) assert.equal(x.token, undefined);
    // the secret is kept only as a hash
    for (const file of databaseFiles(k.db)) {
      const bytes = readFileSync(file);
      assert.equal(bytes.indexOf(t.token.slice(5)), -1, `the secret is in ${file}`);
    }
  });

  test('a name is optional: absent, null or empty gives "API"', async () => {
    assert.equal(assertOk(await newToken(T.bob, {}), 201).name, 'API');
    assert.equal(assertOk(await newToken(T.bob, { name: null }), 201).name, 'API');
    assert.equal(assertOk(await newToken(T.bob, { name: '' }), 201).name, 'API');
  });

  test('each person sees only their own tokens', async () => {
    const a = (await tokens(T.alice)).map((t) => t.id);
    const b = (await tokens(T.bob)).map((t) => t.id);
    assert.ok(a.length >= 2 && b.length >= 4);
    assert.ok(!a.some((id) => b.includes(id)));
  });

  test('bad input: every problem, and no token made', async () => {
    const count = (await tokens(T.bob)).length;
    assertInvalid(await newToken(T.bob, { name: 'x'.repeat(101) }), ['name']);
    assertInvalid(await newToken(T.bob, { name: 5 }), ['name']);
    assertInvalid(await newToken(T.bob, { name: 'tab\there' }), ['name']);
    const listed = assertInvalid(await newToken(T.bob, { name: 'goed', colour: 'red', token: 'kiem_mine', id: 'x' }),
      ['colour', 'token', 'id']);
    assert.equal(listed.length, 3, JSON.stringify(listed));
    assertProblem(await newToken(T.bob, '{"name"'), 400);
    assertProblem(await newToken(T.bob, '"laptop"'), 400);
    assertProblem(await call(k.url, '/api/v1/tokens', { method: 'POST', token: T.bob, body: 'name=x', contentType: 'text/plain' }), 415);
    assert.equal((await tokens(T.bob)).length, count);
    assertInvalid(await call(k.url, '/api/v1/tokens?limit=5', { token: T.bob }), ['limit']);
  });

  test('DELETE revokes a token for good; another\'s token or a made-up id is 404', async () => {
    const t = assertOk(await newToken(T.alice, { name: 'kort' }), 201);
    assertProblem(await call(k.url, `/api/v1/tokens/${t.id}`, { method: 'DELETE', token: T.bob }), 404);
    assert.equal((await me(t.token)).email, ALICE, 'still works after another\'s attempt');
    const res = await call(k.url, `/api/v1/tokens/${t.id}`, { method: 'DELETE', token: T.alice });
    assert.equal(res.status, 204, res.text);
    assert.equal(res.text, '');
    assertProblem(await call(k.url, '/api/v1/users/me', { token: t.token }), 401);
    assert.ok(!(await tokens(T.alice)).some((x) => x.id === t.id));
    assertProblem(await call(k.url, `/api/v1/tokens/${t.id}`, { method: 'DELETE', token: T.alice }), 404);
    assertProblem(await call(k.url, '/api/v1/tokens/00000000-0000-7000-8000-000000000000', { method: 'DELETE', token: T.alice }), 404);
    assertProblem(await call(k.url, '/api/v1/tokens/not-an-id', { method: 'DELETE', token: T.alice }), 404);
  });

  test('a token revokes itself', async () => {
    const t = assertOk(await newToken(T.alice, { name: 'zelf' }), 201);
    assert.equal((await call(k.url, `/api/v1/tokens/${t.id}`, { method: 'DELETE', token: t.token })).status, 204);
    assertProblem(await call(k.url, '/api/v1/tokens', { token: t.token }), 401);
  });

  test('anonymous: 401 for every operation', async () => {
    const id = (await tokens(T.alice))[0].id;
    assertProblem(await call(k.url, '/api/v1/tokens'), 401);
    assertProblem(await call(k.url, '/api/v1/tokens', { method: 'POST', body: { name: 'x' } }), 401);
    assertProblem(await call(k.url, `/api/v1/tokens/${id}`, { method: 'DELETE' }), 401);
    assert.ok((await tokens(T.alice)).some((x) => x.id === id));
  });

  test('the activity log records tokens made and revoked, never their names or secrets', async () => {
    const t = assertOk(await newToken(T.bob, { name: 'Geheimzinnig' }), 201);
    assert.equal((await call(k.url, `/api/v1/tokens/${t.id}`, { method: 'DELETE', token: T.bob })).status, 204);
    const b = assertOk(await call(k.url, `/api/v1/activity?objectType=token&objectId=${t.id}`, { token: T.admin }));
    const bob = await me(T.bob);
    assert.deepEqual(b.items.map((e) => [e.action, e.actorId, e.fields]), [['delete', bob.id, []], ['create', bob.id, []]]);
    assert.ok(!JSON.stringify(b).includes('Geheimzinnig'));
    assert.ok(!JSON.stringify(b).includes(t.token.slice(5)));
  });
});

describe('login sessions', () => {
  test('a login on the page is listed; current is false for a token', async () => {
    assert.deepEqual(await sessions(T.admin), []);
    await login(ADMIN);
    await login(ADMIN);
    const list = await sessions(T.admin);
    assert.equal(list.length, 2);
    for (const s of list) {
      assert.deepEqual(Object.keys(s).sort(), ['_links', 'createdAt', 'current', 'expiresAt', 'id', 'lastSeenAt']);
      assert.match(s.id, /^[0-9a-f]{16}$/);
      assert.match(s.createdAt, TIME);
      assert.match(s.lastSeenAt, TIME);
      assert.match(s.expiresAt, TIME);
      assert.ok(s.expiresAt > s.createdAt);
      assert.equal(s.current, false);
      assert.equal(s._links.self.href, `/api/v1/sessions/${s.id}`);
    }
    assert.notEqual(list[0].id, list[1].id);
    assert.deepEqual((await sessions(T.bob)), [], 'another person sees none of them');
  });

  test('the list never shows the secret of the cookie', async () => {
    const cookie = await login(BOB);
    const text = (await call(k.url, '/api/v1/sessions', { token: T.bob })).text;
    assert.ok(!text.includes(cookie.split('=')[1]));
  });

  test('DELETE ends a session: the browser is logged out; another person\'s is 404', async () => {
    const cookie = await login(ALICE);
    const account = () => fetch(`${k.url}/account`, { headers: { Cookie: cookie }, redirect: 'manual' });
    assert.equal((await account()).status, 200);
    const [s] = await sessions(T.alice);
    assertProblem(await call(k.url, `/api/v1/sessions/${s.id}`, { method: 'DELETE', token: T.bob }), 404);
    assert.equal((await account()).status, 200, 'still logged in after another\'s attempt');
    const res = await call(k.url, `/api/v1/sessions/${s.id}`, { method: 'DELETE', token: T.alice });
    assert.equal(res.status, 204, res.text);
    assert.equal(res.text, '');
    const after_ = await account();
    assert.notEqual(after_.status, 200);
    assert.match(after_.headers.get('location') ?? '', /^\/inloggen/);
    assert.deepEqual(await sessions(T.alice), []);
    assertProblem(await call(k.url, `/api/v1/sessions/${s.id}`, { method: 'DELETE', token: T.alice }), 404);
  });

  test('ids that are not a session\'s are 404', async () => {
    for (const id of ['0123456789abcdef', '0123456789ABCDEF', 'xyz', '0'.repeat(64)]) {
      assertProblem(await call(k.url, `/api/v1/sessions/${id}`, { method: 'DELETE', token: T.alice }), 404);
    }
  });

  test('anonymous 401; a query parameter 400', async () => {
    assertProblem(await call(k.url, '/api/v1/sessions'), 401);
    assertProblem(await call(k.url, '/api/v1/sessions/0123456789abcdef', { method: 'DELETE' }), 401);
    assertInvalid(await call(k.url, '/api/v1/sessions?current=true', { token: T.alice }), ['current']);
  });
});

test('a token shows when it was last used', async () => {
  const own = kiem(['token', 'create', '--email', BOB, '--db', k.db]).stdout.trim();
  const made = assertOk(await call(k.url, '/api/v1/tokens', { method: 'POST', token: own, body: { name: 'gebruikt' } }), 201);
  const before = assertOk(await call(k.url, '/api/v1/tokens', { token: own })).items.find((t) => t.id === made.id);
  assert.equal(before.lastUsedAt, null, 'not used yet');
  assertOk(await call(k.url, '/api/v1/users/me', { token: made.token }));
  const after = assertOk(await call(k.url, '/api/v1/tokens', { token: own })).items.find((t) => t.id === made.id);
  assert.match(after.lastUsedAt, TIME);
  assert.equal((await call(k.url, `/api/v1/tokens/${made.id}`, { method: 'DELETE', token: own })).status, 204);
});
