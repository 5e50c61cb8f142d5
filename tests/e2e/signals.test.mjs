// /api/v1/signals and the pages /signalen: reporting signals for a party,
// the inbox with who sees what, clustering of similar reports, routing of
// regulatory signals to the government party of the area (or above it),
// status moves (forbidden ones 409), decisions by the official, taking a
// signal or its cluster up in an issue, and what the reporter sees of it.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem } from '../lib/kiem.mjs';
import { call, assertOk, assertProblem, assertInvalid, listAll, Browser as FormBrowser } from './helpers.mjs';

const PASSWORD = 'een-lang-wachtwoord-123';
const PEOPLE = {
  admin: { email: 'admin@sig.example', name: 'Ada Beheer', admin: true },
  reporter: { email: 'rita@sig.example', name: 'Rita Reporter' },
  official: { email: 'otto@sig.example', name: 'Otto Ambtenaar' },
  cityOfficial: { email: 'stad@sig.example', name: 'Stan Stad' },
  resident: { email: 'carol@sig.example', name: 'Carol Bakker' },
  elsewhere: { email: 'dave@sig.example', name: 'Dave Zuidwest' },
  coordinator: { email: 'cora@sig.example', name: 'Cora Wijk', coordinator: 'WK034403' },
  otherCoordinator: { email: 'olga@sig.example', name: 'Olga Overal', coordinator: 'WK034408' },
};

let k;
const T = {};
const P = {}; // party ids
const MISSING = '00000000-0000-7000-8000-000000000000';

const signal = (over = {}) => ({
  kind: 'gap', title: 'Geen huiswerkbegeleiding in Overvecht',
  description: 'Kinderen in Overvecht hebben na school geen plek voor huiswerkbegeleiding.',
  area: 'WK034403', targetGroup: 'Jongeren', party: P.reporter, ...over,
});
const report = async (over = {}, token = T.reporter) =>
  assertOk(await call(k.url, '/api/v1/signals', { method: 'POST', token, body: signal(over) }), 201);
const get = (id, token) => call(k.url, `/api/v1/signals/${id}`, { token });
const move = (id, body, token = T.coordinator) =>
  call(k.url, `/api/v1/signals/${id}/status-changes`, { method: 'POST', token, body });
const decide = (id, body, token = T.official) =>
  call(k.url, `/api/v1/signals/${id}/decisions`, { method: 'POST', token, body });
const takeUp = (id, body, token = T.coordinator) =>
  call(k.url, `/api/v1/signals/${id}/issue`, { method: 'POST', token, body });

async function partyNamed(name) {
  const b = assertOk(await call(k.url, `/api/v1/parties?q=${encodeURIComponent(name)}`, { token: T.admin }));
  const p = b.items.find((x) => x.name === name);
  assert.ok(p, `no party ${name}`);
  return p.id;
}

async function addMember(party, who) {
  assertOk(await call(k.url, `/api/v1/parties/${party}/members`, {
    method: 'POST', token: T.admin, body: { email: PEOPLE[who].email, role: 'member' },
  }), 201);
}

before(async () => {
  k = await startKiem({ users: Object.values(PEOPLE).map((u) => ({ ...u, password: PASSWORD })) });
  for (const [who, u] of Object.entries(PEOPLE)) T[who] = k.tokens[u.email];
  // the reporter's own citizen initiative in Overvecht; another in Zuidwest
  P.reporter = assertOk(await call(k.url, '/api/v1/parties', {
    method: 'POST', token: T.reporter,
    body: { name: 'Huiswerkhulp Overvecht', kind: 'citizen_initiative', areas: ['WK034403'] },
  }), 201).id;
  P.elsewhere = assertOk(await call(k.url, '/api/v1/parties', {
    method: 'POST', token: T.elsewhere,
    body: { name: 'Buurtkracht Zuidwest', kind: 'citizen_initiative', areas: ['WK034408'] },
  }), 201).id;
  // the government parties of the demo: the district's and the city's
  P.district = await partyNamed('Gemeente Utrecht, wijkbureau Overvecht');
  P.city = await partyNamed('Gemeente Utrecht, team Sociaal Domein');
  await addMember(P.district, 'official');
  await addMember(P.city, 'cityOfficial');
  // a province with no government party anywhere above it
  assertOk(await call(k.url, '/api/v1/areas', { method: 'POST', token: T.admin, body: { code: 'PV27', name: 'Noord-Holland', level: 'province', parent: 'NL01' } }), 201);
  assertOk(await call(k.url, '/api/v1/areas', { method: 'POST', token: T.admin, body: { code: 'GM0363', name: 'Amsterdam', level: 'municipality', parent: 'PV27' } }), 201);
});

after(async () => { await k.stop(); });

describe('reporting', () => {
  test('a member reports a signal for their party; it reads back as stored', async () => {
    const res = await call(k.url, '/api/v1/signals', { method: 'POST', token: T.reporter, body: signal({ title: 'Een kans: leegstaand buurthuis', kind: 'opportunity', description: 'Het buurthuis aan de Gentdreef staat leeg en kan een ontmoetingsplek worden.' }) });
    const b = assertOk(res, 201);
    assert.equal(res.headers.get('location'), `/api/v1/signals/${b.id}`);
    assert.equal(b.kind, 'opportunity');
    assert.equal(b.status, 'open');
    assert.equal(b.targetGroup, 'jongeren', 'the target group is kept in lower case');
    assert.equal(b.party, P.reporter);
    assert.equal(b.regulatory, false);
    assert.equal(b.routedParty, null);
    assert.equal(b.issue, null);
    assert.equal(b.reporterName, PEOPLE.reporter.name);
    assert.equal(b._links.self.href, `/api/v1/signals/${b.id}`);
    const again = assertOk(await get(b.id, T.reporter));
    assert.equal(again.title, 'Een kans: leegstaand buurthuis');
  });

  test('every bad field is listed', async () => {
    const res = await call(k.url, '/api/v1/signals', {
      method: 'POST', token: T.reporter,
      body: { kind: 'klacht', title: '', description: 'x'.repeat(5001), area: 'XX99', targetGroup: 'y'.repeat(51), party: 'geen-id', regulatory: true, rule: 'r'.repeat(301), status: 'open', colour: 'red' },
    });
    const listed = assertInvalid(res, ['kind', 'title', 'description', 'area', 'targetGroup', 'party', 'rule', 'status', 'colour']);
    assert.ok(listed.length >= 9);
    assertInvalid(await call(k.url, '/api/v1/signals', { method: 'POST', token: T.reporter, body: { regulatory: 'ja' } }),
      ['kind', 'title', 'description', 'area', 'regulatory']); // without a party: as a resident (issue 8)
    // a regulatory signal needs the rule
    assertInvalid(await call(k.url, '/api/v1/signals', { method: 'POST', token: T.reporter, body: signal({ regulatory: true }) }), ['rule']);
    assertInvalid(await call(k.url, '/api/v1/signals', { method: 'POST', token: T.reporter, body: signal({ regulatory: true, party: 'geen-id' }) }), ['party', 'rule']);
  });

  test('only members of the party report for it', async () => {
    assertProblem(await call(k.url, '/api/v1/signals', { method: 'POST', body: signal() }), 401);
    assertProblem(await call(k.url, '/api/v1/signals', { method: 'POST', token: T.resident, body: signal() }), 403);
    assertProblem(await call(k.url, '/api/v1/signals', { method: 'POST', token: T.elsewhere, body: signal() }), 403);
    assertInvalid(await call(k.url, '/api/v1/signals', { method: 'POST', token: T.reporter, body: signal({ party: MISSING }) }), ['party']);
  });
});

describe('the inbox: who sees what', () => {
  let id;
  before(async () => { id = (await report({ title: 'Wachtlijst schuldhulp Overvecht', description: 'Mensen met schulden wachten maanden op schuldhulpverlening.', kind: 'bottleneck', targetGroup: 'volwassenen' })).id; });

  test('the reporter, the party members, the coordinator and admins see it; others not', async () => {
    for (const who of ['reporter', 'coordinator', 'admin']) assertOk(await get(id, T[who]));
    // a member of another party serving the area (the district's) does not see it: not reported for or routed to it
    for (const who of ['resident', 'elsewhere', 'otherCoordinator', 'official']) assertProblem(await get(id, T[who]), 404);
    assertProblem(await get(id), 401);
    assertProblem(await get(MISSING, T.admin), 404);
    const seen = async (who) => (await listAll(k.url, '/api/v1/signals?limit=3', { token: T[who] })).items.map((s) => s.id);
    assert.ok((await seen('coordinator')).includes(id));
    assert.ok(!(await seen('official')).includes(id));
    assert.ok(!(await seen('elsewhere')).includes(id));
    assert.ok(!(await seen('otherCoordinator')).includes(id));
    assert.deepEqual(await seen('resident'), []);
    assertProblem(await call(k.url, '/api/v1/signals'), 401);
  });

  test('filters: kind, area, status, target group, regulatory, party, mine, q; bad ones listed', async () => {
    const q = async (query, who = 'coordinator') => (await listAll(k.url, `/api/v1/signals?${query}`, { token: T[who] })).items;
    assert.ok((await q('kind=bottleneck')).every((s) => s.kind === 'bottleneck'));
    assert.ok((await q('kind=bottleneck')).some((s) => s.id === id));
    assert.ok(!(await q('kind=opportunity')).some((s) => s.id === id));
    assert.ok((await q('area=GM0344')).some((s) => s.id === id), 'an area filter takes the areas inside it');
    assert.ok(!(await q('area=WK034401')).some((s) => s.id === id));
    assert.ok((await q('status=open')).some((s) => s.id === id));
    assert.ok(!(await q('status=dismissed')).some((s) => s.id === id));
    assert.ok((await q('targetGroup=Volwassenen')).every((s) => s.targetGroup === 'volwassenen'));
    assert.ok((await q('targetGroup=volwassenen')).some((s) => s.id === id));
    assert.ok(!(await q('regulatory=true')).some((s) => s.id === id));
    assert.ok((await q(`party=${P.reporter}`)).some((s) => s.id === id));
    assert.ok(!(await q(`party=${P.elsewhere}`)).some((s) => s.id === id));
    assert.ok((await q('q=schuldhulp')).some((s) => s.id === id));
    assert.ok(!(await q('q=zwembad')).some((s) => s.id === id));
    assert.ok((await q('mine=true', 'reporter')).every((s) => s.reporter !== null));
    assert.deepEqual(await q('mine=true', 'coordinator'), []);
    assertInvalid(await call(k.url, '/api/v1/signals?kind=x&status=y&area=ZZ&regulatory=soms&party=x&mine=ja&clusters=nee&limit=500&cursor=%%%&colour=red', { token: T.admin }),
      ['kind', 'status', 'area', 'regulatory', 'party', 'mine', 'clusters', 'limit', 'cursor', 'colour']);
  });

  test('paging with cursors gives every signal once', async () => {
    for (let i = 0; i < 5; i++) await report({ title: `Signaal nummer ${i} over iets anders ${'abcdefghij'[i]}vijver`, description: `Uniek onderwerp ${i} ${'klmnopqrst'[i]}zwaan`, kind: 'opportunity' });
    const { items, pages } = await listAll(k.url, '/api/v1/signals?limit=2', { token: T.admin });
    assert.ok(pages >= 3);
    assert.equal(new Set(items.map((s) => s.id)).size, items.length);
  });
});

describe('clustering of similar reports', () => {
  test('ten near-identical reports become one cluster, and a different one stays alone', async () => {
    const variants = [
      'Geen plek voor huiswerkbegeleiding in de wijk',
      'In de wijk is geen huiswerkbegeleiding voor kinderen',
      'Kinderen missen huiswerkbegeleiding in de wijk',
      'Huiswerkbegeleiding ontbreekt in onze wijk',
      'Er is geen huiswerkbegeleiding in de wijk',
      'Geen huiswerkbegeleiding voor de kinderen in de wijk',
      'De wijk heeft geen huiswerkbegeleiding',
      'Huiswerkbegeleiding in de wijk: er is niets',
      'Wij zoeken huiswerkbegeleiding in de wijk voor kinderen',
      'Kinderen in de wijk krijgen geen huiswerkbegeleiding',
    ];
    const ids = [];
    for (const t of variants) ids.push((await report({ kind: 'gap', title: t, description: t, area: 'WK034403' })).id);
    const all = await Promise.all(ids.map(async (id) => assertOk(await get(id, T.coordinator))));
    const clusters = new Set(all.map((s) => s.cluster));
    assert.equal(clusters.size, 1, `one cluster: ${JSON.stringify(all.map((s) => s.cluster))}`);
    assert.equal(all[0].cluster, ids[0], 'the cluster is named after its first signal');
    assert.ok(all.every((s) => s.clusterSize === 10));
    const other = await report({ kind: 'gap', title: 'De bus naar het ziekenhuis rijdt niet meer op zondag', description: 'Ouderen komen op zondag niet bij het ziekenhuis.' });
    assert.equal(other.cluster, null);
    assert.equal(other.clusterSize, 1);
    // a similar report of another kind does not join
    const kind = await report({ kind: 'opportunity', title: variants[0], description: variants[0] });
    assert.equal(kind.cluster, null);
    // the inbox shows the cluster as one row with its count
    const rows = (await listAll(k.url, '/api/v1/signals?clusters=true&kind=gap&area=WK034403', { token: T.coordinator })).items;
    assert.equal(rows.filter((s) => s.cluster === ids[0]).length, 1);
    assert.equal(rows.find((s) => s.cluster === ids[0]).clusterSize, 10);
    // the first signal dismissed: the cluster still shows among the open ones, once, by its newest
    assertOk(await move(ids[0], { status: 'dismissed', reason: 'Dubbel.' }), 201);
    const open = (await listAll(k.url, '/api/v1/signals?clusters=true&status=open&kind=gap&limit=3', { token: T.coordinator })).items;
    const rowsOf = open.filter((s) => s.cluster === ids[0]);
    assert.equal(rowsOf.length, 1);
    assert.equal(rowsOf[0].id, ids[9]);
    assertOk(await move(ids[0], { status: 'open' }), 201);
  });

  test('a coordinator moves a signal out of its cluster, and into another', async () => {
    const patch = (id, body, token = T.coordinator) => call(k.url, `/api/v1/signals/${id}`, { method: 'PATCH', token, body, contentType: 'application/merge-patch+json' });
    const a = await report({ kind: 'bottleneck', title: 'Geen parkeerplek voor de wijkverpleging', description: 'De wijkverpleging vindt geen parkeerplek.' });
    const b = await report({ kind: 'bottleneck', title: 'Wijkverpleging vindt geen parkeerplek', description: 'Geen parkeerplek voor de wijkverpleging.' });
    const c = await report({ kind: 'bottleneck', title: 'Parkeerplek wijkverpleging ontbreekt', description: 'De wijkverpleging heeft geen parkeerplek.' });
    assert.equal(b.cluster, a.id);
    assert.equal(c.cluster, a.id);
    assertProblem(await patch(a.id, { cluster: null }, null), 401);
    assertProblem(await patch(a.id, { cluster: null }, T.resident), 404);
    assertInvalid(await patch(a.id, { cluster: MISSING, title: 'nieuw', colour: 1 }), ['cluster', 'title', 'colour']);
    assertInvalid(await patch(a.id, {}), ['cluster']);
    // the first signal leaves: the next oldest carries the cluster
    const out = assertOk(await patch(a.id, { cluster: null }));
    assert.equal(out.cluster, null);
    assert.equal(out.clusterSize, 1);
    assert.equal(assertOk(await get(c.id, T.coordinator)).cluster, b.id);
    assert.equal(assertOk(await get(b.id, T.coordinator)).clusterSize, 2);
    // the last but one leaves: a cluster of one is no cluster
    assertOk(await patch(c.id, { cluster: null }));
    assert.equal(assertOk(await get(b.id, T.coordinator)).cluster, null);
    // into another signal's cluster, which it starts
    const joined = assertOk(await patch(c.id, { cluster: a.id }));
    assert.equal(joined.cluster, a.id);
    assert.equal(joined.clusterSize, 2);
    assert.equal(assertOk(await get(a.id, T.coordinator)).cluster, a.id);
  });
});

describe('regulatory signals: routing and decisions', () => {
  test('routed to the government party of the area, or the nearest area above with one, or none', async () => {
    const district = await report({ regulatory: true, rule: 'Bijstandsregel: geen bijverdienen naast de uitkering', title: 'Vrijwilligersvergoeding telt als inkomen', description: 'Wie vrijwilligerswerk doet in de buurt raakt een deel van de uitkering kwijt.' });
    assert.equal(district.routedParty, P.district);
    assert.equal(district.rule, 'Bijstandsregel: geen bijverdienen naast de uitkering');
    // West has no government party of its own: the city's
    const p = assertOk(await call(k.url, '/api/v1/parties', { method: 'POST', token: T.reporter, body: { name: 'Buurtinitiatief West', kind: 'citizen_initiative', areas: ['WK034401'] } }), 201).id;
    const west = await report({ party: p, area: 'WK034401', regulatory: true, rule: 'Parkeerregel', title: 'Parkeerregels voor mantelzorgers', description: 'Mantelzorgers krijgen geen parkeervergunning.' });
    assert.equal(west.routedParty, P.city);
    // Amsterdam's province has none, and neither has the country
    const q = assertOk(await call(k.url, '/api/v1/parties', { method: 'POST', token: T.reporter, body: { name: 'Buurtinitiatief Amsterdam', kind: 'citizen_initiative', areas: ['GM0363'] } }), 201).id;
    const none = await report({ party: q, area: 'GM0363', regulatory: true, rule: 'Huisvestingsverordening', title: 'Kamerbewoning verboden', description: 'Woningdelen is niet toegestaan.' });
    assert.equal(none.routedParty, null);
    // not regulatory: no rule kept, not routed
    const plain = await report({ rule: 'genegeerd', title: 'Gewoon een signaal over sport', description: 'Sportvelden zijn dicht.' });
    assert.equal(plain.rule, null);
    assert.equal(plain.routedParty, null);
  });

  test('the official of the routed party decides; others 403; the decision is public', async () => {
    const s = await report({ regulatory: true, rule: 'Regel over tijdelijke bewoning', title: 'Tijdelijk wonen in leegstaande kantoren', description: 'Jongeren zouden tijdelijk in leegstaande kantoren kunnen wonen.' });
    const body = { decision: 'experiment', reason: 'We proberen het twee jaar in de Gentdreef.' };
    assertProblem(await decide(s.id, body, null), 401);
    // the reporter and the coordinator see it, but do not decide; the city's official does not see it
    for (const who of ['reporter', 'coordinator']) assertProblem(await decide(s.id, body, T[who]), 403);
    for (const who of ['cityOfficial', 'elsewhere']) assertProblem(await decide(s.id, body, T[who]), 404);
    assert.equal(assertOk(await get(s.id, T.official)).routedParty, P.district, 'the official sees the signal routed to their party');
    assertInvalid(await decide(s.id, { decision: 'misschien', reason: '', extra: 1 }), ['decision', 'reason', 'extra']);
    assertInvalid(await decide(s.id, { decision: 'refused' }), ['reason']);
    const d = assertOk(await decide(s.id, body), 201);
    assert.equal(d.decision, 'experiment');
    assert.equal(d.reason, body.reason);
    assert.equal(d.party, P.district);
    assert.equal(d.partyName, 'Gemeente Utrecht, wijkbureau Overvecht');
    assert.equal(assertOk(await get(s.id, T.reporter)).status, 'addressed', 'a decision addresses the signal');
    const list = assertOk(await call(k.url, `/api/v1/signals/${s.id}/decisions`));
    assert.equal(list.items.length, 1);
    assert.equal(list.items[0].decision, 'experiment');
    assert.ok(!JSON.stringify(list).includes(PEOPLE.official.name), 'no names in public decisions');
    assertProblem(await call(k.url, `/api/v1/signals/${MISSING}/decisions`), 404);
    // a refusal also answers the question; an admin may decide too
    assertOk(await decide(s.id, { decision: 'refused', reason: 'Na het experiment niet verder.' }, T.admin), 201);
    // a signal that is not regulatory takes no decision
    const plain = await report({ title: 'Niet regelgerelateerd', description: 'Iets anders helemaal.' });
    assertProblem(await decide(plain.id, body, T.admin), 409);
  });
});

describe('status moves', () => {
  test('allowed moves with reasons; forbidden ones 409 naming the allowed moves', async () => {
    const s = await report({ title: 'Statusproef', description: 'Een signaal om de status mee te bewegen.' });
    assertInvalid(await move(s.id, { status: 'dismissed' }), ['reason']);
    assertInvalid(await move(s.id, { status: 'weg', extra: true }), ['status', 'extra']);
    assertProblem(await move(s.id, { status: 'acknowledged' }, T.resident), 404);
    assertProblem(await move(s.id, { status: 'acknowledged' }, T.otherCoordinator), 404);
    assertProblem(await move(s.id, { status: 'acknowledged' }, null), 401);
    const a = assertOk(await move(s.id, { status: 'dismissed', reason: 'Dubbel gemeld.' }), 201);
    assert.equal(a.status, 'dismissed');
    assert.equal(a.statusReason, 'Dubbel gemeld.');
    const c = assertProblem(await move(s.id, { status: 'addressed' }), 409);
    assert.match(c.detail, /open/);
    assert.deepEqual(c.allowedStatuses, ['open']);
    assertOk(await move(s.id, { status: 'open' }), 201);
    assertOk(await move(s.id, { status: 'addressed', reason: 'Opgelost door de buurt.' }, T.reporter), 201);
    const c2 = assertProblem(await move(s.id, { status: 'dismissed', reason: 'x' }), 409);
    assert.match(c2.detail, /acknowledged/);
    assert.deepEqual(c2.allowedStatuses, ['acknowledged']);
  });
});

describe('taking signals up in an issue', () => {
  test('a whole cluster becomes one new issue in one step; the reporter sees the outcome', async () => {
    const t = 'Te weinig sportaanbod voor meiden in Overvecht';
    const a = await report({ kind: 'gap', title: t, description: 'Meiden in Overvecht sporten weinig: er is geen aanbod voor hen.' });
    const b = await report({ kind: 'gap', title: 'Geen sportaanbod voor meiden in Overvecht', description: 'Er is in Overvecht geen sportaanbod voor meiden.' });
    assert.equal(b.cluster, a.id);
    assertProblem(await takeUp(a.id, { cluster: true }, null), 401);
    assertProblem(await takeUp(a.id, { cluster: true }, T.resident), 404);
    assertInvalid(await takeUp(a.id, { cluster: 'ja', colour: 1, title: 'x'.repeat(201) }), ['cluster', 'colour']);
    assertInvalid(await takeUp(a.id, { title: 'x'.repeat(201), area: 'ZZ' }), ['title', 'area']);
    const res = await takeUp(a.id, { cluster: true, summary: 'Meiden in Overvecht hebben geen sportaanbod.' });
    const taken = assertOk(res, 201);
    assert.ok(taken.issue);
    assert.equal(res.headers.get('location'), `/api/v1/issues/${taken.issue}`);
    assert.equal(taken.status, 'acknowledged');
    const issue = assertOk(await call(k.url, `/api/v1/issues/${taken.issue}`));
    assert.equal(issue.title, t, 'the issue takes the title of the signal when none is given');
    assert.equal(issue.status, 'signalled');
    assert.equal(issue.area, 'WK034403');
    const other = assertOk(await get(b.id, T.reporter));
    assert.equal(other.issue, taken.issue, 'the whole cluster is taken up');
    assert.equal(other.status, 'acknowledged');
    assert.equal(other.issueStatus, 'signalled', 'the reporter sees what became of it');
    assert.equal(other._links.issue.href, `/api/v1/issues/${taken.issue}`);
    // once taken up, not again
    assert.match(assertProblem(await takeUp(a.id, { issueId: taken.issue }), 409).detail, /already/);
  });

  // issue 8, item 2: "its whole cluster" means the whole cluster, when a
  // verified party takes it up (the review: anyone may make a party)
  test('taking up a cluster takes the other parties\' signals too, without showing them to the taker; their reporters hear of it', async () => {
    const verification = `/api/v1/parties/${P.reporter}/verification`;
    assertOk(await call(k.url, verification, { method: 'PUT', token: T.admin, body: {} }), 201);
    const mine = await report({ kind: 'gap', title: 'Geen schaakclub aan de Zambesidreef', description: 'Buurtbewoners willen samen schaken, maar de schaakclub is verdwenen.' });
    // Dave reports the same for his own party; Rita cannot see his signal
    const theirs = assertOk(await call(k.url, '/api/v1/signals', { method: 'POST', token: T.elsewhere, body: signal({
      party: P.elsewhere, kind: 'gap', title: 'Geen schaakclub aan de Zambesidreef en Krokusveld',
      description: 'Buurtbewoners in Krokusveld willen samen schaken, maar de schaakclub is verdwenen.',
    }) }), 201);
    assert.equal(theirs.cluster, mine.id, 'the two are alike');
    assertProblem(await get(theirs.id, T.reporter), 404);
    // the page says what taking up the group does
    const rita = await browse('reporter');
    const page = await rita.request(`/signalen/${mine.id}`);
    assert.match(page.text, /Neem de hele groep van 2 signalen mee/);
    assert.match(page.text, /ook de signalen van andere partijen en bewoners die je niet ziet/);
    assert.doesNotMatch(page.text, /Krokusveld/);
    const res = await takeUp(mine.id, { cluster: true }, T.reporter);
    const taken = assertOk(res, 201);
    assert.doesNotMatch(res.text, /Krokusveld/, 'the answer holds nothing of the other party\'s signal');
    const other = assertOk(await get(theirs.id, T.elsewhere));
    assert.equal(other.issue, taken.issue, 'the other party\'s signal is taken up too');
    assert.equal(other.status, 'acknowledged');
    // Dave hears of it, in a notification that links to the issue
    const notes = assertOk(await call(k.url, '/api/v1/users/me/notifications', { token: T.elsewhere })).items;
    const note = notes.find((n) => n.issueId === taken.issue);
    assert.ok(note, JSON.stringify(notes));
    assert.equal(note.event, 'your_signal');
    assert.equal(note.objectId, theirs.id);
    assert.match(note.text, /Rita Reporter took up your signal/);
    // the issue's page: Dave's signal by its title only for whoever may open it
    for (const b of [new Browser(), rita]) {
      const issue = await b.request(`/vraagstukken/${taken.issue}`);
      assert.equal(issue.status, 200);
      assert.match(issue.text, /Geen schaakclub aan de Zambesidreef/);
      assert.doesNotMatch(issue.text, /Krokusveld/);
      assert.match(issue.text, /1 signaal van een andere partij/);
    }
    assert.match((await (await browse('elsewhere')).request(`/vraagstukken/${taken.issue}`)).text, /Zambesidreef en Krokusveld/);
    assert.equal((await call(k.url, verification, { method: 'DELETE', token: T.admin })).status, 204);
  });

  // the review of issue 8: anyone may make a party, report a signal that
  // joins a cluster and take it up, so an unverified party takes only what
  // it sees; and the form counts what goes along
  test('a member of an unverified party takes only the signals it sees; the form counts what will go along', async () => {
    const swim = (title, extra = '') => ({ kind: 'gap', title,
      description: `Volwassenen in Overvecht kunnen nergens zwemles krijgen, het zwembad biedt geen lessen${extra}.` });
    const a = await report(swim('Geen zwemles voor volwassenen in Overvecht'));
    const b = await report(swim('Geen zwemles voor volwassenen', ' aan'));
    const dismissed = await report(swim('Zwemles voor volwassenen ontbreekt', ' meer'));
    const takenAlone = await report(swim('Nergens zwemles voor volwassenen', ' nu'));
    const theirs = assertOk(await call(k.url, '/api/v1/signals', { method: 'POST', token: T.elsewhere, body: signal({
      party: P.elsewhere, ...swim('Geen zwemles voor volwassenen in Overvecht en Zuilen', ' in Zuilen') }) }), 201);
    for (const s of [b, dismissed, takenAlone, theirs]) assert.equal(s.cluster, a.id, s.title);
    assertOk(await move(dismissed.id, { status: 'dismissed', reason: 'Dubbel gemeld.' }), 201);
    assertOk(await takeUp(takenAlone.id, {}, T.reporter), 201);
    // the coordinator takes the whole group: a, b and Dave's, not the dismissed or taken one
    const cora = await browse('coordinator');
    const whole = (await cora.request(`/signalen/${a.id}`)).text;
    assert.match(whole, /Neem de hele groep van 3 signalen mee/);
    assert.match(whole, /De hele groep van 3 signalen gaat mee/);
    // Rita's party is not verified: only her two go along, and the page says so
    const rita = await browse('reporter');
    const page = (await rita.request(`/signalen/${a.id}`)).text;
    assert.doesNotMatch(page, /hele groep/);
    assert.match(page, /Neem de 2 signalen van de groep mee die je ziet/);
    assert.match(page, /Signalen van de groep die je niet ziet, gaan niet mee/);
    const taken = assertOk(await takeUp(a.id, { cluster: true }, T.reporter), 201);
    assert.equal(assertOk(await get(b.id, T.reporter)).issue, taken.issue);
    const left = assertOk(await get(theirs.id, T.elsewhere));
    assert.equal(left.issue, null, 'Dave\'s signal stays where it is');
    assert.equal(left.status, 'open');
    assert.equal(assertOk(await get(dismissed.id, T.reporter)).issue, null);
  });

  test('a signal is linked to an existing issue', async () => {
    const issue = assertOk(await call(k.url, '/api/v1/issues', { method: 'POST', token: T.reporter, body: { title: 'Huiswerkbegeleiding in Overvecht', summary: 'Kinderen missen hulp bij huiswerk.', area: 'WK034403', ownerParty: P.reporter } }), 201);
    const s = await report({ kind: 'opportunity', title: 'Studenten willen bijles geven', description: 'Studenten van de hogeschool willen in het buurthuis bijles geven.' });
    assertInvalid(await takeUp(s.id, { issueId: MISSING }), ['issueId']);
    assertInvalid(await takeUp(s.id, { issueId: issue.id, title: 'en ook nieuw' }), ['issueId']);
    const linked = assertOk(await takeUp(s.id, { issueId: issue.id }, T.reporter), 201);
    assert.equal(linked.issue, issue.id);
    assert.equal(linked.status, 'acknowledged');
    assert.equal(linked.clusterSize, 1);
  });
});

// The test browser of the e2e helpers, at this server.
class Browser extends FormBrowser {
  constructor() { super(k.url); }
}
async function browse(who) {
  const b = new Browser();
  const r = await b.post('/inloggen', { email: PEOPLE[who].email, password: PASSWORD, next: '/account' });
  assert.equal(r.status, 303);
  return b;
}

describe('the pages', () => {
  test('/signalen asks to log in; shows the inbox with clusters, filters and the reporter\'s own signals', async () => {
    const anon = new Browser();
    const r = await anon.request('/signalen');
    assert.equal(r.status, 303);
    assert.match(r.location, /^\/inloggen\?next=/);
    const rita = await browse('reporter');
    const page = await rita.request('/signalen');
    assert.equal(page.status, 200);
    assert.match(page.text, /<a[^>]*href="\/signalen"[^>]*>Signalen<\/a>/, 'the navigation has Signalen');
    assert.match(page.text, /Mijn signalen/);
    assert.match(page.text, /Wachtlijst schuldhulp Overvecht/);
    assert.match(page.text, /10 signalen die op elkaar lijken/, 'a cluster is one row with its count');
    const filtered = await rita.request('/signalen?kind=bottleneck&q=schuldhulp');
    assert.match(filtered.text, /Wachtlijst schuldhulp Overvecht/);
    assert.doesNotMatch(filtered.text.split('id="inbox"')[1], /Geen plek voor huiswerkbegeleiding/);
    const bad = await rita.request('/signalen?kind=klacht');
    assert.equal(bad.status, 400);
    assert.match(bad.text, /error-summary/);
    const cora = await browse('coordinator');
    assert.match((await cora.request('/signalen')).text, /Je hebt nog geen signalen gemeld/);
    // Rita's own signals page on with a cursor of their own
    const next = /href="(\/signalen\?mijn=[^"]+)" rel="next"/.exec(page.text);
    assert.ok(next, 'more than one page of my signals');
    const second = await rita.request(next[1].replace(/&amp;/g, '&'));
    assert.equal(second.status, 200);
    const titles = (html) => [...html.split('id="inbox"')[0].matchAll(/<h3 lang="nl"><a href="\/signalen\/([0-9a-f-]+)">/g)].map((m) => m[1]);
    const one = titles(page.text), two = titles(second.text);
    assert.equal(one.length, 20);
    assert.ok(two.length > 0 && two.every((id) => !one.includes(id)), 'the next page has other signals');
    assert.equal((await rita.request('/signalen?mijn=onzin')).status, 200, 'a strange cursor gives the first page');
  });

  test('/signalen/nieuw: the form keeps what was typed and shows each problem; a good report lands on its page', async () => {
    const rita = await browse('reporter');
    const form = await rita.request('/signalen/nieuw');
    assert.equal(form.status, 200);
    assert.match(form.text, /name="rule"/, 'the rule field is always there (no JavaScript needed)');
    const bad = await rita.post('/signalen/nieuw', { party: P.reporter, kind: 'gap', title: '', description: 'Wat er speelt', area: 'WK034403', regulatory: 'true', rule: '' });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /error-summary/);
    assert.match(bad.text, /href="#f-title"/);
    assert.match(bad.text, /href="#f-rule"/);
    assert.match(bad.text, /Wat er speelt/, 'what was typed is kept');
    const good = await rita.post('/signalen/nieuw', { party: P.reporter, kind: 'bottleneck', title: 'Speeltuin Gentpark is kapot', description: 'De schommels zijn al maanden kapot.', area: 'WK034403', targetGroup: 'kinderen', regulatory: 'true', rule: 'Aanbestedingsregel onderhoud' });
    assert.equal(good.status, 303);
    const page = await rita.request(good.location);
    assert.equal(page.status, 200);
    assert.match(page.text, /Het signaal is gemeld/);
    assert.match(page.text, /Speeltuin Gentpark is kapot/);
    assert.match(page.text, /Gemeente Utrecht, wijkbureau Overvecht/, 'routed to the district\'s government party');
    const carol = await browse('resident');
    assert.match((await carol.request('/signalen/nieuw')).text, /Je meldt dit signaal als bewoner/, 'no party: as a resident (issue 8)');
  });

  test('/signalen/{id}: status moves (409 named), a decision by the official, taken up into an issue, shown on the issue', async () => {
    const s = await report({ regulatory: true, rule: 'Bestemmingsplan: geen wonen boven winkels', title: 'Wonen boven winkels in Overvecht', description: 'Boven de winkels aan het Overvechtplein staan ruimtes leeg.' });
    const cora = await browse('coordinator');
    const page = await cora.request(`/signalen/${s.id}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /Status veranderen/);
    assert.match(page.text, /Maak er een vraagstuk van/);
    assert.doesNotMatch(page.text, /Besluit vastleggen/, 'only the official decides');
    const needReason = await cora.post(`/signalen/${s.id}/status`, { status: 'dismissed', reason: '' });
    assert.equal(needReason.status, 400);
    assert.match(needReason.text, /href="#f-reason"/);
    assert.equal((await cora.post(`/signalen/${s.id}/status`, { status: 'dismissed', reason: 'Niet in ons gebied.' })).status, 303);
    const conflict = await cora.post(`/signalen/${s.id}/status`, { status: 'addressed' });
    assert.equal(conflict.status, 409);
    assert.match(conflict.text, /kan het signaal naar: open/);
    assert.equal((await cora.post(`/signalen/${s.id}/status`, { status: 'open' })).status, 303);
    const otto = await browse('official');
    assert.match((await otto.request(`/signalen/${s.id}`)).text, /Besluit vastleggen/);
    const badDecision = await otto.post(`/signalen/${s.id}/besluit`, { decision: 'exemption', decisionReason: '' });
    assert.equal(badDecision.status, 400);
    assert.match(badDecision.text, /href="#f-decisionReason"/);
    assert.equal((await otto.post(`/signalen/${s.id}/besluit`, { decision: 'exemption', decisionReason: 'Ontheffing voor twee jaar.' })).status, 303);
    const decided = await otto.request(`/signalen/${s.id}`);
    assert.match(decided.text, /Ontheffing voor twee jaar/);
    assert.match(decided.text, /Afgehandeld/);
    // the coordinator makes it an issue
    assert.equal((await cora.post(`/signalen/${s.id}/vraagstuk`, { issueTitle: 'Wonen boven winkels', issueSummary: 'Lege ruimtes boven winkels als woning.' })).status, 303);
    const rita = await browse('reporter');
    const mine = await rita.request(`/signalen/${s.id}`);
    assert.match(mine.text, /href="\/vraagstukken\/[0-9a-f-]+">Wonen boven winkels<\/a>/, 'the reporter sees the issue it became');
    const issueId = /href="\/vraagstukken\/([0-9a-f-]+)"/.exec(mine.text)[1];
    const again = await cora.post(`/signalen/${s.id}/vraagstuk`, { issueId });
    assert.equal(again.status, 409);
    // the issue page shows the signal and its decision to everyone, without the reporter
    const issuePage = await new Browser().request(`/vraagstukken/${issueId}`);
    assert.equal(issuePage.status, 200);
    assert.match(issuePage.text, /Signalen in dit vraagstuk/);
    assert.match(issuePage.text, /Wonen boven winkels in Overvecht/);
    assert.match(issuePage.text, /Ontheffing voor twee jaar/);
    assert.doesNotMatch(issuePage.text, new RegExp(PEOPLE.reporter.name));
    assert.doesNotMatch(issuePage.text, new RegExp(`href="/signalen/${s.id}"`), 'anonymous visitors get no link to the signal');
    const coraIssue = await cora.request(`/vraagstukken/${issueId}`);
    assert.match(coraIssue.text, new RegExp(`href="/signalen/${s.id}"`));
    const daveIssue = await (await browse('elsewhere')).request(`/vraagstukken/${issueId}`);
    assert.match(daveIssue.text, /Wonen boven winkels in Overvecht/);
    assert.doesNotMatch(daveIssue.text, new RegExp(`href="/signalen/${s.id}"`), 'no link for whoever may not open the signal');
    // others may not see the page
    assert.equal((await (await browse('elsewhere')).request(`/signalen/${s.id}`)).status, 404);
    // the activity log names the signal and what happened, never the reason
    const log = await (await browse('admin')).request('/beheer/activiteit');
    assert.match(log.text, new RegExp(`Signaal: <a href="/signalen/${s.id}">Wonen boven winkels in Overvecht</a>`));
    assert.match(log.text, /Besluit over een regel/);
    assert.match(log.text, /Opgepakt in een vraagstuk/);
    assert.doesNotMatch(log.text, /Ontheffing voor twee jaar/);
  });
});
