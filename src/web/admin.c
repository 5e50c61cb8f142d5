/* /beheer/activiteit: the activity log, the audit trail, for platform
 * admins (every change) and coordinators (the changes to the parties in
 * their areas): newest first, with who made it, whom it was about, and
 * which fields it touched (never their values). */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../model/activity.h"
#include "../model/registry.h"
#include "../model/issue.h"
#include "../model/party.h"
#include "../store/store.h"
#include "../model/signal.h"
#include "../model/role.h" /* factors and the role ledger */
#include "../model/user.h"
#include "filters.h"
#include "html.h"
#include "layout.h"
#include "pages.h"

enum { ACTIVITY_PAGE = 50 };

static const struct {
	const char *key;
	enum msg name;
} actions[] = {
	{ "create", M_ACTION_CREATE },
	{ "update", M_ACTION_UPDATE },
	{ "delete", M_ACTION_DELETE },
	{ "add_member", M_ACTION_ADD_MEMBER },
	{ "change_member", M_ACTION_CHANGE_MEMBER },
	{ "remove_member", M_ACTION_REMOVE_MEMBER },
	{ "block", M_ACTION_BLOCK },
	{ "unblock", M_ACTION_UNBLOCK },
	{ "appoint_coordinator", M_ACTION_APPOINT_COORDINATOR },
	{ "dismiss_coordinator", M_ACTION_DISMISS_COORDINATOR },
	{ "verify", M_ACTION_VERIFY }, /* issue 8 */
	{ "unverify", M_ACTION_UNVERIFY },
	{ "register", M_ACTION_REGISTER },
	{ "confirm_email", M_ACTION_CONFIRM_EMAIL },
	{ "send_confirmation", M_ACTION_SEND_CONFIRMATION },
	{ "send_reset", M_ACTION_SEND_RESET },
	{ "reset_password", M_ACTION_RESET_PASSWORD },
	{ "invite", M_ACTION_INVITE },
	{ "accept_invitation", M_ACTION_ACCEPT_INVITATION },
	{ "decline_invitation", M_ACTION_DECLINE_INVITATION },
	{ "withdraw_invitation", M_ACTION_WITHDRAW_INVITATION },
	{ "move", M_ACTION_MOVE }, /* issues core */
	/* signals (issue 4, signals part) */
	{ "status", M_ACTION_MOVE },
	{ "take_up", M_ACTION_SIG_TAKE_UP },
	{ "decide", M_ACTION_SIG_DECIDE },
	/* the voice of residents (issue 4, part 3) */
	{ "support", M_ACTION_SUPPORT },
	{ "withdraw_support", M_ACTION_WITHDRAW_SUPPORT },
	{ "comment", M_ACTION_COMMENT },
	{ "edit_comment", M_ACTION_EDIT_COMMENT },
	{ "hide_comment", M_ACTION_HIDE_COMMENT },
	{ "unhide_comment", M_ACTION_UNHIDE_COMMENT },
	{ "change_digest", M_ACTION_CHANGE_DIGEST },
	{ "send_digest", M_ACTION_SEND_DIGEST },
	/* issue 4, factors and the role ledger */
	{ "take_role", M_ACTION_TAKE_ROLE },
	{ "give_up_role", M_ACTION_GIVE_UP_ROLE },
	/* initiatives (issue 11, part A) */
	{ "add_interest", M_ACTION_ADD_INTEREST },
	{ "change_interest", M_ACTION_CHANGE_INTEREST },
	{ "remove_interest", M_ACTION_REMOVE_INTEREST },
	/* issue 11, coalitions and ties */
	{ "add_partner", M_ACTION_ADD_PARTNER },
	{ "change_partner", M_ACTION_CHANGE_PARTNER },
	{ "remove_partner", M_ACTION_REMOVE_PARTNER },
	/* events (issue 11, part D) */
	{ "event_register", M_ACTION_EVENT_REGISTER },
	{ "event_unregister", M_ACTION_EVENT_UNREGISTER },
	{ "event_move_up", M_ACTION_EVENT_MOVE_UP },
	{ "event_attendance", M_ACTION_EVENT_ATTENDANCE },
};

/* The names the log keeps that are no field of a type's descriptors (those
 * are labelled by registry_field_label): lists and states of an object. */
static const struct {
	const char *key;
	enum msg name;
} fields[] = {
	{ "members", M_MEMBERS }, { "invitations", M_INVITATIONS }, { "issueId", M_SIG_ISSUE }, { "decision", M_SIG_DECISION },
	{ "cluster", M_SIG_CLUSTER_TITLE }, { "comments", M_VOICE_COMMENTS }, { "digest", M_NOTE_DIGEST_TITLE },
	{ "notifications", M_NOTE_TITLE },
	{ "partners", M_COAL_PARTNERS }, /* issue 11, coalitions */
};

static const char *action_name(struct http_req *r, const char *key)
{
	for (size_t i = 0; i < sizeof actions / sizeof actions[0]; i++)
		if (strcmp(actions[i].key, key) == 0)
			return T(r, actions[i].name);
	return key; /* an action this page does not know yet: as the log has it */
}

static void write_fields(struct http_req *r, const char *type, const char *list)
{
	const char *p = list;
	bool first = true;
	while (*p) {
		size_t len = strcspn(p, ",");
		if (len) {
			const char *key = arena_strndup(r->arena, p, len);
			const char *name = registry_field_label(registry_find(type), key, r->lang);
			for (size_t i = 0; !name && i < sizeof fields / sizeof fields[0]; i++)
				if (strcmp(fields[i].key, key) == 0)
					name = T(r, fields[i].name);
			if (!name)
				name = key;
			html_f(&r->out, "%s%s", first ? "" : ", ", name);
			first = false;
		}
		p += len;
		if (*p)
			p++;
	}
}

static void gone(struct http_req *r, const char *type, const char *id)
{
	html_f(&r->out, T(r, M_ACTIVITY_GONE), type);
	html_f(&r->out, " <code class=\"id\">%s</code>", id);
}

/* The object of an entry, as its type (registry.h) names it: its noun, its
 * name and a link to its page; "(no longer exists)" when it is gone. */
static void write_object(struct http_req *r, const struct activity *e)
{
	struct buf *b = &r->out;
	const struct entity_type *t = registry_find(e->object_type);
	if (!t) { /* a type this kiem does not know: as the log has it */
		html_f(b, "%s <code class=\"id\">%s</code>", e->object_type, e->object_id);
		return;
	}
	const char *noun = t->noun[r->lang];
	const char *name = registry_name(store_reader(r->store), r->arena, t, e->object_id);
	if (t->name_sql && !name)
		gone(r, noun, e->object_id);
	else if (name && t->page)
		html_f(b, "%s: <a href=\"%s%s\">%s</a>", noun, t->page, e->object_id, name);
	else if (name)
		html_f(b, "%s: %s", noun, name);
	else
		html_f(b, "%s", noun);
}

/* Whom a change was about: a person by name, or an invitation (never its
 * address), and the role given. */
static void write_subject(struct http_req *r, const struct activity *e)
{
	struct buf *b = &r->out;
	/* signals part: the subject is an issue or a decision, the detail a
	 * kind, status or decision */
	if (strcmp(e->object_type, "signal") == 0) {
		const struct enum_entry *lists[] = { signal_kinds, signal_statuses, decision_kinds };
		const size_t counts[] = { SIGNAL_KIND_COUNT, SIGNAL_STATUS_COUNT, DECISION_KIND_COUNT };
		for (size_t i = 0; e->detail && i < 3; i++) {
			int k = enum_find(lists[i], counts[i], e->detail);
			if (k >= 0) {
				html_f(b, "%s", lists[i][k].name[r->lang]);
				break;
			}
		}
		return;
	}
	/* these are about an invitation; the others about a person */
	bool invitation = strcmp(e->action, "invite") == 0 || strcmp(e->action, "decline_invitation") == 0 ||
			  strcmp(e->action, "withdraw_invitation") == 0;
	if (e->subject_name)
		html_f(b, "%s", e->subject_name);
	else if (e->subject_id)
		html_f(b, "%s", T(r, invitation ? M_ACTIVITY_SUBJECT_INVITATION : M_ACTIVITY_GONE_ACCOUNT));
	if (e->detail && *e->detail && strcmp(e->action, "move") == 0) { /* issues core: the new status */
		html_f(b, "%s", web_issue_status(r, e->detail));
		return;
	}
	/* issue 4, factors and the role ledger: the role taken or given up */
	const struct role *taken = strcmp(e->action, "take_role") == 0 || strcmp(e->action, "give_up_role") == 0
				   ? role_find(e->detail) : NULL;
	if (taken) {
		html_f(b, "%s", taken->name[r->lang]);
		return;
	}
	if (e->detail && *e->detail) {
		int role = enum_find(member_roles, MEMBER_ROLE_COUNT, e->detail);
		html_raw(b, e->subject_id ? " (" : "(");
		html_f(b, T(r, M_ACTIVITY_DETAIL_ROLE), role > 0 ? web_member_role(r, (enum member_role)role) : e->detail);
		html_raw(b, ")");
	}
}

static void write_row(struct http_req *r, const struct activity *e)
{
	struct buf *b = &r->out;
	/* each cell with its column's name, for a small screen (table.stack) */
	html_f(b, "<tr><td data-label=\"%s\">", T(r, M_ACTIVITY_WHEN));
	page_time(r, e->at);
	html_f(b, "</td><td data-label=\"%s\">", T(r, M_ACTIVITY_WHO));
	if (e->actor_name)
		html_f(b, "%s", e->actor_name);
	else
		html_f(b, "%s", T(r, e->actor_id ? M_ACTIVITY_GONE_ACCOUNT : M_ACTIVITY_SYSTEM));
	html_f(b, "</td><td data-label=\"%s\">%s</td><td data-label=\"%s\">", T(r, M_ACTIVITY_ACTION),
	       action_name(r, e->action), T(r, M_ACTIVITY_OBJECT));
	write_object(r, e);
	html_f(b, "</td><td data-label=\"%s\">", T(r, M_ACTIVITY_SUBJECT));
	write_subject(r, e);
	html_f(b, "</td><td data-label=\"%s\">", T(r, M_ACTIVITY_FIELDS));
	write_fields(r, e->object_type, e->fields);
	html_raw(b, "</td></tr>\n");
}

static void page_activity(struct http_req *r)
{
	if (page_login_needed(r, NULL))
		return;
	struct activity_filter f = { .cursor = filters_param(r, "cursor"), .limit = ACTIVITY_PAGE };
	struct problems p = { 0 };
	struct activity *items = NULL;
	size_t n = 0;
	const char *next = NULL;
	int rc = activity_list(r->store, r->arena, &r->viewer, &f, &p, &items, &n, &next);
	if (!web_list_shown(r, rc))
		return;
	struct buf *b = &r->out;
	page_begin(r, T(r, M_ACTIVITY_TITLE), NAV_ACTIVITY);
	html_f(b, "<h1>%s</h1>\n", T(r, M_ACTIVITY_TITLE));
	/* a bad cursor is a problem of no field: the summary says it in words */
	form_error_summary(r, &p, NULL, 0);
	html_f(b, "<p class=\"lead\">%s</p>\n",
	       T(r, r->viewer.role == PROLE_ADMIN ? M_ACTIVITY_INTRO : M_ACTIVITY_INTRO_AREAS));
	if (!n && !p.n) {
		html_f(b, "<p>%s</p>\n", T(r, M_ACTIVITY_NONE));
	} else if (n) {
		html_f(b, "<div class=\"table-wrap\" role=\"region\" aria-label=\"%s\" tabindex=\"0\">\n"
			  "<table class=\"activity stack\">\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			  "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			  "</tr></thead>\n<tbody>\n",
		       T(r, M_ACTIVITY_TITLE), T(r, M_ACTIVITY_WHEN), T(r, M_ACTIVITY_WHO), T(r, M_ACTIVITY_ACTION),
		       T(r, M_ACTIVITY_OBJECT), T(r, M_ACTIVITY_SUBJECT), T(r, M_ACTIVITY_FIELDS));
		for (size_t i = 0; i < n; i++)
			write_row(r, &items[i]);
		html_raw(b, "</tbody>\n</table>\n</div>\n");
	}
	if (next || f.cursor)
		page_paging(r, T(r, M_PAGING), f.cursor ? "/beheer/activiteit" : NULL, T(r, M_ACTIVITY_NEWEST),
			    next ? page_url(r, "/beheer/activiteit", "cursor", next, NULL, NULL) : NULL, T(r, M_ACTIVITY_OLDER));
	page_end(r);
}

const struct http_route web_admin_routes[] = {
	{ HM_GET, "/beheer/activiteit", page_activity, 0 },
	{ 0 },
};
