# Shared by the integration scripts (run.sh, tools.sh): counting, saying,
# and installing from the package registries. The sourcing script sets WORK
# (a temporary folder) and LOG (the install log) first.

passed=0 failed=0 skipped=0
say() { printf 'integration: %s\n' "$*"; }
pass() { passed=$((passed + 1)); say "ok   $*"; }
fail() { failed=$((failed + 1)); say "FAIL $*"; }
skip() { skipped=$((skipped + 1)); say "SKIP $*"; }

# --- installing -------------------------------------------------------------

# each installer says in REASON why it could not install
REASON=
apt_updated=
apt_install() { # PACKAGE... from Debian's registry; 1 when it cannot
	if ! command -v apt-get >/dev/null 2>&1; then
		REASON="no apt-get on this machine"
		return 1
	fi
	if [ "$(id -u)" != 0 ]; then
		REASON="apt-get needs root"
		return 1
	fi
	if [ -z "$apt_updated" ]; then
		if ! timeout 300 apt-get update -qq -o Acquire::Retries=1 -o Acquire::http::Timeout=30 >>"$LOG" 2>&1; then
			REASON="apt-get update failed: $(grep -E '^(E|W):' "$LOG" | tail -n 1)"
			return 1
		fi
		apt_updated=1
	fi
	if ! DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -qq --no-install-recommends "$@" >>"$LOG" 2>&1; then
		REASON="apt-get install $* failed: $(grep -E '^(E|W):' "$LOG" | tail -n 1)"
		return 1
	fi
}

npm_install() { # PACKAGE@VERSION from the npm registry, globally; 1 when it cannot
	if ! command -v npm >/dev/null 2>&1; then
		apt_install nodejs npm || {
			REASON="no npm, and $REASON"
			return 1
		}
	fi
	# outside any git repository, and with lefthook's postinstall off: it
	# would install hooks into the repository npm runs in
	if ! (cd "$WORK" && CI=true LEFTHOOK=0 timeout 900 npm install -g --no-audit --no-fund \
		--fetch-retries=1 --fetch-timeout=60000 "$1") >>"$LOG" 2>&1; then
		REASON="npm install -g $1 failed: $(grep -E '^npm (error|ERR!)' "$LOG" | grep -v 'complete log' | head -n 1)"
		return 1
	fi
}

# have FOR NAME VERSION-COMMAND INSTALL...: NAME is on PATH, installed if
# needed, and its version printed; or one line says that FOR's tests are
# skipped and why
have() {
	local for=$1 name=$2 version=$3
	shift 3
	if ! command -v "$name" >/dev/null 2>&1; then
		say "installing $name: $*"
		REASON=
		if ! "$@" || ! command -v "$name" >/dev/null 2>&1; then
			skip "$for: $name cannot be installed (${REASON:-$* did not put it on PATH}); the $for tests are skipped"
			return 1
		fi
	fi
	say "$name $(eval "$version" 2>&1 | head -n 1)"
}

# lefthook and gitlab-ci-local at the pinned versions
have_npm() { # NAME VERSION
	local name=$1 want=$2 got=
	command -v "$name" >/dev/null 2>&1 &&
		got=$({ "$name" --version 2>/dev/null || "$name" version 2>/dev/null; } | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -n 1)
	if [ "$got" != "$want" ]; then
		say "installing $name@$want (found: ${got:-none})"
		REASON=
		if ! npm_install "$name@$want" || ! command -v "$name" >/dev/null 2>&1; then
			skip "$name: cannot be installed (${REASON:-npm did not put it on PATH}); the $name tests are skipped"
			return 1
		fi
	fi
	say "$name $("$name" --version 2>/dev/null || "$name" version)"
}

