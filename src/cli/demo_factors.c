/* The demo's environmental factors (omgevingsfactoren) and role ledgers
 * (rollenregisters), on the demo issues (demo_issues.c), found by title.
 * Factors of all four kinds, enabling and hindering; roles taken by
 * parties of three kinds on the first issues, so that the ledger shows
 * empty roles and kinds with parties nearby that could fill them. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/log.h"
#include "../model/factor.h"
#include "../model/ledger.h"
#include "../store/store.h"
#include "cli.h"

struct demo_factor {
	const char *issue, *kind, *effect, *description;
};

static const struct demo_factor demo_factors[] = {
	{ "Eenzaamheid onder ouderen in Overvecht", "social", "enabling",
	  "In de flats aan de Zambesidreef kennen buren elkaar en letten ze op elkaar." },
	{ "Eenzaamheid onder ouderen in Overvecht", "social", "hindering",
	  "Veel ouderen schamen zich om te zeggen dat ze eenzaam zijn, en vragen niet om hulp." },
	{ "Eenzaamheid onder ouderen in Overvecht", "cultural", "enabling",
	  "Samen eten is voor veel bewoners een vanzelfsprekende manier om elkaar te ontmoeten." },
	{ "Eenzaamheid onder ouderen in Overvecht", "economic", "hindering",
	  "Het budget voor buurthuizen is de laatste jaren kleiner geworden; twee ontmoetingsplekken gingen dicht." },
	{ "Eenzaamheid onder ouderen in Overvecht", "political", "enabling",
	  "De gemeente noemt eenzaamheid een prioriteit in het coalitieakkoord." },
	{ "Eenzaamheid onder ouderen in Overvecht", "political", "hindering",
	  "De regels voor vrijwilligersvergoedingen maken het lastig om buurtmaatjes iets terug te geven." },
	{ "Energiearmoede in oude huurwoningen", "economic", "hindering",
	  "De energieprijzen zijn hoog en veel huurders hebben een krap budget." },
	{ "Energiearmoede in oude huurwoningen", "economic", "enabling",
	  "Er is landelijk geld voor het isoleren van huurwoningen." },
	{ "Energiearmoede in oude huurwoningen", "political", "enabling",
	  "Het college heeft energiearmoede tot prioriteit gemaakt." },
	{ "Energiearmoede in oude huurwoningen", "social", "hindering",
	  "Huurders durven de corporatie niet altijd aan te spreken op tocht en vocht." },
	{ "Energiearmoede in oude huurwoningen", "cultural", "enabling",
	  "Energiecoaches uit de eigen wijk worden sneller vertrouwd dan mensen van buiten." },
	{ "Jongeren in Leidsche Rijn missen een eigen plek", "cultural", "hindering",
	  "Jongeren die op straat samenkomen, worden snel als overlast gezien." },
	{ "Jongeren in Leidsche Rijn missen een eigen plek", "economic", "enabling",
	  "Een projectontwikkelaar biedt een leeg bedrijfspand tijdelijk aan." },
};

struct demo_role {
	const char *issue, *role, *party, *note;
};

static const struct demo_role demo_roles[] = {
	{ "Eenzaamheid onder ouderen in Overvecht", "detect_signals", "Buurtteam Overvecht",
	  "Signaleert eenzaamheid bij huisbezoeken." },
	{ "Eenzaamheid onder ouderen in Overvecht", "involve_target_groups", "Buurtteam Overvecht",
	  "Betrekt ouderen uit de flats bij de aanpak." },
	{ "Eenzaamheid onder ouderen in Overvecht", "pioneer_in_practice", "Welzijnsorganisatie Stadswerk",
	  "Proef met buurtmaatjes in drie flats." },
	{ "Eenzaamheid onder ouderen in Overvecht", "agenda_issues", "Wijkplatform Overvecht", "" },
	{ "Eenzaamheid onder ouderen in Overvecht", "procure_innovations", "Gemeente Utrecht, team Sociaal Domein",
	  "Koopt de aanpak in als de proef werkt." },
	{ "Energiearmoede in oude huurwoningen", "invest", "Woningcorporatie Thuisstad",
	  "Isoleert 200 woningen." },
	{ "Energiearmoede in oude huurwoningen", "operate_responsibly", "Woningcorporatie Thuisstad", "" },
	{ "Energiearmoede in oude huurwoningen", "research_working_elements", "Kenniswerkplaats Armoede",
	  "Onderzoekt wat energiecoaches laat werken." },
	{ "Energiearmoede in oude huurwoningen", "procure_innovations", "Gemeente Utrecht, team Sociaal Domein", "" },
	{ "Jongeren in Leidsche Rijn missen een eigen plek", "involve_target_groups", "Jongerenwerk Leidsche Rijn",
	  "Twaalf jongeren denken mee." },
};

static const char *id_by(struct store *s, struct arena *a, const char *sql, const char *name)
{
	struct store_stmt *st = store_prepare(store_reader(s), sql);
	if (!st)
		return NULL;
	store_bind_str(st, 1, name);
	const char *id = store_step(st) == STORE_ROW ? arena_strdup(a, store_text(st, 0)) : NULL;
	store_reset(st);
	return id;
}

static const char *issue_id(struct store *s, struct arena *a, const char *title)
{
	return id_by(s, a, "SELECT id FROM issues WHERE title = ?1 ORDER BY seq LIMIT 1", title);
}

int demo_factors_load(struct store *s, const struct viewer *admin)
{
	struct arena *a = arena_new();
	int rc = 0;
	for (size_t i = 0; !rc && i < sizeof demo_factors / sizeof demo_factors[0]; i++) {
		const struct demo_factor *d = &demo_factors[i];
		const char *issue = issue_id(s, a, d->issue);
		if (!issue)
			continue; /* the demo's issues changed: nothing to attach to */
		struct factor f = { .kind = d->kind, .effect = d->effect, .description = d->description };
		struct problems p = { 0 };
		if ((rc = factor_create(s, a, admin, issue, &f, &p)))
			log_error("demo factor on %s: %s", d->issue, p.n ? p.v[0].field : err_str(rc));
	}
	for (size_t i = 0; !rc && i < sizeof demo_roles / sizeof demo_roles[0]; i++) {
		const struct demo_role *d = &demo_roles[i];
		const char *issue = issue_id(s, a, d->issue);
		const char *party = id_by(s, a, "SELECT id FROM parties WHERE name = ?1", d->party);
		if (!issue || !party)
			continue;
		struct ledger_entry e = { .role = d->role, .party_id = party, .note = d->note };
		struct problems p = { 0 };
		if ((rc = ledger_take(s, a, admin, issue, &e, &p)))
			log_error("demo role %s on %s: %s", d->role, d->issue, p.n ? p.v[0].field : err_str(rc));
	}
	arena_free(a);
	return rc;
}
