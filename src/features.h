/* features: every feature of kiem, one line each. Adding a feature (a new
 * entity, say) is adding its line here; no other list names it.
 *
 * A feature NAME is whichever of these it has, each at the end of its own
 * file; what it lacks, an empty default stands for (a weak symbol):
 *   - its entity types: NAME_types[], the NULL-terminated list of its
 *     registry rows, at the end of its model file (read by model/registry.c);
 *   - its API routes: api_NAME_routes[], at the end of api/NAME.c (read by
 *     api/routes.c);
 *   - its pages: web_NAME_routes[], at the end of web/NAME.c (read by
 *     web/routes.c);
 *   - its texts: web/msg/NAME.h, which the Makefile finds by itself (every
 *     file in web/msg/ is included).
 *
 * The order is the registry's: the privacy erasure and export run the
 * features' types in it, the account first and the activity log last. The
 * order of the routes does not matter (test_routes.c). */
#ifndef KIEM_FEATURES_H
#define KIEM_FEATURES_H

#define FEATURES(F) \
	F(users) \
	F(account) \
	F(outbox) \
	F(areas) \
	F(parties) \
	F(members) \
	F(invitations) \
	F(issues) \
	F(factors) \
	F(ledger) \
	F(signals) \
	F(voice) \
	F(notifications) \
	F(activity) \
	F(meta) \
	F(roles) \
	F(register) \
	F(verification) \
	F(signup) \
	F(login) \
	F(password) \
	F(privacy) \
	F(opendata) \
	F(admin) \
	F(home) \
	F(static) \
	F(party_form) \
	F(issue_form) \
	F(initiatives) \
	F(partners) \
	F(intrapreneurs) \
	F(coalitions) \
	F(ties) \
	F(events) \
	F(results)

#endif
