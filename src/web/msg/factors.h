/* The factors of an issue (part_factors.c). */

X(FACTORS_TITLE, "Omgevingsfactoren", "Environmental factors")
X(FACTORS_INTRO, "Wat in de omgeving helpt of remt de samenwerking rond dit vraagstuk? Het dossier noemt vier soorten: sociaal (normen), cultuur (waarden), economie (hulpbronnen) en politiek (wetten en beleid).",
  "What in the surroundings helps or hinders the collaboration around this issue? The dossier names four kinds: social (norms), cultural (values), economic (resources) and political (laws and policy).")
X(FACTORS_NONE, "Er zijn nog geen omgevingsfactoren vastgelegd.", "No environmental factors have been recorded yet.")
X(FACTORS_KIND_NONE, "Nog niets over deze soort.", "Nothing about this kind yet.")
X(FACTORS_SUMMARY_CAPTION, "Hoeveel factoren helpen en remmen, per soort", "How many factors help and hinder, per kind")
X(FACTORS_WHO, "Leden van de partijen die bij dit vraagstuk horen en coördinatoren van het gebied kunnen factoren toevoegen.",
  "Members of the parties that belong to this issue and coordinators of the area can add factors.")
X(FACTORS_LOGIN, "Log in om een factor toe te voegen", "Log in to add a factor")
X(FACTOR_ADD_TITLE, "Omgevingsfactor toevoegen", "Add an environmental factor")
X(FACTOR_ADD, "Factor toevoegen", "Add the factor")
X(FACTOR_EDIT_TITLE, "Omgevingsfactor wijzigen", "Change an environmental factor")
X(FACTOR_EDIT, "Wijzigen", "Change")
X(FACTOR_EDIT_LABEL, "Wijzigen: %s", "Change: %s")
X(FACTOR_DELETE, "Verwijderen", "Remove")
X(FACTOR_DELETE_LABEL, "Verwijderen: %s", "Remove: %s")
X(FACTOR_DELETE_TITLE, "Omgevingsfactor verwijderen", "Remove an environmental factor")
X(FACTOR_DELETE_CONFIRM, "Weet je zeker dat je deze factor wilt verwijderen?", "Are you sure you want to remove this factor?")
X(FACTOR_DELETE_YES, "Ja, verwijderen", "Yes, remove")
X(FACTOR_FULL, "Dit vraagstuk heeft al het grootste aantal factoren (100). Verwijder er eerst een.",
  "This issue already has the largest number of factors (100). Remove one first.")
