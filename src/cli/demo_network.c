/* The demo's coalitions (samenwerkingsverbanden) around the demo issues,
 * with partners of several kinds, and ties (relaties) of every kind
 * between demo parties (issue 11, part C). Parties and issues are found by
 * name and title (demo.json); what is not there is left out, so that a
 * change of the demo's data does not stop it loading. */
#include <stddef.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/log.h"
#include "../model/coalition.h"
#include "../model/tie.h"
#include "../store/store.h"
#include "cli.h"

enum { PARTNERS_MAX = 6, ISSUES_MAX = 2 };

static const struct demo_coalition {
	const char *name, *description, *area, *since;
	const char *issues[ISSUES_MAX];
	/* the first partner starts it and manages it */
	struct {
		const char *party, *role, *contribution;
		bool admin;
	} partners[PARTNERS_MAX];
} coalitions[] = {
	{ "Samen tegen eenzaamheid in Overvecht",
	  "Buurtteam, wijkplatform, ouders en de gemeente werken samen aan **ontmoeting** voor ouderen in Overvecht: een "
	  "buurtkamer, bezoekjes aan huis en een belronde.",
	  "WK034403", "2025-09-01", { "Eenzaamheid onder ouderen in Overvecht" },
	  { { "Buurtteam Overvecht", "involve_target_groups", "Twee ochtenden per week een buurtwerker.", true },
	    { "Gemeente Utrecht, wijkbureau Overvecht", "procure_innovations", "Budget voor de buurtkamer.", true },
	    { "Wijkplatform Overvecht", "agenda_issues", "Vrijwilligers voor de belronde.", false },
	    { "Woningcorporatie Thuisstad", "operate_responsibly", "Een ruimte in de flat, zonder huur.", false },
	    { "Hogeschool Utrecht, lectoraat Sociale Innovatie", "research_working_elements",
	      "Onderzoek naar wat werkt tegen eenzaamheid.", false } } },
	{ "Schuldenpact Zuidwest",
	  "Vroeg erbij zijn bij schulden van jonge gezinnen: signalen delen, samen doorverwijzen en vrijwilligers die "
	  "meegaan naar de bank.",
	  "WK034408", "2025-03-15", { "Schulden bij jonge gezinnen in Zuidwest" },
	  { { "Buurtteam Zuidwest", "detect_signals", "Signalen uit huisbezoeken.", true },
	    { "Schuldhulpmaatje Utrecht", "pioneer_in_practice", "Getrainde maatjes.", false },
	    { "Rabo Coöperatiefonds (voorbeeld)", "invest", "Een fonds voor noodgevallen.", false },
	    { "Kenniswerkplaats Armoede", "combine_knowledge", "Kennis over armoede en schulden.", false },
	    { "Gemeente Utrecht, team Sociaal Domein", "regulatory_room", "Ruimte in de regels voor maatwerk.", true } } },
	{ "Mantelzorg Netwerk Utrecht",
	  "Mantelzorgers ontlasten met respijtzorg, lotgenoten en werkgevers die meedenken.",
	  "GM0344", "2024-11-01", { "Mantelzorgers raken overbelast" },
	  { { "Mantelzorgsteunpunt Utrecht", "involve_target_groups", "Het steunpunt en zijn consulenten.", true },
	    { "Coöperatie Buurtzorg Vleuten", NULL, "Respijtzorg in de wijk.", false },
	    { "Ervaringsdeskundigen Netwerk Utrecht", "involve_target_groups", "Lotgenotengroepen.", false },
	    { "IT-bedrijf CodeVoorDeBuurt", "operate_responsibly", "Een app om zorg te ruilen.", false } } },
	{ "Groene Vecht Verbindt",
	  "Bewoners, bedrijven en de gemeente maken samen de oevers van de Vecht groener en tot een plek om elkaar te "
	  "ontmoeten.",
	  "WK034403", "2026-04-01", { "Te weinig groen en ontmoeting langs de Vecht", "Eenzaamheid onder ouderen in Overvecht" },
	  { { "Bewonersinitiatief De Groene Vecht", "pioneer_in_practice", "Bewoners die de tuin onderhouden.", true },
	    { "Bouwbedrijf Van Dam", "operate_responsibly", "Materiaal en een dag werk per maand.", false },
	    { "Supermarkt De Hoek", NULL, "Koffie en soep bij de werkdagen.", false } } },
};

static const struct demo_tie {
	const char *from, *to, *kind, *since, *note;
} ties[] = {
	{ "Gemeente Utrecht, team Sociaal Domein", "Buurtteam Overvecht", "funds", "2024-01-01", "Subsidie voor het buurtteam." },
	{ "Rabo Coöperatiefonds (voorbeeld)", "Bewonersinitiatief De Groene Vecht", "funds", "2025-05-01", "Een bijdrage voor de buurttuin." },
	{ "Impact Investeerders Utrecht", "Sociaal ondernemer Wijkkeuken Noordwest", "funds", "2025-02-01", "Een lening om te groeien." },
	{ "Hogeschool Utrecht, lectoraat Sociale Innovatie", "Buurtteam Zuidwest", "advises", "2025-09-01", "" },
	{ "Kennisplatform Wijkgericht Werken", "Wijkplatform Overvecht", "advises", "2024-06-01", "" },
	{ "Buurtteam Overvecht", "Schuldhulpmaatje Utrecht", "refers_to", "2023-10-01", "Gezinnen met schulden." },
	{ "Buurtteam Zuidwest", "Voedselbank Utrecht", "refers_to", "2024-03-01", "" },
	{ "GGD regio Utrecht", "Mantelzorgsteunpunt Utrecht", "refers_to", "2024-09-01", "" },
	{ "Universiteit Utrecht, Sociale Wetenschappen", "Kenniswerkplaats Armoede", "shares_knowledge", "2023-01-01", "" },
	{ "Ervaringsdeskundigen Netwerk Utrecht", "Studentenpraktijk Sociaal Werk", "shares_knowledge", "2025-01-15", "Gastlessen." },
	{ "Welzijnsorganisatie Stadswerk", "Jongerenwerk Leidsche Rijn", "partners_with", "2022-05-01", "" },
	{ "Repair Café Oost", "Huurdersvereniging Binnenstad", "partners_with", "2025-06-01", "" },
	{ "Sportbedrijf Zuid", "Stichting Taalmaatjes Zuidwest", "partners_with", "2025-08-01", "" },
};

int demo_network_load(struct store *s, const struct viewer *admin)
{
	struct arena *a = arena_new();
	int rc = 0;
	for (size_t i = 0; i < sizeof coalitions / sizeof coalitions[0]; i++) {
		const struct demo_coalition *d = &coalitions[i];
		const char *starter = demo_party(s, a, d->partners[0].party);
		if (!starter)
			continue; /* the demo's parties changed */
		const char **issues = arena_alloc(a, sizeof *issues * ISSUES_MAX);
		size_t n = 0;
		for (size_t j = 0; j < ISSUES_MAX && d->issues[j]; j++)
			if ((issues[n] = demo_issue(s, a, d->issues[j])))
				n++;
		struct coalition c = { .name = d->name, .description = d->description, .area = d->area, .since = d->since,
				       .issues = { issues, n }, .party = starter };
		struct problems p = { 0 };
		if ((rc = coalition_create(s, a, admin, &c, &p))) {
			log_error("demo coalition %s: %s", d->name, demo_why(rc, &p));
			goto out;
		}
		/* the first partner's role and contribution, which starting a
		 * coalition leaves empty */
		struct coalition_partner *first;
		size_t nfirst;
		if ((rc = coalition_partners(s, a, c.id, &first, &nfirst)) || nfirst != 1) {
			log_error("demo coalition %s: its first partner: %s", d->name, err_str(rc ? rc : ERR_DB));
			rc = rc ? rc : ERR_DB;
			goto out;
		}
		struct coalition_partner lead = first[0];
		lead.role = d->partners[0].role;
		lead.contribution = d->partners[0].contribution;
		if ((rc = coalition_partner_update(s, a, admin, &first[0], &lead, &p))) {
			log_error("demo partner %s of %s: %s", d->partners[0].party, d->name, demo_why(rc, &p));
			goto out;
		}
		for (size_t j = 1; j < PARTNERS_MAX && d->partners[j].party; j++) {
			const char *party = demo_party(s, a, d->partners[j].party), *dup;
			if (!party)
				continue;
			struct coalition_partner pa = { .party = party, .role = d->partners[j].role,
							.contribution = d->partners[j].contribution, .since = d->since,
							.admin = d->partners[j].admin };
			if ((rc = coalition_partner_add(s, a, admin, c.id, &pa, &p, &dup))) {
				log_error("demo partner %s of %s: %s", d->partners[j].party, d->name, demo_why(rc, &p));
				goto out;
			}
		}
	}
	for (size_t i = 0; i < sizeof ties / sizeof ties[0]; i++) {
		const struct demo_tie *d = &ties[i];
		struct tie t = { .from = demo_party(s, a, d->from), .to = demo_party(s, a, d->to), .kind = d->kind,
				 .since = d->since, .note = d->note };
		if (!t.from || !t.to)
			continue;
		struct problems p = { 0 };
		const char *dup;
		if ((rc = tie_create(s, a, admin, &t, &p, &dup))) {
			log_error("demo tie %s > %s: %s", d->from, d->to, demo_why(rc, &p));
			goto out;
		}
	}
out:
	arena_free(a);
	return rc;
}
