/* The demo's events: co-creation sessions about the demo issues in
 * Overvecht (and the demo initiatives of part A, found in the database when
 * they are there), one of them past with who attended, one full with a
 * waiting list, one cancelled. They are organised by Marieke Jansen, the
 * demo's coordinator of Overvecht, and the residents of the voice demo
 * (demo_voice.c, which runs first) register for them. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/log.h"
#include "../base/timefmt.h"
#include "../model/event.h"
#include "../store/store.h"
#include "cli.h"

static const char *const residents[] = {
	"fatima@demo.kiem.invalid", "henk@demo.kiem.invalid", "lotte@demo.kiem.invalid", "yusuf@demo.kiem.invalid",
};
enum { N_RESIDENTS = sizeof residents / sizeof residents[0] };

static bool viewer_of(struct store *s, const char *email, enum platform_role role, struct viewer *v)
{
	struct store_stmt *st = store_prepare(store_reader(s), "SELECT id, name FROM users WHERE email = ?1");
	if (!st)
		return false;
	store_bind_str(st, 1, email);
	bool found = store_step(st) == STORE_ROW;
	if (found) {
		*v = (struct viewer){ .authenticated = true, .role = role };
		snprintf(v->user_id, sizeof v->user_id, "%s", store_text(st, 0));
		snprintf(v->name, sizeof v->name, "%s", store_text(st, 1));
	}
	store_reset(st);
	return found;
}

/* The first initiative (part A's demo) about an issue, or NULL. */
static const char *initiative_of(struct store *s, struct arena *a, const char *issue_id)
{
	struct store_stmt *st = store_prepare(store_reader(s),
		"SELECT initiative_id FROM initiative_issues WHERE issue_id = ?1 ORDER BY initiative_id LIMIT 1");
	if (!st)
		return NULL;
	store_bind_str(st, 1, issue_id);
	const char *id = store_step(st) == STORE_ROW ? arena_strdup(a, store_text(st, 0)) : NULL;
	store_reset(st);
	return id;
}

/* days from today at hour (UTC) */
static const char *at(struct arena *a, int days, int hour)
{
	time_t t = time(NULL) / 86400 * 86400 + (time_t)days * 86400 + (time_t)hour * 3600;
	char *out = arena_alloc(a, TIME_STRLEN + 1);
	time_format(t, out);
	return out;
}

struct demo_event {
	const char *title, *description, *place, *organizer, *issue;
	int days, hour, hours;
	long long capacity; /* 0: no limit */
	int registrants;    /* the first residents who register */
	bool past, cancelled;
};

static const struct demo_event events[] = {
	{ "Koffie-uurtje ontwerpen met ouderen uit de flat",
	  "Samen met ouderen uit de flats aan de Zambesidreef ontwerpen we een **vast koffie-uurtje**: waar, wanneer, "
	  "en wie zet de koffie?\n\n- kennismaken\n- ideeën op de muur\n- afspraken voor een eerste proef",
	  "Buurthuis De Boog, Zamenhofdreef 1, Utrecht", "Buurtteam Overvecht", "Eenzaamheid onder ouderen in Overvecht",
	  -21, 13, 2, 20, 4, true, false },
	{ "Proefsessie: buurtkamer inrichten",
	  "We richten de lege ruimte in de flat in, met de bewoners die er komen. Beperkt aantal plaatsen; vol is vol, "
	  "daarna kom je op de wachtlijst.",
	  "Zambesidreef 12, Utrecht (begane grond)", "Buurtteam Overvecht", "Eenzaamheid onder ouderen in Overvecht",
	  10, 17, 2, 3, 4, false, false },
	{ "Groene ontmoetingsplek langs de Vecht: plan maken",
	  "Wandel mee langs de Vecht en teken mee aan een plek om elkaar te ontmoeten. Neem laarzen mee.",
	  "Start bij de brug over de Vecht, Vechtzoom, Utrecht", "Bewonersinitiatief De Groene Vecht",
	  "Te weinig groen en ontmoeting langs de Vecht", 24, 9, 3, 0, 2, false, false },
	{ "Opvoedcafé voor ouders",
	  "Ouders praten met elkaar over opvoeden, met een pedagoog erbij. Gaat niet door: de zaal is niet "
	  "beschikbaar; een nieuwe datum volgt.",
	  "Bibliotheek Overvecht, Roelantdreef, Utrecht", "Ouderinitiatief Samen Sterk Overvecht",
	  "Ouders in Overvecht zoeken steun bij opvoeding", 5, 18, 2, 15, 1, false, true },
};

static int one(struct store *s, struct arena *a, const struct viewer *org, const struct viewer *people,
	       const struct demo_event *d)
{
	const char *party = demo_party(s, a, d->organizer), *issue = demo_issue(s, a, d->issue);
	if (!party || !issue)
		return 0; /* a demo without them */
	const char *initiative = initiative_of(s, a, issue);
	/* a past event is made ahead, so that people can register, and then
	 * moved to its day */
	int days = d->past ? 30 : d->days;
	struct event ev = { .title = d->title, .description = d->description, .place = d->place, .area = "WK034403",
			    .start = at(a, days, d->hour), .end = at(a, days, d->hour + d->hours), .organizer = party,
			    .capacity = d->capacity, .has_capacity = d->capacity > 0, .status = "scheduled" };
	/* the lists' items live as long as ev */
	const char *issues[1] = { issue }, *initiatives[1] = { initiative };
	ev.issues = (struct strlist){ issues, 1 };
	ev.initiatives = (struct strlist){ initiatives, initiative ? 1 : 0 };
	struct problems p = { 0 };
	int rc = event_create(s, a, org, &ev, &p);
	if (rc) {
		log_error("demo event %s: %s", d->title, demo_why(rc, &p));
		return rc;
	}
	for (int i = 0; !rc && i < d->registrants && i < N_RESIDENTS; i++) {
		struct event_registration g;
		bool created;
		enum event_refusal why;
		rc = event_register(s, a, &people[i], ev.id, &g, &created, &why);
	}
	if (!rc && (d->past || d->cancelled)) {
		struct event was;
		if (!(rc = event_get(s, a, org, ev.id, &was))) {
			struct event in = was;
			if (d->past) {
				in.start = at(a, d->days, d->hour);
				in.end = at(a, d->days, d->hour + d->hours);
			}
			if (d->cancelled)
				in.status = "cancelled";
			rc = event_update(s, a, org, &was, &in, &p);
		}
	}
	/* who came to the past one: all but the last who registered */
	for (int i = 0; !rc && d->past && i + 1 < d->registrants && i < N_RESIDENTS; i++) {
		struct event_registration g;
		rc = event_attendance(s, a, org, ev.id, people[i].user_id, true, &g);
	}
	if (rc)
		log_error("demo event %s: %s", d->title, demo_why(rc, &p));
	return rc;
}

int demo_events(struct store *s)
{
	struct arena *a = arena_new();
	if (!a)
		return ERR_NOMEM;
	struct viewer org, people[N_RESIDENTS];
	int rc = 0;
	bool ok = viewer_of(s, "marieke@demo.kiem.invalid", PROLE_COORDINATOR, &org);
	for (size_t i = 0; ok && i < N_RESIDENTS; i++)
		ok = viewer_of(s, residents[i], PROLE_USER, &people[i]);
	for (size_t i = 0; ok && !rc && i < sizeof events / sizeof events[0]; i++)
		rc = one(s, a, &org, people, &events[i]);
	arena_free(a);
	return rc;
}
