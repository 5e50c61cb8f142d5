/* The demo's signals (signalen): opportunities, bottlenecks and gaps that
 * parties report, two clusters of similar reports taken up in the demo's
 * issues (found by title), and regulatory signals routed to the government
 * parties with their decisions. Reported by the system (no person), on
 * behalf of demo parties. The signals are invented; they are the "signals"
 * of demo.json. */
#include <jansson.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/log.h"
#include "../model/signal.h"
#include "../store/store.h"
#include "cli.h"

int demo_signals_load(struct store *s, const struct viewer *admin, const json_t *demo)
{
	struct arena *a = arena_new();
	int rc = 0;
	const json_t *signals = json_object_get(demo, "signals"), *d;
	size_t i;
	json_array_foreach(signals, i, d) {
		const char *title = demo_str(d, "title"), *issue_title = demo_str(d, "issue"), *status = demo_str(d, "status");
		struct signal sg = {
			.kind = demo_str(d, "kind"), .title = title, .description = demo_str(d, "description"),
			.area = demo_str(d, "area"), .target_group = demo_str(d, "targetGroup"),
			.party_id = demo_party(s, a, demo_str(d, "party")), .rule = demo_str(d, "rule"),
		};
		sg.regulatory = sg.rule != NULL;
		struct problems p = { 0 };
		if ((rc = signal_create(s, a, admin, &sg, &p))) {
			log_error("demo signal %s: %s", title, demo_why(rc, &p));
			break;
		}
		/* again, with what the admin may do with it */
		if ((rc = signal_get(s, a, admin, arena_strdup(a, sg.id), &sg)))
			break;
		struct signal_decision dd = { .decision = demo_str(d, "decision"), .reason = demo_str(d, "reason") };
		if (dd.decision && (rc = signal_decide(s, a, admin, &sg, &dd, &p)))
			log_error("demo signal %s, decision: %s", title, err_str(rc));
		if (!rc && issue_title) {
			const char *issue = demo_issue(s, a, issue_title);
			struct issue none = { 0 };
			if (issue && (rc = signal_take_up(s, a, admin, &sg, issue, &none, false, &p)))
				log_error("demo signal %s, issue: %s", title, err_str(rc));
		}
		if (!rc && status && (rc = signal_move(s, a, admin, &sg, status, demo_str(d, "statusReason"), &p)))
			log_error("demo signal %s, status: %s", title, err_str(rc));
		if (rc)
			break;
	}
	/* the clusters taken up as a whole: their later signals join the issue */
	json_array_foreach(signals, i, d) {
		if (rc)
			break;
		if (!demo_str(d, "issue") || demo_str(d, "rule"))
			continue;
		struct store_stmt *st = store_prepare(store_reader(s),
			"SELECT s.id FROM signals s JOIN signals f ON f.cluster_id = s.cluster_id"
			" WHERE f.title = ?1 AND s.issue_id IS NULL LIMIT 20");
		if (!st) {
			rc = ERR_DB;
			break;
		}
		store_bind_str(st, 1, demo_str(d, "title"));
		const char *ids[20];
		size_t n = 0;
		while (store_step(st) == STORE_ROW && n < 20)
			ids[n++] = arena_strdup(a, store_text(st, 0));
		store_reset(st);
		const char *issue = demo_issue(s, a, demo_str(d, "issue"));
		for (size_t j = 0; !rc && j < n && issue; j++) {
			struct problems p = { 0 };
			struct issue none = { 0 };
			struct signal sg;
			rc = signal_get(s, a, admin, ids[j], &sg);
			if (!rc)
				rc = signal_take_up(s, a, admin, &sg, issue, &none, false, &p);
		}
	}
	arena_free(a);
	return rc;
}
