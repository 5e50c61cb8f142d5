/* Client addresses and the trusted proxies (proxy.h). */
#include "proxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/err.h"
#include "../base/text.h"
#include "http.h"

static const unsigned char v4_prefix[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

bool addr_is_v4(const struct addr *a)
{
	return memcmp(a->b, v4_prefix, sizeof v4_prefix) == 0;
}

/* s[0..n) as a C string in out[size]; false if it does not fit. */
static bool copy(const char *s, size_t n, char *out, size_t size)
{
	if (n >= size)
		return false;
	memcpy(out, s, n);
	out[n] = 0;
	return true;
}

/* A bare address, no brackets, no port. */
static bool parse_bare(const char *s, size_t n, struct addr *out)
{
	char text[ADDR_TEXT_MAX];
	if (!copy(s, n, text, sizeof text))
		return false;
	struct in_addr v4;
	if (inet_pton(AF_INET, text, &v4) == 1) {
		memcpy(out->b, v4_prefix, sizeof v4_prefix);
		memcpy(out->b + 12, &v4, 4);
		return true;
	}
	return inet_pton(AF_INET6, text, out->b) == 1;
}

static bool is_port(const char *s, size_t n)
{
	long long port;
	return n && text_parse_int(s, n, 0, 65535, &port);
}

bool addr_parse(const char *s, size_t n, struct addr *out)
{
	if (n && s[0] == '[') {
		const char *close = memchr(s, ']', n);
		if (!close)
			return false;
		size_t rest = n - (size_t)(close + 1 - s);
		if (rest && (close[1] != ':' || !is_port(close + 2, rest - 1)))
			return false;
		return parse_bare(s + 1, (size_t)(close - s - 1), out) && !addr_is_v4(out);
	}
	const char *colon = memchr(s, ':', n);
	if (colon && !memchr(colon + 1, ':', n - (size_t)(colon + 1 - s))) {
		/* one colon: IPv4 with a port */
		if (!is_port(colon + 1, n - (size_t)(colon + 1 - s)))
			return false;
		return parse_bare(s, (size_t)(colon - s), out) && addr_is_v4(out);
	}
	return parse_bare(s, n, out);
}

bool addr_from_sockaddr(const struct sockaddr *sa, struct addr *out)
{
	if (!sa)
		return false;
	if (sa->sa_family == AF_INET) {
		memcpy(out->b, v4_prefix, sizeof v4_prefix);
		memcpy(out->b + 12, &((const struct sockaddr_in *)sa)->sin_addr, 4);
		return true;
	}
	if (sa->sa_family == AF_INET6) {
		memcpy(out->b, &((const struct sockaddr_in6 *)sa)->sin6_addr, 16);
		return true;
	}
	return false;
}

void addr_format(const struct addr *a, char *out)
{
	if (addr_is_v4(a))
		inet_ntop(AF_INET, a->b + 12, out, ADDR_TEXT_MAX);
	else
		inet_ntop(AF_INET6, a->b, out, ADDR_TEXT_MAX);
}

static bool in_range(const struct addr *a, const struct addr *net, unsigned bits)
{
	unsigned whole = bits / 8, rest = bits % 8;
	if (memcmp(a->b, net->b, whole) != 0)
		return false;
	if (!rest)
		return true;
	unsigned char mask = (unsigned char)(0xff << (8 - rest));
	return (a->b[whole] & mask) == (net->b[whole] & mask);
}

bool proxies_trust(const struct http_proxies *p, const struct addr *a)
{
	if (!p)
		return false;
	for (size_t i = 0; i < p->n; i++)
		if (in_range(a, &p->v[i].net, p->v[i].bits))
			return true;
	return false;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

struct addr proxies_client(const struct http_proxies *p, const struct addr *peer, const char *xff)
{
	struct addr client = *peer;
	if (!xff || !proxies_trust(p, peer))
		return client;
	/* from the right: each hop appended the address it got the request from */
	const char *end = xff + strlen(xff);
	for (int hops = 0; end > xff && hops < 64; hops++) {
		const char *start = end;
		while (start > xff && start[-1] != ',')
			start--;
		const char *a = start, *b = end;
		while (a < b && is_blank(*a))
			a++;
		while (b > a && is_blank(b[-1]))
			b--;
		struct addr hop;
		if (!addr_parse(a, (size_t)(b - a), &hop))
			break; /* not an address: believe no further than the hop that wrote it */
		client = hop;
		if (!proxies_trust(p, &hop))
			break;
		end = start > xff ? start - 1 : start;
	}
	return client;
}

/* One entry of the setting: an address, or an address and "/bits". */
static bool parse_entry(const char *s, size_t n, struct addr *net, unsigned *bits)
{
	const char *slash = memchr(s, '/', n);
	size_t alen = slash ? (size_t)(slash - s) : n;
	if (!alen || s[0] == '[' || !parse_bare(s, alen, net))
		return false;
	bool v4 = !memchr(s, ':', alen); /* "::ffff:0:0/96" counts its bits as IPv6 */
	*bits = 128;
	if (slash) {
		long long b;
		size_t blen = n - alen - 1;
		if (!blen || s[alen + 1] == '+' || s[alen + 1] == '-' ||
		    !text_parse_int(slash + 1, blen, 0, v4 ? 32 : 128, &b))
			return false;
		*bits = (unsigned)b + (v4 ? 96 : 0);
	}
	/* keep the network part only, so that "10.1.2.3/8" means 10.0.0.0/8 */
	for (unsigned i = *bits; i < 128; i++)
		net->b[i / 8] &= (unsigned char)~(0x80 >> (i % 8));
	return true;
}

int http_proxies_parse(const char *text, struct http_proxies **out, char *why, size_t why_len)
{
	enum { ENTRIES_MAX = 256 };
	*out = NULL;
	if (!text)
		return 0;
	const char *p = text;
	while (is_blank(*p))
		p++;
	if (!*p)
		return 0;
	struct http_proxies *list = calloc(1, sizeof *list + ENTRIES_MAX * sizeof list->v[0]);
	if (!list) {
		snprintf(why, why_len, "out of memory");
		return ERR_NOMEM;
	}
	for (;;) {
		const char *comma = strchr(p, ',');
		const char *end = comma ? comma : p + strlen(p);
		const char *a = p, *b = end;
		while (a < b && is_blank(*a))
			a++;
		while (b > a && is_blank(b[-1]))
			b--;
		if (list->n == ENTRIES_MAX) {
			snprintf(why, why_len, "it lists more than %d addresses and ranges", ENTRIES_MAX);
			free(list);
			return ERR_USAGE;
		}
		if (!parse_entry(a, (size_t)(b - a), &list->v[list->n].net, &list->v[list->n].bits)) {
			snprintf(why, why_len, "'%.*s' is not an address or a range like 10.0.0.0/8 or fd00::/8",
				 (int)(b - a > 60 ? 60 : b - a), a);
			free(list);
			return ERR_USAGE;
		}
		list->n++;
		if (!comma)
			break;
		p = comma + 1;
	}
	*out = list;
	return 0;
}

void http_proxies_free(struct http_proxies *p)
{
	free(p);
}
