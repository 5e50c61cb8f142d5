/* The partners of an initiative and the room for intrapreneurship
 * (part_partners.c, part_intrapreneurship.c). */

X(PARTNERS_TITLE, "Partners", "Partners")
X(PARTNERS_INTRO, "De partijen die meedoen, met hun rol en wat ze inbrengen.",
  "The parties that take part, with their role and what they bring.")
X(PARTNERS_NONE, "Er doen nog geen andere partijen mee.", "No other parties take part yet.")
X(PARTNERS_CAPTION, "Partners van dit initiatief", "Partners of this initiative")
X(PARTNER_COL_PARTY, "Partij", "Party")
X(PARTNER_COL_ROLE, "Rol", "Role")
X(PARTNER_COL_CONTRIBUTION, "Bijdrage", "Contribution")
X(PARTNER_COL_HOURS, "Uren per week", "Hours per week")
X(PARTNER_COL_SINCE, "Sinds", "Since")
X(PARTNER_COL_ACTIONS, "Acties", "Actions")
X(PARTNER_NO_HOURS, "niet opgegeven", "not given")
X(PARTNER_EDIT, "Wijzigen", "Change")
X(PARTNER_EDIT_LABEL, "Partner wijzigen: %s", "Change partner: %s")
X(PARTNER_DELETE, "Verwijderen", "Remove")
X(PARTNER_DELETE_LABEL, "Partner verwijderen: %s", "Remove partner: %s")
X(PARTNER_WITHDRAW, "Terugtrekken", "Withdraw")
X(PARTNER_WITHDRAW_LABEL, "Terugtrekken uit dit initiatief: %s", "Withdraw from this initiative: %s")
X(PARTNER_ADD_TITLE, "Partner toevoegen", "Add a partner")
X(PARTNER_ADD_INTRO, "Kies een partij: je eigen partijen en partijen in het gebied van het initiatief staan hier. Via de API kan elke partij die je kunt zien.",
  "Choose a party: your own parties and parties in the initiative's area are listed. Through the API, any party you can see will do.")
X(PARTNER_ADD, "Partner toevoegen", "Add the partner")
X(PARTNER_NO_CANDIDATES, "Er zijn geen partijen om te kiezen.", "There are no parties to choose from.")
X(PARTNER_EDIT_TITLE, "Partner wijzigen", "Change a partner")
X(PARTNER_EDIT_OWN, "Je bent beheerder van deze partij: je kunt de bijdrage en de uren wijzigen. De rol en de datum bepaalt de trekkende partij.",
  "You are an admin of this party: you can change its contribution and hours. The lead party decides on the role and the date.")
X(PARTNER_DELETE_TITLE, "Partner verwijderen", "Remove a partner")
X(PARTNER_DELETE_CONFIRM, "Weet je zeker dat deze partij niet meer meedoet aan het initiatief?",
  "Are you sure this party no longer takes part in the initiative?")
X(PARTNER_DELETE_YES, "Ja, verwijderen", "Yes, remove")
X(PARTNERS_WHO, "Leden van de trekkende partij en coördinatoren van het gebied kunnen partners toevoegen.",
  "Members of the lead party and coordinators of the area can add partners.")
X(PARTNERS_LOGIN, "Log in om partners toe te voegen of je uren op te geven", "Log in to add partners or give your hours")
X(PARTNERS_FULL, "Dit initiatief heeft al het grootste aantal partners. Verwijder er eerst een.",
  "This initiative already has the largest number of partners. Remove one first.")
X(BACK_TO_INITIATIVE, "Terug naar het initiatief", "Back to the initiative")
X(PARTNER_ADDED, "De partner is toegevoegd.", "The partner was added.")
X(PARTNER_CHANGED, "De partner is gewijzigd.", "The partner was changed.")
X(PARTNER_REMOVED, "De partner is verwijderd.", "The partner was removed.")

/* intrapreneurship */
X(INTRA_TITLE, "Ruimte voor intrapreneurschap", "Room for intrapreneurship")
X(INTRA_INTRO, "Hoeveel uur per week werkgevers hun mensen geven om aan dit initiatief te werken. Iedereen ziet de totalen; namen ziet alleen de trekkende partij.",
  "How many hours a week employers give their people to work on this initiative. Everyone sees the totals; only the lead party sees names.")
P(INTRA_TOTAL, "In totaal %lld uur per week", "In totaal %lld uur per week", "In all %lld hour a week",
  "In all %lld hours a week")
P(INTRA_PEOPLE, "van %lld persoon.", "van %lld mensen.", "from %lld person.", "from %lld people.")
X(INTRA_NONE, "Nog niemand heeft uren opgegeven.", "Nobody has given hours yet.")
X(INTRA_PARTIES_CAPTION, "Uren per werkgever", "Hours per employer")
X(INTRA_PEOPLE_CAPTION, "Uren per persoon", "Hours per person")
X(INTRA_MINE_CAPTION, "Jouw uren", "Your hours")
X(INTRA_COL_EMPLOYER, "Werkgever", "Employer")
X(INTRA_COL_PERSON, "Persoon", "Person")
X(INTRA_COL_PEOPLE, "Mensen", "People")
X(INTRA_FORM_TITLE, "Je eigen uren opgeven", "Give your own hours")
X(INTRA_FORM_INTRO, "Krijg je van je werkgever tijd voor dit initiatief? Geef op hoeveel uur per week. Alleen jij kunt je uren opgeven, wijzigen of weghalen.",
  "Does your employer give you time for this initiative? Say how many hours a week. Only you can give, change or remove your hours.")
X(INTRA_GIVE, "Je uren opgeven", "Give your hours")
X(INTRA_CHANGE, "Je uren wijzigen", "Change your hours")
X(INTRA_SAVE, "Uren opslaan", "Save my hours")
X(INTRA_REMOVE, "Mijn uren weghalen", "Remove my hours")
X(INTRA_NO_PARTY, "Je bent nog geen lid van een partij. Word lid van de partij waar je werkt om je uren op te geven.",
  "You are not a member of a party yet. Become a member of the party you work for to give your hours.")
X(INTRA_SAVED, "Je uren zijn opgeslagen.", "Your hours were saved.")
X(INTRA_REMOVED, "Je uren zijn weggehaald.", "Your hours were removed.")
X(INTRA_PARTY_TITLE, "Ruimte voor intrapreneurschap", "Room for intrapreneurship")
X(INTRA_PARTY_INTRO, "Hoeveel uur per week de mensen van deze partij krijgen om aan initiatieven te werken.",
  "How many hours a week the people of this party get to work on initiatives.")
P(INTRA_PARTY_TOTAL, "In totaal %lld uur per week.", "In totaal %lld uur per week.", "In all %lld hour a week.",
  "In all %lld hours a week.")
X(INTRA_PARTY_NONE, "Nog niemand van deze partij heeft uren voor een initiatief opgegeven.",
  "Nobody of this party has given hours for an initiative yet.")
X(INTRA_PARTY_CAPTION, "Uren per initiatief", "Hours per initiative")
X(INTRA_COL_INITIATIVE, "Initiatief", "Initiative")
