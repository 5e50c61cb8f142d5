#!/bin/sh
# Installs the Debian packages of deps.txt that this machine lacks, and the
# npm packages pinned in package-lock.json. Safe to run again: it only acts
# on what is missing.
set -eu
cd "$(dirname "$0")/.."

missing=""
while read -r pkg cmd; do
	case "$pkg" in ''|'#'*) continue ;; esac
	if [ -n "${cmd:-}" ] && command -v "$cmd" >/dev/null 2>&1; then
		continue
	fi
	if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
		continue
	fi
	missing="$missing $pkg"
done < deps.txt

if [ -n "$missing" ]; then
	echo "Installing Debian packages:$missing"
	SUDO=""
	[ "$(id -u)" -eq 0 ] || SUDO=sudo
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
fi

if [ "${1:-}" = "--npm" ]; then
	# npm writes node_modules/.package-lock.json last: without it, or older
	# than the lock file, the install is missing or out of date
	if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
		echo "Installing the pinned npm packages (package-lock.json)"
		npm ci --no-audit --no-fund --loglevel=error
	fi
fi
