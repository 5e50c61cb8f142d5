/* settings: values the instance keeps for itself, such as the key that
 * signs CSRF tokens. Made on first use and kept in the database, so every
 * node behind a load balancer agrees. */
#ifndef KIEM_SETTINGS_H
#define KIEM_SETTINGS_H

struct store;

/* The instance's 32-byte secret key with this name, made if missing. */
int settings_key(struct store *s, const char *name, unsigned char key[32]);

#endif
