// The README's first command: `make run` installs only what building and
// running kiem need (deps.txt's [build] and [run] sections, not the tests'
// browser or the benchmarks' load generator), and serves on KIEM_DB and
// KIEM_LISTEN when they are set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function deps(...args) {
  const r = spawnSync(join(root, 'scripts', 'deps.sh'), args, { encoding: 'utf8' });
  return { status: r.status, lines: r.stdout.split('\n').filter(Boolean), stderr: r.stderr };
}

test('make run installs the build and run packages only; make test and make bench add theirs', () => {
  const run = deps('--list', 'build', 'run');
  assert.equal(run.status, 0, run.stderr);
  for (const p of ['build-essential', 'libsqlite3-dev', 'libmicrohttpd-dev', 'tzdata']) assert.ok(run.lines.includes(p), p);
  for (const p of ['chromium', 'wrk', 'nginx-light', 'libcmocka-dev', 'npm', 'nodejs']) assert.ok(!run.lines.includes(p), `make run would install ${p}`);
  const tst = deps('--list', 'test').lines;
  for (const p of ['chromium', 'libcmocka-dev', 'npm']) assert.ok(tst.includes(p), p);
  const bench = deps('--list', 'bench').lines;
  for (const p of ['wrk', 'nginx-light']) assert.ok(bench.includes(p), p);
  const bad = deps('--list', 'everything');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown section/);
  // what each make target asks for
  const dry = (target, env = {}) => spawnSync('make', ['-s', '-n', target], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } }).stdout;
  assert.match(dry('run'), /deps\.sh build run\n/);
  assert.match(dry('test'), /deps\.sh build run test\n/);
  assert.match(dry('bench'), /deps\.sh build run bench\n/);
});

test('make run serves the database and address of KIEM_DB and KIEM_LISTEN', async (t) => {
  if (!existsSync(join(root, 'kiem'))) {
    t.skip('./kiem is not built (make test builds it)');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'kiem-make-run-'));
  const db = join(dir, 'elsewhere.db');
  // -o kiem: serve the binary as it is, without rebuilding it; make run
  // is SQLite's, whatever the PostgreSQL of the tests (tests/with-pg.sh)
  const child = spawn('make', ['-s', '-o', 'kiem', 'run'], {
    cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, KIEM_DB: db, KIEM_LISTEN: '127.0.0.1:0', KIEM_PG: '' },
  });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  try {
    const url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`make run did not start: ${out}`)), 60000);
      const look = () => {
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
        if (m) { clearTimeout(timer); resolve(m[1]); }
      };
      child.stdout.on('data', look);
      child.stderr.on('data', look);
      child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`make run exited ${code}: ${out}`)); });
    });
    child.removeAllListeners('exit');
    assert.ok(existsSync(db), 'the demo database is made at KIEM_DB');
    const parties = await (await fetch(`${url}/api/v1/parties?limit=1`)).json();
    assert.equal(parties.items.length, 1, 'the demo is loaded');
  } finally {
    const exited = new Promise((resolve) => child.on('exit', resolve));
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone already */ }
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
});
