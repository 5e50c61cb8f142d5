// Mail leaves the outbox: through an SMTP server (a fake one here), a
// sendmail program (a shell script here), or, with neither set, serve's log.
// `kiem mail test` queues the mail, as an operator would.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, existsSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKiem, kiem, sql, sqlRows } from '../lib/kiem.mjs';
import { startSmtp, parseMail, decodeWords } from '../lib/smtp.mjs';

const BASE = 'https://kiem.example.nl';

// The row of the outbox to a recipient, as the tests look at it (a NULL as
// ''), or null.
function outboxRow(db, recipient) {
  const rows = sqlRows(db, `SELECT recipient, subject, length(body) AS body_length, attempts, sent_at, failed_at, last_error,
    next_attempt_at FROM outbox WHERE recipient = '${recipient.replace(/'/g, "''")}'`);
  if (!rows.length) return null;
  const r = rows[0];
  return {
    to: r.recipient, subject: r.subject, bodyLength: Number(r.body_length), attempts: Number(r.attempts),
    sentAt: r.sent_at ?? '', failedAt: r.failed_at ?? '', lastError: r.last_error ?? '', next: r.next_attempt_at,
  };
}

// Polls until check() gives something truthy (or throws with what it last saw).
async function until(what, check, ms = 15000) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    last = check();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
}

function queueTest(k, to, env = {}) {
  const r = kiem(['mail', 'test', '--to', to, '--db', k.db], { env });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /queued a test mail/);
}

describe('through SMTP', () => {
  let smtp, k;
  before(async () => {
    smtp = await startSmtp();
    k = await startKiem({ demo: false, env: { KIEM_SMTP_URL: smtp.url, KIEM_BASE_URL: `${BASE}/` } });
  });
  after(async () => { await k?.stop(); await smtp?.stop(); });

  test('kiem mail test reaches the server with the right headers, and the outbox keeps no body', async () => {
    queueTest(k, 'ontvanger@example.nl', { KIEM_BASE_URL: `${BASE}/` });
    await smtp.waitFor(1);
    const m = smtp.messages[0];
    assert.equal(m.from, 'noreply@kiem.example.nl', 'the envelope sender is noreply at the base URL\'s host');
    assert.deepEqual(m.to, ['ontvanger@example.nl']);
    assert.equal(m.helo, 'kiem.example.nl', 'kiem greets the server with its sender\'s domain');
    const { headers, body } = parseMail(m.data);
    assert.equal(headers.from, '"kiem" <noreply@kiem.example.nl>');
    assert.equal(headers.to, '<ontvanger@example.nl>');
    assert.equal(headers.subject, 'kiem: testbericht / test message');
    assert.match(headers.date, /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d \+0000$/);
    assert.match(headers['message-id'], /^<[0-9a-f-]{36}@kiem\.example\.nl>$/);
    assert.equal(headers['mime-version'], '1.0');
    assert.equal(headers['content-type'], 'text/plain; charset=UTF-8');
    assert.equal(headers['auto-submitted'], 'auto-generated');
    assert.match(body, /Dit is een testbericht van kiem/);
    assert.match(body, /This is a test message from kiem/);
    assert.match(body, /^https:\/\/kiem\.example\.nl$/m, 'the base URL, its trailing slash gone');
    const row = await until('the outbox row to be marked sent', () => {
      const r = outboxRow(k.db, 'ontvanger@example.nl');
      return r?.sentAt ? r : null;
    });
    assert.equal(row.bodyLength, 0, 'the body is cleared once sent');
    assert.equal(row.subject, 'kiem: testbericht / test message', 'the subject stays for the operator');
    assert.equal(row.attempts, 1);
    assert.equal(row.lastError, '');
    assert.match(k.log(), /mail: sent 1 mail/);
    assert.doesNotMatch(k.log(), /Dit is een testbericht/, 'with a transport, bodies stay out of the log');
  });

  test('a subject and body that are not ASCII arrive encoded and intact', async () => {
    const n = smtp.messages.length;
    const long = 'Coördinatie '.repeat(20);
    sql(k.db, `INSERT INTO outbox (id, recipient, subject, body, created_at, next_attempt_at) VALUES
      ('0190a0a0-0000-7000-8000-000000000001', 'zoe@example.nl', 'Bevestig je e-mailadres — één klik',
       'Hallo Zoë,\n\nKlik op de link: ${BASE}/bevestigen?code=abc\n. a line with a dot\n${long}\n',
       '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`);
    await smtp.waitFor(n + 1);
    const { headers, body } = parseMail(smtp.messages[n].data);
    assert.match(headers.subject, /^=\?UTF-8\?B\?/, 'an encoded-word');
    assert.equal(decodeWords(headers.subject), 'Bevestig je e-mailadres — één klik');
    assert.equal(headers['content-transfer-encoding'], 'quoted-printable');
    for (const line of smtp.messages[n].data.split('\r\n')) assert.ok(line.length <= 78, `a short line: ${line}`);
    assert.equal(body, `Hallo Zoë,\n\nKlik op de link: ${BASE}/bevestigen?code=abc\n. a line with a dot\n${long}\n`);
  });

  test('a temporary failure is retried later, with the error kept', async () => {
    const n = smtp.messages.length;
    smtp.failNext(1);
    queueTest(k, 'later@example.nl');
    const row = await until('the failed attempt to be recorded', () => {
      const r = outboxRow(k.db, 'later@example.nl');
      return r?.attempts === 1 ? r : null;
    });
    assert.equal(row.sentAt, '');
    assert.equal(row.failedAt, '');
    assert.match(row.lastError, /451/);
    assert.ok(row.bodyLength > 0, 'the body stays until it is sent');
    const wait = (Date.parse(row.next) - Date.now()) / 1000;
    assert.ok(wait > 40 && wait <= 61, `the first retry waits about a minute (${wait} s)`);
    assert.match(k.log(), /attempt 1 failed: SMTP: .*451/);
    assert.equal(smtp.messages.length, n);
    // the minute has passed, as far as kiem can tell
    sql(k.db, "UPDATE outbox SET next_attempt_at = '2000-01-01T00:00:00Z' WHERE recipient = 'later@example.nl'");
    await smtp.waitFor(n + 1);
    assert.deepEqual(smtp.messages[n].to, ['later@example.nl']);
    const sent = await until('the retry to be marked sent', () => {
      const r = outboxRow(k.db, 'later@example.nl');
      return r?.sentAt ? r : null;
    });
    assert.equal(sent.attempts, 2);
    assert.equal(sent.lastError, '');
    assert.equal(sent.bodyLength, 0);
  });

  test('headers cannot be injected: not by kiem mail test, not from a row in the outbox', async () => {
    for (const to of ['a@example.nl\r\nBcc: evil@example.com', 'a@example.nl\nBcc: evil@example.com', 'no-address']) {
      const r = kiem(['mail', 'test', '--to', to, '--db', k.db]);
      assert.equal(r.status, 2, `refused: ${JSON.stringify(to)}`);
      assert.match(r.stderr, /^kiem: --to is not an email address[^\n]*\n$/);
    }
    assert.equal(sql(k.db, "SELECT count(*) FROM outbox WHERE recipient LIKE '%evil%'"), '0');
    const n = smtp.messages.length;
    const injected = (crlf) => `INSERT INTO outbox (id, recipient, subject, body, created_at, next_attempt_at) VALUES
      ('0190a0a0-0000-7000-8000-000000000002', 'x@example.nl', 'Hoi' || ${crlf} || 'Bcc: evil@example.com',
       'body', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`;
    sql(k.db, injected('char(13, 10)'), injected('chr(13) || chr(10)'));
    const row = await until('the row to be given up', () => {
      const r = outboxRow(k.db, 'x@example.nl');
      return r?.failedAt ? r : null;
    });
    assert.match(row.lastError, /subject/);
    assert.equal(row.sentAt, '');
    assert.equal(row.bodyLength, 0);
    assert.equal(smtp.messages.length, n, 'nothing went to the server');
  });
});

describe('through a sendmail program', () => {
  let k, dir;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kiem-sendmail-'));
    const script = join(dir, 'sendmail');
    writeFileSync(script, `#!/bin/sh
case "$3" in fail*) echo "no route to $3" >&2; exit 75;; esac
printf '%s\\n' "$@" > "${dir}/args"
cat > "${dir}/message"
`);
    chmodSync(script, 0o755);
    k = await startKiem({ demo: false, env: { KIEM_SENDMAIL: script, KIEM_MAIL_FROM: 'Gemeente Voorbeeld <kiem@voorbeeld.nl>' } });
  });
  after(async () => { await k?.stop(); rmSync(dir, { recursive: true, force: true }); });

  test('gets the recipient after -i -- and the message on its input', async () => {
    queueTest(k, 'bewoner@example.nl');
    await until('the sendmail program to run', () => existsSync(join(dir, 'message')) && outboxRow(k.db, 'bewoner@example.nl')?.sentAt);
    assert.deepEqual(readFileSync(join(dir, 'args'), 'utf8').split('\n').filter(Boolean), ['-i', '--', 'bewoner@example.nl']);
    const { headers, body } = parseMail(readFileSync(join(dir, 'message'), 'utf8'));
    assert.equal(headers.from, '"Gemeente Voorbeeld" <kiem@voorbeeld.nl>');
    assert.equal(headers.to, '<bewoner@example.nl>');
    assert.match(headers['message-id'], /@voorbeeld\.nl>$/);
    assert.match(body, /This is a test message from kiem/);
    assert.equal(outboxRow(k.db, 'bewoner@example.nl').bodyLength, 0);
  });

  test('a failing program is an error with its exit status and what it said', async () => {
    queueTest(k, 'fail@example.nl');
    const row = await until('the failure to be recorded', () => {
      const r = outboxRow(k.db, 'fail@example.nl');
      return r?.attempts === 1 ? r : null;
    });
    assert.match(row.lastError, /exited with status 75: no route to fail@example\.nl/);
    assert.equal(row.sentAt, '');
  });
});

describe('with no transport', () => {
  let k;
  before(async () => { k = await startKiem({ demo: false }); });
  after(async () => { await k?.stop(); });

  test('serve writes the mail to its log, body included, and marks it sent', async () => {
    assert.match(k.log(), /warn mail: no KIEM_SMTP_URL or KIEM_SENDMAIL is set/);
    queueTest(k, 'ontwikkelaar@example.nl');
    await until('the mail in the log', () => /This is a test message from kiem/.test(k.log()));
    assert.match(k.log(), /info mail [0-9a-f-]{36} to ontwikkelaar@example\.nl .*: kiem: testbericht \/ test message/);
    assert.match(k.log(), /info mail \| Dit is een testbericht van kiem/);
    const row = await until('the row to be marked sent', () => outboxRow(k.db, 'ontwikkelaar@example.nl')?.sentAt && outboxRow(k.db, 'ontwikkelaar@example.nl'));
    assert.equal(row.bodyLength, 0);
  });
});

describe('configuration', () => {
  let k;
  before(async () => { k = await startKiem({ demo: false }); });
  after(async () => { await k?.stop(); });

  const BAD = [
    [{ KIEM_BASE_URL: 'ftp://kiem.example.nl' }, 'KIEM_BASE_URL'],
    [{ KIEM_BASE_URL: 'kiem.example.nl' }, 'KIEM_BASE_URL'],
    [{ KIEM_BASE_URL: 'https://kiem.example.nl/?x=1' }, 'KIEM_BASE_URL'],
    [{ KIEM_BASE_URL: 'https://' }, 'KIEM_BASE_URL'],
    [{ KIEM_MAIL_FROM: 'not an address' }, 'KIEM_MAIL_FROM'],
    [{ KIEM_MAIL_FROM: 'kiem <a@example.nl>\r\nBcc: evil@example.com' }, 'KIEM_MAIL_FROM'],
    [{ KIEM_SMTP_URL: 'http://mail.example.nl' }, 'KIEM_SMTP_URL'],
    [{ KIEM_SMTP_URL: 'smtp://user:secret@mail.example.nl' }, 'KIEM_SMTP_URL'],
    [{ KIEM_SMTP_URL: 'smtp://mail.example.nl', KIEM_SENDMAIL: '/bin/true' }, 'KIEM_SMTP_URL'],
    [{ KIEM_SMTP_URL: 'smtp://mail.example.nl', KIEM_SMTP_USER: 'kiem' }, 'KIEM_SMTP_USER'],
    [{ KIEM_SMTP_PASSWORD: 'secret' }, 'KIEM_SMTP_USER'],
    [{ KIEM_SENDMAIL: 'sendmail' }, 'KIEM_SENDMAIL'],
    [{ KIEM_SENDMAIL: '/nonexistent/sendmail' }, 'KIEM_SENDMAIL'],
    [{ KIEM_MAIL_LIMIT: 'ten' }, 'KIEM_MAIL_LIMIT'],
    [{ KIEM_MAIL_LIMIT: '0' }, 'KIEM_MAIL_LIMIT'],
  ];
  for (const [env, name] of BAD) {
    test(`serve refuses ${JSON.stringify(env)} in one line naming ${name}, exit 2`, () => {
      const r = kiem(['serve', '--db', k.db, '--listen', '127.0.0.1:0'], { env });
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, new RegExp(`^kiem: [^\\n]*${name}[^\\n]*\\n$`));
      assert.doesNotMatch(r.stderr, /secret/, 'the password is not repeated');
    });
  }

  test('kiem mail test checks the same settings, and has --help', () => {
    const r = kiem(['mail', 'test', '--to', 'a@example.nl', '--db', k.db], { env: { KIEM_BASE_URL: 'ftp://x' } });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^kiem: KIEM_BASE_URL /);
    const h = kiem(['mail', 'test', '--help']);
    assert.equal(h.status, 0);
    assert.match(h.stdout, /usage: kiem mail test --to ADDRESS/);
    assert.equal(kiem(['mail', 'test', '--db', k.db]).status, 2);
    assert.match(kiem(['--help']).stdout, /mail +queue a test mail/);
    assert.match(kiem(['serve', '--help']).stdout, /KIEM_SMTP_URL/);
  });
});
