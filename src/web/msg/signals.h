/* Signals: the list, a signal's page, taking one up in an issue, and the part of an
 * issue's page that lists its signals (signals.c, part_signals.c). */

X(SIG_TITLE, "Signalen", "Signals")
X(SIG_INTRO, "Een signaal is een kans, een knelpunt of een leemte die je ziet in je werk of in de buurt. Signalen die op elkaar lijken, staan bij elkaar. Van een signaal kan een vraagstuk worden.",
  "A signal is an opportunity, a bottleneck or a gap you see in your work or in the neighbourhood. Signals that are alike are shown together. A signal can become a social issue.")
X(SIG_ADD, "Meld een signaal", "Report a signal")
X(SIG_MINE, "Mijn signalen", "My signals")
X(SIG_MINE_PAGING, "Bladeren door mijn signalen", "Pages of my signals")
X(SIG_MINE_NONE, "Je hebt nog geen signalen gemeld.", "You have not reported any signals yet.")
X(SIG_INBOX, "Inbox", "Inbox")
X(SIG_INBOX_HINT, "Je ziet de signalen die voor je partijen zijn gemeld of naar ze zijn doorgestuurd, de signalen van bewoners in het gebied van je geverifieerde partijen die signalen opsporen, en de signalen in de gebieden die je coördineert.",
  "You see the signals reported for your parties or sent to them, the signals of residents in the area of your verified parties that detect signals, and the signals in the areas you coordinate.")
X(SIG_INBOX_NONE, "Er zijn geen signalen die passen bij je zoekopdracht.", "There are no signals that match your search.")
X(SIG_KIND_ALL, "Alle soorten", "All kinds")
X(SIG_STATUS_ALL, "Alle statussen", "All statuses")
X(SIG_REG_ALL, "Alle signalen", "All signals")
X(SIG_REG_ONLY, "Alleen als een regel in de weg staat", "Only where a rule stands in the way")
X(SIG_REG_NOT, "Alleen als er geen regel in de weg staat", "Only where no rule stands in the way")
X(SIG_REG_CHECK, "Er staat een regel in de weg", "A rule stands in the way")
X(SIG_REG_HINT, "Kies dit als een wet of regel het lastig maakt. Het signaal gaat dan naar de geverifieerde overheidspartij van het gebied, of anders naar de coördinatoren van het gebied.",
  "Choose this if a law or rule makes it hard. The signal then goes to the verified government party of the area, or else to the coordinators of the area.")
X(SIG_PARTY, "Namens partij", "On behalf of party")
X(SIG_PARTY_NONE, "Je meldt dit signaal als bewoner. Het gaat naar de partijen die in dit gebied signalen opsporen en die kiem heeft geverifieerd, en naar de coördinatoren van het gebied. Zij zien je naam. Wat er met je signaal gebeurt, zie je onder Mijn signalen.",
  "You report this signal as a resident. It goes to the parties that detect signals in this area and that kiem has verified, and to the coordinators of the area. They see your name. What happens to your signal, you see under My signals.")
X(SIG_AS_RESIDENT_CHOICE, "Als bewoner, niet namens een partij", "As a resident, not on behalf of a party")
X(SIG_AS_RESIDENT_HINT, "Het gaat naar de geverifieerde partijen die in het gebied signalen opsporen, en naar de coördinatoren van het gebied.",
  "It goes to the verified parties that detect signals in the area, and to the coordinators of the area.")
X(SIG_AS_RESIDENT, ", als bewoner", ", as a resident")
X(SIG_NEW_TITLE, "Meld een signaal", "Report a signal")
X(SIG_SUBMIT, "Signaal melden", "Report the signal")
X(SIG_SAVED, "Het signaal is gemeld.", "The signal has been reported.")
X(SIG_DONE, "Gelukt.", "Done.")
X(SIG_BACK, "Terug naar signalen", "Back to signals")
X(SIG_CLUSTER_COUNT, "%lld signalen die op elkaar lijken", "%lld signals that are alike")
X(SIG_CLUSTER_TITLE, "Signalen die hierop lijken", "Signals like this one")
X(SIG_ROUTED_NONE, "Er is geen geverifieerde overheidspartij voor dit gebied of een groter gebied eromheen. De coördinatoren van het gebied pakken het op.",
  "There is no verified government party for this area or a larger area around it. The coordinators of the area take it up.")
X(SIG_ISSUE, "Vraagstuk", "Social issue")
X(SIG_ISSUE_NONE, "Nog niet opgepakt in een vraagstuk.", "Not taken up in a social issue yet.")
X(SIG_OUTCOME, "Wat ermee gebeurde", "What became of it")
X(SIG_MOVE_TITLE, "Status veranderen", "Change the status")
X(SIG_MOVE_TO, "Nieuwe status", "New status")
X(SIG_MOVE_REASON_HINT, "Verplicht als je het signaal afwijst.", "Required when you dismiss the signal.")
X(SIG_MOVE_NOT_ALLOWED, "Die stap kan niet. Vanaf deze status kan het signaal naar: %s.", "That step is not possible. From this status the signal can move to: %s.")
X(SIG_TAKE_UP_TITLE, "Maak er een vraagstuk van", "Make it a social issue")
X(SIG_TAKE_UP_HINT, "Het nieuwe vraagstuk krijgt de status gesignaleerd. Laat je een veld leeg, dan komt de tekst van het signaal erin.",
  "The new social issue will have the status signalled. If you leave a field empty, the text of the signal is used.")
X(SIG_TAKE_UP_CLUSTER, "Neem de hele groep van %lld signalen mee", "Take the whole group of %lld signals along")
X(SIG_TAKE_UP_CLUSTER_HINT, "Dan gaan ook de signalen van andere partijen en bewoners die je niet ziet mee in het vraagstuk (maar niet de afgewezen signalen). Wie ze meldde, krijgt bericht. Hun tekst zie je niet, en op de pagina van het vraagstuk staat hun titel alleen voor wie ze mag lezen.",
  "Then the signals of other parties and residents that you do not see go into the social issue too (but not the dismissed ones). Whoever reported them is told. You do not see their text, and the page of the social issue shows their title only to those who may read them.")
X(SIG_TAKE_UP_SEEN, "Neem de %lld signalen van de groep mee die je ziet", "Take the %lld signals of the group that you see along")
X(SIG_TAKE_UP_SEEN_HINT, "Signalen van de groep die je niet ziet, gaan niet mee: die neemt alleen een beheerder, een coördinator van het gebied of een lid van een geverifieerde partij mee.",
  "Signals of the group that you do not see do not go along: only an administrator, a coordinator of the area or a member of a verified party takes those along.")
X(SIG_TAKE_UP_SUBMIT, "Vraagstuk maken", "Make the social issue")
X(SIG_ISSUE_TITLE, "Titel van het vraagstuk", "Title of the social issue")
X(SIG_ISSUE_SUMMARY, "Samenvatting van het vraagstuk", "Summary of the social issue")
X(SIG_LINK_TITLE, "Koppel aan een vraagstuk dat er al is", "Link to an existing social issue")
X(SIG_LINK_CHOOSE, "Kies een vraagstuk", "Choose a social issue")
X(SIG_LINK_SUBMIT, "Koppelen", "Link")
X(SIG_LINK_CLUSTER, "De hele groep van %lld signalen gaat mee.", "The whole group of %lld signals goes along.")
X(SIG_LINK_SEEN, "De %lld signalen van de groep die je ziet, gaan mee.", "The %lld signals of the group that you see go along.")
X(SIG_ALREADY, "Dit signaal is al opgepakt in een vraagstuk.", "This signal has already been taken up in a social issue.")
X(SIG_DECISIONS, "Besluiten over de regel", "Decisions on the rule")
X(SIG_DECISIONS_NONE, "Er is nog geen besluit over de regel.", "There is no decision on the rule yet.")
X(SIG_DECISION, "Besluit", "Decision")
X(SIG_DECIDE_TITLE, "Besluit vastleggen", "Record a decision")
X(SIG_DECIDE_HINT, "Als verantwoordelijke van de overheidspartij legt u vast wat er met de regel gebeurt. Het besluit is openbaar.",
  "As the person responsible in the government party, you record what happens with the rule. The decision is public.")
X(SIG_DECIDE_SUBMIT, "Besluit vastleggen", "Record the decision")
X(SIG_DECIDE_CONFLICT, "Over dit signaal kan geen besluit meer worden vastgelegd.", "No decision can be recorded on this signal any more.")
X(SIG_DECIDED_BY, "door %s", "by %s")
X(SIG_PART_TITLE, "Signalen in dit vraagstuk", "Signals in this social issue")
P(SIG_PART_OTHERS, "En %lld signaal van een andere partij of bewoner, dat alleen zij en wie het behandelen lezen.",
  "En %lld signalen van andere partijen of bewoners, die alleen zij en wie ze behandelen lezen.",
  "And %lld signal of another party or resident, which only they and those who handle it read.",
  "And %lld signals of other parties or residents, which only they and those who handle them read.")
X(SIG_RULE_SHORT, "Regel", "Rule")
X(SIG_UNCLUSTER, "Haal dit signaal uit de groep", "Take this signal out of the group")
X(SIG_UNCLUSTER_HINT, "Lijkt dit signaal toch niet op de andere? Haal het dan uit de groep.",
  "Is this signal not like the others after all? Then take it out of the group.")

/* in the activity log */
X(ACTION_SIG_TAKE_UP, "Opgepakt in een vraagstuk", "Taken up in a social issue")
X(ACTION_SIG_DECIDE, "Besluit over een regel", "Decision on a rule")
