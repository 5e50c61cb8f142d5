/* filters: the form above a list that narrows it down, drawn from a list of
 * filter descriptors, and the list's links that keep what was chosen.
 *
 * Every list page (/vraagstukken, /partijen, /signalen) filters the same
 * way: a GET form with a search box, selects whose first option is "all",
 * the areas as a select of the area tree, and text boxes; the query
 * parameters are the API's. A page says which, in order:
 *
 *     const struct filter fl[] = {
 *             { FILTER("q", FILTER_SEARCH, T(r, M_FILTER_Q), f.q) },
 *             { FILTER("status", FILTER_ENUM, T(r, M_ISSUE_STATUS), f.status),
 *               .all = T(r, M_FILTER_STATUS_ALL), .keys = issue_statuses, .n = ISSUE_STATUS_COUNT },
 *             { FILTER("area", FILTER_AREA, T(r, M_AREA), f.area), .all = T(r, M_FILTER_AREA_ALL) },
 *     };
 *     filters_form(r, "/vraagstukken", fl, 3, &problems);
 */
#ifndef KIEM_WEB_FILTERS_H
#define KIEM_WEB_FILTERS_H

#include <stddef.h>

#include "../base/lang.h"
#include "../http/http.h"
#include "layout.h"

enum filter_kind {
	FILTER_SEARCH,  /* the search box (q) */
	FILTER_TEXT,    /* a text box (a tag, a target group) */
	FILTER_ENUM,    /* a select of the keys of a closed set */
	FILTER_CHOICES, /* a select of the choices given; a text box when they are NULL (too many) */
	FILTER_AREA,    /* a select of the area tree; a text box for the code when it is too large */
	FILTER_SORT,    /* a select of the orders, the first when none is chosen */
};

struct filter {
	const char *name;  /* the query parameter, as in the API */
	enum filter_kind kind;
	const char *label; /* in the page's language */
	const char *value; /* what is chosen now, or NULL */
	const char *all;   /* the label of the first option, which chooses all */
	const char *hint;  /* of the text box that stands in for a select, or NULL */
	/* FILTER_ENUM: the set; FILTER_SORT: the orders' keys and names */
	const struct enum_entry *keys;
	const char *const *sorts;
	const char *const *sort_names;
	const struct choice *choices; /* FILTER_CHOICES */
	size_t n;                     /* of keys, sorts or choices */
};

/* What every filter says: its parameter, kind, label and value. */
#define FILTER(name_, kind_, label_, value_) .name = (name_), .kind = (kind_), .label = (label_), .value = (value_)

/* Draws the form: the filters in order, each problem of p beside its
 * filter, a button, and a link to path without filters. */
void filters_form(struct http_req *r, const char *path, const struct filter *f, size_t n,
		  const struct problems *p);

/* path with the filters chosen and cursor (if not NULL) as its query. */
const char *filters_url(struct http_req *r, const char *path, const struct filter *f, size_t n,
			const char *cursor);

/* The links to the first and the next page of the list at path, which
 * keep the filters chosen: the first when the page has a cursor, the next
 * when next is not NULL. */
void filters_paging(struct http_req *r, const char *path, const struct filter *f, size_t n, const char *cursor,
		    const char *next);

/* A query parameter, NULL when absent or empty. */
const char *filters_param(struct http_req *r, const char *name);

#endif
