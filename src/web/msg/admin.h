/* The activity log at /beheer/activiteit (admin.c). */

X(ACTIVITY_TITLE, "Activiteit", "Activity")
X(ACTIVITY_INTRO, "Elke wijziging in kiem: wanneer, door wie, wat en welke gegevens. De nieuwste staat bovenaan. De gegevens zelf staan hier niet, alleen welke het waren.",
  "Every change in kiem: when, by whom, what, and which details. The newest is at the top. The details themselves are not kept here, only which ones they were.")
X(ACTIVITY_WHEN, "Wanneer", "When")
X(ACTIVITY_WHO, "Wie", "Who")
X(ACTIVITY_ACTION, "Actie", "Action")
X(ACTIVITY_OBJECT, "Wat", "What")
X(ACTIVITY_FIELDS, "Gegevens", "Details")
X(ACTIVITY_SYSTEM, "kiem zelf", "kiem itself")
X(ACTIVITY_GONE_ACCOUNT, "een verwijderd account", "a removed account")
X(ACTIVITY_GONE, "%s (bestaat niet meer)", "%s (no longer exists)")
X(ACTIVITY_NONE, "Er is nog geen activiteit.", "There is no activity yet.")
X(ACTIVITY_OLDER, "Oudere activiteit", "Older activity")
X(ACTIVITY_NEWEST, "Nieuwste activiteit", "Newest activity")
X(ACTIVITY_SUBJECT, "Over wie", "About whom")
X(ACTIVITY_SUBJECT_INVITATION, "een uitnodiging", "an invitation")
X(ACTIVITY_DETAIL_ROLE, "rol: %s", "role: %s")
X(ACTIVITY_INTRO_AREAS, "De wijzigingen aan de partijen in jouw gebieden: wanneer, door wie, wat en welke gegevens. De nieuwste staat bovenaan. De gegevens zelf staan hier niet, alleen welke het waren.",
  "The changes to the parties in your areas: when, by whom, what and which details. The newest is at the top. The details themselves are not shown, only which ones they were.")

/* in the activity log: the actions of every entity */
X(ACTION_CREATE, "Aangemaakt", "Created")
X(ACTION_UPDATE, "Gewijzigd", "Changed")
X(ACTION_DELETE, "Verwijderd", "Deleted")
