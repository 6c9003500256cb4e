#!/usr/bin/env bash
# Wall-clock and CPU time of a whole lint (all default rules, links resolved
# against the whole content tree) against goldmark alone reading and parsing
# the same pages, as programs, on the corpus. Runs alternate, so both see the
# same machine load; the best of N runs of each is reported.
#
#   bench/speed.sh [RUNS]     (default 7; needs ../shared/corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
corpus=$(cd .. && pwd)/shared/corpus
[ -d "$corpus" ] || { echo "corpus not found at $corpus" >&2; exit 1; }
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/ladderlint" ./cmd/ladderlint
go build -o "$bin/goldmark-read" ./bench/goldmark-read
printf 'site:\n  layout: middleman\n' > "$bin/middleman.yml"

# best wall-clock seconds and the user+sys seconds of that run
measure() {
  local best="" cpu=""
  for _ in $(seq "$runs"); do
    local t
    /usr/bin/time -o "$bin/time" -f '%e %U %S' "$@" >/dev/null 2>&1 || true
    t=$(tail -1 "$bin/time")
    local wall=${t%% *}
    if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then
      best=$wall; cpu=$(echo "$t" | awk '{print $2+$3}')
    fi
  done
  echo "$best $cpu"
}

report() {
  local name=$1 dir=$2 g=$3 l=$4
  awk -v n="$name" -v g="$g" -v l="$l" 'BEGIN{
    split(g, a, " "); split(l, b, " ");
    printf "%-34s goldmark %.2fs wall %.2fs cpu | lint %.2fs wall %.2fs cpu | ratio %.1fx wall, %.1fx cpu\n", n, a[1], a[2], b[1], b[2], b[1]/a[1], b[2]/a[2] }'
}

cd "$corpus/gitlab-handbook"
g=$(measure "$bin/goldmark-read" content/job-families)
l=$(measure "$bin/ladderlint" lint --fail-on never content/job-families)
report "gitlab-handbook (Hugo)" . "$g" "$l"

cd "$corpus/www-gitlab-com-2022"
g=$(measure "$bin/goldmark-read" sites/uncategorized/source/job-families)
l=$(measure "$bin/ladderlint" lint -c "$bin/middleman.yml" --fail-on never sites/uncategorized/source/job-families)
report "www-gitlab-com-2022 (Middleman)" . "$g" "$l"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
