/* lang: the interface languages. Dutch comes first and is the default. */
#ifndef KIEM_LANG_H
#define KIEM_LANG_H

enum lang { LANG_NL, LANG_EN, LANG_COUNT };

/* A closed set's member: the key that goes over the wire and into the
 * database, and its names for people. */
struct enum_entry {
	const char *key;
	const char *name[LANG_COUNT];
};

/* Index of key in table[0..n), or -1. */
int enum_find(const struct enum_entry *table, int n, const char *key);

#endif
