/* The demo's social issues (vraagstukken): ten believable Utrecht issues,
 * one or more in every status, each with the timeline of its moves and
 * their reasons, owned by parties of different kinds. The other parts of
 * the demo (signals, factors, roles, supports, comments) find them by title.
 * The issues are invented. */
#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/log.h"
#include "../model/issue.h"
#include "../store/store.h"
#include "cli.h"

struct demo_move {
	const char *to, *reason;
};

struct demo_issue {
	const char *title, *owner, *area, *groups, *status; /* groups: separated by '|' */
	const char *summary, *description;
	struct demo_move moves[4];
};

static const struct demo_issue demo_issues[] = {
	{ "Eenzaamheid onder ouderen in Overvecht", "Buurtteam Overvecht", "WK034403",
	  "eenzame ouderen|ouderen", "formulated",
	  "Steeds meer ouderen in Overvecht zitten dagenlang alleen thuis. Zij vinden de weg naar "
	  "activiteiten in de wijk niet, of durven die niet te nemen.",
	  "Het buurtteam ziet bij huisbezoeken dat veel ouderen **weinig contact** hebben. Vaak is de "
	  "partner overleden en woont de familie ver weg.\n\n"
	  "Wat we horen:\n\n- ouderen kennen de activiteiten in de wijk niet;\n- de drempel om alleen "
	  "ergens binnen te lopen is hoog;\n- vrijwilligers die op bezoek gaan zijn er te weinig.",
	  { { "on_agenda", "Besproken in het wijkoverleg; de gemeente en Stadswerk willen meedoen." },
	    { "in_progress", "Proef met buurtmaatjes gestart in drie flats aan de Zambesidreef." } } },
	{ "Jongeren in Leidsche Rijn missen een eigen plek", "Jongerenwerk Leidsche Rijn", "WK034409",
	  "jongeren", "signalled",
	  "Jongeren tussen 14 en 20 jaar hebben in Leidsche Rijn geen plek waar zij na school samen "
	  "kunnen zijn. Zij hangen rond bij winkels, wat tot klachten leidt.",
	  "De wijk is snel gegroeid, maar voorzieningen voor jongeren bleven achter. Jongerenwerkers "
	  "horen dat jongeren **zelf** een plek willen inrichten en beheren.",
	  { { "formulated", "Samen met twaalf jongeren het vraagstuk op papier gezet." } } },
	{ "Schulden bij jonge gezinnen in Zuidwest", "Buurtteam Zuidwest", "WK034408",
	  "jonge gezinnen|ouders", "formulated",
	  "Jonge gezinnen in Kanaleneiland en Transwijk komen vaak pas bij het buurtteam als de schulden "
	  "al hoog zijn opgelopen.",
	  "Schaamte en onbekendheid met regelingen zorgen ervoor dat hulp **te laat** komt. Scholen en "
	  "huisartsen zien de signalen wel, maar weten niet waar ze heen kunnen.",
	  { { "on_agenda", "Opgenomen in de wijkagenda Zuidwest; Schuldhulpmaatje doet mee." } } },
	{ "Mantelzorgers raken overbelast", "Mantelzorgsteunpunt Utrecht", "GM0344",
	  "mantelzorgers", "signalled",
	  "Veel mantelzorgers zorgen jarenlang voor een naaste en raken uitgeput. Respijtzorg is er "
	  "wel, maar wordt weinig gebruikt.",
	  "Uit signalen van huisartsen en het steunpunt blijkt dat mantelzorgers respijtzorg niet "
	  "kennen of het gevoel hebben dat zij hun naaste in de steek laten.",
	  { { NULL, NULL } } },
	{ "Statushouders vinden moeilijk betaald werk", "Stichting Taalmaatjes Zuidwest", "WK034408",
	  "statushouders", "formulated",
	  "Statushouders willen werken, maar lopen vast op taal, erkenning van diploma's en regels rond "
	  "de uitkering.",
	  "Taalmaatjes en werkgevers uit de wijk hebben samen gezocht naar **leerwerkplekken** waar "
	  "taal en werk samengaan.",
	  { { "on_agenda", "Werkgevers uit Zuidwest en de gemeente zeggen steun toe." },
	    { "in_progress", "Twintig leerwerkplekken bij vijf bedrijven ingericht." },
	    { "closed", "Vijftien deelnemers hebben een contract; de aanpak gaat over naar de gemeente." } } },
	{ "Te weinig groen en ontmoeting langs de Vecht", "Bewonersinitiatief De Groene Vecht", "WK034403",
	  "bewoners|kinderen", "formulated",
	  "Langs de Vecht in Overvecht is weinig plek om elkaar te ontmoeten. Bewoners willen een "
	  "buurttuin en bankjes.",
	  "Bewoners hebben handtekeningen verzameld voor een **buurttuin**. De grond is van de gemeente "
	  "en de woningcorporatie.",
	  { { "on_agenda", "Ingebracht bij het wijkbureau." },
	    { "formulated", "Terug naar formuleren: eerst met meer bewoners bepalen wat de tuin moet worden." } } },
	{ "Energiearmoede in oude huurwoningen", "Gemeente Utrecht, team Sociaal Domein", "GM0344",
	  "huurders|ouderen", "formulated",
	  "Huurders van slecht geïsoleerde woningen kunnen de energierekening niet meer betalen en "
	  "zitten in de kou.",
	  "De gemeente, woningcorporaties en energiecoaches werken samen aan **snelle maatregelen** in "
	  "de woningen die het slechtst scoren.",
	  { { "on_agenda", "Vastgesteld als prioriteit van het college." },
	    { "in_progress", "Energiecoaches bezoeken 500 huishoudens; de corporatie isoleert 200 woningen." } } },
	{ "Laaggeletterdheid blijft onzichtbaar", "Hogeschool Utrecht, lectoraat Sociale Innovatie", "GM0344",
	  "laaggeletterden", "formulated",
	  "Veel inwoners kunnen moeilijk lezen en schrijven, maar dat valt organisaties vaak niet op.",
	  "Het lectoraat onderzocht hoe brieven en formulieren van organisaties drempels opwerpen.",
	  { { "archived", "Opgegaan in het bredere vraagstuk over begrijpelijke brieven van de gemeente." } } },
	{ "Voedselonzekerheid bij studenten", "Voedselbank Utrecht", "GM0344",
	  "studenten|jongeren", "signalled",
	  "Steeds meer studenten melden zich bij de voedselbank of slaan maaltijden over.",
	  "De voedselbank ziet een nieuwe groep: studenten met hoge huren en schulden. Zij vallen vaak "
	  "buiten bestaande regelingen.",
	  { { NULL, NULL } } },
	{ "Ouders in Overvecht zoeken steun bij opvoeding", "Ouderinitiatief Samen Sterk Overvecht", "WK034403",
	  "ouders|jongeren", "formulated",
	  "Ouders voelen zich alleen staan bij de opvoeding van hun pubers en weten niet waar ze met "
	  "vragen terecht kunnen.",
	  "Ouders hebben zelf een **ouderkring** opgezet. Zij willen dat scholen, jongerenwerk en het "
	  "buurtteam beter samenwerken.",
	  { { "on_agenda", "Besproken met scholen en het buurtteam; afgesproken om samen op te trekken." } } },
};

static const char *party_id(struct store *s, struct arena *a, const char *name)
{
	struct store_stmt *st = store_prepare(store_reader(s), "SELECT id FROM parties WHERE name = ?1");
	if (!st)
		return NULL;
	store_bind_str(st, 1, name);
	const char *id = store_step(st) == STORE_ROW ? arena_strdup(a, store_text(st, 0)) : NULL;
	store_reset(st);
	return id;
}

int demo_issues_load(struct store *s, const struct viewer *admin)
{
	struct arena *a = arena_new();
	int rc = 0;
	for (size_t i = 0; !rc && i < sizeof demo_issues / sizeof demo_issues[0]; i++) {
		const struct demo_issue *d = &demo_issues[i];
		const char *groups[ISSUE_GROUPS_MAX];
		size_t ng = 0;
		for (const char *g = d->groups; *g && ng < ISSUE_GROUPS_MAX;) {
			const char *bar = strchr(g, '|');
			size_t n = bar ? (size_t)(bar - g) : strlen(g);
			groups[ng++] = arena_strndup(a, g, n);
			g += n + (bar ? 1 : 0);
		}
		struct issue is = {
			.title = d->title, .summary = d->summary, .description = d->description,
			.area = d->area, .owner_party = party_id(s, a, d->owner),
			.target_groups = { groups, ng }, .status = d->status,
		};
		struct problems p = { 0 };
		if ((rc = issue_create(s, a, admin, &is, &p))) {
			log_error("demo issue %s: %s", d->title, p.n ? p.v[0].field : err_str(rc));
			break;
		}
		for (size_t m = 0; !rc && m < 4 && d->moves[m].to; m++) {
			struct issue_transition t;
			unsigned allowed;
			if ((rc = issue_move(s, a, admin, is.id, d->moves[m].to, d->moves[m].reason, &t, &p, &allowed)))
				log_error("demo issue %s, move to %s: %s", d->title, d->moves[m].to, err_str(rc));
		}
	}
	arena_free(a);
	return rc;
}
