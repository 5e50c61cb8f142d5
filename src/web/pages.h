/* What page files give each other: their features' routes, which routes.c
 * lists in the pages' table, and the parts one page shows of another's
 * (widgets every page may use are in layout.h). */
#ifndef KIEM_WEB_PAGES_H
#define KIEM_WEB_PAGES_H

#include <stdbool.h>
#include <stddef.h>

#include "../http/http.h"
#include "../model/area.h"
#include "../model/perm.h"

extern const struct http_route web_home_routes[];
extern const struct http_route web_static_routes[];
extern const struct http_route web_parties_routes[];
extern const struct http_route web_party_form_routes[];
extern const struct http_route web_verification_routes[];
extern const struct http_route web_members_routes[];
extern const struct http_route web_issues_routes[];
extern const struct http_route web_issue_form_routes[];
extern const struct http_route web_signals_routes[];
extern const struct http_route web_invitations_routes[];
extern const struct http_route web_part_factors_routes[];
extern const struct http_route web_ledger_routes[];
extern const struct http_route web_login_routes[];
extern const struct http_route web_signup_routes[];
extern const struct http_route web_password_routes[];
extern const struct http_route web_account_routes[];
extern const struct http_route web_part_voice_routes[];
extern const struct http_route web_notifications_routes[];
extern const struct http_route web_privacy_routes[];
extern const struct http_route web_opendata_routes[];
extern const struct http_route web_admin_routes[];
extern const struct http_route web_users_routes[];

/* The decisions on a regulatory signal (public), or "none yet" if asked
 * (signals.c). */
void web_signal_decisions(struct http_req *r, const char *signal_id, bool say_none);
/* The verification of a party, on its page, with the button for who may
 * (verification.c). */
struct party;
void web_party_verification(struct http_req *r, const struct party *pa);
/* The name of an issue status for people: "Op de agenda" (issues.c). */
const char *web_issue_status(struct http_req *r, const char *key);
/* A short list of the issues a party owns, for its page, or nothing
 * (issues.c). */
void web_party_issues(struct http_req *r, const char *party_id);
/* The link to /account/meldingen with the count of unread ones
 * (notifications.c). */
void web_notifications_link(struct http_req *r);

#endif
