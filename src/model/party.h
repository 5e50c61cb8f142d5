/* party: an organisation or group in the ecosystem (partij), and the
 * directory of them (de sociale kaart).
 *
 * A party's kind is one of the dossier's five collaborating parties. It
 * serves areas, takes roles from the catalogue, has expertise tags, a
 * contact, a capacity in hours a week, and a visibility: public parties are
 * for everyone to read, private ones only for their creator and admins. */
#ifndef KIEM_PARTY_H
#define KIEM_PARTY_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/lang.h"
#include "../base/uuid.h"
#include "fields.h"
#include "perm.h"
#include "valid.h"

struct arena;
struct store;
struct store_conn;

enum party_kind {
	KIND_CITIZEN_INITIATIVE, KIND_SOCIAL_WORK, KIND_GOVERNMENT, KIND_BUSINESS,
	KIND_KNOWLEDGE_INSTITUTE, KIND_COUNT
};
extern const struct enum_entry party_kinds[KIND_COUNT];
/* A longer description of each kind, from the dossier, for people. */
extern const char *const party_kind_hint[KIND_COUNT][LANG_COUNT];

enum party_visibility { VIS_PUBLIC, VIS_PRIVATE, VIS_COUNT };
extern const struct enum_entry party_visibilities[VIS_COUNT];

enum party_sort { SORT_NAME, SORT_NAME_DESC, SORT_CREATED, SORT_CREATED_DESC, SORT_COUNT };
/* The API's names of the sorts: "name", "-name", "createdAt", "-createdAt". */
extern const char *const party_sorts[SORT_COUNT];
/* The sort of a name; NULL gives SORT_NAME. False if there is no such sort. */
bool party_sort_parse(const char *name, enum party_sort *out);

enum {
	PARTY_NAME_MAX = 200,
	PARTY_DESCRIPTION_MAX = 10000,
	PARTY_EMAIL_MAX = 254,
	PARTY_PHONE_MAX = 40,
	PARTY_WEBSITE_MAX = 500,
	PARTY_CAPACITY_MAX = 10000,
	PARTY_AREAS_MAX = 50,
	PARTY_ROLES_MAX = 12,
	PARTY_TAGS_MAX = 30,
	PARTY_TAG_MAX = 50,
};

struct party {
	char id[UUID_STRLEN + 1];
	const char *name;
	const char *kind;
	const char *description; /* Markdown */
	const char *email;       /* NULL or "" when not given */
	const char *phone;
	const char *website;
	bool has_capacity;
	long long capacity_hours;
	const char *visibility;
	struct strlist areas; /* area codes */
	struct strlist area_names; /* their names, in the same order, when read (not from a form) */
	struct strlist roles; /* role keys */
	struct strlist tags;  /* expertise tags, lower case */
	const char *created_by;
	const char *created_at;
	const char *updated_at;
	/* who vouched for it (model/verification.h): NULLs while it is not
	 * verified; verified_by NULL with a time: by the system (the demo) */
	const char *verified_at;
	const char *verified_by;
	const char *verified_by_name;
	/* the viewer's relation to it, filled by party_get */
	enum member_role member;
	bool coordinated;
	bool coordinated_all; /* the viewer coordinates every area it serves */
};

struct party_filter {
	const char *kind;
	const char *area; /* serves this area or one inside it */
	const char *role;
	const char *tag;
	const char *q;    /* full text in name, description and tags */
	enum party_sort sort;
	const char *cursor; /* from the previous page's next */
	int limit;          /* 1..100 */
};

/* An area filter whose areas link to fewer parties than this finds them
 * first and sorts them; a larger one tests each party of the sorted list.
 * Both give the same answer; tests set it to 0 to take the second way. */
extern int party_small_scope;

/* The fields of a party (fields.h). */
extern const struct field_desc party_fields[];
extern const size_t party_nfields;

/* Reads one party the viewer may see: ERR_NOTFOUND also when it is private
 * and not the viewer's. */
int party_get(struct store *s, struct arena *a, const struct viewer *v, const char *id,
	      struct party *out);
/* A page of parties the viewer may see. ERR_INVALID with problems when a
 * filter is wrong (an unknown kind, a cursor that is not kiem's). *next is
 * the cursor for the next page, or NULL on the last. */
int party_list(struct store *s, struct arena *a, const struct viewer *v,
	       const struct party_filter *f, struct problems *p, struct party **items,
	       size_t *n, const char **next);
/* Cleans (trims, lower-cases tags, drops duplicates) and validates; adds
 * every problem. Reads the store to check areas. */
void party_validate(struct store *s, struct arena *a, struct party *in, struct problems *p);
/* Creates a party from in; fills in->id, the times, its lists in their
 * order and the creator's place in it: what party_get would read after it
 * (but coordinated, which is not looked up). ERR_INVALID with problems,
 * ERR_AUTH/ERR_FORBIDDEN when the viewer may not. */
int party_create(struct store *s, struct arena *a, const struct viewer *v, struct party *in,
		 struct problems *p);
/* Replaces the fields of the party was (read with party_get) with in's;
 * in becomes the party as written (what party_get would give after it). A
 * change of the name, kind or areas of a verified party by someone who may
 * not verify it as it is after the change withdraws its verification. */
int party_update(struct store *s, struct arena *a, const struct viewer *v, const struct party *was,
		 struct party *in, struct problems *p);
int party_delete(struct store *s, const struct viewer *v, const char *id);
/* Whether the viewer may change, remove, or see and manage the members of
 * a party read with party_get, for showing buttons. */
bool party_can(const struct viewer *v, const struct party *pa, enum perm_object obj,
	       enum perm_action act);
bool party_can_edit(const struct viewer *v, const struct party *pa);

/* The viewer's relation to a party: its place in it, and whether the party
 * serves an area the viewer coordinates. */
int party_relation(struct store_conn *c, const struct viewer *v, const char *party_id,
		   enum member_role *member, bool *coordinated);

/* Whether the viewer coordinates every one of the areas (codes), each
 * within an area of theirs; false for none. Who verifies a party needs
 * that of its areas (model/verification.h). */
int party_coordinates_all(struct store_conn *c, const struct viewer *v, const struct strlist *areas,
			  bool *out);

/* Counts for the overview: parties the viewer may see, by kind. */
int party_count_by_kind(struct store *s, const struct viewer *v, long long counts[KIND_COUNT]);

/* One row of the overview per area: counts of parties by kind that serve
 * it, an area inside it or an area that contains it (as the area filter
 * does). The rows are the focus of the tree (the one area at the top, or
 * the first level with several) and the areas just inside it. */
struct party_area_counts {
	const char *code;
	const char *name;
	const char *level;
	long long counts[KIND_COUNT];
	long long total;
};
int party_counts_by_area(struct store *s, struct arena *a, const struct viewer *v,
			 struct party_area_counts **rows, size_t *n);

#endif
