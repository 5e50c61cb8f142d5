// Starts the real kiem binary against a temporary database, as the tests'
// one way to get a server. Every test file starts its own and stops it.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const KIEM = process.env.KIEM_BIN || join(root, 'kiem');

// What AddressSanitizer, LeakSanitizer and UBSan print when they find
// something: under `make check` any of it fails the test that saw it.
const SANITIZER = /AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|runtime error:/;

function checkSanitizer(what, stderr) {
  if (SANITIZER.test(stderr)) throw new Error(`${what}: the sanitizer found a problem:\n${stderr}`);
}

// Runs a kiem command to the end: {status, stdout, stderr}.
export function kiem(args, { input = '', env = {} } = {}) {
  const r = spawnSync(KIEM, args, { input, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60000 });
  checkSanitizer(`kiem ${args.join(' ')}`, r.stderr || '');
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Starts a server. Options: demo (load the demo ecosystem, default true),
// The outbox rows to an address, oldest first: [{id, subject}] (the body is
// sealed in the database: its text is in serve's log).
function mailRows(db, email) {
  const q = `SELECT json_group_array(json_object('id', id, 'subject', subject)) FROM`
    + ` (SELECT * FROM outbox WHERE recipient = '${email.replaceAll("'", "''")}' ORDER BY seq)`;
  const r = spawnSync('sqlite3', ['-cmd', '.timeout 5000', db, q], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sqlite3: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

// Whether serve's worker has carried out every queued request that mails an
// address (registering, a new link, a new password: the table
// account_requests). Those requests are answered before that work is done.
function requestsDone(db) {
  const r = spawnSync('sqlite3', ['-cmd', '.timeout 5000', db, 'SELECT count(*) FROM account_requests'], { encoding: 'utf8' });
  if (r.status !== 0 && /no such table/.test(r.stderr)) return true; // a kiem without the queue
  if (r.status !== 0) throw new Error(`sqlite3: ${r.stderr}`);
  return r.stdout.trim() === '0';
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
  const child = spawn(KIEM, ['serve', '--db', db, '--listen', '127.0.0.1:0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, KIEM_THREADS: '4', ...env },
  });
  let stderr = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`kiem serve did not start: ${stderr}`)), 15000);
    child.stderr.on('data', (d) => {
      stderr += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(stderr);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`kiem serve exited ${code}: ${stderr}`)); });
  });
  child.removeAllListeners('exit');
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    url, db, dir, tokens,
    log: () => stderr,
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
          const body = mailInLog(stderr, row.id);
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
      child.kill('SIGTERM');
      const r = await exited;
      if (!keep) rmSync(dir, { recursive: true, force: true });
      checkSanitizer('kiem serve', stderr);
      if (r.code !== 0) throw new Error(`kiem serve exited with ${r.code} (${r.signal}) after SIGTERM:\n${stderr}`);
      return r;
    },
  };
}
