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
# `bench/hostile.sh pages` instead measures the peak resident memory of
# `ladderlint lint` on single large pages (issue 14's targets: under 64 MB
# each), three runs each, the largest peak:
#   - graded-headings: 20,000 level headings, each with its grade sentence
#     ("## Senior Engineer N" / "The Senior Engineer N is a grade G."), 1.3 MB
#   - headings: internal/hostile's headings shape at 20,000 (no front
#     matter: the page is modelled, the job-family rules skip it), 0.9 MB
#   - repeated-word: one 2 MB line of one word repeated, with front matter
#
#   bench/hostile.sh [SIZE]
#   bench/hostile.sh pages
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = pages ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  go build -o "$work/ladderlint" ./cmd/ladderlint
  awk 'BEGIN{print "---\ntitle: Engineer\n---\n"; for(i=0;i<20000;i++) printf "## Senior Engineer %d\n\nThe Senior Engineer %d is a grade %d.\n\n", i, i, 5+i%6}' > "$work/graded-headings.md"
  awk 'BEGIN{for(i=0;i<20000;i++){h=substr("#####",1,2+i%4); printf "%s Role %d Responsibilities\n\n- item %d\n\n", h, i, i}}' > "$work/headings.md"
  awk 'BEGIN{print "---\ntitle: Engineer\n---\n"; printf "word"; for(i=1;i<420000;i++) printf " word"; print ""}' > "$work/repeated-word.md"
  echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  for page in graded-headings headings repeated-word; do
    peak=0 cpu=""
    for _ in 1 2 3; do
      /usr/bin/time -o "$work/time" -f '%M %U %S' "$work/ladderlint" lint --fail-on never "$work/$page.md" >/dev/null 2>&1 || true
      read -r m u s < "$work/time"
      [ "$m" -gt "$peak" ] && peak=$m
      cpu=$(awk -v u="$u" -v s="$s" 'BEGIN{print u+s}')
    done
    printf '%-16s %8d bytes  peak RSS %4d MB  CPU %s s\n' "$page" "$(wc -c < "$work/$page.md")" $((peak / 1024)) "$cpu"
  done
  exit 0
fi
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
