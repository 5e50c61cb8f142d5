/* The API's handlers, one file per resource; the table is in routes.c. */
#ifndef KIEM_API_ROUTES_H
#define KIEM_API_ROUTES_H

#include "../http/http.h"

void api_health(struct http_req *r);
void api_openapi(struct http_req *r);
void api_areas_list(struct http_req *r);
void api_areas_get(struct http_req *r);
void api_areas_create(struct http_req *r);
void api_roles_list(struct http_req *r);
void api_roles_get(struct http_req *r);
void api_register_list(struct http_req *r);
void api_parties_list(struct http_req *r);
void api_parties_get(struct http_req *r);
void api_parties_create(struct http_req *r);
void api_parties_patch(struct http_req *r);
void api_parties_delete(struct http_req *r);
/* issue 8, verified parties: verification.c */
void api_verification_get(struct http_req *r);
void api_verification_put(struct http_req *r);
void api_verification_delete(struct http_req *r);
/* issue 4, issues core (helper 1) */
void api_issues_list(struct http_req *r);
void api_issues_create(struct http_req *r);
void api_issues_get(struct http_req *r);
void api_issues_patch(struct http_req *r);
void api_issue_status_list(struct http_req *r);
void api_issue_status_create(struct http_req *r);
/* issue 4, factors and the role ledger (helper 4) */
void api_factors_list(struct http_req *r);
void api_factors_create(struct http_req *r);
void api_factors_get(struct http_req *r);
void api_factors_patch(struct http_req *r);
void api_factors_delete(struct http_req *r);
void api_ledger_get(struct http_req *r);
void api_ledger_take(struct http_req *r);
void api_ledger_entry_get(struct http_req *r);
void api_ledger_give_up(struct http_req *r);
void api_members_list(struct http_req *r);
void api_members_get(struct http_req *r);
void api_members_add(struct http_req *r);
void api_members_patch(struct http_req *r);
void api_members_delete(struct http_req *r);
void api_invitations_list(struct http_req *r);
void api_invitations_get(struct http_req *r);
void api_invitations_create(struct http_req *r);
void api_invitations_delete(struct http_req *r);
void api_invitation_accept(struct http_req *r);
void api_activity_list(struct http_req *r);
void api_users_me(struct http_req *r);
void api_users_me_export(struct http_req *r);
void api_users_me_delete(struct http_req *r);
void api_tokens_list(struct http_req *r);
void api_tokens_create(struct http_req *r);
void api_tokens_get(struct http_req *r);
void api_tokens_delete(struct http_req *r);
void api_sessions_list(struct http_req *r);
void api_sessions_get(struct http_req *r);
void api_sessions_delete(struct http_req *r);

void api_users_list(struct http_req *r);
void api_users_get(struct http_req *r);
void api_users_patch(struct http_req *r);
void api_users_appoint(struct http_req *r);
void api_users_dismiss(struct http_req *r);

/* signals (issue 4, signals part) */
void api_signals_list(struct http_req *r);
void api_signals_get(struct http_req *r);
void api_signals_create(struct http_req *r);
void api_signals_patch(struct http_req *r);
void api_signals_move(struct http_req *r);
void api_signals_take_up(struct http_req *r);
void api_signals_decisions_list(struct http_req *r);
void api_signals_decide(struct http_req *r);

void api_registrations_create(struct http_req *r);
void api_email_confirmations_create(struct http_req *r);
void api_email_confirmation_requests_create(struct http_req *r);
void api_password_reset_requests_create(struct http_req *r);
void api_password_resets_create(struct http_req *r);

/* the voice of residents (issue 4, part 3): voice.c */
void api_supports_get(struct http_req *r);
void api_supports_create(struct http_req *r);
void api_supports_me_delete(struct http_req *r);
void api_follows_me_get(struct http_req *r);
void api_follows_me_put(struct http_req *r);
void api_follows_me_delete(struct http_req *r);
void api_comments_list(struct http_req *r);
void api_comments_get(struct http_req *r);
void api_comments_create(struct http_req *r);
void api_comments_patch(struct http_req *r);
void api_comments_moderate(struct http_req *r);
void api_comments_unmoderate(struct http_req *r);
void api_notifications_list(struct http_req *r);
void api_notifications_patch_all(struct http_req *r);
void api_notifications_get(struct http_req *r);
void api_notifications_patch(struct http_req *r);
void api_users_me_patch(struct http_req *r);

#endif
