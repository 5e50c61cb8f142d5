/* The parts of an issue's page (/vraagstukken/{id}) that belong to other
 * things the user knows: each in its own file, called by the issue page in
 * this order, inside its read of the data, with the issue it loaded (and
 * the viewer's relation to it): none reads the issue again. Each writes a
 * <section> with an <h2> to r->out, or nothing. */
#ifndef KIEM_WEB_ISSUE_PARTS_H
#define KIEM_WEB_ISSUE_PARTS_H

#include "../http/http.h"

struct issue;

/* The signals taken up in the issue, and decisions on regulatory ones
 * (part_signals.c). */
void issue_part_signals(struct http_req *r, const struct issue *is);
/* The environmental factors, grouped, and a link to the role ledger
 * (part_factors.c). */
void issue_part_factors(struct http_req *r, const struct issue *is);
/* Support, following, and the comments (part_voice.c). */
void issue_part_voice(struct http_req *r, const struct issue *is);
/* The initiatives that answer it (initiatives.c, issue 11). */
void issue_part_initiatives(struct http_req *r, const struct issue *is);
/* Its events and their calendar file (part_events.c). */
void issue_part_events(struct http_req *r, const struct issue *is);

#endif
