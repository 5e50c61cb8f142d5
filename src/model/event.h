/* event: a co-creation session or meeting (bijeenkomst), organised by a
 * party, linked to social issues and initiatives, with registration, a
 * waiting list and attendance.
 *
 * Events are public to read. The members of the organizer party, the
 * coordinators of the event's area (of an area the organizer serves when
 * the event has none) and platform admins create and change one; every
 * change counts up its sequence (iCalendar's SEQUENCE). Any logged-in
 * person registers for themselves: while the registered (and attended)
 * count is below the capacity they are "registered", after that "waiting",
 * in the order they came. When a registered person cancels, the first
 * waiting one moves up in the same transaction, and a raised capacity moves
 * up as many as it makes room for. A capacity lowered below the registered
 * count keeps everyone registered: nobody loses a place they were given;
 * the event is full until enough cancel. A cancelled event, or one that
 * has started, takes no registrations. The organizer's members (and the
 * coordinators and admins) see the list and mark who attended.
 *
 * Registrations are counted and taken under the writer, in one write
 * transaction, so two people can never both take the last place. */
#ifndef KIEM_EVENT_H
#define KIEM_EVENT_H

#include <stdbool.h>

#include "../base/uuid.h"
#include "fields.h"
#include "perm.h"
#include "valid.h"

struct arena;
struct store;
struct store_conn;

enum event_status { EVENT_SCHEDULED, EVENT_CANCELLED, EVENT_STATUS_COUNT };
extern const struct enum_entry event_statuses[EVENT_STATUS_COUNT];

enum reg_status { REG_REGISTERED, REG_WAITING, REG_CANCELLED, REG_ATTENDED, REG_STATUS_COUNT };
extern const struct enum_entry reg_statuses[REG_STATUS_COUNT];

enum {
	EVENT_TITLE_MAX = 200,
	EVENT_DESCRIPTION_MAX = 10000,
	EVENT_PLACE_MAX = 300,
	EVENT_CAPACITY_MAX = 100000,
	EVENT_LINKS_MAX = 20,      /* issues, and initiatives, an event is linked to */
	EVENT_REGISTRATIONS_MAX = 2000, /* the list the organizer reads at once */
	EVENT_DAYS_MAX = 14,       /* the longest an event lasts */
};

/* An event; its fields as event_fields describes them. start and end are
 * RFC 3339 in UTC ("2026-06-15T17:00:00Z"). */
struct event {
	char id[UUID_STRLEN + 1];
	const char *title;
	const char *description;
	const char *place;
	const char *area;        /* code, or NULL */
	const char *area_name;
	const char *start, *end;
	long long capacity;
	bool has_capacity;       /* NULL: no limit */
	const char *organizer;   /* party id, NULL when the party was removed */
	const char *organizer_name;
	struct strlist issues, initiatives;
	const char *status;      /* scheduled, cancelled */
	long long sequence;
	long long registered;    /* registered and attended */
	long long waiting;
	long long places_left;
	bool has_places_left;    /* false without a capacity */
	const char *created_by;
	const char *created_at;
	const char *updated_at;
	/* the viewer's relation, filled by event_get */
	enum member_role member; /* in the organizer party */
	bool coordinated;
	const char *my_status;   /* the viewer's registration, or NULL */
	long long my_position;   /* on the waiting list, 1 first; 0 when not waiting */
};

/* A person's registration. */
struct event_registration {
	const char *event_id;
	const char *user_id;
	const char *user_name;   /* for the organizer's list */
	const char *status;      /* registered, waiting, cancelled, attended */
	long long position;      /* on the waiting list, 1 first; 0 when not waiting */
	const char *registered_at;
	const char *updated_at;
};

enum event_when { WHEN_ALL, WHEN_UPCOMING, WHEN_PAST, WHEN_COUNT };
extern const struct enum_entry event_whens[WHEN_COUNT];

struct event_filter {
	const char *from, *to;   /* dates YYYY-MM-DD, in the instance's zone: starts on or after, on or before */
	const char *when;        /* "upcoming" (not yet ended), "past" (ended), or NULL */
	const char *issue, *initiative, *area, *organizer, *status;
	const char *q;           /* full text in title, description and place */
	const char *sort;        /* "start" (the default; "-start" for past) or "-start" */
	const char *cursor;
	int limit;               /* 1..100 */
};

extern const struct field_desc event_fields[];
extern const size_t event_nfields;
extern const struct field_desc event_registration_fields[];
extern const size_t event_registration_nfields;

/* Why a registration was refused (ERR_CONFLICT). */
enum event_refusal { REFUSE_NONE, REFUSE_CANCELLED, REFUSE_STARTED, REFUSE_NOT_REGISTERED };

/* Creates an event from the fields of ev, with the viewer's rights checked
 * and every problem listed (end after start, links that exist); fills ev
 * as written. ERR_INVALID, ERR_AUTH, ERR_FORBIDDEN. */
int event_create(struct store *s, struct arena *a, const struct viewer *v, struct event *ev,
		 struct problems *p);
/* Reads one event with its counts and the viewer's relation; ERR_NOTFOUND. */
int event_get(struct store *s, struct arena *a, const struct viewer *v, const char *id, struct event *out);
/* Replaces the fields of ev (loaded by event_get) with in's; counts up the
 * sequence; moves waiting people up when a larger capacity makes room. */
int event_update(struct store *s, struct arena *a, const struct viewer *v, struct event *ev,
		 struct event *in, struct problems *p);
/* A page of events. ERR_INVALID with problems for a wrong filter. */
int event_list(struct store *s, struct arena *a, const struct viewer *v, const struct event_filter *f,
	       struct problems *p, struct event **items, size_t *n, const char **next);
/* The events linked to an issue or an initiative (one of them NULL), the
 * upcoming first by start, then the past, newest first: at most max. */
int event_list_linked(struct store *s, struct arena *a, const char *issue_id, const char *initiative_id,
		      size_t max, struct event **items, size_t *n);
/* Whether the viewer may change the event (its relation from event_get). */
bool event_can_change(const struct viewer *v, const struct event *ev);

/* Registers the viewer for the event: registered, or waiting when it is
 * full. *created is false when they were already registered or waiting
 * (out is that registration). ERR_AUTH; ERR_NOTFOUND; ERR_CONFLICT with
 * *why REFUSE_CANCELLED or REFUSE_STARTED. */
int event_register(struct store *s, struct arena *a, const struct viewer *v, const char *event_id,
		   struct event_registration *out, bool *created, enum event_refusal *why);
/* Cancels the viewer's registration (registered or waiting); the first
 * waiting person moves up into a place it frees, in the same transaction.
 * ERR_CONFLICT with REFUSE_NOT_REGISTERED or REFUSE_STARTED. */
int event_unregister(struct store *s, const struct viewer *v, const char *event_id, enum event_refusal *why);
/* The viewer's own registration; ERR_NOTFOUND when there is none (or it
 * was cancelled). */
int event_registration_get(struct store *s, struct arena *a, const struct viewer *v, const char *event_id,
			   struct event_registration *out);
/* Every registration of the event but the cancelled ones, registered
 * first, then waiting, in order, for those who may change it.
 * ERR_FORBIDDEN for others. */
int event_registrations(struct store *s, struct arena *a, const struct viewer *v, const char *event_id,
			struct event_registration **items, size_t *n);
/* Marks a person's registration attended (attended true) or back to
 * registered, for those who may change the event. ERR_INVALID when they
 * are not registered (waiting or cancelled). */
int event_attendance(struct store *s, struct arena *a, const struct viewer *v, const char *event_id,
		     const char *user_id, bool attended, struct event_registration *out);

/* The events as one iCalendar file (base/ical.h), into b: UID "<id>@kiem",
 * DTSTAMP now, SEQUENCE and STATUS from the event. For the page and the
 * API alike. */
struct buf;
void event_calendar(struct buf *b, const struct event *items, size_t n);

/* An RFC 3339 time with an offset or Z ("2026-06-15T19:00:00+02:00") to
 * UTC ("2026-06-15T17:00:00Z"); false when it is not one. */
bool event_time_utc(const char *s, char out[21]);
/* A local time of the instance's zone as a form gives it
 * ("2026-06-15T19:00", seconds optional) to UTC, by the C library's rules
 * of the zone; false when it is not one. */
bool event_time_from_local(const char *s, char out[21]);
/* The same back: UTC to the form's local "2026-06-15T19:00". */
void event_time_to_local(const char *utc, char out[17]);

#endif
