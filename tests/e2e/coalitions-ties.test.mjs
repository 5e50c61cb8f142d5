// Coalitions (samenwerkingsverbanden), their partners, ties between parties
// (relaties) and a party's connections (issue 11, part C): every endpoint
// and page, who may, every bad field named, duplicates, the last managing
// partner, search kept in step, and the ties that follow from a shared
// coalition and from a shared initiative (rows of migration 11 written
// with sql(), so that this runs without part A's API).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem, sql, sqlRows } from '../lib/kiem.mjs';
import { call, assertOk, assertProblem, assertInvalid, Browser } from './helpers.mjs';

const PASSWORD = 'een-lang-wachtwoord-123';
const PEOPLE = {
  admin: { email: 'ada@net.example', name: 'Ada Beheer', admin: true },
  buurt: { email: 'bea@net.example', name: 'Bea Buurt' },        // admin of Buurtkracht
  lid: { email: 'lex@net.example', name: 'Lex Lid' },            // a member (not admin) of Buurtkracht
  fonds: { email: 'fien@net.example', name: 'Fien Fonds' },      // admin of Fonds Testland
  school: { email: 'sam@net.example', name: 'Sam School' },      // admin of Hogeschool Testland and Verborgen BV
  resident: { email: 'rob@net.example', name: 'Rob Bewoner' },
  coordinator: { email: 'cor@net.example', name: 'Cor Coordinator' }, // of GM9911
};
const MISSING = '00000000-0000-7000-8000-000000000000';

let k;
const T = {};
const P = {}; // party ids by short name
const I = {}; // issue ids

async function area(code, name, level, parent) {
  assertOk(await call(k.url, '/api/v1/areas', { method: 'POST', token: T.admin, body: { code, name, level, parent } }), 201);
}
async function party(key, who, body) {
  P[key] = assertOk(await call(k.url, '/api/v1/parties', { method: 'POST', token: T[who], body }), 201).id;
}
const api = (who, path, opts = {}) => call(k.url, path, { ...opts, token: who ? T[who] : undefined });
async function login(who) {
  const b = new Browser(k.url);
  const r = await b.login(PEOPLE[who].email, PASSWORD);
  assert.equal(r.status, 303, r.text.slice(0, 300));
  return b;
}

before(async () => {
  k = await startKiem({ demo: false, users: Object.values(PEOPLE).map((p) => ({ ...p, password: PASSWORD })) });
  for (const [who, p] of Object.entries(PEOPLE)) T[who] = k.tokens[p.email];
  await area('XD', 'Netland', 'country', null);
  await area('GM9911', 'Netstad', 'municipality', 'XD');
  await area('WK991101', 'Noord', 'district', 'GM9911');
  await area('GM9912', 'Anderstad', 'municipality', 'XD');
  const me = assertOk(await api('coordinator', '/api/v1/users/me'));
  assertOk(await api('admin', `/api/v1/users/${me.id}/coordinator-areas`, { method: 'POST', body: { area: 'GM9911' } }));
  await party('buurt', 'buurt', { name: 'Buurtkracht', kind: 'citizen_initiative', areas: ['WK991101'] });
  assertOk(await api('buurt', `/api/v1/parties/${P.buurt}/members`, { method: 'POST', body: { email: PEOPLE.lid.email, role: 'member' } }), 201);
  await party('fonds', 'fonds', { name: 'Fonds Testland', kind: 'business', areas: ['GM9912'] });
  await party('school', 'school', { name: 'Hogeschool Testland', kind: 'knowledge_institute', areas: ['XD'] });
  await party('gemeente', 'admin', { name: 'Gemeente Netstad', kind: 'government', areas: ['GM9911'] });
  await party('verborgen', 'school', { name: 'Verborgen BV', kind: 'business', areas: ['GM9912'], visibility: 'private' });
  for (const [key, title, areaCode, owner] of [['eenzaam', 'Eenzaamheid in Netstad', 'GM9911', 'buurt'], ['schuld', 'Schulden in Noord', 'WK991101', 'buurt']]) {
    I[key] = assertOk(await api('buurt', '/api/v1/issues', { method: 'POST', body: { title, summary: 'Een samenvatting.', area: areaCode, ownerParty: P[owner] } }), 201).id;
  }
});
after(async () => { if (process.env.KIEM_SHOW_LOG) console.error(k?.log()); await k?.stop(); });

let C; // the coalition of the tests below

describe('coalitions in the API', () => {
  test('a member starts one for her party, which becomes its first managing partner', async () => {
    const r = await api('buurt', '/api/v1/coalitions', {
      method: 'POST',
      body: { name: 'Samen tegen Eenzaamheid', description: 'Wij werken *samen*.', area: 'WK991101', party: P.buurt, issues: [I.eenzaam, I.schuld], since: '2026-02-01' },
    });
    const c = assertOk(r, 201);
    assert.equal(r.headers.get('location'), `/api/v1/coalitions/${c.id}`);
    assert.equal(c._links.self.href, `/api/v1/coalitions/${c.id}`);
    assert.equal(c._links.partners.href, `/api/v1/coalitions/${c.id}/partners`);
    assert.equal(c.name, 'Samen tegen Eenzaamheid');
    assert.equal(c.area, 'WK991101');
    assert.equal(c.areaName, 'Noord');
    assert.equal(c.since, '2026-02-01');
    assert.deepEqual(c.issues, [I.eenzaam, I.schuld].sort());
    assert.equal(c.party, P.buurt);
    assert.equal(c.partners, 1);
    C = c.id;
    const partners = assertOk(await api(null, `/api/v1/coalitions/${C}/partners`));
    assert.equal(partners.items.length, 1);
    assert.equal(partners.items[0].party, P.buurt);
    assert.equal(partners.items[0].partyName, 'Buurtkracht');
    assert.equal(partners.items[0].partyKind, 'citizen_initiative');
    assert.equal(partners.items[0].admin, true);
    assert.equal(partners.items[0].role, null);
    assert.equal(partners.items[0].since, '2026-02-01');
    const got = assertOk(await api(null, `/api/v1/coalitions/${C}`));
    assert.deepEqual(got, { ...c, updatedAt: got.updatedAt });
  });

  test('since is today when not given', async () => {
    const c = assertOk(await api('fonds', '/api/v1/coalitions', { method: 'POST', body: { name: 'Fondsenoverleg', area: 'GM9912', party: P.fonds } }), 201);
    assert.equal(c.since, new Date().toISOString().slice(0, 10));
    assert.equal(c.description, '');
    assert.deepEqual(c.issues, []);
  });

  test('every bad field is named at once', async () => {
    const r = await api('buurt', '/api/v1/coalitions', {
      method: 'POST',
      body: { name: '', area: 'XX0000', issues: [MISSING], since: '1 februari', colour: 'rood' },
    });
    assertInvalid(r, ['colour']);
    const r2 = await api('buurt', '/api/v1/coalitions', { method: 'POST', body: { name: '', area: 'XX0000', issues: [MISSING], since: '1 februari' } });
    const names = assertInvalid(r2, ['name', 'area', 'issues', 'since', 'party']);
    assert.ok(names.includes('party'));
    const r3 = await api('buurt', '/api/v1/coalitions', { method: 'POST', body: { name: 'X', area: 'GM9911', party: MISSING } });
    assertInvalid(r3, ['party']);
    const r4 = await api('buurt', '/api/v1/coalitions', { method: 'POST', body: { name: 'X', area: 'GM9911', party: P.buurt, partners: 3 } });
    assertInvalid(r4, ['partners']);
  });

  test('only for a party one is a member of; anonymous callers log in first', async () => {
    assertProblem(await api('resident', '/api/v1/coalitions', { method: 'POST', body: { name: 'X', area: 'GM9911', party: P.buurt } }), 403);
    assertProblem(await api('coordinator', '/api/v1/coalitions', { method: 'POST', body: { name: 'X', area: 'GM9911', party: P.buurt } }), 403);
    assertProblem(await api(null, '/api/v1/coalitions', { method: 'POST', body: { name: 'X', area: 'GM9911', party: P.buurt } }), 401);
    // a private party is not one to choose for those who cannot see it
    assertInvalid(await api('fonds', '/api/v1/coalitions', { method: 'POST', body: { name: 'X', area: 'GM9911', party: P.verborgen } }), ['party']);
  });

  test('managers, the area\'s coordinator and admins change it; others may not', async () => {
    const lid = assertOk(await api('lid', `/api/v1/coalitions/${C}`, { method: 'PATCH', body: { description: 'Door een lid.' } }));
    assert.equal(lid.description, 'Door een lid.');
    const cor = assertOk(await api('coordinator', `/api/v1/coalitions/${C}`, { method: 'PATCH', body: { since: '2026-01-15' } }));
    assert.equal(cor.since, '2026-01-15');
    assert.equal(cor.description, 'Door een lid.');
    assertProblem(await api('fonds', `/api/v1/coalitions/${C}`, { method: 'PATCH', body: { name: 'Overgenomen' } }), 403);
    assertProblem(await api('resident', `/api/v1/coalitions/${C}`, { method: 'PATCH', body: { name: 'Overgenomen' } }), 403);
    assertProblem(await api(null, `/api/v1/coalitions/${C}`, { method: 'PATCH', body: { name: 'Overgenomen' } }), 401);
    assertInvalid(await api('buurt', `/api/v1/coalitions/${C}`, { method: 'PATCH', body: { name: '', party: P.fonds, issues: ['geen-id'] } }), ['name', 'party', 'issues']);
    // the coordinator of Netstad may not move it out of her areas
    assertProblem(await api('coordinator', `/api/v1/coalitions/${C}`, { method: 'PATCH', body: { area: 'GM9912' } }), 403);
    assertProblem(await api(null, `/api/v1/coalitions/${MISSING}`), 404);
  });

  test('the log records which fields changed, not their values', async () => {
    const log = assertOk(await api('admin', `/api/v1/activity?objectType=coalition&objectId=${C}&limit=100`));
    const actions = log.items.map((e) => `${e.action}:${e.fields ?? ''}`);
    assert.ok(actions.includes('create:'), actions.join(' '));
    assert.ok(actions.some((a) => a.startsWith('update:') && a.includes('description')), actions.join(' '));
    assert.ok(!JSON.stringify(log).includes('Door een lid.'));
  });

  test('the list filters by area (and the areas inside it), issue and party, searches, sorts and pages', async () => {
    const names = async (q) => assertOk(await api(null, `/api/v1/coalitions${q}`)).items.map((c) => c.name);
    assert.deepEqual(await names('?area=GM9911'), ['Samen tegen Eenzaamheid']); // WK991101 lies inside
    assert.deepEqual(await names('?area=XD'), ['Fondsenoverleg', 'Samen tegen Eenzaamheid']);
    assert.deepEqual(await names('?area=XD&sort=-name'), ['Samen tegen Eenzaamheid', 'Fondsenoverleg']);
    assert.deepEqual(await names(`?issue=${I.schuld}`), ['Samen tegen Eenzaamheid']);
    assert.deepEqual(await names(`?party=${P.fonds}`), ['Fondsenoverleg']);
    assert.deepEqual(await names('?q=eenzaamheid'), ['Samen tegen Eenzaamheid']);
    assert.deepEqual(await names('?q=lid'), ['Samen tegen Eenzaamheid'], 'the description is searched too');
    const first = assertOk(await api(null, '/api/v1/coalitions?limit=1&sort=createdAt'));
    assert.equal(first.items[0].name, 'Samen tegen Eenzaamheid');
    assert.ok(first._links.next.href.includes('cursor='));
    const second = assertOk(await api(null, first._links.next.href.replace('/api/v1', '/api/v1')));
    assert.equal(second.items[0].name, 'Fondsenoverleg');
    assertInvalid(await api(null, '/api/v1/coalitions?area=XX&issue=nee&party=nee&sort=naam&cursor=%%%&kind=x'), ['area', 'issue', 'party', 'sort', 'cursor', 'kind']);
  });

  test('the search follows a change of the name', async () => {
    assertOk(await api('buurt', `/api/v1/coalitions/${C}`, { method: 'PATCH', body: { name: 'Netstad Verbindt' } }));
    const found = async (q) => assertOk(await api(null, `/api/v1/coalitions?q=${q}`)).items.map((c) => c.id);
    assert.deepEqual(await found('verbindt'), [C]);
    assert.deepEqual(await found('eenzaamheid'), []);
  });
});

let partnerFonds;

describe('partners', () => {
  test('a manager adds a party with a role, contribution and since', async () => {
    const r = await api('buurt', `/api/v1/coalitions/${C}/partners`, { method: 'POST', body: { party: P.fonds, role: 'invest', contribution: 'Een bijdrage van het fonds.', since: '2026-03-01' } });
    const pa = assertOk(r, 201);
    assert.equal(r.headers.get('location'), `/api/v1/coalitions/${C}/partners/${pa.id}`);
    assert.equal(pa._links.self.href, r.headers.get('location'));
    assert.equal(pa._links.party.href, `/api/v1/parties/${P.fonds}`);
    assert.deepEqual([pa.party, pa.partyName, pa.partyKind, pa.role, pa.contribution, pa.since, pa.admin],
      [P.fonds, 'Fonds Testland', 'business', 'invest', 'Een bijdrage van het fonds.', '2026-03-01', false]);
    partnerFonds = pa.id;
    assert.deepEqual(assertOk(await api(null, `/api/v1/coalitions/${C}/partners/${pa.id}`)), pa);
    assert.equal(assertOk(await api(null, `/api/v1/coalitions/${C}`)).partners, 2);
  });

  test('a party is a partner once: a second time is a 409 that names it', async () => {
    const r = await api('coordinator', `/api/v1/coalitions/${C}/partners`, { method: 'POST', body: { party: P.fonds } });
    const b = assertProblem(r, 409);
    assert.ok(b.detail.includes(`/api/v1/coalitions/${C}/partners/${partnerFonds}`), b.detail);
  });

  test('bad partners are named', async () => {
    assertInvalid(await api('buurt', `/api/v1/coalitions/${C}/partners`, { method: 'POST', body: { role: 'dansen', since: 'gisteren', admin: 'ja' } }), ['party', 'role', 'since', 'admin']);
    assertInvalid(await api('buurt', `/api/v1/coalitions/${C}/partners`, { method: 'POST', body: { party: MISSING } }), ['party']);
    // a private party the manager cannot see
    assertInvalid(await api('buurt', `/api/v1/coalitions/${C}/partners`, { method: 'POST', body: { party: P.verborgen } }), ['party']);
    assertProblem(await api('buurt', `/api/v1/coalitions/${MISSING}/partners`, { method: 'POST', body: { party: P.school } }), 404);
    assertProblem(await api(null, `/api/v1/coalitions/${MISSING}/partners`), 404);
  });

  test('who is not a manager adds no partner, and changes none', async () => {
    assertProblem(await api('fonds', `/api/v1/coalitions/${C}/partners`, { method: 'POST', body: { party: P.school } }), 403);
    assertProblem(await api('fonds', `/api/v1/coalitions/${C}/partners/${partnerFonds}`, { method: 'PATCH', body: { admin: true } }), 403);
    assertProblem(await api('resident', `/api/v1/coalitions/${C}/partners/${partnerFonds}`, { method: 'DELETE' }), 403);
  });

  test('a manager makes a partner a managing one; its members then manage too', async () => {
    const pa = assertOk(await api('lid', `/api/v1/coalitions/${C}/partners/${partnerFonds}`, { method: 'PATCH', body: { admin: true, role: null } }));
    assert.equal(pa.admin, true);
    assert.equal(pa.role, null);
    assert.equal(pa.contribution, 'Een bijdrage van het fonds.');
    const items = assertOk(await api(null, `/api/v1/coalitions/${C}/partners`)).items;
    assert.deepEqual(items.map((x) => x.partyName), ['Buurtkracht', 'Fonds Testland']);
    assertOk(await api('fonds', `/api/v1/coalitions/${C}`, { method: 'PATCH', body: { description: 'Nu ook door het fonds.' } }));
  });

  test('the last managing partner stays one: 409', async () => {
    const school = assertOk(await api('fonds', `/api/v1/coalitions/${C}/partners`, { method: 'POST', body: { party: P.school, role: 'research_working_elements' } }), 201);
    const buurt = assertOk(await api(null, `/api/v1/coalitions/${C}/partners`)).items.find((x) => x.party === P.buurt);
    assertOk(await api('fonds', `/api/v1/coalitions/${C}/partners/${buurt.id}`, { method: 'PATCH', body: { admin: false } }));
    assertProblem(await api('fonds', `/api/v1/coalitions/${C}/partners/${partnerFonds}`, { method: 'PATCH', body: { admin: false } }), 409);
    assertProblem(await api('admin', `/api/v1/coalitions/${C}/partners/${partnerFonds}`, { method: 'DELETE' }), 409);
    // the admin of a partner party withdraws it; a plain member of one may not
    assertProblem(await api('lid', `/api/v1/coalitions/${C}/partners/${buurt.id}`, { method: 'DELETE' }), 403);
    const del = await api('school', `/api/v1/coalitions/${C}/partners/${school.id}`, { method: 'DELETE' });
    assert.equal(del.status, 204);
    assertProblem(await api(null, `/api/v1/coalitions/${C}/partners/${school.id}`), 404);
    // Buurtkracht manages again
    assertOk(await api('fonds', `/api/v1/coalitions/${C}/partners/${buurt.id}`, { method: 'PATCH', body: { admin: true } }));
    const log = assertOk(await api('admin', `/api/v1/activity?objectType=coalition&objectId=${C}&limit=100`)).items.map((e) => e.action);
    for (const a of ['add_partner', 'change_partner', 'remove_partner']) assert.ok(log.includes(a), `${a} in ${log}`);
  });
});

let tieFunds;

describe('ties', () => {
  test('a member of the from party records one; its kind, since and note', async () => {
    const r = await api('fonds', '/api/v1/ties', { method: 'POST', body: { from: P.fonds, to: P.buurt, kind: 'funds', since: '2025-06-01', note: 'Subsidie voor de buurtkamer' } });
    const t = assertOk(r, 201);
    assert.equal(r.headers.get('location'), `/api/v1/ties/${t.id}`);
    assert.deepEqual([t.from, t.fromName, t.to, t.toName, t.kind, t.since, t.note],
      [P.fonds, 'Fonds Testland', P.buurt, 'Buurtkracht', 'funds', '2025-06-01', 'Subsidie voor de buurtkamer']);
    assert.equal(t._links.from.href, `/api/v1/parties/${P.fonds}`);
    assert.equal(t._links.to.href, `/api/v1/parties/${P.buurt}`);
    tieFunds = t.id;
    assert.deepEqual(assertOk(await api(null, `/api/v1/ties/${t.id}`)), t);
  });

  test('a member of the to party, and a coordinator of an area of either, record one too', async () => {
    const a = assertOk(await api('lid', '/api/v1/ties', { method: 'POST', body: { from: P.school, to: P.buurt, kind: 'advises' } }), 201);
    assert.equal(a.since, new Date().toISOString().slice(0, 10));
    assert.equal(a.note, '');
    assertOk(await api('coordinator', '/api/v1/ties', { method: 'POST', body: { from: P.gemeente, to: P.school, kind: 'refers_to' } }), 201);
    assertProblem(await api('resident', '/api/v1/ties', { method: 'POST', body: { from: P.school, to: P.fonds, kind: 'shares_knowledge' } }), 403);
    assertProblem(await api('coordinator', '/api/v1/ties', { method: 'POST', body: { from: P.fonds, to: P.verborgen, kind: 'funds' } }), 400);
    assertProblem(await api(null, '/api/v1/ties', { method: 'POST', body: { from: P.school, to: P.fonds, kind: 'funds' } }), 401);
  });

  test('one tie of a kind from a party to another: a second is a 409 that names it; the other way is another tie', async () => {
    const b = assertProblem(await api('buurt', '/api/v1/ties', { method: 'POST', body: { from: P.fonds, to: P.buurt, kind: 'funds' } }), 409);
    assert.ok(b.detail.includes(`/api/v1/ties/${tieFunds}`), b.detail);
    assertOk(await api('buurt', '/api/v1/ties', { method: 'POST', body: { from: P.buurt, to: P.fonds, kind: 'funds' } }), 201);
    assertOk(await api('buurt', '/api/v1/ties', { method: 'POST', body: { from: P.fonds, to: P.buurt, kind: 'partners_with' } }), 201);
  });

  test('bad ties are named: the same party twice, unknown parties and kinds, a private party', async () => {
    assertInvalid(await api('buurt', '/api/v1/ties', { method: 'POST', body: { from: P.buurt, to: P.buurt, kind: 'funds' } }), ['to']);
    assertInvalid(await api('buurt', '/api/v1/ties', { method: 'POST', body: { from: MISSING, to: 'nee', kind: 'loves', since: '2025-13-45' } }), ['from', 'to', 'kind', 'since']);
    assertInvalid(await api('buurt', '/api/v1/ties', { method: 'POST', body: {} }), ['from', 'to', 'kind']);
    assertInvalid(await api('buurt', '/api/v1/ties', { method: 'POST', body: { from: P.buurt, to: P.verborgen, kind: 'funds' } }), ['to']);
    assertInvalid(await api('buurt', '/api/v1/ties', { method: 'POST', body: { from: P.buurt, to: P.fonds, kind: 'funds', id: MISSING } }), ['id']);
  });

  test('a tie with a private party is seen only by who may see that party', async () => {
    const t = assertOk(await api('school', '/api/v1/ties', { method: 'POST', body: { from: P.verborgen, to: P.school, kind: 'shares_knowledge' } }), 201);
    assertProblem(await api(null, `/api/v1/ties/${t.id}`), 404);
    assertProblem(await api('buurt', `/api/v1/ties/${t.id}`), 404);
    assertOk(await api('school', `/api/v1/ties/${t.id}`));
    assertOk(await api('admin', `/api/v1/ties/${t.id}`));
    const anon = assertOk(await api(null, `/api/v1/ties?party=${P.school}`)).items.map((x) => x.id);
    assert.ok(!anon.includes(t.id));
    const own = assertOk(await api('school', `/api/v1/ties?party=${P.school}`)).items.map((x) => x.id);
    assert.ok(own.includes(t.id));
  });

  test('the list filters by party (either end) and kind, newest first, and pages', async () => {
    const kinds = assertOk(await api(null, `/api/v1/ties?party=${P.buurt}`)).items.map((x) => `${x.fromName}>${x.toName}:${x.kind}`);
    assert.deepEqual(kinds, ['Fonds Testland>Buurtkracht:partners_with', 'Buurtkracht>Fonds Testland:funds', 'Hogeschool Testland>Buurtkracht:advises', 'Fonds Testland>Buurtkracht:funds']);
    assert.deepEqual(assertOk(await api(null, `/api/v1/ties?party=${P.buurt}&kind=funds`)).items.length, 2);
    const page = assertOk(await api(null, `/api/v1/ties?party=${P.buurt}&limit=3`));
    assert.equal(page.items.length, 3);
    const rest = assertOk(await api(null, page._links.next.href));
    assert.deepEqual(rest.items.map((x) => x.id), [tieFunds]);
    assertInvalid(await api(null, '/api/v1/ties?party=nee&kind=loves&cursor=%%'), ['party', 'kind', 'cursor']);
  });

  test('members of either party remove a tie; others may not', async () => {
    const t = assertOk(await api('buurt', '/api/v1/ties', { method: 'POST', body: { from: P.buurt, to: P.gemeente, kind: 'shares_knowledge' } }), 201);
    assertProblem(await api('fonds', `/api/v1/ties/${t.id}`, { method: 'DELETE' }), 403);
    assertProblem(await api(null, `/api/v1/ties/${t.id}`, { method: 'DELETE' }), 401);
    assert.equal((await api('lid', `/api/v1/ties/${t.id}`, { method: 'DELETE' })).status, 204);
    assertProblem(await api(null, `/api/v1/ties/${t.id}`), 404);
    assertProblem(await api('lid', `/api/v1/ties/${t.id}`, { method: 'DELETE' }), 404);
  });
});

describe('a party\'s connections', () => {
  test('its ties each way, and the ties that follow from a shared coalition', async () => {
    const net = assertOk(await api('resident', `/api/v1/parties/${P.fonds}/connections`));
    assert.equal(net.party, P.fonds);
    assert.equal(net._links.self.href, `/api/v1/parties/${P.fonds}/connections`);
    const ties = net.ties.filter((t) => !t.derived).map((t) => `${t.partyName}:${t.kind}:${t.direction}`).sort();
    assert.deepEqual(ties, ['Buurtkracht:funds:incoming', 'Buurtkracht:funds:outgoing', 'Buurtkracht:partners_with:outgoing']);
    const derived = net.ties.filter((t) => t.derived);
    assert.deepEqual(derived.map((t) => [t.partyName, t.kind, t.via.type, t.via.id, t.via.name]),
      [['Buurtkracht', 'partners_with', 'coalition', C, 'Netstad Verbindt']]);
    assert.equal(derived[0]._links.via.href, `/api/v1/coalitions/${C}`);
    assert.deepEqual(net.coalitions.map((c) => [c.name, c.admin]), [['Fondsenoverleg', true], ['Netstad Verbindt', true]]);
    assert.equal(net.coalitions[1]._links.self.href, `/api/v1/coalitions/${C}`);
    assert.deepEqual(net.initiatives, []);
  });

  test('and the ties that follow from a shared initiative: its lead and its partners', async () => {
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const ini = '01a30000-0000-7000-8000-0000000000a1';
    sql(k.db, `INSERT INTO initiatives (id, title, summary, description, type, lead_party_id, area_code, participation_level, stage, stage_changed_at, created_at, updated_at)
      VALUES ('${ini}', 'Buurtkamer Noord', 'Een kamer.', '', 'service', '${P.school}', 'WK991101', 'co_producing', 'development', '${now}', '${now}', '${now}')`);
    sql(k.db, `INSERT INTO initiative_partners (id, initiative_id, party_id, role_key, contribution, since, created_at, updated_at)
      VALUES ('01a30000-0000-7000-8000-0000000000b1', '${ini}', '${P.fonds}', 'invest', '', '2026-01-01', '${now}', '${now}'),
             ('01a30000-0000-7000-8000-0000000000b2', '${ini}', '${P.gemeente}', 'procure_innovations', '', '2026-01-01', '${now}', '${now}')`);
    const net = assertOk(await api('resident', `/api/v1/parties/${P.fonds}/connections`));
    const derived = net.ties.filter((t) => t.derived).map((t) => `${t.partyName} via ${t.via.type} ${t.via.name}`).sort();
    assert.deepEqual(derived, ['Buurtkracht via coalition Netstad Verbindt', 'Gemeente Netstad via initiative Buurtkamer Noord', 'Hogeschool Testland via initiative Buurtkamer Noord']);
    assert.deepEqual(net.initiatives.map((i) => [i.id, i.title, i.role, i.stage]), [[ini, 'Buurtkamer Noord', 'invest', 'development']]);
    assert.equal(net.initiatives[0]._links.self.href, `/api/v1/initiatives/${ini}`);
    const lead = assertOk(await api('resident', `/api/v1/parties/${P.school}/connections`));
    assert.deepEqual(lead.initiatives.map((i) => i.role), ['lead']);
    assert.deepEqual(lead.ties.filter((t) => t.derived).map((t) => t.partyName).sort(), ['Fonds Testland', 'Gemeente Netstad']);
  });

  test('a private party is in the connections only for who may see it, and its own are 404 to others', async () => {
    const anon = assertOk(await api('resident', `/api/v1/parties/${P.school}/connections`));
    assert.ok(!anon.ties.some((t) => t.party === P.verborgen));
    const own = assertOk(await api('school', `/api/v1/parties/${P.school}/connections`));
    assert.ok(own.ties.some((t) => t.party === P.verborgen && t.kind === 'shares_knowledge' && t.direction === 'incoming'));
    assertProblem(await api('resident', `/api/v1/parties/${P.verborgen}/connections`), 404);
    assertOk(await api('school', `/api/v1/parties/${P.verborgen}/connections`));
    assertProblem(await api(null, `/api/v1/parties/${MISSING}/connections`), 404);
    assertProblem(await api(null, `/api/v1/parties/${P.school}/connections?limit=5`), 400);
  });
});

describe('the pages', () => {
  test('/samenwerkingen lists, filters and searches without JavaScript, in Dutch and English', async () => {
    const b = new Browser(k.url);
    let r = await b.request('/samenwerkingen');
    assert.equal(r.status, 200);
    assert.match(r.text, /<h1>Samenwerkingsverbanden<\/h1>/);
    assert.ok(r.text.includes(`href="/samenwerkingen/${C}"`));
    assert.match(r.text, /<form action="\/samenwerkingen" method="get">/);
    assert.match(r.text, /Log in om een samenwerkingsverband te beginnen/);
    r = await b.request('/samenwerkingen?q=fondsenoverleg');
    assert.ok(!r.text.includes(`href="/samenwerkingen/${C}"`));
    assert.match(r.text, /Fondsenoverleg/);
    r = await b.request(`/samenwerkingen?party=${P.buurt}&area=GM9911`);
    assert.ok(r.text.includes(`href="/samenwerkingen/${C}"`));
    assert.ok(!r.text.includes('Fondsenoverleg'));
    r = await b.request('/samenwerkingen?area=XX');
    assert.equal(r.status, 400);
    r = await b.request('/samenwerkingen?lang=en');
    assert.match(r.text, /<h1>Coalitions<\/h1>/);
    assert.match(r.text, /Log in to start a coalition/);
  });

  test('a coalition\'s page shows its partners and issues; forms only for who may', async () => {
    const anon = await new Browser(k.url).request(`/samenwerkingen/${C}`);
    assert.equal(anon.status, 200);
    assert.match(anon.text, /<h1 lang="nl">Netstad Verbindt<\/h1>/);
    assert.match(anon.text, /Fonds Testland/);
    assert.match(anon.text, /Beheert mee/);
    assert.ok(anon.text.includes(`/vraagstukken/${I.eenzaam}`));
    assert.ok(!anon.text.includes('/partners"'), 'no form to add a partner');
    const lid = await login('lid');
    const page = await lid.request(`/samenwerkingen/${C}`);
    assert.ok(page.text.includes(`action="/samenwerkingen/${C}/partners"`));
    assert.ok(page.text.includes(`/samenwerkingen/${C}/bewerken`));
    const resident = await login('resident');
    const seen = await resident.request(`/samenwerkingen/${C}`);
    assert.ok(!seen.text.includes(`action="/samenwerkingen/${C}/partners"`));
    assert.equal((await new Browser(k.url).request(`/samenwerkingen/${MISSING}`)).status, 404);
  });

  test('starting one through the form: problems beside the fields, what was typed kept', async () => {
    const b = await login('buurt');
    const form = await b.request('/samenwerkingen/nieuw');
    assert.equal(form.status, 200);
    assert.ok(form.text.includes(`value="${P.buurt}"`), 'her party is offered');
    let r = await b.post('/samenwerkingen/nieuw', { party: P.buurt, name: '', description: 'Wat we willen', area: 'WK991101', since: 'morgen' });
    assert.equal(r.status, 400);
    assert.match(r.text, /Wat we willen/);
    assert.match(r.text, /id="name-error"/);
    assert.match(r.text, /id="since-error"/);
    r = await b.post('/samenwerkingen/nieuw', { party: P.buurt, name: 'Per formulier', area: 'WK991101', issues: [I.schuld] });
    assert.equal(r.status, 303);
    const id = /\/samenwerkingen\/([0-9a-f-]{36})\?opgeslagen=1/.exec(r.location)[1];
    const c = assertOk(await api(null, `/api/v1/coalitions/${id}`));
    assert.deepEqual([c.name, c.party, c.issues], ['Per formulier', P.buurt, [I.schuld]]);
    const shown = await b.request(r.location);
    assert.match(shown.text, /Het samenwerkingsverband is opgeslagen/);
    // changed and removed through its forms
    r = await b.post(`/samenwerkingen/${id}/bewerken`, { name: 'Per formulier gewijzigd', area: 'WK991101', description: 'Nieuw' });
    assert.equal(r.status, 303);
    assert.equal(assertOk(await api(null, `/api/v1/coalitions/${id}`)).name, 'Per formulier gewijzigd');
    assert.equal((await b.request(`/samenwerkingen/${id}/verwijderen`)).status, 200);
    r = await b.post(`/samenwerkingen/${id}/verwijderen`);
    assert.equal(r.status, 303);
    assertProblem(await api(null, `/api/v1/coalitions/${id}`), 404);
    assert.deepEqual(assertOk(await api(null, '/api/v1/coalitions?q=formulier')).items, []);
    assert.equal((await new Browser(k.url).request('/samenwerkingen/nieuw')).status, 303, 'a visitor logs in first');
  });

  test('partners through the forms: add, a duplicate, change, withdraw', async () => {
    const b = await login('buurt');
    let r = await b.post(`/samenwerkingen/${C}/partners`, { party: P.gemeente, role: 'regulatory_room', contribution: 'Ruimte in regels', since: '' });
    assert.equal(r.status, 303);
    const pa = assertOk(await api(null, `/api/v1/coalitions/${C}/partners`)).items.find((x) => x.party === P.gemeente);
    assert.deepEqual([pa.role, pa.contribution, pa.admin], ['regulatory_room', 'Ruimte in regels', false]);
    r = await b.post(`/samenwerkingen/${C}/partners`, { party: P.gemeente });
    assert.equal(r.status, 409);
    assert.match(r.text, /doet al mee/);
    r = await b.post(`/samenwerkingen/${C}/partners`, { party: P.school, since: 'ooit' });
    assert.equal(r.status, 400);
    assert.match(r.text, /id="since-error"/);
    const edit = await b.request(`/samenwerkingen/${C}/partners/${pa.id}/bewerken`);
    assert.equal(edit.status, 200);
    r = await b.post(`/samenwerkingen/${C}/partners/${pa.id}/bewerken`, { role: '', contribution: 'Meer ruimte', admin: '1' });
    assert.equal(r.status, 303);
    const changed = assertOk(await api(null, `/api/v1/coalitions/${C}/partners/${pa.id}`));
    assert.deepEqual([changed.role, changed.contribution, changed.admin], [null, 'Meer ruimte', true]);
    assert.equal((await b.request(`/samenwerkingen/${C}/partners/${pa.id}/verwijderen`)).status, 200);
    r = await b.post(`/samenwerkingen/${C}/partners/${pa.id}/verwijderen`);
    assert.equal(r.status, 303);
    assertProblem(await api(null, `/api/v1/coalitions/${C}/partners/${pa.id}`), 404);
    const fonds = await login('fonds');
    assert.equal((await fonds.request(`/samenwerkingen/${C}/partners/${partnerFonds}/bewerken`)).status, 200);
    const resident = await login('resident');
    assert.equal((await resident.request(`/samenwerkingen/${C}/partners/${partnerFonds}/bewerken`)).status, 403);
  });

  test('the party page shows its network, and a form to record a tie for who may', async () => {
    const anon = await new Browser(k.url).request(`/partijen/${P.fonds}`);
    assert.equal(anon.status, 200);
    assert.match(anon.text, /<h2 id="netwerk">Netwerk<\/h2>/);
    assert.match(anon.text, /Fonds Testland<\/a> financiert <a href="\/partijen\/[^"]+" lang="nl">Buurtkracht<\/a>/);
    assert.match(anon.text, /Buurtkracht<\/a> financiert <a href="\/partijen\/[^"]+" lang="nl">Fonds Testland<\/a>/);
    assert.ok(anon.text.includes(`<a href="/samenwerkingen/${C}" lang="nl">Netstad Verbindt</a>`));
    assert.match(anon.text, /initiatief <a href="\/initiatieven\/[^"]+" lang="nl">Buurtkamer Noord<\/a>/);
    assert.ok(!anon.text.includes('action="/partijen/'), 'no form for a visitor');
    const en = await new Browser(k.url).request(`/partijen/${P.fonds}?lang=en`);
    assert.match(en.text, /Fonds Testland<\/a> funds <a/);
    const fonds = await login('fonds');
    const own = await fonds.request(`/partijen/${P.fonds}`);
    assert.ok(own.text.includes(`action="/partijen/${P.fonds}/relaties"`));
    const resident = await login('resident');
    assert.ok(!(await resident.request(`/partijen/${P.fonds}`)).text.includes('/relaties"'));
  });

  test('recording and removing a tie through the party page', async () => {
    const b = await login('fonds');
    let r = await b.post(`/partijen/${P.fonds}/relaties`, { direction: 'in', other: P.school, kind: 'advises', since: '2026-04-01', note: 'Via het formulier' });
    assert.equal(r.status, 303);
    assert.equal(r.location, `/partijen/${P.fonds}?relatie=vastgelegd#netwerk`);
    const t = assertOk(await api(null, `/api/v1/ties?party=${P.fonds}&kind=advises`)).items[0];
    assert.deepEqual([t.from, t.to, t.note, t.since], [P.school, P.fonds, 'Via het formulier', '2026-04-01']);
    r = await b.post(`/partijen/${P.fonds}/relaties`, { direction: 'in', other: P.school, kind: 'advises' });
    assert.equal(r.status, 409);
    assert.match(r.text, /al vastgelegd/);
    r = await b.post(`/partijen/${P.fonds}/relaties`, { direction: 'out', other: P.fonds, kind: 'vriend', note: 'Houd dit' });
    assert.equal(r.status, 400);
    assert.match(r.text, /Houd dit/);
    assert.match(r.text, /id="kind-error"/);
    assert.match(r.text, /id="other-error"/);
    assert.equal((await b.request(`/partijen/${P.fonds}/relaties/${t.id}/verwijderen`)).status, 200);
    r = await b.post(`/partijen/${P.fonds}/relaties/${t.id}/verwijderen`);
    assert.equal(r.status, 303);
    assertProblem(await api(null, `/api/v1/ties/${t.id}`), 404);
    const resident = await login('resident');
    assert.equal((await resident.request(`/partijen/${P.fonds}/relaties`)).status, 403);
    assert.equal((await resident.request(`/partijen/${P.buurt}/relaties/${tieFunds}/verwijderen`)).status, 403);
    assert.equal((await b.request(`/partijen/${P.school}/relaties/${tieFunds}/verwijderen`)).status, 404, 'not a tie of that party');
  });
});

describe('privacy', () => {
  test('the export names the coalitions one started and the ties one recorded; erasure keeps them', async () => {
    const doc = assertOk(await api('buurt', '/api/v1/users/me/export'));
    assert.ok(doc.coalitionsCreated.some((c) => c.id === C && c.name === 'Netstad Verbindt'));
    assert.ok(doc.tiesCreated.some((t) => t.from === P.buurt && t.to === P.fonds && t.kind === 'funds'));
    const fondsDoc = assertOk(await api('fonds', '/api/v1/users/me/export'));
    assert.ok(fondsDoc.tiesCreated.some((t) => t.id === tieFunds));
    assert.equal((await api('lid', '/api/v1/users/me', { method: 'DELETE' })).status, 204);
    const rows = sqlRows(k.db, `SELECT count(*) AS n FROM ties WHERE created_by IS NOT NULL`);
    assert.ok(rows[0].n > 0);
    assertOk(await api(null, `/api/v1/coalitions/${C}`));
  });
});
