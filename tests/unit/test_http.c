/* Unit tests of src/http/proxy.c: client addresses, KIEM_TRUSTED_PROXIES,
 * and who the client is behind a trusted proxy. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "../../src/base/err.h"
#include "../../src/http/http.h"
#include "../../src/http/proxy.h"

static const char *text(const struct addr *a)
{
	static char out[ADDR_TEXT_MAX];
	addr_format(a, out);
	return out;
}

static const char *parsed(const char *s)
{
	struct addr a;
	if (!addr_parse(s, strlen(s), &a))
		return NULL;
	return text(&a);
}

static void addresses(void **state)
{
	(void)state;
	assert_string_equal(parsed("192.0.2.1"), "192.0.2.1");
	assert_string_equal(parsed("192.0.2.1:443"), "192.0.2.1");
	assert_string_equal(parsed("2001:db8::1"), "2001:db8::1");
	assert_string_equal(parsed("[2001:db8::1]"), "2001:db8::1");
	assert_string_equal(parsed("[2001:db8::1]:8080"), "2001:db8::1");
	/* an IPv4 client on an IPv6 socket is the same client */
	assert_string_equal(parsed("::ffff:192.0.2.1"), "192.0.2.1");
	const char *bad[] = { "", "unknown", "192.0.2", "192.0.2.256", "192.0.2.1:", "192.0.2.1:70000",
			      "[192.0.2.1]", "[2001:db8::1", "2001:db8::1]", "[2001:db8::1]x", "1.2.3.4 ",
			      "2001:db8::1:99999", "_hidden" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_null(parsed(bad[i]));
}

static struct http_proxies *proxies(const char *s)
{
	struct http_proxies *p = NULL;
	char why[200];
	assert_int_equal(http_proxies_parse(s, &p, why, sizeof why), 0);
	return p;
}

static bool trusted(const struct http_proxies *p, const char *a)
{
	struct addr x;
	assert_true(addr_parse(a, strlen(a), &x));
	return proxies_trust(p, &x);
}

static void ranges(void **state)
{
	(void)state;
	struct http_proxies *p = proxies(" 127.0.0.1, 10.0.0.0/8,192.168.1.7/24 , fd00::/8, 2001:db8::5, 0.0.0.0/0 ");
	assert_int_equal(p->n, 6);
	http_proxies_free(p);

	p = proxies("127.0.0.1, 10.0.0.0/8, 192.168.1.7/24, fd00::/8, 2001:db8::5");
	assert_true(trusted(p, "127.0.0.1"));
	assert_false(trusted(p, "127.0.0.2"));
	assert_true(trusted(p, "10.255.0.1"));
	assert_false(trusted(p, "11.0.0.1"));
	assert_true(trusted(p, "192.168.1.200")); /* the host bits of 192.168.1.7/24 do not count */
	assert_false(trusted(p, "192.168.2.1"));
	assert_true(trusted(p, "fd12:3456::1"));
	assert_false(trusted(p, "fe80::1"));
	assert_true(trusted(p, "2001:db8::5"));
	assert_false(trusted(p, "2001:db8::6"));
	assert_true(trusted(p, "::ffff:10.1.2.3")); /* mapped IPv4 is IPv4 */
	http_proxies_free(p);

	struct http_proxies *none = (struct http_proxies *)1;
	char why[200];
	assert_int_equal(http_proxies_parse("", &none, why, sizeof why), 0);
	assert_null(none);
	assert_int_equal(http_proxies_parse(NULL, &none, why, sizeof why), 0);
	assert_null(none);
	assert_false(proxies_trust(NULL, &(struct addr){ { 0 } }));

	const char *bad[] = { "proxy.example.nl", "10.0.0.0/33", "300.1.1.1", "fd00::/129", "10.0.0.1,,10.0.0.2",
			      "10.0.0.1/", "::1/-1", "10.0.0.1/+8", "[::1]", "10.0.0.1:80", ",", "10.0.0.1," };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct http_proxies *q = NULL;
		why[0] = 0;
		assert_int_equal(http_proxies_parse(bad[i], &q, why, sizeof why), ERR_USAGE);
		assert_null(q);
		assert_true(strlen(why) > 0);
	}
}

static const char *client(const struct http_proxies *p, const char *peer, const char *xff)
{
	struct addr a;
	assert_true(addr_parse(peer, strlen(peer), &a));
	struct addr c = proxies_client(p, &a, xff);
	return text(&c);
}

static void forwarded_for(void **state)
{
	(void)state;
	struct http_proxies *p = proxies("127.0.0.1, 10.0.0.0/8, fd00::/8");
	/* a peer that is not trusted is the client, whatever it says */
	assert_string_equal(client(p, "203.0.113.9", "198.51.100.1"), "203.0.113.9");
	assert_string_equal(client(NULL, "127.0.0.1", "198.51.100.1"), "127.0.0.1");
	/* behind a trusted one: the rightmost that is not trusted */
	assert_string_equal(client(p, "127.0.0.1", "198.51.100.1"), "198.51.100.1");
	assert_string_equal(client(p, "127.0.0.1", "6.6.6.6, 198.51.100.1"), "198.51.100.1");
	assert_string_equal(client(p, "127.0.0.1", "6.6.6.6,198.51.100.1 , 10.1.1.1"), "198.51.100.1");
	assert_string_equal(client(p, "fd00::1", "2001:db8::7, fd00::2"), "2001:db8::7");
	assert_string_equal(client(p, "127.0.0.1", "[2001:db8::7]:1234"), "2001:db8::7");
	assert_string_equal(client(p, "127.0.0.1", "198.51.100.1:5555"), "198.51.100.1");
	/* nothing but proxies: the leftmost */
	assert_string_equal(client(p, "127.0.0.1", "10.0.0.2, 10.0.0.3"), "10.0.0.2");
	/* garbage: believed no further than the hop that wrote it */
	assert_string_equal(client(p, "127.0.0.1", "198.51.100.1, unknown"), "127.0.0.1");
	assert_string_equal(client(p, "127.0.0.1", "198.51.100.1, unknown, 10.0.0.4"), "10.0.0.4");
	assert_string_equal(client(p, "127.0.0.1", ""), "127.0.0.1");
	assert_string_equal(client(p, "127.0.0.1", " , "), "127.0.0.1");
	assert_string_equal(client(p, "127.0.0.1", NULL), "127.0.0.1");
	http_proxies_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(addresses),
		cmocka_unit_test(ranges),
		cmocka_unit_test(forwarded_for),
	};
	return cmocka_run_group_tests_name("http", tests, NULL, NULL);
}
