// Events (bijeenkomsten): /api/v1/events (create, read, list with every
// filter, search and paging, merge patch that counts up the sequence), who
// may do what, validation, registration for oneself with a waiting list
// that moves up when someone cancels or the capacity grows, the last place
// taken by many at once, cancelled and past events, attendance, the
// iCalendar files checked strictly against RFC 5545, the pages, the parts on
// the issue page, and a person's export and erasure.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem } from '../lib/kiem.mjs';
import { call, assertOk, assertProblem, assertInvalid, listAll, partyBody, Browser } from './helpers.mjs';

const PASSWORD = 'een-lang-wachtwoord-123';
const AREA = 'WK034403'; // Overvecht
const CROWD = 8; // residents who want the last place at once
const PEOPLE = {
  admin: { email: 'ada@events.example', name: 'Ada Beheer', admin: true },
  member: { email: 'mia@events.example', name: 'Mia Lid' },
  resident: { email: 'rita@events.example', name: 'Rita Bewoner' },
  second: { email: 'sam@events.example', name: 'Sam Tweede' },
  third: { email: 'tess@events.example', name: 'Tess Derde' },
  coordinator: { email: 'cor@events.example', name: 'Cor Overvecht', coordinator: AREA },
  otherCoordinator: { email: 'cas@events.example', name: 'Cas Zuidwest', coordinator: 'WK034408' },
};
for (let i = 0; i < CROWD; i++) PEOPLE[`crowd${i}`] = { email: `crowd${i}@events.example`, name: `Bewoner ${i}` };
const FIELDS = ['_links', 'area', 'areaName', 'capacity', 'createdAt', 'description', 'end', 'id', 'initiatives', 'issues',
  'organizer', 'organizerName', 'place', 'placesLeft', 'registered', 'sequence', 'start', 'status', 'title', 'updatedAt', 'waiting'];

let k;
const T = {};
let party; // Mia's party, serving Overvecht
let issue; // an issue of Mia's party
let n = 0;
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;
const api = (who, path, opts = {}) => call(k.url, path, { ...opts, token: who ? T[who] : undefined });

before(async () => {
  k = await startKiem({ users: Object.values(PEOPLE).map((p) => ({ ...p, password: PASSWORD })) });
  for (const [who, p] of Object.entries(PEOPLE)) T[who] = k.tokens[p.email];
  party = assertOk(await api('member', '/api/v1/parties', { method: 'POST', body: partyBody({ name: 'Buurtkracht Overvecht', areas: [AREA] }) }), 201);
  issue = assertOk(await api('member', '/api/v1/issues', { method: 'POST', body: { title: 'Ontmoeten in Overvecht', summary: 'Waar ontmoeten buren elkaar?', area: AREA, ownerParty: party.id } }), 201);
});
after(async () => { await k?.stop(); });

const body = (over = {}) => ({
  title: `Bijeenkomst ${uniq()}`, place: 'Buurthuis De Boog', start: '2030-07-01T17:00:00Z', end: '2030-07-01T19:00:00Z',
  organizer: party.id, area: AREA, ...over,
});
async function create(who = 'member', over = {}) {
  return assertOk(await api(who, '/api/v1/events', { method: 'POST', body: body(over) }), 201);
}
const register = (who, id) => api(who, `/api/v1/events/${id}/registrations`, { method: 'POST' });
const cancel = (who, id) => api(who, `/api/v1/events/${id}/registrations/me`, { method: 'DELETE' });
const mine = (who, id) => api(who, `/api/v1/events/${id}/registrations/me`);
const get = async (id) => assertOk(await api(null, `/api/v1/events/${id}`));

describe('creating, reading and changing an event', () => {
  test('a member of the organizer makes one: 201, Location, every field, times in UTC', async () => {
    const r = await api('member', '/api/v1/events', {
      method: 'POST',
      body: body({ title: '  Ontwerpavond buurtkamer  ', description: 'We **ontwerpen** samen.', start: '2030-07-01T19:00:00+02:00', end: '2030-07-01T21:30:00+02:00', capacity: 20, issues: [issue.id] }),
    });
    const ev = assertOk(r, 201);
    assert.equal(r.headers.get('location'), `/api/v1/events/${ev.id}`);
    assert.deepEqual(Object.keys(ev).sort(), FIELDS);
    assert.equal(ev.title, 'Ontwerpavond buurtkamer');
    assert.equal(ev.start, '2030-07-01T17:00:00Z');
    assert.equal(ev.end, '2030-07-01T19:30:00Z');
    assert.equal(ev.capacity, 20);
    assert.equal(ev.placesLeft, 20);
    assert.equal(ev.registered, 0);
    assert.equal(ev.status, 'scheduled');
    assert.equal(ev.sequence, 0);
    assert.equal(ev.organizerName, 'Buurtkracht Overvecht');
    assert.equal(ev.areaName, 'Overvecht');
    assert.deepEqual(ev.issues, [issue.id]);
    assert.equal(ev._links.calendar.href, `/api/v1/events/${ev.id}/calendar`);
    assert.equal(ev._links.registrations.href, `/api/v1/events/${ev.id}/registrations`);
    const { registrations, ...links } = ev._links; // only for who may read them
    assert.deepEqual(await get(ev.id), { ...ev, _links: links });
    assert.ok(registrations);
  });

  test('the followers of its issue hear of a new event', async () => {
    assert.equal((await api('third', `/api/v1/issues/${issue.id}/follows/me`, { method: 'PUT', body: {} })).status, 201);
    const ev = await create('member', { issues: [issue.id] });
    const notes = assertOk(await api('third', '/api/v1/users/me/notifications'));
    const note = notes.items.find((x) => x.objectId === ev.id);
    assert.ok(note, 'a notification about the event');
    assert.equal(note.event, 'event');
    const br = new Browser(k.url);
    assert.equal((await br.post('/inloggen', { email: PEOPLE.third.email, password: PASSWORD, next: '/account' })).status, 303);
    const page = await br.request('/account/meldingen');
    assert.equal(page.status, 200);
    assert.ok(page.text.includes('Mia Lid heeft een bijeenkomst gepland bij'), 'the sentence of the notification');
    assert.equal(assertOk(await api('member', '/api/v1/users/me/notifications')).items.filter((x) => x.objectId === ev.id).length, 0, 'not the actor');
  });

  test('without a capacity there is no limit, and no area is fine', async () => {
    const ev = await create('member', { area: null });
    assert.equal(ev.capacity, null);
    assert.equal(ev.placesLeft, null);
    assert.equal(ev.area, null);
  });

  test('validation lists every problem at once', async () => {
    const r = await api('member', '/api/v1/events', {
      method: 'POST',
      body: { title: '', place: '', start: 'morgen', end: '2030-07-01', capacity: 0, organizer: 'x', area: 'XX', issues: ['01a21b9b-ef12-7389-b34f-05f66f35eaac'], status: 'maybe' },
    });
    assertInvalid(r, ['area', 'capacity', 'end', 'issues', 'organizer', 'place', 'start', 'status', 'title']);
    const before = await api('member', '/api/v1/events', { method: 'POST', body: body({ start: '2030-07-01T19:00:00Z', end: '2030-07-01T18:00:00Z' }) });
    assertInvalid(before, ['end']);
    const unknown = await api('member', '/api/v1/events', { method: 'POST', body: body({ initiatives: ['01a21b9b-ef12-7389-b34f-05f66f35eaac'], colour: 'red' }) });
    assertInvalid(unknown, ['colour', 'initiatives']);
  });

  test('who may: the organizer\'s members, the area\'s coordinator, admins; not residents or other coordinators', async () => {
    assertProblem(await api(null, '/api/v1/events', { method: 'POST', body: body() }), 401);
    assertProblem(await api('resident', '/api/v1/events', { method: 'POST', body: body() }), 403);
    assertProblem(await api('otherCoordinator', '/api/v1/events', { method: 'POST', body: body() }), 403);
    await create('coordinator');
    await create('admin');
    // without an area, the coordinators of an area the organizer serves
    await create('coordinator', { area: null });
    assertProblem(await api('otherCoordinator', '/api/v1/events', { method: 'POST', body: body({ area: null }) }), 403);
    const ev = await create();
    assertProblem(await api('resident', `/api/v1/events/${ev.id}`, { method: 'PATCH', body: { title: 'Nee' } }), 403);
    assertProblem(await api(null, `/api/v1/events/${ev.id}`, { method: 'PATCH', body: { title: 'Nee' } }), 401);
    assertProblem(await api(null, '/api/v1/events/01a21b9b-ef12-7389-b34f-05f66f35eaac'), 404);
  });

  test('a change counts up the sequence and keeps what it does not name', async () => {
    const ev = await create('member', { capacity: 5 });
    const c1 = assertOk(await api('coordinator', `/api/v1/events/${ev.id}`, { method: 'PATCH', body: { title: 'Nieuwe titel' } }));
    assert.equal(c1.sequence, 1);
    assert.equal(c1.title, 'Nieuwe titel');
    assert.equal(c1.capacity, 5);
    const c2 = assertOk(await api('member', `/api/v1/events/${ev.id}`, { method: 'PATCH', body: { capacity: null } }));
    assert.equal(c2.sequence, 2);
    assert.equal(c2.capacity, null);
    assertInvalid(await api('member', `/api/v1/events/${ev.id}`, { method: 'PATCH', body: { end: '2030-06-30T10:00:00Z' } }), ['end']);
    assertInvalid(await api('member', `/api/v1/events/${ev.id}`, { method: 'PATCH', body: { sequence: 9 } }), ['sequence']);
  });
});

describe('the list', () => {
  let a; let b; let past; let cancelled;
  const tag = `zoekwoord${uniq()}`;
  before(async () => {
    a = await create('member', { title: `Voorjaar ${tag}`, start: '2030-03-10T18:00:00Z', end: '2030-03-10T20:00:00Z', issues: [issue.id] });
    b = await create('member', { title: `Najaar ${tag}`, start: '2030-10-10T18:00:00Z', end: '2030-10-10T20:00:00Z', area: null });
    past = await create('member', { title: `Vorig jaar ${tag}`, start: '2020-10-10T18:00:00Z', end: '2020-10-10T20:00:00Z' });
    cancelled = await create('member', { title: `Afgelast ${tag}`, start: '2030-05-10T18:00:00Z', end: '2030-05-10T20:00:00Z' });
    assertOk(await api('member', `/api/v1/events/${cancelled.id}`, { method: 'PATCH', body: { status: 'cancelled' } }));
  });
  const ids = async (q) => (await listAll(k.url, `/api/v1/events?q=${tag}${q}`)).items.map((e) => e.id);

  test('search, sorted by start; upcoming and past; -start', async () => {
    assert.deepEqual(await ids(''), [past.id, a.id, cancelled.id, b.id]);
    assert.deepEqual(await ids('&when=upcoming'), [a.id, cancelled.id, b.id]);
    assert.deepEqual(await ids('&when=past'), [past.id]);
    assert.deepEqual(await ids('&sort=-start'), [b.id, cancelled.id, a.id, past.id]);
  });

  test('filters: dates, issue, area, organizer, status', async () => {
    assert.deepEqual(await ids('&from=2030-03-10&to=2030-05-10'), [a.id, cancelled.id]);
    assert.deepEqual(await ids(`&issue=${issue.id}`), [a.id]);
    assert.deepEqual(await ids(`&area=${AREA}`), [past.id, a.id, cancelled.id]);
    assert.deepEqual(await ids('&area=GM0344'), [past.id, a.id, cancelled.id]);
    assert.deepEqual(await ids(`&organizer=${party.id}`), [past.id, a.id, cancelled.id, b.id]);
    assert.deepEqual(await ids('&status=cancelled'), [cancelled.id]);
  });

  test('pages of one by cursor give the same order', async () => {
    const all = await listAll(k.url, `/api/v1/events?q=${tag}&limit=1`);
    assert.equal(all.pages, 4);
    assert.deepEqual(all.items.map((e) => e.id), [past.id, a.id, cancelled.id, b.id]);
  });

  test('a wrong filter is a 400 naming it', async () => {
    assertInvalid(await api(null, '/api/v1/events?from=gisteren&when=soon&issue=x&sort=title&area=XX&colour=red'),
      ['area', 'colour', 'from', 'issue', 'sort', 'when']);
  });
});

describe('registration and the waiting list', () => {
  test('anyone logged in registers; when full they wait in order; a cancel moves the first up', async () => {
    const ev = await create('member', { capacity: 2 });
    assertProblem(await register(null, ev.id), 401);
    const r1 = await register('resident', ev.id);
    assert.equal(assertOk(r1, 201).status, 'registered');
    assert.equal(r1.headers.get('location'), `/api/v1/events/${ev.id}/registrations/me`);
    assert.equal(assertOk(await register('resident', ev.id), 200).status, 'registered'); // again: as it was
    assert.equal(assertOk(await register('second', ev.id), 201).status, 'registered');
    const w1 = assertOk(await register('third', ev.id), 201);
    assert.equal(w1.status, 'waiting');
    assert.equal(w1.position, 1);
    const w2 = assertOk(await register('coordinator', ev.id), 201);
    assert.deepEqual([w2.status, w2.position], ['waiting', 2]);
    let now = await get(ev.id);
    assert.deepEqual([now.registered, now.waiting, now.placesLeft], [2, 2, 0]);

    // the second cancels: the first waiting (third) moves up, the coordinator is now first
    assert.equal((await cancel('second', ev.id)).status, 204);
    assert.equal(assertOk(await mine('third', ev.id)).status, 'registered');
    assert.deepEqual((({ status, position }) => [status, position])(assertOk(await mine('coordinator', ev.id))), ['waiting', 1]);
    assertProblem(await mine('second', ev.id), 404);
    assertProblem(await cancel('second', ev.id), 409);
    now = await get(ev.id);
    assert.deepEqual([now.registered, now.waiting, now.placesLeft], [2, 1, 0]);

    // a waiting person who leaves frees no place
    assert.equal((await cancel('coordinator', ev.id)).status, 204);
    now = await get(ev.id);
    assert.deepEqual([now.registered, now.waiting], [2, 0]);
    // registering again after cancelling: at the end of the list
    assert.deepEqual((({ status, position }) => [status, position])(assertOk(await register('second', ev.id), 201)), ['waiting', 1]);
  });

  test('a larger capacity moves waiting people up; a smaller one keeps who is registered', async () => {
    const ev = await create('member', { capacity: 1 });
    await register('resident', ev.id);
    await register('second', ev.id);
    await register('third', ev.id);
    const grown = assertOk(await api('member', `/api/v1/events/${ev.id}`, { method: 'PATCH', body: { capacity: 2 } }));
    assert.deepEqual([grown.registered, grown.waiting, grown.placesLeft], [2, 1, 0]);
    assert.equal(assertOk(await mine('second', ev.id)).status, 'registered');
    const shrunk = assertOk(await api('member', `/api/v1/events/${ev.id}`, { method: 'PATCH', body: { capacity: 1 } }));
    assert.deepEqual([shrunk.registered, shrunk.waiting, shrunk.placesLeft], [2, 1, 0]);
    assert.equal(assertOk(await mine('resident', ev.id)).status, 'registered');
    assert.equal(assertOk(await mine('second', ev.id)).status, 'registered');
    // one cancels: still at the capacity, so nobody moves up
    await cancel('resident', ev.id);
    assert.equal(assertOk(await mine('third', ev.id)).status, 'waiting');
    // a second cancel makes room
    await cancel('second', ev.id);
    assert.equal(assertOk(await mine('third', ev.id)).status, 'registered');
  });

  test(`${CROWD} people at once for the last place: exactly one gets it, the rest wait in distinct places`, async () => {
    const ev = await create('member', { capacity: 1 });
    const rs = await Promise.all(Array.from({ length: CROWD }, (_, i) => register(`crowd${i}`, ev.id)));
    const got = rs.map((r) => assertOk(r, 201));
    assert.equal(got.filter((g) => g.status === 'registered').length, 1);
    const waiting = got.filter((g) => g.status === 'waiting').map((g) => g.position).sort((x, y) => x - y);
    assert.deepEqual(waiting, Array.from({ length: CROWD - 1 }, (_, i) => i + 1));
    const now = await get(ev.id);
    assert.deepEqual([now.registered, now.waiting], [1, CROWD - 1]);
    // and all cancelling at once: the list stays whole
    await Promise.all(Array.from({ length: CROWD }, (_, i) => cancel(`crowd${i}`, ev.id)));
    const after = await get(ev.id);
    assert.deepEqual([after.registered, after.waiting], [0, 0]);
  });

  test('a cancelled event and a past one take no registrations', async () => {
    const ev = await create('member');
    await register('resident', ev.id);
    assertOk(await api('member', `/api/v1/events/${ev.id}`, { method: 'PATCH', body: { status: 'cancelled' } }));
    const r = assertProblem(await register('second', ev.id), 409);
    assert.match(r.detail, /cancelled/);
    // leaving a cancelled event is allowed
    assert.equal((await cancel('resident', ev.id)).status, 204);
    const past = await create('member', { start: '2021-01-01T10:00:00Z', end: '2021-01-01T12:00:00Z' });
    assert.match(assertProblem(await register('second', past.id), 409).detail, /started or is over/);
    assertProblem(await register('second', '01a21b9b-ef12-7389-b34f-05f66f35eaac'), 404);
    assertProblem(await api('second', `/api/v1/events/${ev.id}/registrations`, { method: 'POST', body: { x: 1 } }), 400);
  });

  test('the organizer reads the list and marks attendance; others may not', async () => {
    const ev = await create('member', { capacity: 1 });
    await register('resident', ev.id);
    await register('second', ev.id);
    const list = assertOk(await api('member', `/api/v1/events/${ev.id}/registrations`));
    assert.deepEqual(list.items.map((g) => [g.name, g.status, g.position]), [['Rita Bewoner', 'registered', 0], ['Sam Tweede', 'waiting', 1]]);
    assertOk(await api('coordinator', `/api/v1/events/${ev.id}/registrations`));
    assertProblem(await api('resident', `/api/v1/events/${ev.id}/registrations`), 403);
    assertProblem(await api(null, `/api/v1/events/${ev.id}/registrations`), 401);
    const rita = list.items[0].user;
    const sam = list.items[1].user;
    const path = (u) => `/api/v1/events/${ev.id}/registrations/${u}`;
    assertProblem(await api('resident', path(rita), { method: 'PATCH', body: { status: 'attended' } }), 403);
    assert.equal(assertOk(await api('member', path(rita), { method: 'PATCH', body: { status: 'attended' } })).status, 'attended');
    assert.equal(assertOk(await mine('resident', ev.id)).status, 'attended');
    assertProblem(await api('member', path(sam), { method: 'PATCH', body: { status: 'attended' } }), 409);
    assertInvalid(await api('member', path(rita), { method: 'PATCH', body: { status: 'gone' } }), ['status']);
    assert.equal(assertOk(await api('member', path(rita), { method: 'PATCH', body: { status: 'registered' } })).status, 'registered');
    assertProblem(await api('member', path('01a21b9b-ef12-7389-b34f-05f66f35eaac'), { method: 'PATCH', body: { status: 'attended' } }), 404);
  });
});

// ---- RFC 5545, strictly ----

// Checks the raw text against RFC 5545: CRLF line ends, lines of at most 75
// octets, folding (a continuation starts with one space and no fold splits
// a UTF-8 character), components that nest, and each property's form.
// Returns the components as [{name, props: [{name, params, value}], children}].
function parseCalendar(raw) {
  const bytes = Buffer.from(raw, 'latin1');
  assert.ok(raw.endsWith('\r\n'), 'ends with CRLF');
  const physical = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      assert.equal(bytes[i - 1], 0x0d, `a LF without CR at octet ${i}`);
      physical.push(bytes.subarray(start, i - 1));
      start = i + 1;
    } else if (bytes[i] === 0x0d) {
      assert.equal(bytes[i + 1], 0x0a, `a CR without LF at octet ${i}`);
    }
  }
  const logical = [];
  for (const line of physical) {
    assert.ok(line.length <= 75, `a line of ${line.length} octets: ${line.toString()}`);
    assert.ok(line.length > 0, 'an empty line');
    // each physical line is whole UTF-8: no fold split a character
    const text = new TextDecoder('utf-8', { fatal: true }).decode(line);
    if (text[0] === ' ' || text[0] === '\t') {
      assert.ok(logical.length, 'a continuation first');
      logical[logical.length - 1] += text.slice(1);
    } else {
      logical.push(text);
    }
  }
  const root = { name: null, props: [], children: [] };
  const stack = [root];
  for (const l of logical) {
    const m = /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*))*):(.*)$/.exec(l);
    assert.ok(m, `a content line: ${l}`);
    const [, name, params, value] = m;
    for (const ch of value) assert.ok(ch === '\t' || ch.codePointAt(0) >= 0x20, `a control character in ${name}`);
    if (name === 'BEGIN') { const c = { name: value, props: [], children: [] }; stack.at(-1).children.push(c); stack.push(c); continue; }
    if (name === 'END') { assert.equal(stack.pop().name, value, 'END matches BEGIN'); continue; }
    stack.at(-1).props.push({ name, params, value });
  }
  assert.equal(stack.length, 1, 'every BEGIN ended');
  assert.equal(root.children.length, 1);
  assert.equal(root.children[0].name, 'VCALENDAR');
  return root.children[0];
}
const prop = (c, name) => c.props.filter((p) => p.name === name);
const one = (c, name) => { const ps = prop(c, name); assert.equal(ps.length, 1, `one ${name} in ${c.name}`); return ps[0]; };
// TEXT as RFC 5545 3.3.11 escapes it: a lone backslash, comma or semicolon is an error
function unescapeText(v) {
  let out = '';
  for (let i = 0; i < v.length; i++) {
    const ch = v[i];
    if (ch === ',' || ch === ';') assert.fail(`an unescaped ${ch} in ${v}`);
    if (ch !== '\\') { out += ch; continue; }
    const nx = v[++i];
    if (nx === 'n' || nx === 'N') out += '\n';
    else if (nx === '\\' || nx === ';' || nx === ',') out += nx;
    else assert.fail(`a bad escape \\${nx} in ${v}`);
  }
  return out;
}

function checkCalendar(cal) {
  assert.equal(one(cal, 'VERSION').value, '2.0');
  assert.ok(one(cal, 'PRODID').value.length > 0);
  assert.equal(one(cal, 'CALSCALE').value, 'GREGORIAN');
  assert.equal(one(cal, 'METHOD').value, 'PUBLISH');
  const tz = cal.children.filter((c) => c.name === 'VTIMEZONE');
  assert.equal(tz.length, 1);
  assert.equal(one(tz[0], 'TZID').value, 'Europe/Amsterdam');
  const parts = Object.fromEntries(tz[0].children.map((c) => [c.name, c]));
  assert.deepEqual(Object.keys(parts).sort(), ['DAYLIGHT', 'STANDARD']);
  assert.deepEqual([one(parts.DAYLIGHT, 'TZOFFSETFROM').value, one(parts.DAYLIGHT, 'TZOFFSETTO').value], ['+0100', '+0200']);
  assert.deepEqual([one(parts.STANDARD, 'TZOFFSETFROM').value, one(parts.STANDARD, 'TZOFFSETTO').value], ['+0200', '+0100']);
  for (const p of Object.values(parts)) {
    assert.match(one(p, 'DTSTART').value, /^\d{8}T\d{6}$/);
    assert.match(one(p, 'RRULE').value, /^FREQ=YEARLY;BYMONTH=(3|10);BYDAY=-1SU$/);
  }
  const events = cal.children.filter((c) => c.name === 'VEVENT');
  for (const ev of events) {
    assert.match(one(ev, 'UID').value, /^[0-9a-f-]{36}@kiem$/);
    assert.match(one(ev, 'DTSTAMP').value, /^\d{8}T\d{6}Z$/);
    for (const n of ['DTSTART', 'DTEND']) {
      const p = one(ev, n);
      assert.equal(p.params, ';TZID=Europe/Amsterdam');
      assert.match(p.value, /^\d{8}T\d{6}$/);
    }
    assert.match(one(ev, 'SEQUENCE').value, /^\d+$/);
    assert.match(one(ev, 'STATUS').value, /^(CONFIRMED|CANCELLED)$/);
    one(ev, 'SUMMARY');
  }
  return events;
}

describe('iCalendar', () => {
  const title = 'Ontwerpavond; buurtkamer, "Overvecht" \\ één café — met een lange titel die gevouwen moet worden ✓✓✓';
  const description = 'Regel één\nRegel twee, met; tekens\\\n\n€ 5 per persoon';
  let summer; let winter;
  before(async () => {
    summer = await create('member', { title, description, place: 'Zamenhofdreef 1, Utrecht; zaal 2', start: '2030-07-01T17:00:00Z', end: '2030-07-01T19:00:00Z', issues: [issue.id] });
    winter = await create('member', { title: 'Winteravond', start: '2030-01-15T18:00:00Z', end: '2030-01-15T20:30:00Z', issues: [issue.id] });
    assertOk(await api('member', `/api/v1/events/${winter.id}`, { method: 'PATCH', body: { status: 'cancelled' } }));
  });
  const fetchIcs = async (path) => {
    const r = await fetch(k.url + path);
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'text/calendar; charset=utf-8');
    return Buffer.from(await r.arrayBuffer()).toString('latin1');
  };

  test('an event\'s file: valid, folded, escaped, local summer time', async () => {
    const raw = await fetchIcs(`/bijeenkomsten/${summer.id}.ics`);
    const [ev, ...rest] = checkCalendar(parseCalendar(raw));
    assert.equal(rest.length, 0);
    assert.equal(one(ev, 'UID').value, `${summer.id}@kiem`);
    assert.equal(one(ev, 'DTSTART').value, '20300701T190000'); // 17:00 UTC is 19:00 CEST
    assert.equal(one(ev, 'DTEND').value, '20300701T210000');
    assert.equal(one(ev, 'SEQUENCE').value, '0');
    assert.equal(one(ev, 'STATUS').value, 'CONFIRMED');
    assert.equal(unescapeText(one(ev, 'SUMMARY').value), title);
    assert.equal(unescapeText(one(ev, 'DESCRIPTION').value), description);
    assert.equal(unescapeText(one(ev, 'LOCATION').value), 'Zamenhofdreef 1, Utrecht; zaal 2');
    assert.ok(raw.split('\r\n').some((l) => l.startsWith(' ')), 'the long title is folded');
  });

  test('an issue\'s file: every event of it, the winter one in CET, cancelled with its new sequence', async () => {
    const raw = await fetchIcs(`/vraagstukken/${issue.id}/bijeenkomsten.ics`);
    const events = checkCalendar(parseCalendar(raw));
    const byUid = Object.fromEntries(events.map((e) => [one(e, 'UID').value, e]));
    const w = byUid[`${winter.id}@kiem`];
    assert.ok(w && byUid[`${summer.id}@kiem`]);
    assert.equal(one(w, 'DTSTART').value, '20300115T190000'); // 18:00 UTC is 19:00 CET
    assert.equal(one(w, 'DTEND').value, '20300115T213000');
    assert.equal(one(w, 'STATUS').value, 'CANCELLED');
    assert.equal(one(w, 'SEQUENCE').value, '1');
  });

  test('the API\'s twin gives the same file', async () => {
    const page = await fetchIcs(`/bijeenkomsten/${summer.id}.ics`);
    const twin = await fetchIcs(`/api/v1/events/${summer.id}/calendar`);
    const noStamp = (t) => t.replace(/DTSTAMP:\d{8}T\d{6}Z/g, '');
    assert.equal(noStamp(twin), noStamp(page));
    checkCalendar(parseCalendar(twin));
    assert.equal((await fetch(`${k.url}/api/v1/events/01a21b9b-ef12-7389-b34f-05f66f35eaac/calendar`)).status, 404);
  });

  test('unknown ids are 404', async () => {
    assert.equal((await fetch(`${k.url}/bijeenkomsten/01a21b9b-ef12-7389-b34f-05f66f35eaac.ics`)).status, 404);
    assert.equal((await fetch(`${k.url}/vraagstukken/01a21b9b-ef12-7389-b34f-05f66f35eaac/bijeenkomsten.ics`)).status, 404);
  });
});

describe('the pages', () => {
  const login = async (who) => {
    const br = new Browser(k.url);
    const r = await br.post('/inloggen', { email: PEOPLE[who].email, password: PASSWORD, next: '/account' });
    assert.equal(r.status, 303);
    return br;
  };

  test('/bijeenkomsten shows upcoming and past apart, with filters, without JavaScript', async () => {
    const tag = `pagina${uniq()}`;
    const up = await create('member', { title: `Komend ${tag}` });
    const gone = await create('member', { title: `Geweest ${tag}`, start: '2020-01-01T10:00:00Z', end: '2020-01-01T12:00:00Z' });
    const r = await new Browser(k.url).request(`/bijeenkomsten?q=${tag}`);
    assert.equal(r.status, 200);
    const upAt = r.text.indexOf(`/bijeenkomsten/${up.id}`);
    const pastHead = r.text.indexOf('id="geweest"');
    assert.ok(upAt > 0 && pastHead > upAt && r.text.indexOf(`/bijeenkomsten/${gone.id}`) > pastHead);
    assert.ok(!r.text.includes('<script'));
    const past = await new Browser(k.url).request(`/bijeenkomsten?q=${tag}&when=past`);
    assert.ok(past.text.includes(gone.id) && !past.text.includes(up.id));
    assert.equal((await new Browser(k.url).request('/bijeenkomsten?from=gisteren')).status, 400);
  });

  test('an event page: local times, places left, register, waiting place, cancel; the .ics link', async () => {
    const ev = await create('member', { capacity: 1, start: '2030-07-01T17:00:00Z', end: '2030-07-01T19:00:00Z' });
    const anon = await new Browser(k.url).request(`/bijeenkomsten/${ev.id}`);
    assert.equal(anon.status, 200);
    assert.ok(anon.text.includes('1 juli 2030 om 19:00'), 'the start in Dutch time');
    assert.ok(anon.text.includes('Nog 1 plaats vrij'));
    assert.ok(anon.text.includes(`/bijeenkomsten/${ev.id}.ics`));
    assert.ok(anon.text.includes(`/inloggen?next=/bijeenkomsten/${ev.id}`));
    const rita = await login('resident');
    const sam = await login('second');
    let r = await rita.post(`/bijeenkomsten/${ev.id}/aanmelden`);
    assert.equal(r.status, 303);
    assert.match(r.location, /aanmelding=aangemeld/);
    r = await sam.post(`/bijeenkomsten/${ev.id}/aanmelden`);
    assert.match(r.location, /aanmelding=wachtlijst/);
    const page = await sam.request(`/bijeenkomsten/${ev.id}`);
    assert.ok(page.text.includes('Je staat op de wachtlijst, op plaats 1'));
    assert.ok(page.text.includes('Haal je van de wachtlijst'));
    r = await rita.post(`/bijeenkomsten/${ev.id}/afmelden`);
    assert.match(r.location, /aanmelding=afgemeld/);
    assert.ok((await sam.request(`/bijeenkomsten/${ev.id}`)).text.includes('Je bent aangemeld'));
    // the organizer sees the list and marks attendance
    const mia = await login('member');
    const org = await mia.request(`/bijeenkomsten/${ev.id}`);
    assert.ok(org.text.includes('Wie komen er') && org.text.includes('Sam Tweede'));
    assert.ok(!(await sam.request(`/bijeenkomsten/${ev.id}`)).text.includes('Wie komen er'));
    const samId = assertOk(await mine('second', ev.id)).user;
    r = await mia.post(`/bijeenkomsten/${ev.id}/aanwezig/${samId}/ja`);
    assert.equal(r.status, 303);
    assert.equal(assertOk(await mine('second', ev.id)).status, 'attended');
    assert.equal((await sam.post(`/bijeenkomsten/${ev.id}/aanwezig/${samId}/nee`)).status, 403);
  });

  test('a cancelled event says so and offers no button; registering anyway is refused with a notice', async () => {
    const ev = await create('member');
    assertOk(await api('member', `/api/v1/events/${ev.id}`, { method: 'PATCH', body: { status: 'cancelled' } }));
    const rita = await login('resident');
    const page = await rita.request(`/bijeenkomsten/${ev.id}`);
    assert.ok(page.text.includes('Deze bijeenkomst gaat niet door'));
    assert.ok(!page.text.includes(`/bijeenkomsten/${ev.id}/aanmelden`));
    const r = await rita.post(`/bijeenkomsten/${ev.id}/aanmelden`);
    assert.match(r.location, /aanmelding=gaat-niet-door/);
  });

  test('the form makes an event in local time, keeps what was typed, shows problems beside the field', async () => {
    const mia = await login('member');
    const form = await mia.request('/bijeenkomsten/nieuw');
    assert.equal(form.status, 200);
    assert.ok(form.text.includes('type="datetime-local"'));
    const bad = await mia.post('/bijeenkomsten/nieuw', { title: 'Formulieravond', place: 'Buurthuis', start: '2030-12-01T19:00', end: '2030-12-01T18:00', organizer: party.id, area: AREA, capacity: '' });
    assert.equal(bad.status, 400);
    assert.ok(bad.text.includes('Het einde moet na het begin liggen.'));
    assert.ok(bad.text.includes('value="Formulieravond"') && bad.text.includes('value="2030-12-01T19:00"'));
    const ok = await mia.post('/bijeenkomsten/nieuw', { title: 'Formulieravond', place: 'Buurthuis', start: '2030-12-01T19:00', end: '2030-12-01T21:00', organizer: party.id, area: AREA, capacity: '12', issues: issue.id });
    assert.equal(ok.status, 303);
    const id = /\/bijeenkomsten\/([0-9a-f-]{36})/.exec(ok.location)[1];
    const ev = await get(id);
    assert.deepEqual([ev.start, ev.end, ev.capacity, ev.issues], ['2030-12-01T18:00:00Z', '2030-12-01T20:00:00Z', 12, [issue.id]]);
    const edit = await mia.request(`/bijeenkomsten/${id}/bewerken`);
    assert.ok(edit.text.includes('value="2030-12-01T19:00"'));
    const changed = await mia.post(`/bijeenkomsten/${id}/bewerken`, { title: 'Formulieravond', place: 'Elders', start: '2030-12-01T19:00', end: '2030-12-01T21:00', organizer: party.id, area: AREA, capacity: '12', status: 'scheduled' });
    assert.equal(changed.status, 303);
    assert.equal((await get(id)).place, 'Elders');
    const rita = await login('resident');
    assert.equal((await rita.post(`/bijeenkomsten/${id}/bewerken`, { title: 'X', place: 'Y', start: '2030-12-01T19:00', end: '2030-12-01T21:00', organizer: party.id })).status, 403);
  });

  test('an event of an initiative: its title on the event, the event on the initiative\'s page, the filter', async () => {
    const init = assertOk(await api(null, '/api/v1/initiatives?limit=1')).items[0];
    assert.ok(init, 'the demo has initiatives (part A)');
    const ev = await create('member', { title: `Bij een initiatief ${uniq()}`, initiatives: [init.id] });
    assert.deepEqual(ev.initiatives, [init.id]);
    const page = await new Browser(k.url).request(`/bijeenkomsten/${ev.id}`);
    assert.ok(page.text.includes(`href="/initiatieven/${init.id}"`) && page.text.includes(init.title.replace(/&/g, '&amp;')));
    const initPage = await new Browser(k.url).request(`/initiatieven/${init.id}`);
    assert.equal(initPage.status, 200);
    assert.ok(initPage.text.includes(`/bijeenkomsten/${ev.id}`), 'the initiative page lists the event');
    const list = await new Browser(k.url).request(`/bijeenkomsten?initiative=${init.id}`);
    assert.ok(list.text.includes(`/bijeenkomsten/${ev.id}`));
    assert.ok((await listAll(k.url, `/api/v1/events?initiative=${init.id}`)).items.some((e) => e.id === ev.id));
  });

  test('the issue page lists its events with the link to its calendar', async () => {
    const ev = await create('member', { title: `Op de vraagstukpagina ${uniq()}`, issues: [issue.id] });
    const r = await new Browser(k.url).request(`/vraagstukken/${issue.id}`);
    assert.equal(r.status, 200);
    assert.ok(r.text.includes(`/bijeenkomsten/${ev.id}`));
    assert.ok(r.text.includes(`/vraagstukken/${issue.id}/bijeenkomsten.ics`));
  });
});

describe('the activity log', () => {
  test('registering, moving up and attendance are logged, with their names on /beheer/activiteit', async () => {
    const ev = await create('member', { capacity: 1 });
    await register('resident', ev.id);
    await register('second', ev.id);
    await cancel('resident', ev.id);
    const sam = assertOk(await mine('second', ev.id)).user;
    assertOk(await api('member', `/api/v1/events/${ev.id}/registrations/${sam}`, { method: 'PATCH', body: { status: 'attended' } }));
    const log = (await listAll(k.url, `/api/v1/activity?objectId=${ev.id}&limit=100`, { token: T.admin })).items;
    assert.deepEqual(log.map((e) => e.action).sort(),
      ['create', 'event_attendance', 'event_move_up', 'event_register', 'event_register', 'event_unregister']);
    const br = new Browser(k.url);
    assert.equal((await br.post('/inloggen', { email: PEOPLE.admin.email, password: PASSWORD, next: '/account' })).status, 303);
    const page = await br.request('/beheer/activiteit');
    for (const t of ['Aangemeld voor de bijeenkomst', 'Van de wachtlijst aangemeld', 'Aanwezigheid bijgewerkt']) assert.ok(page.text.includes(t), t);
  });
});

describe('a person\'s data', () => {
  test('the export lists the events made and the registrations; erasure gives a place to the first waiting', async () => {
    const ev = await create('admin', { capacity: 1 });
    const email = `weg-${uniq()}@events.example`;
    const { kiem } = await import('../lib/kiem.mjs');
    assert.equal(kiem(['user', 'add', '--email', email, '--name', 'Wim Weg', '--db', k.db], { input: `${PASSWORD}\n` }).status, 0);
    const token = kiem(['token', 'create', '--email', email, '--db', k.db]).stdout.trim();
    assert.equal(assertOk(await call(k.url, `/api/v1/events/${ev.id}/registrations`, { method: 'POST', token }), 201).status, 'registered');
    assert.equal(assertOk(await register('third', ev.id), 201).status, 'waiting');
    const exp = assertOk(await call(k.url, '/api/v1/users/me/export', { token }));
    assert.deepEqual(exp.eventRegistrations.map((g) => [g.eventId, g.status]), [[ev.id, 'registered']]);
    const adminExport = assertOk(await api('admin', '/api/v1/users/me/export'));
    assert.ok(adminExport.eventsCreated.some((e) => e.id === ev.id));
    assert.equal((await call(k.url, '/api/v1/users/me', { method: 'DELETE', token })).status, 204);
    assert.equal(assertOk(await mine('third', ev.id)).status, 'registered');
    const now = await get(ev.id);
    assert.deepEqual([now.registered, now.waiting], [1, 0]);
  });
});
