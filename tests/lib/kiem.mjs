// Starts the real kiem binary against a temporary database, as the tests'
// one way to get a server. Every test file starts its own and stops it.
//
// The tests run on SQLite, or on PostgreSQL when KIEM_PG_BASE is a conninfo
// without dbname (tests/with-pg.sh sets it): then every kiem command goes
// through scripts/kiem-pg-shim.sh, which gives each --db path a database of
// its own on that server, and sql() below asks psql instead of sqlite3.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = process.env.KIEM_BIN || join(root, 'kiem');
export const PG_BASE = process.env.KIEM_PG_BASE || '';
// 'postgresql' or 'sqlite': the backend under test
export const ENGINE = PG_BASE ? 'postgresql' : 'sqlite';
if (PG_BASE) {
  process.env.KIEM_REAL_BIN ||= BIN;
  delete process.env.KIEM_PG; // the shim sets it for each database (tests/with-pg.sh sets one for test_pg)
}
export const KIEM = PG_BASE ? join(root, 'scripts', 'kiem-pg-shim.sh') : BIN;

// What AddressSanitizer, LeakSanitizer and UBSan print when they find
// something: under `make check` any of it fails the test that saw it.
const SANITIZER = /AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|runtime error:/;

function checkSanitizer(what, stderr) {
  if (SANITIZER.test(stderr)) throw new Error(`${what}: the sanitizer found a problem:\n${stderr}`);
}

// The PostgreSQL database of a --db path (the shim's name for it).
export function pgDatabase(db) {
  return `k${createHash('md5').update(db).digest('hex').slice(0, 16)}`;
}

function psql(db, ...texts) {
  const r = spawnSync('psql', [`${PG_BASE} dbname=${db ? pgDatabase(db) : 'postgres'}`, '-qAt', '-v', 'ON_ERROR_STOP=1',
    ...texts.flatMap((t) => ['-c', t])], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`psql: ${r.stderr}\n${texts.join('\n')}`);
  return r.stdout;
}

// The values of one line of row_to_json, in their order, as their JSON
// text (two columns of one name are two values, as in sqlite3's output).
function jsonValues(line) {
  const values = [];
  let i = 1;
  const skipString = (j) => { for (j++; line[j] !== '"'; j++) if (line[j] === '\\') j++; return j + 1; };
  while (i < line.length && line[i] !== '}') {
    i = skipString(i) + 1; // the key and its ':'
    const start = i;
    for (let depth = 0; i < line.length; ) {
      const c = line[i];
      if (c === '"') { i = skipString(i); continue; }
      if (depth === 0 && (c === ',' || c === '}')) break;
      if (c === '{' || c === '[') depth++;
      if (c === '}' || c === ']') depth--;
      i++;
    }
    values.push(line.slice(start, i));
    if (line[i] === ',') i++;
  }
  return values;
}

// A value of row_to_json as sqlite3 prints it: a string its text, a number
// as PostgreSQL wrote it (48.0 stays 48.0), booleans 1 and 0 (SQLite has
// none), NULL nothing, a json column its text.
function sqliteText(raw) {
  if (raw === 'true') return '1';
  if (raw === 'false') return '0';
  if (raw === 'null') return '';
  return raw[0] === '"' ? JSON.parse(raw) : raw;
}

// PostgreSQL gives the rows of a SELECT through row_to_json, one a line, so
// that their types come along; any other statement (or several) runs as it
// is, and gives none.
function pgJson(db, text) {
  const statement = text.trim().replace(/;$/, '');
  const query = /^(SELECT|WITH)\b/i.test(statement) && !/\b(INSERT|UPDATE|DELETE)\b/.test(statement)
    && !statement.includes(';');
  if (!query) { psql(db, statement); return []; }
  return psql(db, `SELECT row_to_json(q) FROM (${statement}) AS q`).split('\n').filter((l) => l.startsWith('{'));
}

// Runs SQL on the database of the server (or --db path) db, of the backend
// under test. Returns the rows as sqlite3 prints them: one a line, columns
// between |, NULL as nothing, booleans as 1 and 0; trimmed. pg, when given,
// is the statement to run on PostgreSQL instead (where the SQL must differ:
// SQLite's date functions).
export function sql(db, sqlite, pg = sqlite) {
  if (!PG_BASE) {
    const r = spawnSync('sqlite3', ['-cmd', '.timeout 5000', db, sqlite], { encoding: 'utf8' });
    if (r.status !== 0 || r.stderr) throw new Error(`sqlite3: ${r.stderr}\n${sqlite}`);
    return r.stdout.trim();
  }
  return pgJson(db, pg).map((l) => jsonValues(l).map(sqliteText).join('|')).join('\n').trim();
}

// The SQL that undoes the migration steps after 10 (issue 11's tables), for
// the tests that take a database back to an older schema and migrate it
// again: { sqlite, pg } (on PostgreSQL the full-text tables are views).
const STEP11_TABLES = ['event_registrations', 'event_initiatives', 'event_issues', 'events', 'ties',
  'coalition_issues', 'coalition_partners', 'coalitions', 'lessons', 'outcome_measurements', 'outcomes',
  'milestones', 'initiative_follows', 'initiative_interest', 'intrapreneur_hours', 'initiative_partners',
  'stage_decisions', 'initiative_target_groups', 'initiative_issues', 'initiatives'];
const STEP11_SEARCH = ['event_search', 'coalition_search', 'initiative_search'];
export function undoAfterStep10() {
  const rest = ' ALTER TABLE notifications DROP COLUMN initiative_id;'
    + STEP11_TABLES.map((t) => ` DROP TABLE ${t};`).join('');
  return {
    sqlite: STEP11_SEARCH.map((t) => `DROP TABLE ${t};`).join(' ') + rest,
    pg: STEP11_SEARCH.map((t) => `DROP VIEW ${t};`).join(' ') + rest,
  };
}

// The same, the rows as objects by column name (as sqlite3 -json gives
// them: numbers as numbers, NULL as null, booleans as 1 and 0).
export function sqlRows(db, sqlite, pg = sqlite) {
  if (!PG_BASE) {
    const r = spawnSync('sqlite3', ['-cmd', '.timeout 5000', '-json', db, sqlite], { encoding: 'utf8' });
    if (r.status !== 0 || r.stderr) throw new Error(`sqlite3: ${r.stderr}\n${sqlite}`);
    return r.stdout.trim() ? JSON.parse(r.stdout) : [];
  }
  return pgJson(db, pg).map((l) => {
    const row = JSON.parse(l);
    for (const key of Object.keys(row)) if (typeof row[key] === 'boolean') row[key] = row[key] ? 1 : 0;
    return row;
  });
}

// Runs a kiem command to the end: {status, stdout, stderr}.
export function kiem(args, { input = '', env = {} } = {}) {
  const r = spawnSync(KIEM, args, { input, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60000 });
  checkSanitizer(`kiem ${args.join(' ')}`, r.stderr || '');
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Whether the database of db exists: the file, or the PostgreSQL database.
export function databaseExists(db) {
  if (!PG_BASE) return existsSync(db);
  return psql(null, `SELECT 1 FROM pg_database WHERE datname = '${pgDatabase(db)}'`).trim() === '1';
}

// The time the given minutes ago as kiem writes times in the database
// (2026-12-07T09:15:00Z), for SQL that sets the clock back on both backends.
export function timeAgo(minutes) {
  return new Date(Date.now() - minutes * 60000).toISOString().replace(/\.\d+Z$/, 'Z');
}

// The files that hold the database of db, as they are on disk now: on
// SQLite the file and its write-ahead log; on PostgreSQL, after a
// CHECKPOINT has written every change out, the files of the database's
// directory (base/OID: its tables, indexes and catalogue). Not the server's
// WAL (pg_wal): it is shared by every database of the server and keeps
// copies of old rows until the server recycles its segments, which kiem
// cannot hasten (docs/postgresql-port.md).
export function databaseFiles(db) {
  if (!PG_BASE) return [db, `${db}-wal`].filter((f) => existsSync(f));
  const dir = psql(db, 'CHECKPOINT', "SELECT current_setting('data_directory') || '/base/' || oid"
    + ' FROM pg_database WHERE datname = current_database()').trim();
  return readdirSync(dir).map((f) => join(dir, f));
}

// The bytes of those files as one latin1 string (to look for text in).
export function databaseBytes(db) {
  const read = (f) => { try { return readFileSync(f).toString('latin1'); } catch { return ''; } }; // gone meanwhile
  return databaseFiles(db).map(read).join('');
}

// The outbox rows to an address, oldest first: [{id, subject}] (the body is
// sealed in the database: its text is in serve's log).
function mailRows(db, email) {
  const to = email.replaceAll("'", "''");
  return sqlRows(db, `SELECT id, subject FROM outbox WHERE recipient = '${to}' ORDER BY seq`);
}

// Whether serve's worker has carried out every queued request that mails an
// address (registering, a new link, a new password: the table
// account_requests). Those requests are answered before that work is done.
function requestsDone(db) {
  return sql(db, 'SELECT count(*) FROM account_requests') === '0';
}

// The body of mail id as serve's log shows it ("mail ID to ...", "mail | "
// lines, "mail ID ends"), or null while it is not all there.
function mailInLog(log, id) {
  const lines = log.split('\n');
  const start = lines.findIndex((l) => l.includes(` info mail ${id} to `));
  if (start < 0) return null;
  const body = [];
  for (const l of lines.slice(start + 1)) {
    if (l.includes(` info mail ${id} ends`)) return body.join('\n');
    const m = / info mail \| ?(.*)$/.exec(l);
    if (m) body.push(m[1]);
  }
  return null; // not all of it has arrived yet
}

// Starts `kiem serve` with args (its database: --db FILE, --pg CONNINFO,
// or none with KIEM_DB or KIEM_PG in env) on a free port of 127.0.0.1, and
// resolves once it listens: {url, child, exited, log(), stop()}. Options:
// env (more environment for it), bin (KIEM, which on PostgreSQL is the
// shim; the real binary where the test gives --pg or KIEM_PG itself),
// timeout (ms to wait for it to listen). exited resolves to {code, signal};
// stop() sends SIGTERM and throws if a sanitizer reported anything while it
// ran, or it did not exit with 0. Several on one database are several
// nodes.
export async function serveKiem(args, { env = {}, bin = KIEM, timeout = 15000 } = {}) {
  const child = spawn(bin, ['serve', ...args, '--listen', '127.0.0.1:0'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stderr = '';
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`kiem serve did not start: ${stderr}`)), timeout);
    child.stderr.on('data', (d) => {
      stderr += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(stderr);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    exited.then(({ code }) => { clearTimeout(timer); reject(new Error(`kiem serve exited ${code}: ${stderr}`)); });
  });
  return {
    url, child, exited,
    log: () => stderr,
    async stop() {
      child.kill('SIGTERM');
      const r = await exited;
      checkSanitizer('kiem serve', stderr);
      if (r.code !== 0) throw new Error(`kiem serve exited with ${r.code} (${r.signal}) after SIGTERM:\n${stderr}`);
      return r;
    },
  };
}

// Starts a server. Options: demo (load the demo ecosystem, default true),
// users: [{email, name, password, admin, coordinator}], env: more environment
// for `kiem serve`. Returns
// {url, db, dir, tokens: {email: token}, stop(), log()}.
export async function startKiem({ demo = true, users = [], env = {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'kiem-test-'));
  const db = join(dir, 'kiem.db');
  const init = kiem(['init', '--db', db, ...(demo ? ['--demo'] : [])]);
  if (init.status !== 0) throw new Error(`kiem init failed: ${init.stderr}`);
  const tokens = {};
  for (const u of users) {
    const args = ['user', 'add', '--email', u.email, '--name', u.name, '--db', db];
    if (u.admin) args.push('--admin');
    if (u.coordinator) args.push('--coordinator', u.coordinator);
    const r = kiem(args, { input: `${u.password}\n` });
    if (r.status !== 0) throw new Error(`kiem user add failed: ${r.stderr}`);
    const t = kiem(['token', 'create', '--email', u.email, '--db', db]);
    if (t.status !== 0) throw new Error(`kiem token create failed: ${t.stderr}`);
    tokens[u.email] = t.stdout.trim();
  }
  const server = await serveKiem(['--db', db], { env: { KIEM_THREADS: '4', ...env } });
  const { url, log } = server;
  return {
    url, db, dir, tokens, log,
    // The mail to an address, oldest first, as its reader sees it: [{id,
    // subject, body}]. Without a mail transport (as in the tests) serve's
    // worker writes each mail to its log within seconds (the outbox keeps
    // the body sealed, and empties it once sent); this waits for the log.
    async mails(email, { timeout = 20000 } = {}) {
      const deadline = Date.now() + timeout;
      await this.settled({ timeout });
      const rows = mailRows(db, email);
      for (const row of rows) {
        for (;;) {
          const body = mailInLog(log(), row.id);
          if (body !== null) { row.body = body; break; }
          if (Date.now() > deadline) throw new Error(`the mail ${row.id} to ${email} is not in serve's log`);
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      return rows;
    },
    // Waits until serve has carried out the requests that mail an address
    // (registrations, new links, password resets): they are answered first
    // and done a moment later. A moment can be long on a loaded machine: an
    // erasure's scrub (VACUUM and a checkpoint that waits for readers up to
    // the busy timeout of 5 s) holds the writer the worker needs, and the
    // authz matrix erases often; so 20 s, not 8, before this says the
    // worker failed.
    async settled({ timeout = 20000 } = {}) {
      const deadline = Date.now() + timeout;
      while (!requestsDone(db)) {
        if (Date.now() > deadline) throw new Error('the queued account requests were not done in time');
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    // The newest mail to an address: {id, subject, body}, or null.
    async mail(email, options) {
      return (await this.mails(email, options)).at(-1) ?? null;
    },
    // Stops the server with SIGTERM; resolves to its exit code. Throws if a
    // sanitizer reported anything while it ran, or it did not exit cleanly.
    async stop({ keep = false } = {}) {
      try {
        return await server.stop();
      } finally {
        if (!keep) {
          rmSync(dir, { recursive: true, force: true });
          if (PG_BASE) psql(null, `DROP DATABASE IF EXISTS ${pgDatabase(db)} WITH (FORCE)`);
        }
      }
    },
  };
}
