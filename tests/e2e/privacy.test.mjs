// A person's own data: GET /api/v1/users/me/export and /account/gegevens
// download it, DELETE /api/v1/users/me and the erase form on /account erase
// the account. After an erasure the person's name and email are nowhere in
// the database file or its write-ahead log, what they made stays without
// their name, and the activity log has the erase entry. No live code (an
// invitation, a reset link, a session, a token) is ever readable there.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { startKiem, kiem, sql, databaseFiles, databaseBytes, ENGINE } from '../lib/kiem.mjs';
import { USERS, ADMIN, ALICE, BOB, call, assertOk, assertProblem, partyBody, Browser } from './helpers.mjs';

const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const ERASED_EMAIL = /^erased-[0-9a-f-]{36}@invalid$/;
const ERASED_NAME = 'Verwijderde gebruiker';

// Logs in on the page as a browser would; returns the cookie jar (a Map).
async function login(url, email, password) {
  const form = await fetch(`${url}/inloggen`, { redirect: 'manual' });
  const jar = new Map();
  keep(jar, form);
  const csrf = csrfOf(await form.text());
  const res = await fetch(`${url}/inloggen`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie(jar) },
    body: new URLSearchParams({ _csrf: csrf, email, password, next: '/account' }).toString(),
  });
  keep(jar, res);
  return { status: res.status, jar };
}

function keep(jar, res) {
  for (const line of res.headers.getSetCookie()) {
    const [nv, ...attrs] = line.split(';').map((s) => s.trim());
    const [name, value] = [nv.slice(0, nv.indexOf('=')), nv.slice(nv.indexOf('=') + 1)];
    if (!value || attrs.some((a) => /^max-age=(0|-)/i.test(a))) jar.delete(name);
    else jar.set(name, value);
  }
}

const cookie = (jar) => [...jar].map(([n, v]) => `${n}=${v}`).join('; ');

function csrfOf(html) {
  const m = /<input type="hidden" name="_csrf" value="([^"]*)">/.exec(html);
  assert.ok(m, 'no form with a _csrf field');
  return m[1];
}

async function page(url, jar, path, { form } = {}) {
  const init = { redirect: 'manual', headers: { Cookie: cookie(jar) } };
  if (form) {
    init.method = 'POST';
    init.headers['Content-Type'] = 'application/x-www-form-urlencoded';
    init.body = new URLSearchParams(form).toString();
  }
  const res = await fetch(url + path, init);
  keep(jar, res);
  return { status: res.status, headers: res.headers, text: await res.text(), location: res.headers.get('location') };
}

// The raw bytes of the database's files (on SQLite the file and its
// write-ahead log, on PostgreSQL its directory: tests/lib/kiem.mjs) hold
// none of the texts, in any case.
function assertGone(db, texts) {
  for (const file of databaseFiles(db)) {
    let bytes;
    try { bytes = readFileSync(file).toString('latin1').toLowerCase(); } catch { continue; } // gone meanwhile
    for (const t of texts)
      assert.equal(bytes.indexOf(Buffer.from(t.toLowerCase(), 'utf8').toString('latin1')), -1,
        `"${t}" is still in ${file}`);
  }
}

const inFiles = (db, text) => databaseBytes(db).includes(Buffer.from(text, 'utf8').toString('latin1'));

describe('no live code and nothing of an erased person in the files', () => {
  const QUIRIJN = { email: 'quirijn.vlamboog@voorbeeld.example', name: 'Quirijn Vlamboog', password: 'quirijn-wachtwoord-88' };
  const DORA = 'dorothea.genodigd@voorbeeld.example'; // invited; no account
  let k;
  before(async () => { k = await startKiem({ demo: false, users: [...USERS, QUIRIJN] }); });
  after(async () => { await k?.stop(); });

  const sentAt = (to) => sql(k.db, `SELECT sent_at FROM outbox WHERE recipient = '${to}' ORDER BY seq DESC LIMIT 1`);

  test('invitation, reset and confirmation codes, sessions and tokens: never in the files; the inviter: gone at erasure', async () => {
    const token = k.tokens[QUIRIJN.email];
    const party = assertOk(await call(k.url, '/api/v1/parties', {
      method: 'POST', token, body: partyBody({ name: 'Fietsenmakers Zuid' }),
    }), 201);
    // Quirijn invites Dora: the mail holds his name and a code that works
    // 14 days; Bob asks for a new password: a code that works an hour
    assertOk(await call(k.url, `/api/v1/parties/${party.id}/invitations`, {
      method: 'POST', token, body: { email: DORA, role: 'member' },
    }), 201);
    assert.equal((await call(k.url, '/api/v1/password-reset-requests', { method: 'POST', body: { email: BOB } })).status, 202);
    // and Eva registers: a code that confirms her address
    const EVA = 'eva.nieuwkomer@voorbeeld.example';
    assert.equal((await call(k.url, '/api/v1/registrations', {
      method: 'POST', body: { name: 'Eva Nieuwkomer', email: EVA, password: 'eva kiest een lange zin' },
    })).status, 202);
    const queued = databaseBytes(k.db); // most likely before the worker sends them
    const invitation = await k.mail(DORA);
    const code = /\/uitnodigingen\/([A-Za-z0-9_-]{43})\b/.exec(invitation.body)?.[1];
    assert.ok(code, invitation.body);
    assert.match(invitation.body, /Quirijn Vlamboog nodigt je uit/);
    const reset = /\/wachtwoord-herstellen\?code=([A-Za-z0-9_-]{43})\b/.exec((await k.mail(BOB)).body)?.[1];
    assert.ok(reset);
    const confirm = /\/bevestigen\?code=([A-Za-z0-9_-]{43})\b/.exec((await k.mail(EVA)).body)?.[1];
    assert.ok(confirm);
    // both work
    const b = new Browser(k.url);
    assert.equal((await b.request(`/uitnodigingen/${code}`)).status, 200);
    assert.equal((await b.request(`/wachtwoord-herstellen?code=${reset}`)).status, 200);
    // a session and a second token of Quirijn's
    const login = await b.post('/inloggen', { email: QUIRIJN.email, password: QUIRIJN.password, next: '/account' });
    assert.equal(login.status, 303);
    const session = b.jar.get('kiem_session');
    assert.ok(session);
    const second = assertOk(await call(k.url, '/api/v1/tokens', { method: 'POST', token, body: { name: 'script' } }), 201).token;

    // the mail is sent (its row emptied): no code was in the files while it
    // waited, nor is one now; sessions and tokens are there as hashes only
    for (const to of [DORA, BOB, EVA]) {
      for (let i = 0; !sentAt(to); i++) {
        assert.ok(i < 100, `the mail to ${to} was not marked sent`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    for (const secret of [code, reset, confirm]) assert.equal(queued.indexOf(secret), -1, 'a code in the files while its mail waited');
    for (const secret of [code, reset, confirm, session, token, second]) assert.ok(!inFiles(k.db, secret), `a live secret in the files: ${secret}`);
    // the control: what the test looks for is in the files while it is there
    assert.ok(inFiles(k.db, QUIRIJN.name) && inFiles(k.db, QUIRIJN.email) && inFiles(k.db, 'Fietsenmakers Zuid'));

    // the erasure: Quirijn is gone from the files; Dora's invitation (his
    // name in its mail) still works, and its code is not in them either
    const erased = await call(k.url, '/api/v1/users/me', { method: 'DELETE', token });
    assert.equal(erased.status, 204, erased.text);
    assert.equal((await b.request(`/uitnodigingen/${code}`)).status, 200, 'the invitation still works');
    const gone = [QUIRIJN.name, QUIRIJN.email, 'Vlamboog', 'quirijn.vlamboog', code, reset, confirm, session];
    assertGone(k.db, gone);
    assert.ok(inFiles(k.db, 'Fietsenmakers Zuid'), 'what he made stays');
    // and after the checkpoint of a stop
    await k.stop({ keep: true });
    assertGone(k.db, gone);
    // SQLite's log is emptied; PostgreSQL's (pg_wal) is the server's, which
    // recycles it in its own time (databaseFiles)
    if (ENGINE === 'sqlite') assert.ok(!existsSync(`${k.db}-wal`) || readFileSync(`${k.db}-wal`).length === 0);
    rmSync(k.dir, { recursive: true, force: true });
    k = null;
  });
});

describe('export and erasure through the API', () => {
  const ZED = { email: 'zephyrine.quokkaberg@voorbeeld.example', name: 'Zephyrine Quokkaberg', password: 'zephyrine-wachtwoord-77' };
  let k;
  let T;
  let zedId;
  let made;
  let joined;
  let secondToken;
  let session;
  let zedSignal;
  let issue;
  let factor;
  let initiative; // issue 11: an initiative of Zed's party, with results Zed recorded
  let outcome;
  before(async () => {
    k = await startKiem({ demo: false, users: [...USERS, ZED] });
    T = { admin: k.tokens[ADMIN], alice: k.tokens[ALICE], zed: k.tokens[ZED.email] };
    zedId = assertOk(await call(k.url, '/api/v1/users/me', { token: T.zed })).id;
    made = assertOk(await call(k.url, '/api/v1/parties', {
      method: 'POST', token: T.zed, body: partyBody({ name: 'Buurtmoestuin Oost', description: 'Groente voor de wijk.' }),
    }), 201);
    joined = assertOk(await call(k.url, '/api/v1/parties', {
      method: 'POST', token: T.alice, body: partyBody({ name: 'Repaircafé Noord' }),
    }), 201);
    assertOk(await call(k.url, `/api/v1/parties/${joined.id}/members`, {
      method: 'POST', token: T.alice, body: { email: ZED.email, role: 'member' },
    }), 201);
    const l = await login(k.url, ZED.email, ZED.password);
    assert.equal(l.status, 303);
    session = l.jar;
    secondToken = assertOk(await call(k.url, '/api/v1/tokens', { method: 'POST', token: T.zed, body: { name: 'mijn script' } }), 201).token;
    // a signal Zed reports for the party made (signals part of issue 4)
    assertOk(await call(k.url, '/api/v1/areas', { method: 'POST', token: T.admin, body: { code: 'NL01', name: 'Nederland', level: 'country' } }), 201);
    zedSignal = assertOk(await call(k.url, '/api/v1/signals', {
      method: 'POST', token: T.zed, body: { kind: 'gap', title: 'Geen moestuin voor kinderen', description: 'Kinderen leren niet waar groente vandaan komt.', area: 'NL01', party: made.id },
    }), 201);
    // issue 4, factors and the role ledger: an issue of Zed's party, with a
    // factor Zed records and a role Zed takes for the party
    assertOk(await call(k.url, '/api/v1/areas', { method: 'POST', token: T.admin, body: { code: 'XP', name: 'Privacyland', level: 'country', parent: null } }), 201);
    issue = assertOk(await call(k.url, '/api/v1/issues', {
      method: 'POST', token: T.zed, body: { title: 'Te weinig moestuinen', summary: 'Er is weinig grond.', area: 'XP', ownerParty: made.id },
    }), 201);
    factor = assertOk(await call(k.url, `/api/v1/issues/${issue.id}/factors`, {
      method: 'POST', token: T.zed, body: { kind: 'economic', effect: 'hindering', description: 'Grond is duur.' },
    }), 201);
    assertOk(await call(k.url, `/api/v1/issues/${issue.id}/role-ledger`, {
      method: 'POST', token: T.zed, body: { role: 'pioneer_in_practice', party: made.id, note: 'Wij beginnen klein.' },
    }), 201);
    // issue 11, results: an initiative of Zed's party, with a milestone, an
    // outcome with a measurement and a lesson that Zed records
    initiative = assertOk(await call(k.url, '/api/v1/initiatives', {
      method: 'POST', token: T.zed, body: { title: 'Moestuin bij school', summary: 'Kinderen tuinieren.', type: 'collaboration', leadParty: made.id, area: 'XP', participationLevel: 'co_producing' },
    }), 201);
    const res = `/api/v1/initiatives/${initiative.id}`;
    assertOk(await call(k.url, `${res}/milestones`, { method: 'POST', token: T.zed, body: { title: 'Eerste oogst', due: '2027-06-01' } }), 201);
    outcome = assertOk(await call(k.url, `${res}/outcomes`, { method: 'POST', token: T.zed, body: { indicator: 'Kilo groente', unit: 'kg' } }), 201);
    assertOk(await call(k.url, `${res}/outcomes/${outcome.id}/measurements`, { method: 'POST', token: T.zed, body: { measuredOn: '2026-01-05', value: 4, note: 'Gewogen' } }), 201);
    assertOk(await call(k.url, `${res}/lessons`, { method: 'POST', token: T.zed, body: { body: 'Kinderen helpen graag mee.', workingElements: ['co_creation'] } }), 201);
    // mail to Zed in the outbox: in the export, and gone with the account
    const m = kiem(['mail', 'test', '--to', ZED.email, '--db', k.db]);
    assert.equal(m.status, 0, m.stderr);
  });
  after(async () => { await k?.stop(); });

  test('the export: every section, as an attachment, without secrets', async () => {
    const res = await call(k.url, '/api/v1/users/me/export', { token: T.zed });
    const b = assertOk(res);
    assert.match(res.headers.get('content-disposition'), /^attachment; filename="kiem-export-\d{4}-\d\d-\d\d\.json"$/);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.deepEqual(Object.keys(b).sort(),
      ['account', 'accountRequests', 'activity', 'coalitionsCreated', 'comments', // issue 11, coalitions
        'coordinatorAreas', 'emailLinks', 'exportedAt', 'factorsCreated', 'follows',
        'eventRegistrations', 'eventsCreated', // issue 11, events
        'initiativeInterest', 'initiativesCreated', 'initiativesFollowed', // issue 11, initiatives
        'intrapreneurHours', 'partnersAdded', // issue 11, partners
        'invitationsReceived', 'invitationsSent', 'issueStatusChanges', 'issuesCreated',
        'lessonsWritten', 'measurementsCreated', 'milestonesCreated', 'outcomesCreated', // issue 11, results
        'mail', 'memberships', 'notifications', 'partiesCreated', 'partiesVerified', 'rolesTaken', 'sessions', 'signalDecisions', 'signals',
        'stageDecisions', 'supports', 'tiesCreated', 'tokens'].sort());
    // issue 11, results: what Zed recorded on the initiative of Zed's party
    assert.deepEqual(b.milestonesCreated.map((m) => [m.initiativeId, m.title]), [[initiative.id, 'Eerste oogst']]);
    assert.deepEqual(b.outcomesCreated.map((o) => [o.initiativeId, o.indicator]), [[initiative.id, 'Kilo groente']]);
    assert.deepEqual(b.measurementsCreated.map((m) => [m.outcomeId, m.note]), [[outcome.id, 'Gewogen']]);
    assert.deepEqual(b.lessonsWritten.map((l) => [l.initiativeId, l.body]), [[initiative.id, 'Kinderen helpen graag mee.']]);
    // issue 11, partners and intrapreneurship: Zed added none and has no hours
    assert.deepEqual(b.partnersAdded, []);
    assert.deepEqual(b.intrapreneurHours, []);
    assert.deepEqual(b.accountRequests, []);
    assert.deepEqual(b.partiesVerified, []);
    assert.deepEqual(b.signals.map((x) => [x.id, x.title, x.kind, x.status]), [[zedSignal.id, 'Geen moestuin voor kinderen', 'gap', 'open']]);
    assert.deepEqual(b.signalDecisions, []);
    assert.deepEqual(b.invitationsReceived, []);
    // issue 4, factors and the role ledger
    assert.deepEqual(b.factorsCreated.map((f) => [f.id, f.issueId, f.issueTitle, f.kind, f.effect, f.description]),
      [[factor.id, issue.id, 'Te weinig moestuinen', 'economic', 'hindering', 'Grond is duur.']]);
    assert.deepEqual(b.rolesTaken.map((r) => [r.issueId, r.issueTitle, r.role, r.partyId, r.partyName, r.note]),
      [[issue.id, 'Te weinig moestuinen', 'pioneer_in_practice', made.id, 'Buurtmoestuin Oost', 'Wij beginnen klein.']]);
    assert.deepEqual(b.invitationsSent, []);
    assert.match(b.exportedAt, TIME);
    assert.deepEqual(b.account, {
      id: zedId, name: ZED.name, email: ZED.email, role: 'user', createdAt: b.account.createdAt, blocked: false, blockedAt: null,
      lastActiveAt: b.account.lastActiveAt, inactivityWarnedAt: null,
      emailConfirmedAt: b.account.createdAt, lang: 'nl', digest: false,
    });
    assert.match(b.account.lastActiveAt, TIME);
    assert.deepEqual(b.emailLinks, []);
    assert.match(b.account.createdAt, TIME);
    assert.deepEqual(b.memberships.map((m) => [m.partyId, m.partyName, m.role]),
      [[made.id, 'Buurtmoestuin Oost', 'admin'], [joined.id, 'Repaircafé Noord', 'member']]);
    for (const m of b.memberships) assert.match(m.since, TIME);
    assert.deepEqual(b.partiesCreated.map((p) => [p.id, p.name]), [[made.id, 'Buurtmoestuin Oost']]);
    assert.equal(b.sessions.length, 1);
    assert.deepEqual(Object.keys(b.sessions[0]).sort(), ['createdAt', 'expiresAt', 'lastSeenAt']);
    assert.equal(b.tokens.length, 2);
    assert.ok(b.tokens.some((t) => t.name === 'mijn script'));
    for (const t of b.tokens) assert.deepEqual(Object.keys(t).sort(), ['createdAt', 'id', 'lastUsedAt', 'name']);
    assert.deepEqual(b.coordinatorAreas, []);
    assert.equal(b.mail.length, 1);
    assert.deepEqual(Object.keys(b.mail[0]).sort(), ['createdAt', 'failedAt', 'recipient', 'sentAt', 'subject'], 'never the text');
    assert.equal(b.mail[0].recipient, ZED.email);
    assert.equal(b.mail[0].subject, 'kiem: testbericht / test message');
    assert.match(b.mail[0].createdAt, TIME);
    // the account's creation (object), the party made (actor), and Alice
    // adding Zed to her party (Zed is its subject)
    assert.ok(b.activity.some((e) => e.action === 'create' && e.objectType === 'user' && e.objectId === zedId));
    assert.ok(b.activity.some((e) => e.action === 'create' && e.objectType === 'party' && e.objectId === made.id && e.actorId === zedId));
    assert.ok(b.activity.some((e) => e.action === 'add_member' && e.objectId === joined.id && e.subjectId === zedId && e.detail === 'member'));
    for (const e of b.activity) {
      assert.deepEqual(Object.keys(e).sort(), ['action', 'actorId', 'at', 'detail', 'fields', 'id', 'objectId', 'objectType', 'subjectId']);
      assert.ok(Array.isArray(e.fields));
      assert.ok(e.actorId === zedId || (e.objectType === 'user' && e.objectId === zedId) || e.subjectId === zedId);
    }
    // no secret and no hash of one
    for (const secret of [T.zed, secondToken, session.get('kiem_session')]) assert.ok(!res.text.includes(secret));
    assert.doesNotMatch(res.text, /argon2|[0-9a-f]{64}/i);
    const keys = (v) => (v && typeof v === 'object' ? Object.entries(v).flatMap(([kk, vv]) => [kk, ...keys(vv)]) : []);
    for (const key of keys(b)) assert.doesNotMatch(key, /hash|secret|password|^token$/i);
  });

  test('export and erasure need a caller: 401', async () => {
    assertProblem(await call(k.url, '/api/v1/users/me/export'), 401);
    assertProblem(await call(k.url, '/api/v1/users/me', { method: 'DELETE' }), 401);
    assertProblem(await call(k.url, '/api/v1/users/me/export?x=1', { token: T.zed }), 400);
  });

  test('the last platform admin cannot erase their account: 409', async () => {
    assertProblem(await call(k.url, '/api/v1/users/me', { method: 'DELETE', token: T.admin }), 409);
    assertOk(await call(k.url, '/api/v1/users/me', { token: T.admin }));
  });

  test('erasure: 204, the tokens and the session stop, the name and email are nowhere in the file', async () => {
    // the planner's statistics, as the database gathers them by itself
    // (PostgreSQL's autovacuum), keep sample values of the columns: the
    // erasure leaves none of Zed's there either
    sql(k.db, 'ANALYZE');
    const res = await call(k.url, '/api/v1/users/me', { method: 'DELETE', token: T.zed });
    assert.equal(res.status, 204, res.text);
    assert.equal(res.text, '');
    assertProblem(await call(k.url, '/api/v1/users/me', { token: T.zed }), 401);
    assertProblem(await call(k.url, '/api/v1/users/me', { token: secondToken }), 401);
    const acc = await page(k.url, session, '/account');
    assert.equal(acc.status, 303, 'the session still opens /account');
    assert.notEqual((await login(k.url, ZED.email, ZED.password)).status, 303, 'the old password still logs in');

    // what they made stays, without their name; its members are gone
    const p = assertOk(await call(k.url, `/api/v1/parties/${made.id}`));
    assert.equal(p.name, 'Buurtmoestuin Oost');
    assert.ok(!JSON.stringify(p).includes('Quokkaberg'));
    const members = assertOk(await call(k.url, `/api/v1/parties/${made.id}/members`, { token: T.admin }));
    assert.deepEqual(members.items, []);
    const others = assertOk(await call(k.url, `/api/v1/parties/${joined.id}/members`, { token: T.alice }));
    assert.ok(!others.items.some((m) => m.userId === zedId));

    // the signal Zed reported stays, without the name
    const sig = assertOk(await call(k.url, `/api/v1/signals/${zedSignal.id}`, { token: T.admin }));
    assert.equal(sig.title, 'Geen moestuin voor kinderen');
    assert.equal(sig.reporter, zedId);
    assert.equal(sig.reporterName, ERASED_NAME);

    // the account stays as an anonymous row, blocked
    const u = assertOk(await call(k.url, `/api/v1/users/${zedId}`, { token: T.admin }));
    assert.equal(u.name, ERASED_NAME);
    assert.match(u.email, ERASED_EMAIL);
    assert.equal(u.blocked, true);
    assert.deepEqual(assertOk(await call(k.url, '/api/v1/users?q=quokka', { token: T.admin })).items, []);

    // the audit trail records it, without personal data
    const log = assertOk(await call(k.url, `/api/v1/activity?objectType=user&objectId=${zedId}`, { token: T.admin }));
    const erase = log.items[0];
    assert.equal(erase.action, 'erase');
    assert.equal(erase.actorId, zedId);
    assert.equal(erase.actorName, ERASED_NAME);
    assert.deepEqual(erase.fields, []);
    const left = assertOk(await call(k.url, `/api/v1/activity?objectId=${joined.id}&actor=${zedId}`, { token: T.admin }));
    assert.deepEqual(left.items.map((e) => e.action), ['remove_member']);
    const all = assertOk(await call(k.url, '/api/v1/activity?limit=100', { token: T.admin }));
    assert.ok(!JSON.stringify(all).includes('Quokkaberg'));

    // issue 4, factors and the role ledger: what they recorded stays,
    // without their name
    const f = assertOk(await call(k.url, `/api/v1/issues/${issue.id}/factors`));
    assert.deepEqual(f.items.map((x) => x.description), ['Grond is duur.']);
    const l = assertOk(await call(k.url, `/api/v1/issues/${issue.id}/role-ledger`));
    assert.deepEqual(l.roles.find((r) => r.role === 'pioneer_in_practice').parties.map((p) => p.note), ['Wij beginnen klein.']);
    assert.ok(!JSON.stringify([f, l]).includes('Quokkaberg'));
    // issue 11, results: they stay, without who recorded them
    const lessons = assertOk(await call(k.url, `/api/v1/initiatives/${initiative.id}/lessons`));
    assert.deepEqual(lessons.items.map((x) => [x.body, x.partyName]), [['Kinderen helpen graag mee.', 'Buurtmoestuin Oost']]);
    assert.equal(sql(k.db, `SELECT count(*) FROM lessons WHERE author_id IS NOT NULL`), '0');
    assert.equal(sql(k.db, `SELECT count(*) FROM milestones WHERE created_by IS NOT NULL`), '0');

    // with the server still running: the checkpoint emptied the log
    assertGone(k.db, [ZED.name, ZED.email, 'Quokkaberg', 'zephyrine.quokka']);
    await k.stop({ keep: true });
    assertGone(k.db, [ZED.name, ZED.email, 'Quokkaberg', 'zephyrine.quokka']);
    assert.ok(inFiles(k.db, 'Buurtmoestuin Oost'), 'the party they made is still in the file');
  });
});

describe('export and erasure on /account', () => {
  const BART = { email: 'bartholomeus.xylofoon@voorbeeld.example', name: 'Bartholomeus Xylofoon', password: 'bartholomeus-wachtwoord-3' };
  let k;
  let jar;
  let bartId;
  before(async () => {
    k = await startKiem({ demo: false, users: [...USERS, BART] });
    bartId = assertOk(await call(k.url, '/api/v1/users/me', { token: k.tokens[BART.email] })).id;
    assertOk(await call(k.url, '/api/v1/parties', {
      method: 'POST', token: k.tokens[BART.email], body: partyBody({ name: 'Voedselbank West' }),
    }), 201);
    const l = await login(k.url, BART.email, BART.password);
    assert.equal(l.status, 303);
    jar = l.jar;
  });
  after(async () => { await k?.stop(); });

  test('/account links to the download and has the erase form', async () => {
    const r = await page(k.url, jar, '/account');
    assert.equal(r.status, 200);
    assert.match(r.text, /<a href="\/account\/gegevens" download>/);
    assert.match(r.text, /<form[^>]*action="\/account\/verwijderen"/);
    assert.match(r.text, /name="email"/);
  });

  test('/account/gegevens: the export as a file', async () => {
    const r = await page(k.url, jar, '/account/gegevens');
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'application/json');
    assert.match(r.headers.get('content-disposition'), /^attachment; filename="kiem-export-\d{4}-\d\d-\d\d\.json"$/);
    const b = JSON.parse(r.text);
    assert.equal(b.account.email, BART.email);
    assert.equal(b.account.name, BART.name);
    assert.deepEqual(b.partiesCreated.map((p) => p.name), ['Voedselbank West']);
    assert.equal(b.sessions.length, 1);
    assert.ok(!r.text.includes(jar.get('kiem_session')));
    const anon = await page(k.url, new Map(), '/account/gegevens');
    assert.equal(anon.status, 303);
  });

  test('the wrong email is a 400 next to the field; without the CSRF token a 403; nothing erased', async () => {
    const form = await page(k.url, jar, '/account');
    const csrf = csrfOf(form.text);
    const wrong = await page(k.url, jar, '/account/verwijderen', { form: { _csrf: csrf, email: 'iemand@anders.example' } });
    assert.equal(wrong.status, 400);
    assert.match(wrong.text, /Dit is niet het e-mailadres van je account/);
    const empty = await page(k.url, jar, '/account/verwijderen', { form: { _csrf: csrf, email: '' } });
    assert.equal(empty.status, 400);
    const forged = await page(k.url, jar, '/account/verwijderen', { form: { _csrf: 'x'.repeat(32), email: BART.email } });
    assert.equal(forged.status, 403);
    assert.equal((await page(k.url, jar, '/account')).status, 200);
  });

  test('the right email: erased, logged out, a notice on /, and the name and email nowhere in the file', async () => {
    const csrf = csrfOf((await page(k.url, jar, '/account')).text);
    const r = await page(k.url, jar, '/account/verwijderen', { form: { _csrf: csrf, email: ` ${BART.email.toUpperCase()} ` } });
    assert.equal(r.status, 303, r.text);
    assert.equal(r.location, '/?verwijderd=1');
    assert.equal(jar.get('kiem_session'), undefined, 'the session cookie is cleared');
    const home = await page(k.url, jar, r.location);
    assert.equal(home.status, 200);
    assert.match(home.text, /Je account is verwijderd en je bent uitgelogd\./);
    assert.equal((await page(k.url, jar, '/account')).status, 303);
    assertProblem(await call(k.url, '/api/v1/users/me', { token: k.tokens[BART.email] }), 401);
    const log = assertOk(await call(k.url, `/api/v1/activity?objectType=user&objectId=${bartId}`, { token: k.tokens[ADMIN] }));
    assert.equal(log.items[0].action, 'erase');
    const found = assertOk(await call(k.url, '/api/v1/parties?q=Voedselbank'));
    assert.equal(found.items.length, 1, 'the party they made is still found');
    assertGone(k.db, [BART.name, BART.email, 'Xylofoon']);
    await k.stop({ keep: true });
    assertGone(k.db, [BART.name, BART.email, 'Xylofoon']);
  });
});
