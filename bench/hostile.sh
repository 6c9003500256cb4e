#!/usr/bin/env bash
# Lints a folder of hostile pages (every shape of internal/hostile at SIZE,
# default 20000, with the odd inputs and YAML bombs) under a hard memory
# limit: cmd/ladderlint's TestHostileFolderIsOnlyRead, built as a test
# binary and run with its data segment limited (`ulimit -d`, LIMIT_KB,
# default 2 GiB: on Linux this bounds the writable memory a process maps,
# which for Go is the heap; `ulimit -v` would also count the address space
# the Go runtime reserves without using, and fail far below the limit) and
# GOMEMLIMIT set to the same, with GNU time's report of its peak resident
# memory and CPU time. The test
# lints the folder with every format, together and page by page, prints
# each page's model, and checks that no run panics, every exit is 0, 1 or
# 2 with a reason, and no input changes.
#
#   bench/hostile.sh [SIZE]
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-20000}
limit_kb=${LIMIT_KB:-2097152}
bin=$(mktemp -d)/ladderlint.test
trap 'rm -rf "$(dirname "$bin")"' EXIT
go test -c -o "$bin" ./cmd/ladderlint
cd cmd/ladderlint
echo "hostile folder at size $size, ulimit -d $limit_kb kB"
(
  ulimit -d "$limit_kb"
  GOMEMLIMIT=$((limit_kb * 1024)) LADDERLINT_HOSTILE_SIZE=$size /usr/bin/time -f 'peak RSS %M kB, %U s user, %S s system, %e s wall' \
    "$bin" -test.run '^TestHostileFolderIsOnlyRead$' -test.v -test.timeout 60m
)
