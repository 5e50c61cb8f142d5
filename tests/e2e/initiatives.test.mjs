// Initiatives (initiatieven): /api/v1/initiatives (create, read, list with
// every filter, search and paging, merge patch, delete), the stage machine
// through /api/v1/initiatives/{id}/stage-decisions (every allowed move, a
// skipped stage a 409 naming the allowed moves, stopping without lessons a
// 400 naming lessons, the timeline with who and on whose behalf), following
// and notifications to the followers of the initiative and of its issues,
// offers to help (listed to the lead's members, withdrawn), who may do
// what, and the pages /initiatieven (the board), /initiatieven/nieuw,
// /initiatieven/{id} (with the decision form), its edit form and the issue
// page's list of initiatives.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem, kiem } from '../lib/kiem.mjs';
import { call, assertOk, assertProblem, assertInvalid, listAll, partyBody, Browser as FormBrowser } from './helpers.mjs';

const PASSWORD = 'een-lang-wachtwoord-123';
const AREA = 'WK034403'; // Overvecht, in Utrecht (GM0344)
const PEOPLE = {
  admin: { email: 'ada@init.example', name: 'Ada Beheer', admin: true },
  member: { email: 'mia@init.example', name: 'Mia Lid' },
  partyAdmin: { email: 'pam@init.example', name: 'Pam Partijbeheer' },
  resident: { email: 'rita@init.example', name: 'Rita Bewoner' },
  follower: { email: 'fien@init.example', name: 'Fien Volger' },
  issueFollower: { email: 'ivo@init.example', name: 'Ivo Vraagstukvolger' },
  coordinator: { email: 'cor@init.example', name: 'Cor Utrecht', coordinator: 'GM0344' },
  otherCoordinator: { email: 'cas@init.example', name: 'Cas Elders', coordinator: 'WK034408' },
};
const UUID7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const FIELDS = ['_links', 'area', 'budgetCents', 'createdAt', 'description', 'id', 'interestCount', 'issues',
  'leadKind', 'leadParty', 'leadPartyName', 'participationLevel', 'stage', 'stageChangedAt', 'summary',
  'targetGroups', 'title', 'type', 'updatedAt'];
const NONE = '01a21b9b-0000-7000-8000-000000000000';

let k;
const T = {};
let party; // Mia's party (Pam is its admin too), serving Overvecht
let issue; // an issue of that party
let n = 0;
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;
const api = (who, path, opts = {}) => call(k.url, path, { ...opts, token: who ? T[who] : undefined });

before(async () => {
  k = await startKiem({ users: Object.values(PEOPLE).map((p) => ({ ...p, password: PASSWORD })) });
  for (const [who, p] of Object.entries(PEOPLE)) T[who] = k.tokens[p.email];
  party = assertOk(await api('partyAdmin', '/api/v1/parties', { method: 'POST', body: partyBody({ name: 'Buurtwerk Overvecht', kind: 'social_work', areas: [AREA] }) }), 201);
  assertOk(await api('partyAdmin', `/api/v1/parties/${party.id}/members`, { method: 'POST', body: { email: PEOPLE.member.email, role: 'member' } }), 201);
  issue = assertOk(await api('member', '/api/v1/issues', { method: 'POST', body: { title: `Eenzaamheid ${uniq()}`, summary: 'Ouderen zijn alleen.', area: AREA, ownerParty: party.id } }), 201);
});
after(async () => { await k?.stop(); });

const body = (over = {}) => ({
  title: `Buurtkamer ${uniq()}`, summary: 'Een huiskamer in de wijk.', type: 'service', leadParty: party.id,
  area: AREA, participationLevel: 'co_producing', ...over,
});

async function create(who = 'member', over = {}) {
  return assertOk(await api(who, '/api/v1/initiatives', { method: 'POST', body: body(over) }), 201);
}

const decide = (who, id, to, over = {}) =>
  api(who, `/api/v1/initiatives/${id}/stage-decisions`, { method: 'POST', body: { to, rationale: 'Afgesproken met de bewoners.', ...over } });

async function decisions(id) {
  return (await listAll(k.url, `/api/v1/initiatives/${id}/stage-decisions`)).items;
}

describe('creating and reading an initiative', () => {
  test('a member of the lead party starts one: 201, Location, every field, at idea, a first timeline entry', async () => {
    const r = await api('member', '/api/v1/initiatives', {
      method: 'POST',
      body: body({ title: '  Buurtkamer Overvecht  ', description: 'Wat we doen:\n\n- **koffie**', issues: [issue.id],
        targetGroups: [' Ouderen ', 'ouderen', 'Mantelzorgers'], budgetCents: 250000 }),
    });
    const it = assertOk(r, 201);
    assert.equal(r.headers.get('location'), `/api/v1/initiatives/${it.id}`);
    assert.deepEqual(Object.keys(it).sort(), FIELDS);
    assert.match(it.id, UUID7);
    assert.equal(it.title, 'Buurtkamer Overvecht');
    assert.equal(it.description, 'Wat we doen:\n\n- **koffie**');
    assert.equal(it.stage, 'idea');
    assert.equal(it.type, 'service');
    assert.equal(it.leadParty, party.id);
    assert.equal(it.leadPartyName, 'Buurtwerk Overvecht');
    assert.equal(it.leadKind, 'social_work');
    assert.deepEqual(it.issues, [issue.id]);
    assert.deepEqual(it.targetGroups, ['mantelzorgers', 'ouderen']);
    assert.equal(it.participationLevel, 'co_producing');
    assert.equal(it.budgetCents, 250000);
    assert.equal(it.interestCount, 0);
    for (const t of ['createdAt', 'updatedAt', 'stageChangedAt']) assert.match(it[t], TIME);
    assert.equal(it._links.self.href, `/api/v1/initiatives/${it.id}`);
    assert.equal(it._links.stageDecisions.href, `/api/v1/initiatives/${it.id}/stage-decisions`);
    assert.equal(it._links.leadParty.href, `/api/v1/parties/${party.id}`);
    assert.deepEqual(Object.keys(it._links).sort(), ['leadParty', 'self', 'stageDecisions']);
    const again = assertOk(await api(null, `/api/v1/initiatives/${it.id}`));
    assert.deepEqual(again, it);
    const tl = await decisions(it.id);
    assert.equal(tl.length, 1);
    assert.equal(tl[0].from, null);
    assert.equal(tl[0].to, 'idea');
    assert.equal(tl[0].decidedByName, 'Mia Lid');
    assert.equal(tl[0].party, party.id);
    const log = assertOk(await api('admin', `/api/v1/activity?objectId=${it.id}`));
    assert.ok(log.items.some((e) => e.action === 'create' && e.objectType === 'initiative'), JSON.stringify(log.items));
  });

  test('bad input: one 400 listing every problem, a message per field', async () => {
    const r = await api('member', '/api/v1/initiatives', {
      method: 'POST',
      body: {
        title: 'x'.repeat(201), summary: '', description: 'y'.repeat(10001), type: 'app', area: 'GM9999',
        leadParty: NONE, issues: [NONE], participationLevel: 'alles', budgetCents: -1,
        targetGroups: Array.from({ length: 11 }, (_, i) => `groep ${i}`), stage: 'test', colour: 'red',
      },
    });
    const listed = assertInvalid(r, ['title', 'summary', 'description', 'type', 'area', 'leadParty', 'issues',
      'participationLevel', 'budgetCents', 'targetGroups', 'stage', 'colour']);
    assert.equal(listed.length, 12, JSON.stringify(listed));
    assertInvalid(await api('member', '/api/v1/initiatives', { method: 'POST', body: {} }),
      ['title', 'summary', 'type', 'leadParty', 'area', 'participationLevel']);
    assertInvalid(await api('member', '/api/v1/initiatives', { method: 'POST', body: body({ issues: ['niet-een-id'] }) }), ['issues']);
  });

  test('who may start one: the lead\'s members, the area\'s coordinators, platform admins', async () => {
    assertProblem(await api(null, '/api/v1/initiatives', { method: 'POST', body: body() }), 401);
    assertProblem(await api('resident', '/api/v1/initiatives', { method: 'POST', body: body() }), 403);
    assertProblem(await api('otherCoordinator', '/api/v1/initiatives', { method: 'POST', body: body() }), 403);
    await create('coordinator');
    await create('admin');
  });

  test('an unknown one is 404', async () => {
    assertProblem(await api(null, `/api/v1/initiatives/${NONE}`), 404);
    assertProblem(await api(null, '/api/v1/initiatives/x'), 404);
    assertProblem(await api(null, `/api/v1/initiatives/${NONE}/stage-decisions`), 404);
  });
});

describe('the stages', () => {
  test('one step at a time to sustained; a skipped stage is 409 with the allowed moves', async () => {
    const it = await create();
    const skip = await decide('member', it.id, 'test');
    const p = assertProblem(skip, 409);
    assert.deepEqual(p.allowedMoves, ['development', 'stopped']);
    assert.match(p.detail, /development, stopped/);
    for (const [to, allowed] of [['development', ['test', 'stopped']], ['test', ['implementation', 'stopped']],
      ['implementation', ['sustained', 'stopped']], ['sustained', ['stopped']]]) {
      const r = await decide('member', it.id, to, { evidence: `Bewijs voor ${to}` });
      const d = assertOk(r, 201);
      assert.equal(d.to, to);
      assert.equal(d.evidence, `Bewijs voor ${to}`);
      assert.equal(d.decidedByName, 'Mia Lid');
      assert.equal(d.party, party.id);
      assert.equal(d.partyName, 'Buurtwerk Overvecht');
      assert.match(d.decidedAt, TIME);
      assert.equal(assertOk(await api(null, `/api/v1/initiatives/${it.id}`)).stage, to);
      // backwards or to itself is not a move either
      assert.deepEqual(assertProblem(await decide('member', it.id, 'idea'), 409).allowedMoves, allowed);
    }
    const tl = await decisions(it.id);
    assert.deepEqual(tl.map((d) => [d.from, d.to]), [[null, 'idea'], ['idea', 'development'], ['development', 'test'],
      ['test', 'implementation'], ['implementation', 'sustained']]);
    assert.equal(tl[2].rationale, 'Afgesproken met de bewoners.');
  });

  test('stopping needs lessons: 400 naming lessons; then stopped is final', async () => {
    const it = await create();
    assertOk(await decide('member', it.id, 'development'), 201);
    const r = await decide('member', it.id, 'stopped');
    const names = assertInvalid(r, ['lessons']);
    assert.deepEqual(names, ['lessons']);
    assert.equal(assertOk(await api(null, `/api/v1/initiatives/${it.id}`)).stage, 'development');
    const d = assertOk(await decide('member', it.id, 'stopped', { lessons: 'Te weinig vrijwilligers.' }), 201);
    assert.equal(d.lessons, 'Te weinig vrijwilligers.');
    const p = assertProblem(await decide('member', it.id, 'idea'), 409);
    assert.deepEqual(p.allowedMoves, []);
  });

  test('a decision needs a known stage and a rationale', async () => {
    const it = await create();
    assertInvalid(await decide('member', it.id, 'klaar'), ['to']);
    assertInvalid(await decide('member', it.id, 'development', { rationale: '  ' }), ['rationale']);
    assertInvalid(await api('member', `/api/v1/initiatives/${it.id}/stage-decisions`, { method: 'POST', body: { rationale: 'x', from: 'idea' } }), ['to', 'from']);
  });

  test('who may decide: the lead\'s members, the area\'s coordinator (on behalf of no party), admins', async () => {
    const it = await create();
    assertProblem(await decide(null, it.id, 'development'), 401);
    assertProblem(await decide('resident', it.id, 'development'), 403);
    assertProblem(await decide('otherCoordinator', it.id, 'development'), 403);
    const d = assertOk(await decide('coordinator', it.id, 'development'), 201);
    assert.equal(d.party, null);
    assert.equal(d.decidedByName, 'Cor Utrecht');
    assertOk(await decide('admin', it.id, 'test'), 201);
  });
});

describe('changing and deleting', () => {
  test('a merge patch by the lead\'s member; the stage is not changed by it; a resident may not', async () => {
    const it = await create('member', { issues: [issue.id] });
    const r = assertOk(await api('member', `/api/v1/initiatives/${it.id}`, { method: 'PATCH', body: { title: 'Nieuwe titel', budgetCents: null, issues: [] } }));
    assert.equal(r.title, 'Nieuwe titel');
    assert.equal(r.budgetCents, null);
    assert.deepEqual(r.issues, []);
    assert.equal(r.summary, it.summary);
    assertInvalid(await api('member', `/api/v1/initiatives/${it.id}`, { method: 'PATCH', body: { stage: 'test' } }), ['stage']);
    assertInvalid(await api('member', `/api/v1/initiatives/${it.id}`, { method: 'PATCH', body: { title: '' } }), ['title']);
    assertProblem(await api('resident', `/api/v1/initiatives/${it.id}`, { method: 'PATCH', body: { title: 'x' } }), 403);
    assertProblem(await api(null, `/api/v1/initiatives/${it.id}`, { method: 'PATCH', body: { title: 'x' } }), 401);
    // handing it to a party the member is not a member of needs the right there
    const other = assertOk(await api('resident', '/api/v1/parties', { method: 'POST', body: partyBody({ name: `Ander ${uniq()}` }) }), 201);
    assertProblem(await api('member', `/api/v1/initiatives/${it.id}`, { method: 'PATCH', body: { leadParty: other.id } }), 403);
    const moved = assertOk(await api('resident', `/api/v1/initiatives/${it.id}`)).leadParty;
    assert.equal(moved, party.id);
  });

  test('delete: the lead\'s admins and platform admins only', async () => {
    const it = await create();
    assertProblem(await api('member', `/api/v1/initiatives/${it.id}`, { method: 'DELETE' }), 403);
    assertProblem(await api('coordinator', `/api/v1/initiatives/${it.id}`, { method: 'DELETE' }), 403);
    assert.equal((await api('partyAdmin', `/api/v1/initiatives/${it.id}`, { method: 'DELETE' })).status, 204);
    assertProblem(await api(null, `/api/v1/initiatives/${it.id}`), 404);
    const other = await create();
    assert.equal((await api('admin', `/api/v1/initiatives/${other.id}`, { method: 'DELETE' })).status, 204);
  });
});

describe('the list', () => {
  test('filters: issue, area (and the areas inside it), lead kind, participation level, stage; search; paging', async () => {
    const word = `zonnepaneel${uniq().replace(/[0-9]/g, 'x')}`;
    const own = assertOk(await api('member', '/api/v1/issues', { method: 'POST', body: { title: `Energie ${uniq()}`, summary: 'Hoge rekeningen.', area: AREA, ownerParty: party.id } }), 201);
    const a = await create('member', { issues: [own.id, issue.id], participationLevel: 'co_deciding', title: `Samen ${word}` });
    const b = await create('member', { participationLevel: 'informed', description: `Over ${word} en meer.` });
    assertOk(await decide('member', b.id, 'development'), 201);
    const ids = async (q) => (await listAll(k.url, `/api/v1/initiatives?${q}`)).items.map((x) => x.id);
    assert.deepEqual(await ids(`issue=${own.id}`), [a.id]);
    const inUtrecht = await ids('area=GM0344');
    assert.ok(inUtrecht.includes(a.id) && inUtrecht.includes(b.id));
    assert.deepEqual(await ids(`area=WK034408&q=${word}`), []);
    assert.ok((await ids('leadKind=social_work')).includes(a.id));
    assert.ok(!(await ids('leadKind=business')).includes(a.id));
    assert.ok((await ids('participationLevel=co_deciding')).includes(a.id));
    assert.ok(!(await ids('participationLevel=co_deciding')).includes(b.id));
    const dev = await ids('stage=development');
    assert.ok(dev.includes(b.id) && !dev.includes(a.id));
    assert.deepEqual((await ids(`q=${word}`)).sort(), [a.id, b.id].sort());
    // the index follows a change of the words
    assertOk(await api('member', `/api/v1/initiatives/${a.id}`, { method: 'PATCH', body: { title: 'Iets anders' } }));
    assert.deepEqual(await ids(`q=${word}`), [b.id]);
    const all = await listAll(k.url, '/api/v1/initiatives?limit=2');
    assert.ok(all.pages >= 2);
    assert.equal(new Set(all.items.map((x) => x.id)).size, all.items.length);
    const changed = (await listAll(k.url, '/api/v1/initiatives?sort=-stageChangedAt')).items;
    assert.equal(changed[0].id, b.id);
  });

  test('a wrong filter is a 400 naming it', async () => {
    for (const [q, name] of [['stage=klaar', 'stage'], ['area=XX99', 'area'], ['leadKind=club', 'leadKind'],
      ['participationLevel=veel', 'participationLevel'], ['issue=x', 'issue'], ['sort=title', 'sort'], ['limit=101', 'limit'],
      ['kleur=rood', 'kleur']]) assertInvalid(await api(null, `/api/v1/initiatives?${q}`), [name]);
  });
});

describe('following and notifications', () => {
  test('follow and unfollow through the API', async () => {
    const it = await create();
    assertProblem(await api(null, `/api/v1/initiatives/${it.id}/follows/me`, { method: 'PUT' }), 401);
    assertProblem(await api('follower', `/api/v1/initiatives/${it.id}/follows/me`), 404);
    const f = assertOk(await api('follower', `/api/v1/initiatives/${it.id}/follows/me`, { method: 'PUT' }), 201);
    assert.equal(f.following, true);
    assertOk(await api('follower', `/api/v1/initiatives/${it.id}/follows/me`, { method: 'PUT' }), 200);
    assertOk(await api('follower', `/api/v1/initiatives/${it.id}/follows/me`));
    assert.equal((await api('follower', `/api/v1/initiatives/${it.id}/follows/me`, { method: 'DELETE' })).status, 204);
    assertProblem(await api('follower', `/api/v1/initiatives/${it.id}/follows/me`, { method: 'DELETE' }), 404);
    assertProblem(await api('follower', `/api/v1/initiatives/${NONE}/follows/me`, { method: 'PUT' }), 404);
  });

  test('a decision notifies the followers of the initiative and of its issues, once each, never the decider', async () => {
    const it = await create('member', { issues: [issue.id] });
    assertOk(await api('follower', `/api/v1/initiatives/${it.id}/follows/me`, { method: 'PUT' }), 201);
    assertOk(await api('issueFollower', `/api/v1/issues/${issue.id}/follows/me`, { method: 'PUT' }), 201);
    // following both: one notification
    assertOk(await api('member', `/api/v1/initiatives/${it.id}/follows/me`, { method: 'PUT' }), 201);
    assertOk(await api('coordinator', `/api/v1/initiatives/${it.id}/follows/me`, { method: 'PUT' }), 201);
    assertOk(await api('coordinator', `/api/v1/issues/${issue.id}/follows/me`, { method: 'PUT' }), 201);
    const d = assertOk(await decide('member', it.id, 'development'), 201);
    const mine = async (who) => assertOk(await api(who, '/api/v1/users/me/notifications?limit=100')).items
      .filter((x) => x.initiativeId === it.id);
    for (const who of ['follower', 'issueFollower', 'coordinator']) {
      const got = await mine(who);
      assert.equal(got.length, 1, `${who}: ${JSON.stringify(got)}`);
      assert.equal(got[0].event, 'stage');
      assert.equal(got[0].objectId, d.id);
      assert.equal(got[0].issueId, null);
      assert.equal(got[0].issueTitle, it.title);
      assert.equal(got[0].actorName, 'Mia Lid');
    }
    assert.equal((await mine('member')).length, 0);
    assert.equal((await mine('resident')).length, 0);
    // the notification page names and links the initiative
    const b = await login('follower');
    const page = (await b.request('/account/meldingen')).text;
    assert.ok(page.includes(`href="/initiatieven/${it.id}"`), 'no link to the initiative');
    assert.ok(page.includes('heeft besloten over de fase van'), 'no sentence of the decision');
  });
});

describe('the daily digest', () => {
  test('names the decision and links the initiative', async () => {
    const it = await create('member', { title: `Digestkamer ${uniq()}` });
    assertOk(await api('follower', '/api/v1/users/me', { method: 'PATCH', body: { digest: true } }));
    assertOk(await api('follower', `/api/v1/initiatives/${it.id}/follows/me`, { method: 'PUT' }), 201);
    assertOk(await decide('member', it.id, 'development'), 201);
    const before = (await k.mails(PEOPLE.follower.email)).length;
    const r = kiem(['notifications', 'digest', '--db', k.db]);
    assert.equal(r.status, 0, r.stderr);
    const mails = await k.mails(PEOPLE.follower.email);
    assert.equal(mails.length, before + 1, 'one mail');
    const m = mails.at(-1);
    assert.ok(m.body.includes(`Mia Lid heeft besloten over de fase van '${it.title}'`), m.body);
    assert.ok(m.body.includes(`/initiatieven/${it.id}`), m.body);
  });
});

describe('offers to help', () => {
  test('a resident offers, changes and withdraws; the lead\'s members read the offers, others may not', async () => {
    const it = await create();
    assertProblem(await api(null, `/api/v1/initiatives/${it.id}/interest`, { method: 'POST', body: {} }), 401);
    const r = await api('resident', `/api/v1/initiatives/${it.id}/interest`, { method: 'POST', body: { message: 'Ik schenk koffie.' } });
    const o = assertOk(r, 201);
    assert.equal(o.message, 'Ik schenk koffie.');
    assert.equal(o.userName, 'Rita Bewoner');
    assert.equal(r.headers.get('location'), `/api/v1/initiatives/${it.id}/interest/me`);
    assertOk(await api('resident', `/api/v1/initiatives/${it.id}/interest`, { method: 'POST', body: {} }), 200);
    assert.equal(assertOk(await api('resident', `/api/v1/initiatives/${it.id}/interest/me`)).message, '');
    assertInvalid(await api('follower', `/api/v1/initiatives/${it.id}/interest`, { method: 'POST', body: { message: 'x'.repeat(1001) } }), ['message']);
    assert.equal(assertOk(await api(null, `/api/v1/initiatives/${it.id}`)).interestCount, 1);
    const list = assertOk(await api('member', `/api/v1/initiatives/${it.id}/interest`));
    assert.deepEqual(list.items.map((x) => x.userName), ['Rita Bewoner']);
    assertOk(await api('admin', `/api/v1/initiatives/${it.id}/interest`));
    assertProblem(await api('resident', `/api/v1/initiatives/${it.id}/interest`), 403);
    assertProblem(await api('coordinator', `/api/v1/initiatives/${it.id}/interest`), 403);
    assertProblem(await api(null, `/api/v1/initiatives/${it.id}/interest`), 401);
    assert.equal((await api('resident', `/api/v1/initiatives/${it.id}/interest/me`, { method: 'DELETE' })).status, 204);
    assertProblem(await api('resident', `/api/v1/initiatives/${it.id}/interest/me`), 404);
    assertProblem(await api('resident', `/api/v1/initiatives/${it.id}/interest/me`, { method: 'DELETE' }), 404);
    assert.equal(assertOk(await api('member', `/api/v1/initiatives/${it.id}/interest`)).items.length, 0);
  });
});

describe('a person\'s data', () => {
  test('the export lists what they started, decided, follow and offered; erasure keeps the record without them', async () => {
    // a fresh member of the party, who starts, decides, follows and offers
    const email = `eva-${uniq()}@init.example`;
    const r = kiem(['user', 'add', '--email', email, '--name', 'Eva Export', '--db', k.db], { input: `${PASSWORD}\n` });
    assert.equal(r.status, 0, r.stderr);
    assertOk(await api('partyAdmin', `/api/v1/parties/${party.id}/members`, { method: 'POST', body: { email, role: 'member' } }), 201);
    const b = new Browser();
    assert.equal((await b.post('/inloggen', { email, password: PASSWORD, next: '/account' })).status, 303);
    const made = await b.post('/initiatieven/nieuw', { title: 'Eva\'s initiatief', summary: 'Iets.', type: 'product', leadParty: party.id,
      area: AREA, participationLevel: 'informed' }, '/initiatieven/nieuw');
    assert.equal(made.status, 303);
    const id = /\/initiatieven\/([0-9a-f-]{36})/.exec(made.location)[1];
    assert.equal((await b.post(`/initiatieven/${id}/fase`, { to: 'development', rationale: 'Waarom niet.' }, `/initiatieven/${id}`)).status, 303);
    assert.equal((await b.post(`/initiatieven/${id}/volgen`, {}, `/initiatieven/${id}`)).status, 303);
    assert.equal((await b.post(`/initiatieven/${id}/helpen`, { message: 'Ik doe mee.' }, `/initiatieven/${id}`)).status, 303);
    const ex = await b.request('/account/gegevens');
    assert.equal(ex.status, 200);
    const data = JSON.parse(ex.text);
    assert.deepEqual(data.initiativesCreated.map((x) => [x.id, x.title]), [[id, 'Eva\'s initiatief']]);
    assert.deepEqual(data.stageDecisions.map((x) => [x.initiativeId, x.from, x.to, x.rationale]), [[id, null, 'idea', ''], [id, 'idea', 'development', 'Waarom niet.']]);
    assert.deepEqual(data.initiativesFollowed.map((x) => x.initiativeId), [id]);
    assert.deepEqual(data.initiativeInterest.map((x) => [x.initiativeId, x.message]), [[id, 'Ik doe mee.']]);
    // erased: the initiative and its timeline stay, without her name; her follow and offer go
    const del = await b.post('/account/verwijderen', { email });
    assert.equal(del.status, 303, del.text.slice(0, 300));
    const it = assertOk(await api(null, `/api/v1/initiatives/${id}`));
    assert.equal(it.interestCount, 0);
    const tl = await decisions(id);
    assert.equal(tl.length, 2);
    assert.ok(tl.every((d) => d.decidedByName === null), JSON.stringify(tl));
  });
});

// ---- pages ----

class Browser extends FormBrowser {
  constructor() { super(k.url); }
}

async function login(who) {
  const b = new Browser();
  const r = await b.post('/inloggen', { email: PEOPLE[who].email, password: PASSWORD, next: '/account' });
  assert.equal(r.status, 303, r.text.slice(0, 200));
  return b;
}

const main = (html) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
const decode = (s) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

describe('the pages', () => {
  test('/initiatieven: a board with a list per stage, filters that work without JavaScript, a list per stage with paging', async () => {
    const it = await create('member', { title: `Bordkaart ${uniq()}` });
    assertOk(await decide('member', it.id, 'development'), 201);
    const r = await new Browser().request('/initiatieven');
    assert.equal(r.status, 200);
    const m = main(r.text);
    assert.match(r.text, /<a href="\/initiatieven" aria-current="page">|href="\/initiatieven"/);
    for (const s of ['idea', 'development', 'test', 'implementation', 'sustained', 'stopped'])
      assert.ok(m.includes(`id="fase-${s}"`), `no column ${s}`);
    // the card sits in its stage's column
    const dev = m.slice(m.indexOf('id="fase-development"'), m.indexOf('id="fase-test"'));
    assert.ok(dev.includes(it.title), 'the card is not in the development column');
    assert.match(m, /<form[^>]*method="get"[^>]*action="\/initiatieven"|<form[^>]*action="\/initiatieven"[^>]*method="get"/);
    for (const f of ['q', 'stage', 'area', 'leadKind', 'participationLevel', 'issue']) assert.ok(m.includes(`name="${f}"`), `no filter ${f}`);
    // a stage chosen: one list
    const l = main((await new Browser().request('/initiatieven?stage=development')).text);
    assert.ok(l.includes(it.title));
    assert.ok(!l.includes('id="fase-idea"'));
    const q = main((await new Browser().request(`/initiatieven?stage=development&q=${encodeURIComponent(it.title)}`)).text);
    assert.ok(q.includes(it.title));
    const bad = await new Browser().request('/initiatieven?stage=klaar');
    assert.equal(bad.status, 400);
    assert.match(main(bad.text), /class="error-summary"[\s\S]*href="#f-stage"/);
    // the English page
    const en = await new Browser().request('/initiatieven?lang=en');
    assert.ok(en.text.includes('Initiatives by stage'));
  });

  test('the board counts by the lead\'s kind as the lead party has it now', async () => {
    // the counts read the kind the initiative keeps of its lead (lead_kind);
    // a change of the party's kind must reach it
    const lead = assertOk(await api('member', '/api/v1/parties', { method: 'POST', body: partyBody({ name: `Kennis ${uniq()}`, kind: 'knowledge_institute', areas: [AREA] }) }), 201);
    const word = `kenniskaart${uniq().replace(/[0-9]/g, 'x')}`;
    await create('member', { leadParty: lead.id, title: `Onderzoek ${word}` });
    const ideas = async (kind) => {
      const m = main((await new Browser().request(`/initiatieven?q=${word}&leadKind=${kind}`)).text);
      return Number(/id="fase-idea">[^<]*<span class="count">\((\d+)/.exec(m)[1]);
    };
    assert.equal(await ideas('knowledge_institute'), 1);
    assert.equal(await ideas('business'), 0);
    assertOk(await api('member', `/api/v1/parties/${lead.id}`, { method: 'PATCH', body: { kind: 'business' }, contentType: 'application/merge-patch+json' }));
    assert.equal(await ideas('knowledge_institute'), 0);
    assert.equal(await ideas('business'), 1);
  });

  test('an initiative: its stages, facts, timeline with who and why; the decision form offers only the allowed moves', async () => {
    const it = await create('member', { issues: [issue.id], description: 'Met **koffie**.' });
    assertOk(await decide('member', it.id, 'development', { rationale: 'Plan klaar.', evidence: 'Tien bewoners.' }), 201);
    const anon = main((await new Browser().request(`/initiatieven/${it.id}`)).text);
    assert.ok(anon.includes('<strong>koffie</strong>'));
    assert.match(anon, /aria-current="step"[^<]*>Ontwikkeling/);
    assert.ok(anon.includes('Plan klaar.') && anon.includes('Tien bewoners.') && anon.includes('door Mia Lid') && anon.includes('namens Buurtwerk Overvecht'));
    assert.ok(anon.includes(`href="/vraagstukken/${issue.id}"`));
    assert.ok(!anon.includes('/fase"'), 'a stranger sees the decision form');
    assert.ok(!anon.includes('/bewerken"'));
    const b = await login('member');
    const page = main((await b.request(`/initiatieven/${it.id}`)).text);
    const form = page.slice(page.indexOf('id="fase-besluit"'));
    assert.ok(form.includes('value="test"') && form.includes('value="stopped"'));
    assert.ok(!form.includes('value="implementation"') && !form.includes('value="idea"'));
    // stopping without lessons: 400, the error beside lessons, what was typed kept
    const r = await b.post(`/initiatieven/${it.id}/fase`, { to: 'stopped', rationale: 'Geen geld meer.' }, `/initiatieven/${it.id}`);
    assert.equal(r.status, 400);
    const m = main(r.text);
    assert.match(m, /id="lessons-error"/);
    assert.ok(m.includes('Geen geld meer.'), 'the rationale typed is gone');
    assert.match(m, /value="stopped"[^>]*checked|checked[^>]*value="stopped"/);
    // a move to the next stage
    const ok = await b.post(`/initiatieven/${it.id}/fase`, { to: 'test', rationale: 'Proef begint.' }, `/initiatieven/${it.id}`);
    assert.equal(ok.status, 303);
    assert.equal(assertOk(await api(null, `/api/v1/initiatives/${it.id}`)).stage, 'test');
    // a stale form that skips: 409 with the error beside the field
    const skip = await b.post(`/initiatieven/${it.id}/fase`, { to: 'sustained', rationale: 'Te snel.' }, `/initiatieven/${it.id}`);
    assert.equal(skip.status, 409);
    assert.match(main(skip.text), /id="to-error"/);
    // a resident posting is refused
    const rb = await login('resident');
    assert.equal((await rb.post(`/initiatieven/${it.id}/fase`, { to: 'implementation', rationale: 'x' }, `/initiatieven/${it.id}`)).status, 403);
    assert.equal((await new Browser().request(`/initiatieven/${NONE}`)).status, 404);
  });

  test('start an initiative through the form; errors beside the fields, what was typed kept; edit it', async () => {
    const b = await login('member');
    const form = await b.request(`/initiatieven/nieuw?issue=${issue.id}`);
    assert.equal(form.status, 200);
    assert.match(main(form.text), new RegExp(`value="${issue.id}"[^>]*checked|checked[^>]*value="${issue.id}"`));
    const bad = await b.post('/initiatieven/nieuw', { title: 'Wijktuin', summary: '', type: 'service', leadParty: party.id, area: AREA, budgetCents: 'veel' }, '/initiatieven/nieuw');
    assert.equal(bad.status, 400);
    const m = main(bad.text);
    for (const f of ['summary', 'participationLevel', 'budgetCents']) assert.match(m, new RegExp(`id="${f}-error"`), f);
    assert.ok(m.includes('value="Wijktuin"'));
    const title = `Wijktuin ${uniq()}`;
    const ok = await b.post('/initiatieven/nieuw', { title, summary: 'Samen tuinieren.', type: 'collaboration', leadParty: party.id,
      area: AREA, participationLevel: 'co_deciding', issues: [issue.id], targetGroups: 'jongeren, ouderen', budgetCents: '1.250,50' }, '/initiatieven/nieuw');
    assert.equal(ok.status, 303, ok.text.slice(0, 500));
    const id = /\/initiatieven\/([0-9a-f-]{36})/.exec(ok.location)[1];
    const it = assertOk(await api(null, `/api/v1/initiatives/${id}`));
    assert.equal(it.title, title);
    assert.equal(it.budgetCents, 125050);
    // the budget as each language writes an amount, as the results' costs are
    const shown = await new Browser().request(`/initiatieven/${id}`);
    assert.ok(main(shown.text).includes('€ 1.250,50'), main(shown.text).match(/Begroting.{0,80}/s)?.[0]);
    const shownEn = await new Browser().request(`/initiatieven/${id}?lang=en`);
    assert.ok(main(shownEn.text).includes('€1,250.50'));
    assert.deepEqual(it.issues, [issue.id]);
    assert.deepEqual(it.targetGroups, ['jongeren', 'ouderen']);
    const edit = await b.request(`/initiatieven/${id}/bewerken`);
    assert.equal(edit.status, 200);
    assert.ok(main(edit.text).includes(`value="${title}"`));
    const saved = await b.post(`/initiatieven/${id}/bewerken`, { title: `${title} en meer`, summary: 'Samen tuinieren.', type: 'collaboration',
      leadParty: party.id, area: AREA, participationLevel: 'advising' }, `/initiatieven/${id}/bewerken`);
    assert.equal(saved.status, 303);
    const after = assertOk(await api(null, `/api/v1/initiatives/${id}`));
    assert.equal(after.participationLevel, 'advising');
    assert.deepEqual(after.issues, []);
    assert.equal((await (await login('resident')).request(`/initiatieven/${id}/bewerken`)).status, 403);
    const anon = await new Browser().request('/initiatieven/nieuw');
    assert.equal(anon.status, 303);
  });

  test('follow, offer to help and withdraw through the page; the lead sees the offers', async () => {
    const it = await create();
    const b = await login('resident');
    assert.equal((await b.post(`/initiatieven/${it.id}/volgen`, {}, `/initiatieven/${it.id}`)).status, 303);
    assertOk(await api('resident', `/api/v1/initiatives/${it.id}/follows/me`));
    assert.ok(main((await b.request(`/initiatieven/${it.id}`)).text).includes('Niet meer volgen'));
    assert.equal((await b.post(`/initiatieven/${it.id}/ontvolgen`, {}, `/initiatieven/${it.id}`)).status, 303);
    assertProblem(await api('resident', `/api/v1/initiatives/${it.id}/follows/me`), 404);
    const long = await b.post(`/initiatieven/${it.id}/helpen`, { message: 'x'.repeat(1001) }, `/initiatieven/${it.id}`);
    assert.equal(long.status, 400);
    assert.match(main(long.text), /id="message-error"/);
    assert.equal((await b.post(`/initiatieven/${it.id}/helpen`, { message: 'Ik kan op woensdag.' }, `/initiatieven/${it.id}`)).status, 303);
    const lead = main((await (await login('member')).request(`/initiatieven/${it.id}`)).text);
    assert.ok(lead.includes('Rita Bewoner') && lead.includes('Ik kan op woensdag.'));
    const other = main((await (await login('follower')).request(`/initiatieven/${it.id}`)).text);
    assert.ok(!other.includes('Ik kan op woensdag.'), 'another resident reads the offer');
    assert.equal((await b.post(`/initiatieven/${it.id}/niet-helpen`, {}, `/initiatieven/${it.id}`)).status, 303);
    assertProblem(await api('resident', `/api/v1/initiatives/${it.id}/interest/me`), 404);
  });

  test('the issue page lists its initiatives; delete through the page', async () => {
    const it = await create('member', { issues: [issue.id], title: `Op het vraagstuk ${uniq()}` });
    const m = main((await new Browser().request(`/vraagstukken/${issue.id}`)).text);
    assert.ok(m.includes('id="initiatieven"') && m.includes(it.title) && m.includes(`href="/initiatieven/${it.id}"`));
    const b = await login('partyAdmin');
    const confirm = await b.request(`/initiatieven/${it.id}/verwijderen`);
    assert.equal(confirm.status, 200);
    assert.equal((await (await login('member')).request(`/initiatieven/${it.id}/verwijderen`)).status, 403);
    const r = await b.post(`/initiatieven/${it.id}/verwijderen`, {}, `/initiatieven/${it.id}/verwijderen`);
    assert.equal(r.status, 303);
    assertProblem(await api(null, `/api/v1/initiatives/${it.id}`), 404);
  });

  test('the demo has initiatives in every stage, with decisions and stopped ones with lessons', async () => {
    const all = (await listAll(k.url, '/api/v1/initiatives?limit=100')).items;
    for (const s of ['idea', 'development', 'test', 'implementation', 'sustained', 'stopped'])
      assert.ok(all.some((x) => x.stage === s), `no demo initiative in ${s}`);
    const stopped = all.find((x) => x.stage === 'stopped');
    const tl = await decisions(stopped.id);
    assert.ok(tl.at(-1).lessons.length > 0);
    const kinds = new Set(all.map((x) => x.leadKind));
    assert.ok(kinds.size >= 3, JSON.stringify([...kinds]));
  });
});
