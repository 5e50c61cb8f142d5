/* password: the rules for a new password, after NIST SP 800-63B: at least
 * 12 characters and no composition rules, but not one that is easy to
 * guess: on the list of common passwords shipped with kiem, one character
 * or a short pattern repeated, a run like "123456789012", or made of the
 * person's own email or name or the service's name. */
#ifndef KIEM_PASSWORD_H
#define KIEM_PASSWORD_H

#include <stdbool.h>

/* True if the password is easy to guess for this person. */
bool password_weak(const char *password, const char *email, const char *name);

#endif
