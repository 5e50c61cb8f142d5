/* conn: what one client may take of the server, and how long it may take.
 * Private to the http layer; server.c hands these functions to
 * libmicrohttpd.
 *
 * - Connections are counted per address (an IPv6 address by its /64, which
 *   one subscriber is given whole); an address at its cap is refused at accept.
 *   Trusted proxies are exempt: every visitor behind one has its address.
 * - libmicrohttpd's own timeout is an idle timeout, which a client resets by
 *   sending a byte now and then. So each connection also has a deadline: its
 *   request head must arrive within head_s of the connection's start (or of
 *   the end of the last answer on it), and its body within body_s of the
 *   head. A worker thread (the reaper) answers a connection past its
 *   deadline with 408 and shuts it down; one that has sent nothing since
 *   the deadline began is idle, and is closed without an answer (a client
 *   could take a 408 for the answer to the request it sends next).
 * - A connection that the server closes while the client may still be
 *   sending (after a 413, 414, 431 or 408) lingers: its input is read and
 *   dropped for a few seconds, so the client reads the answer instead of a
 *   reset.
 *
 * Races: the reaper and a connection's own thread agree through the
 * connection's state, changed only by compare-and-swap; the reaper writes
 * only to a connection in the head or body state, which libmicrohttpd only
 * reads from, and only while it holds the lock that the connection's close
 * notification takes too, so the socket is still the connection's own. */
#ifndef KIEM_HTTP_CONN_H
#define KIEM_HTTP_CONN_H

#include <microhttpd.h>
#include <stdbool.h>

struct http_proxies;
struct addr;
struct conn;

struct conn_limits {
	unsigned per_address;   /* connections from one address; 0: no cap */
	unsigned head_s;        /* seconds for a request head; 0: no deadline */
	unsigned body_s;        /* seconds for a body after its head; 0: none */
	const struct http_proxies *proxies; /* not capped per address */
};

/* Starts the reaper. Non-zero if it could not. */
int conn_start(const struct conn_limits *l);
/* Stops it, after libmicrohttpd has stopped, and closes lingering sockets. */
void conn_stop(void);

/* libmicrohttpd's accept policy: refuses an address at its cap. */
enum MHD_Result conn_accept(void *cls, const struct sockaddr *addr, socklen_t len);
/* libmicrohttpd's MHD_OPTION_NOTIFY_CONNECTION: tracks a connection from its
 * start to its close. */
void conn_notify(void *cls, struct MHD_Connection *mc, void **ctx,
		 enum MHD_ConnectionNotificationCode code);

/* The connection's tracker; NULL if it has none (out of memory). */
struct conn *conn_of(struct MHD_Connection *mc);
/* The peer's address (the proxy's, behind one). */
const struct addr *conn_peer(const struct conn *c);
/* A request line has arrived (the request may be logged by its thread). */
void conn_request_opened(struct conn *c);
/* The request's head has arrived: its body's deadline starts. False if the
 * reaper has answered the connection already: close it. */
bool conn_head_arrived(struct conn *c);
/* The request is being handled and answered (its body has arrived, or it
 * is answered early): no deadline. False if the reaper has answered the
 * connection already. */
bool conn_busy(struct conn *c);
/* The request has ended (answered, or its connection closed): the next
 * head's deadline starts. */
void conn_request_ended(struct conn *c);
/* Whether the reaper answered this connection with 408. */
bool conn_reaped(const struct conn *c);

#endif
