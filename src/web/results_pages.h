/* What the pages of an initiative's results share (part_results.c, the
 * section of the initiative's page; results.c, the pages of its forms, the
 * lessons log and the coordinators' list). */
#ifndef KIEM_WEB_RESULTS_PAGES_H
#define KIEM_WEB_RESULTS_PAGES_H

#include <stdbool.h>

#include "../http/http.h"

struct initiative;

/* The results of the initiative as a <section id="resultaten">: its flags,
 * milestones with progress bars, outcomes with their totals, the newest
 * lessons, and links to the forms for those who may. heading is the level
 * of its title (2 on the initiative's page). */
void results_section(struct http_req *r, const struct initiative *in, int heading);

/* One lesson as an <li>, with the links to change and remove it when
 * can_edit. */
struct lesson;
void results_lesson_item(struct http_req *r, const char *initiative_id, const struct lesson *l, bool can_edit);

/* A date YYYY-MM-DD as "1 maart 2027", "1 March 2027". */
const char *results_date(struct http_req *r, const char *date);

#endif
