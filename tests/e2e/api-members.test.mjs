// /api/v1/parties/{id}/members and /api/v1/activity: who may see and change
// the members of a party, from one table of roles and outcomes, for a public
// and a private party; bad input; and the activity log, which records every
// change of parties and members with the names of the fields, never values.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem, sql } from '../lib/kiem.mjs';
import { call, assertOk, assertProblem, assertInvalid, listAll, partyBody } from './helpers.mjs';

const PASSWORD = 'een-lang-wachtwoord-123';
// Everyone the matrix tries, and two people to add and remove.
const PEOPLE = {
  admin: { email: 'admin@leden.example', name: 'Ada Beheer', admin: true },
  partyAdmin: { email: 'alice@leden.example', name: 'Alice de Vries' },
  member: { email: 'bob@leden.example', name: 'Bob Jansen' },
  resident: { email: 'carol@leden.example', name: 'Carol Bakker' },
  otherParty: { email: 'dave@leden.example', name: 'Dave Smit' },
  coordinator: { email: 'cora@leden.example', name: 'Cora Wijk', coordinator: 'WK034403' },
  otherCoordinator: { email: 'otto@leden.example', name: 'Otto Overvecht', coordinator: 'WK034408' },
  cityCoordinator: { email: 'gem@leden.example', name: 'Gemma Stad', coordinator: 'GM0344' },
  eve: { email: 'eve@leden.example', name: 'Eve Nieuwkomer' },
  frank: { email: 'frank@leden.example', name: 'Frank Later' },
};
const ROLES = ['anonymous', 'resident', 'member', 'partyAdmin', 'otherParty', 'coordinator', 'otherCoordinator', 'admin'];

// The outcomes for a public party the party admin made, serving WK034403,
// with the member in it; the other party's admin made another party
// serving WK034408.
const PUBLIC = {
  list: { anonymous: 401, resident: 403, member: 200, partyAdmin: 200, otherParty: 403, coordinator: 200, otherCoordinator: 403, admin: 200 },
  get: { anonymous: 401, resident: 403, member: 200, partyAdmin: 200, otherParty: 403, coordinator: 200, otherCoordinator: 403, admin: 200 },
  add: { anonymous: 401, resident: 403, member: 403, partyAdmin: 201, otherParty: 403, coordinator: 201, otherCoordinator: 403, admin: 201 },
  patch: { anonymous: 401, resident: 403, member: 403, partyAdmin: 200, otherParty: 403, coordinator: 200, otherCoordinator: 403, admin: 200 },
  remove: { anonymous: 401, resident: 403, member: 403, partyAdmin: 204, otherParty: 403, coordinator: 204, otherCoordinator: 403, admin: 204 },
};
// A private party: those who may not see it get 404, as if it did not exist.
const HIDDEN = { resident: 404, otherParty: 404, otherCoordinator: 404 };
const PRIVATE = Object.fromEntries(Object.entries(PUBLIC).map(([op, row]) => [op, { ...row, ...HIDDEN }]));

const UUID7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const MISSING = '00000000-0000-7000-8000-000000000000';

let k;
const T = {}; // tokens by role
const ID = {}; // user ids by role
let pub; // the public party
let priv; // the private party
let other; // the other party

const members = (party) => `/api/v1/parties/${party}/members`;
const member = (party, who) => `/api/v1/parties/${party}/members/${ID[who]}`;

async function memberRole(party, who) {
  const b = assertOk(await call(k.url, members(party), { token: T.admin }));
  return b.items.find((m) => m.userId === ID[who])?.role;
}

// Puts who in the party with this role (or takes them out, for null), as
// the platform admin.
async function ensure(party, who, role) {
  const now = await memberRole(party, who);
  if (role === null) {
    if (now) assert.equal((await call(k.url, member(party, who), { method: 'DELETE', token: T.admin })).status, 204);
  } else if (!now) {
    assertOk(await call(k.url, members(party), { method: 'POST', token: T.admin, body: { email: PEOPLE[who].email, role } }), 201);
  } else if (now !== role) {
    assertOk(await call(k.url, member(party, who), { method: 'PATCH', token: T.admin, body: { role } }));
  }
}

before(async () => {
  k = await startKiem({ users: Object.values(PEOPLE).map((p) => ({ ...p, password: PASSWORD })) });
  for (const [role, p] of Object.entries(PEOPLE)) {
    T[role] = k.tokens[p.email];
    ID[role] = assertOk(await call(k.url, '/api/v1/users/me', { token: T[role] })).id;
  }
  const create = async (who, over) =>
    assertOk(await call(k.url, '/api/v1/parties', { method: 'POST', token: T[who], body: partyBody(over) }), 201).id;
  pub = await create('partyAdmin', { name: 'Buurttuin De Vecht', areas: ['WK034403'] });
  priv = await create('partyAdmin', { name: 'Besloten Kring', areas: ['WK034403'], visibility: 'private' });
  other = await create('otherParty', { name: 'Overvecht Samen', areas: ['WK034408'] });
  for (const party of [pub, priv]) {
    assertOk(await call(k.url, members(party), {
      method: 'POST', token: T.partyAdmin, body: { email: PEOPLE.member.email, role: 'member' },
    }), 201);
  }
});
after(async () => { await k?.stop(); });

function assertMember(m, party) {
  assert.deepEqual(Object.keys(m).sort(), ['_links', 'name', 'role', 'since', 'userId']);
  assert.match(m.userId, UUID7);
  assert.ok(['member', 'admin'].includes(m.role), m.role);
  assert.match(m.since, TIME);
  assert.equal(m._links.self.href, `/api/v1/parties/${party}/members/${m.userId}`);
  assert.equal(m._links.party.href, `/api/v1/parties/${party}`);
}

describe('reading the members', () => {
  test('the creator is the first admin, then the members by name, each well formed', async () => {
    const b = assertOk(await call(k.url, members(pub), { token: T.partyAdmin }));
    for (const m of b.items) assertMember(m, pub);
    assert.deepEqual(b.items.map((m) => [m.name, m.role]), [['Alice de Vries', 'admin'], ['Bob Jansen', 'member']]);
    assert.deepEqual(b._links, { self: { href: members(pub) } });
  });

  test('one member at its own address, the same as in the list', async () => {
    const list = assertOk(await call(k.url, members(pub), { token: T.member })).items;
    const b = assertOk(await call(k.url, member(pub, 'member'), { token: T.member }));
    assert.deepEqual(b, list.find((m) => m.userId === ID.member));
  });

  test('a person not in the party, an id that is no UUID, and a missing party are 404', async () => {
    assertProblem(await call(k.url, member(pub, 'resident'), { token: T.partyAdmin }), 404);
    assertProblem(await call(k.url, `${members(pub)}/bob`, { token: T.partyAdmin }), 404);
    assertProblem(await call(k.url, members(MISSING), { token: T.admin }), 404);
    assertProblem(await call(k.url, members('not-a-uuid'), { token: T.admin }), 404);
    assertProblem(await call(k.url, `${members(MISSING)}/${ID.member}`, { token: T.admin }), 404);
  });

  test('the list takes no query parameters', async () => {
    assertInvalid(await call(k.url, `${members(pub)}?limit=5`, { token: T.partyAdmin }), ['limit']);
    assertInvalid(await call(k.url, `${members(pub)}?role=admin`, { token: T.partyAdmin }), ['role']);
  });

  test('a trailing slash is 404; a method the path lacks is 405', async () => {
    assertProblem(await call(k.url, `${members(pub)}/`, { token: T.partyAdmin }), 404);
    const res = await call(k.url, members(pub), { method: 'DELETE', token: T.partyAdmin });
    assertProblem(res, 405);
    assert.equal(res.headers.get('allow'), 'GET, POST, HEAD');
  });

  test('a token that is not valid is 401 with WWW-Authenticate', async () => {
    const res = await call(k.url, members(pub), { token: 'kiem_not-a-real-token' });
    assertProblem(res, 401);
    assert.equal(res.headers.get('www-authenticate'), 'Bearer');
  });
});

// One test per operation, role and party: the exact outcome of the table,
// and that a denied change changed nothing.
for (const [label, table, partyOf] of [['public', PUBLIC, () => pub], ['private', PRIVATE, () => priv]]) {
  describe(`who may do what to the members of a ${label} party`, () => {
    for (const role of ROLES) {
      const token = () => (role === 'anonymous' ? undefined : T[role]);

      test(`GET members as ${role}: ${table.list[role]}`, async () => {
        const res = await call(k.url, members(partyOf()), { token: token() });
        if (table.list[role] === 200) assert.ok(assertOk(res).items.some((m) => m.userId === ID.member));
        else assertProblem(res, table.list[role]);
      });

      test(`GET one member as ${role}: ${table.get[role]}`, async () => {
        const res = await call(k.url, member(partyOf(), 'member'), { token: token() });
        if (table.get[role] === 200) assert.equal(assertOk(res).userId, ID.member);
        else assertProblem(res, table.get[role]);
      });

      test(`POST a member as ${role}: ${table.add[role]}`, async () => {
        await ensure(partyOf(), 'eve', null);
        const res = await call(k.url, members(partyOf()), {
          method: 'POST', token: token(), body: { email: PEOPLE.eve.email, role: 'member' },
        });
        if (table.add[role] === 201) {
          const m = assertOk(res, 201);
          assertMember(m, partyOf());
          assert.equal(res.headers.get('location'), m._links.self.href);
          assert.deepEqual([m.userId, m.name, m.role], [ID.eve, PEOPLE.eve.name, 'member']);
          assert.equal(await memberRole(partyOf(), 'eve'), 'member');
        } else {
          assertProblem(res, table.add[role]);
          assert.equal(await memberRole(partyOf(), 'eve'), undefined);
        }
      });

      test(`PATCH a member's role as ${role}: ${table.patch[role]}`, async () => {
        await ensure(partyOf(), 'eve', 'member');
        const res = await call(k.url, member(partyOf(), 'eve'), {
          method: 'PATCH', token: token(), body: { role: 'admin' }, contentType: 'application/merge-patch+json',
        });
        if (table.patch[role] === 200) {
          const m = assertOk(res);
          assertMember(m, partyOf());
          assert.equal(m.role, 'admin');
          assert.equal(await memberRole(partyOf(), 'eve'), 'admin');
        } else {
          assertProblem(res, table.patch[role]);
          assert.equal(await memberRole(partyOf(), 'eve'), 'member');
        }
      });

      test(`DELETE a member as ${role}: ${table.remove[role]}`, async () => {
        await ensure(partyOf(), 'eve', 'member');
        const res = await call(k.url, member(partyOf(), 'eve'), { method: 'DELETE', token: token() });
        if (table.remove[role] === 204) {
          assert.equal(res.status, 204, res.text);
          assert.equal(res.text, '');
          assert.equal(await memberRole(partyOf(), 'eve'), undefined);
        } else {
          assertProblem(res, table.remove[role]);
          assert.equal(await memberRole(partyOf(), 'eve'), 'member');
        }
      });
    }
  });
}

describe('coordinators, leaving, and several parties', () => {
  test('a coordinator of an area around the party\'s area manages its members', async () => {
    await ensure(pub, 'eve', null);
    assertOk(await call(k.url, members(pub), { token: T.cityCoordinator }));
    assertOk(await call(k.url, members(pub), {
      method: 'POST', token: T.cityCoordinator, body: { email: PEOPLE.eve.email, role: 'admin' },
    }), 201);
    assert.equal(await memberRole(pub, 'eve'), 'admin');
    // but not of a party that serves no area in it
    const outside = assertOk(await call(k.url, '/api/v1/parties', {
      method: 'POST', token: T.resident, body: partyBody({ name: 'Nergens', areas: [] }),
    }), 201).id;
    assertProblem(await call(k.url, members(outside), { token: T.cityCoordinator }), 403);
  });

  test('a member who is not an admin leaves the party themselves', async () => {
    await ensure(pub, 'frank', 'member');
    const res = await call(k.url, member(pub, 'frank'), { method: 'DELETE', token: T.frank });
    assert.equal(res.status, 204, res.text);
    assert.equal(await memberRole(pub, 'frank'), undefined);
    // once out, they may no longer see the members
    assertProblem(await call(k.url, members(pub), { token: T.frank }), 403);
  });

  test('leaving a private party hides it again', async () => {
    await ensure(priv, 'frank', 'member');
    assertOk(await call(k.url, `/api/v1/parties/${priv}`, { token: T.frank }));
    assert.equal((await call(k.url, member(priv, 'frank'), { method: 'DELETE', token: T.frank })).status, 204);
    assertProblem(await call(k.url, `/api/v1/parties/${priv}`, { token: T.frank }), 404);
  });

  test('leaving a party one is not in is 403', async () => {
    assertProblem(await call(k.url, member(pub, 'resident'), { method: 'DELETE', token: T.resident }), 403);
  });

  test('a member of the party edits it; an admin of another party may not', async () => {
    await ensure(pub, 'frank', 'member');
    assertOk(await call(k.url, `/api/v1/parties/${pub}`, { method: 'PATCH', token: T.frank, body: { description: 'Samen tuinieren.' } }));
    assertProblem(await call(k.url, `/api/v1/parties/${pub}`, { method: 'PATCH', token: T.otherParty, body: { description: 'Nee.' } }), 403);
    // a member who is not an admin may not remove the party
    assertProblem(await call(k.url, `/api/v1/parties/${pub}`, { method: 'DELETE', token: T.frank }), 403);
  });

  test('a person in several parties sees each in /users/me', async () => {
    await ensure(other, 'frank', 'admin');
    await ensure(pub, 'frank', 'member');
    const me = assertOk(await call(k.url, '/api/v1/users/me', { token: T.frank }));
    const got = Object.fromEntries(me.memberships.map((m) => [m.partyId, m.role]));
    assert.equal(got[pub], 'member');
    assert.equal(got[other], 'admin');
  });

  test('a member made admin manages the members; made a member again, no longer', async () => {
    await ensure(pub, 'frank', 'admin');
    await ensure(pub, 'eve', null);
    assertOk(await call(k.url, members(pub), {
      method: 'POST', token: T.frank, body: { email: PEOPLE.eve.email, role: 'member' },
    }), 201);
    await ensure(pub, 'frank', 'member');
    assertProblem(await call(k.url, member(pub, 'eve'), { method: 'DELETE', token: T.frank }), 403);
  });

  test('removing a party removes its memberships', async () => {
    const gone = assertOk(await call(k.url, '/api/v1/parties', {
      method: 'POST', token: T.partyAdmin, body: partyBody({ name: 'Kortstondig' }),
    }), 201).id;
    await ensure(gone, 'frank', 'member');
    assert.equal((await call(k.url, `/api/v1/parties/${gone}`, { method: 'DELETE', token: T.partyAdmin })).status, 204);
    const me = assertOk(await call(k.url, '/api/v1/users/me', { token: T.frank }));
    assert.ok(!me.memberships.some((m) => m.partyId === gone));
    assertProblem(await call(k.url, members(gone), { token: T.admin }), 404);
  });
});

describe('bad input', () => {
  const post = (body, opts = {}) => call(k.url, members(pub), { method: 'POST', token: T.partyAdmin, body, ...opts });
  const patch = (who, body, opts = {}) =>
    call(k.url, member(pub, who), { method: 'PATCH', token: T.partyAdmin, body, ...opts });

  test('POST: every problem at once', async () => {
    const listed = assertInvalid(await post({ email: 'niemand@leden.example', role: 'boss', colour: 'red', userId: ID.eve }),
      ['email', 'role', 'colour', 'userId']);
    assert.equal(listed.length, 4, JSON.stringify(listed));
    assertInvalid(await post({}), ['email', 'role']);
    assertInvalid(await post({ email: 5, role: ['member'] }), ['email', 'role']);
    assertInvalid(await post({ email: '', role: '' }), ['email', 'role']);
    assertInvalid(await post({ email: PEOPLE.eve.email, role: 'none' }), ['role']);
    assertInvalid(await post({ email: PEOPLE.eve.email, role: 'member', name: 'Eve', since: '2020-01-01T00:00:00Z', _links: {} }),
      ['name', 'since', '_links']);
  });

  test('POST: someone already in the party is a problem on email, in any case', async () => {
    const listed = assertInvalid(await post({ email: PEOPLE.member.email.toUpperCase(), role: 'admin' }), ['email']);
    assert.deepEqual(listed, ['email']);
    assert.equal(await memberRole(pub, 'member'), 'member');
  });

  test('POST: the email is found whatever its case', async () => {
    await ensure(pub, 'eve', null);
    const m = assertOk(await post({ email: '  EVE@Leden.Example ', role: 'member' }), 201);
    assert.equal(m.userId, ID.eve);
  });

  test('POST: a body that is not a JSON object, none, or of the wrong type', async () => {
    assertProblem(await post('{"email": '), 400);
    assertProblem(await post('[]'), 400);
    assertProblem(await call(k.url, members(pub), { method: 'POST', token: T.partyAdmin, contentType: 'application/json' }), 400);
    assertProblem(await post('email=x', { contentType: 'application/x-www-form-urlencoded' }), 415);
  });

  test('POST: who may not gets 403 before any problem with the body', async () => {
    assertProblem(await call(k.url, members(pub), { method: 'POST', token: T.member, body: '{nonsense' }), 403);
    assertProblem(await call(k.url, members(priv), { method: 'POST', token: T.resident, body: {} }), 404);
    assertProblem(await call(k.url, members(pub), { method: 'POST', body: {} }), 401);
  });

  test('PATCH: a role that is not one, null, unknown and read-only fields; nothing changes', async () => {
    await ensure(pub, 'eve', 'member');
    assertInvalid(await patch('eve', { role: 'boss' }), ['role']);
    assertInvalid(await patch('eve', { role: null }), ['role']);
    assertInvalid(await patch('eve', { role: 7 }), ['role']);
    assertInvalid(await patch('eve', { role: 'none' }), ['role']);
    const listed = assertInvalid(await patch('eve', { role: 'admin', colour: 'red', userId: ID.resident }), ['colour', 'userId']);
    assert.ok(!listed.includes('role'));
    assert.equal(await memberRole(pub, 'eve'), 'member');
    assertProblem(await patch('eve', '{"role":'), 400);
    assertProblem(await patch('eve', 'role=admin', { contentType: 'text/plain' }), 415);
  });

  test('PATCH: a patch without role changes nothing and answers the member', async () => {
    await ensure(pub, 'eve', 'member');
    const before_ = assertOk(await call(k.url, member(pub, 'eve'), { token: T.partyAdmin }));
    const log = assertOk(await call(k.url, `/api/v1/activity?objectId=${pub}&limit=1`, { token: T.admin })).items[0];
    assert.deepEqual(assertOk(await patch('eve', {})), before_);
    const after_ = assertOk(await call(k.url, `/api/v1/activity?objectId=${pub}&limit=1`, { token: T.admin })).items[0];
    assert.equal(after_.id, log.id, 'an empty patch is not in the activity log');
  });

  test('PATCH and DELETE: a person not in the party is 404', async () => {
    assertProblem(await patch('resident', { role: 'admin' }), 404);
    assertProblem(await call(k.url, member(pub, 'resident'), { method: 'DELETE', token: T.partyAdmin }), 404);
    assertProblem(await call(k.url, `${members(pub)}/${MISSING}`, { method: 'DELETE', token: T.partyAdmin }), 404);
    assertProblem(await call(k.url, `${members(MISSING)}/${ID.member}`, { method: 'PATCH', token: T.admin, body: { role: 'admin' } }), 404);
  });
});

describe('the activity log', () => {
  const log = async (query, token = T.admin) => assertOk(await call(k.url, `/api/v1/activity?${query}`, { token }));

  test('platform admins and coordinators read it: 401 anonymous, 403 everyone else', async () => {
    for (const role of ROLES) {
      const res = await call(k.url, '/api/v1/activity', { token: role === 'anonymous' ? undefined : T[role] });
      if (role === 'admin' || role === 'coordinator' || role === 'otherCoordinator') assertOk(res);
      else assertProblem(res, role === 'anonymous' ? 401 : 403);
    }
    // even with bad parameters, who may not gets 403
    assertProblem(await call(k.url, '/api/v1/activity?limit=0&colour=red', { token: T.resident }), 403);
  });

  test('entries are well formed, newest first', async () => {
    const { items } = await listAll(k.url, '/api/v1/activity?limit=100', { token: T.admin });
    assert.ok(items.length > 10);
    for (const e of items) {
      assert.deepEqual(Object.keys(e).sort(), ['action', 'actorId', 'actorName', 'at', 'detail', 'fields', 'id', 'objectId', 'objectType', 'subjectId', 'subjectName']);
      assert.equal(e.subjectName === null || e.subjectId !== null, true);
      assert.match(e.id, UUID7);
      assert.match(e.at, TIME);
      assert.ok(e.actorId === null || UUID7.test(e.actorId));
      assert.equal(e.actorName === null, e.actorId === null);
      assert.ok(Array.isArray(e.fields) && e.fields.every((f) => typeof f === 'string' && f.length > 0));
    }
    for (let i = 1; i < items.length; i++) assert.ok(items[i - 1].at >= items[i].at, 'newest first');
    // kiem user add, run as the system, made each account
    const made = items.filter((e) => e.objectType === 'user' && e.action === 'create');
    assert.ok(made.some((e) => e.objectId === ID.eve && e.actorId === null));
  });

  test('a party\'s create, update and delete, with the changed fields\' names and never their values', async () => {
    const p = assertOk(await call(k.url, '/api/v1/parties', {
      method: 'POST', token: T.resident, body: partyBody({ name: 'Logproef', phone: '030 111 2222' }),
    }), 201);
    assertOk(await call(k.url, `/api/v1/parties/${p.id}`, {
      method: 'PATCH', token: T.resident, body: { name: 'Geheime Naam Zeven', phone: '030 765 4321', kind: 'citizen_initiative' },
    }));
    assertOk(await call(k.url, `/api/v1/parties/${p.id}`, {
      method: 'PATCH', token: T.resident, body: { email: 'verborgen@adres.example', tags: ['stil'] },
    }));
    assert.equal((await call(k.url, `/api/v1/parties/${p.id}`, { method: 'DELETE', token: T.resident })).status, 204);
    const b = await log(`objectType=party&objectId=${p.id}`);
    assert.deepEqual(b.items.map((e) => [e.action, e.fields]), [
      ['delete', []],
      ['update', ['email', 'tags']],
      ['update', ['name', 'phone']],
      ['create', []],
    ]);
    for (const e of b.items) {
      assert.equal(e.actorId, ID.resident);
      assert.equal(e.actorName, PEOPLE.resident.name);
      assert.equal(e.objectType, 'party');
      assert.equal(e.objectId, p.id);
    }
    const all = JSON.stringify((await listAll(k.url, '/api/v1/activity?limit=100', { token: T.admin })).items);
    for (const value of ['Logproef', 'Geheime Naam', '765 4321', '111 2222', 'verborgen@adres', 'stil']) {
      assert.ok(!all.includes(value), `the log holds the value ${value}`);
    }
  });

  test('member changes: who did it, on which party, whom and which role, and never an email address', async () => {
    await ensure(pub, 'eve', null);
    const since = (await log(`objectId=${pub}&limit=1`)).items[0].id;
    assertOk(await call(k.url, members(pub), {
      method: 'POST', token: T.partyAdmin, body: { email: PEOPLE.eve.email, role: 'member' },
    }), 201);
    assertOk(await call(k.url, member(pub, 'eve'), { method: 'PATCH', token: T.coordinator, body: { role: 'admin' } }));
    assert.equal((await call(k.url, member(pub, 'eve'), { method: 'DELETE', token: T.eve })).status, 204);
    const b = await log(`objectType=party&objectId=${pub}`);
    const fresh = b.items.slice(0, b.items.findIndex((e) => e.id === since));
    assert.deepEqual(fresh.map((e) => [e.action, e.actorId, e.fields, e.subjectId, e.subjectName, e.detail]), [
      ['remove_member', ID.eve, ['members'], ID.eve, PEOPLE.eve.name, null],
      ['change_member', ID.coordinator, ['members'], ID.eve, PEOPLE.eve.name, 'admin'],
      ['add_member', ID.partyAdmin, ['members'], ID.eve, PEOPLE.eve.name, 'member'],
    ]);
    const text = JSON.stringify(fresh);
    assert.ok(!text.includes(PEOPLE.eve.email));
  });

  test('a denied or invalid change leaves no entry', async () => {
    const last = (await log('limit=1')).items[0].id;
    assertProblem(await call(k.url, members(pub), { method: 'POST', token: T.member, body: { email: PEOPLE.eve.email, role: 'member' } }), 403);
    assertInvalid(await call(k.url, members(pub), { method: 'POST', token: T.partyAdmin, body: { email: 'x@y.example', role: 'member' } }), ['email']);
    assertProblem(await call(k.url, `/api/v1/parties/${pub}`, { method: 'PATCH', token: T.resident, body: { name: 'Nee' } }), 403);
    assertInvalid(await call(k.url, `/api/v1/parties/${pub}`, { method: 'PATCH', token: T.partyAdmin, body: { kind: 'x' } }), ['kind']);
    assert.equal((await log('limit=1')).items[0].id, last);
  });

  test('filters by object type, object and actor', async () => {
    const byParty = (await listAll(k.url, `/api/v1/activity?objectType=party&objectId=${pub}&limit=100`, { token: T.admin })).items;
    assert.ok(byParty.length >= 5);
    assert.ok(byParty.every((e) => e.objectType === 'party' && e.objectId === pub));
    const byActor = (await listAll(k.url, `/api/v1/activity?actor=${ID.coordinator}&limit=100`, { token: T.admin })).items;
    assert.ok(byActor.length >= 1);
    assert.ok(byActor.every((e) => e.actorId === ID.coordinator && e.actorName === PEOPLE.coordinator.name));
    const users = (await listAll(k.url, '/api/v1/activity?objectType=user&limit=100', { token: T.admin })).items;
    // the people of this test, and the demo's (its residents, initiators and helpers)
    const demo = Number(sql(k.db, "SELECT count(*) FROM users WHERE email LIKE '%@demo.kiem.invalid'"));
    assert.equal(users.filter((e) => e.action === 'create').length, Object.keys(PEOPLE).length + demo);
    assert.deepEqual((await log(`objectId=${MISSING}`)).items, []);
  });

  test('pages: every entry once, in order, the filters kept in the links', async () => {
    const whole = (await listAll(k.url, '/api/v1/activity?limit=100', { token: T.admin })).items.map((e) => e.id);
    for (const limit of [1, 7]) {
      const q = `objectType=party&limit=${limit}`;
      const { items, hrefs } = await listAll(k.url, `/api/v1/activity?${q}`, { token: T.admin });
      const ids = items.map((e) => e.id);
      assert.equal(new Set(ids).size, ids.length);
      const party = (await listAll(k.url, '/api/v1/activity?objectType=party&limit=100', { token: T.admin })).items;
      assert.deepEqual(ids, party.map((e) => e.id));
      for (const h of hrefs.slice(1)) {
        const u = new URL(h, k.url);
        assert.equal(u.pathname, '/api/v1/activity');
        assert.equal(u.searchParams.get('objectType'), 'party');
        assert.equal(u.searchParams.get('limit'), String(limit));
      }
    }
    const seven = (await listAll(k.url, '/api/v1/activity?limit=7', { token: T.admin })).items.map((e) => e.id);
    assert.deepEqual(seven, whole);
    const first = await log('limit=2&actor=' + ID.partyAdmin);
    assert.equal(first._links.self.href, `/api/v1/activity?actor=${ID.partyAdmin}&limit=2`);
  });

  test('bad parameters: every problem at once', async () => {
    const res = await call(k.url, '/api/v1/activity?actor=alice&cursor=xyz&limit=0&colour=red', { token: T.admin });
    const listed = assertInvalid(res, ['actor', 'cursor', 'limit', 'colour']);
    assert.equal(listed.length, 4, JSON.stringify(listed));
    assertInvalid(await call(k.url, '/api/v1/activity?limit=101', { token: T.admin }), ['limit']);
    assertInvalid(await call(k.url, `/api/v1/activity?objectType=${'x'.repeat(51)}`, { token: T.admin }), ['objectType']);
    assertInvalid(await call(k.url, '/api/v1/activity?objectId=%01', { token: T.admin }), ['objectId']);
  });
});

describe('a party keeps at least one admin', () => {
  test('its last admin can neither leave nor stop being admin (409); with a second admin, they can', async () => {
    const made = assertOk(await call(k.url, '/api/v1/parties', {
      method: 'POST', token: T.resident, body: partyBody({ name: 'Laatste beheerder' }),
    }), 201);
    const me = `/api/v1/parties/${made.id}/members/${ID.resident}`;
    const leave = await call(k.url, me, { method: 'DELETE', token: T.resident });
    assertProblem(leave, 409);
    assert.match(leave.body.detail, /last admin/);
    assertProblem(await call(k.url, me, { method: 'PATCH', token: T.resident, body: { role: 'member' } }), 409);
    assertProblem(await call(k.url, me, { method: 'DELETE', token: T.admin }), 409);
    assert.equal(await memberRole(made.id, 'resident'), 'admin', 'still admin after the refusals');
    // with a second admin the first may go
    assertOk(await call(k.url, `/api/v1/parties/${made.id}/members`, {
      method: 'POST', token: T.resident, body: { email: PEOPLE.eve.email, role: 'admin' },
    }), 201);
    assertOk(await call(k.url, me, { method: 'PATCH', token: T.resident, body: { role: 'member' } }));
    assert.equal((await call(k.url, me, { method: 'DELETE', token: T.resident })).status, 204);
    await call(k.url, `/api/v1/parties/${made.id}`, { method: 'DELETE', token: T.admin });
  });
});
