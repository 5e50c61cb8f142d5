// Answers to anonymous reads are kept until the next write (src/http/cache.h).
// What a visitor reads right after a change is the change, a private party
// never reaches the cache, and the kept answer is the one that was made.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { kiem, startKiem } from '../lib/kiem.mjs';
import { USERS, ALICE, BOB, call, assertOk, partyBody } from './helpers.mjs';

let k;
let alice;
let bob;
before(async () => {
  k = await startKiem({ users: USERS });
  alice = k.tokens[ALICE];
  bob = k.tokens[BOB];
});
after(async () => { await k?.stop(); });

const names = (body) => body.items.map((p) => p.name);

test('a kept answer is the same as a fresh one, byte for byte', async () => {
  const first = await call(k.url, '/api/v1/parties?kind=social_work&limit=5');
  const again = await call(k.url, '/api/v1/parties?kind=social_work&limit=5');
  assert.equal(first.status, 200);
  assert.equal(again.text, first.text);
  assert.equal(again.headers.get('content-type'), 'application/json');
  assert.equal(again.headers.get('api-version'), first.headers.get('api-version'));
  // another query is another answer, also when a value holds an '&'
  const other = await call(k.url, `/api/v1/parties?q=${encodeURIComponent('buurt&kind=government')}&limit=5`);
  assert.notEqual(other.text, first.text);
});

test('after a create, a change and a delete, anonymous reads show it at once', async () => {
  const name = 'Cachetest Buurtkeuken';
  const list = `/api/v1/parties?q=${encodeURIComponent('Cachetest')}`;
  assert.deepEqual(names(assertOk(await call(k.url, list))), []);
  const page = await call(k.url, '/partijen?q=Cachetest');
  assert.doesNotMatch(page.text, /Cachetest Buurtkeuken/);

  const made = assertOk(await call(k.url, '/api/v1/parties', { method: 'POST', token: alice, body: partyBody({ name }) }), 201);
  assert.deepEqual(names(assertOk(await call(k.url, list))), [name]);
  assert.match((await call(k.url, '/partijen?q=Cachetest')).text, /Cachetest Buurtkeuken/);
  const one = `/api/v1/parties/${made.id}`;
  assert.equal(assertOk(await call(k.url, one)).name, name);
  assert.match((await call(k.url, `/partijen/${made.id}`)).text, /Cachetest Buurtkeuken/);

  assertOk(await call(k.url, one, { method: 'PATCH', token: alice, body: { name: 'Cachetest Wijkkeuken' } }));
  assert.equal(assertOk(await call(k.url, one)).name, 'Cachetest Wijkkeuken');
  assert.deepEqual(names(assertOk(await call(k.url, list))), ['Cachetest Wijkkeuken']);
  assert.match((await call(k.url, `/partijen/${made.id}`)).text, /Cachetest Wijkkeuken/);

  assert.equal((await call(k.url, one, { method: 'DELETE', token: alice })).status, 204);
  assert.equal((await call(k.url, one)).status, 404);
  assert.deepEqual(names(assertOk(await call(k.url, list))), []);
  assert.equal((await call(k.url, `/partijen/${made.id}`)).status, 404);
});

test('what a logged-in reader sees is never kept for anonymous ones', async () => {
  const made = assertOk(await call(k.url, '/api/v1/parties', {
    method: 'POST', token: alice, body: partyBody({ name: 'Cachetest Besloten', visibility: 'private' }),
  }), 201);
  const one = `/api/v1/parties/${made.id}`;
  const list = `/api/v1/parties?q=${encodeURIComponent('Besloten')}`;
  for (let i = 0; i < 2; i++) {
    // the creator reads it (twice, so a kept answer would be used) ...
    assert.equal(assertOk(await call(k.url, one, { token: alice })).name, 'Cachetest Besloten');
    assert.deepEqual(names(assertOk(await call(k.url, list, { token: alice }))), ['Cachetest Besloten']);
    // ... and neither anonymous visitors nor others get it
    assert.equal((await call(k.url, one)).status, 404);
    assert.deepEqual(names(assertOk(await call(k.url, list))), []);
    assert.equal((await call(k.url, one, { token: bob })).status, 404);
  }
  await call(k.url, one, { method: 'DELETE', token: alice });
});

test('pages are kept per language', async () => {
  const nl = await call(k.url, '/partijen', { headers: { 'Accept-Language': 'nl' } });
  const en = await call(k.url, '/partijen', { headers: { 'Accept-Language': 'en' } });
  const nl2 = await call(k.url, '/partijen', { headers: { 'Accept-Language': 'nl' } });
  assert.match(nl.text, /<html lang="nl">/);
  assert.match(en.text, /<html lang="en">/);
  assert.equal(nl2.text, nl.text);
});

// Another process writing the same SQLite file (the CLI, while serve runs)
// also makes the kept answers old: the generation is the database's. On
// PostgreSQL, tests/e2e/nodes.test.mjs does this with two nodes (and the
// shim there would make a new database at the second init).
test('a write by another process on the database is seen at once', { skip: process.env.KIEM_PG_BASE ? 'SQLite only' : false }, async () => {
  const other = await startKiem({ demo: false });
  try {
    const list = '/api/v1/parties?limit=5';
    assert.deepEqual(assertOk(await call(other.url, list)).items, []);
    assert.deepEqual(assertOk(await call(other.url, list)).items, []); // kept
    const r = kiem(['init', '--db', other.db, '--demo']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(assertOk(await call(other.url, list)).items.length, 5, 'serve answered from before the demo was loaded');
  } finally {
    await other.stop();
  }
});
