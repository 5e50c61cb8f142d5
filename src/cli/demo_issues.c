/* The demo's social issues (vraagstukken): ten believable Utrecht issues,
 * one or more in every status, each with the timeline of its moves and
 * their reasons, owned by parties of different kinds. The other parts of
 * the demo (signals, factors, roles, supports, comments) find them by title.
 * The issues are invented; they are the "issues" of demo.json. */
#include <jansson.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/log.h"
#include "../model/issue.h"
#include "../store/store.h"
#include "cli.h"

int demo_issues_load(struct store *s, const struct viewer *admin, const json_t *demo)
{
	struct arena *a = arena_new();
	int rc = 0;
	size_t i, m;
	const json_t *d, *move;
	json_array_foreach(json_object_get(demo, "issues"), i, d) {
		struct issue is = {
			.title = demo_str(d, "title"), .summary = demo_str(d, "summary"),
			.description = demo_str(d, "description"), .area = demo_str(d, "area"),
			.owner_party = demo_party(s, a, demo_str(d, "owner")),
			.target_groups = demo_list(a, d, "targetGroups"), .status = demo_str(d, "status"),
		};
		struct problems p = { 0 };
		if ((rc = issue_create(s, a, admin, &is, &p))) {
			log_error("demo issue %s: %s", demo_str(d, "title"), demo_why(rc, &p));
			break;
		}
		json_array_foreach(json_object_get(d, "moves"), m, move) {
			struct issue_transition t;
			unsigned allowed;
			const char *to = demo_str(move, "to");
			if ((rc = issue_move(s, a, admin, is.id, to, demo_str(move, "reason"), &t, &p, &allowed))) {
				log_error("demo issue %s, move to %s: %s", demo_str(d, "title"), to, err_str(rc));
				break;
			}
		}
		if (rc)
			break;
	}
	arena_free(a);
	return rc;
}
