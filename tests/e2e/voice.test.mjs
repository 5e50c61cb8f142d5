// The voice of residents through the API and the pages: support (one per
// person, withdrawable), comments with replies, the 15-minute edit window,
// moderation by a coordinator of the issue's area, follows, notifications
// (on a comment and on a status move), marking read, and the daily digest
// mail (`kiem notifications digest`).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem, kiem, sql as query, timeAgo } from '../lib/kiem.mjs';
import { call, assertOk, assertProblem, assertInvalid, partyBody, listAll, Browser as FormBrowser } from './helpers.mjs';

const AREA = 'WK034403';
const PW = 'een-lang-wachtwoord-123';
const P = {
  owner: { email: 'olaf@voice.example', name: 'Olaf Opsteller', password: PW },
  rita: { email: 'rita@voice.example', name: 'Rita Bewoner', password: PW },
  sam: { email: 'sam@voice.example', name: 'Sam Buurman', password: PW },
  cor: { email: 'cor@voice.example', name: 'Cor Wijk', password: PW, coordinator: AREA },
  cas: { email: 'cas@voice.example', name: 'Cas Elders', password: PW, coordinator: 'WK034408' },
  ada: { email: 'ada@voice.example', name: 'Ada Beheer', password: PW, admin: true },
};

let k;
const T = {};
const api = (who, path, opts = {}) => call(k.url, path, { ...opts, token: who ? T[who] : undefined });
const sql = (q) => query(k.db, q);

let partyId;
async function newIssue(title = `Eenzaamheid ${Math.random().toString(36).slice(2, 8)}`) {
  const r = await api('owner', '/api/v1/issues', {
    method: 'POST',
    body: { title, summary: 'Ouderen voelen zich alleen.', description: 'Meer ontmoeting in de wijk.', area: AREA, ownerParty: partyId, targetGroups: [] },
  });
  return assertOk(r, 201);
}

before(async () => {
  k = await startKiem({ users: Object.values(P) });
  for (const [who, p] of Object.entries(P)) T[who] = k.tokens[p.email];
  const r = await api('owner', '/api/v1/parties', { method: 'POST', body: partyBody({ name: 'Buurtkracht', areas: [AREA] }) });
  partyId = assertOk(r, 201).id;
});
after(async () => { await k?.stop(); });

describe('supports', () => {
  test('support, double support (409, counted once), withdraw, and the counts', async () => {
    const is = await newIssue();
    const base = `/api/v1/issues/${is.id}/supports`;
    let s = assertOk(await api(null, base));
    assert.deepEqual([s.count, s.supportedByMe], [0, false]);
    assertProblem(await api(null, base, { method: 'POST', body: {} }), 401);

    s = assertOk(await api('rita', base, { method: 'POST', body: {} }), 201);
    assert.deepEqual([s.count, s.supportedByMe], [1, true]);
    const twice = assertProblem(await api('rita', base, { method: 'POST', body: {} }), 409);
    assert.match(twice.detail, /already/);
    s = assertOk(await api('sam', base, { method: 'POST', body: {} }), 201);
    assert.equal(s.count, 2);
    assert.equal(assertOk(await api('rita', base)).count, 2, 'the double support is not counted');
    assert.equal(assertOk(await api(null, `/api/v1/issues/${is.id}`)).supporters, 2);

    assert.equal((await api('rita', `${base}/me`, { method: 'DELETE' })).status, 204);
    assertProblem(await api('rita', `${base}/me`, { method: 'DELETE' }), 404);
    s = assertOk(await api('rita', base));
    assert.deepEqual([s.count, s.supportedByMe], [1, false]);
    assert.equal(assertOk(await api(null, `/api/v1/issues/${is.id}`)).supporters, 1);
    assert.equal(sql(`SELECT supporters FROM issues WHERE id = '${is.id}'`), '1');
    // and again after withdrawing
    assertOk(await api('rita', base, { method: 'POST', body: {} }), 201);
    assert.equal(assertOk(await api(null, base)).count, 2);

    assertProblem(await api('rita', '/api/v1/issues/00000000-0000-7000-8000-000000000000/supports', { method: 'POST', body: {} }), 404);
    assertInvalid(await api('rita', base, { method: 'POST', body: { count: 5 } }), ['count']);
    // supporting follows
    assertOk(await api('sam', `/api/v1/issues/${is.id}/follows/me`));
  });
});

describe('comments', () => {
  let is;
  before(async () => { is = await newIssue(); });

  test('a comment, a reply, a reply to a reply joins the thread, and the list', async () => {
    const base = `/api/v1/issues/${is.id}/comments`;
    assertProblem(await api(null, base, { method: 'POST', body: { body: 'hoi' } }), 401);
    const c = assertOk(await api('rita', base, { method: 'POST', body: { body: 'Goed dat dit **op tafel** ligt.' } }), 201);
    assert.equal(c.authorName, 'Rita Bewoner');
    assert.equal(c.parentId, null);
    assert.equal(c.editedAt, null);
    assert.equal(c.hidden, null);
    const reply = assertOk(await api('sam', base, { method: 'POST', body: { body: 'Mee eens.', parentId: c.id } }), 201);
    assert.equal(reply.parentId, c.id);
    const deeper = assertOk(await api('rita', base, { method: 'POST', body: { body: 'Dank je.', parentId: reply.id } }), 201);
    assert.equal(deeper.parentId, c.id, 'a reply to a reply attaches to the top comment');
    const second = assertOk(await api('sam', base, { method: 'POST', body: { body: 'Een tweede draad.' } }), 201);

    const list = assertOk(await api(null, base));
    assert.deepEqual(list.items.map((x) => x.id), [c.id, reply.id, deeper.id, second.id]);
    const page1 = assertOk(await api(null, `${base}?limit=1`));
    assert.deepEqual(page1.items.map((x) => x.id), [c.id, reply.id, deeper.id]);
    assert.ok(page1._links.next, 'a next page');
    const page2 = assertOk(await api(null, page1._links.next.href));
    assert.deepEqual(page2.items.map((x) => x.id), [second.id]);
    assert.equal(page2._links.next, undefined);
    const found = assertOk(await api(null, `${base}?q=tweede`));
    assert.deepEqual(found.items.map((x) => x.id), [second.id]);
    assertOk(await api(null, `${base}/${c.id}`));
  });

  test('every bad field is listed', async () => {
    const base = `/api/v1/issues/${is.id}/comments`;
    assertInvalid(await api('rita', base, { method: 'POST', body: {} }), ['body']);
    assertInvalid(await api('rita', base, { method: 'POST', body: { body: '' } }), ['body']);
    assertInvalid(await api('rita', base, { method: 'POST', body: { body: '  \n ' } }), ['body']); // only spaces is empty
    assertInvalid(await api('rita', base, { method: 'POST', body: { body: 'x'.repeat(5001) } }), ['body']);
    assertInvalid(await api('rita', base, { method: 'POST', body: { body: 5, parentId: 'nee', colour: 'red', id: 'x' } }),
      ['body', 'parentId', 'colour', 'id']);
    assertInvalid(await api('rita', base, { method: 'POST', body: { body: 'ok', parentId: '00000000-0000-7000-8000-000000000000' } }), ['parentId']);
    assertInvalid(await api(null, `${base}?limit=0&cursor=zz&sort=x`), ['limit', 'cursor', 'sort']);
    assertOk(await api('rita', base, { method: 'POST', body: { body: 'x'.repeat(5000) } }), 201);
  });

  test('the author edits within 15 minutes; later 409; others 403', async () => {
    const base = `/api/v1/issues/${is.id}/comments`;
    const c = assertOk(await api('rita', base, { method: 'POST', body: { body: 'Eerste versie' } }), 201);
    assert.equal(c.editable, true);
    assertProblem(await api('sam', `${base}/${c.id}`, { method: 'PATCH', body: { body: 'van Sam' } }), 403);
    assertProblem(await api(null, `${base}/${c.id}`, { method: 'PATCH', body: { body: 'anoniem' } }), 401);
    assertInvalid(await api('rita', `${base}/${c.id}`, { method: 'PATCH', body: { body: '', createdAt: 'x' } }), ['body', 'createdAt']);
    const e = assertOk(await api('rita', `${base}/${c.id}`, { method: 'PATCH', body: { body: 'Tweede versie' } }));
    assert.equal(e.body, 'Tweede versie');
    assert.ok(e.editedAt);
    sql(`UPDATE comments SET created_at = '${timeAgo(16)}' WHERE id = '${c.id}'`);
    const late = assertProblem(await api('rita', `${base}/${c.id}`, { method: 'PATCH', body: { body: 'Derde versie' } }), 409);
    assert.match(late.detail, /15 minutes/);
    assert.equal(assertOk(await api(null, `${base}/${c.id}`)).body, 'Tweede versie');
    assert.equal(assertOk(await api('rita', `${base}/${c.id}`)).editable, false);
  });

  test('moderation: a coordinator of the area hides with a reason; others 403; the author still sees the text', async () => {
    const base = `/api/v1/issues/${is.id}/comments`;
    const c = assertOk(await api('sam', base, { method: 'POST', body: { body: 'Iets kwetsends' } }), 201);
    const mod = `${base}/${c.id}/moderation`;
    assertProblem(await api(null, mod, { method: 'POST', body: { reason: 'x' } }), 401);
    for (const who of ['rita', 'sam', 'owner', 'cas']) assertProblem(await api(who, mod, { method: 'POST', body: { reason: 'Kwetsend' } }), 403);
    assertInvalid(await api('cor', mod, { method: 'POST', body: {} }), ['reason']);
    assertInvalid(await api('cor', mod, { method: 'POST', body: { reason: '', extra: 1 } }), ['reason', 'extra']);
    assertInvalid(await api('cor', mod, { method: 'POST', body: { reason: 'x'.repeat(501) } }), ['reason']);
    const h = assertOk(await api('cor', mod, { method: 'POST', body: { reason: 'Kwetsend voor buren' } }), 201);
    assert.equal(h.hidden.reason, 'Kwetsend voor buren');
    assert.equal(h.body, null);
    assertProblem(await api('cor', mod, { method: 'POST', body: { reason: 'nog eens' } }), 409);
    const seen = assertOk(await api(null, `${base}/${c.id}`));
    assert.equal(seen.body, null);
    assert.equal(seen.hidden.reason, 'Kwetsend voor buren');
    assert.equal(assertOk(await api('sam', `${base}/${c.id}`)).body, 'Iets kwetsends', 'the author still sees it');
    assertProblem(await api('sam', `${base}/${c.id}`, { method: 'PATCH', body: { body: 'anders' } }), 409);
    // the search does not find hidden text
    assert.equal(assertOk(await api(null, `${base}?q=kwetsends`)).items.length, 0);
    // a platform admin may show it again
    assertProblem(await api('cas', mod, { method: 'DELETE' }), 403);
    assert.equal((await api('ada', mod, { method: 'DELETE' })).status, 204);
    assertProblem(await api('ada', mod, { method: 'DELETE' }), 409);
    assert.equal(assertOk(await api(null, `${base}/${c.id}`)).body, 'Iets kwetsends');
  });
});

describe('follows and notifications', () => {
  test('follow, unfollow; a comment and a status move notify followers but the actor; mark read', async () => {
    const is = await newIssue();
    const f = `/api/v1/issues/${is.id}/follows/me`;
    assertProblem(await api(null, f, { method: 'PUT', body: {} }), 401);
    assertProblem(await api('rita', f), 404);
    assertOk(await api('rita', f, { method: 'PUT', body: {} }), 201);
    assertOk(await api('rita', f, { method: 'PUT', body: {} }), 200);
    assert.equal(assertOk(await api('rita', f)).following, true);
    assertOk(await api('sam', f, { method: 'PUT', body: {} }), 201);
    assert.equal((await api('sam', f, { method: 'DELETE' })).status, 204);
    assertProblem(await api('sam', f, { method: 'DELETE' }), 404);
    assertOk(await api('ada', f, { method: 'PUT', body: {} }), 201);

    const notes = '/api/v1/users/me/notifications';
    const before = assertOk(await api('rita', notes)).unreadCount;
    // Sam comments (and so follows); Rita and Ada hear of it, Sam not
    assertOk(await api('sam', `/api/v1/issues/${is.id}/comments`, { method: 'POST', body: { body: 'Ik help mee.' } }), 201);
    let list = assertOk(await api('rita', notes));
    assert.equal(list.unreadCount, before + 1);
    const n1 = list.items[0];
    assert.equal(n1.event, 'comment');
    assert.equal(n1.issueId, is.id);
    assert.equal(n1.actorName, 'Sam Buurman');
    assert.equal(n1.read, false);
    assert.match(n1.text, /Sam Buurman commented on/);
    assert.equal(assertOk(await api('sam', notes)).items.filter((x) => x.issueId === is.id).length, 0, 'not the actor');

    // a status move by the owner party's member
    const mv = await api('owner', `/api/v1/issues/${is.id}/status-changes`, { method: 'POST', body: { status: 'on_agenda', reason: 'De gemeente pakt het op.' } });
    assert.ok([200, 201].includes(mv.status), mv.text);
    list = assertOk(await api('sam', notes));
    assert.equal(list.items[0].event, 'status');
    assert.equal(list.items[0].issueId, is.id);

    // mark one read, then all
    assertInvalid(await api('rita', `${notes}/${n1.id}`, { method: 'PATCH', body: { read: 'ja', x: 1 } }), ['read', 'x']);
    assertProblem(await api('sam', `${notes}/${n1.id}`, { method: 'PATCH', body: { read: true } }), 404);
    const marked = assertOk(await api('rita', `${notes}/${n1.id}`, { method: 'PATCH', body: { read: true } }));
    assert.equal(marked.read, true);
    const unread = assertOk(await api('rita', `${notes}?unread=true`));
    assert.ok(unread.items.every((x) => !x.read));
    assertInvalid(await api('rita', `${notes}?unread=soms&limit=500`), ['unread', 'limit']);
    assertOk(await api('rita', notes, { method: 'PATCH', body: { read: true } }));
    assert.equal(assertOk(await api('rita', notes)).unreadCount, 0);
    assertProblem(await api(null, notes), 401);
  });
});

describe('the daily digest', () => {
  test('who chose it gets ONE mail listing the news with links; then nothing until there is more', async () => {
    const is = await newIssue('Schulden onder jongeren');
    assertOk(await api('rita', `/api/v1/issues/${is.id}/follows/me`, { method: 'PUT', body: {} }), 201);
    assertOk(await api('sam', `/api/v1/issues/${is.id}/follows/me`, { method: 'PUT', body: {} }), 201);
    const bad = await api('rita', '/api/v1/users/me', { method: 'PATCH', body: { digest: 'ja', email: 'x' } });
    assertInvalid(bad, ['digest', 'email']);
    // the digest is a boolean, and the problem says so
    assert.equal(bad.body.invalidParams.find((p) => p.name === 'digest').reason, 'Must be a boolean.');
    const me = assertOk(await api('rita', '/api/v1/users/me', { method: 'PATCH', body: { digest: true } }));
    assert.equal(me.digest, true);
    assert.equal(assertOk(await api('sam', '/api/v1/users/me')).digest, false);
    sql(`UPDATE users SET lang = 'en' WHERE email = '${P.rita.email}'`);
    assertOk(await api('ada', `/api/v1/issues/${is.id}/comments`, { method: 'POST', body: { body: 'Eerste reactie' } }), 201);
    assertOk(await api('owner', `/api/v1/issues/${is.id}/comments`, { method: 'POST', body: { body: 'Tweede reactie' } }), 201);
    const before = (await k.mails(P.rita.email)).length;

    const r = kiem(['notifications', 'digest', '--db', k.db]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout + r.stderr, /digest/i);
    const mails = await k.mails(P.rita.email);
    assert.equal(mails.length, before + 1, 'one mail');
    const m = mails.at(-1);
    assert.match(m.subject, /issues you follow/);
    assert.match(m.body, /Ada Beheer commented on 'Schulden onder jongeren'/);
    assert.match(m.body, /Olaf Opsteller commented on 'Schulden onder jongeren'/);
    assert.ok(m.body.includes(`/vraagstukken/${is.id}`), m.body);
    assert.ok(m.body.includes('/account/meldingen'));
    assert.equal((await k.mails(P.sam.email)).filter((x) => /volgt|follow/.test(x.subject)).length, 0, 'Sam did not choose it');

    // nothing new: no second mail
    assert.equal(kiem(['notifications', 'digest', '--db', k.db]).status, 0);
    assert.equal((await k.mails(P.rita.email)).length, before + 1);
    assert.equal(kiem(['notifications', 'digest', '--help']).status, 0);
    assert.notEqual(kiem(['notifications', 'nonsense']).status, 0);
  });
});

describe('pages', () => {
  test('the issue page shows support, comments, replies and a hidden comment', async () => {
    const is = await newIssue('Ontmoeten in de wijk');
    const base = `/api/v1/issues/${is.id}/comments`;
    const c = assertOk(await api('rita', base, { method: 'POST', body: { body: 'Een *goed* idee' } }), 201);
    assertOk(await api('sam', base, { method: 'POST', body: { body: 'Zeker', parentId: c.id } }), 201);
    const bad = assertOk(await api('sam', base, { method: 'POST', body: { body: 'Scheldwoord' } }), 201);
    assertOk(await api('cor', `${base}/${bad.id}/moderation`, { method: 'POST', body: { reason: 'Niet vriendelijk' } }), 201);
    assertOk(await api('rita', `/api/v1/issues/${is.id}/supports`, { method: 'POST', body: {} }), 201);
    const page = await fetch(`${k.url}/vraagstukken/${is.id}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<em>goed<\/em>/);
    assert.match(html, /Zeker/);
    assert.match(html, /Verborgen door een moderator: Niet vriendelijk/);
    assert.ok(!html.includes('Scheldwoord'));
    assert.match(html, /Log in om/);
    // the search in the comments
    const found = await (await fetch(`${k.url}/vraagstukken/${is.id}?reacties-q=zeker`)).text();
    assert.match(found, /Zeker/, 'the thread with the reply that matches');
    assert.match(found, /id="f-reacties-q"[^>]*value="zeker"/);
    const none = await (await fetch(`${k.url}/vraagstukken/${is.id}?reacties-q=nergens`)).text();
    assert.match(none, /Geen reacties gevonden/);
    assert.match(html, /Steunbetuigingen: 1/);
  });
});

describe('privacy', () => {
  test('the export holds supports, follows, comments and notifications; erasure removes the personal ones, keeps the comment without the name and the counts right', async () => {
    const u = { email: `vera${Date.now()}@voice.example`, name: 'Vera Vertrekker' };
    const add = kiem(['user', 'add', '--email', u.email, '--name', u.name, '--db', k.db], { input: `${PW}\n` });
    assert.equal(add.status, 0, add.stderr);
    const tok = kiem(['token', 'create', '--email', u.email, '--db', k.db]).stdout.trim();
    const is = await newIssue('Armoede in de buurt');
    const as = (path, opts = {}) => call(k.url, path, { ...opts, token: tok });
    assertOk(await as(`/api/v1/issues/${is.id}/supports`, { method: 'POST', body: {} }), 201);
    assertOk(await api('rita', `/api/v1/issues/${is.id}/supports`, { method: 'POST', body: {} }), 201);
    const c = assertOk(await as(`/api/v1/issues/${is.id}/comments`, { method: 'POST', body: { body: 'Mijn bijdrage' } }), 201);
    assertOk(await api('rita', `/api/v1/issues/${is.id}/comments`, { method: 'POST', body: { body: 'Antwoord', parentId: c.id } }), 201);
    const ex = assertOk(await as('/api/v1/users/me/export'));
    assert.deepEqual(ex.supports.map((s) => s.issueId), [is.id]);
    assert.deepEqual(ex.follows.map((s) => s.issueId), [is.id]);
    assert.deepEqual(ex.comments.map((x) => [x.id, x.body]), [[c.id, 'Mijn bijdrage']]);
    assert.equal(ex.notifications.length, 1);
    assert.equal(ex.notifications[0].event, 'comment');
    assert.equal(ex.account.digest, false);

    assert.equal((await as('/api/v1/users/me', { method: 'DELETE' })).status, 204);
    const s = assertOk(await api(null, `/api/v1/issues/${is.id}/supports`));
    assert.equal(s.count, 1, 'the erased support is no longer counted');
    assert.equal(sql(`SELECT count(*) FROM follows WHERE issue_id = '${is.id}'`), '1');
    const kept = assertOk(await api(null, `/api/v1/issues/${is.id}/comments/${c.id}`));
    assert.equal(kept.body, 'Mijn bijdrage');
    assert.equal(kept.authorName, null);
    const riteNote = assertOk(await api('rita', '/api/v1/users/me/notifications')).items;
    assert.ok(!JSON.stringify(riteNote).includes('Vera'), 'no notification names her');
  });
});

// The test browser of the e2e helpers, at this server; login(who) logs in
// one of the people of this file.
class Browser extends FormBrowser {
  constructor() { super(k.url); }

  async login(who) {
    const r = await this.post('/inloggen', { email: P[who].email, password: PW, next: '/account' }, '/inloggen');
    assert.equal(r.status, 303);
    return this;
  }
}

describe('the pages: forms that post and come back with a notice', () => {
  test('support, double support, withdraw, follow, comment, reply, edit, hide, and errors beside the field', async () => {
    const is = await newIssue('Buurtkamer in de flat');
    const page = `/vraagstukken/${is.id}`;
    const anon = new Browser();
    let r = await anon.request(page);
    assert.match(r.text, /Log in om dit vraagstuk te steunen/);
    r = await anon.post(`${page}/steunen`, {});
    assert.equal(r.status, 303);
    assert.match(r.location, /^\/inloggen\?next=/);

    const rita = await new Browser().login('rita');
    r = await rita.post(`${page}/steunen`, {}, page);
    assert.equal(r.status, 303);
    assert.equal(r.location, `${page}?stem=gesteund#stem`);
    r = await rita.request(r.location);
    assert.match(r.text, /je steunt dit vraagstuk nu/);
    assert.match(r.text, /Steunbetuigingen: 1/);
    assert.match(r.text, /Trek je steun in/);
    assert.match(r.text, /Je volgt dit vraagstuk/);
    r = await rita.post(`${page}/steunen`, {}, page);
    assert.equal(r.location, `${page}?stem=al-gesteund#stem`, 'double support: a notice, counted once');
    assert.match((await rita.request(r.location)).text, /Steunbetuigingen: 1/);
    r = await rita.post(`${page}/steun-intrekken`, {}, page);
    assert.equal(r.location, `${page}?stem=ingetrokken#stem`);
    assert.match((await rita.request(page)).text, /Steunbetuigingen: 0/);
    r = await rita.post(`${page}/ontvolgen`, {}, page);
    assert.equal(r.location, `${page}?stem=ontvolgd#stem`);
    const unfollowed = (await rita.request(page)).text;
    assert.match(unfollowed, /Volg dit vraagstuk/);
    // the buttons' class is an attribute, not escaped text (it was class=&quot;secondary&quot;)
    assert.match(unfollowed, /<button type="submit" class="secondary">Volg dit vraagstuk<\/button>/);
    assert.ok(!/class=&quot;/.test(unfollowed), 'no escaped quotes in an attribute');
    r = await rita.post(`${page}/volgen`, {}, page);
    assert.equal(r.location, `${page}?stem=gevolgd#stem`);

    // a comment: empty is a problem beside the field, the typed reply is kept
    r = await rita.post(`${page}/reacties`, { body: '' }, page);
    assert.equal(r.status, 400);
    assert.match(r.text, /class="error-summary"/);
    assert.match(r.text, /id="f-body"[^>]*aria-invalid="true"/);
    r = await rita.post(`${page}/reacties`, { body: 'x'.repeat(5001) }, page);
    assert.equal(r.status, 400);
    assert.ok(r.text.includes('x'.repeat(5001)), 'what was typed is kept');
    r = await rita.post(`${page}/reacties`, { body: 'Wie heeft er een **sleutel**?' }, page);
    assert.equal(r.status, 303);
    assert.match(r.location, new RegExp(`^${page}\\?stem=geplaatst#reactie-`));
    const cid = r.location.split('#reactie-')[1];
    r = await rita.request(page);
    assert.match(r.text, /<strong>sleutel<\/strong>/);
    assert.match(r.text, /Bewerk je reactie/);

    const sam = await new Browser().login('sam');
    r = await sam.post(`${page}/reacties`, { body: 'Ik heb er een.', parentId: cid }, page);
    assert.equal(r.status, 303);
    r = await sam.request(page);
    assert.match(r.text, /<div class="replies"[^>]*>\s*<article class="comment reply"/);
    assert.ok(!/Verberg deze reactie/.test(r.text), 'a resident does not moderate');
    r = await sam.request(`${page}/reacties/${cid}/bewerken`);
    assert.equal(r.status, 403, 'not the author');
    r = await sam.post(`${page}/reacties/${cid}/verbergen`, { reason: 'x' }, page);
    assert.equal(r.status, 403);

    // the edit, then the window closes
    r = await rita.request(`${page}/reacties/${cid}/bewerken`);
    assert.equal(r.status, 200);
    assert.match(r.text, /Wie heeft er een \*\*sleutel\*\*\?<\/textarea>/);
    r = await rita.post(`${page}/reacties/${cid}/bewerken`, { body: '' }, `${page}/reacties/${cid}/bewerken`);
    assert.equal(r.status, 400);
    r = await rita.post(`${page}/reacties/${cid}/bewerken`, { body: 'Wie heeft er een sleutel van de buurtkamer?' }, page);
    assert.equal(r.location, `${page}?stem=aangepast#reactie-${cid}`);
    r = await rita.request(page);
    assert.match(r.text, /van de buurtkamer/);
    assert.match(r.text, /Bewerkt op/);
    sql(`UPDATE comments SET created_at = '${timeAgo(16)}' WHERE id = '${cid}'`);
    r = await rita.post(`${page}/reacties/${cid}/bewerken`, { body: 'te laat' }, page);
    assert.equal(r.location, `${page}?stem=niet-meer#reactie-${cid}`);
    assert.match((await rita.request(r.location)).text, /kun je niet meer aanpassen/);

    // moderation by the coordinator of the area, with a reason
    const cor = await new Browser().login('cor');
    r = await cor.request(page);
    assert.match(r.text, /Verberg deze reactie/);
    r = await cor.request(`${page}/reacties/${cid}/verbergen`);
    assert.equal(r.status, 200);
    r = await cor.post(`${page}/reacties/${cid}/verbergen`, { reason: '' }, page);
    assert.equal(r.status, 400);
    assert.match(r.text, /id="f-reason"[^>]*aria-invalid="true"/);
    r = await cor.post(`${page}/reacties/${cid}/verbergen`, { reason: 'Persoonlijke gegevens' }, page);
    assert.equal(r.location, `${page}?stem=verborgen#reactie-${cid}`);
    r = await anon.request(page);
    assert.match(r.text, /Verborgen door een moderator: Persoonlijke gegevens/);
    assert.ok(!r.text.includes('van de buurtkamer'));
    r = await rita.request(page);
    assert.match(r.text, /Alleen jij ziet nog wat je schreef/);
    assert.match(r.text, /van de buurtkamer/);
    assert.ok(!r.text.includes('Toon de reactie weer'));
    // and shown again by the coordinator
    assert.match((await cor.request(page)).text, /Toon de reactie weer/);
    r = await rita.post(`${page}/reacties/${cid}/tonen`, {}, page);
    assert.equal(r.status, 403);
    r = await cor.post(`${page}/reacties/${cid}/tonen`, {}, page);
    assert.equal(r.location, `${page}?stem=getoond#reactie-${cid}`);
    assert.match((await anon.request(page)).text, /van de buurtkamer/);
  });

  test('/account/meldingen: the list with links, mark one and all read, the digest choice; the link on /account', async () => {
    const is = await newIssue('Speeltuin kapot');
    const rita = await new Browser().login('rita');
    let r = await rita.request('/account/meldingen');
    assert.equal(r.status, 200);
    r = await rita.post(`/vraagstukken/${is.id}/volgen`, {}, `/vraagstukken/${is.id}`);
    assert.equal(r.status, 303);
    assertOk(await api('sam', `/api/v1/issues/${is.id}/comments`, { method: 'POST', body: { body: 'Ik bel de gemeente.' } }), 201);
    assertOk(await api('ada', `/api/v1/issues/${is.id}/comments`, { method: 'POST', body: { body: 'Gemeld.' } }), 201);
    const unread = assertOk(await api('rita', '/api/v1/users/me/notifications')).unreadCount;
    r = await rita.request('/account');
    assert.match(r.text, new RegExp(`Meldingen \\(${unread} nieuw\\)`));
    r = await rita.request('/account/meldingen');
    assert.match(r.text, new RegExp(`<a href="/vraagstukken/${is.id}">Sam Buurman heeft gereageerd op &#39;Speeltuin kapot&#39;</a>`));
    const id = assertOk(await api('rita', '/api/v1/users/me/notifications')).items[0].id;
    r = await rita.post(`/account/meldingen/${id}/gelezen`, {}, '/account/meldingen');
    assert.equal(r.location, '/account/meldingen?gelezen=1');
    assert.equal(assertOk(await api('rita', '/api/v1/users/me/notifications')).unreadCount, unread - 1);
    r = await rita.post(`/account/meldingen/${id}/gelezen`, {}, '/account/meldingen');
    assert.equal(r.status, 303, 'read again is no error');
    const sam = await new Browser().login('sam');
    r = await sam.post(`/account/meldingen/${id}/gelezen`, {}, '/account/meldingen');
    assert.equal(r.status, 404, "another person's notification");
    r = await rita.post('/account/meldingen/alles-gelezen', {}, '/account/meldingen');
    assert.equal(r.location, '/account/meldingen?gelezen=1');
    assert.equal(assertOk(await api('rita', '/api/v1/users/me/notifications')).unreadCount, 0);
    r = await rita.request('/account/meldingen?nieuw=1');
    assert.match(r.text, /Je hebt geen nieuwe meldingen/);
    // the search by the issue's title, on the page and in the API
    r = await rita.request('/account/meldingen?q=speeltuin');
    assert.match(r.text, /Speeltuin kapot/);
    assert.match(r.text, /id="f-q"[^>]*value="speeltuin"/);
    r = await rita.request('/account/meldingen?q=bestaatniet');
    assert.ok(!r.text.includes('Speeltuin kapot'));
    const found = assertOk(await api('rita', '/api/v1/users/me/notifications?q=speeltuin'));
    assert.ok(found.items.length >= 2 && found.items.every((x) => x.issueTitle === 'Speeltuin kapot'));
    assertInvalid(await api('rita', `/api/v1/users/me/notifications?q=${'x'.repeat(201)}`), ['q']);

    r = await sam.post('/account/meldingen/email', { digest: '1' }, '/account/meldingen');
    assert.equal(r.location, '/account/meldingen?opgeslagen=1');
    assert.equal(assertOk(await api('sam', '/api/v1/users/me')).digest, true);
    r = await sam.request('/account/meldingen?opgeslagen=1');
    assert.match(r.text, /Je keuze is opgeslagen/);
    assert.match(r.text, /name="digest" type="radio" value="1" checked/);
    r = await sam.post('/account/meldingen/email', { digest: 'ja' }, '/account/meldingen');
    assert.equal(r.status, 400);
    r = await sam.post('/account/meldingen/email', { digest: '0' }, '/account/meldingen');
    assert.equal(assertOk(await api('sam', '/api/v1/users/me')).digest, false);
    r = await new Browser().request('/account/meldingen');
    assert.equal(r.status, 303);
  });
});
