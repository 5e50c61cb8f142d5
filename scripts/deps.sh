#!/bin/sh
# Installs the Debian packages of the named sections of deps.txt that this
# machine lacks, and with --npm the npm packages pinned in package-lock.json.
# Safe to run again: it only acts on what is missing.
#
#   scripts/deps.sh [--npm] [--list] SECTION...   (build, run, test, bench)
#
# --list prints the packages of those sections, one a line, and installs
# nothing.
set -eu
cd "$(dirname "$0")/.."

npm=false
list=false
sections=""
for arg in "$@"; do
	case "$arg" in
	--npm) npm=true ;;
	--list) list=true ;;
	build|run|test|bench) sections="$sections $arg" ;;
	*) echo "deps.sh: unknown section or option '$arg' (sections: build run test bench)" >&2; exit 2 ;;
	esac
done

# the lines "PACKAGE [COMMAND]" of the chosen sections
wanted() {
	section=""
	while read -r pkg cmd; do
		case "$pkg" in
		''|'#'*) continue ;;
		'['*']') section=${pkg#[}; section=${section%]}; continue ;;
		esac
		case " $sections " in *" $section "*) echo "$pkg ${cmd:-}" ;; esac
	done < deps.txt
}

if $list; then
	wanted | while read -r pkg cmd; do echo "$pkg"; done
	exit 0
fi

missing=""
for line in $(wanted | tr ' ' ':'); do
	pkg=${line%%:*}
	cmd=${line#*:}
	if [ -n "$cmd" ] && command -v "$cmd" >/dev/null 2>&1; then
		continue
	fi
	if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
		continue
	fi
	missing="$missing $pkg"
done

if [ -n "$missing" ]; then
	echo "Installing Debian packages:$missing"
	SUDO=""
	[ "$(id -u)" -eq 0 ] || SUDO=sudo
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
fi

if $npm; then
	# npm writes node_modules/.package-lock.json last: without it, or older
	# than the lock file, the install is missing or out of date
	if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
		echo "Installing the pinned npm packages (package-lock.json)"
		npm ci --no-audit --no-fund --loglevel=error
	fi
fi
