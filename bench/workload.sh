# Sourced by bench/compare.sh and bench/growth.sh: builds issue 14's
# workload in "$1" (a new folder) with "$2" copies of the job families.
#
# The ../shared/corpus/www-gitlab-com-2022 site laid out as a Hugo content
# tree (every page of sites/*/source as content/**.md), with its job-family
# pages copied (copies under content/job-families-copy-N/), in a git
# repository (for --new-from-rev). Sets: site, dirs (the job-family folders,
# relative to $site), pages, bytes, site_pages.
build_workload() {
  local corpus
  corpus=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/shared/corpus/www-gitlab-com-2022
  [ -d "$corpus" ] || { echo "corpus not found at $corpus" >&2; return 1; }
  site=$1
  local copies=$2 content=$1/content
  mkdir -p "$content"
  ( cd "$corpus/sites"
    find . -path '*/source/*' -type f \( -name '*.md' -o -name '*.md.erb' \) -print0
  ) | while IFS= read -r -d '' f; do
    rel=${f#./*/source/}
    case "$rel" in
      */index.html.md|*/index.html.md.erb|index.html.md) out=${rel%index.html.md*}_index.md ;;
      *.html.md|*.html.md.erb) out=${rel%.html.md*}.md ;;
      *.md.erb) out=${rel%.md.erb}.md ;;
      *) out=$rel ;;
    esac
    mkdir -p "$content/$(dirname "$out")"
    [ -e "$content/$out" ] || cp "$corpus/sites/${f#./}" "$content/$out"
  done
  dirs=("content/job-families")
  for i in $(seq 2 "$copies"); do
    cp -r "$content/job-families" "$content/job-families-copy-$i"
    dirs+=("content/job-families-copy-$i")
  done
  ( cd "$site" && git init -q . && git add -A && git -c user.name=bench -c user.email=bench@example.com commit -qm workload )
  pages=$(cd "$site" && find "${dirs[@]}" -name '*.md' | wc -l)
  bytes=$(cd "$site" && find "${dirs[@]}" -name '*.md' -print0 | xargs -0 cat | wc -c)
  site_pages=$(cd "$site" && find content -name '*.md' | wc -l)
}
