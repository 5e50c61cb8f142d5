/* The parts of a party's page (/partijen/{id}) that belong to other things
 * the user knows: each in its own file, called by the party page in this
 * order with the party it loaded (and the viewer's relation to it). Each
 * writes a <section> with an <h2> to r->out, or nothing. Both have weak
 * empty defaults in ties.c, so that each branch links alone. */
#ifndef KIEM_WEB_PARTY_PARTS_H
#define KIEM_WEB_PARTY_PARTS_H

#include "../http/http.h"

struct party;

/* Its network: its ties each way, the parties it shares an initiative or
 * coalition with, its initiatives and coalitions, and the form that
 * records a tie for those who may (ties.c). */
void party_part_network(struct http_req *r, const struct party *p);
/* The room for intrapreneurship: the hours its members get, per
 * initiative (issue 11, part B). */
void party_part_intrapreneurship(struct http_req *r, const struct party *p);

#endif
