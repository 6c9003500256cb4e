// Command mutate measures recall beyond the labels by defect injection on
// the tuning half of the shared corpus: it puts one defect of a class the
// issues name into a tuning-half page at a time (an in-memory copy; nothing
// is written), lints the page among its family folder as the accuracy
// report does, and counts the defect detected when the rule meant for it
// reports it at its line (a typo: suggesting the word). Run it from the
// repository root:
//
//	go run ./bench/mutate                # per class: injected, detected, recall, collateral
//	go run ./bench/mutate -list typo     # the misses of a class (page:line, what was injected)
//	go run ./bench/mutate -list moved-item -hits  # each moved item, found or missed, with its text
//
// Checking-half pages are never mutated. bench/ACCURACY.md ("Injected
// defects") gives the figures.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"gitlab.com/ladderlint/ladderlint/internal/accuracy"
	"gitlab.com/ladderlint/ladderlint/internal/mutate"
)

func main() {
	corpus := flag.String("corpus", "../shared/corpus", "the shared corpus `folder`")
	seed := flag.Int64("seed", 1, "seed of the sample of typo places and of the roles and term occurrences mutated")
	typos := flag.Int("typos", 3, "typos a page at most (word occurrences sampled with the seed)")
	others := flag.Int("others", 2, "mutations of each class but typos a page at most (sampled with the seed; 0: all)")
	list := flag.String("list", "", "print the misses of `CLASS` ("+strings.Join(mutate.Classes, ", ")+")")
	hits := flag.Bool("hits", false, "with -list: print the detected ones too")
	collateral := flag.Bool("collateral", false, "with -list: print each mutation's collateral findings")
	flag.Parse()
	start := time.Now()
	opts := mutate.Options{Seed: *seed, Typos: *typos, Others: *others, Page: func(p string) bool { return !accuracy.Checking(p) }}
	if *list != "" {
		opts.Classes = []string{*list}
	}
	res, err := mutate.Run(*corpus, opts)
	if err != nil {
		fmt.Fprintln(os.Stderr, "mutate:", err)
		os.Exit(1)
	}
	if *list != "" {
		for _, o := range res.Outcomes {
			if o.Detected && !*hits {
				continue
			}
			mark := "MISSED"
			if o.Detected {
				mark = "found"
			} else if o.Elsewhere {
				mark = "MISSED (another rule at the line)"
			}
			fmt.Printf("%s %s:%d %s\n", mark, o.Page, o.Line, o.What)
			if *collateral {
				for _, f := range o.Collateral {
					fmt.Printf("    + %s %d:%d %s\n", f.Rule, f.Line, f.Column, f.Message)
				}
			}
		}
	}
	fmt.Printf("%-8s %8s %8s %7s %22s %11s %16s   %s\n", "class", "injected", "detected", "recall", "missed, other rule there", "collateral", "with collateral", "collateral by rule")
	for _, f := range mutate.Tally(res.Outcomes) {
		if f.Injected == 0 {
			continue
		}
		fmt.Printf("%-8s %8d %8d %7.2f %24d %11d %16d   %s\n", f.Class, f.Injected, f.Detected, f.Recall(), f.Elsewhere, f.Collateral, f.Touched,
			strings.Join(mutate.CollateralRules(res.Outcomes, f.Class), ", "))
	}
	fmt.Printf("sample: tuning half, %d pages mutated; seed %d; typos: up to %d word occurrences a page, one slip each; "+
		"the other classes: up to %d of each class a page, of the places found (a term's occurrence, a section's role, a list's item and place drawn with the seed); %s\n",
		res.Pages, *seed, *typos, *others, time.Since(start).Round(time.Second))
}
