// Signals as people use them: Anna, a member of a citizen initiative,
// reports a signal (first with mistakes, then right); Cora, coordinator of
// Overvecht, finds it in the inbox and turns it into a social issue; Anna
// sees what became of it. Nina, a resident who is in no party, raises a
// concern; Bram of the (verified) Buurtteam Overvecht takes it up, and Nina
// sees that and is told (issue 8). axe-core checks the inbox, the form, its
// error state and the signal page.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem } from '../lib/kiem.mjs';
import { ANNA, BEHEER, launch, newPage, where, login, clickAndLoad, assertAccessible } from './browser.mjs';

const CORA = { email: 'cora@example.nl', name: 'Cora Coördinator', password: 'cora-wachtwoord-012', coordinator: 'WK034403' };

async function text(locator) {
  return (await locator.textContent()).replace(/\s+/g, ' ').trim();
}

describe('signals, reported and taken up', () => {
  let srv;
  let browser;
  let anna;
  let cora;
  const title = `Geen zwemles voor kinderen ${Date.now().toString(36)}`;
  let signalPath;

  before(async () => {
    srv = await startKiem({ users: [ANNA, CORA] });
    const res = await fetch(`${srv.url}/api/v1/parties`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${srv.tokens[ANNA.email]}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Zwemclub Overvecht', kind: 'citizen_initiative', areas: ['WK034403'] }),
    });
    assert.equal(res.status, 201);
    browser = await launch();
    anna = await newPage(browser);
    cora = await newPage(browser);
    await login(anna, srv.url, ANNA);
    await login(cora, srv.url, CORA);
  });

  after(async () => {
    await browser?.close();
    await srv?.stop();
  });

  test('Anna reports a signal: the mistakes are shown beside their fields, what she typed stays', async () => {
    await anna.goto(`${srv.url}/signalen`);
    assert.equal(await text(anna.locator('h1')), 'Signalen');
    await assertAccessible(anna, 'the inbox of a member');
    await clickAndLoad(anna, anna.getByRole('link', { name: 'Meld een signaal' }));
    assert.equal(where(anna), '/signalen/nieuw');
    await assertAccessible(anna, 'the report form');
    await anna.getByLabel('Beschrijving').fill('Veel kinderen in Overvecht halen hun zwemdiploma niet.');
    await anna.getByRole('checkbox', { name: 'Er staat een regel in de weg' }).check();
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Signaal melden' }));
    assert.match(await text(anna.locator('.error-summary')), /Titel/);
    assert.match(await text(anna.locator('.error-summary')), /Welke regel staat in de weg/);
    assert.equal(await anna.getByLabel('Beschrijving').inputValue(), 'Veel kinderen in Overvecht halen hun zwemdiploma niet.');
    await assertAccessible(anna, 'the report form with errors');

    await anna.getByLabel('Titel', { exact: true }).fill(title);
    await anna.getByRole('radio', { name: 'Leemte' }).check();
    await anna.getByRole('radio', { name: 'Overvecht', exact: true }).check();
    await anna.getByLabel('Doelgroep').fill('Kinderen');
    await anna.getByLabel('Welke regel staat in de weg?').fill('Zwemles valt niet onder de schoolregels');
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Signaal melden' }));
    assert.match(where(anna), /^\/signalen\/[0-9a-f-]{36}\?gemeld=1$/);
    signalPath = where(anna).split('?')[0];
    assert.match(await text(anna.locator('.notice')), /Het signaal is gemeld/);
    assert.equal(await text(anna.locator('h1')), title);
    assert.match(await text(anna.locator('main')), /Gemeente Utrecht, wijkbureau Overvecht/, 'sent to the government party of Overvecht');
    await assertAccessible(anna, 'the signal page');
  });

  test('Cora finds it in the inbox and makes it a social issue; Anna sees what became of it', async () => {
    // the whole inbox: the demo's clusters as one row each, expandable
    await cora.goto(`${srv.url}/signalen`);
    assert.ok(await cora.locator('details summary').count() > 0, 'a cluster is one row that opens');
    await assertAccessible(cora, 'the inbox of a coordinator, with clusters');
    // a demo signal with a decision on its rule
    await clickAndLoad(cora, cora.getByRole('link', { name: 'Geen vergunning voor een tijdelijke buurttuin' }));
    assert.match(await text(cora.locator('main')), /Ontheffing/);
    await assertAccessible(cora, 'a signal with a decision');
    await cora.goto(`${srv.url}/signalen?lang=en`);
    assert.equal(await text(cora.locator('h1')), 'Signals');
    await assertAccessible(cora, 'the inbox in English');
    await cora.goto(`${srv.url}/signalen?lang=nl&q=zwemles`);
    await assertAccessible(cora, 'the inbox of a coordinator, searched');
    await clickAndLoad(cora, cora.getByRole('link', { name: title }));
    assert.equal(where(cora), signalPath);
    await cora.getByLabel('Samenvatting van het vraagstuk').fill('Kinderen in Overvecht leren niet zwemmen.');
    await clickAndLoad(cora, cora.getByRole('button', { name: 'Vraagstuk maken' }));
    assert.equal(where(cora), `${signalPath}?gelukt=1`);
    assert.match(await text(cora.locator('main')), /Opgepakt/);
    await assertAccessible(cora, 'the signal page after the uptake');

    await anna.goto(`${srv.url}/signalen`);
    const mine = anna.locator('section[aria-labelledby="mine"]');
    assert.match(await text(mine), new RegExp(title));
    assert.match(await text(mine), /Vraagstuk: .*Gesignaleerd|Vraagstuk: .*gesignaleerd/i, 'Anna sees the issue and its status');
  });
});

// issue 8, item 18: a resident raises a concern
describe('a resident raises a concern', () => {
  const NINA = { email: 'nina@example.nl', name: 'Nina Buur', password: 'nina-wachtwoord-345' };
  const BRAM = { email: 'bram@example.nl', name: 'Bram Buurtteam', password: 'bram-wachtwoord-678' };
  let srv;
  let browser;
  let nina;
  let bram;
  const title = `Losse stoeptegels bij de Zambesidreef ${Date.now().toString(36)}`;
  let signalPath;

  before(async () => {
    srv = await startKiem({ users: [NINA, BRAM, BEHEER] });
    const api = (path, init = {}) => fetch(`${srv.url}${path}`, {
      ...init, headers: { Authorization: `Bearer ${srv.tokens[BEHEER.email]}`, 'Content-Type': 'application/json' },
    });
    const found = await (await api('/api/v1/parties?q=Buurtteam%20Overvecht')).json();
    const team = found.items.find((p) => p.name === 'Buurtteam Overvecht');
    assert.ok(team && team.verified, 'the demo\'s Buurtteam Overvecht is verified');
    const add = await api(`/api/v1/parties/${team.id}/members`, { method: 'POST', body: JSON.stringify({ email: BRAM.email, role: 'member' }) });
    assert.equal(add.status, 201);
    browser = await launch();
    nina = await newPage(browser);
    bram = await newPage(browser);
    await login(nina, srv.url, NINA);
    await login(bram, srv.url, BRAM);
  });

  after(async () => {
    await browser?.close();
    await srv?.stop();
  });

  test('Nina, in no party, reports a signal as a resident and finds it under her signals', async () => {
    await nina.goto(`${srv.url}/signalen`);
    await assertAccessible(nina, 'the signals of a resident');
    await clickAndLoad(nina, nina.getByRole('link', { name: 'Meld een signaal' }));
    assert.equal(where(nina), '/signalen/nieuw');
    assert.match(await text(nina.locator('main')), /Je meldt dit signaal als bewoner/);
    await assertAccessible(nina, 'the report form of a resident');
    await nina.getByLabel('Titel', { exact: true }).fill(title);
    await clickAndLoad(nina, nina.getByRole('button', { name: 'Signaal melden' }));
    assert.match(await text(nina.locator('.error-summary')), /Beschrijving/);
    assert.equal(await nina.getByLabel('Titel', { exact: true }).inputValue(), title);
    await assertAccessible(nina, 'the report form of a resident, with errors');
    await nina.getByLabel('Beschrijving').fill('Met de rollator kom ik niet over de stoep: de tegels liggen los.');
    await nina.getByRole('radio', { name: 'Knelpunt' }).check();
    await nina.getByRole('radio', { name: 'Overvecht', exact: true }).check();
    await clickAndLoad(nina, nina.getByRole('button', { name: 'Signaal melden' }));
    assert.match(where(nina), /^\/signalen\/[0-9a-f-]{36}\?gemeld=1$/);
    signalPath = where(nina).split('?')[0];
    assert.match(await text(nina.locator('main')), /Nina Buur, als bewoner/);
    await assertAccessible(nina, 'the signal page of a resident');
    await nina.goto(`${srv.url}/signalen`);
    assert.match(await text(nina.locator('section[aria-labelledby="mine"]')), new RegExp(title));
  });

  test('Bram of the Buurtteam finds it in the inbox and takes it up; Nina sees what became of it', async () => {
    await bram.goto(`${srv.url}/signalen`);
    await clickAndLoad(bram, bram.getByRole('link', { name: title }));
    assert.equal(where(bram), signalPath);
    await bram.getByLabel('Samenvatting van het vraagstuk').fill('Losse stoeptegels maken de buurt onbegaanbaar.');
    await clickAndLoad(bram, bram.getByRole('button', { name: 'Vraagstuk maken' }));
    assert.equal(where(bram), `${signalPath}?gelukt=1`);

    await nina.goto(`${srv.url}/signalen`);
    assert.match(await text(nina.locator('section[aria-labelledby="mine"]')), /Vraagstuk: .*[Gg]esignaleerd/);
    await nina.goto(`${srv.url}${signalPath}`);
    assert.match(await text(nina.locator('main')), /Opgepakt/);
    await nina.goto(`${srv.url}/account/meldingen`);
    assert.match(await text(nina.locator('main')), /Bram Buurtteam heeft je signaal opgenomen in/);
    await assertAccessible(nina, 'the notifications of a resident');
  });
});
