#include "role.h"
#include "rows.h"

#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../store/store.h"

const struct role role_catalogue[] = {
	{ "procure_innovations", { "Inkopen sociale innovaties", "Procuring social innovations" },
	  { "Sociale innovaties inkopen, bijvoorbeeld met een uitvraag.",
	    "Buying social innovations, for example through a call." },
	  "government" },
	{ "attract_private_capital", { "Stimuleren toeleiding privaat kapitaal", "Attracting private capital" },
	  { "Investeerders en fondsen naar sociale innovaties leiden.",
	    "Guiding investors and funds towards social innovations." },
	  "government" },
	{ "fund_what_works_research", { "Bijdragen aan onderzoek naar 'wat werkt'", "Funding research into what works" },
	  { "Onderzoek mogelijk maken naar wat werkt.", "Making research into what works possible." },
	  "government" },
	{ "regulatory_room", { "Ruimte in wet- en regelgeving", "Room in laws and regulations" },
	  { "Ruimte maken in regels die een goede oplossing in de weg staan.",
	    "Making room in rules that stand in the way of a good answer." },
	  "government" },
	{ "invest", { "Investeren", "Investing" },
	  { "Geld, mensen of middelen in sociale innovaties steken.",
	    "Putting money, people or means into social innovations." },
	  "business" },
	{ "operate_responsibly", { "Maatschappelijk verantwoord opereren", "Operating responsibly" },
	  { "Als bedrijf bijdragen aan de samenleving om je heen.",
	    "Contributing, as a business, to the society around you." },
	  "business" },
	{ "research_working_elements", { "Onderzoek naar werkzame elementen", "Researching working elements" },
	  { "Onderzoeken wat sociale innovatie laat werken.",
	    "Researching what makes social innovation work." },
	  "knowledge_institute" },
	{ "combine_knowledge", { "Duiden en samenbrengen van kennis", "Combining knowledge" },
	  { "Professionele, wetenschappelijke en ervaringskennis duiden en samenbrengen.",
	    "Interpreting and combining professional, scientific and experiential knowledge." },
	  "knowledge_institute" },
	{ "detect_signals", { "Kansen, knelpunten en leemten opsporen", "Detecting opportunities, bottlenecks and gaps" },
	  { "Zien waar het schuurt of waar kansen liggen, en dat melden.",
	    "Seeing where things rub or where chances lie, and reporting it." },
	  "social_work" },
	{ "pioneer_in_practice", { "Praktijkgericht pionieren", "Pioneering in practice" },
	  { "In de praktijk pionieren met innovatieve oplossingen.",
	    "Pioneering with innovative answers in practice." },
	  "social_work" },
	{ "agenda_issues", { "Sociale vraagstukken formuleren en agenderen", "Formulating social issues and putting them on the agenda" },
	  { "Een sociaal vraagstuk onder woorden brengen en op de agenda zetten.",
	    "Putting a social issue into words and on the agenda." },
	  "social_work citizen_initiative" },
	{ "involve_target_groups", { "Profijtgroepen betrekken", "Involving target groups" },
	  { "De mensen om wie het gaat laten meedoen en meebeslissen.",
	    "Letting the people it is about take part and have a say." },
	  "social_work citizen_initiative" },
};
const size_t role_catalogue_count = sizeof role_catalogue / sizeof role_catalogue[0];

const struct role *role_find(const char *key)
{
	for (size_t i = 0; key && i < role_catalogue_count; i++)
		if (strcmp(role_catalogue[i].key, key) == 0)
			return &role_catalogue[i];
	return NULL;
}

int role_seed(struct store *s)
{
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	int rc = 0;
	struct store_stmt *st = store_prepare(c,
		"INSERT INTO roles (key, position, name_nl, name_en, description_nl, description_en, typical_kinds)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
		" ON CONFLICT (key) DO UPDATE SET position = ?2, name_nl = ?3, name_en = ?4,"
		" description_nl = ?5, description_en = ?6, typical_kinds = ?7");
	if (!st)
		rc = ERR_DB;
	for (size_t i = 0; !rc && i < role_catalogue_count; i++) {
		const struct role *r = &role_catalogue[i];
		store_bind_str(st, 1, r->key);
		store_bind_int(st, 2, (int64_t)i);
		store_bind_str(st, 3, r->name[LANG_NL]);
		store_bind_str(st, 4, r->name[LANG_EN]);
		store_bind_str(st, 5, r->description[LANG_NL]);
		store_bind_str(st, 6, r->description[LANG_EN]);
		store_bind_str(st, 7, r->typical_kinds);
		rc = store_run(st);
	}
	return rows_commit(s, rc);
}

#define ROLE_COLS "key, name_nl, name_en, description_nl, description_en, typical_kinds"

static void read_row(struct store_stmt *st, struct arena *a, void *row)
{
	struct role *r = row;
	r->key = arena_strdup(a, store_text(st, 0));
	r->name[LANG_NL] = arena_strdup(a, store_text(st, 1));
	r->name[LANG_EN] = arena_strdup(a, store_text(st, 2));
	r->description[LANG_NL] = arena_strdup(a, store_text(st, 3));
	r->description[LANG_EN] = arena_strdup(a, store_text(st, 4));
	r->typical_kinds = arena_strdup(a, store_text(st, 5));
}

int role_list(struct store *s, struct arena *a, struct role **items, size_t *n)
{
	struct store_stmt *st = store_prepare(store_reader(s),
		"SELECT " ROLE_COLS " FROM roles ORDER BY position, key LIMIT 200");
	*items = arena_alloc(a, sizeof **items * 200);
	return rows_read(st, a, read_row, *items, sizeof **items, 200, n);
}

int role_get(struct store *s, struct arena *a, const char *key, struct role *out)
{
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT " ROLE_COLS " FROM roles WHERE key = ?1", 1, key);
	return rows_one(st, a, read_row, out);
}
