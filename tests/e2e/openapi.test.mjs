// GET /api/v1/openapi.json: the served OpenAPI document describes every route
// of the API, carries the version the server answers with, passes the Dutch
// API Design Rules linter without errors, and describes what the handlers
// really send.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { startKiem } from '../lib/kiem.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RULESET = path.join(root, '..', 'shared', 'standards', 'nl-api-design-rules', 'linter.yaml');
const SPECTRAL = path.join(root, 'node_modules', '.bin', 'spectral');

// The route table of src/api/routes.c; a new row there needs a row here and
// its description in src/api/openapi.json.
const ROUTES = [
  { method: 'GET', path: '/api/v1/health' },
  { method: 'GET', path: '/api/v1/openapi.json' },
  { method: 'GET', path: '/api/v1/areas' },
  { method: 'POST', path: '/api/v1/areas' },
  { method: 'GET', path: '/api/v1/areas/{code}' },
  { method: 'GET', path: '/api/v1/roles' },
  { method: 'GET', path: '/api/v1/roles/{key}' },
  { method: 'GET', path: '/api/v1/processing-activities' },
  { method: 'GET', path: '/api/v1/parties' },
  { method: 'POST', path: '/api/v1/parties' },
  { method: 'GET', path: '/api/v1/parties/{id}' },
  { method: 'PATCH', path: '/api/v1/parties/{id}' },
  { method: 'DELETE', path: '/api/v1/parties/{id}' },
  // issue 8, verified parties
  { method: 'GET', path: '/api/v1/parties/{id}/verification' },
  { method: 'PUT', path: '/api/v1/parties/{id}/verification' },
  { method: 'DELETE', path: '/api/v1/parties/{id}/verification' },
  { method: 'GET', path: '/api/v1/parties/{id}/members' },
  { method: 'POST', path: '/api/v1/parties/{id}/members' },
  { method: 'GET', path: '/api/v1/parties/{id}/members/{userId}' },
  { method: 'PATCH', path: '/api/v1/parties/{id}/members/{userId}' },
  { method: 'DELETE', path: '/api/v1/parties/{id}/members/{userId}' },
  { method: 'GET', path: '/api/v1/parties/{id}/invitations' },
  { method: 'POST', path: '/api/v1/parties/{id}/invitations' },
  { method: 'GET', path: '/api/v1/parties/{id}/invitations/{invitationId}' },
  { method: 'DELETE', path: '/api/v1/parties/{id}/invitations/{invitationId}' },
  // issue 4, issues core (helper 1)
  { method: 'GET', path: '/api/v1/issues' },
  { method: 'POST', path: '/api/v1/issues' },
  { method: 'GET', path: '/api/v1/issues/{id}' },
  { method: 'PATCH', path: '/api/v1/issues/{id}' },
  { method: 'GET', path: '/api/v1/issues/{id}/status-changes' },
  { method: 'POST', path: '/api/v1/issues/{id}/status-changes' },
  // end of issues core
  // issue 4, signals (helper 2)
  { method: 'GET', path: '/api/v1/signals' },
  { method: 'POST', path: '/api/v1/signals' },
  { method: 'GET', path: '/api/v1/signals/{id}' },
  { method: 'PATCH', path: '/api/v1/signals/{id}' },
  { method: 'POST', path: '/api/v1/signals/{id}/status-changes' },
  { method: 'POST', path: '/api/v1/signals/{id}/issue' },
  { method: 'GET', path: '/api/v1/signals/{id}/decisions' },
  { method: 'POST', path: '/api/v1/signals/{id}/decisions' },
  // end of signals
  // issue 4, factors and the role ledger (helper 4)
  { method: 'GET', path: '/api/v1/issues/{id}/factors' },
  { method: 'POST', path: '/api/v1/issues/{id}/factors' },
  { method: 'GET', path: '/api/v1/issues/{id}/factors/{factorId}' },
  { method: 'PATCH', path: '/api/v1/issues/{id}/factors/{factorId}' },
  { method: 'DELETE', path: '/api/v1/issues/{id}/factors/{factorId}' },
  { method: 'GET', path: '/api/v1/issues/{id}/role-ledger' },
  { method: 'POST', path: '/api/v1/issues/{id}/role-ledger' },
  { method: 'GET', path: '/api/v1/issues/{id}/role-ledger/{role}/{partyId}' },
  { method: 'DELETE', path: '/api/v1/issues/{id}/role-ledger/{role}/{partyId}' },
  // issue 11, partners and intrapreneurship (part B)
  { method: 'GET', path: '/api/v1/initiatives/{id}/partners' },
  { method: 'POST', path: '/api/v1/initiatives/{id}/partners' },
  { method: 'GET', path: '/api/v1/initiatives/{id}/partners/{partnerId}' },
  { method: 'PATCH', path: '/api/v1/initiatives/{id}/partners/{partnerId}' },
  { method: 'DELETE', path: '/api/v1/initiatives/{id}/partners/{partnerId}' },
  { method: 'GET', path: '/api/v1/initiatives/{id}/intrapreneurs' },
  { method: 'GET', path: '/api/v1/initiatives/{id}/intrapreneurs/{user}' },
  { method: 'PUT', path: '/api/v1/initiatives/{id}/intrapreneurs/{user}' },
  { method: 'DELETE', path: '/api/v1/initiatives/{id}/intrapreneurs/{user}' },
  { method: 'GET', path: '/api/v1/parties/{id}/intrapreneurship' },
  { method: 'POST', path: '/api/v1/invitation-acceptances' },
  { method: 'GET', path: '/api/v1/activity' },
  { method: 'GET', path: '/api/v1/users/me' },
  { method: 'DELETE', path: '/api/v1/users/me' },
  { method: 'GET', path: '/api/v1/users/me/export' },
  // the voice of residents (issue 4, part 3)
  { method: 'PATCH', path: '/api/v1/users/me' },
  { method: 'GET', path: '/api/v1/users/me/notifications' },
  { method: 'PATCH', path: '/api/v1/users/me/notifications' },
  { method: 'GET', path: '/api/v1/users/me/notifications/{id}' },
  { method: 'PATCH', path: '/api/v1/users/me/notifications/{id}' },
  { method: 'GET', path: '/api/v1/issues/{id}/supports' },
  { method: 'POST', path: '/api/v1/issues/{id}/supports' },
  { method: 'DELETE', path: '/api/v1/issues/{id}/supports/me' },
  { method: 'GET', path: '/api/v1/issues/{id}/follows/me' },
  { method: 'PUT', path: '/api/v1/issues/{id}/follows/me' },
  { method: 'DELETE', path: '/api/v1/issues/{id}/follows/me' },
  { method: 'GET', path: '/api/v1/issues/{id}/comments' },
  { method: 'POST', path: '/api/v1/issues/{id}/comments' },
  { method: 'GET', path: '/api/v1/issues/{id}/comments/{commentId}' },
  { method: 'PATCH', path: '/api/v1/issues/{id}/comments/{commentId}' },
  { method: 'POST', path: '/api/v1/issues/{id}/comments/{commentId}/moderation' },
  { method: 'DELETE', path: '/api/v1/issues/{id}/comments/{commentId}/moderation' },
  // end of the voice of residents
  // issue 11, coalitions and ties (part C)
  { method: 'GET', path: '/api/v1/coalitions' },
  { method: 'POST', path: '/api/v1/coalitions' },
  { method: 'GET', path: '/api/v1/coalitions/{id}' },
  { method: 'PATCH', path: '/api/v1/coalitions/{id}' },
  { method: 'DELETE', path: '/api/v1/coalitions/{id}' },
  { method: 'GET', path: '/api/v1/coalitions/{id}/partners' },
  { method: 'POST', path: '/api/v1/coalitions/{id}/partners' },
  { method: 'GET', path: '/api/v1/coalitions/{id}/partners/{partnerId}' },
  { method: 'PATCH', path: '/api/v1/coalitions/{id}/partners/{partnerId}' },
  { method: 'DELETE', path: '/api/v1/coalitions/{id}/partners/{partnerId}' },
  { method: 'GET', path: '/api/v1/ties' },
  { method: 'POST', path: '/api/v1/ties' },
  { method: 'GET', path: '/api/v1/ties/{id}' },
  { method: 'DELETE', path: '/api/v1/ties/{id}' },
  { method: 'GET', path: '/api/v1/parties/{id}/connections' },
  // end of coalitions and ties
  { method: 'GET', path: '/api/v1/tokens' },
  { method: 'POST', path: '/api/v1/tokens' },
  { method: 'GET', path: '/api/v1/tokens/{id}' },
  { method: 'DELETE', path: '/api/v1/tokens/{id}' },
  { method: 'GET', path: '/api/v1/sessions' },
  { method: 'GET', path: '/api/v1/sessions/{id}' },
  { method: 'DELETE', path: '/api/v1/sessions/{id}' },
  { method: 'POST', path: '/api/v1/registrations' },
  { method: 'POST', path: '/api/v1/email-confirmations' },
  { method: 'POST', path: '/api/v1/email-confirmation-requests' },
  { method: 'POST', path: '/api/v1/password-reset-requests' },
  { method: 'POST', path: '/api/v1/password-resets' },
  { method: 'GET', path: '/api/v1/users' },
  { method: 'GET', path: '/api/v1/users/{id}' },
  { method: 'PATCH', path: '/api/v1/users/{id}' },
  { method: 'POST', path: '/api/v1/users/{id}/coordinator-areas' },
  { method: 'DELETE', path: '/api/v1/users/{id}/coordinator-areas/{code}' },
  // initiatives and their stages (issue 11, part A)
  { method: 'GET', path: '/api/v1/initiatives' },
  { method: 'POST', path: '/api/v1/initiatives' },
  { method: 'GET', path: '/api/v1/initiatives/{id}' },
  { method: 'PATCH', path: '/api/v1/initiatives/{id}' },
  { method: 'DELETE', path: '/api/v1/initiatives/{id}' },
  { method: 'GET', path: '/api/v1/initiatives/{id}/stage-decisions' },
  { method: 'POST', path: '/api/v1/initiatives/{id}/stage-decisions' },
  { method: 'GET', path: '/api/v1/initiatives/{id}/follows/me' },
  { method: 'PUT', path: '/api/v1/initiatives/{id}/follows/me' },
  { method: 'DELETE', path: '/api/v1/initiatives/{id}/follows/me' },
  { method: 'GET', path: '/api/v1/initiatives/{id}/interest' },
  { method: 'POST', path: '/api/v1/initiatives/{id}/interest' },
  { method: 'GET', path: '/api/v1/initiatives/{id}/interest/me' },
  { method: 'DELETE', path: '/api/v1/initiatives/{id}/interest/me' },
  // events (issue 11, part D)
  { method: 'GET', path: '/api/v1/events' },
  { method: 'POST', path: '/api/v1/events' },
  { method: 'GET', path: '/api/v1/events/{id}' },
  { method: 'PATCH', path: '/api/v1/events/{id}' },
  { method: 'GET', path: '/api/v1/events/{id}/calendar' },
  { method: 'GET', path: '/api/v1/events/{id}/registrations' },
  { method: 'POST', path: '/api/v1/events/{id}/registrations' },
  { method: 'GET', path: '/api/v1/events/{id}/registrations/me' },
  { method: 'DELETE', path: '/api/v1/events/{id}/registrations/me' },
  { method: 'PATCH', path: '/api/v1/events/{id}/registrations/{userId}' },
  // issue 11, results of initiatives (part E)
  { method: 'GET', path: '/api/v1/initiatives/flagged' },
  { method: 'GET', path: '/api/v1/initiatives/{id}/flags' },
  { method: 'GET', path: '/api/v1/initiatives/{id}/milestones' },
  { method: 'POST', path: '/api/v1/initiatives/{id}/milestones' },
  { method: 'GET', path: '/api/v1/initiatives/{id}/milestones/{milestoneId}' },
  { method: 'PATCH', path: '/api/v1/initiatives/{id}/milestones/{milestoneId}' },
  { method: 'DELETE', path: '/api/v1/initiatives/{id}/milestones/{milestoneId}' },
  { method: 'GET', path: '/api/v1/initiatives/{id}/outcomes' },
  { method: 'POST', path: '/api/v1/initiatives/{id}/outcomes' },
  { method: 'GET', path: '/api/v1/initiatives/{id}/outcomes/{outcomeId}' },
  { method: 'PATCH', path: '/api/v1/initiatives/{id}/outcomes/{outcomeId}' },
  { method: 'DELETE', path: '/api/v1/initiatives/{id}/outcomes/{outcomeId}' },
  { method: 'GET', path: '/api/v1/initiatives/{id}/outcomes/{outcomeId}/measurements' },
  { method: 'POST', path: '/api/v1/initiatives/{id}/outcomes/{outcomeId}/measurements' },
  { method: 'GET', path: '/api/v1/initiatives/{id}/outcomes/{outcomeId}/measurements/{measurementId}' },
  { method: 'DELETE', path: '/api/v1/initiatives/{id}/outcomes/{outcomeId}/measurements/{measurementId}' },
  { method: 'GET', path: '/api/v1/initiatives/{id}/lessons' },
  { method: 'POST', path: '/api/v1/initiatives/{id}/lessons' },
  { method: 'GET', path: '/api/v1/initiatives/{id}/lessons/{lessonId}' },
  { method: 'PATCH', path: '/api/v1/initiatives/{id}/lessons/{lessonId}' },
  { method: 'DELETE', path: '/api/v1/initiatives/{id}/lessons/{lessonId}' },
  // end of results of initiatives
];
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const ADMIN = 'beheer@openapi.example';
const MEMBER = 'lid@openapi.example';
let kiem;
let doc;
let apiVersion;

before(async () => {
  kiem = await startKiem({
    users: [
      { email: ADMIN, name: 'Beheerder', password: 'een lang wachtwoord 123', admin: true },
      { email: MEMBER, name: 'Lid', password: 'nog een lang wachtwoord 456' },
    ],
  });
  const res = await fetch(`${kiem.url}/api/v1/openapi.json`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  apiVersion = res.headers.get('api-version');
  const text = await res.text();
  doc = JSON.parse(text);
});

after(async () => {
  if (kiem) await kiem.stop();
});

test('the document is OpenAPI 3 and its version is the API-Version header', () => {
  assert.match(doc.openapi, /^3\.\d+\.\d+$/);
  assert.ok(apiVersion, 'the response has an API-Version header');
  assert.equal(doc.info.version, apiVersion);
});

test('every route of the route table is described, and nothing else', () => {
  const base = doc.servers?.[0]?.url ?? '';
  const described = [];
  for (const [p, item] of Object.entries(doc.paths))
    for (const m of Object.keys(item))
      if (METHODS.includes(m)) described.push(`${m.toUpperCase()} ${base}${p}`);
  for (const r of ROUTES)
    assert.ok(described.includes(`${r.method} ${r.path}`), `${r.method} ${r.path} is in openapi.json`);
  const table = ROUTES.map((r) => `${r.method} ${r.path}`);
  for (const d of described) assert.ok(table.includes(d), `${d} is in the route table`);
});

// The schemas generated from field descriptors (src/api/schema.c) have
// their fields, and keep what the hand-written document adds: a member of
// a body that is no field of the answer (NotificationPatch's read), links,
// counts and lists.
test('generated schemas have their fields and keep the hand-written members', () => {
  const s = doc.components.schemas;
  const want = {
    StatusChange: ['id', 'from', 'status', 'reason', 'actorName', 'at'],
    StatusChangeCreate: ['status', 'reason'],
    SignalDecision: ['id', 'decision', 'reason', 'party', 'partyName', 'decidedAt', '_links'],
    SignalDecisionCreate: ['decision', 'reason'],
    Notification: ['id', 'event', 'issueId', 'objectId', 'text', 'read', 'readAt', '_links'],
    NotificationPatch: ['read'],
    Me: ['id', 'name', 'email', 'role', 'createdAt', 'memberships', 'digest', '_links'],
    Membership: ['partyId', 'partyName', 'role', 'since', '_links'],
    AreaListItem: ['code', 'name', 'level', 'parent', 'partyCount', 'createdAt', '_links'],
    RegistrationCreate: ['name', 'email', 'password'],
    PasswordResetCreate: ['code', 'password'],
  };
  for (const [name, members] of Object.entries(want))
    for (const m of members) {
      assert.ok(s[name].properties[m], `${name}.${m} is described`);
      assert.ok(s[name].required.includes(m), `${name}.${m} is required`);
    }
  assert.deepEqual(Object.keys(s.Me.properties).sort(), [...want.Me].sort(), 'Me has no field of User besides');
  assert.equal(s.RegistrationCreate.properties.password.format, 'password');
  assert.ok(s.RegistrationCreate.properties.lang.enum.includes('en'));
});

test('the API Design Rules linter finds no errors', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kiem-openapi-'));
  try {
    const file = path.join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc));
    const r = spawnSync(SPECTRAL, ['lint', file, '-r', RULESET, '-f', 'json', '--quiet'], {
      encoding: 'utf8',
      timeout: 120000,
      cwd: root,
    });
    assert.ok(r.status === 0 || r.status === 1, `spectral ran (exit ${r.status}): ${r.stderr}`);
    let results;
    try {
      results = JSON.parse(r.stdout);
    } catch {
      assert.fail(`spectral's output is not JSON: ${r.stdout} ${r.stderr}`);
    }
    assert.ok(Array.isArray(results));
    const errors = results.filter((x) => x.severity === 0);
    assert.deepEqual(
      errors.map((e) => `${e.code} at ${e.path.join('.')}: ${e.message}`),
      [],
      'the linter reports no errors',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// What the server sends, checked against the document's own schemas.
test('the responses match the schemas of the document', async () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ components: doc.components }, 'openapi');
  const check = (name, value) => {
    const validate = ajv.getSchema(`openapi#/components/schemas/${name}`);
    assert.ok(validate, `schema ${name} exists`);
    assert.ok(validate(value), `${name}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(value)}`);
  };
  const api = `${kiem.url}/api/v1`;
  const auth = { Authorization: `Bearer ${kiem.tokens[ADMIN]}` };
  const get = async (p, headers = {}) => {
    const res = await fetch(`${api}${p}`, { headers });
    assert.equal(res.headers.get('api-version'), apiVersion, `API-Version on ${p}`);
    return { status: res.status, type: res.headers.get('content-type'), body: await res.json() };
  };
  const send = async (method, p, body, type = 'application/json') => {
    const res = await fetch(`${api}${p}`, {
      method,
      headers: { ...auth, 'Content-Type': type },
      body: JSON.stringify(body),
    });
    assert.equal(res.headers.get('api-version'), apiVersion, `API-Version on ${method} ${p}`);
    return { status: res.status, location: res.headers.get('location'), body: await res.json() };
  };

  let r = await get('/health');
  assert.equal(r.status, 200);
  check('Health', r.body);

  r = await get('/roles');
  assert.equal(r.status, 200);
  check('RoleCollection', r.body);
  const role = r.body.items[0];
  r = await get(`/roles/${role.key}`);
  assert.equal(r.status, 200);
  check('Role', r.body);

  r = await get('/processing-activities');
  assert.equal(r.status, 200);
  check('ProcessingActivityCollection', r.body);

  r = await get('/areas?limit=100');
  assert.equal(r.status, 200);
  check('AreaCollection', r.body);
  const area = r.body.items.find((a) => a.parent) ?? r.body.items[0];
  r = await get(`/areas/${area.code}`);
  assert.equal(r.status, 200);
  check('Area', r.body);

  r = await get('/parties?limit=100', auth);
  assert.equal(r.status, 200);
  check('PartyCollection', r.body);
  r = await get('/parties?limit=2&sort=-createdAt', auth);
  assert.equal(r.status, 200);
  check('PartyCollection', r.body);
  assert.ok(r.body._links.next, 'the demo has more than two parties');
  r = await get(`/parties/${r.body.items[0].id}`);
  assert.equal(r.status, 200);
  check('Party', r.body);

  r = await send('POST', '/parties', { name: 'OpenAPI-proef', kind: 'business', capacityHours: null });
  assert.equal(r.status, 201);
  assert.equal(r.location, r.body._links.self.href);
  check('Party', r.body);
  const id = r.body.id;
  r = await send('PATCH', `/parties/${id}`, { website: 'https://proef.example', tags: ['Proef'] },
    'application/merge-patch+json');
  assert.equal(r.status, 200);
  check('Party', r.body);
  // issue 8: the party's verification, before and after
  r = await get(`/parties/${id}/verification`);
  assert.equal(r.status, 200);
  check('Verification', r.body);
  r = await send('PUT', `/parties/${id}/verification`, {});
  assert.equal(r.status, 201);
  check('Verification', r.body);
  r = await get(`/parties/${id}`);
  check('Party', r.body);

  r = await send('POST', `/parties/${id}/members`, { email: MEMBER, role: 'member' });
  assert.equal(r.status, 201);
  assert.equal(r.location, r.body._links.self.href);
  check('Member', r.body);
  r = await send('PATCH', `/parties/${id}/members/${r.body.userId}`, { role: 'admin' }, 'application/merge-patch+json');
  assert.equal(r.status, 200);
  check('Member', r.body);
  r = await get(`/parties/${id}/members/${r.body.userId}`, auth);
  assert.equal(r.status, 200);
  check('Member', r.body);
  r = await get(`/parties/${id}/members`, auth);
  assert.equal(r.status, 200);
  check('MemberCollection', r.body);
  assert.equal(r.body.items.length, 2);

  // issue 4, issues core
  r = await get('/issues?limit=2&sort=-statusChangedAt');
  assert.equal(r.status, 200);
  check('IssueCollection', r.body);
  assert.ok(r.body._links.next, 'the demo has more than two issues');
  r = await send('POST', '/issues', { title: 'OpenAPI-vraagstuk', summary: 'Proef', area: 'WK034403', ownerParty: id, targetGroups: ['jongeren'] });
  assert.equal(r.status, 201);
  assert.equal(r.location, r.body._links.self.href);
  check('Issue', r.body);
  const issueId = r.body.id;
  r = await send('PATCH', `/issues/${issueId}`, { description: 'Meer **uitleg**' }, 'application/merge-patch+json');
  assert.equal(r.status, 200);
  check('Issue', r.body);
  r = await send('POST', `/issues/${issueId}/status-changes`, { status: 'on_agenda', reason: 'Besproken' });
  assert.equal(r.status, 201);
  check('StatusChange', r.body);
  r = await send('POST', `/issues/${issueId}/status-changes`, { status: 'signalled', reason: 'Terug' });
  assert.equal(r.status, 409);
  check('StatusConflict', r.body);
  r = await get(`/issues/${issueId}/status-changes`);
  assert.equal(r.status, 200);
  check('StatusChangeCollection', r.body);
  r = await get(`/issues/${issueId}`);
  check('Issue', r.body);
  // end of issues core
  // issue 4, signals (helper 2)
  r = await send('POST', '/signals', { kind: 'bottleneck', title: 'OpenAPI-signaal', description: 'Proef', area: 'WK034403', targetGroup: 'jongeren', party: id, regulatory: true, rule: 'Een regel' });
  assert.equal(r.status, 201);
  assert.equal(r.location, r.body._links.self.href);
  check('Signal', r.body);
  const signalId = r.body.id;
  r = await send('PATCH', `/signals/${signalId}`, { cluster: null }, 'application/merge-patch+json');
  assert.equal(r.status, 200);
  check('Signal', r.body);
  r = await send('POST', `/signals/${signalId}/decisions`, { decision: 'experiment', reason: 'Proef' });
  assert.equal(r.status, 201);
  check('SignalDecision', r.body);
  r = await get(`/signals/${signalId}/decisions`);
  assert.equal(r.status, 200);
  check('SignalDecisionCollection', r.body);
  r = await send('POST', `/signals/${signalId}/status-changes`, { status: 'open' });
  assert.equal(r.status, 409);
  check('SignalStatusConflict', r.body);
  r = await send('POST', `/signals/${signalId}/status-changes`, { status: 'acknowledged' });
  assert.equal(r.status, 201);
  check('Signal', r.body);
  r = await send('POST', `/signals/${signalId}/issue`, { issueId });
  assert.equal(r.status, 201);
  check('Signal', r.body);
  r = await get('/signals?limit=2&clusters=true', auth);
  assert.equal(r.status, 200);
  check('SignalCollection', r.body);
  // issue 8: a resident's signal, for no party
  r = await send('POST', '/signals', { kind: 'gap', title: 'OpenAPI-bewonerssignaal', description: 'Proef', area: 'WK034403' });
  assert.equal(r.status, 201);
  check('Signal', r.body);
  // end of signals

  // issue 4, factors and the role ledger: on the issue just made, and on a
  // demo issue with a full ledger
  r = await send('POST', `/issues/${issueId}/factors`, { kind: 'economic', effect: 'hindering', description: 'Weinig geld' });
  assert.equal(r.status, 201);
  assert.equal(r.location, r.body._links.self.href);
  check('Factor', r.body);
  r = await send('PATCH', `/issues/${issueId}/factors/${r.body.id}`, { effect: 'enabling' }, 'application/merge-patch+json');
  assert.equal(r.status, 200);
  check('Factor', r.body);
  r = await get(`/issues/${issueId}/factors?kind=economic`);
  assert.equal(r.status, 200);
  check('FactorCollection', r.body);
  r = await send('POST', `/issues/${issueId}/role-ledger`, { role: 'invest', party: id, note: 'Proef' });
  assert.equal(r.status, 201);
  assert.equal(r.location, r.body._links.self.href);
  check('RoleLedgerEntry', r.body);
  r = await get(`/issues/${issueId}/role-ledger/invest/${id}`);
  check('RoleLedgerEntry', r.body);
  r = await get(`/issues/${issueId}/role-ledger`);
  assert.equal(r.status, 200);
  check('RoleLedger', r.body);
  r = await get('/issues?q=Eenzaamheid');
  r = await get(`/issues/${r.body.items[0].id}/role-ledger`);
  check('RoleLedger', r.body);
  assert.ok(r.body.candidates.roles.some((c) => c.parties.length > 0), 'the demo ledger offers candidates');
  r = await send('POST', `/issues/${issueId}/factors`, { kind: 'weather' });
  assert.equal(r.status, 400);
  check('Problem', r.body);
  // end of factors and the role ledger
  // issue 11, coalitions and ties (part C)
  {
    const others = (await get('/parties?limit=3', auth)).body.items.filter((x) => x.id !== id);
    r = await send('POST', '/coalitions', { name: 'OpenAPI-verband', area: 'WK034403', party: id, issues: [issueId], since: '2026-01-05' });
    assert.equal(r.status, 201);
    assert.equal(r.location, r.body._links.self.href);
    check('Coalition', r.body);
    const cid = r.body.id;
    r = await send('PATCH', `/coalitions/${cid}`, { description: 'Samen *sterk*.' }, 'application/merge-patch+json');
    assert.equal(r.status, 200);
    check('Coalition', r.body);
    r = await get('/coalitions?q=OpenAPI');
    assert.equal(r.status, 200);
    check('CoalitionCollection', r.body);
    assert.equal(r.body.items.length, 1);
    r = await send('POST', `/coalitions/${cid}/partners`, { party: others[0].id, role: 'invest', contribution: 'Geld', admin: true });
    assert.equal(r.status, 201);
    assert.equal(r.location, r.body._links.self.href);
    check('CoalitionPartner', r.body);
    r = await send('PATCH', r.location.slice('/api/v1'.length), { contribution: 'Meer geld' }, 'application/merge-patch+json');
    assert.equal(r.status, 200);
    check('CoalitionPartner', r.body);
    r = await get(`/coalitions/${cid}/partners`);
    assert.equal(r.status, 200);
    check('CoalitionPartnerCollection', r.body);
    r = await get(`/coalitions/${cid}/partners/${r.body.items[0].id}`);
    check('CoalitionPartner', r.body);
    r = await send('POST', '/ties', { from: id, to: others[1].id, kind: 'advises', since: '2025-02-01', note: 'Proef' });
    assert.equal(r.status, 201);
    assert.equal(r.location, r.body._links.self.href);
    check('Tie', r.body);
    r = await get(r.location.slice('/api/v1'.length));
    check('Tie', r.body);
    r = await get(`/ties?party=${id}`);
    assert.equal(r.status, 200);
    check('TieCollection', r.body);
    r = await get(`/parties/${id}/connections`);
    assert.equal(r.status, 200);
    check('Connections', r.body);
    assert.ok(r.body.ties.some((t) => t.derived) && r.body.ties.some((t) => !t.derived), 'both kinds of ties');
    r = await send('POST', '/ties', { from: id, to: id, kind: 'funds' });
    assert.equal(r.status, 400);
    check('Problem', r.body);
  }
  // end of coalitions and ties

  r = await get('/users/me', { Authorization: `Bearer ${kiem.tokens[MEMBER]}` });
  assert.equal(r.status, 200);
  check('Me', r.body);
  assert.equal(r.body.memberships.length, 1);
  for (const who of [MEMBER, ADMIN]) {
    r = await get('/users/me/export', { Authorization: `Bearer ${kiem.tokens[who]}` });
    assert.equal(r.status, 200);
    check('Export', r.body);
    assert.ok(r.body.activity.length > 0);
  }
  r = await fetch(`${api}/users/me`, { method: 'DELETE', headers: auth });
  assert.equal(r.status, 409, 'the only platform admin keeps the account');
  check('Problem', await r.json());

  r = await send('POST', '/tokens', { name: 'proef' });
  assert.equal(r.status, 201);
  assert.equal(r.location, r.body._links.self.href);
  check('TokenCreated', r.body);
  r = await get('/tokens', auth);
  assert.equal(r.status, 200);
  check('TokenCollection', r.body);
  r = await get(r.body.items[0]._links.self.href.slice('/api/v1'.length), auth);
  assert.equal(r.status, 200);
  check('Token', r.body);
  r = await get('/sessions', auth);
  assert.equal(r.status, 200);
  check('SessionCollection', r.body);
  r = await get('/activity?limit=100', auth);
  assert.equal(r.status, 200);
  check('ActivityCollection', r.body);
  assert.ok(r.body.items.length > 0);

  // the accounts, as a platform admin sees them
  r = await get('/users', auth);
  assert.equal(r.status, 200);
  check('UserCollection', r.body);
  // the demo's residents (cli/demo_voice.c) are accounts too
  assert.equal(r.body.items.filter((u) => !u.email.endsWith('@demo.kiem.invalid')).length, 2);
  r = await get('/users?limit=1&q=openapi.example', auth);
  assert.equal(r.status, 200);
  check('UserCollection', r.body);
  assert.ok(r.body._links.next, 'two accounts match, one per page');
  const memberId = (await get('/users?q=lid@', auth)).body.items[0].id;
  const adminId = (await get('/users?q=beheer@', auth)).body.items[0].id;
  r = await get(`/users/${memberId}`, auth);
  assert.equal(r.status, 200);
  check('User', r.body);
  r = await send('PATCH', `/users/${memberId}`, { blocked: true }, 'application/merge-patch+json');
  assert.equal(r.status, 200);
  check('User', r.body);
  assert.equal(r.body.blocked, true);
  r = await send('PATCH', `/users/${memberId}`, { blocked: false }, 'application/merge-patch+json');
  assert.equal(r.status, 200);
  check('User', r.body);
  r = await send('PATCH', `/users/${adminId}`, { blocked: true }, 'application/merge-patch+json');
  assert.equal(r.status, 409);
  check('Problem', r.body);
  r = await send('PATCH', `/users/${memberId}`, { blocked: 'ja', email: 'x@y.nl' }, 'application/merge-patch+json');
  assert.equal(r.status, 400);
  check('Problem', r.body);
  r = await send('POST', `/users/${memberId}/coordinator-areas`, { area: 'WK034403' });
  assert.equal(r.status, 200);
  check('User', r.body);
  assert.deepEqual(r.body.coordinatorAreas, ['WK034403']);
  {
    const res = await fetch(`${api}/users/${memberId}/coordinator-areas/WK034403`, { method: 'DELETE', headers: auth });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('api-version'), apiVersion);
  }

  const municipality = (await get('/areas?level=municipality&limit=1')).body.items[0];
  assert.ok(municipality, 'the demo has a municipality');
  r = await send('POST', '/areas', { code: 'WK999901', name: 'Proefwijk', level: 'district', parent: municipality.code });
  assert.equal(r.status, 201);
  assert.equal(r.location, r.body._links.self.href);
  check('Area', r.body);

  r = await send('POST', '/parties', { name: '', kind: 'nothing', colour: 'red' });
  assert.equal(r.status, 400);
  check('Problem', r.body);
  assert.ok(r.body.invalidParams.length >= 3);

  r = await get('/parties/00000000-0000-7000-8000-000000000000');
  assert.equal(r.status, 404);
  assert.match(r.type, /^application\/problem\+json/);
  check('Problem', r.body);

  const res = await fetch(`${api}/parties/${id}`, { method: 'DELETE', headers: auth });
  assert.equal(res.status, 204);
  assert.equal(res.headers.get('api-version'), apiVersion);
});
