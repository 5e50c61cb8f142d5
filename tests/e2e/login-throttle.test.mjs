// Failed logins are limited per account and per address (src/model/throttle.h):
// after five wrong passwords for an account, even the right one waits, with
// 429 and Retry-After; other accounts are not held up by it. The lock holds
// for addresses and browsers that never logged in to the account, so an
// attacker cannot lock its owner out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { startKiem, kiem } from '../lib/kiem.mjs';

const ANN = { email: 'ann@drempel.example', name: 'Ann', password: 'anns-lange-wachtwoord' };
const BEN = { email: 'ben@drempel.example', name: 'Ben', password: 'bens-lange-wachtwoord' };
let k;
before(async () => { k = await startKiem({ demo: false, users: [ANN, BEN] }); });
after(async () => { await k?.stop(); });

// Logs in through the form as a browser would: {status, headers, text}.
async function login(email, password) {
  const form = await fetch(`${k.url}/inloggen`);
  const cookie = form.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrf = /name="_csrf" value="([^"]*)"/.exec(await form.text())[1];
  const res = await fetch(`${k.url}/inloggen`, {
    method: 'POST', redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
    body: new URLSearchParams({ _csrf: csrf, email, password, next: '/account' }),
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

test('five wrong passwords for an account make the sixth try wait, even with the right one', async () => {
  for (let i = 0; i < 5; i++) assert.equal((await login(ANN.email, `fout-${i}`)).status, 401);
  const held = await login(ANN.email, ANN.password);
  assert.equal(held.status, 429);
  const wait = Number(held.headers.get('retry-after'));
  assert.ok(wait > 0 && wait <= 15 * 60, `Retry-After ${wait}`);
  assert.match(held.text, /te vaak een verkeerd wachtwoord/);
  assert.equal(held.headers.getSetCookie().some((c) => c.startsWith('kiem_session=')), false, 'no session');
  // the same holds whatever the case of the address
  assert.equal((await login(ANN.email.toUpperCase(), ANN.password)).status, 429);
  // another account from the same address logs in
  const ben = await login(BEN.email, BEN.password);
  assert.equal(ben.status, 303);
  assert.ok(ben.headers.getSetCookie().some((c) => c.startsWith('kiem_session=')));
});

test('a good login before the limit forgets the failures', async () => {
  for (let i = 0; i < 4; i++) assert.equal((await login(BEN.email, `fout-${i}`)).status, 401);
  assert.equal((await login(BEN.email, BEN.password)).status, 303);
  for (let i = 0; i < 4; i++) assert.equal((await login(BEN.email, `nog-fout-${i}`)).status, 401);
  assert.equal((await login(BEN.email, BEN.password)).status, 303);
});

// --- issue 8, items 8 and 10: one key per account, no lock-out button, the
// thresholds as settings, and every lockout in the log.

// A browser without JavaScript that connects from a given loopback address
// (all of 127.0.0.0/8 reaches the server), so that one test plays an
// attacker and the account's owner at different addresses. It keeps its
// cookies.
class Client {
  constructor(base, from) { this.base = new URL(base); this.from = from; this.jar = new Map(); }

  request(path, { method = 'GET', form } = {}) {
    const body = form ? new URLSearchParams(form).toString() : undefined;
    const headers = {};
    if (this.jar.size) headers.Cookie = [...this.jar].map(([n, v]) => `${n}=${v}`).join('; ');
    if (body) headers['Content-Type'] = 'application/x-www-form-urlencoded';
    return new Promise((resolve, reject) => {
      const req = http.request({
        host: this.base.hostname, port: this.base.port, path, method, headers,
        localAddress: this.from, agent: false,
      }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => { text += d; });
        res.on('end', () => {
          for (const line of res.headers['set-cookie'] ?? []) {
            const [nv, ...attrs] = line.split(';').map((x) => x.trim());
            const eq = nv.indexOf('=');
            const name = nv.slice(0, eq), value = nv.slice(eq + 1);
            if (value === '' || attrs.some((a) => a.toLowerCase() === 'max-age=0')) this.jar.delete(name);
            else this.jar.set(name, value);
          }
          resolve({ status: res.statusCode, headers: res.headers, text });
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  async login(email, password) {
    const form = await this.request('/inloggen');
    const csrf = /name="_csrf" value="([^"]*)"/.exec(form.text)[1];
    return this.request('/inloggen', { method: 'POST', form: { _csrf: csrf, email, password, next: '/account' } });
  }
}

const CATO = { email: 'cato@drempel.example', name: 'Cato', password: 'catos-lange-wachtwoord' };
const DIRK = { email: 'dirk@drempel.example', name: 'Dirk', password: 'dirks-lange-wachtwoord' };
const EVA = { email: 'eva@drempel.example', name: 'Eva', password: 'evas-lange-wachtwoord' };
let k2;
before(async () => { k2 = await startKiem({ demo: false, users: [CATO, DIRK, EVA] }); });
after(async () => { await k2?.stop(); });

test('the lock is on the address as kiem finds the account: spaces and capitals do not get round it', async () => {
  const attacker = new Client(k2.url, '127.0.0.12');
  const variants = [` ${CATO.email}`, `${CATO.email} `, ` ${CATO.email.toUpperCase()} `, `\t${CATO.email}`, CATO.email];
  // five failures, each with another spelling of the same address, make one lock
  for (const v of variants) assert.equal((await attacker.login(v, 'fout-wachtwoord')).status, 401, JSON.stringify(v));
  for (const v of variants) {
    const r = await attacker.login(v, CATO.password);
    assert.equal(r.status, 429, `${JSON.stringify(v)} with the right password is held too`);
    assert.ok(!(r.headers['set-cookie'] ?? []).some((c) => c.startsWith('kiem_session=')), 'no session');
  }
});

test("an attacker's failures do not lock the owner out of their known address or browser; guessing is still stopped", async () => {
  const home = new Client(k2.url, '127.0.0.21');
  assert.equal((await home.login(DIRK.email, DIRK.password)).status, 303, 'the owner logged in here before');
  const attacker = new Client(k2.url, '127.0.0.22');
  for (let i = 0; i < 5; i++) assert.equal((await attacker.login(DIRK.email, `geraden-${i}`)).status, 401);
  for (let i = 0; i < 3; i++) assert.equal((await attacker.login(DIRK.email, `nog-eens-${i}`)).status, 429);

  // guessing stays stopped: not even the right password gets in from the
  // attacker's address, or from any address new to the account
  assert.equal((await attacker.login(DIRK.email, DIRK.password)).status, 429);
  assert.equal((await new Client(k2.url, '127.0.0.23').login(DIRK.email, DIRK.password)).status, 429);

  // the owner, from their known address, in another browser too
  assert.equal((await new Client(k2.url, '127.0.0.21').login(DIRK.email, DIRK.password)).status, 303);
  // and in the browser they logged in with before, from a new address
  home.from = '127.0.0.24';
  const away = await home.login(DIRK.email, DIRK.password);
  assert.equal(away.status, 303, 'the browser that logged in before is known');

  // a known address still gets only a few guesses itself
  const shared = new Client(k2.url, '127.0.0.21');
  for (let i = 0; i < 5; i++) assert.equal((await shared.login(DIRK.email, `buurman-${i}`)).status, 401);
  assert.equal((await shared.login(DIRK.email, DIRK.password)).status, 429);
});

test('each lockout is one line in the log: the account (as kiem finds it) or the address, and until when; never a password', async () => {
  const attacker = new Client(k2.url, '127.0.0.31');
  for (let i = 0; i < 5; i++) await attacker.login(`  ${EVA.email.toUpperCase()}`, `geheim-gok-${i}`);
  await attacker.login(EVA.email, 'geheim-gok-laatste');
  const lines = k2.log().split('\n').filter((l) => l.includes(EVA.email));
  assert.equal(lines.length, 1, `one line about the lock: ${lines.join('\n')}`);
  assert.match(lines[0], /\b(warn|info)\b.*login.*locked/i);
  assert.match(lines[0], /until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/);
  assert.doesNotMatch(k2.log(), /geheim-gok/, 'no password in the log');
});

test('the thresholds are settings: KIEM_LOGIN_ACCOUNT_LIMIT, KIEM_LOGIN_ADDRESS_LIMIT, KIEM_LOGIN_WINDOW_MINUTES', async () => {
  const FIEN = { email: 'fien@drempel.example', name: 'Fien', password: 'fiens-lange-wachtwoord' };
  const k3 = await startKiem({ demo: false, users: [FIEN], env: { KIEM_LOGIN_ACCOUNT_LIMIT: '2', KIEM_LOGIN_ADDRESS_LIMIT: '3', KIEM_LOGIN_WINDOW_MINUTES: '2' } });
  try {
    const a = new Client(k3.url, '127.0.0.41');
    for (let i = 0; i < 2; i++) assert.equal((await a.login(FIEN.email, `fout-${i}`)).status, 401);
    const held = await a.login(FIEN.email, FIEN.password);
    assert.equal(held.status, 429, 'two failures lock the account');
    const wait = Number(held.headers['retry-after']);
    assert.ok(wait > 0 && wait <= 120, `Retry-After ${wait} within the window of 2 minutes`);
    assert.match(held.text, /Wacht 2 minuten/);

    const b = new Client(k3.url, '127.0.0.42');
    for (let i = 0; i < 3; i++) assert.equal((await b.login(`niemand-${i}@drempel.example`, 'fout')).status, 401);
    assert.equal((await b.login('nog-iemand@drempel.example', 'fout')).status, 429, 'three failures lock the address');
    assert.match(k3.log(), /login: address 127\.0\.0\.42 locked .*until \d{4}-/);
    // another address is not held up by it
    assert.equal((await new Client(k3.url, '127.0.0.43').login('wie-anders@drempel.example', 'fout')).status, 401);
  } finally {
    await k3.stop();
  }
});

const BAD = [
  { KIEM_LOGIN_ACCOUNT_LIMIT: '0' }, { KIEM_LOGIN_ACCOUNT_LIMIT: 'vijf' }, { KIEM_LOGIN_ACCOUNT_LIMIT: '5x' },
  { KIEM_LOGIN_ADDRESS_LIMIT: '-1' }, { KIEM_LOGIN_ADDRESS_LIMIT: '99999999999' },
  { KIEM_LOGIN_WINDOW_MINUTES: '0' }, { KIEM_LOGIN_WINDOW_MINUTES: '1.5' }, { KIEM_LOGIN_WINDOW_MINUTES: '100000' },
];
for (const env of BAD) {
  test(`serve refuses ${JSON.stringify(env)} at the start, in one line naming it, exit 2`, () => {
    const name = Object.keys(env)[0];
    const r = kiem(['serve', '--db', k2.db, '--listen', '127.0.0.1:0'], { env });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, new RegExp(`^kiem: [^\\n]*${name}[^\\n]*\\n$`));
  });
}
