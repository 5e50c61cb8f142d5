// Verified parties (issue 8, item 7): anyone may make a public government
// party for an area, so a regulatory signal goes only to a VERIFIED
// government party (the nearest area upward), and until there is one to the
// area's coordinators. A platform admin or a coordinator of all the party's
// areas verifies a party (a coordinator of one of them withdraws it); the API, the party page
// and the directory show it, and the activity log records it. An unverified
// party never decides a regulatory signal.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKiem, kiem, sql, undoAfterStep10 } from '../lib/kiem.mjs';
import { call, assertOk, assertProblem, assertInvalid, listAll, Browser } from './helpers.mjs';

const PASSWORD = 'een-lang-wachtwoord-123';
const PEOPLE = {
  admin: { email: 'admin@verif.example', name: 'Ada Beheer', admin: true },
  reporter: { email: 'rita@verif.example', name: 'Rita Reporter' },
  mallory: { email: 'mallory@verif.example', name: 'Mallory Nep' },
  resident: { email: 'carol@verif.example', name: 'Carol Bakker' },
  coordinator: { email: 'cora@verif.example', name: 'Cora Wijk', coordinator: 'WK034403' },
  otherCoordinator: { email: 'olga@verif.example', name: 'Olga Zuidwest', coordinator: 'WK034408' },
  amsterdam: { email: 'anton@verif.example', name: 'Anton Amsterdam' },
};

let k;
const T = {};
const ID = {};
const P = {};

const api = (who, path, opts = {}) => call(k.url, path, { ...opts, token: who ? T[who] : undefined });
const verify = (party, who) => api(who, `/api/v1/parties/${party}/verification`, { method: 'PUT', body: {} });
const unverify = (party, who) => api(who, `/api/v1/parties/${party}/verification`, { method: 'DELETE' });
const report = async (who, body) => assertOk(await api(who, '/api/v1/signals', { method: 'POST', body: {
  kind: 'bottleneck', title: 'Een regel zit in de weg', description: 'Een regel maakt het lastig.',
  regulatory: true, rule: 'Een regel', ...body,
} }), 201);

async function partyNamed(name) {
  const b = assertOk(await api('admin', `/api/v1/parties?q=${encodeURIComponent(name)}`));
  const p = b.items.find((x) => x.name === name);
  assert.ok(p, `no party ${name}`);
  return p;
}

async function browse(who) {
  const b = new Browser(k.url);
  const r = await b.post('/inloggen', { email: PEOPLE[who].email, password: PASSWORD, next: '/account' });
  assert.equal(r.status, 303);
  return b;
}

before(async () => {
  k = await startKiem({ users: Object.values(PEOPLE).map((u) => ({ ...u, password: PASSWORD })) });
  for (const [who, u] of Object.entries(PEOPLE)) {
    T[who] = k.tokens[u.email];
    ID[who] = assertOk(await api(who, '/api/v1/users/me')).id;
  }
  // a neighbourhood inside Overvecht, and Amsterdam, where no government party is
  assertOk(await api('admin', '/api/v1/areas', { method: 'POST', body: { code: 'BU03440301', name: 'Zambesidreef', level: 'neighbourhood', parent: 'WK034403' } }), 201);
  assertOk(await api('admin', '/api/v1/areas', { method: 'POST', body: { code: 'PV27', name: 'Noord-Holland', level: 'province', parent: 'NL01' } }), 201);
  assertOk(await api('admin', '/api/v1/areas', { method: 'POST', body: { code: 'GM0363', name: 'Amsterdam', level: 'municipality', parent: 'PV27' } }), 201);
  assertOk(await api('admin', `/api/v1/users/${ID.amsterdam}/coordinator-areas`, { method: 'POST', body: { area: 'GM0363' } }));
  P.reporter = assertOk(await api('reporter', '/api/v1/parties', { method: 'POST', body: { name: 'Buurtinitiatief Zambesi', kind: 'citizen_initiative', areas: ['BU03440301', 'GM0363'] } }), 201).id;
  P.district = (await partyNamed('Gemeente Utrecht, wijkbureau Overvecht')).id;
  // anyone may make a government party: Mallory makes one for the neighbourhood
  P.fake = assertOk(await api('mallory', '/api/v1/parties', { method: 'POST', body: { name: 'Gemeente Zambesi', kind: 'government', areas: ['BU03440301'] } }), 201).id;
});

after(async () => { await k.stop(); });

describe('verification in the API', () => {
  test('the demo\'s government parties are verified; a new party is not', async () => {
    const gov = (await listAll(k.url, '/api/v1/parties?kind=government')).items.filter((p) => p.id !== P.fake);
    assert.ok(gov.length >= 3);
    for (const p of gov) {
      assert.equal(p.verified, true, `${p.name} is verified`);
      assert.match(p.verifiedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      assert.equal(p._links.verification.href, `/api/v1/parties/${p.id}/verification`);
    }
    const fresh = assertOk(await api(null, `/api/v1/parties/${P.fake}`));
    assert.equal(fresh.verified, false);
    assert.equal(fresh.verifiedAt, null);
    assert.equal(fresh.verifiedBy, null);
    const v = assertOk(await api(null, `/api/v1/parties/${P.fake}/verification`));
    assert.equal(v.verified, false);
    // verification is not a field to write
    assertInvalid(await api('mallory', `/api/v1/parties/${P.fake}`, { method: 'PATCH', body: { verified: true, verifiedAt: '2026-01-01T00:00:00Z', verifiedBy: ID.mallory }, contentType: 'application/merge-patch+json' }),
      ['verified', 'verifiedAt', 'verifiedBy']);
    assertInvalid(await api('mallory', '/api/v1/parties', { method: 'POST', body: { name: 'Gemeente Nep', kind: 'government', verified: true } }), ['verified']);
  });

  test('a regulatory signal goes to the nearest VERIFIED government party, not to one anyone made', async () => {
    const s = await report('reporter', { area: 'BU03440301', party: P.reporter });
    assert.equal(s.routedParty, P.district, 'not to the unverified party of the neighbourhood, but to the district\'s');
    assertProblem(await api('mallory', `/api/v1/signals/${s.id}`), 404);
  });

  test('an unverified party never decides a regulatory signal, not even its own', async () => {
    const s = await report('mallory', { area: 'BU03440301', party: P.fake, title: 'Onze eigen regel' });
    assert.equal(s.routedParty, P.district);
    assertOk(await api('mallory', `/api/v1/signals/${s.id}`));
    assertProblem(await api('mallory', `/api/v1/signals/${s.id}/decisions`, { method: 'POST', body: { decision: 'exemption', reason: 'Wij geven onszelf ontheffing.' } }), 403);
  });

  test('where no verified government party is, the area\'s coordinators get the signal and decide', async () => {
    const fake = assertOk(await api('mallory', '/api/v1/parties', { method: 'POST', body: { name: 'Gemeente Amsterdam (nep)', kind: 'government', areas: ['GM0363'] } }), 201);
    P.amsterdam = fake.id;
    const s = await report('reporter', { area: 'GM0363', party: P.reporter, title: 'Regel in Amsterdam' });
    assert.equal(s.routedParty, null);
    assertProblem(await api('mallory', `/api/v1/signals/${s.id}`), 404);
    const inbox = (await listAll(k.url, '/api/v1/signals?regulatory=true', { token: T.amsterdam })).items;
    assert.ok(inbox.some((x) => x.id === s.id), 'in the coordinator\'s inbox');
    assertOk(await api('amsterdam', `/api/v1/signals/${s.id}/decisions`, { method: 'POST', body: { decision: 'experiment', reason: 'We proberen het.' } }), 201);
  });

  test('who verifies: a platform admin or a coordinator of one of its areas; the rest may not', async () => {
    assertProblem(await verify(P.amsterdam, null), 401);
    for (const who of ['resident', 'mallory', 'reporter', 'coordinator', 'otherCoordinator']) {
      assertProblem(await verify(P.amsterdam, who), 403);
    }
    assert.equal(assertOk(await api(null, `/api/v1/parties/${P.amsterdam}`)).verified, false, 'a refusal changes nothing');
    const open = await report('reporter', { area: 'GM0363', party: P.reporter, title: 'Nog een regel in Amsterdam' });
    assert.equal(open.routedParty, null);
    const res = await verify(P.amsterdam, 'amsterdam');
    const v = assertOk(res, 201);
    assert.equal(v.verified, true);
    assert.equal(v.verifiedBy, ID.amsterdam);
    assert.match(v.verifiedAt, /Z$/);
    assertOk(await verify(P.amsterdam, 'admin'), 200); // once verified, verifying again changes nothing
    const party = assertOk(await api(null, `/api/v1/parties/${P.amsterdam}`));
    assert.equal(party.verified, true);
    assert.equal(party.verifiedBy, ID.amsterdam);
    assert.equal(party.verifiedAt, v.verifiedAt);
    // the open signal in its area now goes to it, and so do new ones
    assert.equal(assertOk(await api('reporter', `/api/v1/signals/${open.id}`)).routedParty, P.amsterdam);
    const next = await report('reporter', { area: 'GM0363', party: P.reporter, title: 'Een derde regel in Amsterdam' });
    assert.equal(next.routedParty, P.amsterdam);
    // the log records it, with who
    const log = assertOk(await api('admin', `/api/v1/activity?objectType=party&objectId=${P.amsterdam}&limit=100`)).items;
    assert.ok(log.some((e) => e.action === 'verify' && e.actorId === ID.amsterdam), JSON.stringify(log));
    // withdrawn: the signals go back to the coordinators
    assertProblem(await unverify(P.amsterdam, 'mallory'), 403);
    assert.equal((await unverify(P.amsterdam, 'admin')).status, 204);
    assertProblem(await unverify(P.amsterdam, 'admin'), 404);
    const after_ = assertOk(await api(null, `/api/v1/parties/${P.amsterdam}`));
    assert.equal(after_.verified, false);
    assert.equal(after_.verifiedAt, null);
    assert.equal(assertOk(await api('reporter', `/api/v1/signals/${next.id}`)).routedParty, null);
    const log2 = assertOk(await api('admin', `/api/v1/activity?objectType=party&objectId=${P.amsterdam}&limit=1`)).items;
    assert.equal(log2[0].action, 'unverify');
  });

  test('a verified party that its members move to other areas or another kind is no longer verified', async () => {
    assertOk(await verify(P.amsterdam, 'admin'), 201);
    const patched = assertOk(await api('mallory', `/api/v1/parties/${P.amsterdam}`, { method: 'PATCH', body: { areas: ['GM0363', 'GM0344'] }, contentType: 'application/merge-patch+json' }));
    assert.equal(patched.verified, false, 'its areas changed, so its verification is gone');
    assertOk(await verify(P.amsterdam, 'admin'), 201);
    // a change of its description keeps it
    assert.equal(assertOk(await api('mallory', `/api/v1/parties/${P.amsterdam}`, { method: 'PATCH', body: { description: 'Nieuw' }, contentType: 'application/merge-patch+json' })).verified, true);
    // a change the admin makes keeps it (they may verify it)
    assert.equal(assertOk(await api('admin', `/api/v1/parties/${P.amsterdam}`, { method: 'PATCH', body: { name: 'Gemeente Amsterdam' }, contentType: 'application/merge-patch+json' })).verified, true);
  });
});

describe('a coordinator verifies only within their areas (issue 8 review)', () => {
  test('a party serving areas of two coordinators needs both: one of them alone may not verify it', async () => {
    const both = assertOk(await api('mallory', '/api/v1/parties', { method: 'POST', body: { name: 'Gemeente Twee Wijken', kind: 'government', areas: ['WK034403', 'WK034408'] } }), 201).id;
    assertProblem(await verify(both, 'coordinator'), 403);
    assertProblem(await verify(both, 'otherCoordinator'), 403);
    assert.equal(assertOk(await api(null, `/api/v1/parties/${both}`)).verified, false);
    const cora = await browse('coordinator');
    assert.doesNotMatch((await cora.request(`/partijen/${both}`)).text, /<button[^>]*>Verifiëren/, 'no button for her');
    assert.equal((await cora.post(`/partijen/${both}/verificatie`)).status, 403);
    assertOk(await verify(both, 'admin'), 201);
  });

  test('a coordinator who moves a party they verified to another municipality withdraws its verification', async () => {
    const gov = assertOk(await api('mallory', '/api/v1/parties', { method: 'POST', body: { name: 'Gemeente Zambesi Twee', kind: 'government', areas: ['BU03440301'] } }), 201).id;
    assertOk(await verify(gov, 'coordinator'), 201);
    const moved = assertOk(await api('coordinator', `/api/v1/parties/${gov}`, { method: 'PATCH', body: { areas: ['GM0363'] }, contentType: 'application/merge-patch+json' }));
    assert.equal(moved.verified, false, 'she may not verify a party of Amsterdam');
    // a regulatory signal in Amsterdam does not go to it
    const s = await report('reporter', { area: 'GM0363', party: P.reporter, title: 'Regel na de verhuizing' });
    assert.notEqual(s.routedParty, gov);
    // and within her own area a change she makes keeps it
    assertOk(await verify(gov, 'admin'), 201);
    assertOk(await api('admin', `/api/v1/parties/${gov}`, { method: 'PATCH', body: { areas: ['BU03440301'] }, contentType: 'application/merge-patch+json' }));
    assert.equal(assertOk(await api(null, `/api/v1/parties/${gov}`)).verified, true);
    const kept = assertOk(await api('coordinator', `/api/v1/parties/${gov}`, { method: 'PATCH', body: { name: 'Gemeente Zambesi Drie' }, contentType: 'application/merge-patch+json' }));
    assert.equal(kept.verified, true, 'she may verify it as it is after the change');
    // adding an area outside hers withdraws it
    const wider = assertOk(await api('coordinator', `/api/v1/parties/${gov}`, { method: 'PATCH', body: { areas: ['BU03440301', 'WK034408'] }, contentType: 'application/merge-patch+json' }));
    assert.equal(wider.verified, false);
  });
});


describe('a signal routed to a party that is not verified (issue 8 review)', () => {
  test('its members no longer read or decide it; the area\'s coordinators do', async () => {
    const gov = assertOk(await api('mallory', '/api/v1/parties', { method: 'POST', body: { name: 'Gemeente Zambesi Oud', kind: 'government', areas: ['BU03440301'] } }), 201).id;
    const s = await report('reporter', { area: 'BU03440301', party: P.reporter, title: 'Een regel van voor de verificatie' });
    // routed to it before parties were verified (a database of before issue 8)
    sql(k.db, `UPDATE signals SET routed_party_id = '${gov}' WHERE id = '${s.id}'`);
    assertProblem(await api('mallory', `/api/v1/signals/${s.id}`), 404);
    const inbox = (await listAll(k.url, '/api/v1/signals?regulatory=true', { token: T.mallory })).items;
    assert.ok(!inbox.some((x) => x.id === s.id), 'not in her inbox');
    assertProblem(await api('mallory', `/api/v1/signals/${s.id}/decisions`, { method: 'POST', body: { decision: 'exemption', reason: 'Wij beslissen.' } }), 404);
    assertProblem(await api('mallory', `/api/v1/signals/${s.id}`, { method: 'PATCH', body: { status: 'acknowledged' }, contentType: 'application/merge-patch+json' }), 404);
    const mallory = await browse('mallory');
    assert.equal((await mallory.request(`/signalen/${s.id}`)).status, 404);
    const cora = assertOk(await api('coordinator', `/api/v1/signals/${s.id}`));
    assert.equal(cora.id, s.id);
    assertOk(await api('coordinator', `/api/v1/signals/${s.id}/decisions`, { method: 'POST', body: { decision: 'experiment', reason: 'We proberen het.' } }), 201);
  });

  test('migrating a database of before verification sends its undecided regulatory signals to the coordinators', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiem-migrate-'));
    try {
      const db = join(dir, 'kiem.db');
      assert.equal(kiem(['init', '--db', db, '--demo']).status, 0);
      const routed = 'SELECT count(*) FROM signals WHERE regulatory = 1 AND routed_party_id IS NOT NULL';
      const undecided = " AND status IN ('open', 'acknowledged') AND NOT EXISTS (SELECT 1 FROM signal_decisions d WHERE d.signal_id = signals.id)";
      assert.ok(Number(sql(db, routed + undecided)) > 0, 'the demo routes undecided regulatory signals');
      const decided = Number(sql(db, `${routed} AND NOT (TRUE${undecided})`));
      // back to the schema of before issue 8 (steps 5 to 11 undone; of the
      // full-text step 10 only its column: its indexes are made again anyway)
      const undo = 'DROP TABLE data_generation; DROP TABLE leases; ALTER TABLE parties DROP COLUMN tags; DROP TABLE login_throttle;'
        + ' ALTER TABLE parties DROP COLUMN lists; DROP TABLE account_requests; DROP INDEX parties_verifier;'
        + ' ALTER TABLE parties DROP COLUMN verified_by; ALTER TABLE parties DROP COLUMN verified_at;'
        + ' ALTER TABLE signals DROP COLUMN resident; ALTER TABLE signals DROP COLUMN taken_along;';
      // on PostgreSQL the full-text step made views with an index on their
      // table (store/pg_sql.c): before it they were tables
      const search = ['party', 'issue', 'signal'].map((t) => `DROP VIEW ${t}_search; DROP INDEX ${t}_search_words;`
        + ` CREATE TABLE ${t}_search (rowid BIGINT);`).join(' ');
      const later = undoAfterStep10();
      sql(db, `${later.sqlite} ${undo} PRAGMA user_version = 4;`, `${later.pg} ${search} ${undo} UPDATE schema_version SET version = 4;`);
      const init = kiem(['init', '--db', db]);
      assert.equal(init.status, 0, init.stderr);
      assert.equal(Number(sql(db, routed + undecided)), 0, 'no undecided one stays with a party that is not verified');
      assert.equal(Number(sql(db, routed)), decided, 'decided ones keep who decided');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('verification on the pages', () => {
  test('the party page and the directory show it; who may, verifies and withdraws with a button', async () => {
    const anon = new Browser(k.url);
    const district = await anon.request(`/partijen/${P.district}`);
    assert.match(district.text, /Geverifieerd/);
    const fake = await anon.request(`/partijen/${P.fake}`);
    assert.match(fake.text, /Niet geverifieerd/);
    assert.doesNotMatch(fake.text, /name="_csrf"[^]*Verifiëren/, 'no button for visitors');
    const dir = await anon.request('/partijen?kind=government');
    assert.match(dir.text, /Gemeente Utrecht, wijkbureau Overvecht<\/a><\/h3>\n<p class="meta">[^\n]*Geverifieerd/);
    const mallory = await browse('mallory');
    assert.doesNotMatch((await mallory.request(`/partijen/${P.fake}`)).text, /<button[^>]*>Verifiëren/);
    assert.equal((await mallory.post(`/partijen/${P.fake}/verificatie`)).status, 403);
    const cora = await browse('coordinator');
    assert.match((await cora.request(`/partijen/${P.fake}`)).text, /<button[^>]*>Verifiëren/);
    const done = await cora.post(`/partijen/${P.fake}/verificatie`);
    assert.equal(done.status, 303);
    const page = await cora.request(done.location);
    assert.match(page.text, /Geverifieerd door Cora Wijk/);
    assert.match(page.text, /<button[^>]*>Verificatie intrekken/);
    assert.equal((await cora.post(`/partijen/${P.fake}/verificatie/intrekken`)).status, 303);
    assert.match((await anon.request(`/partijen/${P.fake}`)).text, /Niet geverifieerd/);
    const en = await anon.request(`/partijen/${P.district}?lang=en`);
    assert.match(en.text, /Verified/);
  });

  test('the party form says a government party needs verification before it receives signals', async () => {
    const form = await (await browse('mallory')).request('/partijen/nieuw');
    assert.match(form.text, /pas signalen .*geverifieerd/);
  });
});
