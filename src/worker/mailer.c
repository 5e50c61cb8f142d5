/* The mail worker of `kiem serve`; see mailer.h. */
#include "mailer.h"

#include <ctype.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../base/err.h"
#include "../base/log.h"
#include "../base/text.h"
#include "../model/outbox.h"
#include "../store/store.h"
#include "worker.h"

enum { PRUNE_EVERY_S = 3600 };
static const char lease[] = "mail";

static const char *env(const char *name)
{
	const char *v = getenv(name);
	return v && *v ? v : NULL;
}

/* A URL without spaces, control characters or anything outside ASCII. */
static bool url_chars(const char *s)
{
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p <= ' ' || (unsigned char)*p >= 127)
			return false;
	return true;
}

/* The host part of "scheme://host[:port][/path]" in out, lower-cased and
 * without the port; false if there is none. */
static bool url_host(const char *url, char *out, size_t n)
{
	const char *h = strstr(url, "://");
	if (!h)
		return false;
	h += 3;
	size_t len = strcspn(h, "/?#");
	if (h[0] == '[') { /* an IPv6 literal */
		const char *end = memchr(h, ']', len);
		len = end ? (size_t)(end - h) + 1 : 0;
	} else {
		const char *colon = memchr(h, ':', len);
		if (colon)
			len = (size_t)(colon - h);
	}
	if (len == 0 || len >= n)
		return false;
	for (size_t i = 0; i < len; i++)
		out[i] = (char)tolower((unsigned char)h[i]);
	out[len] = '\0';
	return true;
}

static int bad(char *err, size_t n, const char *fmt, const char *name)
{
	snprintf(err, n, fmt, name);
	return ERR_USAGE;
}

int mailer_configure(struct mailer_config *cfg, const char *listen, char *err, size_t n)
{
	memset(cfg, 0, sizeof *cfg);
	char host[256];

	/* where people reach kiem, for the links in mail */
	const char *base = env("KIEM_BASE_URL");
	if (base) {
		size_t len = strlen(base);
		while (len && base[len - 1] == '/')
			len--;
		if ((strncmp(base, "http://", 7) != 0 && strncmp(base, "https://", 8) != 0) ||
		    len > MAILER_URL_MAX || !url_chars(base) || strpbrk(base, "?#@") ||
		    !url_host(base, host, sizeof host))
			return bad(err, n, "%s must be an http:// or https:// address without ?, # or user name,"
				   " such as https://kiem.example.nl", "KIEM_BASE_URL");
		memcpy(cfg->base_url, base, len);
		cfg->base_url[len] = '\0';
	} else {
		snprintf(cfg->base_url, sizeof cfg->base_url, "http://%s", listen);
	}
	outbox_base_url = cfg->base_url;

	/* who the mail is from: by default noreply at the host of the base URL,
	 * when that is a domain name */
	const char *from = env("KIEM_MAIL_FROM");
	char addr[MAIL_ADDRESS_MAX + 1];
	if (from) {
		if (strlen(from) >= sizeof cfg->from || !mail_from_parse(from, addr))
			return bad(err, n, "%s must be an address, or a name and an address, such as"
				   " \"kiem <noreply@kiem.example.nl>\"", "KIEM_MAIL_FROM");
		snprintf(cfg->from, sizeof cfg->from, "%s", from);
	} else {
		bool domain = url_host(cfg->base_url, host, sizeof host) && strchr(host, '.') &&
			      strpbrk(host, "abcdefghijklmnopqrstuvwxyz") && host[0] != '[';
		snprintf(cfg->from, sizeof cfg->from, "kiem <noreply@%s>", domain ? host : "localhost");
		if (!mail_from_parse(cfg->from, addr))
			snprintf(cfg->from, sizeof cfg->from, "kiem <noreply@localhost>");
		mail_from_parse(cfg->from, addr);
	}

	const char *smtp = env("KIEM_SMTP_URL"), *user = env("KIEM_SMTP_USER"),
		   *password = env("KIEM_SMTP_PASSWORD"), *sendmail = env("KIEM_SENDMAIL");
	struct mail_transport *t = &cfg->transport;
	t->timeout_s = 60;
	if (smtp && sendmail)
		return bad(err, n, "set %s or KIEM_SENDMAIL, not both", "KIEM_SMTP_URL");
	if ((user || password) && !smtp)
		return bad(err, n, "%s and KIEM_SMTP_PASSWORD need KIEM_SMTP_URL", "KIEM_SMTP_USER");
	if (!user != !password)
		return bad(err, n, "set both %s and KIEM_SMTP_PASSWORD, or neither", "KIEM_SMTP_USER");
	if (user && (text_has_control(user, strlen(user), false) ||
		     text_has_control(password, strlen(password), false)))
		return bad(err, n, "%s and KIEM_SMTP_PASSWORD must be one line of text", "KIEM_SMTP_USER");
	if (smtp) {
		const char *h = strstr(smtp, "://");
		size_t authority = h ? strcspn(h + 3, "/") : 0;
		if ((strncmp(smtp, "smtp://", 7) != 0 && strncmp(smtp, "smtps://", 8) != 0) ||
		    strlen(smtp) > MAILER_URL_MAX || !url_chars(smtp) || !url_host(smtp, host, sizeof host) ||
		    memchr(h + 3, '@', authority) || strpbrk(smtp, "?#"))
			return bad(err, n, "%s must be smtp://HOST[:PORT] (STARTTLS when offered) or"
				   " smtps://HOST[:PORT], without a user name: use KIEM_SMTP_USER", "KIEM_SMTP_URL");
		t->via = MAIL_VIA_SMTP;
		/* libcurl greets the server (EHLO) with the URL's path: without one,
		 * the domain of the sender */
		if (authority == strlen(h + 3) || !h[3 + authority + 1])
			snprintf(cfg->smtp_url, sizeof cfg->smtp_url, "%.*s/%s", (int)(h + 3 + authority - smtp), smtp,
				 strrchr(addr, '@') + 1);
		else
			snprintf(cfg->smtp_url, sizeof cfg->smtp_url, "%s", smtp);
		t->smtp_url = cfg->smtp_url;
		t->smtp_user = user;
		t->smtp_password = password;
	} else if (sendmail) {
		if (sendmail[0] != '/' || access(sendmail, X_OK) != 0)
			return bad(err, n, "%s must be the absolute path of a program kiem may run,"
				   " such as /usr/sbin/sendmail", "KIEM_SENDMAIL");
		t->via = MAIL_VIA_SENDMAIL;
		t->sendmail = sendmail;
	} else {
		t->via = MAIL_VIA_LOG;
	}
	return 0;
}

/* ---- the worker ---- */

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake = PTHREAD_COND_INITIALIZER;
static pthread_t worker;
static bool running;
static atomic_bool stopping;
static struct store *worker_store;
static struct mailer_config worker_cfg;

static void *work(void *arg)
{
	(void)arg;
	time_t pruned = 0;
	pthread_mutex_lock(&lock);
	while (!atomic_load(&stopping)) {
		pthread_mutex_unlock(&lock);
		time_t now = time(NULL);
		/* with several nodes, one sends: the others would send the same
		 * mail again */
		bool mine = leases_mine(lease);
		if (mine && now - pruned >= PRUNE_EVERY_S) {
			int gone = 0;
			if (outbox_prune(worker_store, now, &gone))
				log_error("mail: could not remove old mail from the outbox");
			else if (gone)
				log_info("mail: removed %d old mail(s) from the outbox", gone);
			pruned = now;
		}
		int sent = 0, failed = 0;
		int rc = mine ? outbox_deliver(worker_store, &worker_cfg.transport, worker_cfg.from, now, &sent, &failed)
			      : 0;
		if (rc)
			log_error("mail: a delivery pass failed; trying again shortly");
		else if (sent && worker_cfg.transport.via != MAIL_VIA_LOG)
			log_info("mail: sent %d mail(s)", sent);
		pthread_mutex_lock(&lock);
		/* a full batch: there may be more due at once (but after a failed
		 * pass, a pause: what was sent may not have been recorded) */
		if (!rc && sent + failed >= OUTBOX_BATCH)
			continue;
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += MAILER_TICK_S;
		while (!atomic_load(&stopping))
			if (pthread_cond_timedwait(&wake, &lock, &until))
				break;
	}
	pthread_mutex_unlock(&lock);
	return NULL;
}

int mailer_start(struct store *s, const struct mailer_config *cfg)
{
	if (mail_global_init())
		return ERR_IO;
	pthread_mutex_lock(&lock);
	int rc = 0;
	if (!running && leases_want(s, lease))
		rc = ERR_NOMEM;
	else if (!running) {
		worker_store = s;
		worker_cfg = *cfg;
		atomic_store(&stopping, false);
		worker_cfg.transport.cancel = &stopping;
		if (worker_cfg.transport.via == MAIL_VIA_SMTP)
			worker_cfg.transport.smtp_url = worker_cfg.smtp_url;
		/* the worker takes no signals: SIGTERM is for the thread that serves */
		sigset_t all, old;
		sigfillset(&all);
		pthread_sigmask(SIG_SETMASK, &all, &old);
		if (pthread_create(&worker, NULL, work, NULL) == 0)
			running = true;
		else
			rc = ERR_NOMEM;
		pthread_sigmask(SIG_SETMASK, &old, NULL);
		if (rc)
			leases_drop(lease);
	}
	pthread_mutex_unlock(&lock);
	switch (cfg->transport.via) {
	case MAIL_VIA_SMTP: log_info("mail: sent through %s as %s", cfg->transport.smtp_url, cfg->from); break;
	case MAIL_VIA_SENDMAIL: log_info("mail: sent through %s as %s", cfg->transport.sendmail, cfg->from); break;
	case MAIL_VIA_LOG:
		log_warn("mail: no KIEM_SMTP_URL or KIEM_SENDMAIL is set, so mail is written to this log,"
			 " links included, and not sent");
		break;
	}
	return rc;
}

void mailer_stop(void)
{
	pthread_mutex_lock(&lock);
	bool was = running;
	atomic_store(&stopping, true);
	pthread_cond_signal(&wake);
	pthread_mutex_unlock(&lock);
	if (was) {
		pthread_join(worker, NULL);
		leases_drop(lease);
	}
	pthread_mutex_lock(&lock);
	running = false;
	pthread_mutex_unlock(&lock);
}
