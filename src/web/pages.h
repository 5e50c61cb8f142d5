/* The page handlers, one file per thing the user knows; the route table is
 * in routes.c. */
#ifndef KIEM_WEB_PAGES_H
#define KIEM_WEB_PAGES_H

#include <stdbool.h>
#include <stddef.h>

#include "../http/http.h"
#include "../model/area.h"
#include "../model/perm.h"

void page_home(struct http_req *r);
/* signals (issue 4, signals part): signals.c */
void page_signals(struct http_req *r);
void page_signal_new(struct http_req *r);
void page_signal(struct http_req *r);
void page_signal_move(struct http_req *r);
void page_signal_take_up(struct http_req *r);
void page_signal_decide(struct http_req *r);
void page_signal_uncluster(struct http_req *r);
/* The decisions on a regulatory signal (public), or "none yet" if asked. */
struct signal_decision;
void web_signal_decisions(struct http_req *r, const struct signal_decision *ds, size_t n, bool say_none);
void page_style(struct http_req *r);
void page_parties(struct http_req *r);
void page_party(struct http_req *r);
void page_party_new(struct http_req *r);
void page_party_edit(struct http_req *r);
void page_party_delete(struct http_req *r);
/* issue 8, verified parties (verification.c): the fact on a party's page,
 * with the button for who may; and the forms' targets */
struct party;
void web_party_verification(struct http_req *r, const struct party *pa);
void page_party_verify(struct http_req *r);
void page_party_unverify(struct http_req *r);
void page_login(struct http_req *r);
void page_logout(struct http_req *r);
void page_account(struct http_req *r);
void page_token_create(struct http_req *r);
void page_token_revoke(struct http_req *r);
void page_session_end(struct http_req *r);
void page_account_export(struct http_req *r);
void page_account_erase(struct http_req *r);
void page_members(struct http_req *r);
void page_member_role(struct http_req *r);
void page_member_remove(struct http_req *r);
void page_invitation_withdraw(struct http_req *r);
void page_invitation(struct http_req *r);
void page_invitation_accept(struct http_req *r);
void page_invitation_decline(struct http_req *r);
void page_activity(struct http_req *r);
void page_users(struct http_req *r);
void page_user(struct http_req *r);
void page_user_block(struct http_req *r);
void page_user_appoint(struct http_req *r);
void page_user_dismiss(struct http_req *r);
void page_privacy(struct http_req *r);
/* /open-data: the API and the downloads in plain words (opendata.c) */
void page_open_data(struct http_req *r);
void page_register(struct http_req *r);
/* issue 4, factors and the role ledger (helper 4) */
void page_factor_add(struct http_req *r);
void page_factor_edit(struct http_req *r);
void page_factor_delete(struct http_req *r);
void page_issue_roles(struct http_req *r);
void page_issue_role_give_up(struct http_req *r);
void page_confirm(struct http_req *r);
void page_confirm_again(struct http_req *r);
void page_password_forgot(struct http_req *r);
void page_password_reset(struct http_req *r);
/* issue 4, issues core (helper 1): issues.c, issue_form.c */
void page_issues(struct http_req *r);
void page_issue(struct http_req *r);
void page_issue_move(struct http_req *r);
void page_issue_new(struct http_req *r);
void page_issue_edit(struct http_req *r);
/* The name of an issue status for people: "Op de agenda". */
const char *web_issue_status(struct http_req *r, const char *key);
/* A short list of the issues a party owns, for its page (or nothing). */
void web_party_issues(struct http_req *r, const char *party_id);
/* end of issues core */

/* the voice of residents (issue 4, part 3): part_voice.c, notifications.c */
void page_voice_support(struct http_req *r);
void page_voice_withdraw(struct http_req *r);
void page_voice_follow(struct http_req *r);
void page_voice_unfollow(struct http_req *r);
void page_voice_comment(struct http_req *r);
void page_voice_comment_edit(struct http_req *r);
void page_voice_comment_hide(struct http_req *r);
void page_voice_comment_unhide(struct http_req *r);
void page_notifications(struct http_req *r);
void page_notification_read(struct http_req *r);
void page_notifications_read_all(struct http_req *r);
void page_notifications_digest(struct http_req *r);
/* The link to /account/meldingen with the count of unread ones. */
void web_notifications_link(struct http_req *r);

/* Too many requests that send mail (throttle.h): status 429 with
 * Retry-After, and the message for the top of the form. */
void web_mail_throttled(struct http_req *r, long wait);
void web_mail_throttled_notice(struct http_req *r, long wait);

/* Areas to offer in a picker: the tree down to districts, if it has at
 * most max of them; false if it has more (or cannot be read), and a field
 * for an area code serves instead. */
bool web_area_choices(struct http_req *r, size_t max, struct area **items, size_t *n);
/* The name of an area code, or the code itself. */
const char *web_area_name(struct http_req *r, const char *code);
/* A person's place in a party, for people: "Lid", "Beheerder". */
const char *web_member_role(struct http_req *r, enum member_role role);

#endif
