// A new password ends every way in that the old one gave (issue 8, item 11):
// after a reset by mail, or a change by the operator (`kiem user passwd`),
// the account's sessions AND its API tokens stop working, and a mail tells
// the person so in plain words.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem, kiem } from '../lib/kiem.mjs';
import { call, Browser } from './helpers.mjs';

const ANN = { email: 'ann@toegang.example', name: 'Ann Toegang', password: 'anns-oude-wachtwoord' };
const BOB = { email: 'bob@toegang.example', name: 'Bob Toegang', password: 'bobs-oude-wachtwoord' };
const CAS = { email: 'cas@toegang.example', name: 'Cas Toegang', password: 'cas-oude-wachtwoord' };
let k;
before(async () => { k = await startKiem({ demo: false, users: [ANN, BOB, CAS], env: { KIEM_MAIL_LIMIT: '1000' } }); });
after(async () => { await k?.stop(); });

const me = (token) => call(k.url, '/api/v1/users/me', { token });

// The code of the newest reset link mailed to email.
async function resetCode(email) {
  const mail = await k.mail(email);
  const m = /\/wachtwoord-herstellen\?code=([A-Za-z0-9_-]{43})/.exec(mail?.body ?? '');
  assert.ok(m, `no reset link in ${JSON.stringify(mail)}`);
  return m[1];
}

// The mail that says the password changed: in Dutch, it names the sessions
// and the API tokens that ended.
function assertChangedMail(mail, name) {
  assert.ok(mail, 'a mail about the change');
  assert.match(mail.subject, /Je wachtwoord voor kiem is veranderd/);
  assert.match(mail.body, new RegExp(`Hallo ${name}`));
  assert.match(mail.body, /overal uitgelogd/);
  assert.match(mail.body, /API-tokens werken niet meer/);
  assert.match(mail.body, /\/wachtwoord-vergeten/, 'a way back for whom it was not');
  assert.doesNotMatch(mail.body, /code=/, 'no link that works once');
}

test('a reset through the API ends the API tokens as well as the sessions, and says so by mail', async () => {
  const token = k.tokens[ANN.email];
  const b = new Browser(k.url);
  assert.equal((await b.login(ANN.email, ANN.password)).status, 303);
  assert.equal((await me(token)).status, 200, 'the token works before');

  assert.equal((await call(k.url, '/api/v1/password-reset-requests', { method: 'POST', body: { email: ANN.email } })).status, 202);
  const code = await resetCode(ANN.email);
  const done = await call(k.url, '/api/v1/password-resets', { method: 'POST', body: { code, password: 'anns-nieuwe-wachtwoord' } });
  assert.equal(done.status, 204, done.text);

  assert.equal((await me(token)).status, 401, 'the token ended with the reset');
  assert.equal((await b.request('/account')).status, 303, 'the session ended');
  assertChangedMail(await k.mail(ANN.email), ANN.name);
  // a token made afterwards works
  const fresh = kiem(['token', 'create', '--email', ANN.email, '--db', k.db]).stdout.trim();
  assert.equal((await me(fresh)).status, 200);
});

test('a reset on the page ends the tokens too, and the page says so', async () => {
  const token = k.tokens[BOB.email];
  assert.equal((await me(token)).status, 200);
  const b = new Browser(k.url);
  assert.equal((await b.post('/wachtwoord-vergeten', { email: BOB.email }, '/wachtwoord-vergeten')).status, 200);
  const code = await resetCode(BOB.email);
  const done = await b.post('/wachtwoord-herstellen', { code, password: 'bobs-nieuwe-wachtwoord' }, `/wachtwoord-herstellen?code=${code}`);
  assert.equal(done.status, 200);
  assert.match(done.text, /Je bent overal uitgelogd, en je API-tokens werken niet meer/);
  assert.equal((await me(token)).status, 401);
  assertChangedMail(await k.mail(BOB.email), BOB.name);
});

test('a change by the operator (kiem user passwd) ends the tokens and the sessions, and says so by mail', async () => {
  const token = k.tokens[CAS.email];
  const b = new Browser(k.url);
  assert.equal((await b.login(CAS.email, CAS.password)).status, 303);
  assert.equal((await me(token)).status, 200);
  const r = kiem(['user', 'passwd', '--email', CAS.email, '--db', k.db], { input: 'cas-nieuwe-wachtwoord\n' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal((await me(token)).status, 401, 'the token ended with the change');
  assert.equal((await b.request('/account')).status, 303, 'the session ended');
  assertChangedMail(await k.mail(CAS.email), CAS.name);
  assert.equal((await new Browser(k.url).login(CAS.email, 'cas-nieuwe-wachtwoord')).status, 303);
});

test('the mail is in English for an English account', async () => {
  const email = 'dee@toegang.example';
  assert.equal((await call(k.url, '/api/v1/registrations', { method: 'POST', body: { name: 'Dee', email, password: 'dees-oude-wachtwoord', lang: 'en' } })).status, 202);
  await k.mail(email); // the confirmation, once it is there
  assert.equal((await call(k.url, '/api/v1/password-reset-requests', { method: 'POST', body: { email } })).status, 202);
  const code = await resetCode(email);
  assert.equal((await call(k.url, '/api/v1/password-resets', { method: 'POST', body: { code, password: 'dees-nieuwe-wachtwoord' } })).status, 204);
  const mail = await k.mail(email);
  assert.match(mail.subject, /Your password for kiem was changed/);
  assert.match(mail.body, /logged out everywhere/);
  assert.match(mail.body, /API tokens no longer work/);
});
