// The role ledger's candidates ranked by fit, on a fixture of its own:
// parties that list the role before parties only of a typical kind; then
// by where they are active (the issue's own area, an area beside it, the
// areas it lies in (nearest first), the areas inside it); then by how many
// of their expertise tags match the issue's words and target groups (as
// analysis/similar.c stems them); then by capacity (hours a week, unknown
// last); then by name. Each candidate says why, in the API (reasons with a
// code and a text) and on the page (in Dutch and in English).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem } from '../lib/kiem.mjs';
import { call, assertOk } from './helpers.mjs';

const ADMIN = { email: 'admin@rang.example', name: 'Ada Rang', password: 'een-lang-wachtwoord-123', admin: true };
let k, token, issue;
const P = {};

async function area(code, name, level, parent) {
  assertOk(await call(k.url, '/api/v1/areas', { method: 'POST', token, body: { code, name, level, parent } }), 201);
}
async function party(name, kind, areas, { roles = [], tags = [], capacityHours = null, visibility = 'public' } = {}) {
  const b = assertOk(await call(k.url, '/api/v1/parties', {
    method: 'POST', token, body: { name, kind, areas, roles, tags, capacityHours, visibility },
  }), 201);
  P[name] = b.id;
}
const ledger = async () => assertOk(await call(k.url, `/api/v1/issues/${issue}/role-ledger`));

before(async () => {
  k = await startKiem({ demo: false, users: [ADMIN] });
  token = k.tokens[ADMIN.email];
  // Rangland > Provincie Rang > Rangstad (the issue's) with Rang-Noord inside
  // it, and Buurdorp beside it, with Buurdorp-Oost inside that.
  await area('XR', 'Rangland', 'country', null);
  await area('PV98', 'Provincie Rang', 'province', 'XR');
  await area('GM9801', 'Rangstad', 'municipality', 'PV98');
  await area('WK980101', 'Rang-Noord', 'district', 'GM9801');
  await area('GM9802', 'Buurdorp', 'municipality', 'PV98');
  await area('WK980201', 'Buurdorp-Oost', 'district', 'GM9802');
  const itg = 'involve_target_groups', pip = 'pioneer_in_practice';
  // the owner: a government party, so government is not an empty kind
  await party('Gemeente Rangstad', 'government', ['GM9801'], { roles: ['regulatory_room'] });
  // social work in the issue's own area
  await party('Ouderenwerk Rangstad', 'social_work', ['GM9801'], { roles: [itg], tags: ['Ouderen', 'eenzaamheid'], capacityHours: 8 });
  await party('Welzijn Rangstad', 'social_work', ['GM9801'], { roles: [itg], tags: ['ouderen', 'sport'], capacityHours: 30 });
  await party('Buurtwerk Rangstad', 'social_work', ['GM9801'], { roles: [itg], tags: ['ouderen'], capacityHours: 5 });
  await party('Zorgteam Rangstad', 'social_work', ['GM9801'], { roles: [itg], tags: ['jeugd'], capacityHours: 40 });
  await party('Aandacht Rangstad', 'social_work', ['GM9801'], { roles: [itg] }); // capacity unknown
  await party('Verborgen Zorg', 'social_work', ['GM9801'], { roles: [itg, pip], tags: ['ouderen'], capacityHours: 99, visibility: 'private' });
  // around it: beside, above (nearest first), inside
  await party('Zorg Buurdorp', 'social_work', ['GM9802'], { roles: [itg, pip], tags: ['ouderen', 'eenzaamheid'], capacityHours: 100 });
  await party('Steunpunt Provincie Rang', 'social_work', ['PV98'], { roles: [pip], tags: ['eenzaamheid'], capacityHours: 50 });
  await party('Landelijk Netwerk', 'social_work', ['XR'], { roles: [pip], capacityHours: 200 });
  await party('Wijkteam Rang-Noord', 'social_work', ['WK980101'], { roles: [pip], tags: ['ouderen'], capacityHours: 20 });
  // not around it: inside the area beside it
  await party('Wijkteam Buurdorp-Oost', 'social_work', ['WK980201'], { roles: [pip], tags: ['ouderen'], capacityHours: 300 });
  // citizen initiatives, of no role: a target group as a tag
  await party('Bewoners Rangstad', 'citizen_initiative', ['GM9801'], { tags: ['mantelzorgers'], capacityHours: 3 });
  await party('Bewonerscollectief Rangstad', 'citizen_initiative', ['GM9801'], { capacityHours: 2 });
  await party('Buurtcoop Rang-Noord', 'citizen_initiative', ['WK980101'], { tags: ['ouderen', 'mantelzorgers'], capacityHours: 1 });
  const b = assertOk(await call(k.url, '/api/v1/issues', {
    method: 'POST', token,
    body: {
      title: 'Eenzaamheid onder ouderen', summary: 'Veel ouderen in Rangstad zien weinig mensen.',
      description: 'Over jeugd en sport gaat het hier niet.', // the description does not count
      area: 'GM9801', ownerParty: P['Gemeente Rangstad'], targetGroups: ['Mantelzorgers'],
    },
  }), 201);
  issue = b.id;
});
after(async () => { await k?.stop(); });

const names = (list) => list.map((c) => c.name);
const forRole = (l, role) => l.candidates.roles.find((c) => c.role === role).parties;
const forKind = (l, kind) => l.candidates.kinds.find((c) => c.kind === kind).parties;

describe('the role ledger ranks its candidates by fit', () => {
  test('listing the role, then the own area, then matching tags, then capacity, then unknown capacity', async () => {
    const l = await ledger();
    const c = forRole(l, 'involve_target_groups');
    // Zorg Buurdorp matches more and has more hours, but is beside the area:
    // the five in the issue's own area come first
    assert.deepEqual(names(c), ['Ouderenwerk Rangstad', 'Welzijn Rangstad', 'Buurtwerk Rangstad', 'Zorgteam Rangstad', 'Aandacht Rangstad']);
    assert.deepEqual(c.map((x) => [x.match, x.areaRelation, x.area, x.matchedTags, x.capacityHours]), [
      ['listsRole', 'same', 'GM9801', ['eenzaamheid', 'ouderen'], 8],
      ['listsRole', 'same', 'GM9801', ['ouderen'], 30],
      ['listsRole', 'same', 'GM9801', ['ouderen'], 5],
      ['listsRole', 'same', 'GM9801', [], 40],
      ['listsRole', 'same', 'GM9801', [], null],
    ]);
    assert.deepEqual(c[0].reasons, [
      { code: 'listsRole', text: 'Lists this role in its profile.' },
      { code: 'sameArea', text: "Active in Rangstad, the issue's own area." },
      { code: 'tags', text: 'Expertise that matches the issue: eenzaamheid, ouderen.' },
      { code: 'capacity', text: 'Can spend 8 hours a week on social innovation.' },
    ]);
    assert.equal(c[0].reason, "Lists this role in its profile. Active in Rangstad, the issue's own area. Expertise that matches the issue: eenzaamheid, ouderen. Can spend 8 hours a week on social innovation.");
    assert.deepEqual(c[4].reasons.map((x) => x.code), ['listsRole', 'sameArea']);
  });

  test('beside the area, then above it (nearest first), then inside it; then a typical kind', async () => {
    const l = await ledger();
    const c = forRole(l, 'pioneer_in_practice');
    assert.deepEqual(names(c), ['Zorg Buurdorp', 'Steunpunt Provincie Rang', 'Landelijk Netwerk', 'Wijkteam Rang-Noord', 'Ouderenwerk Rangstad']);
    assert.deepEqual(c.map((x) => [x.match, x.areaRelation, x.area, x.areaName]), [
      ['listsRole', 'sibling', 'GM9802', 'Buurdorp'],
      ['listsRole', 'above', 'PV98', 'Provincie Rang'],
      ['listsRole', 'above', 'XR', 'Rangland'],
      ['listsRole', 'below', 'WK980101', 'Rang-Noord'],
      ['typicalKind', 'same', 'GM9801', 'Rangstad'],
    ]);
    assert.deepEqual(c.map((x) => x.reasons.map((r) => r.text)), [
      ['Lists this role in its profile.', "Active in Buurdorp, an area next to the issue's area.", 'Expertise that matches the issue: eenzaamheid, ouderen.', 'Can spend 100 hours a week on social innovation.'],
      ['Lists this role in its profile.', "Active in Provincie Rang, a larger area the issue's area belongs to.", 'Expertise that matches the issue: eenzaamheid.', 'Can spend 50 hours a week on social innovation.'],
      ['Lists this role in its profile.', "Active in Rangland, a larger area the issue's area belongs to.", 'Can spend 200 hours a week on social innovation.'],
      ['Lists this role in its profile.', "Active in Rang-Noord, a part of the issue's area.", 'Expertise that matches the issue: ouderen.', 'Can spend 20 hours a week on social innovation.'],
      ['Social work: a kind that often has this role.', "Active in Rangstad, the issue's own area.", 'Expertise that matches the issue: eenzaamheid, ouderen.', 'Can spend 8 hours a week on social innovation.'],
    ]);
    assert.deepEqual(c.map((x) => x.reasons[0].code), ['listsRole', 'listsRole', 'listsRole', 'listsRole', 'typicalKind']);
    assert.deepEqual(c.map((x) => x.reasons[1].code), ['siblingArea', 'aboveArea', 'aboveArea', 'belowArea', 'sameArea']);
  });

  test('an empty kind: by area, then tags (a target group counts), then capacity; never private or out of the area', async () => {
    const l = await ledger();
    assert.deepEqual(l.emptyKinds, ['citizen_initiative', 'social_work', 'business', 'knowledge_institute']);
    const ci = forKind(l, 'citizen_initiative');
    assert.deepEqual(names(ci), ['Bewoners Rangstad', 'Bewonerscollectief Rangstad', 'Buurtcoop Rang-Noord']);
    assert.deepEqual(ci[0].matchedTags, ['mantelzorgers']);
    assert.deepEqual(ci[0].reasons.slice(0, 2), [
      { code: 'kind', text: 'Citizen initiative: a kind of party the issue still lacks.' },
      { code: 'sameArea', text: "Active in Rangstad, the issue's own area." },
    ]);
    assert.deepEqual(ci[2].matchedTags, ['mantelzorgers', 'ouderen']);
    assert.equal(ci[2].reasons.at(-1).text, 'Can spend 1 hour a week on social innovation.');
    const sw = forKind(l, 'social_work');
    assert.deepEqual(names(sw), ['Ouderenwerk Rangstad', 'Welzijn Rangstad', 'Buurtwerk Rangstad', 'Zorgteam Rangstad', 'Aandacht Rangstad']);
    assert.deepEqual(forKind(l, 'business'), []);
    assert.doesNotMatch(JSON.stringify(l.candidates), /Verborgen Zorg|Buurdorp-Oost/);
  });

  test('the page shows the same order, each with its reasons, in Dutch and in English', async () => {
    const section = (html, from, to) => html.slice(html.indexOf(from), to ? html.indexOf(to, html.indexOf(from)) : undefined);
    // the candidates: one <li> each, opening with the link to the party
    const itemsOf = (html) => html.split('<li><a href="/partijen/').slice(1);
    const nl = await (await fetch(`${k.url}/vraagstukken/${issue}/rollen`)).text();
    const pioneer = section(nl, '<h3>Praktijkgericht pionieren</h3>', '</ol>');
    const cands = itemsOf(pioneer);
    assert.deepEqual(cands.map((li) => /^[^"]+">([^<]+)<\/a>/.exec(li)[1]), names(forRole(await ledger(), 'pioneer_in_practice')));
    const reasons = (li) => [...li.matchAll(/<li class="reason-([a-zA-Z]+)">([^<]*)<\/li>/g)].map((m) => `${m[1]}: ${m[2]}`);
    assert.deepEqual(reasons(cands[0]), [
      'listsRole: Noemt deze rol in het eigen profiel.',
      'siblingArea: Actief in Buurdorp, een gebied naast dat van het vraagstuk.',
      'tags: Expertise die past bij het vraagstuk: eenzaamheid, ouderen.',
      'capacity: Kan 100 uur per week inzetten voor sociale innovatie.',
    ]);
    assert.deepEqual(reasons(cands[1])[1], 'aboveArea: Actief in Provincie Rang, een groter gebied waar het gebied van het vraagstuk onder valt.');
    assert.deepEqual(reasons(cands[3])[1], 'belowArea: Actief in Rang-Noord, een deel van het gebied van het vraagstuk.');
    assert.deepEqual(reasons(cands[4])[0], 'typicalKind: Sociaal werk: een soort die deze rol vaak heeft.');
    const ci = itemsOf(section(nl, '<h3>Burgerinitiatief</h3>', '</ol>'));
    assert.deepEqual(reasons(ci[0]).slice(0, 2), [
      'kind: Burgerinitiatief: een soort partij die nog ontbreekt bij dit vraagstuk.',
      'sameArea: Actief in Rangstad, het gebied van het vraagstuk.',
    ]);
    assert.equal(reasons(ci[2]).at(-1), 'capacity: Kan 1 uur per week inzetten voor sociale innovatie.');
    const en = await (await fetch(`${k.url}/vraagstukken/${issue}/rollen?lang=en`)).text();
    const enCands = itemsOf(section(en, '<h3>Pioneering in practice</h3>', '</ol>'));
    assert.deepEqual(reasons(enCands[0]), [
      'listsRole: Lists this role in its profile.',
      "siblingArea: Active in Buurdorp, an area next to the issue&#39;s area.",
      'tags: Expertise that matches the issue: eenzaamheid, ouderen.',
      'capacity: Can spend 100 hours a week on social innovation.',
    ]);
    assert.doesNotMatch(nl, /Verborgen Zorg|Buurdorp-Oost/);
  });
});
