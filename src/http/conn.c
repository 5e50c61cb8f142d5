/* Connections: the cap per address, the deadlines, and lingering closes
 * (conn.h). */
#include "conn.h"

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "../base/log.h"
#include "access.h"
#include "proxy.h"

enum conn_state { CS_HEAD, CS_BODY, CS_BUSY, CS_REAPED };

struct conn {
	struct conn *prev, *next; /* all connections, under lock */
	struct addr peer;
	struct addr key;          /* what is counted: the peer, or its /64 */
	bool capped;              /* counted against the cap */
	int fd;
	_Atomic int state;
	_Atomic int_least64_t since; /* when the present deadline began, in ms */
	atomic_bool request_open;    /* a request line arrived and it has not ended */
};

struct count {
	struct count *next;
	struct addr key;
	unsigned n;
};

enum {
	BUCKETS = 4096,
	TICK_MS = 100,
	LINGER_MAX = 1024, /* sockets lingering at once; past it, closed at once */
	LINGER_MS = 3000,
};

struct lingerer {
	int fd;
	int_least64_t until;
};

static struct conn_limits limits;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct conn *all;
static struct count *counts[BUCKETS];

static pthread_mutex_t linger_lock = PTHREAD_MUTEX_INITIALIZER;
static struct lingerer lingering[LINGER_MAX];
static size_t nlingering;

static pthread_t reaper;
static bool reaper_running;
static atomic_bool stopping;
static int wake[2] = { -1, -1 };

static atomic_uint refused; /* connections refused since the last warning */
static _Atomic int_least64_t refused_logged;

static int_least64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int_least64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- counts per address ---- */

static struct addr key_of(const struct addr *a)
{
	struct addr k = *a;
	if (!addr_is_v4(a))
		memset(k.b + 8, 0, 8); /* one subscriber's /64 */
	return k;
}

static size_t bucket_of(const struct addr *k)
{
	uint64_t h = 1469598103934665603ull;
	for (int i = 0; i < 16; i++) {
		h ^= k->b[i];
		h *= 1099511628211ull;
	}
	return (size_t)(h % BUCKETS);
}

/* The count of a key; NULL if none (and make is false, or out of memory).
 * Under lock. */
static struct count *count_find(const struct addr *k, bool make)
{
	struct count **head = &counts[bucket_of(k)];
	for (struct count *c = *head; c; c = c->next)
		if (memcmp(c->key.b, k->b, 16) == 0)
			return c;
	if (!make)
		return NULL;
	struct count *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	c->key = *k;
	c->next = *head;
	*head = c;
	return c;
}

/* Under lock. */
static void count_drop(const struct addr *k)
{
	struct count **p = &counts[bucket_of(k)];
	for (; *p; p = &(*p)->next) {
		if (memcmp((*p)->key.b, k->b, 16) != 0)
			continue;
		if (--(*p)->n == 0) {
			struct count *gone = *p;
			*p = gone->next;
			free(gone);
		}
		return;
	}
}

enum MHD_Result conn_accept(void *cls, const struct sockaddr *sa, socklen_t len)
{
	(void)cls;
	(void)len;
	struct addr a;
	if (!limits.per_address || !addr_from_sockaddr(sa, &a) || proxies_trust(limits.proxies, &a))
		return MHD_YES;
	struct addr k = key_of(&a);
	pthread_mutex_lock(&lock);
	struct count *c = count_find(&k, false);
	bool full = c && c->n >= limits.per_address;
	pthread_mutex_unlock(&lock);
	if (!full)
		return MHD_YES;
	/* one line a minute at most: a flood must not flood the log too */
	unsigned n = atomic_fetch_add(&refused, 1) + 1;
	int_least64_t now = now_ms(), last = atomic_load(&refused_logged);
	if (now - last >= 60000 && atomic_compare_exchange_strong(&refused_logged, &last, now)) {
		atomic_fetch_sub(&refused, n);
		log_warn("refused %u connection(s): their address had %u open already "
			 "(KIEM_MAX_CONNECTIONS_PER_ADDRESS)", n, limits.per_address);
	}
	return MHD_NO;
}

/* ---- lingering closes ---- */

/* Keeps the socket open, its sending side shut, so that what the client
 * still sends is read and dropped rather than answered with a reset. */
static void linger_start(int fd)
{
	pthread_mutex_lock(&linger_lock);
	if (nlingering < LINGER_MAX) {
		int copy = fcntl(fd, F_DUPFD_CLOEXEC, 0);
		if (copy >= 0) {
			shutdown(copy, SHUT_WR);
			lingering[nlingering].fd = copy;
			lingering[nlingering].until = now_ms() + LINGER_MS;
			nlingering++;
		}
	}
	pthread_mutex_unlock(&linger_lock);
}

/* Reads and drops what has arrived on the lingering sockets, and closes
 * those whose client has closed, that fail, or whose time is up. Every call
 * here is non-blocking, so the lock is held only briefly. */
static void linger_pass(struct pollfd *pfd)
{
	pthread_mutex_lock(&linger_lock);
	size_t n = nlingering;
	for (size_t i = 0; i < n; i++)
		pfd[i] = (struct pollfd){ .fd = lingering[i].fd, .events = POLLIN };
	if (n)
		poll(pfd, n, 0);
	int_least64_t now = now_ms();
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		bool done = now >= lingering[i].until;
		if (!done && pfd[i].revents) {
			char sink[4096];
			for (int reads = 0; reads < 64; reads++) {
				ssize_t got = recv(lingering[i].fd, sink, sizeof sink, MSG_DONTWAIT);
				if (got > 0)
					continue;
				if (got == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR))
					done = true;
				break;
			}
		}
		if (done)
			close(lingering[i].fd);
		else
			lingering[kept++] = lingering[i];
	}
	nlingering = kept;
	pthread_mutex_unlock(&linger_lock);
}

/* ---- tracking ---- */

void conn_notify(void *cls, struct MHD_Connection *mc, void **ctx,
		 enum MHD_ConnectionNotificationCode code)
{
	(void)cls;
	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		struct conn *c = calloc(1, sizeof *c);
		if (!c)
			return;
		const union MHD_ConnectionInfo *ci = MHD_get_connection_info(mc, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
		bool known = ci && addr_from_sockaddr(ci->client_addr, &c->peer);
		ci = MHD_get_connection_info(mc, MHD_CONNECTION_INFO_CONNECTION_FD);
		c->fd = ci ? ci->connect_fd : -1;
		c->key = key_of(&c->peer);
		c->capped = known && limits.per_address && !proxies_trust(limits.proxies, &c->peer);
		atomic_init(&c->state, CS_HEAD);
		atomic_init(&c->since, now_ms());
		atomic_init(&c->request_open, false);
		pthread_mutex_lock(&lock);
		if (c->capped) {
			struct count *n = count_find(&c->key, true);
			if (n)
				n->n++;
			else
				c->capped = false;
		}
		c->next = all;
		if (all)
			all->prev = c;
		all = c;
		pthread_mutex_unlock(&lock);
		*ctx = c;
		return;
	}
	struct conn *c = *ctx;
	if (!c)
		return;
	pthread_mutex_lock(&lock);
	if (c->prev)
		c->prev->next = c->next;
	else
		all = c->next;
	if (c->next)
		c->next->prev = c->prev;
	if (c->capped)
		count_drop(&c->key);
	pthread_mutex_unlock(&lock);
	/* a reaped socket has its reading side shut: nothing to read and drop;
	 * nor is there when the client has closed its side already */
	char peek;
	ssize_t got = c->fd >= 0 ? recv(c->fd, &peek, 1, MSG_PEEK | MSG_DONTWAIT) : 0;
	bool open = got > 0 || (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK));
	if (open && atomic_load(&c->state) != CS_REAPED && !atomic_load(&stopping))
		linger_start(c->fd);
	free(c);
	*ctx = NULL;
}

struct conn *conn_of(struct MHD_Connection *mc)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(mc, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	return ci ? ci->socket_context : NULL;
}

const struct addr *conn_peer(const struct conn *c)
{
	return &c->peer;
}

void conn_request_opened(struct conn *c)
{
	if (c)
		atomic_store(&c->request_open, true);
}

bool conn_head_arrived(struct conn *c)
{
	if (!c)
		return true;
	atomic_store(&c->since, now_ms());
	int s = CS_HEAD;
	return atomic_compare_exchange_strong(&c->state, &s, CS_BODY);
}

bool conn_busy(struct conn *c)
{
	if (!c)
		return true;
	int s = atomic_load(&c->state);
	return s == CS_BUSY || (s != CS_REAPED && atomic_compare_exchange_strong(&c->state, &s, CS_BUSY));
}

void conn_request_ended(struct conn *c)
{
	if (!c)
		return;
	atomic_store(&c->request_open, false);
	atomic_store(&c->since, now_ms());
	int s = atomic_load(&c->state);
	while (s != CS_REAPED && s != CS_HEAD && !atomic_compare_exchange_weak(&c->state, &s, CS_HEAD))
		;
}

bool conn_reaped(const struct conn *c)
{
	return c && atomic_load(&c->state) == CS_REAPED;
}

/* ---- the reaper ---- */

/* Answers 408 on the socket and shuts it, so that libmicrohttpd sees it end
 * and closes the connection. Under lock. */
static size_t answer_408(int fd)
{
	static const char text[] = "The request took too long to arrive. Send it again.\n";
	char date[64], msg[512];
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S GMT", &tm);
	int n = snprintf(msg, sizeof msg,
			 "HTTP/1.1 408 Request Timeout\r\nDate: %s\r\nConnection: close\r\n"
			 "Content-Type: text/plain; charset=utf-8\r\nContent-Length: %zu\r\n"
			 "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n\r\n%s",
			 date, sizeof text - 1, text);
	if (n > 0 && (size_t)n < sizeof msg)
		(void)!send(fd, msg, (size_t)n, MSG_DONTWAIT | MSG_NOSIGNAL);
	shutdown(fd, SHUT_RDWR);
	return sizeof text - 1;
}

/* Whether nothing has arrived on the socket for the last ms milliseconds:
 * then a connection waiting for a head is idle, not slow. */
static bool quiet(int fd, int_least64_t ms)
{
	struct tcp_info ti;
	socklen_t len = sizeof ti;
	return getsockopt(fd, IPPROTO_TCP, TCP_INFO, &ti, &len) == 0 && (int_least64_t)ti.tcpi_last_data_recv >= ms;
}

struct reaped {
	bool log;       /* no request of its own to write the line */
	size_t bytes;
	double ms;
};

static size_t reap(int_least64_t now, struct reaped *out, size_t max)
{
	size_t n = 0;
	int_least64_t head = (int_least64_t)limits.head_s * 1000, body = (int_least64_t)limits.body_s * 1000;
	pthread_mutex_lock(&lock);
	for (struct conn *c = all; c; c = c->next) {
		int s = atomic_load(&c->state);
		int_least64_t limit = s == CS_HEAD ? head : s == CS_BODY ? body : 0;
		int_least64_t waited = now - atomic_load(&c->since);
		if (!limit || waited < limit || c->fd < 0)
			continue;
		if (!atomic_compare_exchange_strong(&c->state, &s, CS_REAPED))
			continue;
		if (s == CS_HEAD && quiet(c->fd, waited)) {
			/* idle, with no request begun: closed, as libmicrohttpd
			 * closes an idle connection, without an answer that a
			 * client could take for that of its next request */
			shutdown(c->fd, SHUT_RDWR);
			continue;
		}
		size_t bytes = answer_408(c->fd);
		if (n < max)
			out[n++] = (struct reaped){ !atomic_load(&c->request_open), bytes, (double)waited };
	}
	pthread_mutex_unlock(&lock);
	return n;
}

static void *reaper_main(void *arg)
{
	(void)arg;
	struct pollfd *pfd = calloc(LINGER_MAX + 1, sizeof *pfd);
	if (!pfd)
		return NULL;
	while (!atomic_load(&stopping)) {
		struct pollfd w = { .fd = wake[0], .events = POLLIN };
		poll(&w, 1, TICK_MS);
		if (atomic_load(&stopping))
			break;
		struct reaped done[64];
		size_t n = reap(now_ms(), done, sizeof done / sizeof done[0]);
		for (size_t i = 0; i < n; i++)
			if (done[i].log)
				access_line(408, NULL, NULL, done[i].bytes, done[i].ms, 0, NULL);
		linger_pass(pfd);
	}
	free(pfd);
	return NULL;
}

int conn_start(const struct conn_limits *l)
{
	limits = *l;
	atomic_store(&stopping, false);
	if (pipe2(wake, O_CLOEXEC | O_NONBLOCK))
		return -1;
	/* the reaper takes no signals: a SIGTERM it let through would kill the
	 * process before the serving thread's sigwait could stop it cleanly */
	sigset_t none, old;
	sigfillset(&none);
	pthread_sigmask(SIG_SETMASK, &none, &old);
	int rc = pthread_create(&reaper, NULL, reaper_main, NULL);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc) {
		close(wake[0]);
		close(wake[1]);
		wake[0] = wake[1] = -1;
		return -1;
	}
	reaper_running = true;
	return 0;
}

void conn_stop(void)
{
	atomic_store(&stopping, true);
	if (reaper_running) {
		(void)!write(wake[1], "x", 1);
		pthread_join(reaper, NULL);
		reaper_running = false;
	}
	if (wake[0] >= 0) {
		close(wake[0]);
		close(wake[1]);
		wake[0] = wake[1] = -1;
	}
	pthread_mutex_lock(&linger_lock);
	for (size_t i = 0; i < nlingering; i++)
		close(lingering[i].fd);
	nlingering = 0;
	pthread_mutex_unlock(&linger_lock);
	pthread_mutex_lock(&lock);
	for (size_t i = 0; i < BUCKETS; i++) {
		while (counts[i]) {
			struct count *c = counts[i];
			counts[i] = c->next;
			free(c);
		}
	}
	pthread_mutex_unlock(&lock);
}
