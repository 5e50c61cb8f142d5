/* The demo's environmental factors (omgevingsfactoren) and role ledgers
 * (rollenregisters), on the demo issues (demo_issues.c), found by title.
 * Factors of all four kinds, enabling and hindering; roles taken by
 * parties of three kinds on the first issues, so that the ledger shows
 * empty roles and kinds with parties nearby that could fill them: the
 * "factors" and "roles" of demo.json. */
#include <jansson.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/log.h"
#include "../model/factor.h"
#include "../model/ledger.h"
#include "../store/store.h"
#include "cli.h"

int demo_factors_load(struct store *s, const struct viewer *admin, const json_t *demo)
{
	struct arena *a = arena_new();
	int rc = 0;
	size_t i;
	const json_t *d;
	json_array_foreach(json_object_get(demo, "factors"), i, d) {
		const char *issue = demo_issue(s, a, demo_str(d, "issue"));
		if (!issue)
			continue; /* the demo's issues changed: nothing to attach to */
		struct factor f = { .kind = demo_str(d, "kind"), .effect = demo_str(d, "effect"),
				    .description = demo_str(d, "description") };
		struct problems p = { 0 };
		if ((rc = factor_create(s, a, admin, issue, &f, &p))) {
			log_error("demo factor on %s: %s", demo_str(d, "issue"), demo_why(rc, &p));
			goto out;
		}
	}
	json_array_foreach(json_object_get(demo, "roles"), i, d) {
		const char *issue = demo_issue(s, a, demo_str(d, "issue")), *party = demo_party(s, a, demo_str(d, "party"));
		if (!issue || !party)
			continue;
		struct ledger_entry e = { .role = demo_str(d, "role"), .party_id = party, .note = demo_str(d, "note") };
		struct problems p = { 0 };
		if ((rc = ledger_take(s, a, admin, issue, &e, &p))) {
			log_error("demo role %s on %s: %s", e.role, demo_str(d, "issue"), demo_why(rc, &p));
			goto out;
		}
	}
out:
	arena_free(a);
	return rc;
}
