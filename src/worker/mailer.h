/* mailer: the mail settings of `kiem serve` and the worker that delivers
 * the outbox while it runs: with several nodes, the one that holds the
 * lease "mail" (worker.h).
 *
 * The settings come from the environment (KIEM_BASE_URL, KIEM_MAIL_FROM,
 * KIEM_SMTP_URL, KIEM_SMTP_USER, KIEM_SMTP_PASSWORD, KIEM_SENDMAIL) and are
 * checked at start; the worker delivers what is due about every
 * MAILER_TICK_S seconds and removes old rows once an hour. */
#ifndef KIEM_MAILER_H
#define KIEM_MAILER_H

#include <stddef.h>

#include "../base/mail.h"

struct store;

enum { MAILER_TICK_S = 2, MAILER_URL_MAX = 512 };

struct mailer_config {
	struct mail_transport transport;
	char from[512];
	char base_url[MAILER_URL_MAX + 1];
	char smtp_url[MAILER_URL_MAX + MAIL_ADDRESS_MAX + 2];
};

/* Reads and checks the settings; listen (ADDR:PORT) gives the default base
 * URL. On a bad value returns ERR_USAGE with one line in err (n bytes)
 * naming the variable. Points outbox_base_url at cfg->base_url. */
int mailer_configure(struct mailer_config *cfg, const char *listen, char *err, size_t n);
/* Starts the worker; the config must live until mailer_stop(). */
int mailer_start(struct store *s, const struct mailer_config *cfg);
/* Stops the worker, cutting short an SMTP exchange under way (that mail
 * stays due); call before closing the store. */
void mailer_stop(void);

#endif
