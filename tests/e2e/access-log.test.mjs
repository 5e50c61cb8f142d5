// The access log (issue 8, item 17): one line per request on standard error
// (method, path without query values, status, bytes, duration, the SQL
// statements it ran, request id),
// on by default, KIEM_ACCESS_LOG=off turns it off; a line for every 429 and
// 5xx either way. Every response carries its request id (X-Request-Id), and
// an API problem names it too.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKiem, kiem } from '../lib/kiem.mjs';
import { call } from './helpers.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The log line of a request id, waiting a little: the line is written when
// the answer has been sent, which may be just after the client has it.
async function lineOf(k, id) {
  for (let i = 0; i < 40; i++) {
    const line = k.log().split('\n').find((l) => l.endsWith(` ${id}`));
    if (line) return line;
    await sleep(25);
  }
  return null;
}

describe('on by default', () => {
  let k;
  before(async () => { k = await startKiem({ demo: true, env: { KIEM_MAIL_LIMIT: '1' } }); });
  after(async () => { await k?.stop(); });

  test('a request is one line: method, path without query values, status, bytes, duration, queries, request id', async () => {
    const res = await call(k.url, '/api/v1/parties?q=geheim-zoekwoord&limit=5');
    assert.equal(res.status, 200);
    const id = res.headers.get('x-request-id');
    assert.match(id || '', /^[0-9a-f]{16}$/);
    const line = await lineOf(k, id);
    assert.ok(line, `no log line ends with ${id}:\n${k.log().slice(-2000)}`);
    const bytes = Buffer.byteLength(res.text);
    assert.match(line, new RegExp(`^\\S+Z info access GET /api/v1/parties\\?q=\\*&limit=\\* 200 ${bytes} \\d+\\.\\dms queries=\\d+ ${id}$`));
    assert.doesNotMatch(k.log(), /geheim-zoekwoord/);
  });

  test('pages are logged too, and a secret in a path is not', async () => {
    const code = 'A'.repeat(43);
    const res = await fetch(`${k.url}/uitnodigingen/${code}?lang=en`);
    await res.text();
    const line = await lineOf(k, res.headers.get('x-request-id'));
    assert.ok(line);
    assert.match(line, / access GET \/uitnodigingen\/\{code\}\?lang=\* \d{3} /);
    assert.doesNotMatch(k.log(), new RegExp(code));
  });

  test('a secret in a path stays out of the log when no route takes it (wrong method, trailing slash)', async () => {
    const code = 'B'.repeat(43);
    for (const [method, path] of [['DELETE', `/uitnodigingen/${code}`], ['GET', `/uitnodigingen/${code}/`], ['GET', `/uitnodigingen/${code}/iets`]]) {
      const res = await fetch(`${k.url}${path}?lang=en`, { method });
      await res.text();
      assert.ok(res.status >= 400, `${method} ${path}: ${res.status}`);
      const line = await lineOf(k, res.headers.get('x-request-id'));
      assert.ok(line, `${method} ${path} is logged`);
      assert.match(line, new RegExp(` access ${method} /uitnodigingen/\\{\\.\\.\\.\\}\\?lang=\\* ${res.status} `));
    }
    assert.doesNotMatch(k.log(), new RegExp(code));
  });

  test('a problem names its request id', async () => {
    const res = await call(k.url, '/api/v1/parties/01234567-89ab-7def-8123-456789abcdef');
    assert.equal(res.status, 404);
    const id = res.headers.get('x-request-id');
    assert.equal(res.body.requestId, id);
    assert.match(await lineOf(k, id), / access GET \/api\/v1\/parties\/01234567-89ab-7def-8123-456789abcdef 404 /);
  });

  test('every request has its own id', async () => {
    const ids = new Set();
    for (let i = 0; i < 5; i++) ids.add((await call(k.url, '/api/v1/health')).headers.get('x-request-id'));
    assert.equal(ids.size, 5);
  });

  test('a control character in a path is written escaped, never as a new line', async () => {
    const res = await call(k.url, '/api/v1/nothing%0Aforged line');
    const line = await lineOf(k, res.headers.get('x-request-id'));
    assert.match(line, / access GET \/api\/v1\/nothing%0Aforged%20line 404 /);
    assert.equal(k.log().split('\n').some((l) => l.startsWith('forged')), false);
  });

  test('mail is still read from the log between the access lines', async () => {
    const email = 'lezer@log.example';
    const reg = await call(k.url, '/api/v1/registrations', { method: 'POST', body: { name: 'Lezer', email, password: 'een lange zin voor de log' } });
    assert.equal(reg.status, 202, reg.text);
    const mail = await k.mail(email);
    assert.ok(mail, 'no mail');
    assert.match(mail.body, /\/bevestigen\?code=/);
  });

  test('a 429 is logged at warn level', async () => {
    const reset = () => call(k.url, '/api/v1/password-reset-requests', { method: 'POST', body: { email: 'iemand@log.example' } });
    await reset(); // the one mail request allowed, if the test before left it
    const res = await reset();
    assert.equal(res.status, 429);
    assert.match(await lineOf(k, res.headers.get('x-request-id')), / warn access POST \/api\/v1\/password-reset-requests 429 /);
  });
});

describe('KIEM_ACCESS_LOG=off', () => {
  let k;
  before(async () => { k = await startKiem({ demo: false, env: { KIEM_ACCESS_LOG: 'off', KIEM_MAIL_LIMIT: '1' } }); });
  after(async () => { await k?.stop(); });

  test('no line for an answered request, but still one for a 429', async () => {
    const ok = await call(k.url, '/api/v1/health');
    assert.equal(ok.status, 200);
    assert.match(ok.headers.get('x-request-id') || '', /^[0-9a-f]{16}$/);
    const reset = () => call(k.url, '/api/v1/password-reset-requests', { method: 'POST', body: { email: 'iemand@log.example' } });
    assert.equal((await reset()).status, 202);
    const res = await reset();
    assert.equal(res.status, 429);
    assert.ok(await lineOf(k, res.headers.get('x-request-id')), 'no line for the 429');
    await sleep(100);
    assert.doesNotMatch(k.log(), new RegExp(esc(ok.headers.get('x-request-id'))));
    assert.doesNotMatch(k.log(), / access GET /);
  });
});

test('a bad KIEM_ACCESS_LOG stops serve at the start with one line naming it (exit 2)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kiem-test-'));
  try {
    const db = join(dir, 'kiem.db');
    assert.equal(kiem(['init', '--db', db]).status, 0);
    const r = kiem(['serve', '--db', db, '--listen', '127.0.0.1:0'], { env: { KIEM_ACCESS_LOG: 'maybe' } });
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr.trim().split('\n').filter((l) => l.includes('KIEM_ACCESS_LOG')).length, 1, r.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
