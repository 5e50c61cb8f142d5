// A resident raises a concern (issue 8, item 18): anyone logged in reports a
// signal as a resident, for no party (POST /api/v1/signals without party,
// or the form at /signalen/nieuw). It goes to the inbox of the verified
// parties that take the role detect_signals and serve its area (or an area
// around it), and of the area's coordinators; the resident sees what
// happens to it (status, decision, the issue it went into) and is told when
// it is taken up. The export of their data holds it; erasing the account
// removes the open ones, and the name from the rest; the register says so.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem, kiem as runKiem } from '../lib/kiem.mjs';
import { call, assertOk, assertProblem, assertInvalid, listAll, Browser } from './helpers.mjs';

const PASSWORD = 'een-lang-wachtwoord-123';
const PEOPLE = {
  admin: { email: 'admin@bewoner.example', name: 'Ada Beheer', admin: true },
  resident: { email: 'carol@bewoner.example', name: 'Carol Bakker' },
  neighbour: { email: 'nina@bewoner.example', name: 'Nina Buur' },
  buurtteam: { email: 'bram@bewoner.example', name: 'Bram Buurtteam' },
  wijkplatform: { email: 'wim@bewoner.example', name: 'Wim Wijkplatform' },
  zuidwest: { email: 'zoe@bewoner.example', name: 'Zoë Zuidwest' },
  official: { email: 'otto@bewoner.example', name: 'Otto Ambtenaar' },
  member: { email: 'mia@bewoner.example', name: 'Mia Lid' },
  coordinator: { email: 'cora@bewoner.example', name: 'Cora Wijk', coordinator: 'WK034403' },
  otherCoordinator: { email: 'olga@bewoner.example', name: 'Olga Zuidwest', coordinator: 'WK034408' },
};

let k;
const T = {};
const P = {};

const api = (who, path, opts = {}) => call(k.url, path, { ...opts, token: who ? T[who] : undefined });
const concern = (over = {}) => ({
  kind: 'bottleneck', title: 'De stoep bij de Zambesidreef is onbegaanbaar',
  description: 'Met de rollator kom ik niet over de stoep: de tegels liggen los.', area: 'WK034403', ...over,
});
const report = async (who = 'resident', over = {}) =>
  assertOk(await api(who, '/api/v1/signals', { method: 'POST', body: concern(over) }), 201);
const get = (id, who) => api(who, `/api/v1/signals/${id}`);

async function partyNamed(name) {
  const b = assertOk(await api('admin', `/api/v1/parties?q=${encodeURIComponent(name)}`));
  const p = b.items.find((x) => x.name === name);
  assert.ok(p, `no party ${name}`);
  return p;
}

async function join(party, who) {
  assertOk(await api('admin', `/api/v1/parties/${party}/members`, { method: 'POST', body: { email: PEOPLE[who].email, role: 'member' } }), 201);
}

async function browse(who) {
  const b = new Browser(k.url);
  const r = await b.post('/inloggen', { email: PEOPLE[who].email, password: PASSWORD, next: '/account' });
  assert.equal(r.status, 303);
  return b;
}

before(async () => {
  k = await startKiem({ users: Object.values(PEOPLE).map((u) => ({ ...u, password: PASSWORD })) });
  for (const [who, u] of Object.entries(PEOPLE)) T[who] = k.tokens[u.email];
  // the demo's parties that detect signals: Buurtteam Overvecht and Zuidwest
  // are verified, Wijkplatform Overvecht is not
  const buurtteam = await partyNamed('Buurtteam Overvecht');
  assert.equal(buurtteam.verified, true);
  assert.ok(buurtteam.roles.includes('detect_signals'));
  const wijkplatform = await partyNamed('Wijkplatform Overvecht');
  assert.equal(wijkplatform.verified, false);
  assert.ok(wijkplatform.roles.includes('detect_signals'));
  P.buurtteam = buurtteam.id;
  P.wijkplatform = wijkplatform.id;
  P.zuidwest = (await partyNamed('Buurtteam Zuidwest')).id;
  P.district = (await partyNamed('Gemeente Utrecht, wijkbureau Overvecht')).id;
  await join(P.buurtteam, 'buurtteam');
  await join(P.wijkplatform, 'wijkplatform');
  await join(P.zuidwest, 'zuidwest');
  await join(P.district, 'official');
  P.mine = assertOk(await api('member', '/api/v1/parties', { method: 'POST', body: { name: 'Mia\'s buurtclub', kind: 'citizen_initiative', areas: ['WK034403'] } }), 201).id;
});

after(async () => { await k.stop(); });

describe('reporting as a resident', () => {
  test('anyone logged in reports a signal for no party; it says a resident reported it', async () => {
    const res = await api('resident', '/api/v1/signals', { method: 'POST', body: concern() });
    const s = assertOk(res, 201);
    assert.equal(res.headers.get('location'), `/api/v1/signals/${s.id}`);
    assert.equal(s.party, null);
    assert.equal(s.resident, true);
    assert.equal(s.reporterName, PEOPLE.resident.name);
    assert.equal(s.status, 'open');
    // "party": null says the same
    assert.equal((await report('resident', { party: null, title: 'Nog een stoep' })).resident, true);
    // a member of a party may report as a resident too
    const m = await report('member', { title: 'Als bewoner gemeld' });
    assert.equal(m.party, null);
    assert.equal(m.resident, true);
    // for a party: not a resident's signal
    assert.equal((await report('member', { party: P.mine, title: 'Voor de buurtclub' })).resident, false);
    assertProblem(await call(k.url, '/api/v1/signals', { method: 'POST', body: concern() }), 401);
    assertProblem(await api('resident', '/api/v1/signals', { method: 'POST', body: concern({ party: P.buurtteam }) }), 403);
    assertInvalid(await api('resident', '/api/v1/signals', { method: 'POST', body: { kind: 'klacht', title: '', area: 'XX', resident: true } }),
      ['kind', 'title', 'description', 'area', 'resident']);
  });

  test('it goes to the verified parties that detect signals in its area, and its coordinators; no one else', async () => {
    const s = await report('resident', { title: 'Hangjongeren bij het speelveld', description: 'Er is ’s avonds veel overlast bij het speelveld.' });
    for (const who of ['resident', 'buurtteam', 'coordinator', 'admin']) assertOk(await get(s.id, who));
    // an unverified party that detects signals, one elsewhere, one that does not detect them
    for (const who of ['wijkplatform', 'zuidwest', 'official', 'otherCoordinator', 'neighbour', 'member']) assertProblem(await get(s.id, who), 404);
    const inbox = async (who) => (await listAll(k.url, '/api/v1/signals?limit=100', { token: T[who] })).items.map((x) => x.id);
    assert.ok((await inbox('buurtteam')).includes(s.id), 'in the inbox of Buurtteam Overvecht');
    assert.ok((await inbox('coordinator')).includes(s.id));
    assert.ok(!(await inbox('wijkplatform')).includes(s.id));
    assert.ok(!(await inbox('zuidwest')).includes(s.id));
    assert.ok((await listAll(k.url, '/api/v1/signals?mine=true', { token: T.resident })).items.some((x) => x.id === s.id));
    // one for the whole city reaches Buurtteam Overvecht only when it is for its area or around it
    const city = await report('resident', { area: 'WK034408', title: 'Geen bankje bij de bushalte' });
    assertProblem(await get(city.id, 'buurtteam'), 404);
    assertOk(await get(city.id, 'zuidwest'));
  });

  test('who handles it moves it and takes it up; the resident sees what became of it and is told', async () => {
    const s = await report('resident', { title: 'Geen plek om te sporten voor ouderen', description: 'Ouderen in Overvecht kunnen nergens samen bewegen.', kind: 'gap' });
    assertProblem(await api('resident', `/api/v1/signals/${s.id}/status-changes`, { method: 'POST', body: { status: 'acknowledged' } }), 403);
    assertOk(await api('buurtteam', `/api/v1/signals/${s.id}/status-changes`, { method: 'POST', body: { status: 'acknowledged' } }), 201);
    const taken = assertOk(await api('buurtteam', `/api/v1/signals/${s.id}/issue`, { method: 'POST', body: { summary: 'Ouderen missen een plek om te bewegen.' } }), 201);
    const issue = assertOk(await api(null, `/api/v1/issues/${taken.issue}`));
    assert.equal(issue.ownerParty, P.buurtteam, 'the party that handles it owns the issue');
    const seen = assertOk(await get(s.id, 'resident'));
    assert.equal(seen.issue, taken.issue);
    assert.equal(seen.issueStatus, 'signalled');
    assert.equal(seen.status, 'acknowledged');
    const notes = assertOk(await api('resident', '/api/v1/users/me/notifications')).items;
    assert.ok(notes.some((n) => n.event === 'your_signal' && n.issueId === taken.issue && n.objectId === s.id), JSON.stringify(notes));
  });

  test('a rule in the way: it goes to the government party, which decides; the resident reads the decision', async () => {
    const s = await report('resident', { regulatory: true, rule: 'APV: geen bankjes op de stoep', title: 'Bankje voor de deur mag niet' });
    assert.equal(s.routedParty, P.district);
    assertOk(await api('official', `/api/v1/signals/${s.id}/decisions`, { method: 'POST', body: { decision: 'exemption', reason: 'Een bankje mag, als de stoep breed genoeg blijft.' } }), 201);
    assert.equal(assertOk(await get(s.id, 'resident')).status, 'addressed');
    const d = assertOk(await api('resident', `/api/v1/signals/${s.id}/decisions`));
    assert.equal(d.items[0].decision, 'exemption');
  });
});

describe('the pages', () => {
  test('a resident reports at /signalen/nieuw and finds it under "Mijn signalen"', async () => {
    const carol = await browse('neighbour');
    const form = await carol.request('/signalen/nieuw');
    assert.equal(form.status, 200);
    assert.doesNotMatch(form.text, /nog geen lid van een partij/);
    assert.match(form.text, /als bewoner/);
    assert.doesNotMatch(form.text, /name="party"[^>]*type="text"/);
    assert.match(form.text, /<input type="hidden" name="party" value="resident">/);
    const bad = await carol.post('/signalen/nieuw', { party: 'resident', kind: 'gap', title: '', description: 'Wat er speelt', area: 'WK034403' });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /href="#f-title"/);
    assert.doesNotMatch(bad.text, /href="#f-party"/);
    const good = await carol.post('/signalen/nieuw', { party: 'resident', kind: 'gap', title: 'Geen buurthuis meer in de Zambesidreef', description: 'Sinds het buurthuis dicht is, zien buren elkaar niet meer.', area: 'WK034403' });
    assert.equal(good.status, 303);
    const page = await carol.request(good.location);
    assert.match(page.text, /Het signaal is gemeld/);
    assert.match(page.text, /Nina Buur, als bewoner/);
    const list = await carol.request('/signalen');
    assert.match(list.text.split('id="inbox"')[0], /Geen buurthuis meer in de Zambesidreef/);
    const bram = await browse('buurtteam');
    const id = /\/signalen\/([0-9a-f-]{36})/.exec(good.location)[1];
    const handled = await bram.request(`/signalen/${id}`);
    assert.equal(handled.status, 200);
    assert.match(handled.text, /Maak er een vraagstuk van/);
  });

  test('a member chooses a party or "as a resident"; choosing nothing is a problem beside the field', async () => {
    const mia = await browse('member');
    const form = await mia.request('/signalen/nieuw');
    assert.match(form.text, /value="resident"/);
    const none = await mia.post('/signalen/nieuw', { kind: 'gap', title: 'Iets', description: 'Iets anders', area: 'WK034403' });
    assert.equal(none.status, 400);
    assert.match(none.text, /href="#f-party"/);
    const good = await mia.post('/signalen/nieuw', { party: 'resident', kind: 'gap', title: 'Als bewoner per formulier', description: 'Iets als bewoner', area: 'WK034403' });
    assert.equal(good.status, 303);
    const id = /\/signalen\/([0-9a-f-]{36})/.exec(good.location)[1];
    const s = assertOk(await get(id, 'member'));
    assert.equal(s.resident, true);
    assert.equal(s.party, null);
  });
});

describe('privacy', () => {
  test('the export holds a resident\'s signals; erasing the account removes the open ones and the name from the rest', async () => {
    const email = 'vera@bewoner.example';
    const add = runKiem(['user', 'add', '--email', email, '--name', 'Vera Verdwijnt', '--db', k.db], { input: `${PASSWORD}\n` });
    assert.equal(add.status, 0, add.stderr);
    const token = runKiem(['token', 'create', '--email', email, '--db', k.db]).stdout.trim();
    const post = async (body) => assertOk(await call(k.url, '/api/v1/signals', { method: 'POST', token, body: concern(body) }), 201);
    const open = await post({ title: 'Lantaarn kapot bij Vera', description: 'De lantaarn voor nummer 12 is al weken kapot.' });
    const takenUp = await post({ title: 'Geen glasbak in de buurt', description: 'De glasbak is weggehaald.', kind: 'gap' });
    assertOk(await api('buurtteam', `/api/v1/signals/${takenUp.id}/issue`, { method: 'POST', body: {} }), 201);
    const doc = assertOk(await call(k.url, '/api/v1/users/me/export', { token }));
    const mine = doc.signals.find((x) => x.id === open.id);
    assert.ok(mine, JSON.stringify(doc.signals));
    assert.equal(mine.description, 'De lantaarn voor nummer 12 is al weken kapot.');
    assert.equal(mine.resident, true);
    assert.equal(mine.party, null);
    assert.equal(doc.signals.find((x) => x.id === takenUp.id).issue, assertOk(await get(takenUp.id, 'admin')).issue);
    assert.equal((await call(k.url, '/api/v1/users/me', { method: 'DELETE', token })).status, 204);
    assertProblem(await get(open.id, 'admin'), 404);
    assert.ok(!(await listAll(k.url, '/api/v1/signals?q=lantaarn&limit=100', { token: T.admin })).items.length, 'gone from the search too');
    const kept = assertOk(await get(takenUp.id, 'admin'));
    assert.equal(kept.reporterName, 'Verwijderde gebruiker');
    assert.equal(kept.title, 'Geen glasbak in de buurt');
  });

  test('the processing register says residents report signals, who sees them, and what erasure does', async () => {
    const reg = assertOk(await call(k.url, '/api/v1/processing-activities')).items.find((x) => x.id === 'signals');
    assert.ok(reg.dataSubjects.some((x) => /[Rr]esidents/.test(x)), JSON.stringify(reg.dataSubjects));
    assert.ok(reg.recipientsNl.some((x) => /geverifieerde partijen/.test(x)), JSON.stringify(reg.recipientsNl));
    assert.match(reg.retention, /resident/);
  });
});
