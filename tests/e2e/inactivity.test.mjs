// Inactive accounts: `kiem accounts sweep` warns by mail whoever has not
// used kiem for KIEM_INACTIVE_DAYS days (in their language), erases them
// KIEM_INACTIVE_GRACE_DAYS days after the warning if they did not come
// back, keeps the last platform admin, and deletes accounts whose address
// was never confirmed after 7 days. Logging in, and using a session or an
// API token, counts as activity and ends a warning. The clock is moved by
// setting the times back in the database with the sqlite3 command (psql on
// PostgreSQL).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem, kiem, sqlRows, timeAgo, databaseBytes } from '../lib/kiem.mjs';
import { call, partyBody } from './helpers.mjs';

const PASSWORD = 'inactief-wachtwoord-123';
const PEOPLE = {
  admin: { email: 'ada@inactief.example', name: 'Ada Beheer', admin: true },
  wim: { email: 'wim.wachter@inactief.example', name: 'Wim Wachter' },
  emma: { email: 'emma.english@inactief.example', name: 'Emma Englishwoman' },
  bob: { email: 'bob@inactief.example', name: 'Bob Bezig' },
};
const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

let k;
const ID = {};

// Runs SQL on the test's database; rows as objects for a query.
const sql = (statement) => sqlRows(k.db, statement);
const ago = (days) => `'${timeAgo(days * 24 * 60)}'`;
const user = (id) => sql(`SELECT * FROM users WHERE id = '${id}'`)[0];
const mailTo = (email) => k.mails(email);
const secondsAgo = (t) => (Date.now() - Date.parse(t)) / 1000;

function sweep(args = [], env = {}) {
  return kiem(['accounts', 'sweep', '--db', k.db, ...args], { env: { KIEM_INACTIVE_DAYS: '', KIEM_INACTIVE_GRACE_DAYS: '', ...env } });
}

// Logs in on the page; returns the session cookie.
async function login(email) {
  const form = await fetch(`${k.url}/inloggen`);
  const csrfCookie = form.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('kiem_csrf='));
  const csrf = /name="_csrf" value="([^"]*)"/.exec(await form.text())[1];
  const res = await fetch(`${k.url}/inloggen`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: csrfCookie },
    body: new URLSearchParams({ _csrf: csrf, email, password: PASSWORD, next: '/account' }).toString(),
  });
  assert.equal(res.status, 303, `login of ${email}`);
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('kiem_session='));
  assert.ok(session, 'no session cookie after the login');
  return session;
}

before(async () => {
  // the server's own hourly sweep is off here, so only the commands sweep
  k = await startKiem({ users: Object.values(PEOPLE).map((p) => ({ ...p, password: PASSWORD })), env: { KIEM_INACTIVE_DAYS: '0' } });
  for (const [who, p] of Object.entries(PEOPLE)) ID[who] = sql(`SELECT id FROM users WHERE email = '${p.email}'`)[0].id;
  sql(`UPDATE users SET lang = 'en' WHERE id = '${ID.emma}'`);
});
after(async () => { await k?.stop(); });

describe('the inactivity sweep', () => {
  test('a new account is active: the sweep does nothing', () => {
    assert.match(user(ID.wim).last_active_at, TIME);
    const r = sweep();
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^0 warned, 0 erased, 0 unconfirmed deleted, 0 kept \(last admin\)$/m);
    assert.equal(sql('SELECT count(*) AS n FROM outbox')[0].n, 0);
  });

  test('after 365 days without use: one warning mail in the person\'s language, once', async () => {
    sql(`UPDATE users SET last_active_at = ${ago(400)} WHERE id IN ('${ID.wim}', '${ID.emma}')`);
    const r = sweep([], { KIEM_BASE_URL: 'https://kiem.voorbeeld.nl/' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`^warned \\(inactive\\) ${ID.wim}$`, 'm'));
    assert.match(r.stdout, new RegExp(`^warned \\(inactive\\) ${ID.emma}$`, 'm'));
    assert.match(r.stdout, /^2 warned, 0 erased, 0 unconfirmed deleted, 0 kept/m);
    assert.ok(!r.stdout.includes(PEOPLE.wim.email) && !r.stdout.includes(PEOPLE.wim.name), 'the output names the person');

    const erasedOn = new Date(Date.now() + 30 * 86400e3);
    const [nl] = await mailTo(PEOPLE.wim.email);
    assert.ok(nl, 'no mail to Wim');
    assert.equal((await mailTo(PEOPLE.wim.email)).length, 1);
    assert.equal(nl.subject, 'Je account bij kiem wordt binnenkort verwijderd');
    assert.match(nl.body, /^Hallo Wim Wachter,/);
    assert.match(nl.body, /meer dan 365 dagen niet gebruikt/);
    // the date on the reader's calendar: the instance's zone, Europe/Amsterdam by default
    const day = (lang) => new Intl.DateTimeFormat(lang, { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' }).format(erasedOn);
    assert.ok(nl.body.includes(`op ${day('nl-NL')}`), nl.body);
    assert.match(nl.body, /^https:\/\/kiem\.voorbeeld\.nl\/inloggen$/m);

    const [en] = await mailTo(PEOPLE.emma.email);
    assert.ok(en, 'no mail to Emma');
    assert.equal(en.subject, 'Your kiem account will soon be erased');
    assert.match(en.body, /^Hello Emma Englishwoman,/);
    assert.ok(en.body.includes(`on ${day('en-GB')}`), en.body);

    for (const who of ['wim', 'emma']) assert.ok(secondsAgo(user(ID[who]).inactivity_warned_at) < 120, `${who} not marked as warned`);
    const log = sql(`SELECT actor_id, fields FROM activity WHERE action = 'warn_inactive' AND object_id = '${ID.wim}'`);
    assert.equal(log.length, 1);
    assert.equal(log[0].actor_id, null);

    // a second sweep sends no second mail
    const again = sweep();
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /^0 warned, 0 erased/m);
    assert.equal((await mailTo(PEOPLE.wim.email)).length, 1);
    assert.equal((await mailTo(PEOPLE.emma.email)).length, 1);
  });

  test('logging in ends the warning', async () => {
    await login(PEOPLE.wim.email);
    const u = user(ID.wim);
    assert.equal(u.inactivity_warned_at, null);
    assert.ok(secondsAgo(u.last_active_at) < 120, u.last_active_at);
  });

  test('--dry-run says what would be done and changes nothing', () => {
    sql(`UPDATE users SET inactivity_warned_at = ${ago(31)} WHERE id = '${ID.emma}'`);
    const before = user(ID.emma);
    const outbox = sql('SELECT count(*) AS n FROM outbox')[0].n;
    const activity = sql('SELECT count(*) AS n FROM activity')[0].n;
    const r = sweep(['--dry-run']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`^would be erased \\(inactive after the warning\\) ${ID.emma}$`, 'm'));
    assert.match(r.stdout, /^dry run, nothing changed: 0 warned, 1 erased/m);
    assert.deepEqual(user(ID.emma), before);
    assert.equal(sql('SELECT count(*) AS n FROM outbox')[0].n, outbox);
    assert.equal(sql('SELECT count(*) AS n FROM activity')[0].n, activity);
  });

  test('warned more than 30 days ago and not back: erased; what they made stays', async () => {
    const token = k.tokens[PEOPLE.emma.email];
    const made = await call(k.url, '/api/v1/parties', { method: 'POST', token, body: partyBody({ name: 'Emma haar buurtclub', areas: ['WK034403'] }) });
    assert.equal(made.status, 201, made.text);
    // the party was made a year ago, and she was warned 31 days ago
    sql(`UPDATE users SET last_active_at = ${ago(400)}, inactivity_warned_at = ${ago(31)} WHERE id = '${ID.emma}'`);
    const r = sweep();
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`^erased \\(inactive after the warning\\) ${ID.emma}$`, 'm'));
    assert.match(r.stdout, /^0 warned, 1 erased/m);
    const u = user(ID.emma);
    assert.equal(u.name, 'Verwijderde gebruiker');
    assert.match(u.email, /^erased-[0-9a-f-]{36}@invalid$/);
    assert.equal(sql(`SELECT count(*) AS n FROM users WHERE name = '${PEOPLE.emma.name}' OR email = '${PEOPLE.emma.email}'`)[0].n, 0);
    const party = sql(`SELECT name, created_by FROM parties WHERE id = '${made.body.id}'`);
    assert.deepEqual(party, [{ name: 'Emma haar buurtclub', created_by: ID.emma }]);
    assert.equal(sql(`SELECT count(*) AS n FROM memberships WHERE user_id = '${ID.emma}'`)[0].n, 0);
    const log = sql(`SELECT actor_id FROM activity WHERE action = 'erase_inactive' AND object_type = 'user' AND object_id = '${ID.emma}'`);
    assert.deepEqual(log, [{ actor_id: null }]);
    // the warning mail went with her: her name and address are nowhere in
    // the database file or its write-ahead log
    assert.equal((await mailTo(PEOPLE.emma.email)).length, 0);
    const bytes = databaseBytes(k.db);
    for (const t of [PEOPLE.emma.name, PEOPLE.emma.email]) assert.equal(bytes.indexOf(t), -1, `"${t}" is still in the database's files`);
    // her token no longer works
    assert.equal((await call(k.url, '/api/v1/users/me', { token })).status, 401);
    // and an erased row is never swept again
    const again = sweep();
    assert.match(again.stdout, /^0 warned, 0 erased/m);
  });

  test('the last platform admin is neither warned nor erased', async () => {
    sql(`UPDATE users SET last_active_at = ${ago(400)} WHERE id = '${ID.admin}'`);
    let r = sweep();
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`^kept: the last platform admin ${ID.admin}$`, 'm'));
    assert.match(r.stdout, /^0 warned, 0 erased, 0 unconfirmed deleted, 1 kept/m);
    assert.match(r.stderr, /last platform admin/);
    assert.equal((await mailTo(PEOPLE.admin.email)).length, 0);
    assert.equal(user(ID.admin).inactivity_warned_at, null);
    // warned back when there was another admin: still kept
    sql(`UPDATE users SET inactivity_warned_at = ${ago(31)} WHERE id = '${ID.admin}'`);
    r = sweep();
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /0 erased, 0 unconfirmed deleted, 1 kept/);
    const u = user(ID.admin);
    assert.equal(u.name, PEOPLE.admin.name);
    assert.equal(u.email, PEOPLE.admin.email);
    assert.equal(u.platform_role, 'admin');
    sql(`UPDATE users SET last_active_at = ${ago(0)}, inactivity_warned_at = NULL WHERE id = '${ID.admin}'`);
  });

  test('accounts whose address was never confirmed go after 7 days', () => {
    sql(`INSERT INTO users (id, email, name, password_hash, platform_role, created_at, last_active_at)
         VALUES ('00000000-0000-7000-8000-00000000a001', 'oud@inactief.example', 'Oud Onbevestigd', 'x', 'user', ${ago(8)}, ${ago(8)}),
                ('00000000-0000-7000-8000-00000000a002', 'nieuw@inactief.example', 'Nieuw Onbevestigd', 'x', 'user', ${ago(2)}, ${ago(2)})`);
    const dry = sweep(['--dry-run']);
    assert.match(dry.stdout, /^would be deleted \(email never confirmed\) 00000000-0000-7000-8000-00000000a001$/m);
    assert.equal(sql("SELECT count(*) AS n FROM users WHERE email = 'oud@inactief.example'")[0].n, 1);
    const r = sweep();
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^deleted \(email never confirmed\) 00000000-0000-7000-8000-00000000a001$/m);
    assert.match(r.stdout, /^0 warned, 0 erased, 1 unconfirmed deleted/m);
    assert.deepEqual(sql("SELECT email FROM users WHERE email IN ('oud@inactief.example', 'nieuw@inactief.example')"), [{ email: 'nieuw@inactief.example' }]);
    assert.equal(sql("SELECT count(*) AS n FROM activity WHERE action = 'delete_unconfirmed' AND object_id = '00000000-0000-7000-8000-00000000a001' AND actor_id IS NULL")[0].n, 1);
    // nothing of the deleted account stays in the database file or its log
    const bytes = databaseBytes(k.db);
    for (const t of ['Oud Onbevestigd', 'oud@inactief.example']) assert.equal(bytes.indexOf(t), -1, `"${t}" is still in the database's files`);
    assert.ok(bytes.includes('nieuw@inactief.example'), 'the control: the other one is there');
  });

  test('using an API token or a session counts as activity and ends a warning', async () => {
    sql(`UPDATE users SET last_active_at = ${ago(20)}, inactivity_warned_at = ${ago(1)} WHERE id = '${ID.bob}'`);
    sql(`UPDATE api_tokens SET last_used_at = ${ago(2)} WHERE user_id = '${ID.bob}'`);
    const me = await call(k.url, '/api/v1/users/me', { token: k.tokens[PEOPLE.bob.email] });
    assert.equal(me.status, 200, me.text);
    let u = user(ID.bob);
    assert.ok(secondsAgo(u.last_active_at) < 120, `after a token use: ${u.last_active_at}`);
    assert.equal(u.inactivity_warned_at, null);

    const session = await login(PEOPLE.bob.email);
    sql(`UPDATE users SET last_active_at = ${ago(20)}, inactivity_warned_at = ${ago(1)} WHERE id = '${ID.bob}'`);
    // the session was last seen ten minutes ago: its use is written again
    sql(`UPDATE sessions SET last_seen_at = '${timeAgo(10)}' WHERE user_id = '${ID.bob}'`);
    const page = await fetch(`${k.url}/account`, { headers: { Cookie: session }, redirect: 'manual' });
    assert.equal(page.status, 200);
    u = user(ID.bob);
    assert.ok(secondsAgo(u.last_active_at) < 120, `after a session use: ${u.last_active_at}`);
    assert.equal(u.inactivity_warned_at, null);
  });

  test('KIEM_INACTIVE_DAYS=0 turns the sweep off', () => {
    sql(`UPDATE users SET last_active_at = ${ago(4000)}, inactivity_warned_at = ${ago(400)} WHERE id = '${ID.bob}'`);
    const r = sweep([], { KIEM_INACTIVE_DAYS: '0' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /sweep is off/);
    assert.equal(user(ID.bob).name, PEOPLE.bob.name);
    sql(`UPDATE users SET last_active_at = ${ago(0)}, inactivity_warned_at = NULL WHERE id = '${ID.bob}'`);
  });

  test('the period and the grace come from the environment', () => {
    sql(`UPDATE users SET last_active_at = ${ago(15)} WHERE id = '${ID.bob}'`);
    const r = sweep(['--dry-run'], { KIEM_INACTIVE_DAYS: '10', KIEM_INACTIVE_GRACE_DAYS: '5' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`^would be warned \\(inactive\\) ${ID.bob}$`, 'm'));
    sql(`UPDATE users SET inactivity_warned_at = ${ago(6)} WHERE id = '${ID.bob}'`);
    const e = sweep(['--dry-run'], { KIEM_INACTIVE_DAYS: '10', KIEM_INACTIVE_GRACE_DAYS: '5' });
    assert.match(e.stdout, new RegExp(`^would be erased \\(inactive after the warning\\) ${ID.bob}$`, 'm'));
    const d = sweep(['--dry-run']);
    assert.match(d.stdout, /0 warned, 0 erased/, 'the defaults (365 and 30) left Bob alone');
    sql(`UPDATE users SET last_active_at = ${ago(0)}, inactivity_warned_at = NULL WHERE id = '${ID.bob}'`);
  });

  test('bad values of the settings: one clear line, exit 2', () => {
    for (const [name, value] of [['KIEM_INACTIVE_DAYS', 'abc'], ['KIEM_INACTIVE_DAYS', '-1'], ['KIEM_INACTIVE_DAYS', '1.5'],
      ['KIEM_INACTIVE_DAYS', '99999'], ['KIEM_INACTIVE_GRACE_DAYS', 'dertig'], ['KIEM_INACTIVE_GRACE_DAYS', '30 ']]) {
      const r = sweep([], { [name]: value });
      assert.equal(r.status, 2, `${name}=${value}: ${r.stderr}`);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, new RegExp(`^kiem: ${name} must be a whole number of days`));
      const s = kiem(['serve', '--db', k.db, '--listen', '127.0.0.1:0'], { env: { KIEM_INACTIVE_DAYS: '', KIEM_INACTIVE_GRACE_DAYS: '', [name]: value } });
      assert.equal(s.status, 2, `serve with ${name}=${value}: ${s.stderr}`);
      assert.match(s.stderr, new RegExp(`kiem: ${name} must be a whole number of days`));
    }
  });

  test('/privacy says that this kiem does not erase unused accounts (the sweep is off here)', async () => {
    const nl = await (await fetch(`${k.url}/privacy?lang=nl`)).text();
    assert.match(nl, /<p id="privacy-inactive">Bij deze kiem wissen we een account niet omdat het lang niet is gebruikt\./);
  });

  test('kiem accounts --help and wrong use', () => {
    const h = kiem(['accounts', '--help']);
    assert.equal(h.status, 0);
    assert.match(h.stdout, /usage: kiem accounts sweep \[--db PATH \| --pg CONNINFO\] \[--dry-run\]/);
    assert.match(kiem(['serve', '--help']).stdout, /KIEM_INACTIVE_DAYS/);
    assert.match(kiem(['--help']).stdout, /accounts/);
    assert.equal(kiem(['accounts', 'veeg']).status, 2);
    assert.equal(kiem(['accounts', 'sweep', '--db', k.db, '--nope']).status, 2);
  });
});

describe('kiem serve sweeps by itself', () => {
  let s;
  after(async () => { await s?.stop(); });

  test('shortly after the start, an account warned 31 days ago is erased, and the server stops cleanly', async () => {
    s = await startKiem({ demo: false, users: [
      { email: 'beheer@zelf.example', name: 'Beheer Zelf', password: PASSWORD, admin: true },
      { email: 'weg@zelf.example', name: 'Wendel Weggaan', password: PASSWORD },
    ], env: { KIEM_INACTIVE_DAYS: '', KIEM_INACTIVE_GRACE_DAYS: '' } });
    const q = (statement) => sqlRows(s.db, statement);
    q(`UPDATE users SET last_active_at = ${ago(400)}, inactivity_warned_at = ${ago(31)} WHERE email = 'weg@zelf.example'`);
    const deadline = Date.now() + 30000;
    // the row goes first; the sweep's line in the log follows it
    while (Date.now() < deadline && (q("SELECT 1 FROM users WHERE email = 'weg@zelf.example'").length
      || !/inactivity sweep: /.test(s.log())))
      await new Promise((r) => setTimeout(r, 500));
    assert.equal(q("SELECT count(*) AS n FROM users WHERE email = 'weg@zelf.example' OR name = 'Wendel Weggaan'")[0].n, 0, s.log());
    assert.equal(q("SELECT count(*) AS n FROM activity WHERE action = 'erase_inactive'")[0].n, 1);
    assert.match(s.log(), /inactivity sweep: 0 warned, 1 erased, 0 unconfirmed deleted/);
    // and /privacy tells how long an unused account is kept here
    const nl = await (await fetch(`${s.url}/privacy?lang=nl`)).text();
    assert.match(nl, /<p id="privacy-inactive">Bij deze kiem: gebruik je je account 365 dagen niet, dan krijg je een e-mail\. Log je daarna binnen 30 dagen niet in, dan wissen we je account\.<\/p>/);
    const en = await (await fetch(`${s.url}/privacy?lang=en`)).text();
    assert.match(en, /<p id="privacy-inactive">On this kiem: if you do not use your account for 365 days/);
  });
});

describe('the warning counts days with their plural', () => {
  let s;
  after(async () => { await s?.stop(); });

  test('KIEM_INACTIVE_DAYS=1: "meer dan 1 dag", "more than 1 day"', async () => {
    s = await startKiem({ demo: false, users: [
      { email: 'beheer@dag.example', name: 'Beheer Dag', password: PASSWORD, admin: true },
      { email: 'een@dag.example', name: 'Eén Dag', password: PASSWORD },
      { email: 'one@dag.example', name: 'One Day', password: PASSWORD },
    ], env: { KIEM_INACTIVE_DAYS: '0' } });
    const q = (statement) => sqlRows(s.db, statement);
    q(`UPDATE users SET last_active_at = ${ago(2)} WHERE email IN ('een@dag.example', 'one@dag.example')`);
    q("UPDATE users SET lang = 'en' WHERE email = 'one@dag.example'");
    const r = kiem(['accounts', 'sweep', '--db', s.db], { env: { KIEM_INACTIVE_DAYS: '1', KIEM_INACTIVE_GRACE_DAYS: '' } });
    assert.equal(r.status, 0, r.stderr);
    const nl = await s.mail('een@dag.example');
    assert.match(nl.body, /al meer dan 1 dag niet gebruikt\./);
    const en = await s.mail('one@dag.example');
    assert.match(en.body, /for more than 1 day\./);
  });
});
