/* account: people who make their own account, confirm their email address
 * and reset a forgotten password, through one-time links sent by mail.
 *
 * A link's code is a secret given out once (in the mail) and stored only
 * as its hash in email_links, with its purpose and when it expires. The
 * mail is queued in the outbox in the same transaction as the change.
 *
 * Nothing here tells a stranger whether an email address has an account:
 * registering with a taken address, or asking for a link for an unknown
 * one, answers as for any other, and only the mailbox learns more. Not by
 * the time of the answer either: such a request is checked, counted and
 * queued in the table account_requests (one row and a durable commit,
 * whatever the address), and the worker of serve carries it out
 * (account_work): it looks the address up and writes the account, the
 * link and the mail. The requests that send mail are limited per client
 * address (throttle.h). */
#ifndef KIEM_ACCOUNT_H
#define KIEM_ACCOUNT_H

#include "../base/lang.h"
#include "fields.h"
#include "valid.h"

struct arena;
struct store;

enum {
	CONFIRM_LINK_HOURS = 48, /* a link to confirm an address works this long */
	RESET_LINK_HOURS = 1,    /* a link to reset a password works this long */
};

/* Where to send mail from and whom to: one request's context. */
struct mail_request {
	const char *address; /* the client's address, for throttle_mail */
	long retry_after;    /* out: the seconds to wait, with ERR_BUSY */
};

/* Queues the registration of a new account (email not confirmed yet) and
 * of the mail with a link to confirm it, in lang; next (a path on this
 * site, else ignored) goes through the link to the confirmation page. If
 * the address has an account already, its owner is told by mail instead,
 * and the answer is the same. The password is hashed here. ERR_INVALID
 * with problems on name, email and password (the rules of user_add);
 * ERR_BUSY when the client sent too many. */
int account_register(struct store *s, struct arena *a, const char *name, const char *email,
		     const char *password, enum lang lang, const char *next, struct mail_request *m,
		     struct problems *p);
/* Queues a new confirmation link, mailed if the address has an account
 * that is not confirmed yet (and not blocked); answers the same either
 * way. */
int account_resend(struct store *s, struct arena *a, const char *email, const char *next,
		   struct mail_request *m, struct problems *p);
/* Confirms the address of the link's account and uses the link up;
 * ERR_INVALID with a problem on "code" if it is unknown, used or expired. */
int account_confirm(struct store *s, const char *code, struct problems *p);

/* Queues a link to choose a new password, mailed if the address has an
 * account that is not blocked; answers the same either way. */
int account_reset_request(struct store *s, struct arena *a, const char *email, struct mail_request *m,
			  struct problems *p);

/* Carries out the queued requests, oldest first, each in a transaction of
 * its own that also deletes it; *done counts them. An error stops the
 * work (the request stays for the next time, or is dropped and logged if
 * it can never work). For the worker of serve. */
int account_work(struct store *s, int *done);
/* Called, if set, after a request was queued: wakes the worker. */
extern void (*account_queued)(void);
/* 0 if a reset link's code works now (and uses nothing up), else
 * ERR_NOTFOUND. */
int account_reset_check(struct store *s, const char *code);
/* Sets a new password with a reset link: the rules of a new password,
 * problem on field "password"; a problem on "code" if the link does not
 * work. The user's reset links are used up, all their sessions end and
 * their API tokens are deleted, a mail tells them so, and their address
 * counts as confirmed (the mail reached them). */
int account_reset(struct store *s, struct arena *a, const char *code, const char *password,
		  struct problems *p);
/* The operator sets a new password for the account of email (kiem user
 * passwd): ERR_NOTFOUND without one, ERR_INVALID with a problem on
 * "password". As after a reset, the sessions and API tokens end and a
 * mail says so; pending reset links stop, and the address counts as
 * confirmed (the operator vouches for it). out is the account. */
struct user;
int account_set_password(struct store *s, struct arena *a, const char *email, const char *password,
			 struct user *out, struct problems *p);

/* What a person sends to make an account (name, email, password, lang) or
 * to choose a new password (code, password): the fields of those bodies,
 * for the OpenAPI document. */
struct account_form {
	const char *name, *email, *password, *lang, *code;
};
extern const struct field_desc registration_fields[];
extern const size_t registration_nfields;
extern const struct field_desc password_reset_fields[];
extern const size_t password_reset_nfields;

#endif
