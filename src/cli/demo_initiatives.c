/* The demo's initiatives (issue 11, part A): a dozen believable Utrecht
 * initiatives in every stage, each with the decisions that brought it
 * there (rationale and evidence, lessons for the stopped ones), led by
 * parties of every kind, answering the demo issues (found by title), with
 * target groups and participation levels; some followed, some with offers
 * to help. Each lead party has one initiator, a member who starts it and
 * takes its decisions, so that the timeline says who decided on whose
 * behalf. The initiators and helpers get long random passwords: they are
 * names in the demo, not accounts to log in with. The other parts of issue
 * 11 find these initiatives by title. */
#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/log.h"
#include "../base/uuid.h"
#include "../model/initiative.h"
#include "../model/member.h"
#include "../model/party.h"
#include "../model/user.h"
#include "../store/store.h"
#include "cli.h"

struct demo_init {
	const char *title, *summary, *description, *type, *lead, *initiator, *area, *level;
	long long budget; /* cents, or 0 for none */
	const char *issues[2];
	const char *groups[3];
	const char *stage;   /* where it ends */
	const char *lessons; /* why it stopped, for a stopped one */
};

static const struct demo_init inits[] = {
	{ "Koffie-uurtje in de flat", "Elke week een kop koffie in de gemeenschappelijke ruimte van de flats aan de Zambesidreef.",
	  "Bewoners openen om de beurt de ruimte. Het buurtteam komt langs voor wie **meer hulp** nodig heeft.",
	  "service", "Buurtteam Overvecht", "Sanne de Wit", "WK034403", "co_producing", 150000,
	  { "Eenzaamheid onder ouderen in Overvecht", NULL }, { "eenzame ouderen", "buren", NULL }, "sustained", NULL },
	{ "Maatjes voor mantelzorgers", "Een vrijwilliger neemt een middag per week de zorg over, zodat de mantelzorger even vrij is.", "",
	  "service", "Mantelzorgsteunpunt Utrecht", "Karin Vos", "GM0344", "consulted", 480000,
	  { "Mantelzorgers raken overbelast", NULL }, { "mantelzorgers", NULL, NULL }, "implementation", NULL },
	{ "Jongerenplek in de oude bibliotheek", "Jongeren richten zelf een plek in waar ze kunnen chillen, gamen en huiswerk maken.",
	  "De jongeren beslissen mee over de **inrichting** en de openingstijden.",
	  "collaboration", "Jongerenwerk Leidsche Rijn", "Daan Smit", "WK034409", "co_deciding", 2500000,
	  { "Jongeren in Leidsche Rijn missen een eigen plek", NULL }, { "jongeren", NULL, NULL }, "test", NULL },
	{ "Schuldenwijzer-app", "Een app die jonge gezinnen helpt hun rekeningen en betaaldata bij te houden.", "",
	  "product", "IT-bedrijf CodeVoorDeBuurt", "Tim Bos", "WK034408", "advising", 3000000,
	  { "Schulden bij jonge gezinnen in Zuidwest", NULL }, { "jonge gezinnen", NULL, NULL }, "stopped",
	  "Gezinnen met schulden willen eerst een mens spreken, geen app. Begin bij een vast aanspreekpunt." },
	{ "Vroegsignalering via de huurder", "De woningcorporatie meldt een achterstand in de huur meteen bij het buurtteam.", "",
	  "process", "Woningcorporatie Thuisstad", "Ilse Mulder", "WK034408", "informed", 0,
	  { "Schulden bij jonge gezinnen in Zuidwest", "Energiearmoede in oude huurwoningen" }, { "huurders", "jonge gezinnen", NULL },
	  "implementation", NULL },
	{ "Energiecoaches aan de deur", "Vrijwillige energiecoaches helpen huurders met kleine maatregelen tegen tocht en hoge rekeningen.", "",
	  "service", "Gemeente Utrecht, team Sociaal Domein", "Pieter Jansen", "GM0344", "co_producing", 12000000,
	  { "Energiearmoede in oude huurwoningen", NULL }, { "huurders", "ouderen", NULL }, "sustained", NULL },
	{ "Taalcafé op de werkvloer", "Statushouders oefenen Nederlands met collega's, in werktijd, met een taalmaatje erbij.", "",
	  "collaboration", "Stichting Taalmaatjes Zuidwest", "Fatma Yilmaz", "WK034408", "co_producing", 300000,
	  { "Statushouders vinden moeilijk betaald werk", "Laaggeletterdheid blijft onzichtbaar" }, { "statushouders", NULL, NULL },
	  "development", NULL },
	{ "Onderzoek: wat werkt tegen laaggeletterdheid?", "Studenten en onderzoekers volgen drie taalprojecten een jaar lang en delen wat werkt.", "",
	  "process", "Hogeschool Utrecht, lectoraat Sociale Innovatie", "Eva de Graaf", "GM0344", "advising", 8000000,
	  { "Laaggeletterdheid blijft onzichtbaar", NULL }, { "laaggeletterden", NULL, NULL }, "test", NULL },
	{ "Pluktuin langs de Vecht", "Een tuin waar buren samen groente kweken en oogsten.", "",
	  "collaboration", "Bewonersinitiatief De Groene Vecht", "Joost Peters", "WK034403", "co_deciding", 250000,
	  { "Te weinig groen en ontmoeting langs de Vecht", NULL }, { "buren", "kinderen", NULL }, "idea", NULL },
	{ "Studentenmaaltijd voor een euro", "Een keer per week een warme maaltijd voor studenten, gekookt met overschotten van supermarkten.", "",
	  "service", "Voedselbank Utrecht", "Lieke Hendriks", "GM0344", "consulted", 600000,
	  { "Voedselonzekerheid bij studenten", NULL }, { "studenten", NULL, NULL }, "idea", NULL },
	{ "Opvoedspreekuur op het schoolplein", "Ouders stellen hun vragen over opvoeden aan een ervaren ouder en een jeugdverpleegkundige.", "",
	  "service", "Ouderinitiatief Samen Sterk Overvecht", "Samira Bakkali", "WK034403", "co_producing", 0,
	  { "Ouders in Overvecht zoeken steun bij opvoeding", NULL }, { "ouders", NULL, NULL }, "development", NULL },
	{ "Buurtbus voor ouderen", "Een elektrische bus die ouderen naar de markt en de huisarts brengt.", "",
	  "product", "Supermarkt De Hoek", "Henk van Leeuwen", "WK034403", "informed", 4500000,
	  { "Eenzaamheid onder ouderen in Overvecht", NULL }, { "ouderen", NULL, NULL }, "stopped",
	  "Er waren te weinig vaste chauffeurs. Samen met een bestaande vervoersdienst gaat het beter." },
};

/* What each decision to a stage said, in the order of the stages. */
static const struct {
	const char *to, *rationale, *evidence;
} steps[] = {
	{ "development", "Het idee is besproken met bewoners en partners; er is genoeg draagvlak om het uit te werken.",
	  "Een bijeenkomst met 25 buurtbewoners en drie partners." },
	{ "test", "Het plan is klaar. We proberen het drie maanden in één buurt.",
	  "Een uitgewerkt plan met taken, begroting en wie meedoet." },
	{ "implementation", "De proef werkte: deelnemers zijn tevreden en de kosten vallen mee. We doen het nu in de hele wijk.",
	  "Evaluatie van de proef: 40 deelnemers, 8 op 10 wil doorgaan." },
	{ "sustained", "Het loopt al een jaar en is opgenomen in de begroting van de partners.",
	  "Afspraken met de partners voor drie jaar." },
};

static int initiator(struct store *s, struct arena *a, const char *name, const char *party_name, struct viewer *out)
{
	char pw[UUID_STRLEN + 1], email[120];
	uuid7_new(pw);
	snprintf(email, sizeof email, "initiatief-%s@demo.kiem.invalid", pw + 24);
	struct user u;
	struct problems p = { 0 };
	int rc = user_add(s, a, email, name, arena_printf(a, "demo-%s", pw), PROLE_USER, &u, &p);
	if (rc) {
		log_error("demo initiator %s: %s", name, demo_why(rc, &p));
		return rc;
	}
	*out = (struct viewer){ .authenticated = true, .role = PROLE_USER };
	snprintf(out->user_id, sizeof out->user_id, "%s", u.id);
	snprintf(out->name, sizeof out->name, "%s", u.name);
	struct viewer admin = { .authenticated = true, .role = PROLE_ADMIN };
	const char *party = demo_party(s, a, party_name);
	struct party pa;
	struct member m;
	if (!party || (rc = party_get(s, a, &admin, party, &pa)) ||
	    (rc = member_add_to(s, a, &admin, &pa, email, "member", &m, &p))) {
		log_error("demo initiator %s in %s: %s", name, party_name, demo_why(rc ? rc : ERR_NOTFOUND, &p));
		return rc ? rc : ERR_NOTFOUND;
	}
	return 0;
}

static int one(struct store *s, struct arena *a, const struct demo_init *d, const struct viewer *helpers, size_t nhelpers,
	       size_t index)
{
	struct viewer v;
	int rc = initiator(s, a, d->initiator, d->lead, &v);
	if (rc)
		return rc;
	const char **issues = arena_alloc(a, sizeof *issues * 2), **groups = arena_alloc(a, sizeof *groups * 3);
	size_t ni = 0, ng = 0;
	for (size_t i = 0; i < 2 && d->issues[i]; i++) {
		const char *id = demo_issue(s, a, d->issues[i]);
		if (id)
			issues[ni++] = id;
	}
	for (size_t i = 0; i < 3 && d->groups[i]; i++)
		groups[ng++] = d->groups[i];
	struct initiative in = {
		.title = d->title, .summary = d->summary, .description = d->description, .type = d->type,
		.lead_party = demo_party(s, a, d->lead), .area = d->area, .participation_level = d->level,
		.budget_cents = d->budget, .has_budget = d->budget > 0, .issues = { issues, ni }, .target_groups = { groups, ng },
	};
	struct problems p = { 0 };
	if ((rc = initiative_create(s, a, &v, &in, &p))) {
		log_error("demo initiative %s: %s", d->title, demo_why(rc, &p));
		return rc;
	}
	/* the steps up to its stage; a stopped one stopped after two */
	bool stop = !strcmp(d->stage, "stopped");
	int target = stop ? 2 : enum_find(initiative_stages, STAGE_COUNT, d->stage);
	for (int k = 0; k < target && k < (int)(sizeof steps / sizeof steps[0]); k++) {
		struct stage_decision sd = { .to = steps[k].to, .rationale = steps[k].rationale, .evidence = steps[k].evidence };
		unsigned allowed;
		if ((rc = initiative_decide(s, a, &v, in.id, &sd, &p, &allowed))) {
			log_error("demo initiative %s to %s: %s", d->title, steps[k].to, demo_why(rc, &p));
			return rc;
		}
	}
	if (stop) {
		struct stage_decision sd = { .to = "stopped", .rationale = "We stoppen: het werkt niet zoals we hoopten.",
					     .evidence = "Evaluatie met de deelnemers en de partners.", .lessons = d->lessons };
		unsigned allowed;
		if ((rc = initiative_decide(s, a, &v, in.id, &sd, &p, &allowed))) {
			log_error("demo initiative %s stopped: %s", d->title, demo_why(rc, &p));
			return rc;
		}
	}
	/* some followed, some with offers to help */
	bool created;
	for (size_t h = 0; h < nhelpers; h++) {
		if ((index + h) % 3 == 0 && (rc = initiative_follow_add(s, a, &helpers[h], in.id, &created)))
			return rc;
		if ((index + h) % 4 == 1) {
			struct initiative_interest offer = { .message = "Ik heb op dinsdag en donderdag tijd om te helpen." };
			if ((rc = initiative_interest_add(s, a, &helpers[h], in.id, &offer, &p, &created)))
				return rc;
		}
	}
	return 0;
}

int demo_initiatives(struct store *s)
{
	struct arena *a = arena_new();
	if (!a)
		return ERR_NOMEM;
	static const char *const names[] = { "Noor Vermeulen", "Bram Kok", "Aylin Kaya" };
	struct viewer helpers[3];
	int rc = 0;
	for (size_t i = 0; !rc && i < 3; i++) {
		char pw[UUID_STRLEN + 1], email[120];
		uuid7_new(pw);
		snprintf(email, sizeof email, "helper-%zu@demo.kiem.invalid", i + 1);
		struct user u;
		struct problems p = { 0 };
		rc = user_add(s, a, email, names[i], arena_printf(a, "demo-%s", pw), PROLE_USER, &u, &p);
		if (rc) {
			log_error("demo helper %s: %s", names[i], demo_why(rc, &p));
			break;
		}
		helpers[i] = (struct viewer){ .authenticated = true, .role = PROLE_USER };
		snprintf(helpers[i].user_id, sizeof helpers[i].user_id, "%s", u.id);
		snprintf(helpers[i].name, sizeof helpers[i].name, "%s", u.name);
	}
	for (size_t i = 0; !rc && i < sizeof inits / sizeof inits[0]; i++)
		rc = one(s, a, &inits[i], helpers, 3, i);
	arena_free(a);
	return rc;
}
