#include "seal.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "err.h"
#include "log.h"
#include "text.h"

enum {
	NONCE = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
	TAG = crypto_aead_xchacha20poly1305_ietf_ABYTES,
	KEY_HEX = 2 * sizeof ((struct seal_key *)0)->bytes,
};
_Static_assert(sizeof ((struct seal_key *)0)->bytes == crypto_aead_xchacha20poly1305_ietf_KEYBYTES,
	       "a seal key is an XChaCha20-Poly1305 key");

/* Makes the key file; EEXIST when another process made it first. */
static int make_key(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0)
		return errno;
	unsigned char key[sizeof ((struct seal_key *)0)->bytes];
	char hex[KEY_HEX + 2];
	randombytes_buf(key, sizeof key);
	text_hex(key, sizeof key, hex);
	sodium_memzero(key, sizeof key);
	hex[KEY_HEX] = '\n';
	int err = 0;
	if (write(fd, hex, KEY_HEX + 1) != KEY_HEX + 1 || fsync(fd) != 0)
		err = errno ? errno : EIO;
	sodium_memzero(hex, sizeof hex);
	if (close(fd) != 0 && !err)
		err = errno;
	if (err)
		unlink(path); /* a half-written key would be read as no key */
	return err;
}

int seal_key_load(const char *path, struct seal_key *out, bool *made, char *why, size_t n)
{
	*made = false;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT) {
		int err = make_key(path);
		if (err && err != EEXIST) {
			snprintf(why, n, "cannot make the key file %s: %s", path, strerror(err));
			return ERR_IO;
		}
		*made = !err;
		fd = open(path, O_RDONLY | O_CLOEXEC);
	}
	if (fd < 0) {
		snprintf(why, n, "cannot read the key file %s: %s", path, strerror(errno));
		return ERR_IO;
	}
	struct stat st;
	if (fstat(fd, &st) == 0 && (st.st_mode & 077))
		log_warn("the key file %s can be read by others than its owner; make it mode 0600", path);
	char hex[KEY_HEX + 8];
	ssize_t got = read(fd, hex, sizeof hex);
	close(fd);
	while (got > 0 && (hex[got - 1] == '\n' || hex[got - 1] == '\r' || hex[got - 1] == ' '))
		got--;
	size_t len = 0;
	int rc = 0;
	if (got != KEY_HEX ||
	    sodium_hex2bin(out->bytes, sizeof out->bytes, hex, KEY_HEX, NULL, &len, NULL) != 0 ||
	    len != sizeof out->bytes) {
		snprintf(why, n, "the key file %s holds no key (64 hex digits)", path);
		rc = ERR_INVALID;
	}
	sodium_memzero(hex, sizeof hex);
	return rc;
}

void seal_text(const struct seal_key *k, const char *ad, const char *text, size_t n, struct buf *out)
{
	size_t raw_len = NONCE + n + TAG;
	unsigned char *raw = malloc(raw_len);
	char *b64 = malloc(4 * (raw_len / 3 + 1) + 1);
	if (!raw || !b64) {
		free(raw);
		free(b64);
		out->err = ERR_NOMEM;
		return;
	}
	randombytes_buf(raw, NONCE);
	crypto_aead_xchacha20poly1305_ietf_encrypt(raw + NONCE, NULL, (const unsigned char *)text, n,
						   (const unsigned char *)ad, strlen(ad), NULL, raw, k->bytes);
	text_base64url(raw, raw_len, b64);
	buf_adds(out, SEAL_PREFIX);
	buf_adds(out, b64);
	free(raw);
	free(b64);
}

int seal_open(const struct seal_key *k, const char *ad, const char *sealed, size_t n, struct buf *out)
{
	size_t pre = strlen(SEAL_PREFIX);
	if (n < pre || memcmp(sealed, SEAL_PREFIX, pre) != 0)
		return ERR_INVALID;
	char *raw = malloc(3 * (n - pre) / 4 + 1);
	if (!raw)
		return ERR_NOMEM;
	long raw_len = text_unbase64url(sealed + pre, n - pre, raw);
	int rc = ERR_INVALID;
	if (raw_len >= NONCE + TAG) {
		size_t text_len = (size_t)raw_len - NONCE - TAG;
		unsigned char *text = malloc(text_len + 1);
		if (!text) {
			rc = ERR_NOMEM;
		} else if (crypto_aead_xchacha20poly1305_ietf_decrypt(
				   text, NULL, NULL, (const unsigned char *)raw + NONCE, (size_t)raw_len - NONCE,
				   (const unsigned char *)ad, strlen(ad), (const unsigned char *)raw, k->bytes) == 0) {
			buf_add(out, text, text_len);
			sodium_memzero(text, text_len);
			rc = out->err;
		}
		free(text);
	}
	free(raw);
	return rc;
}

bool seal_is_sealed(const char *s)
{
	return s && strncmp(s, SEAL_PREFIX, strlen(SEAL_PREFIX)) == 0;
}
