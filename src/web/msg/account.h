/* The account page: API tokens, sessions, parties, one's data and erasing the
 * account (account.c). */

X(ACCOUNT_TITLE, "Je account", "Your account")
X(TOKENS_TITLE, "API-tokens", "API tokens")
X(TOKENS_ASK, "Voor ontwikkelaars: een programma laten werken met je account (API-tokens)",
  "For developers: let a program work with your account (API tokens)")
X(TOKENS_INTRO, "Met een API-token kan een programma namens jou de JSON-API van kiem gebruiken. Stuur het mee als 'Authorization: Bearer' gevolgd door het token. Houd het geheim, net als een wachtwoord.",
  "With an API token a program can use kiem's JSON API on your behalf. Send it as 'Authorization: Bearer' followed by the token. Keep it secret, like a password.")
X(TOKEN_NAME, "Waarvoor is het token?", "What is the token for?")
X(TOKEN_NAME_HINT, "Bijvoorbeeld de naam van het programma. Zo herken je het later.", "For example the name of the program, so you recognise it later.")
X(TOKEN_CREATE, "Token maken", "Create token")
X(TOKEN_NEW, "Je nieuwe token", "Your new token")
X(TOKEN_NEW_TEXT, "Kopieer het nu en bewaar het veilig: kiem laat het maar één keer zien.", "Copy it now and keep it safe: kiem shows it only once.")
X(TOKEN_CREATED, "Gemaakt", "Created")
X(TOKEN_USED, "Laatst gebruikt", "Last used")
X(TOKEN_REVOKE, "Intrekken", "Revoke")
X(TOKEN_REVOKED, "Het token is ingetrokken.", "The token has been revoked.")
X(TOKENS_NONE, "Je hebt nog geen tokens.", "You have no tokens yet.")
X(NEVER, "Nooit", "Never")
X(MY_PARTIES, "Je partijen", "Your parties")
X(MY_PARTIES_NONE, "Je bent nog geen lid van een partij. Voeg zelf een partij toe, of vraag de beheerder van een partij om je toe te voegen.",
  "You are not a member of a party yet. Add a party yourself, or ask the administrator of a party to add you.")
X(MEMBER_LEFT, "Je hebt de partij verlaten.", "You have left the party.")
X(SESSIONS_TITLE, "Je sessies", "Your sessions")
X(SESSIONS_INTRO, "Hier zie je waar je nu bent ingelogd. Herken je een sessie niet? Beëindig die dan. Een sessie eindigt vanzelf als je %d uur niets doet, en altijd na %d dagen.",
  "Here you see where you are logged in now. Do you not recognise a session? Then end it. A session ends by itself after %d hours without use, and always after %d days.")
X(SESSION_STARTED, "Begonnen", "Started")
X(SESSION_LAST_SEEN, "Laatst actief", "Last active")
X(SESSION_EXPIRES, "Verloopt", "Expires")
X(SESSION_CURRENT, "Deze sessie", "This session")
X(SESSION_END, "Beëindigen", "End")
X(SESSION_END_LABEL, "Beëindigen: de sessie van %s", "End: the session of %s")
X(SESSION_END_CURRENT, "Beëindigen: deze sessie (je wordt uitgelogd)", "End: this session (you will be logged out)")
X(SESSION_ENDED, "De sessie is beëindigd.", "The session has been ended.")
X(SESSIONS_NONE, "Je hebt geen andere sessies.", "You have no other sessions.")
X(DATA_TITLE, "Je gegevens", "Your data")
X(DATA_INTRO, "Download alles wat kiem over jou bewaart, in één JSON-bestand: je account, je lidmaatschappen, de partijen die je maakte, je sessies en tokens (zonder de geheime delen) en de activiteit waarbij jij betrokken bent.",
  "Download everything kiem keeps about you, in one JSON file: your account, your memberships, the parties you made, your sessions and tokens (without their secret parts) and the activity you were part of.")
X(DATA_DOWNLOAD, "Download je gegevens (JSON)", "Download your data (JSON)")
X(ERASE_TITLE, "Account verwijderen", "Erase your account")
X(ERASE_INTRO, "Als je je account verwijdert, halen we je naam en e-mailadres weg, beëindigen we je sessies, trekken we je tokens in en ben je geen lid meer van je partijen. Wat je maakte, zoals partijen, blijft bestaan, maar zonder je naam. In het logboek staat alleen dat een account is verwijderd. Dit kun je niet ongedaan maken.",
  "If you erase your account, we remove your name and email address, end your sessions, revoke your tokens and take you out of your parties. What you made, such as parties, stays, but without your name. The log only records that an account was erased. You cannot undo this.")
X(ERASE_CONFIRM, "Typ je e-mailadres om te bevestigen", "Type your email address to confirm")
X(ERASE_CONFIRM_HINT, "Het e-mailadres waarmee je inlogt.", "The email address you log in with.")
X(ERASE_BUTTON, "Mijn account definitief verwijderen", "Erase my account for good")
X(ERASE_LAST_ADMIN, "Je bent de laatste beheerder van kiem. Maak eerst iemand anders beheerder; dan kun je je account verwijderen.",
  "You are the last administrator of kiem. Make someone else administrator first; then you can erase your account.")
X(ERASED, "Je account is verwijderd en je bent uitgelogd.", "Your account has been erased and you have been logged out.")

/* in the activity log */
