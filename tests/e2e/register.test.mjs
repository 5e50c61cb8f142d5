// The processing register at /api/v1/processing-activities and the page
// /privacy, which shows the same register: public, in Dutch and English, and
// every entry of the one on the other.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem } from '../lib/kiem.mjs';
import { USERS, ALICE, call, assertOk, assertProblem, assertInvalid } from './helpers.mjs';

const PATH = '/api/v1/processing-activities';
const BASES = ['contract', 'legitimate_interests', 'public_task'];
// What the register must cover: the tables and the memory that hold data about people.
const MUST = ['accounts', 'sessions', 'api_tokens', 'memberships', 'parties', 'activity', 'login_attempts', 'mail', 'cookies', 'email_links', 'issues',
  'signals', // issue 4, signals part
  'supports', 'comments', 'follows_notifications', // issue 4, the voice of residents
];

let k;
before(async () => { k = await startKiem({ demo: false, users: USERS }); });
after(async () => { await k?.stop(); });

// The text of a page as a person reads it: no tags, entities decoded.
function text(html) {
  return html.replace(/<[^>]*>/g, ' ')
    .replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}

async function register() {
  return assertOk(await call(k.url, PATH)).items;
}

describe('the API', () => {
  test('answers without a token, with every field in English and in Dutch', async () => {
    const b = assertOk(await call(k.url, PATH));
    assert.deepEqual(Object.keys(b).sort(), ['_links', 'items']);
    assert.equal(b._links.self.href, PATH);
    assert.equal(b._links.next, undefined, 'the whole register is on one page');
    const ids = b.items.map((i) => i.id);
    for (const id of MUST) assert.ok(ids.includes(id), `the register has "${id}"`);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
    for (const i of b.items) {
      for (const f of ['id', 'name', 'nameNl', 'purpose', 'purposeNl', 'retention', 'retentionNl'])
        assert.ok(typeof i[f] === 'string' && i[f].length > 0, `${i.id}.${f} is a text`);
      assert.ok(BASES.includes(i.legalBasis), `${i.id}.legalBasis is one of ${BASES}`);
      for (const f of ['categoriesOfData', 'dataSubjects', 'recipients']) {
        assert.ok(Array.isArray(i[f]) && i[f].length > 0, `${i.id}.${f} lists something`);
        assert.ok(Array.isArray(i[`${f}Nl`]), `${i.id}.${f}Nl is a list`);
        assert.equal(i[`${f}Nl`].length, i[f].length, `${i.id}.${f} has as many entries in Dutch as in English`);
        for (const s of [...i[f], ...i[`${f}Nl`]]) assert.ok(typeof s === 'string' && s.length > 0);
      }
    }
  });

  test('says what the code does: the session and throttle times, the cookies, the erasure of unused accounts', async () => {
    const items = await register();
    const by = Object.fromEntries(items.map((i) => [i.id, i]));
    assert.match(by.sessions.retention, /8 hours/);
    assert.match(by.sessions.retention, /7 days/);
    assert.match(by.sessions.retentionNl, /8 uur/);
    assert.match(by.login_attempts.retention, /15 minutes/);
    assert.match(by.login_attempts.retention, /90 days/);
    assert.match(by.login_attempts.retentionNl, /nooit die adressen zelf/);
    assert.match(by.login_attempts.retention, /never those addresses themselves/);
    // the outbox: bodies cleared when sent, rows gone 30 days later, all gone at erasure
    assert.match(by.mail.retention, /erased as soon as the mail is sent/);
    assert.match(by.mail.retention, /30 days/);
    assert.match(by.mail.retentionNl, /30 dagen/);
    assert.match(by.mail.retention, /8 attempts/);
    for (const c of ['kiem_session', 'kiem_csrf', 'kiem_lang'])
      assert.ok(by.cookies.categoriesOfData.some((s) => s.startsWith(c)), `the cookie ${c} is named`);
    assert.match(by.accounts.retention, /365 days/);
    assert.match(by.accounts.retention, /within 30 days/);
    assert.match(by.accounts.retentionNl, /365 dagen/);
    assert.match(by.accounts.retentionNl, /binnen 7 dagen/);
    assert.doesNotMatch(by.accounts.retentionNl, /[Bb]innenkort/);
    assert.ok(by.activity.categoriesOfData.some((s) => /never what was in them/.test(s)));
    // issue 4, factors and the role ledger: contributions stay without the name
    assert.match(by.issue_factors_roles.retention, /stay, without your name/);
    assert.match(by.issue_factors_roles.retentionNl, /zonder je naam/);
  });

  test('a token changes nothing; a token that is not valid is 401, as everywhere', async () => {
    const anon = await register();
    const b = assertOk(await call(k.url, PATH, { token: k.tokens[ALICE] }));
    assert.deepEqual(b.items, anon);
    assertProblem(await call(k.url, PATH, { token: 'not-a-token' }), 401);
  });

  test('other methods are 405 with Allow', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const res = await call(k.url, PATH, { method, token: k.tokens[ALICE], body: {} });
      assertProblem(res, 405);
      assert.match(res.headers.get('allow') ?? '', /GET/, `${method} answers Allow: GET`);
    }
  });

  test('query parameters are a 400 with invalidParams; a trailing slash is 404', async () => {
    assertInvalid(await call(k.url, `${PATH}?limit=5`), ['limit']);
    assertInvalid(await call(k.url, `${PATH}?cursor=abc&lang=nl`), ['cursor', 'lang']);
    assertProblem(await call(k.url, `${PATH}?q=%FF`), 400);
    assertProblem(await call(k.url, `${PATH}/`), 404);
  });
});

describe('the page', () => {
  test('/privacy lists every entry of the register by its Dutch name, in Dutch', async () => {
    const items = await register();
    const res = await fetch(`${k.url}/privacy?lang=nl`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^text\/html/);
    const html = await res.text();
    assert.match(html, /<html lang="nl">/);
    const t = text(html);
    for (const i of items) {
      assert.ok(t.includes(i.nameNl), `the page names "${i.nameNl}"`);
      assert.ok(t.includes(i.purposeNl), `the page gives the purpose of "${i.id}"`);
      assert.ok(t.includes(i.retentionNl), `the page gives the retention of "${i.id}"`);
      for (const x of [...i.categoriesOfDataNl, ...i.dataSubjectsNl, ...i.recipientsNl])
        assert.ok(t.includes(x), `the page says "${x}" for "${i.id}"`);
    }
    assert.equal((html.match(/<tr class="/g) ?? []).length, 2 * items.length, 'one row per entry in each of the two tables');
    assert.equal((html.match(/<caption[^>]*>/g) ?? []).length, 2, 'both tables have a caption');
    assert.match(html, /<th scope="row">/);
    for (const w of ['Doel', 'Grondslag', 'Bewaartermijn', 'Over wie', 'Wie ziet het', 'Inzage', 'Correctie', 'Verwijdering', 'Bezwaar'])
      assert.ok(t.includes(w), `the page says "${w}"`);
    assert.match(html, /href="\/account"/);
    assert.match(html, /href="\/api\/v1\/processing-activities"/);
  });

  test('/privacy?lang=en lists every entry by its English name', async () => {
    const items = await register();
    const res = await fetch(`${k.url}/privacy?lang=en`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<html lang="en">/);
    const t = text(html);
    for (const i of items) {
      assert.ok(t.includes(i.name), `the page names "${i.name}"`);
      assert.ok(t.includes(i.retention), `the page gives the retention of "${i.id}"`);
      for (const r of i.recipients) assert.ok(t.includes(r), `the page says "${r}" sees "${i.id}"`);
    }
    for (const w of ['Purpose', 'Legal basis', 'Retention'])
      assert.ok(t.includes(w), `the page says "${w}"`);
  });

  test('every page links to /privacy in its footer', async () => {
    for (const p of ['/', '/partijen', '/inloggen', '/privacy']) {
      const html = await (await fetch(`${k.url}${p}`)).text();
      assert.match(html, /<footer[\s\S]*<a href="\/privacy">Privacy<\/a>[\s\S]*<\/footer>/, `${p} links to /privacy`);
    }
  });

  test('without KIEM_PRIVACY_CONTACT the page says no contact has been filled in', async () => {
    const t = text(await (await fetch(`${k.url}/privacy?lang=nl`)).text());
    assert.match(t, /nog geen contactgegevens/);
  });
});

test('KIEM_PRIVACY_CONTACT is shown on the page, escaped', async () => {
  const contact = 'Gemeente Voorbeeld <privacy@voorbeeld.nl> & 14 030';
  const s = await startKiem({ demo: false, env: { KIEM_PRIVACY_CONTACT: contact } });
  try {
    const html = await (await fetch(`${s.url}/privacy`)).text();
    assert.ok(html.includes('Gemeente Voorbeeld &lt;privacy@voorbeeld.nl&gt; &amp; 14 030'), 'the contact shows, escaped');
    assert.ok(!html.includes('nog geen contactgegevens'));
  } finally {
    await s.stop();
  }
});
