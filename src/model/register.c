#include "register.h"

const struct enum_entry legal_bases[BASIS_COUNT] = {
	[BASIS_CONTRACT] = { "contract", { "Uitvoering van een overeenkomst (art. 6 lid 1 sub b AVG)",
					   "Performance of a contract (art. 6(1)(b) GDPR)" } },
	[BASIS_LEGITIMATE_INTERESTS] = { "legitimate_interests",
					 { "Gerechtvaardigd belang (art. 6 lid 1 sub f AVG)",
					   "Legitimate interests (art. 6(1)(f) GDPR)" } },
	[BASIS_PUBLIC_TASK] = { "public_task", { "Publieke taak (art. 6 lid 1 sub e AVG)",
						 "Public task (art. 6(1)(e) GDPR)" } },
};

/* Written in plain language (B1): people read this on /privacy. What is not
 * built yet is named as such ("binnenkort", "coming soon"). */
const struct processing_activity register_activities[] = {
	{ "accounts", { "Accounts", "Accounts" },
	  { "Zodat je kunt inloggen met je e-mailadres en wachtwoord, en zodat kiem weet wie wat mag.",
	    "So that you can log in with your email address and password, and so that kiem knows who may do what." },
	  BASIS_CONTRACT,
	  { { "Naam", "Name" },
	    { "E-mailadres", "Email address" },
	    { "Wachtwoord, alleen als onleesbare hash (argon2id)", "Password, only as an unreadable hash (argon2id)" },
	    { "Rol: bewoner, coördinator van gebieden of platformbeheerder", "Role: resident, coordinator of areas or platform administrator" },
	    { "Of en sinds wanneer het account geblokkeerd is", "Whether and since when the account is blocked" },
	    { "Datum van aanmaken", "Date created" },
	    { "Wanneer je kiem het laatst gebruikte, en of je een waarschuwing kreeg dat je account wordt gewist", "When you last used kiem, and whether you were warned that your account will be erased" },
	    { "Of en wanneer je e-mailadres is bevestigd, en in welke taal kiem je mailt", "Whether and when your email address was confirmed, and the language kiem mails you in" } },
	  { { "Mensen met een account", "People with an account" } },
	  { "Tot je account wordt gewist: dat doe je zelf op je accountpagina. Gebruik je kiem een jaar niet (365 dagen; de organisatie die kiem draait kan een andere termijn kiezen), dan krijg je een e-mail. Log je daarna binnen 30 dagen niet in, dan wissen we je account. Een account waarvan het e-mailadres niet binnen 7 dagen is bevestigd, wissen we helemaal.",
	    "Until your account is erased: you do that yourself on your account page. If you do not use kiem for a year (365 days; the organisation that runs kiem can choose another period), you get an email. If you do not log in within 30 days after that, we erase your account. An account whose email address is not confirmed within 7 days is deleted completely." },
	  { { "Platformbeheerders van deze kiem", "Platform administrators of this kiem" },
	    { "Leden en beheerders van je partijen, en coördinatoren van hun gebieden, zien je naam", "Members and admins of your parties, and coordinators of their areas, see your name" } } },

	{ "sessions", { "Inlogsessies", "Login sessions" },
	  { "Zodat je ingelogd blijft terwijl je kiem gebruikt, en zodat je op /account ziet waar je bent ingelogd.",
	    "So that you stay logged in while you use kiem, and so that you can see on /account where you are logged in." },
	  BASIS_CONTRACT,
	  { { "Een onleesbare hash van de sessiecode", "An unreadable hash of the session code" },
	    { "Wanneer je inlogde en wanneer je kiem het laatst gebruikte", "When you logged in and when you last used kiem" } },
	  { { "Mensen met een account", "People with an account" } },
	  { "Een sessie werkt niet meer 8 uur na het laatste gebruik, of 7 dagen na het inloggen. Uitloggen of de sessie beëindigen op /account wist hem meteen; een verlopen sessie wordt gewist bij de volgende keer dat iemand inlogt.",
	    "A session stops working 8 hours after its last use, or 7 days after logging in. Logging out or ending the session on /account erases it at once; an expired session is erased the next time anyone logs in." },
	  { { "Alleen jij", "Only you" } } },

	{ "email_links", { "Links in e-mails", "Links in emails" },
	  { "Zodat je je e-mailadres kunt bevestigen na het registreren, en een nieuw wachtwoord kunt kiezen als je het vergeten bent.",
	    "So that you can confirm your email address after registering, and choose a new password when you forgot yours." },
	  BASIS_CONTRACT,
	  { { "Een onleesbare hash van de code in de link", "An unreadable hash of the code in the link" },
	    { "Waarvoor de link is (bevestigen of wachtwoord herstellen) en van welk account", "What the link is for (confirming or resetting a password) and for which account" },
	    { "Wanneer de link is gemaakt en wanneer hij verloopt", "When the link was made and when it expires" } },
	  { { "Mensen die zich registreren of een nieuw wachtwoord vragen", "People who register or ask for a new password" } },
	  { "Tot de link is gebruikt of is verlopen: een link om te bevestigen na 48 uur, een link voor een nieuw wachtwoord na 1 uur. Verlopen links worden gewist als er een nieuwe link wordt gemaakt, en als je account wordt gewist.",
	    "Until the link is used or has expired: a link to confirm after 48 hours, a link for a new password after 1 hour. Expired links are erased when a new link is made, and when your account is erased." },
	  { { "Niemand: alleen wie de e-mail ontvangt kan de link gebruiken", "No one: only whoever receives the email can use the link" } } },

	{ "api_tokens", { "API-sleutels", "API tokens" },
	  { "Zodat je met een eigen programma de API van kiem kunt gebruiken.",
	    "So that you can use kiem's API with a program of your own." },
	  BASIS_CONTRACT,
	  { { "Een onleesbare hash van de sleutel", "An unreadable hash of the token" },
	    { "De naam die je de sleutel gaf", "The name you gave the token" },
	    { "Wanneer je hem maakte en wanneer hij het laatst werd gebruikt", "When you made it and when it was last used" } },
	  { { "Mensen met een account die een sleutel maken", "People with an account who make a token" } },
	  { "Tot je de sleutel intrekt op /account, of tot je account wordt gewist.",
	    "Until you revoke the token on /account, or until your account is erased." },
	  { { "Alleen jij", "Only you" } } },

	{ "memberships", { "Lidmaatschappen van partijen", "Memberships of parties" },
	  { "Zodat kiem weet wie een partij mag bewerken en namens haar mag optreden.",
	    "So that kiem knows who may edit a party and act on its behalf." },
	  BASIS_CONTRACT,
	  { { "Van welke partij je lid of beheerder bent", "Which party you are a member or admin of" },
	    { "Sinds wanneer", "Since when" } },
	  { { "Leden en beheerders van partijen", "Members and admins of parties" } },
	  { "Tot je uit de partij wordt gehaald, de partij wordt verwijderd of je account wordt gewist.",
	    "Until you are removed from the party, the party is deleted or your account is erased." },
	  { { "Leden en beheerders van dezelfde partij", "Members and admins of the same party" },
	    { "Coördinatoren van de gebieden van de partij", "Coordinators of the party's areas" },
	    { "Platformbeheerders", "Platform administrators" } } },

	{ "parties", { "Partijen en hun contactgegevens", "Parties and their contact details" },
	  { "De sociale kaart: zodat bewoners, initiatieven en organisaties elkaar kunnen vinden rond een sociaal vraagstuk.",
	    "The social map: so that residents, initiatives and organisations can find each other around a social issue." },
	  BASIS_LEGITIMATE_INTERESTS,
	  { { "Gegevens van de organisatie: naam, soort, beschrijving, gebieden, rollen, expertise", "The organisation's data: name, kind, description, areas, roles, expertise" },
	    { "Contactgegevens: e-mailadres, telefoonnummer, website; dat kan het adres of nummer van een contactpersoon zijn", "Contact details: email address, phone number, website; these may be a contact person's address or number" },
	    { "Wie de partij heeft aangemaakt", "Who made the party" } },
	  { { "Contactpersonen van organisaties en groepen", "Contact persons of organisations and groups" } },
	  { "Tot de partij wordt verwijderd, door een beheerder van de partij, een coördinator van haar gebied of een platformbeheerder. Leden van de partij kunnen de contactgegevens altijd aanpassen of leegmaken.",
	    "Until the party is deleted, by an admin of the party, a coordinator of its area or a platform administrator. Members of the party can always change or clear the contact details." },
	  { { "Iedereen, bij een openbare partij", "Everyone, for a public party" },
	    { "Bij een besloten partij: haar leden, coördinatoren van haar gebieden en platformbeheerders", "For a private party: its members, coordinators of its areas and platform administrators" } } },

	{ "activity", { "Activiteitenlog", "Activity log" },
	  { "Zodat achteraf is na te gaan wie wat wanneer veranderde: voor de veiligheid en om verantwoording af te leggen.",
	    "So that it can be checked afterwards who changed what and when: for security and accountability." },
	  BASIS_LEGITIMATE_INTERESTS,
	  { { "Wie (het nummer van het account), wanneer, welke handeling, op welk gegeven", "Who (the account's number), when, which action, on which record" },
	    { "De namen van de velden die veranderden, nooit wat erin stond", "The names of the fields that changed, never what was in them" } },
	  { { "Mensen met een account die iets veranderen", "People with an account who change something" } },
	  { "Zolang deze kiem draait. Het log bevat geen namen of inhoud; als je account wordt gewist, is het nummer niet meer aan jou te koppelen.",
	    "As long as this kiem runs. The log holds no names or contents; once your account is erased, the number can no longer be linked to you." },
	  { { "Platformbeheerders", "Platform administrators" } } },

	{ "login_attempts", { "Mislukte inlogpogingen", "Failed login attempts" },
	  { "Om te voorkomen dat iemand wachtwoorden raadt.", "To stop anyone from guessing passwords." },
	  BASIS_LEGITIMATE_INTERESTS,
	  { { "Het aantal mislukte pogingen per e-mailadres en per IP-adres", "The number of failed attempts per email address and per IP address" },
	    { "Het aantal verzoeken per IP-adres om een e-mail te sturen (registreren, een nieuwe link, een nieuw wachtwoord)", "The number of requests per IP address to send an email (registering, a new link, a new password)" } },
	  { { "Iedereen die probeert in te loggen", "Anyone who tries to log in" } },
	  { "15 minuten, alleen in het geheugen van de server; het wordt nooit opgeslagen.",
	    "15 minutes, only in the server's memory; it is never stored." },
	  { { "Niemand", "No one" } } },

	{ "cookies", { "Cookies", "Cookies" },
	  { "Alleen wat nodig is om kiem te laten werken: inloggen, formulieren beveiligen en je taalkeuze onthouden. Geen tracking, geen advertenties, geen cookies van anderen.",
	    "Only what kiem needs to work: logging in, protecting forms and remembering your language. No tracking, no advertising, no cookies of others." },
	  BASIS_LEGITIMATE_INTERESTS,
	  { { "kiem_session: de code van je inlogsessie", "kiem_session: the code of your login session" },
	    { "kiem_csrf: een willekeurige code die formulieren beschermt tegen misbruik", "kiem_csrf: a random code that protects forms against misuse" },
	    { "kiem_lang: je taalkeuze (nl of en)", "kiem_lang: your choice of language (nl or en)" } },
	  { { "Iedereen die kiem bezoekt", "Everyone who visits kiem" } },
	  { "kiem_session: tot je uitlogt, en hooguit 7 dagen. kiem_csrf: 30 dagen. kiem_lang: 365 dagen.",
	    "kiem_session: until you log out, and at most 7 days. kiem_csrf: 30 days. kiem_lang: 365 days." },
	  { { "Niemand: cookies gaan alleen naar deze kiem", "No one: cookies go only to this kiem" } } },
};

const size_t register_count = sizeof register_activities / sizeof register_activities[0];

size_t register_list_len(const char *const (*list)[LANG_COUNT])
{
	size_t n = 0;
	while (n < REGISTER_LIST_MAX && list[n][LANG_NL])
		n++;
	return n;
}
