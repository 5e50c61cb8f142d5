/* The overview at / (home.c). */

X(HOME_TITLE, "Het ecosysteem in één oogopslag", "The ecosystem at a glance")
X(HOME_INTRO, "Sociale innovatie gedijt het best in een krachtig ecosysteem: burgerinitiatieven, sociaal werk, overheid, bedrijfsleven en kennisinstituten die elkaar vinden rond een sociaal vraagstuk. Hier zie je wie er meedoet.",
  "Social innovation thrives in a strong ecosystem: citizen initiatives, social work, government, business and knowledge institutes that find each other around a social issue. Here you see who takes part.")
X(HOME_BY_KIND, "Partijen per soort", "Parties by kind")
X(HOME_BY_AREA, "Partijen per gebied", "Parties by area")
X(HOME_BY_AREA_HINT, "Het aantal partijen dat actief is in het gebied, in een deel ervan of in een groter gebied waar het onder valt.",
  "The number of parties active in the area, in part of it, or in a larger area it belongs to.")
X(HOME_COUNTING, "De cijfers zijn er zo. Probeer het over een paar seconden opnieuw.",
  "The figures are almost ready. Try again in a few seconds.")
X(HOME_COUNTS_PUBLIC, "Het gaat om de openbare partijen.", "These are the public parties.")
X(HOME_MISSING, "Nog geen partijen van deze soort", "No parties of this kind yet")
P(HOME_ALL, "Bekijk de %lld partij", "Bekijk alle %lld partijen", "See the %lld party", "See all %lld parties")
P(HOME_PARTIES, "%lld partij", "%lld partijen", "%lld party", "%lld parties")
X(TOTAL, "Totaal", "Total")
