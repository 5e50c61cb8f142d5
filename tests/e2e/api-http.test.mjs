// The HTTP conventions of DESIGN.md section 4: API-Version and the security
// headers on every response, problem+json errors, no trailing slashes, 405
// with Allow, HEAD, 404 for what does not exist, and the OpenAPI document
// being served.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { startKiem } from '../lib/kiem.mjs';
import { USERS, ALICE, BOB, API_VERSION, call, assertOk, assertProblem, partyBody } from './helpers.mjs';

let k;
let party; // a public party of Alice's
before(async () => {
  k = await startKiem({ demo: true, users: USERS });
  party = assertOk(await call(k.url, '/api/v1/parties', { method: 'POST', token: k.tokens[ALICE], body: partyBody({ name: 'HTTP-partij' }) }), 201);
});
after(async () => { await k?.stop(); });

// A raw request, for what fetch will not send (odd methods, no body type).
function raw(method, path, { headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const u = new URL(k.url + path);
    const req = httpRequest({ host: u.hostname, port: u.port, path, method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const h = new Headers();
        for (const [n, v] of Object.entries(res.headers)) h.set(n, Array.isArray(v) ? v.join(', ') : v);
        let parsed;
        if (/json/.test(h.get('content-type') || '') && text) parsed = JSON.parse(text);
        resolve({ status: res.statusCode, headers: h, text, body: parsed });
      });
    });
    req.on('error', reject);
    req.setTimeout(10000, () => req.destroy(new Error('timeout')));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

function assertSecurityHeaders(res, what) {
  const csp = res.headers.get('content-security-policy') || '';
  assert.match(csp, /frame-ancestors 'none'/, `${what}: CSP frame-ancestors`);
  assert.match(csp, /default-src 'none'/, `${what}: CSP default-src`);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff', `${what}: nosniff`);
  const rp = res.headers.get('referrer-policy');
  assert.ok(['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'].includes(rp), `${what}: Referrer-Policy ${rp}`);
}

// Requests that together give every status the API answers.
function apiRequests() {
  const id = party.id;
  const t = k.tokens;
  return [
    ['GET health', 200, () => call(k.url, '/api/v1/health')],
    ['GET openapi.json', 200, () => call(k.url, '/api/v1/openapi.json')],
    ['GET areas', 200, () => call(k.url, '/api/v1/areas')],
    ['GET area', 200, () => call(k.url, '/api/v1/areas/GM0344')],
    ['GET roles', 200, () => call(k.url, '/api/v1/roles')],
    ['GET role', 200, () => call(k.url, '/api/v1/roles/invest')],
    ['GET parties', 200, () => call(k.url, '/api/v1/parties')],
    ['GET party', 200, () => call(k.url, `/api/v1/parties/${id}`)],
    ['PATCH party', 200, () => call(k.url, `/api/v1/parties/${id}`, { method: 'PATCH', token: t[ALICE], body: { description: 'x' } })],
    ['POST party', 201, () => call(k.url, '/api/v1/parties', { method: 'POST', token: t[ALICE], body: partyBody({ name: 'Nog een' }) })],
    ['DELETE party', 204, async () => {
      const p = assertOk(await call(k.url, '/api/v1/parties', { method: 'POST', token: t[ALICE], body: partyBody({ name: 'Weg' }) }), 201);
      return call(k.url, `/api/v1/parties/${p.id}`, { method: 'DELETE', token: t[ALICE] });
    }],
    ['HEAD parties', 200, () => call(k.url, '/api/v1/parties', { method: 'HEAD' })],
    ['400 bad query', 400, () => call(k.url, '/api/v1/parties?limit=0')],
    ['400 bad body', 400, () => call(k.url, '/api/v1/parties', { method: 'POST', token: t[ALICE], body: '{' })],
    ['401 no token', 401, () => call(k.url, '/api/v1/parties', { method: 'POST', body: partyBody() })],
    ['401 bad token', 401, () => call(k.url, '/api/v1/parties', { token: 'kiem_nope' })],
    ['403 not yours', 403, () => call(k.url, `/api/v1/parties/${id}`, { method: 'DELETE', token: t[BOB] })],
    ['403 not admin', 403, () => call(k.url, '/api/v1/areas', { method: 'POST', token: t[BOB], body: { code: 'X1', name: 'X', level: 'country' } })],
    ['404 no such party', 404, () => call(k.url, '/api/v1/parties/01234567-89ab-7def-8123-456789abcdef')],
    ['404 no such path', 404, () => call(k.url, '/api/v1/nothing')],
    ['404 trailing slash', 404, () => call(k.url, '/api/v1/parties/')],
    ['405 wrong method', 405, () => call(k.url, '/api/v1/roles', { method: 'DELETE' })],
    ['405 unknown method', 405, () => raw('BREW', '/api/v1/parties')],
    ['413 too large', 413, () => call(k.url, '/api/v1/parties', { method: 'POST', token: t[ALICE], body: Buffer.alloc(300 * 1024, 0x20) })],
    ['415 wrong type', 415, () => call(k.url, '/api/v1/parties', { method: 'POST', token: t[ALICE], body: '{}', contentType: 'text/plain' })],
  ];
}

describe('headers on every response', () => {
  test('every API response carries API-Version and the security headers', async () => {
    for (const [what, status, send] of apiRequests()) {
      const res = await send();
      assert.equal(res.status, status, `${what}: ${res.text}`);
      assert.equal(res.headers.get('api-version'), API_VERSION, `${what}: API-Version`);
      assertSecurityHeaders(res, what);
    }
  });

  test('every API error is problem+json with type, title, status and detail', async () => {
    for (const [what, status, send] of apiRequests()) {
      if (status < 400) continue;
      const res = await send();
      assert.equal(res.status, status, what);
      assertProblem(res, status);
    }
  });

  test('pages carry the security headers too, and no API-Version', async () => {
    for (const path of ['/', '/partijen', '/bestaat-niet', '/static/none.css']) {
      const res = await fetch(k.url + path, { redirect: 'manual' });
      await res.text();
      assertSecurityHeaders(res, path);
      assert.equal(res.headers.get('api-version'), null, path);
    }
  });

  test('a 204 has no body and no Content-Type', async () => {
    const p = assertOk(await call(k.url, '/api/v1/parties', { method: 'POST', token: k.tokens[ALICE], body: partyBody({ name: 'Leeg antwoord' }) }), 201);
    const res = await call(k.url, `/api/v1/parties/${p.id}`, { method: 'DELETE', token: k.tokens[ALICE] });
    assert.equal(res.status, 204);
    assert.equal(res.text, '');
    assert.equal(res.headers.get('content-type'), null);
    assert.equal(res.headers.get('api-version'), API_VERSION);
  });

  test('a 401 asks for a bearer token', async () => {
    for (const res of [await call(k.url, '/api/v1/parties', { method: 'POST', body: partyBody() }), await call(k.url, '/api/v1/health', { token: 'kiem_nope' })]) {
      assertProblem(res, 401);
      assert.match(res.headers.get('www-authenticate') || '', /^Bearer\b/);
    }
  });

  test('answers about people are not cached by shared caches', async () => {
    const res = await call(k.url, '/api/v1/parties', { token: k.tokens[ALICE] });
    assert.match(res.headers.get('cache-control') || '', /no-store|private/);
  });
});

describe('paths', () => {
  const trailing = ['/api/v1/health/', '/api/v1/parties/', '/api/v1/areas/', '/api/v1/areas/GM0344/', '/api/v1/roles/', '/api/v1/roles/invest/', '/api/v1/openapi.json/', '/api/v1/'];
  for (const path of trailing) {
    test(`a trailing slash is 404: ${path}`, async () => {
      assertProblem(await call(k.url, path), 404);
    });
  }

  test('a trailing slash on a party is 404, also for PATCH and DELETE', async () => {
    const path = `/api/v1/parties/${party.id}/`;
    assertProblem(await call(k.url, path), 404);
    assertProblem(await call(k.url, path, { method: 'PATCH', token: k.tokens[ALICE], body: { name: 'x' } }), 404);
    assertProblem(await call(k.url, path, { method: 'DELETE', token: k.tokens[ALICE] }), 404);
    assert.equal(assertOk(await call(k.url, `/api/v1/parties/${party.id}`)).name, 'HTTP-partij');
  });

  const unknown = ['/api', '/api/v1', '/api/v2/health', '/api/v1/nothing', '/api/v1/party', '/api/v1/Parties',
    '/api/v1/parties/x/y', `/api/v1/parties/${'0'.repeat(5000)}`, '/api/v1/areas/GM0344/children', '/api/v1//parties',
    '/api/v1/%FF', '/api/v1/parties/%FF'];
  for (const path of unknown) {
    test(`unknown path ${path.slice(0, 40)}: 404 problem+json`, async () => {
      assertProblem(await call(k.url, path), 404);
    });
  }
});

describe('paths with a NUL byte', () => {
  test('a %00 in the path is not cut off: it is 404, not the shorter path', async () => {
    for (const path of ['/api/v1/health%00', '/api/v1/health%00xyz', `/api/v1/parties%00/${party.id}`, `/api/v1/parties/${party.id}%00xyz`]) {
      const res = await call(k.url, path);
      assert.equal(res.status, 404, `${path}: ${res.status}`);
    }
  });

  test('a %00 in the path never changes a party', async () => {
    const res = await call(k.url, `/api/v1/parties/${party.id}%00xyz`, { method: 'DELETE', token: k.tokens[BOB] });
    assert.ok([403, 404].includes(res.status), `${res.status}`);
    assert.equal(assertOk(await call(k.url, `/api/v1/parties/${party.id}`)).name, 'HTTP-partij');
  });
});

describe('methods', () => {
  // path, the methods that work (HEAD comes with GET), methods to try
  const routes = [
    ['/api/v1/health', ['GET'], ['POST', 'PATCH', 'DELETE', 'PUT']],
    ['/api/v1/openapi.json', ['GET'], ['POST', 'DELETE']],
    ['/api/v1/areas', ['GET', 'POST'], ['PATCH', 'DELETE', 'PUT']],
    ['/api/v1/areas/GM0344', ['GET'], ['POST', 'PATCH', 'DELETE', 'PUT']],
    ['/api/v1/roles', ['GET'], ['POST', 'PATCH', 'DELETE']],
    ['/api/v1/roles/invest', ['GET'], ['POST', 'PATCH', 'DELETE']],
    ['/api/v1/parties', ['GET', 'POST'], ['PATCH', 'DELETE', 'PUT']],
    ['/api/v1/parties/{id}', ['GET', 'PATCH', 'DELETE'], ['POST', 'PUT']],
  ];
  for (const [pattern, ok, wrong] of routes) {
    for (const method of [...wrong, 'OPTIONS']) {
      test(`${method} ${pattern}: 405 with Allow: ${[...ok, 'HEAD'].join(', ')}`, async () => {
        const path = pattern.replace('{id}', party.id);
        // with a JSON body, so that only the method is wrong
        const res = await call(k.url, path, { method, token: k.tokens[ALICE], body: method === 'OPTIONS' ? undefined : {} });
        assertProblem(res, 405);
        const allow = (res.headers.get('allow') || '').split(',').map((s) => s.trim()).filter(Boolean).sort();
        assert.deepEqual(allow, [...ok, 'HEAD'].sort());
      });
    }
  }

  test('an unknown method: 405 problem+json with an Allow header', async () => {
    for (const m of ['BREW', 'TRACE', 'PROPFIND']) {
      const res = await raw(m, '/api/v1/parties');
      assert.equal(res.status, 405, m);
      if (m !== 'CONNECT') {
        assertProblem(res, 405);
        assert.ok(res.headers.get('allow'), `${m}: Allow`);
      }
    }
  });

  test('a wrong method is 405 even without a body', async () => {
    for (const [method, path] of [['POST', '/api/v1/health'], ['PUT', '/api/v1/parties'], ['PATCH', '/api/v1/roles'], ['POST', `/api/v1/parties/${party.id}`]]) {
      const res = await raw(method, path, { headers: { 'Content-Length': '0' } });
      assert.equal(res.status, 405, `${method} ${path}: ${res.status}`);
      assert.ok(res.headers.get('allow'));
    }
  });

  test('HEAD answers like GET without a body', async () => {
    const paths = ['/api/v1/health', '/api/v1/parties', '/api/v1/parties?kind=business', `/api/v1/parties/${party.id}`, '/api/v1/areas/GM0344', '/api/v1/roles', '/api/v1/openapi.json'];
    for (const path of paths) {
      const get = await raw('GET', path);
      const head = await raw('HEAD', path);
      assert.equal(head.status, 200, path);
      assert.equal(head.text, '', path);
      assert.equal(head.headers.get('content-type'), get.headers.get('content-type'), path);
      assert.equal(head.headers.get('content-length'), String(Buffer.byteLength(get.text)), path);
      assert.equal(head.headers.get('api-version'), API_VERSION, path);
      assertSecurityHeaders(head, `HEAD ${path}`);
    }
  });

  test('HEAD of what is not there: 404 without a body', async () => {
    for (const path of ['/api/v1/parties/01234567-89ab-7def-8123-456789abcdef', '/api/v1/nothing', '/api/v1/parties/']) {
      const head = await raw('HEAD', path);
      assert.equal(head.status, 404, path);
      assert.equal(head.text, '');
      assert.equal(head.headers.get('content-type'), 'application/problem+json');
    }
  });
});

describe('the OpenAPI document', () => {
  test('is served as JSON and names every route of the API', async () => {
    const res = await call(k.url, '/api/v1/openapi.json');
    const doc = assertOk(res);
    assert.match(doc.openapi, /^3\./);
    const ops = {
      '/api/v1/health': ['get'],
      '/api/v1/openapi.json': ['get'],
      '/api/v1/areas': ['get', 'post'],
      '/api/v1/areas/{code}': ['get'],
      '/api/v1/roles': ['get'],
      '/api/v1/roles/{key}': ['get'],
      '/api/v1/parties': ['get', 'post'],
      '/api/v1/parties/{id}': ['get', 'patch', 'delete'],
    };
    const base = (doc.servers?.[0]?.url || '').replace(/^https?:\/\/[^/]+/, '').replace(/\/$/, '');
    for (const [path, methods] of Object.entries(ops)) {
      const key = Object.keys(doc.paths).find((p) => base + p === path || p === path);
      assert.ok(key, `openapi.json has ${path}`);
      for (const m of methods) assert.ok(doc.paths[key][m], `openapi.json has ${m.toUpperCase()} ${path}`);
    }
  });
});

describe('robustness', () => {
  test('many requests at once are all answered', async () => {
    const results = await Promise.all(Array.from({ length: 64 }, (_, i) =>
      call(k.url, i % 2 ? '/api/v1/parties?limit=5' : `/api/v1/parties/${party.id}`)));
    for (const r of results) assert.equal(r.status, 200);
  });

  test('a request line or header that is too long is refused, and the server keeps serving', async () => {
    const res = await raw('GET', `/api/v1/parties?q=${'a'.repeat(100000)}`).catch((e) => ({ status: 0, error: e }));
    assert.ok(res.status === 0 || res.status >= 400, `got ${res.status}`);
    const big = await raw('GET', '/api/v1/health', { headers: { 'X-Filler': 'x'.repeat(100000) } }).catch((e) => ({ status: 0, error: e }));
    assert.ok(big.status === 0 || big.status >= 400, `got ${big.status}`);
    assertOk(await call(k.url, '/api/v1/health'));
  });
});
