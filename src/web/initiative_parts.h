/* The parts of an initiative's page (/initiatieven/{id}) that other
 * features write: each in its own file (part_<x>.c), called by the
 * initiative page in this order, inside its read of the data, with the
 * initiative it loaded (and the viewer's relation to it, in->rel): none
 * reads the initiative again. Each writes a <section> with an <h2> to
 * r->out, or nothing. initiatives.c holds weak empty defaults, so that
 * the page links before a part is there. */
#ifndef KIEM_WEB_INITIATIVE_PARTS_H
#define KIEM_WEB_INITIATIVE_PARTS_H

#include "../http/http.h"

struct initiative;

/* Its partners and the hours their members get (part_partners.c). */
void initiative_part_partners(struct http_req *r, const struct initiative *in);
/* Its milestones, outcomes and lessons (part_results.c). */
void initiative_part_results(struct http_req *r, const struct initiative *in);
/* Its co-creation sessions (part_events.c). */
void initiative_part_events(struct http_req *r, const struct initiative *in);

#endif
