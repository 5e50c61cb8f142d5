// kiem migrate-to-pg (issue 10): an instance moves from its SQLite file into
// an empty PostgreSQL database. After the move, `kiem serve --pg` answers
// what `kiem serve --db` answers, the people's sessions and API tokens still
// work, the mail waiting in the outbox is still readable with the key file,
// new rows get new keys; the command refuses a database that is not empty,
// and --check-only finds a row changed afterwards.
//
// Needs a PostgreSQL server: KIEM_PG_BASE, a conninfo without dbname whose
// user may create databases (scripts/pg-test-server.sh prints one). Without
// it the tests are skipped, saying so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KIEM, serveKiem } from '../lib/kiem.mjs';
import { call, assertOk, partyBody, Browser } from './helpers.mjs';

// the real binary: scripts/kiem-pg-shim.sh would turn --db into PostgreSQL
const BIN = process.env.KIEM_REAL_BIN || KIEM;
const BASE = process.env.KIEM_PG_BASE;
const psql = (conninfo, sql) => spawnSync('psql', [conninfo, '-qAtX', '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8' });
const SKIP = !BASE ? 'no PostgreSQL: KIEM_PG_BASE is not set (scripts/pg-test-server.sh start DIR prints one)'
  : psql(`${BASE} dbname=postgres`, 'SELECT 1').status !== 0 ? `no PostgreSQL at KIEM_PG_BASE (${BASE})` : false;

const PASSWORD = 'een-lang-wachtwoord-voor-de-verhuizing';
const ADMIN = 'beheer@verhuizing.example';
const ALICE = 'alice@verhuizing.example';
const CORA = 'cora@verhuizing.example';

// what the sanitizers print (make kiem-san): a finding fails the test that saw it
const SANITIZER = /AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|runtime error:/;
function run(args, opts = {}) {
  const r = spawnSync(BIN, args, { encoding: 'utf8', timeout: 120000, ...opts });
  assert.doesNotMatch(r.stderr ?? '', SANITIZER, `kiem ${args.join(' ')}`);
  return r;
}

// Starts `kiem serve` with these arguments; {url, log(), stop()}.
const serve = (args, env = {}) => serveKiem(args, { bin: BIN, env: { KIEM_THREADS: '2', ...env } });

let dir, db, pg, dbname, lite, moved;
const T = {}; // API tokens by email
let cookie; // a session on the SQLite instance, logged in before the move
let mailId; // a mail queued before the move, not yet sent

before(async () => {
  if (SKIP) return;
  dir = mkdtempSync(join(tmpdir(), 'kiem-migrate-'));
  db = join(dir, 'kiem.db');
  assert.equal(run(['init', '--demo', '--db', db]).status, 0);
  for (const [email, name, extra] of [[ADMIN, 'Ada Beheer', ['--admin']], [ALICE, 'Alice Verhuis', []],
    [CORA, 'Cora Wijk', ['--coordinator', 'WK034403']]]) {
    const r = run(['user', 'add', '--email', email, '--name', name, '--db', db, ...extra], { input: `${PASSWORD}\n` });
    assert.equal(r.status, 0, r.stderr);
    const t = run(['token', 'create', '--email', email, '--db', db]);
    assert.equal(t.status, 0, t.stderr);
    T[email] = t.stdout.trim();
  }

  // records of every kind the demo lacks, through the API and the pages
  const k = await serve(['--db', db]);
  const party = assertOk(await call(k.url, '/api/v1/parties', { method: 'POST', token: T[ALICE],
    body: partyBody({ name: 'Verhuiscollectief Zuilen', areas: ['WK034403'], tags: ['verhuizing'] }) }), 201);
  assertOk(await call(k.url, `/api/v1/parties/${party.id}/invitations`, { method: 'POST', token: T[ALICE],
    body: { email: 'nieuw@verhuizing.example', role: 'member' } }), 201);
  assert.equal((await call(k.url, '/api/v1/registrations', { method: 'POST',
    body: { name: 'Rein Registreer', email: 'rein@verhuizing.example', password: PASSWORD } })).status, 202);
  const b = new Browser(k.url);
  assert.equal((await b.post('/inloggen', { email: CORA, password: PASSWORD, next: '/account' })).status, 303);
  cookie = [...b.jar].map(([n, v]) => `${n}=${v}`).join('; ');
  // the registration's mail is written once the worker has done it
  for (let i = 0; i < 200 && !/ info mail \S+ to rein@/.test(k.log()); i++) await new Promise((r) => setTimeout(r, 50));
  await k.stop();
  // a mail that waits in the outbox, sealed, when the instance moves
  const m = run(['mail', 'test', '--to', 'wacht@verhuizing.example', '--db', db]);
  assert.equal(m.status, 0, m.stderr);
  mailId = spawnSync('sqlite3', [db, "SELECT id FROM outbox WHERE recipient = 'wacht@verhuizing.example'"],
    { encoding: 'utf8' }).stdout.trim();
  assert.ok(mailId, 'the test mail is in the outbox');

  dbname = `kmigrate${process.pid}`;
  assert.equal(psql(`${BASE} dbname=postgres`, `DROP DATABASE IF EXISTS ${dbname}`).status, 0);
  assert.equal(psql(`${BASE} dbname=postgres`, `CREATE DATABASE ${dbname}`).status, 0);
  pg = `${BASE} dbname=${dbname}`;
});

after(async () => {
  await lite?.stop();
  await moved?.stop();
  if (dbname) psql(`${BASE} dbname=postgres`, `DROP DATABASE IF EXISTS ${dbname}`);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// The rows of the check's table: {name: {rows, sum, ok}}.
function checks(stdout) {
  const out = {};
  for (const m of stdout.matchAll(/^(\w+) +(\d+) +(\d+) +([0-9a-f]{16}) +([0-9a-f]{16}) +(ok|DIFFERENT)$/gm)) {
    out[m[1]] = { rows: [Number(m[2]), Number(m[3])], sums: [m[4], m[5]], ok: m[6] === 'ok' };
  }
  return out;
}

test('migrate-to-pg copies every table and checks each', { skip: SKIP }, () => {
  const r = run(['migrate-to-pg', '--db', db, '--pg', pg]);
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  const c = checks(r.stdout);
  // the tables come from the file's schema: every one of them is checked
  // (but data_generation: each database counts its own commits)
  const tables = spawnSync('sqlite3', [db, "SELECT name FROM sqlite_master WHERE type = 'table'"
    + " AND name NOT LIKE 'sqlite%' AND name NOT LIKE '%search\\_%' ESCAPE '\\'"
    + " AND name <> 'data_generation'"], { encoding: 'utf8' })
    .stdout.trim().split('\n');
  assert.deepEqual(Object.keys(c).sort(), tables.sort());
  for (const [name, t] of Object.entries(c)) {
    assert.ok(t.ok, `${name}: ${JSON.stringify(t)}`);
    assert.equal(t.rows[0], t.rows[1]);
    // records of every kind: only the queue of account requests is empty,
    // as the worker empties it
    if (name !== 'account_requests') assert.ok(t.rows[0] > 0, `${name} has no rows to copy`);
  }
  assert.match(r.stdout, /every table matches/);
  // the key that seals the outbox stays where it is, and the command says so
  assert.match(r.stdout, new RegExp(`KIEM_KEY_FILE=${db.replace(/[.]/g, '\\.')}\\.key`));
});

test('serve --pg answers what serve --db answers', { skip: SKIP }, async () => {
  lite = await serve(['--db', db], { KIEM_KEY_FILE: join(dir, 'other.key') });
  moved = await serve(['--pg', pg], { KIEM_KEY_FILE: `${db}.key` });
  // the start-up log names the engine and database really used, without a password
  assert.match(moved.log(), /starting; PostgreSQL [^;]*; database PostgreSQL host=/);
  assert.match(lite.log(), /starting; SQLite [^;]*; database .*kiem\.db/);

  const parties = assertOk(await call(lite.url, '/api/v1/parties?limit=100'));
  const party = parties.items.find((p) => p.name === 'Verhuiscollectief Zuilen');
  const issues = assertOk(await call(lite.url, '/api/v1/issues'));
  assert.ok(party && issues.items.length > 0);
  const reads = [
    ['/api/v1/parties?limit=100'],
    ['/api/v1/parties?sort=name&limit=7'],
    [`/api/v1/parties/${party.id}`],
    [`/api/v1/parties/${party.id}/members`, T[ALICE]],
    [`/api/v1/parties/${party.id}/invitations`, T[ALICE]],
    ['/api/v1/parties?q=verhuiscollectief'],
    ['/api/v1/parties?q=buurt'],
    ['/api/v1/issues'],
    [`/api/v1/issues/${issues.items[0].id}`],
    [`/api/v1/issues/${issues.items[0].id}/role-ledger`],
    ['/api/v1/signals', T[CORA]],
    ['/api/v1/signals', T[ADMIN]],
    ['/api/v1/areas'],
    ['/api/v1/areas/WK034403'],
    ['/api/v1/roles'],
    ['/api/v1/users', T[ADMIN]],
    ['/api/v1/activity?limit=50', T[ADMIN]],
    ['/api/v1/users/me', T[CORA]],
  ];
  for (const [path, token] of reads) {
    const a = assertOk(await call(lite.url, path, { token }));
    const b = assertOk(await call(moved.url, path, { token }));
    assert.deepEqual(b, a, `GET ${path}`);
  }
  const q = assertOk(await call(moved.url, '/api/v1/parties?q=verhuiscollectief'));
  assert.deepEqual(q.items.map((p) => p.id), [party.id], 'full text finds the copied party on PostgreSQL');

  // a session made on SQLite is one on PostgreSQL
  const page = await fetch(`${moved.url}/account`, { headers: { Cookie: cookie }, redirect: 'manual' });
  assert.equal(page.status, 200);
  assert.match(await page.text(), /Cora Wijk/);

  // the mail that waited in the outbox is read with the key file and sent
  for (let i = 0; i < 200 && !moved.log().includes(`mail ${mailId} ends`); i++) await new Promise((r) => setTimeout(r, 50));
  assert.match(moved.log(), /info mail \| Dit is een testbericht van kiem/);

  // new rows get new keys: the identity sequences were set past the copied ones
  const made = assertOk(await call(moved.url, '/api/v1/parties', { method: 'POST', token: T[ALICE],
    body: partyBody({ name: 'Na de verhuizing', areas: ['WK034403'] }) }), 201);
  assert.equal(assertOk(await call(moved.url, `/api/v1/parties/${made.id}`)).name, 'Na de verhuizing');
  const issue = assertOk(await call(moved.url, '/api/v1/issues', { method: 'POST', token: T[ALICE],
    body: { title: 'Vraagstuk na de verhuizing', summary: 'Een nieuw vraagstuk.', area: 'WK034403', ownerParty: made.id } }), 201);
  const found = assertOk(await call(moved.url, '/api/v1/issues?q=verhuizing'));
  assert.ok(found.items.some((i) => i.id === issue.id), 'the new issue is found by its words');
});

test("serve's start-up log shows the conninfo without its password", { skip: SKIP }, async () => {
  const k = await serve(['--pg', `${pg} password='ge heim\\'42'`], { KIEM_KEY_FILE: `${db}.key` });
  await k.stop();
  const line = k.log().split('\n').find((l) => l.includes(' starting; '));
  assert.match(line, new RegExp(`database PostgreSQL ${pg.replace(/[/.]/g, '\\$&')}$`));
  assert.doesNotMatch(k.log(), /heim/);
});

test('a second run refuses: the database is not empty', { skip: SKIP }, () => {
  const r = run(['migrate-to-pg', '--db', db, '--pg', pg]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /the PostgreSQL database is not empty: .*parties \(\d+ rows\)/);
  assert.doesNotMatch(r.stdout, /copying/);
});

test('--check-only finds a row changed on PostgreSQL', { skip: SKIP }, async () => {
  await moved?.stop();
  moved = null;
  // a fresh copy: the writes above made the databases differ
  assert.equal(psql(`${BASE} dbname=postgres`, `DROP DATABASE ${dbname}`).status, 0);
  assert.equal(psql(`${BASE} dbname=postgres`, `CREATE DATABASE ${dbname}`).status, 0);
  await lite?.stop();
  lite = null;
  assert.equal(run(['migrate-to-pg', '--db', db, '--pg', pg]).status, 0);
  const same = run(['migrate-to-pg', '--db', db, '--pg', pg, '--check-only']);
  assert.equal(same.status, 0, same.stdout + same.stderr);
  assert.doesNotMatch(same.stdout, /copying/);

  // (a column the full-text index does not read, which would differ too)
  assert.equal(psql(pg, "UPDATE parties SET website = 'https://verhuisd.example' WHERE name = 'Verhuiscollectief Zuilen'").status, 0);
  // NULL and '' differ
  assert.equal(psql(pg, `UPDATE users SET blocked_at = '' WHERE email = '${ALICE}' AND blocked_at IS NULL`).status, 0);
  assert.equal(psql(pg, 'DELETE FROM follows WHERE ctid = (SELECT min(ctid) FROM follows)').status, 0);
  const r = run(['migrate-to-pg', '--db', db, '--pg', pg, '--check-only']);
  assert.equal(r.status, 1, r.stdout);
  const c = checks(r.stdout);
  assert.equal(c.parties.ok, false);
  assert.equal(c.parties.rows[0], c.parties.rows[1], 'the same rows, one of them changed');
  assert.equal(c.users.ok, false, "NULL made ''");
  assert.equal(c.follows.ok, false);
  assert.equal(c.follows.rows[1], c.follows.rows[0] - 1);
  assert.ok(c.issues.ok && c.areas.ok, 'the other tables still match');
  assert.deepEqual(Object.keys(c).filter((name) => !c[name].ok).sort(), ['follows', 'parties', 'users']);
  assert.match(r.stderr, /3 of \d+ tables differ/);
});

test('migrate-to-pg refuses a file of another schema version, and wrong use', { skip: SKIP }, () => {
  const old = join(dir, 'old.db');
  spawnSync('sqlite3', [old, 'CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL); PRAGMA user_version = 1;']);
  const r = run(['migrate-to-pg', '--db', old, '--pg', pg]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /schema version 1 .*'kiem init --db .*old\.db'/);
  const none = run(['migrate-to-pg', '--db', db], { env: { ...process.env, KIEM_PG: '' } });
  assert.equal(none.status, 2);
  assert.match(none.stderr, /needs --pg CONNINFO/);
  const help = run(['migrate-to-pg', '--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /usage: kiem migrate-to-pg --db FILE --pg CONNINFO/);
});

test('every command that takes --db tells of --pg in its --help', () => {
  for (const cmd of [['init'], ['serve'], ['user', 'add'], ['user', 'passwd'], ['user', 'list'], ['user', 'block'],
    ['user', 'unblock'], ['token', 'create'], ['accounts', 'sweep'], ['notifications', 'digest'], ['mail', 'test'],
    ['migrate-to-pg']]) {
    const r = run([...cmd, '--help']);
    assert.equal(r.status, 0, cmd.join(' '));
    assert.match(r.stdout, /--db (PATH|FILE)/, cmd.join(' '));
    assert.match(r.stdout, /\[?--pg CONNINFO/, `kiem ${cmd.join(' ')} --help names --pg`);
    assert.doesNotMatch(r.stdout, /not yet available/);
  }
});
