/* /api/v1/events: co-creation sessions and meetings, and registration for
 * them. A person registers themselves with POST .../registrations (no
 * body), reads and cancels their own at .../registrations/me; the
 * organizer reads the list at .../registrations and marks attendance with
 * PATCH .../registrations/{userId} {"status": "attended"}. */
#include <string.h>

#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/err.h"
#include "../base/jw.h"
#include "../model/event.h"
#include "api.h"
#include "common.h"

static void write_event(struct http_req *r, struct jw *w, const void *obj)
{
	const struct event *ev = obj;
	jw_obj(w);
	fields_write_json(event_fields, event_nfields, ev, w);
	const char *self = api_links(w, r, "event", ev->id, NULL, NULL);
	if (event_can_change(&r->viewer, ev)) /* only a link that answers */
		jw_klink(w, "registrations", arena_printf(r->arena, "%s/registrations", self));
	jw_klink(w, "calendar", arena_printf(r->arena, "%s/calendar", self));
	if (ev->organizer)
		jw_klink(w, "organizer", api_path(r, "party", ev->organizer));
	jw_end(w);
	jw_end(w);
}

static void write_registration(struct http_req *r, struct jw *w, const void *obj)
{
	const struct event_registration *g = obj;
	jw_obj(w);
	fields_write_json(event_registration_fields, event_registration_nfields, g, w);
	jw_key(w, "_links");
	jw_obj(w);
	jw_klink(w, "event", api_path(r, "event", g->event_id));
	jw_end(w);
	jw_end(w);
}

static void api_events_list(struct http_req *r)
{
	static const char *const allowed[] = { "from", "to", "when", "issue", "initiative", "area", "organizer",
					       "status", "q", "sort", "limit", "cursor", NULL };
	struct problems p = { 0 };
	struct event_filter f = { 0 };
	api_check_query(r, allowed, &f.limit, &p);
	f.from = http_query(r, "from");
	f.to = http_query(r, "to");
	f.when = http_query(r, "when");
	f.issue = http_query(r, "issue");
	f.initiative = http_query(r, "initiative");
	f.area = http_query(r, "area");
	f.organizer = http_query(r, "organizer");
	f.status = http_query(r, "status");
	f.q = http_query(r, "q");
	f.sort = http_query(r, "sort");
	f.cursor = http_query(r, "cursor");
	struct event *items;
	size_t n;
	const char *next;
	int rc = event_list(r->store, r->arena, &r->viewer, &f, &p, &items, &n, &next);
	if (!api_failed(r, rc, &p, NULL))
		api_send_list(r, "/api/v1/events", allowed, next, write_event, items, sizeof *items, n);
}

static void api_events_get(struct http_req *r)
{
	struct event ev;
	int rc = event_get(r->store, r->arena, &r->viewer, r->params[0], &ev);
	if (!api_failed(r, rc, NULL, NULL))
		api_send(r, 200, write_event, &ev);
}

static void api_events_create(struct http_req *r)
{
	struct event ev = { 0 };
	struct problems p = { 0 };
	if (!api_read(r, event_fields, event_nfields, &ev, FIELDS_CREATE, &p))
		return;
	int rc = event_create(r->store, r->arena, &r->viewer, &ev, &p);
	if (api_failed(r, rc, &p, NULL))
		return;
	http_add_header(r, "Location", api_path(r, "event", ev.id));
	api_send(r, 201, write_event, &ev);
}

static void api_events_patch(struct http_req *r)
{
	struct event ev;
	int rc = r->viewer.authenticated ? event_get(r->store, r->arena, &r->viewer, r->params[0], &ev) : ERR_AUTH;
	if (!rc && !event_can_change(&r->viewer, &ev))
		rc = ERR_FORBIDDEN;
	if (api_failed(r, rc, NULL, NULL))
		return;
	struct event in = ev;
	struct problems p = { 0 };
	if (!api_read(r, event_fields, event_nfields, &in, FIELDS_PATCH, &p))
		return;
	rc = event_update(r->store, r->arena, &r->viewer, &ev, &in, &p);
	if (!api_failed(r, rc, &p, NULL))
		api_send(r, 200, write_event, &ev);
}

/* The event as an iCalendar file: the twin of /bijeenkomsten/{id}.ics. */
static void api_events_calendar(struct http_req *r)
{
	struct event ev;
	int rc = event_get(r->store, r->arena, NULL, r->params[0], &ev);
	if (api_failed(r, rc, NULL, NULL))
		return;
	struct buf cal = BUF_INIT(1u << 20);
	event_calendar(&cal, &ev, 1);
	if (cal.err) {
		buf_release(&cal);
		api_fail(r, ERR_NOMEM);
		return;
	}
	r->status = 200;
	r->content_type = "text/calendar; charset=utf-8";
	buf_add(&r->out, cal.ptr, cal.len);
	buf_release(&cal);
}

static const char *refusal(enum event_refusal why)
{
	switch (why) {
	case REFUSE_CANCELLED:
		return "This event is cancelled: it takes no registrations.";
	case REFUSE_STARTED:
		return "This event has started or is over: registrations are closed.";
	case REFUSE_NOT_REGISTERED:
		return "You are not registered for this event, nor on its waiting list.";
	default:
		return NULL;
	}
}

static void api_registrations_create(struct http_req *r)
{
	if (!api_empty_body(r))
		return;
	struct event_registration g;
	bool created;
	enum event_refusal why;
	int rc = event_register(r->store, r->arena, &r->viewer, r->params[0], &g, &created, &why);
	if (api_failed(r, rc, NULL, refusal(why)))
		return;
	http_add_header(r, "Location", arena_printf(r->arena, "%s/registrations/me", api_path(r, "event", r->params[0])));
	api_send(r, created ? 201 : 200, write_registration, &g);
}

static void api_registrations_list(struct http_req *r)
{
	if (!api_no_query(r))
		return;
	struct event_registration *items;
	size_t n;
	int rc = event_registrations(r->store, r->arena, &r->viewer, r->params[0], &items, &n);
	if (!api_failed(r, rc, NULL, NULL))
		api_send_list(r, arena_printf(r->arena, "%s/registrations", api_path(r, "event", r->params[0])), NULL,
			      NULL, write_registration, items, sizeof *items, n);
}

static void api_registration_me(struct http_req *r)
{
	struct event_registration g;
	int rc = event_registration_get(r->store, r->arena, &r->viewer, r->params[0], &g);
	if (!api_failed(r, rc, NULL, NULL))
		api_send(r, 200, write_registration, &g);
}

static void api_registration_cancel(struct http_req *r)
{
	enum event_refusal why;
	int rc = r->viewer.authenticated ? event_unregister(r->store, &r->viewer, r->params[0], &why) : ERR_AUTH;
	api_no_content(r, rc, rc == ERR_CONFLICT ? refusal(why) : NULL);
}

static void api_registration_attendance(struct http_req *r)
{
	static const char *const keys[] = { "status" };
	const char *status = NULL;
	struct problems p = { 0 };
	if (!api_logged_in(r) || !api_read_strings(r, keys, &status, 1, &p))
		return;
	if (!status)
		problems_add(&p, "status", R_REQUIRED, 0);
	else if (strcmp(status, "attended") != 0 && strcmp(status, "registered") != 0)
		problems_add(&p, "status", R_NOT_ONE_OF, 0);
	if (p.n) {
		api_invalid(r, &p);
		return;
	}
	struct event_registration g;
	int rc = event_attendance(r->store, r->arena, &r->viewer, r->params[0], r->params[1],
				  !strcmp(status, "attended"), &g);
	if (rc == ERR_INVALID) {
		api_error(r, 409, "Only a person who is registered (not waiting, not cancelled) can be marked as attended.");
		return;
	}
	if (!api_failed(r, rc, NULL, NULL))
		api_send(r, 200, write_registration, &g);
}

const struct http_route api_events_routes[] = {
	{ HM_GET, "/api/v1/events", api_events_list, 0 }, /* "upcoming" moves with the clock */
	{ HM_POST, "/api/v1/events", api_events_create, 0 },
	{ HM_GET, "/api/v1/events/{id}", api_events_get, RF_CACHE },
	{ HM_PATCH, "/api/v1/events/{id}", api_events_patch, 0 },
	{ HM_GET, "/api/v1/events/{id}/calendar", api_events_calendar, RF_CACHE },
	{ HM_GET, "/api/v1/events/{id}/registrations", api_registrations_list, 0 },
	{ HM_POST, "/api/v1/events/{id}/registrations", api_registrations_create, 0 },
	{ HM_GET, "/api/v1/events/{id}/registrations/me", api_registration_me, 0 },
	{ HM_DELETE, "/api/v1/events/{id}/registrations/me", api_registration_cancel, 0 },
	{ HM_PATCH, "/api/v1/events/{id}/registrations/{user}", api_registration_attendance, 0 },
	{ 0 },
};
