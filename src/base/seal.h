/* seal: text kept encrypted at rest, with a key that is not in the
 * database, so that the database's files alone (a copy, a backup, the free
 * space of its pages, its write-ahead log) reveal none of it.
 *
 * The key is 32 random bytes, as 64 hex digits in a file of its own, made
 * readable by its owner only (mode 0600) the first time it is needed.
 * Sealing is XChaCha20-Poly1305 (libsodium) with a random nonce per text;
 * the sealed form is text: SEAL_PREFIX, then the nonce and the ciphertext
 * in base64url. Associated data (a mail's id and recipient, say) binds a
 * sealed text to its place: moved to another, it does not open. */
#ifndef KIEM_SEAL_H
#define KIEM_SEAL_H

#include <stdbool.h>
#include <stddef.h>

struct buf;

#define SEAL_PREFIX "kiem-sealed-1:"

struct seal_key {
	unsigned char bytes[32];
};

/* Reads the key in the file at path, or makes the file (mode 0600, never
 * replacing one that exists) when there is none; *made says whether it did.
 * ERR_IO when the file cannot be read or made, ERR_INVALID when it holds
 * no key; why (n bytes) then says so in one line, naming the file. */
int seal_key_load(const char *path, struct seal_key *out, bool *made, char *why, size_t n);
/* Appends the sealed form of text (n bytes) to out. */
void seal_text(const struct seal_key *k, const char *ad, const char *text, size_t n, struct buf *out);
/* Appends the text of a sealed form (n bytes) to out: ERR_INVALID when it
 * does not open (another key, other associated data, changed or cut). */
int seal_open(const struct seal_key *k, const char *ad, const char *sealed, size_t n, struct buf *out);
/* Whether s is in the sealed form (it may still not open). */
bool seal_is_sealed(const char *s);

#endif
