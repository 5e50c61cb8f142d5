// The home page (/) tells residents about the ecosystem, not about kiem's
// inner workings: while its figures are being recounted (on a large
// directory, after a change) it shows them as they are, without a note on
// the recount or a time in UTC.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem, sql } from '../lib/kiem.mjs';
import { USERS, ADMIN, call, assertOk, partyBody } from './helpers.mjs';

let k;
after(async () => { await k?.stop(); });

// Adds n public parties in Overvecht straight into the database, so that
// counting them takes longer than a page may wait.
function addParties(db, n) {
  const areas = "INSERT INTO party_areas SELECT id, 'WK034403' FROM parties WHERE id LIKE '01900000-%';";
  sql(db, `WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < ${n})
    INSERT INTO parties (id, name, sort_name, kind, description, visibility, created_at, updated_at)
    SELECT printf('01900000-%04x-7000-8000-%012x', i / 65536, i), 'Buurtpartij ' || i, 'buurtpartij ' || i,
      'business', '', 'public', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM s; ${areas}`,
  `INSERT INTO parties (id, name, sort_name, kind, description, visibility, created_at, updated_at)
    SELECT format('01900000-%s-7000-8000-%s', lpad(to_hex(i / 65536), 4, '0'), lpad(to_hex(i), 12, '0')),
      'Buurtpartij ' || i, 'buurtpartij ' || i, 'business', '', 'public', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'
    FROM generate_series(1, ${n}) AS i; ${areas}`);
}

test('the home page while its figures are recounted: no note on the recount, no UTC', async () => {
  k = await startKiem({ users: USERS });
  addParties(k.db, 60000);
  let seen = false;
  for (let i = 0; i < 5; i++) {
    // a change: the figures are recounted, and the last count was slow
    assertOk(await call(k.url, '/api/v1/parties', { method: 'POST', token: k.tokens[ADMIN], body: partyBody({ name: `Nieuw ${i}` }) }), 201);
    for (const lang of ['nl', 'en']) {
      const res = await fetch(`${k.url}/?lang=${lang}`);
      assert.equal(res.status, 200);
      const html = await res.text();
      const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
      assert.doesNotMatch(main, /geteld|being counted|UTC|De cijfers zijn van|These figures are from/,
        `the home page (${lang}) tells how kiem counts:\n${main.slice(0, 2000)}`);
      assert.match(main, /Buurtpartij|partijen|parties/);
      seen = true;
    }
  }
  assert.ok(seen);
});
