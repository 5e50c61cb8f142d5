/* /api/v1/processing-activities: the processing register (verwerkingsregister),
 * from the same table as the page /privacy. */
#include "../model/register.h"
#include "common.h"
#include "routes.h"

static json_t *list_json(const char *const (*list)[LANG_COUNT], enum lang lang)
{
	json_t *a = json_array();
	size_t n = register_list_len(list);
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_string(list[i][lang]));
	return a;
}

static json_t *activity_json(const struct processing_activity *p)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_string(p->id));
	json_object_set_new(o, "name", json_string(p->name[LANG_EN]));
	json_object_set_new(o, "nameNl", json_string(p->name[LANG_NL]));
	json_object_set_new(o, "purpose", json_string(p->purpose[LANG_EN]));
	json_object_set_new(o, "purposeNl", json_string(p->purpose[LANG_NL]));
	json_object_set_new(o, "legalBasis", json_string(legal_bases[p->basis].key));
	json_object_set_new(o, "categoriesOfData", list_json(p->categories, LANG_EN));
	json_object_set_new(o, "categoriesOfDataNl", list_json(p->categories, LANG_NL));
	json_object_set_new(o, "dataSubjects", list_json(p->subjects, LANG_EN));
	json_object_set_new(o, "dataSubjectsNl", list_json(p->subjects, LANG_NL));
	json_object_set_new(o, "retention", json_string(p->retention[LANG_EN]));
	json_object_set_new(o, "retentionNl", json_string(p->retention[LANG_NL]));
	json_object_set_new(o, "recipients", list_json(p->recipients, LANG_EN));
	json_object_set_new(o, "recipientsNl", list_json(p->recipients, LANG_NL));
	return o;
}

void api_register_list(struct http_req *r)
{
	static const char *const allowed[] = { NULL };
	struct problems p = { 0 };
	int limit;
	api_check_query(r, allowed, &limit, &p);
	if (p.n) {
		api_invalid(r, &p);
		return;
	}
	json_t *list = json_array();
	for (size_t i = 0; i < register_count; i++)
		json_array_append_new(list, activity_json(&register_activities[i]));
	json_t *o = json_object();
	json_object_set_new(o, "items", list);
	json_object_set_new(o, "_links", api_list_links(r, "/api/v1/processing-activities", NULL, NULL, 0, NULL));
	api_send(r, 200, o);
}

const struct http_route api_register_routes[] = {
	{ HM_GET, "/api/v1/processing-activities", api_register_list, RF_CACHE },
	{ 0 },
};
