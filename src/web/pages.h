/* What page files give each other: the parts one page shows of another's
 * (widgets every page may use are in layout.h). Each page file ends with
 * its routes, which routes.c lists in the pages' table. */
#ifndef KIEM_WEB_PAGES_H
#define KIEM_WEB_PAGES_H

#include <stdbool.h>
#include <stddef.h>

#include "../http/http.h"
#include "../model/area.h"
#include "../model/perm.h"

/* The decisions on a regulatory signal (public), read with it, or "none
 * yet" if asked (signals.c). */
struct signal_decision;
void web_signal_decisions(struct http_req *r, const struct signal_decision *ds, size_t n, bool say_none);
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
