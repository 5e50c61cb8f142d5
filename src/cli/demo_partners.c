/* The demo's partners of initiatives and room for intrapreneurship, on the
 * demo initiatives (part A's demo makes them; they are read from the
 * database, oldest first, so this runs after it and attaches to whatever
 * it made): on each, partners of several kinds (a government, social work,
 * a business, a knowledge institute, a citizen initiative), each with a
 * role that fits, a contribution, and hours for most; and three people of
 * the demo parties who record the hours a week their employer grants them.
 * The people get long random passwords: they are names in the demo, not
 * accounts to log in with. */
#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/log.h"
#include "../base/uuid.h"
#include "../model/intrapreneur.h"
#include "../model/member.h"
#include "../model/partner.h"
#include "../model/rows.h"
#include "../model/user.h"
#include "../store/store.h"
#include "cli.h"

enum { DEMO_INITIATIVES_MAX = 12, PARTNERS_EACH = 3 };

/* The partners to hand out: initiative i is given PARTNERS_EACH of these from
 * its place in the list on, skipping its lead. hours < 0: not given. */
static const struct {
	const char *party, *role, *contribution;
	int hours;
} partners[] = {
	{ "Gemeente Utrecht, team Sociaal Domein", "regulatory_room", "Ruimte in de regels en een ambtenaar die meedenkt.", 4 },
	{ "Buurtteam Overvecht", "involve_target_groups", "Contact met bewoners die we anders niet bereiken.", 8 },
	{ "Hogeschool Utrecht, lectoraat Sociale Innovatie", "research_working_elements", "Onderzoek naar wat werkt, met studenten.", 6 },
	{ "Woningcorporatie Thuisstad", "operate_responsibly", "Een ruimte in de plint, zonder huur.", -1 },
	{ "Impact Investeerders Utrecht", "invest", "Een lening om te starten.", -1 },
	{ "Bewonersinitiatief De Groene Vecht", "pioneer_in_practice", "Vrijwilligers en ervaring in de wijk.", 12 },
	{ "Welzijnsorganisatie Stadswerk", "detect_signals", "Signalen uit de wijk en een wijkwerker.", 10 },
	{ "Kenniswerkplaats Armoede", "combine_knowledge", "Kennis over armoede, samengebracht.", 2 },
	{ "IT-bedrijf CodeVoorDeBuurt", "operate_responsibly", "Een website en hulp bij de techniek.", 3 },
	{ "Provincie Utrecht, programma Sociale Agenda", "attract_private_capital", "Een subsidie en contacten met fondsen.", -1 },
};
enum { N_PARTNERS = sizeof partners / sizeof partners[0] };

/* The people who get hours from their employer: their party, and the
 * initiatives (by place in the list of demo initiatives) with hours. */
static const struct {
	const char *email, *name, *party;
	int initiative[2], hours[2];
} people[] = {
	{ "sanne@demo.kiem.invalid", "Sanne de Wit", "Gemeente Utrecht, team Sociaal Domein", { 0, 1 }, { 4, 2 } },
	{ "joost@demo.kiem.invalid", "Joost Bakker", "Woningcorporatie Thuisstad", { 0, 2 }, { 8, 4 } },
	{ "amira@demo.kiem.invalid", "Amira Haddou", "IT-bedrijf CodeVoorDeBuurt", { 1, -1 }, { 6, 0 } },
};
enum { N_PEOPLE = sizeof people / sizeof people[0] };

struct demo_initiative {
	char id[UUID_STRLEN + 1];
	const char *lead;
};

static void read_initiative(struct store_stmt *st, struct arena *a, void *row)
{
	struct demo_initiative *d = row;
	snprintf(d->id, sizeof d->id, "%s", store_text(st, 0));
	d->lead = store_is_null(st, 1) ? "" : arena_strdup(a, store_text(st, 1));
}

/* One person of the demo, a member of their employer, and their hours. */
static int person(struct store *s, struct arena *a, const struct viewer *admin, size_t i,
		  const struct demo_initiative *ini, size_t n)
{
	const char *party = demo_party(s, a, people[i].party);
	if (!party)
		return 0; /* the demo's parties changed */
	char pw[UUID_STRLEN + 1];
	uuid7_new(pw);
	struct user u;
	struct problems p = { 0 };
	int rc = user_add(s, a, people[i].email, people[i].name, arena_printf(a, "demo-%s", pw), PROLE_USER, &u, &p);
	if (!rc)
		rc = member_add(s, a, admin, party, people[i].email, "member", &(struct member){ 0 }, &p);
	if (rc) {
		log_error("demo person %s: %s", people[i].name, demo_why(rc, &p));
		return rc;
	}
	struct viewer v = { .authenticated = true, .role = PROLE_USER };
	snprintf(v.user_id, sizeof v.user_id, "%s", u.id);
	snprintf(v.name, sizeof v.name, "%s", u.name);
	for (size_t j = 0; j < 2; j++) {
		int k = people[i].initiative[j];
		if (k < 0 || (size_t)k >= n)
			continue;
		struct intrapreneur h = { .party_id = party, .has_hours = true, .hours_per_week = people[i].hours[j] };
		bool created;
		if ((rc = intrapreneur_set(s, a, &v, ini[k].id, "me", &h, &p, &created))) {
			log_error("demo hours of %s: %s", people[i].name, demo_why(rc, &p));
			return rc;
		}
	}
	return 0;
}

int demo_partners_load(struct store *s, const struct viewer *admin)
{
	struct arena *a = arena_new();
	if (!a)
		return ERR_NOMEM;
	struct demo_initiative *ini = arena_alloc(a, sizeof *ini * DEMO_INITIATIVES_MAX);
	size_t n = 0;
	int rc = rows_read(rows_prepare(store_reader(s), "SELECT id, lead_party_id FROM initiatives ORDER BY seq LIMIT 12", 0),
			   a, read_initiative, ini, sizeof *ini, DEMO_INITIATIVES_MAX, &n);
	for (size_t i = 0; !rc && i < n; i++) {
		for (size_t j = 0, added = 0; !rc && j < N_PARTNERS && added < PARTNERS_EACH; j++) {
			size_t at = (i * 2 + j) % N_PARTNERS; /* neighbours share some partners, not all */
			const char *party = demo_party(s, a, partners[at].party);
			if (!party || !strcmp(party, ini[i].lead))
				continue;
			struct partner pt = { .party_id = party, .role = partners[at].role,
					      .contribution = partners[at].contribution, .has_hours = partners[at].hours >= 0,
					      .hours_per_week = partners[at].hours };
			struct problems p = { 0 };
			if ((rc = partner_create(s, a, admin, ini[i].id, &pt, &p)))
				log_error("demo partner %s: %s", partners[at].party, demo_why(rc, &p));
			added++;
		}
	}
	for (size_t i = 0; !rc && n && i < N_PEOPLE; i++)
		rc = person(s, a, admin, i, ini, n);
	arena_free(a);
	return rc;
}
