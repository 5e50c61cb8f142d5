// The authorization matrix: every API endpoint and every page that changes
// something, tried by every role, against the outcomes of one table derived
// from the rules in src/model/perm.c:
//   party:    members (and admins) edit; party admins, coordinators of the
//             party's area and platform admins also delete it and manage its
//             members; anyone logged in makes one; a private party is hidden
//             (404) from whoever may not read it (not a member, not its
//             area's coordinator, not a platform admin);
//   areas:    platform admins;
//   users:    platform admins (blocking, appointing coordinators);
//   tokens and sessions: one's own only (someone else's are not there: 404);
//   one's own data: everyone logged in downloads it and erases their own
//             account (the erasing runs use a fresh account of each role, so
//             the other rows keep their people).
//   invitations: who manages the party's members invites and withdraws;
//             whoever has the code and is logged in accepts or declines;
//   activity: platform admins read all of it, coordinators the entries of
//             the parties in their areas (so both get 200), others 403.
//   verification (issue 8): platform admins and coordinators of every one
//             of the party's areas verify a party, and they or a coordinator
//             of one of its areas withdraw it; no one else.
// Anonymous callers get 401 from the API and 303 to the login from the
// pages. Every cell runs against its own fresh target where the action
// would destroy or change it, and checks the target afterwards: changed
// when allowed, unchanged when denied. Also: reads of a private party.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startKiem, kiem } from '../lib/kiem.mjs';
import { call, partyBody, Browser } from './helpers.mjs';
import { sql as sqlOf } from '../lib/kiem.mjs'; // results of initiatives: a partner by SQL

const PASSWORD = 'een-lang-wachtwoord-123';
const AREA = 'WK034403'; // the area of the parties tried
const OTHER_AREA = 'WK034408';

// The people: one per role, and two who are only targets.
const PEOPLE = {
  resident: { email: 'rita@matrix.example', name: 'Rita Bewoner' },
  otherMember: { email: 'olga@matrix.example', name: 'Olga Elders' },
  member: { email: 'mia@matrix.example', name: 'Mia Lid' },
  partyAdmin: { email: 'piet@matrix.example', name: 'Piet Partijbeheer' },
  otherCoordinator: { email: 'cas@matrix.example', name: 'Cas Overvecht', coordinator: OTHER_AREA },
  coordinator: { email: 'cor@matrix.example', name: 'Cor Wijk', coordinator: AREA },
  admin: { email: 'ada@matrix.example', name: 'Ada Beheer', admin: true },
  otto: { email: 'otto@matrix.example', name: 'Otto Eigenaar' }, // owns the tokens and sessions tried; added to and removed from parties
  tom: { email: 'tom@matrix.example', name: 'Tom Doelwit' }, // the account blocked and appointed
};
const ROLES = ['anonymous', 'resident', 'otherMember', 'member', 'partyAdmin', 'otherCoordinator', 'coordinator', 'admin'];

// ---- the matrix ----
// API cells: the status. Page cells: 'login' (303 to /inloggen?next=...),
// or the status (303 being a redirect elsewhere: done).
// "(own)": the role's own token or session (for anonymous: Otto's);
// "(Otto's)": someone else's. "(private)": a private party, else public.
// Every party tried serves WK034403; the member and the party admin are in
// it; the member of another party is a member of one serving WK034408.
/* eslint-disable no-multi-spaces */
const MATRIX = {
  //                                                          anonymous resident otherMember member partyAdmin otherCoord coordinator admin
  'POST /api/v1/parties':                                     [401,     201,     201,        201,   201,       201,       201,        201],
  'PATCH /api/v1/parties/{id}':                               [401,     403,     403,        200,   200,       403,       200,        200],
  'DELETE /api/v1/parties/{id}':                              [401,     403,     403,        403,   204,       403,       204,        204],
  'PATCH /api/v1/parties/{id} (private)':                     [401,     404,     404,        200,   200,       404,       200,        200],
  'DELETE /api/v1/parties/{id} (private)':                    [401,     404,     404,        403,   204,       404,       204,        204],
  'POST /api/v1/parties/{id}/members':                        [401,     403,     403,        403,   201,       403,       201,        201],
  'PATCH /api/v1/parties/{id}/members/{userId}':              [401,     403,     403,        403,   200,       403,       200,        200],
  'DELETE /api/v1/parties/{id}/members/{userId}':             [401,     403,     403,        403,   204,       403,       204,        204],
  'POST /api/v1/parties/{id}/invitations':                    [401,     403,     403,        403,   201,       403,       201,        201],
  'DELETE /api/v1/parties/{id}/invitations/{invitationId}':   [401,     403,     403,        403,   204,       403,       204,        204],
  'POST /api/v1/invitation-acceptances':                      [401,     201,     201,        201,   201,       201,       201,        201],
  'GET /api/v1/activity':                                     [401,     403,     403,        403,   403,       200,       200,        200],
  'POST /api/v1/areas':                                       [401,     403,     403,        403,   403,       403,       403,        201],
  'PATCH /api/v1/users/{id}':                                 [401,     403,     403,        403,   403,       403,       403,        200],
  'POST /api/v1/users/{id}/coordinator-areas':                [401,     403,     403,        403,   403,       403,       403,        200],
  'DELETE /api/v1/users/{id}/coordinator-areas/{code}':       [401,     403,     403,        403,   403,       403,       403,        204],
  'POST /api/v1/tokens':                                      [401,     201,     201,        201,   201,       201,       201,        201],
  'DELETE /api/v1/tokens/{id} (own)':                         [401,     204,     204,        204,   204,       204,       204,        204],
  'DELETE /api/v1/tokens/{id} (Otto\'s)':                     [401,     404,     404,        404,   404,       404,       404,        404],
  'DELETE /api/v1/sessions/{id} (own)':                       [401,     204,     204,        204,   204,       204,       204,        204],
  'DELETE /api/v1/sessions/{id} (Otto\'s)':                   [401,     404,     404,        404,   404,       404,       404,        404],
  'GET /api/v1/tokens/{id} (own)':                            [401,     200,     200,        200,   200,       200,       200,        200],
  'GET /api/v1/tokens/{id} (Otto\'s)':                        [401,     404,     404,        404,   404,       404,       404,        404],
  'GET /api/v1/sessions/{id} (own)':                          [401,     200,     200,        200,   200,       200,       200,        200],
  'GET /api/v1/sessions/{id} (Otto\'s)':                      [401,     404,     404,        404,   404,       404,       404,        404],
  'POST /partijen/nieuw':                                     ['login', 303,     303,        303,   303,       303,       303,        303],
  'POST /partijen/{id}/bewerken':                             ['login', 403,     403,        303,   303,       403,       303,        303],
  'POST /partijen/{id}/verwijderen':                          ['login', 403,     403,        403,   303,       403,       303,        303],
  'POST /partijen/{id}/bewerken (private)':                   ['login', 404,     404,        303,   303,       404,       303,        303],
  'POST /partijen/{id}/verwijderen (private)':                ['login', 404,     404,        403,   303,       404,       303,        303],
  'POST /partijen/{id}/leden':                                ['login', 403,     403,        403,   303,       403,       303,        303],
  'POST /partijen/{id}/leden/{user}/rol':                     ['login', 403,     403,        403,   303,       403,       303,        303],
  'POST /partijen/{id}/leden/{user}/verwijderen':             ['login', 403,     403,        403,   303,       403,       303,        303],
  'POST /partijen/{id}/leden (invite)':                       ['login', 403,     403,        403,   303,       403,       303,        303],
  'POST /partijen/{id}/uitnodigingen/{invitation}/intrekken': ['login', 403,     403,        403,   303,       403,       303,        303],
  'POST /uitnodigingen/{code}/aannemen':                      ['login', 303,     303,        303,   303,       303,       303,        303],
  'POST /uitnodigingen/{code}/afslaan':                       ['login', 200,     200,        200,   200,       200,       200,        200],
  'GET /beheer/activiteit':                                   ['login', 403,     403,        403,   403,       200,       200,        200],
  'POST /beheer/gebruikers/{id}/blokkeren':                   ['login', 403,     403,        403,   403,       403,       403,        303],
  'POST /beheer/gebruikers/{id}/coordinator':                 ['login', 403,     403,        403,   403,       403,       403,        303],
  'POST /beheer/gebruikers/{id}/coordinator/{code}/ontslaan': ['login', 403,     403,        403,   403,       403,       403,        303],
  'POST /account/tokens':                                     ['login', 200,     200,        200,   200,       200,       200,        200],
  'POST /account/tokens/{id}/intrekken (own)':                ['login', 303,     303,        303,   303,       303,       303,        303],
  'POST /account/tokens/{id}/intrekken (Otto\'s)':            ['login', 404,     404,        404,   404,       404,       404,        404],
  'POST /account/sessies/{id}/beeindigen (own)':              ['login', 303,     303,        303,   303,       303,       303,        303],
  'POST /account/sessies/{id}/beeindigen (Otto\'s)':          ['login', 404,     404,        404,   404,       404,       404,        404],
  'POST /uitloggen':                                          [303,     303,     303,        303,   303,       303,       303,        303],
  'POST /inloggen':                                           [303,     303,     303,        303,   303,       303,       303,        303],
  'GET /api/v1/users/me/export':                              [401,     200,     200,        200,   200,       200,       200,        200],
  'GET /account/gegevens':                                    ['login', 200,     200,        200,   200,       200,       200,        200],
  'DELETE /api/v1/users/me (fresh account)':                  [401,     204,     204,        204,   204,       204,       204,        204],
  'POST /account/verwijderen (fresh account)':                ['login', 303,     303,        303,   303,       303,       303,        303],
  // signals (issue 4, signals part): a signal the platform admin reports
  // for a fresh party serving WK034403 (its member and party admin are
  // members of a party concerned); regulatory ones are routed to the
  // demo's wijkbureau Overvecht, of which no one here is a member, so only
  // the platform admin decides; decisions are public
  'POST /api/v1/signals':                                     [401,     403,     403,        201,   201,       403,       201,        201],
  'GET /api/v1/signals/{id}':                                 [401,     404,     404,        200,   200,       404,       200,        200],
  'PATCH /api/v1/signals/{id}':                               [401,     404,     404,        200,   200,       404,       200,        200],
  'POST /api/v1/signals/{id}/status-changes':                 [401,     404,     404,        201,   201,       404,       201,        201],
  'POST /api/v1/signals/{id}/issue':                          [401,     404,     404,        201,   201,       404,       201,        201],
  'POST /api/v1/signals/{id}/decisions':                      [401,     404,     404,        403,   403,       404,       403,        201],
  'GET /api/v1/signals/{id}/decisions':                       [200,     200,     200,        200,   200,       200,       200,        200],
  'POST /signalen/nieuw':                                     ['login', 403,     403,        303,   303,       403,       303,        303],
  'GET /signalen/{id}':                                       ['login', 404,     404,        200,   200,       404,       200,        200],
  'POST /signalen/{id}/status':                               ['login', 404,     404,        303,   303,       404,       303,        303],
  'POST /signalen/{id}/vraagstuk':                            ['login', 404,     404,        303,   303,       404,       303,        303],
  'POST /signalen/{id}/besluit':                              ['login', 404,     404,        403,   403,       404,       403,        303],
  'POST /signalen/{id}/uit-groep':                            ['login', 404,     404,        303,   303,       404,       303,        303],
  // issue 8: anyone logged in reports a signal as a resident, for no party
  'POST /api/v1/signals (as a resident)':                     [401,     201,     201,        201,   201,       201,       201,        201],
  'POST /signalen/nieuw (as a resident)':                     ['login', 303,     303,        303,   303,       303,       303,        303],
  // end of signals
  // anonymous routes of registration and password reset: the same for all
  // (a page of registration sends a logged-in person to /account)
  'POST /api/v1/registrations':                               [202,     202,     202,        202,   202,       202,       202,        202],
  'POST /api/v1/email-confirmations':                         [400,     400,     400,        400,   400,       400,       400,        400],
  'POST /api/v1/email-confirmation-requests':                 [202,     202,     202,        202,   202,       202,       202,        202],
  'POST /api/v1/password-reset-requests':                     [202,     202,     202,        202,   202,       202,       202,        202],
  'POST /api/v1/password-resets':                             [400,     400,     400,        400,   400,       400,       400,        400],
  'POST /registreren':                                        [200,     303,     303,        303,   303,       303,       303,        303],
  'POST /bevestigen/opnieuw':                                 [200,     200,     200,        200,   200,       200,       200,        200],
  'POST /wachtwoord-vergeten':                                [200,     200,     200,        200,   200,       200,       200,        200],
  'POST /wachtwoord-herstellen':                              [400,     400,     400,        400,   400,       400,       400,        400],
  // issue 4, issues core: an issue owned by a party serving WK034403 (the
  // member's), in WK034403; its owner's members and the area's coordinator
  // formulate, change and move it
  'POST /api/v1/issues':                                      [401,     403,     403,        201,   201,       403,       201,        201],
  'PATCH /api/v1/issues/{id}':                                [401,     403,     403,        200,   200,       403,       200,        200],
  'POST /api/v1/issues/{id}/status-changes':                  [401,     403,     403,        201,   201,       403,       201,        201],
  'POST /vraagstukken/nieuw':                                 ['login', 403,     403,        303,   303,       403,       303,        303],
  'POST /vraagstukken/{id}/bewerken':                         ['login', 403,     403,        303,   303,       403,       303,        303],
  'POST /vraagstukken/{id}/status':                           ['login', 403,     403,        303,   303,       403,       303,        303],
  // end of issues core
  // initiatives and their stages (issue 11, part A): an initiative led by
  // a fresh party serving WK034403 (the member and the party admin are in
  // it), in WK034403; the lead's members and the area's coordinator start,
  // change and move it; the lead's admins and platform admins delete it;
  // anyone logged in follows it and offers to help; the offers are for the
  // lead's members and platform admins
  'GET /api/v1/initiatives':                                  [200,     200,     200,        200,   200,       200,       200,        200],
  'POST /api/v1/initiatives':                                 [401,     403,     403,        201,   201,       403,       201,        201],
  'GET /api/v1/initiatives/{id}':                             [200,     200,     200,        200,   200,       200,       200,        200],
  'PATCH /api/v1/initiatives/{id}':                           [401,     403,     403,        200,   200,       403,       200,        200],
  'DELETE /api/v1/initiatives/{id}':                          [401,     403,     403,        403,   204,       403,       403,        204],
  'GET /api/v1/initiatives/{id}/stage-decisions':             [200,     200,     200,        200,   200,       200,       200,        200],
  'POST /api/v1/initiatives/{id}/stage-decisions':            [401,     403,     403,        201,   201,       403,       201,        201],
  'GET /api/v1/initiatives/{id}/follows/me':                  [401,     200,     200,        200,   200,       200,       200,        200],
  'PUT /api/v1/initiatives/{id}/follows/me':                  [401,     201,     201,        201,   201,       201,       201,        201],
  'DELETE /api/v1/initiatives/{id}/follows/me':               [401,     204,     204,        204,   204,       204,       204,        204],
  'GET /api/v1/initiatives/{id}/interest':                    [401,     403,     403,        200,   200,       403,       403,        200],
  'POST /api/v1/initiatives/{id}/interest':                   [401,     201,     201,        201,   201,       201,       201,        201],
  'GET /api/v1/initiatives/{id}/interest/me':                 [401,     200,     200,        200,   200,       200,       200,        200],
  'DELETE /api/v1/initiatives/{id}/interest/me':              [401,     204,     204,        204,   204,       204,       204,        204],
  'POST /initiatieven/nieuw':                                 ['login', 403,     403,        303,   303,       403,       303,        303],
  'GET /initiatieven/{id}/bewerken':                          ['login', 403,     403,        200,   200,       403,       200,        200],
  'POST /initiatieven/{id}/bewerken':                         ['login', 403,     403,        303,   303,       403,       303,        303],
  'POST /initiatieven/{id}/fase':                             ['login', 403,     403,        303,   303,       403,       303,        303],
  'POST /initiatieven/{id}/verwijderen':                      ['login', 403,     403,        403,   303,       403,       403,        303],
  'POST /initiatieven/{id}/volgen':                           ['login', 303,     303,        303,   303,       303,       303,        303],
  'POST /initiatieven/{id}/ontvolgen':                        ['login', 303,     303,        303,   303,       303,       303,        303],
  'POST /initiatieven/{id}/helpen':                           ['login', 303,     303,        303,   303,       303,       303,        303],
  'POST /initiatieven/{id}/niet-helpen':                      ['login', 303,     303,        303,   303,       303,       303,        303],
  // end of initiatives
  // the voice of residents (issue 4, part 3): on an issue in WK034403;
  // "(Otto's)": Otto's comment or notification
  'POST /api/v1/issues/{id}/supports':                        [401,     201,     201,        201,   201,       201,       201,        201],
  'DELETE /api/v1/issues/{id}/supports/me':                   [401,     204,     204,        204,   204,       204,       204,        204],
  'PUT /api/v1/issues/{id}/follows/me':                       [401,     201,     201,        201,   201,       201,       201,        201],
  'POST /api/v1/issues/{id}/comments':                        [401,     201,     201,        201,   201,       201,       201,        201],
  'PATCH /api/v1/issues/{id}/comments/{commentId} (Otto\'s)':   [401,     403,     403,        403,   403,       403,       403,        403],
  'POST /api/v1/issues/{id}/comments/{commentId}/moderation': [401,     403,     403,        403,   403,       403,       201,        201],
  'PATCH /api/v1/users/me/notifications/{id} (Otto\'s)':       [401,     404,     404,        404,   404,       404,       404,        404],
  'GET /api/v1/users/me/notifications/{id} (Otto\'s)':         [401,     404,     404,        404,   404,       404,       404,        404],
  'POST /vraagstukken/{id}/steunen':                          ['login', 303,     303,        303,   303,       303,       303,        303],
  'POST /vraagstukken/{id}/volgen':                           ['login', 303,     303,        303,   303,       303,       303,        303],
  'POST /vraagstukken/{id}/reacties':                         ['login', 303,     303,        303,   303,       303,       303,        303],
  'POST /vraagstukken/{id}/reacties/{cid}/bewerken (Otto\'s)': ['login', 403,     403,        403,   403,       403,       403,        403],
  'POST /vraagstukken/{id}/reacties/{cid}/verbergen':         ['login', 403,     403,        403,   403,       403,       303,        303],
  'DELETE /api/v1/issues/{id}/comments/{commentId}/moderation': [401,   403,     403,        403,   403,       403,       204,        204],
  'POST /vraagstukken/{id}/reacties/{cid}/tonen':             ['login', 403,     403,        403,   403,       403,       303,        303],
  'POST /account/meldingen/{id}/gelezen (Otto\'s)':            ['login', 404,     404,        404,   404,       404,       404,        404],
  // end of the voice of residents
  // issue 4, factors and the role ledger: on an issue in WK034403 owned by a
  // party with the member in it; factors are for members of the owner party
  // (or of a party in the ledger) and the area's coordinator; a role is
  // taken for the owner party by its members or the area's coordinator
  'POST /api/v1/issues/{id}/factors':                         [401,     403,     403,        201,   201,       403,       201,        201],
  'PATCH /api/v1/issues/{id}/factors/{factorId}':             [401,     403,     403,        200,   200,       403,       200,        200],
  'DELETE /api/v1/issues/{id}/factors/{factorId}':            [401,     403,     403,        204,   204,       403,       204,        204],
  'POST /api/v1/issues/{id}/role-ledger':                     [401,     403,     403,        201,   201,       403,       201,        201],
  'DELETE /api/v1/issues/{id}/role-ledger/{role}/{partyId}':  [401,     403,     403,        204,   204,       403,       204,        204],
  'POST /vraagstukken/{id}/factoren':                         ['login', 403,     403,        303,   303,       403,       303,        303],
  'POST /vraagstukken/{id}/factoren/{fid}/bewerken':          ['login', 403,     403,        303,   303,       403,       303,        303],
  'POST /vraagstukken/{id}/factoren/{fid}/verwijderen':       ['login', 403,     403,        303,   303,       403,       303,        303],
  'POST /vraagstukken/{id}/rollen':                           ['login', 403,     403,        303,   303,       403,       303,        303],
  'POST /vraagstukken/{id}/rollen/{role}/{party}/teruggeven': ['login', 403,     403,        303,   303,       403,       303,        303],
  // end of factors and the role ledger
  // issue 8, verified parties: a fresh public party serving WK034403 (its
  // member and party admin are in it); a platform admin or a coordinator of
  // its (one) area verifies it and withdraws that
  'PUT /api/v1/parties/{id}/verification':                    [401,     403,     403,        403,   403,       403,       201,        201],
  'DELETE /api/v1/parties/{id}/verification':                 [401,     403,     403,        403,   403,       403,       204,        204],
  'POST /partijen/{id}/verificatie':                          ['login', 403,     403,        403,   403,       403,       303,        303],
  'POST /partijen/{id}/verificatie/intrekken':                ['login', 403,     403,        403,   403,       403,       303,        303],
  // end of verified parties
  // issue 11, partners and intrapreneurship: an initiative in WK034403 led
  // by a fresh party (the member and the party admin are in it), with
  // Otto's party (otherMember is its plain member) as a partner; "(as the
  // partner party)": led by Otto's party instead, with the fresh party as
  // the partner, whose admin may change its contribution and withdraw it.
  // Hours are one's own, for a party one is a member of (400 for one who
  // has none); Otto's are no one else's to change.
  'POST /api/v1/initiatives/{id}/partners':                   [401,     403,     403,        201,   201,       403,       201,        201],
  'PATCH /api/v1/initiatives/{id}/partners/{partnerId}':      [401,     403,     403,        200,   200,       403,       200,        200],
  'DELETE /api/v1/initiatives/{id}/partners/{partnerId}':     [401,     403,     403,        204,   204,       403,       204,        204],
  'PATCH /api/v1/initiatives/{id}/partners/{partnerId} (as the partner party)': [401, 403, 200,  403,   200,       403,       200,        200],
  'DELETE /api/v1/initiatives/{id}/partners/{partnerId} (as the partner party)': [401, 403, 204, 403,   204,       403,       204,        204],
  'PUT /api/v1/initiatives/{id}/intrapreneurs/{user} (me)':   [401,     400,     201,        201,   201,       400,       400,        400],
  'PUT /api/v1/initiatives/{id}/intrapreneurs/{user} (Otto\'s)': [401,  403,     403,        403,   403,       403,       403,        403],
  'DELETE /api/v1/initiatives/{id}/intrapreneurs/{user} (me)': [401,    404,     204,        204,   204,       404,       404,        404],
  'DELETE /api/v1/initiatives/{id}/intrapreneurs/{user} (Otto\'s)': [401, 403,   403,        403,   403,       403,       403,        403],
  'POST /initiatieven/{id}/partners':                         ['login', 403,     403,        303,   303,       403,       303,        303],
  'POST /initiatieven/{id}/partners/{pid}/bewerken':          ['login', 403,     403,        303,   303,       403,       303,        303],
  'POST /initiatieven/{id}/partners/{pid}/verwijderen':       ['login', 403,     403,        303,   303,       403,       303,        303],
  'POST /initiatieven/{id}/partners/{pid}/bewerken (as the partner party)': ['login', 403, 303, 403, 303,     403,       303,        303],
  'POST /initiatieven/{id}/uren':                             ['login', 400,     303,        303,   303,       400,       400,        400],
  'POST /initiatieven/{id}/uren/verwijderen':                 ['login', 404,     303,        303,   303,       404,       404,        404],
  // end of partners and intrapreneurship
  // issue 11, coalitions and ties (part C): a coalition in WK034403 that the
  // platform admin started for a fresh party (the member and the party
  // admin in it; Otto's party a partner); "(by its party)": one Otto's
  // party manages, with the fresh party as a partner, whose admins may
  // withdraw it. A tie goes from a fresh party (WK034403) to Otto's party
  // (WK034408, otherMember in it): members of either and coordinators of
  // an area of either record and remove it.
  'POST /api/v1/coalitions':                                  [401,     403,     403,        201,   201,       403,       403,        201],
  'PATCH /api/v1/coalitions/{id}':                            [401,     403,     403,        200,   200,       403,       200,        200],
  'DELETE /api/v1/coalitions/{id}':                           [401,     403,     403,        204,   204,       403,       204,        204],
  'POST /api/v1/coalitions/{id}/partners':                    [401,     403,     403,        201,   201,       403,       201,        201],
  'PATCH /api/v1/coalitions/{id}/partners/{partnerId}':       [401,     403,     403,        200,   200,       403,       200,        200],
  'DELETE /api/v1/coalitions/{id}/partners/{partnerId}':      [401,     403,     403,        204,   204,       403,       204,        204],
  'DELETE /api/v1/coalitions/{id}/partners/{partnerId} (by its party)': [401, 403, 204,      403,   204,       403,       204,        204],
  'POST /api/v1/ties':                                        [401,     403,     201,        201,   201,       201,       201,        201],
  'DELETE /api/v1/ties/{id}':                                 [401,     403,     204,        204,   204,       204,       204,        204],
  'GET /api/v1/parties/{id}/connections (private)':           [404,     404,     404,        200,   200,       404,       200,        200],
  'POST /samenwerkingen/nieuw':                               ['login', 403,     403,        303,   303,       403,       403,        303],
  'POST /samenwerkingen/{id}/bewerken':                       ['login', 403,     403,        303,   303,       403,       303,        303],
  'POST /samenwerkingen/{id}/verwijderen':                    ['login', 403,     403,        303,   303,       403,       303,        303],
  'POST /samenwerkingen/{id}/partners':                       ['login', 403,     403,        303,   303,       403,       303,        303],
  'POST /samenwerkingen/{id}/partners/{pid}/bewerken':        ['login', 403,     403,        303,   303,       403,       303,        303],
  'POST /samenwerkingen/{id}/partners/{pid}/verwijderen':     ['login', 403,     403,        303,   303,       403,       303,        303],
  'POST /samenwerkingen/{id}/partners/{pid}/verwijderen (by its party)': ['login', 403, 303, 403, 303,      403,       303,        303],
  'POST /partijen/{id}/relaties':                             ['login', 403,     303,        303,   303,       303,       303,        303],
  'POST /partijen/{id}/relaties/{tie}/verwijderen':           ['login', 403,     303,        303,   303,       303,       303,        303],
  // end of coalitions and ties
  // events (issue 11, part D): an event in WK034403 organised by a fresh
  // party with the member in it; its members, the area's coordinator and
  // platform admins make and change it, see who registered and mark
  // attendance (of Otto, registered); anyone logged in registers
  'POST /api/v1/events':                                      [401,     403,     403,        201,   201,       403,       201,        201],
  'PATCH /api/v1/events/{id}':                                [401,     403,     403,        200,   200,       403,       200,        200],
  'GET /api/v1/events/{id}/registrations':                    [401,     403,     403,        200,   200,       403,       200,        200],
  'POST /api/v1/events/{id}/registrations':                   [401,     201,     201,        201,   201,       201,       201,        201],
  'GET /api/v1/events/{id}/registrations/me':                 [401,     200,     200,        200,   200,       200,       200,        200],
  'DELETE /api/v1/events/{id}/registrations/me':              [401,     204,     204,        204,   204,       204,       204,        204],
  'PATCH /api/v1/events/{id}/registrations/{userId}':         [401,     403,     403,        200,   200,       403,       200,        200],
  'POST /bijeenkomsten/nieuw':                                ['login', 403,     403,        303,   303,       403,       303,        303],
  'POST /bijeenkomsten/{id}/bewerken':                        ['login', 403,     403,        303,   303,       403,       303,        303],
  'POST /bijeenkomsten/{id}/aanmelden':                       ['login', 303,     303,        303,   303,       303,       303,        303],
  'POST /bijeenkomsten/{id}/afmelden':                        ['login', 303,     303,        303,   303,       303,       303,        303],
  'POST /bijeenkomsten/{id}/aanwezig/{user}/ja':              ['login', 403,     403,        303,   303,       403,       303,        303],
  // end of events
  // issue 11, results of initiatives: a fresh initiative in WK034403 led by
  // a fresh party (the member's and the party admin's), with the other
  // member's party as its partner; partners add milestones, measurements
  // and lessons; the lead's members and the area's coordinator manage
  'POST /api/v1/initiatives/{id}/milestones':                  [401,     403,     201,        201,   201,       403,       201,        201],
  'PATCH /api/v1/initiatives/{id}/milestones/{milestoneId}':   [401,     403,     403,        200,   200,       403,       200,        200],
  'DELETE /api/v1/initiatives/{id}/milestones/{milestoneId}':  [401,     403,     403,        204,   204,       403,       204,        204],
  'POST /api/v1/initiatives/{id}/outcomes':                    [401,     403,     403,        201,   201,       403,       201,        201],
  'PATCH /api/v1/initiatives/{id}/outcomes/{outcomeId}':       [401,     403,     403,        200,   200,       403,       200,        200],
  'DELETE /api/v1/initiatives/{id}/outcomes/{outcomeId}':      [401,     403,     403,        204,   204,       403,       204,        204],
  'POST /api/v1/initiatives/{id}/outcomes/{outcomeId}/measurements': [401, 403,   201,        201,   201,       403,       201,        201],
  'DELETE /api/v1/initiatives/{id}/outcomes/{outcomeId}/measurements/{measurementId}': [401, 403, 403, 204, 204, 403,     204,        204],
  'POST /api/v1/initiatives/{id}/lessons':                     [401,     403,     201,        201,   201,       403,       201,        201],
  'PATCH /api/v1/initiatives/{id}/lessons/{lessonId}':         [401,     403,     403,        200,   200,       403,       200,        200],
  'DELETE /api/v1/initiatives/{id}/lessons/{lessonId}':        [401,     403,     403,        204,   204,       403,       204,        204],
  'GET /api/v1/initiatives/flagged':                           [401,     403,     403,        403,   403,       200,       200,        200],
  'POST /initiatieven/{id}/mijlpalen':                         ['login', 403,     303,        303,   303,       403,       303,        303],
  'POST /initiatieven/{id}/mijlpalen/{mid}/bewerken':          ['login', 403,     403,        303,   303,       403,       303,        303],
  'POST /initiatieven/{id}/mijlpalen/{mid}/verwijderen':       ['login', 403,     403,        303,   303,       403,       303,        303],
  'POST /initiatieven/{id}/resultaten/nieuw':                  ['login', 403,     403,        303,   303,       403,       303,        303],
  'POST /initiatieven/{id}/resultaten/{oid}/bewerken':         ['login', 403,     403,        303,   303,       403,       303,        303],
  'POST /initiatieven/{id}/resultaten/{oid}/verwijderen':      ['login', 403,     403,        303,   303,       403,       303,        303],
  'POST /initiatieven/{id}/resultaten/{oid}/metingen':         ['login', 403,     303,        303,   303,       403,       303,        303],
  'POST /initiatieven/{id}/lessen/nieuw':                      ['login', 403,     303,        303,   303,       403,       303,        303],
  'POST /initiatieven/{id}/lessen/{lid}/bewerken':             ['login', 403,     403,        303,   303,       403,       303,        303],
  'POST /initiatieven/{id}/lessen/{lid}/verwijderen':          ['login', 403,     403,        303,   303,       403,       303,        303],
  'GET /initiatieven/aandacht':                                ['login', 403,     403,        403,   403,       200,       200,        200],
  // end of results of initiatives
  // reads of a private party
  'GET /api/v1/parties/{id} (private)':                       [404,     404,     404,        200,   200,       404,       200,        200],
  'GET /partijen/{id} (private)':                             [404,     404,     404,        200,   200,       404,       200,        200],
};
/* eslint-enable no-multi-spaces */

// Cells whose outcome differs from what perm.c says: 'route | role' -> why.
// Cells known to differ from the table, each with the reason (none now).
const TODO = {};

// ---- the server, the people, a small browser ----

let k;
const T = {}; // API tokens by role
const ID = {}; // user ids by role
const B = {}; // a logged-in browser by role (anonymous: none)
let readParty; // the private party every role tries to read
let otherParty; // Otto's party in WK034408, of which otherMember is a member
let n = 0;
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

const api = (who, path, opts = {}) => call(k.url, path, { ...opts, token: who === 'anonymous' ? undefined : T[who] });

async function login(who) {
  const b = new Browser(k.url);
  const r = await b.post('/inloggen', { email: PEOPLE[who].email, password: PASSWORD, next: '/account' });
  assert.equal(r.status, 303, `login of ${who}: ${r.status} ${r.text.slice(0, 200)}`);
  assert.ok(b.jar.get('kiem_session'), `no session after the login of ${who}`);
  return b;
}

// What came back, in the matrix's terms.
function outcome(r) {
  if (r.status === 303 && r.location) {
    const u = new URL(r.location, k.url);
    if (u.pathname === '/inloggen' && u.searchParams.has('next')) return 'login';
  }
  return r.status;
}
const allowed = (expected) => typeof expected === 'number' && ((expected >= 200 && expected < 300) || expected === 303);

// ---- targets and what to look at ----

// A new party as the party admin, serving WK034403, with the member in it
// (and Otto too, with: 'otto').
async function freshParty({ visibility = 'public', otto = false } = {}) {
  const name = `Matrixpartij ${uniq()}`;
  const r = await api('partyAdmin', '/api/v1/parties', { method: 'POST', body: partyBody({ name, areas: [AREA], visibility }) });
  assert.equal(r.status, 201, r.text);
  const id = r.body.id;
  const add = async (who) => {
    const a = await api('partyAdmin', `/api/v1/parties/${id}/members`, { method: 'POST', body: { email: PEOPLE[who].email, role: 'member' } });
    assert.equal(a.status, 201, a.text);
  };
  await add('member');
  if (otto) await add('otto');
  return { id, name };
}

// A party as the platform admin sees it (status, and what a change touches).
async function partyState(id) {
  const r = await api('admin', `/api/v1/parties/${id}`);
  return r.status === 200 ? { status: 200, name: r.body.name, kind: r.body.kind, visibility: r.body.visibility } : { status: r.status };
}

async function membersState(id) {
  const r = await api('admin', `/api/v1/parties/${id}/members`);
  assert.equal(r.status, 200, r.text);
  return r.body.items.map((m) => `${m.userId}:${m.role}`).sort();
}

async function partiesNamed(name) {
  const r = await api('admin', `/api/v1/parties?q=${encodeURIComponent(name)}&limit=100`);
  assert.equal(r.status, 200, r.text);
  return r.body.items.filter((p) => p.name === name).length;
}

async function userState(who) {
  const r = await api('admin', `/api/v1/users/${ID[who]}`);
  assert.equal(r.status, 200, r.text);
  return { blocked: r.body.blocked, coordinatorAreas: r.body.coordinatorAreas };
}

async function tokenIds(who) {
  const r = await api(who, '/api/v1/tokens');
  assert.equal(r.status, 200, r.text);
  return r.body.items.map((t) => t.id).sort();
}

async function sessionIds(who) {
  const r = await api(who, '/api/v1/sessions');
  assert.equal(r.status, 200, r.text);
  return r.body.items.map((s) => s.id).sort();
}

async function newToken(who) {
  const r = await api(who, '/api/v1/tokens', { method: 'POST', body: { name: `matrix ${uniq()}` } });
  assert.equal(r.status, 201, r.text);
  return r.body.id;
}

// A new login session of who, in a browser of its own: {browser, id}.
async function newSession(who) {
  const before = await sessionIds(who);
  const browser = await login(who);
  const fresh = (await sessionIds(who)).filter((s) => !before.includes(s));
  assert.equal(fresh.length, 1, `one new session of ${who}`);
  return { browser, id: fresh[0] };
}

// A new person in the place of role (for anonymous: a resident, who is only
// the target), with an API token: {email, token, id, role}. For the rows
// that erase the account of whoever acts.
async function freshPerson(role) {
  const email = `vers-${uniq()}@matrix.example`;
  const args = ['user', 'add', '--email', email, '--name', `Vers ${role}`, '--db', k.db];
  if (role === 'admin') args.push('--admin');
  if (role === 'coordinator') args.push('--coordinator', AREA);
  if (role === 'otherCoordinator') args.push('--coordinator', OTHER_AREA);
  const add = kiem(args, { input: `${PASSWORD}\n` });
  assert.equal(add.status, 0, add.stderr);
  const t = kiem(['token', 'create', '--email', email, '--db', k.db]);
  assert.equal(t.status, 0, t.stderr);
  const token = t.stdout.trim();
  const me = await call(k.url, '/api/v1/users/me', { token });
  assert.equal(me.status, 200, me.text);
  const join = async (party, by, as) => {
    const r = await api(by, `/api/v1/parties/${party}/members`, { method: 'POST', body: { email, role: as } });
    assert.equal(r.status, 201, r.text);
  };
  if (role === 'otherMember') await join(otherParty, 'otto', 'member');
  if (role === 'member') await join((await freshParty()).id, 'partyAdmin', 'member');
  if (role === 'partyAdmin') await join((await freshParty()).id, 'partyAdmin', 'admin');
  return { email, token, id: me.body.id, role };
}

// A person as the platform admin sees them.
async function personState(ctx) {
  const r = await api('admin', `/api/v1/users/${ctx.id}`);
  assert.equal(r.status, 200, r.text);
  return { name: r.body.name, email: r.body.email, blocked: r.body.blocked };
}

// After an erasure: the name and email are gone, the token stops.
async function assertErased(ctx) {
  const now = await personState(ctx);
  assert.equal(now.name, 'Verwijderde gebruiker');
  assert.notEqual(now.email, ctx.email);
  assert.equal((await call(k.url, '/api/v1/users/me', { token: ctx.token })).status, 401);
}

// The export is the reader's own: their account, never someone else's.
function assertOwnExport(role, doc) {
  assert.equal(doc.account.id, ID[role]);
  assert.equal(doc.account.email, PEOPLE[role].email);
  assert.ok(Array.isArray(doc.memberships) && Array.isArray(doc.activity), 'the export lacks sections');
}

// How many accounts have this email address, as a platform admin sees.
// (a registration is answered first and carried out a moment later: wait for it)
const accountsOf = async (email) => {
  await k.settled();
  return (await api('admin', `/api/v1/users?q=${encodeURIComponent(email)}`)).body.items.length;
};

// The pending invitations of a party, as the platform admin sees them.
async function invitationsState(id) {
  const r = await api('admin', `/api/v1/parties/${id}/invitations`);
  assert.equal(r.status, 200, r.text);
  return r.body.items.map((i) => `${i.email}:${i.role}`).sort();
}

// A fresh party with one invitation, as the party admin: {id, invitation, code}.
async function freshInvitation() {
  const party = await freshParty();
  const email = `genodigd-${uniq()}@matrix.example`;
  const r = await api('partyAdmin', `/api/v1/parties/${party.id}/invitations`, { method: 'POST', body: { email, role: 'member' } });
  assert.equal(r.status, 201, r.text);
  const { body } = await k.mail(email);
  const code = /\/uitnodigingen\/([A-Za-z0-9_-]{43})/.exec(body)[1];
  return { id: party.id, invitation: r.body.id, code };
}
const invitationRow = (act) => ({ setup: freshInvitation, act, state: (ctx) => invitationsState(ctx.id) });

const owner = (role) => (role === 'anonymous' ? 'otto' : role);
const browserOf = (role) => (role === 'anonymous' ? new Browser(k.url) : B[role]);
let areaNo = 10;

// ---- how each row is tried ----
// setup(role) -> ctx; act(role, ctx) -> answer; state(ctx, role) -> what
// must change when allowed and stay the same when denied; cleanup.

const partyRow = (opts, act) => ({
  setup: () => freshParty(opts),
  act,
  state: (ctx) => partyState(ctx.id),
});
const membersRow = (opts, act) => ({
  setup: () => freshParty(opts),
  act,
  state: (ctx) => membersState(ctx.id),
});

// issue 4, issues core: a fresh party (with the member in it) and, when
// asked, an issue it owns in WK034403, made by the platform admin; the state
// is the issue as anyone reads it, or the count of issues with the title.
async function freshIssue(withIssue) {
  const party = await freshParty();
  const title = `Matrixvraagstuk ${uniq()}`;
  if (!withIssue) return { party: party.id, title };
  const r = await api('admin', '/api/v1/issues', { method: 'POST', body: { title, summary: 'Samenvatting', area: AREA, ownerParty: party.id } });
  assert.equal(r.status, 201, r.text);
  return { party: party.id, title, id: r.body.id };
}
async function issueState(ctx) {
  if (!ctx.id) {
    const r = await api('anonymous', `/api/v1/issues?q=${encodeURIComponent(ctx.title)}&limit=100`);
    assert.equal(r.status, 200, r.text);
    return r.body.items.filter((i) => i.title === ctx.title).length;
  }
  const r = await api('anonymous', `/api/v1/issues/${ctx.id}`);
  assert.equal(r.status, 200, r.text);
  return { title: r.body.title, status: r.body.status };
}
const issueRow = (withIssue, act) => ({ setup: () => freshIssue(withIssue), act, state: issueState });

// events (issue 11, part D): a fresh party (with the member in it) and,
// when asked, an event it organises in WK034403, made by the platform
// admin, with the role (registered: true) or Otto (otto: true) registered;
// the state is the event, its registered count, or the count by title.
async function freshEvent({ event = true, registered = false, otto = false, role } = {}) {
  const party = await freshParty();
  const title = `Matrixbijeenkomst ${uniq()}`;
  if (!event) return { party: party.id, title };
  const r = await api('admin', '/api/v1/events', { method: 'POST', body: { title, place: 'Buurthuis', start: '2031-06-01T17:00:00Z', end: '2031-06-01T19:00:00Z', organizer: party.id, area: AREA } });
  assert.equal(r.status, 201, r.text);
  const ctx = { party: party.id, title, id: r.body.id };
  if (registered && role !== 'anonymous') assert.equal((await api(role, `/api/v1/events/${ctx.id}/registrations`, { method: 'POST' })).status, 201);
  if (otto) assert.equal((await api('otto', `/api/v1/events/${ctx.id}/registrations`, { method: 'POST' })).status, 201);
  return ctx;
}
async function eventState(ctx) {
  if (!ctx.id) {
    const r = await api('anonymous', `/api/v1/events?q=${encodeURIComponent(ctx.title)}&limit=100`);
    assert.equal(r.status, 200, r.text);
    return r.body.items.filter((e) => e.title === ctx.title).length;
  }
  const r = await api('anonymous', `/api/v1/events/${ctx.id}`);
  assert.equal(r.status, 200, r.text);
  return { title: r.body.title, place: r.body.place, sequence: r.body.sequence, registered: r.body.registered };
}
async function ottoAttendance(ctx) {
  const r = await api('otto', `/api/v1/events/${ctx.id}/registrations/me`);
  assert.equal(r.status, 200, r.text);
  return r.body.status;
}
const eventForm = (ctx, over = {}) => ({ title: ctx.title, place: 'Buurthuis', start: '2031-06-01T19:00', end: '2031-06-01T21:00', organizer: ctx.party, area: AREA, ...over });
// signals (issue 4, signals part): a signal the platform admin reports for
// a fresh party serving WK034403, and what a change touches
async function freshSignal({ regulatory = false } = {}) {
  const party = (await freshParty()).id;
  const body = { kind: 'bottleneck', title: `Matrixsignaal ${uniq()}`, description: `Iets anders ${uniq()}`, area: AREA, party };
  if (regulatory) Object.assign(body, { regulatory: true, rule: 'Een regel uit de matrix' });
  const r = await api('admin', '/api/v1/signals', { method: 'POST', body });
  assert.equal(r.status, 201, r.text);
  return { id: r.body.id };
}
async function signalState(id) {
  const r = await api('admin', `/api/v1/signals/${id}`);
  assert.equal(r.status, 200, r.text);
  const d = await api('admin', `/api/v1/signals/${id}/decisions`);
  return { status: r.body.status, issue: r.body.issue, cluster: r.body.cluster, decisions: d.body.items.length };
}
// two signals alike for one fresh party: the second joins the first's cluster
async function clusteredSignal() {
  const party = (await freshParty()).id;
  // words of its own only, so that it is like no signal of another cell
  const t = `${uniq()}x ${uniq()}y`;
  const body = { kind: 'opportunity', title: t, description: t, area: AREA, party };
  const a = await api('admin', '/api/v1/signals', { method: 'POST', body });
  const b = await api('admin', '/api/v1/signals', { method: 'POST', body });
  assert.equal(b.status, 201, b.text);
  assert.equal(b.body.cluster, a.body.id, 'the second signal joins the first one\'s cluster');
  return { id: b.body.id };
}
const clusterRow = (act) => ({ setup: clusteredSignal, act, state: (ctx) => signalState(ctx.id) });
async function signalsNamed(title) {
  const r = await api('admin', `/api/v1/signals?q=${encodeURIComponent(title)}&limit=100`);
  assert.equal(r.status, 200, r.text);
  return r.body.items.filter((x) => x.title === title).length;
}
const signalRow = (opts, act) => ({ setup: () => freshSignal(opts), act, state: (ctx) => signalState(ctx.id) });

// the voice of residents (issue 4, part 3): a fresh issue; Otto's comment
// on it; a notification of Otto's (he follows, the admin comments)
async function voiceIssue(role, { support = false, comment = false, hidden = false, note = false } = {}) {
  const ctx = await freshIssue(true);
  if (support && role !== 'anonymous') assert.equal((await api(role, `/api/v1/issues/${ctx.id}/supports`, { method: 'POST', body: {} })).status, 201);
  if (comment) {
    const r = await api('otto', `/api/v1/issues/${ctx.id}/comments`, { method: 'POST', body: { body: `Van Otto ${uniq()}` } });
    assert.equal(r.status, 201, r.text);
    ctx.comment = r.body.id;
  }
  if (hidden) {
    const r = await api('admin', `/api/v1/issues/${ctx.id}/comments/${ctx.comment}/moderation`, { method: 'POST', body: { reason: 'Verborgen' } });
    assert.equal(r.status, 201, r.text);
  }
  if (note) {
    assert.equal((await api('otto', `/api/v1/issues/${ctx.id}/follows/me`, { method: 'PUT', body: {} })).status, 201);
    assert.equal((await api('admin', `/api/v1/issues/${ctx.id}/comments`, { method: 'POST', body: { body: 'Nieuws' } })).status, 201);
    const n = await api('otto', '/api/v1/users/me/notifications?limit=1');
    ctx.note = n.body.items[0].id;
  }
  return ctx;
}
const supportCount = async (ctx) => (await api('anonymous', `/api/v1/issues/${ctx.id}/supports`)).body.count;
const followState = async (ctx, role) => (role === 'anonymous' ? null : (await api(role, `/api/v1/issues/${ctx.id}/follows/me`)).status);
const commentCount = async (ctx) => (await api('anonymous', `/api/v1/issues/${ctx.id}/comments?limit=100`)).body.items.length;
const ottoComment = async (ctx) => { const r = (await api('otto', `/api/v1/issues/${ctx.id}/comments/${ctx.comment}`)).body; return [r.body, r.hidden]; };
const ottoNote = async (ctx) => (await api('otto', '/api/v1/users/me/notifications?limit=100')).body.items.find((x) => x.id === ctx.note).read;

// issue 4, factors and the role ledger: a fresh issue (issues core's),
// with a factor or the owner party in the role 'invest' when asked, made by
// the platform admin; the state is what anyone reads of them.
async function freshFactor() {
  const ctx = await freshIssue(true);
  const r = await api('admin', `/api/v1/issues/${ctx.id}/factors`, { method: 'POST', body: { kind: 'social', effect: 'enabling', description: 'Buren helpen elkaar' } });
  assert.equal(r.status, 201, r.text);
  return { ...ctx, factor: r.body.id };
}
async function freshEntry() {
  const ctx = await freshIssue(true);
  const r = await api('admin', `/api/v1/issues/${ctx.id}/role-ledger`, { method: 'POST', body: { role: 'invest', party: ctx.party } });
  assert.equal(r.status, 201, r.text);
  return ctx;
}
async function factorsState(ctx) {
  const r = await api('anonymous', `/api/v1/issues/${ctx.id}/factors`);
  assert.equal(r.status, 200, r.text);
  return r.body.items.map((f) => `${f.kind}/${f.effect}: ${f.description}`);
}
async function ledgerState(ctx) {
  const r = await api('anonymous', `/api/v1/issues/${ctx.id}/role-ledger`);
  assert.equal(r.status, 200, r.text);
  return r.body.roles.filter((x) => !x.empty).map((x) => `${x.role}: ${x.parties.map((p) => p.id).join(',')}`);
}
const factorRow = (setup, act) => ({ setup, act, state: factorsState });
const ledgerRow = (setup, act) => ({ setup, act, state: ledgerState });
// end of factors and the role ledger
// issue 11, results of initiatives: a fresh initiative in WK034403 led by a
// fresh party (the member and the party admin are in it), with the other
// member's party (Otto's) as its partner, written by SQL as part B's API
// would; with a milestone, an outcome with a measurement and a lesson by
// the platform admin; the state is what anyone reads of its results.
async function resultsInitiative() {
  const party = await freshParty();
  const r = await api('partyAdmin', '/api/v1/initiatives', { method: 'POST', body: { title: `Matrixinitiatief ${uniq()}`, summary: 'Samenvatting', type: 'service', leadParty: party.id, area: AREA, participationLevel: 'consulted' } });
  assert.equal(r.status, 201, r.text);
  const id = r.body.id;
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  sqlOf(k.db, `INSERT INTO initiative_partners (id, initiative_id, party_id, role_key, since, created_at, updated_at) VALUES ('${crypto.randomUUID()}', '${id}', '${otherParty}', 'invest', '${now.slice(0, 10)}', '${now}', '${now}')`);
  const add = async (path, body) => {
    const x = await api('admin', `/api/v1/initiatives/${id}/${path}`, { method: 'POST', body });
    assert.equal(x.status, 201, x.text);
    return x.body.id;
  };
  const milestone = await add('milestones', { title: 'Mijlpaal', due: now.slice(0, 10) });
  const outcome = await add('outcomes', { indicator: 'Deelnemers', unit: 'personen' });
  const measurement = await add(`outcomes/${outcome}/measurements`, { measuredOn: now.slice(0, 10), value: 5 });
  const lesson = await add('lessons', { body: 'Een les van de beheerder.' });
  return { id, milestone, outcome, measurement, lesson };
}
async function resultsState(ctx) {
  const get = async (path) => {
    const r = await api('anonymous', `/api/v1/initiatives/${ctx.id}/${path}`);
    assert.equal(r.status, 200, r.text);
    return r.body.items;
  };
  return {
    milestones: (await get('milestones')).map((m) => `${m.title}:${m.status}:${m.progress}`),
    outcomes: (await get('outcomes')).map((o) => `${o.indicator}:${o.target}:${o.measurementCount}`),
    lessons: (await get('lessons?limit=100')).map((l) => `${l.body}:${l.workingElements.join(',')}`),
  };
}
const resultsRow = (act) => ({ setup: resultsInitiative, act, state: resultsState });
const resultsPage = (path, fields) => resultsRow((role, ctx) => browserOf(role).post(path(ctx), fields));
// end of results of initiatives
// issue 8, verified parties: a fresh party (verified by the platform admin
// when asked), and whether it is verified, as anyone reads it
async function verifiedParty(verified) {
  const party = await freshParty();
  if (verified) assert.equal((await api('admin', `/api/v1/parties/${party.id}/verification`, { method: 'PUT', body: {} })).status, 201);
  return party;
}
const verificationState = async (ctx) => (await api('anonymous', `/api/v1/parties/${ctx.id}/verification`)).body.verified;
const verificationRow = (verified, act) => ({ setup: () => verifiedParty(verified), act, state: verificationState });
// end of verified parties
// issue 11, partners and intrapreneurship: an initiative in WK034403 led by
// a fresh party serving it (or Otto's), made by the platform admin; with
// Otto's party as its partner, or the fresh party when Otto's leads; and
// Otto's hours, or the role's own, when asked.
async function partnersInitiative({ ottoLeads = false, ottoHours = false, ownHours = null } = {}) {
  const party = (await freshParty()).id;
  const lead = ottoLeads ? otherParty : party;
  const title = `Matrixinitiatief ${uniq()}`;
  const r = await api('admin', '/api/v1/initiatives', { method: 'POST', body: { title, summary: 'Samenvatting', description: '', type: 'process', leadParty: lead, area: AREA, participationLevel: 'consulted' } });
  assert.equal(r.status, 201, r.text);
  const { id } = r.body;
  const p = await api('admin', `/api/v1/initiatives/${id}/partners`, { method: 'POST', body: { party: ottoLeads ? party : otherParty, role: 'combine_knowledge', hoursPerWeek: 4 } });
  assert.equal(p.status, 201, p.text);
  if (ottoHours) {
    const h = await api('otto', `/api/v1/initiatives/${id}/intrapreneurs/me`, { method: 'PUT', body: { party: otherParty, hoursPerWeek: 3 } });
    assert.equal(h.status, 201, h.text);
  }
  if (ownHours && hoursParty(ownHours, party) && ownHours !== 'anonymous') {
    const h = await api(ownHours, `/api/v1/initiatives/${id}/intrapreneurs/me`, { method: 'PUT', body: { party: hoursParty(ownHours, party), hoursPerWeek: 2 } });
    assert.equal(h.status, 201, h.text);
  }
  return { id, party, partner: p.body.id };
}
// The party whose member the role is, for its own hours: the fresh party
// (the member, the party admin), Otto's (otherMember), else none.
const hoursParty = (role, party) => (['member', 'partyAdmin'].includes(role) ? party : role === 'otherMember' ? otherParty : null);
async function partnersState(ctx) {
  const r = await api('admin', `/api/v1/initiatives/${ctx.id}/partners`);
  assert.equal(r.status, 200, r.text);
  return r.body.items.map((x) => `${x.party}: ${x.role}, ${x.contribution}, ${x.hoursPerWeek}`);
}
async function hoursState(ctx) {
  const r = await api('admin', `/api/v1/initiatives/${ctx.id}/intrapreneurs`);
  assert.equal(r.status, 200, r.text);
  return r.body.items.map((x) => `${x.user}: ${x.party}, ${x.hoursPerWeek}`);
}
const partnerRow = (opts, act) => ({ setup: () => partnersInitiative(opts), act, state: partnersState });
const hoursRow = (opts, act) => ({ setup: (role) => partnersInitiative({ ...opts, ownHours: opts.ownHours ? role : null }), act, state: hoursState });
// end of partners and intrapreneurship

// initiatives (issue 11, part A): an initiative the platform admin starts
// for a fresh party serving WK034403, in WK034403; with follow or offer, the
// role (when logged in) follows it or offered to help first
async function freshInitiative(role, { follow = false, offer = false, made = true } = {}) {
  const party = await freshParty();
  const title = `Matrixinitiatief ${uniq()}`;
  if (!made) return { party: party.id, title };
  const r = await api('admin', '/api/v1/initiatives', { method: 'POST', body: { title, summary: 'Samenvatting', type: 'service', leadParty: party.id, area: AREA, participationLevel: 'consulted' } });
  assert.equal(r.status, 201, r.text);
  const id = r.body.id;
  if (role !== 'anonymous' && follow) assert.equal((await api(role, `/api/v1/initiatives/${id}/follows/me`, { method: 'PUT' })).status, 201);
  if (role !== 'anonymous' && offer) assert.equal((await api(role, `/api/v1/initiatives/${id}/interest`, { method: 'POST', body: { message: 'Ik help' } })).status, 201);
  return { party: party.id, title, id };
}
async function initiativeState(ctx, role) {
  if (!ctx.id) {
    const r = await api('anonymous', `/api/v1/initiatives?q=${encodeURIComponent(ctx.title)}&limit=100`);
    assert.equal(r.status, 200, r.text);
    return r.body.items.filter((i) => i.title === ctx.title).length;
  }
  const r = await api('anonymous', `/api/v1/initiatives/${ctx.id}`);
  if (r.status !== 200) return { status: r.status };
  const d = await api('anonymous', `/api/v1/initiatives/${ctx.id}/stage-decisions`);
  const mine = role && role !== 'anonymous' ? await api(role, `/api/v1/initiatives/${ctx.id}/follows/me`) : { status: 0 };
  const offer = role && role !== 'anonymous' ? await api(role, `/api/v1/initiatives/${ctx.id}/interest/me`) : { status: 0 };
  return { title: r.body.title, stage: r.body.stage, participationLevel: r.body.participationLevel, decisions: d.body.items.length,
    following: mine.status === 200, offer: offer.status === 200 ? offer.body.message : null };
}
const initRow = (opts, act) => ({ setup: (role) => freshInitiative(role, opts), act, state: initiativeState });
// a read changes nothing: no state to compare
const initRead = (opts, act) => ({ setup: (role) => freshInitiative(role, opts), act });
const initBody = (ctx) => ({ title: ctx.title, summary: 'Samenvatting', type: 'service', leadParty: ctx.party, area: AREA, participationLevel: 'consulted' });
// issue 11, coalitions and ties (part C): see the matrix's rows
async function freshCoalition(byOther = false) {
  const party = await freshParty();
  const r = await api('admin', '/api/v1/coalitions', { method: 'POST', body: { name: `Matrixverband ${uniq()}`, area: AREA, party: byOther ? otherParty : party.id } });
  assert.equal(r.status, 201, r.text);
  const p = await api('admin', `/api/v1/coalitions/${r.body.id}/partners`, { method: 'POST', body: { party: byOther ? party.id : otherParty, contribution: 'Iets' } });
  assert.equal(p.status, 201, p.text);
  return { id: r.body.id, party: party.id, partner: p.body.id };
}
async function coalitionState(ctx) {
  const r = await api('anonymous', `/api/v1/coalitions/${ctx.id}`);
  if (r.status !== 200) return r.status;
  const ps = await api('anonymous', `/api/v1/coalitions/${ctx.id}/partners`);
  assert.equal(ps.status, 200, ps.text);
  return { name: r.body.name, description: r.body.description, partners: ps.body.items.map((x) => `${x.party}:${x.contribution}:${x.admin}`).sort() };
}
const coalitionRow = (byOther, act) => ({ setup: () => freshCoalition(byOther), act, state: coalitionState });
// a coalition and a public party to add to it
async function coalitionAndParty() {
  const ctx = await freshCoalition();
  const r = await api('admin', '/api/v1/parties', { method: 'POST', body: partyBody({ name: `Nieuwe partner ${uniq()}`, areas: [AREA] }) });
  assert.equal(r.status, 201, r.text);
  return { ...ctx, newParty: r.body.id };
}
async function coalitionsOf(ctx) {
  const r = await api('anonymous', `/api/v1/coalitions?party=${ctx.party}&limit=100`);
  assert.equal(r.status, 200, r.text);
  return r.body.items.length;
}
async function freshTie(withTie) {
  const party = await freshParty();
  if (!withTie) return { party: party.id };
  const r = await api('admin', '/api/v1/ties', { method: 'POST', body: { from: party.id, to: otherParty, kind: 'advises' } });
  assert.equal(r.status, 201, r.text);
  return { party: party.id, tie: r.body.id };
}
async function tiesState(ctx) {
  const r = await api('admin', `/api/v1/ties?party=${ctx.party}`);
  assert.equal(r.status, 200, r.text);
  return r.body.items.map((t) => `${t.from}>${t.to}:${t.kind}`).sort();
}
const tieRow = (withTie, act) => ({ setup: () => freshTie(withTie), act, state: tiesState });
// end of coalitions and ties

const ACTIONS = {
  'POST /api/v1/parties': {
    setup: () => ({ name: `Nieuwe partij ${uniq()}` }),
    act: (role, ctx) => api(role, '/api/v1/parties', { method: 'POST', body: partyBody({ name: ctx.name, areas: [AREA] }) }),
    state: (ctx) => partiesNamed(ctx.name),
  },
  'PATCH /api/v1/parties/{id}': partyRow({}, (role, ctx) =>
    api(role, `/api/v1/parties/${ctx.id}`, { method: 'PATCH', body: { name: `Gewijzigd ${uniq()}` } })),
  'DELETE /api/v1/parties/{id}': partyRow({}, (role, ctx) =>
    api(role, `/api/v1/parties/${ctx.id}`, { method: 'DELETE' })),
  'PATCH /api/v1/parties/{id} (private)': partyRow({ visibility: 'private' }, (role, ctx) =>
    api(role, `/api/v1/parties/${ctx.id}`, { method: 'PATCH', body: { name: `Gewijzigd ${uniq()}` } })),
  'DELETE /api/v1/parties/{id} (private)': partyRow({ visibility: 'private' }, (role, ctx) =>
    api(role, `/api/v1/parties/${ctx.id}`, { method: 'DELETE' })),
  'POST /api/v1/parties/{id}/members': membersRow({}, (role, ctx) =>
    api(role, `/api/v1/parties/${ctx.id}/members`, { method: 'POST', body: { email: PEOPLE.otto.email, role: 'member' } })),
  'PATCH /api/v1/parties/{id}/members/{userId}': membersRow({ otto: true }, (role, ctx) =>
    api(role, `/api/v1/parties/${ctx.id}/members/${ID.otto}`, { method: 'PATCH', body: { role: 'admin' } })),
  'DELETE /api/v1/parties/{id}/members/{userId}': membersRow({ otto: true }, (role, ctx) =>
    api(role, `/api/v1/parties/${ctx.id}/members/${ID.otto}`, { method: 'DELETE' })),
  'POST /api/v1/parties/{id}/invitations': {
    setup: () => freshParty(),
    act: (role, ctx) => api(role, `/api/v1/parties/${ctx.id}/invitations`, { method: 'POST', body: { email: `nieuw-${uniq()}@matrix.example`, role: 'member' } }),
    state: (ctx) => invitationsState(ctx.id),
  },
  'DELETE /api/v1/parties/{id}/invitations/{invitationId}': invitationRow((role, ctx) =>
    api(role, `/api/v1/parties/${ctx.id}/invitations/${ctx.invitation}`, { method: 'DELETE' })),
  'POST /api/v1/invitation-acceptances': invitationRow((role, ctx) =>
    api(role, '/api/v1/invitation-acceptances', { method: 'POST', body: { code: ctx.code } })),
  'GET /api/v1/activity': {
    act: (role) => api(role, '/api/v1/activity?limit=100'),
    // a coordinator reads only the entries of the parties in their areas
    check: (r) => { if (r.status === 200) assert.ok(r.body.items.length > 0); },
  },
  'POST /api/v1/areas': {
    setup: () => ({ code: `BU034403${areaNo++}` }),
    act: (role, ctx) => api(role, '/api/v1/areas', { method: 'POST', body: { code: ctx.code, name: `Buurt ${ctx.code}`, level: 'neighbourhood', parent: AREA } }),
    state: async (ctx) => (await api('anonymous', `/api/v1/areas/${ctx.code}`)).status,
  },
  'PATCH /api/v1/users/{id}': {
    act: (role) => api(role, `/api/v1/users/${ID.tom}`, { method: 'PATCH', body: { blocked: true } }),
    state: () => userState('tom'),
    cleanup: async () => { assert.equal((await api('admin', `/api/v1/users/${ID.tom}`, { method: 'PATCH', body: { blocked: false } })).status, 200); },
  },
  'POST /api/v1/users/{id}/coordinator-areas': {
    act: (role) => api(role, `/api/v1/users/${ID.tom}/coordinator-areas`, { method: 'POST', body: { area: OTHER_AREA } }),
    state: () => userState('tom'),
    cleanup: () => api('admin', `/api/v1/users/${ID.tom}/coordinator-areas/${OTHER_AREA}`, { method: 'DELETE' }),
  },
  'DELETE /api/v1/users/{id}/coordinator-areas/{code}': {
    setup: async () => {
      const r = await api('admin', `/api/v1/users/${ID.tom}/coordinator-areas`, { method: 'POST', body: { area: OTHER_AREA } });
      assert.equal(r.status, 200, r.text);
    },
    act: (role) => api(role, `/api/v1/users/${ID.tom}/coordinator-areas/${OTHER_AREA}`, { method: 'DELETE' }),
    state: () => userState('tom'),
    cleanup: () => api('admin', `/api/v1/users/${ID.tom}/coordinator-areas/${OTHER_AREA}`, { method: 'DELETE' }),
  },
  'POST /api/v1/tokens': {
    act: (role) => api(role, '/api/v1/tokens', { method: 'POST', body: { name: `matrix ${uniq()}` } }),
    state: (ctx, role) => tokenIds(owner(role)),
  },
  'DELETE /api/v1/tokens/{id} (own)': {
    setup: async (role) => ({ id: await newToken(owner(role)) }),
    act: (role, ctx) => api(role, `/api/v1/tokens/${ctx.id}`, { method: 'DELETE' }),
    state: (ctx, role) => tokenIds(owner(role)),
  },
  'DELETE /api/v1/tokens/{id} (Otto\'s)': {
    setup: async () => ({ id: await newToken('otto') }),
    act: (role, ctx) => api(role, `/api/v1/tokens/${ctx.id}`, { method: 'DELETE' }),
    state: () => tokenIds('otto'),
  },
  'DELETE /api/v1/sessions/{id} (own)': {
    setup: (role) => newSession(owner(role)),
    act: (role, ctx) => api(role, `/api/v1/sessions/${ctx.id}`, { method: 'DELETE' }),
    state: (ctx, role) => sessionIds(owner(role)),
  },
  'DELETE /api/v1/sessions/{id} (Otto\'s)': {
    setup: () => newSession('otto'),
    act: (role, ctx) => api(role, `/api/v1/sessions/${ctx.id}`, { method: 'DELETE' }),
    state: () => sessionIds('otto'),
  },
  'GET /api/v1/tokens/{id} (own)': {
    setup: async (role) => ({ id: await newToken(owner(role)) }),
    act: (role, ctx) => api(role, `/api/v1/tokens/${ctx.id}`),
  },
  'GET /api/v1/tokens/{id} (Otto\'s)': {
    setup: async () => ({ id: await newToken('otto') }),
    act: (role, ctx) => api(role, `/api/v1/tokens/${ctx.id}`),
  },
  'GET /api/v1/sessions/{id} (own)': {
    setup: (role) => newSession(owner(role)),
    act: (role, ctx) => api(role, `/api/v1/sessions/${ctx.id}`),
  },
  'GET /api/v1/sessions/{id} (Otto\'s)': {
    setup: () => newSession('otto'),
    act: (role, ctx) => api(role, `/api/v1/sessions/${ctx.id}`),
  },
  // issue 4, issues core
  'POST /api/v1/issues': issueRow(false, (role, ctx) =>
    api(role, '/api/v1/issues', { method: 'POST', body: { title: ctx.title, summary: 'Samenvatting', area: AREA, ownerParty: ctx.party } })),
  'PATCH /api/v1/issues/{id}': issueRow(true, (role, ctx) =>
    api(role, `/api/v1/issues/${ctx.id}`, { method: 'PATCH', body: { title: `Gewijzigd ${uniq()}` } })),
  'POST /api/v1/issues/{id}/status-changes': issueRow(true, (role, ctx) =>
    api(role, `/api/v1/issues/${ctx.id}/status-changes`, { method: 'POST', body: { status: 'on_agenda', reason: 'Besproken' } })),
  'POST /vraagstukken/nieuw': issueRow(false, (role, ctx) =>
    browserOf(role).post('/vraagstukken/nieuw', { title: ctx.title, summary: 'Samenvatting', area: AREA, ownerParty: ctx.party, status: 'formulated' })),
  'POST /vraagstukken/{id}/bewerken': issueRow(true, (role, ctx) =>
    browserOf(role).post(`/vraagstukken/${ctx.id}/bewerken`, { title: `Per formulier ${uniq()}`, summary: 'Samenvatting', area: AREA, ownerParty: ctx.party })),
  'POST /vraagstukken/{id}/status': issueRow(true, (role, ctx) =>
    browserOf(role).post(`/vraagstukken/${ctx.id}/status`, { status: 'on_agenda', reason: 'Besproken' })),
  // end of issues core
  // initiatives (issue 11, part A)
  'GET /api/v1/initiatives': { act: (role) => api(role, '/api/v1/initiatives') },
  'POST /api/v1/initiatives': initRow({ made: false }, (role, ctx) =>
    api(role, '/api/v1/initiatives', { method: 'POST', body: initBody(ctx) })),
  'GET /api/v1/initiatives/{id}': initRead({}, (role, ctx) => api(role, `/api/v1/initiatives/${ctx.id}`)),
  'PATCH /api/v1/initiatives/{id}': initRow({}, (role, ctx) =>
    api(role, `/api/v1/initiatives/${ctx.id}`, { method: 'PATCH', body: { title: `Gewijzigd ${uniq()}` } })),
  'DELETE /api/v1/initiatives/{id}': initRow({}, (role, ctx) => api(role, `/api/v1/initiatives/${ctx.id}`, { method: 'DELETE' })),
  'GET /api/v1/initiatives/{id}/stage-decisions': initRead({}, (role, ctx) => api(role, `/api/v1/initiatives/${ctx.id}/stage-decisions`)),
  'POST /api/v1/initiatives/{id}/stage-decisions': initRow({}, (role, ctx) =>
    api(role, `/api/v1/initiatives/${ctx.id}/stage-decisions`, { method: 'POST', body: { to: 'development', rationale: 'Besproken' } })),
  'GET /api/v1/initiatives/{id}/follows/me': initRead({ follow: true }, (role, ctx) => api(role, `/api/v1/initiatives/${ctx.id}/follows/me`)),
  'PUT /api/v1/initiatives/{id}/follows/me': initRow({}, (role, ctx) => api(role, `/api/v1/initiatives/${ctx.id}/follows/me`, { method: 'PUT' })),
  'DELETE /api/v1/initiatives/{id}/follows/me': initRow({ follow: true }, (role, ctx) =>
    api(role, `/api/v1/initiatives/${ctx.id}/follows/me`, { method: 'DELETE' })),
  'GET /api/v1/initiatives/{id}/interest': initRead({}, (role, ctx) => api(role, `/api/v1/initiatives/${ctx.id}/interest`)),
  'POST /api/v1/initiatives/{id}/interest': initRow({}, (role, ctx) =>
    api(role, `/api/v1/initiatives/${ctx.id}/interest`, { method: 'POST', body: { message: 'Ik wil helpen' } })),
  'GET /api/v1/initiatives/{id}/interest/me': initRead({ offer: true }, (role, ctx) => api(role, `/api/v1/initiatives/${ctx.id}/interest/me`)),
  'DELETE /api/v1/initiatives/{id}/interest/me': initRow({ offer: true }, (role, ctx) =>
    api(role, `/api/v1/initiatives/${ctx.id}/interest/me`, { method: 'DELETE' })),
  'POST /initiatieven/nieuw': initRow({ made: false }, (role, ctx) => browserOf(role).post('/initiatieven/nieuw', initBody(ctx))),
  'GET /initiatieven/{id}/bewerken': initRead({}, (role, ctx) => browserOf(role).request(`/initiatieven/${ctx.id}/bewerken`)),
  'POST /initiatieven/{id}/bewerken': initRow({}, (role, ctx) =>
    browserOf(role).post(`/initiatieven/${ctx.id}/bewerken`, { ...initBody(ctx), title: `Per formulier ${uniq()}` })),
  'POST /initiatieven/{id}/fase': initRow({}, (role, ctx) =>
    browserOf(role).post(`/initiatieven/${ctx.id}/fase`, { to: 'development', rationale: 'Besproken' })),
  'POST /initiatieven/{id}/verwijderen': initRow({}, (role, ctx) => browserOf(role).post(`/initiatieven/${ctx.id}/verwijderen`)),
  'POST /initiatieven/{id}/volgen': initRow({}, (role, ctx) => browserOf(role).post(`/initiatieven/${ctx.id}/volgen`)),
  'POST /initiatieven/{id}/ontvolgen': initRow({ follow: true }, (role, ctx) => browserOf(role).post(`/initiatieven/${ctx.id}/ontvolgen`)),
  'POST /initiatieven/{id}/helpen': initRow({}, (role, ctx) => browserOf(role).post(`/initiatieven/${ctx.id}/helpen`, { message: 'Ik help mee' })),
  'POST /initiatieven/{id}/niet-helpen': initRow({ offer: true }, (role, ctx) => browserOf(role).post(`/initiatieven/${ctx.id}/niet-helpen`)),
  // end of initiatives
  // signals (issue 4, signals part)
  'POST /api/v1/signals': {
    setup: async () => ({ party: (await freshParty()).id, title: `Matrixsignaal ${uniq()}` }),
    act: (role, ctx) => api(role, '/api/v1/signals', { method: 'POST', body: { kind: 'gap', title: ctx.title, description: `Beschrijving ${uniq()}`, area: AREA, party: ctx.party } }),
    state: (ctx) => signalsNamed(ctx.title),
  },
  'GET /api/v1/signals/{id}': { setup: () => freshSignal(), act: (role, ctx) => api(role, `/api/v1/signals/${ctx.id}`) },
  'PATCH /api/v1/signals/{id}': clusterRow((role, ctx) =>
    api(role, `/api/v1/signals/${ctx.id}`, { method: 'PATCH', body: { cluster: null }, contentType: 'application/merge-patch+json' })),
  'POST /api/v1/signals/{id}/status-changes': signalRow({}, (role, ctx) =>
    api(role, `/api/v1/signals/${ctx.id}/status-changes`, { method: 'POST', body: { status: 'acknowledged' } })),
  'POST /api/v1/signals/{id}/issue': signalRow({}, (role, ctx) =>
    api(role, `/api/v1/signals/${ctx.id}/issue`, { method: 'POST', body: { summary: 'Een vraagstuk uit de matrix.' } })),
  'POST /api/v1/signals/{id}/decisions': signalRow({ regulatory: true }, (role, ctx) =>
    api(role, `/api/v1/signals/${ctx.id}/decisions`, { method: 'POST', body: { decision: 'experiment', reason: 'Proef in de matrix.' } })),
  'GET /api/v1/signals/{id}/decisions': { setup: () => freshSignal({ regulatory: true }), act: (role, ctx) => api(role, `/api/v1/signals/${ctx.id}/decisions`) },
  'POST /api/v1/signals (as a resident)': {
    setup: () => ({ title: `Bewonerssignaal ${uniq()}` }),
    act: (role, ctx) => api(role, '/api/v1/signals', { method: 'POST', body: { kind: 'gap', title: ctx.title, description: `Beschrijving ${uniq()}`, area: AREA } }),
    state: (ctx) => signalsNamed(ctx.title),
  },
  'POST /signalen/nieuw (as a resident)': {
    setup: () => ({ title: `Bewonersformulier ${uniq()}` }),
    act: (role, ctx) => browserOf(role).post('/signalen/nieuw', { kind: 'gap', title: ctx.title, description: `Beschrijving ${uniq()}`, area: AREA, party: 'resident' }),
    state: (ctx) => signalsNamed(ctx.title),
  },
  'POST /signalen/nieuw': {
    setup: async () => ({ party: (await freshParty()).id, title: `Formuliersignaal ${uniq()}` }),
    act: (role, ctx) => browserOf(role).post('/signalen/nieuw', { kind: 'gap', title: ctx.title, description: `Beschrijving ${uniq()}`, area: AREA, party: ctx.party }),
    state: (ctx) => signalsNamed(ctx.title),
  },
  'GET /signalen/{id}': { setup: () => freshSignal(), act: (role, ctx) => browserOf(role).request(`/signalen/${ctx.id}`) },
  'POST /signalen/{id}/status': signalRow({}, (role, ctx) =>
    browserOf(role).post(`/signalen/${ctx.id}/status`, { status: 'acknowledged' })),
  'POST /signalen/{id}/vraagstuk': signalRow({}, (role, ctx) =>
    browserOf(role).post(`/signalen/${ctx.id}/vraagstuk`, { issueSummary: 'Een vraagstuk uit de matrix.' })),
  'POST /signalen/{id}/besluit': signalRow({ regulatory: true }, (role, ctx) =>
    browserOf(role).post(`/signalen/${ctx.id}/besluit`, { decision: 'exemption', decisionReason: 'Ontheffing in de matrix.' })),
  'POST /signalen/{id}/uit-groep': clusterRow((role, ctx) => browserOf(role).post(`/signalen/${ctx.id}/uit-groep`)),
  // end of signals
  // the voice of residents (issue 4, part 3)
  'POST /api/v1/issues/{id}/supports': {
    setup: (role) => voiceIssue(role), state: supportCount,
    act: (role, ctx) => api(role, `/api/v1/issues/${ctx.id}/supports`, { method: 'POST', body: {} }),
  },
  'DELETE /api/v1/issues/{id}/supports/me': {
    setup: (role) => voiceIssue(role, { support: true }), state: supportCount,
    act: (role, ctx) => api(role, `/api/v1/issues/${ctx.id}/supports/me`, { method: 'DELETE' }),
  },
  'PUT /api/v1/issues/{id}/follows/me': {
    setup: (role) => voiceIssue(role), state: followState,
    act: (role, ctx) => api(role, `/api/v1/issues/${ctx.id}/follows/me`, { method: 'PUT', body: {} }),
  },
  'POST /api/v1/issues/{id}/comments': {
    setup: (role) => voiceIssue(role), state: commentCount,
    act: (role, ctx) => api(role, `/api/v1/issues/${ctx.id}/comments`, { method: 'POST', body: { body: 'Een reactie' } }),
  },
  'PATCH /api/v1/issues/{id}/comments/{commentId} (Otto\'s)': {
    setup: (role) => voiceIssue(role, { comment: true }), state: ottoComment,
    act: (role, ctx) => api(role, `/api/v1/issues/${ctx.id}/comments/${ctx.comment}`, { method: 'PATCH', body: { body: 'Overgeschreven' } }),
  },
  'POST /api/v1/issues/{id}/comments/{commentId}/moderation': {
    setup: (role) => voiceIssue(role, { comment: true }), state: ottoComment,
    act: (role, ctx) => api(role, `/api/v1/issues/${ctx.id}/comments/${ctx.comment}/moderation`, { method: 'POST', body: { reason: 'Kwetsend' } }),
  },
  'PATCH /api/v1/users/me/notifications/{id} (Otto\'s)': {
    setup: (role) => voiceIssue(role, { note: true }), state: ottoNote,
    act: (role, ctx) => api(role, `/api/v1/users/me/notifications/${ctx.note}`, { method: 'PATCH', body: { read: true } }),
  },
  'GET /api/v1/users/me/notifications/{id} (Otto\'s)': {
    setup: (role) => voiceIssue(role, { note: true }),
    act: (role, ctx) => api(role, `/api/v1/users/me/notifications/${ctx.note}`),
  },
  'POST /vraagstukken/{id}/steunen': {
    setup: (role) => voiceIssue(role), state: supportCount,
    act: (role, ctx) => browserOf(role).post(`/vraagstukken/${ctx.id}/steunen`),
  },
  'POST /vraagstukken/{id}/volgen': {
    setup: (role) => voiceIssue(role), state: followState,
    act: (role, ctx) => browserOf(role).post(`/vraagstukken/${ctx.id}/volgen`),
  },
  'POST /vraagstukken/{id}/reacties': {
    setup: (role) => voiceIssue(role), state: commentCount,
    act: (role, ctx) => browserOf(role).post(`/vraagstukken/${ctx.id}/reacties`, { body: 'Per formulier' }),
  },
  'POST /vraagstukken/{id}/reacties/{cid}/bewerken (Otto\'s)': {
    setup: (role) => voiceIssue(role, { comment: true }), state: ottoComment,
    act: (role, ctx) => browserOf(role).post(`/vraagstukken/${ctx.id}/reacties/${ctx.comment}/bewerken`, { body: 'Overgeschreven' }),
  },
  'POST /vraagstukken/{id}/reacties/{cid}/verbergen': {
    setup: (role) => voiceIssue(role, { comment: true }), state: ottoComment,
    act: (role, ctx) => browserOf(role).post(`/vraagstukken/${ctx.id}/reacties/${ctx.comment}/verbergen`, { reason: 'Kwetsend' }),
  },
  'DELETE /api/v1/issues/{id}/comments/{commentId}/moderation': {
    setup: (role) => voiceIssue(role, { comment: true, hidden: true }), state: ottoComment,
    act: (role, ctx) => api(role, `/api/v1/issues/${ctx.id}/comments/${ctx.comment}/moderation`, { method: 'DELETE' }),
  },
  'POST /vraagstukken/{id}/reacties/{cid}/tonen': {
    setup: (role) => voiceIssue(role, { comment: true, hidden: true }), state: ottoComment,
    act: (role, ctx) => browserOf(role).post(`/vraagstukken/${ctx.id}/reacties/${ctx.comment}/tonen`),
  },
  'POST /account/meldingen/{id}/gelezen (Otto\'s)': {
    setup: (role) => voiceIssue(role, { note: true }), state: ottoNote,
    act: (role, ctx) => browserOf(role).post(`/account/meldingen/${ctx.note}/gelezen`),
  },
  // end of the voice of residents
  // issue 4, factors and the role ledger
  'POST /api/v1/issues/{id}/factors': factorRow(() => freshIssue(true), (role, ctx) =>
    api(role, `/api/v1/issues/${ctx.id}/factors`, { method: 'POST', body: { kind: 'political', effect: 'hindering', description: 'Strenge regels' } })),
  'PATCH /api/v1/issues/{id}/factors/{factorId}': factorRow(freshFactor, (role, ctx) =>
    api(role, `/api/v1/issues/${ctx.id}/factors/${ctx.factor}`, { method: 'PATCH', body: { effect: 'hindering' } })),
  'DELETE /api/v1/issues/{id}/factors/{factorId}': factorRow(freshFactor, (role, ctx) =>
    api(role, `/api/v1/issues/${ctx.id}/factors/${ctx.factor}`, { method: 'DELETE' })),
  'POST /api/v1/issues/{id}/role-ledger': ledgerRow(() => freshIssue(true), (role, ctx) =>
    api(role, `/api/v1/issues/${ctx.id}/role-ledger`, { method: 'POST', body: { role: 'detect_signals', party: ctx.party } })),
  'DELETE /api/v1/issues/{id}/role-ledger/{role}/{partyId}': ledgerRow(freshEntry, (role, ctx) =>
    api(role, `/api/v1/issues/${ctx.id}/role-ledger/invest/${ctx.party}`, { method: 'DELETE' })),
  'POST /vraagstukken/{id}/factoren': factorRow(() => freshIssue(true), (role, ctx) =>
    browserOf(role).post(`/vraagstukken/${ctx.id}/factoren`, { kind: 'economic', effect: 'enabling', description: 'Er is subsidie' })),
  'POST /vraagstukken/{id}/factoren/{fid}/bewerken': factorRow(freshFactor, (role, ctx) =>
    browserOf(role).post(`/vraagstukken/${ctx.id}/factoren/${ctx.factor}/bewerken`, { kind: 'cultural', effect: 'enabling', description: 'Per formulier' })),
  'POST /vraagstukken/{id}/factoren/{fid}/verwijderen': factorRow(freshFactor, (role, ctx) =>
    browserOf(role).post(`/vraagstukken/${ctx.id}/factoren/${ctx.factor}/verwijderen`, {})),
  'POST /vraagstukken/{id}/rollen': ledgerRow(() => freshIssue(true), (role, ctx) =>
    browserOf(role).post(`/vraagstukken/${ctx.id}/rollen`, { role: 'agenda_issues', party: ctx.party, note: '' })),
  'POST /vraagstukken/{id}/rollen/{role}/{party}/teruggeven': ledgerRow(freshEntry, (role, ctx) =>
    browserOf(role).post(`/vraagstukken/${ctx.id}/rollen/invest/${ctx.party}/teruggeven`, {})),
  // end of factors and the role ledger
  // issue 11, partners and intrapreneurship
  'POST /api/v1/initiatives/{id}/partners': partnerRow({}, (role, ctx) =>
    api(role, `/api/v1/initiatives/${ctx.id}/partners`, { method: 'POST', body: { party: ctx.party, role: 'pioneer_in_practice' } })),
  'PATCH /api/v1/initiatives/{id}/partners/{partnerId}': partnerRow({}, (role, ctx) =>
    api(role, `/api/v1/initiatives/${ctx.id}/partners/${ctx.partner}`, { method: 'PATCH', body: { role: 'invest', contribution: 'Geld' } })),
  'DELETE /api/v1/initiatives/{id}/partners/{partnerId}': partnerRow({}, (role, ctx) =>
    api(role, `/api/v1/initiatives/${ctx.id}/partners/${ctx.partner}`, { method: 'DELETE' })),
  'PATCH /api/v1/initiatives/{id}/partners/{partnerId} (as the partner party)': partnerRow({ ottoLeads: true }, (role, ctx) =>
    api(role, `/api/v1/initiatives/${ctx.id}/partners/${ctx.partner}`, { method: 'PATCH', body: { contribution: 'Een ruimte', hoursPerWeek: 6 } })),
  'DELETE /api/v1/initiatives/{id}/partners/{partnerId} (as the partner party)': partnerRow({ ottoLeads: true }, (role, ctx) =>
    api(role, `/api/v1/initiatives/${ctx.id}/partners/${ctx.partner}`, { method: 'DELETE' })),
  'PUT /api/v1/initiatives/{id}/intrapreneurs/{user} (me)': hoursRow({}, (role, ctx) =>
    api(role, `/api/v1/initiatives/${ctx.id}/intrapreneurs/me`, { method: 'PUT', body: { party: hoursParty(role, ctx.party) ?? ctx.party, hoursPerWeek: 5 } })),
  'PUT /api/v1/initiatives/{id}/intrapreneurs/{user} (Otto\'s)': hoursRow({ ottoHours: true }, (role, ctx) =>
    api(role, `/api/v1/initiatives/${ctx.id}/intrapreneurs/${ID.otto}`, { method: 'PUT', body: { party: otherParty, hoursPerWeek: 40 } })),
  'DELETE /api/v1/initiatives/{id}/intrapreneurs/{user} (me)': hoursRow({ ownHours: true }, (role, ctx) =>
    api(role, `/api/v1/initiatives/${ctx.id}/intrapreneurs/me`, { method: 'DELETE' })),
  'DELETE /api/v1/initiatives/{id}/intrapreneurs/{user} (Otto\'s)': hoursRow({ ottoHours: true }, (role, ctx) =>
    api(role, `/api/v1/initiatives/${ctx.id}/intrapreneurs/${ID.otto}`, { method: 'DELETE' })),
  'POST /initiatieven/{id}/partners': partnerRow({}, (role, ctx) =>
    browserOf(role).post(`/initiatieven/${ctx.id}/partners`, { party: ctx.party, role: 'pioneer_in_practice', contribution: 'Per formulier' })),
  'POST /initiatieven/{id}/partners/{pid}/bewerken': partnerRow({}, (role, ctx) =>
    browserOf(role).post(`/initiatieven/${ctx.id}/partners/${ctx.partner}/bewerken`, { role: 'invest', contribution: 'Per formulier', hoursPerWeek: '4', since: '2026-11-01' })),
  'POST /initiatieven/{id}/partners/{pid}/verwijderen': partnerRow({}, (role, ctx) =>
    browserOf(role).post(`/initiatieven/${ctx.id}/partners/${ctx.partner}/verwijderen`, {})),
  'POST /initiatieven/{id}/partners/{pid}/bewerken (as the partner party)': partnerRow({ ottoLeads: true }, (role, ctx) =>
    browserOf(role).post(`/initiatieven/${ctx.id}/partners/${ctx.partner}/bewerken`, { role: 'combine_knowledge', contribution: 'Per formulier', hoursPerWeek: '4' })),
  'POST /initiatieven/{id}/uren': hoursRow({}, (role, ctx) =>
    browserOf(role).post(`/initiatieven/${ctx.id}/uren`, { party: hoursParty(role, ctx.party) ?? ctx.party, hoursPerWeek: '5' })),
  'POST /initiatieven/{id}/uren/verwijderen': hoursRow({ ownHours: true }, (role, ctx) =>
    browserOf(role).post(`/initiatieven/${ctx.id}/uren/verwijderen`, {})),
  // end of partners and intrapreneurship
  // issue 8, verified parties
  'PUT /api/v1/parties/{id}/verification': verificationRow(false, (role, ctx) =>
    api(role, `/api/v1/parties/${ctx.id}/verification`, { method: 'PUT', body: {} })),
  'DELETE /api/v1/parties/{id}/verification': verificationRow(true, (role, ctx) =>
    api(role, `/api/v1/parties/${ctx.id}/verification`, { method: 'DELETE' })),
  'POST /partijen/{id}/verificatie': verificationRow(false, (role, ctx) =>
    browserOf(role).post(`/partijen/${ctx.id}/verificatie`)),
  'POST /partijen/{id}/verificatie/intrekken': verificationRow(true, (role, ctx) =>
    browserOf(role).post(`/partijen/${ctx.id}/verificatie/intrekken`)),
  // end of verified parties
  'POST /partijen/nieuw': {
    setup: () => ({ name: `Nieuw per formulier ${uniq()}` }),
    act: (role, ctx) => browserOf(role).post('/partijen/nieuw', { name: ctx.name, kind: 'government', areas: [AREA] }),
    state: (ctx) => partiesNamed(ctx.name),
  },
  'POST /partijen/{id}/bewerken': partyRow({}, (role, ctx) =>
    browserOf(role).post(`/partijen/${ctx.id}/bewerken`, { name: `Per formulier ${uniq()}`, kind: 'business', visibility: 'public', areas: [AREA] })),
  'POST /partijen/{id}/verwijderen': partyRow({}, (role, ctx) =>
    browserOf(role).post(`/partijen/${ctx.id}/verwijderen`)),
  'POST /partijen/{id}/bewerken (private)': partyRow({ visibility: 'private' }, (role, ctx) =>
    browserOf(role).post(`/partijen/${ctx.id}/bewerken`, { name: `Per formulier ${uniq()}`, kind: 'business', visibility: 'private', areas: [AREA] })),
  'POST /partijen/{id}/verwijderen (private)': partyRow({ visibility: 'private' }, (role, ctx) =>
    browserOf(role).post(`/partijen/${ctx.id}/verwijderen`)),
  'POST /partijen/{id}/leden': membersRow({}, (role, ctx) =>
    browserOf(role).post(`/partijen/${ctx.id}/leden`, { email: PEOPLE.otto.email, role: 'member' })),
  'POST /partijen/{id}/leden/{user}/rol': membersRow({ otto: true }, (role, ctx) =>
    browserOf(role).post(`/partijen/${ctx.id}/leden/${ID.otto}/rol`, { role: 'admin' })),
  'POST /partijen/{id}/leden/{user}/verwijderen': membersRow({ otto: true }, (role, ctx) =>
    browserOf(role).post(`/partijen/${ctx.id}/leden/${ID.otto}/verwijderen`)),
  'POST /partijen/{id}/leden (invite)': {
    setup: () => freshParty(),
    act: (role, ctx) => browserOf(role).post(`/partijen/${ctx.id}/leden`, { email: `per-formulier-${uniq()}@matrix.example`, role: 'member' }),
    state: (ctx) => invitationsState(ctx.id),
  },
  'POST /partijen/{id}/uitnodigingen/{invitation}/intrekken': invitationRow((role, ctx) =>
    browserOf(role).post(`/partijen/${ctx.id}/uitnodigingen/${ctx.invitation}/intrekken`)),
  'POST /uitnodigingen/{code}/aannemen': invitationRow((role, ctx) =>
    browserOf(role).post(`/uitnodigingen/${ctx.code}/aannemen`)),
  'POST /uitnodigingen/{code}/afslaan': invitationRow((role, ctx) =>
    browserOf(role).post(`/uitnodigingen/${ctx.code}/afslaan`)),
  'GET /beheer/activiteit': {
    act: (role) => browserOf(role).request('/beheer/activiteit'),
  },
  'POST /beheer/gebruikers/{id}/blokkeren': {
    act: (role) => browserOf(role).post(`/beheer/gebruikers/${ID.tom}/blokkeren`, { blocked: '1' }),
    state: () => userState('tom'),
    cleanup: async () => { assert.equal((await api('admin', `/api/v1/users/${ID.tom}`, { method: 'PATCH', body: { blocked: false } })).status, 200); },
  },
  'POST /beheer/gebruikers/{id}/coordinator': {
    act: (role) => browserOf(role).post(`/beheer/gebruikers/${ID.tom}/coordinator`, { area: OTHER_AREA }),
    state: () => userState('tom'),
    cleanup: () => api('admin', `/api/v1/users/${ID.tom}/coordinator-areas/${OTHER_AREA}`, { method: 'DELETE' }),
  },
  'POST /beheer/gebruikers/{id}/coordinator/{code}/ontslaan': {
    setup: async () => {
      const r = await api('admin', `/api/v1/users/${ID.tom}/coordinator-areas`, { method: 'POST', body: { area: OTHER_AREA } });
      assert.equal(r.status, 200, r.text);
    },
    act: (role) => browserOf(role).post(`/beheer/gebruikers/${ID.tom}/coordinator/${OTHER_AREA}/ontslaan`),
    state: () => userState('tom'),
    cleanup: () => api('admin', `/api/v1/users/${ID.tom}/coordinator-areas/${OTHER_AREA}`, { method: 'DELETE' }),
  },
  'POST /account/tokens': {
    act: (role) => browserOf(role).post('/account/tokens', { name: `formulier ${uniq()}` }),
    state: (ctx, role) => tokenIds(owner(role)),
  },
  'POST /account/tokens/{id}/intrekken (own)': {
    setup: async (role) => ({ id: await newToken(owner(role)) }),
    act: (role, ctx) => browserOf(role).post(`/account/tokens/${ctx.id}/intrekken`),
    state: (ctx, role) => tokenIds(owner(role)),
  },
  'POST /account/tokens/{id}/intrekken (Otto\'s)': {
    setup: async () => ({ id: await newToken('otto') }),
    act: (role, ctx) => browserOf(role).post(`/account/tokens/${ctx.id}/intrekken`),
    state: () => tokenIds('otto'),
  },
  // the role's own browser ends another session of its own
  'POST /account/sessies/{id}/beeindigen (own)': {
    setup: (role) => newSession(owner(role)),
    act: (role, ctx) => browserOf(role).post(`/account/sessies/${ctx.id}/beeindigen`),
    state: (ctx, role) => sessionIds(owner(role)),
  },
  'POST /account/sessies/{id}/beeindigen (Otto\'s)': {
    setup: () => newSession('otto'),
    act: (role, ctx) => browserOf(role).post(`/account/sessies/${ctx.id}/beeindigen`),
    state: () => sessionIds('otto'),
  },
  // a browser of its own logs out: it no longer opens /account (anonymous:
  // there is nothing to end, and nothing changes)
  'POST /uitloggen': {
    setup: async (role) => ({ browser: role === 'anonymous' ? new Browser(k.url) : await login(role) }),
    act: (role, ctx) => ctx.browser.post('/uitloggen'),
    state: async (ctx, role) => (role === 'anonymous' ? null : (await ctx.browser.request('/account')).status),
  },
  // a browser posts its person's own email and password (anonymous: a
  // visitor with Otto's): a new session either way (the login rotates it)
  'POST /inloggen': {
    setup: async (role) => ({ browser: role === 'anonymous' ? new Browser(k.url) : await login(role) }),
    act: (role, ctx) => ctx.browser.post('/inloggen', { email: PEOPLE[owner(role)].email, password: PASSWORD, next: '/account' }),
    state: (ctx) => ctx.browser.jar.get('kiem_session') ?? null,
  },
  'GET /api/v1/users/me/export': {
    act: (role) => api(role, '/api/v1/users/me/export'),
    check: (r, role) => { if (r.status === 200) assertOwnExport(role, r.body); },
  },
  'GET /account/gegevens': {
    act: (role) => browserOf(role).request('/account/gegevens'),
    check: (r, role) => { if (r.status === 200) assertOwnExport(role, JSON.parse(r.text)); },
  },
  // a fresh person of the role erases their own account (anonymous: no one
  // is logged in, and the fresh person stays)
  'DELETE /api/v1/users/me (fresh account)': {
    setup: (role) => freshPerson(role),
    act: (role, ctx) => call(k.url, '/api/v1/users/me', { method: 'DELETE', token: role === 'anonymous' ? undefined : ctx.token }),
    state: (ctx) => personState(ctx),
    check: async (r, role, ctx) => { if (r.status === 204) await assertErased(ctx); },
  },
  'POST /account/verwijderen (fresh account)': {
    setup: async (role) => {
      const p = await freshPerson(role);
      if (role !== 'anonymous') {
        p.browser = new Browser(k.url);
        const r = await p.browser.post('/inloggen', { email: p.email, password: PASSWORD, next: '/account' });
        assert.equal(r.status, 303, r.text.slice(0, 200));
      }
      return p;
    },
    act: (role, ctx) => (ctx.browser ?? new Browser(k.url)).post('/account/verwijderen', { email: ctx.email }),
    state: (ctx) => personState(ctx),
    check: async (r, role, ctx) => {
      if (r.status !== 303 || outcome(r) === 'login') return;
      assert.equal(new URL(r.location, k.url).pathname, '/');
      await assertErased(ctx);
    },
  },
  // registering makes an account (a logged-in browser is sent on, and
  // nothing changes); the links' codes tried are no codes
  'POST /api/v1/registrations': {
    setup: () => ({ email: `nieuw-${uniq()}@matrix.example` }),
    act: (role, ctx) => api(role, '/api/v1/registrations', { method: 'POST', body: { name: 'Nieuw Iemand', email: ctx.email, password: PASSWORD } }),
    state: (ctx) => accountsOf(ctx.email),
  },
  'POST /api/v1/email-confirmations': {
    act: (role) => api(role, '/api/v1/email-confirmations', { method: 'POST', body: { code: 'x'.repeat(43) } }),
  },
  'POST /api/v1/email-confirmation-requests': {
    act: (role) => api(role, '/api/v1/email-confirmation-requests', { method: 'POST', body: { email: PEOPLE.otto.email } }),
  },
  'POST /api/v1/password-reset-requests': {
    act: (role) => api(role, '/api/v1/password-reset-requests', { method: 'POST', body: { email: PEOPLE.otto.email } }),
  },
  'POST /api/v1/password-resets': {
    act: (role) => api(role, '/api/v1/password-resets', { method: 'POST', body: { code: 'x'.repeat(43), password: 'een heel nieuw wachtwoord' } }),
  },
  'POST /registreren': {
    setup: () => ({ email: `nieuw-${uniq()}@matrix.example` }),
    act: (role, ctx) => browserOf(role).post('/registreren', { name: 'Nieuw Iemand', email: ctx.email, password: PASSWORD }),
    state: (ctx, role) => (role === 'anonymous' ? accountsOf(ctx.email) : null),
  },
  'POST /bevestigen/opnieuw': {
    act: (role) => browserOf(role).post('/bevestigen/opnieuw', { email: PEOPLE.otto.email }),
  },
  'POST /wachtwoord-vergeten': {
    act: (role) => browserOf(role).post('/wachtwoord-vergeten', { email: PEOPLE.otto.email }),
  },
  'POST /wachtwoord-herstellen': {
    act: (role) => browserOf(role).post('/wachtwoord-herstellen', { code: 'x'.repeat(43), password: 'een heel nieuw wachtwoord' }),
  },
  // issue 11, coalitions and ties (part C)
  'POST /api/v1/coalitions': {
    setup: async () => ({ party: (await freshParty()).id }),
    act: (role, ctx) => api(role, '/api/v1/coalitions', { method: 'POST', body: { name: `Matrixverband ${uniq()}`, area: AREA, party: ctx.party } }),
    state: coalitionsOf,
  },
  'PATCH /api/v1/coalitions/{id}': coalitionRow(false, (role, ctx) =>
    api(role, `/api/v1/coalitions/${ctx.id}`, { method: 'PATCH', body: { description: `Gewijzigd ${uniq()}` } })),
  'DELETE /api/v1/coalitions/{id}': coalitionRow(false, (role, ctx) => api(role, `/api/v1/coalitions/${ctx.id}`, { method: 'DELETE' })),
  'POST /api/v1/coalitions/{id}/partners': {
    setup: coalitionAndParty,
    act: (role, ctx) => api(role, `/api/v1/coalitions/${ctx.id}/partners`, { method: 'POST', body: { party: ctx.newParty, role: 'invest' } }),
    state: coalitionState,
  },
  'PATCH /api/v1/coalitions/{id}/partners/{partnerId}': coalitionRow(false, (role, ctx) =>
    api(role, `/api/v1/coalitions/${ctx.id}/partners/${ctx.partner}`, { method: 'PATCH', body: { contribution: `Anders ${uniq()}` } })),
  'DELETE /api/v1/coalitions/{id}/partners/{partnerId}': coalitionRow(false, (role, ctx) =>
    api(role, `/api/v1/coalitions/${ctx.id}/partners/${ctx.partner}`, { method: 'DELETE' })),
  'DELETE /api/v1/coalitions/{id}/partners/{partnerId} (by its party)': coalitionRow(true, (role, ctx) =>
    api(role, `/api/v1/coalitions/${ctx.id}/partners/${ctx.partner}`, { method: 'DELETE' })),
  'POST /api/v1/ties': tieRow(false, (role, ctx) =>
    api(role, '/api/v1/ties', { method: 'POST', body: { from: ctx.party, to: otherParty, kind: 'funds' } })),
  'DELETE /api/v1/ties/{id}': tieRow(true, (role, ctx) => api(role, `/api/v1/ties/${ctx.tie}`, { method: 'DELETE' })),
  'GET /api/v1/parties/{id}/connections (private)': {
    act: (role) => api(role, `/api/v1/parties/${readParty.id}/connections`),
    check: (r) => { if (r.status === 200) assert.equal(r.body.party, readParty.id); },
  },
  'POST /samenwerkingen/nieuw': {
    setup: async () => ({ party: (await freshParty()).id }),
    act: (role, ctx) => browserOf(role).post('/samenwerkingen/nieuw', { party: ctx.party, name: `Matrixverband ${uniq()}`, area: AREA }),
    state: coalitionsOf,
  },
  'POST /samenwerkingen/{id}/bewerken': coalitionRow(false, (role, ctx) =>
    browserOf(role).post(`/samenwerkingen/${ctx.id}/bewerken`, { name: `Hernoemd ${uniq()}`, area: AREA })),
  'POST /samenwerkingen/{id}/verwijderen': coalitionRow(false, (role, ctx) => browserOf(role).post(`/samenwerkingen/${ctx.id}/verwijderen`)),
  'POST /samenwerkingen/{id}/partners': {
    setup: coalitionAndParty,
    act: (role, ctx) => browserOf(role).post(`/samenwerkingen/${ctx.id}/partners`, { party: ctx.newParty, contribution: 'Per formulier' }),
    state: coalitionState,
  },
  'POST /samenwerkingen/{id}/partners/{pid}/bewerken': coalitionRow(false, (role, ctx) =>
    browserOf(role).post(`/samenwerkingen/${ctx.id}/partners/${ctx.partner}/bewerken`, { contribution: `Anders ${uniq()}` })),
  'POST /samenwerkingen/{id}/partners/{pid}/verwijderen': coalitionRow(false, (role, ctx) =>
    browserOf(role).post(`/samenwerkingen/${ctx.id}/partners/${ctx.partner}/verwijderen`)),
  'POST /samenwerkingen/{id}/partners/{pid}/verwijderen (by its party)': coalitionRow(true, (role, ctx) =>
    browserOf(role).post(`/samenwerkingen/${ctx.id}/partners/${ctx.partner}/verwijderen`)),
  'POST /partijen/{id}/relaties': tieRow(false, (role, ctx) =>
    browserOf(role).post(`/partijen/${ctx.party}/relaties`, { direction: 'out', other: otherParty, kind: 'funds' })),
  'POST /partijen/{id}/relaties/{tie}/verwijderen': tieRow(true, (role, ctx) =>
    browserOf(role).post(`/partijen/${ctx.party}/relaties/${ctx.tie}/verwijderen`)),
  // end of coalitions and ties
  // events (issue 11, part D)
  'POST /api/v1/events': {
    setup: () => freshEvent({ event: false }), state: eventState,
    act: (role, ctx) => api(role, '/api/v1/events', { method: 'POST', body: { title: ctx.title, place: 'Buurthuis', start: '2031-06-01T17:00:00Z', end: '2031-06-01T19:00:00Z', organizer: ctx.party, area: AREA } }),
  },
  'PATCH /api/v1/events/{id}': {
    setup: () => freshEvent(), state: eventState,
    act: (role, ctx) => api(role, `/api/v1/events/${ctx.id}`, { method: 'PATCH', body: { place: `Elders ${uniq()}` } }),
  },
  'GET /api/v1/events/{id}/registrations': {
    setup: () => freshEvent({ otto: true }),
    act: (role, ctx) => api(role, `/api/v1/events/${ctx.id}/registrations`),
  },
  'POST /api/v1/events/{id}/registrations': {
    setup: () => freshEvent(), state: eventState,
    act: (role, ctx) => api(role, `/api/v1/events/${ctx.id}/registrations`, { method: 'POST' }),
  },
  'GET /api/v1/events/{id}/registrations/me': {
    setup: (role) => freshEvent({ registered: true, role }),
    act: (role, ctx) => api(role, `/api/v1/events/${ctx.id}/registrations/me`),
  },
  'DELETE /api/v1/events/{id}/registrations/me': {
    setup: (role) => freshEvent({ registered: true, role }), state: eventState,
    act: (role, ctx) => api(role, `/api/v1/events/${ctx.id}/registrations/me`, { method: 'DELETE' }),
  },
  'PATCH /api/v1/events/{id}/registrations/{userId}': {
    setup: () => freshEvent({ otto: true }), state: ottoAttendance,
    act: (role, ctx) => api(role, `/api/v1/events/${ctx.id}/registrations/${ID.otto}`, { method: 'PATCH', body: { status: 'attended' } }),
  },
  'POST /bijeenkomsten/nieuw': {
    setup: () => freshEvent({ event: false }), state: eventState,
    act: (role, ctx) => browserOf(role).post('/bijeenkomsten/nieuw', eventForm(ctx)),
  },
  'POST /bijeenkomsten/{id}/bewerken': {
    setup: () => freshEvent(), state: eventState,
    act: (role, ctx) => browserOf(role).post(`/bijeenkomsten/${ctx.id}/bewerken`, eventForm(ctx, { place: `Elders ${uniq()}`, status: 'scheduled' })),
  },
  'POST /bijeenkomsten/{id}/aanmelden': {
    setup: () => freshEvent(), state: eventState,
    act: (role, ctx) => browserOf(role).post(`/bijeenkomsten/${ctx.id}/aanmelden`),
  },
  'POST /bijeenkomsten/{id}/afmelden': {
    setup: (role) => freshEvent({ registered: true, role }), state: eventState,
    act: (role, ctx) => browserOf(role).post(`/bijeenkomsten/${ctx.id}/afmelden`),
  },
  'POST /bijeenkomsten/{id}/aanwezig/{user}/ja': {
    setup: () => freshEvent({ otto: true }), state: ottoAttendance,
    act: (role, ctx) => browserOf(role).post(`/bijeenkomsten/${ctx.id}/aanwezig/${ID.otto}/ja`),
  },
  // end of events
  // issue 11, results of initiatives
  'POST /api/v1/initiatives/{id}/milestones': resultsRow((role, ctx) =>
    api(role, `/api/v1/initiatives/${ctx.id}/milestones`, { method: 'POST', body: { title: `Nieuw ${uniq()}`, due: '2027-01-01' } })),
  'PATCH /api/v1/initiatives/{id}/milestones/{milestoneId}': resultsRow((role, ctx) =>
    api(role, `/api/v1/initiatives/${ctx.id}/milestones/${ctx.milestone}`, { method: 'PATCH', body: { progress: 70 } })),
  'DELETE /api/v1/initiatives/{id}/milestones/{milestoneId}': resultsRow((role, ctx) =>
    api(role, `/api/v1/initiatives/${ctx.id}/milestones/${ctx.milestone}`, { method: 'DELETE' })),
  'POST /api/v1/initiatives/{id}/outcomes': resultsRow((role, ctx) =>
    api(role, `/api/v1/initiatives/${ctx.id}/outcomes`, { method: 'POST', body: { indicator: `Nieuw ${uniq()}`, unit: 'x' } })),
  'PATCH /api/v1/initiatives/{id}/outcomes/{outcomeId}': resultsRow((role, ctx) =>
    api(role, `/api/v1/initiatives/${ctx.id}/outcomes/${ctx.outcome}`, { method: 'PATCH', body: { target: 9 } })),
  'DELETE /api/v1/initiatives/{id}/outcomes/{outcomeId}': resultsRow((role, ctx) =>
    api(role, `/api/v1/initiatives/${ctx.id}/outcomes/${ctx.outcome}`, { method: 'DELETE' })),
  'POST /api/v1/initiatives/{id}/outcomes/{outcomeId}/measurements': resultsRow((role, ctx) =>
    api(role, `/api/v1/initiatives/${ctx.id}/outcomes/${ctx.outcome}/measurements`, { method: 'POST', body: { measuredOn: '2026-01-01', value: 3 } })),
  'DELETE /api/v1/initiatives/{id}/outcomes/{outcomeId}/measurements/{measurementId}': resultsRow((role, ctx) =>
    api(role, `/api/v1/initiatives/${ctx.id}/outcomes/${ctx.outcome}/measurements/${ctx.measurement}`, { method: 'DELETE' })),
  'POST /api/v1/initiatives/{id}/lessons': resultsRow((role, ctx) =>
    api(role, `/api/v1/initiatives/${ctx.id}/lessons`, { method: 'POST', body: { body: `Geleerd ${uniq()}` } })),
  'PATCH /api/v1/initiatives/{id}/lessons/{lessonId}': resultsRow((role, ctx) =>
    api(role, `/api/v1/initiatives/${ctx.id}/lessons/${ctx.lesson}`, { method: 'PATCH', body: { workingElements: ['co_creation'] } })),
  'DELETE /api/v1/initiatives/{id}/lessons/{lessonId}': resultsRow((role, ctx) =>
    api(role, `/api/v1/initiatives/${ctx.id}/lessons/${ctx.lesson}`, { method: 'DELETE' })),
  'GET /api/v1/initiatives/flagged': { act: (role) => api(role, '/api/v1/initiatives/flagged') },
  'POST /initiatieven/{id}/mijlpalen': resultsPage((ctx) => `/initiatieven/${ctx.id}/mijlpalen`, { title: 'Per formulier', due: '2027-01-01', status: 'planned', progress: '0' }),
  'POST /initiatieven/{id}/mijlpalen/{mid}/bewerken': resultsPage((ctx) => `/initiatieven/${ctx.id}/mijlpalen/${ctx.milestone}/bewerken`, { title: 'Mijlpaal', due: '2027-01-01', status: 'in_progress', progress: '30' }),
  'POST /initiatieven/{id}/mijlpalen/{mid}/verwijderen': resultsPage((ctx) => `/initiatieven/${ctx.id}/mijlpalen/${ctx.milestone}/verwijderen`, {}),
  'POST /initiatieven/{id}/resultaten/nieuw': resultsPage((ctx) => `/initiatieven/${ctx.id}/resultaten/nieuw`, { indicator: 'Per formulier', unit: 'x' }),
  'POST /initiatieven/{id}/resultaten/{oid}/bewerken': resultsPage((ctx) => `/initiatieven/${ctx.id}/resultaten/${ctx.outcome}/bewerken`, { indicator: 'Deelnemers', unit: 'personen', target: '12' }),
  'POST /initiatieven/{id}/resultaten/{oid}/verwijderen': resultsPage((ctx) => `/initiatieven/${ctx.id}/resultaten/${ctx.outcome}/verwijderen`, {}),
  'POST /initiatieven/{id}/resultaten/{oid}/metingen': resultsPage((ctx) => `/initiatieven/${ctx.id}/resultaten/${ctx.outcome}/metingen`, { measuredOn: '2026-01-01', value: '4' }),
  'POST /initiatieven/{id}/lessen/nieuw': resultsPage((ctx) => `/initiatieven/${ctx.id}/lessen/nieuw`, { body: 'Per formulier geleerd', workingElements: 'open_network' }),
  'POST /initiatieven/{id}/lessen/{lid}/bewerken': resultsPage((ctx) => `/initiatieven/${ctx.id}/lessen/${ctx.lesson}/bewerken`, { body: 'Een les van de beheerder.', workingElements: 'co_creation' }),
  'POST /initiatieven/{id}/lessen/{lid}/verwijderen': resultsPage((ctx) => `/initiatieven/${ctx.id}/lessen/${ctx.lesson}/verwijderen`, {}),
  'GET /initiatieven/aandacht': { act: (role) => browserOf(role).request('/initiatieven/aandacht') },
  // end of results of initiatives
  'GET /api/v1/parties/{id} (private)': {
    act: (role) => api(role, `/api/v1/parties/${readParty.id}`),
    check: (r) => { if (r.status === 200) assert.equal(r.body.name, readParty.name); },
  },
  'GET /partijen/{id} (private)': {
    act: (role) => browserOf(role).request(`/partijen/${readParty.id}`),
    check: (r) => {
      if (r.status === 200) assert.ok(r.text.includes(readParty.name), 'the party page lacks the name');
      else assert.ok(!r.text.includes(readParty.name), 'a denied page shows the name');
    },
  },
};

// ---- running the matrix ----

before(async () => {
  k = await startKiem({ users: Object.values(PEOPLE).map((p) => ({ ...p, password: PASSWORD })), env: { KIEM_MAIL_LIMIT: '1000' } });
  for (const [who, p] of Object.entries(PEOPLE)) {
    T[who] = k.tokens[p.email];
    const me = await api(who, '/api/v1/users/me');
    assert.equal(me.status, 200, me.text);
    ID[who] = me.body.id;
  }
  // the member of another party: a member of Otto's party in WK034408
  const other = await api('otto', '/api/v1/parties', { method: 'POST', body: partyBody({ name: `Andere partij ${uniq()}`, areas: [OTHER_AREA] }) });
  assert.equal(other.status, 201, other.text);
  otherParty = other.body.id;
  const m = await api('otto', `/api/v1/parties/${other.body.id}/members`, { method: 'POST', body: { email: PEOPLE.otherMember.email, role: 'member' } });
  assert.equal(m.status, 201, m.text);
  readParty = await freshParty({ visibility: 'private' });
  for (const role of ROLES.slice(1)) B[role] = await login(role);
});
after(async () => { await k?.stop(); });

test('the matrix has a row of actions for every route in it, and a cell for every role', () => {
  assert.deepEqual(Object.keys(ACTIONS).sort(), Object.keys(MATRIX).sort());
  for (const [route, cells] of Object.entries(MATRIX)) assert.equal(cells.length, ROLES.length, route);
});

describe('authorization matrix', () => {
  for (const [route, cells] of Object.entries(MATRIX)) {
    describe(route, () => {
      ROLES.forEach((role, i) => {
        const expected = cells[i];
        const todo = TODO[`${route} | ${role}`];
        test(`${role}: ${expected}`, todo ? { todo } : {}, async () => {
          const a = ACTIONS[route];
          const ctx = (await a.setup?.(role)) ?? {};
          const was = a.state ? await a.state(ctx, role) : undefined;
          const r = await a.act(role, ctx);
          try {
            assert.equal(outcome(r), expected, `${route} as ${role}: expected ${expected}, got ${r.status} ${r.location ?? ''} ${(r.text ?? '').slice(0, 200)}`);
            if (a.check) await a.check(r, role, ctx);
            if (a.state) {
              const now = await a.state(ctx, role);
              if (allowed(expected) && was !== null) assert.notDeepEqual(now, was, `${route} as ${role} was allowed but changed nothing`);
              else if (!allowed(expected)) assert.deepEqual(now, was, `${route} as ${role} was denied but changed the target`);
            }
          } finally {
            if (a.cleanup) await a.cleanup();
          }
        });
      });
    });
  }
});
