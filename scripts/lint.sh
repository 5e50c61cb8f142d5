#!/bin/sh
# The lints of `make check`: no SQL built with printf, none of the banned
# string functions of STYLE.md, and every statement's SQL a literal.
cd "$(dirname "$0")/.." || exit 2
fail=0
hits=$(grep -rnE '(snprintf|sprintf|printf|buf_printf|arena_printf)\s*\([^;]*"[^"]*\b(SELECT|INSERT|UPDATE|DELETE|WHERE|CREATE|DROP)\b' src)
if [ -n "$hits" ]; then
	echo "lint: SQL built with printf; bind the values instead:"; echo "$hits"; fail=1
fi
hits=$(grep -rnwE 'strcpy|strcat|sprintf|vsprintf|gets|strtok|atoi|atol|strncpy' src | grep -vE '^\S+:\s*(/\*|\*)')
if [ -n "$hits" ]; then
	echo "lint: banned functions (STYLE.md):"; echo "$hits"; fail=1
fi
hits=$(grep -rnE 'store_prepare\([^,]+,\s*[^" ]' src | grep -vE 'store_prepare\([^,]+,\s*(SQL_|sql_)[A-Za-z_]+\)' )
if [ -n "$hits" ]; then
	echo "lint: store_prepare takes a string literal or a named constant SQL_*:"; echo "$hits"; fail=1
fi
[ $fail -eq 0 ] && echo "lint: ok"
exit $fail
