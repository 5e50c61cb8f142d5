/* The role ledger of an issue: who takes which role (ledger.c). */

X(LEDGER_LINK, "Bekijk het rollenregister: wie doet wat, en welke rollen zijn nog leeg", "See the role ledger: who does what, and which roles are still empty")
X(LEDGER_TITLE_OF, "Rollenregister: %s", "Role ledger: %s")
X(LEDGER_TITLE, "Rollenregister", "Role ledger")
X(LEDGER_INTRO, "Sociale innovatie lukt het best als verschillende partijen samenwerken: burgerinitiatieven, sociaal werk, overheid, bedrijfsleven en kennisinstituten. Elke partij heeft eigen rollen. Sociaal werk spoort bijvoorbeeld kansen en knelpunten op, en de overheid maakt ruimte in regels. Hier zie je wie welke rol oppakt bij dit vraagstuk, welke rollen en soorten partijen nog ontbreken, en welke partijen in de buurt ze kunnen oppakken.",
  "Social innovation works best when different parties work together: citizen initiatives, social work, government, business and knowledge institutes. Each party has roles of its own. Social work, for example, detects chances and bottlenecks, and government makes room in rules. Here you see who takes which role for this issue, which roles and kinds of parties are still missing, and which parties nearby could take them.")
P(LEDGER_SUMMARY, "%lld van de %lld rollen is nog leeg.", "%lld van de %lld rollen zijn nog leeg.",
  "%lld of the %lld roles is still empty.", "%lld of the %lld roles are still empty.")
X(LEDGER_SUMMARY_KINDS, "Nog geen partij van deze soorten: %s.", "No party yet of these kinds: %s.")
X(LEDGER_ALL_KINDS, "Alle vijf soorten partijen doen mee.", "All five kinds of parties take part.")
X(LEDGER_TABLE_CAPTION, "Rollen en soorten partijen bij dit vraagstuk. Per rol staan de partijen die hem oppakken in de kolom van hun soort.",
  "Roles and kinds of parties for this issue. For each role, the parties that take it are in the column of their kind.")
X(LEDGER_STATE, "Stand", "State")
X(LEDGER_FILLED, "Ingevuld", "Filled")
X(LEDGER_EMPTY, "Leeg", "Empty")
X(LEDGER_TYPICAL, "typische soort, nog niemand", "typical kind, nobody yet")
X(LEDGER_NOBODY, "niemand", "nobody")
X(LEDGER_KINDS_TITLE, "Soorten partijen die meedoen", "Kinds of parties taking part")
X(LEDGER_OWNER, "eigenaar van het vraagstuk", "owner of the issue")
X(LEDGER_KIND_EMPTY, "Nog geen partij van deze soort.", "No party of this kind yet.")
X(LEDGER_EMPTY_ROLES_TITLE, "Lege rollen, en wie ze kan oppakken", "Empty roles, and who could take them")
X(LEDGER_EMPTY_ROLES_INTRO, "Deze partijen zijn actief in het gebied van het vraagstuk, in een gebied ernaast, in een groter gebied waar het onder valt of in een deel ervan. Eerst staan partijen die de rol zelf noemen, dan partijen van een soort die de rol vaak heeft. Daarbinnen komen eerst de partijen die het dichtstbij zijn, dan partijen met expertise die past bij het vraagstuk, dan partijen met meer uren per week. Bij elke partij staat waarom.",
  "These parties are active in the issue's area, in an area next to it, in a larger area it belongs to, or in a part of it. First come parties that name the role themselves, then parties of a kind that often has the role. Within those, the nearest parties come first, then parties with expertise that matches the issue, then parties with more hours a week. Each party says why.")
X(LEDGER_NO_EMPTY_ROLES, "Alle rollen zijn ingevuld.", "All roles are filled.")
X(LEDGER_EMPTY_KINDS_TITLE, "Ontbrekende soorten, en wie mee kan doen", "Missing kinds, and who could join")
X(LEDGER_NO_CANDIDATES, "Geen partijen gevonden in dit gebied.", "No parties found in this area.")
X(LEDGER_WHO_TITLE, "Wie doet wat", "Who does what")
X(LEDGER_WHO_NONE, "Nog geen partij heeft een rol opgepakt.", "No party has taken a role yet.")
X(LEDGER_GIVE_UP, "Teruggeven", "Give up")
X(LEDGER_GIVE_UP_LABEL, "Teruggeven: %s, de rol %s", "Give up: %s, the role %s")
X(LEDGER_TAKE_TITLE, "Een rol oppakken", "Take a role")
X(LEDGER_TAKE_INTRO, "Pakt jouw partij een rol op bij dit vraagstuk? Kies de partij en de rol.", "Does your party take a role for this issue? Choose the party and the role.")
X(LEDGER_TAKE, "Rol oppakken", "Take the role")
X(LEDGER_TAKE_LOGIN, "Log in om een rol op te pakken voor je partij", "Log in to take a role for your party")
X(LEDGER_TAKE_NO_PARTY, "Je bent nog geen lid van een partij. Word lid van een partij of maak er een, dan kun je een rol oppakken.",
  "You are not a member of a party yet. Join a party or make one, and then you can take a role.")
X(LEDGER_TAKEN, "De rol is opgepakt.", "The role has been taken.")
X(LEDGER_GIVEN_UP, "De rol is teruggegeven.", "The role has been given up.")
X(LEDGER_FULL, "Bij dit vraagstuk staan al de meeste rollen die kunnen (200). Laat een partij er eerst een teruggeven.",
  "This issue already has the most roles it can hold (200). Let a party give one up first.")

/* in the activity log */
X(ACTION_TAKE_ROLE, "Rol opgepakt voor een vraagstuk", "Role taken for an issue")
X(ACTION_GIVE_UP_ROLE, "Rol teruggegeven", "Role given up")
