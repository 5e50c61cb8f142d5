/* i18n: every text of the pages, in Dutch and English, in one catalogue.
 *
 * Written in plain language (B1). A page asks for a text by its key:
 * T(r, M_NAV_PARTIES). Texts with a %s or %lld are formats for html_f.
 * A text with a count has two keys, the one for 1 ending in _1 beside the
 * one for any other number: TN(r, M_X_1, M_X, n) picks. */
#ifndef KIEM_I18N_H
#define KIEM_I18N_H

#include "../base/lang.h"

#define MESSAGES(X) \
	X(SITE_NAME, "kiem", "kiem") \
	X(SITE_TAGLINE, "Samen werken aan sociale innovatie", "Working together on social innovation") \
	X(SKIP, "Naar de inhoud", "Skip to content") \
	X(NAV_LABEL, "Hoofdmenu", "Main menu") \
	X(NAV_HOME, "Overzicht", "Overview") \
	X(NAV_PARTIES, "Partijen", "Parties") \
	X(NAV_LOGIN, "Inloggen", "Log in") \
	X(NAV_ACCOUNT, "Account", "Account") \
	X(NAV_LOGOUT, "Uitloggen", "Log out") \
	X(NAV_ACTIVITY, "Activiteit", "Activity") \
	X(NAV_USERS, "Gebruikers", "Users") \
	X(OTHER_LANG, "English", "Nederlands") \
	X(OTHER_LANG_LABEL, "Read this page in English", "Lees deze pagina in het Nederlands") \
	/* _HTML: markup, written with html_raw(); the dossier's Dutch title keeps lang="nl" */ \
	X(FOOTER_HTML, "kiem is de infrastructuur van een sociaal ecosysteem, gebouwd op het dossier <cite lang=\"nl\">Wat werkt bij sociale innovatie</cite> van Movisie.", \
	  "kiem is the infrastructure of a social ecosystem, built on the Movisie dossier <cite lang=\"nl\">Wat werkt bij sociale innovatie</cite> (What works in social innovation).") \
	X(FOOTER_API, "Open data", "Open data") \
	/* /open-data: the API and the downloads in plain words */ \
	X(OPEN_INTRO, "Wat openbaar is in kiem, kun je ook zelf gebruiken: in een eigen programma, op een website of voor onderzoek. Het is gratis, en je hebt er geen account voor nodig.", \
	  "What is public in kiem, you can use yourself too: in a program of your own, on a website or for research. It is free, and you can use it without an account.") \
	X(OPEN_WHAT_TITLE, "Wat je kunt ophalen", "What you can get") \
	X(OPEN_PARTIES, "De partijen", "The parties") \
	X(OPEN_PARTIES_TEXT, "op de sociale kaart: wie ze zijn, in welke gebieden ze werken, wat ze doen en hoe je ze bereikt.", \
	  "on the social map: who they are, the areas they work in, what they do and how to reach them.") \
	X(OPEN_ISSUES, "De sociale vraagstukken", "The social issues") \
	X(OPEN_ISSUES_TEXT, "waar partijen samen aan werken: hoe ver ze zijn en hoeveel mensen ze steunen.", \
	  "that parties work on together: how far they have come and how many people support them.") \
	X(OPEN_AREAS, "De gebieden", "The areas") \
	X(OPEN_AREAS_TEXT, "waarin partijen werken: de gemeente, haar wijken en buurten, met de codes van het CBS.", \
	  "that parties work in: the municipality, its districts and neighbourhoods, with the codes of Statistics Netherlands (CBS).") \
	X(OPEN_ROLES, "De rollen", "The roles") \
	X(OPEN_ROLES_TEXT, "die partijen in een ecosysteem kunnen hebben, uit het dossier van Movisie.", \
	  "that parties can take in an ecosystem, from the Movisie dossier.") \
	X(OPEN_REGISTER, "Het verwerkingsregister", "The processing register") \
	X(OPEN_REGISTER_TEXT, "van kiem: wat kiem over mensen bewaart, waarom en hoe lang.", "of kiem: what kiem keeps about people, why and for how long.") \
	X(OPEN_HOW_TITLE, "Hoe het werkt", "How it works") \
	X(OPEN_HOW_JSON, "Elke link geeft een lijst in JSON. Dat is een tekstvorm die bijna elk programma kan lezen. Open een link in je browser, dan zie je de gegevens zelf.", \
	  "Each link gives a list in JSON. That is a form of text almost any program can read. Open a link in your browser to see the data itself.") \
	X(OPEN_HOW_PAGES, "Een lijst komt in delen van 20. Zet limit=100 in de link voor delen van 100. Bij elk deel staat de link naar het volgende deel, onder \"next\".", \
	  "A list comes in parts of 20. Put limit=100 in the link for parts of 100. Each part holds the link to the next part, under \"next\".") \
	X(OPEN_HOW_FILTER, "Je kunt zoeken en kiezen met de link. Bijvoorbeeld alle partijen uit het sociaal werk:", \
	  "You can search and choose with the link. For example all parties from social work:") \
	X(OPEN_HOW_TIME, "Tijden staan in UTC, de wereldtijd.", "Times are in UTC, coordinated universal time.") \
	X(OPEN_DOCS, "Voor ontwikkelaars: alles wat de API kan, staat in de beschrijving", "For developers: everything the API does is in its description") \
	X(OPEN_DOWNLOAD_TITLE, "Downloaden", "Downloads") \
	X(OPEN_DOWNLOAD_OWN, "Je eigen gegevens download je op je accountpagina, in één bestand: alles wat kiem over jou bewaart.", \
	  "You download your own data on your account page, in one file: everything kiem keeps about you.") \
	X(OPEN_DOWNLOAD_OWN_LINK, "Naar je accountpagina", "To your account page") \
	X(OPEN_DOWNLOAD_LISTS, "Een hele lijst in één keer downloaden, bijvoorbeeld als spreadsheet, kan nog niet. Haal een lijst deel voor deel op, zoals hierboven staat.", \
	  "Downloading a whole list at once, for example as a spreadsheet, is not possible yet. Get a list part by part, as described above.") \
	X(OPEN_NOT_TITLE, "Wat er niet in staat", "What is not in it") \
	X(OPEN_NOT_TEXT, "Alleen wat iedereen in kiem mag zien, staat in de open data. E-mailadressen van mensen, besloten partijen en signalen staan er niet in. Een reactie die je bij een vraagstuk schrijft, staat er wel in, met je naam, net als op de pagina.", \
	  "Only what everyone may see in kiem is in the open data. People's email addresses, private parties and signals are not in it. A comment you write on an issue is in it, with your name, just as on the page.") \
	X(OPEN_WRITE, "Wil je met een programma ook iets veranderen, bijvoorbeeld de gegevens van je partij? Dan heb je een sleutel nodig: een API-token. Die maak je op je accountpagina.", \
	  "Do you want a program to change something too, such as your party's data? Then you need a key: an API token. You make one on your account page.") \
	X(OPEN_WRITE_LINK, "Een API-token maken", "Make an API token") \
	X(LOGGED_IN_AS, "Ingelogd als %s", "Logged in as %s") \
	/* issue 4, issues core (helper 1): social issues (vraagstukken) */ \
	X(NAV_ISSUES, "Vraagstukken", "Social issues") \
	X(ISSUES_TITLE, "Vraagstukken", "Social issues") \
	X(ISSUES_INTRO, "Een vraagstuk is een probleem in de samenleving dat partijen samen willen aanpakken, zoals eenzaamheid of schulden. Partijen schrijven het op, zetten het op de agenda en werken er samen aan.", \
	  "A social issue is a problem in society that parties want to tackle together, such as loneliness or debt. Parties write it down, put it on the agenda and work on it together.") \
	X(ISSUES_EMPTY, "Er zijn nog geen vraagstukken. Een vraagstuk begint vaak met signalen: kansen, knelpunten of leemtes die partijen in de wijk zien. Daarna schrijft een partij het vraagstuk op: wat is het probleem, voor wie en waar? Dan kan het op de agenda komen, zodat partijen er samen aan werken.", \
	  "There are no social issues yet. An issue often starts with signals: opportunities, bottlenecks or gaps that parties see in the neighbourhood. Then a party writes the issue down: what is the problem, for whom and where? Then it can go on the agenda, so that parties work on it together.") \
	X(ISSUES_NONE, "Geen vraagstukken gevonden. Probeer andere zoekwoorden of minder filters.", "No social issues found. Try other search words or fewer filters.") \
	X(ISSUES_RESULTS, "Gevonden vraagstukken", "Social issues found") \
	X(ISSUE_ADD, "Vraagstuk opschrijven", "Write down a social issue") \
	X(ISSUE_ADD_LOGIN, "Log in om een vraagstuk op te schrijven", "Log in to write down a social issue") \
	X(ISSUE_STATUS, "Status", "Status") \
	X(FILTER_STATUS_ALL, "Alle statussen", "All statuses") \
	X(ISSUE_OWNER, "Eigenaar", "Owner") \
	X(FILTER_OWNER_ALL, "Alle eigenaren", "All owners") \
	X(ISSUE_OWNER_GONE, "Geen (de partij is verwijderd)", "None (the party was removed)") \
	X(ISSUE_OWNER_PRIVATE, "Een partij die niet openbaar is", "A party that is not public") \
	X(TARGET_GROUP, "Doelgroep", "Target group") \
	X(TARGET_GROUPS, "Doelgroepen", "Target groups") \
	X(TARGET_GROUPS_HINT, "Voor wie is dit een probleem? Scheid met komma's, zoals: jongeren, mantelzorgers. Hoogstens 10.", \
	  "For whom is this a problem? Separate with commas, like: young people, carers. At most 10.") \
	X(SORT_ISSUE_NEWEST, "Nieuwste eerst", "Newest first") \
	X(SORT_ISSUE_OLDEST, "Oudste eerst", "Oldest first") \
	X(SORT_ISSUE_CHANGED, "Laatst van status veranderd", "Status changed most recently") \
	X(ISSUE_NEW_TITLE, "Vraagstuk opschrijven", "Write down a social issue") \
	X(ISSUE_EDIT_TITLE, "Vraagstuk bewerken", "Edit the social issue") \
	X(ISSUE_TITLE_LABEL, "Titel", "Title") \
	X(ISSUE_TITLE_HINT, "Kort en duidelijk, zoals: Eenzaamheid onder ouderen in Overvecht.", "Short and clear, like: Loneliness among older people in Overvecht.") \
	X(ISSUE_SUMMARY, "Samenvatting", "Summary") \
	X(ISSUE_SUMMARY_HINT, "Wat is het probleem, in een paar zinnen? Hoogstens 500 tekens.", "What is the problem, in a few sentences? At most 500 characters.") \
	X(ISSUE_DESCRIPTION_HINT, "Meer uitleg: wat zie je, bij wie, en sinds wanneer? Je kunt Markdown gebruiken, zoals **vet** en lijstjes.", \
	  "More explanation: what do you see, with whom, and since when? You can use Markdown, like **bold** and lists.") \
	X(ISSUE_AREA_HINT, "Waar speelt het vraagstuk?", "Where does the issue play?") \
	X(ISSUE_OWNER_HINT, "De partij die het vraagstuk trekt. Je kiest uit de partijen waar je lid van bent.", \
	  "The party that leads the issue. You choose from the parties you are a member of.") \
	X(ISSUE_OWNER_ID_HINT, "Het id van de partij, zoals op het adres van haar pagina.", "The id of the party, as in the address of its page.") \
	X(ISSUE_OWNER_CHOOSE, "Kies een partij", "Choose a party") \
	X(ISSUE_NO_PARTIES, "Je bent nog geen lid van een partij. Alleen leden van een partij kunnen een vraagstuk opschrijven. Vraag een partij om je uit te nodigen, of maak zelf een partij.", \
	  "You are not a member of a party yet. Only members of a party can write down a social issue. Ask a party to invite you, or make a party yourself.") \
	X(ISSUE_START, "Begint als", "Starts as") \
	X(ISSUE_START_FORMULATED_HINT, "Je schrijft het vraagstuk nu op.", "You write the issue down now.") \
	X(ISSUE_START_SIGNALLED_HINT, "Het komt uit signalen en moet nog verder worden uitgewerkt.", "It comes from signals and still needs to be worked out.") \
	X(ISSUE_SAVED, "Het vraagstuk is opgeslagen.", "The social issue has been saved.") \
	X(ISSUE_MOVED, "De status is veranderd.", "The status has been changed.") \
	X(BACK_TO_ISSUES, "Terug naar alle vraagstukken", "Back to all social issues") \
	X(ISSUE_STEPS, "Stappen van het vraagstuk", "Steps of the social issue") \
	X(ISSUE_STEP_NOW, "nu", "now") \
	X(ISSUE_ARCHIVED_NOTE, "Dit vraagstuk is gearchiveerd. De status kan niet meer veranderen.", "This social issue is archived. Its status cannot change any more.") \
	X(ISSUE_TIMELINE, "Tijdlijn", "Timeline") \
	X(ISSUE_TIMELINE_START, "Begonnen als: %s", "Started as: %s") \
	X(ISSUE_TIMELINE_MOVE, "Van %s naar %s", "From %s to %s") \
	X(ISSUE_TIMELINE_BY, "door %s", "by %s") \
	X(ISSUE_TIMELINE_SYSTEM, "door kiem", "by kiem") \
	X(ISSUE_MOVE_TITLE, "Status veranderen", "Change the status") \
	X(ISSUE_MOVE_TO, "Nieuwe status", "New status") \
	X(ISSUE_MOVE_TO_HINT, "Je kunt een stap verder, een stap terug, of het vraagstuk archiveren.", "You can go a step further, a step back, or archive the issue.") \
	X(ISSUE_REASON, "Reden", "Reason") \
	X(ISSUE_REASON_HINT, "Waarom verandert de status? Iedereen kan de reden lezen op de tijdlijn.", "Why does the status change? Everyone can read the reason on the timeline.") \
	X(ISSUE_MOVE_SUBMIT, "Status veranderen", "Change the status") \
	X(ISSUE_ROLES_LINK, "Welke partijen welke rol hebben bij dit vraagstuk", "Which parties take which role in this issue") \
	X(ISSUE_SUPPORTERS, "Steun", "Support") \
	X(ISSUE_SUPPORTERS_N_1, "%lld mens", "%lld person") \
	X(ISSUE_SUPPORTERS_N, "%lld mensen", "%lld people") \
	X(ISSUE_FACTS, "Over dit vraagstuk", "About this issue") \
	X(PARTY_ISSUES, "Vraagstukken van deze partij", "Social issues of this party") \
	X(PARTY_ISSUES_ALL, "Alle vraagstukken van deze partij", "All social issues of this party") \
	X(ACTION_MOVE, "Status veranderd", "Status changed") \
	X(OBJECT_ISSUE, "Vraagstuk", "Social issue") \
	/* end of issues core */ \
	/* signals (issue 4, signals part) */ \
	X(NAV_SIGNALS, "Signalen", "Signals") \
	X(SIG_TITLE, "Signalen", "Signals") \
	X(SIG_INTRO, "Een signaal is een kans, een knelpunt of een leemte die je ziet in je werk of in de buurt. Signalen die op elkaar lijken, staan bij elkaar. Van een signaal kan een vraagstuk worden.", \
	  "A signal is an opportunity, a bottleneck or a gap you see in your work or in the neighbourhood. Signals that are alike are shown together. A signal can become a social issue.") \
	X(SIG_ADD, "Meld een signaal", "Report a signal") \
	X(SIG_MINE, "Mijn signalen", "My signals") \
	X(SIG_MINE_PAGING, "Bladeren door mijn signalen", "Pages of my signals") \
	X(SIG_MINE_NONE, "Je hebt nog geen signalen gemeld.", "You have not reported any signals yet.") \
	X(SIG_INBOX, "Inbox", "Inbox") \
	X(SIG_INBOX_HINT, "Je ziet de signalen die voor je partijen zijn gemeld of naar ze zijn doorgestuurd, de signalen van bewoners in het gebied van je geverifieerde partijen die signalen opsporen, en de signalen in de gebieden die je coördineert.", \
	  "You see the signals reported for your parties or sent to them, the signals of residents in the area of your verified parties that detect signals, and the signals in the areas you coordinate.") \
	X(SIG_INBOX_NONE, "Er zijn geen signalen die passen bij je zoekopdracht.", "There are no signals that match your search.") \
	X(SIG_KIND, "Soort signaal", "Kind of signal") \
	X(SIG_KIND_ALL, "Alle soorten", "All kinds") \
	X(SIG_STATUS, "Status", "Status") \
	X(SIG_STATUS_ALL, "Alle statussen", "All statuses") \
	X(SIG_TARGET_GROUP, "Doelgroep", "Target group") \
	X(SIG_TARGET_GROUP_HINT, "Eén doelgroep, kort. Bijvoorbeeld: jongeren, ouderen of mantelzorgers.", \
	  "One target group, short. For example: young people, older people or carers.") \
	X(SIG_REGULATORY, "Regels", "Rules") \
	X(SIG_REG_ALL, "Alle signalen", "All signals") \
	X(SIG_REG_ONLY, "Alleen als een regel in de weg staat", "Only where a rule stands in the way") \
	X(SIG_REG_NOT, "Alleen als er geen regel in de weg staat", "Only where no rule stands in the way") \
	X(SIG_REG_CHECK, "Er staat een regel in de weg", "A rule stands in the way") \
	X(SIG_REG_HINT, "Kies dit als een wet of regel het lastig maakt. Het signaal gaat dan naar de geverifieerde overheidspartij van het gebied, of anders naar de coördinatoren van het gebied.", \
	  "Choose this if a law or rule makes it hard. The signal then goes to the verified government party of the area, or else to the coordinators of the area.") \
	X(SIG_PARTY, "Namens partij", "On behalf of party") \
	X(SIG_PARTY_HINT, "De partij waarvoor je dit meldt (je bent er lid van), of jijzelf als bewoner.", "The party you report this for (you are a member of it), or yourself as a resident.") \
	X(SIG_PARTY_NONE, "Je meldt dit signaal als bewoner. Het gaat naar de partijen die in dit gebied signalen opsporen en die kiem heeft geverifieerd, en naar de coördinatoren van het gebied. Zij zien je naam. Wat er met je signaal gebeurt, zie je onder Mijn signalen.", \
	  "You report this signal as a resident. It goes to the parties that detect signals in this area and that kiem has verified, and to the coordinators of the area. They see your name. What happens to your signal, you see under My signals.") \
	X(SIG_AS_RESIDENT_CHOICE, "Als bewoner, niet namens een partij", "As a resident, not on behalf of a party") \
	X(SIG_AS_RESIDENT_HINT, "Het gaat naar de geverifieerde partijen die in het gebied signalen opsporen, en naar de coördinatoren van het gebied.", \
	  "It goes to the verified parties that detect signals in the area, and to the coordinators of the area.") \
	X(SIG_AS_RESIDENT, ", als bewoner", ", as a resident") \
	X(SIG_TITLE_LABEL, "Titel", "Title") \
	X(SIG_TITLE_HINT, "In één zin: wat zie je?", "In one sentence: what do you see?") \
	X(SIG_DESC_HINT, "Wat speelt er, voor wie en waar?", "What is going on, for whom and where?") \
	X(SIG_RULE, "Welke regel staat in de weg?", "Which rule stands in the way?") \
	X(SIG_RULE_HINT, "Vul dit alleen in als je hierboven hebt gekozen dat een regel in de weg staat. Noem de regel of de wet.", \
	  "Only fill this in if you chose above that a rule stands in the way. Name the rule or the law.") \
	X(SIG_NEW_TITLE, "Meld een signaal", "Report a signal") \
	X(SIG_SUBMIT, "Signaal melden", "Report the signal") \
	X(SIG_SAVED, "Het signaal is gemeld.", "The signal has been reported.") \
	X(SIG_DONE, "Gelukt.", "Done.") \
	X(SIG_BACK, "Terug naar signalen", "Back to signals") \
	X(SIG_CLUSTER_COUNT, "%lld signalen die op elkaar lijken", "%lld signals that are alike") \
	X(SIG_CLUSTER_TITLE, "Signalen die hierop lijken", "Signals like this one") \
	X(SIG_REPORTED_BY, "Gemeld door", "Reported by") \
	X(SIG_REPORTED_ON, "Gemeld op", "Reported on") \
	X(SIG_ROUTED, "Doorgestuurd naar", "Sent to") \
	X(SIG_ROUTED_NONE, "Er is geen geverifieerde overheidspartij voor dit gebied of een groter gebied eromheen. De coördinatoren van het gebied pakken het op.", \
	  "There is no verified government party for this area or a larger area around it. The coordinators of the area take it up.") \
	X(SIG_ISSUE, "Vraagstuk", "Social issue") \
	X(SIG_ISSUE_NONE, "Nog niet opgepakt in een vraagstuk.", "Not taken up in a social issue yet.") \
	X(SIG_OUTCOME, "Wat ermee gebeurde", "What became of it") \
	X(SIG_STATUS_REASON, "Reden", "Reason") \
	X(SIG_MOVE_TITLE, "Status veranderen", "Change the status") \
	X(SIG_MOVE_TO, "Nieuwe status", "New status") \
	X(SIG_MOVE_REASON_HINT, "Verplicht als je het signaal afwijst.", "Required when you dismiss the signal.") \
	X(SIG_MOVE_NOT_ALLOWED, "Die stap kan niet. Vanaf deze status kan het signaal naar: %s.", "That step is not possible. From this status the signal can move to: %s.") \
	X(SIG_TAKE_UP_TITLE, "Maak er een vraagstuk van", "Make it a social issue") \
	X(SIG_TAKE_UP_HINT, "Het nieuwe vraagstuk krijgt de status gesignaleerd. Laat je een veld leeg, dan komt de tekst van het signaal erin.", \
	  "The new social issue will have the status signalled. If you leave a field empty, the text of the signal is used.") \
	X(SIG_TAKE_UP_CLUSTER, "Neem de hele groep van %lld signalen mee", "Take the whole group of %lld signals along") \
	X(SIG_TAKE_UP_CLUSTER_HINT, "Dan gaan ook de signalen van andere partijen en bewoners die je niet ziet mee in het vraagstuk (maar niet de afgewezen signalen). Wie ze meldde, krijgt bericht. Hun tekst zie je niet, en op de pagina van het vraagstuk staat hun titel alleen voor wie ze mag lezen.", \
	  "Then the signals of other parties and residents that you do not see go into the social issue too (but not the dismissed ones). Whoever reported them is told. You do not see their text, and the page of the social issue shows their title only to those who may read them.") \
	X(SIG_TAKE_UP_SEEN, "Neem de %lld signalen van de groep mee die je ziet", "Take the %lld signals of the group that you see along") \
	X(SIG_TAKE_UP_SEEN_HINT, "Signalen van de groep die je niet ziet, gaan niet mee: die neemt alleen een beheerder, een coördinator van het gebied of een lid van een geverifieerde partij mee.", \
	  "Signals of the group that you do not see do not go along: only an administrator, a coordinator of the area or a member of a verified party takes those along.") \
	X(SIG_TAKE_UP_SUBMIT, "Vraagstuk maken", "Make the social issue") \
	X(SIG_ISSUE_TITLE, "Titel van het vraagstuk", "Title of the social issue") \
	X(SIG_ISSUE_SUMMARY, "Samenvatting van het vraagstuk", "Summary of the social issue") \
	X(SIG_LINK_TITLE, "Koppel aan een vraagstuk dat er al is", "Link to an existing social issue") \
	X(SIG_LINK_CHOOSE, "Kies een vraagstuk", "Choose a social issue") \
	X(SIG_LINK_SUBMIT, "Koppelen", "Link") \
	X(SIG_LINK_CLUSTER, "De hele groep van %lld signalen gaat mee.", "The whole group of %lld signals goes along.") \
	X(SIG_LINK_SEEN, "De %lld signalen van de groep die je ziet, gaan mee.", "The %lld signals of the group that you see go along.") \
	X(SIG_ALREADY, "Dit signaal is al opgepakt in een vraagstuk.", "This signal has already been taken up in a social issue.") \
	X(SIG_DECISIONS, "Besluiten over de regel", "Decisions on the rule") \
	X(SIG_DECISIONS_NONE, "Er is nog geen besluit over de regel.", "There is no decision on the rule yet.") \
	X(SIG_DECISION, "Besluit", "Decision") \
	X(SIG_DECISION_REASON, "Toelichting op het besluit", "Explanation of the decision") \
	X(SIG_DECIDE_TITLE, "Besluit vastleggen", "Record a decision") \
	X(SIG_DECIDE_HINT, "Als verantwoordelijke van de overheidspartij legt u vast wat er met de regel gebeurt. Het besluit is openbaar.", \
	  "As the person responsible in the government party, you record what happens with the rule. The decision is public.") \
	X(SIG_DECIDE_SUBMIT, "Besluit vastleggen", "Record the decision") \
	X(SIG_DECIDE_CONFLICT, "Over dit signaal kan geen besluit meer worden vastgelegd.", "No decision can be recorded on this signal any more.") \
	X(SIG_DECIDED_BY, "door %s", "by %s") \
	X(SIG_PART_TITLE, "Signalen in dit vraagstuk", "Signals in this social issue") \
	X(SIG_PART_OTHERS_ONE, "En 1 signaal van een andere partij of bewoner, dat alleen zij en wie het behandelen lezen.", \
	  "And 1 signal of another party or resident, which only they and those who handle it read.") \
	X(SIG_PART_OTHERS, "En %lld signalen van andere partijen of bewoners, die alleen zij en wie ze behandelen lezen.", \
	  "And %lld signals of other parties or residents, which only they and those who handle them read.") \
	X(SIG_RULE_SHORT, "Regel", "Rule") \
	X(ACTION_SIG_TAKE_UP, "Opgepakt in een vraagstuk", "Taken up in a social issue") \
	X(ACTION_SIG_DECIDE, "Besluit over een regel", "Decision on a rule") \
	X(OBJECT_SIGNAL, "Signaal", "Signal") \
	X(SIG_UNCLUSTER, "Haal dit signaal uit de groep", "Take this signal out of the group") \
	X(SIG_UNCLUSTER_HINT, "Lijkt dit signaal toch niet op de andere? Haal het dan uit de groep.", \
	  "Is this signal not like the others after all? Then take it out of the group.") \
	/* errors */ \
	X(ERR_400, "Dat klopt niet", "That is not right") \
	X(ERR_400_TEXT, "Het verzoek klopt niet. Ga terug en probeer het nog eens.", "The request is not right. Go back and try again.") \
	X(ERR_403, "Dat mag niet", "Not allowed") \
	X(ERR_403_TEXT, "Je mag dit niet doen. Kwam je via een oud formulier? Laad de pagina opnieuw en probeer het nog eens.", \
	  "You may not do this. Did you use an old form? Reload the page and try again.") \
	X(ERR_404, "Pagina niet gevonden", "Page not found") \
	X(ERR_404_TEXT, "Op dit adres staat niets. Misschien is het verplaatst of verwijderd, of zit er een tikfout in het adres.", \
	  "There is nothing at this address. It may have been moved or removed, or the address has a typo.") \
	X(ERR_405, "Dat kan hier niet", "Not possible here") \
	X(ERR_405_TEXT, "Deze pagina kan dit verzoek niet afhandelen.", "This page cannot handle this request.") \
	X(ERR_413, "Te veel tekst", "Too much text") \
	X(ERR_413_TEXT, "Wat je stuurde is te groot. Maak de tekst korter en probeer het nog eens.", "What you sent is too large. Make the text shorter and try again.") \
	X(ERR_414, "Adres te lang", "Address too long") \
	X(ERR_414_TEXT, "Dit adres is te lang of zoekt op te veel dingen tegelijk. Zoek op minder en probeer het nog eens.", "This address is too long, or searches for too many things at once. Search for fewer and try again.") \
	X(ERR_415, "Dat formulier kennen we niet", "Unknown form") \
	X(ERR_415_TEXT, "Dit formulier is op een manier verstuurd die kiem niet kent.", "This form was sent in a way kiem does not know.") \
	X(ERR_500, "Er ging iets mis", "Something went wrong") \
	X(ERR_500_TEXT, "Er ging bij ons iets mis. Er is niets veranderd. Probeer het straks nog eens.", "Something went wrong on our side. Nothing was changed. Please try again later.") \
	X(ERR_BACK_HOME, "Naar het overzicht", "To the overview") \
	/* home */ \
	X(HOME_TITLE, "Het ecosysteem in één oogopslag", "The ecosystem at a glance") \
	X(HOME_INTRO, "Sociale innovatie gedijt het best in een krachtig ecosysteem: burgerinitiatieven, sociaal werk, overheid, bedrijfsleven en kennisinstituten die elkaar vinden rond een sociaal vraagstuk. Hier zie je wie er meedoet.", \
	  "Social innovation thrives in a strong ecosystem: citizen initiatives, social work, government, business and knowledge institutes that find each other around a social issue. Here you see who takes part.") \
	X(HOME_BY_KIND, "Partijen per soort", "Parties by kind") \
	X(HOME_BY_AREA, "Partijen per gebied", "Parties by area") \
	X(TABLE_SCROLL_HINT, "Schuif de tabel opzij om alle kolommen te zien.", "Scroll the table sideways to see all its columns.") \
	X(HOME_BY_AREA_HINT, "Het aantal partijen dat actief is in het gebied, in een deel ervan of in een groter gebied waar het onder valt.", \
	  "The number of parties active in the area, in part of it, or in a larger area it belongs to.") \
	X(HOME_COUNTING, "De cijfers zijn er zo. Probeer het over een paar seconden opnieuw.", \
	  "The figures are almost ready. Try again in a few seconds.") \
	X(HOME_COUNTS_PUBLIC, "Het gaat om de openbare partijen.", "These are the public parties.") \
	X(HOME_MISSING, "Nog geen partijen van deze soort", "No parties of this kind yet") \
	X(HOME_ALL_1, "Bekijk de %lld partij", "See the %lld party") \
	X(HOME_ALL, "Bekijk alle %lld partijen", "See all %lld parties") \
	X(HOME_PARTIES_1, "%lld partij", "%lld party") \
	X(HOME_PARTIES, "%lld partijen", "%lld parties") \
	X(AREA, "Gebied", "Area") \
	X(TOTAL, "Totaal", "Total") \
	X(AREA_CODE, "Gebied (code)", "Area (code)") \
	X(AREA_CODE_HINT, "De CBS-code van een gemeente, wijk of buurt, zoals GM0344.", "The CBS code of a municipality, district or neighbourhood, like GM0344.") \
	/* issue 4, factors and the role ledger (helper 4) */ \
	X(BACK_TO_ISSUE, "Terug naar het vraagstuk", "Back to the issue") \
	X(FACTORS_TITLE, "Omgevingsfactoren", "Environmental factors") \
	X(FACTORS_INTRO, "Wat in de omgeving helpt of remt de samenwerking rond dit vraagstuk? Het dossier noemt vier soorten: sociaal (normen), cultuur (waarden), economie (hulpbronnen) en politiek (wetten en beleid).", \
	  "What in the surroundings helps or hinders the collaboration around this issue? The dossier names four kinds: social (norms), cultural (values), economic (resources) and political (laws and policy).") \
	X(FACTORS_NONE, "Er zijn nog geen omgevingsfactoren vastgelegd.", "No environmental factors have been recorded yet.") \
	X(FACTORS_KIND_NONE, "Nog niets over deze soort.", "Nothing about this kind yet.") \
	X(FACTORS_SUMMARY_CAPTION, "Hoeveel factoren helpen en remmen, per soort", "How many factors help and hinder, per kind") \
	X(FACTORS_WHO, "Leden van de partijen die bij dit vraagstuk horen en coördinatoren van het gebied kunnen factoren toevoegen.", \
	  "Members of the parties that belong to this issue and coordinators of the area can add factors.") \
	X(FACTORS_LOGIN, "Log in om een factor toe te voegen", "Log in to add a factor") \
	X(FACTOR_KIND, "Soort factor", "Kind of factor") \
	X(FACTOR_KIND_HINT, "Waar gaat de factor over?", "What is the factor about?") \
	X(FACTOR_EFFECT, "Werking", "Effect") \
	X(FACTOR_EFFECT_HINT, "Helpt de factor de samenwerking, of remt hij die?", "Does the factor help the collaboration, or hinder it?") \
	X(FACTOR_DESCRIPTION, "Beschrijving", "Description") \
	X(FACTOR_DESCRIPTION_HINT, "Beschrijf in een paar zinnen wat er speelt. Hoogstens 2000 tekens.", "Describe in a few sentences what is going on. At most 2000 characters.") \
	X(FACTOR_ADD_TITLE, "Omgevingsfactor toevoegen", "Add an environmental factor") \
	X(FACTOR_ADD, "Factor toevoegen", "Add the factor") \
	X(FACTOR_EDIT_TITLE, "Omgevingsfactor wijzigen", "Change an environmental factor") \
	X(FACTOR_EDIT, "Wijzigen", "Change") \
	X(FACTOR_EDIT_LABEL, "Wijzigen: %s", "Change: %s") \
	X(FACTOR_DELETE, "Verwijderen", "Remove") \
	X(FACTOR_DELETE_LABEL, "Verwijderen: %s", "Remove: %s") \
	X(FACTOR_DELETE_TITLE, "Omgevingsfactor verwijderen", "Remove an environmental factor") \
	X(FACTOR_DELETE_CONFIRM, "Weet je zeker dat je deze factor wilt verwijderen?", "Are you sure you want to remove this factor?") \
	X(FACTOR_DELETE_YES, "Ja, verwijderen", "Yes, remove") \
	X(FACTOR_FULL, "Dit vraagstuk heeft al het grootste aantal factoren (100). Verwijder er eerst een.", \
	  "This issue already has the largest number of factors (100). Remove one first.") \
	X(LEDGER_LINK, "Bekijk het rollenregister: wie doet wat, en welke rollen zijn nog leeg", "See the role ledger: who does what, and which roles are still empty") \
	X(LEDGER_TITLE_OF, "Rollenregister: %s", "Role ledger: %s") \
	X(LEDGER_TITLE, "Rollenregister", "Role ledger") \
	X(LEDGER_INTRO, "Sociale innovatie lukt het best als verschillende partijen samenwerken: burgerinitiatieven, sociaal werk, overheid, bedrijfsleven en kennisinstituten. Elke partij heeft eigen rollen. Sociaal werk spoort bijvoorbeeld kansen en knelpunten op, en de overheid maakt ruimte in regels. Hier zie je wie welke rol oppakt bij dit vraagstuk, welke rollen en soorten partijen nog ontbreken, en welke partijen in de buurt ze kunnen oppakken.", \
	  "Social innovation works best when different parties work together: citizen initiatives, social work, government, business and knowledge institutes. Each party has roles of its own. Social work, for example, detects chances and bottlenecks, and government makes room in rules. Here you see who takes which role for this issue, which roles and kinds of parties are still missing, and which parties nearby could take them.") \
	X(LEDGER_SUMMARY_1, "%lld van de %lld rollen is nog leeg.", "%lld of the %lld roles is still empty.") \
	X(LEDGER_SUMMARY, "%lld van de %lld rollen zijn nog leeg.", "%lld of the %lld roles are still empty.") \
	X(LEDGER_SUMMARY_KINDS, "Nog geen partij van deze soorten: %s.", "No party yet of these kinds: %s.") \
	X(LEDGER_ALL_KINDS, "Alle vijf soorten partijen doen mee.", "All five kinds of parties take part.") \
	X(LEDGER_TABLE_CAPTION, "Rollen en soorten partijen bij dit vraagstuk. Per rol staan de partijen die hem oppakken in de kolom van hun soort.", \
	  "Roles and kinds of parties for this issue. For each role, the parties that take it are in the column of their kind.") \
	X(LEDGER_ROLE, "Rol", "Role") \
	X(LEDGER_STATE, "Stand", "State") \
	X(LEDGER_FILLED, "Ingevuld", "Filled") \
	X(LEDGER_EMPTY, "Leeg", "Empty") \
	X(LEDGER_TYPICAL, "typische soort, nog niemand", "typical kind, nobody yet") \
	X(LEDGER_NOBODY, "niemand", "nobody") \
	X(LEDGER_KINDS_TITLE, "Soorten partijen die meedoen", "Kinds of parties taking part") \
	X(LEDGER_OWNER, "eigenaar van het vraagstuk", "owner of the issue") \
	X(LEDGER_KIND_EMPTY, "Nog geen partij van deze soort.", "No party of this kind yet.") \
	X(LEDGER_EMPTY_ROLES_TITLE, "Lege rollen, en wie ze kan oppakken", "Empty roles, and who could take them") \
	X(LEDGER_EMPTY_ROLES_INTRO, "Deze partijen zijn actief in het gebied van het vraagstuk, in een gebied ernaast, in een groter gebied waar het onder valt of in een deel ervan. Eerst staan partijen die de rol zelf noemen, dan partijen van een soort die de rol vaak heeft. Daarbinnen komen eerst de partijen die het dichtstbij zijn, dan partijen met expertise die past bij het vraagstuk, dan partijen met meer uren per week. Bij elke partij staat waarom.", \
	  "These parties are active in the issue's area, in an area next to it, in a larger area it belongs to, or in a part of it. First come parties that name the role themselves, then parties of a kind that often has the role. Within those, the nearest parties come first, then parties with expertise that matches the issue, then parties with more hours a week. Each party says why.") \
	X(LEDGER_NO_EMPTY_ROLES, "Alle rollen zijn ingevuld.", "All roles are filled.") \
	X(LEDGER_EMPTY_KINDS_TITLE, "Ontbrekende soorten, en wie mee kan doen", "Missing kinds, and who could join") \
	X(LEDGER_NO_CANDIDATES, "Geen partijen gevonden in dit gebied.", "No parties found in this area.") \
	X(LEDGER_WHO_TITLE, "Wie doet wat", "Who does what") \
	X(LEDGER_WHO_NONE, "Nog geen partij heeft een rol opgepakt.", "No party has taken a role yet.") \
	X(LEDGER_GIVE_UP, "Teruggeven", "Give up") \
	X(LEDGER_GIVE_UP_LABEL, "Teruggeven: %s, de rol %s", "Give up: %s, the role %s") \
	X(LEDGER_TAKE_TITLE, "Een rol oppakken", "Take a role") \
	X(LEDGER_TAKE_INTRO, "Pakt jouw partij een rol op bij dit vraagstuk? Kies de partij en de rol.", "Does your party take a role for this issue? Choose the party and the role.") \
	X(LEDGER_PARTY, "Partij", "Party") \
	X(LEDGER_NOTE, "Toelichting", "Note") \
	X(LEDGER_NOTE_HINT, "Kort: wat doet de partij in deze rol? Hoogstens 300 tekens.", "Briefly: what does the party do in this role? At most 300 characters.") \
	X(LEDGER_TAKE, "Rol oppakken", "Take the role") \
	X(LEDGER_TAKE_LOGIN, "Log in om een rol op te pakken voor je partij", "Log in to take a role for your party") \
	X(LEDGER_TAKE_NO_PARTY, "Je bent nog geen lid van een partij. Word lid van een partij of maak er een, dan kun je een rol oppakken.", \
	  "You are not a member of a party yet. Join a party or make one, and then you can take a role.") \
	X(LEDGER_TAKEN, "De rol is opgepakt.", "The role has been taken.") \
	X(LEDGER_GIVEN_UP, "De rol is teruggegeven.", "The role has been given up.") \
	X(ACTION_TAKE_ROLE, "Rol opgepakt voor een vraagstuk", "Role taken for an issue") \
	X(ACTION_GIVE_UP_ROLE, "Rol teruggegeven", "Role given up") \
	X(LEDGER_FULL, "Bij dit vraagstuk staan al de meeste rollen die kunnen (200). Laat een partij er eerst een teruggeven.", \
	  "This issue already has the most roles it can hold (200). Let a party give one up first.") \
	/* end of factors and the role ledger */ \
	/* party list */ \
	X(PARTIES_TITLE, "Partijen", "Parties") \
	X(PARTIES_INTRO, "De sociale kaart: alle partijen in het ecosysteem. Zoek op naam of onderwerp, of kies een soort, gebied, rol of expertise.", \
	  "The social map: all parties in the ecosystem. Search by name or topic, or choose a kind, area, role or expertise.") \
	X(FILTER_LEGEND, "Zoeken en filteren", "Search and filter") \
	X(FILTER_Q, "Zoekwoorden", "Search words") \
	X(FILTER_KIND_ALL, "Alle soorten", "All kinds") \
	X(FILTER_AREA_ALL, "Alle gebieden", "All areas") \
	X(FILTER_ROLE_ALL, "Alle rollen", "All roles") \
	X(FILTER_TAG, "Expertise", "Expertise") \
	X(FILTER_SORT, "Sorteren", "Sort") \
	X(SORT_NAME_ASC, "Op naam (A tot Z)", "By name (A to Z)") \
	X(SORT_NAME_DESC, "Op naam (Z tot A)", "By name (Z to A)") \
	X(SORT_CREATED_ASC, "Oudste eerst", "Oldest first") \
	X(SORT_CREATED_DESC, "Nieuwste eerst", "Newest first") \
	X(FILTER_SUBMIT, "Zoeken", "Search") \
	X(FILTER_CLEAR, "Alles wissen", "Clear all") \
	X(PARTIES_NONE, "Geen partijen gevonden. Probeer andere zoekwoorden of minder filters.", "No parties found. Try other search words or fewer filters.") \
	X(PARTIES_RESULTS, "Resultaten", "Results") \
	X(PAGING, "Bladeren", "Pages") \
	X(PAGE_NEXT, "Volgende pagina", "Next page") \
	X(PAGE_FIRST, "Eerste pagina", "First page") \
	X(PARTY_ADD, "Partij toevoegen", "Add a party") \
	X(PARTY_ADD_LOGIN, "Log in om een partij toe te voegen.", "Log in to add a party.") \
	/* party page */ \
	X(KIND, "Soort partij", "Kind of party") \
	X(AREAS, "Gebieden", "Areas") \
	X(ROLES, "Rollen", "Roles") \
	X(TAGS, "Expertise", "Expertise") \
	X(CONTACT, "Contact", "Contact") \
	X(EMAIL, "E-mailadres", "Email address") \
	X(PHONE, "Telefoonnummer", "Phone number") \
	X(WEBSITE, "Website", "Website") \
	X(CAPACITY, "Capaciteit", "Capacity") \
	X(CAPACITY_HOURS_1, "%lld uur per week", "%lld hour a week") \
	X(CAPACITY_HOURS, "%lld uur per week", "%lld hours a week") \
	X(VISIBILITY, "Zichtbaarheid", "Visibility") \
	X(UPDATED, "Bijgewerkt", "Updated") \
	X(EDIT, "Bewerken", "Edit") \
	X(DELETE, "Verwijderen", "Delete") \
	X(NONE_GIVEN, "Niet ingevuld", "Not given") \
	X(SAVED, "De partij is opgeslagen.", "The party has been saved.") \
	X(DELETED, "De partij is verwijderd.", "The party has been deleted.") \
	X(BACK_TO_PARTIES, "Terug naar alle partijen", "Back to all parties") \
	/* issue 8: verified parties */ \
	X(VERIFICATION, "Verificatie", "Verification") \
	X(VERIFIED, "Geverifieerd", "Verified") \
	X(VERIFIED_BY, "Geverifieerd door %s op %s.", "Verified by %s on %s.") \
	X(VERIFIED_ON, "Geverifieerd op %s.", "Verified on %s.") \
	X(VERIFIED_HINT, "Een beheerder of een coördinator van het gebied heeft bevestigd dat deze partij is wie ze zegt.", \
	  "An administrator or a coordinator of the area has confirmed that this party is who it says it is.") \
	X(NOT_VERIFIED, "Niet geverifieerd.", "Not verified.") \
	X(NOT_VERIFIED_HINT, "Nog niemand heeft bevestigd dat deze partij is wie ze zegt. Zolang dat zo is, krijgt ze geen signalen van anderen: geen signalen over regels en geen signalen van bewoners.", \
	  "No one has confirmed yet that this party is who it says it is. Until then it receives no signals from others: no signals about rules and no signals from residents.") \
	X(VERIFY, "Verifiëren", "Verify") \
	X(VERIFY_HINT, "Heb je nagegaan dat deze partij is wie ze zegt? Verifieer haar dan. Een geverifieerde overheidspartij krijgt de signalen over regels in haar gebied.", \
	  "Have you checked that this party is who it says it is? Then verify it. A verified government party receives the signals about rules in its area.") \
	X(UNVERIFY, "Verificatie intrekken", "Withdraw the verification") \
	X(VERIFY_DONE, "De partij is geverifieerd.", "The party has been verified.") \
	X(UNVERIFY_DONE, "De verificatie is ingetrokken.", "The verification has been withdrawn.") \
	/* party form */ \
	X(PARTY_NEW_TITLE, "Nieuwe partij", "New party") \
	X(PARTY_EDIT_TITLE, "Partij bewerken", "Edit party") \
	X(NAME, "Naam", "Name") \
	X(NAME_HINT, "De naam van de organisatie of groep.", "The name of the organisation or group.") \
	X(KIND_HINT, "Welke van de vijf samenwerkingspartijen is dit?", "Which of the five collaborating parties is this?") \
	X(KIND_GOV_VERIFY_HINT, "Een overheidspartij krijgt pas signalen over regels als een beheerder of een coördinator van het gebied haar heeft geverifieerd.", \
	  "A government party receives signals about rules only after an administrator or a coordinator of the area has verified it.") \
	X(DESCRIPTION, "Beschrijving", "Description") \
	X(DESCRIPTION_HINT, "Wat doet de partij, en voor wie? Je kunt Markdown gebruiken, zoals **vet** en lijstjes.", \
	  "What does the party do, and for whom? You can use Markdown, like **bold** and lists.") \
	X(CAPACITY_LABEL, "Capaciteit in uren per week", "Capacity in hours a week") \
	X(CAPACITY_HINT, "Hoeveel uur per week kan de partij inzetten voor sociale innovatie? Een heel getal.", \
	  "How many hours a week can the party spend on social innovation? A whole number.") \
	X(AREAS_HINT, "Waar is de partij actief? Kies een of meer gebieden.", "Where is the party active? Choose one or more areas.") \
	X(AREAS_CODES_HINT, "Gebiedscodes van het CBS, gescheiden door komma's, zoals GM0344, WK034403.", \
	  "CBS area codes, separated by commas, like GM0344, WK034403.") \
	X(ROLES_HINT, "Wat doet de partij in het ecosysteem? Uit het dossier 'Wat werkt bij sociale innovatie'.", \
	  "What does the party do in the ecosystem? From the dossier 'What works in social innovation'.") \
	X(TAGS_HINT, "Onderwerpen waar de partij veel van weet, gescheiden door komma's. Bijvoorbeeld: jeugd, schulden, eenzaamheid.", \
	  "Topics the party knows a lot about, separated by commas. For example: youth, debts, loneliness.") \
	X(VISIBILITY_HINT, "Openbare partijen ziet iedereen.", "Everyone can see public parties.") \
	X(OPTIONAL, "(niet verplicht)", "(optional)") \
	X(SAVE, "Opslaan", "Save") \
	X(CANCEL, "Annuleren", "Cancel") \
	X(ERROR_SUMMARY, "Er is iets niet goed ingevuld", "Something is not filled in right") \
	X(ERROR_SUMMARY_TEXT, "Pas de volgende punten aan:", "Please change the following:") \
	X(ERROR_PREFIX, "Fout:", "Error:") \
	X(CONTACT_LEGEND, "Contactgegevens", "Contact details") \
	/* delete */ \
	X(DELETE_TITLE, "Partij verwijderen", "Delete party") \
	X(DELETE_CONFIRM, "Weet je zeker dat je '%s' wilt verwijderen? Dit kun je niet ongedaan maken.", \
	  "Are you sure you want to delete '%s'? You cannot undo this.") \
	X(DELETE_YES, "Ja, verwijderen", "Yes, delete") \
	X(DELETE_NO, "Nee, terug", "No, go back") \
	/* login */ \
	X(LOGIN_TITLE, "Inloggen", "Log in") \
	X(PASSWORD, "Wachtwoord", "Password") \
	X(LOGIN_SUBMIT, "Inloggen", "Log in") \
	X(LOGIN_FAILED, "Het e-mailadres of het wachtwoord klopt niet. Controleer ze en probeer het nog eens.", \
	  "The email address or the password is not right. Check them and try again.") \
	X(LOGIN_THROTTLED, "Er is te vaak een verkeerd wachtwoord gebruikt. Wacht %ld minuten en probeer het dan opnieuw.", \
	  "A wrong password was used too often. Wait %ld minutes, then try again.") \
	X(LOGIN_NEEDED, "Log in om verder te gaan.", "Log in to continue.") \
	X(LOGGED_OUT, "Je bent uitgelogd.", "You have logged out.") \
	/* account */ \
	X(ACCOUNT_TITLE, "Je account", "Your account") \
	X(ROLE, "Rol", "Role") \
	X(TOKENS_TITLE, "API-tokens", "API tokens") \
	X(TOKENS_ASK, "Voor ontwikkelaars: een programma laten werken met je account (API-tokens)", \
	  "For developers: let a program work with your account (API tokens)") \
	X(TOKENS_INTRO, "Met een API-token kan een programma namens jou de JSON-API van kiem gebruiken. Stuur het mee als 'Authorization: Bearer' gevolgd door het token. Houd het geheim, net als een wachtwoord.", \
	  "With an API token a program can use kiem's JSON API on your behalf. Send it as 'Authorization: Bearer' followed by the token. Keep it secret, like a password.") \
	X(TOKEN_NAME, "Waarvoor is het token?", "What is the token for?") \
	X(TOKEN_NAME_HINT, "Bijvoorbeeld de naam van het programma. Zo herken je het later.", "For example the name of the program, so you recognise it later.") \
	X(TOKEN_CREATE, "Token maken", "Create token") \
	X(TOKEN_NEW, "Je nieuwe token", "Your new token") \
	X(TOKEN_NEW_TEXT, "Kopieer het nu en bewaar het veilig: kiem laat het maar één keer zien.", "Copy it now and keep it safe: kiem shows it only once.") \
	X(TOKEN_CREATED, "Gemaakt", "Created") \
	X(TOKEN_USED, "Laatst gebruikt", "Last used") \
	X(TOKEN_REVOKE, "Intrekken", "Revoke") \
	X(TOKEN_REVOKED, "Het token is ingetrokken.", "The token has been revoked.") \
	X(TOKENS_NONE, "Je hebt nog geen tokens.", "You have no tokens yet.") \
	X(NEVER, "Nooit", "Never") \
	X(DATETIME, "%s om %s", "%s at %s") \
	X(DATETIME_UTC, "%s om %s (UTC)", "%s at %s (UTC)") \
	X(MY_PARTIES, "Je partijen", "Your parties") \
	X(MY_PARTIES_NONE, "Je bent nog geen lid van een partij. Voeg zelf een partij toe, of vraag de beheerder van een partij om je toe te voegen.", \
	  "You are not a member of a party yet. Add a party yourself, or ask the administrator of a party to add you.") \
	X(PARTY, "Partij", "Party") \
	X(MEMBER_LEFT, "Je hebt de partij verlaten.", "You have left the party.") \
	X(SESSIONS_TITLE, "Je sessies", "Your sessions") \
	X(SESSIONS_INTRO, "Hier zie je waar je nu bent ingelogd. Herken je een sessie niet? Beëindig die dan. Een sessie eindigt vanzelf als je %d uur niets doet, en altijd na %d dagen.", \
	  "Here you see where you are logged in now. Do you not recognise a session? Then end it. A session ends by itself after %d hours without use, and always after %d days.") \
	X(SESSION_STARTED, "Begonnen", "Started") \
	X(SESSION_LAST_SEEN, "Laatst actief", "Last active") \
	X(SESSION_EXPIRES, "Verloopt", "Expires") \
	X(SESSION_CURRENT, "Deze sessie", "This session") \
	X(SESSION_END, "Beëindigen", "End") \
	X(SESSION_END_LABEL, "Beëindigen: de sessie van %s", "End: the session of %s") \
	X(SESSION_END_CURRENT, "Beëindigen: deze sessie (je wordt uitgelogd)", "End: this session (you will be logged out)") \
	X(SESSION_ENDED, "De sessie is beëindigd.", "The session has been ended.") \
	X(SESSIONS_NONE, "Je hebt geen andere sessies.", "You have no other sessions.") \
	X(DATA_TITLE, "Je gegevens", "Your data") \
	X(DATA_INTRO, "Download alles wat kiem over jou bewaart, in één JSON-bestand: je account, je lidmaatschappen, de partijen die je maakte, je sessies en tokens (zonder de geheime delen) en de activiteit waarbij jij betrokken bent.", \
	  "Download everything kiem keeps about you, in one JSON file: your account, your memberships, the parties you made, your sessions and tokens (without their secret parts) and the activity you were part of.") \
	X(DATA_DOWNLOAD, "Download je gegevens (JSON)", "Download your data (JSON)") \
	X(ERASE_TITLE, "Account verwijderen", "Erase your account") \
	X(ERASE_INTRO, "Als je je account verwijdert, halen we je naam en e-mailadres weg, beëindigen we je sessies, trekken we je tokens in en ben je geen lid meer van je partijen. Wat je maakte, zoals partijen, blijft bestaan, maar zonder je naam. In het logboek staat alleen dat een account is verwijderd. Dit kun je niet ongedaan maken.", \
	  "If you erase your account, we remove your name and email address, end your sessions, revoke your tokens and take you out of your parties. What you made, such as parties, stays, but without your name. The log only records that an account was erased. You cannot undo this.") \
	X(ERASE_CONFIRM, "Typ je e-mailadres om te bevestigen", "Type your email address to confirm") \
	X(ERASE_CONFIRM_HINT, "Het e-mailadres waarmee je inlogt.", "The email address you log in with.") \
	X(ERASE_BUTTON, "Mijn account definitief verwijderen", "Erase my account for good") \
	X(ERASE_LAST_ADMIN, "Je bent de laatste beheerder van kiem. Maak eerst iemand anders beheerder; dan kun je je account verwijderen.", \
	  "You are the last administrator of kiem. Make someone else administrator first; then you can erase your account.") \
	X(ERASED, "Je account is verwijderd en je bent uitgelogd.", "Your account has been erased and you have been logged out.") \
	/* members */ \
	X(MEMBERS, "Leden", "Members") \
	X(MEMBERS_TITLE, "Leden van %s", "Members of %s") \
	X(MEMBERS_INTRO, "Leden kunnen de partij bewerken en namens haar optreden. Beheerders kunnen ook leden toevoegen, hun rol wijzigen en ze verwijderen.", \
	  "Members can edit the party and act on its behalf. Administrators can also add members, change their role and remove them.") \
	X(MEMBERS_NONE, "Deze partij heeft nog geen leden.", "This party has no members yet.") \
	X(BACK_TO_PARTY, "Terug naar %s", "Back to %s") \
	X(MEMBER_SINCE, "Lid sinds", "Member since") \
	X(MEMBER_YOU, "(jij)", "(you)") \
	X(MEMBER_ACTIONS, "Acties", "Actions") \
	X(MEMBER_ROLE_MEMBER, "Lid", "Member") \
	X(MEMBER_ROLE_ADMIN, "Beheerder", "Administrator") \
	X(MEMBER_ROLE_MEMBER_HINT, "Kan de partij bewerken en namens haar optreden.", "Can edit the party and act on its behalf.") \
	X(MEMBER_ROLE_ADMIN_HINT, "Kan ook leden toevoegen, hun rol wijzigen en ze verwijderen.", "Can also add members, change their role and remove them.") \
	X(MEMBER_ROLE_OF, "Rol van %s", "Role of %s") \
	X(MEMBER_ROLE_CHANGE, "Wijzigen", "Change") \
	X(MEMBER_ROLE_CHANGE_LABEL, "Wijzigen: de rol van %s", "Change: the role of %s") \
	X(MEMBER_REMOVE, "Verwijderen", "Remove") \
	X(MEMBER_REMOVE_LABEL, "Verwijderen: %s", "Remove: %s") \
	X(MEMBER_ADD_TITLE, "Iemand toevoegen", "Add someone") \
	X(MEMBER_ADD_SUBMIT, "Toevoegen", "Add") \
	X(MEMBER_ADDED, "De persoon is toegevoegd aan de partij.", "The person has been added to the party.") \
	X(MEMBER_ROLE_CHANGED, "De rol is gewijzigd.", "The role has been changed.") \
	X(MEMBER_REMOVED, "De persoon is uit de partij verwijderd.", "The person has been removed from the party.") \
	X(MEMBER_LEAVE, "Verlaat deze partij", "Leave this party") \
	X(MEMBER_YOU_MEMBER, "Je bent lid van deze partij.", "You are a member of this party.") \
	X(MEMBER_YOU_ADMIN, "Je bent beheerder van deze partij.", "You are an administrator of this party.") \
	X(MEMBER_ONLY_ADMIN, "Je bent de enige beheerder van deze partij. Maak eerst iemand anders beheerder. Daarna kun je de partij verlaten.", \
	  "You are the only administrator of this party. First make someone else an administrator. Then you can leave the party.") \
	X(MEMBER_NOT_POSSIBLE, "Dat kan niet", "That is not possible") \
	X(MEMBER_LAST_ADMIN, "Een partij houdt altijd minstens één beheerder. Maak eerst iemand anders beheerder.", \
	  "A party always keeps at least one administrator. First make someone else an administrator.") \
	X(MEMBER_LEAVE_HINT, "Als je de partij verlaat, kun je haar niet meer bewerken. Alleen een beheerder kan je weer toevoegen.", \
	  "If you leave the party, you can no longer edit it. Only an administrator can add you again.") \
	/* activity */ \
	X(ACTIVITY_TITLE, "Activiteit", "Activity") \
	X(ACTIVITY_INTRO, "Elke wijziging in kiem: wanneer, door wie, wat en welke gegevens. De nieuwste staat bovenaan. De gegevens zelf staan hier niet, alleen welke het waren.", \
	  "Every change in kiem: when, by whom, what, and which details. The newest is at the top. The details themselves are not kept here, only which ones they were.") \
	X(ACTIVITY_WHEN, "Wanneer", "When") \
	X(ACTIVITY_WHO, "Wie", "Who") \
	X(ACTIVITY_ACTION, "Actie", "Action") \
	X(ACTIVITY_OBJECT, "Wat", "What") \
	X(ACTIVITY_FIELDS, "Gegevens", "Details") \
	X(ACTIVITY_SYSTEM, "kiem zelf", "kiem itself") \
	X(ACTIVITY_GONE_ACCOUNT, "een verwijderd account", "a removed account") \
	X(ACTIVITY_GONE, "%s (bestaat niet meer)", "%s (no longer exists)") \
	X(ACTIVITY_NONE, "Er is nog geen activiteit.", "There is no activity yet.") \
	X(ACTIVITY_OLDER, "Oudere activiteit", "Older activity") \
	X(ACTIVITY_NEWEST, "Nieuwste activiteit", "Newest activity") \
	X(ACTION_CREATE, "Aangemaakt", "Created") \
	X(ACTION_UPDATE, "Gewijzigd", "Changed") \
	X(ACTION_DELETE, "Verwijderd", "Deleted") \
	X(ACTION_ADD_MEMBER, "Lid toegevoegd", "Member added") \
	X(ACTION_CHANGE_MEMBER, "Rol van een lid gewijzigd", "A member's role changed") \
	X(ACTION_REMOVE_MEMBER, "Lid verwijderd", "Member removed") \
	X(ACTION_BLOCK, "Geblokkeerd", "Blocked") \
	X(ACTION_UNBLOCK, "Blokkade opgeheven", "Unblocked") \
	X(ACTION_APPOINT_COORDINATOR, "Coördinator gemaakt", "Made coordinator") \
	X(ACTION_DISMISS_COORDINATOR, "Geen coördinator meer", "No longer coordinator") \
	X(ACTION_VERIFY, "Geverifieerd", "Verified") \
	X(ACTION_UNVERIFY, "Verificatie ingetrokken", "Verification withdrawn") \
	/* invitations by email, and whom a member change was about (issue 3) */ \
	X(MEMBER_INVITE_HINT, "Heeft de persoon al een account met dit e-mailadres? Dan komt die er meteen bij. Anders sturen we een uitnodiging per e-mail.", \
	  "Does the person already have an account with this email address? Then they are added at once. If not, we send an invitation by email.") \
	X(INVITE_SENT, "De uitnodiging is verstuurd. De link in de e-mail werkt 14 dagen.", "The invitation has been sent. The link in the email works for 14 days.") \
	X(INVITATIONS, "Uitnodigingen", "Invitations") \
	X(INVITATIONS_INTRO, "Deze mensen kregen een uitnodiging per e-mail en hebben nog niet gereageerd. Nodig iemand opnieuw uit als de e-mail niet aankwam: de oude link werkt dan niet meer.", \
	  "These people got an invitation by email and have not answered yet. Invite someone again if the email did not arrive: the old link then stops working.") \
	X(INVITATION_BY, "Uitgenodigd door", "Invited by") \
	X(INVITATION_EXPIRES, "Verloopt", "Expires") \
	X(INVITATION_WITHDRAW, "Intrekken", "Withdraw") \
	X(INVITATION_WITHDRAW_LABEL, "Intrekken: de uitnodiging aan %s", "Withdraw: the invitation to %s") \
	X(INVITATION_WITHDRAWN, "De uitnodiging is ingetrokken. De link werkt niet meer.", "The invitation has been withdrawn. The link no longer works.") \
	X(INVITATION_NOBODY, "een verwijderd account", "a removed account") \
	X(INVITATION_TITLE, "Uitnodiging voor %s", "Invitation to %s") \
	X(INVITATION_FROM, "%s nodigt je uit voor de partij %s.", "%s invites you to the party %s.") \
	X(INVITATION_FROM_NOBODY, "Je bent uitgenodigd voor de partij %s.", "You have been invited to the party %s.") \
	X(INVITATION_ROLE, "Je rol wordt: %s.", "Your role will be: %s.") \
	X(INVITATION_UNTIL, "De uitnodiging werkt tot %s.", "The invitation works until %s.") \
	X(INVITATION_LOGIN_TEXT, "Log in om de uitnodiging aan te nemen. Heb je nog geen account? Maak er dan een, met het e-mailadres %s.", \
	  "Log in to accept the invitation. No account yet? Then make one, with the email address %s.") \
	X(INVITATION_LOGIN, "Inloggen", "Log in") \
	X(INVITATION_REGISTER, "Account maken", "Make an account") \
	X(INVITATION_AS, "Je bent ingelogd als %s. Neem je de uitnodiging aan?", "You are logged in as %s. Do you accept the invitation?") \
	X(INVITATION_ACCEPT, "Aannemen", "Accept") \
	X(INVITATION_DECLINE, "Afslaan", "Decline") \
	X(INVITATION_ACCEPTED, "Je hebt de uitnodiging aangenomen. Welkom bij de partij!", "You have accepted the invitation. Welcome to the party!") \
	X(INVITATION_DECLINED_TITLE, "Uitnodiging afgeslagen", "Invitation declined") \
	X(INVITATION_DECLINED_TEXT, "Je hebt de uitnodiging afgeslagen. Er is verder niets veranderd. Wil je later toch meedoen? Vraag de partij dan om een nieuwe uitnodiging.", \
	  "You have declined the invitation. Nothing else has changed. Do you want to join later after all? Then ask the party for a new invitation.") \
	X(INVITATION_GONE_TITLE, "Deze uitnodiging werkt niet meer", "This invitation no longer works") \
	X(INVITATION_GONE_TEXT, "De link is onbekend, al gebruikt, ingetrokken of verlopen. Een uitnodiging werkt één keer en 14 dagen lang. Wil je meedoen? Vraag de partij om een nieuwe uitnodiging.", \
	  "The link is unknown, already used, withdrawn or expired. An invitation works once and for 14 days. Do you want to join? Ask the party for a new invitation.") \
	X(ACTION_INVITE, "Uitgenodigd", "Invited") \
	X(ACTION_ACCEPT_INVITATION, "Uitnodiging aangenomen", "Invitation accepted") \
	X(ACTION_DECLINE_INVITATION, "Uitnodiging afgeslagen", "Invitation declined") \
	X(ACTION_WITHDRAW_INVITATION, "Uitnodiging ingetrokken", "Invitation withdrawn") \
	X(ACTIVITY_SUBJECT, "Over wie", "About whom") \
	X(ACTIVITY_SUBJECT_INVITATION, "een uitnodiging", "an invitation") \
	X(ACTIVITY_DETAIL_ROLE, "rol: %s", "role: %s") \
	X(ACTIVITY_INTRO_AREAS, "De wijzigingen aan de partijen in jouw gebieden: wanneer, door wie, wat en welke gegevens. De nieuwste staat bovenaan. De gegevens zelf staan hier niet, alleen welke het waren.", \
	  "The changes to the parties in your areas: when, by whom, what and which details. The newest is at the top. The details themselves are not shown, only which ones they were.") \
	X(FIELD_BLOCKED, "Blokkade", "Block") \
	X(FIELD_COORDINATOR_AREAS, "Gebieden als coördinator", "Areas as coordinator") \
	X(OBJECT_USER, "Account", "Account") \
	X(OBJECT_TOKEN, "API-token", "API token") \
	/* users (platform admins) */ \
	X(USERS_TITLE, "Gebruikers", "Users") \
	X(USERS_INTRO, "Alle accounts van kiem, de nieuwste bovenaan. Kies een naam om het account te blokkeren of iemand coördinator van een gebied te maken.", \
	  "All accounts of kiem, the newest at the top. Choose a name to block the account or to make someone coordinator of an area.") \
	X(USERS_SEARCH, "Zoek op naam of e-mailadres", "Search by name or email address") \
	X(USERS_SEARCH_SUBMIT, "Zoeken", "Search") \
	X(USERS_NONE, "Geen accounts gevonden.", "No accounts found.") \
	X(USERS_NEXT, "Volgende pagina", "Next page") \
	X(USERS_FIRST, "Eerste pagina", "First page") \
	X(USERS_BLOCKED, "Geblokkeerd", "Blocked") \
	X(USERS_CREATED, "Aangemaakt", "Created") \
	X(YES, "ja", "yes") \
	X(NO, "nee", "no") \
	X(PROLE_USER, "gebruiker", "user") \
	X(PROLE_COORDINATOR, "coördinator", "coordinator") \
	X(PROLE_ADMIN, "beheerder van kiem", "administrator of kiem") \
	X(USERS_BACK, "Terug naar de gebruikers", "Back to the users") \
	X(USER_DETAILS, "Gegevens", "Details") \
	X(USER_BLOCK_TITLE, "Blokkeren", "Blocking") \
	X(USER_IS_BLOCKED, "Dit account is geblokkeerd: de gebruiker kan niet inloggen.", "This account is blocked: the user cannot log in.") \
	X(USER_NOT_BLOCKED, "Dit account is niet geblokkeerd.", "This account is not blocked.") \
	X(USER_BLOCK, "Account blokkeren", "Block account") \
	X(USER_UNBLOCK, "Blokkade opheffen", "Unblock account") \
	X(USER_BLOCK_HINT, "Een geblokkeerd account kan niet inloggen; de sessies en API-tokens stoppen meteen.", \
	  "A blocked account cannot log in; its sessions and API tokens stop at once.") \
	X(USER_BLOCK_SELF, "Je kunt je eigen account niet blokkeren.", "You cannot block your own account.") \
	X(USER_NOT_POSSIBLE, "Dat kan niet", "That is not possible") \
	X(USER_BLOCKED_DONE, "Het account is geblokkeerd.", "The account is blocked.") \
	X(USER_UNBLOCKED_DONE, "De blokkade is opgeheven.", "The account is unblocked.") \
	X(USER_AREAS_TITLE, "Coördinator van gebieden", "Coordinator of areas") \
	X(USER_AREAS_NONE, "Deze gebruiker is van geen enkel gebied coördinator.", "This user is not coordinator of any area.") \
	X(USER_DISMISS, "Ontslaan", "Dismiss") \
	X(USER_DISMISS_LABEL, "Ontslaan als coördinator van %s", "Dismiss as coordinator of %s") \
	X(USER_APPOINT_TITLE, "Coördinator maken", "Make coordinator") \
	X(USER_APPOINT_SUBMIT, "Coördinator maken", "Make coordinator") \
	X(USER_APPOINT_HINT, "De CBS-code van het gebied, zoals GM0344 of WK034403. De gebruiker moet daarna opnieuw inloggen.", \
	  "The CBS code of the area, like GM0344 or WK034403. The user must log in again afterwards.") \
	X(USER_APPOINTED, "De gebruiker is coördinator van het gebied.", "The user is coordinator of the area.") \
	X(USER_DISMISSED, "De gebruiker is geen coördinator meer van het gebied.", "The user is no longer coordinator of the area.") \
	/* privacy */ \
	X(FOOTER_PRIVACY, "Privacy", "Privacy") \
	X(PRIVACY_TITLE, "Privacy: wat kiem over jou bewaart", "Privacy: what kiem keeps about you") \
	X(PRIVACY_SUMMARY_TITLE, "In het kort", "In short") \
	X(PRIVACY_SUMMARY_1, "kiem bewaart alleen wat nodig is om het te laten werken: je account, je inlogsessies, je API-sleutels (als je die maakt), van welke partijen je lid bent, en een log van wie wat veranderde.", \
	  "kiem keeps only what it needs to work: your account, your login sessions, your API tokens (if you make any), which parties you belong to, and a log of who changed what.") \
	X(PRIVACY_SUMMARY_2, "Je wachtwoord en de codes waarmee je inlogt, bewaart kiem alleen onherkenbaar gemaakt. Niemand kan ze teruglezen, ook de beheerders van kiem niet.", \
	  "kiem keeps your password and the codes you log in with only made unrecognisable. Nobody can read them back, not even kiem's administrators.") \
	X(PRIVACY_SUMMARY_3, "Geen tracking, geen advertenties, geen cookies van anderen. kiem verkoopt en deelt niets.", \
	  "No tracking, no advertising, no cookies of others. kiem sells and shares nothing.") \
	X(PRIVACY_SUMMARY_4, "Je kunt je gegevens inzien, laten verbeteren of laten wissen, en bezwaar maken.", \
	  "You can see your data, have it corrected or erased, and object.") \
	X(PRIVACY_WHO_TITLE, "Wie is verantwoordelijk?", "Who is responsible?") \
	X(PRIVACY_WHO_TEXT, "De organisatie die deze kiem draait, is verantwoordelijk voor je gegevens (de verwerkingsverantwoordelijke). Vaak is dat een gemeente. Met vragen over je gegevens kun je bij haar terecht.", \
	  "The organisation that runs this kiem is responsible for your data (the controller). Often that is a municipality. You can ask it any question about your data.") \
	X(PRIVACY_CONTACT, "Contact:", "Contact:") \
	X(PRIVACY_NO_CONTACT, "Deze kiem heeft nog geen contactgegevens voor privacy ingevuld. Vraag de organisatie die je naar kiem verwees.", \
	  "This kiem has not filled in contact details for privacy yet. Ask the organisation that sent you to kiem.") \
	X(PRIVACY_DATA_TITLE, "Wat kiem bewaart, waarom en hoe lang", "What kiem keeps, why and for how long") \
	X(PRIVACY_DATA_CAPTION, "Alle gegevens die kiem bewaart, met doel, grondslag en bewaartermijn", \
	  "All data kiem keeps, with purpose, legal basis and retention") \
	X(PRIVACY_WHO_CAPTION, "Over wie de gegevens gaan, en wie ze ziet", "Whom the data is about, and who sees it") \
	X(PRIVACY_COL_WHAT, "Wat", "What") \
	X(PRIVACY_COL_DATA, "Welke gegevens", "Which data") \
	X(PRIVACY_COL_PURPOSE, "Doel", "Purpose") \
	X(PRIVACY_COL_BASIS, "Grondslag", "Legal basis") \
	X(PRIVACY_COL_RETENTION, "Bewaartermijn", "Retention") \
	X(PRIVACY_COL_RECIPIENTS, "Wie ziet het", "Who sees it") \
	X(PRIVACY_COL_SUBJECTS, "Over wie", "About whom") \
	X(PRIVACY_BASIS_NOTE, "Draait een gemeente of een andere overheid deze kiem als deel van haar taak, dan is de grondslag waar 'gerechtvaardigd belang' staat de publieke taak (art. 6 lid 1 sub e AVG).", \
	  "When a municipality or another public body runs this kiem as part of its task, the legal basis where it says 'legitimate interests' is the public task (art. 6(1)(e) GDPR).") \
	X(PRIVACY_NOT_TITLE, "Wat kiem niet doet", "What kiem does not do") \
	X(PRIVACY_NOT_TEXT, "kiem houdt niet bij welke pagina's je bekijkt. Er zijn geen statistiekdiensten, advertenties of knoppen van sociale media. Er gaan geen gegevens naar andere organisaties. De organisatie die kiem draait kan een hostingbedrijf inschakelen; dat mag je gegevens alleen voor haar bewaren (als verwerker).", \
	  "kiem does not track which pages you look at. There are no analytics services, no advertising and no social media buttons. No data goes to other organisations. The organisation that runs kiem may use a hosting company; that company may only keep your data on its behalf (as a processor).") \
	X(PRIVACY_RIGHTS_TITLE, "Je rechten", "Your rights") \
	X(PRIVACY_RIGHT_ACCESS, "Inzage: je ziet je account, je inlogsessies en je API-sleutels op je accountpagina, en je downloadt daar alles wat kiem over je bewaart.", \
	  "Access: you see your account, your login sessions and your API tokens on your account page, and you download everything kiem keeps about you there.") \
	X(PRIVACY_RIGHT_CORRECT, "Correctie: de gegevens van een partij passen de leden van die partij zelf aan. Klopt iets van je account niet, vraag het dan aan de organisatie die kiem draait.", \
	  "Correction: the members of a party change the party's data themselves. If something about your account is wrong, ask the organisation that runs kiem.") \
	X(PRIVACY_RIGHT_ERASE, "Verwijdering: op je accountpagina beëindig je sessies, trek je sleutels in en wis je je hele account. Wat je schreef blijft dan staan, zonder je naam.", \
	  "Erasure: on your account page you end sessions, revoke tokens and erase your whole account. What you wrote then stays, without your name.") \
	X(PRIVACY_RIGHT_OBJECT, "Bezwaar: ben je het niet eens met wat kiem met je gegevens doet, laat het de organisatie die kiem draait weten.", \
	  "Objection: if you do not agree with what kiem does with your data, tell the organisation that runs kiem.") \
	X(PRIVACY_RIGHT_COMPLAINT_HTML, "Klacht: kom je er samen niet uit, dan kun je een klacht indienen bij de Autoriteit Persoonsgegevens.", \
	  "Complaint: if you cannot work it out together, you can file a complaint with the Dutch Data Protection Authority (<span lang=\"nl\">Autoriteit Persoonsgegevens</span>).") \
	X(PRIVACY_REGISTER, "Het verwerkingsregister als open data:", "The processing register as open data:") \
	X(PRIVACY_TO_ACCOUNT, "Naar je accountpagina", "To your account page") \
	/* inactive accounts (issue 3): how long this kiem keeps an unused account */ \
	X(PRIVACY_INACTIVE, "Bij deze kiem: gebruik je je account %s niet, dan krijg je een e-mail. Log je daarna binnen %s niet in, dan wissen we je account.", \
	  "On this kiem: if you do not use your account for %s, you get an email. If you do not log in within %s after that, we erase your account.") \
	X(DAYS_1, "%lld dag", "%lld day") \
	X(DAYS, "%lld dagen", "%lld days") \
	X(PRIVACY_INACTIVE_OFF, "Bij deze kiem wissen we een account niet omdat het lang niet is gebruikt. Je wist het zelf op je accountpagina.", \
	  "On this kiem, we do not erase an account because it has not been used for a long time. You erase it yourself on your account page.") \
	/* registration, email confirmation and password reset (issue 3) */ \
	X(NAV_REGISTER, "Account maken", "Create account") \
	X(REG_TITLE, "Account maken", "Create an account") \
	X(REG_INTRO, "Met een account kun je je partij op de sociale kaart zetten en bijhouden. Het is gratis.", \
	  "With an account you can put your party on the social map and keep it up to date. It is free.") \
	X(REG_NAME_HINT, "Je voornaam en achternaam, of de naam waaronder anderen je kennen.", "Your first and last name, or the name others know you by.") \
	X(REG_EMAIL_HINT, "We sturen een link naar dit adres om te controleren dat het van jou is.", "We send a link to this address to check that it is yours.") \
	X(REG_PASSWORD_HINT, "Minstens 12 tekens. Een zin of een paar losse woorden is sterk en goed te onthouden.", \
	  "At least 12 characters. A sentence or a few unrelated words is strong and easy to remember.") \
	X(REG_SUBMIT, "Account maken", "Create account") \
	X(REG_HAVE_ACCOUNT, "Heb je al een account?", "Do you have an account already?") \
	X(REG_SENT_TITLE, "Kijk in je mailbox", "Check your mailbox") \
	X(REG_SENT_TEXT, "We hebben een e-mail gestuurd naar %s. Open de link in die e-mail binnen 48 uur om je e-mailadres te bevestigen. Daarna kun je inloggen.", \
	  "We have sent an email to %s. Open the link in that email within 48 hours to confirm your email address. After that you can log in.") \
	X(REG_SENT_NONE, "Geen e-mail gekregen? Kijk ook bij je spam of ongewenste e-mail.", "No email? Also look in your spam or junk mail.") \
	X(RESEND_LINK, "Stuur de link opnieuw", "Send the link again") \
	X(MAIL_THROTTLED, "Er zijn vanaf jouw internetadres te veel verzoeken gedaan. Wacht %ld minuten en probeer het dan opnieuw.", \
	  "Too many requests came from your internet address. Wait %ld minutes, then try again.") \
	X(CONFIRM_DONE_TITLE, "Je e-mailadres is bevestigd", "Your email address is confirmed") \
	X(CONFIRM_DONE_TEXT, "Dank je wel. Je kunt nu inloggen met je e-mailadres en wachtwoord.", "Thank you. You can now log in with your email address and password.") \
	X(CONFIRM_TO_LOGIN, "Naar inloggen", "Go to log in") \
	X(LINK_BAD_TITLE, "Deze link werkt niet meer", "This link no longer works") \
	X(CONFIRM_BAD_TEXT, "De link is al gebruikt, is verlopen of is niet compleet. Een link om je e-mailadres te bevestigen werkt 48 uur en maar één keer. Is je adres al bevestigd? Dan kun je gewoon inloggen. Anders vraag je hieronder een nieuwe link aan.", \
	  "The link was used already, has expired or is not complete. A link to confirm your email address works for 48 hours, and only once. Is your address confirmed already? Then you can simply log in. Otherwise ask for a new link below.") \
	X(RESEND_TITLE, "Nieuwe link om je e-mailadres te bevestigen", "A new link to confirm your email address") \
	X(RESEND_INTRO, "Vul het e-mailadres van je account in. Is het nog niet bevestigd, dan sturen we er een nieuwe link naartoe.", \
	  "Fill in the email address of your account. If it is not confirmed yet, we send a new link to it.") \
	X(RESEND_SUBMIT, "Stuur een nieuwe link", "Send a new link") \
	X(RESEND_SENT, "Is er een account met dit e-mailadres dat nog niet bevestigd is? Dan sturen we er nu een nieuwe link naartoe. Kijk in je mailbox, ook bij de spam.", \
	  "Is there an account with this email address that is not confirmed yet? Then we now send a new link to it. Check your mailbox, and your spam too.") \
	X(LOGIN_UNCONFIRMED, "Je e-mailadres is nog niet bevestigd. Open eerst de link in de e-mail die we je stuurden toen je je account maakte.", \
	  "Your email address is not confirmed yet. First open the link in the email we sent you when you made your account.") \
	X(LOGIN_UNCONFIRMED_AGAIN, "Geen e-mail gekregen, of is de link verlopen?", "No email, or has the link expired?") \
	X(LOGIN_REGISTER, "Nog geen account?", "No account yet?") \
	X(LOGIN_REGISTER_LINK, "Maak een account", "Create an account") \
	X(LOGIN_FORGOT, "Wachtwoord vergeten?", "Forgot your password?") \
	X(FORGOT_TITLE, "Wachtwoord vergeten", "Forgot your password") \
	X(FORGOT_INTRO, "Vul het e-mailadres van je account in. We sturen je een link om een nieuw wachtwoord te kiezen. De link werkt 1 uur.", \
	  "Fill in the email address of your account. We send you a link to choose a new password. The link works for 1 hour.") \
	X(FORGOT_SUBMIT, "Stuur de link", "Send the link") \
	X(FORGOT_SENT, "Is er een account met het e-mailadres %s? Dan sturen we er nu een link naartoe om een nieuw wachtwoord te kiezen. De link werkt 1 uur. Kijk ook bij de spam.", \
	  "Is there an account with the email address %s? Then we now send a link to it to choose a new password. The link works for 1 hour. Also look in your spam.") \
	X(RESET_TITLE, "Kies een nieuw wachtwoord", "Choose a new password") \
	X(RESET_INTRO, "Kies een nieuw wachtwoord voor je account. Je wordt dan overal uitgelogd, en logt daarna in met het nieuwe wachtwoord.", \
	  "Choose a new password for your account. You are then logged out everywhere, and log in again with the new password.") \
	X(NEW_PASSWORD, "Nieuw wachtwoord", "New password") \
	X(RESET_SUBMIT, "Wachtwoord opslaan", "Save password") \
	X(RESET_DONE_TITLE, "Je wachtwoord is veranderd", "Your password has been changed") \
	X(RESET_DONE_TEXT, "Je bent overal uitgelogd, en je API-tokens werken niet meer. Log nu in met je nieuwe wachtwoord.", "You have been logged out everywhere, and your API tokens no longer work. Log in now with your new password.") \
	X(RESET_BAD_TEXT, "De link is al gebruikt, is verlopen of is niet compleet. Een link voor een nieuw wachtwoord werkt 1 uur en maar één keer.", \
	  "The link was used already, has expired or is not complete. A link for a new password works for 1 hour, and only once.") \
	X(RESET_ASK_AGAIN, "Vraag een nieuwe link aan", "Ask for a new link") \
	X(ACTION_REGISTER, "Account gemaakt", "Account made") \
	X(ACTION_CONFIRM_EMAIL, "E-mailadres bevestigd", "Email address confirmed") \
	X(ACTION_SEND_CONFIRMATION, "Nieuwe bevestigingslink gestuurd", "New confirmation link sent") \
	X(ACTION_SEND_RESET, "Link voor nieuw wachtwoord gestuurd", "Link for a new password sent") \
	X(ACTION_RESET_PASSWORD, "Nieuw wachtwoord gekozen", "New password chosen") \
	/* the voice of residents (issue 4, part 3): support, comments, follows, notifications */ \
	X(VOICE_TITLE, "Steun en reacties", "Support and comments") \
	X(VOICE_SUPPORTERS, "Steunbetuigingen: %lld", "Supporters: %lld") \
	X(VOICE_SUPPORT, "Steun dit vraagstuk", "Support this issue") \
	X(VOICE_SUPPORT_HINT, "Iedereen kan een vraagstuk één keer steunen. Zo ziet iedereen hoe belangrijk het is.", \
	  "Everyone can support an issue once. That way everyone sees how important it is.") \
	X(VOICE_WITHDRAW, "Trek je steun in", "Withdraw your support") \
	X(VOICE_YOU_SUPPORT, "Je steunt dit vraagstuk.", "You support this issue.") \
	X(VOICE_LOGIN, "Log in om dit vraagstuk te steunen, te volgen of erop te reageren.", "Log in to support, follow or comment on this issue.") \
	X(VOICE_FOLLOW, "Volg dit vraagstuk", "Follow this issue") \
	X(VOICE_UNFOLLOW, "Niet meer volgen", "Stop following") \
	X(VOICE_YOU_FOLLOW, "Je volgt dit vraagstuk. Als er iets verandert, krijg je een melding.", "You follow this issue. When something changes, you get a notification.") \
	X(VOICE_FOLLOW_HINT, "Wie een vraagstuk volgt, krijgt een melding als er iets verandert.", "If you follow an issue, you get a notification when something changes.") \
	X(VOICE_COMMENTS, "Reacties", "Comments") \
	X(VOICE_NO_COMMENTS, "Er zijn nog geen reacties.", "There are no comments yet.") \
	X(VOICE_SEARCH, "Zoek in de reacties", "Search the comments") \
	X(VOICE_NONE_FOUND, "Geen reacties gevonden. Probeer andere zoekwoorden.", "No comments found. Try other search words.") \
	X(VOICE_COMMENT_NEW, "Reageer", "Comment") \
	X(VOICE_COMMENT_BODY, "Je reactie", "Your comment") \
	X(VOICE_COMMENT_HINT, "Hoogstens 5000 tekens. Je kunt Markdown gebruiken, zoals *schuin* en **vet**. Je kunt je reactie daarna nog 15 minuten aanpassen.", \
	  "At most 5000 characters. You can use Markdown, like *italic* and **bold**. You can still change your comment for 15 minutes after.") \
	X(VOICE_COMMENT_SUBMIT, "Plaats je reactie", "Post your comment") \
	X(VOICE_REPLY, "Antwoord", "Reply") \
	X(VOICE_REPLY_TO, "Antwoord aan %s", "Reply to %s") \
	X(VOICE_REPLY_BODY, "Je antwoord", "Your reply") \
	X(VOICE_REPLY_SUBMIT, "Plaats je antwoord", "Post your reply") \
	X(VOICE_REPLIES, "Antwoorden", "Replies") \
	X(VOICE_WROTE, "%s schreef op", "%s wrote on") \
	X(VOICE_ERASED, "Een oud-deelnemer", "A former participant") \
	X(VOICE_EDITED, "Bewerkt op", "Edited on") \
	X(VOICE_EDIT, "Bewerk je reactie", "Edit your comment") \
	X(VOICE_EDIT_TITLE, "Je reactie bewerken", "Edit your comment") \
	X(VOICE_EDIT_CLOSED, "Je kunt een reactie alleen in de eerste 15 minuten aanpassen, en niet als een moderator hem verborg. Deze reactie kun je niet meer aanpassen.", \
	  "You can only change a comment in the first 15 minutes, and not once a moderator hid it. You can no longer change this comment.") \
	X(VOICE_HIDDEN, "Verborgen door een moderator: %s", "Hidden by a moderator: %s") \
	X(VOICE_HIDDEN_OWN, "Alleen jij ziet nog wat je schreef:", "Only you still see what you wrote:") \
	X(VOICE_HIDE, "Verberg deze reactie", "Hide this comment") \
	X(VOICE_HIDE_TITLE, "Een reactie verbergen", "Hide a comment") \
	X(VOICE_HIDE_INTRO, "Verberg een reactie die kwetst of niet over het vraagstuk gaat. Iedereen ziet dan de reden in plaats van de reactie. De schrijver ziet zijn tekst nog wel.", \
	  "Hide a comment that hurts or is not about the issue. Everyone then sees the reason instead of the comment. The writer still sees their text.") \
	X(VOICE_HIDE_REASON, "Reden", "Reason") \
	X(VOICE_HIDE_REASON_HINT, "Iedereen ziet deze reden. Hoogstens 500 tekens.", "Everyone sees this reason. At most 500 characters.") \
	X(VOICE_HIDE_SUBMIT, "Verberg de reactie", "Hide the comment") \
	X(VOICE_HIDE_ALREADY, "Deze reactie is al verborgen.", "This comment is hidden already.") \
	X(VOICE_UNHIDE, "Toon de reactie weer", "Show the comment again") \
	X(VOICE_MORE, "Meer reacties", "More comments") \
	X(VOICE_BACK, "Terug naar het vraagstuk", "Back to the issue") \
	X(VOICE_SUPPORTED, "Dank je wel: je steunt dit vraagstuk nu. Je volgt het ook.", "Thank you: you now support this issue. You follow it too.") \
	X(VOICE_ALREADY, "Je steunde dit vraagstuk al. Iedereen kan één keer steunen.", "You supported this issue already. Everyone can support once.") \
	X(VOICE_WITHDRAWN, "Je steun is ingetrokken.", "Your support has been withdrawn.") \
	X(VOICE_FOLLOWED, "Je volgt dit vraagstuk nu.", "You now follow this issue.") \
	X(VOICE_UNFOLLOWED, "Je volgt dit vraagstuk niet meer.", "You no longer follow this issue.") \
	X(VOICE_COMMENTED, "Je reactie is geplaatst.", "Your comment has been posted.") \
	X(VOICE_CHANGED, "Je reactie is aangepast.", "Your comment has been changed.") \
	X(VOICE_HIDDEN_DONE, "De reactie is verborgen.", "The comment has been hidden.") \
	X(VOICE_SHOWN_DONE, "De reactie is weer te zien.", "The comment can be seen again.") \
	X(NOTE_TITLE, "Meldingen", "Notifications") \
	X(NOTE_INTRO, "Hier zie je wat er gebeurde bij de vraagstukken die je volgt.", "Here you see what happened in the issues you follow.") \
	X(NOTE_NONE, "Je hebt geen meldingen. Volg een vraagstuk om meldingen te krijgen.", "You have no notifications. Follow an issue to get notifications.") \
	X(NOTE_NONE_UNREAD, "Je hebt geen nieuwe meldingen.", "You have no new notifications.") \
	X(NOTE_NEW, "Nieuw", "New") \
	X(NOTE_MARK, "Gelezen", "Mark read") \
	X(NOTE_MARK_LABEL, "Markeer als gelezen: %s", "Mark as read: %s") \
	X(NOTE_MARK_ALL, "Markeer alles als gelezen", "Mark all as read") \
	X(NOTE_MARKED, "Je meldingen zijn gelezen.", "Your notifications are marked as read.") \
	X(NOTE_SHOW_UNREAD, "Alleen nieuwe meldingen", "Only new notifications") \
	X(NOTE_SEARCH, "Zoek op vraagstuk", "Search by issue") \
	X(NOTE_SHOW, "Welke meldingen", "Which notifications") \
	X(NOTE_LINK, "Meldingen (%lld nieuw)", "Notifications (%lld new)") \
	X(NOTE_DIGEST_TITLE, "E-mail", "Email") \
	X(NOTE_DIGEST_LEGEND, "Wil je de meldingen ook per e-mail?", "Do you also want the notifications by email?") \
	X(NOTE_DIGEST_ON, "Ja, stuur me elke dag één e-mail met de nieuwe meldingen", "Yes, send me one email a day with the new notifications") \
	X(NOTE_DIGEST_OFF, "Nee, ik lees ze hier", "No, I read them here") \
	X(NOTE_DIGEST_HINT, "Je krijgt alleen een e-mail als er iets nieuws is.", "You only get an email when there is something new.") \
	X(NOTE_DIGEST_SAVE, "Keuze opslaan", "Save choice") \
	X(NOTE_DIGEST_SAVED, "Je keuze is opgeslagen.", "Your choice has been saved.") \
	X(NOTE_EV_COMMENT, "%s heeft gereageerd op %s", "%s commented on %s") \
	X(NOTE_EV_STATUS, "%s heeft de status van %s veranderd", "%s changed the status of %s") \
	X(NOTE_EV_SIGNAL, "%s heeft een signaal opgenomen in %s", "%s took up a signal in %s") \
	X(NOTE_EV_FACTOR, "%s heeft een omgevingsfactor toegevoegd aan %s", "%s added an environmental factor to %s") \
	X(NOTE_EV_YOUR_SIGNAL, "%s heeft je signaal opgenomen in %s", "%s took up your signal in %s") \
	X(NOTE_EV_OTHER, "%s heeft iets veranderd aan %s", "%s changed something in %s") \
	X(NOTE_SOMEONE, "Iemand", "Someone") \
	X(NOTE_GONE, "een verwijderd vraagstuk", "a deleted issue") \
	X(ACTION_SUPPORT, "Steun gegeven", "Support given") \
	X(ACTION_WITHDRAW_SUPPORT, "Steun ingetrokken", "Support withdrawn") \
	X(ACTION_COMMENT, "Gereageerd", "Commented") \
	X(ACTION_EDIT_COMMENT, "Reactie bewerkt", "Comment edited") \
	X(ACTION_HIDE_COMMENT, "Reactie verborgen", "Comment hidden") \
	X(ACTION_UNHIDE_COMMENT, "Reactie weer getoond", "Comment shown again") \
	X(ACTION_CHANGE_DIGEST, "Keuze voor e-mail gewijzigd", "Email choice changed") \
	X(ACTION_SEND_DIGEST, "Dagelijkse e-mail gestuurd", "Daily email sent") \
	X(FIELD_SUPPORTERS, "Steunbetuigingen", "Supporters")

enum msg {
#define X(key, nl, en) M_##key,
	MESSAGES(X)
#undef X
	M_COUNT
};

const char *i18n(enum lang lang, enum msg m);
#define T(r, m) i18n((r)->lang, (m))
/* The text for the count n: one when n is 1, else other (Dutch and English
 * both have one form for 1 and one for every other number, 0 included). */
const char *i18n_n(enum lang lang, enum msg one, enum msg other, long long n);
#define TN(r, one, other, n) i18n_n((r)->lang, (one), (other), (n))

#endif
