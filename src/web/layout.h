/* layout: the shell of every page (head, header, navigation, footer), the
 * building blocks of forms and the widgets several pages share (so that no
 * page file calls another for them), so every page looks and behaves alike and
 * meets WCAG 2.1 AA: a skip link, landmarks, one h1, labels on every field,
 * hints and errors tied to their field with aria-describedby, and an error
 * summary that links to each field.
 *
 * What people wrote is in Dutch (names and descriptions of parties, issue
 * and signal texts, target groups, comments): every page writes it in an
 * element with lang="nl", so that on an English page screen readers read
 * it as Dutch and the page's own words as English. */
#ifndef KIEM_LAYOUT_H
#define KIEM_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "../http/http.h"
#include "../model/perm.h"
#include "../model/valid.h"
#include "i18n.h"

enum nav { NAV_NONE, NAV_HOME, NAV_PARTIES, NAV_ISSUES /* issues core */, NAV_LOGIN, NAV_REGISTER, NAV_ACCOUNT, NAV_ACTIVITY, NAV_USERS,
	NAV_SIGNALS /* signals (issue 4, signals part) */,
	NAV_INITIATIVES /* initiatives (issue 11, part A) */,
	NAV_EVENTS, NAV_COALITIONS /* events and coalitions (issue 11) */ };

/* Starts the page: status 200, text/html, and everything up to <main>. */
void page_begin(struct http_req *r, const char *title, enum nav current);
/* Closes <main> and writes the footer. */
void page_end(struct http_req *r);
/* A message in a box that screen readers announce. */
void page_notice(struct http_req *r, const char *text);
/* The notice of what was just done, named by a query parameter
 * (?opgeslagen=1), or by the value of the parameter param (?stem=gesteund)
 * when param is not NULL: the text of the first of keys[0..n) the query
 * has, if any. */
struct notice {
	const char *key;
	enum msg text;
};
void page_notices(struct http_req *r, const char *param, const struct notice *keys, size_t n);
/* A box that says a change was not possible, and why, above the forms. */
void page_alert(struct http_req *r, const char *id, const char *title, const char *text);
/* <section> with its <h2 id="id">title</h2>; the caller closes it. */
void page_section(struct http_req *r, const char *id, const char *title);
/* A table that scrolls on its own on small screens (labelled by the element
 * labelled_by), with the class cls and its column heads, and when actions
 * is not NULL a last head for the buttons, seen only by screen readers.
 * page_table_end closes it. */
void page_table_begin(struct http_req *r, const char *labelled_by, const char *cls, const char *const *heads,
		      size_t n, const char *actions);
void page_table_end(struct http_req *r);
/* The links between the pages of a list: to the first (when first_href is
 * not NULL) and to the next (when next_href is not NULL). */
void page_paging(struct http_req *r, const char *label, const char *first_href, const char *first,
		 const char *next_href, const char *next);
/* The hint above a wide table (in a <div class="table-wrap wide">) that it
 * scrolls sideways; the stylesheet shows it only on screens too small for
 * the table. */
void page_scroll_hint(struct http_req *r);

/* <form method="post"> with the CSRF token, or a GET form. */
void form_begin(struct http_req *r, const char *action, bool post);
void form_end(struct http_req *r);
/* A form that is only a button posting to action: of the class cls (or
 * none), named for screen readers by aria_label (or by its text). */
void form_button(struct http_req *r, const char *action, const char *text, const char *cls,
		 const char *aria_label);
/* The form's submit button, in its row of actions, and the form's end. */
void form_submit_end(struct http_req *r, const char *text);
/* Parses the posted form into f; answers 400 and returns false if it
 * cannot. */
bool page_form(struct http_req *r, struct form *f);

/* One field's label, for the error summary. */
struct field_label {
	const char *name;
	const char *label;
};
/* The list of problems at the top of a form, each a link to its field. */
void form_error_summary(struct http_req *r, const struct problems *p,
			const struct field_label *labels, size_t n);

struct field {
	const char *name;   /* the form field's name, also the API's */
	const char *label;
	const char *hint;   /* or NULL */
	const char *value;  /* what to show: stored or typed */
	bool required;
	bool quiet;         /* optional, but without the "(optional)" marker */
	const char *type;   /* "text", "email", "tel", "url", "password", "search" */
	const char *autocomplete; /* or NULL */
	const char *inputmode;    /* or NULL */
};
void field_text(struct http_req *r, const struct field *f, const struct problems *p);
void field_textarea(struct http_req *r, const struct field *f, int rows, const struct problems *p);

/* Radio buttons or checkboxes in a fieldset. */
struct choice {
	const char *value;
	const char *label;
	const char *hint; /* or NULL */
	bool checked;
	int indent;       /* nesting level, for trees */
};
void field_choices(struct http_req *r, const char *name, const char *legend, const char *hint,
		   const struct choice *c, size_t n, bool multiple, const struct problems *p);
/* A <select>; the first option is "" with the label empty_label (if not NULL). */
void field_select(struct http_req *r, const char *name, const char *label, const char *empty_label,
		  const struct choice *c, size_t n);

/* A named page with a single paragraph, for confirmations. */
void page_message(struct http_req *r, int status, const char *title, const char *text);
/* The URL of this page with the query parameter lang set. */
const char *page_lang_url(struct http_req *r, const char *lang);
/* path with the query parameters k1=v1 and k2=v2, each left out when its
 * value is NULL or empty, percent-encoded, in the request's arena. */
const char *page_url(struct http_req *r, const char *path, const char *k1, const char *v1,
		     const char *k2, const char *v2);
/* For what only logged-in people may do: true (answered) when the viewer
 * is logged out, who is sent to log in and come back to next (NULL: this
 * page). */
bool page_login_needed(struct http_req *r, const char *next);
/* Sends the viewer to the login page, coming back to next (a path on this
 * site) after. */
void page_login_redirect(struct http_req *r, const char *next);
/* Formats an RFC 3339 time for people, on the calendar of the instance's
 * zone (KIEM_TIMEZONE): "27 november 2026", "27 November 2026". A date
 * alone ("2026-11-27") is shown as it is. */
const char *page_date(struct http_req *r, const char *rfc3339);
/* The same with the time of day in that zone: "27 november 2026 om 11:04"
 * ("... (UTC)" when the zone is UTC). */
const char *page_datetime(struct http_req *r, const char *rfc3339);
/* <time datetime="...">, with page_datetime's text. */
void page_time(struct http_req *r, const char *rfc3339);
/* An amount of euro cents as the page's language writes it: "€ 1.234,56",
 * "€1,234.56" (whole euros without cents). */
const char *page_euros(struct http_req *r, long long cents);
/* A whole number: "12.345", "12,345". */
const char *page_number(struct http_req *r, long long n);


/* Widgets several pages share. */
/* Areas to offer in a picker: the tree down to districts as choices nested
 * by depth, none checked, if it has at most max of them; NULL if it has
 * more (or cannot be read), and a field for an area code serves instead. */
struct choice *web_area_choices(struct http_req *r, size_t max, size_t *n);
/* One area: radio buttons of the tree under legend and hint, the one of
 * code->value checked; or the box code for its code, when the tree has
 * more than max areas or none. */
void web_area_pick(struct http_req *r, const struct field *code, const char *legend, const char *hint, size_t max,
		   const struct problems *p);
/* The name of an area code, or the code itself. */
const char *web_area_name(struct http_req *r, const char *code);
/* The name of key in a closed set, in the page's language; the key itself
 * if the set has no such key, "" for NULL. */
const char *web_enum_name(struct http_req *r, const struct enum_entry *e, size_t n, const char *key);
/* A person's place in a party, for people: "Lid", "Beheerder". */
const char *web_member_role(struct http_req *r, enum member_role role);
/* A form that sends mail, refused (rc): too many requests (ERR_BUSY,
 * throttle.h) is status 429 with Retry-After, anything else 400; and the
 * message of too many for the top of the form. */
void web_mail_refused(struct http_req *r, int rc, long wait);
void web_mail_throttled_notice(struct http_req *r, long wait);

/* Renders an error page (404, 403, 405, 413, 415, 500) in the viewer's
 * language (errors.c). */
void web_error_page(struct http_req *r, int status);
/* The error page of a model's error code: 404, 403, 400, 409 or 500; for
 * ERR_AUTH (logged out meanwhile) the login, coming back to next, when next
 * is not NULL. */
void web_fail(struct http_req *r, int rc, const char *next);
/* Whether a list page goes on after its model answered rc: with status 400
 * for a bad filter or cursor (ERR_INVALID: the page shows the problems and
 * no items); false after the error page (403 or 500) of anything else. */
bool web_list_shown(struct http_req *r, int rc);

#endif
