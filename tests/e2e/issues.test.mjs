// Social issues (vraagstukken): /api/v1/issues (create, read, list with
// every filter, search and paging, merge patch), the status machine through
// /api/v1/issues/{id}/status-changes (every allowed move, every forbidden one
// a 409 naming the allowed moves, reasons required, the timeline), who may
// do what, the pages /vraagstukken, /vraagstukken/nieuw, /vraagstukken/{id}
// (with the move form) and /vraagstukken/{id}/bewerken, the party's page,
// the demo issues and a person's export.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem } from '../lib/kiem.mjs';
import { call, assertOk, assertProblem, assertInvalid, listAll, partyBody, Browser as FormBrowser } from './helpers.mjs';

const PASSWORD = 'een-lang-wachtwoord-123';
const AREA = 'WK034403'; // Overvecht
const PEOPLE = {
  admin: { email: 'ada@issues.example', name: 'Ada Beheer', admin: true },
  member: { email: 'mia@issues.example', name: 'Mia Lid' },
  resident: { email: 'rita@issues.example', name: 'Rita Bewoner' },
  coordinator: { email: 'cor@issues.example', name: 'Cor Overvecht', coordinator: AREA },
  otherCoordinator: { email: 'cas@issues.example', name: 'Cas Zuidwest', coordinator: 'WK034408' },
};
const UUID7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const FIELDS = ['_links', 'area', 'createdAt', 'description', 'id', 'ownerParty', 'ownerPartyName', 'status',
  'statusChangedAt', 'summary', 'supporters', 'targetGroups', 'title', 'updatedAt'];

let k;
const T = {};
let party; // Mia's party, serving Overvecht
let n = 0;
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;
const api = (who, path, opts = {}) => call(k.url, path, { ...opts, token: who ? T[who] : undefined });

before(async () => {
  k = await startKiem({ users: Object.values(PEOPLE).map((p) => ({ ...p, password: PASSWORD })) });
  for (const [who, p] of Object.entries(PEOPLE)) T[who] = k.tokens[p.email];
  const r = await api('member', '/api/v1/parties', { method: 'POST', body: partyBody({ name: 'Buurtkracht Overvecht', areas: [AREA] }) });
  party = assertOk(r, 201);
});
after(async () => { await k?.stop(); });

const body = (over = {}) => ({ title: `Vraagstuk ${uniq()}`, summary: 'Een korte samenvatting.', area: AREA, ownerParty: party.id, ...over });

async function create(who = 'member', over = {}) {
  const r = await api(who, '/api/v1/issues', { method: 'POST', body: body(over) });
  return assertOk(r, 201);
}

const move = (who, id, status, reason = 'Omdat het zo is afgesproken.') =>
  api(who, `/api/v1/issues/${id}/status-changes`, { method: 'POST', body: { status, reason } });

async function timeline(id) {
  return (await listAll(k.url, `/api/v1/issues/${id}/status-changes`)).items;
}

describe('creating and reading an issue', () => {
  test('a member of the owner party formulates one: 201, Location, every field, a first timeline entry', async () => {
    const r = await api('member', '/api/v1/issues', {
      method: 'POST',
      body: body({ title: '  Eenzaamheid bij mantelzorgers  ', description: 'Wat we zien:\n\n- **veel** vragen', targetGroups: [' Mantelzorgers ', 'mantelzorgers', 'Eenzame ouderen', ''] }),
    });
    const is = assertOk(r, 201);
    assert.equal(r.headers.get('location'), `/api/v1/issues/${is.id}`);
    assert.deepEqual(Object.keys(is).sort(), FIELDS);
    assert.match(is.id, UUID7);
    assert.equal(is.title, 'Eenzaamheid bij mantelzorgers');
    assert.equal(is.description, 'Wat we zien:\n\n- **veel** vragen');
    assert.equal(is.area, AREA);
    assert.equal(is.ownerParty, party.id);
    assert.equal(is.ownerPartyName, 'Buurtkracht Overvecht');
    assert.deepEqual(is.targetGroups, ['eenzame ouderen', 'mantelzorgers']);
    assert.equal(is.status, 'formulated');
    assert.equal(is.supporters, 0);
    for (const t of ['createdAt', 'updatedAt', 'statusChangedAt']) assert.match(is[t], TIME);
    assert.deepEqual(is._links, {
      self: { href: `/api/v1/issues/${is.id}` },
      statusChanges: { href: `/api/v1/issues/${is.id}/status-changes` },
      roleLedger: { href: `/api/v1/issues/${is.id}/role-ledger` },
      factors: { href: `/api/v1/issues/${is.id}/factors` },
      supports: { href: `/api/v1/issues/${is.id}/supports` },
      comments: { href: `/api/v1/issues/${is.id}/comments` },
      ownerParty: { href: `/api/v1/parties/${party.id}` },
    });
    const again = assertOk(await api(null, `/api/v1/issues/${is.id}`));
    assert.deepEqual(again, is);
    const tl = await timeline(is.id);
    assert.equal(tl.length, 1);
    assert.equal(tl[0].from, null);
    assert.equal(tl[0].status, 'formulated');
    assert.equal(tl[0].reason, '');
    assert.equal(tl[0].actorName, 'Mia Lid');
    // the activity log has the create, without personal data
    const log = assertOk(await api('admin', `/api/v1/activity?objectId=${is.id}`));
    assert.ok(log.items.some((e) => e.action === 'create' && e.objectType === 'issue'), JSON.stringify(log.items));
  });

  test('made from signals it starts as signalled', async () => {
    const is = await create('member', { status: 'signalled' });
    assert.equal(is.status, 'signalled');
    assert.deepEqual((await timeline(is.id)).map((t) => [t.from, t.status]), [[null, 'signalled']]);
  });

  test('bad input: one 400 listing every problem', async () => {
    const r = await api('member', '/api/v1/issues', {
      method: 'POST',
      body: {
        title: 'x'.repeat(201), summary: '', description: 'y'.repeat(10001), area: 'GM9999',
        ownerParty: '01a21b9b-0000-7000-8000-000000000000', targetGroups: Array.from({ length: 11 }, (_, i) => `groep ${i}`),
        status: 'closed', colour: 'red', id: 'x',
      },
    });
    const listed = assertInvalid(r, ['title', 'summary', 'description', 'area', 'ownerParty', 'targetGroups', 'status', 'colour', 'id']);
    assert.equal(listed.length, 9);
    // a label too long, the wrong types, nothing at all
    assertInvalid(await api('member', '/api/v1/issues', { method: 'POST', body: body({ targetGroups: ['z'.repeat(51)] }) }), ['targetGroups']);
    assertInvalid(await api('member', '/api/v1/issues', { method: 'POST', body: body({ title: 5, targetGroups: 'jongeren' }) }), ['title', 'targetGroups']);
    assertInvalid(await api('member', '/api/v1/issues', { method: 'POST', body: {} }), ['title', 'summary', 'area', 'ownerParty']);
  });

  test('who may formulate: the owner party\'s members, the area\'s coordinator, platform admins', async () => {
    assertProblem(await api(null, '/api/v1/issues', { method: 'POST', body: body() }), 401);
    assertProblem(await api('resident', '/api/v1/issues', { method: 'POST', body: body() }), 403);
    assertProblem(await api('otherCoordinator', '/api/v1/issues', { method: 'POST', body: body() }), 403);
    await create('coordinator');
    await create('admin');
    // the coordinator of Zuidwest may for an issue in Zuidwest
    await create('otherCoordinator', { area: 'WK034408' });
  });

  test('an unknown or malformed id is a 404', async () => {
    assertProblem(await api(null, '/api/v1/issues/01a21b9b-0000-7000-8000-000000000000'), 404);
    assertProblem(await api(null, '/api/v1/issues/niet-een-id'), 404);
    assertProblem(await api(null, '/api/v1/issues/niet-een-id/status-changes'), 404);
  });
});

describe('the list', () => {
  let a; let b; let c;
  before(async () => {
    a = await create('member', { title: 'Zwerfafval rond de flats', summary: 'Veel afval bij de containers.', targetGroups: ['Bewoners'] });
    b = await create('member', { title: 'Taalles voor nieuwkomers', summary: 'Statushouders wachten lang op taalles.', targetGroups: ['statushouders'], area: 'WK034408' });
    c = await create('admin', { title: 'Speelplekken voor kinderen', summary: 'Te weinig plekken om te spelen.', targetGroups: ['kinderen', 'bewoners'], area: 'GM0344' });
    assert.equal((await move('member', b.id, 'on_agenda')).status, 201);
  });

  const ids = async (q) => (await listAll(k.url, `/api/v1/issues?limit=100${q}`)).items.map((i) => i.id);

  test('all issues, newest first; the demo issues are there too', async () => {
    const all = (await listAll(k.url, '/api/v1/issues?limit=100')).items;
    for (const i of all) assert.deepEqual(Object.keys(i).sort(), FIELDS);
    const sorted = [...all].sort((x, y) => (y.createdAt + y.id).localeCompare(x.createdAt + x.id));
    assert.deepEqual(all.map((i) => i.id), sorted.map((i) => i.id));
    assert.ok(all.some((i) => i.title === 'Eenzaamheid onder ouderen in Overvecht'));
    assert.ok(all.length >= 13);
  });

  test('status, area (with the areas inside it), owner party and target group filter', async () => {
    const agenda = await ids('&status=on_agenda');
    assert.ok(agenda.includes(b.id) && !agenda.includes(a.id));
    for (const i of (await listAll(k.url, '/api/v1/issues?status=on_agenda&limit=100')).items) assert.equal(i.status, 'on_agenda');
    const overvecht = await ids(`&area=${AREA}`);
    assert.ok(overvecht.includes(a.id) && !overvecht.includes(b.id) && !overvecht.includes(c.id));
    const utrecht = await ids('&area=GM0344');
    assert.ok(utrecht.includes(a.id) && utrecht.includes(b.id) && utrecht.includes(c.id));
    const owned = (await listAll(k.url, `/api/v1/issues?limit=100&ownerParty=${party.id}`)).items;
    assert.ok([a.id, b.id, c.id].every((x) => owned.some((i) => i.id === x)));
    assert.ok(owned.every((i) => i.ownerParty === party.id));
    assert.ok(!owned.some((i) => i.title === 'Eenzaamheid onder ouderen in Overvecht'));
    assert.deepEqual((await ids('&targetGroup=Bewoners')).filter((x) => [a.id, b.id, c.id].includes(x)).sort(), [a.id, c.id].sort());
    assert.deepEqual(await ids(`&ownerParty=${party.id}&status=on_agenda&targetGroup=statushouders`), [b.id]);
  });

  test('q searches title, summary and description, as word prefixes, without diacritics', async () => {
    assert.deepEqual(await ids('&q=zwerfafv'), [a.id]);
    assert.ok((await ids('&q=statushouders')).includes(b.id));
    assert.ok((await ids('&q=SPEELPLEKKEN')).includes(c.id));
    assert.deepEqual(await ids('&q=zwerfafval%20kinderen'), []);
    assert.ok((await ids('&q=eenzaamheid')).length >= 1);
  });

  test('paging with a cursor visits every issue once, in every sort', async () => {
    const everything = await ids('');
    for (const sort of ['-createdAt', 'createdAt', '-statusChangedAt']) {
      const paged = await listAll(k.url, `/api/v1/issues?limit=2&sort=${sort}`);
      assert.ok(paged.pages > 3);
      assert.deepEqual(paged.items.map((i) => i.id).sort(), [...everything].sort(), sort);
      assert.equal(new Set(paged.items.map((i) => i.id)).size, paged.items.length);
    }
    const changed = (await listAll(k.url, '/api/v1/issues?limit=3&sort=-statusChangedAt')).items;
    for (let i = 1; i < changed.length; i++) assert.ok(changed[i - 1].statusChangedAt >= changed[i].statusChangedAt);
  });

  test('bad filters: one 400 naming each', async () => {
    const r = await api(null, '/api/v1/issues?status=done&area=XX&sort=title&cursor=abc&limit=500&ownerParty=x&colour=red');
    assertInvalid(r, ['status', 'area', 'sort', 'cursor', 'limit', 'ownerParty', 'colour']);
    assertInvalid(await api(null, `/api/v1/issues?targetGroup=${'x'.repeat(51)}&q=${'y'.repeat(201)}`), ['targetGroup', 'q']);
  });
});

describe('changing an issue (merge patch)', () => {
  test('the fields given change, the others stay; the log names the changed fields', async () => {
    const is = await create('member', { description: 'Eerste tekst', targetGroups: ['ouderen'] });
    const r = await api('member', `/api/v1/issues/${is.id}`, {
      method: 'PATCH', contentType: 'application/merge-patch+json',
      body: { title: 'Nieuwe titel', targetGroups: ['Jongeren', 'ouders'], area: 'WK034408' },
    });
    const ch = assertOk(r);
    assert.equal(ch.title, 'Nieuwe titel');
    assert.deepEqual(ch.targetGroups, ['jongeren', 'ouders']);
    assert.equal(ch.area, 'WK034408');
    assert.equal(ch.summary, is.summary);
    assert.equal(ch.description, 'Eerste tekst');
    assert.equal(ch.status, 'formulated');
    assert.equal(ch.createdAt, is.createdAt);
    const log = assertOk(await api('admin', `/api/v1/activity?objectId=${is.id}`));
    const upd = log.items.find((e) => e.action === 'update');
    assert.deepEqual([...upd.fields].sort(), ['area', 'targetGroups', 'title']);
    // the search finds the new title, not the old one
    assert.deepEqual((await listAll(k.url, '/api/v1/issues?q=nieuwe%20titel')).items.map((i) => i.id), [ch.id]);
  });

  test('bad changes: every problem listed; the status is changed only by a move', async () => {
    const is = await create();
    const r = await api('member', `/api/v1/issues/${is.id}`, {
      method: 'PATCH',
      body: { title: '', summary: 's'.repeat(501), area: 'nergens', ownerParty: 'geen', status: 'closed', supporters: 9, colour: 1 },
    });
    const listed = assertInvalid(r, ['title', 'summary', 'area', 'ownerParty', 'status', 'supporters', 'colour']);
    assert.equal(listed.length, 7);
    assert.equal(assertOk(await api(null, `/api/v1/issues/${is.id}`)).title, is.title);
  });

  test('who may: members of the owner, the area\'s coordinator, admins; handing it to another party needs a right there', async () => {
    const is = await create();
    const patch = (who, b) => api(who, `/api/v1/issues/${is.id}`, { method: 'PATCH', body: b });
    assertProblem(await patch(null, { title: 'A' }), 401);
    assertProblem(await patch('resident', { title: 'A' }), 403);
    assertProblem(await patch('otherCoordinator', { title: 'A' }), 403);
    assertOk(await patch('coordinator', { title: 'Door de coördinator' }));
    assertOk(await patch('admin', { title: 'Door de beheerder' }));
    assertProblem(await api('member', '/api/v1/issues/01a21b9b-0000-7000-8000-000000000000', { method: 'PATCH', body: { title: 'A' } }), 404);
    // a party Mia is not in
    const other = assertOk(await api('resident', '/api/v1/parties', { method: 'POST', body: partyBody({ name: 'Ander clubje', areas: [AREA] }) }), 201);
    assertProblem(await patch('member', { ownerParty: other.id }), 403);
    assert.equal(assertOk(await patch('admin', { ownerParty: other.id })).ownerPartyName, 'Ander clubje');
    // now Mia is no member of the owner any more
    assertProblem(await patch('member', { title: 'B' }), 403);
  });
});

describe('the status machine', () => {
  test('every allowed move, in order on the timeline, with who and why', async () => {
    const is = await create('member', { status: 'signalled' });
    const path = [
      ['signalled', 'formulated', 'Samen met bewoners opgeschreven.'],
      ['formulated', 'on_agenda', 'In het wijkoverleg besproken.'],
      ['on_agenda', 'formulated', 'Eerst scherper formuleren.'],
      ['formulated', 'on_agenda', 'Opnieuw op de agenda.'],
      ['on_agenda', 'in_progress', 'De proef is begonnen.'],
      ['in_progress', 'on_agenda', 'De proef wacht op geld.'],
      ['on_agenda', 'in_progress', 'Het geld is er.'],
      ['in_progress', 'closed', 'De aanpak werkt.'],
      ['closed', 'in_progress', 'Toch nog niet af.'],
      ['in_progress', 'archived', 'Opgegaan in een ander vraagstuk.'],
    ];
    for (const [from, to, reason] of path) {
      const r = await move('member', is.id, to, `  ${reason} `);
      const t = assertOk(r, 201);
      assert.equal(r.headers.get('location'), `/api/v1/issues/${is.id}/status-changes`);
      assert.deepEqual({ from: t.from, status: t.status, reason: t.reason, actorName: t.actorName }, { from, status: to, reason, actorName: 'Mia Lid' });
      assert.match(t.at, TIME);
      assert.equal(assertOk(await api(null, `/api/v1/issues/${is.id}`)).status, to);
    }
    const tl = await timeline(is.id);
    assert.deepEqual(tl.map((t) => [t.from, t.status, t.reason]), [[null, 'signalled', ''], ...path]);
    for (let i = 1; i < tl.length; i++) assert.ok(tl[i - 1].at <= tl[i].at);
    // paging the timeline
    const paged = await listAll(k.url, `/api/v1/issues/${is.id}/status-changes?limit=3`);
    assert.equal(paged.pages, 4);
    assert.deepEqual(paged.items.map((t) => t.id), tl.map((t) => t.id));
    // every move is in the log
    const log = assertOk(await api('admin', `/api/v1/activity?objectId=${is.id}&limit=100`));
    assert.equal(log.items.filter((e) => e.action === 'move').length, path.length);
    // archived: no move any more
    for (const to of ['formulated', 'in_progress', 'closed', 'archived']) {
      const b = assertProblem(await move('member', is.id, to), 409);
      assert.deepEqual(b.allowedStatuses, []);
      assert.match(b.detail, /archived/);
    }
  });

  test('each forbidden move is a 409 naming the moves that are allowed', async () => {
    const allowedFrom = {
      signalled: ['formulated', 'archived'],
      formulated: ['on_agenda', 'archived'],
      on_agenda: ['formulated', 'in_progress', 'archived'],
      in_progress: ['on_agenda', 'closed', 'archived'],
      closed: ['in_progress', 'archived'],
    };
    const statuses = ['signalled', 'formulated', 'on_agenda', 'in_progress', 'closed', 'archived'];
    const is = await create('member', { status: 'signalled' });
    for (const [from, next] of [['signalled', 'formulated'], ['formulated', 'on_agenda'], ['on_agenda', 'in_progress'], ['in_progress', 'closed'], ['closed', null]]) {
      for (const to of statuses.filter((s) => !allowedFrom[from].includes(s))) {
        const r = await move('member', is.id, to);
        const b = assertProblem(r, 409);
        assert.deepEqual(b.allowedStatuses, allowedFrom[from], `${from} > ${to}`);
        for (const s of allowedFrom[from]) assert.ok(b.detail.includes(s), b.detail);
      }
      assert.equal(assertOk(await api(null, `/api/v1/issues/${is.id}`)).status, from);
      if (next) assertOk(await move('member', is.id, next), 201);
    }
    // the forbidden tries left no trace on the timeline
    assert.equal((await timeline(is.id)).length, 5);
  });

  test('a reason is required and at most 1000 characters; the status must be one of them', async () => {
    const is = await create();
    assertInvalid(await api('member', `/api/v1/issues/${is.id}/status-changes`, { method: 'POST', body: { status: 'on_agenda' } }), ['reason']);
    assertInvalid(await move('member', is.id, 'on_agenda', '   '), ['reason']);
    assertInvalid(await move('member', is.id, 'on_agenda', 'r'.repeat(1001)), ['reason']);
    assertInvalid(await move('member', is.id, 'klaar', 'Reden'), ['status']);
    const listed = assertInvalid(await api('member', `/api/v1/issues/${is.id}/status-changes`, { method: 'POST', body: { status: 3, extra: true } }), ['status', 'reason', 'extra']);
    assert.equal(listed.length, 3);
    assert.equal((await timeline(is.id)).length, 1);
    assertOk(await move('member', is.id, 'on_agenda', 'r'.repeat(1000)), 201);
  });

  test('who may move: members of the owner, the area\'s coordinator, admins', async () => {
    const is = await create();
    assertProblem(await move(null, is.id, 'on_agenda'), 401);
    assertProblem(await move('resident', is.id, 'on_agenda'), 403);
    assertProblem(await move('otherCoordinator', is.id, 'on_agenda'), 403);
    assertOk(await move('coordinator', is.id, 'on_agenda'), 201);
    assertOk(await move('admin', is.id, 'in_progress'), 201);
    assertProblem(await move('member', '01a21b9b-0000-7000-8000-000000000000', 'on_agenda'), 404);
    assert.deepEqual((await timeline(is.id)).map((t) => t.actorName), ['Mia Lid', 'Cor Overvecht', 'Ada Beheer']);
  });
});

// ---- pages ----

// The test browser of the e2e helpers, at this server.
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
  test('/vraagstukken: the list, its filters and paging; the navigation names it', async () => {
    const r = await new Browser().request('/vraagstukken?status=in_progress');
    assert.equal(r.status, 200);
    assert.match(r.text, /<a href="\/vraagstukken" aria-current="page">Vraagstukken<\/a>/);
    const m = main(r.text);
    assert.match(m, /<h1>Vraagstukken<\/h1>/);
    assert.match(m, /Een vraagstuk is een probleem in de samenleving/);
    assert.match(m, /Eenzaamheid onder ouderen in Overvecht/);
    assert.match(m, /<span class="status status-in_progress">In uitvoering<\/span>/);
    assert.match(m, /Log in om een vraagstuk op te schrijven/);
    // filters
    const f = main((await new Browser().request('/vraagstukken?status=archived')).text);
    assert.match(f, /Laaggeletterdheid blijft onzichtbaar/);
    assert.doesNotMatch(f, /Eenzaamheid onder ouderen/);
    assert.match(f, /<option value="archived" selected>/);
    const g = main((await new Browser().request('/vraagstukken?targetGroup=mantelzorgers&area=GM0344')).text);
    assert.match(g, /Mantelzorgers raken overbelast/);
    assert.doesNotMatch(g, /Voedselonzekerheid/);
    const q = main((await new Browser().request('/vraagstukken?q=energiearmoede')).text);
    assert.match(q, /Energiearmoede in oude huurwoningen/);
    assert.doesNotMatch(q, /Mantelzorgers raken/);
    const none = main((await new Browser().request('/vraagstukken?q=xyzzyqwerty')).text);
    assert.match(none, /Geen vraagstukken gevonden/);
    // paging: 20 a page, a next link that carries the filters
    const first = main((await new Browser().request('/vraagstukken?area=NL01')).text);
    const next = /<a href="([^"]+)" rel="next">/.exec(first);
    if (next) {
      assert.match(decode(next[1]), /area=NL01/);
      const second = await new Browser().request(decode(next[1]));
      assert.equal(second.status, 200);
      assert.match(main(second.text), /Eerste pagina/);
    }
    // a bad filter: 400 with the problem shown
    const bad = await new Browser().request('/vraagstukken?status=klaar');
    assert.equal(bad.status, 400);
    assert.match(bad.text, /error-summary/);
  });

  test('with no issues at all, the list explains what an issue is', async () => {
    const empty = await startKiem({ demo: false });
    try {
      const r = await fetch(`${empty.url}/vraagstukken`);
      assert.equal(r.status, 200);
      assert.match(await r.text(), /Er zijn nog geen vraagstukken\. Een vraagstuk begint vaak met signalen/);
    } finally {
      await empty.stop();
    }
  });

  test('/vraagstukken/{id}: steps, facts, Markdown, the timeline; anonymous gets no forms', async () => {
    const is = await create('member', { description: 'Dit is **belangrijk**.', targetGroups: ['jongeren'] });
    assertOk(await move('member', is.id, 'on_agenda', 'Besproken met de wijk.'), 201);
    const r = await new Browser().request(`/vraagstukken/${is.id}`);
    assert.equal(r.status, 200);
    const m = main(r.text);
    assert.match(m, new RegExp(`<h1 lang="nl">${is.title}</h1>`)); // what people wrote is Dutch
    assert.match(m, /<li class="current" aria-current="step">Op de agenda/);
    assert.match(m, /<li class="done">Geformuleerd/);
    assert.match(m, /<li class="todo">In uitvoering/);
    assert.match(m, /<strong>belangrijk<\/strong>/);
    assert.match(m, /Buurtkracht Overvecht/);
    assert.match(m, /href="\/vraagstukken\?targetGroup=jongeren">jongeren</);
    assert.match(m, /Van Geformuleerd naar Op de agenda<\/strong> door Mia Lid<p class="reason" lang="nl">Besproken met de wijk\.<\/p>/);
    assert.ok(m.indexOf('Begonnen als: Geformuleerd') < m.indexOf('Van Geformuleerd naar Op de agenda'));
    assert.match(m, new RegExp(`href="/vraagstukken/${is.id}/rollen"`));
    assert.doesNotMatch(m, /Status veranderen/);
    assert.doesNotMatch(m, /bewerken/);
    assert.equal((await new Browser().request('/vraagstukken/01a21b9b-0000-7000-8000-000000000000')).status, 404);
  });

  test('the move form offers only the allowed moves; a reason is required; a stale move is shown beside the field', async () => {
    const is = await create();
    const mia = await login('member');
    const page = main((await mia.request(`/vraagstukken/${is.id}`)).text);
    const offered = [...page.matchAll(/name="status" type="radio" value="([a-z_]+)"/g)].map((x) => x[1]);
    assert.deepEqual(offered, ['on_agenda', 'archived']);
    assert.match(page, new RegExp(`<a class="button" href="/vraagstukken/${is.id}/bewerken">Bewerken</a>`));
    // no reason: 400, the message beside the field, the choice kept
    let r = await mia.post(`/vraagstukken/${is.id}/status`, { status: 'on_agenda', reason: '' });
    assert.equal(r.status, 400);
    assert.match(r.text, /error-summary/);
    assert.match(r.text, /<a href="#f-reason">Reden: /);
    assert.match(r.text, /value="on_agenda" checked/);
    // a move not allowed (an old form): 409 and the message beside the status
    r = await mia.post(`/vraagstukken/${is.id}/status`, { status: 'closed', reason: 'Klaar' });
    assert.equal(r.status, 409);
    assert.match(r.text, /Het vraagstuk kan nu niet naar deze status/);
    assert.match(r.text, />Klaar<\/textarea>/);
    // a good move: back to the page, the reason on the timeline
    r = await mia.post(`/vraagstukken/${is.id}/status`, { status: 'on_agenda', reason: 'Op de wijkagenda gezet.' });
    assert.equal(r.status, 303);
    assert.equal(r.location, `/vraagstukken/${is.id}?verplaatst=1#tijdlijn`);
    const after = main((await mia.request(`/vraagstukken/${is.id}?verplaatst=1`)).text);
    assert.match(after, /De status is veranderd\./);
    assert.match(after, /Op de wijkagenda gezet\./);
    // a resident sees no form and may not post one
    const rita = await login('resident');
    assert.doesNotMatch(main((await rita.request(`/vraagstukken/${is.id}`)).text), /Status veranderen/);
    assert.equal((await rita.post(`/vraagstukken/${is.id}/status`, { status: 'in_progress', reason: 'x' })).status, 403);
  });

  test('/vraagstukken/nieuw: owners from the viewer\'s parties, every problem beside its field, typed text kept', async () => {
    const mia = await login('member');
    const form = main((await mia.request('/vraagstukken/nieuw')).text);
    assert.match(form, /<h1>Vraagstuk opschrijven<\/h1>/);
    const owners = [...form.matchAll(/name="ownerParty" type="radio" value="([^"]+)"/g)].map((x) => x[1]);
    assert.deepEqual(owners, [party.id]);
    let r = await mia.post('/vraagstukken/nieuw', { title: 'Te veel <b>lawaai</b>', summary: '', targetGroups: Array.from({ length: 11 }, (_, i) => `g${i}`).join(', '), ownerParty: party.id, status: 'formulated' });
    assert.equal(r.status, 400);
    assert.match(r.text, /<a href="#f-summary">Samenvatting: /);
    assert.match(r.text, /<a href="#f-area">Gebied: /);
    assert.match(r.text, /<a href="#f-targetGroups">Doelgroepen: /);
    assert.match(r.text, /value="Te veel &lt;b&gt;lawaai&lt;\/b&gt;"/);
    r = await mia.post('/vraagstukken/nieuw', { title: 'Te veel lawaai in de nacht', summary: 'Bewoners slapen slecht.', area: AREA, ownerParty: party.id, targetGroups: 'Bewoners, ouders', status: 'signalled' });
    assert.equal(r.status, 303);
    const id = /^\/vraagstukken\/([0-9a-f-]{36})\?opgeslagen=1$/.exec(r.location)[1];
    const is = assertOk(await api(null, `/api/v1/issues/${id}`));
    assert.deepEqual([is.title, is.status, is.targetGroups], ['Te veel lawaai in de nacht', 'signalled', ['bewoners', 'ouders']]);
    // a resident with no party is told how to get one
    const rita = await login('resident');
    assert.match(main((await rita.request('/vraagstukken/nieuw')).text), /Je bent nog geen lid van een partij|Ander clubje/);
    // the login first
    const anon = await new Browser().request('/vraagstukken/nieuw');
    assert.equal(anon.status, 303);
    assert.match(anon.location, /^\/inloggen\?next=/);
  });

  test('/vraagstukken/{id}/bewerken: the stored values, then the change', async () => {
    const is = await create('member', { targetGroups: ['ouderen', 'mantelzorgers'] });
    const mia = await login('member');
    const form = main((await mia.request(`/vraagstukken/${is.id}/bewerken`)).text);
    assert.match(form, new RegExp(`value="${is.title}"`));
    assert.match(form, /value="mantelzorgers, ouderen"/);
    let r = await mia.post(`/vraagstukken/${is.id}/bewerken`, { title: '', summary: 'Nieuw', area: AREA, ownerParty: party.id, targetGroups: '' });
    assert.equal(r.status, 400);
    assert.match(r.text, /<a href="#f-title">Titel: /);
    r = await mia.post(`/vraagstukken/${is.id}/bewerken`, { title: 'Bewerkte titel', summary: 'Nieuw', area: AREA, ownerParty: party.id, targetGroups: 'jongeren' });
    assert.equal(r.status, 303);
    const ch = assertOk(await api(null, `/api/v1/issues/${is.id}`));
    assert.deepEqual([ch.title, ch.summary, ch.targetGroups], ['Bewerkte titel', 'Nieuw', ['jongeren']]);
    const rita = await login('resident');
    assert.equal((await rita.request(`/vraagstukken/${is.id}/bewerken`)).status, 403);
  });

  test('the activity log names the issue, the move and the new status', async () => {
    const is = await create('member', { title: 'Logvraagstuk' });
    assertOk(await move('member', is.id, 'on_agenda', 'Voor het log.'), 201);
    const ada = await login('admin');
    const m = main((await ada.request(`/beheer/activiteit?objectId=${is.id}`)).text);
    assert.match(m, new RegExp(`Vraagstuk: <a href="/vraagstukken/${is.id}">Logvraagstuk</a>`));
    assert.match(m, /<td data-label="Actie">Status veranderd<\/td>/);
    assert.match(m, /Op de agenda/);
    assert.doesNotMatch(m, /Voor het log/); // the reason is content, not for the log
  });

  test('the party\'s page lists the issues it owns', async () => {
    const is = await create();
    const m = main((await new Browser().request(`/partijen/${party.id}`)).text);
    assert.match(m, /<h2>Vraagstukken van deze partij<\/h2>/);
    assert.match(m, new RegExp(`<a href="/vraagstukken/${is.id}" lang="nl">${is.title}</a>`));
    assert.match(m, new RegExp(`href="/vraagstukken\\?ownerParty=${party.id}"`));
  });
});

describe('the demo and a person\'s data', () => {
  test('the demo has issues in every status, with timelines and reasons', async () => {
    const all = (await listAll(k.url, '/api/v1/issues?limit=100')).items;
    const demo = all.filter((i) => i.createdAt <= party.createdAt);
    assert.ok(demo.length >= 8);
    for (const s of ['signalled', 'formulated', 'on_agenda', 'in_progress', 'closed', 'archived']) assert.ok(demo.some((i) => i.status === s), s);
    const closed = demo.find((i) => i.title === 'Statushouders vinden moeilijk betaald werk');
    const tl = await timeline(closed.id);
    assert.deepEqual(tl.map((t) => t.status), ['formulated', 'on_agenda', 'in_progress', 'closed']);
    assert.ok(tl.slice(1).every((t) => t.reason.length > 10));
    assert.ok(new Set(demo.map((i) => i.ownerParty)).size >= 5);
  });

  test('the export holds the issues a person made and their moves', async () => {
    const is = await create('coordinator', { title: 'Exportvraagstuk' });
    assertOk(await move('coordinator', is.id, 'on_agenda', 'Voor de export.'), 201);
    const doc = assertOk(await api('coordinator', '/api/v1/users/me/export'));
    assert.ok(doc.issuesCreated.some((i) => i.id === is.id && i.title === 'Exportvraagstuk'));
    const moves = doc.issueStatusChanges.filter((t) => t.issueId === is.id);
    assert.deepEqual(moves.map((t) => [t.from, t.status, t.reason]), [[null, 'formulated', ''], ['formulated', 'on_agenda', 'Voor de export.']]);
  });
});

describe('an issue owned by a private party', () => {
  test('its name shows to no one on the issue, in the API or on the page, nor in the owner filter', async () => {
    const name = `Besloten kring ${uniq()}`;
    const secret = assertOk(await api('member', '/api/v1/parties', {
      method: 'POST', body: partyBody({ name, areas: [AREA], visibility: 'private' }),
    }), 201);
    const issue = await create('member', { ownerParty: secret.id });
    const anon = assertOk(await api(null, `/api/v1/issues/${issue.id}`));
    assert.equal(anon.ownerParty, secret.id);
    assert.equal(anon.ownerPartyName, null);
    const page = await fetch(`${k.url}/vraagstukken/${issue.id}`);
    const html = await page.text();
    assert.equal(page.status, 200);
    assert.ok(!html.includes(name), 'the private name is on the page');
    assert.match(html, /Een partij die niet openbaar is/);
    const list = await (await fetch(`${k.url}/vraagstukken`)).text();
    assert.ok(!list.includes(name), 'the private name is in the list or its owner filter');
  });
});

describe('the activity log of an issue', () => {
  test("the area's coordinator reads it, a coordinator of another area does not", async () => {
    const issue = await create('member');
    await move('member', issue.id, 'on_agenda');
    const entries = async (who) => assertOk(await api(who, `/api/v1/activity?objectType=issue&objectId=${issue.id}`)).items
      .map((e) => e.action).sort();
    assert.deepEqual(await entries('coordinator'), ['create', 'move']);
    assert.deepEqual(await entries('admin'), ['create', 'move']);
    assert.deepEqual(await entries('otherCoordinator'), []);
    assertProblem(await api('member', `/api/v1/activity?objectType=issue&objectId=${issue.id}`), 403);
  });
});
