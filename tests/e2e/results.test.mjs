// The results of an initiative (issue 11, part E): milestones, outcomes with
// measurements, the lessons log, and the flags (overdue milestones, stalled
// initiatives after KIEM_STALLED_DAYS) with the coordinators' list; the API
// and the pages, who may (the lead's members manage, partners add, strangers
// read only), every bad field named.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem, sql, kiem } from '../lib/kiem.mjs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { call, assertOk, assertProblem, assertInvalid, Browser } from './helpers.mjs';

const PASSWORD = 'een-lang-wachtwoord-123';
const PEOPLE = {
  admin: { email: 'admin@res.example', name: 'Ada Beheer', admin: true },
  lead: { email: 'lea@res.example', name: 'Lea Lead' },            // admin of Buurtkracht, the lead
  partner: { email: 'piet@res.example', name: 'Piet Partner' },    // admin of Wijkteam, a partner
  partner2: { email: 'pam@res.example', name: 'Pam Partner' },     // member of Wijkteam too
  stranger: { email: 'stan@res.example', name: 'Stan Vreemd' },    // admin of a party in no initiative
  coordinator: { email: 'cor@res.example', name: 'Cor Coordinator' },   // of GM9801
  otherCoordinator: { email: 'otto@res.example', name: 'Otto Elders' }, // of GM9802
};
const MISSING = '00000000-0000-7000-8000-000000000000';
const STALLED_DAYS = 30;

let k;
const T = {};
const P = {};
let ini;      // in Teststad (GM9801), lead Buurtkracht, partner Wijkteam
let elders;   // in Elders (GM9802)
let sustained; // in Teststad, sustained long ago: never stalled

const base = (id = ini) => `/api/v1/initiatives/${id}`;
function isoDaysAgo(days) {
  return new Date(Date.now() - days * 86400000).toISOString().replace(/\.\d+Z$/, 'Z');
}
function dateDaysFromNow(days) {
  return new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);
}
const today = () => new Date().toISOString().slice(0, 10);

async function area(code, name, level, parent) {
  assertOk(await call(k.url, '/api/v1/areas', { method: 'POST', token: T.admin, body: { code, name, level, parent } }), 201);
}
async function party(key, who, body) {
  P[key] = assertOk(await call(k.url, '/api/v1/parties', { method: 'POST', token: T[who], body }), 201).id;
}
async function appoint(who, code) {
  const me = assertOk(await call(k.url, '/api/v1/users/me', { token: T[who] }));
  assertOk(await call(k.url, `/api/v1/users/${me.id}/coordinator-areas`, { method: 'POST', token: T.admin, body: { area: code } }));
}
async function initiative(who, title, leadParty, areaCode) {
  return assertOk(await call(k.url, '/api/v1/initiatives', {
    method: 'POST', token: T[who],
    body: { title, summary: `${title}: een samenvatting.`, type: 'service', leadParty, area: areaCode, participationLevel: 'co_producing' },
  }), 201).id;
}
// A party's place in an initiative (part B's table, written here as its
// API would).
function partner(initiativeId, partyId) {
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  sql(k.db, `INSERT INTO initiative_partners (id, initiative_id, party_id, role_key, since, created_at, updated_at)
    VALUES ('${crypto.randomUUID()}', '${initiativeId}', '${partyId}', 'pioneer_in_practice', '${today()}', '${now}', '${now}')`);
}

before(async () => {
  k = await startKiem({ demo: false, users: Object.values(PEOPLE).map((p) => ({ ...p, password: PASSWORD })), env: { KIEM_STALLED_DAYS: String(STALLED_DAYS) } });
  for (const [role, p] of Object.entries(PEOPLE)) T[role] = k.tokens[p.email];
  await area('XD', 'Resultland', 'country', null);
  await area('GM9801', 'Teststad', 'municipality', 'XD');
  await area('WK980101', 'Noord', 'district', 'GM9801');
  await area('GM9802', 'Elders', 'municipality', 'XD');
  await appoint('coordinator', 'GM9801');
  await appoint('otherCoordinator', 'GM9802');
  await party('buurt', 'lead', { name: 'Buurtkracht', kind: 'citizen_initiative', areas: ['GM9801'] });
  await party('wijk', 'partner', { name: 'Wijkteam Noord', kind: 'social_work', areas: ['WK980101'] });
  await party('vreemd', 'stranger', { name: 'Vreemde Partij', kind: 'business', areas: ['GM9801'] });
  await party('elders', 'admin', { name: 'Elders Welzijn', kind: 'social_work', areas: ['GM9802'] });
  const pam = assertOk(await call(k.url, '/api/v1/users/me', { token: T.partner2 }));
  sql(k.db, `INSERT INTO memberships (party_id, user_id, role, created_at) VALUES ('${P.wijk}', '${pam.id}', 'member', '${isoDaysAgo(0)}')`);
  ini = await initiative('lead', 'Samen koken in Noord', P.buurt, 'WK980101');
  elders = await initiative('admin', 'Klusdienst Elders', P.elders, 'GM9802');
  sustained = await initiative('lead', 'Repair café', P.buurt, 'GM9801');
  partner(ini, P.wijk);
  // Teststad's stage has lasted longer than the configured time; Elders' not
  sql(k.db, `UPDATE initiatives SET stage_changed_at = '${isoDaysAgo(STALLED_DAYS + 5)}' WHERE id = '${ini}'`);
  sql(k.db, `UPDATE initiatives SET stage_changed_at = '${isoDaysAgo(STALLED_DAYS - 5)}' WHERE id = '${elders}'`);
  sql(k.db, `UPDATE initiatives SET stage = 'sustained', stage_changed_at = '${isoDaysAgo(400)}' WHERE id = '${sustained}'`);
});
after(async () => { if (process.env.KIEM_SHOW_LOG) console.error(k?.log()); await k?.stop(); });

describe('milestones', () => {
  let first;
  test('a member of the lead adds one: 201, Location, defaults, _links', async () => {
    const r = await call(k.url, `${base()}/milestones`, { method: 'POST', token: T.lead, body: { title: 'Eerste kookavond', due: dateDaysFromNow(30) } });
    const m = assertOk(r, 201);
    first = m.id;
    assert.equal(r.headers.get('location'), `${base()}/milestones/${m.id}`);
    assert.equal(m.initiative, ini);
    assert.equal(m.status, 'planned');
    assert.equal(m.progress, 0);
    assert.equal(m.overdue, false);
    assert.equal(m._links.self.href, `${base()}/milestones/${m.id}`);
    assert.equal(m._links.initiative.href, base());
    const got = assertOk(await call(k.url, `${base()}/milestones/${m.id}`));
    assert.equal(got.title, 'Eerste kookavond');
  });

  test('a partner adds one; done makes its progress 100', async () => {
    const m = assertOk(await call(k.url, `${base()}/milestones`, { method: 'POST', token: T.partner, body: { title: 'Keuken gevonden', due: dateDaysFromNow(-10), status: 'done', progress: 20 } }), 201);
    assert.equal(m.progress, 100);
    assert.equal(m.overdue, false, 'done is never overdue');
  });

  test('a stranger may not, anonymous must log in, an unknown initiative is 404', async () => {
    assertProblem(await call(k.url, `${base()}/milestones`, { method: 'POST', token: T.stranger, body: { title: 'x', due: today() } }), 403);
    assertProblem(await call(k.url, `${base()}/milestones`, { method: 'POST', body: { title: 'x', due: today() } }), 401);
    assertProblem(await call(k.url, `${base(MISSING)}/milestones`, { method: 'POST', token: T.lead, body: { title: 'x', due: today() } }), 404);
    assertProblem(await call(k.url, `${base(MISSING)}/milestones`), 404);
    assertProblem(await call(k.url, `${base()}/milestones/${MISSING}`), 404);
  });

  test('every bad field is named', async () => {
    const r = await call(k.url, `${base()}/milestones`, { method: 'POST', token: T.lead, body: { title: '', due: '2026-02-30', status: 'almost', progress: 150 } });
    assertInvalid(r, ['title', 'due', 'status', 'progress']);
    assertInvalid(await call(k.url, `${base()}/milestones`, { method: 'POST', token: T.lead, body: { due: today(), overdue: true, colour: 'red' } }), ['title', 'overdue', 'colour']);
  });

  test('overdue: the due date passed, neither done nor cancelled; filters', async () => {
    const late = assertOk(await call(k.url, `${base()}/milestones`, { method: 'POST', token: T.lead, body: { title: 'Subsidie aangevraagd', due: dateDaysFromNow(-3), status: 'in_progress', progress: 60 } }), 201);
    assert.equal(late.overdue, true);
    const cancelled = assertOk(await call(k.url, `${base()}/milestones`, { method: 'POST', token: T.lead, body: { title: 'Folder', due: dateDaysFromNow(-3), status: 'cancelled' } }), 201);
    assert.equal(cancelled.overdue, false);
    const list = assertOk(await call(k.url, `${base()}/milestones`));
    assert.deepEqual(list.items.map((m) => m.title), ['Keuken gevonden', 'Subsidie aangevraagd', 'Folder', 'Eerste kookavond']);
    const over = assertOk(await call(k.url, `${base()}/milestones?overdue=true`));
    assert.deepEqual(over.items.map((m) => m.id), [late.id]);
    const done = assertOk(await call(k.url, `${base()}/milestones?status=done`));
    assert.deepEqual(done.items.map((m) => m.title), ['Keuken gevonden']);
    assertInvalid(await call(k.url, `${base()}/milestones?status=soon`), ['status']);
    assertInvalid(await call(k.url, `${base()}/milestones?page=2`), ['page']);
  });

  test('a partner may not change or remove; the lead, the coordinator and an admin may; another area\'s coordinator may not', async () => {
    assertProblem(await call(k.url, `${base()}/milestones/${first}`, { method: 'PATCH', token: T.partner, body: { progress: 50 } }), 403);
    assertProblem(await call(k.url, `${base()}/milestones/${first}`, { method: 'DELETE', token: T.partner }), 403);
    assertProblem(await call(k.url, `${base()}/milestones/${first}`, { method: 'PATCH', token: T.otherCoordinator, body: { progress: 50 } }), 403);
    assertProblem(await call(k.url, `${base()}/milestones/${first}`, { method: 'PATCH', body: { progress: 50 } }), 401);
    const m = assertOk(await call(k.url, `${base()}/milestones/${first}`, { method: 'PATCH', token: T.lead, body: { progress: 50, status: 'in_progress' } }));
    assert.equal(m.progress, 50);
    assert.equal(m.title, 'Eerste kookavond', 'a merge patch keeps what it does not name');
    assertInvalid(await call(k.url, `${base()}/milestones/${first}`, { method: 'PATCH', token: T.lead, body: { progress: -1 } }), ['progress']);
    assert.equal(assertOk(await call(k.url, `${base()}/milestones/${first}`, { method: 'PATCH', token: T.coordinator, body: { title: 'Eerste kookavond in het buurthuis' } })).title, 'Eerste kookavond in het buurthuis');
    const extra = assertOk(await call(k.url, `${base()}/milestones`, { method: 'POST', token: T.admin, body: { title: 'Weg', due: today() } }), 201);
    assert.equal((await call(k.url, `${base()}/milestones/${extra.id}`, { method: 'DELETE', token: T.lead })).status, 204);
    assertProblem(await call(k.url, `${base()}/milestones/${extra.id}`), 404);
    // a milestone of another initiative is not found under this one
    const e = assertOk(await call(k.url, `${base(elders)}/milestones`, { method: 'POST', token: T.admin, body: { title: 'Elders', due: dateDaysFromNow(-1) } }), 201);
    assertProblem(await call(k.url, `${base()}/milestones/${e.id}`), 404);
    assertProblem(await call(k.url, `${base()}/milestones/${e.id}`, { method: 'DELETE', token: T.lead }), 404);
  });

  test('each change is in the activity log, with the fields it changed', () => {
    const rows = sql(k.db, `SELECT action || ':' || fields FROM activity WHERE object_type = 'milestone' AND object_id = (SELECT id FROM milestones WHERE title = 'Eerste kookavond in het buurthuis') ORDER BY seq`);
    assert.deepEqual(rows.split('\n'), ['create:', 'update:status,progress', 'update:title']);
  });
});

describe('outcomes and their measurements', () => {
  let outcome;
  test('a partner may not add an outcome; the lead does', async () => {
    const body = { indicator: 'Bewoners die meekoken', unit: 'personen', baseline: 0, target: 40 };
    assertProblem(await call(k.url, `${base()}/outcomes`, { method: 'POST', token: T.partner, body }), 403);
    assertProblem(await call(k.url, `${base()}/outcomes`, { method: 'POST', token: T.stranger, body }), 403);
    const r = await call(k.url, `${base()}/outcomes`, { method: 'POST', token: T.lead, body });
    const o = assertOk(r, 201);
    outcome = o.id;
    assert.equal(r.headers.get('location'), `${base()}/outcomes/${o.id}`);
    assert.equal(o.baseline, 0);
    assert.equal(o.target, 40);
    assert.equal(o.latestValue, null);
    assert.equal(o.measurementCount, 0);
    assert.equal(o._links.measurements.href, `${base()}/outcomes/${o.id}/measurements`);
  });

  test('every bad field is named', async () => {
    assertInvalid(await call(k.url, `${base()}/outcomes`, { method: 'POST', token: T.lead, body: { indicator: '', unit: 'x'.repeat(51), baseline: 1.5, target: 'veel' } }), ['indicator', 'unit', 'baseline', 'target']);
    assertInvalid(await call(k.url, `${base()}/outcomes/${outcome}/measurements`, { method: 'POST', token: T.partner, body: { measuredOn: dateDaysFromNow(2), costCents: -5, savingsCents: 'veel' } }), ['measuredOn', 'value', 'costCents', 'savingsCents']);
  });

  test('partners add measurements, strangers may not; the latest and the sums follow', async () => {
    const path = `${base()}/outcomes/${outcome}/measurements`;
    assertProblem(await call(k.url, path, { method: 'POST', token: T.stranger, body: { measuredOn: today(), value: 3 } }), 403);
    const r = await call(k.url, path, { method: 'POST', token: T.partner, body: { measuredOn: dateDaysFromNow(-60), value: 12, costCents: 150000, savingsCents: 20000, note: 'Telling bij de deur' } });
    const m = assertOk(r, 201);
    assert.equal(r.headers.get('location'), `${path}/${m.id}`);
    assert.equal(m.outcome, outcome);
    assert.equal(m._links.outcome.href, `${base()}/outcomes/${outcome}`);
    assertOk(await call(k.url, path, { method: 'POST', token: T.lead, body: { measuredOn: dateDaysFromNow(-5), value: 27, costCents: 50000, savingsCents: 90000 } }), 201);
    const o = assertOk(await call(k.url, `${base()}/outcomes/${outcome}`));
    assert.equal(o.latestValue, 27);
    assert.equal(o.latestMeasuredOn, dateDaysFromNow(-5));
    assert.equal(o.measurementCount, 2);
    assert.equal(o.costCentsTotal, 200000);
    assert.equal(o.savingsCentsTotal, 110000);
    const list = assertOk(await call(k.url, `${base()}/outcomes`));
    assert.deepEqual(list.totals, { costCents: 200000, savingsCents: 110000 });
    const ms = assertOk(await call(k.url, path));
    assert.deepEqual(ms.items.map((x) => x.value), [12, 27]);
    assert.equal(assertOk(await call(k.url, `${path}/${m.id}`)).note, 'Telling bij de deur');
    // removing is managing: not the partner's
    assertProblem(await call(k.url, `${path}/${m.id}`, { method: 'DELETE', token: T.partner }), 403);
    assert.equal((await call(k.url, `${path}/${m.id}`, { method: 'DELETE', token: T.lead })).status, 204);
    assert.equal(assertOk(await call(k.url, `${base()}/outcomes/${outcome}`)).costCentsTotal, 50000);
    assertProblem(await call(k.url, `${base(elders)}/outcomes/${outcome}/measurements`), 404);
  });

  test('the lead changes and removes an outcome; a partner may not', async () => {
    assertProblem(await call(k.url, `${base()}/outcomes/${outcome}`, { method: 'PATCH', token: T.partner, body: { target: 60 } }), 403);
    const o = assertOk(await call(k.url, `${base()}/outcomes/${outcome}`, { method: 'PATCH', token: T.lead, body: { target: 60, baseline: null } }));
    assert.equal(o.target, 60);
    assert.equal(o.baseline, null);
    const gone = assertOk(await call(k.url, `${base()}/outcomes`, { method: 'POST', token: T.coordinator, body: { indicator: 'Weg', unit: 'x' } }), 201);
    assertProblem(await call(k.url, `${base()}/outcomes/${gone.id}`, { method: 'DELETE', token: T.partner }), 403);
    assert.equal((await call(k.url, `${base()}/outcomes/${gone.id}`, { method: 'DELETE', token: T.lead })).status, 204);
  });
});

describe('the lessons log', () => {
  let mine;
  test('a partner adds a lesson: on behalf of their party, learned today by default', async () => {
    const r = await call(k.url, `${base()}/lessons`, { method: 'POST', token: T.partner, body: { body: 'Bewoners komen als de buurtcoach hen zelf uitnodigt.', workingElements: ['co_creation', 'open_network'] } });
    const l = assertOk(r, 201);
    mine = l.id;
    assert.equal(r.headers.get('location'), `${base()}/lessons/${l.id}`);
    assert.equal(l.party, P.wijk);
    assert.equal(l.partyName, 'Wijkteam Noord');
    assert.equal(l.learnedOn, today());
    assert.deepEqual(l.workingElements, ['open_network', 'co_creation'], 'in the dossier\'s order');
    assert.equal(l._links.party.href, `/api/v1/parties/${P.wijk}`);
    assert.equal('author' in l, false, 'who wrote it is not public');
  });

  test('a stranger may not, anonymous must log in', async () => {
    assertProblem(await call(k.url, `${base()}/lessons`, { method: 'POST', token: T.stranger, body: { body: 'x' } }), 403);
    assertProblem(await call(k.url, `${base()}/lessons`, { method: 'POST', body: { body: 'x' } }), 401);
  });

  test('every bad field is named; a party that is not in the initiative is refused', async () => {
    assertInvalid(await call(k.url, `${base()}/lessons`, { method: 'POST', token: T.lead, body: { body: ' ', workingElements: ['teamwork'], learnedOn: dateDaysFromNow(3) } }), ['body', 'workingElements', 'learnedOn']);
    assertInvalid(await call(k.url, `${base()}/lessons`, { method: 'POST', token: T.partner, body: { body: 'x', party: P.buurt } }), ['party']);
    assertInvalid(await call(k.url, `${base()}/lessons`, { method: 'POST', token: T.admin, body: { body: 'x', party: P.vreemd } }), ['party']);
  });

  test('the lead\'s lesson; filtered by working element, newest first', async () => {
    const l = assertOk(await call(k.url, `${base()}/lessons`, { method: 'POST', token: T.lead, body: { body: 'Een vaste avond werkt beter dan wisselende.', workingElements: ['learning_organisation'], learnedOn: dateDaysFromNow(-20) } }), 201);
    assert.equal(l.partyName, 'Buurtkracht');
    const all = assertOk(await call(k.url, `${base()}/lessons`));
    assert.deepEqual(all.items.map((x) => x.partyName), ['Wijkteam Noord', 'Buurtkracht']);
    const co = assertOk(await call(k.url, `${base()}/lessons?workingElement=co_creation`));
    assert.deepEqual(co.items.map((x) => x.id), [mine]);
    const page = assertOk(await call(k.url, `${base()}/lessons?limit=1`));
    assert.equal(page.items.length, 1);
    const next = assertOk(await call(k.url, page._links.next.href));
    assert.deepEqual(next.items.map((x) => x.id), [l.id]);
    assertInvalid(await call(k.url, `${base()}/lessons?workingElement=teamwork`), ['workingElement']);
  });

  test('its author changes their own; another partner may not; the lead changes any', async () => {
    const own = assertOk(await call(k.url, `${base()}/lessons/${mine}`, { method: 'PATCH', token: T.partner, body: { body: 'Bewoners komen als de buurtcoach hen persoonlijk uitnodigt.' } }));
    assert.equal(own.body, 'Bewoners komen als de buurtcoach hen persoonlijk uitnodigt.');
    assert.deepEqual(own.workingElements, ['open_network', 'co_creation']);
    assertProblem(await call(k.url, `${base()}/lessons/${mine}`, { method: 'PATCH', token: T.partner2, body: { body: 'Niet van mij' } }), 403);
    assertProblem(await call(k.url, `${base()}/lessons/${mine}`, { method: 'DELETE', token: T.partner2 }), 403);
    assertOk(await call(k.url, `${base()}/lessons/${mine}`, { method: 'PATCH', token: T.lead, body: { workingElements: ['co_creation'] } }));
    const lead = (await call(k.url, `${base()}/lessons?workingElement=learning_organisation`)).body.items[0];
    assertProblem(await call(k.url, `${base()}/lessons/${lead.id}`, { method: 'PATCH', token: T.partner, body: { body: 'x' } }), 403);
    const pams = assertOk(await call(k.url, `${base()}/lessons`, { method: 'POST', token: T.partner2, body: { body: 'Van Pam.' } }), 201);
    assert.equal((await call(k.url, `${base()}/lessons/${pams.id}`, { method: 'DELETE', token: T.partner2 })).status, 204);
    assertProblem(await call(k.url, `${base()}/lessons/${pams.id}`, { method: 'DELETE', token: T.partner2 }), 404);
  });
});

describe('the flags and the coordinators\' list', () => {
  test('an initiative\'s flags: stalled after the configured days, overdue milestones counted', async () => {
    const f = assertOk(await call(k.url, `${base()}/flags`));
    assert.equal(f.stalled, true);
    assert.equal(f.stalledAfterDays, STALLED_DAYS);
    assert.equal(f.daysInStage, STALLED_DAYS + 5);
    assert.equal(f.overdueMilestones, 1);
    const e = assertOk(await call(k.url, `${base(elders)}/flags`));
    assert.equal(e.stalled, false);
    assert.equal(e.overdueMilestones, 1);
    assert.equal(assertOk(await call(k.url, `${base(sustained)}/flags`)).stalled, false, 'sustained is never stalled');
    assertProblem(await call(k.url, `${base(MISSING)}/flags`), 404);
  });

  test('a coordinator sees only their areas, an admin all; others may not', async () => {
    const mine = assertOk(await call(k.url, '/api/v1/initiatives/flagged', { token: T.coordinator }));
    assert.deepEqual(mine.items.map((x) => x.id), [ini]);
    assert.equal(mine.items[0].stalled, true);
    assert.equal(mine.items[0].overdueMilestones, 1);
    assert.equal(mine.items[0].oldestOverdueDue, dateDaysFromNow(-3));
    assert.equal(mine.items[0].areaName, 'Noord');
    assert.equal(mine.stalledAfterDays, STALLED_DAYS);
    const other = assertOk(await call(k.url, '/api/v1/initiatives/flagged', { token: T.otherCoordinator }));
    assert.deepEqual(other.items.map((x) => [x.id, x.stalled, x.overdueMilestones]), [[elders, false, 1]]);
    const all = assertOk(await call(k.url, '/api/v1/initiatives/flagged', { token: T.admin }));
    assert.deepEqual(all.items.map((x) => x.id).sort(), [ini, elders].sort());
    const stalled = assertOk(await call(k.url, '/api/v1/initiatives/flagged?reason=stalled', { token: T.admin }));
    assert.deepEqual(stalled.items.map((x) => x.id), [ini]);
    const inArea = assertOk(await call(k.url, '/api/v1/initiatives/flagged?area=GM9802', { token: T.admin }));
    assert.deepEqual(inArea.items.map((x) => x.id), [elders]);
    assertProblem(await call(k.url, '/api/v1/initiatives/flagged', { token: T.lead }), 403);
    assertProblem(await call(k.url, '/api/v1/initiatives/flagged'), 401);
    assertInvalid(await call(k.url, '/api/v1/initiatives/flagged?reason=lazy', { token: T.admin }), ['reason']);
  });

  test('an overdue milestone done, the initiative drops off for that reason', async () => {
    const late = (await call(k.url, `${base(elders)}/milestones?overdue=true`)).body.items[0];
    assertOk(await call(k.url, `${base(elders)}/milestones/${late.id}`, { method: 'PATCH', token: T.otherCoordinator, body: { status: 'done' } }));
    const other = assertOk(await call(k.url, '/api/v1/initiatives/flagged', { token: T.otherCoordinator }));
    assert.deepEqual(other.items, []);
  });
});

describe('the pages', () => {
  const B = {};
  before(async () => {
    for (const who of ['lead', 'partner', 'stranger', 'coordinator', 'otherCoordinator', 'admin']) {
      B[who] = new Browser(k.url);
      const r = await B[who].login(PEOPLE[who].email, PASSWORD);
      assert.equal(r.status, 303, `login of ${who}`);
    }
  });

  test('the results page: flags, progress bars with their text, outcomes in euro, lessons; Dutch and English', async () => {
    const r = await new Browser(k.url).request(`/initiatieven/${ini}/resultaten`);
    assert.equal(r.status, 200);
    assert.match(r.text, /<section id="resultaten"/);
    assert.match(r.text, new RegExp(`staat in de fase ‘[^’]+’, al ${STALLED_DAYS + 5} dagen\\. Dat is langer dan ${STALLED_DAYS} dagen`));
    assert.match(r.text, /mijlpalen over tijd: 1\./i);
    assert.match(r.text, /<progress max="100" value="50" aria-label="Voortgang van Eerste kookavond in het buurthuis">50%<\/progress> <span class="progress-text">50% klaar<\/span>/);
    assert.match(r.text, /<strong class="badge badge-overdue">Over tijd<\/strong>/);
    // 27 people on the latest measurement; € 500 costs and € 900 savings left
    assert.match(r.text, /<th scope="row">Bewoners die meekoken<\/th><td>–<\/td><td>60 personen<\/td><td>27 personen/);
    assert.match(r.text, /<td class="num">€ 500<\/td><td class="num">€ 900<\/td>/);
    assert.match(r.text, /Een vaste avond werkt beter dan wisselende\./);
    assert.match(r.text, /namens Buurtkracht\. Werkzame elementen: Lerende organisatie\./);
    assert.ok(!r.text.includes('/mijlpalen/') || !r.text.includes('bewerken'), 'no tools for an anonymous visitor');
    assert.match(r.text, /Log in om iets toe te voegen/);
    const en = await new Browser(k.url).request(`/initiatieven/${ini}/resultaten?lang=en`);
    assert.match(en.text, /has been in the stage ‘[^’]+’ for \d+ days/);
    assert.match(en.text, /€500<\/td><td class="num">€900/);
    assert.match(en.text, /50% done/);
    assert.equal((await new Browser(k.url).request(`/initiatieven/${MISSING}/resultaten`)).status, 404);
  });

  test('the lead sees the tools, a partner adds but does not manage, a stranger sees neither', async () => {
    const lead = await B.lead.request(`/initiatieven/${ini}/resultaten`);
    assert.match(lead.text, /href="\/initiatieven\/[^/]+\/mijlpalen\/[^/]+\/bewerken" aria-label="Wijzigen: Eerste kookavond in het buurthuis"/);
    assert.match(lead.text, /href="\/initiatieven\/[^/]+\/resultaten\/nieuw"/);
    assert.match(lead.text, /<tfoot><tr><th scope="row">Samen<\/th><td><\/td><td><\/td><td><\/td><td class="num">€ 500<\/td><td class="num">€ 900<\/td><td><\/td><\/tr><\/tfoot>/);
    const partner = await B.partner.request(`/initiatieven/${ini}/resultaten`);
    assert.match(partner.text, /href="\/initiatieven\/[^/]+\/mijlpalen">Mijlpaal toevoegen/);
    assert.match(partner.text, /href="\/initiatieven\/[^/]+\/lessen\/nieuw"/);
    assert.ok(!partner.text.includes('/resultaten/nieuw'), 'a partner adds no outcome');
    assert.ok(!/mijlpalen\/[^/"]+\/bewerken/.test(partner.text), 'a partner changes no milestone');
    const stranger = await B.stranger.request(`/initiatieven/${ini}/resultaten`);
    assert.ok(!stranger.text.includes('/lessen/nieuw'));
    assert.match(stranger.text, /Leden van de trekkende partij en van de partners kunnen/);
    assert.ok(!stranger.text.includes('href="/initiatieven/aandacht"'), 'the list is for coordinators');
    assert.match((await B.coordinator.request(`/initiatieven/${ini}/resultaten`)).text, /<a href="\/initiatieven\/aandacht">Initiatieven die aandacht vragen<\/a>/);
  });

  test('a partner adds a lesson through its form; each problem beside its field, what was typed kept', async () => {
    const form = await B.partner.request(`/initiatieven/${ini}/lessen/nieuw`);
    assert.equal(form.status, 200);
    assert.match(form.text, /<input id="f-workingElements-5" name="workingElements" type="checkbox" value="co_creation">/);
    const bad = await B.partner.post(`/initiatieven/${ini}/lessen/nieuw`, { body: '', workingElements: ['co_creation'], learnedOn: dateDaysFromNow(5) });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /id="body-error"/);
    assert.match(bad.text, /id="learnedOn-error"/);
    assert.match(bad.text, /type="checkbox" value="co_creation" checked/);
    const ok = await B.partner.post(`/initiatieven/${ini}/lessen/nieuw`, { body: 'De kookavond trekt ook jongeren.', workingElements: ['co_creation', 'room_for_ideas'] });
    assert.equal(ok.status, 303);
    assert.equal(ok.location, `/initiatieven/${ini}#lessen`);
    const log = await new Browser(k.url).request(`/initiatieven/${ini}/lessen?element=room_for_ideas`);
    assert.equal(log.status, 200);
    assert.match(log.text, /De kookavond trekt ook jongeren\./);
    assert.ok(!log.text.includes('Een vaste avond'), 'filtered by the working element');
    assert.match(log.text, /aria-current="page">Ruimte voor ideeën/);
    assert.equal((await B.stranger.request(`/initiatieven/${ini}/lessen/nieuw`)).status, 403);
    const anon = await new Browser(k.url).request(`/initiatieven/${ini}/lessen/nieuw`);
    assert.equal(anon.status, 303);
    assert.match(anon.location, /^\/inloggen\?next=/);
  });

  test('milestones, outcomes and measurements through their forms', async () => {
    let r = await B.partner.post(`/initiatieven/${ini}/mijlpalen`, { title: 'Tweede kookavond', due: dateDaysFromNow(60), status: 'planned', progress: 'veel' });
    assert.equal(r.status, 400);
    assert.match(r.text, /id="progress-error"/);
    assert.match(r.text, /value="Tweede kookavond"/);
    r = await B.partner.post(`/initiatieven/${ini}/mijlpalen`, { title: 'Tweede kookavond', due: dateDaysFromNow(60), status: 'planned', progress: '10' });
    assert.equal(r.status, 303);
    const m = (await call(k.url, `${base()}/milestones`)).body.items.find((x) => x.title === 'Tweede kookavond');
    assert.equal(m.progress, 10);
    assert.equal((await B.partner.post(`/initiatieven/${ini}/mijlpalen/${m.id}/bewerken`, { title: 'x', due: today(), status: 'done' })).status, 403);
    r = await B.lead.post(`/initiatieven/${ini}/mijlpalen/${m.id}/bewerken`, { title: 'Tweede kookavond', due: dateDaysFromNow(60), status: 'done', progress: '10' });
    assert.equal(r.status, 303);
    assert.equal(assertOk(await call(k.url, `${base()}/milestones/${m.id}`)).progress, 100);
    assert.equal((await B.lead.post(`/initiatieven/${ini}/mijlpalen/${m.id}/verwijderen`)).status, 303);
    assertProblem(await call(k.url, `${base()}/milestones/${m.id}`), 404);

    assert.equal((await B.partner.post(`/initiatieven/${ini}/resultaten/nieuw`, { indicator: 'Maaltijden', unit: 'maaltijden' })).status, 403);
    r = await B.lead.post(`/initiatieven/${ini}/resultaten/nieuw`, { indicator: 'Maaltijden', unit: 'maaltijden', baseline: '0', target: '1000' });
    assert.equal(r.status, 303);
    const o = (await call(k.url, `${base()}/outcomes`)).body.items.find((x) => x.indicator === 'Maaltijden');
    r = await B.partner.post(`/initiatieven/${ini}/resultaten/${o.id}/metingen`, { measuredOn: today(), value: '1250', costCents: '1.234,50', savingsCents: '', note: '' });
    assert.equal(r.status, 303);
    const after = assertOk(await call(k.url, `${base()}/outcomes/${o.id}`));
    assert.equal(after.latestValue, 1250);
    assert.equal(after.costCentsTotal, 123450);
    const page = await new Browser(k.url).request(`/initiatieven/${ini}/resultaten`);
    assert.match(page.text, /1\.250 maaltijden/);
    assert.match(page.text, /€ 1\.234,50/);
    assert.equal((await B.stranger.post(`/initiatieven/${ini}/resultaten/${o.id}/metingen`, { measuredOn: today(), value: '1' })).status, 403);
    assert.equal((await B.lead.post(`/initiatieven/${ini}/resultaten/${o.id}/verwijderen`)).status, 303);
  });

  test('the list for coordinators: their areas only, both reasons, English too; others may not', async () => {
    const cor = await B.coordinator.request('/initiatieven/aandacht');
    assert.equal(cor.status, 200);
    assert.match(cor.text, /Samen koken in Noord/);
    assert.ok(!cor.text.includes('Klusdienst Elders'), 'not an area of theirs');
    assert.match(cor.text, new RegExp(`Vastgelopen: ${STALLED_DAYS + 5} dagen in deze fase`));
    assert.match(cor.text, /mijlpalen over tijd: 1 \(sinds /);
    const stalled = await B.admin.request('/initiatieven/aandacht?reden=stalled');
    assert.match(stalled.text, /Samen koken in Noord/);
    assert.ok(!stalled.text.includes('Klusdienst Elders'));
    const en = await B.coordinator.request('/initiatieven/aandacht?lang=en');
    assert.match(en.text, /Initiatives that need attention/);
    assert.equal((await B.lead.request('/initiatieven/aandacht')).status, 403);
    const anon = await new Browser(k.url).request('/initiatieven/aandacht');
    assert.equal(anon.status, 303);
  });
});

// What the handlers send is what the OpenAPI document says.
test('the answers match the schemas of the OpenAPI document', async () => {
  const doc = assertOk(await call(k.url, '/api/v1/openapi.json'));
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ components: doc.components }, 'openapi');
  const check = async (name, path, token) => {
    const body = assertOk(await call(k.url, path, { token }));
    const validate = ajv.getSchema(`openapi#/components/schemas/${name}`);
    assert.ok(validate, `schema ${name}`);
    assert.ok(validate(body), `${name}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(body).slice(0, 500)}`);
    return body;
  };
  const ms = await check('MilestoneCollection', `${base()}/milestones`);
  await check('Milestone', `${base()}/milestones/${ms.items[0].id}`);
  const oc = await check('OutcomeCollection', `${base()}/outcomes`);
  await check('Outcome', `${base()}/outcomes/${oc.items[0].id}`);
  const mm = await check('MeasurementCollection', `${base()}/outcomes/${oc.items[0].id}/measurements`);
  await check('Measurement', `${base()}/outcomes/${oc.items[0].id}/measurements/${mm.items[0].id}`);
  const ls = await check('LessonCollection', `${base()}/lessons`);
  await check('Lesson', `${base()}/lessons/${ls.items[0].id}`);
  await check('InitiativeFlags', `${base()}/flags`);
  await check('FlaggedInitiativeCollection', '/api/v1/initiatives/flagged', T.admin);
});

test('a bad KIEM_STALLED_DAYS stops serve at the start, naming it (exit 2)', () => {
  for (const bad of ['0', '3651', 'lang']) {
    const r = kiem(['serve', '--db', k.db, '--listen', '127.0.0.1:0'], { env: { KIEM_STALLED_DAYS: bad } });
    assert.equal(r.status, 2, `${bad}: ${r.stderr}`);
    assert.match(r.stderr, new RegExp(`KIEM_STALLED_DAYS must be a whole number from 1 to 3650, not '${bad}'`));
  }
});
