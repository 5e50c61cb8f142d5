// /api/v1/parties: the list with its filters, sorts and cursor paging; read,
// create, merge patch and delete; private parties; who may change what.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem } from '../lib/kiem.mjs';
import {
  USERS, ADMIN, ALICE, BOB, call, assertOk, assertProblem, assertInvalid, listAll, partyBody,
} from './helpers.mjs';

let k;
let T; // tokens by person
before(async () => {
  k = await startKiem({ demo: true, users: USERS });
  T = { admin: k.tokens[ADMIN], alice: k.tokens[ALICE], bob: k.tokens[BOB] };
});
after(async () => { await k?.stop(); });

const KINDS = ['citizen_initiative', 'social_work', 'government', 'business', 'knowledge_institute'];
const FIELDS = ['_links', 'areas', 'capacityHours', 'createdAt', 'description', 'email', 'id', 'kind', 'name',
  'phone', 'roles', 'tags', 'updatedAt', 'verified', 'verifiedAt', 'verifiedBy', 'visibility', 'website'];
const UUID7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

// How the server orders by name: ASCII letters lower-cased, then bytes of
// UTF-8, then the id.
const nameKey = (p) => p.name.replace(/[A-Z]/g, (c) => c.toLowerCase());
const bytes = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));
const SORTS = {
  name: (a, b) => bytes(nameKey(a), nameKey(b)) || bytes(a.id, b.id),
  '-name': (a, b) => bytes(nameKey(b), nameKey(a)) || bytes(b.id, a.id),
  createdAt: (a, b) => bytes(a.createdAt, b.createdAt) || bytes(a.id, b.id),
  '-createdAt': (a, b) => bytes(b.createdAt, a.createdAt) || bytes(b.id, a.id),
};

// Diacritics folded and lower-cased, as the search sees text.
const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

async function allParties(token) {
  return (await listAll(k.url, '/api/v1/parties?limit=100', { token })).items;
}

async function create(token, over = {}) {
  const res = await call(k.url, '/api/v1/parties', { method: 'POST', token, body: partyBody(over) });
  return assertOk(res, 201);
}

function assertParty(p) {
  assert.deepEqual(Object.keys(p).sort(), FIELDS);
  assert.match(p.id, UUID7);
  assert.equal(typeof p.name, 'string');
  assert.ok(KINDS.includes(p.kind), p.kind);
  assert.equal(typeof p.description, 'string');
  assert.ok(['public', 'private'].includes(p.visibility));
  for (const f of ['areas', 'roles', 'tags']) assert.ok(Array.isArray(p[f]) && p[f].every((x) => typeof x === 'string'), f);
  assert.ok(p.capacityHours === null || Number.isInteger(p.capacityHours));
  assert.match(p.createdAt, TIME);
  assert.match(p.updatedAt, TIME);
  assert.equal(p._links.self.href, `/api/v1/parties/${p.id}`);
  assert.equal(typeof p.verified, 'boolean');
  assert.ok(p.verified ? TIME.test(p.verifiedAt) : p.verifiedAt === null && p.verifiedBy === null);
}

describe('reading the list', () => {
  let all;
  before(async () => { all = await allParties(); });

  test('the demo directory: at least 30 public parties of every kind, each well formed', () => {
    assert.ok(all.length >= 30, `${all.length}`);
    for (const p of all) assertParty(p);
    for (const kd of KINDS) assert.ok(all.some((p) => p.kind === kd), kd);
    assert.ok(all.every((p) => p.visibility === 'public'));
  });

  test('the default is 20 parties sorted by name, with a next link', async () => {
    const b = assertOk(await call(k.url, '/api/v1/parties'));
    assert.equal(b.items.length, 20);
    assert.deepEqual(b.items.map((p) => p.id), [...all].sort(SORTS.name).slice(0, 20).map((p) => p.id));
    assert.equal(b._links.self.href, '/api/v1/parties');
    assert.match(b._links.next.href, /^\/api\/v1\/parties\?cursor=[A-Za-z0-9_-]+$/);
  });

  for (const sort of Object.keys(SORTS)) {
    for (const limit of [1, 7, 100]) {
      test(`sort=${sort}, limit=${limit}: every page in order, every party once`, async () => {
        const { items, pages, hrefs } = await listAll(k.url, `/api/v1/parties?sort=${encodeURIComponent(sort)}&limit=${limit}`);
        const ids = items.map((p) => p.id);
        assert.equal(new Set(ids).size, ids.length, 'no duplicates');
        assert.deepEqual(ids, [...all].sort(SORTS[sort]).map((p) => p.id));
        assert.equal(pages, Math.ceil(all.length / limit));
        for (const h of hrefs.slice(1)) {
          const q = new URL(h, k.url).searchParams;
          assert.equal(q.get('sort'), sort);
          assert.equal(q.get('limit'), String(limit));
          assert.ok(q.get('cursor'));
        }
      });
    }
  }

  test('a page of exactly the rest has no next link', async () => {
    const b = assertOk(await call(k.url, `/api/v1/parties?limit=${Math.min(100, all.length)}`));
    assert.equal(b.items.length, all.length);
    assert.equal(b._links.next, undefined);
  });

  test('an old cursor still works after the party it points at is deleted', async () => {
    const extra = await create(T.alice, { name: 'Aaa eerst in de lijst' });
    const first = assertOk(await call(k.url, '/api/v1/parties?limit=1'));
    assert.equal(first.items[0].id, extra.id);
    assert.equal((await call(k.url, `/api/v1/parties/${extra.id}`, { method: 'DELETE', token: T.alice })).status, 204);
    const rest = await listAll(k.url, first._links.next.href);
    assert.deepEqual(rest.items.map((p) => p.id), [...all].sort(SORTS.name).map((p) => p.id));
  });
});

describe('filters', () => {
  let all;
  let areas;
  before(async () => {
    all = await allParties();
    areas = (await listAll(k.url, '/api/v1/areas?limit=100')).items;
  });

  // The codes an area filter reaches: the area, the areas inside it, and the
  // areas that contain it.
  function reach(code) {
    const parent = Object.fromEntries(areas.map((a) => [a.code, a.parent]));
    const up = new Set();
    for (let c = code; c; c = parent[c]) up.add(c);
    const down = new Set(areas.filter((a) => { for (let c = a.code; c; c = parent[c]) if (c === code) return true; return false; }).map((a) => a.code));
    return new Set([...up, ...down]);
  }

  async function check(query, want) {
    const { items, hrefs } = await listAll(k.url, `/api/v1/parties?${query}&limit=5`);
    const expected = all.filter(want).sort(SORTS.name).map((p) => p.name);
    assert.deepEqual(items.map((p) => p.name), expected, query);
    for (const h of hrefs.slice(1)) for (const part of query.split('&')) assert.ok(h.includes(part), `${h} keeps ${part}`);
    return items;
  }

  for (const kind of KINDS) {
    test(`kind=${kind}`, async () => {
      const items = await check(`kind=${kind}`, (p) => p.kind === kind);
      assert.ok(items.length >= 2);
    });
  }

  for (const code of ['WK034403', 'WK034408', 'GM0344', 'PV26', 'NL01']) {
    test(`area=${code}: parties serving it, an area inside it, or an area containing it`, async () => {
      const r = reach(code);
      const items = await check(`area=${code}`, (p) => p.areas.some((a) => r.has(a)));
      assert.ok(items.length >= 1);
    });
  }

  test('area=WK034403 (Overvecht) includes city-wide parties and leaves out other districts', async () => {
    const { items } = await listAll(k.url, '/api/v1/parties?area=WK034403&limit=100');
    const names = items.map((p) => p.name);
    assert.ok(names.includes('Buurtteam Overvecht'), 'serves the district itself');
    assert.ok(names.includes('Gemeente Utrecht, team Sociaal Domein'), 'serves the containing municipality');
    assert.ok(names.includes('Universiteit Utrecht, Sociale Wetenschappen'), 'serves the containing country');
    assert.ok(!names.includes('Repair Café Oost'), 'serves only another district');
    assert.ok(!names.includes('Jongerenwerk Leidsche Rijn'), 'serves only another district');
  });

  for (const role of ['invest', 'detect_signals', 'involve_target_groups', 'regulatory_room']) {
    test(`role=${role}`, async () => {
      const items = await check(`role=${role}`, (p) => p.roles.includes(role));
      assert.ok(items.length >= 1);
    });
  }

  for (const [tag, as] of [['schulden', 'schulden'], ['Schulden', 'schulden'], ['vrijwilligers', 'vrijwilligers'], ['social%20impact%20bond', 'social impact bond']]) {
    test(`tag=${tag}`, async () => {
      const items = await check(`tag=${tag}`, (p) => p.tags.includes(as));
      assert.ok(items.length >= 1);
    });
  }

  test('filters combine: kind and area and role', async () => {
    const r = reach('WK034403');
    const items = await check('kind=social_work&area=WK034403&role=detect_signals',
      (p) => p.kind === 'social_work' && p.roles.includes('detect_signals') && p.areas.some((a) => r.has(a)));
    assert.ok(items.length >= 1);
    assert.deepEqual(assertOk(await call(k.url, '/api/v1/parties?kind=business&role=research_working_elements')).items, []);
  });

  test('a filter that matches nothing: an empty page without next', async () => {
    const b = assertOk(await call(k.url, '/api/v1/parties?tag=bestaat-niet'));
    assert.deepEqual(b.items, []);
    assert.equal(b._links.next, undefined);
  });
});

describe('full-text search (q)', () => {
  let cafe;
  before(async () => {
    cafe = await create(T.alice, {
      name: 'Café De Ontmoeting', kind: 'citizen_initiative',
      description: 'Een huiskamer in de wijk waar oud en jong elkaar treffen; ook een naaiatelier.',
      tags: ['Ontmoeting', 'ééNzaamheid'],
    });
  });

  async function search(q) {
    return (await listAll(k.url, `/api/v1/parties?q=${encodeURIComponent(q)}&limit=100`)).items.map((p) => p.name);
  }

  const cases = [
    { q: 'buurttuin', has: ['Bewonersinitiatief De Groene Vecht'] },
    { q: 'BUURTTUIN', has: ['Bewonersinitiatief De Groene Vecht'] },
    { q: 'buurtt', has: ['Bewonersinitiatief De Groene Vecht', 'Buurtteam Overvecht', 'Buurtteam Zuidwest'] },
    { q: 'cafe', has: ['Café De Ontmoeting', 'Repair Café Oost'] },
    { q: 'café', has: ['Café De Ontmoeting', 'Repair Café Oost'] },
    { q: 'CAFÉ', has: ['Café De Ontmoeting', 'Repair Café Oost'] },
    { q: 'cooperatie', has: ['Coöperatie Buurtzorg Vleuten', 'Rabo Coöperatiefonds (voorbeeld)'] },
    { q: 'coöperatie', has: ['Coöperatie Buurtzorg Vleuten', 'Rabo Coöperatiefonds (voorbeeld)'] },
    { q: 'naaiatelier', has: ['Café De Ontmoeting'], only: true },
    { q: 'eenzaamheid', has: ['Café De Ontmoeting', 'Buurtteam Overvecht'] },
    { q: 'buurtteam overvecht', has: ['Buurtteam Overvecht'], only: true },
    { q: 'social impact', has: ['Impact Investeerders Utrecht'] },
    { q: 'xyzzyplugh', has: [], only: true },
  ];
  for (const { q, has, only } of cases) {
    test(`q=${q}`, async () => {
      const names = await search(q);
      for (const n of has) assert.ok(names.includes(n), `${q} finds ${n}: ${JSON.stringify(names)}`);
      if (only) assert.deepEqual(names, has);
    });
  }

  test('every hit has all words of the query in its name, description or tags', async () => {
    const { items } = await listAll(k.url, '/api/v1/parties?q=jeugd%20onderzoek&limit=100');
    assert.ok(items.length >= 1);
    for (const p of items) {
      const text = fold([p.name, p.description, ...p.tags].join(' '));
      assert.ok(/\bjeugd/.test(text) && /\bonderzoek/.test(text), p.name);
    }
  });

  test('search pages with a cursor, in name order, and combines with filters', async () => {
    const full = await listAll(k.url, '/api/v1/parties?q=vrijwilligers&limit=100');
    const paged = await listAll(k.url, '/api/v1/parties?q=vrijwilligers&limit=2');
    assert.ok(full.items.length >= 3);
    assert.deepEqual(paged.items.map((p) => p.id), full.items.map((p) => p.id));
    assert.deepEqual(paged.items.map((p) => p.id), [...full.items].sort(SORTS.name).map((p) => p.id));
    for (const h of paged.hrefs.slice(1)) assert.match(h, /[?&]q=vrijwilligers(&|$)/);
    const social = assertOk(await call(k.url, '/api/v1/parties?q=vrijwilligers&kind=social_work&limit=100')).items;
    assert.deepEqual(social.map((p) => p.id), full.items.filter((p) => p.kind === 'social_work').map((p) => p.id));
    const desc = await listAll(k.url, '/api/v1/parties?q=vrijwilligers&sort=-name&limit=2');
    assert.deepEqual(desc.items.map((p) => p.id), [...full.items].sort(SORTS['-name']).map((p) => p.id));
  });

  test('search follows changes: a patched name is found, the old one is not; a deleted party is gone', async () => {
    const p = await create(T.alice, { name: 'Kwartiermakers Zuilen' });
    assert.deepEqual(await search('kwartiermakers'), ['Kwartiermakers Zuilen']);
    const patched = await call(k.url, `/api/v1/parties/${p.id}`, { method: 'PATCH', token: T.alice, body: { name: 'Wijkpioniers Zuilen' } });
    assert.equal(patched.status, 200);
    assert.deepEqual(await search('kwartiermakers'), []);
    assert.deepEqual(await search('wijkpioniers'), ['Wijkpioniers Zuilen']);
    assert.equal((await call(k.url, `/api/v1/parties/${p.id}`, { method: 'DELETE', token: T.alice })).status, 204);
    assert.deepEqual(await search('wijkpioniers'), []);
  });

  after(async () => { await call(k.url, `/api/v1/parties/${cafe.id}`, { method: 'DELETE', token: T.alice }); });
});

describe('create, read, patch, delete', () => {
  test('POST creates: 201, Location, and the party as stored', async () => {
    const body = {
      name: '  Stichting Buurtkracht  ', kind: 'social_work', description: 'Wij **versterken** buurten.\nSinds 2020.',
      email: 'info@buurtkracht.example', phone: '+31 30 123 4567', website: 'https://buurtkracht.example',
      capacityHours: 24, visibility: 'public', areas: ['WK034403', 'GM0344'], roles: ['detect_signals', 'agenda_issues'],
      tags: ['Armoede', 'armoede', ' schulden ', ''],
    };
    const res = await call(k.url, '/api/v1/parties', { method: 'POST', token: T.alice, body });
    const p = assertOk(res, 201);
    assertParty(p);
    assert.equal(res.headers.get('location'), `/api/v1/parties/${p.id}`);
    assert.equal(p.name, 'Stichting Buurtkracht', 'trimmed');
    assert.equal(p.kind, 'social_work');
    assert.equal(p.description, body.description);
    assert.equal(p.email, body.email);
    assert.equal(p.phone, body.phone);
    assert.equal(p.website, body.website);
    assert.equal(p.capacityHours, 24);
    assert.deepEqual([...p.areas].sort(), ['GM0344', 'WK034403']);
    assert.deepEqual([...p.roles].sort(), ['agenda_issues', 'detect_signals']);
    assert.deepEqual([...p.tags].sort(), ['armoede', 'schulden'], 'lower-cased, trimmed, no repeats or empties');
    assert.equal(p.createdAt, p.updatedAt);
    const got = assertOk(await call(k.url, res.headers.get('location')));
    assert.deepEqual(got, p);
  });

  test('only name and kind are needed; the rest has defaults', async () => {
    const p = await create(T.bob, { name: 'Minimaal', kind: 'business' });
    assert.equal(p.description, '');
    assert.equal(p.email, null);
    assert.equal(p.phone, null);
    assert.equal(p.website, null);
    assert.equal(p.capacityHours, null);
    assert.equal(p.visibility, 'public');
    assert.deepEqual(p.areas, []);
    assert.deepEqual(p.roles, []);
    assert.deepEqual(p.tags, []);
  });

  test('ids are UUIDv7 and grow with creation', async () => {
    const a = await create(T.bob, { name: 'Eerste' });
    const b = await create(T.bob, { name: 'Tweede' });
    assert.match(a.id, UUID7);
    assert.ok(a.id < b.id, `${a.id} < ${b.id}`);
  });

  test('GET of an unknown id or a non-id is 404 problem+json', async () => {
    for (const id of ['01234567-89ab-7def-8123-456789abcdef', 'nope', '1', "x'%20OR%20'1'='1"]) {
      assertProblem(await call(k.url, `/api/v1/parties/${id}`), 404);
    }
  });

  describe('PATCH is a JSON merge patch', () => {
    let p;
    before(async () => {
      p = await create(T.alice, {
        name: 'Samen Koken', kind: 'citizen_initiative', description: 'Koken met buren.', email: 'kook@example.nl',
        phone: '030 123 4567', website: 'https://kook.example', capacityHours: 8, areas: ['WK034405'],
        roles: ['involve_target_groups'], tags: ['eten', 'ontmoeting'],
      });
    });

    async function patch(body, { token = T.alice, contentType } = {}) {
      return call(k.url, `/api/v1/parties/${p.id}`, { method: 'PATCH', token, body, contentType });
    }

    test('changes only the fields that are sent', async () => {
      await new Promise((r) => setTimeout(r, 1100)); // so updatedAt can differ from createdAt
      const res = await patch({ description: 'Koken en eten met buren.' });
      const q = assertOk(res);
      assert.equal(q.description, 'Koken en eten met buren.');
      for (const f of ['id', 'name', 'kind', 'email', 'phone', 'website', 'capacityHours', 'visibility', 'areas', 'roles', 'tags', 'createdAt']) {
        assert.deepEqual(q[f], p[f], f);
      }
      assert.ok(q.updatedAt > p.updatedAt, 'updatedAt moves');
      assert.deepEqual(assertOk(await call(k.url, `/api/v1/parties/${p.id}`)), q, 'GET shows the patch');
      p = q;
    });

    test('application/merge-patch+json is accepted', async () => {
      const q = assertOk(await patch({ capacityHours: 12 }, { contentType: 'application/merge-patch+json' }));
      assert.equal(q.capacityHours, 12);
      assert.equal(q.name, p.name);
      p = q;
    });

    test('lists are replaced as a whole', async () => {
      const q = assertOk(await patch({ tags: ['Koken'], areas: ['WK034405', 'WK034406'] }));
      assert.deepEqual(q.tags, ['koken']);
      assert.deepEqual([...q.areas].sort(), ['WK034405', 'WK034406']);
      assert.deepEqual(q.roles, p.roles);
      p = q;
    });

    test('null clears optional fields', async () => {
      const q = assertOk(await patch({ email: null, phone: null, website: null, capacityHours: null, tags: null, areas: null, roles: null, description: null }));
      assert.equal(q.email, null);
      assert.equal(q.phone, null);
      assert.equal(q.website, null);
      assert.equal(q.capacityHours, null);
      assert.deepEqual(q.tags, []);
      assert.deepEqual(q.areas, []);
      assert.deepEqual(q.roles, []);
      assert.equal(q.description, '');
      assert.equal(q.name, p.name);
      assert.equal(q.kind, p.kind);
      assert.deepEqual(assertOk(await call(k.url, `/api/v1/parties/${p.id}`)), q);
      p = q;
    });

    test('an empty patch changes nothing but updatedAt', async () => {
      const q = assertOk(await patch({}));
      for (const f of FIELDS.filter((x) => x !== 'updatedAt')) assert.deepEqual(q[f], p[f], f);
      p = q;
    });

    const bad = [
      [{ name: null }, ['name']],
      [{ kind: null }, ['kind']],
      [{ name: '' }, ['name']],
      [{ kind: 'bank' }, ['kind']],
      [{ id: '01234567-89ab-7def-8123-456789abcdef' }, ['id']],
      [{ createdAt: '2020-01-01T00:00:00Z', updatedAt: '2020-01-01T00:00:00Z' }, ['createdAt', 'updatedAt']],
      [{ _links: {} }, ['_links']],
      [{ colour: 'blue' }, ['colour']],
      [{ name: 5, tags: 'x', capacityHours: '3', visibility: 'secret' }, ['name', 'tags', 'capacityHours', 'visibility']],
    ];
    for (const [body, names] of bad) {
      test(`an invalid patch ${JSON.stringify(body).slice(0, 60)} is 400 and changes nothing`, async () => {
        assertInvalid(await patch(body), names);
        assert.deepEqual(assertOk(await call(k.url, `/api/v1/parties/${p.id}`)), p);
      });
    }

    test('PATCH of an unknown party is 404', async () => {
      assertProblem(await call(k.url, '/api/v1/parties/01234567-89ab-7def-8123-456789abcdef', { method: 'PATCH', token: T.alice, body: { name: 'x' } }), 404);
    });
  });

  test('DELETE: 204 without a body, then 404 for GET, PATCH and DELETE, and gone from the list', async () => {
    const p = await create(T.alice, { name: 'Tijdelijk Initiatief', tags: ['tijdelijk'] });
    const del = await call(k.url, `/api/v1/parties/${p.id}`, { method: 'DELETE', token: T.alice });
    assert.equal(del.status, 204);
    assert.equal(del.text, '');
    assertProblem(await call(k.url, `/api/v1/parties/${p.id}`), 404);
    assertProblem(await call(k.url, `/api/v1/parties/${p.id}`, { method: 'PATCH', token: T.alice, body: { name: 'x' } }), 404);
    assertProblem(await call(k.url, `/api/v1/parties/${p.id}`, { method: 'DELETE', token: T.alice }), 404);
    const list = await allParties(T.admin);
    assert.ok(!list.some((x) => x.id === p.id));
    assert.deepEqual(assertOk(await call(k.url, '/api/v1/parties?tag=tijdelijk')).items, []);
  });
});

describe('private parties', () => {
  let secret;
  before(async () => {
    secret = await create(T.alice, { name: 'Geheim Buurtnetwerk', kind: 'social_work', visibility: 'private', areas: ['WK034403'], roles: ['detect_signals'], tags: ['verborgen'] });
  });

  const queries = ['', '?kind=social_work', '?area=WK034403', '?role=detect_signals', '?tag=verborgen', '?q=geheim', '?sort=-createdAt'];

  for (const who of ['anonymous', 'bob']) {
    test(`${who} cannot read it, find it in any list, change or delete it`, async () => {
      const token = who === 'bob' ? T.bob : undefined;
      assertProblem(await call(k.url, `/api/v1/parties/${secret.id}`, { token }), 404);
      for (const q of queries) {
        const { items } = await listAll(k.url, `/api/v1/parties${q}${q ? '&' : '?'}limit=100`, { token });
        assert.ok(!items.some((p) => p.id === secret.id), `${who} sees it in ${q}`);
      }
      if (token) {
        assertProblem(await call(k.url, `/api/v1/parties/${secret.id}`, { method: 'PATCH', token, body: { name: 'Gekaapt' } }), 404);
        assertProblem(await call(k.url, `/api/v1/parties/${secret.id}`, { method: 'DELETE', token }), 404);
      } else {
        assertProblem(await call(k.url, `/api/v1/parties/${secret.id}`, { method: 'PATCH', body: { name: 'Gekaapt' } }), 401);
        const del = await call(k.url, `/api/v1/parties/${secret.id}`, { method: 'DELETE' });
        assert.ok([401, 404].includes(del.status), `${del.status}`);
        assertProblem(del, del.status);
      }
      assert.equal(assertOk(await call(k.url, `/api/v1/parties/${secret.id}`, { token: T.alice })).name, 'Geheim Buurtnetwerk');
    });
  }

  for (const who of ['alice', 'admin']) {
    test(`${who} (${who === 'alice' ? 'its creator' : 'an admin'}) reads it and finds it in every list`, async () => {
      const got = assertOk(await call(k.url, `/api/v1/parties/${secret.id}`, { token: T[who] }));
      assert.deepEqual(got, secret);
      for (const q of queries) {
        const { items } = await listAll(k.url, `/api/v1/parties${q}${q ? '&' : '?'}limit=100`, { token: T[who] });
        assert.ok(items.some((p) => p.id === secret.id), `${who} misses it in ${q}`);
      }
    });
  }

  test('making it public shows it to everyone; private again hides it', async () => {
    assert.equal(assertOk(await call(k.url, `/api/v1/parties/${secret.id}`, { method: 'PATCH', token: T.alice, body: { visibility: 'public' } })).visibility, 'public');
    assert.equal(assertOk(await call(k.url, `/api/v1/parties/${secret.id}`)).name, 'Geheim Buurtnetwerk');
    assert.equal(assertOk(await call(k.url, `/api/v1/parties/${secret.id}`, { method: 'PATCH', token: T.alice, body: { visibility: 'private' } })).visibility, 'private');
    assertProblem(await call(k.url, `/api/v1/parties/${secret.id}`), 404);
  });

  test('an admin may change and delete it', async () => {
    const q = assertOk(await call(k.url, `/api/v1/parties/${secret.id}`, { method: 'PATCH', token: T.admin, body: { description: 'Door beheer aangepast.' } }));
    assert.equal(q.description, 'Door beheer aangepast.');
    assert.equal(q.visibility, 'private');
    assert.equal((await call(k.url, `/api/v1/parties/${secret.id}`, { method: 'DELETE', token: T.admin })).status, 204);
    assertProblem(await call(k.url, `/api/v1/parties/${secret.id}`, { token: T.alice }), 404);
  });
});

describe('permissions', () => {
  let mine;
  before(async () => { mine = await create(T.alice, { name: 'Van Alice', kind: 'business' }); });

  test('another user may read a public party but gets 403 on PATCH and DELETE, and nothing changes', async () => {
    assert.equal(assertOk(await call(k.url, `/api/v1/parties/${mine.id}`, { token: T.bob })).id, mine.id);
    assertProblem(await call(k.url, `/api/v1/parties/${mine.id}`, { method: 'PATCH', token: T.bob, body: { name: 'Van Bob' } }), 403);
    assertProblem(await call(k.url, `/api/v1/parties/${mine.id}`, { method: 'DELETE', token: T.bob }), 403);
    assert.deepEqual(assertOk(await call(k.url, `/api/v1/parties/${mine.id}`)), mine);
  });

  test('a 403 comes before the body is looked at', async () => {
    assertProblem(await call(k.url, `/api/v1/parties/${mine.id}`, { method: 'PATCH', token: T.bob, body: { name: 5, nope: 1 } }), 403);
  });

  test('a user may not change the demo parties, which nobody created', async () => {
    const demo = assertOk(await call(k.url, '/api/v1/parties?kind=government&limit=1')).items[0];
    assertProblem(await call(k.url, `/api/v1/parties/${demo.id}`, { method: 'PATCH', token: T.alice, body: { name: 'Overgenomen' } }), 403);
    assertProblem(await call(k.url, `/api/v1/parties/${demo.id}`, { method: 'DELETE', token: T.alice }), 403);
    assert.equal(assertOk(await call(k.url, `/api/v1/parties/${demo.id}`)).name, demo.name);
  });

  const anonymous = [
    ['POST', '/api/v1/parties', partyBody()],
    ['PATCH', null, { name: 'Anoniem' }],
    ['DELETE', null, undefined],
  ];
  for (const [method, path, body] of anonymous) {
    test(`anonymous ${method}: 401 problem+json with WWW-Authenticate: Bearer`, async () => {
      const res = await call(k.url, path || `/api/v1/parties/${mine.id}`, { method, body });
      assertProblem(res, 401);
      assert.match(res.headers.get('www-authenticate') || '', /^Bearer/);
      assert.deepEqual(assertOk(await call(k.url, `/api/v1/parties/${mine.id}`)), mine);
    });
  }

  const badTokens = [
    ['a made-up token', 'Bearer kiem_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['an empty token', 'Bearer '],
    ['another scheme', 'Basic YWxpY2U6c2VjcmV0'],
    ['a token without a scheme', null],
  ];
  for (const [what, header] of badTokens) {
    test(`${what}: 401 on reads and writes`, async () => {
      const auth = header ?? k.tokens[ALICE];
      for (const [method, path, body] of [['GET', '/api/v1/parties', undefined], ['GET', `/api/v1/parties/${mine.id}`, undefined],
        ['POST', '/api/v1/parties', partyBody()], ['PATCH', `/api/v1/parties/${mine.id}`, { name: 'x' }], ['DELETE', `/api/v1/parties/${mine.id}`, undefined]]) {
        const res = await call(k.url, path, { method, body, headers: { Authorization: auth } });
        assertProblem(res, 401);
        assert.match(res.headers.get('www-authenticate') || '', /^Bearer/, `${method} ${path}`);
      }
      assert.deepEqual(assertOk(await call(k.url, `/api/v1/parties/${mine.id}`)), mine);
    });
  }

  test('the scheme is case-insensitive', async () => {
    const res = await call(k.url, `/api/v1/parties/${mine.id}`, { headers: { Authorization: `bearer ${T.alice}` } });
    assertOk(res);
  });

  test('an admin may change and delete another user\'s party', async () => {
    const q = assertOk(await call(k.url, `/api/v1/parties/${mine.id}`, { method: 'PATCH', token: T.admin, body: { name: 'Door beheer' } }));
    assert.equal(q.name, 'Door beheer');
    assert.equal((await call(k.url, `/api/v1/parties/${mine.id}`, { method: 'DELETE', token: T.admin })).status, 204);
  });
});
