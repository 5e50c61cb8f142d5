/* initiative: a new product, service, process or form of collaboration
 * that a party starts to answer one or more social issues, moved through
 * its stages by decisions.
 *
 * The stages follow the dossier's path from an idea to what lasts:
 *
 *   idea > development > test > implementation > sustained
 *
 * one step forward at a time, and stopped, reachable from every other
 * stage, sustained too (what lasted may still end). Stopped is final: a
 * stopped initiative is kept for the record and its lessons; a new one is
 * started instead. There is no step back: a test that fails is stopped,
 * or stays in test. Every move is a decision (stage_decisions) with a
 * rationale, the evidence it rests on, and lessons (required to stop),
 * taken on behalf of a party: the lead party, or none for an area's
 * coordinator or a platform admin who is not a member of it.
 *
 * Initiatives are public to read. Whoever is a member of the lead party,
 * a coordinator of its area (or one around it) or a platform admin may
 * create and change one and decide on its stage; the lead party's admins
 * and platform admins may delete it. */
#ifndef KIEM_INITIATIVE_H
#define KIEM_INITIATIVE_H

#include <stdbool.h>

#include "../base/uuid.h"
#include "fields.h"
#include "perm.h"
#include "valid.h"

struct arena;
struct store;
struct store_conn;

enum initiative_stage {
	STAGE_IDEA, STAGE_DEVELOPMENT, STAGE_TEST, STAGE_IMPLEMENTATION, STAGE_SUSTAINED, STAGE_STOPPED,
	STAGE_COUNT
};
/* "idea", "development", "test", "implementation", "sustained", "stopped",
 * with their names in Dutch and English. */
extern const struct enum_entry initiative_stages[STAGE_COUNT];

/* The stages an initiative in stage from may move to, as bits (1 << stage):
 * the next stage, and stopped; none from stopped. */
unsigned initiative_moves(enum initiative_stage from);

enum initiative_type { ITYPE_PRODUCT, ITYPE_SERVICE, ITYPE_PROCESS, ITYPE_COLLABORATION, ITYPE_COUNT };
extern const struct enum_entry initiative_types[ITYPE_COUNT];

/* How far the target group takes part. */
enum participation_level {
	PLEVEL_INFORMED, PLEVEL_CONSULTED, PLEVEL_ADVISING, PLEVEL_CO_PRODUCING, PLEVEL_CO_DECIDING,
	PLEVEL_COUNT
};
extern const struct enum_entry participation_levels[PLEVEL_COUNT];

enum {
	INITIATIVE_TITLE_MAX = 200,
	INITIATIVE_SUMMARY_MAX = 500,
	INITIATIVE_DESCRIPTION_MAX = 10000,
	INITIATIVE_ISSUES_MAX = 20,
	INITIATIVE_GROUPS_MAX = 10,
	INITIATIVE_GROUP_MAX = 50,
	INITIATIVE_AREA_MAX = 16,
	INITIATIVE_STAGE_MAX = 16,
	DECISION_TEXT_MAX = 2000,  /* rationale, evidence, lessons */
	INITIATIVE_TIMELINE_MAX = 200, /* the decisions its page shows */
	INTEREST_MESSAGE_MAX = 1000,
};

/* The viewer's relation to an initiative; what every part's rules ask. */
struct initiative_rel {
	bool found;                       /* it exists (initiatives are public to read) */
	enum member_role lead;            /* the viewer's place in the lead party */
	bool partner;                     /* a member of a party in initiative_partners */
	bool coordinated;                 /* coordinates its area or one around it */
	char lead_party[UUID_STRLEN + 1]; /* "" when the lead party was deleted */
	char area[INITIATIVE_AREA_MAX + 1];
	char stage[INITIATIVE_STAGE_MAX + 1]; /* idea, development, test, implementation, sustained, stopped */
	char title[4 * INITIATIVE_TITLE_MAX + 1]; /* UTF-8: up to 4 bytes a character */
};

/* Fills out with the viewer's relation (an anonymous viewer: none) to the
 * initiative id, in one statement on c. 0, or an err.h code; an initiative
 * that does not exist (or a malformed id) is out->found false, not an
 * error. */
int initiative_relation(struct store_conn *c, const struct viewer *v, const char *id,
			struct initiative_rel *out);

/* Whether the viewer, so related, may manage the initiative: change it and
 * decide on its stage (the lead's members, its area's coordinators,
 * platform admins). */
bool initiative_rel_manages(const struct viewer *v, const struct initiative_rel *r);
/* Whether the viewer takes part in it: manages it or is a member of a
 * partner party (who add lessons, milestones and measurements). */
bool initiative_rel_takes_part(const struct viewer *v, const struct initiative_rel *r);

/* An initiative; its fields as initiative_fields describes them. To create
 * or change one, its fields that are not read-only are the input. */
struct initiative {
	char id[UUID_STRLEN + 1];
	const char *title;
	const char *summary;
	const char *description;  /* Markdown, "" when not given */
	const char *type;         /* an initiative_types key */
	const char *lead_party;   /* id, or NULL when the party was removed */
	const char *lead_name;    /* NULL when removed or not public */
	const char *lead_kind;    /* the lead party's kind, NULL when removed */
	struct strlist issues;    /* ids of the issues it answers */
	const char *area;         /* code */
	const char *area_name;
	struct strlist target_groups;
	const char *participation_level;
	long long budget_cents;
	bool has_budget;
	const char *stage;        /* computed: moved by decisions */
	const char *stage_changed_at;
	const char *created_by;
	const char *created_at;
	const char *updated_at;
	long long interested;     /* how many people offered to help */
	/* the viewer's relation, filled by initiative_get */
	struct initiative_rel rel;
	bool following;           /* the viewer follows it */
	bool offered;             /* the viewer offered to help */
};

/* A decision on the stage: a move on the timeline; from is NULL for the
 * first entry (the initiative started as an idea). Its fields as
 * stage_decision_fields describes them. */
struct stage_decision {
	char id[UUID_STRLEN + 1];
	const char *from, *to;
	const char *rationale, *evidence, *lessons;
	const char *party_id, *party_name; /* on whose behalf; NULL: none (a coordinator, an admin) */
	const char *decided_by, *decider_name; /* NULL: an erased account, or kiem itself */
	const char *decided_at;
};

/* Someone who offered to help. */
struct initiative_interest {
	const char *user_id, *user_name;
	const char *message;
	const char *created_at;
};

enum initiative_sort { INSORT_CREATED_DESC, INSORT_CREATED, INSORT_CHANGED_DESC, INSORT_COUNT };
/* "-createdAt" (the default), "createdAt", "-stageChangedAt" */
extern const char *const initiative_sorts[INSORT_COUNT];
bool initiative_sort_parse(const char *name, enum initiative_sort *out);

struct initiative_filter {
	const char *issue;       /* answers this issue */
	const char *area;        /* in this area or one inside it */
	const char *lead_kind;   /* the lead party's kind (party_kinds) */
	const char *participation_level;
	const char *stage;
	const char *q;           /* full text in title, summary and description */
	enum initiative_sort sort;
	const char *cursor;
	int limit;               /* 1..100 */
};

/* The fields of an initiative, of a stage decision and of an offer to help
 * (fields.h). */
extern const struct field_desc initiative_fields[];
extern const size_t initiative_nfields;
extern const struct field_desc stage_decision_fields[];
extern const size_t stage_decision_nfields;
extern const struct field_desc interest_fields[];
extern const size_t interest_nfields;

/* Creates an initiative from the fields of in (its stage idea), with the
 * viewer's rights checked and every problem listed, and fills in with what
 * was written. ERR_INVALID with problems; ERR_AUTH; ERR_FORBIDDEN when the
 * viewer is not a member of the lead party, nor a coordinator of the area,
 * nor an admin. */
int initiative_create(struct store *s, struct arena *a, const struct viewer *v, struct initiative *in,
		      struct problems *p);
/* Reads one (public) with the viewer's relation; ERR_NOTFOUND. With
 * items, also its decisions, oldest first (at most INITIATIVE_TIMELINE_MAX). */
int initiative_get(struct store *s, struct arena *a, const struct viewer *v, const char *id,
		   struct initiative *out, struct stage_decision **items, size_t *n);
/* A page of initiatives. ERR_INVALID with problems for a wrong filter. */
int initiative_list(struct store *s, struct arena *a, const struct viewer *v,
		    const struct initiative_filter *f, struct problems *p, struct initiative **items,
		    size_t *n, const char **next);
/* How many initiatives the filter (its stage ignored) finds in each stage,
 * for the board. */
int initiative_count_stages(struct store *s, struct arena *a, const struct initiative_filter *f,
			    struct problems *p, long long counts[STAGE_COUNT]);
/* The initiatives answering an issue, newest first, at most max. */
int initiative_list_by_issue(struct store *s, struct arena *a, const char *issue_id, size_t max,
			     struct initiative **items, size_t *n);
/* Replaces the fields of in_was (loaded by initiative_get) with in's; its
 * stage is not changed here. On success in_was is what was written.
 * ERR_FORBIDDEN when the viewer may not change it (or hand it to that lead
 * party or area). */
int initiative_update(struct store *s, struct arena *a, const struct viewer *v, struct initiative *was,
		      struct initiative *in, struct problems *p);
/* Deletes it, with its decisions, follows and offers (the lead's admins,
 * platform admins). */
int initiative_delete(struct store *s, struct arena *a, const struct viewer *v, const char *id);
/* Whether the viewer may change it and decide on its stage; delete it. */
bool initiative_can_manage(const struct viewer *v, const struct initiative *in);
bool initiative_can_delete(const struct viewer *v, const struct initiative *in);

/* Decides on the stage of initiative id: d's to, rationale, evidence and
 * lessons. ERR_INVALID with problems (to, rationale, lessons when
 * stopping); ERR_CONFLICT when the move is not allowed now, with *allowed
 * the bits of those that are. Notifies the followers of the initiative and
 * of its issues. Fills d with the decision as written. */
int initiative_decide(struct store *s, struct arena *a, const struct viewer *v, const char *id,
		      struct stage_decision *d, struct problems *p, unsigned *allowed);
/* The decisions, oldest first: a page after the cursor. */
int initiative_decisions(struct store *s, struct arena *a, const char *id, const char *cursor, int limit,
			 struct problems *p, struct stage_decision **items, size_t *n, const char **next);

/* Following: whether the viewer follows it (and since when); following it
 * (*created false when already); no longer. */
int initiative_follow_get(struct store *s, struct arena *a, const struct viewer *v, const char *id,
			  bool *following, const char **since);
int initiative_follow_add(struct store *s, struct arena *a, const struct viewer *v, const char *id,
			  bool *created);
int initiative_follow_remove(struct store *s, struct arena *a, const struct viewer *v, const char *id);

/* Offering to help: the viewer's own offer (ERR_NOTFOUND when none);
 * making or changing it (*created false when it was there); withdrawing it;
 * the offers, newest first, for those who manage it but coordinators
 * (the lead's members and platform admins): ERR_FORBIDDEN for others. */
int initiative_interest_get(struct store *s, struct arena *a, const struct viewer *v, const char *id,
			    struct initiative_interest *out);
int initiative_interest_add(struct store *s, struct arena *a, const struct viewer *v, const char *id,
			    struct initiative_interest *in, struct problems *p, bool *created);
int initiative_interest_remove(struct store *s, struct arena *a, const struct viewer *v, const char *id);
int initiative_interest_list(struct store *s, struct arena *a, const struct viewer *v, const char *id,
			     struct initiative_interest **items, size_t *n);
bool initiative_can_read_interest(const struct viewer *v, const struct initiative *in);

#endif
