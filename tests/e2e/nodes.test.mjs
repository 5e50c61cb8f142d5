// Two `kiem serve` nodes on one PostgreSQL database, as behind a load
// balancer (issue 10): a session made on one is valid on the other, a write
// on one is seen on the other at once (no kept answer of before it), and a
// background job (the outbox) runs once, on one node. Needs a PostgreSQL
// server: KIEM_PG_BASE (a conninfo without dbname, as for
// scripts/kiem-pg-shim.sh; scripts/pg-test-server.sh starts one). Without
// it every test here is skipped, and says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveKiem } from '../lib/kiem.mjs';
import { USERS, ALICE, call, assertOk, partyBody, Browser } from './helpers.mjs';

const BASE = process.env.KIEM_PG_BASE;
const skip = BASE ? false : 'no PostgreSQL: set KIEM_PG_BASE (see scripts/pg-test-server.sh)';
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// the real binary: the nodes get KIEM_PG from here, not from the shim
const KIEM = process.env.KIEM_REAL_BIN || process.env.KIEM_BIN || join(root, 'kiem');

let dir, db, env, sendmail, deliveries;
const nodes = [];
const tokens = {};

function run(args, input = '') {
  const r = spawnSync(KIEM, args, { input, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120000 });
  assert.equal(r.status, 0, `kiem ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

function psql(query) {
  const r = spawnSync('psql', [env.KIEM_PG, '-qAt', '-c', query], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

// One node: `kiem serve` on the shared database, on a port of its own.
async function startNode(name) {
  const node = await serveKiem(['--db', db], {
    bin: KIEM, timeout: 20000, env: { ...env, KIEM_THREADS: '4', KIEM_SENDMAIL: sendmail },
  });
  node.name = name;
  assert.match(node.log(), /starting; PostgreSQL/, `node ${name} is not on PostgreSQL`);
  nodes.push(node);
  return node;
}

const stopNode = (node) => node.stop();

let a, b;
before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'kiem-nodes-'));
  db = join(dir, 'kiem.db'); // only for the key file beside it: the data is in PostgreSQL
  // named as scripts/kiem-pg-shim.sh would, so that KIEM_BIN may be the shim
  const name = `k${createHash('md5').update(db).digest('hex').slice(0, 16)}`;
  env = { KIEM_PG: `${BASE} dbname=${name}` };
  const r = spawnSync('psql', [`${BASE} dbname=postgres`, '-qAt', '-c', `DROP DATABASE IF EXISTS ${name}`,
    '-c', `CREATE DATABASE ${name}`], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  run(['init', '--db', db]);
  for (const u of USERS) {
    run(['user', 'add', '--email', u.email, '--name', u.name, '--db', db, ...(u.admin ? ['--admin'] : [])], `${u.password}\n`);
    tokens[u.email] = run(['token', 'create', '--email', u.email, '--db', db]).trim();
  }
  // a slow sendmail that notes each mail it is given: with two nodes
  // sending the outbox, their passes would overlap and send mail twice
  deliveries = join(dir, 'deliveries');
  sendmail = join(dir, 'sendmail');
  writeFileSync(sendmail, `#!/bin/sh\ncat > /dev/null\nsleep 0.2\necho "$3" >> '${deliveries}'\n`);
  chmodSync(sendmail, 0o755);
  a = await startNode('A');
  b = await startNode('B');
});

after(async () => {
  for (const n of nodes) await stopNode(n);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a session made on node A is valid on node B, and ended on B it is ended on A', { skip }, async () => {
  const onA = new Browser(a.url);
  const login = await onA.login(ALICE, USERS.find((u) => u.email === ALICE).password);
  assert.equal(login.status, 303, login.text);
  assert.ok(onA.jar.get('kiem_session'));
  const onB = new Browser(b.url);
  onB.jar = new Map(onA.jar);
  const account = await onB.request('/account');
  assert.equal(account.status, 200);
  assert.match(account.text, /Alice de Vries/);
  // a form of node A's page is good on node B (the CSRF token is the browser's)
  const out = await onB.post('/uitloggen', {}, '/account');
  assert.equal(out.status, 303, out.text);
  const after = await new Browser(a.url).request('/account', {});
  assert.notEqual(after.status, 200);
  const again = new Browser(a.url);
  again.jar = new Map(onA.jar);
  assert.notEqual((await again.request('/account')).status, 200, 'the session ended on B still opens /account on A');
});

test('a write on node A is seen on node B at once, every time', { skip }, async () => {
  const token = tokens[ALICE];
  const list = `/api/v1/parties?q=Knooppunt&limit=100`;
  const names = (r) => assertOk(r).items.map((p) => p.name).sort();
  assert.deepEqual(names(await call(b.url, list)), []);
  assert.deepEqual(names(await call(b.url, list)), []); // kept on B now
  const made = [];
  for (let i = 0; i < 40; i++) {
    const name = `Knooppunt ${String(i).padStart(2, '0')}`;
    assertOk(await call(a.url, '/api/v1/parties', { method: 'POST', token, body: partyBody({ name }) }), 201);
    made.push(name);
    // at once, anonymously, on the other node, whose kept answer was of before
    assert.deepEqual(names(await call(b.url, list)), made, `after write ${i}, node B answered from before it`);
    // and the page that lists them, on either node
    if (i % 10 === 0) assert.match((await call(b.url, `/partijen?q=${encodeURIComponent(name)}`)).text, new RegExp(name));
  }
  // the other way round: a change on B, seen on A that kept the list
  const one = assertOk(await call(a.url, '/api/v1/parties?q=Knooppunt&limit=1')).items[0];
  assertOk(await call(b.url, `/api/v1/parties/${one.id}`, { method: 'PATCH', token, body: { name: 'Knooppunt Gewijzigd' } }));
  assert.ok(names(await call(a.url, list)).includes('Knooppunt Gewijzigd'));
});

test('the outbox is sent once, by one node, with two nodes running', { skip }, async () => {
  const to = Array.from({ length: 30 }, (_, i) => `knoop${i}@example.nl`);
  for (const addr of to) assert.match(run(['mail', 'test', '--to', addr, '--db', db]), /queued a test mail/);
  const deadline = Date.now() + 60000;
  for (;;) {
    const left = Number(psql("SELECT count(*) FROM outbox WHERE recipient LIKE 'knoop%' AND sent_at IS NULL"));
    if (left === 0) break;
    assert.ok(Date.now() < deadline, `${left} mails not sent in time`);
    await new Promise((r) => setTimeout(r, 200));
  }
  await new Promise((r) => setTimeout(r, 3000)); // a second sender would be at it by now
  const sent = existsSync(deliveries) ? readFileSync(deliveries, 'utf8').split('\n').filter(Boolean) : [];
  assert.deepEqual(sent.toSorted(), to.toSorted(), 'each mail once');
  // one node holds the lease of the outbox, and the table says which
  const holders = [a, b].filter((n) => /lease mail: this node/.test(n.log()));
  assert.equal(holders.length, 1, `nodes that took the lease: ${holders.map((n) => n.name)}`);
  assert.match(psql("SELECT holder FROM leases WHERE name = 'mail'"), /\/\d+\//);
});

test('a node that stops gives its leases back, and the other takes them over', { skip }, async () => {
  const holder = /lease mail: this node/.test(a.log()) ? a : b;
  const other = holder === a ? b : a;
  await stopNode(holder);
  nodes.splice(nodes.indexOf(holder), 1);
  assert.equal(psql("SELECT count(*) FROM leases WHERE until_epoch > 0 AND holder LIKE '%/' || " +
    `'${holder.child.pid}' || '/%'`), '0');
  const deadline = Date.now() + 30000;
  while (!/lease mail: this node/.test(other.log())) {
    assert.ok(Date.now() < deadline, `node ${other.name} did not take the lease over:\n${other.log()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  run(['mail', 'test', '--to', 'nadien@example.nl', '--db', db]);
  const until = Date.now() + 20000;
  while (!(existsSync(deliveries) && readFileSync(deliveries, 'utf8').includes('nadien@example.nl'))) {
    assert.ok(Date.now() < until, 'the mail queued after the stop was not sent');
    await new Promise((r) => setTimeout(r, 200));
  }
});
