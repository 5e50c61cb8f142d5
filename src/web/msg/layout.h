/* The frame of every page (the header, the menu, the footer) and what many pages share:
 * the parts of a form and of a list, and common words. */

/* the header and the menu */
X(SITE_TAGLINE, "Samen werken aan sociale innovatie", "Working together on social innovation")
X(SKIP, "Naar de inhoud", "Skip to content")
X(NAV_LABEL, "Hoofdmenu", "Main menu")
X(NAV_HOME, "Overzicht", "Overview")
X(NAV_PARTIES, "Partijen", "Parties")
X(NAV_ISSUES, "Vraagstukken", "Social issues")
X(NAV_SIGNALS, "Signalen", "Signals")
X(NAV_LOGIN, "Inloggen", "Log in")
X(NAV_REGISTER, "Account maken", "Create account")
X(NAV_ACCOUNT, "Account", "Account")
X(NAV_LOGOUT, "Uitloggen", "Log out")
X(NAV_ACTIVITY, "Activiteit", "Activity")
X(NAV_USERS, "Gebruikers", "Users")
X(LOGGED_IN_AS, "Ingelogd als %s", "Logged in as %s")
X(OTHER_LANG, "English", "Nederlands")
X(OTHER_LANG_LABEL, "Read this page in English", "Lees deze pagina in het Nederlands")

/* the footer; the dossier's Dutch title keeps lang="nl" */
X(FOOTER_HTML, "kiem is de infrastructuur van een sociaal ecosysteem, gebouwd op het dossier <cite lang=\"nl\">Wat werkt bij sociale innovatie</cite> van Movisie.",
  "kiem is the infrastructure of a social ecosystem, built on the Movisie dossier <cite lang=\"nl\">Wat werkt bij sociale innovatie</cite> (What works in social innovation).")
X(FOOTER_API, "Open data", "Open data")
X(FOOTER_PRIVACY, "Privacy", "Privacy")

/* forms */
X(OPTIONAL, "(niet verplicht)", "(optional)")
X(SAVE, "Opslaan", "Save")
X(CANCEL, "Annuleren", "Cancel")
X(ERROR_SUMMARY, "Er is iets niet goed ingevuld", "Something is not filled in right")
X(ERROR_SUMMARY_TEXT, "Pas de volgende punten aan:", "Please change the following:")
X(ERROR_PREFIX, "Fout:", "Error:")

/* lists: search, filters and pages */
X(FILTER_LEGEND, "Zoeken en filteren", "Search and filter")
X(FILTER_Q, "Zoekwoorden", "Search words")
X(FILTER_AREA_ALL, "Alle gebieden", "All areas")
X(FILTER_SORT, "Sorteren", "Sort")
X(FILTER_SUBMIT, "Zoeken", "Search")
X(FILTER_CLEAR, "Alles wissen", "Clear all")
X(PAGING, "Bladeren", "Pages")
X(PAGE_NEXT, "Volgende pagina", "Next page")
X(PAGE_FIRST, "Eerste pagina", "First page")
X(TABLE_SCROLL_HINT, "Schuif de tabel opzij om alle kolommen te zien.", "Scroll the table sideways to see all its columns.")

/* words of many pages */
X(NAME, "Naam", "Name")
X(EMAIL, "E-mailadres", "Email address")
X(ROLE, "Rol", "Role")
X(AREA, "Gebied", "Area")
X(AREA_CODE, "Gebied (code)", "Area (code)")
X(AREA_CODE_HINT, "De CBS-code van een gemeente, wijk of buurt, zoals GM0344.", "The CBS code of a municipality, district or neighbourhood, like GM0344.")
X(UPDATED, "Bijgewerkt", "Updated")
X(EDIT, "Bewerken", "Edit")
X(NONE_GIVEN, "Niet ingevuld", "Not given")
X(DATETIME, "%s om %s", "%s at %s")
X(DATETIME_UTC, "%s om %s (UTC)", "%s at %s (UTC)")
