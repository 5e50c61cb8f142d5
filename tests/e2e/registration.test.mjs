// Registration, email confirmation and password reset (src/model/account.h),
// through the API and the pages: the mail is read from the outbox table the
// way the mail worker would, with the sqlite3 command (psql on PostgreSQL).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem, sql, databaseBytes } from '../lib/kiem.mjs';
import { call, assertInvalid, assertProblem, Browser } from './helpers.mjs';

const OWNER = { email: 'olaf@registratie.example', name: 'Olaf Eigenaar', password: 'olafs-lange-wachtwoord' };
const GOOD = 'fiets lamp rivier koffie';
let k;
let n = 0;
const uniq = (who) => `${who}-${process.pid}-${++n}@registratie.example`;

before(async () => { k = await startKiem({ demo: false, users: [OWNER], env: { KIEM_MAIL_LIMIT: '1000' } }); });
after(async () => { await k?.stop(); });

// The hours between two times of a row, to a tenth, in SQL: for SQLite and
// for PostgreSQL.
const HOURS = (a, b) => [`round((julianday(${a}) - julianday(${b})) * 24, 1)`,
  `round(extract(epoch FROM ${a}::timestamptz - ${b}::timestamptz) / 3600, 1)`];

// The newest mail to an address: {subject, body}, or null.
const mailTo = (email, srv = k) => srv.mail(email);
const mailCount = (email) => Number(sql(k.db, `SELECT count(*) FROM outbox WHERE recipient = '${email}'`));

// The code of the link to path in a mail.
function codeIn(mail, path) {
  assert.ok(mail, 'no mail');
  const m = new RegExp(`https?://[^/\\s]+${path}\\?code=([A-Za-z0-9_-]{43})(\\S*)`).exec(mail.body);
  assert.ok(m, `no link to ${path} in: ${mail.body}`);
  return { code: m[1], rest: m[2] };
}

const register = (body) => call(k.url, '/api/v1/registrations', { method: 'POST', body });

test('register, refused login until confirmed, confirm, log in', async () => {
  const email = uniq('anna');
  const r = await register({ name: 'Anna de Vries', email, password: GOOD });
  assert.equal(r.status, 202, r.text);
  assert.equal(r.text, '');
  await k.settled(); // the account is made a moment after the answer
  assert.equal(sql(k.db, `SELECT email_confirmed_at IS NULL, lang, last_active_at IS NOT NULL FROM users WHERE email = '${email}'`), '1|nl|1');
  const mail = await mailTo(email);
  assert.match(mail.subject, /Bevestig je e-mailadres/);
  assert.match(mail.body, /Hallo Anna de Vries/);
  const { code } = codeIn(mail, '/bevestigen');
  // only its hash is kept
  assert.equal(sql(k.db, `SELECT count(*) FROM email_links WHERE token_hash = '${code}'`), '0');
  const link = (hours) => `SELECT l.purpose, ${hours} FROM email_links l JOIN users u ON u.id = l.user_id WHERE u.email = '${email}'`;
  assert.equal(sql(k.db, ...HOURS('l.expires_at', 'l.created_at').map(link)), 'confirm|48.0');

  // the right password, but not confirmed: told so, with a way to a new link
  const b = new Browser(k.url);
  const early = await b.login(email, GOOD);
  assert.equal(early.status, 403);
  assert.match(early.text, /Je e-mailadres is nog niet bevestigd/);
  assert.ok(early.text.includes(`href="/bevestigen/opnieuw?email=${encodeURIComponent(email)}"`), 'a link to send it again');
  assert.equal(b.jar.has('kiem_session'), false);
  // a wrong password does not learn that
  const wrong = await b.login(email, 'niet het goede wachtwoord');
  assert.equal(wrong.status, 401);
  assert.doesNotMatch(wrong.text, /nog niet bevestigd/);

  const ok = await call(k.url, '/api/v1/email-confirmations', { method: 'POST', body: { code } });
  assert.equal(ok.status, 204, ok.text);
  assert.equal(sql(k.db, `SELECT email_confirmed_at IS NOT NULL FROM users WHERE email = '${email}'`), '1');
  assert.equal(sql(k.db, `SELECT count(*) FROM activity a JOIN users u ON u.id = a.object_id WHERE u.email = '${email}' AND a.action = 'confirm_email'`), '1');
  // used once
  assertInvalid(await call(k.url, '/api/v1/email-confirmations', { method: 'POST', body: { code } }), ['code']);

  const in_ = await b.login(email, GOOD);
  assert.equal(in_.status, 303);
  assert.equal(in_.location, '/account');
  assert.ok(b.jar.has('kiem_session'));
});

test('a taken address answers the same and mails its owner instead', async () => {
  const before_ = mailCount(OWNER.email);
  const r = await register({ name: 'Iemand Anders', email: OWNER.email.toUpperCase(), password: GOOD });
  assert.equal(r.status, 202, r.text);
  assert.equal(r.text, '');
  await k.settled();
  assert.equal(mailCount(OWNER.email), before_ + 1);
  const mail = await mailTo(OWNER.email);
  assert.match(mail.subject, /Iemand wilde een account maken/);
  assert.match(mail.body, /Hallo Olaf Eigenaar/);
  assert.match(mail.body, /\/inloggen/);
  assert.match(mail.body, /\/wachtwoord-vergeten/);
  assert.doesNotMatch(mail.body, /code=/);
  assert.equal(sql(k.db, `SELECT count(*) FROM users WHERE email = '${OWNER.email}'`), '1');
  // the owner's password is unchanged
  assert.equal((await new Browser(k.url).login(OWNER.email, OWNER.password)).status, 303);
  // the page says the same as for a new address
  const page = await new Browser(k.url).post('/registreren', { name: 'Iemand Anders', email: OWNER.email, password: GOOD }, '/registreren');
  assert.equal(page.status, 200);
  assert.match(page.text, /Kijk in je mailbox/);
});

test('an expired or unknown confirmation link is refused, with a way to a new one', async () => {
  const email = uniq('bert');
  assert.equal((await register({ name: 'Bert', email, password: GOOD })).status, 202);
  const { code } = codeIn(await mailTo(email), '/bevestigen');
  sql(k.db, `UPDATE email_links SET expires_at = '2000-01-01T00:00:00Z' WHERE user_id = (SELECT id FROM users WHERE email = '${email}')`);
  const b = new Browser(k.url);
  const page = await b.request(`/bevestigen?code=${code}`);
  assert.equal(page.status, 400);
  assert.match(page.text, /Deze link werkt niet meer/);
  assert.match(page.text, /action="\/bevestigen\/opnieuw"/);
  assertInvalid(await call(k.url, '/api/v1/email-confirmations', { method: 'POST', body: { code } }), ['code']);
  assert.equal((await b.request('/bevestigen?code=onzin')).status, 400);
  assert.equal((await b.request('/bevestigen')).status, 400);
  assert.equal(sql(k.db, `SELECT email_confirmed_at IS NULL FROM users WHERE email = '${email}'`), '1');

  // a new link, asked for on the page; an unknown address answers the same
  const again = await b.post('/bevestigen/opnieuw', { email }, '/bevestigen/opnieuw');
  assert.equal(again.status, 200);
  const unknown = await b.post('/bevestigen/opnieuw', { email: uniq('niemand') }, '/bevestigen/opnieuw');
  assert.equal(unknown.status, 200);
  const strip = (t) => t.replace(/name="_csrf" value="[^"]*"/, '');
  assert.equal(strip(unknown.text), strip(again.text));
  const fresh = codeIn(await mailTo(email), '/bevestigen');
  assert.notEqual(fresh.code, code);
  const done = await b.request(`/bevestigen?code=${fresh.code}`);
  assert.equal(done.status, 200);
  assert.match(done.text, /Je e-mailadres is bevestigd/);
  assert.match(done.text, /href="\/inloggen"/);
  // the API asks for one too, and a confirmed address gets none
  const count = mailCount(email);
  assert.equal((await call(k.url, '/api/v1/email-confirmation-requests', { method: 'POST', body: { email } })).status, 202);
  await k.settled();
  assert.equal(mailCount(email), count);
});

test('a password reset: GET keeps the code, weak passwords are refused beside the field, sessions end', async () => {
  const email = uniq('carla');
  const old = 'carla oud wachtwoord lang';
  assert.equal((await register({ name: 'Carla', email, password: old })).status, 202);
  await call(k.url, '/api/v1/email-confirmations', { method: 'POST', body: { code: codeIn(await mailTo(email), '/bevestigen').code } });
  const before_ = new Browser(k.url);
  assert.equal((await before_.login(email, old)).status, 303);
  assert.equal((await before_.request('/account')).status, 200);

  const b = new Browser(k.url);
  const asked = await b.post('/wachtwoord-vergeten', { email }, '/wachtwoord-vergeten');
  assert.equal(asked.status, 200);
  const unknown = await b.post('/wachtwoord-vergeten', { email: uniq('niemand') }, '/wachtwoord-vergeten');
  assert.equal(unknown.status, 200);
  assert.match(unknown.text, /Kijk in je mailbox/);
  const mail = await mailTo(email);
  assert.match(mail.subject, /nieuw wachtwoord/);
  const { code } = codeIn(mail, '/wachtwoord-herstellen');
  const reset = (hours) => `SELECT ${hours} FROM email_links WHERE purpose = 'reset' AND user_id = (SELECT id FROM users WHERE email = '${email}')`;
  assert.equal(sql(k.db, ...HOURS('expires_at', 'created_at').map(reset)), '1.0');

  // opening the link (as a mail scanner would) uses nothing up
  for (let i = 0; i < 2; i++) {
    const form = await b.request(`/wachtwoord-herstellen?code=${code}`);
    assert.equal(form.status, 200);
    assert.match(form.text, /Kies een nieuw wachtwoord/);
    assert.ok(form.text.includes(`name="code" value="${code}"`));
  }
  const weak = await b.post('/wachtwoord-herstellen', { code, password: 'wachtwoord12' }, `/wachtwoord-herstellen?code=${code}`);
  assert.equal(weak.status, 400);
  assert.match(weak.text, /<p class="error" id="password-error">.*makkelijk te raden/);
  assert.match(weak.text, /aria-invalid="true"/);
  const short = await b.post('/wachtwoord-herstellen', { code, password: 'kort' }, `/wachtwoord-herstellen?code=${code}`);
  assert.equal(short.status, 400);
  assert.match(short.text, /id="password-error"/);

  const fresh = 'carla nieuw wachtwoord lang';
  const done = await b.post('/wachtwoord-herstellen', { code, password: fresh }, `/wachtwoord-herstellen?code=${code}`);
  assert.equal(done.status, 200);
  assert.match(done.text, /Je wachtwoord is veranderd/);
  // the old session is over
  const gone = await before_.request('/account');
  assert.equal(gone.status, 303);
  assert.match(gone.location, /^\/inloggen/);
  assert.equal((await new Browser(k.url).login(email, old)).status, 401);
  assert.equal((await new Browser(k.url).login(email, fresh)).status, 303);
  // used up
  const reused = await b.request(`/wachtwoord-herstellen?code=${code}`);
  assert.equal(reused.status, 400);
  assert.match(reused.text, /Deze link werkt niet meer/);
  assert.match(reused.text, /href="\/wachtwoord-vergeten"/);
  assert.equal(sql(k.db, `SELECT count(*) FROM email_links WHERE user_id = (SELECT id FROM users WHERE email = '${email}')`), '0');
  assert.equal(sql(k.db, `SELECT count(*) FROM activity WHERE action = 'reset_password' AND object_id = (SELECT id FROM users WHERE email = '${email}')`), '1');
});

test('a reset through the API confirms an unconfirmed address, and expired codes are refused', async () => {
  const email = uniq('dirk');
  assert.equal((await register({ name: 'Dirk', email, password: GOOD })).status, 202);
  const req = await call(k.url, '/api/v1/password-reset-requests', { method: 'POST', body: { email } });
  assert.equal(req.status, 202, req.text);
  assert.equal((await call(k.url, '/api/v1/password-reset-requests', { method: 'POST', body: { email: uniq('niemand') } })).status, 202);
  const { code } = codeIn(await mailTo(email), '/wachtwoord-herstellen');
  const weak = await call(k.url, '/api/v1/password-resets', { method: 'POST', body: { code, password: 'welkom123456' } });
  assertInvalid(weak, ['password']);
  const fresh = 'dirk kiest een nieuwe zin';
  const ok = await call(k.url, '/api/v1/password-resets', { method: 'POST', body: { code, password: fresh } });
  assert.equal(ok.status, 204, ok.text);
  assert.equal(sql(k.db, `SELECT email_confirmed_at IS NOT NULL FROM users WHERE email = '${email}'`), '1');
  assert.equal((await new Browser(k.url).login(email, fresh)).status, 303);
  assertInvalid(await call(k.url, '/api/v1/password-resets', { method: 'POST', body: { code, password: fresh } }), ['code']);

  await call(k.url, '/api/v1/password-reset-requests', { method: 'POST', body: { email } });
  const late = codeIn(await mailTo(email), '/wachtwoord-herstellen').code;
  sql(k.db, `UPDATE email_links SET expires_at = '2000-01-01T00:00:00Z' WHERE purpose = 'reset'`);
  assert.equal((await new Browser(k.url).request(`/wachtwoord-herstellen?code=${late}`)).status, 400);
  assertInvalid(await call(k.url, '/api/v1/password-resets', { method: 'POST', body: { code: late, password: 'weer een andere zin' } }), ['code']);
});

test('bad input lists every bad field, in the API and beside each field on the page', async () => {
  const r = await register({ name: '', email: 'geen-adres', password: 'kort', extra: 1 });
  assertInvalid(r, ['name', 'email', 'password', 'extra']);
  assertInvalid(await register({ name: 'Eva', email: uniq('eva'), password: GOOD, lang: 'de' }), ['lang']);
  assertInvalid(await register({ name: 'Eva Smit', email: uniq('eva'), password: 'wachtwoordwachtwoord' }), ['password']);
  assertInvalid(await call(k.url, '/api/v1/password-reset-requests', { method: 'POST', body: { email: 'x' } }), ['email']);
  assertInvalid(await call(k.url, '/api/v1/email-confirmation-requests', { method: 'POST', body: {} }), ['email']);
  assertInvalid(await call(k.url, '/api/v1/password-resets', { method: 'POST', body: { code: 'x', password: GOOD } }), ['code']);
  assertProblem(await call(k.url, '/api/v1/registrations', { method: 'POST', body: '[1]' }), 400);

  const b = new Browser(k.url);
  const page = await b.post('/registreren', { name: '', email: 'geen-adres', password: 'kort' }, '/registreren');
  assert.equal(page.status, 400);
  for (const f of ['name', 'email', 'password']) {
    assert.match(page.text, new RegExp(`<a href="#f-${f}">`), `${f} in the summary`);
    assert.match(page.text, new RegExp(`id="${f}-error"`), `${f} has its error`);
  }
  assert.match(page.text, /value="geen-adres"/, 'what was typed stays');
  assert.doesNotMatch(page.text, /value="kort"/, 'but not the password');
});

test('next survives registration and confirmation; an unsafe one is dropped', async () => {
  const b = new Browser(k.url);
  const form = await b.request('/registreren?email=fien%40registratie.example&next=%2Fuitnodigingen%2FABC');
  assert.equal(form.status, 200);
  assert.match(form.text, /name="email" type="email" value="fien@registratie.example"/);
  assert.match(form.text, /name="next" value="\/uitnodigingen\/ABC"/);
  const email = uniq('fien');
  const sent = await b.post('/registreren', { name: 'Fien', email, password: GOOD, next: '/uitnodigingen/ABC' }, '/registreren');
  assert.equal(sent.status, 200);
  assert.ok(sent.text.includes(email), 'the page names the address');
  const { code, rest } = codeIn(await mailTo(email), '/bevestigen');
  assert.equal(rest, '&next=%2Fuitnodigingen%2FABC');
  const done = await b.request(`/bevestigen?code=${code}${rest}`);
  assert.equal(done.status, 200);
  assert.ok(done.text.includes('href="/inloggen?next=%2Fuitnodigingen%2FABC"'), done.text);
  const back = await b.login(email, GOOD, '/uitnodigingen/ABC');
  assert.equal(back.location, '/uitnodigingen/ABC');

  const c = new Browser(k.url);
  const evil = await c.request('/registreren?next=%2F%2Fevil.example');
  assert.doesNotMatch(evil.text, /name="next"/);
  const e2 = uniq('gijs');
  await c.post('/registreren', { name: 'Gijs', email: e2, password: GOOD, next: '//evil.example' }, '/registreren');
  assert.equal(codeIn(await mailTo(e2), '/bevestigen').rest, '');
  const done2 = await c.request(`/bevestigen?code=${codeIn(await mailTo(e2), '/bevestigen').code}&next=https://evil.example`);
  assert.equal(done2.status, 200);
  assert.ok(done2.text.includes('href="/inloggen"'));
  assert.doesNotMatch(done2.text, /inloggen\?next=/);
});

test('English pages write English mail; the login page offers registration and a new password', async () => {
  const email = uniq('hank');
  const b = new Browser(k.url);
  const form = await b.request('/registreren?lang=en');
  assert.match(form.text, /Create an account/);
  const r = await b.post('/registreren', { name: 'Hank', email, password: GOOD }, '/registreren');
  assert.match(r.text, /Check your mailbox/);
  assert.match((await mailTo(email)).subject, /Confirm your email address/);
  assert.equal(sql(k.db, `SELECT lang FROM users WHERE email = '${email}'`), 'en');

  const login = await new Browser(k.url).request('/inloggen');
  assert.match(login.text, /href="\/registreren"/);
  assert.match(login.text, /href="\/wachtwoord-vergeten"/);
  assert.match(login.text, /<a href="\/registreren">Account maken<\/a>/, 'in the navigation');
});

test('a logged-in person is sent from /registreren to /account', async () => {
  const b = new Browser(k.url);
  assert.equal((await b.login(OWNER.email, OWNER.password)).status, 303);
  const r = await b.request('/registreren');
  assert.equal(r.status, 303);
  assert.equal(r.location, '/account');
});

test('erasing an account removes its links, and the mail that named it', async () => {
  const ALICE = { email: uniq('alice'), name: 'Alicia Zwaluwstaart', password: 'alice-lang-wachtwoord' };
  const k2 = await startKiem({ demo: false, users: [ALICE] });
  try {
    assert.equal((await call(k2.url, '/api/v1/password-reset-requests', { method: 'POST', body: { email: ALICE.email } })).status, 202);
    await k2.settled();
    assert.equal(sql(k2.db, 'SELECT count(*) FROM email_links'), '1');
    // the download of one's data holds the link (never its code)
    const exp = await call(k2.url, '/api/v1/users/me/export', { token: k2.tokens[ALICE.email] });
    assert.equal(exp.status, 200);
    assert.deepEqual(exp.body.emailLinks.map((l) => l.purpose), ['reset']);
    assert.ok(exp.body.account.emailConfirmedAt, 'made by user add: confirmed');
    assert.equal(exp.body.account.lang, 'nl');
    assert.equal((await call(k2.url, '/api/v1/users/me', { method: 'DELETE', token: k2.tokens[ALICE.email] })).status, 204);
    assert.equal(sql(k2.db, 'SELECT count(*) FROM email_links'), '0');
    assert.equal(sql(k2.db, 'SELECT count(*) FROM outbox'), '0');
    const bytes = databaseBytes(k2.db);
    for (const t of [ALICE.email, ALICE.name]) assert.equal(bytes.indexOf(t), -1, `"${t}" is still in the database's files`);
  } finally {
    await k2.stop();
  }
});

test('requests that send mail are limited per client address: 429 with Retry-After', async () => {
  const k3 = await startKiem({ demo: false, env: { KIEM_MAIL_LIMIT: '2' } });
  try {
    const post = (path, body) => call(k3.url, path, { method: 'POST', body });
    assert.equal((await post('/api/v1/registrations', { name: 'Ina', email: uniq('ina'), password: GOOD })).status, 202);
    // bad input sends nothing and counts for nothing
    assert.equal((await post('/api/v1/registrations', { name: '', email: 'x', password: 'x' })).status, 400);
    assert.equal((await post('/api/v1/password-reset-requests', { email: uniq('ina') })).status, 202);
    const held = await post('/api/v1/registrations', { name: 'Jan', email: uniq('jan'), password: GOOD });
    assertProblem(held, 429);
    const wait = Number(held.headers.get('retry-after'));
    assert.ok(wait > 0 && wait <= 15 * 60, `Retry-After ${wait}`);
    assertProblem(await post('/api/v1/password-reset-requests', { email: uniq('jan') }), 429);
    assertProblem(await post('/api/v1/email-confirmation-requests', { email: uniq('jan') }), 429);
    await k3.settled();
    assert.equal(sql(k3.db, 'SELECT count(*) FROM users'), '1');
    // the page says so
    const page = await fetch(`${k3.url}/wachtwoord-vergeten`);
    const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const csrf = /name="_csrf" value="([^"]*)"/.exec(await page.text())[1];
    const res = await fetch(`${k3.url}/wachtwoord-vergeten`, {
      method: 'POST', redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
      body: new URLSearchParams({ _csrf: csrf, email: uniq('kees') }),
    });
    assert.equal(res.status, 429);
    assert.ok(Number(res.headers.get('retry-after')) > 0);
    assert.match(await res.text(), /te veel verzoeken gedaan/);
  } finally {
    await k3.stop();
  }
});
