/* The demo's voice of residents: a few residents who support, follow and
 * comment on the demo issues (found by title), a reply, and a comment a
 * coordinator hid with a reason. The residents get long random passwords:
 * they are names in the demo, not accounts to log in with. */
#include <stdio.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/log.h"
#include "../base/uuid.h"
#include "../model/user.h"
#include "../model/voice.h"
#include "../store/store.h"
#include "cli.h"

static const struct {
	const char *email, *name;
} residents[] = {
	{ "fatima@demo.kiem.invalid", "Fatima El Amrani" },
	{ "henk@demo.kiem.invalid", "Henk de Boer" },
	{ "lotte@demo.kiem.invalid", "Lotte Visser" },
	{ "yusuf@demo.kiem.invalid", "Yusuf Demir" },
	{ "marieke@demo.kiem.invalid", "Marieke Jansen" }, /* coordinator of Overvecht */
};
enum { N_RESIDENTS = sizeof residents / sizeof residents[0], MODERATOR = 4 };

/* supporters: the residents (by index) who support and follow the issue */
static const struct {
	const char *title;
	int supporters[4];
	int n_supporters;
} supports[] = {
	{ "Eenzaamheid onder ouderen in Overvecht", { 0, 1, 2, 3 }, 4 },
	{ "Jongeren in Leidsche Rijn missen een eigen plek", { 2, 3 }, 2 },
	{ "Schulden bij jonge gezinnen in Zuidwest", { 0 }, 1 },
	{ "Mantelzorgers raken overbelast", { 1, 2 }, 2 },
};

static int comment(struct store *s, struct arena *a, const struct viewer *v, const char *issue, const char *parent,
		   const char *body, struct comment *out)
{
	struct problems p = { 0 };
	struct comment in = { .parent_id = parent, .body = body };
	int rc = comment_add(s, a, v, issue, &in, &p);
	if (!rc && out)
		*out = in;
	if (rc)
		log_error("demo comment: %s", demo_why(rc, &p));
	return rc;
}

int demo_voice(struct store *s)
{
	struct arena *a = arena_new();
	if (!a)
		return ERR_NOMEM;
	struct viewer v[N_RESIDENTS];
	int rc = 0;
	for (size_t i = 0; !rc && i < N_RESIDENTS; i++) {
		char pw[UUID_STRLEN + 1];
		uuid7_new(pw);
		struct user u;
		struct problems p = { 0 };
		rc = user_add(s, a, residents[i].email, residents[i].name, arena_printf(a, "demo-%s", pw), PROLE_USER,
			      &u, &p);
		if (rc) {
			log_error("demo resident %s: %s", residents[i].name, demo_why(rc, &p));
			break;
		}
		v[i] = (struct viewer){ .authenticated = true, .role = PROLE_USER };
		snprintf(v[i].user_id, sizeof v[i].user_id, "%s", u.id);
		snprintf(v[i].name, sizeof v[i].name, "%s", u.name);
	}
	if (!rc) {
		struct viewer admin = { .authenticated = true, .role = PROLE_ADMIN };
		struct problems p = { 0 };
		rc = user_set_coordinator(s, &admin, v[MODERATOR].user_id, "WK034403", true, &p);
		v[MODERATOR].role = PROLE_COORDINATOR;
	}
	const char *id;
	for (size_t i = 0; !rc && i < sizeof supports / sizeof supports[0]; i++) {
		id = demo_issue(s, a, supports[i].title);
		for (int j = 0; id && !rc && j < supports[i].n_supporters; j++)
			rc = support_add(s, a, &v[supports[i].supporters[j]], id);
	}
	id = demo_issue(s, a, "Eenzaamheid onder ouderen in Overvecht");
	if (!rc && id) {
		struct comment c, reply, off;
		rc = comment(s, a, &v[0], id, NULL,
			     "Mijn buurvrouw van 84 komt bijna nooit meer buiten. Een vast **koffie-uurtje** in de "
			     "flat zou haar helpen: dan hoeft ze niet ver.", &c);
		if (!rc)
			rc = comment(s, a, &v[1], id, c.id,
				     "Goed idee. In onze flat aan de Zambesidreef is een lege ruimte; ik wil wel "
				     "helpen met de sleutel.", &reply);
		if (!rc)
			rc = comment(s, a, &v[3], id, NULL, "Koop nu goedkope zonnepanelen via mijn website!", &off);
		if (!rc) {
			struct problems p = { 0 };
			rc = comment_hide(s, a, &v[MODERATOR], id, off.id, "Reclame: gaat niet over het vraagstuk", &p,
					  NULL);
		}
		if (!rc)
			rc = comment(s, a, &v[2], id, NULL,
				     "Ik ben vrijwilliger bij de bibliotheek. Daar kunnen ouderen ook terecht voor "
				     "hulp met de tablet, en een praatje.", &c);
		bool created;
		if (!rc)
			rc = follow_add(s, a, &v[MODERATOR], id, &created);
	}
	id = demo_issue(s, a, "Jongeren in Leidsche Rijn missen een eigen plek");
	if (!rc && id) {
		struct comment c;
		rc = comment(s, a, &v[3], id, NULL,
			     "Mijn zoon (15) wil graag meehelpen met het inrichten. Waar kunnen jongeren zich melden?", &c);
	}
	if (rc)
		log_error("the demo's voice of residents: %s", err_str(rc));
	arena_free(a);
	return rc;
}
