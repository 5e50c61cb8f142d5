/* user: people with an account, their login sessions and their API tokens.
 *
 * Passwords are hashed with argon2id (libsodium). Session ids and API
 * tokens are 32 random bytes, given to the client once and stored only as
 * their hash; a lookup hashes what the client sends and compares hashes. */
#ifndef KIEM_USER_H
#define KIEM_USER_H

#include <stdbool.h>
#include <stddef.h>

#include "fields.h"
#include "perm.h"
#include "valid.h"

struct arena;
struct store;
struct store_conn;

enum {
	USER_NAME_MAX = 200,
	USER_EMAIL_MAX = 254,
	PASSWORD_MIN = 12,
	PASSWORD_MAX = 1024,
	SECRET_STRLEN = 43, /* 32 bytes in base64url */
	TOKEN_STRLEN = 48,  /* "kiem_" and a secret */
	TOKEN_NAME_MAX = 100,
	SESSION_DAYS = 7,        /* a session ends this long after login, whatever */
	SESSION_IDLE_HOURS = 8,  /* ... or this long after its last use */
	USER_HASH_MAX = 128,     /* crypto_pwhash_STRBYTES */
};

struct user {
	char id[UUID_STRLEN + 1];
	const char *email;
	const char *name;
	const char *role; /* a key of platform_roles */
	const char *created_at;
	bool blocked;
	bool confirmed;   /* the email address is confirmed */
	enum lang lang;   /* the language of mail to them */
	struct strlist coordinator_areas; /* by user_coordinator_areas, or empty */
};

/* The platform role of an account, for its viewer. */
enum platform_role user_role(const struct user *u);

/* Its fields, for the API and the log; coordinatorAreas is the last, and
 * only one account's answer has it. */
extern const struct field_desc user_fields[];
extern const size_t user_nfields;

/* The checks of a new account's email, name and password (email lowered
 * and name trimmed in place), adding problems: the one set of rules for
 * accounts made by an operator and by registration. */
void user_check_new(struct arena *a, const char **email, const char **name, const char *password,
		    struct problems *p);
/* The rules for a new password (password.h), as a problem on field. */
void user_check_password(struct problems *p, const char *field, const char *password,
			 const char *email, const char *name);
/* The argon2id hash a password is stored as. */
int user_hash_password(const char *password, char out[USER_HASH_MAX]);
/* Ends every session of a user, on the writer c inside a transaction. */
int user_end_sessions(struct store_conn *c, const char *user_id);
/* Deletes every API token of a user, on the writer c inside a transaction:
 * at a new password, whoever knew the old one may have made one. */
int user_end_tokens(struct store_conn *c, const char *user_id);

/* Creates an account; ERR_INVALID with problems (email taken is a problem
 * on "email"). */
int user_add(struct store *s, struct arena *a, const char *email, const char *name,
	     const char *password, enum platform_role role, struct user *out, struct problems *p);
int user_by_email(struct store *s, struct arena *a, const char *email, struct user *out);
/* Checks a password; ERR_AUTH when the email or password is wrong (or the
 * account is blocked), taking the same time either way; ERR_UNCONFIRMED
 * (out filled) when they are right but the address is not confirmed yet. */
int user_authenticate(struct store *s, struct arena *a, const char *email, const char *password,
		      struct user *out);

/* Starts a session for the user; writes its secret to token. */
int session_create(struct store *s, const char *user_id, char token[SECRET_STRLEN + 1]);
/* The viewer of a session secret; ERR_AUTH if unknown or expired. */
int session_viewer(struct store *s, const char *token, struct viewer *out);
int session_delete(struct store *s, const char *token);

/* A login session as its owner sees it: its id is the start of the hash it
 * is stored under, never the secret. */
struct session_info {
	char id[17];
	const char *created_at;
	const char *last_seen_at;
	const char *expires_at;
	bool current; /* the session of this request */
};
/* Its fields, for the API (account.c). */
extern const struct field_desc session_fields[];
extern const size_t session_nfields;
int session_list(struct store *s, struct arena *a, const struct viewer *v, const char *current_token,
		 struct session_info **items, size_t *n);
/* One of the viewer's sessions by its id, as in the list; ERR_NOTFOUND if
 * not theirs, or ended. */
int session_get(struct store *s, struct arena *a, const struct viewer *v, const char *current_token,
		const char *id, struct session_info *out);
/* Ends one of the viewer's sessions by its id; ERR_NOTFOUND if not theirs. */
int session_revoke(struct store *s, const struct viewer *v, const char *id);
/* The account of a user id. */
int user_get(struct store *s, struct arena *a, const char *id, struct user *out);

struct api_token {
	char id[UUID_STRLEN + 1];
	const char *name;
	const char *created_at;
	const char *last_used_at; /* or NULL */
};
/* Its fields, for the API (account.c); never its secret. */
extern const struct field_desc token_fields[];
extern const size_t token_nfields;

/* Creates an API token for the user; writes the token (shown once) to
 * secret. */
int token_create(struct store *s, struct arena *a, const struct viewer *v, const char *name,
		 char secret[TOKEN_STRLEN + 1], struct api_token *out, struct problems *p);
/* The viewer of a bearer token; ERR_AUTH if unknown. */
int token_viewer(struct store *s, const char *secret, struct viewer *out);
int token_list(struct store *s, struct arena *a, const struct viewer *v, struct api_token **items,
	       size_t *n);
/* One of the viewer's tokens by its id; ERR_NOTFOUND if not theirs. */
int token_get(struct store *s, struct arena *a, const struct viewer *v, const char *id,
	      struct api_token *out);
int token_revoke(struct store *s, const struct viewer *v, const char *id);

/* Blocks or unblocks an account (platform admins). A blocked account cannot
 * log in, and its sessions end and its tokens stop working. ERR_CONFLICT
 * for an admin's own account. */
int user_set_blocked(struct store *s, const struct viewer *v, const char *user_id, bool blocked);
/* Appoints a user coordinator of an area, or dismisses them (platform
 * admins). The platform role follows; the user's sessions end, so that
 * they log in again with their new rights. A problem on "area" if there is
 * no such area; ERR_NOTFOUND if there is no such user. */
int user_set_coordinator(struct store *s, const struct viewer *v, const char *user_id,
			 const char *area_code, bool appoint, struct problems *p);
/* The accounts, for platform admins, newest first; q matches the name or
 * the email. *next is the cursor of the next page, or NULL. */
int user_list(struct store *s, struct arena *a, const struct viewer *v, const char *q,
	      const char *cursor, int limit, struct user **items, size_t *n, const char **next,
	      struct problems *p);
/* Every account, by email, for the operator's command line (no viewer:
 * whoever can read the database file may): fn is called with each and
 * when it last logged in or used kiem (or NULL); a non-zero return from
 * fn stops the walk and is returned. */
int user_each(struct store *s, struct arena *a,
	      int (*fn)(void *ctx, const struct user *u, const char *last_active_at), void *ctx);
/* The codes of the areas a user coordinates, in tree order. */
int user_coordinator_areas(struct store *s, struct arena *a, const char *user_id, const char ***codes,
			   size_t *n);

/* The hash under which a secret is stored (64 hex characters). */
void secret_hash(const char *secret, char out[65]);
/* A new secret: 32 random bytes from libsodium, in base64url. */
void secret_new(char out[SECRET_STRLEN + 1]);
/* An email address as it is stored and compared: trimmed, in lower case;
 * in the arena. */
char *email_normal(struct arena *a, const char *s);

#endif
