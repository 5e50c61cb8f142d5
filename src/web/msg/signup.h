/* Creating an account and confirming its email address (signup.c). */

X(REG_TITLE, "Account maken", "Create an account")
X(REG_INTRO, "Met een account kun je je partij op de sociale kaart zetten en bijhouden. Het is gratis.",
  "With an account you can put your party on the social map and keep it up to date. It is free.")
X(REG_NAME_HINT, "Je voornaam en achternaam, of de naam waaronder anderen je kennen.", "Your first and last name, or the name others know you by.")
X(REG_EMAIL_HINT, "We sturen een link naar dit adres om te controleren dat het van jou is.", "We send a link to this address to check that it is yours.")
X(REG_PASSWORD_HINT, "Minstens 12 tekens. Een zin of een paar losse woorden is sterk en goed te onthouden.",
  "At least 12 characters. A sentence or a few unrelated words is strong and easy to remember.")
X(REG_SUBMIT, "Account maken", "Create account")
X(REG_HAVE_ACCOUNT, "Heb je al een account?", "Do you have an account already?")
X(REG_SENT_TITLE, "Kijk in je mailbox", "Check your mailbox")
X(REG_SENT_TEXT, "We hebben een e-mail gestuurd naar %s. Open de link in die e-mail binnen 48 uur om je e-mailadres te bevestigen. Daarna kun je inloggen.",
  "We have sent an email to %s. Open the link in that email within 48 hours to confirm your email address. After that you can log in.")
X(REG_SENT_NONE, "Geen e-mail gekregen? Kijk ook bij je spam of ongewenste e-mail.", "No email? Also look in your spam or junk mail.")
X(RESEND_LINK, "Stuur de link opnieuw", "Send the link again")
X(MAIL_THROTTLED, "Er zijn vanaf jouw internetadres te veel verzoeken gedaan. Wacht %ld minuten en probeer het dan opnieuw.",
  "Too many requests came from your internet address. Wait %ld minutes, then try again.")
X(CONFIRM_DONE_TITLE, "Je e-mailadres is bevestigd", "Your email address is confirmed")
X(CONFIRM_DONE_TEXT, "Dank je wel. Je kunt nu inloggen met je e-mailadres en wachtwoord.", "Thank you. You can now log in with your email address and password.")
X(CONFIRM_TO_LOGIN, "Naar inloggen", "Go to log in")
X(LINK_BAD_TITLE, "Deze link werkt niet meer", "This link no longer works")
X(CONFIRM_BAD_TEXT, "De link is al gebruikt, is verlopen of is niet compleet. Een link om je e-mailadres te bevestigen werkt 48 uur en maar één keer. Is je adres al bevestigd? Dan kun je gewoon inloggen. Anders vraag je hieronder een nieuwe link aan.",
  "The link was used already, has expired or is not complete. A link to confirm your email address works for 48 hours, and only once. Is your address confirmed already? Then you can simply log in. Otherwise ask for a new link below.")
X(RESEND_TITLE, "Nieuwe link om je e-mailadres te bevestigen", "A new link to confirm your email address")
X(RESEND_INTRO, "Vul het e-mailadres van je account in. Is het nog niet bevestigd, dan sturen we er een nieuwe link naartoe.",
  "Fill in the email address of your account. If it is not confirmed yet, we send a new link to it.")
X(RESEND_SUBMIT, "Stuur een nieuwe link", "Send a new link")
X(RESEND_SENT, "Is er een account met dit e-mailadres dat nog niet bevestigd is? Dan sturen we er nu een nieuwe link naartoe. Kijk in je mailbox, ook bij de spam.",
  "Is there an account with this email address that is not confirmed yet? Then we now send a new link to it. Check your mailbox, and your spam too.")

/* in the activity log */
X(ACTION_REGISTER, "Account gemaakt", "Account made")
X(ACTION_CONFIRM_EMAIL, "E-mailadres bevestigd", "Email address confirmed")
X(ACTION_SEND_CONFIRMATION, "Nieuwe bevestigingslink gestuurd", "New confirmation link sent")
