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
	    { "Datum van aanmaken", "Date created" } },
	  { { "Mensen met een account", "People with an account" } },
	  { "Tot je account wordt gewist: dat doe je zelf op je accountpagina. Binnenkort worden ook accounts die een instelbare periode (standaard 365 dagen) niet zijn gebruikt na een waarschuwing per e-mail gewist.",
	    "Until your account is erased: you do that yourself on your account page. Coming soon: accounts not used for a configurable period (365 days by default) are erased after a warning by email." },
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
	  { { "Het aantal mislukte pogingen per e-mailadres en per IP-adres", "The number of failed attempts per email address and per IP address" } },
	  { { "Iedereen die probeert in te loggen", "Anyone who tries to log in" } },
	  { "15 minuten, alleen in het geheugen van de server; het wordt nooit opgeslagen.",
	    "15 minutes, only in the server's memory; it is never stored." },
	  { { "Niemand", "No one" } } },

	{ "mail", { "E-mail van kiem", "Mail from kiem" },
	  { "Om je e-mail te sturen die bij je account hoort: je e-mailadres bevestigen, een nieuw wachtwoord kiezen, een uitnodiging voor een partij, en een waarschuwing voordat een account dat lang niet is gebruikt wordt gewist.",
	    "To send you the mail that comes with your account: confirming your email address, choosing a new password, an invitation to a party, and a warning before an account that has not been used for a long time is erased." },
	  BASIS_CONTRACT,
	  { { "Je e-mailadres", "Your email address" },
	    { "Het onderwerp en de tekst van de e-mail; de tekst kan een link bevatten die één keer werkt", "The subject and text of the mail; the text can hold a link that works once" },
	    { "Wanneer de e-mail is gemaakt en verstuurd, en waarom versturen mislukte", "When the mail was made and sent, and why sending failed" } },
	  { { "Mensen aan wie kiem e-mail stuurt", "People kiem sends mail to" } },
	  { "De tekst wordt gewist zodra de e-mail is verstuurd, of als versturen na 8 pogingen niet lukt. Het adres, het onderwerp en de tijden worden 30 dagen daarna gewist. Als je account wordt gewist, gaat alle e-mail aan jou meteen weg.",
	    "The text is erased as soon as the mail is sent, or when sending fails after 8 attempts. The address, the subject and the times are erased 30 days later. When your account is erased, all mail to you goes at once." },
	  { { "De mailserver die de organisatie achter deze kiem gebruikt om e-mail te bezorgen", "The mail server the organisation behind this kiem uses to deliver mail" },
	    { "De beheerders van de server van deze kiem", "The administrators of this kiem's server" } } },

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
