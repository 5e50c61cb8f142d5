// Social issues, as people use them: Anna, a member of a party, writes
// down an issue (first forgetting the summary), moves it to "Op de agenda"
// with a reason and sees the move on the timeline. axe-core checks the list
// (plain, filtered, without results, with a wrong filter), the issue page,
// the forms and their error states.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem } from '../lib/kiem.mjs';
import { ANNA, BEHEER, launch, newPage, where, login, clickAndLoad, assertAccessible, screenshot } from './browser.mjs';

async function text(locator) {
  return (await locator.textContent()).replace(/\s+/g, ' ').trim();
}

describe('social issues', () => {
  let srv;
  let browser;
  let anna;
  let anon;
  const partyName = `Buurtkracht ${Date.now().toString(36)}`;
  let issuePath;

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

  test('the list: plain, filtered, without results, with a wrong filter, page two', async () => {
    await anon.goto(`${srv.url}/`);
    await clickAndLoad(anon, anon.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Vraagstukken' }));
    assert.equal(where(anon), '/vraagstukken');
    assert.equal(await text(anon.locator('h1')), 'Vraagstukken');
    await assertAccessible(anon, 'issues');
    await screenshot(anon, 'issues');
    await anon.getByLabel('Status').selectOption('on_agenda');
    await clickAndLoad(anon, anon.getByRole('button', { name: 'Zoeken' }));
    assert.match(where(anon), /status=on_agenda/);
    assert.match(await text(anon.locator('main')), /Schulden bij jonge gezinnen in Zuidwest/);
    assert.doesNotMatch(await text(anon.locator('main')), /Mantelzorgers raken overbelast/);
    await assertAccessible(anon, 'issues filtered');
    await anon.goto(`${srv.url}/vraagstukken?q=xyzzygeenresultaat`);
    assert.match(await text(anon.locator('main')), /Geen vraagstukken gevonden/);
    await assertAccessible(anon, 'issues without results');
    const bad = await anon.goto(`${srv.url}/vraagstukken?status=klaar`);
    assert.equal(bad.status(), 400);
    assert.equal(await anon.locator('.error-summary').count(), 1);
    await assertAccessible(anon, 'issues with a wrong filter');
  });

  test('Anna writes down an issue, moves it to the agenda with a reason, and sees it on the timeline', async () => {
    await anna.goto(`${srv.url}/vraagstukken`);
    await clickAndLoad(anna, anna.getByRole('link', { name: 'Vraagstuk opschrijven' }));
    assert.equal(where(anna), '/vraagstukken/nieuw');
    await assertAccessible(anna, 'the form for a new issue');
    await anna.getByLabel('Titel').fill('Te weinig plekken voor jongeren in Overvecht');
    await anna.getByRole('radio', { name: 'Overvecht' }).check();
    await anna.getByLabel('Doelgroepen').fill('Jongeren, ouders');
    // her one party is chosen already
    assert.ok(await anna.getByRole('radio', { name: partyName }).isChecked());
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Opslaan' }));
    // the summary was forgotten: the error beside it, the title kept
    assert.equal(where(anna), '/vraagstukken/nieuw');
    assert.match(await text(anna.locator('.error-summary')), /Samenvatting/);
    assert.equal(await anna.getByLabel('Titel').inputValue(), 'Te weinig plekken voor jongeren in Overvecht');
    await assertAccessible(anna, 'the form for a new issue, with an error');
    await screenshot(anna, 'issue-new-error');
    await anna.getByLabel('Samenvatting').fill('Jongeren hangen rond bij de winkels omdat er geen plek voor hen is.');
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Opslaan' }));
    issuePath = /^(\/vraagstukken\/[0-9a-f-]{36})/.exec(where(anna))[1];
    assert.match(await text(anna.getByRole('status')), /Het vraagstuk is opgeslagen/);
    assert.equal(await text(anna.locator('h1')), 'Te weinig plekken voor jongeren in Overvecht');
    assert.equal(await text(anna.locator('.steps [aria-current="step"]')), 'Geformuleerd (nu)');
    await assertAccessible(anna, 'the issue page');

    // the move: first without a reason
    await anna.getByRole('radio', { name: 'Op de agenda' }).check();
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Status veranderen' }));
    assert.match(await text(anna.locator('.error-summary')), /Reden/);
    assert.ok(await anna.getByRole('radio', { name: 'Op de agenda' }).isChecked());
    await assertAccessible(anna, 'the issue page with an error in the move');
    await anna.getByLabel('Reden').fill('Besproken in het wijkoverleg; de gemeente doet mee.');
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Status veranderen' }));
    assert.match(await text(anna.getByRole('status')), /De status is veranderd/);
    assert.equal(await text(anna.locator('.steps [aria-current="step"]')), 'Op de agenda (nu)');
    const last = anna.locator('.timeline li').last();
    assert.match(await text(last), /Van Geformuleerd naar Op de agenda door Anna de Boer/);
    assert.match(await text(last), /Besproken in het wijkoverleg; de gemeente doet mee\./);
    // only the moves allowed now are offered
    const offered = await anna.locator('input[name="status"]').evaluateAll((els) => els.map((e) => e.value));
    assert.deepEqual(offered, ['formulated', 'in_progress', 'archived']);
    await assertAccessible(anna, 'the issue page after a move');
    await screenshot(anna, 'issue');

    // anyone can read it, without the forms
    await anon.goto(srv.url + issuePath);
    assert.equal(await anon.getByRole('button', { name: 'Status veranderen' }).count(), 0);
    await assertAccessible(anon, 'the issue page, logged out');
  });

  test('in English, and on a small screen', async () => {
    const en = await newPage(browser, { locale: 'en-GB', viewport: { width: 360, height: 740 } });
    await en.goto(`${srv.url}/vraagstukken?lang=en`);
    assert.equal(await text(en.locator('h1')), 'Social issues');
    await assertAccessible(en, 'issues in English, small screen');
    await en.goto(srv.url + issuePath);
    assert.equal(await text(en.locator('.steps [aria-current="step"]')), 'On the agenda (now)');
    assert.match(await text(en.locator('.timeline')), /From Formulated to On the agenda by Anna de Boer/);
    await assertAccessible(en, 'an issue in English, small screen');
    await en.context().close();
  });

  test('Anna edits it; the edit form with an error is accessible too', async () => {
    await anna.goto(srv.url + issuePath);
    await clickAndLoad(anna, anna.getByRole('link', { name: 'Bewerken' }));
    assert.equal(where(anna), `${issuePath}/bewerken`);
    await assertAccessible(anna, 'the edit form');
    await anna.getByLabel('Titel').fill('');
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Opslaan' }));
    assert.match(await text(anna.locator('.error-summary')), /Titel/);
    await assertAccessible(anna, 'the edit form with an error');
    await anna.getByLabel('Titel').fill('Een eigen plek voor jongeren in Overvecht');
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Opslaan' }));
    assert.equal(await text(anna.locator('h1')), 'Een eigen plek voor jongeren in Overvecht');
    // her party's page lists it
    await clickAndLoad(anna, anna.locator('main').getByRole('link', { name: partyName }));
    assert.match(await text(anna.locator('main')), /Vraagstukken van deze partij Een eigen plek voor jongeren in Overvecht/);
    await assertAccessible(anna, 'the party page with its issues');
  });
});
