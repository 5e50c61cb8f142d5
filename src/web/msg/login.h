/* Logging in and out (login.c). */

X(LOGIN_TITLE, "Inloggen", "Log in")
X(PASSWORD, "Wachtwoord", "Password")
X(LOGIN_SUBMIT, "Inloggen", "Log in")
X(LOGIN_FAILED, "Het e-mailadres of het wachtwoord klopt niet. Controleer ze en probeer het nog eens.",
  "The email address or the password is not right. Check them and try again.")
X(LOGIN_THROTTLED, "Er is te vaak een verkeerd wachtwoord gebruikt. Wacht %ld minuten en probeer het dan opnieuw.",
  "A wrong password was used too often. Wait %ld minutes, then try again.")
X(LOGIN_NEEDED, "Log in om verder te gaan.", "Log in to continue.")
X(LOGGED_OUT, "Je bent uitgelogd.", "You have logged out.")
X(LOGIN_UNCONFIRMED, "Je e-mailadres is nog niet bevestigd. Open eerst de link in de e-mail die we je stuurden toen je je account maakte.",
  "Your email address is not confirmed yet. First open the link in the email we sent you when you made your account.")
X(LOGIN_UNCONFIRMED_AGAIN, "Geen e-mail gekregen, of is de link verlopen?", "No email, or has the link expired?")
X(LOGIN_REGISTER, "Nog geen account?", "No account yet?")
X(LOGIN_REGISTER_LINK, "Maak een account", "Create an account")
X(LOGIN_FORGOT, "Wachtwoord vergeten?", "Forgot your password?")
