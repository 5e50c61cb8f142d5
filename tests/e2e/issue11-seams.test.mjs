// Issue 11 as one product: the seams between its parts. A user reaches
// every new section from the menu or an obvious link (the events, the
// coalitions, the coordinators' list of initiatives that need attention).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem } from '../lib/kiem.mjs';
import { call, assertOk, partyBody, Browser as FormBrowser } from './helpers.mjs';

const PASSWORD = 'een-lang-wachtwoord-123';
const PEOPLE = {
  resident: { email: 'rosa@seams.example', name: 'Rosa Bewoner' },
  coordinator: { email: 'coco@seams.example', name: 'Coco Utrecht', coordinator: 'GM0344' },
  organizer: { email: 'otto@seams.example', name: 'Otto Organisator' },
};
const AREA = 'WK034403'; // Overvecht

let k;
before(async () => {
  k = await startKiem({ users: Object.values(PEOPLE).map((p) => ({ ...p, password: PASSWORD })) });
});
after(async () => { await k?.stop(); });
const api = (who, path, opts = {}) => call(k.url, path, { ...opts, token: k.tokens[PEOPLE[who].email] });

class Browser extends FormBrowser { constructor() { super(k.url); } }
async function login(who) {
  const b = new Browser();
  const r = await b.login(PEOPLE[who].email, PASSWORD);
  assert.equal(r.status, 303);
  return b;
}
const nav = (html) => /<nav aria-label="[^"]*">([\s\S]*?)<\/nav>/.exec(html)[1];

describe('reaching issue 11\'s sections', () => {
  test('the menu links the events and the coalitions, and marks the one shown, in both languages', async () => {
    const b = new Browser();
    const home = await b.request('/');
    assert.match(nav(home.text), /<a href="\/bijeenkomsten">Bijeenkomsten<\/a>/);
    assert.match(nav(home.text), /<a href="\/samenwerkingen">Samenwerkingsverbanden<\/a>/);
    const en = await b.request('/?lang=en');
    assert.match(nav(en.text), /<a href="\/bijeenkomsten">Events<\/a>/);
    assert.match(nav(en.text), /<a href="\/samenwerkingen">Coalitions<\/a>/);
    assert.match(nav((await b.request('/bijeenkomsten')).text), /<a href="\/bijeenkomsten" aria-current="page">/);
    assert.match(nav((await b.request('/samenwerkingen')).text), /<a href="\/samenwerkingen" aria-current="page">/);
  });

  test('a coordinator finds the initiatives that need attention from /initiatieven; a resident and a visitor see no such link', async () => {
    const link = /<a href="\/initiatieven\/aandacht">Initiatieven die aandacht vragen<\/a>/;
    const c = await login('coordinator');
    assert.match((await c.request('/initiatieven')).text, link);
    const list = await c.request('/initiatieven/aandacht');
    assert.equal(list.status, 200);
    assert.match(nav(list.text), /<a href="\/initiatieven" aria-current="page">/);
    assert.doesNotMatch((await (await login('resident')).request('/initiatieven')).text, /\/initiatieven\/aandacht/);
    assert.doesNotMatch((await new Browser().request('/initiatieven')).text, /\/initiatieven\/aandacht/);
  });
});

describe('notifications across the parts', () => {
  test('a new event about two issues and an initiative that answers them tells each of their followers once', async () => {
    const party = assertOk(await api('organizer', '/api/v1/parties', { method: 'POST', body: partyBody({ name: 'Buurtwerk Naden', kind: 'social_work', areas: [AREA] }) }), 201);
    const issue = async (title) => assertOk(await api('organizer', '/api/v1/issues', { method: 'POST', body: { title, summary: 'Zo is het.', area: AREA, ownerParty: party.id } }), 201);
    const a = await issue('Eenzaamheid in de flat'), b = await issue('Te weinig ontmoetingsplekken');
    const init = assertOk(await api('organizer', '/api/v1/initiatives', { method: 'POST', body: {
      title: 'Buurtkamer in de flat', summary: 'Een huiskamer.', type: 'service', leadParty: party.id, area: AREA,
      participationLevel: 'co_producing', issues: [a.id, b.id] } }), 201);
    for (const x of [a, b]) assert.equal((await api('resident', `/api/v1/issues/${x.id}/follows/me`, { method: 'PUT', body: {} })).status, 201);
    assert.equal((await api('resident', `/api/v1/initiatives/${init.id}/follows/me`, { method: 'PUT', body: {} })).status, 201);
    const ev = assertOk(await api('organizer', '/api/v1/events', { method: 'POST', body: {
      title: 'Buurtkamer inrichten', organizer: party.id, place: 'De flat', start: '2030-03-01T10:00:00Z', end: '2030-03-01T12:00:00Z',
      issues: [a.id, b.id], initiatives: [init.id] } }), 201);
    const notes = assertOk(await api('resident', '/api/v1/users/me/notifications')).items.filter((x) => x.objectId === ev.id);
    assert.equal(notes.length, 1, JSON.stringify(notes));
    assert.equal((await api('resident', `/api/v1/initiatives/${init.id}/interest`, { method: 'POST', body: { message: 'Ik help graag.' } })).status, 201);
    // and the initiative's page says what a follower hears of, and counts the offer in plain Dutch
    const page = await (await login('resident')).request(`/initiatieven/${init.id}`);
    assert.match(page.text, /Je volgt dit initiatief\. Je krijgt een melding bij elk besluit over de fase, en bij een nieuwe mijlpaal, les of bijeenkomst\./);
    assert.match(page.text, /<p>1 persoon wil meehelpen\./);
  });
});
