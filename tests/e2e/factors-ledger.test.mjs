// /api/v1/issues/{id}/factors and /api/v1/issues/{id}/role-ledger: the
// environmental factors of an issue (create, change, remove, grouped, who
// may, every bad field listed), and the role ledger computed on a known
// fixture built here in areas of its own: exactly which roles and kinds are
// empty, and which candidates are offered, in which order, with why.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem } from '../lib/kiem.mjs';
import { call, assertOk, assertProblem, assertInvalid } from './helpers.mjs';

const PASSWORD = 'een-lang-wachtwoord-123';
const PEOPLE = {
  admin: { email: 'admin@rol.example', name: 'Ada Beheer', admin: true },
  owner: { email: 'olga@rol.example', name: 'Olga Eigenaar' },     // admin of the owner party
  wijk: { email: 'wim@rol.example', name: 'Wim Wijkteam' },        // admin of Wijkteam Noord
  gemeente: { email: 'gerda@rol.example', name: 'Gerda Gemeente' }, // admin of Gemeente Teststad
  resident: { email: 'rita@rol.example', name: 'Rita Bewoner' },
  coordinator: { email: 'cor@rol.example', name: 'Cor Coordinator' }, // of GM9901, appointed below
  otherCoordinator: { email: 'otto@rol.example', name: 'Otto Elders' }, // of GM9902
};
const MISSING = '00000000-0000-7000-8000-000000000000';

let k;
const T = {};
const P = {}; // party ids by short name
let issue;

async function area(code, name, level, parent) {
  assertOk(await call(k.url, '/api/v1/areas', { method: 'POST', token: T.admin, body: { code, name, level, parent } }), 201);
}
async function party(key, who, body) {
  const b = assertOk(await call(k.url, '/api/v1/parties', { method: 'POST', token: T[who], body }), 201);
  P[key] = b.id;
}
async function appoint(who, code) {
  const me = assertOk(await call(k.url, '/api/v1/users/me', { token: T[who] }));
  assertOk(await call(k.url, `/api/v1/users/${me.id}/coordinator-areas`, { method: 'POST', token: T.admin, body: { area: code } }));
}
const factors = (id = issue) => `/api/v1/issues/${id}/factors`;
const ledger = (id = issue) => `/api/v1/issues/${id}/role-ledger`;

before(async () => {
  k = await startKiem({ demo: false, users: Object.values(PEOPLE).map((p) => ({ ...p, password: PASSWORD })) });
  for (const [role, p] of Object.entries(PEOPLE)) T[role] = k.tokens[p.email];
  // A land of its own: Teststad with two districts, and Elders beside it.
  await area('XC', 'Testland', 'country', null);
  await area('GM9901', 'Teststad', 'municipality', 'XC');
  await area('WK990101', 'Noord', 'district', 'GM9901');
  await area('WK990102', 'Zuid', 'district', 'GM9901');
  await area('GM9902', 'Elders', 'municipality', 'XC');
  await appoint('coordinator', 'GM9901');
  await appoint('otherCoordinator', 'GM9902');
  await party('buurt', 'owner', { name: 'Buurtkracht', kind: 'citizen_initiative', areas: ['GM9901'], roles: ['agenda_issues'] });
  await party('wijk', 'wijk', { name: 'Wijkteam Noord', kind: 'social_work', areas: ['WK990101'], roles: ['detect_signals', 'involve_target_groups'] });
  await party('gemeente', 'gemeente', { name: 'Gemeente Teststad', kind: 'government', areas: ['GM9901'], roles: ['procure_innovations', 'regulatory_room'] });
  await party('hogeschool', 'admin', { name: 'Hogeschool Testland', kind: 'knowledge_institute', areas: ['XC'], roles: ['research_working_elements'] });
  await party('bakker', 'admin', { name: 'Bakkerij Zuid', kind: 'business', areas: ['WK990102'], roles: ['operate_responsibly'] });
  await party('fonds', 'admin', { name: 'Fonds Testland', kind: 'business', areas: ['XC'], roles: ['invest', 'attract_private_capital'] });
  await party('verborgen', 'admin', { name: 'Verborgen BV', kind: 'business', areas: ['GM9901'], roles: ['invest'], visibility: 'private' });
  await party('elders', 'admin', { name: 'Elders Welzijn', kind: 'social_work', areas: ['GM9902'], roles: ['pioneer_in_practice'] });
  await party('buren', 'admin', { name: 'Aardige Buren', kind: 'citizen_initiative', areas: ['WK990102'] });
  const b = assertOk(await call(k.url, '/api/v1/issues', {
    method: 'POST', token: T.owner,
    body: { title: 'Eenzaamheid in Teststad', summary: 'Ouderen zien weinig mensen.', description: 'Veel ouderen in Teststad zijn eenzaam.', area: 'GM9901', ownerParty: P.buurt },
  }), 201);
  issue = b.id;
});
after(async () => { if (process.env.KIEM_SHOW_LOG) console.error(k?.log()); await k?.stop(); });

describe('the role ledger of a known fixture', () => {
  test('a member of Wijkteam Noord and the coordinator of Teststad take two roles', async () => {
    const a = assertOk(await call(k.url, ledger(), { method: 'POST', token: T.wijk, body: { role: 'detect_signals', party: P.wijk, note: 'Wij horen veel in de wijk.' } }), 201);
    assert.equal(a.role, 'detect_signals');
    assert.equal(a.party, P.wijk);
    assert.equal(a.note, 'Wij horen veel in de wijk.');
    assert.equal(a._links.self.href, `${ledger()}/detect_signals/${P.wijk}`);
    const r = await call(k.url, ledger(), { method: 'POST', token: T.coordinator, body: { role: 'regulatory_room', party: P.gemeente } });
    assertOk(r, 201);
    assert.equal(r.headers.get('location'), `${ledger()}/regulatory_room/${P.gemeente}`);
    const got = assertOk(await call(k.url, `${ledger()}/regulatory_room/${P.gemeente}`));
    assert.equal(got.note, '');
  });

  test('exactly these roles and kinds are empty', async () => {
    const l = assertOk(await call(k.url, ledger()));
    assert.equal(l.issue, issue);
    assert.equal(l.area, 'GM9901');
    assert.deepEqual(l.emptyRoles, [
      'procure_innovations', 'attract_private_capital', 'fund_what_works_research', 'invest',
      'operate_responsibly', 'research_working_elements', 'combine_knowledge', 'pioneer_in_practice',
      'agenda_issues', 'involve_target_groups',
    ]);
    assert.deepEqual(l.emptyKinds, ['business', 'knowledge_institute']);
    assert.equal(l.roles.length, 12);
    const byRole = Object.fromEntries(l.roles.map((r) => [r.role, r]));
    assert.deepEqual(byRole.detect_signals.parties.map((p) => [p.name, p.kind, p.note]), [['Wijkteam Noord', 'social_work', 'Wij horen veel in de wijk.']]);
    assert.equal(byRole.detect_signals.empty, false);
    assert.deepEqual(byRole.regulatory_room.parties.map((p) => p.name), ['Gemeente Teststad']);
    assert.deepEqual(byRole.agenda_issues.typicalKinds, ['citizen_initiative', 'social_work']);
    assert.deepEqual(byRole.invest.parties, []);
    assert.equal(byRole.invest.empty, true);
    const byKind = Object.fromEntries(l.kinds.map((x) => [x.kind, x]));
    assert.deepEqual(l.kinds.map((x) => x.kind), ['citizen_initiative', 'social_work', 'government', 'business', 'knowledge_institute']);
    assert.deepEqual(byKind.citizen_initiative.parties.map((p) => [p.name, p.owner]), [['Buurtkracht', true]]);
    assert.deepEqual(byKind.social_work.parties.map((p) => [p.name, p.owner]), [['Wijkteam Noord', false]]);
    assert.deepEqual(byKind.government.parties.map((p) => p.name), ['Gemeente Teststad']);
    assert.equal(byKind.business.empty, true);
  });

  test('the candidates for each empty role: the role listed first, then a typical kind, then the nearest; public and in or around the area only', async () => {
    const l = assertOk(await call(k.url, ledger()));
    const cands = Object.fromEntries(l.candidates.roles.map((c) => [c.role, c.parties.map((p) => `${p.name}|${p.match}|${p.areaRelation}`)]));
    assert.deepEqual(cands, {
      procure_innovations: ['Gemeente Teststad|listsRole|same'],
      attract_private_capital: ['Fonds Testland|listsRole|above', 'Gemeente Teststad|typicalKind|same'],
      fund_what_works_research: ['Gemeente Teststad|typicalKind|same'],
      invest: ['Fonds Testland|listsRole|above', 'Bakkerij Zuid|typicalKind|below'],
      operate_responsibly: ['Bakkerij Zuid|listsRole|below', 'Fonds Testland|typicalKind|above'],
      research_working_elements: ['Hogeschool Testland|listsRole|above'],
      combine_knowledge: ['Hogeschool Testland|typicalKind|above'],
      // Elders is beside Teststad: nearer than a district inside it
      pioneer_in_practice: ['Elders Welzijn|listsRole|sibling', 'Wijkteam Noord|typicalKind|below'],
      agenda_issues: ['Buurtkracht|listsRole|same', 'Elders Welzijn|typicalKind|sibling', 'Aardige Buren|typicalKind|below', 'Wijkteam Noord|typicalKind|below'],
      involve_target_groups: ['Wijkteam Noord|listsRole|below', 'Buurtkracht|typicalKind|same', 'Elders Welzijn|typicalKind|sibling', 'Aardige Buren|typicalKind|below'],
    });
    const invest = l.candidates.roles.find((c) => c.role === 'invest').parties;
    assert.equal(invest[0].area, 'XC');
    assert.equal(invest[0].reason, 'Lists this role in its profile. Active in Testland, a larger area the issue\'s area belongs to.');
    assert.equal(invest[1].area, 'WK990102');
    assert.equal(invest[1].reason, 'Business: a kind that often has this role. Active in Zuid, a part of the issue\'s area.');
    const kinds = Object.fromEntries(l.candidates.kinds.map((c) => [c.kind, c.parties.map((p) => `${p.name}|${p.match}|${p.areaRelation}`)]));
    assert.deepEqual(kinds, {
      business: ['Fonds Testland|kind|above', 'Bakkerij Zuid|kind|below'],
      knowledge_institute: ['Hogeschool Testland|kind|above'],
    });
    assert.ok(!l.text, 'no stray fields');
    assert.doesNotMatch(JSON.stringify(l), /Verborgen/);
  });

  test('the page shows the same: empty roles in words, and the candidates in order with why', async () => {
    const res = await fetch(`${k.url}/vraagstukken/${issue}/rollen`);
    assert.equal(res.status, 200);
    const html = await res.text();
    const states = [...html.matchAll(/<td class="(gap|filled)">([^<]*)<\/td><\/tr>/g)].map((m) => m[2]);
    assert.equal(states.length, 12);
    assert.equal(states.filter((x) => x === 'Leeg').length, 10);
    assert.equal(states.filter((x) => x === 'Ingevuld').length, 2);
    assert.match(html, /<caption id="ledger-caption">/);
    assert.match(html, /10 van de 12 rollen zijn nog leeg\.<\/strong> Nog geen partij van deze soorten: Bedrijfsleven, Kennisinstituut\./);
    const invest = html.slice(html.indexOf('<h3>Investeren</h3>'), html.indexOf('<h3>Maatschappelijk verantwoord opereren</h3>'));
    const names = [...invest.matchAll(/<a href="\/partijen\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
    assert.deepEqual(names, ['Fonds Testland', 'Bakkerij Zuid']);
    assert.match(invest, /Noemt deze rol in het eigen profiel\.<\/li>\n<li class="reason-aboveArea">Actief in Testland, een groter gebied waar het gebied van het vraagstuk onder valt\./);
    assert.match(invest, /Bedrijfsleven: een soort die deze rol vaak heeft\.<\/li>\n<li class="reason-belowArea">Actief in Zuid, een deel van het gebied van het vraagstuk\./);
    assert.doesNotMatch(html, /Verborgen BV/);
    const en = await (await fetch(`${k.url}/vraagstukken/${issue}/rollen?lang=en`)).text();
    assert.match(en, /10 of the 12 roles are still empty\./);
    assert.equal((await fetch(`${k.url}/vraagstukken/${MISSING}/rollen`)).status, 404);
  });

  test('at most five candidates per role', async () => {
    for (const n of ['Gemeente A', 'Gemeente B', 'Gemeente C', 'Gemeente D', 'Gemeente E']) {
      await party(n, 'admin', { name: n, kind: 'government', areas: ['WK990101'] });
    }
    const l = assertOk(await call(k.url, ledger()));
    const fund = l.candidates.roles.find((c) => c.role === 'fund_what_works_research').parties.map((p) => p.name);
    // Gemeente Teststad serves the issue's own area; the others a part of it
    assert.deepEqual(fund, ['Gemeente Teststad', 'Gemeente A', 'Gemeente B', 'Gemeente C', 'Gemeente D']);
    const attract = l.candidates.roles.find((c) => c.role === 'attract_private_capital').parties.map((p) => p.name);
    assert.deepEqual(attract, ['Fonds Testland', 'Gemeente Teststad', 'Gemeente A', 'Gemeente B', 'Gemeente C']);
    for (const n of ['Gemeente A', 'Gemeente B', 'Gemeente C', 'Gemeente D', 'Gemeente E']) {
      assert.equal((await call(k.url, `/api/v1/parties/${P[n]}`, { method: 'DELETE', token: T.admin })).status, 204);
    }
  });

  test('taking a role: every bad field listed, a role taken twice, and who may', async () => {
    const bad = await call(k.url, ledger(), { method: 'POST', token: T.wijk, body: { role: 'dance', party: MISSING, note: 'x'.repeat(301), extra: 1 } });
    assert.deepEqual(assertInvalid(bad, ['role', 'party', 'note', 'extra']).sort(), ['extra', 'note', 'party', 'role']);
    const none = await call(k.url, ledger(), { method: 'POST', token: T.wijk, body: {} });
    assertInvalid(none, ['role', 'party']);
    const twice = await call(k.url, ledger(), { method: 'POST', token: T.wijk, body: { role: 'detect_signals', party: P.wijk } });
    assertInvalid(twice, ['role']);
    // a private party is no party to someone who may not see it
    assertInvalid(await call(k.url, ledger(), { method: 'POST', token: T.wijk, body: { role: 'invest', party: P.verborgen } }), ['party']);
    assertProblem(await call(k.url, ledger(), { method: 'POST', body: { role: 'invest', party: P.fonds } }), 401);
    // a member of Wijkteam Noord may not take a role for the Fonds
    assertProblem(await call(k.url, ledger(), { method: 'POST', token: T.wijk, body: { role: 'invest', party: P.fonds } }), 403);
    assertProblem(await call(k.url, ledger(), { method: 'POST', token: T.resident, body: { role: 'invest', party: P.fonds } }), 403);
    assertProblem(await call(k.url, ledger(), { method: 'POST', token: T.otherCoordinator, body: { role: 'invest', party: P.fonds } }), 403);
    assertProblem(await call(k.url, ledger(MISSING), { method: 'POST', token: T.admin, body: { role: 'invest', party: P.fonds } }), 404);
    assertProblem(await call(k.url, ledger('nope')), 404);
  });

  test('giving up a role: its member, not another; then the role is empty again', async () => {
    const entry = `${ledger()}/detect_signals/${P.wijk}`;
    assertProblem(await call(k.url, entry, { method: 'DELETE' }), 401);
    assertProblem(await call(k.url, entry, { method: 'DELETE', token: T.gemeente }), 403);
    assertProblem(await call(k.url, entry, { method: 'DELETE', token: T.resident }), 403);
    assert.equal((await call(k.url, entry, { method: 'DELETE', token: T.wijk })).status, 204);
    assertProblem(await call(k.url, entry, { method: 'DELETE', token: T.wijk }), 404);
    assertProblem(await call(k.url, entry), 404);
    assertProblem(await call(k.url, `${ledger()}/dance/${P.wijk}`, { method: 'DELETE', token: T.admin }), 404);
    const l = assertOk(await call(k.url, ledger()));
    assert.ok(l.emptyRoles.includes('detect_signals'));
    assert.ok(l.emptyKinds.includes('social_work'));
    assert.deepEqual(l.candidates.roles.find((c) => c.role === 'detect_signals').parties.map((p) => p.name), ['Wijkteam Noord', 'Elders Welzijn']);
    // back again, for what follows
    assertOk(await call(k.url, ledger(), { method: 'POST', token: T.wijk, body: { role: 'detect_signals', party: P.wijk } }), 201);
  });

  test('the activity log records taking and giving up a role, without personal data', async () => {
    const b = assertOk(await call(k.url, `/api/v1/activity?objectType=issue&objectId=${issue}`, { token: T.admin }));
    const actions = b.items.map((e) => e.action);
    assert.ok(actions.includes('take_role'), JSON.stringify(actions));
    assert.ok(actions.includes('give_up_role'));
    assert.doesNotMatch(JSON.stringify(b), /Wij horen veel/);
  });
});

describe('the environmental factors of an issue', () => {
  const made = {};

  test('members of the owner party add factors of every kind; the list groups them by kind and effect', async () => {
    const add = async (who, kind, effect, description) => {
      const r = await call(k.url, factors(), { method: 'POST', token: T[who], body: { kind, effect, description } });
      const b = assertOk(r, 201);
      assert.equal(r.headers.get('location'), `${factors()}/${b.id}`);
      assert.equal(b.kind, kind);
      assert.equal(b.effect, effect);
      assert.equal(b.description, description);
      made[description] = b.id;
      return b;
    };
    await add('owner', 'political', 'hindering', 'De regels voor mantelzorg zijn streng.');
    await add('owner', 'social', 'enabling', 'Buren helpen elkaar graag.');
    await add('wijk', 'economic', 'hindering', 'Er is weinig subsidie.');       // a member of a party in the ledger
    await add('coordinator', 'cultural', 'enabling', 'Samen eten is een gewoonte.');
    await add('admin', 'social', 'hindering', 'Ouderen vragen niet snel om hulp.');
    await add('owner', 'social', 'enabling', 'De buurthuizen zijn open.');
    const l = assertOk(await call(k.url, factors()));
    assert.deepEqual(l.items.map((f) => `${f.kind}/${f.effect}: ${f.description}`), [
      'social/enabling: Buren helpen elkaar graag.',
      'social/enabling: De buurthuizen zijn open.',
      'social/hindering: Ouderen vragen niet snel om hulp.',
      'cultural/enabling: Samen eten is een gewoonte.',
      'economic/hindering: Er is weinig subsidie.',
      'political/hindering: De regels voor mantelzorg zijn streng.',
    ]);
    assert.deepEqual(l.summary, {
      total: 6,
      kinds: [
        { kind: 'social', enabling: 2, hindering: 1 },
        { kind: 'cultural', enabling: 1, hindering: 0 },
        { kind: 'economic', enabling: 0, hindering: 1 },
        { kind: 'political', enabling: 0, hindering: 1 },
      ],
    });
  });

  test('filters, search and paging', async () => {
    const social = assertOk(await call(k.url, `${factors()}?kind=social&effect=enabling`));
    assert.deepEqual(social.items.map((f) => f.description), ['Buren helpen elkaar graag.', 'De buurthuizen zijn open.']);
    const q = assertOk(await call(k.url, `${factors()}?q=SUBSIDIE`));
    assert.deepEqual(q.items.map((f) => f.description), ['Er is weinig subsidie.']);
    const p1 = assertOk(await call(k.url, `${factors()}?limit=4`));
    assert.equal(p1.items.length, 4);
    const p2 = assertOk(await call(k.url, p1._links.next.href));
    assert.deepEqual(p2.items.map((f) => f.kind), ['economic', 'political']);
    assert.equal(p2._links.next, undefined);
    assertInvalid(await call(k.url, `${factors()}?kind=weather&effect=maybe&limit=500&cursor=xyz&color=red`), ['kind', 'effect', 'limit', 'cursor', 'color']);
    assertProblem(await call(k.url, factors(MISSING)), 404);
  });

  test('every bad field is listed', async () => {
    const r = await call(k.url, factors(), { method: 'POST', token: T.owner, body: { kind: 'weather', effect: 'maybe', description: 'x'.repeat(2001), id: 'a', colour: 'red' } });
    assert.deepEqual(assertInvalid(r, []).sort(), ['colour', 'description', 'effect', 'id', 'kind']);
    assertInvalid(await call(k.url, factors(), { method: 'POST', token: T.owner, body: { description: '   ' } }), ['kind', 'effect', 'description']);
    assertInvalid(await call(k.url, factors(), { method: 'POST', token: T.owner, body: { kind: 1, effect: [], description: 'x' } }), ['kind', 'effect']);
    assertInvalid(await call(k.url, factors(), { method: 'POST', token: T.owner, body: { kind: 'social', effect: 'enabling', description: 'een\u0007bel' } }), ['description']);
  });

  test('who may add, change and remove', async () => {
    const body = { kind: 'social', effect: 'enabling', description: 'Iets' };
    assertProblem(await call(k.url, factors(), { method: 'POST', body }), 401);
    assertProblem(await call(k.url, factors(), { method: 'POST', token: T.resident, body }), 403);
    assertProblem(await call(k.url, factors(), { method: 'POST', token: T.otherCoordinator, body }), 403);
    assertProblem(await call(k.url, factors(MISSING), { method: 'POST', token: T.admin, body }), 404);
    const id = made['Er is weinig subsidie.'];
    const one = `${factors()}/${id}`;
    assertProblem(await call(k.url, one, { method: 'PATCH', token: T.resident, body: { effect: 'enabling' } }), 403);
    assertProblem(await call(k.url, one, { method: 'PATCH', body: { effect: 'enabling' } }), 401);
    const changed = assertOk(await call(k.url, one, { method: 'PATCH', token: T.gemeente, body: { effect: 'enabling', description: 'Er komt nieuwe subsidie.' } }));
    assert.equal(changed.effect, 'enabling');
    assert.equal(changed.kind, 'economic');
    assert.equal(changed.description, 'Er komt nieuwe subsidie.');
    assertInvalid(await call(k.url, one, { method: 'PATCH', token: T.owner, body: { kind: null, description: '' } }), ['kind', 'description']);
    assertProblem(await call(k.url, `${factors()}/${MISSING}`, { method: 'PATCH', token: T.owner, body: { effect: 'enabling' } }), 404);
    assertProblem(await call(k.url, one, { method: 'DELETE', token: T.resident }), 403);
    assert.equal((await call(k.url, one, { method: 'DELETE', token: T.owner })).status, 204);
    assertProblem(await call(k.url, one), 404);
    assertProblem(await call(k.url, one, { method: 'DELETE', token: T.owner }), 404);
    const l = assertOk(await call(k.url, factors()));
    assert.equal(l.summary.total, 5);
    assert.ok(!l.items.some((f) => f.id === id));
  });

  test('the activity log names the fields changed, never their values', async () => {
    const b = assertOk(await call(k.url, `/api/v1/activity?objectType=factor&objectId=${made['Er is weinig subsidie.']}`, { token: T.admin }));
    assert.deepEqual(b.items.map((e) => e.action), ['delete', 'update', 'create']);
    assert.equal(b.items[1].fields.join(','), 'effect,description');
    assert.doesNotMatch(JSON.stringify(b), /subsidie/);
  });
});
