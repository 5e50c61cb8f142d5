/* The demo ecosystem of `kiem init --demo`: the municipality of Utrecht,
 * its ten districts and some neighbourhoods, and parties of all five kinds
 * with roles from the dossier. The parties are invented; the areas and
 * their CBS codes are real. */
#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/log.h"
#include "../model/area.h"
#include "../model/party.h"
#include "../model/verification.h"
#include "../store/store.h"
#include "cli.h"

static const struct area demo_areas[] = {
	{ "NL01", "Nederland", "country", NULL, 0, 0, 0 },
	{ "PV26", "Utrecht (provincie)", "province", "NL01", 0, 0, 0 },
	{ "GM0344", "Utrecht", "municipality", "PV26", 0, 0, 0 },
	{ "WK034401", "West", "district", "GM0344", 0, 0, 0 },
	{ "WK034402", "Noordwest", "district", "GM0344", 0, 0, 0 },
	{ "WK034403", "Overvecht", "district", "GM0344", 0, 0, 0 },
	{ "WK034404", "Noordoost", "district", "GM0344", 0, 0, 0 },
	{ "WK034405", "Oost", "district", "GM0344", 0, 0, 0 },
	{ "WK034406", "Binnenstad", "district", "GM0344", 0, 0, 0 },
	{ "WK034407", "Zuid", "district", "GM0344", 0, 0, 0 },
	{ "WK034408", "Zuidwest", "district", "GM0344", 0, 0, 0 },
	{ "WK034409", "Leidsche Rijn", "district", "GM0344", 0, 0, 0 },
	{ "WK034410", "Vleuten-De Meern", "district", "GM0344", 0, 0, 0 },
};

struct demo_party {
	const char *name, *kind, *areas, *roles, *tags, *email, *website;
	int capacity;
	const char *description;
};

/* areas, roles and tags are separated by spaces; tags use '-' for spaces */
static const struct demo_party demo_parties[] = {
	{ "Gemeente Utrecht, team Sociaal Domein", "government", "GM0344",
	  "procure_innovations regulatory_room attract_private_capital", "inkoop beleid wmo jeugd",
	  "sociaaldomein@utrecht.example", "https://www.utrecht.example/sociaal-domein", 120,
	  "Het team Sociaal Domein van de gemeente zoekt samen met inwoners en partners naar nieuwe "
	  "antwoorden op vraagstukken in zorg, werk en welzijn. Wij kopen **sociale innovaties** in en "
	  "maken ruimte in regels waar die een goede oplossing in de weg staan." },
	{ "Gemeente Utrecht, wijkbureau Overvecht", "government", "WK034403", "regulatory_room procure_innovations",
	  "wijkaanpak leefbaarheid", "overvecht@utrecht.example", NULL, 32,
	  "Het wijkbureau is het aanspreekpunt van de gemeente in Overvecht. Wij brengen signalen uit de "
	  "wijk naar het stadhuis." },
	{ "Provincie Utrecht, programma Sociale Agenda", "government", "PV26", "fund_what_works_research attract_private_capital",
	  "onderzoek subsidie", "sociale.agenda@provincie.example", NULL, 16,
	  "De provincie ondersteunt gemeenten bij onderzoek naar wat werkt en brengt fondsen en investeerders samen." },
	{ "GGD regio Utrecht", "government", "GM0344", "detect_signals fund_what_works_research",
	  "gezondheid preventie jeugd", "info@ggd.example", "https://ggd.example", 24,
	  "De GGD volgt de gezondheid van inwoners en signaleert waar die achterblijft." },
	{ "Buurtteam Overvecht", "social_work", "WK034403", "detect_signals pioneer_in_practice involve_target_groups",
	  "schulden eenzaamheid opvoeding", "overvecht@buurtteam.example", NULL, 80,
	  "Het buurtteam helpt gezinnen en volwassenen in Overvecht met vragen over geld, opvoeding, "
	  "gezondheid en meedoen. Wij zien als eersten waar het schuurt." },
	{ "Buurtteam Zuidwest", "social_work", "WK034408 WK034407", "detect_signals pioneer_in_practice",
	  "schulden jeugd mantelzorg", "zuidwest@buurtteam.example", NULL, 64,
	  "Buurtteam voor Kanaleneiland, Transwijk en Dichterswijk." },
	{ "Welzijnsorganisatie Stadswerk", "social_work", "GM0344", "agenda_issues involve_target_groups pioneer_in_practice",
	  "ouderen ontmoeting vrijwilligers", "contact@stadswerk.example", "https://stadswerk.example", 200,
	  "Stadswerk organiseert ontmoeting, ondersteunt vrijwilligers en brengt mensen in de wijk bij elkaar." },
	{ "Jongerenwerk Leidsche Rijn", "social_work", "WK034409", "involve_target_groups detect_signals",
	  "jongeren talentontwikkeling", "jongeren@lr.example", NULL, 40,
	  "Jongerenwerkers die jongeren laten meedenken en meebeslissen over hun wijk." },
	{ "Ervaringsdeskundigen Netwerk Utrecht", "social_work", "GM0344", "combine_knowledge involve_target_groups",
	  "ervaringskennis armoede ggz", "netwerk@ervaring.example", NULL, 20,
	  "Ervaringsdeskundigen die hun kennis inzetten in projecten, trainingen en beleid." },
	{ "Schuldhulpmaatje Utrecht", "social_work", "GM0344", "pioneer_in_practice",
	  "schulden vrijwilligers", "info@schuldhulpmaatje.example", NULL, 30,
	  "Getrainde vrijwilligers die mensen met geldzorgen bijstaan." },
	{ "Bewonersinitiatief De Groene Vecht", "citizen_initiative", "WK034403", "agenda_issues involve_target_groups",
	  "groen buurttuin ontmoeting", "groenevecht@bewoners.example", NULL, 10,
	  "Bewoners die samen een buurttuin onderhouden en zo buren met elkaar in contact brengen." },
	{ "Repair Café Oost", "citizen_initiative", "WK034405", "involve_target_groups",
	  "duurzaamheid ontmoeting vrijwilligers", NULL, NULL, 6,
	  "Elke eerste zaterdag van de maand repareren vrijwilligers samen met bezoekers spullen." },
	{ "Stichting Taalmaatjes Zuidwest", "citizen_initiative", "WK034408", "involve_target_groups pioneer_in_practice",
	  "taal inburgering vrijwilligers", "taal@maatjes.example", NULL, 12,
	  "Vrijwillige taalmaatjes oefenen Nederlands met nieuwkomers." },
	{ "Coöperatie Buurtzorg Vleuten", "citizen_initiative", "WK034410", "agenda_issues pioneer_in_practice",
	  "ouderen zorg cooperatie", "info@buurtzorgvleuten.example", NULL, 15,
	  "Een zorgcoöperatie van en voor bewoners van Vleuten-De Meern." },
	{ "Voedselbank Utrecht", "citizen_initiative", "GM0344", "detect_signals",
	  "armoede voedsel vrijwilligers", "info@voedselbank.example", "https://voedselbank.example", 50,
	  "Voedselhulp voor huishoudens die het (tijdelijk) niet redden." },
	{ "Sociaal ondernemer Wijkkeuken Noordwest", "citizen_initiative", "WK034402", "pioneer_in_practice involve_target_groups",
	  "werk participatie eten", "keuken@noordwest.example", NULL, 38,
	  "Een wijkkeuken waar mensen met afstand tot de arbeidsmarkt werkervaring opdoen." },
	{ "Ouderinitiatief Samen Sterk Overvecht", "citizen_initiative", "WK034403", "agenda_issues",
	  "opvoeding jeugd ontmoeting", NULL, NULL, 4,
	  "Ouders die elkaar steunen bij opvoedvragen." },
	{ "Huurdersvereniging Binnenstad", "citizen_initiative", "WK034406", "agenda_issues",
	  "wonen huur", "bestuur@huurders.example", NULL, 5,
	  "Komt op voor de belangen van huurders in de binnenstad." },
	{ "Rabo Coöperatiefonds (voorbeeld)", "business", "PV26", "invest operate_responsibly",
	  "fonds financiering", "fonds@bank.example", NULL, 8,
	  "Een fonds dat lokale maatschappelijke initiatieven financiert." },
	{ "Bouwbedrijf Van Dam", "business", "GM0344", "operate_responsibly",
	  "werk leerbanen wonen", "mvo@vandam.example", NULL, 6,
	  "Biedt leerwerkplekken aan jongeren en statushouders." },
	{ "Impact Investeerders Utrecht", "business", "PV26", "invest",
	  "investering social-impact-bond", "info@impact.example", NULL, 10,
	  "Investeerders die geld zetten op sociale innovaties met meetbare resultaten." },
	{ "Supermarkt De Hoek", "business", "WK034403", "operate_responsibly",
	  "voedsel buurt", NULL, NULL, 2,
	  "Buurtsuper die overschotten doneert en een ontmoetingshoek heeft." },
	{ "Woningcorporatie Thuisstad", "business", "GM0344", "operate_responsibly invest",
	  "wonen leefbaarheid", "wijken@thuisstad.example", NULL, 40,
	  "Woningcorporatie die investeert in leefbare buurten." },
	{ "IT-bedrijf CodeVoorDeBuurt", "business", "WK034409", "operate_responsibly",
	  "digitale-vaardigheden vrijwilligers", "hallo@codevoordebuurt.example", NULL, 4,
	  "Medewerkers geven vrijwillig les in digitale vaardigheden." },
	{ "Hogeschool Utrecht, lectoraat Sociale Innovatie", "knowledge_institute", "PV26",
	  "research_working_elements combine_knowledge", "onderzoek evaluatie sociale-innovatie",
	  "lectoraat@hogeschool.example", "https://hogeschool.example/lectoraat", 24,
	  "Onderzoekt wat werkt bij sociale innovatie, samen met praktijk en ervaringsdeskundigen." },
	{ "Universiteit Utrecht, Sociale Wetenschappen", "knowledge_institute", "NL01",
	  "research_working_elements", "onderzoek effectiviteit jeugd",
	  "sw@universiteit.example", NULL, 16,
	  "Wetenschappelijk onderzoek naar de werkzaamheid van sociale interventies." },
	{ "Kenniswerkplaats Armoede", "knowledge_institute", "GM0344", "combine_knowledge research_working_elements",
	  "armoede schulden ervaringskennis", "werkplaats@kennis.example", NULL, 12,
	  "Brengt professionele, wetenschappelijke en ervaringskennis over armoede samen." },
	{ "Kennisplatform Wijkgericht Werken", "knowledge_institute", "NL01", "combine_knowledge",
	  "wijkaanpak kennisdeling", "info@wijkgericht.example", NULL, 8,
	  "Deelt kennis over wijkgericht werken tussen gemeenten." },
	{ "Studentenpraktijk Sociaal Werk", "knowledge_institute", "WK034403 WK034408",
	  "research_working_elements pioneer_in_practice", "studenten onderzoek praktijk",
	  "praktijk@hogeschool.example", NULL, 60,
	  "Studenten die in de wijk onderzoek doen en meewerken in de praktijk." },
	{ "Wijkplatform Overvecht", "citizen_initiative", "WK034403", "agenda_issues detect_signals",
	  "leefbaarheid participatie", NULL, NULL, 6,
	  "Bewoners die signalen uit de wijk bundelen en agenderen bij gemeente en partners." },
	{ "Mantelzorgsteunpunt Utrecht", "social_work", "GM0344", "involve_target_groups",
	  "mantelzorg respijt", "steunpunt@mantelzorg.example", NULL, 36,
	  "Ondersteunt mantelzorgers met advies, respijt en lotgenotencontact." },
	{ "Sportbedrijf Zuid", "business", "WK034407", "operate_responsibly",
	  "sport bewegen jeugd", NULL, NULL, 3,
	  "Sportschool die gratis lessen geeft aan kinderen uit gezinnen met weinig geld." },
};

/* Splits a space-separated list into the arena. */
static struct strlist split(struct arena *a, const char *s, bool dashes_are_spaces)
{
	struct strlist l = { 0 };
	if (!s)
		return l;
	l.v = arena_alloc(a, sizeof *l.v * 16);
	while (*s && l.n < 16) {
		const char *sp = strchr(s, ' ');
		size_t n = sp ? (size_t)(sp - s) : strlen(s);
		char *item = arena_strndup(a, s, n);
		if (dashes_are_spaces)
			for (char *c = item; *c; c++)
				if (*c == '-')
					*c = ' ';
		l.v[l.n++] = item;
		s += n;
		while (*s == ' ')
			s++;
	}
	return l;
}

int demo_load(struct store *s)
{
	struct viewer admin = { .authenticated = true, .role = PROLE_ADMIN };
	struct arena *a = arena_new();
	int rc = 0;
	long long counts[KIND_COUNT];
	if ((rc = party_count_by_kind(s, &admin, counts)))
		goto out;
	for (int k = 0; k < KIND_COUNT; k++)
		if (counts[k]) {
			log_error("the database has parties already; the demo loads only into an empty one");
			rc = ERR_CONFLICT;
			goto out;
		}
	for (size_t i = 0; i < sizeof demo_areas / sizeof demo_areas[0]; i++) {
		struct area existing;
		if (area_get(s, a, demo_areas[i].code, &existing) == 0)
			continue;
		struct problems p = { 0 };
		struct area ar = demo_areas[i];
		if ((rc = area_create(s, &admin, a, &ar, &p))) {
			log_error("demo area %s: %s", demo_areas[i].code, p.n ? p.v[0].field : err_str(rc));
			goto out;
		}
	}
	for (size_t i = 0; i < sizeof demo_parties / sizeof demo_parties[0]; i++) {
		const struct demo_party *d = &demo_parties[i];
		struct party pa = {
			.name = d->name, .kind = d->kind, .description = d->description,
			.email = d->email, .website = d->website, .visibility = "public",
			.has_capacity = d->capacity > 0, .capacity_hours = d->capacity,
			.areas = split(a, d->areas, false), .roles = split(a, d->roles, false),
			.tags = split(a, d->tags, true),
		};
		struct problems p = { 0 };
		if ((rc = party_create(s, a, &admin, &pa, &p))) {
			log_error("demo party %s: %s", d->name, p.n ? p.v[0].field : err_str(rc));
			goto out;
		}
		/* issue 8: the government parties, and the social workers who
		 * detect signals, are verified, as a coordinator would */
		bool created;
		if ((!strcmp(d->kind, "government") || (!strcmp(d->kind, "social_work") && strstr(d->roles, "detect_signals"))) &&
		    (rc = verification_grant(s, a, &admin, pa.id, &created))) {
			log_error("demo party %s, verification: %s", d->name, err_str(rc));
			goto out;
		}
	}
	rc = demo_issues_load(s, &admin);
	if (!rc)
		rc = demo_signals_load(s, &admin);
	if (!rc)
		rc = demo_voice(s); /* the voice of residents (issue 4, part 3) */
	if (!rc)
		rc = demo_factors_load(s, &admin); /* factors and the role ledger */
out:
	arena_free(a);
	return rc;
}
