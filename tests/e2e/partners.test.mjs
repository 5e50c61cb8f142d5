// /api/v1/initiatives/{id}/partners and /intrapreneurs: the partners of an
// initiative (add, read, change, remove; who may: the lead's members, the
// area's coordinators, platform admins, and a partner party's own admins
// for its contribution and withdrawing; every bad field named), the hours a
// week employers grant their people (only for oneself, only for a party one
// is a member of; totals public, names to the lead's members and the
// person), the party's room for intrapreneurship, and the pages.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { startKiem, sql, sqlRows } from '../lib/kiem.mjs';
import { call, assertOk, assertProblem, assertInvalid, Browser } from './helpers.mjs';

const PASSWORD = 'een-lang-wachtwoord-123';
const PEOPLE = {
  admin: { email: 'admin@pt.example', name: 'Ada Beheer', admin: true },
  lead: { email: 'lea@pt.example', name: 'Lea Trekker' },         // admin of the lead party Buurtkracht
  leadMember: { email: 'lars@pt.example', name: 'Lars Lid' },     // a member of Buurtkracht
  wijk: { email: 'wim@pt.example', name: 'Wim Wijkteam' },        // admin of the partner Wijkteam Noord
  wijkMember: { email: 'wendy@pt.example', name: 'Wendy Werker' }, // a member of Wijkteam Noord
  gemeente: { email: 'gerda@pt.example', name: 'Gerda Gemeente' }, // admin of Gemeente Teststad
  stranger: { email: 'sam@pt.example', name: 'Sam Vreemd' },      // no party at all
  coordinator: { email: 'cor@pt.example', name: 'Cor Coordinator' }, // of GM9801
  otherCoordinator: { email: 'otto@pt.example', name: 'Otto Elders' }, // of GM9802
};
const MISSING = '00000000-0000-7000-8000-000000000000';

let k;
const T = {};
const ID = {}; // user ids
const P = {};  // party ids
let ini;       // the initiative, led by Buurtkracht in GM9801
let other;     // another, led by Gemeente Teststad

async function area(code, name, level, parent) {
  assertOk(await call(k.url, '/api/v1/areas', { method: 'POST', token: T.admin, body: { code, name, level, parent } }), 201);
}
async function party(key, who, body) {
  P[key] = assertOk(await call(k.url, '/api/v1/parties', { method: 'POST', token: T[who], body }), 201).id;
}
async function member(key, who, role = 'member') {
  assertOk(await call(k.url, `/api/v1/parties/${P[key]}/members`, { method: 'POST', token: T.admin, body: { email: PEOPLE[who].email, role } }), 201);
}
async function appoint(who, code) {
  assertOk(await call(k.url, `/api/v1/users/${ID[who]}/coordinator-areas`, { method: 'POST', token: T.admin, body: { area: code } }));
}
// An initiative, through part A's API.
async function initiative(title, lead, areaCode, who) {
  const r = await call(k.url, '/api/v1/initiatives', {
    method: 'POST', token: T[who],
    body: { title, summary: 'Een samenvatting.', description: 'Een beschrijving.', type: 'service', leadParty: lead, area: areaCode, participationLevel: 'co_producing' },
  });
  return assertOk(r, 201).id;
}
function assertGone(res) { assert.equal(res.status, 204, res.text); }
const partners = (id = ini) => `/api/v1/initiatives/${id}/partners`;
const hours = (id = ini) => `/api/v1/initiatives/${id}/intrapreneurs`;

before(async () => {
  k = await startKiem({ demo: false, users: Object.values(PEOPLE).map((p) => ({ ...p, password: PASSWORD })) });
  for (const [who, p] of Object.entries(PEOPLE)) {
    T[who] = k.tokens[p.email];
    ID[who] = assertOk(await call(k.url, '/api/v1/users/me', { token: T[who] })).id;
  }
  await area('XP', 'Partnerland', 'country', null);
  await area('GM9801', 'Partnerstad', 'municipality', 'XP');
  await area('GM9802', 'Elders', 'municipality', 'XP');
  await appoint('coordinator', 'GM9801');
  await appoint('otherCoordinator', 'GM9802');
  await party('buurt', 'lead', { name: 'Buurtkracht', kind: 'citizen_initiative', areas: ['GM9801'] });
  await party('wijk', 'wijk', { name: 'Wijkteam Noord', kind: 'social_work', areas: ['GM9801'] });
  await party('gemeente', 'gemeente', { name: 'Gemeente Partnerstad', kind: 'government', areas: ['GM9801'] });
  await party('hogeschool', 'admin', { name: 'Hogeschool Partnerland', kind: 'knowledge_institute', areas: ['XP'] });
  await party('verborgen', 'admin', { name: 'Verborgen BV', kind: 'business', areas: ['GM9801'], visibility: 'private' });
  await member('buurt', 'leadMember');
  await member('wijk', 'wijkMember');
  ini = await initiative('Samen koken in Noord', P.buurt, 'GM9801', 'lead');
  other = await initiative('Warme overdracht', P.gemeente, 'GM9801', 'gemeente');
});
after(async () => { if (process.env.KIEM_SHOW_LOG) console.error(k?.log()); await k?.stop(); });

describe('partners: adding and reading', () => {
  let wijkPartner;
  test('a member of the lead party adds a partner, with a role, contribution, hours and since', async () => {
    const r = await call(k.url, partners(), {
      method: 'POST', token: T.leadMember,
      body: { party: P.wijk, role: 'involve_target_groups', contribution: 'Twee wijkwerkers.', hoursPerWeek: 16, since: '2026-10-01' },
    });
    const b = assertOk(r, 201);
    wijkPartner = b.id;
    assert.equal(b.party, P.wijk);
    assert.equal(b.partyName, 'Wijkteam Noord');
    assert.equal(b.role, 'involve_target_groups');
    assert.equal(b.contribution, 'Twee wijkwerkers.');
    assert.equal(b.hoursPerWeek, 16);
    assert.equal(b.since, '2026-10-01');
    assert.equal(b.initiative, ini);
    assert.equal(r.headers.get('location'), `${partners()}/${b.id}`);
    assert.equal(b._links.self.href, `${partners()}/${b.id}`);
    assert.equal(b._links.initiative.href, `/api/v1/initiatives/${ini}`);
    assert.equal(b._links.party.href, `/api/v1/parties/${P.wijk}`);
    assert.equal(b._links.role.href, '/api/v1/roles/involve_target_groups');
    const got = assertOk(await call(k.url, `${partners()}/${b.id}`));
    assert.deepEqual({ ...got, _links: null }, { ...b, _links: null });
  });

  test('since defaults to today, hours may stay empty, and the log says who added it', async () => {
    const b = assertOk(await call(k.url, partners(), { method: 'POST', token: T.coordinator, body: { party: P.hogeschool, role: 'research_working_elements' } }), 201);
    assert.match(b.since, /^\d{4}-\d{2}-\d{2}$/);
    const today = new Date();
    const near = [-1, 0, 1].map((d) => new Date(today.getTime() + d * 86400000).toISOString().slice(0, 10));
    assert.ok(near.includes(b.since), b.since);
    assert.equal(b.hoursPerWeek, null);
    assert.equal(b.contribution, '');
    const log = sqlRows(k.db, `SELECT action, actor_id, detail FROM activity WHERE object_type = 'partner' AND object_id = '${b.id}'`);
    assert.deepEqual(log, [{ action: 'create', actor_id: ID.coordinator, detail: 'research_working_elements' }]);
  });

  test('anyone lists the partners, oldest first; a private party only those who may see it', async () => {
    assertOk(await call(k.url, partners(), { method: 'POST', token: T.admin, body: { party: P.verborgen, role: 'invest', hoursPerWeek: 2 } }), 201);
    const anon = assertOk(await call(k.url, partners()));
    assert.deepEqual(anon.items.map((x) => x.partyName), ['Wijkteam Noord', 'Hogeschool Partnerland']);
    assert.equal(anon._links.self.href, partners());
    assert.equal(anon._links.intrapreneurs.href, hours());
    const admin = assertOk(await call(k.url, partners(), { token: T.admin }));
    assert.deepEqual(admin.items.map((x) => x.partyName), ['Wijkteam Noord', 'Hogeschool Partnerland', 'Verborgen BV']);
    const hidden = admin.items[2].id;
    assertProblem(await call(k.url, `${partners()}/${hidden}`, { token: T.stranger }), 404);
    assertOk(await call(k.url, `${partners()}/${hidden}`, { token: T.coordinator }));
    assertGone(await call(k.url, `${partners()}/${hidden}`, { method: 'DELETE', token: T.admin }));
  });

  test('the same party twice is a problem of the field party, and nothing is added', async () => {
    const r = await call(k.url, partners(), { method: 'POST', token: T.lead, body: { party: P.wijk, role: 'invest' } });
    const listed = assertInvalid(r, ['party']);
    assert.deepEqual(listed, ['party']);
    assert.equal(r.body.invalidParams[0].reason.length > 0, true);
    assert.equal(sql(k.db, `SELECT count(*) FROM initiative_partners WHERE initiative_id = '${ini}' AND party_id = '${P.wijk}'`), '1');
  });

  test('every bad field is named at once', async () => {
    assertInvalid(await call(k.url, partners(), {
      method: 'POST', token: T.lead,
      body: { party: MISSING, role: 'flying', contribution: 'x'.repeat(1001), hoursPerWeek: 169, since: '1 oktober' },
    }), ['party', 'role', 'contribution', 'hoursPerWeek', 'since']);
    assertInvalid(await call(k.url, partners(), { method: 'POST', token: T.lead, body: {} }), ['party', 'role']);
    assertInvalid(await call(k.url, partners(), { method: 'POST', token: T.lead, body: { party: P.gemeente, role: 'invest', hoursPerWeek: -1 } }), ['hoursPerWeek']);
    assertInvalid(await call(k.url, partners(), { method: 'POST', token: T.lead, body: { party: P.gemeente, role: 'invest', hoursPerWeek: 'veel' } }), ['hoursPerWeek']);
    assertInvalid(await call(k.url, partners(), { method: 'POST', token: T.lead, body: { party: P.gemeente, role: 'invest', id: MISSING, partyName: 'x' } }), ['id', 'partyName']);
  });

  test('a party the viewer may not see is no party to them', async () => {
    assertInvalid(await call(k.url, partners(), { method: 'POST', token: T.lead, body: { party: P.verborgen, role: 'invest' } }), ['party']);
  });

  test('who may not add: 401 anonymous, 403 a stranger, a partner, another area\'s coordinator; 404 no initiative', async () => {
    const body = { party: P.gemeente, role: 'regulatory_room' };
    assertProblem(await call(k.url, partners(), { method: 'POST', body }), 401);
    assertProblem(await call(k.url, partners(), { method: 'POST', token: T.stranger, body }), 403);
    assertProblem(await call(k.url, partners(), { method: 'POST', token: T.wijk, body }), 403);
    assertProblem(await call(k.url, partners(), { method: 'POST', token: T.otherCoordinator, body }), 403);
    assertProblem(await call(k.url, partners(), { method: 'POST', token: T.stranger, body: {} }), 403);
    assertProblem(await call(k.url, partners(MISSING), { method: 'POST', token: T.admin, body }), 404);
    assertProblem(await call(k.url, partners(MISSING)), 404);
    assertProblem(await call(k.url, partners('not-an-id')), 404);
    assertProblem(await call(k.url, `${partners()}/${MISSING}`), 404);
    // another initiative's partner is not this one's
    const b = assertOk(await call(k.url, partners(other), { method: 'POST', token: T.gemeente, body: { party: P.buurt, role: 'agenda_issues' } }), 201);
    assertProblem(await call(k.url, `${partners()}/${b.id}`), 404);
    assertProblem(await call(k.url, `${partners()}/${b.id}`, { method: 'DELETE', token: T.lead }), 404);
  });

  describe('changing and removing', () => {
    test('the lead changes role, contribution, hours and since; the log names the fields', async () => {
      const b = assertOk(await call(k.url, `${partners()}/${wijkPartner}`, {
        method: 'PATCH', token: T.lead, body: { role: 'detect_signals', hoursPerWeek: 12, since: '2026-09-15' },
      }));
      assert.equal(b.role, 'detect_signals');
      assert.equal(b.hoursPerWeek, 12);
      assert.equal(b.since, '2026-09-15');
      assert.equal(b.contribution, 'Twee wijkwerkers.');
      const log = sqlRows(k.db, `SELECT fields FROM activity WHERE object_type = 'partner' AND object_id = '${wijkPartner}' AND action = 'update'`);
      assert.deepEqual(log.map((x) => x.fields.split(',').sort().join(',')), ['hoursPerWeek,role,since']);
      assertInvalid(await call(k.url, `${partners()}/${wijkPartner}`, { method: 'PATCH', token: T.lead, body: { party: P.gemeente } }), ['party']);
      assertInvalid(await call(k.url, `${partners()}/${wijkPartner}`, { method: 'PATCH', token: T.lead, body: { role: null, hoursPerWeek: 200 } }), ['role', 'hoursPerWeek']);
    });

    test('the partner party\'s own admin changes its contribution and hours, not its role or since', async () => {
      const b = assertOk(await call(k.url, `${partners()}/${wijkPartner}`, {
        method: 'PATCH', token: T.wijk, body: { contribution: 'Drie wijkwerkers en een ruimte.', hoursPerWeek: null },
      }));
      assert.equal(b.contribution, 'Drie wijkwerkers en een ruimte.');
      assert.equal(b.hoursPerWeek, null);
      assertInvalid(await call(k.url, `${partners()}/${wijkPartner}`, { method: 'PATCH', token: T.wijk, body: { role: 'invest' } }), ['role']);
      assertInvalid(await call(k.url, `${partners()}/${wijkPartner}`, { method: 'PATCH', token: T.wijk, body: { since: '2020-01-01' } }), ['since']);
      // the same role again is no change
      assertOk(await call(k.url, `${partners()}/${wijkPartner}`, { method: 'PATCH', token: T.wijk, body: { role: 'detect_signals' } }));
    });

    test('a plain member of the partner party, a stranger and another coordinator may not change it', async () => {
      for (const who of ['wijkMember', 'stranger', 'otherCoordinator', 'gemeente']) {
        assertProblem(await call(k.url, `${partners()}/${wijkPartner}`, { method: 'PATCH', token: T[who], body: { contribution: 'niets' } }), 403);
        assertProblem(await call(k.url, `${partners()}/${wijkPartner}`, { method: 'DELETE', token: T[who] }), 403);
      }
      assertProblem(await call(k.url, `${partners()}/${wijkPartner}`, { method: 'PATCH', body: { contribution: 'niets' } }), 401);
      assertProblem(await call(k.url, `${partners()}/${wijkPartner}`, { method: 'DELETE' }), 401);
      assert.equal(assertOk(await call(k.url, `${partners()}/${wijkPartner}`)).contribution, 'Drie wijkwerkers en een ruimte.');
    });

    test('the partner party\'s admin withdraws it; the lead removes another; both logged', async () => {
      assertGone(await call(k.url, `${partners()}/${wijkPartner}`, { method: 'DELETE', token: T.wijk }));
      assertProblem(await call(k.url, `${partners()}/${wijkPartner}`), 404);
      assertProblem(await call(k.url, `${partners()}/${wijkPartner}`, { method: 'DELETE', token: T.lead }), 404);
      const hs = assertOk(await call(k.url, partners())).items.find((x) => x.party === P.hogeschool);
      assertGone(await call(k.url, `${partners()}/${hs.id}`, { method: 'DELETE', token: T.leadMember }));
      assert.deepEqual(assertOk(await call(k.url, partners())).items, []);
      const log = sqlRows(k.db, `SELECT actor_id FROM activity WHERE object_type = 'partner' AND action = 'delete' AND object_id = '${wijkPartner}'`);
      assert.deepEqual(log, [{ actor_id: ID.wijk }]);
      // back in, for what follows
      assertOk(await call(k.url, partners(), { method: 'POST', token: T.lead, body: { party: P.wijk, role: 'involve_target_groups', hoursPerWeek: 8 } }), 201);
    });
  });
});

describe('intrapreneurs: one\'s own hours', () => {
  test('a member records the hours their employer grants them: 201, then 200 when changed', async () => {
    const r = await call(k.url, `${hours()}/me`, { method: 'PUT', token: T.wijkMember, body: { party: P.wijk, hoursPerWeek: 4, since: '2026-10-01' } });
    const b = assertOk(r, 201);
    assert.equal(b.user, ID.wijkMember);
    assert.equal(b.name, 'Wendy Werker');
    assert.equal(b.party, P.wijk);
    assert.equal(b.partyName, 'Wijkteam Noord');
    assert.equal(b.hoursPerWeek, 4);
    assert.equal(b.since, '2026-10-01');
    assert.equal(r.headers.get('location'), `${hours()}/${ID.wijkMember}`);
    assert.equal(b._links.self.href, `${hours()}/${ID.wijkMember}`);
    const c = assertOk(await call(k.url, `${hours()}/${ID.wijkMember}`, { method: 'PUT', token: T.wijkMember, body: { party: P.wijk, hoursPerWeek: 6 } }));
    assert.equal(c.hoursPerWeek, 6);
    assert.equal(c.createdAt, b.createdAt);
    const log = sqlRows(k.db, `SELECT action, fields FROM activity WHERE object_type = 'intrapreneur_hours' AND object_id = '${ini}' AND actor_id = '${ID.wijkMember}' ORDER BY seq`);
    assert.deepEqual(log.map((x) => `${x.action}:${x.fields}`), ['create:', 'update:hoursPerWeek,since'], 'the log names what changed (a PUT replaces: since is today again)');
    assertOk(await call(k.url, `${hours()}/me`, { method: 'PUT', token: T.wijk, body: { party: P.wijk, hoursPerWeek: 3 } }), 201);
    assertOk(await call(k.url, `${hours()}/me`, { method: 'PUT', token: T.lead, body: { party: P.buurt, hoursPerWeek: 10 } }), 201);
    assertOk(await call(k.url, `${hours()}/me`, { method: 'PUT', token: T.admin, body: { party: P.verborgen, hoursPerWeek: 1 } }), 201);
  });

  test('only for a party one is a member of, with 1 to 168 hours', async () => {
    assertInvalid(await call(k.url, `${hours()}/me`, { method: 'PUT', token: T.wijkMember, body: { party: P.buurt, hoursPerWeek: 4 } }), ['party']);
    assertInvalid(await call(k.url, `${hours()}/me`, { method: 'PUT', token: T.stranger, body: { party: P.wijk, hoursPerWeek: 4 } }), ['party']);
    assertInvalid(await call(k.url, `${hours()}/me`, { method: 'PUT', token: T.wijkMember, body: {} }), ['party', 'hoursPerWeek']);
    assertInvalid(await call(k.url, `${hours()}/me`, { method: 'PUT', token: T.wijkMember, body: { party: P.wijk, hoursPerWeek: 0, since: 'gisteren' } }), ['hoursPerWeek', 'since']);
    assertInvalid(await call(k.url, `${hours()}/me`, { method: 'PUT', token: T.wijkMember, body: { party: P.wijk, hoursPerWeek: 169 } }), ['hoursPerWeek']);
    assertInvalid(await call(k.url, `${hours()}/me`, { method: 'PUT', token: T.wijkMember, body: { party: P.wijk, hoursPerWeek: 2, user: ID.lead } }), ['user']);
    assert.equal(assertOk(await call(k.url, `${hours()}/me`, { token: T.wijkMember })).hoursPerWeek, 6);
  });

  test('only for oneself: another person\'s hours are 403 to change or remove, even for an admin', async () => {
    for (const who of ['lead', 'admin', 'wijk', 'stranger']) {
      assertProblem(await call(k.url, `${hours()}/${ID.wijkMember}`, { method: 'PUT', token: T[who], body: { party: P.wijk, hoursPerWeek: 40 } }), 403);
      assertProblem(await call(k.url, `${hours()}/${ID.wijkMember}`, { method: 'DELETE', token: T[who] }), 403);
    }
    assertProblem(await call(k.url, `${hours()}/me`, { method: 'PUT', body: { party: P.wijk, hoursPerWeek: 4 } }), 401);
    assertProblem(await call(k.url, `${hours()}/me`, { method: 'DELETE' }), 401);
    assertProblem(await call(k.url, `${hours()}/me`), 401);
    assertProblem(await call(k.url, `${hours(MISSING)}/me`, { method: 'PUT', token: T.wijkMember, body: { party: P.wijk, hoursPerWeek: 4 } }), 404);
    assert.equal(assertOk(await call(k.url, `${hours()}/me`, { token: T.wijkMember })).hoursPerWeek, 6);
  });

  test('totals per party are public; names only to the lead\'s members, admins and the person', async () => {
    const anon = assertOk(await call(k.url, hours()));
    assert.equal(anon.hoursPerWeek, 6 + 3 + 10 + 1);
    assert.equal(anon.people, 4);
    // most hours first; the private party's row only for those who see it
    assert.deepEqual(anon.parties.map((x) => [x.partyName, x.hoursPerWeek, x.people]), [['Buurtkracht', 10, 1], ['Wijkteam Noord', 9, 2]]);
    assert.equal(anon.namesShown, false);
    assert.deepEqual(anon.items, []);
    const raw = (await call(k.url, hours())).text;
    assert.ok(!raw.includes('Wendy') && !raw.includes(ID.wijkMember), raw);
    const stranger = assertOk(await call(k.url, hours(), { token: T.stranger }));
    assert.deepEqual(stranger.items, []);
    assert.equal(stranger._links.mine, undefined, 'no link to hours that are not there');
    const own = assertOk(await call(k.url, hours(), { token: T.wijkMember }));
    assert.deepEqual(own.items.map((x) => x.name), ['Wendy Werker']);
    assert.equal(own._links.mine.href, `${hours()}/me`);
    const wijk = assertOk(await call(k.url, hours(), { token: T.wijk }));
    assert.deepEqual(wijk.items.map((x) => x.name), ['Wim Wijkteam']);
    for (const who of ['leadMember', 'admin']) {
      const all = assertOk(await call(k.url, hours(), { token: T[who] }));
      assert.equal(all.namesShown, true);
      assert.deepEqual(all.items.map((x) => x.name).sort(), ['Ada Beheer', 'Lea Trekker', 'Wendy Werker', 'Wim Wijkteam']);
    }
    assertOk(await call(k.url, `${hours()}/${ID.wijkMember}`, { token: T.leadMember }));
    assertProblem(await call(k.url, `${hours()}/${ID.wijkMember}`, { token: T.wijk }), 404);
    assertProblem(await call(k.url, `${hours()}/${ID.wijkMember}`), 404);
    assertProblem(await call(k.url, hours(MISSING)), 404);
  });

  test('a party\'s room for intrapreneurship: its hours per initiative, public', async () => {
    assertOk(await call(k.url, `${hours(other)}/me`, { method: 'PUT', token: T.wijkMember, body: { party: P.wijk, hoursPerWeek: 2 } }), 201);
    const b = assertOk(await call(k.url, `/api/v1/parties/${P.wijk}/intrapreneurship`));
    assert.equal(b.hoursPerWeek, 11);
    assert.deepEqual(b.initiatives.map((x) => [x.initiative, x.hoursPerWeek, x.people]), [[ini, 9, 2], [other, 2, 1]]);
    assert.equal(b._links.self.href, `/api/v1/parties/${P.wijk}/intrapreneurship`);
    assertProblem(await call(k.url, `/api/v1/parties/${P.verborgen}/intrapreneurship`), 404);
    assertOk(await call(k.url, `/api/v1/parties/${P.verborgen}/intrapreneurship`, { token: T.admin }));
    assertProblem(await call(k.url, `/api/v1/parties/${MISSING}/intrapreneurship`), 404);
  });

  test('removing one\'s own hours; then 404; the log has each change', async () => {
    assertGone(await call(k.url, `${hours(other)}/me`, { method: 'DELETE', token: T.wijkMember }));
    assertProblem(await call(k.url, `${hours(other)}/me`, { method: 'DELETE', token: T.wijkMember }), 404);
    assertProblem(await call(k.url, `${hours(other)}/me`, { token: T.wijkMember }), 404);
    const log = sqlRows(k.db, `SELECT action FROM activity WHERE object_type = 'intrapreneur_hours' AND object_id = '${other}' ORDER BY seq`);
    assert.deepEqual(log.map((x) => x.action), ['create', 'delete']);
  });
});

describe('pages', () => {
  const browser = async (who) => {
    const b = new Browser(k.url);
    if (who) assert.equal((await b.login(PEOPLE[who].email, PASSWORD)).status, 303);
    return b;
  };

  test('the party page shows the room for intrapreneurship it gives', async () => {
    const b = await browser();
    const page = await b.request(`/partijen/${P.wijk}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /<h2 id="intrapreneurship-title">Ruimte voor intrapreneurschap<\/h2>/);
    assert.match(page.text, /In totaal 9 uur per week/);
    assert.match(page.text, new RegExp(`<a href="/initiatieven/${ini}" lang="nl">Samen koken in Noord</a></th><td>9</td><td>2</td>`));
    assert.ok(!page.text.includes('Wendy'));
    const en = await b.request(`/partijen/${P.wijk}?lang=en`);
    assert.match(en.text, /Room for intrapreneurship/);
    assert.match(en.text, /In all 9 hours a week/);
    const none = await b.request(`/partijen/${P.hogeschool}?lang=nl`);
    assert.match(none.text, /Nog niemand van deze partij heeft uren voor een initiatief opgegeven/);
  });

  test('the add form: for the lead, with problems beside the fields, and a new partner after', async () => {
    const stranger = await browser('stranger');
    assert.equal((await stranger.request(`/initiatieven/${ini}/partners`)).status, 403);
    const anon = await browser();
    const login = await anon.request(`/initiatieven/${ini}/partners`);
    assert.equal(login.status, 303);
    assert.match(login.location, /^\/inloggen/);
    const b = await browser('lead');
    const form = await b.request(`/initiatieven/${ini}/partners`);
    assert.equal(form.status, 200);
    assert.match(form.text, /<h1>Partner toevoegen<\/h1>/);
    assert.match(form.text, /Gemeente Partnerstad/);
    assert.match(form.text, /Profijtgroepen betrekken/); // role names from the catalogue
    assert.ok(!/<input[^>]*value="[^"]*"[^>]*>\s*<label[^>]*>Wijkteam Noord/.test(form.text), 'a partner already is no choice');
    const bad = await b.post(`/initiatieven/${ini}/partners`, { party: P.gemeente, role: '', hoursPerWeek: '300' }, `/initiatieven/${ini}/partners`);
    assert.equal(bad.status, 400);
    assert.match(bad.text, /id="role-error"|role.*error/);
    assert.match(bad.text, /hoursPerWeek/);
    const ok = await b.post(`/initiatieven/${ini}/partners`, { party: P.gemeente, role: 'regulatory_room', contribution: 'Ruimte in de regels.', hoursPerWeek: '2', since: '2026-11-01' }, `/initiatieven/${ini}/partners`);
    assert.equal(ok.status, 303, ok.text);
    assert.equal(ok.location, `/initiatieven/${ini}#partners`);
    const row = assertOk(await call(k.url, partners())).items.find((x) => x.party === P.gemeente);
    assert.equal(row.contribution, 'Ruimte in de regels.');
    assert.equal(row.hoursPerWeek, 2);
  });

  test('a partner party\'s admin changes only its contribution and hours on its form, and withdraws', async () => {
    const row = assertOk(await call(k.url, partners())).items.find((x) => x.party === P.gemeente);
    const b = await browser('gemeente');
    const form = await b.request(`/initiatieven/${ini}/partners/${row.id}/bewerken`);
    assert.equal(form.status, 200);
    assert.match(form.text, /je kunt de bijdrage en de uren wijzigen/);
    assert.ok(!form.text.includes('name="role"'));
    const saved = await b.post(`/initiatieven/${ini}/partners/${row.id}/bewerken`, { contribution: 'Een ambtenaar, één dag.', hoursPerWeek: '8' }, `/initiatieven/${ini}/partners/${row.id}/bewerken`);
    assert.equal(saved.status, 303, saved.text);
    const now = assertOk(await call(k.url, `${partners()}/${row.id}`));
    assert.equal(now.contribution, 'Een ambtenaar, één dag.');
    assert.equal(now.role, 'regulatory_room');
    const stranger = await browser('stranger');
    assert.equal((await stranger.request(`/initiatieven/${ini}/partners/${row.id}/bewerken`)).status, 403);
    const confirm = await b.request(`/initiatieven/${ini}/partners/${row.id}/verwijderen`);
    assert.match(confirm.text, /Terugtrekken/);
    const gone = await b.post(`/initiatieven/${ini}/partners/${row.id}/verwijderen`, {}, `/initiatieven/${ini}/partners/${row.id}/verwijderen`);
    assert.equal(gone.status, 303);
    assertProblem(await call(k.url, `${partners()}/${row.id}`), 404);
  });

  test('one\'s own hours through the form, with a problem beside the field', async () => {
    const b = await browser('leadMember');
    const bad = await b.post(`/initiatieven/${ini}/uren`, { party: P.buurt, hoursPerWeek: '0' }, '/account');
    assert.equal(bad.status, 400);
    assert.match(bad.text, /hoursPerWeek-error/);
    const ok = await b.post(`/initiatieven/${ini}/uren`, { party: P.buurt, hoursPerWeek: '5' }, '/account');
    assert.equal(ok.status, 303, ok.text);
    assert.equal(assertOk(await call(k.url, `${hours()}/me`, { token: T.leadMember })).hoursPerWeek, 5);
    const stranger = await browser('stranger');
    const none = await stranger.post(`/initiatieven/${ini}/uren`, { party: P.buurt, hoursPerWeek: '5' }, '/account');
    assert.equal(none.status, 400);
    assert.match(none.text, /Je bent nog geen lid van een partij/);
    const gone = await b.post(`/initiatieven/${ini}/uren/verwijderen`, {}, '/account');
    assert.equal(gone.status, 303);
    assertProblem(await call(k.url, `${hours()}/me`, { token: T.leadMember }), 404);
  });

  test('the initiative page shows the partners, role names in its language, the hours and the forms', async () => {
    const anon = await browser();
    const probe = await anon.request(`/initiatieven/${ini}`);
    assert.equal(probe.status, 200);
    const section = probe.text.slice(probe.text.indexOf('<section id="partners"'));
    assert.match(section, /<h2 id="partners-title">Partners<\/h2>/);
    assert.match(section, /Wijkteam Noord<\/a><\/th><td>Profijtgroepen betrekken<\/td>/);
    assert.match(section, /In totaal 20 uur per week, van 4 mensen\./);
    assert.ok(!section.includes('Wendy Werker'), 'no names for an anonymous visitor');
    assert.ok(!section.includes('action="/initiatieven/'), 'no forms for an anonymous visitor');
    const en = await anon.request(`/initiatieven/${ini}?lang=en`);
    assert.match(en.text, /Involving target groups/);
    const lead = await browser('leadMember');
    const mine = await lead.request(`/initiatieven/${ini}`);
    assert.match(mine.text, /Wendy Werker/);
    assert.match(mine.text, new RegExp(`action="/initiatieven/${ini}/partners"`));
    const wijk = await browser('wijk');
    const theirs = await wijk.request(`/initiatieven/${ini}`);
    assert.match(theirs.text, /Terugtrekken/);
    assert.ok(!theirs.text.includes(`action="/initiatieven/${ini}/partners"`));
    assert.match(theirs.text, new RegExp(`<a href="/initiatieven/${ini}/uren">Je uren wijzigen</a>`));
    const form = await wijk.request(`/initiatieven/${ini}/uren`);
    assert.equal(form.status, 200);
    assert.match(form.text, /<input id="f-hoursPerWeek" name="hoursPerWeek" type="text" value="3"/, 'his hours, to change');
    assert.match(form.text, new RegExp(`action="/initiatieven/${ini}/uren/verwijderen"`));
    const ids = [...mine.text.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(ids.filter((x, i) => ids.indexOf(x) !== i), [], 'no id twice on the page');
  });
});

describe('privacy: export and erasure', () => {
  test('a person\'s export holds their hours and the partners they added; erasure removes the hours and who added', async () => {
    const lead = assertOk(await call(k.url, '/api/v1/users/me/export', { token: T.lead }));
    assert.deepEqual(lead.intrapreneurHours.map((x) => [x.initiativeId, x.partyName, String(x.hoursPerWeek)]), [[ini, 'Buurtkracht', '10']]);
    assert.ok(lead.partnersAdded.some((x) => x.partyId === P.wijk && x.initiativeId === ini && x.initiativeTitle === 'Samen koken in Noord'));
    const added = assertOk(await call(k.url, partners(), { method: 'POST', token: T.coordinator, body: { party: P.hogeschool, role: 'combine_knowledge' } }), 201);
    assertGone(await call(k.url, '/api/v1/users/me', { method: 'DELETE', token: T.coordinator }));
    assert.equal(sql(k.db, `SELECT coalesce(created_by, 'none') FROM initiative_partners WHERE id = '${added.id}'`), 'none');
    assertGone(await call(k.url, '/api/v1/users/me', { method: 'DELETE', token: T.wijkMember }));
    assert.equal(sql(k.db, `SELECT count(*) FROM intrapreneur_hours WHERE user_id = '${ID.wijkMember}'`), '0');
    assert.equal(assertOk(await call(k.url, hours())).hoursPerWeek, 14);
  });
});

describe('the answers match openapi.json', () => {
  test('partners, a partner, the hours, one\'s own, a party\'s', async () => {
    const doc = assertOk(await call(k.url, '/api/v1/openapi.json'));
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ components: doc.components }, 'openapi');
    const check = (name, value) => {
      const validate = ajv.getSchema(`openapi#/components/schemas/${name}`);
      assert.ok(validate, `schema ${name} exists`);
      assert.ok(validate(value), `${name}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(value)}`);
    };
    const list = assertOk(await call(k.url, partners(), { token: T.admin }));
    check('PartnerCollection', list);
    assert.ok(list.items.length > 0);
    check('Partner', assertOk(await call(k.url, `${partners()}/${list.items[0].id}`)));
    const all = assertOk(await call(k.url, hours(), { token: T.admin }));
    assert.ok(all.items.length > 0);
    check('IntrapreneurCollection', all);
    check('IntrapreneurCollection', assertOk(await call(k.url, hours())));
    check('Intrapreneur', assertOk(await call(k.url, `${hours()}/me`, { token: T.admin })));
    check('PartyIntrapreneurship', assertOk(await call(k.url, `/api/v1/parties/${P.wijk}/intrapreneurship`)));
    const bodies = doc.components.schemas;
    assert.deepEqual(Object.keys(bodies.PartnerCreate.properties).sort(), ['contribution', 'hoursPerWeek', 'party', 'role', 'since']);
    assert.deepEqual(Object.keys(bodies.PartnerPatch.properties).sort(), ['contribution', 'hoursPerWeek', 'role', 'since']);
    assert.deepEqual(Object.keys(bodies.IntrapreneurCreate.properties).sort(), ['hoursPerWeek', 'party', 'since']);
  });
});
