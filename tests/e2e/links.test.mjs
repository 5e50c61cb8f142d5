// Every link the API hands out works: walking the demo from the API's
// collections, every `_links` href of every answer (items and nested
// objects included) answers 200 to a GET, and is a path the OpenAPI
// document describes. The walk is bounded (at most 40 of each path,
// pages of lists included), and done twice: as a logged-in platform admin,
// who also opens the sub-collections the OpenAPI document lists under each
// resource found (a party's members and invitations, an issue's factors,
// comments, ...), and anonymously, following only the links. As the admin,
// every GET operation of the document is reached at least once.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startKiem } from '../lib/kiem.mjs';
import { call, assertOk, ADMIN, ALICE, USERS, Browser } from './helpers.mjs';

const openapi = JSON.parse(readFileSync(new URL('../../src/api/openapi.json', import.meta.url), 'utf8'));
// The GET paths of the API, as templates and as patterns.
const GETS = Object.entries(openapi.paths).filter(([, ops]) => ops.get).map(([p, ops]) => ({
  template: `/api/v1${p}`,
  re: new RegExp(`^/api/v1${p.replace(/\{[^}]+\}/g, '[^/?]+')}$`),
  params: (p.match(/\{/g) || []).length,
  anonymous: (ops.get.security || []).some((s) => Object.keys(s).length === 0),
}));
// The sub-resources that may answer otherwise to a GET, and why. (Links
// have no exceptions: a link handed out must work.)
const EXPECTED = new Map([
  // "me" is the caller's follow, which exists only while they follow the
  // issue (the OpenAPI document says so); the admin follows one issue
  ['/api/v1/issues/{id}/follows/me', 404],
  // the same for an initiative's follow and the caller's offer to help
  // (issue 11): the admin follows one and offers to help it
  ['/api/v1/initiatives/{id}/follows/me', 404],
  ['/api/v1/initiatives/{id}/interest/me', 404],
  // the caller's registration for an event, which exists only while they
  // are registered or waiting (events, issue 11)
  ['/api/v1/events/{id}/registrations/me', 404],
]);
// A path's template: the one with the fewest parameters that matches
// (/users/me before /users/{id}).
function templateOf(path) {
  const found = GETS.filter((g) => g.re.test(path)).sort((a, b) => a.params - b.params);
  return found.length ? found[0].template : null;
}
// The GET templates one level (or "/me") below a template: the
// sub-collections and sub-resources a resource of it has.
function below(template) {
  return GETS.filter((g) => g.template.startsWith(`${template}/`) && g.params === (template.match(/\{/g) || []).length)
    .map((g) => g.template);
}

// Every href in a JSON answer's _links, at any depth.
function hrefs(value, out = []) {
  if (Array.isArray(value)) for (const v of value) hrefs(v, out);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === '_links' && v && typeof v === 'object') {
        for (const [rel, link] of Object.entries(v)) {
          assert.equal(typeof link?.href, 'string', `_links.${rel} has no href: ${JSON.stringify(v)}`);
          out.push({ rel, href: link.href });
        }
      } else {
        hrefs(v, out);
      }
    }
  }
  return out;
}

// Walks from the seeds: GETs each href once, asserts 200 and JSON, and
// follows the links of the answer; at most `each` hrefs per template and
// `max` in all. expand: also open the sub-collections below each resource.
// Returns {visited: Map(href -> template), failures: [...]}.
async function walk(base, seeds, { token, expand = false, each = 40, max = 3000 } = {}) {
  const visited = new Map();
  const perTemplate = new Map();
  const failures = [];
  const queue = seeds.map((href) => ({ href, from: '(seed)', rel: '' }));
  while (queue.length) {
    const { href, from, rel } = queue.shift();
    if (visited.has(href)) continue;
    const path = href.split('?')[0];
    const template = templateOf(path);
    const key = template || path.replace(/\/[0-9a-f]{8}-[0-9a-f-]{27}/g, '/*'); // a few of each, too
    const n = perTemplate.get(key) || 0;
    if (n >= each || visited.size >= max) continue;
    perTemplate.set(key, n + 1);
    if (!template) {
      const res = await call(base, href, { token });
      failures.push(`${href} (${rel} of ${from}): no such path in the OpenAPI document (GET: ${res.status})`);
      visited.set(href, null);
      continue;
    }
    visited.set(href, template);
    const res = await call(base, href, { token });
    // JSON, or an event's iCalendar file (events, issue 11), which has no links
    if (res.status !== 200 || !/json|^text\/calendar/.test(res.headers.get('content-type') || '')) {
      if (rel === '(below)' && EXPECTED.get(template) === res.status) {
        visited.set(href, null); // does not count as reached
        continue;
      }
      failures.push(`GET ${href} (${rel} of ${from}): ${res.status} ${res.text.slice(0, 200)}`);
      continue;
    }
    // (the OpenAPI document's _links are schemas, not links)
    if (template !== '/api/v1/openapi.json') for (const l of hrefs(res.body)) if (!visited.has(l.href)) queue.push({ href: l.href, from: href, rel: l.rel });
    if (expand && !href.includes('?')) {
      for (const t of below(template)) {
        // the sub-path filled in with this resource's own path
        const sub = path + t.slice(template.length);
        if (!visited.has(sub)) queue.push({ href: sub, from: href, rel: '(below)' });
      }
    }
  }
  return { visited, failures };
}

// The API's entry points: every GET path without parameters; those that
// need no login, for an anonymous client.
const SEEDS = GETS.filter((g) => g.params === 0).map((g) => g.template);
const PUBLIC_SEEDS = GETS.filter((g) => g.params === 0 && g.anonymous).map((g) => g.template);

let k;
before(async () => {
  k = await startKiem({ users: USERS });
});
after(async () => { await k?.stop(); });

describe('every link the API gives answers', () => {
  before(async () => {
    const admin = k.tokens[ADMIN], alice = k.tokens[ALICE];
    // a login session of the admin's (listed at /api/v1/sessions)
    const b = new Browser(k.url);
    const login = await b.login(ADMIN, USERS[0].password);
    assert.equal(login.status, 303, login.text);
    // a party of the admin's with a pending invitation
    const party = assertOk(await call(k.url, '/api/v1/parties', { method: 'POST', token: admin, body: { name: 'Linkcontrole', kind: 'citizen_initiative', areas: ['GM0344'] } }), 201);
    assertOk(await call(k.url, `/api/v1/parties/${party.id}/invitations`, { method: 'POST', token: admin, body: { email: 'nieuw@example.nl', role: 'member' } }), 201);
    // a notification for the admin: Alice comments on an issue the admin follows
    const issues = assertOk(await call(k.url, '/api/v1/issues?limit=1'));
    const issue = issues.items[0].id;
    assertOk(await call(k.url, `/api/v1/issues/${issue}/follows/me`, { method: 'PUT', token: admin, body: {} }), 201);
    assertOk(await call(k.url, `/api/v1/issues/${issue}/comments`, { method: 'POST', token: alice, body: { body: 'Goed dat dit op de agenda staat.' } }), 201);
    const notes = assertOk(await call(k.url, '/api/v1/users/me/notifications', { token: admin }));
    assert.ok(notes.items.length > 0, 'the admin has a notification');
    // the admin follows an initiative and offers to help it (issue 11)
    const inits = assertOk(await call(k.url, '/api/v1/initiatives?limit=1'));
    const init = inits.items[0].id;
    assertOk(await call(k.url, `/api/v1/initiatives/${init}/follows/me`, { method: 'PUT', token: admin }), 201);
    assertOk(await call(k.url, `/api/v1/initiatives/${init}/interest`, { method: 'POST', token: admin, body: {} }), 201);
    // the admin's registration for an upcoming demo event (events, issue 11)
    const events = assertOk(await call(k.url, '/api/v1/events?when=upcoming&status=scheduled&limit=1'));
    assertOk(await call(k.url, `/api/v1/events/${events.items[0].id}/registrations`, { method: 'POST', token: admin }), 201);
  });

  test('as a platform admin: every link, and every GET operation of the API, answers 200', async () => {
    const { visited, failures } = await walk(k.url, SEEDS, { token: k.tokens[ADMIN], expand: true });
    assert.deepEqual(failures, []);
    const reached = new Set(visited.values());
    const missed = GETS.map((g) => g.template).filter((t) => !reached.has(t));
    assert.deepEqual(missed, [], 'GET operations the walk never reached');
  });

  test('anonymously: every link in a public answer answers 200', async () => {
    const { visited, failures } = await walk(k.url, PUBLIC_SEEDS);
    assert.deepEqual(failures, []);
    const reached = new Set(visited.values());
    for (const t of ['/api/v1/parties/{id}', '/api/v1/issues/{id}/role-ledger', '/api/v1/issues/{id}/factors/{factorId}',
      '/api/v1/issues/{id}/comments/{commentId}', '/api/v1/areas/{code}', '/api/v1/roles/{key}']) {
      assert.ok(reached.has(t), `the anonymous walk reached no ${t}`);
    }
  });

  test('an issue links to its role ledger, a token and a session to themselves', async () => {
    const admin = k.tokens[ADMIN];
    const is = assertOk(await call(k.url, '/api/v1/issues?limit=1')).items[0];
    assert.equal(is._links.roleLedger.href, `/api/v1/issues/${is.id}/role-ledger`);
    const tok = assertOk(await call(k.url, '/api/v1/tokens', { token: admin })).items[0];
    const one = assertOk(await call(k.url, tok._links.self.href, { token: admin }));
    assert.deepEqual(one, tok);
    const ses = assertOk(await call(k.url, '/api/v1/sessions', { token: admin })).items[0];
    assert.deepEqual(assertOk(await call(k.url, ses._links.self.href, { token: admin })), ses);
    // another person's token and session are not found; anonymous is 401
    const bob = k.tokens[USERS[2].email];
    assert.equal((await call(k.url, tok._links.self.href, { token: bob })).status, 404);
    assert.equal((await call(k.url, ses._links.self.href, { token: bob })).status, 404);
    assert.equal((await call(k.url, tok._links.self.href)).status, 401);
    assert.equal((await call(k.url, '/api/v1/sessions/0123456789abcdef', { token: admin })).status, 404);
    assert.equal((await call(k.url, '/api/v1/tokens/nope', { token: admin })).status, 404);
  });
});
