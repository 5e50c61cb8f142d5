// Durable writes under group commit: many clients create parties at once,
// the server is killed with SIGKILL in the middle of it, and after a restart
// every party that was answered 201 is there. A write is answered only once
// the transaction (the batch) that holds it has committed, so no kill can
// take an acknowledged write with it. On PostgreSQL too, through
// scripts/kiem-pg-shim.sh (KIEM_PG_BASE).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kiem, serveKiem } from '../lib/kiem.mjs';
import { ADMIN, USERS, call } from './helpers.mjs';

const CLIENTS = 32;
const LOAD_MS = 1500;

const dir = mkdtempSync(join(tmpdir(), 'kiem-durability-'));
const db = join(dir, 'kiem.db');
after(() => rmSync(dir, { recursive: true, force: true }));

// Starts `kiem serve` on db with enough workers for writes to meet in
// batches: {url, child, exited}.
const serve = () => serveKiem(['--db', db], { env: { KIEM_THREADS: '16', KIEM_ACCESS_LOG: 'off' } });

test('no write answered 201 is lost when the server is killed during a write load', async () => {
  assert.equal(kiem(['init', '--db', db]).status, 0);
  const admin = USERS.find((u) => u.email === ADMIN);
  assert.equal(kiem(['user', 'add', '--email', ADMIN, '--name', admin.name, '--admin', '--db', db],
    { input: `${admin.password}\n` }).status, 0);
  const t = kiem(['token', 'create', '--email', ADMIN, '--db', db]);
  assert.equal(t.status, 0, t.stderr);
  const token = t.stdout.trim();

  const first = await serve();
  const acked = []; // [{id, name}] of every 201
  let failed = 0; // requests cut off by the kill
  let stop = false;
  async function client(c) {
    for (let n = 0; !stop; n++) {
      const name = `Duurzaam ${c}-${n}`;
      try {
        const res = await call(first.url, '/api/v1/parties', {
          method: 'POST', token, body: { name, kind: 'business' },
        });
        if (res.status === 201) acked.push({ id: res.body.id, name });
        else assert.fail(`POST answered ${res.status}: ${res.text}`);
      } catch (e) {
        if (e.code === 'ERR_ASSERTION') throw e;
        failed++; // the server is gone: this one was in flight
        return;
      }
    }
  }
  const clients = Array.from({ length: CLIENTS }, (_, c) => client(c));
  await new Promise((r) => setTimeout(r, LOAD_MS));
  first.child.kill('SIGKILL');
  const { signal } = await first.exited;
  stop = true;
  await Promise.all(clients);
  assert.equal(signal, 'SIGKILL');
  assert.ok(acked.length >= CLIENTS, `only ${acked.length} writes were answered before the kill`);
  assert.ok(failed > 0, 'no request was in flight at the kill: the test did not test it');

  // the server starts again on what the kill left, and has every one
  const second = await serve();
  try {
    const missing = [];
    for (const { id, name } of acked) {
      const res = await call(second.url, `/api/v1/parties/${id}`, { token });
      if (res.status !== 200 || res.body.name !== name) missing.push(`${id} (${name}): ${res.status}`);
    }
    assert.deepEqual(missing, [], `${missing.length} of ${acked.length} acknowledged writes are lost`);
  } finally {
    second.child.kill('SIGTERM');
    const r = await second.exited;
    assert.equal(r.code, 0, second.log());
  }
});
