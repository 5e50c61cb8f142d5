// The results of an initiative as people use them (issue 11, part E): a
// visitor reads the demo initiative's results section (milestones with
// progress bars that have a name and say their value in words, outcomes
// with their totals in euro, the lessons) and the lessons log filtered by a
// working element; a platform admin adds a milestone through its form,
// first without a title; a coordinator reads the initiatives that need
// attention in their area. axe-core checks every page in every state.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem } from '../lib/kiem.mjs';
import { BEHEER, launch, newPage, where, login, clickAndLoad, assertAccessible, screenshot } from './browser.mjs';

const COR = { email: 'cor@example.nl', name: 'Cor Coördinator', password: 'cor-wachtwoord-789', coordinator: 'GM0344' };
const TITLE = 'Maatjes voor mantelzorgers';

async function text(locator) {
  return (await locator.textContent()).replace(/\s+/g, ' ').trim();
}

describe('the results of an initiative', () => {
  let srv;
  let browser;
  let visitor;
  let beheer;
  let cor;
  let path;

  before(async () => {
    srv = await startKiem({ users: [BEHEER, COR] });
    const r = await fetch(`${srv.url}/api/v1/initiatives?q=${encodeURIComponent('Maatjes mantelzorgers')}`);
    const ini = (await r.json()).items.find((i) => i.title === TITLE);
    assert.ok(ini, 'the demo has the initiative');
    path = `/initiatieven/${ini.id}`;
    browser = await launch();
    visitor = await newPage(browser);
    beheer = await newPage(browser);
    cor = await newPage(browser);
    await login(beheer, srv.url, BEHEER);
    await login(cor, srv.url, COR);
  });

  after(async () => {
    await browser?.close();
    await srv?.stop();
  });

  test('a visitor reads the milestones, outcomes and lessons on the initiative\'s page', async () => {
    await visitor.goto(`${srv.url}${path}`);
    const section = visitor.locator('section#resultaten');
    assert.equal(await text(section.locator('h2')), 'Resultaten');
    assert.match(await text(section.locator('.flag-overdue')), /mijlpalen over tijd: 1/);
    const bar = section.getByRole('progressbar', { name: 'Voortgang van Afspraak met de thuiszorg over doorverwijzen' });
    assert.equal(await bar.getAttribute('value'), '60');
    assert.match(await text(section.locator('li.milestone.overdue')), /Over tijd.*60% klaar/);
    const row = await section.locator('table.outcomes tbody tr').first().evaluate((tr) => [...tr.children].map((c) => c.textContent.trim()));
    assert.equal(row[0], 'Mantelzorgers met een vrije middag per week');
    assert.equal(row[4], '€ 2.400');
    assert.equal(row[5], '€ 2.700');
    assert.deepEqual(await section.locator('table.outcomes tfoot td.num').allTextContents(), ['€ 2.400', '€ 2.700']);
    assert.match(await text(section.locator('ul.lessons')), /Een vast maatje werkt beter dan een pool/);
    await assertAccessible(visitor, 'the initiative page with its results');
    await screenshot(visitor, 'results-section');

    await clickAndLoad(visitor, section.getByRole('link', { name: 'Lerende organisatie' }));
    assert.equal(where(visitor), `${path}/lessen?element=learning_organisation`);
    assert.equal(await text(visitor.locator('h2#lessons-list')), 'Over Lerende organisatie');
    assert.match(await text(visitor.locator('ul.lessons')), /vertrouwen kost tijd/);
    assert.doesNotMatch(await text(visitor.locator('ul.lessons')), /Werkgevers gaven/);
    await assertAccessible(visitor, 'the lessons log by working element');
  });

  test('the admin adds a milestone: the problem beside its field, then the milestone on the page', async () => {
    await beheer.goto(`${srv.url}${path}`);
    await clickAndLoad(beheer, beheer.locator('section#resultaten').getByRole('link', { name: 'Mijlpaal toevoegen' }));
    assert.equal(where(beheer), `${path}/mijlpalen`);
    await beheer.getByLabel('Klaar op').fill('2027-06-01');
    await beheer.getByLabel('Voortgang (procent)').fill('20');
    await clickAndLoad(beheer, beheer.getByRole('button', { name: 'Mijlpaal toevoegen' }));
    assert.match(await text(beheer.locator('.error-summary')), /Mijlpaal/);
    assert.equal(await beheer.getByLabel('Voortgang (procent)').inputValue(), '20', 'what she typed stays');
    await assertAccessible(beheer, 'the milestone form with a problem');

    await beheer.getByLabel('Mijlpaal', { exact: true }).fill('Evaluatie met de mantelzorgers');
    await clickAndLoad(beheer, beheer.getByRole('button', { name: 'Mijlpaal toevoegen' }));
    assert.equal(where(beheer), path);
    const bar = beheer.getByRole('progressbar', { name: 'Voortgang van Evaluatie met de mantelzorgers' });
    assert.equal(await bar.getAttribute('value'), '20');
    await assertAccessible(beheer, 'the initiative page with the tools of results');
  });

  test('on a phone (390 px): no sideways scrolling of the page; the outcomes scroll in their own labelled region, with a hint', async () => {
    const phone = await newPage(browser, { viewport: { width: 390, height: 844 } });
    await phone.goto(`${srv.url}${path}`);
    const widths = await phone.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(widths[0] <= widths[1] + 1, `the page is ${widths[0]} px wide on a ${widths[1]} px screen`);
    const region = phone.getByRole('region', { name: 'Wat er gemeten is, per indicator' });
    assert.equal(await region.getAttribute('tabindex'), '0');
    assert.ok(await region.evaluate((el) => el.scrollWidth > el.clientWidth + 1), 'six columns need more than a phone has');
    assert.ok(await phone.locator('section#resultaten .scroll-hint').isVisible(), 'the hint that it scrolls');
    await assertAccessible(phone, 'the results on a phone');
    await screenshot(phone, 'results-phone');
    await phone.context().close();
  });

  test('a coordinator reads the initiatives in their area that need attention', async () => {
    await cor.goto(`${srv.url}${path}`);
    await clickAndLoad(cor, cor.locator('section#resultaten').getByRole('link', { name: 'Initiatieven die aandacht vragen' }));
    assert.equal(where(cor), '/initiatieven/aandacht');
    assert.equal(await text(cor.locator('h1')), 'Initiatieven die aandacht vragen');
    const rows = await cor.locator('table.flagged tbody tr th').allTextContents();
    assert.ok(rows.includes('Taalcafé op de werkvloer'), `stalled: ${rows}`);
    assert.ok(rows.includes(TITLE), `overdue: ${rows}`);
    assert.match(await text(cor.locator('table.flagged')), /Vastgelopen: 25\d dagen in deze fase/);
    await assertAccessible(cor, 'the list of initiatives that need attention');
    await cor.getByRole('radio', { name: 'Vastgelopen' }).check();
    await clickAndLoad(cor, cor.getByRole('button', { name: 'Filteren' }));
    assert.equal(where(cor), '/initiatieven/aandacht?reden=stalled');
    assert.deepEqual(await cor.locator('table.flagged tbody tr th').allTextContents(), ['Taalcafé op de werkvloer']);
    await assertAccessible(cor, 'the list filtered');
    await screenshot(cor, 'results-attention');
  });
});
