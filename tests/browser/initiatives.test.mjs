// Initiatives, as people use them: Anna, a member of a party, starts an
// initiative for a demo issue (first forgetting the summary), moves it to
// its next stage through the decision form (first without a rationale, and
// then a stop without lessons) and sees the decision on the timeline; a
// resident offers to help. axe-core checks the board (plain, filtered, with
// a wrong filter, in English on a small screen), the initiative page, the
// forms and their error states.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem } from '../lib/kiem.mjs';
import { ANNA, BEHEER, launch, newPage, where, login, clickAndLoad, assertAccessible, screenshot } from './browser.mjs';

async function text(locator) {
  return (await locator.textContent()).replace(/\s+/g, ' ').trim();
}

describe('initiatives', () => {
  let srv;
  let browser;
  let anna;
  let anon;
  const partyName = `Buurtkracht ${Date.now().toString(36)}`;
  let path;

  before(async () => {
    srv = await startKiem({ users: [ANNA, BEHEER] });
    browser = await launch();
    anon = await newPage(browser);
    anna = await newPage(browser);
    await login(anna, srv.url, ANNA);
    await anna.goto(`${srv.url}/partijen/nieuw`);
    await anna.getByLabel('Naam', { exact: true }).fill(partyName);
    await anna.getByRole('radio', { name: 'Burgerinitiatief' }).check();
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Opslaan' }));
  });

  after(async () => {
    await browser?.close();
    await srv?.stop();
  });

  test('the board: a list per stage, filtered, with a wrong filter, one stage as a list', async () => {
    await anon.goto(`${srv.url}/`);
    await clickAndLoad(anon, anon.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Initiatieven' }));
    assert.equal(where(anon), '/initiatieven');
    assert.equal(await text(anon.locator('h1')), 'Initiatieven');
    assert.equal(await anon.locator('.board-column').count(), 6);
    assert.match(await text(anon.locator('#fase-sustained').locator('..')), /Koffie-uurtje in de flat/);
    await assertAccessible(anon, 'the board');
    await screenshot(anon, 'initiatives');
    await anon.getByLabel('Mate van meedoen').selectOption('co_deciding');
    await clickAndLoad(anon, anon.getByRole('button', { name: 'Zoeken' }));
    assert.match(where(anon), /participationLevel=co_deciding/);
    assert.match(await text(anon.locator('main')), /Pluktuin langs de Vecht/);
    assert.doesNotMatch(await text(anon.locator('main')), /Koffie-uurtje in de flat/);
    await assertAccessible(anon, 'the board filtered');
    await anon.goto(`${srv.url}/initiatieven?stage=stopped`);
    assert.match(await text(anon.locator('main')), /Buurtbus voor ouderen/);
    await assertAccessible(anon, 'one stage as a list');
    const bad = await anon.goto(`${srv.url}/initiatieven?stage=klaar`);
    assert.equal(bad.status(), 400);
    assert.equal(await anon.locator('.error-summary').count(), 1);
    await assertAccessible(anon, 'the board with a wrong filter');
  });

  test('Anna starts an initiative and moves it to its next stage through the decision form', async () => {
    await anna.goto(`${srv.url}/initiatieven`);
    await clickAndLoad(anna, anna.getByRole('link', { name: 'Initiatief starten' }));
    assert.equal(where(anna), '/initiatieven/nieuw');
    await assertAccessible(anna, 'the form for a new initiative');
    await anna.getByLabel('Titel').fill('Huiswerkklas in de bibliotheek');
    await anna.getByRole('radio', { name: 'Dienst' }).check();
    await anna.getByRole('radio', { name: 'Overvecht' }).check();
    await anna.getByRole('radio', { name: 'Meebeslissen' }).check();
    await anna.getByRole('checkbox', { name: 'Ouders in Overvecht zoeken steun bij opvoeding' }).check();
    assert.ok(await anna.getByRole('radio', { name: partyName }).isChecked());
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Opslaan' }));
    // the summary was forgotten: the error beside it, the title kept
    assert.equal(where(anna), '/initiatieven/nieuw');
    assert.match(await text(anna.locator('.error-summary')), /Samenvatting/);
    assert.equal(await anna.getByLabel('Titel').inputValue(), 'Huiswerkklas in de bibliotheek');
    await assertAccessible(anna, 'the form for a new initiative, with an error');
    await anna.getByLabel('Samenvatting').fill('Kinderen maken samen huiswerk, met hulp van vrijwilligers.');
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Opslaan' }));
    path = /^(\/initiatieven\/[0-9a-f-]{36})/.exec(where(anna))[1];
    assert.match(await text(anna.getByRole('status')), /Het initiatief is opgeslagen/);
    assert.equal(await text(anna.locator('.steps [aria-current="step"]')), 'Idee (nu)');
    await assertAccessible(anna, 'the initiative page');

    // only the moves allowed now are offered
    const offered = await anna.locator('input[name="to"]').evaluateAll((els) => els.map((e) => e.value));
    assert.deepEqual(offered, ['development', 'stopped']);
    // the decision: first without a rationale
    await anna.getByRole('radio', { name: 'Ontwikkeling' }).check();
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Besluit nemen' }));
    assert.match(await text(anna.locator('.error-summary')), /Onderbouwing/);
    assert.ok(await anna.getByRole('radio', { name: 'Ontwikkeling' }).isChecked());
    await assertAccessible(anna, 'the decision form with an error');
    // stopping without lessons
    await anna.getByRole('radio', { name: 'Gestopt' }).check();
    await anna.getByLabel('Onderbouwing').fill('Geen ruimte gevonden.');
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Besluit nemen' }));
    assert.match(await text(anna.locator('.error-summary')), /Lessen/);
    assert.equal(await anna.getByLabel('Onderbouwing').inputValue(), 'Geen ruimte gevonden.');
    await assertAccessible(anna, 'the decision form, stopping without lessons');
    // the move to the next stage
    await anna.getByRole('radio', { name: 'Ontwikkeling' }).check();
    await anna.getByLabel('Onderbouwing').fill('De bibliotheek biedt een zaal aan; tien ouders willen helpen.');
    await anna.getByLabel('Bewijs').fill('Gesprek met de bibliotheek op 3 december.');
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Besluit nemen' }));
    assert.match(await text(anna.getByRole('status')), /Het besluit is genomen/);
    assert.equal(await text(anna.locator('.steps [aria-current="step"]')), 'Ontwikkeling (nu)');
    const last = anna.locator('.timeline > li').last();
    assert.match(await text(last), /Van Idee naar Ontwikkeling door Anna de Boer, namens/);
    assert.match(await text(last), /De bibliotheek biedt een zaal aan/);
    const now = await anna.locator('input[name="to"]').evaluateAll((els) => els.map((e) => e.value));
    assert.deepEqual(now, ['test', 'stopped']);
    await assertAccessible(anna, 'the initiative page after a decision');
    await screenshot(anna, 'initiative');

    // anyone can read it, without the forms
    await anon.goto(srv.url + path);
    assert.equal(await anon.getByRole('button', { name: 'Besluit nemen' }).count(), 0);
    await assertAccessible(anon, 'the initiative page, logged out');
    // the page lists it
    await clickAndLoad(anon, anon.getByRole('link', { name: 'Ouders in Overvecht zoeken steun bij opvoeding' }));
    assert.match(await text(anon.locator('#initiatieven').locator('..')), /Huiswerkklas in de bibliotheek/);
    await assertAccessible(anon, 'the issue page with its initiatives');
  });

  test('the platform admin offers to help; the edit form; in English on a small screen', async () => {
    const bea = await newPage(browser);
    await login(bea, srv.url, BEHEER);
    await bea.goto(srv.url + path);
    await bea.getByLabel('Bericht').fill('Ik kan op woensdag helpen.');
    await clickAndLoad(bea, bea.getByRole('button', { name: 'Ik wil meehelpen' }));
    assert.match(await text(bea.getByRole('status')), /Bedankt/);
    await assertAccessible(bea, 'the initiative page after an offer');
    await anna.goto(srv.url + path);
    assert.match(await text(anna.locator('#meehelpen').locator('..')), /Bea Beheer.*Ik kan op woensdag helpen\./);
    await clickAndLoad(anna, anna.getByRole('link', { name: 'Bewerken' }));
    await assertAccessible(anna, 'the edit form');
    const en = await newPage(browser, { locale: 'en-GB', viewport: { width: 360, height: 740 } });
    await en.goto(`${srv.url}/initiatieven?lang=en`);
    assert.equal(await text(en.locator('h1')), 'Initiatives');
    await assertAccessible(en, 'the board in English, small screen');
    await en.goto(srv.url + path);
    assert.equal(await text(en.locator('.steps [aria-current="step"]')), 'Development (now)');
    await assertAccessible(en, 'an initiative in English, small screen');
    await en.context().close();
    await bea.context().close();
  });
});
