// Writes wait for their commit on threads of their own (src/http/writers.c),
// not on libmicrohttpd's workers: with two workers (the default on two
// processors), many writes held up at once by a lock on the database are
// all answered once it goes, and meanwhile a read is answered at once.
// Before, the waiting writes held both workers, and the read waited for the
// lock too. The lock is another client's: a write transaction in sqlite3
// (BEGIN IMMEDIATE), or on PostgreSQL a lock on the table of parties that
// lets reads through.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { startKiem, sql, PG_BASE, pgDatabase } from '../lib/kiem.mjs';
import { ADMIN, USERS, call } from './helpers.mjs';

const WRITES = 32;
const HOLD_MS = 2000; // well inside SQLite's busy timeout of 5 s

const k = await startKiem({ demo: false, users: USERS, env: { KIEM_THREADS: '2', KIEM_ACCESS_LOG: 'off' } });
after(() => k.stop());

// Takes the lock in a client of its own; resolves with a function that
// gives it back (and resolves when the client has ended).
function lockDatabase() {
  const [cmd, args, lock, unlock] = PG_BASE
    ? ['psql', [`${PG_BASE} dbname=${pgDatabase(k.db)}`, '-qAt', '-v', 'ON_ERROR_STOP=1'],
      "BEGIN; LOCK TABLE parties IN SHARE ROW EXCLUSIVE MODE; SELECT 'locked';\n", 'COMMIT;\n']
    : ['sqlite3', ['-cmd', '.timeout 5000', k.db],
      "BEGIN IMMEDIATE; SELECT 'locked';\n", 'COMMIT;\n'];
  const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const ended = new Promise((resolve) => child.on('exit', resolve));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${cmd} did not take the lock: ${err}`)), 10000);
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('locked')) {
        clearTimeout(timer);
        resolve(async () => { child.stdin.end(unlock); return ended; });
      }
    });
    child.stderr.on('data', (d) => { err += d; });
    child.stdin.write(lock);
  });
}

test('writes held up by a lock do not hold up a read, and are all answered after it', async () => {
  const token = k.tokens[ADMIN];
  const before = Number(sql(k.db, 'SELECT count(*) FROM parties'));
  const release = await lockDatabase();
  let released = false;
  const unlocked = new Promise((resolve) => setTimeout(() => { released = true; resolve(release()); }, HOLD_MS));
  const answered = [];
  const write = (i) => call(k.url, '/api/v1/parties', { method: 'POST', token, body: { name: `Wachtende partij ${i}`, kind: 'business' } })
    .then((res) => { answered.push(released); return res; });
  // one write first, waiting for the lock on whichever worker took it, then
  // the others: before, the other worker took them and waited too, and
  // no worker was left for a read
  const writes = [write(0)];
  await new Promise((r) => setTimeout(r, 200));
  for (let i = 1; i < WRITES; i++) writes.push(write(i));
  await new Promise((r) => setTimeout(r, 300));
  const t0 = Date.now();
  const read = await call(k.url, `/api/v1/parties?limit=5&q=wachtende${Date.now()}`);
  const readMs = Date.now() - t0;
  const readWhileLocked = !released;
  const results = await Promise.all(writes);
  await unlocked;
  assert.equal(read.status, 200, read.text);
  assert.ok(readWhileLocked, `the read was answered only after the lock went (after ${readMs} ms)`);
  assert.ok(answered.every((r) => r), `a write was answered while the database was locked: ${results.map((r) => r.status)}`);
  for (const res of results) assert.equal(res.status, 201, res.text);
  const ids = new Set(results.map((res) => res.body.id));
  assert.equal(ids.size, WRITES);
  assert.equal(Number(sql(k.db, 'SELECT count(*) FROM parties')), before + WRITES);
});

test('after the lock, writes and reads go on as before', async () => {
  const token = k.tokens[ADMIN];
  const res = await call(k.url, '/api/v1/parties', { method: 'POST', token, body: { name: 'Na het slot', kind: 'business' } });
  assert.equal(res.status, 201, res.text);
  const got = await call(k.url, `/api/v1/parties/${res.body.id}`);
  assert.equal(got.status, 200);
  assert.equal(got.body.name, 'Na het slot');
});
