#!/usr/bin/env bash
# The integration suite: runs the real programs that run ladderlint for its
# users (pre-commit, lefthook, and GitLab CI through gitlab-ci-local) in
# throwaway git repositories holding the sample handbook, with ladderlint
# built from this checkout. .ci/run calls it after `go test ./...`.
#
# Each program's configuration is the file beside this script that
# docs/ci.md shows (integration/docs_test.go keeps the two the same):
#   pre-commit-config.yaml  lefthook.yml  gitlab-ci.yml
#
# What is missing is installed from the package registries (apt-get for
# pre-commit and rsync, npm for lefthook and gitlab-ci-local), each
# program's version is printed, and a program that cannot be installed is
# skipped with one line that says so. A program that runs and misbehaves
# fails the suite. The last line counts the checks:
#   integration: N passed, N failed, N skipped
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
HERE=$ROOT/integration

LEFTHOOK_VERSION=2.2.1
# the last release that runs on the Node.js of Debian 12 (18) and 20
GITLAB_CI_LOCAL_VERSION=4.62.0

WORK=$(mktemp -d "${TMPDIR:-/tmp}/ladderlint-integration.XXXXXX")
# INTEGRATION_KEEP=1 keeps the repositories and logs for a look afterwards
if [ -n "${INTEGRATION_KEEP:-}" ]; then
	echo "integration: keeping $WORK"
else
	trap 'rm -rf "$WORK"' EXIT
fi
LOG=$WORK/install.log

. "$HERE/lib.sh"

# git in the throwaway repositories: no user or system configuration
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=$WORK/gitconfig
git config --global user.name "ladderlint integration"
git config --global user.email "integration@ladderlint.invalid"
git config --global init.defaultBranch main
git config --global advice.detachedHead false

# --- ladderlint and the sample -----------------------------------------------

BIN=$WORK/bin
mkdir -p "$BIN"
if ! (cd "$ROOT" && go build -o "$BIN/ladderlint" ./cmd/ladderlint && go build -o "$BIN/check" ./integration/check); then
	fail "go build"
	say "0 passed, 1 failed, 0 skipped"
	exit 1
fi
export PATH=$BIN:$PATH
say "$(ladderlint --version) (built from $ROOT)"
say "git $(git --version | cut -d' ' -f3), go $(go env GOVERSION)"

# new_handbook DIR: a repository whose first commit holds the sample
# handbook (content/) and the files given after DIR
new_handbook() {
	local dir=$1
	shift
	git init -q "$dir" && cp -R "$ROOT/testdata/handbook/content" "$dir/" &&
		{ [ $# -eq 0 ] || cp "$@" "$dir/"; } &&
		git -C "$dir" add -A && git -C "$dir" commit -q -m "the sample handbook"
}

CLEAN_PAGE=content/job-families/marketing/example-writer.md
PLANTED_PAGE=content/job-families/people-group/example-coordinator.md
DEFECT='- Work with {add a bulleted list of requirements}'

# findings FILE: the finding lines of a hook's output ("path:line:col:
# severity rule"), colour codes removed
findings() {
	sed 's/\x1b\[[0-9;]*m//g' "$1" | grep -oE 'content/job-families/[^ :]+:[0-9]+:[0-9]+: (error|warning|info) [a-z-]+' || true
}

# hook_cases PROGRAM DIR: the three cases a pre-commit hook must get right,
# in a repository where PROGRAM's hook is installed
hook_cases() {
	local prog=$1 dir=$2 out=$WORK/$1.out head line got
	cd "$dir" || return

	# 1. a commit that adds a defect is refused, the finding printed
	head=$(git rev-parse HEAD)
	printf '\n%s\n' "$DEFECT" >>"$CLEAN_PAGE"
	line=$(wc -l <"$CLEAN_PAGE")
	git add -A
	if git commit -q -m "a defect" >"$out" 2>&1; then
		fail "$prog: a commit adding a template placeholder went through"
	elif [ "$(git rev-parse HEAD)" != "$head" ]; then
		fail "$prog: the commit failed, yet HEAD moved"
	elif ! findings "$out" | grep -qx "$CLEAN_PAGE:$line:[0-9]*: error template-placeholder"; then
		fail "$prog: the refused commit does not print the finding at $CLEAN_PAGE:$line:"
		sed 's/^/    /' "$out"
	else
		pass "$prog: a commit adding a defect is refused with the finding printed"
	fi
	git reset -q --hard

	# 2. a clean change to a page full of planted findings goes through
	printf -- '- Candidates then meet the team\n' >>"$PLANTED_PAGE"
	git add -A
	if git commit -q -m "a clean change" >"$out" 2>&1 && [ "$(git rev-parse HEAD)" != "$head" ]; then
		# the hook ran (was not skipped) and passed
		if grep -q ladderlint "$out" && ! grep -qi skip "$out"; then
			pass "$prog: a clean commit goes through (to a page with planted findings)"
		else
			fail "$prog: the clean commit went through, but the hook did not run:"
			sed 's/^/    /' "$out"
		fi
	else
		fail "$prog: a clean commit was refused"
		sed 's/^/    /' "$out"
	fi
	git reset -q --hard

	# 3. only the lines the commit changes are reported
	head=$(git rev-parse HEAD)
	printf '%s\n' "$DEFECT" >>"$PLANTED_PAGE"
	line=$(wc -l <"$PLANTED_PAGE")
	git add -A
	git commit -q -m "a defect in a page with planted findings" >"$out" 2>&1
	got=$(findings "$out" | sort -u)
	if [ "$(git rev-parse HEAD)" != "$head" ]; then
		fail "$prog: a commit adding a defect to $PLANTED_PAGE went through"
	elif ! printf '%s\n' "$got" | grep -qx "$PLANTED_PAGE:$line:[0-9]*: error template-placeholder" || [ "$(printf '%s\n' "$got" | wc -l)" -ne 1 ]; then
		fail "$prog: want only the finding on the changed line $PLANTED_PAGE:$line, got:"
		printf '%s\n' "$got" | sed 's/^/    /'
	else
		pass "$prog: only the line the commit changes is reported, not the page's other findings"
	fi
	git reset -q --hard
	cd "$ROOT" || return
}

# --- pre-commit --------------------------------------------------------------

test_pre_commit() {
	have pre-commit pre-commit "pre-commit --version" apt_install pre-commit || return
	# the hooks' repository: this checkout as it is (also uncommitted
	# changes), committed into a throwaway repository that the config names
	# in place of the published one
	local hooks=$WORK/ladderlint-hooks dir=$WORK/pre-commit rev
	mkdir -p "$hooks"
	(cd "$ROOT" && git ls-files -z --cached --others --exclude-standard |
		tar --null --ignore-failed-read -T - -cf -) 2>/dev/null | tar -C "$hooks" -xf - &&
		git init -q "$hooks" && git -C "$hooks" add -A && git -C "$hooks" commit -q -m "ladderlint" || {
		fail "pre-commit: cannot make the hooks' repository"
		return
	}
	rev=$(git -C "$hooks" rev-parse HEAD)
	new_handbook "$dir" || {
		fail "pre-commit: cannot make the handbook repository"
		return
	}
	sed -e "s|repo: https://gitlab.com/ladderlint/ladderlint\$|repo: $hooks|" -e "s|rev: v0.1.0\$|rev: $rev|" \
		"$HERE/pre-commit-config.yaml" >"$dir/.pre-commit-config.yaml"
	if ! grep -q "repo: $hooks\$" "$dir/.pre-commit-config.yaml" || ! grep -q "rev: $rev\$" "$dir/.pre-commit-config.yaml"; then
		fail "pre-commit: integration/pre-commit-config.yaml no longer names the published repository and v0.1.0"
		return
	fi
	git -C "$dir" add -A && git -C "$dir" commit -q -m "pre-commit"
	# pre-commit builds the hook with Go (language: golang) in its own
	# GOPATH; the module and build caches are shared, so no download is
	# needed where `go test ./...` ran
	export PRE_COMMIT_HOME=$WORK/pre-commit-home
	export GOMODCACHE GOCACHE
	GOMODCACHE=$(go env GOMODCACHE) GOCACHE=$(go env GOCACHE)
	if ! (cd "$dir" && pre-commit install >"$WORK/pre-commit-install.log" 2>&1 &&
		pre-commit install-hooks >>"$WORK/pre-commit-install.log" 2>&1); then
		fail "pre-commit: cannot install the hook"
		sed 's/^/    /' "$WORK/pre-commit-install.log"
		return
	fi
	hook_cases pre-commit "$dir"
}

# --- lefthook ----------------------------------------------------------------

test_lefthook() {
	have_npm lefthook "$LEFTHOOK_VERSION" || return
	local dir=$WORK/lefthook
	new_handbook "$dir" "$HERE/lefthook.yml" || {
		fail "lefthook: cannot make the handbook repository"
		return
	}
	if ! (cd "$dir" && lefthook install >"$WORK/lefthook-install.log" 2>&1); then
		fail "lefthook: cannot install the hook"
		sed 's/^/    /' "$WORK/lefthook-install.log"
		return
	fi
	hook_cases lefthook "$dir"
}

# --- GitLab CI ----------------------------------------------------------------

test_gitlab_ci() {
	have gitlab-ci-local rsync "rsync --version" apt_install rsync || return
	have_npm gitlab-ci-local "$GITLAB_CI_LOCAL_VERSION" || return
	local dir=$WORK/gitlab-ci base
	new_handbook "$dir" "$ROOT/templates/ladderlint.gitlab-ci.yml" || {
		fail "gitlab-ci-local: cannot make the handbook repository"
		return
	}
	# the project's .gitlab-ci.yml, with the template included from the
	# project itself instead of from the published URL
	sed 's|^  - remote: https://gitlab.com/ladderlint/ladderlint/-/raw/main/templates/ladderlint.gitlab-ci.yml$|  - local: ladderlint.gitlab-ci.yml|' \
		"$HERE/gitlab-ci.yml" >"$dir/.gitlab-ci.yml"
	if ! grep -q '^  - local: ladderlint.gitlab-ci.yml$' "$dir/.gitlab-ci.yml"; then
		fail "gitlab-ci-local: integration/gitlab-ci.yml no longer includes the published template"
		return
	fi
	printf '.gitlab-ci-local/\n' >"$dir/.gitignore"
	git -C "$dir" add -A && git -C "$dir" commit -q -m "CI"
	base=$(git -C "$dir" rev-parse HEAD)

	# ladderlint is not on the job's PATH: the template's install step
	# builds it from this checkout into the cached folder
	local path=${PATH#"$BIN:"}
	# (into $GOBIN, which the template sets to its cached folder; never
	# into this machine's GOPATH)
	local install="[ -n \"\$\$GOBIN\" ] && go -C '$ROOT' install ./cmd/ladderlint"
	gcl() { # LOG VARIABLE=VALUE...: the job $JOB (default ladderlint), shell executor
		local log=$1
		shift
		local args=(--force-shell-executor --shell-isolation --no-color --home "$WORK/gitlab-ci-local-home"
			--variable "LADDERLINT_INSTALL=$install")
		for v in "$@"; do args+=(--variable "$v"); done
		(cd "$dir" && PATH=$path timeout 600 gitlab-ci-local "${args[@]}" "${JOB:-ladderlint}") >"$log" 2>&1
	}
	artifacts=$dir/.gitlab-ci-local/artifacts/ladderlint

	# the default branch: every finding; the job fails on the planted errors
	gcl "$WORK/gcl-default.log" CI_PIPELINE_SOURCE=push
	local status=$?
	if [ $status -eq 0 ] || ! grep -q 'ladderlint: installing' "$WORK/gcl-default.log" || ! grep -qE '[0-9]+ findings in [0-9]+ files' "$WORK/gcl-default.log"; then
		fail "gitlab-ci-local, default branch: want an install, the findings and a failed job (exit $status):"
		tail -n 30 "$WORK/gcl-default.log" | sed 's/^/    /'
	else
		(cd "$dir" && ladderlint lint --format json --fail-on never >"$WORK/default.json")
		mkdir -p "$WORK/default" && cp "$artifacts"/* "$WORK/default/"
		if check -dir "$WORK/default" -findings "$WORK/default.json"; then
			pass "gitlab-ci-local, default branch: the job fails on the planted errors; JUnit, Code Quality and JSON reports hold every finding"
		else
			fail "gitlab-ci-local, default branch: the reports differ from a direct run (above)"
		fi
	fi

	# a merge request: a branch that changes one page, adding a defect and
	# fixing one; the job reports the new one and passes (no new error)
	git -C "$dir" checkout -q -b fix-example-coordinator
	sed -i 's/^- Own the the example catalogue$/- Own the example catalogue/' "$dir/$PLANTED_PAGE"
	printf -- '- She reviews the examples of the team\n' >>"$dir/$PLANTED_PAGE"
	git -C "$dir" commit -q -am "example coordinator: one fix, one new defect"
	rm -rf "$artifacts"
	gcl "$WORK/gcl-mr.log" CI_PIPELINE_SOURCE=merge_request_event CI_MERGE_REQUEST_EVENT_TYPE=detached \
		CI_MERGE_REQUEST_DIFF_BASE_SHA="$base" CI_MERGE_REQUEST_TARGET_BRANCH_NAME=main CI_COMMIT_BRANCH=
	status=$?
	if [ $status -ne 0 ] || ! grep -q "reporting what the merge request changes since $base" "$WORK/gcl-mr.log"; then
		fail "gitlab-ci-local, merge request: want a passing job that reports what the branch changes (exit $status):"
		tail -n 30 "$WORK/gcl-mr.log" | sed 's/^/    /'
	else
		if grep -q 'ladderlint: using .*/.ladderlint/bin/ladderlint' "$WORK/gcl-mr.log"; then
			pass "gitlab-ci-local: the second job uses the binary the first one cached"
		else
			fail "gitlab-ci-local: the second job did not find the cached binary:"
			grep 'ladderlint: ' "$WORK/gcl-mr.log" | sed 's/^/    /'
		fi
		(cd "$dir" && ladderlint lint --format json --fail-on never --new-from-rev "$base" >"$WORK/new.json" &&
			ladderlint lint --format json --fail-on never >"$WORK/full.json")
		if check -dir "$artifacts" -findings "$WORK/new.json" -codequality "$WORK/full.json" -only "$PLANTED_PAGE" \
			-base "$WORK/default/gl-code-quality-report.json" -resolved 1; then
			pass "gitlab-ci-local, merge request: JUnit and JSON hold only the changed page's new finding; Code Quality every finding, so the widget shows 1 new and 1 resolved"
		else
			fail "gitlab-ci-local, merge request: the reports are not what they should be (above)"
		fi
	fi

	# the optional ladder overview: a page as an artifact, when asked for
	rm -rf "$dir/.gitlab-ci-local/artifacts/ladderlint-ladder"
	JOB=ladderlint-ladder gcl "$WORK/gcl-ladder.log" CI_PIPELINE_SOURCE=merge_request_event LADDERLINT_LADDER=true
	status=$?
	local page=$dir/.gitlab-ci-local/artifacts/ladderlint-ladder/ladders.html
	local families
	families=$(cd "$dir" && ladderlint ladder -f json | grep -c '"id": "f-')
	if [ $status -eq 0 ] && [ -s "$page" ] && grep -q '<h1>Job-family ladders</h1>' "$page" &&
		[ "$(grep -o ' data-family="' "$page" | wc -l)" = "$families" ]; then
		pass "gitlab-ci-local, ladder overview: the optional job writes ladders.html with every family ($families) as its artifact"
	else
		fail "gitlab-ci-local, ladder overview: no page, or not every family (exit $status):"
		tail -n 30 "$WORK/gcl-ladder.log" | sed 's/^/    /'
	fi
}

test_pre_commit
test_lefthook
test_gitlab_ci

say "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
