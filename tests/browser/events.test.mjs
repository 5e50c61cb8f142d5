// Events as people use them: Anna finds the full demo session on
// /bijeenkomsten, joins its waiting list, sees her place, and moves up when a
// registered neighbour cancels; the organizer's coordinator sees the list
// and marks attendance. axe-core checks the list, an event page (as a
// visitor, as Anna, as the organizer) and the form.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem } from '../lib/kiem.mjs';
import { ANNA, launch, newPage, where, login, clickAndLoad, assertAccessible } from './browser.mjs';

const CORA = { email: 'cora@example.nl', name: 'Cora Coördinator', password: 'cora-wachtwoord-012', coordinator: 'WK034403' };
const FULL = 'Proefsessie: buurtkamer inrichten'; // a demo event, full (cli/demo_events.c)

describe('registering for an event', () => {
  let srv;
  let browser;
  let anna;
  let cora;
  let eventPath;

  before(async () => {
    srv = await startKiem({ users: [ANNA, CORA] });
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

  test('the list shows upcoming and past events apart; axe finds nothing', async () => {
    const page = await newPage(browser);
    await page.goto(`${srv.url}/bijeenkomsten`);
    await page.getByRole('heading', { level: 2, name: 'Komende bijeenkomsten' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Bijeenkomsten die geweest zijn' }).waitFor();
    await page.getByRole('link', { name: 'Koffie-uurtje ontwerpen met ouderen uit de flat' }).waitFor();
    await assertAccessible(page, 'the list of events');
    await clickAndLoad(page, page.getByRole('link', { name: FULL }));
    eventPath = where(page);
    assert.match(eventPath, /^\/bijeenkomsten\/[0-9a-f-]{36}$/);
    await page.getByRole('link', { name: 'Log in om je aan te melden.' }).waitFor();
    await assertAccessible(page, 'an event, anonymous');
    await page.context().close();
  });

  test('Anna joins the waiting list of the full session and moves up when the organizer makes room', async () => {
    await anna.goto(srv.url + eventPath);
    await anna.getByText('Vol: wie zich nu aanmeldt, komt op de wachtlijst.').first().waitFor();
    await clickAndLoad(anna, anna.getByRole('button', { name: 'Zet je op de wachtlijst' }));
    assert.equal(where(anna), `${eventPath}?aanmelding=wachtlijst`);
    await anna.getByRole('status').getByText('Het is vol: je staat op de wachtlijst.').waitFor();
    await anna.getByText('Je staat op de wachtlijst, op plaats 2.', { exact: false }).waitFor();
    await assertAccessible(anna, 'an event, on its waiting list');

    // the organizer's coordinator sees the list, and makes room for two more
    await cora.goto(srv.url + eventPath);
    const list = cora.locator('section', { has: cora.getByRole('heading', { name: 'Wie komen er' }) });
    await list.getByRole('cell', { name: 'Anna de Boer' }).waitFor();
    await assertAccessible(cora, 'an event with its registrations, as the organizer');
    await clickAndLoad(cora, cora.getByRole('link', { name: 'Bewerken' }));
    await cora.getByLabel('Aantal plaatsen').fill('5');
    await clickAndLoad(cora, cora.getByRole('button', { name: 'Bewaar de bijeenkomst' }));
    await anna.reload();
    await anna.getByText('Je bent aangemeld. Tot dan!').waitFor();
    await anna.getByRole('button', { name: 'Meld je af' }).waitFor();
  });

  test('the organizer marks attendance, and a new event is made through the form', async () => {
    await cora.goto(srv.url + eventPath);
    const button = cora.getByRole('button', { name: /Fatima El Amrani was erbij/ });
    await clickAndLoad(cora, button);
    await cora.getByRole('status').getByText('De aanwezigheid is bijgewerkt.').waitFor();
    await cora.getByRole('button', { name: /Fatima El Amrani was er niet/ }).waitFor();

    await cora.goto(`${srv.url}/bijeenkomsten/nieuw`);
    await assertAccessible(cora, 'the form of a new event');
    await cora.getByLabel('Titel').fill('Buurtdiner met de flat');
    await cora.getByLabel('Begin').fill('2030-06-15T18:00');
    await cora.getByLabel('Einde').fill('2030-06-15T20:00');
    await cora.getByLabel('Plaats', { exact: true }).fill('Buurthuis De Boog');
    await cora.getByLabel('Organisator').fill((await (await fetch(`${srv.url}/api/v1/parties?q=Buurtteam%20Overvecht`)).json()).items[0].id);
    await clickAndLoad(cora, cora.getByRole('button', { name: 'Bewaar de bijeenkomst' }));
    await cora.getByRole('heading', { level: 1, name: 'Buurtdiner met de flat' }).waitFor();
    await cora.getByText('15 juni 2030 om 18:00', { exact: false }).waitFor();
    await clickAndLoad(cora, cora.getByRole('button', { name: 'Meld je aan' }));
    await cora.getByText('Je bent aangemeld. Tot dan!').waitFor();
  });
});
