/* err: the project's error codes.
 *
 * Functions return int: 0 on success, one of these (negative) on failure.
 * err_str() gives a short English description for logs and CLI messages. */
#ifndef KIEM_ERR_H
#define KIEM_ERR_H

enum {
	ERR_OK = 0,
	ERR_NOMEM = -1,     /* out of memory or over a size limit */
	ERR_IO = -2,        /* file or socket trouble */
	ERR_DB = -3,        /* the database failed; details are logged */
	ERR_NOTFOUND = -4,  /* no such object */
	ERR_INVALID = -5,   /* input failed validation; see the problems list */
	ERR_FORBIDDEN = -6, /* the viewer may not do this */
	ERR_AUTH = -7,      /* the viewer must log in first */
	ERR_CONFLICT = -8,  /* clashes with what is stored (unique key, state) */
	ERR_TOOBIG = -9,    /* input over its limit */
	ERR_USAGE = -10,    /* wrong use of a command or function */
	ERR_BUSY = -11,     /* not ready yet: try again shortly */
	ERR_UNCONFIRMED = -12, /* the account's email address is not confirmed yet */
};

const char *err_str(int rc);

#endif
