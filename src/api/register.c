/* /api/v1/processing-activities: the processing register (verwerkingsregister),
 * from the same table as the page /privacy. */
#include "../base/jw.h"
#include "../model/register.h"
#include "common.h"

static void write_list(struct jw *w, const char *key, const char *const (*list)[LANG_COUNT], enum lang lang)
{
	jw_karr(w, key);
	size_t n = register_list_len(list);
	for (size_t i = 0; i < n; i++)
		jw_str(w, list[i][lang]);
	jw_end(w);
}

static void write_activity(struct http_req *r, struct jw *w, const void *obj)
{
	const struct processing_activity *p = obj;
	(void)r;
	jw_obj(w);
	jw_kstr(w, "id", p->id);
	jw_kstr(w, "name", p->name[LANG_EN]);
	jw_kstr(w, "nameNl", p->name[LANG_NL]);
	jw_kstr(w, "purpose", p->purpose[LANG_EN]);
	jw_kstr(w, "purposeNl", p->purpose[LANG_NL]);
	jw_kstr(w, "legalBasis", legal_bases[p->basis].key);
	write_list(w, "categoriesOfData", p->categories, LANG_EN);
	write_list(w, "categoriesOfDataNl", p->categories, LANG_NL);
	write_list(w, "dataSubjects", p->subjects, LANG_EN);
	write_list(w, "dataSubjectsNl", p->subjects, LANG_NL);
	jw_kstr(w, "retention", p->retention[LANG_EN]);
	jw_kstr(w, "retentionNl", p->retention[LANG_NL]);
	write_list(w, "recipients", p->recipients, LANG_EN);
	write_list(w, "recipientsNl", p->recipients, LANG_NL);
	jw_end(w);
}

static void api_register_list(struct http_req *r)
{
	if (api_no_query(r))
		api_send_list(r, "/api/v1/processing-activities", NULL, NULL, write_activity, register_activities,
			      sizeof register_activities[0], register_count);
}

const struct http_route api_register_routes[] = {
	{ HM_GET, "/api/v1/processing-activities", api_register_list, RF_CACHE },
	{ 0 },
};
