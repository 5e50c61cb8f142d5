// The full-text indexes read their text from the rows they index (external
// content, issue 10): the migration that makes them so (step 10)
// finds, word for word, what the indexes of before found. Reads the SQLite
// file with sqlite3, so it runs on SQLite only (tests/unit/test_writecost.c
// checks the indexes against their rows after writes of every kind).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kiem, undoAfterStep10 } from '../lib/kiem.mjs';

function sql(db, q) {
  const r = spawnSync('sqlite3', ['-cmd', '.timeout 5000', db, q], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

const TOKENIZE = "tokenize = 'unicode61 remove_diacritics 2'";
// the three indexes: their table, and their columns as they were
const INDEXES = [
  { name: 'party_search', table: 'parties', cols: ['name', 'description', 'tags'] },
  { name: 'issue_search', table: 'issues', cols: ['title', 'summary', 'description'] },
  { name: 'signal_search', table: 'signals', cols: ['title', 'description', 'rule'] },
];

// every word of the demo's texts, and the rows each finds
function found(db) {
  const out = {};
  for (const ix of INDEXES) {
    const words = sql(db, `CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, ${ix.name}, row);`
      + ' SELECT term FROM temp.v ORDER BY term').split('\n');
    assert.ok(words.length > 20, `${ix.name} has words`);
    out[ix.name] = words.map((w) => `${w}: ` + sql(db,
      `SELECT group_concat(rowid) FROM (SELECT rowid FROM ${ix.name} WHERE ${ix.name} MATCH '"${w}"*' ORDER BY rowid)`));
  }
  return out;
}

// (on PostgreSQL, through the shim, tests/lib's convention: KIEM_PG_BASE)
const SKIP = process.env.KIEM_PG_BASE ? 'reads the SQLite file: SQLite only' : false;

test('the migration to external content finds what the indexes of before found', { skip: SKIP }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'kiem-fts-'));
  try {
    const db = join(dir, 'kiem.db');
    assert.equal(kiem(['init', '--db', db, '--demo']).status, 0);
    // back to the indexes of before: each with a copy of its text
    let undo = '';
    for (const ix of INDEXES) {
      const cols = ix.cols.join(', ');
      const tags = "coalesce((SELECT group_concat(tag || ' ', '') FROM (SELECT tag FROM party_tags t"
        + ' WHERE t.party_id = parties.id ORDER BY tag)), \'\')';
      const values = ix.table === 'parties' ? `seq, name, description, ${tags}`
        : ix.table === 'signals' ? "seq, title, description, coalesce(rule, '')" : `seq, ${cols}`;
      undo += ` DROP TABLE ${ix.name}; CREATE VIRTUAL TABLE ${ix.name} USING fts5(${cols}, ${TOKENIZE});`
        + ` INSERT INTO ${ix.name} (rowid, ${cols}) SELECT ${values} FROM ${ix.table};`;
    }
    sql(db, `${undoAfterStep10().sqlite} ${undo} ALTER TABLE parties DROP COLUMN tags; PRAGMA user_version = 9;`);
    assert.equal(sql(db, "SELECT count(*) FROM sqlite_master WHERE name = 'party_search_content'"), '1');
    const before = found(db);
    const init = kiem(['init', '--db', db]);
    assert.equal(init.status, 0, init.stderr);
    assert.equal(sql(db, "SELECT count(*) FROM sqlite_master WHERE name LIKE '%search_content'"), '0');
    assert.deepEqual(found(db), before);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
