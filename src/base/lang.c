#include "lang.h"

#include <string.h>

int enum_find(const struct enum_entry *table, int n, const char *key)
{
	if (!key)
		return -1;
	for (int i = 0; i < n; i++)
		if (strcmp(table[i].key, key) == 0)
			return i;
	return -1;
}
