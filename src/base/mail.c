#include "mail.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>
#include <sodium.h>

#include "buf.h"
#include "err.h"
#include "text.h"
#include "uuid.h"

extern char **environ;

int mail_global_init(void)
{
	return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? 0 : ERR_IO;
}

static void say(char *why, const char *text)
{
	if (why)
		snprintf(why, MAIL_ERROR_MAX + 1, "%s", text);
}

bool mail_address_valid(const char *s)
{
	if (!s)
		return false;
	size_t n = strlen(s);
	const char *at = strrchr(s, '@');
	if (n == 0 || n > MAIL_ADDRESS_MAX || !at || at == s || !at[1] || strchr(s, '@') != at)
		return false;
	for (const char *p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c <= ' ' || c >= 127 || strchr("\"<>(),;:\\[]", c))
			return false;
	}
	return true;
}

bool mail_from_parse(const char *from, char addr[MAIL_ADDRESS_MAX + 1])
{
	if (!from)
		return false;
	size_t n = strlen(from);
	if (n == 0 || n > 400 || !text_utf8_valid(from, n) || text_has_control(from, n, false))
		return false;
	const char *lt = strrchr(from, '<');
	if (!lt) {
		if (!mail_address_valid(from))
			return false;
		snprintf(addr, MAIL_ADDRESS_MAX + 1, "%s", from);
		return true;
	}
	const char *gt = strchr(lt, '>');
	if (!gt || gt[1] || (size_t)(gt - lt - 1) > MAIL_ADDRESS_MAX)
		return false;
	/* the name: no quotes or brackets of its own, so quoting it is safe */
	for (const char *p = from; p < lt; p++)
		if (strchr("\"<>\\", *p))
			return false;
	char a[MAIL_ADDRESS_MAX + 1];
	memcpy(a, lt + 1, (size_t)(gt - lt - 1));
	a[gt - lt - 1] = '\0';
	if (!mail_address_valid(a))
		return false;
	memcpy(addr, a, sizeof a);
	return true;
}

static bool is_ascii(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)p[i] >= 128)
			return false;
	return true;
}

/* The length of the line being written in b. */
static size_t column(const struct buf *b)
{
	size_t i = b->len;
	while (i > 0 && b->ptr[i - 1] != '\n')
		i--;
	return b->len - i;
}

/* Appends p[0..n) as RFC 2047 "B" encoded-words, folded so that no line
 * passes 78 characters, never splitting a UTF-8 sequence. */
static void encoded_words(struct buf *b, const char *p, size_t n)
{
	size_t i = 0, col = column(b);
	while (i < n) {
		/* "=?UTF-8?B?" and "?=" take 12 characters; 4 for each 3 bytes */
		size_t room = col + 12 + 8 <= 78 ? (78 - col - 12) / 4 * 3 : 0;
		if (room > 45)
			room = 45; /* a word of at most 75 characters */
		if (room < 6) { /* too little for a character or two: a new line */
			buf_adds(b, "\r\n ");
			col = 1;
			continue;
		}
		size_t take = n - i < room ? n - i : room;
		while (take < n - i && take > 0 && ((unsigned char)p[i + take] & 0xC0) == 0x80)
			take--;
		char b64[64];
		sodium_bin2base64(b64, sizeof b64, (const unsigned char *)p + i, take,
				  sodium_base64_VARIANT_ORIGINAL);
		buf_printf(b, "=?UTF-8?B?%s?=", b64);
		i += take;
		col += 12 + strlen(b64);
		if (i < n) {
			buf_adds(b, "\r\n ");
			col = 1;
		}
	}
}

static void date_header(struct buf *b, time_t t)
{
	static const char days[7][4] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char months[12][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm tm;
	gmtime_r(&t, &tm);
	buf_printf(b, "Date: %s, %02d %s %04d %02d:%02d:%02d +0000\r\n", days[tm.tm_wday], tm.tm_mday,
		   months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* True when every line of the body is ASCII, at most 998 bytes, without a
 * lone CR or NUL: then it can go as it is. */
static bool plain_body(const char *s)
{
	size_t line = 0;
	for (const char *p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c >= 128 || (c == '\r' && p[1] != '\n'))
			return false;
		if (c == '\n')
			line = 0;
		else if (c != '\r' && ++line > 998)
			return false;
	}
	return true;
}

/* Quoted-printable (RFC 2045 6.7), lines of at most 76 characters. */
static void quoted_printable(struct buf *b, const char *s)
{
	size_t col = 0;
	for (const char *p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '\r' && p[1] == '\n')
			continue;
		if (c == '\n') {
			buf_adds(b, "\r\n");
			col = 0;
			continue;
		}
		bool at_end = p[1] == '\0' || p[1] == '\n' || (p[1] == '\r' && p[2] == '\n');
		bool literal = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !at_end);
		size_t need = literal ? 1 : 3;
		if (col + need > 75) {
			buf_adds(b, "=\r\n");
			col = 0;
		}
		if (literal)
			buf_addc(b, (char)c);
		else
			buf_printf(b, "=%02X", c);
		col += need;
	}
}

int mail_compose(struct buf *out, const struct mail *m, char *why)
{
	char from_addr[MAIL_ADDRESS_MAX + 1];
	if (!mail_from_parse(m->from, from_addr)) {
		say(why, "the sender (From) is not a valid address");
		return ERR_INVALID;
	}
	if (!mail_address_valid(m->to)) {
		say(why, "the recipient is not a valid address");
		return ERR_INVALID;
	}
	size_t ns = m->subject ? strlen(m->subject) : 0;
	if (!m->subject || ns > 900 || !text_utf8_valid(m->subject, ns) ||
	    text_has_control(m->subject, ns, false)) {
		say(why, "the subject is not one line of text");
		return ERR_INVALID;
	}
	if (!m->body || !text_utf8_valid(m->body, strlen(m->body))) {
		say(why, "the body is not UTF-8 text");
		return ERR_INVALID;
	}

	/* From: the name quoted, or encoded when it is not ASCII */
	const char *lt = strrchr(m->from, '<');
	buf_adds(out, "From: ");
	if (lt) {
		const char *name = m->from;
		size_t nn = (size_t)(lt - name);
		while (nn && (name[nn - 1] == ' ' || name[nn - 1] == '\t'))
			nn--;
		while (nn && (*name == ' ' || *name == '\t'))
			name++, nn--;
		if (nn && is_ascii(name, nn))
			buf_printf(out, "\"%.*s\"", (int)nn, name);
		else if (nn)
			encoded_words(out, name, nn);
		if (nn)
			buf_adds(out, column(out) + strlen(from_addr) + 3 > 78 ? "\r\n " : " ");
	}
	buf_printf(out, "<%s>\r\nTo: <%s>\r\nSubject: ", from_addr, m->to);
	if (is_ascii(m->subject, ns))
		buf_adds(out, m->subject);
	else
		encoded_words(out, m->subject, ns);
	buf_adds(out, "\r\n");
	date_header(out, m->date ? m->date : time(NULL));
	char id[UUID_STRLEN + 1];
	if (!m->id)
		uuid7_new(id);
	buf_printf(out, "Message-ID: <%s@%s>\r\n", m->id ? m->id : id, strrchr(from_addr, '@') + 1);
	bool plain = plain_body(m->body);
	buf_printf(out,
		   "MIME-Version: 1.0\r\n"
		   "Content-Type: text/plain; charset=UTF-8\r\n"
		   "Content-Transfer-Encoding: %s\r\n"
		   "Auto-Submitted: auto-generated\r\n"
		   "\r\n",
		   plain ? "7bit" : "quoted-printable");
	if (plain) {
		for (const char *p = m->body; *p; p++) {
			if (*p == '\n' && (p == m->body || p[-1] != '\r'))
				buf_addc(out, '\r');
			buf_addc(out, *p);
		}
	} else {
		quoted_printable(out, m->body);
	}
	if (out->len < 2 || out->ptr[out->len - 1] != '\n')
		buf_adds(out, "\r\n");
	return out->err;
}

/* ---- SMTP through libcurl ---- */

struct upload {
	const char *p;
	size_t left;
};

static size_t on_read(char *dst, size_t size, size_t nitems, void *arg)
{
	struct upload *u = arg;
	size_t n = size * nitems < u->left ? size * nitems : u->left;
	memcpy(dst, u->p, n);
	u->p += n;
	u->left -= n;
	return n;
}

static int on_progress(void *arg, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un)
{
	(void)dt, (void)dn, (void)ut, (void)un;
	const atomic_bool *cancel = arg;
	return cancel && atomic_load(cancel) ? 1 : 0;
}

static int send_smtp(const struct mail_transport *t, const char *from, const char *to, const char *msg,
		     size_t len, char *err)
{
	CURL *h = curl_easy_init();
	if (!h) {
		say(err, "SMTP: libcurl could not start");
		return ERR_IO;
	}
	char sender[MAIL_ADDRESS_MAX + 3], rcpt[MAIL_ADDRESS_MAX + 3], curlerr[CURL_ERROR_SIZE] = "";
	snprintf(sender, sizeof sender, "<%s>", from);
	snprintf(rcpt, sizeof rcpt, "<%s>", to);
	struct curl_slist *rcpts = curl_slist_append(NULL, rcpt);
	struct upload u = { msg, len };
	bool implicit_tls = strncmp(t->smtp_url, "smtps://", 8) == 0;
	curl_easy_setopt(h, CURLOPT_URL, t->smtp_url);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	/* STARTTLS when the server offers it; a password never goes in the clear */
	curl_easy_setopt(h, CURLOPT_USE_SSL,
			 implicit_tls || t->smtp_user ? (long)CURLUSESSL_ALL : (long)CURLUSESSL_TRY);
	if (t->smtp_user) {
		curl_easy_setopt(h, CURLOPT_USERNAME, t->smtp_user);
		curl_easy_setopt(h, CURLOPT_PASSWORD, t->smtp_password ? t->smtp_password : "");
	}
	curl_easy_setopt(h, CURLOPT_MAIL_FROM, sender);
	curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpts);
	curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(h, CURLOPT_READFUNCTION, on_read);
	curl_easy_setopt(h, CURLOPT_READDATA, &u);
	curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, (curl_off_t)len);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 15L);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, (long)(t->timeout_s ? t->timeout_s : 60));
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, curlerr);
	curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
	curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, on_progress);
	curl_easy_setopt(h, CURLOPT_XFERINFODATA, (void *)t->cancel);
	CURLcode cc = curl_easy_perform(h);
	long code = 0;
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
	curl_slist_free_all(rcpts);
	curl_easy_cleanup(h);
	if (cc == CURLE_OK)
		return 0;
	if (cc == CURLE_ABORTED_BY_CALLBACK) {
		say(err, "SMTP: stopped because kiem is stopping");
		return ERR_BUSY;
	}
	if (err) {
		const char *why = curlerr[0] ? curlerr : curl_easy_strerror(cc);
		if (code)
			snprintf(err, MAIL_ERROR_MAX + 1, "SMTP: %s (the server answered %ld)", why, code);
		else
			snprintf(err, MAIL_ERROR_MAX + 1, "SMTP: %s", why);
	}
	return ERR_IO;
}

/* ---- a sendmail program ---- */

static double mono_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Runs `sendmail -i -- to` with the message on its standard input and its
 * standard error kept for the error line. */
static int send_program(const struct mail_transport *t, const char *to, const char *msg, size_t len,
			char *err)
{
	int in[2] = { -1, -1 }, errp[2] = { -1, -1 };
	if (pipe2(in, O_CLOEXEC) || pipe2(errp, O_CLOEXEC)) {
		say(err, "sendmail: cannot make a pipe");
		if (in[0] >= 0)
			close(in[0]), close(in[1]);
		return ERR_IO;
	}
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, in[0], 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, errp[1], 2);
	/* the program starts with the signals as a program expects them, not
	 * blocked or ignored as in kiem's worker thread */
	posix_spawnattr_init(&at);
	sigset_t none, defaults;
	sigemptyset(&none);
	sigemptyset(&defaults);
	sigaddset(&defaults, SIGPIPE);
	sigaddset(&defaults, SIGTERM);
	sigaddset(&defaults, SIGINT);
	posix_spawnattr_setsigmask(&at, &none);
	posix_spawnattr_setsigdefault(&at, &defaults);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
	char *argv[] = { (char *)t->sendmail, "-i", "--", (char *)to, NULL };
	pid_t pid;
	int sp = posix_spawn(&pid, t->sendmail, &fa, &at, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	close(in[0]);
	close(errp[1]);
	if (sp) {
		close(in[1]);
		close(errp[0]);
		if (err)
			snprintf(err, MAIL_ERROR_MAX + 1, "sendmail: cannot run %s: %s", t->sendmail, strerror(sp));
		return ERR_IO;
	}
	fcntl(in[1], F_SETFL, O_NONBLOCK);
	double until = mono_s() + (t->timeout_s ? t->timeout_s : 60);
	char said[200];
	size_t nsaid = 0, off = 0;
	bool writing = true, reading = true, timed_out = false;
	int wrc = 0;
	while (writing || reading) {
		double left = until - mono_s();
		if (left <= 0) {
			timed_out = true;
			break;
		}
		struct pollfd fds[2] = { { errp[0], POLLIN, 0 }, { writing ? in[1] : -1, POLLOUT, 0 } };
		if (poll(fds, 2, left > 0.2 ? 200 : (int)(left * 1000) + 1) < 0 && errno != EINTR)
			break;
		if (fds[0].revents) {
			char tmp[512];
			ssize_t r = read(errp[0], tmp, sizeof tmp);
			if (r <= 0 && (r == 0 || errno != EINTR)) {
				reading = false;
			} else if (r > 0) {
				size_t keep = (size_t)r < sizeof said - 1 - nsaid ? (size_t)r : sizeof said - 1 - nsaid;
				memcpy(said + nsaid, tmp, keep);
				nsaid += keep;
			}
		}
		if (writing && fds[1].revents) {
			ssize_t w = write(in[1], msg + off, len - off);
			if (w > 0)
				off += (size_t)w;
			else if (w < 0 && errno != EAGAIN && errno != EINTR)
				wrc = errno;
			if (off == len || wrc) {
				close(in[1]);
				in[1] = -1;
				writing = false;
			}
		}
	}
	if (in[1] >= 0)
		close(in[1]);
	close(errp[0]);
	for (size_t i = 0; i < nsaid; i++)
		if (said[i] == '\n' || said[i] == '\r' || said[i] == '\t')
			said[i] = ' ';
	while (nsaid && said[nsaid - 1] == ' ')
		nsaid--;
	said[nsaid] = '\0';
	int status = 0;
	pid_t w;
	while ((w = waitpid(pid, &status, WNOHANG)) == 0 && !timed_out) {
		if (mono_s() >= until) {
			timed_out = true;
			break;
		}
		struct timespec ts = { 0, 20 * 1000 * 1000 };
		nanosleep(&ts, NULL);
	}
	if (timed_out && w == 0) {
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		if (err)
			snprintf(err, MAIL_ERROR_MAX + 1, "sendmail: %s did not finish within %u seconds", t->sendmail,
				 t->timeout_s ? t->timeout_s : 60);
		return ERR_IO;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && !wrc)
		return 0;
	if (err) {
		if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
			snprintf(err, MAIL_ERROR_MAX + 1, "sendmail: could not write the message: %s", strerror(wrc));
		else if (WIFEXITED(status))
			snprintf(err, MAIL_ERROR_MAX + 1, "sendmail: %s exited with status %d%s%s", t->sendmail,
				 WEXITSTATUS(status), nsaid ? ": " : "", said);
		else if (WIFSIGNALED(status))
			snprintf(err, MAIL_ERROR_MAX + 1, "sendmail: %s was killed by signal %d", t->sendmail,
				 WTERMSIG(status));
		else
			say(err, "sendmail: stopped for an unknown reason");
	}
	return ERR_IO;
}

int mail_send(const struct mail_transport *t, const char *from, const char *to, const char *msg,
	      size_t len, char *err)
{
	if (err)
		err[0] = '\0';
	if (!mail_address_valid(from) || !mail_address_valid(to)) {
		say(err, "not a valid address");
		return ERR_IO;
	}
	switch (t->via) {
	case MAIL_VIA_SMTP: return send_smtp(t, from, to, msg, len, err);
	case MAIL_VIA_SENDMAIL: return send_program(t, to, msg, len, err);
	case MAIL_VIA_LOG: break;
	}
	say(err, "no mail transport is configured");
	return ERR_USAGE;
}
