#!/usr/bin/env bash
# misspelling against Vale's spelling check on the labelled pages of one half
# of the accuracy yardstick (issue 13: "against Vale's spelling on the same
# pages"). Prints counts only, so it serves the checking half too.
#
# Vale 3.7.1 (installed with `go install` when absent) runs with its default
# spelling check only (Vale.Spelling; Vale.Terms, Vale.Avoid and
# Vale.Repetition off) on copies of the labelled pages, .md.erb read as
# markdown. An alert, like a ladderlint finding, answers a misspelling label
# when it is on the label's line and names a word the label's note quotes
# (internal/accuracy.WordFound).
#
#   bench/vale-spelling.sh            # checking half
#   bench/vale-spelling.sh -tuning    # tuning half
set -euo pipefail
cd "$(dirname "$0")/.."
half=()
[ "${1:-}" = -tuning ] && half=(-tuning)
corpus=../shared/corpus
[ -d "$corpus" ] || { echo "vale-spelling: $corpus is absent: nothing to measure" >&2; exit 0; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. bench/peers.sh
vale=$(find_vale "$work")
[ -n "$vale" ] || { echo "vale-spelling: Vale is not installed and go install could not build it" >&2; exit 1; }
go run ./bench/accuracy "${half[@]}" -labelled > "$work/pages"
mkdir -p "$work/root"
while read -r p; do
  mkdir -p "$work/root/$(dirname "$p")"
  cp "$corpus/$p" "$work/root/$p"
done < "$work/pages"
cat > "$work/root/.vale.ini" <<'INI'
MinAlertLevel = suggestion
[formats]
erb = md
[*]
BasedOnStyles = Vale
Vale.Terms = NO
Vale.Avoid = NO
Vale.Repetition = NO
INI
(cd "$work/root" && xargs -a "$work/pages" -d '\n' "$vale" --output JSON --no-exit > "$work/vale.json")
echo "$("$vale" --version), $(wc -l < "$work/pages") pages"
go run ./bench/accuracy "${half[@]}" -vale "$work/vale.json"
