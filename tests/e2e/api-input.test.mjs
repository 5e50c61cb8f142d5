// Bad input of every kind: bodies that are not JSON objects, fields of the
// wrong type, unknown and read-only fields, too long or unreadable text, too
// big or too deep bodies, the wrong media type, bad query parameters, and SQL
// and HTML that must come back as plain data.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem } from '../lib/kiem.mjs';
const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
import { USERS, ALICE, ADMIN, call, assertOk, assertProblem, assertInvalid, listAll, partyBody } from './helpers.mjs';

let k;
let token;
let before_count; // every refused write must leave the directory as it was
const post = (body, opts = {}) => call(k.url, '/api/v1/parties', { method: 'POST', token, body, ...opts });
const count = async () => (await listAll(k.url, '/api/v1/parties?limit=100', { token: k.tokens[ADMIN] })).items.length;

before(async () => {
  k = await startKiem({ demo: true, users: USERS });
  token = k.tokens[ALICE];
  before_count = await count();
});
after(async () => { await k?.stop(); });

describe('bodies that are not a JSON object', () => {
  const cases = [
    ['invalid JSON', '{"name": "x", "kind": '],
    ['a trailing comma', '{"name": "x", "kind": "business",}'],
    ['single quotes', "{'name': 'x'}"],
    ['JSON null', 'null'],
    ['an array', '[{"name": "x", "kind": "business"}]'],
    ['a string', '"name"'],
    ['a number', '42'],
    ['true', 'true'],
    ['an empty body', ''],
    ['only spaces', '   '],
    ['two objects', '{"name":"a","kind":"business"} {"name":"b","kind":"business"}'],
    ['a duplicate key', '{"name": "a", "name": "b", "kind": "business"}'],
    ['a duplicate key deeper down', '{"name": "a", "kind": "business", "tags": ["x"], "tags": ["y"]}'],
    ['a NUL escape', '{"name": "a\\u0000b", "kind": "business"}'],
    ['a lone surrogate', '{"name": "a\\ud800b", "kind": "business"}'],
    ['an integer too big for 64 bits', '{"name": "a", "kind": "business", "capacityHours": 99999999999999999999999}'],
    ['nesting 40 deep', '{"name": "a", "kind": "business", "tags": ' + '['.repeat(40) + ']'.repeat(40) + '}'],
    ['nesting 10000 deep', '['.repeat(10000) + ']'.repeat(10000)],
    ['nesting of objects', '{"a":'.repeat(100) + '1' + '}'.repeat(100)],
  ];
  for (const [what, raw] of cases) {
    test(`${what}: 400 problem+json`, async () => {
      const res = await post(raw);
      assertProblem(res, 400);
    });
  }

  test('invalid UTF-8 in the body (raw bytes): 400', async () => {
    for (const bytes of [[0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf8, 0x88, 0x80, 0x80, 0x80]]) {
      const body = Buffer.concat([Buffer.from('{"name": "Caf'), Buffer.from(bytes), Buffer.from('", "kind": "business"}')]);
      assertProblem(await post(body), 400);
    }
  });

  test('valid UTF-8 of every length is kept as sent', async () => {
    const name = 'Café Ĳssel — 北 😀';
    const p = assertOk(await post(Buffer.from(JSON.stringify(partyBody({ name })))), 201);
    assert.equal(p.name, name);
    assert.equal(assertOk(await call(k.url, `/api/v1/parties/${p.id}`)).name, name);
    assert.equal((await call(k.url, `/api/v1/parties/${p.id}`, { method: 'DELETE', token })).status, 204);
  });
});

describe('fields: every problem of a request is listed in invalidParams', () => {
  const cases = [
    { what: 'missing required fields', body: {}, names: ['name', 'kind'] },
    { what: 'name as a number', body: { name: 5, kind: 'business' }, names: ['name'] },
    { what: 'kind as an array', body: { name: 'x', kind: ['business'] }, names: ['kind'] },
    { what: 'tags not an array', body: partyBody({ tags: 'zorg' }), names: ['tags'] },
    { what: 'tags with a number', body: partyBody({ tags: ['zorg', 5] }), names: ['tags'] },
    { what: 'areas as an object', body: partyBody({ areas: { code: 'GM0344' } }), names: ['areas'] },
    { what: 'capacityHours as a string', body: partyBody({ capacityHours: '8' }), names: ['capacityHours'] },
    { what: 'capacityHours as a float', body: partyBody({ capacityHours: 1.5 }), names: ['capacityHours'] },
    { what: 'capacityHours as a boolean', body: partyBody({ capacityHours: true }), names: ['capacityHours'] },
    { what: 'capacityHours below 0', body: partyBody({ capacityHours: -1 }), names: ['capacityHours'] },
    { what: 'capacityHours above 10000', body: partyBody({ capacityHours: 10001 }), names: ['capacityHours'] },
    { what: 'an unknown field', body: partyBody({ colour: 'blue' }), names: ['colour'] },
    { what: 'read-only id and createdAt', body: partyBody({ id: '01234567-89ab-7def-8123-456789abcdef', createdAt: '2020-01-01T00:00:00Z' }), names: ['id', 'createdAt'] },
    { what: 'read-only updatedAt and _links', body: partyBody({ updatedAt: 'x', _links: {} }), names: ['updatedAt', '_links'] },
    { what: 'an unknown kind', body: partyBody({ kind: 'bank' }), names: ['kind'] },
    { what: 'a kind in capitals', body: partyBody({ kind: 'BUSINESS' }), names: ['kind'] },
    { what: 'an unknown visibility', body: partyBody({ visibility: 'secret' }), names: ['visibility'] },
    { what: 'an unknown area', body: partyBody({ areas: ['GM0344', 'GM9999'] }), names: ['areas'] },
    { what: 'an unknown role', body: partyBody({ roles: ['invest', 'steal'] }), names: ['roles'] },
    { what: 'a bad email', body: partyBody({ email: 'niet-een-adres' }), names: ['email'] },
    { what: 'a bad phone', body: partyBody({ phone: 'bel me' }), names: ['phone'] },
    { what: 'a website that is not http(s)', body: partyBody({ website: 'javascript:alert(1)' }), names: ['website'] },
    { what: 'too many tags', body: partyBody({ tags: Array.from({ length: 31 }, (_, i) => `tag${i}`) }), names: ['tags'] },
    { what: 'a tag too long', body: partyBody({ tags: ['t'.repeat(51)] }), names: ['tags'] },
    { what: 'too many areas', body: partyBody({ areas: Array(51).fill('GM0344') }), names: ['areas'] },
    { what: 'name of only spaces', body: partyBody({ name: '   ' }), names: ['name'] },
    { what: 'name longer than 200 characters', body: partyBody({ name: 'n'.repeat(201) }), names: ['name'] },
    { what: 'name of 201 two-byte characters', body: partyBody({ name: 'é'.repeat(201) }), names: ['name'] },
    { what: 'description longer than 10000 characters', body: partyBody({ description: 'd'.repeat(10001) }), names: ['description'] },
    { what: 'a control character in the name', body: partyBody({ name: 'a\u0001b' }), names: ['name'] },
    { what: 'a newline in the name', body: partyBody({ name: 'a\nb' }), names: ['name'] },
    { what: 'DEL in the name', body: partyBody({ name: 'a\u007fb' }), names: ['name'] },
    { what: 'escape in the description', body: partyBody({ description: 'rood \u001b[31m' }), names: ['description'] },
    { what: 'a control character in a tag', body: partyBody({ tags: ['a\u0002'] }), names: ['tags'] },
    {
      what: 'everything wrong at once',
      body: {
        name: 5, kind: 'bank', description: 'x\u0003', email: 'nope', phone: 'abc', website: 'ftp://x',
        capacityHours: 2.5, visibility: 'secret', areas: ['XX'], roles: ['nope'], tags: 'x', id: 'x', createdAt: 'x', extra: true,
      },
      names: ['name', 'kind', 'description', 'email', 'phone', 'website', 'capacityHours', 'visibility', 'areas', 'roles', 'tags', 'id', 'createdAt', 'extra'],
    },
    {
      what: 'wrong types beside missing fields',
      body: { tags: 'x', capacityHours: '3', foo: 1 },
      names: ['name', 'kind', 'tags', 'capacityHours', 'foo'],
    },
  ];
  for (const { what, body, names } of cases) {
    test(`${what}: 400 naming ${names.join(', ')}`, async () => {
      const listed = assertInvalid(await post(body), names);
      assert.equal(new Set(listed).size, listed.length, 'each field once');
    });
  }

  test('the detail says how many problems there are', async () => {
    const res = await post({ tags: 'x' });
    const listed = assertInvalid(res, ['name', 'kind', 'tags']);
    assert.equal(listed.length, 3);
    assert.match(res.body.detail, /\b3 problems\b/);
  });

  const edges = [
    { what: 'name of exactly 200 characters', over: { name: 'n'.repeat(200) } },
    { what: 'name of 200 two-byte characters', over: { name: 'é'.repeat(200) } },
    { what: 'name of 200 four-byte characters', over: { name: '😀'.repeat(200) } },
    { what: 'description of exactly 10000 characters', over: { description: 'd'.repeat(10000) } },
    { what: 'a description with newlines and tabs', over: { description: 'regel 1\nregel 2\r\n\tregel 3' } },
    { what: 'capacityHours 0', over: { capacityHours: 0 } },
    { what: 'capacityHours 10000', over: { capacityHours: 10000 } },
    { what: '30 tags', over: { tags: Array.from({ length: 30 }, (_, i) => `tag${i}`) } },
    { what: 'all 12 roles', over: { roles: ['procure_innovations', 'attract_private_capital', 'fund_what_works_research', 'regulatory_room', 'invest', 'operate_responsibly', 'research_working_elements', 'combine_knowledge', 'detect_signals', 'pioneer_in_practice', 'agenda_issues', 'involve_target_groups'] } },
  ];
  for (const { what, over } of edges) {
    test(`at the limit: ${what} is accepted and kept`, async () => {
      const p = assertOk(await post(partyBody(over)), 201);
      for (const [f, v] of Object.entries(over)) {
        if (Array.isArray(v)) assert.deepEqual([...p[f]].sort(), [...v].sort(), f);
        else assert.equal(p[f], v, f);
      }
      assert.equal((await call(k.url, `/api/v1/parties/${p.id}`, { method: 'DELETE', token })).status, 204);
    });
  }
});

describe('size, depth and media type', () => {
  const LIMIT = 256 * 1024;

  // A party body of exactly n bytes, its description padded.
  function bodyOf(n) {
    const base = JSON.stringify(partyBody({ description: '' }));
    const pad = n - Buffer.byteLength(base);
    return Buffer.from(JSON.stringify(partyBody({ description: 'd'.repeat(pad) })));
  }

  test('a body of 256 KiB is read (and refused for its description, not its size)', async () => {
    const body = bodyOf(LIMIT);
    assert.equal(body.length, LIMIT);
    assertInvalid(await post(body), ['description']);
  });

  test('a body over 256 KiB: 413 problem+json', async () => {
    const body = bodyOf(LIMIT + 1);
    assert.equal(body.length, LIMIT + 1);
    assertProblem(await post(body), 413);
    assertProblem(await post(bodyOf(300 * 1024)), 413);
  });

  test('a client that sends Expect: 100-continue gets the 413 before it sends the body', async () => {
    const { request } = await import('node:http');
    const u = new URL(`${k.url}/api/v1/parties`);
    const res = await new Promise((resolve, reject) => {
      const req = request({
        host: u.hostname, port: u.port, path: u.pathname, method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(50 * 1024 * 1024), Expect: '100-continue', Authorization: `Bearer ${token}` },
      });
      req.on('continue', () => { req.destroy(); reject(new Error('the server asked for a body it will not take')); });
      req.on('response', (r) => {
        const chunks = [];
        r.on('data', (c) => chunks.push(c));
        r.on('end', () => { resolve({ status: r.statusCode, type: r.headers['content-type'], body: Buffer.concat(chunks).toString() }); req.destroy(); });
      });
      req.on('error', reject);
      req.setTimeout(5000, () => req.destroy(new Error('timeout: no answer without the body')));
      req.flushHeaders();
    });
    assert.equal(res.status, 413);
    assert.equal(res.type, 'application/problem+json');
    assert.equal(JSON.parse(res.body).status, 413);
  });

  test('a client that sends a body of several MiB at once sees the 413, not a reset connection', async () => {
    for (let i = 0; i < 10; i++) {
      const res = await post(Buffer.alloc(4 * 1024 * 1024, 0x20));
      assertProblem(res, 413);
    }
  });

  test('a body over 256 KiB on PATCH: 413', async () => {
    const p = assertOk(await post(partyBody({ name: 'Groot' })), 201);
    assertProblem(await call(k.url, `/api/v1/parties/${p.id}`, { method: 'PATCH', token, body: bodyOf(LIMIT + 100) }), 413);
    assert.equal((await call(k.url, `/api/v1/parties/${p.id}`, { method: 'DELETE', token })).status, 204);
  });

  test('a Content-Length that is not a number, or huge: 413 or 400, never a hang', async () => {
    const { request } = await import('node:http');
    for (const cl of ['99999999999999999999', '1099511627776']) {
      const status = await new Promise((resolve, reject) => {
        const u = new URL(`${k.url}/api/v1/parties`);
        const req = request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': cl, Authorization: `Bearer ${token}` } }, (res) => { res.resume(); resolve(res.statusCode); req.destroy(); });
        req.on('error', reject);
        req.setTimeout(5000, () => { req.destroy(new Error('timeout')); });
        req.write('{}');
      });
      assert.ok([400, 413].includes(status), `Content-Length ${cl}: ${status}`);
    }
  });

  const mediaTypes = [
    ['text/plain', 415],
    ['application/x-www-form-urlencoded', 415],
    ['multipart/form-data; boundary=x', 415],
    ['application/jsonx', 415],
    ['application/merge-patch+json', 415],
    ['application/xml', 415],
    ['application/json; charset=utf-8', 201],
    ['Application/JSON', 201],
  ];
  for (const [ct, status] of mediaTypes) {
    test(`POST with Content-Type ${ct}: ${status}`, async () => {
      const res = await post(JSON.stringify(partyBody({ name: `Media ${ct}` })), { contentType: ct });
      if (status === 201) {
        const p = assertOk(res, 201);
        await call(k.url, `/api/v1/parties/${p.id}`, { method: 'DELETE', token });
      } else {
        assertProblem(res, status);
      }
    });
  }

  test('POST without a Content-Type: 415', async () => {
    const res = await fetch(`${k.url}/api/v1/parties`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: new Uint8Array(Buffer.from(JSON.stringify(partyBody()))) });
    assert.equal(res.status, 415);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
  });

  test('PATCH with text/plain: 415', async () => {
    const p = assertOk(await post(partyBody({ name: 'Media patch' })), 201);
    assertProblem(await call(k.url, `/api/v1/parties/${p.id}`, { method: 'PATCH', token, body: '{"name":"x"}', contentType: 'text/plain' }), 415);
    assert.equal(assertOk(await call(k.url, `/api/v1/parties/${p.id}`)).name, 'Media patch');
    await call(k.url, `/api/v1/parties/${p.id}`, { method: 'DELETE', token });
  });
});

describe('query parameters', () => {
  const cases = [
    ['foo=1', ['foo']],
    ['Kind=business', ['Kind']],
    ['limit=0', ['limit']],
    ['limit=101', ['limit']],
    ['limit=abc', ['limit']],
    ['limit=-1', ['limit']],
    ['limit=1.5', ['limit']],
    ['limit=', ['limit']],
    ['limit=99999999999999999999', ['limit']],
    ['cursor=abc', ['cursor']],
    ['cursor=' + Buffer.from('x\nnot-a-uuid').toString('base64url'), ['cursor']],
    ['cursor=' + Buffer.from('abc').toString('base64url'), ['cursor']],
    ['cursor=' + 'A'.repeat(5000), ['cursor']],
    ['cursor=%00', ['cursor']],
    ['cursor=TkwwMS9QVjI2Lw', ['cursor']], // an areas cursor
    ['kind=bank', ['kind']],
    ['kind=', ['kind']],
    ['area=GM9999', ['area']],
    ['area=', ['area']],
    ['role=steal', ['role']],
    ['sort=size', ['sort']],
    ['sort=NAME', ['sort']],
    ['q=' + 'a'.repeat(201), ['q']],
    ['q=a%01b', ['q']],
    ['tag=' + 't'.repeat(51), ['tag']],
    ['kind=bank&area=GM9999&role=steal', ['kind', 'area', 'role']],
    ['kind=bank&area=GM9999&role=steal&cursor=abc&q=a%02&tag=x%03', ['kind', 'area', 'role', 'cursor', 'q', 'tag']],
  ];
  for (const [q, names] of cases) {
    test(`?${q.slice(0, 60)}: 400 naming ${names.join(', ')}`, async () => {
      assertInvalid(await call(k.url, `/api/v1/parties?${q}`), names);
    });
  }

  test('limit 1 and 100 are accepted', async () => {
    assert.equal(assertOk(await call(k.url, '/api/v1/parties?limit=1')).items.length, 1);
    assert.ok(assertOk(await call(k.url, '/api/v1/parties?limit=100')).items.length >= 30);
  });

  test('the reason for a bad limit gives the range that is accepted', async () => {
    const res = await call(k.url, '/api/v1/parties?limit=0');
    assertInvalid(res, ['limit']);
    const reason = res.body.invalidParams.find((p) => p.name === 'limit').reason;
    assert.doesNotMatch(reason, /\b0 to 100\b/);
    assert.match(reason, /\b1\b/);
  });

  test('every bad query parameter is listed, also beside a bad sort or limit', async () => {
    assertInvalid(await call(k.url, '/api/v1/parties?kind=bank&sort=size'), ['kind', 'sort']);
    assertInvalid(await call(k.url, '/api/v1/parties?kind=bank&area=GM9999&limit=0'), ['kind', 'area', 'limit']);
    assertInvalid(await call(k.url, '/api/v1/parties?role=steal&foo=1'), ['role', 'foo']);
    assertInvalid(await call(k.url, '/api/v1/parties?kind=bank&area=GM9999&role=steal&foo=1&cursor=abc'), ['kind', 'area', 'role', 'foo', 'cursor']);
  });

  const badUtf8 = [
    ['q', 'q=%FF'],
    ['q', 'q=caf%C3'],
    ['kind', 'kind=%C0%AF'],
    ['area', 'area=GM%FF0344'],
    ['tag', 'tag=%ED%A0%80'],
  ];
  for (const [name, q] of badUtf8) {
    test(`invalid UTF-8 in ?${q}: 400 naming ${name}`, async () => {
      assertInvalid(await call(k.url, `/api/v1/parties?${q}`), [name]);
    });
  }

  test('invalid UTF-8 in a query parameter never reaches the answer', async () => {
    const res = await call(k.url, '/api/v1/parties?q=%FF');
    assert.ok([200, 400].includes(res.status));
    assert.ok(Buffer.from(res.text, 'utf8').toString('utf8') === res.text);
    assert.ok(!res.text.includes('\ufffd'), 'no replacement character: the bytes were not echoed');
  });

  test('invalid UTF-8 in a query parameter name: 400', async () => {
    assertProblem(await call(k.url, '/api/v1/parties?%FF=1'), 400);
  });

  test('invalid UTF-8 in the areas q: 400', async () => {
    assertInvalid(await call(k.url, '/api/v1/areas?q=%FF'), ['q']);
  });
});

describe('SQL and HTML are data', () => {
  const nasty = [
    "'; DROP TABLE parties; --",
    '" OR 1=1 --',
    "' OR '1'='1",
    "Robert'); DELETE FROM party_search; --",
    '<script>alert(1)</script>',
    '<img src=x onerror="alert(1)">',
    '%_\\ LIKE wildcards',
    'NEAR("a" "b") AND OR NOT * ^',
    '{"json": true}',
  ];

  const made = [];
  test('names and descriptions with SQL and HTML are stored and answered unchanged', async () => {
    for (const s of nasty) {
      const res = await post({ name: s, kind: 'citizen_initiative', description: `${s}\n${s}`, tags: [s.slice(0, 50)] });
      const p = assertOk(res, 201);
      assert.equal(p.name, s);
      assert.equal(p.description, `${s}\n${s}`);
      assert.deepEqual(p.tags, [s.slice(0, 50).toLowerCase()]);
      const got = assertOk(await call(k.url, `/api/v1/parties/${p.id}`));
      assert.equal(got.name, s);
      assert.equal(got.description, `${s}\n${s}`);
      made.push(p);
    }
  });

  test('the parties table and the search still work, with every party in place', async () => {
    const all = (await listAll(k.url, '/api/v1/parties?limit=100')).items;
    for (const p of made) assert.ok(all.some((x) => x.id === p.id && x.name === p.name), p.name);
    assert.equal(all.length, before_count + made.length);
    const hits = assertOk(await call(k.url, '/api/v1/parties?q=buurttuin')).items;
    assert.deepEqual(hits.map((p) => p.name), ['Bewonersinitiatief De Groene Vecht']);
  });

  for (const s of nasty) {
    test(`q=${s}: 200, and no more than the parties that hold its words`, async () => {
      const res = await call(k.url, `/api/v1/parties?q=${encodeURIComponent(s)}&limit=100`);
      const b = assertOk(res);
      const words = s.match(/[A-Za-z0-9]+/g) || [];
      if (words.length) {
        assert.ok(b.items.length >= 1, 'at least the party made with it');
        for (const p of b.items) {
          const text = fold([p.name, p.description, ...p.tags].join(' '));
          for (const w of words) assert.ok(text.includes(w.toLowerCase()), `${p.name} holds ${w}`);
        }
      }
    });
  }

  test('q=1=1 and q=" OR 1=1 do not match everything', async () => {
    const all = (await listAll(k.url, '/api/v1/parties?limit=100')).items.length;
    for (const q of ['" OR 1=1', "' OR ''='", 'x" OR "1"="1']) {
      const n = (await listAll(k.url, `/api/v1/parties?q=${encodeURIComponent(q)}&limit=100`)).items.length;
      assert.ok(n < all, `${q} matched ${n} of ${all}`);
    }
  });

  const filters = ['kind', 'area', 'role'];
  for (const f of filters) {
    test(`${f}=<SQL> is an unknown ${f}: 400`, async () => {
      assertInvalid(await call(k.url, `/api/v1/parties?${f}=${encodeURIComponent("business' OR '1'='1")}`), [f]);
    });
  }

  test('tag=<SQL> matches nothing', async () => {
    const b = assertOk(await call(k.url, `/api/v1/parties?tag=${encodeURIComponent("x' OR '1'='1")}`));
    assert.deepEqual(b.items, []);
  });

  test('JSON answers carry HTML as text, as application/json that is not sniffed', async () => {
    const p = made.find((x) => x.name.startsWith('<script>'));
    const res = await call(k.url, `/api/v1/parties/${p.id}`);
    assert.equal(res.headers.get('content-type'), 'application/json');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.body.name, '<script>alert(1)</script>');
  });

  test('areas: SQL in q and parent is data', async () => {
    for (const q of ["' OR '1'='1", '%', "GM0344' --"]) {
      const b = assertOk(await call(k.url, `/api/v1/areas?q=${encodeURIComponent(q)}`));
      assert.deepEqual(b.items, [], q);
      const c = await call(k.url, `/api/v1/areas?parent=${encodeURIComponent(q)}`);
      assert.equal(c.status, 400, q);
      assert.deepEqual(c.body.invalidParams.map((i) => i.name), ['parent'], q);
    }
    assert.ok(assertOk(await call(k.url, '/api/v1/areas?limit=100')).items.length >= 13);
  });

  after(async () => {
    for (const p of made) await call(k.url, `/api/v1/parties/${p.id}`, { method: 'DELETE', token });
  });
});

describe('nothing was written by the refused requests', () => {
  test('the directory has as many parties as at the start', async () => {
    assert.equal(await count(), before_count);
  });
});
