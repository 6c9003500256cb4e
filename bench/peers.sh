# Peers of ladderlint for the bench scripts, sourced (not run).
#
# find_vale BIN: prints the path of Vale 3.7.1 (the one on PATH, or one
# `go install`ed into BIN); prints nothing when neither is available.
find_vale() {
  if command -v vale >/dev/null; then command -v vale
  elif GOBIN=$1 go install github.com/errata-ai/vale/v3/cmd/vale@v3.7.1 >/dev/null 2>&1; then echo "$1/vale"
  fi
}
