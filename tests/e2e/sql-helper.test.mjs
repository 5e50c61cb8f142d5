// The tests' sql() and sqlRows() (tests/lib/kiem.mjs) answer alike on
// SQLite and on PostgreSQL: the tests that look into the database assert
// one output on both backends.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem, sql, sqlRows, databaseBytes, ENGINE } from '../lib/kiem.mjs';

let k;
before(async () => { k = await startKiem({ demo: false }); });
after(async () => { await k?.stop(); });

const Q = "SELECT 42 AS n, NULL AS none, 1 = 1 AS yes, 1 = 2 AS no, 'a|b' AS bar, '' AS empty, -7 AS minus";

test(`sql(): one row a line, columns between |, NULL empty, booleans 1 and 0 (${ENGINE})`, () => {
  assert.equal(sql(k.db, Q), '42||1|0|a|b||-7');
  assert.equal(sql(k.db, "SELECT 'x' UNION ALL SELECT 'y' ORDER BY 1"), 'x\ny');
  assert.equal(sql(k.db, "SELECT count(*) FROM users WHERE email = 'niemand@example.nl'"), '0');
  assert.equal(sql(k.db, 'SELECT 1 WHERE 1 = 2'), '');
});

test('sqlRows(): objects by column name, as sqlite3 -json gives them', () => {
  assert.deepEqual(sqlRows(k.db, Q), [{ n: 42, none: null, yes: 1, no: 0, bar: 'a|b', empty: '', minus: -7 }]);
  assert.deepEqual(sqlRows(k.db, "SELECT 'een\ntwee' AS t"), [{ t: 'een\ntwee' }]);
});

test('statements change the database; a wrong one throws', () => {
  sql(k.db, "INSERT INTO settings (key, value) VALUES ('test.helper', 'ja')");
  assert.equal(sql(k.db, "SELECT value FROM settings WHERE key = 'test.helper'"), 'ja');
  sql(k.db, "UPDATE settings SET value = 'nee' WHERE key = 'test.helper'; DELETE FROM settings WHERE key = 'test.helper'");
  assert.equal(sql(k.db, "SELECT count(*) FROM settings WHERE key = 'test.helper'"), '0');
  assert.throws(() => sql(k.db, 'SELECT * FROM no_such_table'));
});

test('databaseBytes(): what was written is in the files', () => {
  sql(k.db, "INSERT INTO settings (key, value) VALUES ('test.bytes', 'Zwaluwstaartvlinder')");
  assert.ok(databaseBytes(k.db).includes('Zwaluwstaartvlinder'));
});
