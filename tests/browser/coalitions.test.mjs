// Coalitions and a party's network, as people use them (issue 11, part C):
// a visitor finds a demo coalition on /samenwerkingen by searching and
// filtering without JavaScript, and reads its partners and issues; Anna,
// an admin of her own party, starts a coalition for it (first forgetting
// its name), adds a demo party as a partner, and records a tie from her
// party's page, which then shows it in the network section, with the ties
// that follow from the shared coalition. axe-core checks every page.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem } from '../lib/kiem.mjs';
import { ANNA, BEHEER, launch, newPage, where, login, clickAndLoad, assertAccessible } from './browser.mjs';

async function text(locator) {
  return (await locator.textContent()).replace(/\s+/g, ' ').trim();
}

describe('coalitions and a party\'s network', () => {
  let srv;
  let browser;
  let visitor;
  let anna;
  let partyId;
  const partyName = `Buurtkracht ${Date.now().toString(36)}`;

  before(async () => {
    srv = await startKiem({ users: [ANNA, BEHEER] });
    const p = await fetch(`${srv.url}/api/v1/parties`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${srv.tokens[ANNA.email]}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: partyName, kind: 'citizen_initiative', areas: ['WK034403'] }),
    });
    assert.equal(p.status, 201);
    partyId = (await p.json()).id;
    browser = await launch();
    visitor = await newPage(browser);
    anna = await newPage(browser);
    await login(anna, srv.url, ANNA);
  });

  after(async () => {
    await browser?.close();
    await srv?.stop();
  });

  test('a visitor searches /samenwerkingen and reads a coalition', async () => {
    await visitor.goto(`${srv.url}/samenwerkingen`);
    assert.equal(await text(visitor.locator('h1')), 'Samenwerkingsverbanden');
    await assertAccessible(visitor, '/samenwerkingen');
    await visitor.getByLabel('Zoekwoorden').fill('eenzaamheid');
    await clickAndLoad(visitor, visitor.getByRole('button', { name: /Zoeken|Toon/ }).first());
    assert.match(where(visitor), /^\/samenwerkingen\?/);
    const cards = await visitor.locator('ul.cards h3').allTextContents();
    assert.deepEqual(cards.map((c) => c.trim()), ['Samen tegen eenzaamheid in Overvecht']);
    await clickAndLoad(visitor, visitor.getByRole('link', { name: 'Samen tegen eenzaamheid in Overvecht' }));
    assert.equal(await text(visitor.locator('h1')), 'Samen tegen eenzaamheid in Overvecht');
    const partners = await visitor.locator('table.partners tbody th').allTextContents();
    assert.ok(partners.some((x) => x.includes('Buurtteam Overvecht') && x.includes('Beheert mee')), partners.join(' | '));
    assert.ok(partners.some((x) => x.includes('Woningcorporatie Thuisstad')), partners.join(' | '));
    assert.equal(await visitor.getByRole('link', { name: 'Eenzaamheid onder ouderen in Overvecht' }).count(), 1);
    assert.equal(await visitor.getByRole('button', { name: 'Partner toevoegen' }).count(), 0);
    await assertAccessible(visitor, 'a coalition');
  });

  test('Anna starts a coalition for her party, and adds a partner', async () => {
    await anna.goto(`${srv.url}/samenwerkingen`);
    await clickAndLoad(anna, anna.getByRole('link', { name: 'Samenwerkingsverband beginnen' }));
    assert.equal(where(anna), '/samenwerkingen/nieuw');
    await assertAccessible(anna, 'the form to start a coalition');
    await anna.getByLabel('Beschrijving').fill('Samen de buurt groener maken.');
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Opslaan' }));
    assert.match(await text(anna.locator('.error-summary, [role="alert"]').first()), /Naam/);
    assert.equal(await anna.getByLabel('Beschrijving').inputValue(), 'Samen de buurt groener maken.');
    await assertAccessible(anna, 'the form with its problems');
    await anna.getByLabel('Naam', { exact: true }).fill('Groen Overvecht');
    await anna.getByLabel('Overvecht', { exact: true }).check();
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Opslaan' }));
    assert.equal(await text(anna.locator('h1')), 'Groen Overvecht');
    assert.match(await text(anna.locator('main')), /Het samenwerkingsverband is opgeslagen/);
    await anna.getByLabel('Partij', { exact: true }).selectOption({ label: 'Bouwbedrijf Van Dam' });
    await anna.getByLabel('Bijdrage').fill('Materiaal voor de tuin.');
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Partner toevoegen' }));
    const partners = await anna.locator('table.partners tbody th').allTextContents();
    assert.equal(partners.length, 2);
    assert.ok(partners[1].includes('Bouwbedrijf Van Dam'));
    await assertAccessible(anna, 'a coalition with its forms');
  });

  test('Anna records a tie on her party\'s page; the network shows it and the shared coalition', async () => {
    await anna.goto(`${srv.url}/partijen/${partyId}`);
    const section = anna.locator('section[aria-labelledby="netwerk"]');
    assert.equal(await text(section.locator('h2')), 'Netwerk');
    assert.match(await text(section), /Bouwbedrijf Van Dam · samenwerkingsverband Groen Overvecht/);
    await section.getByLabel('Andere partij', { exact: true }).selectOption({ label: 'Buurtteam Overvecht' });
    await section.getByLabel('Deelt kennis met').check();
    await clickAndLoad(anna, section.getByRole('button', { name: 'Relatie vastleggen' }));
    assert.match(await text(anna.locator('main')), /De relatie is vastgelegd/);
    assert.match(await text(anna.locator('ul.ties').first()), new RegExp(`${partyName} deelt kennis met Buurtteam Overvecht`));
    await assertAccessible(anna, 'the party page with its network');
    await visitor.goto(`${srv.url}/partijen/${partyId}`);
    assert.equal(await visitor.getByRole('button', { name: 'Relatie vastleggen' }).count(), 0);
    await assertAccessible(visitor, 'the party page for a visitor');
  });
});
