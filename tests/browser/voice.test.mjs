// The voice of residents as people use it: Anna finds a demo issue,
// supports it, comments, and a neighbour replies; a coordinator of the area
// hides a comment with a reason; Anna reads her notifications on
// /account/meldingen and chooses the daily email. axe-core checks the issue
// page with comments and a hidden comment, the forms and /account/meldingen.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem } from '../lib/kiem.mjs';
import { ANNA, launch, newPage, where, login, clickAndLoad, assertAccessible, screenshot } from './browser.mjs';

const BOB = { email: 'bob@example.nl', name: 'Bob Buurman', password: 'bob-wachtwoord-789' };
const CORA = { email: 'cora@example.nl', name: 'Cora Coördinator', password: 'cora-wachtwoord-012', coordinator: 'WK034403' };
const TITLE = 'Eenzaamheid onder ouderen in Overvecht'; // a demo issue (cli/demo_issues.c)

describe('support, comments and notifications', () => {
  let srv;
  let browser;
  let anna;
  let bob;
  let cora;
  let issuePath;

  before(async () => {
    srv = await startKiem({ users: [ANNA, BOB, CORA] });
    browser = await launch();
    anna = await newPage(browser);
    bob = await newPage(browser);
    cora = await newPage(browser);
    await login(anna, srv.url, ANNA);
    await login(bob, srv.url, BOB);
    await login(cora, srv.url, CORA);
  });

  after(async () => {
    await browser?.close();
    await srv?.stop();
  });

  test('the demo issue shows its supporters, comments, a reply and a hidden comment; anonymous visitors are asked to log in', async () => {
    const page = await newPage(browser);
    await page.goto(`${srv.url}/vraagstukken`);
    await clickAndLoad(page, page.getByRole('link', { name: TITLE }));
    issuePath = where(page);
    assert.match(issuePath, /^\/vraagstukken\/[0-9a-f-]{36}$/);
    const section = page.locator('section#stem');
    await section.getByText('Steunbetuigingen: 4').waitFor();
    await section.getByText('Verborgen door een moderator: Reclame: gaat niet over het vraagstuk').waitFor();
    assert.equal(await section.getByText('zonnepanelen').count(), 0, 'the hidden text is not shown');
    await section.getByText('ik wil wel helpen met de sleutel', { exact: false }).waitFor();
    await section.getByRole('link', { name: /Log in om dit vraagstuk te steunen/ }).waitFor();
    await assertAccessible(page, 'the issue page with comments, anonymous');
    await page.context().close();
  });

  test('Anna supports the issue and comments; Bob replies', async () => {
    await anna.goto(srv.url + issuePath);
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Steun dit vraagstuk' }));
    assert.equal(where(anna), `${issuePath}?stem=gesteund`);
    await anna.getByRole('status').getByText('je steunt dit vraagstuk nu').waitFor();
    await anna.getByText('Steunbetuigingen: 5').waitFor();
    await anna.getByRole('button', { name: 'Trek je steun in' }).waitFor();
    await assertAccessible(anna, 'the issue page after supporting');

    // an empty comment: the message beside the field
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Plaats je reactie' }));
    await anna.locator('.error-summary').waitFor();
    await assertAccessible(anna, 'the comment form with an error');
    await anna.getByLabel('Je reactie').fill('Ik kan op **woensdag** koffie schenken in de buurtkamer.');
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Plaats je reactie' }));
    assert.match(where(anna), /\?stem=geplaatst$/);
    await anna.locator('strong', { hasText: 'woensdag' }).waitFor();
    await anna.getByRole('link', { name: 'Bewerk je reactie' }).waitFor();

    await bob.goto(srv.url + issuePath);
    const thread = bob.locator('.thread', { hasText: 'koffie schenken' });
    await thread.locator('summary').click();
    await thread.getByLabel('Je antwoord').fill('Dan kom ik helpen, Anna!');
    await clickAndLoad(bob, thread.getByRole('button', { name: 'Plaats je antwoord' }));
    await bob.locator('.replies', { hasText: 'Dan kom ik helpen' }).waitFor();
    await assertAccessible(bob, 'the issue page with a reply');
    await screenshot(bob, 'voice-issue');
  });

  test('the coordinator of the area hides a comment with a reason', async () => {
    await bob.goto(srv.url + issuePath);
    await bob.getByLabel('Je reactie').fill('Koop hier je loten!');
    await clickAndLoad(bob, bob.getByRole('button', { name: 'Plaats je reactie' }));
    await cora.goto(srv.url + issuePath);
    const c = cora.locator('article.comment', { hasText: 'Koop hier je loten' });
    await clickAndLoad(cora, c.getByRole('link', { name: 'Verberg deze reactie' }));
    await assertAccessible(cora, 'the moderation form');
    await cora.getByLabel('Reden').fill('Reclame');
    await clickAndLoad(cora, cora.getByRole('button', { name: 'Verberg de reactie' }));
    await cora.getByText('Verborgen door een moderator: Reclame', { exact: true }).waitFor();
    assert.equal(await cora.getByText('Koop hier je loten').count(), 0);
    await bob.goto(srv.url + issuePath);
    await bob.getByText('Alleen jij ziet nog wat je schreef:').waitFor();
    await assertAccessible(bob, 'the issue page with a hidden comment, by its author');
  });

  test('Anna reads her notifications, marks them read and chooses the daily email', async () => {
    await anna.goto(`${srv.url}/account`);
    await clickAndLoad(anna, anna.getByRole('link', { name: /^Meldingen \(\d+ nieuw\)$/ }));
    assert.equal(where(anna), '/account/meldingen');
    await anna.getByRole('link', { name: `Bob Buurman heeft gereageerd op '${TITLE}'` }).first().waitFor();
    await assertAccessible(anna, '/account/meldingen');
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Markeer alles als gelezen' }));
    await anna.getByRole('status').getByText('Je meldingen zijn gelezen.').waitFor();
    await anna.getByRole('radio', { name: /Ja, stuur me elke dag/ }).check();
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Keuze opslaan' }));
    assert.equal(where(anna), '/account/meldingen?opgeslagen=1');
    assert.ok(await anna.getByRole('radio', { name: /Ja, stuur me elke dag/ }).isChecked());
    await assertAccessible(anna, '/account/meldingen after saving');
    await screenshot(anna, 'voice-notifications');
  });
});
