/* The demo's signals (signalen): opportunities, bottlenecks and gaps that
 * parties report, two clusters of similar reports taken up in the demo's
 * issues (found by title), and regulatory signals routed to the government
 * parties with their decisions. Reported by the system (no person), on
 * behalf of demo parties. The signals are invented. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/log.h"
#include "../model/signal.h"
#include "../store/store.h"
#include "cli.h"

struct demo_signal {
	const char *party, *area, *kind, *title, *description, *target_group;
	const char *rule;                /* a regulatory signal's rule, or NULL */
	const char *decision, *reason;   /* its decision, or NULL */
	const char *issue;               /* the title of the issue it is taken up in, or NULL */
	const char *status, *status_reason; /* a move after reporting, or NULL */
};

static const struct demo_signal demo_signals[] = {
	/* a cluster: lonely older people in Overvecht, taken up in the issue */
	{ "Buurtteam Overvecht", "WK034403", "gap", "Ouderen in Overvecht zijn eenzaam",
	  "Bij huisbezoeken zien we ouderen in Overvecht die eenzaam zijn en niemand spreken.", "ouderen",
	  NULL, NULL, NULL, "Eenzaamheid onder ouderen in Overvecht", NULL, NULL },
	{ "Wijkplatform Overvecht", "WK034403", "gap", "Eenzame ouderen in de flats van Overvecht",
	  "In de flats van Overvecht wonen ouderen die eenzaam zijn; ze spreken bijna niemand.", "ouderen",
	  NULL, NULL, NULL, NULL, NULL, NULL },
	{ "Supermarkt De Hoek", "WK034403", "gap", "Ouderen in de winkel zijn eenzaam",
	  "Ouderen uit Overvecht komen elke dag naar de winkel om iemand te spreken: ze zijn eenzaam.", "ouderen",
	  NULL, NULL, NULL, NULL, NULL, NULL },
	{ "Studentenpraktijk Sociaal Werk", "WK034403", "gap", "Eenzaamheid bij ouderen in Overvecht",
	  "Studenten spreken in Overvecht veel ouderen die eenzaam zijn.", "ouderen",
	  NULL, NULL, NULL, NULL, NULL, NULL },
	/* a cluster: waiting lists for debt help in Zuidwest */
	{ "Buurtteam Zuidwest", "WK034408", "bottleneck", "Lange wachtlijst voor schuldhulp in Zuidwest",
	  "Gezinnen in Zuidwest wachten maanden op schuldhulp; de schulden lopen intussen op.", "jonge gezinnen",
	  NULL, NULL, NULL, "Schulden bij jonge gezinnen in Zuidwest", NULL, NULL },
	{ "Stichting Taalmaatjes Zuidwest", "WK034408", "bottleneck", "Wachtlijst schuldhulp Zuidwest",
	  "Onze deelnemers in Zuidwest wachten maanden op schuldhulp, en de schulden lopen op.", "jonge gezinnen",
	  NULL, NULL, NULL, NULL, NULL, NULL },
	{ "Studentenpraktijk Sociaal Werk", "WK034408", "bottleneck", "Schuldhulp in Zuidwest: maanden wachten",
	  "Gezinnen in Zuidwest moeten maanden wachten op schuldhulp.", "jonge gezinnen",
	  NULL, NULL, NULL, NULL, NULL, NULL },
	/* opportunities */
	{ "Wijkplatform Overvecht", "WK034403", "opportunity", "Leegstaand buurthuis aan de Gentdreef",
	  "Het buurthuis aan de Gentdreef staat leeg. Bewoners willen er een ontmoetingsplek van maken.", NULL,
	  NULL, NULL, NULL, NULL, NULL, NULL },
	{ "IT-bedrijf CodeVoorDeBuurt", "WK034409", "opportunity", "Programmeerles door IT-bedrijf voor jongeren",
	  "Ons bedrijf wil jongeren in Leidsche Rijn gratis leren programmeren, na school.", "jongeren",
	  NULL, NULL, NULL, "Jongeren in Leidsche Rijn missen een eigen plek", NULL, NULL },
	/* regulatory signals, routed to the government parties, with decisions */
	{ "Buurtteam Zuidwest", "WK034408", "bottleneck", "Vrijwilligersvergoeding kost bijstand",
	  "Bewoners met een bijstandsuitkering die vrijwilligerswerk doen, moeten hun vergoeding soms inleveren.",
	  "mensen in de bijstand", "Participatiewet: regels voor bijverdienen en vrijwilligersvergoeding",
	  "experiment", "Twee jaar lang mogen bewoners in Zuidwest de vergoeding houden; we volgen wat het oplevert.",
	  NULL, NULL, NULL },
	{ "Bewonersinitiatief De Groene Vecht", "WK034403", "bottleneck", "Geen vergunning voor een tijdelijke buurttuin",
	  "Op het braakliggende terrein langs de Vecht mag geen tijdelijke buurttuin komen.", "bewoners",
	  "Bestemmingsplan: het terrein is bestemd voor bedrijven", "exemption",
	  "Ontheffing voor vijf jaar: de buurttuin mag er komen tot het terrein bebouwd wordt.",
	  "Te weinig groen en ontmoeting langs de Vecht", NULL, NULL },
	{ "Coöperatie Buurtzorg Vleuten", "WK034410", "bottleneck", "Mantelzorgwoning in de tuin mag niet",
	  "Families in Vleuten willen een mantelzorgwoning in de tuin plaatsen voor een ouder.", "mantelzorgers",
	  "Bouwregels: een tweede woning op het perceel", "refused",
	  "De regels laten dit nu niet toe; we nemen het mee bij de nieuwe omgevingsregels.", NULL, NULL, NULL },
	{ "Huurdersvereniging Binnenstad", "WK034406", "bottleneck", "Woningdelen kost huurtoeslag",
	  "Ouderen die met een student een woning delen, verliezen hun huurtoeslag.", "ouderen",
	  "Wet op de huurtoeslag: het inkomen van medebewoners telt mee", NULL, NULL, NULL, NULL, NULL },
	/* a gap that was dismissed */
	{ "Repair Café Oost", "WK034405", "gap", "Geen plek om fietsen te repareren",
	  "In Oost is geen plek waar bewoners zelf hun fiets kunnen repareren.", NULL,
	  NULL, NULL, NULL, NULL, "dismissed", "Er is sinds kort een fietsenwerkplaats in de bibliotheek." },
};

static const char *id_by_name(struct store *s, struct arena *a, const char *sql_is_parties, const char *name)
{
	struct store_stmt *st = store_prepare(store_reader(s), sql_is_parties
		? "SELECT id FROM parties WHERE name = ?1" : "SELECT id FROM issues WHERE title = ?1");
	if (!st)
		return NULL;
	store_bind_str(st, 1, name);
	const char *id = store_step(st) == STORE_ROW ? arena_strdup(a, store_text(st, 0)) : NULL;
	store_reset(st);
	return id;
}

int demo_signals_load(struct store *s, const struct viewer *admin)
{
	struct arena *a = arena_new();
	int rc = 0;
	for (size_t i = 0; !rc && i < sizeof demo_signals / sizeof demo_signals[0]; i++) {
		const struct demo_signal *d = &demo_signals[i];
		struct signal sg = {
			.kind = d->kind, .title = d->title, .description = d->description, .area = d->area,
			.target_group = d->target_group, .party_id = id_by_name(s, a, "p", d->party),
			.regulatory = d->rule != NULL, .rule = d->rule,
		};
		struct problems p = { 0 };
		if ((rc = signal_create(s, a, admin, &sg, &p))) {
			log_error("demo signal %s: %s", d->title, p.n ? p.v[0].field : err_str(rc));
			break;
		}
		/* again, with what the admin may do with it */
		if ((rc = signal_get(s, a, admin, arena_strdup(a, sg.id), &sg)))
			break;
		struct signal_decision dd = { .decision = d->decision, .reason = d->reason };
		if (d->decision && (rc = signal_decide(s, a, admin, &sg, &dd, &p)))
			log_error("demo signal %s, decision: %s", d->title, err_str(rc));
		if (!rc && d->issue) {
			const char *issue = id_by_name(s, a, NULL, d->issue);
			struct issue none = { 0 };
			if (issue && (rc = signal_take_up(s, a, admin, &sg, issue, &none, false, &p)))
				log_error("demo signal %s, issue: %s", d->title, err_str(rc));
		}
		if (!rc && d->status && (rc = signal_move(s, a, admin, &sg, d->status, d->status_reason, &p)))
			log_error("demo signal %s, status: %s", d->title, err_str(rc));
	}
	/* the clusters taken up as a whole: their later signals join the issue */
	for (size_t i = 0; !rc && i < sizeof demo_signals / sizeof demo_signals[0]; i++) {
		const struct demo_signal *d = &demo_signals[i];
		if (!d->issue || d->rule)
			continue;
		struct store_stmt *st = store_prepare(store_reader(s),
			"SELECT s.id FROM signals s JOIN signals f ON f.cluster_id = s.cluster_id"
			" WHERE f.title = ?1 AND s.issue_id IS NULL LIMIT 20");
		if (!st) {
			rc = ERR_DB;
			break;
		}
		store_bind_str(st, 1, d->title);
		const char *ids[20];
		size_t n = 0;
		while (store_step(st) == STORE_ROW && n < 20)
			ids[n++] = arena_strdup(a, store_text(st, 0));
		store_reset(st);
		const char *issue = id_by_name(s, a, NULL, d->issue);
		for (size_t j = 0; !rc && j < n && issue; j++) {
			struct problems p = { 0 };
			struct issue none = { 0 };
			struct signal sg;
			rc = signal_get(s, a, admin, ids[j], &sg);
			if (!rc)
				rc = signal_take_up(s, a, admin, &sg, issue, &none, false, &p);
		}
	}
	arena_free(a);
	return rc;
}
