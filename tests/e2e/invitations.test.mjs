// Invitations by email (issue 3): a party admin invites an address with a
// role, the mail goes to the outbox with a one-time link, and whoever opens
// it logged in accepts or declines; withdrawn, expired and used codes are
// refused; inviting again renews. And the activity log: member changes say
// whom they were about and which role was given, and a coordinator reads
// the entries of the parties in their areas.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem, sql as query } from '../lib/kiem.mjs';
import { call, assertOk, assertProblem, assertInvalid, partyBody, Browser } from './helpers.mjs';

const PASSWORD = 'een-lang-wachtwoord-123';
const PEOPLE = {
  admin: { email: 'admin@uitnodiging.example', name: 'Ada Beheer', admin: true },
  partyAdmin: { email: 'alice@uitnodiging.example', name: 'Alice de Vries' },
  member: { email: 'bob@uitnodiging.example', name: 'Bob Jansen' },
  outsider: { email: 'carol@uitnodiging.example', name: 'Carol Bakker' },
  dan: { email: 'dan@uitnodiging.example', name: 'Dan Genodigd' },
  erin: { email: 'erin@uitnodiging.example', name: 'Erin Weg' },
  coordinator: { email: 'cora@uitnodiging.example', name: 'Cora Wijk', coordinator: 'WK034403' },
  otherCoordinator: { email: 'otto@uitnodiging.example', name: 'Otto Overvecht', coordinator: 'WK034408' },
};
const UUID7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let k;
const T = {};
const ID = {};
let party; // public, in WK034403, Alice admin, Bob member
let otherParty; // in WK034408, made by Otto's... by Carol
let n = 0;
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

const sql = (q) => query(k.db, q);
const invitations = (p) => `/api/v1/parties/${p}/invitations`;

// The newest mail to an address in the outbox, and the code in its link.
async function mailTo(email) {
  const mail = await k.mail(email);
  assert.ok(mail, `no mail to ${email}`);
  const { subject, body } = mail;
  const m = /(https?:\/\/[^\s]+)\/uitnodigingen\/([A-Za-z0-9_-]{43})\b/.exec(body);
  assert.ok(m, `no invitation link in ${body}`);
  return { subject, body, link: m[0], code: m[2] };
}
const mailCount = (email) => Number(sql(`SELECT count(*) FROM outbox WHERE recipient = '${email}'`));

async function invite(p, email, role = 'member', who = 'partyAdmin') {
  return assertOk(await call(k.url, invitations(p), { method: 'POST', token: T[who], body: { email, role } }), 201);
}

async function roleIn(p, who) {
  const b = assertOk(await call(k.url, `/api/v1/parties/${p}/members`, { token: T.admin }));
  return b.items.find((m) => m.userId === ID[who])?.role ?? null;
}

async function login(who) {
  const b = new Browser(k.url);
  const r = await b.post('/inloggen', { email: PEOPLE[who].email, password: PASSWORD, next: '/account' });
  assert.equal(r.status, 303, `login of ${who}`);
  return b;
}

before(async () => {
  k = await startKiem({ users: Object.values(PEOPLE).map((p) => ({ ...p, password: PASSWORD })) });
  for (const [who, p] of Object.entries(PEOPLE)) {
    T[who] = k.tokens[p.email];
    ID[who] = assertOk(await call(k.url, '/api/v1/users/me', { token: T[who] })).id;
  }
  party = assertOk(await call(k.url, '/api/v1/parties', {
    method: 'POST', token: T.partyAdmin, body: partyBody({ name: 'Buurtkeuken De Uitnodiging', areas: ['WK034403'] }),
  }), 201).id;
  assertOk(await call(k.url, `/api/v1/parties/${party}/members`, {
    method: 'POST', token: T.partyAdmin, body: { email: PEOPLE.member.email, role: 'member' },
  }), 201);
  otherParty = assertOk(await call(k.url, '/api/v1/parties', {
    method: 'POST', token: T.outsider, body: partyBody({ name: 'Andere Wijkpartij', areas: ['WK034408'] }),
  }), 201).id;
});
after(async () => { await k?.stop(); });

describe('inviting by the API', () => {
  test('an invitation: 201, listed, and a mail in the outbox with a one-time link', async () => {
    const email = `nieuw-${uniq()}@elders.example`;
    const inv = await invite(party, email, 'admin');
    assert.match(inv.id, UUID7);
    assert.equal(inv.email, email);
    assert.equal(inv.role, 'admin');
    assert.equal(inv.invitedBy, ID.partyAdmin);
    assert.equal(inv.invitedByName, PEOPLE.partyAdmin.name);
    const days = (Date.parse(inv.expiresAt) - Date.parse(inv.createdAt)) / 86400000;
    assert.equal(days, 14);
    const list = assertOk(await call(k.url, invitations(party), { token: T.partyAdmin })).items;
    assert.ok(list.some((i) => i.id === inv.id && i.email === email));
    const mail = await mailTo(email);
    assert.match(mail.subject, /Buurtkeuken De Uitnodiging/);
    assert.match(mail.body, /Alice de Vries/);
    assert.match(mail.body, /beheerder/);
    assert.ok(mail.link.startsWith('http'));
    // the code is stored only as its hash
    assert.equal(sql(`SELECT count(*) FROM invitations WHERE token_hash LIKE '%${mail.code}%'`), '0');
  });

  test('the mail is in the inviter\'s page language, else Dutch', async () => {
    const dutch = `nederlands-${uniq()}@elders.example`;
    await invite(party, dutch);
    assert.match((await mailTo(dutch)).body, /nodigt je uit voor de partij Buurtkeuken De Uitnodiging/);
    const english = `english-${uniq()}@elders.example`;
    const alice = await login('partyAdmin');
    await alice.request('/?lang=en');
    const r = await alice.post(`/partijen/${party}/leden`, { email: english, role: 'admin' });
    assert.equal(r.status, 303);
    const mail = await mailTo(english);
    assert.equal(mail.subject, 'Invitation to Buurtkeuken De Uitnodiging on kiem');
    assert.match(mail.body, /Alice de Vries invites you to the party Buurtkeuken De Uitnodiging on kiem\. You will be administrator there\./);
    assert.match(mail.body, /works for 14 days/);
  });

  test('another account accepts: member with the invited role, the invitation gone, the code used up', async () => {
    const inv = await invite(party, PEOPLE.dan.email, 'admin');
    const { code } = await mailTo(PEOPLE.dan.email);
    // opening the page does not use the code
    assert.equal((await new Browser(k.url).request(`/uitnodigingen/${code}`)).status, 200);
    assert.equal((await new Browser(k.url).request(`/uitnodigingen/${code}`)).status, 200);
    assertProblem(await call(k.url, '/api/v1/invitation-acceptances', { method: 'POST', body: { code } }), 401);
    const m = assertOk(await call(k.url, '/api/v1/invitation-acceptances', { method: 'POST', token: T.dan, body: { code } }), 201);
    assert.equal(m.partyId, party);
    assert.equal(m.userId, ID.dan);
    assert.equal(m.role, 'admin');
    assert.equal(await roleIn(party, 'dan'), 'admin');
    const list = assertOk(await call(k.url, invitations(party), { token: T.partyAdmin })).items;
    assert.ok(!list.some((i) => i.id === inv.id));
    assertProblem(await call(k.url, '/api/v1/invitation-acceptances', { method: 'POST', token: T.dan, body: { code } }), 410);
    assert.equal((await new Browser(k.url).request(`/uitnodigingen/${code}`)).status, 410);
    // the log: invited (about the invitation, never the address), accepted (about Dan)
    const log = assertOk(await call(k.url, `/api/v1/activity?objectId=${party}&limit=2`, { token: T.admin })).items;
    assert.deepEqual(log.map((e) => [e.action, e.actorId, e.subjectId, e.detail]), [
      ['accept_invitation', ID.dan, ID.dan, 'admin'],
      ['invite', ID.partyAdmin, inv.id, 'admin'],
    ]);
    assert.equal(log[0].subjectName, PEOPLE.dan.name);
    assert.ok(!JSON.stringify(log).includes(PEOPLE.dan.email));
    assert.equal((await call(k.url, `/api/v1/parties/${party}/members/${ID.dan}`, { method: 'DELETE', token: T.dan })).status, 204);
  });

  test('an admin invited as member stays admin when accepting', async () => {
    assertOk(await call(k.url, `/api/v1/parties/${party}/members`, {
      method: 'POST', token: T.partyAdmin, body: { email: PEOPLE.erin.email, role: 'admin' },
    }), 201);
    // an invitation to a member's address is a problem on email ...
    assertInvalid(await call(k.url, invitations(party), {
      method: 'POST', token: T.partyAdmin, body: { email: PEOPLE.erin.email, role: 'member' },
    }), ['email']);
    // ... but a code sent before they joined still works, and keeps the higher role
    await call(k.url, `/api/v1/parties/${party}/members/${ID.erin}`, { method: 'DELETE', token: T.partyAdmin });
    await invite(party, PEOPLE.erin.email, 'member');
    const { code } = await mailTo(PEOPLE.erin.email);
    assertOk(await call(k.url, `/api/v1/parties/${party}/members`, {
      method: 'POST', token: T.partyAdmin, body: { email: PEOPLE.erin.email, role: 'admin' },
    }), 201);
    const m = assertOk(await call(k.url, '/api/v1/invitation-acceptances', { method: 'POST', token: T.erin, body: { code } }), 201);
    assert.equal(m.role, 'admin');
    assert.equal(await roleIn(party, 'erin'), 'admin');
    await call(k.url, `/api/v1/parties/${party}/members/${ID.erin}`, { method: 'DELETE', token: T.partyAdmin });
  });

  test('inviting again renews: the same invitation, a new code and mail, the old code refused', async () => {
    const email = `twee-keer-${uniq()}@elders.example`;
    const first = await invite(party, email, 'member');
    const old = (await mailTo(email)).code;
    sql(`UPDATE invitations SET expires_at = '2030-01-01T00:00:00Z', created_at = '2029-12-18T00:00:00Z' WHERE id = '${first.id}'`);
    const second = await invite(party, email, 'admin');
    assert.equal(second.id, first.id);
    assert.equal(second.role, 'admin');
    assert.notEqual(second.expiresAt, '2030-01-01T00:00:00Z');
    assert.equal(mailCount(email), 2);
    const fresh = (await mailTo(email)).code;
    assert.notEqual(fresh, old);
    assert.equal((await new Browser(k.url).request(`/uitnodigingen/${old}`)).status, 410);
    assert.equal((await new Browser(k.url).request(`/uitnodigingen/${fresh}`)).status, 200);
    const list = assertOk(await call(k.url, invitations(party), { token: T.partyAdmin })).items.filter((i) => i.email === email);
    assert.equal(list.length, 1);
  });

  test('withdrawn: gone from the list, the code refused; a second withdrawal is 404', async () => {
    const email = `ingetrokken-${uniq()}@elders.example`;
    const inv = await invite(party, email);
    const { code } = await mailTo(email);
    assertProblem(await call(k.url, `${invitations(party)}/${inv.id}`, { method: 'DELETE', token: T.member }), 403);
    assert.equal((await call(k.url, `${invitations(party)}/${inv.id}`, { method: 'DELETE', token: T.partyAdmin })).status, 204);
    assertProblem(await call(k.url, `${invitations(party)}/${inv.id}`, { method: 'DELETE', token: T.partyAdmin }), 404);
    assertProblem(await call(k.url, `${invitations(party)}/${inv.id}`, { token: T.partyAdmin }), 404);
    assertProblem(await call(k.url, '/api/v1/invitation-acceptances', { method: 'POST', token: T.dan, body: { code } }), 410);
    const e = assertOk(await call(k.url, `/api/v1/activity?objectId=${party}&limit=1`, { token: T.admin })).items[0];
    assert.deepEqual([e.action, e.subjectId, e.detail], ['withdraw_invitation', inv.id, null]);
  });

  test('expired: the page says so (410), acceptance is refused, and it is no longer listed', async () => {
    const email = `verlopen-${uniq()}@elders.example`;
    const inv = await invite(party, email);
    const { code } = await mailTo(email);
    sql(`UPDATE invitations SET expires_at = '2020-01-01T00:00:00Z' WHERE id = '${inv.id}'`);
    const page = await new Browser(k.url).request(`/uitnodigingen/${code}`);
    assert.equal(page.status, 410);
    assert.match(page.text, /nieuwe uitnodiging/);
    assertProblem(await call(k.url, '/api/v1/invitation-acceptances', { method: 'POST', token: T.dan, body: { code } }), 410);
    const list = assertOk(await call(k.url, invitations(party), { token: T.partyAdmin })).items;
    assert.ok(!list.some((i) => i.id === inv.id));
  });

  test('bad input is listed in invalidParams', async () => {
    const b = assertInvalid(await call(k.url, invitations(party), {
      method: 'POST', token: T.partyAdmin, body: { email: 'geen-adres', role: 'koning', colour: 'red', id: 'x' },
    }), ['email', 'role', 'colour', 'id']);
    void b;
    assertInvalid(await call(k.url, invitations(party), { method: 'POST', token: T.partyAdmin, body: {} }), ['email', 'role']);
    assertInvalid(await call(k.url, invitations(party), {
      method: 'POST', token: T.partyAdmin, body: { email: PEOPLE.member.email, role: 'member' },
    }), ['email']);
    assertInvalid(await call(k.url, '/api/v1/invitation-acceptances', { method: 'POST', token: T.dan, body: {} }), ['code']);
    assertProblem(await call(k.url, '/api/v1/invitation-acceptances', { method: 'POST', token: T.dan, body: { code: 'x'.repeat(43) } }), 410);
  });

  test('who may: party admins, coordinators and admins; members and outsiders 403, anonymous 401', async () => {
    const email = `wie-${uniq()}@elders.example`;
    const body = { email, role: 'member' };
    assertProblem(await call(k.url, invitations(party), { method: 'POST', body }), 401);
    assertProblem(await call(k.url, invitations(party), { method: 'POST', token: T.member, body }), 403);
    assertProblem(await call(k.url, invitations(party), { method: 'POST', token: T.outsider, body }), 403);
    assertProblem(await call(k.url, invitations(party), { method: 'POST', token: T.otherCoordinator, body }), 403);
    assertProblem(await call(k.url, invitations(party), {}), 401);
    assertProblem(await call(k.url, invitations(party), { token: T.member }), 403);
    assertProblem(await call(k.url, invitations(party), { token: T.outsider }), 403);
    assertOk(await call(k.url, invitations(party), { method: 'POST', token: T.coordinator, body }), 201);
    assertOk(await call(k.url, invitations(party), { method: 'POST', token: T.admin, body }), 201);
    assert.equal(mailCount(email), 2);
  });
});

describe('the pages', () => {
  test('the add form adds an account holder at once and invites anyone else; pending invitations are listed and withdrawn', async () => {
    const alice = await login('partyAdmin');
    const email = `per-formulier-${uniq()}@elders.example`;
    let r = await alice.post(`/partijen/${party}/leden`, { email, role: 'member' });
    assert.equal(r.status, 303);
    assert.match(r.location, /uitgenodigd=1/);
    let page = await alice.request(r.location);
    assert.match(page.text, /uitnodiging is verstuurd/);
    assert.ok(page.text.includes(email), 'the pending invitation is listed');
    assert.ok((await mailTo(email)).code);
    const id = sql(`SELECT id FROM invitations WHERE email = '${email}'`);
    r = await alice.post(`/partijen/${party}/uitnodigingen/${id}/intrekken`);
    assert.equal(r.status, 303);
    assert.match(r.location, /ingetrokken=1/);
    page = await alice.request(r.location);
    assert.ok(!page.text.includes(email), 'withdrawn: no longer listed');
    assert.equal(sql(`SELECT count(*) FROM invitations WHERE email = '${email}'`), '0');
    // bad input: beside the field, as typed
    r = await alice.post(`/partijen/${party}/leden`, { email: 'geen adres', role: 'member' });
    assert.equal(r.status, 400);
    assert.match(r.text, /value="geen adres"/);
    // someone with an account is added at once, as before
    r = await alice.post(`/partijen/${party}/leden`, { email: PEOPLE.outsider.email, role: 'member' });
    assert.match(r.location, /toegevoegd=1/);
    assert.equal(await roleIn(party, 'outsider'), 'member');
    await call(k.url, `/api/v1/parties/${party}/members/${ID.outsider}`, { method: 'DELETE', token: T.partyAdmin });
    // a member sees no invitations and cannot withdraw
    const bob = await login('member');
    page = await bob.request(`/partijen/${party}/leden`);
    assert.equal(page.status, 200);
    assert.ok(!/id="invitations-title"/.test(page.text));
  });

  test('the invitation page: logged out it links to log in and register; logged in it accepts', async () => {
    await invite(party, PEOPLE.dan.email, 'member');
    const { code } = await mailTo(PEOPLE.dan.email);
    const anon = await new Browser(k.url).request(`/uitnodigingen/${code}`);
    assert.equal(anon.status, 200);
    assert.match(anon.text, /Buurtkeuken De Uitnodiging/);
    assert.match(anon.text, /Alice de Vries/);
    assert.ok(anon.text.includes(`/inloggen?next=%2Fuitnodigingen%2F${code}`), 'a link to log in and come back');
    assert.ok(anon.text.includes(`/registreren?email=dan%40uitnodiging.example&amp;next=%2Fuitnodigingen%2F${code}`), 'a link to register');
    assert.ok(!anon.text.includes('/aannemen'), 'no accept button logged out');
    // a post from someone logged out goes to the login first, and uses nothing
    const stranger = new Browser(k.url);
    const r0 = await stranger.post(`/uitnodigingen/${code}/aannemen`);
    assert.equal(r0.status, 303);
    assert.match(r0.location, /^\/inloggen\?next=/);
    const dan = await login('dan');
    const page = await dan.request(`/uitnodigingen/${code}`);
    assert.match(page.text, /action="\/uitnodigingen\/[^"]+\/aannemen"/);
    assert.match(page.text, /action="\/uitnodigingen\/[^"]+\/afslaan"/);
    const r = await dan.post(`/uitnodigingen/${code}/aannemen`);
    assert.equal(r.status, 303);
    assert.equal(r.location, `/partijen/${party}/leden?aangenomen=1`);
    assert.equal(await roleIn(party, 'dan'), 'member');
    assert.match((await dan.request(r.location)).text, /Welkom bij de partij/);
    const again = await dan.post(`/uitnodigingen/${code}/aannemen`);
    assert.equal(again.status, 410);
    await call(k.url, `/api/v1/parties/${party}/members/${ID.dan}`, { method: 'DELETE', token: T.dan });
  });

  test('declining deletes the invitation and changes nothing else', async () => {
    await invite(party, PEOPLE.dan.email, 'admin');
    const { code } = await mailTo(PEOPLE.dan.email);
    const dan = await login('dan');
    const r = await dan.post(`/uitnodigingen/${code}/afslaan`);
    assert.equal(r.status, 200);
    assert.match(r.text, /afgeslagen/);
    assert.equal(await roleIn(party, 'dan'), null);
    assert.equal(sql(`SELECT count(*) FROM invitations WHERE email = '${PEOPLE.dan.email}'`), '0');
    assert.equal((await dan.request(`/uitnodigingen/${code}`)).status, 410);
    const e = assertOk(await call(k.url, `/api/v1/activity?objectId=${party}&limit=1`, { token: T.admin })).items[0];
    assert.deepEqual([e.action, e.actorId], ['decline_invitation', ID.dan]);
  });
});

describe('privacy', () => {
  test('erasure removes invitations to the address; those the erased person sent stay, from no one', async () => {
    const zed = { email: `zed-${uniq()}@uitnodiging.example`, name: 'Zed Wisser' };
    // a party Zed admins, to send from
    const made = await startZed(zed);
    const sent = `van-zed-${uniq()}@elders.example`;
    const fromZed = assertOk(await call(k.url, invitations(made.party), { method: 'POST', token: made.token, body: { email: sent, role: 'member' } }), 201);
    await invite(party, zed.email, 'member');
    const exp = assertOk(await call(k.url, '/api/v1/users/me/export', { token: made.token }));
    assert.ok(exp.invitationsReceived.some((i) => i.email === zed.email && i.partyId === party));
    assert.ok(exp.invitationsSent.some((i) => i.id === fromZed.id && i.email === sent));
    assert.equal((await call(k.url, '/api/v1/users/me', { method: 'DELETE', token: made.token })).status, 204);
    assert.equal(sql(`SELECT count(*) FROM invitations WHERE email = '${zed.email}'`), '0');
    assert.equal(sql(`SELECT count(*) FROM invitations WHERE id = '${fromZed.id}' AND invited_by IS NULL`), '1');
    const list = assertOk(await call(k.url, invitations(made.party), { token: T.admin })).items;
    const still = list.find((i) => i.id === fromZed.id);
    assert.equal(still.invitedBy, null);
    assert.equal(still.invitedByName, null);
  });
});

// An account made over the CLI while the server runs, with a token and a
// party of its own (so that its erasure leaves the party an admin: Ada).
async function startZed(zed) {
  const { kiem } = await import('../lib/kiem.mjs');
  const add = kiem(['user', 'add', '--email', zed.email, '--name', zed.name, '--db', k.db], { input: `${PASSWORD}\n` });
  assert.equal(add.status, 0, add.stderr);
  const t = kiem(['token', 'create', '--email', zed.email, '--db', k.db]);
  assert.equal(t.status, 0, t.stderr);
  const token = t.stdout.trim();
  const p = assertOk(await call(k.url, '/api/v1/parties', { method: 'POST', token, body: partyBody({ name: `Zeds partij ${uniq()}` }) }), 201).id;
  assertOk(await call(k.url, `/api/v1/parties/${p}/members`, { method: 'POST', token, body: { email: PEOPLE.admin.email, role: 'admin' } }), 201);
  return { token, party: p };
}

describe('the activity log says whom and what', () => {
  test('add, change and remove carry the member as subject and the role as detail', async () => {
    assertOk(await call(k.url, `/api/v1/parties/${party}/members`, {
      method: 'POST', token: T.partyAdmin, body: { email: PEOPLE.outsider.email, role: 'member' },
    }), 201);
    assertOk(await call(k.url, `/api/v1/parties/${party}/members/${ID.outsider}`, { method: 'PATCH', token: T.partyAdmin, body: { role: 'admin' } }));
    assert.equal((await call(k.url, `/api/v1/parties/${party}/members/${ID.outsider}`, { method: 'DELETE', token: T.partyAdmin })).status, 204);
    const log = assertOk(await call(k.url, `/api/v1/activity?objectId=${party}&limit=3`, { token: T.admin })).items;
    assert.deepEqual(log.map((e) => [e.action, e.subjectId, e.subjectName, e.detail]), [
      ['remove_member', ID.outsider, PEOPLE.outsider.name, null],
      ['change_member', ID.outsider, PEOPLE.outsider.name, 'admin'],
      ['add_member', ID.outsider, PEOPLE.outsider.name, 'member'],
    ]);
    // the page shows them
    const ada = await login('admin');
    const page = await ada.request('/beheer/activiteit');
    assert.equal(page.status, 200);
    assert.match(page.text, /Over wie/);
    assert.ok(page.text.includes(PEOPLE.outsider.name));
    assert.match(page.text, /rol: Beheerder/);
  });

  test('a coordinator reads the entries of the parties in their areas, and not others\'', async () => {
    const mine = assertOk(await call(k.url, '/api/v1/activity?limit=100', { token: T.coordinator })).items;
    assert.ok(mine.length > 0);
    assert.ok(mine.some((e) => e.objectId === party));
    // of parties, and of the issues, signals, factors and what belongs to the
    // initiatives, coalitions and events (issue 11) in their areas; never of accounts
    const kinds = ['party', 'issue', 'signal', 'factor', 'initiative', 'partner', 'intrapreneur_hours', 'coalition', 'tie',
      'event', 'milestone', 'outcome', 'measurement', 'lesson'];
    assert.ok(mine.every((e) => kinds.includes(e.objectType)), mine.map((e) => e.objectType).join(' '));
    assert.ok(!mine.some((e) => e.objectId === otherParty));
    const theirs = assertOk(await call(k.url, '/api/v1/activity?limit=100', { token: T.otherCoordinator })).items;
    assert.ok(theirs.some((e) => e.objectId === otherParty));
    assert.ok(!theirs.some((e) => e.objectId === party));
    // filtering by another area's party finds nothing
    assert.deepEqual(assertOk(await call(k.url, `/api/v1/activity?objectId=${otherParty}`, { token: T.coordinator })).items, []);
    // the page too, and the menu offers it
    const cora = await login('coordinator');
    const page = await cora.request('/beheer/activiteit');
    assert.equal(page.status, 200);
    assert.match(page.text, /href="\/beheer\/activiteit"/);
    assert.ok(page.text.includes('Buurtkeuken De Uitnodiging'));
    assert.ok(!page.text.includes('Andere Wijkpartij'));
    // invitations are named as such, never by their address
    assert.match(page.text, /een uitnodiging \(rol: (Lid|Beheerder)\)/);
    assert.ok(!/@elders\.example|@uitnodiging\.example/.test(page.text), 'no email address on the activity page');
    // others still may not
    assertProblem(await call(k.url, '/api/v1/activity', { token: T.member }), 403);
    assertProblem(await call(k.url, '/api/v1/activity'), 401);
  });
});
