// Behind a reverse proxy (issue 8, item 8): only when the peer is one of
// KIEM_TRUSTED_PROXIES are X-Forwarded-For (its rightmost address that is not
// a trusted proxy is the client's) and X-Forwarded-Proto believed; from
// anyone else both are ignored. What it shows: the login throttle counts
// per real client, so one attacker cannot lock everyone out, and cannot pick
// the address he is counted under either.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKiem, kiem } from '../lib/kiem.mjs';

const ANN = { email: 'ann@proxy.example', name: 'Ann', password: 'anns-lange-wachtwoord' };
const BEN = { email: 'ben@proxy.example', name: 'Ben', password: 'bens-lange-wachtwoord' };
const FAILURES = 20; // THROTTLE_ADDRESS: failed logins from one address in 15 minutes

// Logs in through the form, as a browser behind the proxy: {status, cookies}.
async function login(url, email, password, headers = {}) {
  const form = await fetch(`${url}/inloggen`, { headers });
  const cookie = form.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrf = /name="_csrf" value="([^"]*)"/.exec(await form.text())[1];
  const res = await fetch(`${url}/inloggen`, {
    method: 'POST', redirect: 'manual',
    headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
    body: new URLSearchParams({ _csrf: csrf, email, password, next: '/account' }),
  });
  await res.text();
  return { status: res.status, cookies: res.headers.getSetCookie() };
}

// Failed logins for accounts that do not exist, so that only the address's
// count grows, each with the headers fn(i) gives.
async function fail(url, n, headers) {
  for (let i = 0; i < n; i++) {
    const r = await login(url, `niemand-${i}@proxy.example`, 'verkeerd-wachtwoord', headers(i));
    assert.equal(r.status, 401, `failed login ${i}`);
  }
}

describe('behind a trusted proxy', () => {
  let k;
  before(async () => {
    k = await startKiem({ demo: false, users: [ANN, BEN], env: { KIEM_TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8, fd00::/8' } });
  });
  after(async () => { await k?.stop(); });

  test('20 failed logins from one forwarded address do not hold up a login from another', async () => {
    const attacker = { 'X-Forwarded-For': '203.0.113.7' };
    await fail(k.url, FAILURES, () => attacker);
    // the attacker's own address waits now, even with a right password
    assert.equal((await login(k.url, ANN.email, ANN.password, attacker)).status, 429);
    // what he puts left of his address is his own text, not believed
    assert.equal((await login(k.url, ANN.email, ANN.password, { 'X-Forwarded-For': '198.51.100.1, 203.0.113.7' })).status, 429);
    // another visitor behind the same proxy logs in
    const other = await login(k.url, ANN.email, ANN.password, { 'X-Forwarded-For': '198.51.100.9' });
    assert.equal(other.status, 303);
  });

  test('a long X-Forwarded-For does not put the sender on the proxy\'s address', async () => {
    // the client's own text, left of what the proxy appended, runs to 9 KB:
    // kiem still counts him by his own address, not by the proxy's (which
    // would lock every visitor behind it out)
    const junk = Array.from({ length: 900 }, (_, i) => `198.18.${i >> 8}.${i & 255}`).join(', ');
    await fail(k.url, FAILURES, () => ({ 'X-Forwarded-For': `${junk}, 203.0.113.99` }));
    assert.equal((await login(k.url, ANN.email, ANN.password, { 'X-Forwarded-For': '203.0.113.99' })).status, 429);
    assert.equal((await login(k.url, ANN.email, ANN.password, { 'X-Forwarded-For': '198.51.100.99' })).status, 303);
    assert.equal((await login(k.url, ANN.email, ANN.password)).status, 303, 'the proxy itself is not locked');
  });

  test('the client is the rightmost address that is not a trusted proxy', async () => {
    // 192.0.2.5 came through a second proxy of ours (10.1.2.3)
    await fail(k.url, FAILURES, () => ({ 'X-Forwarded-For': '192.0.2.5, 10.1.2.3' }));
    assert.equal((await login(k.url, BEN.email, BEN.password, { 'X-Forwarded-For': '192.0.2.5' })).status, 429);
    assert.equal((await login(k.url, BEN.email, BEN.password, { 'X-Forwarded-For': '192.0.2.6, 10.9.9.9' })).status, 303);
  });

  test('X-Forwarded-Proto: https from the proxy makes cookies Secure', async () => {
    const r = await login(k.url, BEN.email, BEN.password, { 'X-Forwarded-For': '192.0.2.77', 'X-Forwarded-Proto': 'https' });
    assert.equal(r.status, 303);
    const session = r.cookies.find((c) => c.startsWith('kiem_session='));
    assert.match(session, /; Secure/);
  });
});

describe('without trusted proxies', () => {
  let k;
  before(async () => { k = await startKiem({ demo: false, users: [ANN, BEN] }); });
  after(async () => { await k?.stop(); });

  test('X-Forwarded-For is ignored: an attacker cannot pick the address he is counted under', async () => {
    await fail(k.url, FAILURES, (i) => ({ 'X-Forwarded-For': `203.0.113.${i + 1}` }));
    // every failure counted against the real peer, whatever the header said
    const r = await login(k.url, ANN.email, ANN.password, { 'X-Forwarded-For': '198.51.100.9' });
    assert.equal(r.status, 429);
  });

  test('X-Forwarded-Proto is ignored: no Secure cookie on its say-so', async () => {
    const res = await fetch(`${k.url}/inloggen`, { headers: { 'X-Forwarded-Proto': 'https' } });
    await res.text();
    const csrf = res.headers.getSetCookie().find((c) => c.startsWith('kiem_csrf='));
    assert.ok(csrf, 'no kiem_csrf cookie');
    assert.doesNotMatch(csrf, /Secure/);
  });
});

describe('a bad KIEM_TRUSTED_PROXIES', () => {
  let dir;
  let db;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'kiem-test-'));
    db = join(dir, 'kiem.db');
    assert.equal(kiem(['init', '--db', db]).status, 0);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const bad of ['proxy.example.nl', '10.0.0.0/33', '300.1.1.1', 'fd00::/129', '10.0.0.1,,10.0.0.2', '10.0.0.1/', '::1/-1']) {
    test(`'${bad}' stops serve at the start with one line naming it (exit 2)`, () => {
      const r = kiem(['serve', '--db', db, '--listen', '127.0.0.1:0'], { env: { KIEM_TRUSTED_PROXIES: bad } });
      assert.equal(r.status, 2, r.stderr);
      const lines = r.stderr.trim().split('\n').filter((l) => l.includes('KIEM_TRUSTED_PROXIES'));
      assert.equal(lines.length, 1, r.stderr);
    });
  }
});
