/* signal: an opportunity, bottleneck or gap that a party detects (signaal),
 * reported by one of its members, and what becomes of it.
 *
 * A signal has a kind, a title, a description, the area and (optionally)
 * the target group concerned, and the party its reporter reports for. A
 * regulatory signal names the rule that stands in the way and is routed to
 * the public, verified government party serving its area, or else the
 * nearest area above it that has one; when none has, routed_party_id stays
 * empty and the coordinators of the area (and platform admins) decide on
 * it. A party that is verified, loses its verification or changes its
 * areas routes the undecided ones again (signal_reroute).
 *
 * A resident (anyone logged in) reports a signal for no party (resident):
 * it goes to the members of the verified parties that take the role
 * detect_signals and serve its area or an area around it (the handlers),
 * and to the area's coordinators.
 *
 * Who sees which signals (the inbox): platform admins all; coordinators the
 * signals in the areas they coordinate and below; a member of a party the
 * signals reported for it or, while it is verified, routed to it (not all
 * signals in the areas it serves: anyone may make a party for any area),
 * and the residents' signals it handles; a reporter always their own. The same people (but a
 * reporter, who follows their signal) move a signal's status and take it
 * up in an issue. Signals are not public;
 * the decisions on regulatory ones are, and so are the signals taken up in
 * an issue, on the issue's page (title, kind, decisions; no names).
 *
 * Similar signals form a cluster: when a signal is reported it is compared
 * (analysis/similar.h) with the 500 newest open or acknowledged signals of
 * the same kind whose area contains its area or lies inside it; above
 * SIMILAR_THRESHOLD it joins the most similar one's cluster. cluster_id is
 * the id of the cluster's first signal (NULL while a signal stands alone).
 *
 * Status: open > acknowledged > addressed, or dismissed (with a reason);
 * SIGNAL_MOVES lists every allowed move. Taking a signal (or its cluster)
 * up in an issue acknowledges it; a decision on a regulatory signal
 * (also a refusal: the question has been answered) addresses it. */
#ifndef KIEM_SIGNAL_H
#define KIEM_SIGNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/lang.h"
#include "../base/uuid.h"
#include "issue.h"
#include "perm.h"
#include "valid.h"

struct arena;
struct store;
struct store_conn;

enum signal_kind { SIGNAL_OPPORTUNITY, SIGNAL_BOTTLENECK, SIGNAL_GAP, SIGNAL_KIND_COUNT };
extern const struct enum_entry signal_kinds[SIGNAL_KIND_COUNT];

enum signal_status { SIGNAL_OPEN, SIGNAL_ACKNOWLEDGED, SIGNAL_ADDRESSED, SIGNAL_DISMISSED,
		     SIGNAL_STATUS_COUNT };
extern const struct enum_entry signal_statuses[SIGNAL_STATUS_COUNT];

enum decision_kind { DECISION_EXEMPTION, DECISION_EXPERIMENT, DECISION_RULE_CHANGED,
		     DECISION_REFUSED, DECISION_KIND_COUNT };
extern const struct enum_entry decision_kinds[DECISION_KIND_COUNT];

enum {
	SIGNAL_TITLE_MAX = 200,
	SIGNAL_DESCRIPTION_MAX = 5000,
	SIGNAL_TARGET_GROUP_MAX = 50,
	SIGNAL_RULE_MAX = 300,
	SIGNAL_REASON_MAX = 2000,
	SIGNAL_CLUSTER_MAX = 100, /* signals of a cluster shown at once */
	SIGNAL_CANDIDATES = 500,  /* signals compared with a new one */
};

struct signal {
	char id[UUID_STRLEN + 1];
	const char *kind;
	const char *title;
	const char *description;
	const char *area;
	const char *area_name;
	const char *target_group; /* or NULL */
	const char *reporter_id;  /* or NULL once the account is gone */
	const char *reporter_name;
	const char *party_id;     /* the party reported for, or NULL */
	const char *party_name;
	bool resident;            /* reported by a resident, for no party */
	bool regulatory;
	const char *rule;            /* or NULL */
	const char *routed_party_id; /* or NULL: no government party found */
	const char *routed_party_name;
	const char *status;
	const char *status_reason; /* or NULL */
	const char *issue_id;      /* the issue it is taken up in, or NULL */
	const char *issue_title;
	const char *issue_status;
	const char *cluster_id;    /* or NULL */
	long long cluster_size;    /* signals in its cluster (1 when alone) */
	bool taken_along;          /* taken up with its cluster by someone who did not see it */
	const char *created_at;
	const char *updated_at;
	/* what the viewer may do, filled by signal_get */
	bool can_update; /* move its status, take it up in an issue */
	bool can_decide; /* record a decision, if it is regulatory and not dismissed */
	/* filled by signal_list_for_issue only */
	bool seen;                          /* the viewer may open it */
	struct signal_decision *decisions;  /* oldest first */
	size_t ndecisions;
};

struct signal_decision {
	char id[UUID_STRLEN + 1];
	const char *signal_id;
	const char *decision;
	const char *reason;
	const char *party_id; /* the government party that decided, or NULL */
	const char *party_name;
	const char *decided_at;
};

/* The fields of a signal and of a decision (fields.h). */
extern const struct field_desc signal_fields[];
extern const size_t signal_nfields;
extern const struct field_desc decision_fields[];
extern const size_t decision_nfields;

struct signal_filter {
	const char *kind;
	const char *area;         /* this area and the areas inside it */
	const char *status;
	const char *target_group;
	const char *regulatory;   /* "true", "false" or NULL */
	const char *party;        /* reported for or routed to this party */
	const char *q;            /* full text in title, description and rule */
	bool mine;                /* only the viewer's own reports */
	bool clusters;            /* one row per cluster: its newest signal that passes the filters */
	const char *cursor;
	int limit;                /* 1..100 */
};

/* Reports the signal sg (its kind, title, description, area, target_group,
 * regulatory, rule, and party_id, or resident: for no party), for a party
 * of which the viewer is a member, or as a resident (anyone logged in); one
 * of the two is chosen, or "party" is a problem. On success fills in the
 * rest of sg as written: what signal_get would read, but what the viewer
 * may do. ERR_INVALID with every problem, ERR_AUTH, ERR_FORBIDDEN when the
 * viewer is not a member of the party. */
int signal_create(struct store *s, struct arena *a, const struct viewer *v, struct signal *sg,
		  struct problems *p);
/* One signal the viewer may see (ERR_AUTH for anonymous viewers,
 * ERR_NOTFOUND for one they may not see). */
int signal_get(struct store *s, struct arena *a, const struct viewer *v, const char *id,
	       struct signal *out);
/* A page of the signals the viewer may see, newest first. */
int signal_list(struct store *s, struct arena *a, const struct viewer *v,
		const struct signal_filter *f, struct problems *p, struct signal **items,
		size_t *n, const char **next);
/* The signals of a cluster the viewer may see, oldest first (at most
 * SIGNAL_CLUSTER_MAX). */
int signal_cluster(struct store *s, struct arena *a, const struct viewer *v,
		   const char *cluster_id, struct signal **items, size_t *n);

/* The statuses a signal may move to from status, as "a, b" (for a 409). */
const char *signal_moves_from(const char *status);
/* Moves the status of sg (as signal_get read it); a reason is required
 * for dismissed. ERR_CONFLICT when the move is not allowed
 * (signal_moves_from says which are). On success sg is as written. */
int signal_move(struct store *s, struct arena *a, const struct viewer *v, struct signal *sg,
		const char *to, const char *reason, struct problems *p);

/* Moves the signal sg (as signal_get read it) out of its cluster (target
 * NULL), or into the cluster of the signal target (which the viewer must
 * see). A first signal that leaves hands its cluster to the next oldest; a
 * cluster of one is no cluster. Who may: as signal_move. Problems on
 * "cluster". */
int signal_set_cluster(struct store *s, struct arena *a, const struct viewer *v, const struct signal *sg,
		       const char *target, struct problems *p);

/* What goes along when the viewer takes sg up with its cluster: going
 * signals (sg among them), and staying ones of the cluster that the viewer
 * may not take along (those they do not see, unless whole); dismissed and
 * taken-up ones count in neither. Zeros when sg is in no cluster. */
struct signal_along {
	long long going, staying;
	bool whole; /* the viewer takes along the signals they do not see */
};
int signal_taken_with(struct store *s, const struct viewer *v, const struct signal *sg,
		      struct signal_along *out);

/* Takes the signal (or, with cluster, its whole cluster) up in an issue:
 * the existing issue_id, or else a new issue made of in (its area defaults
 * to the signal's, its owner to the party the signal was reported for),
 * in one write transaction. sg is as signal_get read it, and on success
 * as written (its issue_id the issue's). ERR_CONFLICT when the signal is
 * already taken up.
 *
 * The cluster is every signal in it not yet taken up, but the dismissed
 * ones; those of other parties that the viewer does not see go along only
 * when the viewer may handle signals in their own right (a platform admin,
 * a coordinator of the signal's area, a member of a verified party that
 * handles it), else they stay where they are. Those taken along are
 * marked taken_along, so that the issue's page shows their titles only to
 * whoever may see them; the viewer learns nothing of them.
 * Every reporter of a signal taken up (but the viewer) is notified
 * ("your_signal"). */
int signal_take_up(struct store *s, struct arena *a, const struct viewer *v, struct signal *sg,
		   const char *issue_id, struct issue *in, bool cluster, struct problems *p);

/* Erases, on the writer c inside the caller's transaction, the signals the
 * person reported as a resident that are in no issue and have no decision
 * (their other signals stay, without their name, as the account does):
 * for model/privacy.c. */
int signal_erase_resident(struct store_conn *c, const char *user_id);

/* Routes again, on the writer c inside the caller's transaction, the
 * undecided regulatory signals that went to the party or lie in its areas
 * (or below them), after its verification, kind, visibility or areas
 * changed; leaving: the party is going, so none goes to it. */
int signal_reroute(struct store_conn *c, const char *party_id, bool leaving);

/* Records the decision d (its decision and reason) on the regulatory
 * signal sg (as signal_get read it), by a member of the party it is routed
 * to (or a platform admin; a coordinator of its area when no party was
 * found). ERR_CONFLICT for a signal that is not regulatory or was
 * dismissed. On success d and sg are as written. */
int signal_decide(struct store *s, struct arena *a, const struct viewer *v, struct signal *sg,
		  struct signal_decision *d, struct problems *p);
/* The decisions on a signal, oldest first: public. ERR_NOTFOUND if there is
 * no such signal. */
int signal_decisions(struct store *s, struct arena *a, const char *id,
		     struct signal_decision **items, size_t *n);

/* The signals taken up in an issue, for its public page: id, title, kind,
 * status, regulatory, rule, taken_along, seen and the decisions are
 * filled; nothing of the reporter. Those taken along are for whoever may
 * see them only. One statement. */
int signal_list_for_issue(struct store *s, struct arena *a, const struct viewer *v,
			  const char *issue_id, struct signal **items, size_t *n);

#endif
