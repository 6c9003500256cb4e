#!/usr/bin/env bash
# A pre-commit style run (issue 14): the 2022 site as a Hugo tree
# (bench/workload.sh, one copy of the job families), one line of one
# job-family page edited, then `ladderlint lint --new-from-rev HEAD
# content/job-families` (every job family read for the cross-file rules,
# links resolved against the whole site, findings on the changed line only).
# RUNS runs (default 5): median wall and CPU time (user + system) and the
# peak resident memory. Target: under 0.3 s wall. Then the same with
# --cache (a cache in a temporary folder, filled by one run first), the
# runs of the two kinds alternating.
#
#   bench/precommit.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/ladderlint" ./cmd/ladderlint
. bench/workload.sh
build_workload "$work/site" 1
cd "$site"
page=$(find content/job-families -name '*.md' | sort | sed -n 1p)
sed -i '12s/$/ Edited./' "$page"
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
export LADDERLINT_CACHE_DIR="$work/cache"
"$work/ladderlint" lint --cache --new-from-rev HEAD content/job-families >/dev/null 2>&1 || true
declare -A ws cs ms
for _ in $(seq "$runs"); do
  for mode in false true; do
    /usr/bin/time -o "$work/time" -f '%e %U %S %M' "$work/ladderlint" lint --cache=$mode --new-from-rev HEAD content/job-families >/dev/null 2>&1 || true
    read -r w u s m < "$work/time"
    ws[$mode]+="$w "; cs[$mode]+="$(awk -v u="$u" -v s="$s" 'BEGIN{print u+s}') "; ms[$mode]+="$m "
  done
done
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $runs runs each, alternating, median"
echo "edited: $page (line 12); $pages job-family pages, links against $site_pages pages"
for mode in false true; do
  label="no cache"; [ "$mode" = true ] && label="--cache "
  printf '%s  wall %.2f s  CPU %.2f s  peak %d MB  (target: under 0.3 s wall)\n' "$label" "$(echo "${ws[$mode]}" | median)" "$(echo "${cs[$mode]}" | median)" $(( $(echo "${ms[$mode]}" | median) / 1024 ))
done
