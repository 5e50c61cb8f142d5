// Times for people are in the instance's zone (KIEM_TIMEZONE, by default
// Europe/Amsterdam, from the system's tzdata); the API keeps UTC. An issue's
// timeline on its page shows the local time of the same instant the API
// gives in UTC; an instance in UTC says so; a zone that does not exist stops
// serve at start. (Daylight saving time on both sides of each change is the
// unit test's, tests/unit/test_base.c: test_time_local.)
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { KIEM, startKiem } from '../lib/kiem.mjs';
import { call, assertOk } from './helpers.mjs';

const MONTHS = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

// How a person in zone reads the instant iso: {date: "7 december 2026", clock: "15:37"}.
function local(iso, zone, lang) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return { date: `${Number(parts.day)} ${MONTHS[lang][Number(parts.month) - 1]} ${parts.year}`, clock: `${parts.hour}:${parts.minute}` };
}

// A demo issue, its first status change from the API, and the text of the
// <time> on its page for that instant.
async function timelineOf(k, lang) {
  const issue = assertOk(await call(k.url, '/api/v1/issues?limit=1')).items[0];
  const changes = assertOk(await call(k.url, `/api/v1/issues/${issue.id}/status-changes`)).items;
  assert.ok(changes.length > 0, 'the demo issue has a timeline');
  const at = changes[0].at;
  assert.match(at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, 'the API gives the time in UTC');
  const page = await fetch(`${k.url}/vraagstukken/${issue.id}?lang=${lang}`);
  assert.equal(page.status, 200);
  const html = await page.text();
  const m = new RegExp(`<time datetime="${at}">([^<]*)</time>`).exec(html);
  assert.ok(m, `the page has the API's instant ${at} in its timeline`);
  return { at, text: m[1], html };
}

describe('times on pages in the instance zone', () => {
  const servers = [];
  after(async () => { for (const k of servers) await k.stop(); });

  test('by default Europe/Amsterdam: the page shows the local time, the API the same instant in UTC', async () => {
    const k = await startKiem({ env: { KIEM_TIMEZONE: '' } }); // empty: the default
    servers.push(k);
    for (const [lang, word] of [['nl', 'om'], ['en', 'at']]) {
      const { at, text } = await timelineOf(k, lang);
      const want = local(at, 'Europe/Amsterdam', lang);
      assert.equal(text, `${want.date} ${word} ${want.clock}`, `${at} in Amsterdam (${lang})`);
      assert.doesNotMatch(text, /UTC/);
    }
  });

  test('another zone: America/New_York', async () => {
    const k = await startKiem({ env: { KIEM_TIMEZONE: 'America/New_York' } });
    servers.push(k);
    const { at, text } = await timelineOf(k, 'en');
    const want = local(at, 'America/New_York', 'en');
    assert.equal(text, `${want.date} at ${want.clock}`);
  });

  test('KIEM_TIMEZONE=UTC: the page says UTC', async () => {
    const k = await startKiem({ env: { KIEM_TIMEZONE: 'UTC' } });
    servers.push(k);
    const { at, text } = await timelineOf(k, 'nl');
    const want = local(at, 'UTC', 'nl');
    assert.equal(text, `${want.date} om ${want.clock} (UTC)`);
  });

  test('a zone that does not exist stops serve at start, naming the variable', () => {
    for (const zone of ['Europe/Atlantis', '../../etc/passwd', 'CEST']) {
      const r = spawnSync(KIEM, ['serve', '--db', '/nonexistent/kiem.db', '--listen', '127.0.0.1:0'],
        { encoding: 'utf8', env: { ...process.env, KIEM_TIMEZONE: zone }, timeout: 10000 });
      assert.equal(r.status, 2, `KIEM_TIMEZONE=${zone}: exit 2 (${r.stderr})`);
      const lines = r.stderr.trim().split('\n');
      assert.equal(lines.length, 1, `one line: ${r.stderr}`);
      assert.match(lines[0], /KIEM_TIMEZONE/);
      assert.ok(lines[0].includes(zone), 'the line quotes the value');
    }
  });
});
