/* The pages' route table. More specific patterns come first. */
#include "pages.h"
#include "web.h"

const struct http_route web_routes[] = {
	{ HM_GET, "/", page_home, RF_PAGE | RF_CACHE },
	{ HM_GET, "/style.css", page_style, RF_PAGE },
	{ HM_GET, "/partijen", page_parties, RF_PAGE | RF_CACHE },
	{ HM_GET | HM_POST, "/partijen/nieuw", page_party_new, RF_PAGE },
	{ HM_GET, "/partijen/{id}", page_party, RF_PAGE | RF_CACHE },
	{ HM_GET | HM_POST, "/partijen/{id}/bewerken", page_party_edit, RF_PAGE },
	{ HM_GET | HM_POST, "/partijen/{id}/verwijderen", page_party_delete, RF_PAGE },
	{ HM_GET | HM_POST, "/partijen/{id}/leden", page_members, RF_PAGE },
	{ HM_POST, "/partijen/{id}/leden/{user}/rol", page_member_role, RF_PAGE },
	{ HM_POST, "/partijen/{id}/leden/{user}/verwijderen", page_member_remove, RF_PAGE },
	{ HM_POST, "/partijen/{id}/uitnodigingen/{invitation}/intrekken", page_invitation_withdraw, RF_PAGE },
	/* issue 4, issues core (helper 1) */
	{ HM_GET, "/vraagstukken", page_issues, RF_PAGE | RF_CACHE },
	{ HM_GET | HM_POST, "/vraagstukken/nieuw", page_issue_new, RF_PAGE },
	{ HM_GET, "/vraagstukken/{id}", page_issue, RF_PAGE | RF_CACHE },
	{ HM_GET | HM_POST, "/vraagstukken/{id}/bewerken", page_issue_edit, RF_PAGE },
	{ HM_POST, "/vraagstukken/{id}/status", page_issue_move, RF_PAGE },
	/* end of issues core */
	{ HM_GET, "/uitnodigingen/{code}", page_invitation, RF_PAGE },
	{ HM_POST, "/uitnodigingen/{code}/aannemen", page_invitation_accept, RF_PAGE },
	{ HM_POST, "/uitnodigingen/{code}/afslaan", page_invitation_decline, RF_PAGE },
	/* issue 4, factors and the role ledger (helper 4) */
	{ HM_GET | HM_POST, "/vraagstukken/{id}/factoren", page_factor_add, RF_PAGE },
	{ HM_GET | HM_POST, "/vraagstukken/{id}/factoren/{factor}/bewerken", page_factor_edit, RF_PAGE },
	{ HM_GET | HM_POST, "/vraagstukken/{id}/factoren/{factor}/verwijderen", page_factor_delete, RF_PAGE },
	{ HM_GET | HM_POST, "/vraagstukken/{id}/rollen", page_issue_roles, RF_PAGE | RF_CACHE },
	{ HM_POST, "/vraagstukken/{id}/rollen/{role}/{party}/teruggeven", page_issue_role_give_up, RF_PAGE },
	/* end of factors and the role ledger */
	{ HM_GET | HM_POST, "/inloggen", page_login, RF_PAGE },
	{ HM_POST, "/uitloggen", page_logout, RF_PAGE },
	{ HM_GET | HM_POST, "/registreren", page_register, RF_PAGE },
	{ HM_GET, "/bevestigen", page_confirm, RF_PAGE },
	{ HM_GET | HM_POST, "/bevestigen/opnieuw", page_confirm_again, RF_PAGE },
	{ HM_GET | HM_POST, "/wachtwoord-vergeten", page_password_forgot, RF_PAGE },
	{ HM_GET | HM_POST, "/wachtwoord-herstellen", page_password_reset, RF_PAGE },
	{ HM_GET, "/account", page_account, RF_PAGE },
	{ HM_POST, "/account/tokens", page_token_create, RF_PAGE },
	{ HM_POST, "/account/tokens/{id}/intrekken", page_token_revoke, RF_PAGE },
	{ HM_POST, "/account/sessies/{id}/beeindigen", page_session_end, RF_PAGE },
	{ HM_GET, "/account/gegevens", page_account_export, RF_PAGE },
	{ HM_POST, "/account/verwijderen", page_account_erase, RF_PAGE },
	{ HM_GET, "/privacy", page_privacy, RF_PAGE | RF_CACHE },
	{ HM_GET, "/beheer/activiteit", page_activity, RF_PAGE },
	{ HM_GET, "/beheer/gebruikers", page_users, RF_PAGE },
	{ HM_GET, "/beheer/gebruikers/{id}", page_user, RF_PAGE },
	{ HM_POST, "/beheer/gebruikers/{id}/blokkeren", page_user_block, RF_PAGE },
	{ HM_POST, "/beheer/gebruikers/{id}/coordinator", page_user_appoint, RF_PAGE },
	{ HM_POST, "/beheer/gebruikers/{id}/coordinator/{code}/ontslaan", page_user_dismiss, RF_PAGE },
};
const size_t web_routes_count = sizeof web_routes / sizeof web_routes[0];
