/* A forgotten password and setting a new one (password.c). */

X(FORGOT_TITLE, "Wachtwoord vergeten", "Forgot your password")
X(FORGOT_INTRO, "Vul het e-mailadres van je account in. We sturen je een link om een nieuw wachtwoord te kiezen. De link werkt 1 uur.",
  "Fill in the email address of your account. We send you a link to choose a new password. The link works for 1 hour.")
X(FORGOT_SUBMIT, "Stuur de link", "Send the link")
X(FORGOT_SENT, "Is er een account met het e-mailadres %s? Dan sturen we er nu een link naartoe om een nieuw wachtwoord te kiezen. De link werkt 1 uur. Kijk ook bij de spam.",
  "Is there an account with the email address %s? Then we now send a link to it to choose a new password. The link works for 1 hour. Also look in your spam.")
X(RESET_TITLE, "Kies een nieuw wachtwoord", "Choose a new password")
X(RESET_INTRO, "Kies een nieuw wachtwoord voor je account. Je wordt dan overal uitgelogd, en logt daarna in met het nieuwe wachtwoord.",
  "Choose a new password for your account. You are then logged out everywhere, and log in again with the new password.")
X(NEW_PASSWORD, "Nieuw wachtwoord", "New password")
X(RESET_SUBMIT, "Wachtwoord opslaan", "Save password")
X(RESET_DONE_TITLE, "Je wachtwoord is veranderd", "Your password has been changed")
X(RESET_DONE_TEXT, "Je bent overal uitgelogd, en je API-tokens werken niet meer. Log nu in met je nieuwe wachtwoord.", "You have been logged out everywhere, and your API tokens no longer work. Log in now with your new password.")
X(RESET_BAD_TEXT, "De link is al gebruikt, is verlopen of is niet compleet. Een link voor een nieuw wachtwoord werkt 1 uur en maar één keer.",
  "The link was used already, has expired or is not complete. A link for a new password works for 1 hour, and only once.")
X(RESET_ASK_AGAIN, "Vraag een nieuwe link aan", "Ask for a new link")

/* in the activity log */
X(ACTION_SEND_RESET, "Link voor nieuw wachtwoord gestuurd", "Link for a new password sent")
X(ACTION_RESET_PASSWORD, "Nieuw wachtwoord gekozen", "New password chosen")
