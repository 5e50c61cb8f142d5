// /api/v1/users: the accounts, for platform admins. Who may list, read,
// block and unblock accounts and appoint and dismiss coordinators (one table
// of roles and outcomes); listing with q and paging; blocking (tokens and
// sessions stop, login fails, unblocking restores the tokens); the 409 on
// blocking oneself; every problem of a bad body; appointing (the new
// coordinator may then manage the members of the parties in their area,
// with the token they had) and dismissing; and the activity log, which
// records it all without names or email addresses.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem, kiem, sql } from '../lib/kiem.mjs';
import { call, assertOk, assertProblem, assertInvalid, listAll, partyBody } from './helpers.mjs';

// The people of the demo have accounts too: its residents (cli/demo_voice.c),
// the initiators of its initiatives and the people who help them
// (cli/demo_initiatives.c, cli/demo_partners.c); counted when it is made.
let DEMO_RESIDENTS = 0;

const PASSWORD = 'een-lang-wachtwoord-123';
const PEOPLE = {
  admin: { email: 'ada@gebruikers.example', name: 'Ada Beheer', admin: true },
  admin2: { email: 'abe@gebruikers.example', name: 'Abe Tweede', admin: true },
  resident: { email: 'alice@gebruikers.example', name: 'Alice de Vries' },
  coordinator: { email: 'cora@gebruikers.example', name: 'Cora Wijk', coordinator: 'WK034403' },
  bob: { email: 'bob@gebruikers.example', name: 'Bob Geblokkeerd' }, // blocked and unblocked
  dirk: { email: 'dirk@gebruikers.example', name: 'Dirk Aangesteld' }, // appointed and dismissed
  erik: { email: 'erik@gebruikers.example', name: 'Erik Nieuwlid' }, // added to a party by Dirk
  matt: { email: 'matt@gebruikers.example', name: 'Matt Matrix' }, // the matrix blocks and appoints him
};
// People only to fill pages: the name and email both hold "bladzijde".
const PAGING = Array.from({ length: 7 }, (_, i) => ({
  email: `bladzijde-${i}@gebruikers.example`, name: `Persoon Bladzijde ${i}`,
}));
const ROLES = ['anonymous', 'resident', 'coordinator', 'admin'];
const UUID7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const MISSING = '00000000-0000-7000-8000-000000000000';
const LIST_KEYS = ['_links', 'blocked', 'createdAt', 'email', 'id', 'name', 'role'];
const USER_KEYS = [...LIST_KEYS, 'coordinatorAreas'].sort();

let k;
const T = {}; // tokens by person
const ID = {}; // user ids by person

const user = (who) => `/api/v1/users/${ID[who] ?? who}`;
const areas = (who) => `${user(who)}/coordinator-areas`;
const asAdmin = async (path, opts = {}) => call(k.url, path, { token: T.admin, ...opts });
const read = async (who) => assertOk(await asAdmin(user(who)));
const block = (who, blocked, token = T.admin) =>
  call(k.url, user(who), { method: 'PATCH', token, body: { blocked }, contentType: 'application/merge-patch+json' });
const appoint = (who, area, token = T.admin) => call(k.url, areas(who), { method: 'POST', token, body: { area } });
const dismiss = (who, code, token = T.admin) => call(k.url, `${areas(who)}/${code}`, { method: 'DELETE', token });
const activity = async (query = '') =>
  (await listAll(k.url, `/api/v1/activity?limit=100${query && `&${query}`}`, { token: T.admin })).items;

// Logs in on the page as a browser would: the response to the form post,
// and the session cookie it set (or undefined).
async function login(who) {
  const form = await fetch(`${k.url}/inloggen`, { redirect: 'manual' });
  assert.equal(form.status, 200);
  const cookies = form.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = /name="_csrf" value="([^"]*)"/.exec(await form.text())[1];
  const res = await fetch(`${k.url}/inloggen`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookies.join('; ') },
    body: new URLSearchParams({ _csrf: csrf, email: PEOPLE[who].email, password: PASSWORD, next: '/account' }).toString(),
  });
  await res.text();
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => /^kiem_session=./.test(c));
  return { status: res.status, session };
}

// Whether a session cookie still opens /account.
async function sessionWorks(session) {
  const res = await fetch(`${k.url}/account`, { redirect: 'manual', headers: { Cookie: session } });
  await res.text();
  if (res.status === 200) return true;
  assert.equal(res.status, 303, `/account with an ended session: ${res.status}`);
  assert.match(res.headers.get('location') ?? '', /^\/inloggen/);
  return false;
}

before(async () => {
  k = await startKiem({ users: [...Object.values(PEOPLE), ...PAGING].map((p) => ({ ...p, password: PASSWORD })) });
  DEMO_RESIDENTS = Number(sql(k.db, "SELECT count(*) FROM users WHERE email LIKE '%@demo.kiem.invalid'"));
  assert.ok(DEMO_RESIDENTS >= 5, 'the demo has people');
  for (const [who, p] of Object.entries(PEOPLE)) {
    T[who] = k.tokens[p.email];
    ID[who] = assertOk(await call(k.url, '/api/v1/users/me', { token: T[who] })).id;
  }
});
after(async () => { await k?.stop(); });

describe('who may do what', () => {
  // The outcome of each operation for each role; the admin's PATCH and
  // appointment are on Matt, who is then dismissed again.
  const OUTCOMES = {
    list: { anonymous: 401, resident: 403, coordinator: 403, admin: 200 },
    get: { anonymous: 401, resident: 403, coordinator: 403, admin: 200 },
    patch: { anonymous: 401, resident: 403, coordinator: 403, admin: 200 },
    appoint: { anonymous: 401, resident: 403, coordinator: 403, admin: 200 },
    dismiss: { anonymous: 401, resident: 403, coordinator: 403, admin: 204 },
  };
  const OPS = {
    list: (token) => call(k.url, '/api/v1/users', { token }),
    get: (token) => call(k.url, user('matt'), { token }),
    patch: (token) => block('matt', true, token),
    appoint: (token) => appoint('matt', 'WK034408', token),
    dismiss: (token) => dismiss('matt', 'WK034408', token),
  };

  for (const op of Object.keys(OPS)) {
    test(`${op}: ${ROLES.map((r) => `${r} ${OUTCOMES[op][r]}`).join(', ')}`, async () => {
      if (op === 'dismiss') assertOk(await appoint('matt', 'WK034408')); // something to dismiss
      for (const role of ROLES) {
        const expected = OUTCOMES[op][role];
        // null, not undefined: undefined would be the admin's token by default
        const res = await OPS[op](role === 'anonymous' ? null : T[role]);
        if (expected >= 400) {
          assertProblem(res, expected);
          if (expected === 401) assert.equal(res.headers.get('www-authenticate'), 'Bearer');
        } else {
          assert.equal(res.status, expected, `${op} as ${role}: ${res.text}`);
          assert.equal(res.headers.get('api-version'), '1.0.0');
        }
      }
      // what the admin did is undone; what the others tried did nothing
      const m = await read('matt');
      if (op === 'patch') {
        assert.equal(m.blocked, true);
        assertOk(await block('matt', false));
      }
      if (op === 'appoint') {
        assert.deepEqual(m.coordinatorAreas, ['WK034408']);
        assert.equal(m.role, 'coordinator');
        assert.equal((await dismiss('matt', 'WK034408')).status, 204);
      }
      const after_ = await read('matt');
      assert.equal(after_.blocked, false);
      assert.deepEqual(after_.coordinatorAreas, []);
      assert.equal(after_.role, 'user');
    });
  }

  test('a token that is not valid is 401 on all five', async () => {
    const bad = 'kiem_' + 'x'.repeat(43);
    for (const op of Object.keys(OPS)) assertProblem(await OPS[op](bad), 401);
  });

  test('those who may not are refused before anything else: a missing account or a bad body is still 401/403', async () => {
    for (const [role, status] of [['anonymous', 401], ['resident', 403], ['coordinator', 403]]) {
      const token = role === 'anonymous' ? undefined : T[role];
      assertProblem(await call(k.url, user(MISSING), { token }), status);
      assertProblem(await call(k.url, user(MISSING), { method: 'PATCH', token, body: { blocked: 'x', name: 'y' } }), status);
      assertProblem(await call(k.url, areas(MISSING), { method: 'POST', token, body: { area: 'WK999999' } }), status);
      assertProblem(await call(k.url, `${areas(MISSING)}/WK999999`, { method: 'DELETE', token }), status);
      assertProblem(await call(k.url, '/api/v1/users?limit=0&bogus=1', { token }), status);
    }
  });

  test('nobody blocks themselves, nor appoints themselves, who is not an admin', async () => {
    assertProblem(await block('resident', true, T.resident), 403);
    assertProblem(await appoint('resident', 'WK034403', T.resident), 403);
    assertProblem(await dismiss('coordinator', 'WK034403', T.coordinator), 403);
    assert.equal((await read('resident')).blocked, false);
    assert.deepEqual((await read('coordinator')).coordinatorAreas, ['WK034403']);
  });
});

describe('GET /api/v1/users', () => {
  test('every account, newest first, with exactly the fields of the list', async () => {
    const { items } = await listAll(k.url, '/api/v1/users?limit=100', { token: T.admin });
    assert.equal(items.length, Object.keys(PEOPLE).length + PAGING.length + DEMO_RESIDENTS);
    for (const u of items) {
      assert.deepEqual(Object.keys(u).sort(), LIST_KEYS);
      assert.match(u.id, UUID7);
      assert.match(u.createdAt, TIME);
      assert.equal(typeof u.blocked, 'boolean');
      assert.deepEqual(u._links, { self: { href: `/api/v1/users/${u.id}` } });
    }
    for (let i = 1; i < items.length; i++) {
      assert.ok(items[i - 1].id > items[i].id, 'newest first: ids descend');
      assert.ok(items[i - 1].createdAt >= items[i].createdAt, 'newest first: createdAt does not rise');
    }
    const by = Object.fromEntries(items.map((u) => [u.email, u]));
    for (const [who, p] of Object.entries(PEOPLE)) {
      assert.equal(by[p.email].id, ID[who]);
      assert.equal(by[p.email].name, p.name);
      assert.equal(by[p.email].role, p.admin ? 'admin' : p.coordinator ? 'coordinator' : 'user');
    }
    // the last one made comes first
    assert.equal(items[0].email, PAGING.at(-1).email);
  });

  test('one page: items and _links.self, no next when all fit', async () => {
    const b = assertOk(await asAdmin('/api/v1/users?limit=100'));
    assert.deepEqual(Object.keys(b).sort(), ['_links', 'items']);
    assert.equal(b.items.length, Object.keys(PEOPLE).length + PAGING.length + DEMO_RESIDENTS); // under 100
    assert.deepEqual(b._links, { self: { href: '/api/v1/users?limit=100' } });
  });

  test('q matches the name or the email, in any case', async () => {
    const q = async (text) => assertOk(await asAdmin(`/api/v1/users?q=${encodeURIComponent(text)}`)).items.map((u) => u.email);
    assert.deepEqual(await q('Alice de Vries'), [PEOPLE.resident.email]);
    assert.deepEqual(await q('alice DE vries'), [PEOPLE.resident.email]);
    assert.deepEqual(await q('cora@gebr'), [PEOPLE.coordinator.email]);
    assert.deepEqual(await q('GEBLOKKEERD'), [PEOPLE.bob.email]);
    assert.deepEqual((await q('bladzijde')).sort(), PAGING.map((p) => p.email).sort());
    assert.deepEqual(await q('niemand-heet-zo'), []);
    // % and _ are letters, not wildcards
    assert.deepEqual(await q('%'), []);
    assert.deepEqual(await q('_'), []);
    const b = assertOk(await asAdmin('/api/v1/users?q=Wijk'));
    assert.equal(b._links.self.href, '/api/v1/users?q=Wijk');
    assert.equal(b._links.next, undefined);
  });

  test('paging with limit and cursor: _links.next keeps q and limit, every account once, in order', async () => {
    const first = assertOk(await asAdmin('/api/v1/users?q=bladzijde&limit=2'));
    assert.equal(first.items.length, 2);
    assert.equal(first._links.self.href, '/api/v1/users?q=bladzijde&limit=2');
    const next = new URL(first._links.next.href, k.url);
    assert.equal(next.pathname, '/api/v1/users');
    assert.equal(next.searchParams.get('q'), 'bladzijde');
    assert.equal(next.searchParams.get('limit'), '2');
    assert.ok(next.searchParams.get('cursor'));

    const { items, pages, hrefs } = await listAll(k.url, '/api/v1/users?q=bladzijde&limit=2', { token: T.admin });
    assert.equal(pages, 4);
    assert.equal(hrefs[1], first._links.next.href);
    assert.deepEqual(items.map((u) => u.email), PAGING.map((p) => p.email).reverse());
    assert.equal(new Set(items.map((u) => u.id)).size, items.length);

    const all = await listAll(k.url, '/api/v1/users?limit=1', { token: T.admin });
    assert.equal(all.pages, Object.keys(PEOPLE).length + PAGING.length + DEMO_RESIDENTS);
    const whole = assertOk(await asAdmin('/api/v1/users?limit=100')).items;
    assert.deepEqual(all.items.map((u) => u.id), whole.map((u) => u.id));
  });

  test('a limit that fits exactly: no next link after the last page', async () => {
    const b = assertOk(await asAdmin(`/api/v1/users?q=bladzijde&limit=${PAGING.length}`));
    assert.equal(b.items.length, PAGING.length);
    assert.equal(b._links.next, undefined);
  });

  test('bad query parameters: every one is listed', async () => {
    assertInvalid(await asAdmin('/api/v1/users?limit=0'), ['limit']);
    assertInvalid(await asAdmin('/api/v1/users?limit=101'), ['limit']);
    assertInvalid(await asAdmin('/api/v1/users?limit=twee'), ['limit']);
    assertInvalid(await asAdmin('/api/v1/users?cursor=niet-van-ons'), ['cursor']);
    assertInvalid(await asAdmin(`/api/v1/users?q=${'x'.repeat(201)}`), ['q']);
    assertInvalid(await asAdmin('/api/v1/users?role=admin'), ['role']);
    const listed = assertInvalid(await asAdmin('/api/v1/users?limit=0&cursor=zz&sort=name&blocked=true'), ['limit', 'cursor', 'sort', 'blocked']);
    assert.equal(listed.length, 4);
  });

  test('a trailing slash is 404; another method is 405 with Allow', async () => {
    assertProblem(await asAdmin('/api/v1/users/'), 404);
    const res = await asAdmin('/api/v1/users', { method: 'POST', body: { name: 'x' } });
    assertProblem(res, 405);
    assert.match(res.headers.get('allow') ?? '', /\bGET\b/);
  });
});

describe('GET /api/v1/users/{id}', () => {
  test('an account with the areas it coordinates', async () => {
    const c = await read('coordinator');
    assert.deepEqual(Object.keys(c).sort(), USER_KEYS);
    assert.deepEqual(c, {
      id: ID.coordinator, name: PEOPLE.coordinator.name, email: PEOPLE.coordinator.email, role: 'coordinator',
      blocked: false, coordinatorAreas: ['WK034403'], createdAt: c.createdAt,
      _links: { self: { href: `/api/v1/users/${ID.coordinator}` } },
    });
    assert.match(c.createdAt, TIME);
    const r = await read('resident');
    assert.equal(r.role, 'user');
    assert.deepEqual(r.coordinatorAreas, []);
    assert.equal((await read('admin')).role, 'admin');
    // the same as in the list
    const listed = assertOk(await asAdmin('/api/v1/users?q=cora')).items[0];
    const { coordinatorAreas, ...rest } = c;
    assert.deepEqual(listed, rest);
  });

  test('no such account: 404, for ids that are no UUID too', async () => {
    for (const id of [MISSING, 'niet-een-id', '0']) {
      assertProblem(await asAdmin(`/api/v1/users/${id}`), 404);
    }
    assertProblem(await asAdmin(`${user('resident')}/`), 404);
  });

  test('methods the account has not: 405 with Allow', async () => {
    const res = await asAdmin(user('resident'), { method: 'PUT', body: { blocked: true } });
    assertProblem(res, 405);
    const allow = res.headers.get('allow') ?? '';
    assert.match(allow, /\bGET\b/);
    assert.match(allow, /\bPATCH\b/);
    assert.equal((await read('resident')).blocked, false);
  });
});

describe('/api/v1/users/me is not an account id', () => {
  test('PATCH /api/v1/users/me changes only the own choices: blocked is no field of it, for anyone', async () => {
    for (const token of [T.resident, T.admin]) {
      const res = await call(k.url, '/api/v1/users/me', { method: 'PATCH', token, body: { blocked: true } });
      assertInvalid(res, ['blocked']);
    }
    assert.equal((await read('admin')).blocked, false);
  });
});

describe('blocking and unblocking', () => {
  test('a blocked account: its token 401, its session ended, its login fails; unblocked, the same token works', async () => {
    const { status, session } = await login('bob');
    assert.equal(status, 303);
    assert.ok(session);
    assert.equal(await sessionWorks(session), true);
    assertOk(await call(k.url, '/api/v1/users/me', { token: T.bob }));

    const b = assertOk(await block('bob', true));
    assert.deepEqual(Object.keys(b).sort(), USER_KEYS);
    assert.equal(b.id, ID.bob);
    assert.equal(b.blocked, true);
    assert.equal(b.role, 'user');
    assert.equal((await read('bob')).blocked, true);
    assert.equal(assertOk(await asAdmin('/api/v1/users?q=Geblokkeerd')).items[0].blocked, true);

    const res = await call(k.url, '/api/v1/users/me', { token: T.bob });
    assertProblem(res, 401);
    assert.equal(res.headers.get('www-authenticate'), 'Bearer');
    assertProblem(await call(k.url, '/api/v1/parties', { method: 'POST', token: T.bob, body: partyBody() }), 401);
    assertProblem(await call(k.url, '/api/v1/parties', { token: T.bob }), 401); // reads too
    assert.equal(await sessionWorks(session), false, 'the session ended');

    const again = await login('bob');
    assert.equal(again.status, 401, 'the login of a blocked account fails');
    assert.equal(again.session, undefined, 'no session for a blocked account');

    // a token made while blocked does not work either
    const made = kiem(['token', 'create', '--email', PEOPLE.bob.email, '--db', k.db]);
    let fresh;
    if (made.status === 0) {
      fresh = made.stdout.trim();
      assertProblem(await call(k.url, '/api/v1/users/me', { token: fresh }), 401);
    }

    const u = assertOk(await block('bob', false));
    assert.equal(u.blocked, false);
    assertOk(await call(k.url, '/api/v1/users/me', { token: T.bob }));
    if (fresh) assertOk(await call(k.url, '/api/v1/users/me', { token: fresh }));
    assert.equal(await sessionWorks(session), false, 'the old session stays ended');
    const back = await login('bob');
    assert.equal(back.status, 303, 'an unblocked account logs in again');
    assert.equal(await sessionWorks(back.session), true);
  });

  test('blocking a blocked account or unblocking an unblocked one answers the account and changes nothing', async () => {
    const before_ = (await activity(`objectType=user&objectId=${ID.bob}`)).length;
    assert.equal(assertOk(await block('bob', false)).blocked, false);
    assertOk(await block('bob', true));
    assert.equal(assertOk(await block('bob', true)).blocked, true);
    assertOk(await block('bob', false));
    assert.equal(assertOk(await asAdmin(user('bob'), { method: 'PATCH', body: {} })).blocked, false, 'an empty patch');
    assert.equal((await activity(`objectType=user&objectId=${ID.bob}`)).length, before_ + 2, 'one entry per real change');
    assertOk(await call(k.url, '/api/v1/users/me', { token: T.bob }));
  });

  test('a platform admin cannot block themselves: 409, and still works', async () => {
    const res = await block('admin', true);
    const p = assertProblem(res, 409);
    assert.match(p.detail, /own account/i);
    assert.equal((await read('admin')).blocked, false);
    assertOk(await asAdmin('/api/v1/users'));
    assert.equal(assertOk(await block('admin', false)).blocked, false, 'unblocking oneself changes nothing');
  });

  test('a platform admin can block another platform admin, who then cannot block back', async () => {
    assertOk(await block('admin2', true));
    assertProblem(await block('admin', true, T.admin2), 401);
    assertProblem(await call(k.url, '/api/v1/users', { token: T.admin2 }), 401);
    assertOk(await block('admin2', false));
    assertOk(await call(k.url, '/api/v1/users', { token: T.admin2 }));
    assert.equal((await read('admin2')).role, 'admin');
  });

  test('bad bodies: every problem listed, nothing changed', async () => {
    const patch = (body, contentType = 'application/merge-patch+json') =>
      call(k.url, user('bob'), { method: 'PATCH', token: T.admin, body, contentType });
    assertInvalid(await patch({ blocked: 'ja' }), ['blocked']);
    assertInvalid(await patch({ blocked: 1 }), ['blocked']);
    assertInvalid(await patch({ blocked: null }), ['blocked']);
    assertInvalid(await patch({ blocked: [true] }), ['blocked']);
    // read-only fields and unknown ones, all at once, beside a good blocked
    const body = {
      blocked: true, id: ID.bob, name: 'Nieuwe Naam', email: 'nieuw@gebruikers.example', role: 'admin',
      createdAt: '2026-01-01T00:00:00Z', coordinatorAreas: ['WK034403'], _links: {}, password: 'x', wachtwoord: 'y',
    };
    const listed = assertInvalid(await patch(body), [
      'id', 'name', 'email', 'role', 'createdAt', 'coordinatorAreas', '_links', 'password', 'wachtwoord',
    ]);
    assert.equal(listed.length, 9, `only the bad fields: ${listed}`);
    const reasons = Object.fromEntries((await patch({ name: 'x', kleur: 'rood' })).body.invalidParams.map((p) => [p.name, p.reason]));
    assert.notEqual(reasons.name, reasons.kleur, 'read-only and unknown are told apart');
    // not an object
    for (const raw of ['[]', 'null', '"blocked"', 'true', '{"blocked": tru', '']) {
      assertProblem(await patch(raw, 'application/json'), 400);
    }
    assertProblem(await patch({ blocked: true }, 'text/plain'), 415);
    const b = await read('bob');
    assert.equal(b.blocked, false);
    assert.equal(b.name, PEOPLE.bob.name);
    assert.equal(b.role, 'user');
    assertOk(await call(k.url, '/api/v1/users/me', { token: T.bob }));
  });

  test('plain application/json is taken too', async () => {
    assertOk(await call(k.url, user('matt'), { method: 'PATCH', token: T.admin, body: { blocked: true } }));
    assertOk(await call(k.url, user('matt'), { method: 'PATCH', token: T.admin, body: { blocked: false } }));
  });

  test('no such account: 404', async () => {
    assertProblem(await block(MISSING, true), 404);
    assertProblem(await block('niet-een-id', true), 404);
  });
});

describe('appointing and dismissing coordinators', () => {
  let party;
  const addErik = (token) => call(k.url, `/api/v1/parties/${party}/members`, {
    method: 'POST', token, body: { email: PEOPLE.erik.email, role: 'member' },
  });
  const removeErik = (token) => call(k.url, `/api/v1/parties/${party}/members/${ID.erik}`, { method: 'DELETE', token });

  before(async () => {
    party = assertOk(await call(k.url, '/api/v1/parties', {
      method: 'POST', token: T.resident, body: partyBody({ name: 'Buurtkeuken Noordoost', areas: ['WK034403'] }),
    }), 201).id;
  });

  test('appointed, a resident manages the members of a party in the area with the token they had; their session ends', async () => {
    assertProblem(await addErik(T.dirk), 403);
    const { session } = await login('dirk');
    assert.equal(await sessionWorks(session), true);

    const u = assertOk(await appoint('dirk', 'WK034403'));
    assert.deepEqual(Object.keys(u).sort(), USER_KEYS);
    assert.equal(u.id, ID.dirk);
    assert.equal(u.role, 'coordinator');
    assert.deepEqual(u.coordinatorAreas, ['WK034403']);
    assert.deepEqual(await read('dirk'), u);
    assert.equal(assertOk(await call(k.url, '/api/v1/users/me', { token: T.dirk })).role, 'coordinator');
    assert.equal(await sessionWorks(session), false, 'the login session ended at the appointment');

    const m = assertOk(await addErik(T.dirk), 201);
    assert.equal(m.userId, ID.erik);
    assert.equal((await removeErik(T.dirk)).status, 204);
    // a coordinator is no platform admin
    assertProblem(await call(k.url, '/api/v1/users', { token: T.dirk }), 403);
  });

  test('a second area, the same area again, and dismissing one of two: still a coordinator', async () => {
    let u = assertOk(await appoint('dirk', 'WK034408'));
    assert.deepEqual([...u.coordinatorAreas].sort(), ['WK034403', 'WK034408']);
    u = assertOk(await appoint('dirk', 'WK034403'));
    assert.equal(u.coordinatorAreas.length, 2, 'appointed once per area');
    const res = await dismiss('dirk', 'WK034408');
    assert.equal(res.status, 204);
    assert.equal(res.text, '');
    assert.equal(res.headers.get('api-version'), '1.0.0');
    u = await read('dirk');
    assert.equal(u.role, 'coordinator');
    assert.deepEqual(u.coordinatorAreas, ['WK034403']);
  });

  test('dismissed from the last area: the role is user again, and the party is out of reach', async () => {
    const { session } = await login('dirk');
    const res = await dismiss('dirk', 'WK034403');
    assert.equal(res.status, 204);
    const u = await read('dirk');
    assert.equal(u.role, 'user');
    assert.deepEqual(u.coordinatorAreas, []);
    assert.equal(assertOk(await call(k.url, '/api/v1/users/me', { token: T.dirk })).role, 'user');
    assert.equal(await sessionWorks(session), false, 'the login session ended at the dismissal');
    assertProblem(await addErik(T.dirk), 403);
  });

  test('a coordinator made with kiem user add is dismissed the same way', async () => {
    const extra = { email: 'coby@gebruikers.example', name: 'Coby Cli' };
    const add = kiem(['user', 'add', '--email', extra.email, '--name', extra.name, '--coordinator', 'WK034408', '--db', k.db], { input: `${PASSWORD}\n` });
    assert.equal(add.status, 0, add.stderr);
    const id = assertOk(await asAdmin('/api/v1/users?q=coby')).items[0].id;
    assert.deepEqual(assertOk(await asAdmin(`/api/v1/users/${id}`)).coordinatorAreas, ['WK034408']);
    assert.equal((await dismiss(id, 'WK034408')).status, 204);
    const u = assertOk(await asAdmin(`/api/v1/users/${id}`));
    assert.equal(u.role, 'user');
    assert.deepEqual(u.coordinatorAreas, []);
  });

  test('a platform admin appointed stays admin, and dismissed too', async () => {
    const u = assertOk(await appoint('admin2', 'WK034403'));
    assert.equal(u.role, 'admin');
    assert.deepEqual(u.coordinatorAreas, ['WK034403']);
    assert.equal((await dismiss('admin2', 'WK034403')).status, 204);
    const d = await read('admin2');
    assert.equal(d.role, 'admin');
    assert.deepEqual(d.coordinatorAreas, []);
    assertOk(await call(k.url, '/api/v1/users', { token: T.admin2 }));
  });

  test('an unknown area: 400 naming "area"; bad bodies: every problem listed; nothing changed', async () => {
    const post = (body, contentType) => call(k.url, areas('dirk'), { method: 'POST', token: T.admin, body, contentType });
    for (const area of ['WK999999', 'wk034403x', '', 'X'.repeat(100)]) {
      const listed = assertInvalid(await post({ area }), ['area']);
      assert.deepEqual(listed, ['area']);
    }
    assertInvalid(await post({}), ['area']);
    assertInvalid(await post({ area: null }), ['area']);
    assertInvalid(await post({ area: 34403 }), ['area']);
    assertInvalid(await post({ area: ['WK034403'] }), ['area']);
    let listed = assertInvalid(await post({ area: 7, role: 'coordinator', areas: ['WK034403'] }), ['area', 'role', 'areas']);
    assert.equal(listed.length, 3);
    listed = assertInvalid(await post({ area: 'WK034403', code: 'WK034403' }), ['code']);
    assert.deepEqual(listed, ['code'], 'a good area is not a problem');
    for (const raw of ['[]', 'null', '"WK034403"', '{"area":', '']) {
      assertProblem(await post(raw, 'application/json'), 400);
    }
    assertProblem(await post({ area: 'WK034403' }, 'text/plain'), 415);
    const u = await read('dirk');
    assert.equal(u.role, 'user');
    assert.deepEqual(u.coordinatorAreas, []);
  });

  test('dismissing from an area that does not exist, or for an account that does not: 404', async () => {
    assertProblem(await dismiss('dirk', 'WK999999'), 404);
    assertProblem(await dismiss(MISSING, 'WK034403'), 404);
    assertProblem(await dismiss('niet-een-id', 'WK034403'), 404);
  });

  test('appointing an account that does not exist: 404', async () => {
    assertProblem(await appoint(MISSING, 'WK034403'), 404);
  });

  test('dismissing from an area the account does not coordinate: 404, and nothing logged', async () => {
    const before_ = (await activity(`objectType=user&objectId=${ID.erik}`)).length;
    assertProblem(await dismiss('erik', 'WK034403'), 404);
    assert.equal((await activity(`objectType=user&objectId=${ID.erik}`)).length, before_);
  });

  test('appointing to an area the account already coordinates changes nothing, so logs nothing', async () => {
    assertOk(await appoint('erik', 'WK034408'));
    const before_ = (await activity(`objectType=user&objectId=${ID.erik}`)).length;
    assert.deepEqual(assertOk(await appoint('erik', 'WK034408')).coordinatorAreas, ['WK034408']);
    const after_ = (await activity(`objectType=user&objectId=${ID.erik}`)).length;
    assert.equal((await dismiss('erik', 'WK034408')).status, 204);
    assert.equal(after_, before_);
  });
});

describe('the activity log', () => {
  test('block and unblock, appoint and dismiss: on objectType user, by the admin, with field names only', async () => {
    const bob = await activity(`objectType=user&objectId=${ID.bob}`);
    const bobActions = bob.map((e) => e.action).reverse(); // oldest first
    assert.deepEqual(bobActions.filter((a) => a !== 'create'), ['block', 'unblock', 'block', 'unblock']);
    for (const e of bob.filter((x) => x.action !== 'create')) {
      assert.equal(e.objectType, 'user');
      assert.equal(e.objectId, ID.bob);
      assert.equal(e.actorId, ID.admin);
      assert.deepEqual(e.fields, ['blocked']);
      assert.match(e.at, TIME);
    }
    const dirk = await activity(`objectType=user&objectId=${ID.dirk}`);
    const dirkActions = dirk.map((e) => e.action).reverse().filter((a) => a !== 'create');
    // appointed to two areas (the appointment to the same area again changed
    // nothing, so it is not in the log), dismissed from both
    assert.deepEqual(dirkActions, ['appoint_coordinator', 'appoint_coordinator', 'dismiss_coordinator', 'dismiss_coordinator']);
    for (const e of dirk.filter((x) => x.action !== 'create')) {
      assert.equal(e.objectType, 'user');
      assert.equal(e.actorId, ID.admin);
      assert.deepEqual(e.fields, ['coordinatorAreas']);
    }
    // the admin blocked by the other admin, and the admin appointed
    const admin2 = (await activity(`objectType=user&objectId=${ID.admin2}`)).map((e) => e.action);
    assert.deepEqual(admin2.filter((a) => a !== 'create').reverse(), ['block', 'unblock', 'appoint_coordinator', 'dismiss_coordinator']);
  });

  test('what was refused or failed left no entry: the 401s, 403s, 400s and the 409', async () => {
    for (const who of ['admin', 'resident', 'coordinator']) {
      const acts = (await activity(`objectType=user&objectId=${ID[who]}`)).filter((e) => e.action !== 'create');
      assert.deepEqual(acts.map((e) => e.action), [], `${who}: ${JSON.stringify(acts)}`);
    }
    // Matt: the matrix's one block and unblock, appointment and dismissal,
    // and the application/json pair; nothing of what the others tried
    const matt = (await activity(`objectType=user&objectId=${ID.matt}`)).map((e) => e.action).reverse().filter((a) => a !== 'create');
    assert.deepEqual(matt, [
      'block', 'unblock', 'appoint_coordinator', 'dismiss_coordinator', 'appoint_coordinator', 'dismiss_coordinator', 'block', 'unblock',
    ]);
  });

  test('no names or email addresses of the accounts in the log', async () => {
    const all = await activity('objectType=user');
    assert.ok(all.length > 0);
    const text = JSON.stringify(all.map(({ actorName, ...rest }) => rest));
    for (const p of [...Object.values(PEOPLE), ...PAGING]) {
      assert.ok(!text.includes(p.email), `${p.email} is in the log`);
      assert.ok(!text.includes(p.name), `${p.name} is in the log`);
    }
    // the only name an entry carries is the actor's, and no email anywhere
    const whole = JSON.stringify(await activity(''));
    assert.ok(!/@gebruikers\.example/.test(whole), 'an email address is in the log');
    for (const who of ['bob', 'matt', 'admin2']) {
      const about = await activity(`objectType=user&objectId=${ID[who]}`);
      for (const e of about.filter((x) => x.actorName)) assert.notEqual(e.actorName, PEOPLE[who].name, 'the name of the account changed');
    }
  });

  test('only platform admins read the entries about accounts; a coordinator\'s log holds only parties', async () => {
    const cora = await call(k.url, '/api/v1/activity?objectType=user', { token: T.coordinator });
    assert.equal(cora.status, 200, cora.text);
    assert.deepEqual(cora.body.items, []);
    assertProblem(await call(k.url, '/api/v1/activity?objectType=user', { token: T.resident }), 403);
    assertProblem(await call(k.url, '/api/v1/activity?objectType=user'), 401);
  });
});
