#!/usr/bin/env bash
# Linear growth of a whole lint with the size of the workload: issue 14's
# workload (bench/workload.sh) at 1, 3 and 10 copies of the 2022 job
# families, links resolved against the whole site each time. For each size,
# RUNS runs (default 3) with GNU time; the median CPU time (user + system,
# steadier than wall time on a shared machine), wall time and peak resident
# memory, and each one per page relative to 1 copy (1.0 = linear).
#
#   bench/growth.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/ladderlint" ./cmd/ladderlint
. bench/workload.sh
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $runs runs each, median"
printf '%-7s %6s %8s %8s %8s %10s %12s\n' copies pages "CPU s" "wall s" "peak MB" "CPU/page" "peak/page"
base_cpu=""; base_pages=""; base_mem=""
for copies in 1 3 10; do
  build_workload "$work/site-$copies" "$copies"
  cs="" ws="" ms=""
  for _ in $(seq "$runs"); do
    ( cd "$site" && /usr/bin/time -o "$work/time" -f '%e %U %S %M' "$work/ladderlint" lint --fail-on never "${dirs[@]}" >/dev/null 2>&1 || true )
    read -r w u s m < "$work/time"
    cs+="$(awk -v u="$u" -v s="$s" 'BEGIN{print u+s}') "; ws+="$w "; ms+="$m "
  done
  c=$(echo "$cs" | median); w=$(echo "$ws" | median); m=$(echo "$ms" | median)
  if [ -z "$base_cpu" ]; then base_cpu=$c; base_pages=$pages; base_mem=$m; fi
  printf '%-7s %6d %8.2f %8.2f %8.0f %10.2f %12.2f\n' "$copies" "$pages" "$c" "$w" "$(awk -v m="$m" 'BEGIN{print m/1024}')" \
    "$(awk -v c="$c" -v p="$pages" -v bc="$base_cpu" -v bp="$base_pages" 'BEGIN{print (c/p)/(bc/bp)}')" \
    "$(awk -v m="$m" -v p="$pages" -v bm="$base_mem" -v bp="$base_pages" 'BEGIN{print (m/p)/(bm/bp)}')"
  rm -rf "$work/site-$copies"
done
echo "CPU/page and peak/page are relative to 1 copy: 1.0 is linear growth; peak memory includes the site index and the program (about 35 MB), so peak/page falls below 1 as pages grow"
