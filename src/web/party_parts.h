/* The parts of a party's page (/partijen/{id}) that belong to other
 * features: each in its own file, called by the party page with the party
 * it loaded (and the viewer's relation to it): none reads the party again.
 * Each writes a <section> with an <h2> to r->out, or nothing. */
#ifndef KIEM_WEB_PARTY_PARTS_H
#define KIEM_WEB_PARTY_PARTS_H

#include "../http/http.h"

struct party;

/* The room for intrapreneurship the party gives: the hours a week its
 * people get, per initiative (part_intrapreneurship.c). */
void party_part_intrapreneurship(struct http_req *r, const struct party *p);

#endif
