#!/usr/bin/env bash
# Installs, when it can, the programs that Go tests drive for real and skip
# without: headless Chromium for the ladder overview's browser test and
# Neovim for the language server's editor test. .ci/run calls it before
# `go test ./...`; a program that cannot be installed gets one line saying
# so, and its test skips with its own message.
set -uo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ladderlint-tools.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
LOG=$WORK/install.log
. "$HERE/lib.sh"

have "browser test (lint/overview)" chromium "chromium --version 2>/dev/null" apt_install chromium
have "editor test (lint/lsp)" nvim "nvim --version" apt_install neovim
exit 0
