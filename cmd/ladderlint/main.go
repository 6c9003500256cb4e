// Command ladderlint lints job-family (career ladder) pages in a
// docs-as-code handbook: structure, grades, links, wording consistency and
// the handbook's job-family policy. See README.md and docs/rules.md.
package main

import "os"

func main() {
	app := NewApp(os.Stdout, os.Stderr)
	if st, err := os.Stdout.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
		app.Terminal = true
	}
	os.Exit(app.Run(os.Args))
}
