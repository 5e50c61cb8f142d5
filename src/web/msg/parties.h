/* Parties: the list, a party's page, its form and deleting it (parties.c, party_form.c). */

/* the list */
X(PARTIES_TITLE, "Partijen", "Parties")
X(PARTIES_INTRO, "De sociale kaart: alle partijen in het ecosysteem. Zoek op naam of onderwerp, of kies een soort, gebied, rol of expertise.",
  "The social map: all parties in the ecosystem. Search by name or topic, or choose a kind, area, role or expertise.")
X(FILTER_KIND_ALL, "Alle soorten", "All kinds")
X(FILTER_ROLE_ALL, "Alle rollen", "All roles")
X(FILTER_TAG, "Expertise", "Expertise")
X(SORT_NAME_ASC, "Op naam (A tot Z)", "By name (A to Z)")
X(SORT_NAME_DESC, "Op naam (Z tot A)", "By name (Z to A)")
X(SORT_CREATED_ASC, "Oudste eerst", "Oldest first")
X(SORT_CREATED_DESC, "Nieuwste eerst", "Newest first")
X(PARTIES_NONE, "Geen partijen gevonden. Probeer andere zoekwoorden of minder filters.", "No parties found. Try other search words or fewer filters.")
X(PARTIES_RESULTS, "Resultaten", "Results")
X(PARTY_ADD, "Partij toevoegen", "Add a party")
X(PARTY_ADD_LOGIN, "Log in om een partij toe te voegen.", "Log in to add a party.")

/* a party */
X(KIND, "Soort partij", "Kind of party")
X(AREAS, "Gebieden", "Areas")
X(ROLES, "Rollen", "Roles")
X(TAGS, "Expertise", "Expertise")
X(CONTACT, "Contact", "Contact")
X(PHONE, "Telefoonnummer", "Phone number")
X(WEBSITE, "Website", "Website")
X(CAPACITY, "Capaciteit", "Capacity")
P(CAPACITY_HOURS, "%lld uur per week", "%lld uur per week", "%lld hour a week", "%lld hours a week")
X(VISIBILITY, "Zichtbaarheid", "Visibility")
X(DELETE, "Verwijderen", "Delete")
X(SAVED, "De partij is opgeslagen.", "The party has been saved.")
X(DELETED, "De partij is verwijderd.", "The party has been deleted.")
X(BACK_TO_PARTIES, "Terug naar alle partijen", "Back to all parties")

/* the form */
X(PARTY_NEW_TITLE, "Nieuwe partij", "New party")
X(PARTY_EDIT_TITLE, "Partij bewerken", "Edit party")
X(AREAS_CODES_HINT, "Gebiedscodes van het CBS, gescheiden door komma's, zoals GM0344, WK034403.",
  "CBS area codes, separated by commas, like GM0344, WK034403.")
X(CONTACT_LEGEND, "Contactgegevens", "Contact details")

/* deleting a party */
X(DELETE_TITLE, "Partij verwijderen", "Delete party")
X(DELETE_CONFIRM, "Weet je zeker dat je '%s' wilt verwijderen? Dit kun je niet ongedaan maken.",
  "Are you sure you want to delete '%s'? You cannot undo this.")
X(DELETE_YES, "Ja, verwijderen", "Yes, delete")
X(DELETE_NO, "Nee, terug", "No, go back")
X(PARTY, "Partij", "Party")
