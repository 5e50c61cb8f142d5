/* Answering an invitation to a party (invitations.c). */

X(INVITATION_TITLE, "Uitnodiging voor %s", "Invitation to %s")
X(INVITATION_FROM, "%s nodigt je uit voor de partij %s.", "%s invites you to the party %s.")
X(INVITATION_FROM_NOBODY, "Je bent uitgenodigd voor de partij %s.", "You have been invited to the party %s.")
X(INVITATION_ROLE, "Je rol wordt: %s.", "Your role will be: %s.")
X(INVITATION_UNTIL, "De uitnodiging werkt tot %s.", "The invitation works until %s.")
X(INVITATION_LOGIN_TEXT, "Log in om de uitnodiging aan te nemen. Heb je nog geen account? Maak er dan een, met het e-mailadres %s.",
  "Log in to accept the invitation. No account yet? Then make one, with the email address %s.")
X(INVITATION_LOGIN, "Inloggen", "Log in")
X(INVITATION_REGISTER, "Account maken", "Make an account")
X(INVITATION_AS, "Je bent ingelogd als %s. Neem je de uitnodiging aan?", "You are logged in as %s. Do you accept the invitation?")
X(INVITATION_ACCEPT, "Aannemen", "Accept")
X(INVITATION_DECLINE, "Afslaan", "Decline")
X(INVITATION_ACCEPTED, "Je hebt de uitnodiging aangenomen. Welkom bij de partij!", "You have accepted the invitation. Welcome to the party!")
X(INVITATION_DECLINED_TITLE, "Uitnodiging afgeslagen", "Invitation declined")
X(INVITATION_DECLINED_TEXT, "Je hebt de uitnodiging afgeslagen. Er is verder niets veranderd. Wil je later toch meedoen? Vraag de partij dan om een nieuwe uitnodiging.",
  "You have declined the invitation. Nothing else has changed. Do you want to join later after all? Then ask the party for a new invitation.")
X(INVITATION_GONE_TITLE, "Deze uitnodiging werkt niet meer", "This invitation no longer works")
X(INVITATION_GONE_TEXT, "De link is onbekend, al gebruikt, ingetrokken of verlopen. Een uitnodiging werkt één keer en 14 dagen lang. Wil je meedoen? Vraag de partij om een nieuwe uitnodiging.",
  "The link is unknown, already used, withdrawn or expired. An invitation works once and for 14 days. Do you want to join? Ask the party for a new invitation.")

/* in the activity log */
X(ACTION_INVITE, "Uitgenodigd", "Invited")
X(ACTION_ACCEPT_INVITATION, "Uitnodiging aangenomen", "Invitation accepted")
X(ACTION_DECLINE_INVITATION, "Uitnodiging afgeslagen", "Invitation declined")
X(ACTION_WITHDRAW_INVITATION, "Uitnodiging ingetrokken", "Invitation withdrawn")
