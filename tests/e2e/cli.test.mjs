// The command line of DESIGN.md section 4: help, version, exit codes, one-line
// errors, init, user add, token create, KIEM_DB, and serve's start and stop.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KIEM, kiem, databaseExists, pgDatabase, ENGINE } from '../lib/kiem.mjs';
import { call, assertOk, listAll, Browser } from './helpers.mjs';

const PASSWORD = 'een-lang-genoeg-wachtwoord';
const KINDS = ['citizen_initiative', 'social_work', 'government', 'business', 'knowledge_institute'];

let dir;
before(() => { dir = mkdtempSync(join(tmpdir(), 'kiem-cli-')); });

let dbCount = 0;
function freshPath() { return join(dir, `db${++dbCount}.db`); }

function initDb({ demo = false } = {}) {
  const db = freshPath();
  const r = kiem(['init', '--db', db, ...(demo ? ['--demo'] : [])]);
  assert.equal(r.status, 0, r.stderr);
  return db;
}

function addUser(db, email, extra = []) {
  return kiem(['user', 'add', '--email', email, '--name', 'Test Persoon', '--db', db, ...extra], { input: `${PASSWORD}\n` });
}

// The lines of stderr that are not log lines ("2026-...Z info ...").
function messageLines(stderr) {
  return stderr.split('\n').filter((l) => l.trim() && !/^\d{4}-\d\d-\d\dT[\d:]+Z /.test(l));
}

// Starts `kiem serve` with these arguments and environment; resolves when it
// listens. The caller stops it with stop().
const servers = new Set();
async function serve(args, env = {}) {
  const child = spawn(KIEM, ['serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, KIEM_THREADS: '2', ...env } });
  let stderr = '';
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`kiem serve did not start: ${stderr}`)), 15000);
    child.stderr.on('data', (d) => {
      stderr += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(stderr);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    exited.then(({ code }) => { clearTimeout(timer); reject(new Error(`kiem serve exited ${code}: ${stderr}`)); });
  });
  const s = {
    url, child,
    log: () => stderr,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const r = await exited;
      servers.delete(s);
      return r;
    },
  };
  servers.add(s);
  return s;
}
after(async () => {
  for (const s of [...servers]) await s.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('help and version', () => {
  test('kiem --help lists the commands on stdout and exits 0', () => {
    for (const flag of ['--help', '-h', 'help']) {
      const r = kiem([flag]);
      assert.equal(r.status, 0, flag);
      assert.match(r.stdout, /^usage: kiem COMMAND/);
      for (const c of ['init', 'serve', 'user', 'token']) assert.match(r.stdout, new RegExp(`\\n  ${c} `), `${flag} lists ${c}`);
      assert.equal(r.stderr, '');
    }
  });

  test('kiem --version prints the version and exits 0', () => {
    const r = kiem(['--version']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^kiem \d+\.\d+\.\d+\n$/);
    assert.equal(r.stderr, '');
  });

  const commandHelp = [
    { args: ['init', '--help'], usage: 'usage: kiem init' },
    { args: ['serve', '--help'], usage: 'usage: kiem serve' },
    { args: ['user', '--help'], usage: 'usage: kiem user add' },
    { args: ['user', 'add', '--help'], usage: 'usage: kiem user add' },
    { args: ['user', 'passwd', '--help'], usage: 'usage: kiem user passwd' },
    { args: ['user', 'list', '--help'], usage: 'usage: kiem user list' },
    { args: ['user', 'block', '--help'], usage: 'usage: kiem user block' },
    { args: ['user', 'unblock', '--help'], usage: 'usage: kiem user unblock' },
    { args: ['token', '--help'], usage: 'usage: kiem token create' },
    { args: ['token', 'create', '--help'], usage: 'usage: kiem token create' },
  ];
  for (const { args, usage } of commandHelp) {
    test(`kiem ${args.join(' ')} prints its usage on stdout and exits 0`, () => {
      const r = kiem(args);
      assert.equal(r.status, 0, r.stderr);
      assert.ok(r.stdout.startsWith(usage), r.stdout);
      assert.equal(r.stderr, '');
    });
  }

  test('kiem without a command is a usage error (exit 2, usage on stderr)', () => {
    const r = kiem([]);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /usage: kiem COMMAND/);
  });
});

describe('usage errors exit 2 with a message on stderr', () => {
  test('an unknown command: one line that names it and points to --help', () => {
    const r = kiem(['frobnicate']);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    const lines = messageLines(r.stderr);
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], /frobnicate/);
    assert.match(lines[0], /--help/);
  });

  const cases = [
    { args: ['user', 'frob'], says: /frob/ },
    { args: ['token', 'frob'], says: /frob/ },
    { args: ['init', 'extra-argument'], says: /extra-argument/ },
    { args: ['serve', 'extra-argument'], says: /extra-argument/ },
    { args: ['user', 'add', '--email', 'x@example.nl'], says: /--name/ },
    { args: ['user', 'add', '--name', 'X'], says: /--email/ },
    { args: ['user', 'add', '--email', 'x@example.nl', '--name', 'X', '--admin', '--coordinator', 'GM0344'], says: /--admin.*--coordinator|--coordinator.*--admin/ },
    { args: ['token', 'create'], says: /--email/ },
    { args: ['user', 'passwd'], says: /--email/ },
    { args: ['user', 'block'], says: /--email/ },
    { args: ['user', 'unblock'], says: /--email/ },
    { args: ['user', 'list', 'extra-argument'], says: /extra-argument/ },
  ];
  for (const { args, says } of cases) {
    test(`kiem ${args.join(' ')}`, () => {
      const r = kiem(args);
      assert.equal(r.status, 2, r.stderr);
      assert.equal(r.stdout, '');
      const lines = messageLines(r.stderr);
      assert.equal(lines.length, 1, `expected one line, got: ${r.stderr}`);
      assert.match(lines[0], /^kiem: /);
      assert.match(lines[0], says);
    });
  }

  // PostgreSQL is available (issue 10): a server that does not answer is a
  // failure (1), said in a line that names it without its password
  const unreachable = [
    ['host=127.0.0.1 port=1 password=geheim connect_timeout=5', 'host=127.0.0.1 port=1 connect_timeout=5'],
    ["host=127.0.0.1 password = 'ge\\'heim' port=1", 'host=127.0.0.1 port=1'],
    ['postgresql://kiem:geheim@127.0.0.1:1/kiem?password=geheim&connect_timeout=5',
      'postgresql://kiem@127.0.0.1:1/kiem?connect_timeout=5'],
  ];
  for (const [conninfo, shown] of unreachable) {
    test(`kiem serve --pg ${shown} (no server): exit 1, naming it without its password`, () => {
      const r = kiem(['serve', '--pg', conninfo]);
      assert.equal(r.status, 1, r.stderr);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr.trim().split('\n').at(-1),
        `kiem: cannot connect to PostgreSQL ${shown} (--pg or KIEM_PG); see the log above`);
      assert.doesNotMatch(r.stderr, /heim/);
    });
  }

  const badFlags = [
    ['init', '--bogus'],
    ['serve', '--bogus'],
    ['user', 'add', '--bogus'],
    ['token', 'create', '--bogus'],
    ['user', 'passwd', '--bogus'],
    ['user', 'list', '--bogus'],
    ['user', 'block', '--bogus'],
    ['init', '--db'],
  ];
  for (const args of badFlags) {
    test(`kiem ${args.join(' ')}: exit 2, and the first line names the flag`, () => {
      const r = kiem(args);
      assert.equal(r.status, 2, r.stderr);
      assert.equal(r.stdout, '');
      const first = r.stderr.split('\n')[0];
      assert.match(first, new RegExp(args[args.length - 1]));
    });
  }
  test('a bad flag is reported in one line that says what to do', {
  }, () => {
    for (const args of badFlags) {
      const r = kiem(args);
      assert.equal(r.status, 2);
      const lines = messageLines(r.stderr);
      assert.equal(lines.length, 1, `kiem ${args.join(' ')}: ${r.stderr}`);
      assert.match(lines[0], /^kiem: /);
      assert.match(lines[0], /--help/);
    }
  });
});

describe('kiem init', () => {
  test('creates a database on a new path, and again is harmless', () => {
    const db = freshPath();
    assert.equal(databaseExists(db), false);
    const r = kiem(['init', '--db', db]);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(databaseExists(db));
    assert.match(r.stdout, /is ready/);
    assert.ok(r.stdout.includes(ENGINE === 'sqlite' ? db : `dbname=${pgDatabase(db)}`), r.stdout);
    const again = kiem(['init', '--db', db]);
    assert.equal(again.status, 0, again.stderr);
  });

  test('makes the key file that seals mail beside the database, for its owner only, once', () => {
    const db = freshPath();
    const r = kiem(['init', '--db', db]);
    assert.equal(r.status, 0, r.stderr);
    const key = `${db}.key`;
    assert.equal(statSync(key).mode & 0o777, 0o600);
    const text = readFileSync(key, 'utf8');
    assert.match(text, /^[0-9a-f]{64}\n$/);
    assert.match(r.stderr, /made the key file/);
    const again = kiem(['init', '--db', db]);
    assert.equal(again.status, 0, again.stderr);
    assert.equal(readFileSync(key, 'utf8'), text, 'kept, not made again');
    assert.doesNotMatch(again.stderr, /made the key file/);
    // KIEM_KEY_FILE puts it elsewhere
    const elsewhere = join(dir, 'elders.key');
    const other = kiem(['init', '--db', freshPath()], { env: { KIEM_KEY_FILE: elsewhere } });
    assert.equal(other.status, 0, other.stderr);
    assert.match(readFileSync(elsewhere, 'utf8'), /^[0-9a-f]{64}\n$/);
    // a file that holds no key stops every command, in one line naming it
    writeFileSync(key, 'geen sleutel\n');
    const bad = kiem(['mail', 'test', '--to', 'a@example.nl', '--db', db]);
    assert.equal(bad.status, 1);
    const lines = messageLines(bad.stderr);
    assert.equal(lines.length, 1, bad.stderr);
    assert.match(lines[0], /^kiem: the key file .*\.key holds no key/);
    assert.equal(readFileSync(key, 'utf8'), 'geen sleutel\n', 'never replaced');
  });

  test('fails with exit 1 when the path cannot be created', () => {
    const r = kiem(['init', '--db', join(dir, 'no', 'such', 'dir', 'k.db')]);
    assert.equal(r.status, 1);
    const lines = messageLines(r.stderr);
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], /^kiem: .*no[/\\]such[/\\]dir/);
  });

  test('--demo loads at least 30 parties of all five kinds, as the API shows', async () => {
    const db = freshPath();
    const r = kiem(['init', '--db', db, '--demo']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /demo/);
    const s = await serve(['--db', db, '--listen', '127.0.0.1:0']);
    try {
      const { items } = await listAll(s.url, '/api/v1/parties?limit=100');
      assert.ok(items.length >= 30, `only ${items.length} parties`);
      const kinds = new Set(items.map((p) => p.kind));
      assert.deepEqual([...kinds].sort(), [...KINDS].sort());
      for (const k of KINDS) assert.ok(items.filter((p) => p.kind === k).length >= 2, `fewer than 2 of ${k}`);
      const areas = assertOk(await call(s.url, '/api/v1/areas?limit=100'));
      assert.ok(areas.items.some((a) => a.code === 'GM0344' && a.level === 'municipality'));
      assert.ok(areas.items.filter((a) => a.level === 'district').length >= 2);
    } finally {
      assert.equal((await s.stop()).code, 0);
    }
  });

  test('--demo into an empty existing database works; into one with parties fails with exit 1', () => {
    const db = initDb();
    const first = kiem(['init', '--db', db, '--demo']);
    assert.equal(first.status, 0, first.stderr);
    const second = kiem(['init', '--db', db, '--demo']);
    assert.equal(second.status, 1);
    assert.equal(second.stdout, '');
    const lines = messageLines(second.stderr);
    assert.equal(lines.length, 1, second.stderr);
    assert.match(lines[0], /^kiem: .*demo/);
    assert.match(lines[0], /without parties|has parties|empty/);
  });
});

describe('kiem user add and kiem token create', () => {
  let db;
  before(() => { db = initDb({ demo: true }); });

  test('adds a user, an admin and a coordinator', () => {
    const u = addUser(db, 'gewoon@example.nl');
    assert.equal(u.status, 0, u.stderr);
    assert.match(u.stdout, /gewoon@example\.nl/);
    assert.match(u.stdout, /as user/);
    const a = addUser(db, 'beheer@example.nl', ['--admin']);
    assert.equal(a.status, 0, a.stderr);
    assert.match(a.stdout, /as admin/);
    const c = addUser(db, 'coord@example.nl', ['--coordinator', 'GM0344']);
    assert.equal(c.status, 0, c.stderr);
    assert.match(c.stdout, /as coordinator of GM0344/);
  });

  test('a short password fails with exit 1 and names the problem', () => {
    const r = kiem(['user', 'add', '--email', 'kort@example.nl', '--name', 'Kort', '--db', db], { input: 'kort\n' });
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    const lines = messageLines(r.stderr);
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], /^kiem: /);
    assert.match(lines[0], /password/i);
    assert.match(lines[0], /12/);
    // and nobody was added: a token for that email cannot be made
    assert.equal(kiem(['token', 'create', '--email', 'kort@example.nl', '--db', db]).status, 1);
  });

  test('no password on standard input fails with exit 1', () => {
    const r = kiem(['user', 'add', '--email', 'leeg@example.nl', '--name', 'Leeg', '--db', db], { input: '' });
    assert.equal(r.status, 1);
    const lines = messageLines(r.stderr);
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], /password/i);
  });

  test('a duplicate email fails with exit 1 and says so', () => {
    assert.equal(addUser(db, 'dubbel@example.nl').status, 0);
    const r = addUser(db, 'dubbel@example.nl');
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    const lines = messageLines(r.stderr);
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], /email/i);
    assert.match(lines[0], /in use|already|exists|taken/i);
  });

  test('--coordinator with an unknown area fails with exit 1 and names the area', () => {
    const r = addUser(db, 'nergens@example.nl', ['--coordinator', 'GM9999']);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    const lines = messageLines(r.stderr);
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], /GM9999/);
    assert.match(lines[0], /area/);
    // the user was not added either
    assert.equal(kiem(['token', 'create', '--email', 'nergens@example.nl', '--db', db]).status, 1);
  });

  test('a missing database fails with exit 1 and says how to make one', () => {
    const missing = join(dir, 'missing.db');
    const r = addUser(missing, 'x@example.nl');
    assert.equal(r.status, 1);
    const lines = messageLines(r.stderr);
    assert.equal(lines.length, 1, r.stderr);
    // PostgreSQL's databases are made by its createdb, not by kiem init
    assert.match(lines[0], ENGINE === 'sqlite' ? /kiem init/ : /cannot connect to PostgreSQL/);
    assert.equal(databaseExists(missing), false, 'user add must not create the database');
  });

  test('token create prints a token that the API accepts', async () => {
    assert.equal(addUser(db, 'token@example.nl').status, 0);
    const t = kiem(['token', 'create', '--email', 'token@example.nl', '--db', db]);
    assert.equal(t.status, 0, t.stderr);
    const token = t.stdout.trim();
    assert.match(token, /^kiem_[A-Za-z0-9_-]{43}$/);
    const t2 = kiem(['token', 'create', '--email', 'token@example.nl', '--db', db]);
    assert.notEqual(t2.stdout.trim(), token, 'each token is new');
    const s = await serve(['--db', db, '--listen', '127.0.0.1:0']);
    try {
      const created = await call(s.url, '/api/v1/parties', { method: 'POST', token, body: { name: 'Via token', kind: 'business' } });
      assert.equal(created.status, 201, created.text);
      const bad = await call(s.url, '/api/v1/parties', { method: 'POST', token: token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'), body: { name: 'x', kind: 'business' } });
      assert.equal(bad.status, 401);
    } finally {
      await s.stop();
    }
  });

  test('token create for an unknown email fails with exit 1 and names it', () => {
    const r = kiem(['token', 'create', '--email', 'onbekend@example.nl', '--db', db]);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    const lines = messageLines(r.stderr);
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], /onbekend@example\.nl/);
    assert.match(lines[0], /user add/);
  });
});

// An operator locked out without mail gets back in from the command line:
// a new password, the list of accounts, blocking and unblocking.
describe('kiem user passwd, list, block and unblock', () => {
  const NEW = 'een-ander-lang-wachtwoord';
  let db;
  before(() => {
    db = initDb();
    assert.equal(addUser(db, 'beheer@cli.example', ['--admin']).status, 0);
    assert.equal(addUser(db, 'Gewoon@CLI.example').status, 0);
  });
  const oneLine = (r) => {
    const lines = messageLines(r.stderr);
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], /^kiem: /);
    return lines[0];
  };

  test('user passwd sets a new password read from stdin, and ends every session and API token', async () => {
    const token = kiem(['token', 'create', '--email', 'beheer@cli.example', '--db', db]).stdout.trim();
    const s = await serve(['--db', db, '--listen', '127.0.0.1:0']);
    try {
      const b = new Browser(s.url);
      assert.equal((await b.login('beheer@cli.example', PASSWORD)).status, 303);
      assert.equal((await b.request('/account')).status, 200);
      assert.equal((await call(s.url, '/api/v1/users/me', { token })).status, 200);

      const r = kiem(['user', 'passwd', '--email', ' BEHEER@cli.example', '--db', db], { input: `${NEW}\n` });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /beheer@cli\.example/);
      assert.match(r.stdout, /session|token/i);

      assert.equal((await call(s.url, '/api/v1/users/me', { token })).status, 401, 'the token ended');
      assert.equal((await b.request('/account')).status, 303, 'the session ended');
      assert.equal((await new Browser(s.url).login('beheer@cli.example', PASSWORD)).status, 401);
      assert.equal((await new Browser(s.url).login('beheer@cli.example', NEW)).status, 303);
    } finally {
      await s.stop();
    }
  });

  test('user passwd refuses a weak password, an unknown address and an empty stdin (exit 1, one line)', () => {
    const weak = kiem(['user', 'passwd', '--email', 'beheer@cli.example', '--db', db], { input: 'kort\n' });
    assert.equal(weak.status, 1);
    assert.match(oneLine(weak), /password.*12/i);
    const none = kiem(['user', 'passwd', '--email', 'beheer@cli.example', '--db', db], { input: '' });
    assert.equal(none.status, 1);
    assert.match(oneLine(none), /password/i);
    const unknown = kiem(['user', 'passwd', '--email', 'niemand@cli.example', '--db', db], { input: `${NEW}\n` });
    assert.equal(unknown.status, 1);
    assert.equal(unknown.stdout, '');
    assert.match(oneLine(unknown), /niemand@cli\.example.*user list/);
  });

  test('user list prints a table of every account, and --json the same as JSON', () => {
    const r = kiem(['user', 'list', '--db', db]);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0], /^EMAIL\s+NAME\s+ROLE\s+CONFIRMED\s+BLOCKED\s+LAST ACTIVE$/);
    const row = lines.find((l) => l.startsWith('gewoon@cli.example '));
    assert.ok(row, r.stdout);
    assert.match(row, /Test Persoon\s+user\s+yes\s+no\s+\d{4}-\d\d-\d\dT/);
    assert.match(lines.find((l) => l.startsWith('beheer@cli.example ')), /\sadmin\s/);
    const j = kiem(['user', 'list', '--json', '--db', db]);
    assert.equal(j.status, 0, j.stderr);
    const list = JSON.parse(j.stdout);
    const u = list.find((x) => x.email === 'gewoon@cli.example');
    assert.deepEqual(Object.keys(u).sort(), ['blocked', 'confirmed', 'email', 'id', 'lastActiveAt', 'name', 'role']);
    assert.equal(u.role, 'user');
    assert.equal(u.confirmed, true);
    assert.equal(u.blocked, false);
  });

  test('user block stops logins and tokens at once; user unblock lets them in again', async () => {
    const token = kiem(['token', 'create', '--email', 'gewoon@cli.example', '--db', db]).stdout.trim();
    const s = await serve(['--db', db, '--listen', '127.0.0.1:0']);
    try {
      const b = new Browser(s.url);
      assert.equal((await b.login('gewoon@cli.example', PASSWORD)).status, 303);
      const r = kiem(['user', 'block', '--email', 'GEWOON@cli.example', '--db', db]);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /blocked/);
      assert.equal((await call(s.url, '/api/v1/users/me', { token })).status, 401);
      assert.equal((await b.request('/account')).status, 303);
      assert.equal((await new Browser(s.url).login('gewoon@cli.example', PASSWORD)).status, 401);
      assert.match(kiem(['user', 'list', '--db', db]).stdout, /gewoon@cli\.example .*\syes\s+\d{4}-/);
      assert.equal(kiem(['user', 'block', '--email', 'gewoon@cli.example', '--db', db]).status, 0, 'again is harmless');

      const u = kiem(['user', 'unblock', '--email', 'gewoon@cli.example', '--db', db]);
      assert.equal(u.status, 0, u.stderr);
      assert.match(u.stdout, /unblocked/);
      assert.equal((await new Browser(s.url).login('gewoon@cli.example', PASSWORD)).status, 303);
      assert.equal((await call(s.url, '/api/v1/users/me', { token })).status, 200);
    } finally {
      await s.stop();
    }
  });

  test('user block and unblock of an unknown address fail with exit 1 and name it', () => {
    for (const cmd of ['block', 'unblock']) {
      const r = kiem(['user', cmd, '--email', 'niemand@cli.example', '--db', db]);
      assert.equal(r.status, 1, r.stderr);
      assert.equal(r.stdout, '');
      assert.match(oneLine(r), /niemand@cli\.example/);
    }
  });

  test('kiem user --help names every user command', () => {
    const r = kiem(['user', '--help']);
    for (const c of ['add', 'passwd', 'list', 'block', 'unblock']) assert.match(r.stdout, new RegExp(`kiem user ${c}\\b`));
  });
});

describe('KIEM_DB and KIEM_LISTEN', () => {
  test('init, user add and token create use KIEM_DB when --db is not given', () => {
    const db = freshPath();
    const env = { KIEM_DB: db };
    const i = kiem(['init', '--demo'], { env });
    assert.equal(i.status, 0, i.stderr);
    assert.ok(databaseExists(db), 'init created the database at KIEM_DB');
    const u = kiem(['user', 'add', '--email', 'env@example.nl', '--name', 'Env'], { input: `${PASSWORD}\n`, env });
    assert.equal(u.status, 0, u.stderr);
    const t = kiem(['token', 'create', '--email', 'env@example.nl'], { env });
    assert.equal(t.status, 0, t.stderr);
    // the user is in that database and no other
    const other = initDb();
    assert.equal(kiem(['token', 'create', '--email', 'env@example.nl', '--db', other], { env }).status, 1);
  });

  test('serve uses KIEM_DB and KIEM_LISTEN; --db and --listen win over them', async () => {
    const demo = initDb({ demo: true });
    const empty = initDb();
    const a = await serve([], { KIEM_DB: demo, KIEM_LISTEN: '127.0.0.1:0' });
    try {
      const b = assertOk(await call(a.url, '/api/v1/parties?limit=100'));
      assert.ok(b.items.length >= 30, 'served the demo database of KIEM_DB');
    } finally {
      assert.equal((await a.stop()).code, 0);
    }
    const b = await serve(['--db', empty, '--listen', '127.0.0.1:0'], { KIEM_DB: demo, KIEM_LISTEN: 'not-an-address' });
    try {
      const body = assertOk(await call(b.url, '/api/v1/parties'));
      assert.equal(body.items.length, 0, 'served the empty database of --db');
    } finally {
      assert.equal((await b.stop()).code, 0);
    }
  });
});

describe('kiem serve', () => {
  test('stops on SIGTERM with exit code 0', async () => {
    const db = initDb({ demo: true });
    const s = await serve(['--db', db, '--listen', '127.0.0.1:0']);
    assert.equal((await call(s.url, '/api/v1/health')).status, 200);
    const r = await s.stop('SIGTERM');
    assert.deepEqual(r, { code: 0, signal: null });
    assert.match(s.log(), /SIGTERM/);
    await assert.rejects(fetch(`${s.url}/api/v1/health`), 'nothing listens after the stop');
  });

  test('every thread but the one that waits for them blocks SIGTERM and SIGINT', async () => {
    // a thread that lets them through would be killed by them (the default
    // action) whenever the waiting thread is not yet waiting: a stop that
    // ends with a signal instead of exit 0, now and then
    const db = initDb();
    const s = await serve(['--db', db, '--listen', '127.0.0.1:0']);
    try {
      const tasks = readdirSync(`/proc/${s.child.pid}/task`);
      assert.ok(tasks.length > 3, 'serve runs its workers');
      for (const t of tasks) {
        if (t === String(s.child.pid)) continue; // the waiting thread: sigwait unblocks them while it waits
        const status = readFileSync(`/proc/${s.child.pid}/task/${t}/status`, 'utf8');
        const blocked = BigInt(`0x${/^SigBlk:\s*([0-9a-f]+)/m.exec(status)[1]}`);
        const name = /^Name:\s*(.*)$/m.exec(status)[1];
        for (const [sig, n] of [['SIGINT', 2n], ['SIGTERM', 15n]])
          assert.ok(blocked & (1n << (n - 1n)), `thread ${t} (${name}) lets ${sig} through`);
      }
    } finally {
      assert.equal((await s.stop('SIGTERM')).code, 0);
    }
  });

  test('stops on SIGINT with exit code 0', async () => {
    const db = initDb();
    const s = await serve(['--db', db, '--listen', '127.0.0.1:0']);
    assert.equal((await call(s.url, '/api/v1/health')).status, 200);
    assert.deepEqual(await s.stop('SIGINT'), { code: 0, signal: null });
  });

  test('on a port in use it fails with exit != 0 and a clear message', async () => {
    const db = initDb();
    const blocker = createServer();
    await new Promise((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address();
    try {
      const r = kiem(['serve', '--db', db, '--listen', `127.0.0.1:${port}`]);
      assert.notEqual(r.status, 0);
      assert.notEqual(r.status, null, 'kiem serve must exit, not hang');
      assert.match(r.stderr, new RegExp(`127\\.0\\.0\\.1:${port}`));
      assert.match(r.stderr, /in use|cannot listen/i);
      const last = messageLines(r.stderr).pop();
      assert.match(last, /^kiem: /);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  test('a bad --listen is a usage error (exit 2) that shows the right form', () => {
    const db = initDb();
    const r = kiem(['serve', '--db', db, '--listen', 'nowhere']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /nowhere/);
    assert.match(r.stderr, /ADDRESS:PORT|ADDR:PORT/);
  });

  test('a database that does not exist fails with exit 1 and is not created', () => {
    const missing = join(dir, 'nope.db');
    const r = kiem(['serve', '--db', missing, '--listen', '127.0.0.1:0']);
    assert.equal(r.status, 1);
    assert.match(r.stderr, ENGINE === 'sqlite' ? /kiem init/ : /cannot connect to PostgreSQL/);
    assert.equal(databaseExists(missing), false);
  });
});
