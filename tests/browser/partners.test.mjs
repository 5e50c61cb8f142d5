// The partners of an initiative and the room for intrapreneurship, as people
// use them: a visitor reads a demo initiative's partners (role names in the
// page's language) and the hours per employer, without names or forms;
// Anna, who leads an initiative for her party, adds a partner through the
// form (first forgetting the role), records the hours her employer grants
// her (first a number out of range), and then sees them on her party's page.
// axe-core checks every page in every state.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem } from '../lib/kiem.mjs';
import { ANNA, BEHEER, launch, newPage, where, login, clickAndLoad, assertAccessible, screenshot } from './browser.mjs';

async function text(locator) {
  return (await locator.textContent()).replace(/\s+/g, ' ').trim();
}

describe('partners and intrapreneurship', () => {
  let srv;
  let browser;
  let visitor;
  let anna;
  let demoPath;
  let ownPath;
  let partyId;
  const partyName = `Buurtkracht ${Date.now().toString(36)}`;
  const api = (path, { method = 'GET', body } = {}) => fetch(`${srv.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${srv.tokens[ANNA.email]}`, 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });

  before(async () => {
    srv = await startKiem({ users: [ANNA, BEHEER] });
    // a demo initiative with partners and hours (demo_partners.c)
    const rows = (await (await fetch(`${srv.url}/api/v1/initiatives?limit=50`)).json()).items;
    for (const ini of rows) {
      const h = await (await fetch(`${srv.url}/api/v1/initiatives/${ini.id}/intrapreneurs`)).json();
      const p = await (await fetch(`${srv.url}/api/v1/initiatives/${ini.id}/partners`)).json();
      if (h.people > 0 && p.items.length >= 3) { demoPath = `/initiatieven/${ini.id}`; break; }
    }
    assert.ok(demoPath, 'the demo has an initiative with partners and hours');
    const party = await api('/api/v1/parties', { method: 'POST', body: { name: partyName, kind: 'citizen_initiative', areas: ['WK034403'] } });
    assert.equal(party.status, 201);
    partyId = (await party.json()).id;
    const ini = await api('/api/v1/initiatives', {
      method: 'POST',
      body: { title: 'Samen eten in Overvecht', summary: 'Buren koken en eten samen.', description: '', type: 'service', leadParty: partyId, area: 'WK034403', participationLevel: 'co_producing' },
    });
    const made = await ini.text();
    assert.equal(ini.status, 201, made);
    ownPath = `/initiatieven/${JSON.parse(made).id}`;
    browser = await launch();
    visitor = await newPage(browser);
    anna = await newPage(browser);
    await login(anna, srv.url, ANNA);
  });

  after(async () => {
    await browser?.close();
    await srv?.stop();
  });

  test('a visitor reads the partners and the hours per employer, without names or forms', async () => {
    await visitor.goto(`${srv.url}${demoPath}`);
    const section = visitor.locator('section#partners');
    assert.equal(await text(section.locator('h2')), 'Partners');
    const rows = await section.locator('table.partners tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
    assert.ok(rows.length >= 3);
    for (const r of rows) assert.equal(r.length, 5, 'party, role, contribution, hours, since: no actions for a visitor');
    const roles = new Set(['Ruimte in wet- en regelgeving', 'Profijtgroepen betrekken', 'Onderzoek naar werkzame elementen', 'Maatschappelijk verantwoord opereren', 'Investeren',
      'Praktijkgericht pionieren', 'Kansen, knelpunten en leemten opsporen', 'Duiden en samenbrengen van kennis', 'Stimuleren toeleiding privaat kapitaal']);
    for (const r of rows) assert.ok(roles.has(r[1]), `a Dutch role name: ${r[1]}`);
    assert.match(await text(section.locator('.intrapreneur-total')), /^In totaal \d+ uur per week, van \d+ (persoon|mensen)\.$/);
    assert.ok(await section.locator('table.intrapreneur-parties tbody tr').count() >= 1);
    assert.equal(await section.locator('table.intrapreneur-people').count(), 0, 'no names for a visitor');
    assert.equal(await section.locator('form').count(), 0, 'no forms for a visitor');
    assert.equal(await section.getByRole('link', { name: 'Log in om partners toe te voegen of je uren op te geven' }).count(), 1);
    await assertAccessible(visitor, 'an initiative with its partners, for a visitor');

    await visitor.goto(`${srv.url}${demoPath}?lang=en`);
    const en = await visitor.locator('section#partners table.partners tbody tr td:nth-child(2)').allTextContents();
    assert.ok(en.some((x) => /^(Room in laws|Involving target groups|Research|Operating|Investing|Pioneering|Detecting|Combining|Attracting)/.test(x.trim())), en.join(' | '));
    await assertAccessible(visitor, 'the same in English');
    await visitor.goto(`${srv.url}${demoPath}?lang=nl`);
  });

  test('Anna adds a partner to her initiative through the form, first forgetting the role', async () => {
    await anna.goto(`${srv.url}${ownPath}`);
    const section = anna.locator('section#partners');
    assert.equal(await text(section.locator('p').nth(1)), 'Er doen nog geen andere partijen mee.');
    await section.getByRole('radio', { name: 'Buurtteam Overvecht' }).check();
    await section.getByRole('textbox', { name: /^Bijdrage/ }).fill('Een wijkwerker, twee middagen.');
    await section.locator('form[action$="/partners"]').getByRole('textbox', { name: /^Uren per week/ }).fill('8');
    const refused = anna.waitForResponse((r) => r.request().method() === 'POST');
    await clickAndLoad(anna, section.getByRole('button', { name: 'Partner toevoegen' }));
    assert.equal((await refused).status(), 400);
    assert.match(await text(anna.locator('.error-summary')), /Rol/);
    assert.equal(await anna.getByRole('textbox', { name: /^Bijdrage/ }).inputValue(), 'Een wijkwerker, twee middagen.', 'what she typed stays');
    await assertAccessible(anna, 'the add form with a problem');

    await anna.getByRole('radio', { name: 'Profijtgroepen betrekken' }).check();
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Partner toevoegen' }));
    assert.equal(where(anna), ownPath);
    const rows = await anna.locator('section#partners table.partners tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.replace(/\s+/g, ' ').trim())));
    assert.equal(rows.length, 1);
    assert.deepEqual(rows[0].slice(0, 4), ['Buurtteam Overvecht', 'Profijtgroepen betrekken', 'Een wijkwerker, twee middagen.', '8']);
    assert.match(rows[0][5], /Wijzigen Verwijderen/);
    await assertAccessible(anna, 'her initiative with a partner');
    await screenshot(anna, 'partners');
  });

  test('Anna records the hours her employer grants her, first out of range, and sees them', async () => {
    await clickAndLoad(anna, anna.locator('section#partners').getByRole('link', { name: 'Je uren opgeven' }));
    assert.equal(where(anna), `${ownPath}/uren`);
    assert.equal(await text(anna.locator('h1')), 'Je eigen uren opgeven');
    await assertAccessible(anna, 'the hours form');
    const form = anna.locator('form[action$="/uren"]');
    await form.getByRole('textbox', { name: /^Uren per week/ }).fill('200');
    await clickAndLoad(anna, form.getByRole('button', { name: 'Uren opslaan' }));
    assert.match(await text(anna.locator('.error-summary')), /Uren per week/);
    assert.equal(await anna.locator('#hoursPerWeek-error').count(), 1, 'the problem is beside its field');
    await assertAccessible(anna, 'the hours form with a problem');

    await anna.getByRole('textbox', { name: /^Uren per week/ }).fill('4');
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Uren opslaan' }));
    assert.equal(where(anna), ownPath);
    const section = anna.locator('section#partners');
    assert.equal(await text(section.locator('.intrapreneur-total')), 'In totaal 4 uur per week, van 1 persoon.');
    const people = await section.locator('table.intrapreneur-people tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
    assert.deepEqual(people.map((r) => r.slice(0, 3)), [[ANNA.name, partyName, '4']]);
    assert.equal(await section.getByRole('button', { name: 'Mijn uren weghalen' }).count(), 1);
    await assertAccessible(anna, 'her initiative with her hours');

    await anna.goto(`${srv.url}/partijen/${partyId}`);
    const room = anna.locator('section#intrapreneurschap');
    assert.equal(await text(room.locator('h2')), 'Ruimte voor intrapreneurschap');
    assert.equal(await text(room.locator('.intrapreneur-total')), 'In totaal 4 uur per week.');
    assert.deepEqual(await room.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim()))),
      [['Samen eten in Overvecht', '4', '1']]);
    await assertAccessible(anna, 'her party with its room for intrapreneurship');
  });
});
