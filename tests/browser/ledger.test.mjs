// The environmental factors on an issue's page and the role ledger
// (/vraagstukken/{id}/rollen), as people use them: a visitor reads the
// demo issue's factors, grouped by kind and effect, and its ledger, with
// the empty roles and kinds and who could fill them; Anna, a member of a
// party that takes no part yet, cannot add a factor; she takes a role for
// her party (first forgetting to choose one), after which she may record a
// factor, which shows up in its group; then she gives the role up again.
// axe-core checks every page in every state.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem } from '../lib/kiem.mjs';
import { ANNA, BEHEER, launch, newPage, where, login, clickAndLoad, assertAccessible, screenshot } from './browser.mjs';

const ISSUE = 'Eenzaamheid onder ouderen in Overvecht';

async function text(locator) {
  return (await locator.textContent()).replace(/\s+/g, ' ').trim();
}

// The rows of the ledger's table: {role: [cells..., state]}.
async function ledgerRows(page) {
  const rows = await page.locator('table.ledger tbody tr').evaluateAll((trs) => trs.map((tr) => [
    tr.querySelector('th').textContent.trim(),
    ...[...tr.querySelectorAll('td')].map((td) => td.textContent.replace(/\s+/g, ' ').trim()),
  ]));
  return Object.fromEntries(rows.map(([role, ...cells]) => [role, cells]));
}

describe('factors and the role ledger', () => {
  let srv;
  let browser;
  let visitor;
  let anna;
  let issuePath;
  const partyName = `Buurtkracht ${Date.now().toString(36)}`;

  before(async () => {
    srv = await startKiem({ users: [ANNA, BEHEER] });
    const r = await fetch(`${srv.url}/api/v1/issues?q=${encodeURIComponent('Eenzaamheid ouderen Overvecht')}`);
    const issue = (await r.json()).items.find((i) => i.title === ISSUE);
    assert.ok(issue, 'the demo has the issue');
    issuePath = `/vraagstukken/${issue.id}`;
    const p = await fetch(`${srv.url}/api/v1/parties`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${srv.tokens[ANNA.email]}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: partyName, kind: 'citizen_initiative', areas: ['WK034403'] }),
    });
    assert.equal(p.status, 201);
    browser = await launch();
    visitor = await newPage(browser);
    anna = await newPage(browser);
    await login(anna, srv.url, ANNA);
  });

  after(async () => {
    await browser?.close();
    await srv?.stop();
  });

  test('a visitor reads the factors grouped by kind and effect, with a summary', async () => {
    await visitor.goto(`${srv.url}${issuePath}`);
    const section = visitor.locator('section#factoren');
    assert.equal(await text(section.locator('h2')), 'Omgevingsfactoren');
    assert.deepEqual(await section.locator('h3').allTextContents(), [
      'Sociaal (normen: wat mensen gewoon vinden)', 'Cultuur (waarden: wat mensen belangrijk vinden)',
      'Economie (hulpbronnen: geld, mensen en middelen)', 'Politiek (wetten en beleid)',
    ]);
    const summary = await section.locator('table.factor-summary tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
    assert.deepEqual(summary, [['Sociaal', '1', '1'], ['Cultuur', '1', '0'], ['Economie', '0', '1'], ['Politiek', '1', '1']]);
    assert.match(await text(section), /Remt Veel ouderen schamen zich/);
    assert.equal(await section.getByRole('button', { name: 'Factor toevoegen' }).count(), 0, 'no form for a visitor');
    assert.equal(await section.getByRole('link', { name: 'Log in om een factor toe te voegen' }).count(), 1);
    await assertAccessible(visitor, 'the issue page with its factors');

    await clickAndLoad(visitor, section.getByRole('link', { name: /rollenregister/ }));
    assert.equal(where(visitor), `${issuePath}/rollen`);
  });

  test('a visitor reads the role ledger: the table, the gaps and who could fill them', async () => {
    assert.equal(await text(visitor.locator('h1')), `Rollenregister: ${ISSUE}`);
    assert.match(await text(visitor.locator('main')), /7 van de 12 rollen zijn nog leeg\. Nog geen partij van deze soorten: Bedrijfsleven, Kennisinstituut\./);
    const rows = await ledgerRows(visitor);
    assert.deepEqual(rows['Kansen, knelpunten en leemten opsporen'], ['niemand–', 'Buurtteam Overvecht', 'niemand–', 'niemand–', 'niemand–', 'Ingevuld']);
    assert.deepEqual(rows.Investeren, ['niemand–', 'niemand–', 'niemand–', 'typische soort, nog niemand', 'niemand–', 'Leeg']);
    assert.equal(await text(visitor.locator('table.ledger caption')), 'Rollen en soorten partijen bij dit vraagstuk. Per rol staan de partijen die hem oppakken in de kolom van hun soort.');
    const gaps = visitor.locator('section', { has: visitor.getByRole('heading', { name: 'Lege rollen, en wie ze kan oppakken' }) });
    assert.equal(await gaps.getByRole('heading', { level: 3 }).count(), 7);
    assert.match(await text(gaps), /Investeren .* Noemt deze rol in het eigen profiel\.\s*Actief in/);
    assert.equal(await visitor.getByRole('heading', { name: 'Ontbrekende soorten, en wie mee kan doen' }).count(), 1);
    assert.equal(await visitor.getByRole('link', { name: 'Log in om een rol op te pakken voor je partij' }).count(), 1);
    await assertAccessible(visitor, 'the role ledger for a visitor');
    await screenshot(visitor, 'ledger');
  });

  test('Anna takes a role for her party, and then records a factor', async () => {
    await anna.goto(`${srv.url}${issuePath}`);
    assert.equal(await anna.locator('section#factoren').getByRole('button', { name: 'Factor toevoegen' }).count(), 0,
      'her party takes no part yet');

    await anna.goto(`${srv.url}${issuePath}/rollen`);
    const form = anna.locator('section#oppakken');
    await form.getByRole('radio', { name: partyName }).check();
    await form.getByLabel('Toelichting').fill('Wij koken elke week samen met ouderen.');
    const refused = anna.waitForResponse((r) => r.request().method() === 'POST');
    await clickAndLoad(anna, form.getByRole('button', { name: 'Rol oppakken' }));
    assert.equal((await refused).status(), 400);
    assert.match(await text(anna.locator('.error-summary')), /Rol/);
    assert.equal(await form.getByLabel('Toelichting').inputValue(), 'Wij koken elke week samen met ouderen.', 'what she typed stays');
    await assertAccessible(anna, 'the take form with a problem');

    await form.getByRole('radio', { name: 'Profijtgroepen betrekken' }).check();
    await clickAndLoad(anna, form.getByRole('button', { name: 'Rol oppakken' }));
    assert.equal(where(anna), `${issuePath}/rollen?opgepakt=1`);
    assert.equal(await text(anna.locator('.notice')), 'De rol is opgepakt.');
    const rows = await ledgerRows(anna);
    assert.equal(rows['Profijtgroepen betrekken'][0], partyName);
    assert.match(await text(anna.locator('main')), /Wij koken elke week samen met ouderen\./);
    await assertAccessible(anna, 'the role ledger after taking a role');

    // her party takes part now: she may record a factor
    await anna.goto(`${srv.url}${issuePath}`);
    const section = anna.locator('section#factoren');
    await section.getByRole('radio', { name: 'Economie' }).check();
    await section.getByRole('radio', { name: 'Helpt' }).check();
    await section.getByLabel('Beschrijving').fill('De supermarkt in de wijk geeft eten voor de maaltijden.');
    await clickAndLoad(anna, section.getByRole('button', { name: 'Factor toevoegen' }));
    assert.equal(where(anna), issuePath);
    const economic = await section.locator('h3:has-text("Economie") ~ ul').first().textContent();
    assert.match(economic, /De supermarkt in de wijk geeft eten voor de maaltijden\./);
    assert.match(await text(section), /Economie \(hulpbronnen: geld, mensen en middelen\) Helpt De supermarkt/);
    await assertAccessible(anna, 'the issue page with the add form');
  });

  test('an empty description is refused beside the field, and Anna gives the role up', async () => {
    await anna.goto(`${srv.url}${issuePath}/factoren`);
    await anna.getByRole('radio', { name: 'Politiek' }).check();
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Factor toevoegen' }));
    assert.match(await text(anna.locator('.error-summary')), /Werking/);
    assert.match(await text(anna.locator('.error-summary')), /Beschrijving/);
    assert.ok(await anna.getByRole('radio', { name: 'Politiek' }).isChecked(), 'the choice stays');
    await assertAccessible(anna, 'the factor form with problems');

    await anna.goto(`${srv.url}${issuePath}/rollen`);
    await clickAndLoad(anna, anna.getByRole('button', { name: `Teruggeven: ${partyName}, de rol Profijtgroepen betrekken` }));
    assert.equal(where(anna), `${issuePath}/rollen?teruggegeven=1`);
    assert.notEqual((await ledgerRows(anna))['Profijtgroepen betrekken'][0], partyName);
  });
});
