/* web: the server-rendered HTML pages, Dutch first and English second.
 *
 * Thin by design, like the API: each page reads its query or form into the
 * model's structs, calls the model, and writes HTML through html.h, which
 * escapes by default. */
#ifndef KIEM_WEB_H
#define KIEM_WEB_H

#include <stddef.h>

#include "../http/http.h"

/* The pages' route table: every path the API's does not take, the
 * session cookie, forms with the CSRF token, HTML errors (routes.c). */
extern const struct http_table web_table;

/* Who runs this kiem and how to reach them about privacy, shown on /privacy
 * (KIEM_PRIVACY_CONTACT), or NULL; set once at start, before serving. */
extern const char *web_privacy_contact;
/* How long an unused account is kept, for /privacy: the days without use
 * before the warning (0: never erased) and the days after it until the
 * erasure (KIEM_INACTIVE_DAYS, KIEM_INACTIVE_GRACE_DAYS); set at start. */
extern int web_inactive_days, web_inactive_grace_days;

#endif
