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

#endif
