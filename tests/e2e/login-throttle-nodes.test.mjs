// Two `kiem serve` nodes on one database (one SQLite file, or one
// PostgreSQL database through scripts/kiem-pg-shim.sh) count the same
// failed logins and mail requests (src/model/throttle.h): failures on node A
// lock the account on node B, the lock is logged once, and a restart of
// both forgets none of it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import http from 'node:http';
import { startKiem, serveKiem } from '../lib/kiem.mjs';

const ANN = { email: 'ann@knopen.example', name: 'Ann', password: 'anns-lange-wachtwoord' };
const BEN = { email: 'ben@knopen.example', name: 'Ben', password: 'bens-lange-wachtwoord' };
const ENV = { KIEM_MAIL_LIMIT: '3' };

// Another node: `kiem serve` on the database of a node startKiem made.
const node = (db) => serveKiem(['--db', db], { env: { KIEM_THREADS: '2', ...ENV } });

// A browser without JavaScript at a loopback address of its own, talking to
// one node or another; it keeps its cookies.
class Client {
  constructor(from) { this.from = from; this.jar = new Map(); }

  request(base, path, { method = 'GET', form, json } = {}) {
    const url = new URL(base);
    const body = form ? new URLSearchParams(form).toString() : json ? JSON.stringify(json) : undefined;
    const headers = {};
    if (this.jar.size) headers.Cookie = [...this.jar].map(([n, v]) => `${n}=${v}`).join('; ');
    if (form) headers['Content-Type'] = 'application/x-www-form-urlencoded';
    if (json) headers['Content-Type'] = 'application/json';
    return new Promise((resolve, reject) => {
      const req = http.request({ host: url.hostname, port: url.port, path, method, headers, localAddress: this.from, agent: false },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d) => { text += d; });
          res.on('end', () => {
            for (const line of res.headers['set-cookie'] ?? []) {
              const nv = line.split(';')[0].trim();
              const eq = nv.indexOf('=');
              this.jar.set(nv.slice(0, eq), nv.slice(eq + 1));
            }
            resolve({ status: res.statusCode, headers: res.headers, text });
          });
        });
      req.on('error', reject);
      req.end(body);
    });
  }

  async login(base, email, password) {
    const form = await this.request(base, '/inloggen');
    const csrf = /name="_csrf" value="([^"]*)"/.exec(form.text)[1];
    return this.request(base, '/inloggen', { method: 'POST', form: { _csrf: csrf, email, password, next: '/account' } });
  }
}

let a, b, dir;
before(async () => {
  a = await startKiem({ demo: false, users: [ANN, BEN], env: ENV });
  dir = a.dir;
  b = await node(a.db);
});
after(async () => {
  await b?.stop();
  await a?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const lockLines = (log, who) => log.split('\n').filter((l) => l.includes(who) && / locked /.test(l));

test('failures on both nodes add up: together they lock the account on each', async () => {
  // the owner logs in at home on node A first: that address is known to the account
  assert.equal((await new Client('127.0.0.60').login(a.url, ANN.email, ANN.password)).status, 303);
  const attacker = new Client('127.0.0.61');
  // five failures, spread over the nodes: no node saw five of its own
  for (let i = 0; i < 5; i++) {
    const res = await attacker.login(i % 2 ? b.url : a.url, ANN.email, `fout-${i}`);
    assert.equal(res.status, 401, `failure ${i}`);
  }
  for (const base of [a.url, b.url]) {
    const held = await new Client('127.0.0.62').login(base, ANN.email, ANN.password);
    assert.equal(held.status, 429, `held on ${base === a.url ? 'A' : 'B'}`);
    const wait = Number(held.headers['retry-after']);
    assert.ok(wait > 0 && wait <= 15 * 60, `Retry-After ${wait}`);
  }
  // the known address, learnt on node A, lets the owner in on node B
  assert.equal((await new Client('127.0.0.60').login(b.url, ANN.email, ANN.password)).status, 303);
  // one line about the lock, on whichever node the fifth failure came
  const lines = [...lockLines(a.log(), ANN.email), ...lockLines(b.log(), ANN.email)];
  assert.equal(lines.length, 1, lines.join('\n'));
  assert.match(lines[0], /until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/);
});

test('the mail limit per address holds across the nodes', async () => {
  const client = new Client('127.0.0.63');
  const ask = (base) => client.request(base, '/api/v1/password-reset-requests', { method: 'POST', json: { email: BEN.email } });
  assert.equal((await ask(a.url)).status, 202);
  assert.equal((await ask(b.url)).status, 202);
  assert.equal((await ask(a.url)).status, 202);
  const refused = await ask(b.url);
  assert.equal(refused.status, 429, 'the fourth, with a limit of three');
  assert.ok(Number(refused.headers['retry-after']) > 0);
  // another address is not held up by it
  assert.equal((await new Client('127.0.0.64').request(a.url, '/api/v1/password-reset-requests',
    { method: 'POST', json: { email: BEN.email } })).status, 202);
});

test('a restart of both nodes forgets no failure, no known address and no mail request', async () => {
  await a.settled();
  await b.stop();
  const db = a.db;
  await a.stop({ keep: true });
  a = null;
  b = await node(db);
  {
    assert.equal((await new Client('127.0.0.65').login(b.url, ANN.email, ANN.password)).status, 429, 'still locked');
    assert.equal((await new Client('127.0.0.60').login(b.url, ANN.email, ANN.password)).status, 303, 'still known');
    const again = await new Client('127.0.0.63').request(b.url, '/api/v1/password-reset-requests',
      { method: 'POST', json: { email: BEN.email } });
    assert.equal(again.status, 429, 'the mail limit too');
    // and the lock was not logged again
    assert.equal(lockLines(b.log(), ANN.email).length, 0);
  }
});
