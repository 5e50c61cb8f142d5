/* mail: one plain-text message, composed after RFC 5322 and handed to an
 * SMTP server (through libcurl) or to a sendmail program.
 *
 * Knows nothing of kiem's data: the outbox (model/outbox.c) decides what to
 * send and when, and keeps the outcome. Addresses and subjects with CR, LF
 * or other control characters are refused, so no caller can add headers.
 *
 * mail_global_init() runs once, before any thread sends. Sending writes to
 * pipes and sockets: the caller ignores or blocks SIGPIPE. */
#ifndef KIEM_MAIL_H
#define KIEM_MAIL_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

struct buf;

enum { MAIL_ADDRESS_MAX = 254, MAIL_ERROR_MAX = 300 };

struct mail {
	const char *from;    /* "addr@example.org" or "Display Name <addr@example.org>" */
	const char *to;      /* a bare address */
	const char *subject; /* UTF-8, one line */
	const char *body;    /* UTF-8 plain text; \n or \r\n line ends */
	time_t date;         /* 0: now */
	const char *id;      /* the Message-ID's left part; NULL: a new UUID */
};

enum mail_via { MAIL_VIA_LOG, MAIL_VIA_SMTP, MAIL_VIA_SENDMAIL };

struct mail_transport {
	enum mail_via via;
	const char *smtp_url;      /* smtp://host[:port] (STARTTLS when offered), smtps://host[:port] */
	const char *smtp_user;     /* NULL: no login */
	const char *smtp_password;
	const char *sendmail;      /* an absolute path */
	unsigned timeout_s;        /* for one message; 0: 60 */
	const atomic_bool *cancel; /* when it turns true, an SMTP exchange stops (ERR_BUSY) */
};

int mail_global_init(void);

/* True for a bare address: local@domain, at most MAIL_ADDRESS_MAX bytes,
 * printable ASCII without spaces, quotes, brackets, commas or semicolons. */
bool mail_address_valid(const char *s);
/* Checks a From value ("addr" or "Name <addr>"; the name is UTF-8 without
 * control characters or quotes) and copies its address into addr. */
bool mail_from_parse(const char *from, char addr[MAIL_ADDRESS_MAX + 1]);

/* Appends the whole message (headers, a blank line, the body), with CRLF
 * line ends, to out. ERR_INVALID for a bad From or To address, a subject
 * with control characters, or a body that is not UTF-8; the text in why
 * (at least MAIL_ERROR_MAX + 1 bytes, may be NULL) says which. The body
 * goes as 7bit when it is ASCII with short lines, else as quoted-printable;
 * a subject that is not ASCII as RFC 2047 encoded-words. */
int mail_compose(struct buf *out, const struct mail *m, char *why);

/* Sends a composed message to one recipient, from the address in from.
 * 0 when the server or program took it; else ERR_IO with one line in err
 * (at least MAIL_ERROR_MAX + 1 bytes), ERR_BUSY when cancelled, ERR_USAGE
 * for MAIL_VIA_LOG (that is the caller's to do). */
int mail_send(const struct mail_transport *t, const char *from, const char *to, const char *msg,
	      size_t len, char *err);

#endif
