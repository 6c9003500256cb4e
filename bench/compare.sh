#!/usr/bin/env bash
# ladderlint side by side with its peers on the whole 2022 handbook.
#
# The workload (issue 14): the ../shared/corpus/www-gitlab-com-2022 site laid
# out as a Hugo content tree (every page of sites/*/source as content/**.md),
# with its job-family pages copied ten times (copies under
# content/job-families-copy-N/), so that a run lints ~1,460 job-family pages and
# resolves their links against every page of the site.
#
# Programs, each on the job-family folders, in one run and alternating (so all
# see the same machine load), RUNS times each; the median wall time and the
# peak resident memory (/usr/bin/time -v) are printed, with ratios:
#   - goldmark alone: read and parse the same pages (bench/goldmark-read)
#   - ladderlint: every default rule, links resolved against the whole site
#   - markdownlint-cli2 (npm), its default structure rules
#   - Vale 3.7.1, its built-in style (run once: it is the slowest to repeat)
# A peer that is not installed is installed when the registry answers
# (npm, `go install`), or skipped with a line saying so.
#
#   bench/compare.sh [RUNS] [COPIES]     (defaults 3 and 10)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
copies=${2:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=$work/bin
mkdir -p "$bin"
go build -o "$bin/ladderlint" ./cmd/ladderlint
go build -o "$bin/goldmark-read" ./bench/goldmark-read

# --- the workload -----------------------------------------------------------
. bench/workload.sh
. bench/peers.sh
build_workload "$work/site" "$copies"
cd "$site"

# --- the peers ----------------------------------------------------------------
mdl=""
if command -v markdownlint-cli2 >/dev/null; then mdl=$(command -v markdownlint-cli2)
elif [ -x /opt/mdl/node_modules/.bin/markdownlint-cli2 ]; then mdl=/opt/mdl/node_modules/.bin/markdownlint-cli2
elif command -v npm >/dev/null && (mkdir -p "$work/npm" && cd "$work/npm" && npm install --silent markdownlint-cli2 >/dev/null 2>&1); then
  mdl=$work/npm/node_modules/.bin/markdownlint-cli2
fi
vale=$(find_vale "$bin")
# Vale needs a config; its built-in style is "Vale" (spelling, repetition)
printf 'MinAlertLevel = suggestion\n[*.md]\nBasedOnStyles = Vale\n' > "$site/.vale.ini"

# --- measuring ----------------------------------------------------------------
# one timed run: prints "wall_seconds peak_kb cpu_seconds" (user + system)
timed() {
  /usr/bin/time -v -o "$work/time" "$@" >/dev/null 2>&1 || true
  awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; w=s}
              /User time/{c+=$2} /System time/{c+=$2}
              /Maximum resident set size/{m=$2} END{print w, m, c}' "$work/time"
}
declare -A wall mem cpu
add() { wall[$1]+="$2 "; mem[$1]+="$3 "; cpu[$1]+="$4 "; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END{if(NR==0){print "-"} else {print a[int((NR+1)/2)]}}'; }

for r in $(seq "$runs"); do
  read -r w m c < <(timed "$bin/goldmark-read" "${dirs[@]}"); add goldmark "$w" "$m" "$c"
  read -r w m c < <(timed "$bin/ladderlint" lint --fail-on never "${dirs[@]}"); add ladderlint "$w" "$m" "$c"
  if [ -n "$mdl" ]; then
    read -r w m c < <(timed "$mdl" "content/job-families*/**/*.md"); add markdownlint-cli2 "$w" "$m" "$c"
  fi
  if [ -n "$vale" ] && [ "$r" = 1 ]; then
    read -r w m c < <(timed "$vale" --output=line --no-exit "${dirs[@]}"); add vale "$w" "$m" "$c"
  fi
done

echo "workload: $pages job-family pages ($((bytes / 1024)) KiB), $copies copies, links against $site_pages pages of the site"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $runs runs each (Vale once), median"
gw=$(echo "${wall[goldmark]}" | median)
lw=$(echo "${wall[ladderlint]}" | median)
printf '%-20s %8s %8s %10s %16s\n' program "wall s" "CPU s" "peak MB" "vs ladderlint"
for p in goldmark ladderlint markdownlint-cli2 vale; do
  if [ -z "${wall[$p]:-}" ]; then
    case $p in
      markdownlint-cli2) echo "markdownlint-cli2: not installed and npm could not install it; skipped" ;;
      vale) echo "vale: not installed and go install could not build it; skipped" ;;
    esac
    continue
  fi
  w=$(echo "${wall[$p]}" | median); m=$(echo "${mem[$p]}" | median); c=$(echo "${cpu[$p]}" | median)
  printf '%-20s %8.2f %8.2f %10.0f %15.1fx\n' "$p" "$w" "$c" "$(awk -v k="$m" 'BEGIN{print k/1024}')" "$(awk -v a="$w" -v b="$lw" 'BEGIN{print a/b}')"
done
awk -v l="$lw" -v g="$gw" 'BEGIN{printf "ladderlint / goldmark alone: %.1fx wall time (target: at most 2x)\n", l/g}'
gc=$(echo "${cpu[goldmark]}" | median); lc=$(echo "${cpu[ladderlint]}" | median)
awk -v l="$lc" -v g="$gc" 'BEGIN{printf "ladderlint / goldmark alone: %.1fx CPU time\n", l/g}'
