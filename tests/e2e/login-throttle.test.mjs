// Failed logins are limited per account and per address (src/model/throttle.h):
// after five wrong passwords for an account, even the right one waits, with
// 429 and Retry-After; other accounts are not held up by it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem } from '../lib/kiem.mjs';

const ANN = { email: 'ann@drempel.example', name: 'Ann', password: 'anns-lange-wachtwoord' };
const BEN = { email: 'ben@drempel.example', name: 'Ben', password: 'bens-lange-wachtwoord' };
let k;
before(async () => { k = await startKiem({ demo: false, users: [ANN, BEN] }); });
after(async () => { await k?.stop(); });

// Logs in through the form as a browser would: {status, headers, text}.
async function login(email, password) {
  const form = await fetch(`${k.url}/inloggen`);
  const cookie = form.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrf = /name="_csrf" value="([^"]*)"/.exec(await form.text())[1];
  const res = await fetch(`${k.url}/inloggen`, {
    method: 'POST', redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
    body: new URLSearchParams({ _csrf: csrf, email, password, next: '/account' }),
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

test('five wrong passwords for an account make the sixth try wait, even with the right one', async () => {
  for (let i = 0; i < 5; i++) assert.equal((await login(ANN.email, `fout-${i}`)).status, 401);
  const held = await login(ANN.email, ANN.password);
  assert.equal(held.status, 429);
  const wait = Number(held.headers.get('retry-after'));
  assert.ok(wait > 0 && wait <= 15 * 60, `Retry-After ${wait}`);
  assert.match(held.text, /te vaak een verkeerd wachtwoord/);
  assert.equal(held.headers.getSetCookie().some((c) => c.startsWith('kiem_session=')), false, 'no session');
  // the same holds whatever the case of the address
  assert.equal((await login(ANN.email.toUpperCase(), ANN.password)).status, 429);
  // another account from the same address logs in
  const ben = await login(BEN.email, BEN.password);
  assert.equal(ben.status, 303);
  assert.ok(ben.headers.getSetCookie().some((c) => c.startsWith('kiem_session=')));
});

test('a good login before the limit forgets the failures', async () => {
  for (let i = 0; i < 4; i++) assert.equal((await login(BEN.email, `fout-${i}`)).status, 401);
  assert.equal((await login(BEN.email, BEN.password)).status, 303);
  for (let i = 0; i < 4; i++) assert.equal((await login(BEN.email, `nog-fout-${i}`)).status, 401);
  assert.equal((await login(BEN.email, BEN.password)).status, 303);
});
