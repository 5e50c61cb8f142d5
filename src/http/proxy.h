/* proxy: client addresses, and the reverse proxies whose word on them is
 * believed (KIEM_TRUSTED_PROXIES). Private to the http layer.
 *
 * Every address is kept as 16 bytes: IPv6 as it is, IPv4 mapped into IPv6
 * (::ffff:a.b.c.d), so that one comparison serves both and a client that
 * reaches a dual-stack socket over IPv4 is the same client as over an IPv4
 * socket. A range "10.0.0.0/8" is kept as ::ffff:10.0.0.0/104. */
#ifndef KIEM_HTTP_PROXY_H
#define KIEM_HTTP_PROXY_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/socket.h>

struct addr {
	unsigned char b[16];
};

enum { ADDR_TEXT_MAX = 46 }; /* INET6_ADDRSTRLEN */

/* Parses an IPv4 or IPv6 address: "192.0.2.1", "2001:db8::1", and as
 * X-Forwarded-For entries may carry them, "192.0.2.1:443", "[2001:db8::1]"
 * and "[2001:db8::1]:443". False if it is none of these. */
bool addr_parse(const char *s, size_t n, struct addr *out);
/* The address of a socket's peer; false for anything but IPv4 and IPv6. */
bool addr_from_sockaddr(const struct sockaddr *sa, struct addr *out);
/* The address as text (an IPv4 one dotted) into out[ADDR_TEXT_MAX]. */
void addr_format(const struct addr *a, char *out);
/* Whether the address is IPv4 (mapped). */
bool addr_is_v4(const struct addr *a);

/* The trusted proxies: addresses and ranges (http.h parses them). */
struct http_proxies {
	size_t n;
	struct {
		struct addr net;
		unsigned bits; /* of the 128 */
	} v[];
};

/* Whether the address is one of the trusted proxies (false for none). */
bool proxies_trust(const struct http_proxies *p, const struct addr *a);
/* Who the client is when the peer is a trusted proxy that sent these
 * X-Forwarded-For entries (a comma-separated list, several headers joined
 * with commas, oldest hop first): walking from the right, the first address
 * that is not a trusted proxy. An entry that is not an address stops the
 * walk at the hop that wrote it; a list of nothing but trusted proxies
 * gives its leftmost. A peer that is not trusted is the client, whatever
 * the list says. */
struct addr proxies_client(const struct http_proxies *p, const struct addr *peer, const char *xff);

#endif
