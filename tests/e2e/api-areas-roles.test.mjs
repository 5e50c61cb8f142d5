// /api/v1/health, /api/v1/roles and /api/v1/areas against the demo ecosystem.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem } from '../lib/kiem.mjs';
import { USERS, ADMIN, ALICE, call, assertOk, assertProblem, assertInvalid, listAll } from './helpers.mjs';

let k;
before(async () => { k = await startKiem({ demo: true, users: USERS }); });
after(async () => { await k?.stop(); });

const KINDS = ['citizen_initiative', 'social_work', 'government', 'business', 'knowledge_institute'];

// The catalogue of DESIGN.md section 1: key, the Dutch name there, typical kinds.
const ROLES = [
  ['procure_innovations', /inkopen sociale innovaties/i, ['government']],
  ['attract_private_capital', /toeleiding privaat kapitaal/i, ['government']],
  ['fund_what_works_research', /onderzoek naar .wat werkt/i, ['government']],
  ['regulatory_room', /ruimte in wet- en regelgeving/i, ['government']],
  ['invest', /investeren/i, ['business']],
  ['operate_responsibly', /maatschappelijk verantwoord opereren/i, ['business']],
  ['research_working_elements', /onderzoek naar werkzame elementen/i, ['knowledge_institute']],
  ['combine_knowledge', /samenbrengen/i, ['knowledge_institute']],
  ['detect_signals', /kansen, knelpunten en leemten/i, ['social_work']],
  ['pioneer_in_practice', /pionieren/i, ['social_work']],
  ['agenda_issues', /formuleren en agenderen/i, ['social_work', 'citizen_initiative']],
  ['involve_target_groups', /profijtgroepen betrekken/i, ['social_work', 'citizen_initiative']],
];

describe('health', () => {
  test('GET /api/v1/health answers {"status":"ok"}', async () => {
    const res = await call(k.url, '/api/v1/health');
    assert.deepEqual(assertOk(res), { status: 'ok' });
  });
});

describe('roles', () => {
  test('the list has the 12 roles of the dossier, in its order, with Dutch and English names', async () => {
    const b = assertOk(await call(k.url, '/api/v1/roles'));
    assert.equal(b.items.length, 12);
    assert.deepEqual(b.items.map((r) => r.key), ROLES.map((r) => r[0]));
    assert.equal(b._links.self.href, '/api/v1/roles');
    assert.equal(b._links.next, undefined);
    const nl = new Set();
    const en = new Set();
    for (const [key, dutch, kinds] of ROLES) {
      const r = b.items.find((x) => x.key === key);
      assert.match(r.nameNl, dutch, key);
      assert.equal(typeof r.nameEn, 'string');
      assert.ok(r.nameEn.length > 3, key);
      assert.notEqual(r.nameEn, r.nameNl, `${key}: the English name is a translation`);
      assert.ok(r.descriptionNl.length > 10 && r.descriptionEn.length > 10, key);
      assert.deepEqual([...r.typicalKinds].sort(), [...kinds].sort(), key);
      for (const kd of r.typicalKinds) assert.ok(KINDS.includes(kd));
      assert.equal(r._links.self.href, `/api/v1/roles/${key}`);
      nl.add(r.nameNl);
      en.add(r.nameEn);
    }
    assert.equal(nl.size, 12, 'Dutch names are distinct');
    assert.equal(en.size, 12, 'English names are distinct');
  });

  test('GET /api/v1/roles/{key} answers the same role as the list', async () => {
    const list = assertOk(await call(k.url, '/api/v1/roles')).items;
    for (const r of list) {
      const one = assertOk(await call(k.url, r._links.self.href));
      assert.deepEqual(one, r);
    }
  });

  test('an unknown role is 404 problem+json', async () => {
    for (const key of ['nope', 'INVEST', 'invest%20', "invest'--"]) {
      assertProblem(await call(k.url, `/api/v1/roles/${key}`), 404);
    }
  });

  test('the roles list takes no query parameters', async () => {
    assertInvalid(await call(k.url, '/api/v1/roles?limit=5'), ['limit']);
    assertInvalid(await call(k.url, '/api/v1/roles?kind=business'), ['kind']);
  });
});

describe('areas: reading', () => {
  let all;
  before(async () => { all = (await listAll(k.url, '/api/v1/areas?limit=100')).items; });

  test('the demo has Nederland > Utrecht (provincie) > Utrecht > its ten districts', () => {
    const byCode = Object.fromEntries(all.map((a) => [a.code, a]));
    assert.equal(byCode.NL01.level, 'country');
    assert.equal(byCode.NL01.parent, null);
    assert.equal(byCode.PV26.parent, 'NL01');
    assert.equal(byCode.GM0344.parent, 'PV26');
    assert.equal(byCode.GM0344.name, 'Utrecht');
    assert.equal(all.filter((a) => a.parent === 'GM0344' && a.level === 'district').length, 10);
    for (const a of all) {
      assert.deepEqual(Object.keys(a).sort(), ['_links', 'code', 'createdAt', 'level', 'name', 'parent', 'partyCount']);
      assert.match(a.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      assert.equal(a._links.self.href, `/api/v1/areas/${a.code}`);
      if (a.parent) assert.equal(a._links.parent.href, `/api/v1/areas/${a.parent}`);
      assert.equal(typeof a.partyCount, 'number');
    }
    assert.ok(byCode.WK034403.partyCount >= 1, 'Overvecht has parties in the demo');
  });

  test('the list is in tree order: every parent before its children', () => {
    const seen = new Set();
    for (const a of all) {
      if (a.parent) assert.ok(seen.has(a.parent), `${a.code} before its parent ${a.parent}`);
      seen.add(a.code);
    }
  });

  test('the default page has at most 20 areas', async () => {
    const b = assertOk(await call(k.url, '/api/v1/areas'));
    assert.equal(b.items.length, Math.min(20, all.length));
    assert.equal(b._links.self.href, '/api/v1/areas');
  });

  for (const limit of [1, 2, 3, 5]) {
    test(`paging with limit=${limit} follows _links.next to every area exactly once`, async () => {
      const { items, pages, hrefs } = await listAll(k.url, `/api/v1/areas?limit=${limit}`);
      assert.deepEqual(items.map((a) => a.code), all.map((a) => a.code));
      assert.equal(pages, Math.ceil(all.length / limit));
      for (const h of hrefs.slice(1)) {
        assert.match(h, /^\/api\/v1\/areas\?/);
        assert.match(h, new RegExp(`[?&]limit=${limit}(&|$)`));
        assert.match(h, /[?&]cursor=[^&]+/);
      }
    });
  }

  test('the last page has no next link, and its self link is the request', async () => {
    const { hrefs } = await listAll(k.url, '/api/v1/areas?limit=4');
    const last = assertOk(await call(k.url, hrefs[hrefs.length - 1]));
    assert.equal(last._links.next, undefined);
    assert.equal(last._links.self.href, hrefs[hrefs.length - 1]);
  });

  const filters = [
    { q: 'parent=GM0344', want: (a) => a.parent === 'GM0344' },
    { q: 'parent=NL01', want: (a) => a.parent === 'NL01' },
    { q: 'level=district', want: (a) => a.level === 'district' },
    { q: 'level=municipality', want: (a) => a.level === 'municipality' },
    { q: 'level=country', want: (a) => a.level === 'country' },
    { q: 'parent=GM0344&level=district', want: (a) => a.parent === 'GM0344' && a.level === 'district' },
    { q: 'parent=GM0344&level=province', want: () => false },
    { q: 'q=oost', want: (a) => /oost/i.test(a.name) },
    { q: 'q=OOST', want: (a) => /oost/i.test(a.name) },
    { q: 'q=Leidsche%20Rijn', want: (a) => a.name === 'Leidsche Rijn' },
    { q: 'q=GM0344', want: (a) => a.code === 'GM0344' },
    { q: 'q=%25', want: (a) => a.name.includes('%') },
    { q: 'q=_', want: (a) => a.name.includes('_') },
    { q: 'q=zzzz', want: () => false },
  ];
  for (const { q, want } of filters) {
    test(`filter ${q}`, async () => {
      const { items } = await listAll(k.url, `/api/v1/areas?${q}&limit=3`);
      const expected = all.filter(want).map((a) => a.code);
      assert.deepEqual(items.map((a) => a.code), expected);
    });
  }

  test('a filter stays in _links.next', async () => {
    const b = assertOk(await call(k.url, '/api/v1/areas?parent=GM0344&limit=3'));
    assert.equal(b.items.length, 3);
    assert.match(b._links.next.href, /[?&]parent=GM0344(&|$)/);
    assert.match(b._links.self.href, /[?&]parent=GM0344(&|$)/);
  });

  test('GET /api/v1/areas/{code} answers one area with its parent link', async () => {
    const a = assertOk(await call(k.url, '/api/v1/areas/WK034403'));
    assert.equal(a.code, 'WK034403');
    assert.equal(a.name, 'Overvecht');
    assert.equal(a.level, 'district');
    assert.equal(a.parent, 'GM0344');
    assert.equal(a._links.self.href, '/api/v1/areas/WK034403');
    assert.equal(a._links.parent.href, '/api/v1/areas/GM0344');
    const root = assertOk(await call(k.url, '/api/v1/areas/NL01'));
    assert.equal(root.parent, null);
    assert.equal(root._links.parent, undefined);
  });

  test('an unknown area is 404 problem+json', async () => {
    for (const code of ['GM9999', 'gm0344', "GM0344'--", 'x'.repeat(300)]) {
      assertProblem(await call(k.url, `/api/v1/areas/${encodeURIComponent(code)}`), 404);
    }
  });

  const badQueries = [
    ['level=city', 'level'],
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=', 'limit'],
    ['cursor=!!!', 'cursor'],
    ['cursor=' + 'A'.repeat(3000), 'cursor'],
    ['kind=business', 'kind'],
    ['sort=name', 'sort'],
    ['q=' + 'a'.repeat(201), 'q'],
    ['q=a%01b', 'q'],
  ];
  for (const [q, name] of badQueries) {
    test(`?${q.slice(0, 40)} is 400 naming ${name}`, async () => {
      assertInvalid(await call(k.url, `/api/v1/areas?${q}`), [name]);
    });
  }
});

describe('areas: creating', () => {
  const area = { code: 'BU03440301', name: 'Overvecht-Noord', level: 'neighbourhood', parent: 'WK034403' };

  test('anonymous: 401 problem+json with WWW-Authenticate, and nothing is made', async () => {
    const res = await call(k.url, '/api/v1/areas', { method: 'POST', body: { ...area, code: 'BU03440399' } });
    assertProblem(res, 401);
    assert.match(res.headers.get('www-authenticate'), /^Bearer/);
    assertProblem(await call(k.url, '/api/v1/areas/BU03440399'), 404);
  });

  test('a bad token: 401', async () => {
    const res = await call(k.url, '/api/v1/areas', { method: 'POST', token: 'kiem_not-a-real-token', body: area });
    assertProblem(res, 401);
  });

  test('a user who is not an admin: 403, also for an invalid body, and nothing is made', async () => {
    const t = k.tokens[ALICE];
    assertProblem(await call(k.url, '/api/v1/areas', { method: 'POST', token: t, body: { ...area, code: 'BU03440398' } }), 403);
    assertProblem(await call(k.url, '/api/v1/areas', { method: 'POST', token: t, body: {} }), 403);
    assertProblem(await call(k.url, '/api/v1/areas/BU03440398'), 404);
  });

  test('an admin: 201 with Location and the area, which can then be read and listed', async () => {
    const res = await call(k.url, '/api/v1/areas', { method: 'POST', token: k.tokens[ADMIN], body: area });
    const b = assertOk(res, 201);
    assert.equal(res.headers.get('location'), '/api/v1/areas/BU03440301');
    assert.equal(b.code, area.code);
    assert.equal(b.name, area.name);
    assert.equal(b.level, area.level);
    assert.equal(b.parent, area.parent);
    assert.match(b.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(b._links.self.href, '/api/v1/areas/BU03440301');
    const got = assertOk(await call(k.url, res.headers.get('location')));
    assert.equal(got.name, area.name);
    assert.equal(got.parent, 'WK034403');
    const children = assertOk(await call(k.url, '/api/v1/areas?parent=WK034403'));
    assert.deepEqual(children.items.map((a) => a.code), ['BU03440301']);
    assert.equal(children.items[0].partyCount, 0);
  });

  test('a root area without a parent can be made', async () => {
    const res = await call(k.url, '/api/v1/areas', { method: 'POST', token: k.tokens[ADMIN], body: { code: 'BE01', name: 'België', level: 'country' } });
    const b = assertOk(res, 201);
    assert.equal(b.parent, null);
    assert.equal(res.headers.get('location'), '/api/v1/areas/BE01');
  });

  test('a code that is taken is refused', async () => {
    const res = await call(k.url, '/api/v1/areas', { method: 'POST', token: k.tokens[ADMIN], body: { ...area, name: 'Tweede' } });
    assert.ok([400, 409].includes(res.status), `got ${res.status}`);
    assertProblem(res, res.status);
    if (res.status === 400) assertInvalid(res, ['code']);
    assert.equal(assertOk(await call(k.url, '/api/v1/areas/BU03440301')).name, area.name, 'the first one is unchanged');
  });

  const invalid = [
    { body: {}, names: ['code', 'name', 'level'] },
    { body: { code: 'a/b', name: 'x', level: 'district', parent: 'GM0344' }, names: ['code'] },
    { body: { code: 'X'.repeat(17), name: 'x', level: 'district', parent: 'GM0344' }, names: ['code'] },
    { body: { code: 'WK034499', name: 'x', level: 'city', parent: 'GM0344' }, names: ['level'] },
    { body: { code: 'WK034499', name: 'x', level: 'district', parent: 'GM9999' }, names: ['parent'] },
    { body: { code: 'WK034499', name: 'x', level: 'municipality', parent: 'GM0344' }, names: ['level'] },
    { body: { code: 'WK034499', name: 'x'.repeat(201), level: 'district', parent: 'GM0344' }, names: ['name'] },
    { body: { code: 'WK034499', name: 'a\u0007b', level: 'district', parent: 'GM0344' }, names: ['name'] },
    { body: { code: 5, name: ['x'], level: true, parent: {} }, names: ['code', 'name', 'level', 'parent'] },
    { body: { code: 'WK034499', name: 'x', level: 'district', parent: 'GM0344', partyCount: 1, createdAt: 'x', extra: 1 }, names: ['partyCount', 'createdAt', 'extra'] },
  ];
  for (const { body, names } of invalid) {
    test(`invalid: ${JSON.stringify(body).slice(0, 70)} names ${names.join(', ')}`, async () => {
      assertInvalid(await call(k.url, '/api/v1/areas', { method: 'POST', token: k.tokens[ADMIN], body }), names);
      if (typeof body.code === 'string') assertProblem(await call(k.url, `/api/v1/areas/${encodeURIComponent(body.code)}`), 404);
    });
  }

  test('every problem of one request is listed, also beside an unknown field', async () => {
    const res = await call(k.url, '/api/v1/areas', { method: 'POST', token: k.tokens[ADMIN], body: { code: 'a/b', level: 'district', parent: 'GM9999', extra: 1 } });
    assertInvalid(res, ['code', 'name', 'parent', 'extra']);
  });
});
