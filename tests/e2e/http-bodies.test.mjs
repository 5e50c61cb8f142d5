// Bodies (issue 8, items 4 and 15): a write without a body needs no
// Content-Type; and a NUL in a form field is a problem beside that field, as
// its API twin says, never a field silently cut short.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { startKiem } from '../lib/kiem.mjs';
import { USERS, ALICE, call, assertOk, assertInvalid, partyBody, Browser } from './helpers.mjs';

let k;
before(async () => { k = await startKiem({ demo: true, users: USERS }); });
after(async () => { await k?.stop(); });

// A request with exactly these headers (fetch adds a Content-Type to some
// bodies): {status, text}.
function raw(method, path, headers) {
  return new Promise((resolve, reject) => {
    const u = new URL(k.url);
    const req = request({ host: u.hostname, port: u.port, path, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('a write without a body', () => {
  let issue;
  before(async () => {
    issue = assertOk(await call(k.url, '/api/v1/issues?limit=1')).items[0].id;
  });

  test('POST .../supports with Content-Length: 0 and no Content-Type: 201, not 415', async () => {
    const auth = `Bearer ${k.tokens[ALICE]}`;
    const r = await raw('POST', `/api/v1/issues/${issue}/supports`, { Authorization: auth, 'Content-Length': '0' });
    assert.equal(r.status, 201, r.text);
  });

  test('PUT .../follows/me without any body headers: 200 or 201, not 415', async () => {
    const auth = `Bearer ${k.tokens[ALICE]}`;
    const r = await raw('PUT', `/api/v1/issues/${issue}/follows/me`, { Authorization: auth });
    assert.ok([200, 201].includes(r.status), `${r.status}: ${r.text}`);
    // and again with Content-Length: 0
    const again = await raw('PUT', `/api/v1/issues/${issue}/follows/me`, { Authorization: auth, 'Content-Length': '0' });
    assert.equal(again.status, 200, again.text);
  });

  test('a body still needs its type', async () => {
    const res = await call(k.url, `/api/v1/issues/${issue}/follows/me`, { method: 'PUT', token: k.tokens[ALICE], body: '{}', contentType: 'text/plain' });
    assert.equal(res.status, 415);
  });
});

describe('a NUL in a field', () => {
  const NAME = 'Buurtkeuken\u0000Noord';

  test('the party form: 400, the message beside the name, nothing saved', async () => {
    const b = new Browser(k.url);
    assert.equal((await b.login(ALICE, USERS[1].password)).status, 303);
    const r = await b.post('/partijen/nieuw', { name: NAME, kind: 'citizen_initiative', description: '' }, '/partijen/nieuw');
    assert.equal(r.status, 400, r.text.slice(0, 500));
    const at = r.text.indexOf('id="name-error"');
    assert.ok(at > 0, 'no message beside the name');
    assert.match(r.text.slice(at, at + 300), /stuurtekens/);
    const saved = assertOk(await call(k.url, '/api/v1/parties?q=Buurtkeuken&limit=100')).items;
    assert.deepEqual(saved.filter((p) => p.name.startsWith('Buurtkeuken')), []);
  });

  test('the issue form too', async () => {
    const b = new Browser(k.url);
    assert.equal((await b.login(ALICE, USERS[1].password)).status, 303);
    const party = assertOk(await call(k.url, '/api/v1/parties', { method: 'POST', token: k.tokens[ALICE], body: partyBody({ name: 'Alices partij' }) }), 201);
    const r = await b.post('/vraagstukken/nieuw', {
      title: 'Nultest\u0000 bij ouderen', summary: 'Ouderen zijn alleen.', area: 'GM0344', ownerParty: party.id, status: 'signalled',
    }, '/vraagstukken/nieuw');
    assert.equal(r.status, 400, r.text.slice(0, 500));
    const at = r.text.indexOf('id="title-error"');
    assert.ok(at > 0, 'no message beside the title');
    assert.match(r.text.slice(at, at + 300), /stuurtekens/);
    const saved = assertOk(await call(k.url, '/api/v1/issues?q=Nultest&limit=100')).items;
    assert.deepEqual(saved.filter((i) => i.title.startsWith('Nultest')), []);
  });

  test('its API twin: 400 naming the field', async () => {
    const res = await call(k.url, '/api/v1/parties', { method: 'POST', token: k.tokens[ALICE], body: partyBody({ name: NAME }) });
    assertInvalid(res, ['name']);
    const tags = await call(k.url, '/api/v1/parties', { method: 'POST', token: k.tokens[ALICE], body: partyBody({ name: 'Goed', tags: ['a\u0000b'] }) });
    assertInvalid(tags, ['tags']);
  });
});
