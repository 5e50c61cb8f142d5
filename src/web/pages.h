/* The page handlers, one file per thing the user knows; the route table is
 * in routes.c. */
#ifndef KIEM_WEB_PAGES_H
#define KIEM_WEB_PAGES_H

#include <stddef.h>

#include "../http/http.h"
#include "../model/area.h"

void page_home(struct http_req *r);
void page_style(struct http_req *r);
void page_parties(struct http_req *r);
void page_party(struct http_req *r);
void page_party_new(struct http_req *r);
void page_party_edit(struct http_req *r);
void page_party_delete(struct http_req *r);
void page_login(struct http_req *r);
void page_logout(struct http_req *r);
void page_account(struct http_req *r);
void page_token_create(struct http_req *r);
void page_token_revoke(struct http_req *r);

/* Areas to offer in pickers: the tree down to districts when it is small,
 * else down to municipalities. */
int web_area_choices(struct http_req *r, struct area **items, size_t *n);
/* The name of an area code, or the code itself. */
const char *web_area_name(struct http_req *r, const char *code);

#endif
