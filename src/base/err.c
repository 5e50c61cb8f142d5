#include "err.h"

const char *err_str(int rc)
{
	switch (rc) {
	case ERR_OK: return "ok";
	case ERR_NOMEM: return "out of memory";
	case ERR_IO: return "input/output error";
	case ERR_DB: return "database error";
	case ERR_NOTFOUND: return "not found";
	case ERR_INVALID: return "invalid input";
	case ERR_FORBIDDEN: return "forbidden";
	case ERR_AUTH: return "login required";
	case ERR_CONFLICT: return "conflict";
	case ERR_TOOBIG: return "too large";
	case ERR_USAGE: return "usage error";
	case ERR_BUSY: return "busy";
	case ERR_UNCONFIRMED: return "email address not confirmed";
	}
	return "unknown error";
}
