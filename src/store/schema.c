#include "schema.h"

/* The SQL is portable where it can be; the full-text table is SQLite's FTS5
 * and has its PostgreSQL counterpart (a tsvector column) in that backend. */
const char *const schema_steps[] = {
	/* 1: the foundation: settings, areas, roles, users, sessions, tokens, parties */
	"CREATE TABLE settings ("
	"  key TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL);"

	"CREATE TABLE areas ("
	"  code TEXT PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  level TEXT NOT NULL,"
	"  parent_code TEXT REFERENCES areas(code),"
	"  path TEXT NOT NULL,"
	"  created_at TEXT NOT NULL);"
	"CREATE INDEX areas_parent ON areas(parent_code);"
	"CREATE INDEX areas_path ON areas(path);"

	"CREATE TABLE roles ("
	"  key TEXT PRIMARY KEY,"
	"  position INTEGER NOT NULL,"
	"  name_nl TEXT NOT NULL,"
	"  name_en TEXT NOT NULL,"
	"  description_nl TEXT NOT NULL,"
	"  description_en TEXT NOT NULL,"
	"  typical_kinds TEXT NOT NULL);"

	"CREATE TABLE users ("
	"  id TEXT PRIMARY KEY,"
	"  email TEXT NOT NULL UNIQUE,"
	"  name TEXT NOT NULL,"
	"  password_hash TEXT NOT NULL,"
	"  platform_role TEXT NOT NULL,"
	"  created_at TEXT NOT NULL);"

	"CREATE TABLE coordinator_areas ("
	"  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	"  area_code TEXT NOT NULL REFERENCES areas(code),"
	"  PRIMARY KEY (user_id, area_code));"

	"CREATE TABLE sessions ("
	"  token_hash TEXT PRIMARY KEY,"
	"  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	"  created_at TEXT NOT NULL,"
	"  last_seen_at TEXT NOT NULL,"
	"  expires_at TEXT NOT NULL);"
	"CREATE INDEX sessions_user ON sessions(user_id);"

	"CREATE TABLE api_tokens ("
	"  id TEXT PRIMARY KEY,"
	"  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	"  token_hash TEXT NOT NULL UNIQUE,"
	"  name TEXT NOT NULL,"
	"  created_at TEXT NOT NULL,"
	"  last_used_at TEXT);"
	"CREATE INDEX api_tokens_user ON api_tokens(user_id);"

	/* seq is the key the search index refers to: an INTEGER PRIMARY KEY, so
	 * VACUUM cannot renumber it */
	"CREATE TABLE parties ("
	"  seq INTEGER PRIMARY KEY,"
	"  id TEXT NOT NULL UNIQUE,"
	"  name TEXT NOT NULL,"
	"  sort_name TEXT NOT NULL,"
	"  kind TEXT NOT NULL,"
	"  description TEXT NOT NULL,"
	"  email TEXT,"
	"  phone TEXT,"
	"  website TEXT,"
	"  capacity_hours INTEGER,"
	"  visibility TEXT NOT NULL,"
	"  created_by TEXT REFERENCES users(id) ON DELETE SET NULL,"
	"  created_at TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL);"
	"CREATE INDEX parties_sort_name ON parties(sort_name, id);"
	"CREATE INDEX parties_created ON parties(created_at, id);"
	"CREATE INDEX parties_kind ON parties(kind, sort_name, id);"
	"CREATE INDEX parties_visibility_kind ON parties(visibility, kind);"

	"CREATE TABLE party_areas ("
	"  party_id TEXT NOT NULL REFERENCES parties(id) ON DELETE CASCADE,"
	"  area_code TEXT NOT NULL REFERENCES areas(code),"
	"  PRIMARY KEY (party_id, area_code));"
	"CREATE INDEX party_areas_area ON party_areas(area_code, party_id);"

	"CREATE TABLE party_roles ("
	"  party_id TEXT NOT NULL REFERENCES parties(id) ON DELETE CASCADE,"
	"  role_key TEXT NOT NULL REFERENCES roles(key),"
	"  PRIMARY KEY (party_id, role_key));"
	"CREATE INDEX party_roles_role ON party_roles(role_key, party_id);"

	"CREATE TABLE party_tags ("
	"  party_id TEXT NOT NULL REFERENCES parties(id) ON DELETE CASCADE,"
	"  tag TEXT NOT NULL,"
	"  PRIMARY KEY (party_id, tag));"
	"CREATE INDEX party_tags_tag ON party_tags(tag, party_id);"

	"CREATE VIRTUAL TABLE party_search USING fts5("
	"  name, description, tags, tokenize = 'unicode61 remove_diacritics 2');",

	/* 2: memberships of parties, and the activity log (the audit trail) */
	"CREATE TABLE memberships ("
	"  party_id TEXT NOT NULL REFERENCES parties(id) ON DELETE CASCADE,"
	"  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	"  role TEXT NOT NULL,"
	"  created_at TEXT NOT NULL,"
	"  PRIMARY KEY (party_id, user_id));"
	"CREATE INDEX memberships_user ON memberships(user_id, party_id);"
	/* who made a party so far becomes its admin */
	"INSERT INTO memberships (party_id, user_id, role, created_at)"
	"  SELECT id, created_by, 'admin', created_at FROM parties WHERE created_by IS NOT NULL;"

	/* append-only: what changed, when, by whom; never the values */
	"CREATE TABLE activity ("
	"  seq INTEGER PRIMARY KEY,"
	"  id TEXT NOT NULL UNIQUE,"
	"  at TEXT NOT NULL,"
	"  actor_id TEXT,"
	"  action TEXT NOT NULL,"
	"  object_type TEXT NOT NULL,"
	"  object_id TEXT NOT NULL,"
	"  fields TEXT NOT NULL);"
	"CREATE INDEX activity_object ON activity(object_type, object_id, seq);"
	"CREATE INDEX activity_actor ON activity(actor_id, seq);"

	/* a blocked account cannot log in, and its sessions and tokens stop */
	"ALTER TABLE users ADD COLUMN blocked_at TEXT;"
	"CREATE INDEX coordinator_areas_area ON coordinator_areas(area_code);",

	/* 3: registration and mail: confirmed addresses, one-time links,
	 * invitations, the outbox, inactive accounts, and whom a log entry is
	 * about */
	/* accounts made so far were made by an operator, who vouched for them */
	"ALTER TABLE users ADD COLUMN email_confirmed_at TEXT;"
	"UPDATE users SET email_confirmed_at = created_at;"
	/* the language mail to this person is written in */
	"ALTER TABLE users ADD COLUMN lang TEXT NOT NULL DEFAULT 'nl';"
	/* when the person last logged in or used kiem; inactive accounts are
	 * warned, then erased */
	"ALTER TABLE users ADD COLUMN last_active_at TEXT;"
	"UPDATE users SET last_active_at = COALESCE("
	"  (SELECT MAX(last_seen_at) FROM sessions WHERE user_id = users.id), created_at);"
	"ALTER TABLE users ADD COLUMN inactivity_warned_at TEXT;"
	"CREATE INDEX users_last_active ON users(last_active_at);"

	/* links sent by mail to confirm an address or to reset a password:
	 * stored as the hash of their secret, used once, until they expire */
	"CREATE TABLE email_links ("
	"  token_hash TEXT PRIMARY KEY,"
	"  purpose TEXT NOT NULL,"
	"  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	"  created_at TEXT NOT NULL,"
	"  expires_at TEXT NOT NULL);"
	"CREATE INDEX email_links_user ON email_links(user_id, purpose);"

	/* a party's invitation to someone who may not have an account yet */
	"CREATE TABLE invitations ("
	"  id TEXT PRIMARY KEY,"
	"  party_id TEXT NOT NULL REFERENCES parties(id) ON DELETE CASCADE,"
	"  email TEXT NOT NULL,"
	"  role TEXT NOT NULL,"
	"  token_hash TEXT NOT NULL UNIQUE,"
	"  invited_by TEXT REFERENCES users(id) ON DELETE SET NULL,"
	"  created_at TEXT NOT NULL,"
	"  expires_at TEXT NOT NULL,"
	"  UNIQUE (party_id, email));"
	"CREATE INDEX invitations_email ON invitations(email);"

	/* mail to send, written in the transaction of the change that causes
	 * it; a worker of `kiem serve` delivers it */
	"CREATE TABLE outbox ("
	"  seq INTEGER PRIMARY KEY,"
	"  id TEXT NOT NULL UNIQUE,"
	"  recipient TEXT NOT NULL,"
	"  subject TEXT NOT NULL,"
	"  body TEXT NOT NULL,"
	"  created_at TEXT NOT NULL,"
	"  attempts INTEGER NOT NULL DEFAULT 0,"
	"  next_attempt_at TEXT NOT NULL,"
	"  sent_at TEXT,"
	"  failed_at TEXT,"
	"  last_error TEXT);"
	"CREATE INDEX outbox_due ON outbox(next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;"
	"CREATE INDEX outbox_recipient ON outbox(recipient);"

	/* the person an entry is about (a member added, say) and a detail that
	 * is no personal data (the role given) */
	"ALTER TABLE activity ADD COLUMN subject_id TEXT;"
	"ALTER TABLE activity ADD COLUMN detail TEXT;",

	/* 4: social issues (vraagstukken), signals (signalen), and the voice of
	 * residents: supports, comments, follows and notifications */
	"CREATE TABLE issues ("
	"  seq INTEGER PRIMARY KEY,"
	"  id TEXT NOT NULL UNIQUE,"
	"  title TEXT NOT NULL,"
	"  summary TEXT NOT NULL,"
	"  description TEXT NOT NULL,"
	"  area_code TEXT NOT NULL REFERENCES areas(code),"
	"  owner_party_id TEXT REFERENCES parties(id) ON DELETE SET NULL,"
	"  status TEXT NOT NULL,"
	"  supporters INTEGER NOT NULL DEFAULT 0,"
	"  created_by TEXT REFERENCES users(id) ON DELETE SET NULL,"
	"  created_at TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL,"
	"  status_changed_at TEXT NOT NULL);"
	"CREATE INDEX issues_status ON issues(status, created_at, id);"
	"CREATE INDEX issues_area ON issues(area_code, status);"
	"CREATE INDEX issues_owner ON issues(owner_party_id);"
	"CREATE INDEX issues_created ON issues(created_at, id);"
	"CREATE TABLE issue_target_groups ("
	"  issue_id TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,"
	"  target_group TEXT NOT NULL,"
	"  PRIMARY KEY (issue_id, target_group));"
	"CREATE INDEX issue_target_groups_group ON issue_target_groups(target_group, issue_id);"
	/* rowid = issues.seq */
	"CREATE VIRTUAL TABLE issue_search USING fts5("
	"  title, summary, description, tokenize = 'unicode61 remove_diacritics 2');"
	/* every move of an issue's status, with its reason: the timeline */
	"CREATE TABLE issue_transitions ("
	"  seq INTEGER PRIMARY KEY,"
	"  id TEXT NOT NULL UNIQUE,"
	"  issue_id TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,"
	"  from_status TEXT,"
	"  to_status TEXT NOT NULL,"
	"  reason TEXT NOT NULL,"
	"  actor_id TEXT REFERENCES users(id) ON DELETE SET NULL,"
	"  at TEXT NOT NULL);"
	"CREATE INDEX issue_transitions_issue ON issue_transitions(issue_id, seq);"
	/* environmental factors (omgevingsfactoren), enabling or hindering */
	"CREATE TABLE issue_factors ("
	"  seq INTEGER PRIMARY KEY,"
	"  id TEXT NOT NULL UNIQUE,"
	"  issue_id TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,"
	"  kind TEXT NOT NULL,"
	"  effect TEXT NOT NULL,"
	"  description TEXT NOT NULL,"
	"  created_by TEXT REFERENCES users(id) ON DELETE SET NULL,"
	"  created_at TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL);"
	"CREATE INDEX issue_factors_issue ON issue_factors(issue_id, kind);"
	/* the role ledger: which party fills which of the dossier's roles for
	 * an issue */
	"CREATE TABLE issue_roles ("
	"  issue_id TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,"
	"  role_key TEXT NOT NULL REFERENCES roles(key),"
	"  party_id TEXT NOT NULL REFERENCES parties(id) ON DELETE CASCADE,"
	"  note TEXT NOT NULL DEFAULT '',"
	"  created_by TEXT REFERENCES users(id) ON DELETE SET NULL,"
	"  created_at TEXT NOT NULL,"
	"  PRIMARY KEY (issue_id, role_key, party_id));"
	"CREATE INDEX issue_roles_party ON issue_roles(party_id);"

	/* opportunities, bottlenecks and gaps a party detects; cluster_id is
	 * the id of the first signal of its cluster of similar ones */
	"CREATE TABLE signals ("
	"  seq INTEGER PRIMARY KEY,"
	"  id TEXT NOT NULL UNIQUE,"
	"  kind TEXT NOT NULL,"
	"  title TEXT NOT NULL,"
	"  description TEXT NOT NULL,"
	"  area_code TEXT NOT NULL REFERENCES areas(code),"
	"  target_group TEXT,"
	"  reporter_id TEXT REFERENCES users(id) ON DELETE SET NULL,"
	"  party_id TEXT REFERENCES parties(id) ON DELETE SET NULL,"
	"  regulatory INTEGER NOT NULL DEFAULT 0,"
	"  rule TEXT,"
	"  routed_party_id TEXT REFERENCES parties(id) ON DELETE SET NULL,"
	"  status TEXT NOT NULL,"
	"  status_reason TEXT,"
	"  issue_id TEXT REFERENCES issues(id) ON DELETE SET NULL,"
	"  cluster_id TEXT,"
	"  created_at TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL);"
	"CREATE INDEX signals_status ON signals(status, created_at, id);"
	"CREATE INDEX signals_area ON signals(area_code, status);"
	"CREATE INDEX signals_issue ON signals(issue_id);"
	"CREATE INDEX signals_cluster ON signals(cluster_id);"
	"CREATE INDEX signals_reporter ON signals(reporter_id);"
	"CREATE INDEX signals_routed ON signals(routed_party_id);"
	/* rowid = signals.seq */
	"CREATE VIRTUAL TABLE signal_search USING fts5("
	"  title, description, rule, tokenize = 'unicode61 remove_diacritics 2');"
	/* a regulatory signal's decision by the responsible official */
	"CREATE TABLE signal_decisions ("
	"  seq INTEGER PRIMARY KEY,"
	"  id TEXT NOT NULL UNIQUE,"
	"  signal_id TEXT NOT NULL REFERENCES signals(id) ON DELETE CASCADE,"
	"  decision TEXT NOT NULL,"
	"  reason TEXT NOT NULL,"
	"  party_id TEXT REFERENCES parties(id) ON DELETE SET NULL,"
	"  decided_by TEXT REFERENCES users(id) ON DELETE SET NULL,"
	"  decided_at TEXT NOT NULL);"
	"CREATE INDEX signal_decisions_signal ON signal_decisions(signal_id, seq);"

	/* residents' voice: one support per person, comments with replies,
	 * following, and the notifications that follows bring */
	"CREATE TABLE supports ("
	"  issue_id TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,"
	"  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	"  created_at TEXT NOT NULL,"
	"  PRIMARY KEY (issue_id, user_id));"
	"CREATE INDEX supports_user ON supports(user_id);"
	"CREATE TABLE comments ("
	"  seq INTEGER PRIMARY KEY,"
	"  id TEXT NOT NULL UNIQUE,"
	"  issue_id TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,"
	"  parent_id TEXT REFERENCES comments(id) ON DELETE CASCADE,"
	"  author_id TEXT REFERENCES users(id) ON DELETE SET NULL,"
	"  body TEXT NOT NULL,"
	"  created_at TEXT NOT NULL,"
	"  edited_at TEXT,"
	"  hidden_at TEXT,"
	"  hidden_by TEXT REFERENCES users(id) ON DELETE SET NULL,"
	"  hidden_reason TEXT);"
	"CREATE INDEX comments_issue ON comments(issue_id, seq);"
	"CREATE INDEX comments_author ON comments(author_id);"
	"CREATE TABLE follows ("
	"  issue_id TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,"
	"  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	"  created_at TEXT NOT NULL,"
	"  PRIMARY KEY (issue_id, user_id));"
	"CREATE INDEX follows_user ON follows(user_id);"
	"CREATE TABLE notifications ("
	"  seq INTEGER PRIMARY KEY,"
	"  id TEXT NOT NULL UNIQUE,"
	"  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	"  issue_id TEXT REFERENCES issues(id) ON DELETE CASCADE,"
	"  event TEXT NOT NULL,"
	"  object_id TEXT,"
	"  actor_id TEXT REFERENCES users(id) ON DELETE SET NULL,"
	"  created_at TEXT NOT NULL,"
	"  read_at TEXT,"
	"  digested_at TEXT);"
	"CREATE INDEX notifications_user ON notifications(user_id, seq);"
	"CREATE INDEX notifications_undigested ON notifications(user_id) WHERE digested_at IS NULL;"
	/* whether the person wants a daily email digest of their notifications */
	"ALTER TABLE users ADD COLUMN digest INTEGER NOT NULL DEFAULT 0;"
	/* issues core: the list sorted by the last status move */
	"CREATE INDEX issues_changed ON issues(status_changed_at, id);"
	/* issue 4, factors and the role ledger: a person's contributions, for
	 * the export of their data */
	"CREATE INDEX issue_factors_creator ON issue_factors(created_by);"
	"CREATE INDEX issue_roles_creator ON issue_roles(created_by);",

	/* 5: issue 8, signals: verified parties (a platform admin or a
	 * coordinator vouches for who a party is; regulatory signals go only
	 * to verified government parties); signals that residents report for
	 * no party; and the signals of a cluster taken along into an issue by
	 * someone who could not see them (the page does not show their
	 * titles to everyone) */
	"ALTER TABLE parties ADD COLUMN verified_at TEXT;"
	"ALTER TABLE parties ADD COLUMN verified_by TEXT REFERENCES users(id) ON DELETE SET NULL;"
	"CREATE INDEX parties_verifier ON parties(verified_by);"
	"ALTER TABLE signals ADD COLUMN resident INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE signals ADD COLUMN taken_along INTEGER NOT NULL DEFAULT 0;"
	/* no party is verified yet, so the undecided regulatory signals go to
	 * their area's coordinators (as signal_reroute does without one) */
	"UPDATE signals SET routed_party_id = NULL WHERE regulatory = 1 AND status IN ('open', 'acknowledged')"
	"  AND NOT EXISTS (SELECT 1 FROM signal_decisions d WHERE d.signal_id = signals.id);",

	/* 6: requests that mail an address someone typed (registering, a new
	 * confirmation link, a new password), queued so that the answer takes
	 * the same time whether or not the address has an account; a worker of
	 * `kiem serve` carries each out and deletes it (model/account.h) */
	"CREATE TABLE account_requests ("
	"  seq INTEGER PRIMARY KEY,"
	"  kind TEXT NOT NULL,"
	"  email TEXT NOT NULL,"
	"  name TEXT,"
	"  password_hash TEXT,"
	"  lang TEXT NOT NULL,"
	"  next TEXT,"
	"  created_at TEXT NOT NULL);",

	/* 7: a party's lists on its own row (model/party.c, PARTY_LISTS), so
	 * that a page of parties is read in one statement: its area codes in
	 * the order of their paths, its roles in the catalogue's order, its
	 * tags in order, and its areas' names, each list's items joined by
	 * char(31) and the lists by char(30) */
	"ALTER TABLE parties ADD COLUMN lists TEXT NOT NULL DEFAULT '';"
	"UPDATE parties AS p SET lists ="
	"  coalesce((SELECT group_concat(v, char(31)) FROM (SELECT pa.area_code AS v FROM party_areas pa"
	"    JOIN areas a ON a.code = pa.area_code WHERE pa.party_id = p.id ORDER BY a.path)), '') || char(30) ||"
	"  coalesce((SELECT group_concat(v, char(31)) FROM (SELECT pr.role_key AS v FROM party_roles pr"
	"    JOIN roles r ON r.key = pr.role_key WHERE pr.party_id = p.id ORDER BY r.position)), '') || char(30) ||"
	"  coalesce((SELECT group_concat(v, char(31)) FROM (SELECT tag AS v FROM party_tags"
	"    WHERE party_id = p.id ORDER BY tag)), '') || char(30) ||"
	"  coalesce((SELECT group_concat(v, char(31)) FROM (SELECT a.name AS v FROM party_areas pa"
	"    JOIN areas a ON a.code = pa.area_code WHERE pa.party_id = p.id ORDER BY a.path)), '');",

	/* 8 (issue 10, several nodes): the login throttle's counts and the
	 * addresses known to accounts, in the database so that every node
	 * counts the same (model/throttle.h). id is a keyed hash of what a row
	 * counts; started and expires are Unix seconds; a row whose expires
	 * has passed is deleted by the next writes. */
	"CREATE TABLE login_throttle ("
	"  id INTEGER PRIMARY KEY,"
	"  started INTEGER NOT NULL,"
	"  hits INTEGER NOT NULL,"
	"  expires INTEGER NOT NULL);"
	"CREATE INDEX login_throttle_expires ON login_throttle(expires);",

	/* 9 (issue 10, several nodes): the generation of the data, one row
	 * ('data') that every commit that changes data counts up, made by the
	 * first, so that every process and node can tell when its kept answers
	 * are old (store.h, store_generation; no row is generation 0, and a
	 * new database is empty, as migrate-to-pg wants); and the leases by
	 * which one node of several runs each background job (model/lease.h):
	 * until_epoch is a time in seconds since 1970 */
	"CREATE TABLE data_generation (name TEXT PRIMARY KEY, n INTEGER NOT NULL);"
	"CREATE TABLE leases ("
	"  name TEXT PRIMARY KEY,"
	"  holder TEXT NOT NULL,"
	"  until_epoch INTEGER NOT NULL);",

	/* 10 (issue 10, the cost of the full-text indexes): each index reads
	 * its text from the rows it indexes (external content) instead of
	 * keeping a copy of its own, and keeps no sizes of its columns (they
	 * are for ranking by relevance, which kiem does not do): two B-trees
	 * less to write on every write. A party's tags, as the index reads
	 * them, go on its row: each followed by a space. On PostgreSQL each
	 * becomes a view over its table with an index on the expression
	 * (store/pg_sql.c, fts_table). */
	"ALTER TABLE parties ADD COLUMN tags TEXT NOT NULL DEFAULT '';"
	"UPDATE parties SET tags = coalesce((SELECT group_concat(v, '') FROM (SELECT t.tag || ' ' AS v"
	"  FROM party_tags t WHERE t.party_id = parties.id ORDER BY t.tag)), '');"
	"DROP TABLE party_search;"
	"CREATE VIRTUAL TABLE party_search USING fts5("
	"  name, description, tags, content = 'parties', content_rowid = 'seq', columnsize = 0,"
	"  tokenize = 'unicode61 remove_diacritics 2');"
	"INSERT INTO party_search (party_search) VALUES ('rebuild');"
	"DROP TABLE issue_search;"
	"CREATE VIRTUAL TABLE issue_search USING fts5("
	"  title, summary, description, content = 'issues', content_rowid = 'seq', columnsize = 0,"
	"  tokenize = 'unicode61 remove_diacritics 2');"
	"INSERT INTO issue_search (issue_search) VALUES ('rebuild');"
	"DROP TABLE signal_search;"
	"CREATE VIRTUAL TABLE signal_search USING fts5("
	"  title, description, rule, content = 'signals', content_rowid = 'seq', columnsize = 0,"
	"  tokenize = 'unicode61 remove_diacritics 2');"
	"INSERT INTO signal_search (signal_search) VALUES ('rebuild');",

	/* 11 (issue 11): initiatives through their stages, their partners and
	 * results, coalitions and ties between parties, and co-creation events.
	 * Dates are YYYY-MM-DD, times RFC 3339 in UTC; money in euro cents. */
	"CREATE TABLE initiatives ("
	"  seq INTEGER PRIMARY KEY,"
	"  id TEXT NOT NULL UNIQUE,"
	"  title TEXT NOT NULL,"
	"  summary TEXT NOT NULL,"
	"  description TEXT NOT NULL,"
	"  type TEXT NOT NULL,"
	"  lead_party_id TEXT REFERENCES parties(id) ON DELETE SET NULL,"
	"  area_code TEXT NOT NULL REFERENCES areas(code),"
	"  participation_level TEXT NOT NULL,"
	"  budget_cents INTEGER,"
	"  stage TEXT NOT NULL,"
	"  stage_changed_at TEXT NOT NULL,"
	"  created_by TEXT REFERENCES users(id) ON DELETE SET NULL,"
	"  created_at TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL,"
	/* the lead party's kind, for the board's filter on it */
	"  lead_kind TEXT);"
	"CREATE INDEX initiatives_stage ON initiatives(stage, stage_changed_at, id);"
	/* the board's counts by a filter: each index holds the columns the
	 * other filters test, so that the count reads it alone */
	"CREATE INDEX initiatives_area ON initiatives(area_code, stage, participation_level, lead_kind, lead_party_id);"
	"CREATE INDEX initiatives_level ON initiatives(participation_level, stage, area_code, lead_kind, lead_party_id);"
	"CREATE INDEX initiatives_kind ON initiatives(lead_kind, stage, participation_level, area_code, lead_party_id);"
	"CREATE INDEX initiatives_lead ON initiatives(lead_party_id);"
	"CREATE INDEX initiatives_created ON initiatives(created_at, id);"
	/* the board: each stage's latest moves, its filters optional */
	"CREATE INDEX initiatives_changed ON initiatives(stage_changed_at, id);"
	"CREATE INDEX initiatives_creator ON initiatives(created_by);"
	"CREATE TABLE initiative_issues ("
	"  initiative_id TEXT NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,"
	"  issue_id TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (initiative_id, issue_id));"
	"CREATE INDEX initiative_issues_issue ON initiative_issues(issue_id, initiative_id);"
	"CREATE TABLE initiative_target_groups ("
	"  initiative_id TEXT NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,"
	"  target_group TEXT NOT NULL,"
	"  PRIMARY KEY (initiative_id, target_group));"
	"CREATE INDEX initiative_target_groups_group ON initiative_target_groups(target_group, initiative_id);"
	"CREATE VIRTUAL TABLE initiative_search USING fts5("
	"  title, summary, description, content = 'initiatives', content_rowid = 'seq', columnsize = 0,"
	"  tokenize = 'unicode61 remove_diacritics 2');"
	/* every move of an initiative's stage: the timeline; party_id is the
	 * party on whose behalf it was decided */
	"CREATE TABLE stage_decisions ("
	"  seq INTEGER PRIMARY KEY,"
	"  id TEXT NOT NULL UNIQUE,"
	"  initiative_id TEXT NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,"
	"  from_stage TEXT,"
	"  to_stage TEXT NOT NULL,"
	"  rationale TEXT NOT NULL,"
	"  evidence TEXT NOT NULL DEFAULT '',"
	"  lessons TEXT NOT NULL DEFAULT '',"
	"  party_id TEXT REFERENCES parties(id) ON DELETE SET NULL,"
	"  decided_by TEXT REFERENCES users(id) ON DELETE SET NULL,"
	"  decided_at TEXT NOT NULL);"
	"CREATE INDEX stage_decisions_initiative ON stage_decisions(initiative_id, seq);"
	"CREATE INDEX stage_decisions_decider ON stage_decisions(decided_by);"
	/* a party's place in an initiative: a role key of the catalogue */
	"CREATE TABLE initiative_partners ("
	"  seq INTEGER PRIMARY KEY,"
	"  id TEXT NOT NULL UNIQUE,"
	"  initiative_id TEXT NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,"
	"  party_id TEXT NOT NULL REFERENCES parties(id) ON DELETE CASCADE,"
	"  role_key TEXT NOT NULL REFERENCES roles(key),"
	"  contribution TEXT NOT NULL DEFAULT '',"
	"  hours_per_week INTEGER,"
	"  since TEXT NOT NULL,"
	"  created_by TEXT REFERENCES users(id) ON DELETE SET NULL,"
	"  created_at TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL,"
	"  UNIQUE (initiative_id, party_id));"
	"CREATE INDEX initiative_partners_party ON initiative_partners(party_id, initiative_id);"
	"CREATE INDEX initiative_partners_creator ON initiative_partners(created_by);"
	/* intrapreneurship: the hours a week a member's employer (a party of
	 * which the person is a member) grants them for an initiative */
	"CREATE TABLE intrapreneur_hours ("
	"  initiative_id TEXT NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,"
	"  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	"  party_id TEXT NOT NULL REFERENCES parties(id) ON DELETE CASCADE,"
	"  hours_per_week INTEGER NOT NULL,"
	"  since TEXT NOT NULL,"
	"  created_at TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL,"
	"  PRIMARY KEY (initiative_id, user_id));"
	"CREATE INDEX intrapreneur_hours_party ON intrapreneur_hours(party_id);"
	"CREATE INDEX intrapreneur_hours_user ON intrapreneur_hours(user_id);"
	/* residents who offer to help an initiative, and who follow one */
	"CREATE TABLE initiative_interest ("
	"  initiative_id TEXT NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,"
	"  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	"  message TEXT NOT NULL DEFAULT '',"
	"  created_at TEXT NOT NULL,"
	"  PRIMARY KEY (initiative_id, user_id));"
	"CREATE INDEX initiative_interest_user ON initiative_interest(user_id);"
	"CREATE TABLE initiative_follows ("
	"  initiative_id TEXT NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,"
	"  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	"  created_at TEXT NOT NULL,"
	"  PRIMARY KEY (initiative_id, user_id));"
	"CREATE INDEX initiative_follows_user ON initiative_follows(user_id);"
	"ALTER TABLE notifications ADD COLUMN initiative_id TEXT REFERENCES initiatives(id) ON DELETE CASCADE;"

	/* results after a decision: milestones, outcomes with their
	 * measurements, and the lessons log; an indicator's values are whole
	 * numbers in its unit */
	"CREATE TABLE milestones ("
	"  seq INTEGER PRIMARY KEY,"
	"  id TEXT NOT NULL UNIQUE,"
	"  initiative_id TEXT NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,"
	"  title TEXT NOT NULL,"
	"  due TEXT NOT NULL,"
	"  status TEXT NOT NULL,"
	"  progress INTEGER NOT NULL DEFAULT 0,"
	"  created_by TEXT REFERENCES users(id) ON DELETE SET NULL,"
	"  created_at TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL);"
	"CREATE INDEX milestones_initiative ON milestones(initiative_id, due);"
	"CREATE INDEX milestones_due ON milestones(status, due);"
	"CREATE INDEX milestones_creator ON milestones(created_by);"
	"CREATE TABLE outcomes ("
	"  seq INTEGER PRIMARY KEY,"
	"  id TEXT NOT NULL UNIQUE,"
	"  initiative_id TEXT NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,"
	"  indicator TEXT NOT NULL,"
	"  unit TEXT NOT NULL,"
	"  baseline INTEGER,"
	"  target INTEGER,"
	"  created_by TEXT REFERENCES users(id) ON DELETE SET NULL,"
	"  created_at TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL);"
	"CREATE INDEX outcomes_initiative ON outcomes(initiative_id, seq);"
	"CREATE INDEX outcomes_creator ON outcomes(created_by);"
	"CREATE TABLE outcome_measurements ("
	"  seq INTEGER PRIMARY KEY,"
	"  id TEXT NOT NULL UNIQUE,"
	"  outcome_id TEXT NOT NULL REFERENCES outcomes(id) ON DELETE CASCADE,"
	"  measured_on TEXT NOT NULL,"
	"  value INTEGER NOT NULL,"
	"  cost_cents INTEGER,"
	"  savings_cents INTEGER,"
	"  note TEXT NOT NULL DEFAULT '',"
	"  created_by TEXT REFERENCES users(id) ON DELETE SET NULL,"
	"  created_at TEXT NOT NULL);"
	"CREATE INDEX outcome_measurements_outcome ON outcome_measurements(outcome_id, measured_on);"
	"CREATE INDEX outcome_measurements_creator ON outcome_measurements(created_by);"
	/* working_elements: the dossier's keys, each followed by a space (as
	 * parties.tags) */
	"CREATE TABLE lessons ("
	"  seq INTEGER PRIMARY KEY,"
	"  id TEXT NOT NULL UNIQUE,"
	"  initiative_id TEXT NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,"
	"  body TEXT NOT NULL,"
	"  working_elements TEXT NOT NULL DEFAULT '',"
	"  learned_on TEXT NOT NULL,"
	"  party_id TEXT REFERENCES parties(id) ON DELETE SET NULL,"
	"  author_id TEXT REFERENCES users(id) ON DELETE SET NULL,"
	"  created_at TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL);"
	"CREATE INDEX lessons_initiative ON lessons(initiative_id, learned_on);"
	"CREATE INDEX lessons_author ON lessons(author_id);"

	/* lasting collaborations of parties around issues, and ties between
	 * two parties (from_party_id funds/advises/... to_party_id) */
	"CREATE TABLE coalitions ("
	"  seq INTEGER PRIMARY KEY,"
	"  id TEXT NOT NULL UNIQUE,"
	"  name TEXT NOT NULL,"
	"  sort_name TEXT NOT NULL,"
	"  description TEXT NOT NULL,"
	"  area_code TEXT NOT NULL REFERENCES areas(code),"
	"  since TEXT NOT NULL,"
	"  created_by TEXT REFERENCES users(id) ON DELETE SET NULL,"
	"  created_at TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL);"
	"CREATE INDEX coalitions_sort_name ON coalitions(sort_name, id);"
	"CREATE INDEX coalitions_area ON coalitions(area_code);"
	"CREATE INDEX coalitions_creator ON coalitions(created_by);"
	"CREATE VIRTUAL TABLE coalition_search USING fts5("
	"  name, description, content = 'coalitions', content_rowid = 'seq', columnsize = 0,"
	"  tokenize = 'unicode61 remove_diacritics 2');"
	"CREATE TABLE coalition_partners ("
	"  seq INTEGER PRIMARY KEY,"
	"  id TEXT NOT NULL UNIQUE,"
	"  coalition_id TEXT NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,"
	"  party_id TEXT NOT NULL REFERENCES parties(id) ON DELETE CASCADE,"
	"  role_key TEXT REFERENCES roles(key),"
	"  contribution TEXT NOT NULL DEFAULT '',"
	"  admin INTEGER NOT NULL DEFAULT 0,"
	"  since TEXT NOT NULL,"
	"  created_at TEXT NOT NULL,"
	"  UNIQUE (coalition_id, party_id));"
	"CREATE INDEX coalition_partners_party ON coalition_partners(party_id, coalition_id);"
	"CREATE TABLE coalition_issues ("
	"  coalition_id TEXT NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,"
	"  issue_id TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (coalition_id, issue_id));"
	"CREATE INDEX coalition_issues_issue ON coalition_issues(issue_id, coalition_id);"
	"CREATE TABLE ties ("
	"  seq INTEGER PRIMARY KEY,"
	"  id TEXT NOT NULL UNIQUE,"
	"  from_party_id TEXT NOT NULL REFERENCES parties(id) ON DELETE CASCADE,"
	"  to_party_id TEXT NOT NULL REFERENCES parties(id) ON DELETE CASCADE,"
	"  kind TEXT NOT NULL,"
	"  since TEXT NOT NULL,"
	"  note TEXT NOT NULL DEFAULT '',"
	"  created_by TEXT REFERENCES users(id) ON DELETE SET NULL,"
	"  created_at TEXT NOT NULL,"
	"  UNIQUE (from_party_id, to_party_id, kind));"
	"CREATE INDEX ties_to ON ties(to_party_id, from_party_id);"
	"CREATE INDEX ties_created ON ties(created_at, id);"
	"CREATE INDEX ties_creator ON ties(created_by);"

	/* co-creation sessions and meetings; starts_at and ends_at in UTC;
	 * sequence is iCalendar's SEQUENCE, counted up on every change */
	"CREATE TABLE events ("
	"  seq INTEGER PRIMARY KEY,"
	"  id TEXT NOT NULL UNIQUE,"
	"  title TEXT NOT NULL,"
	"  description TEXT NOT NULL,"
	"  place TEXT NOT NULL,"
	"  area_code TEXT REFERENCES areas(code),"
	"  starts_at TEXT NOT NULL,"
	"  ends_at TEXT NOT NULL,"
	"  capacity INTEGER,"
	"  organizer_party_id TEXT REFERENCES parties(id) ON DELETE SET NULL,"
	"  status TEXT NOT NULL,"
	"  sequence INTEGER NOT NULL DEFAULT 0,"
	"  created_by TEXT REFERENCES users(id) ON DELETE SET NULL,"
	"  created_at TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL);"
	"CREATE INDEX events_starts ON events(starts_at, id);"
	"CREATE INDEX events_area ON events(area_code, starts_at);"
	"CREATE INDEX events_organizer ON events(organizer_party_id);"
	"CREATE INDEX events_creator ON events(created_by);"
	"CREATE VIRTUAL TABLE event_search USING fts5("
	"  title, description, place, content = 'events', content_rowid = 'seq', columnsize = 0,"
	"  tokenize = 'unicode61 remove_diacritics 2');"
	"CREATE TABLE event_issues ("
	"  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,"
	"  issue_id TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (event_id, issue_id));"
	"CREATE INDEX event_issues_issue ON event_issues(issue_id, event_id);"
	"CREATE TABLE event_initiatives ("
	"  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,"
	"  initiative_id TEXT NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (event_id, initiative_id));"
	"CREATE INDEX event_initiatives_initiative ON event_initiatives(initiative_id, event_id);"
	/* status registered, waiting, cancelled or attended; position orders
	 * the waiting list (the time of registering, as a sequence number) */
	"CREATE TABLE event_registrations ("
	"  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,"
	"  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	"  status TEXT NOT NULL,"
	"  position INTEGER NOT NULL,"
	"  registered_at TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL,"
	"  PRIMARY KEY (event_id, user_id));"
	"CREATE INDEX event_registrations_list ON event_registrations(event_id, status, position);"
	"CREATE INDEX event_registrations_user ON event_registrations(user_id);",

	/* 12 (issue 10, what a write costs): a party's areas, roles and tags
	 * and its members are rows of their primary key alone (WITHOUT
	 * ROWID): one B-tree less to write for each (the key's own index on
	 * top of the table's rowid tree); nothing reads them by rowid. Made
	 * anew and filled from the old tables, whose place they take. On
	 * PostgreSQL (store/pg_sql.c drops WITHOUT ROWID) the same tables,
	 * made anew. */
	"CREATE TABLE party_areas_new ("
	"  party_id TEXT NOT NULL REFERENCES parties(id) ON DELETE CASCADE,"
	"  area_code TEXT NOT NULL REFERENCES areas(code),"
	"  PRIMARY KEY (party_id, area_code)) WITHOUT ROWID;"
	"INSERT INTO party_areas_new (party_id, area_code) SELECT party_id, area_code FROM party_areas;"
	"DROP TABLE party_areas;"
	"ALTER TABLE party_areas_new RENAME TO party_areas;"
	"CREATE INDEX party_areas_area ON party_areas(area_code, party_id);"

	"CREATE TABLE party_roles_new ("
	"  party_id TEXT NOT NULL REFERENCES parties(id) ON DELETE CASCADE,"
	"  role_key TEXT NOT NULL REFERENCES roles(key),"
	"  PRIMARY KEY (party_id, role_key)) WITHOUT ROWID;"
	"INSERT INTO party_roles_new (party_id, role_key) SELECT party_id, role_key FROM party_roles;"
	"DROP TABLE party_roles;"
	"ALTER TABLE party_roles_new RENAME TO party_roles;"
	"CREATE INDEX party_roles_role ON party_roles(role_key, party_id);"

	"CREATE TABLE party_tags_new ("
	"  party_id TEXT NOT NULL REFERENCES parties(id) ON DELETE CASCADE,"
	"  tag TEXT NOT NULL,"
	"  PRIMARY KEY (party_id, tag)) WITHOUT ROWID;"
	"INSERT INTO party_tags_new (party_id, tag) SELECT party_id, tag FROM party_tags;"
	"DROP TABLE party_tags;"
	"ALTER TABLE party_tags_new RENAME TO party_tags;"
	"CREATE INDEX party_tags_tag ON party_tags(tag, party_id);"

	"CREATE TABLE memberships_new ("
	"  party_id TEXT NOT NULL REFERENCES parties(id) ON DELETE CASCADE,"
	"  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	"  role TEXT NOT NULL,"
	"  created_at TEXT NOT NULL,"
	"  PRIMARY KEY (party_id, user_id)) WITHOUT ROWID;"
	"INSERT INTO memberships_new (party_id, user_id, role, created_at)"
	"  SELECT party_id, user_id, role, created_at FROM memberships;"
	"DROP TABLE memberships;"
	"ALTER TABLE memberships_new RENAME TO memberships;"
	"CREATE INDEX memberships_user ON memberships(user_id, party_id);",
};

const int schema_count = sizeof schema_steps / sizeof schema_steps[0];

const char *const schema_fts_optimize[] = {
	"INSERT INTO party_search (party_search) VALUES ('optimize')",
	"INSERT INTO issue_search (issue_search) VALUES ('optimize')",
	"INSERT INTO signal_search (signal_search) VALUES ('optimize')",
	"INSERT INTO initiative_search (initiative_search) VALUES ('optimize')",
	"INSERT INTO coalition_search (coalition_search) VALUES ('optimize')",
	"INSERT INTO event_search (event_search) VALUES ('optimize')",
};

const int schema_fts_count = sizeof schema_fts_optimize / sizeof schema_fts_optimize[0];
