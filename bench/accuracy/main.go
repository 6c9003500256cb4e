// Command accuracy prints the accuracy yardstick's report: recall against
// the hand labels and precision against the blind verdicts, per rule, on
// the checking half of the shared corpus. Run it from the repository root:
//
//	go run ./bench/accuracy                 # the report
//	go run ./bench/accuracy -markdown       # the same, for bench/ACCURACY.md
//	go run ./bench/accuracy -sample 20 -todo todo.jsonl   # findings to judge next
//	go run ./bench/accuracy -write-floor    # record the figures the test holds
//	go run ./bench/accuracy -split > testdata/accuracy/split.txt
//	go run ./bench/accuracy -tuning -list grade-order   # one rule's labels and findings, tuning half only
//	bench/vale-spelling.sh [-tuning]        # misspelling against Vale's spelling (counts only)
//
// testdata/accuracy/README.md describes the method.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	"gitlab.com/ladderlint/ladderlint/internal/accuracy"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "accuracy:", err)
		os.Exit(1)
	}
}

func run() error {
	corpus := flag.String("corpus", "../shared/corpus", "the shared corpus `folder`")
	labelsPath := flag.String("labels", "testdata/accuracy/labels.jsonl", "labels `file`")
	verdictsPath := flag.String("verdicts", "testdata/accuracy/verdicts.jsonl", "verdicts `file`")
	reviewsPath := flag.String("reviews", "testdata/accuracy/label-reviews.jsonl", "`file` of the labels' blind second reviews (recall of the upheld labels beside the labels as given)")
	floorPath := flag.String("floor", "bench/accuracy-floor.json", "floor `file` the ratchet test reads")
	markdown := flag.Bool("markdown", false, "print the report as markdown (for bench/ACCURACY.md), with date and commit")
	sample := flag.Int("sample", 0, "write up to `N` unjudged findings per rule, picked at random (seeded), to -todo")
	topUp := flag.Bool("top-up", false, "with -sample: N is the number of judged findings wanted per rule; sample only what each rule lacks")
	seed := flag.Uint64("seed", 1, "seed of the sample")
	todo := flag.String("todo", "", "`file` the sample is written to (JSON Lines)")
	writeFloor := flag.Bool("write-floor", false, "write the measured figures to -floor")
	tuning := flag.Bool("tuning", false, "measure the tuning half, with testdata/accuracy/labels-tuning.jsonl and verdicts-tuning.jsonl (for tuning rules; never writes the floor)")
	list := flag.String("list", "", "with -tuning: print the `RULE`'s labels (found or missed) and findings (verdict, label) of the tuning half")
	valePath := flag.String("vale", "", "compare the misspelling labels found by ladderlint with those a Vale JSON report `file` (paths relative to the corpus root) finds, on the labelled pages; counts only")
	labelled := flag.Bool("labelled", false, "print the labelled pages of the half (paths relative to the corpus root) and stop")
	split := flag.Bool("split", false, "print the split (check|tune SIZE PATH, as testdata/accuracy/split.txt) and stop")
	flag.Parse()
	if *tuning {
		accuracy.Tuning = true
		if !isSet("labels") {
			*labelsPath = "testdata/accuracy/labels-tuning.jsonl"
		}
		if !isSet("verdicts") {
			*verdictsPath = "testdata/accuracy/verdicts-tuning.jsonl"
		}
		if !isSet("reviews") {
			*reviewsPath = "testdata/accuracy/label-reviews-tuning.jsonl"
		}
		if *writeFloor {
			return fmt.Errorf("-write-floor records the checking half only")
		}
	}
	if *list != "" && !*tuning {
		return fmt.Errorf("-list prints findings: only with -tuning (the checking half is measured blind)")
	}
	if flag.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", flag.Args())
	}
	if *sample < 0 {
		return fmt.Errorf("-sample %d: want 0 or more", *sample)
	}
	if (*sample > 0) != (*todo != "") {
		return fmt.Errorf("-sample and -todo go together")
	}

	if *split {
		pages, err := accuracy.Pages(*corpus)
		if err != nil {
			return err
		}
		_, err = fmt.Print(accuracy.SplitText(pages))
		return err
	}

	labels, err := accuracy.ReadLabels(*labelsPath)
	if err != nil {
		return err
	}
	verdicts, err := accuracy.ReadVerdicts(*verdictsPath)
	if err != nil {
		return err
	}
	reviews, err := accuracy.ReadReviews(*reviewsPath)
	if err != nil {
		return err
	}
	lrun, err := accuracy.Lint(*corpus)
	if err != nil {
		return err
	}
	if *labelled {
		for _, p := range accuracy.LabelledPages(lrun, labels) {
			fmt.Println(p)
		}
		return nil
	}
	if *valePath != "" {
		vale, err := accuracy.ReadVale(*valePath)
		if err != nil {
			return err
		}
		c := accuracy.CompareSpelling(lrun, labels, reviews, vale)
		fmt.Printf("%s: %d labelled pages, %d misspelling labels (%d upheld by review)\n", accuracy.HalfName(), c.Pages, c.Labels, c.Upheld)
		fmt.Printf("Vale spelling:          labels found %d (upheld %d of %d); alerts %d, %d of them on a labelled word\n", c.Vale, c.ValeUpheld, c.Upheld, c.ValeAlerts, c.ValeOnLabel)
		fmt.Printf("ladderlint misspelling: labels found %d (upheld %d of %d); findings %d, %d of them on a labelled word; the yardstick's match finds %d\n", c.Ours, c.OursUpheld, c.Upheld, c.OursFindings, c.OursOnLabel, c.OursYardstick)
		return nil
	}
	if *list != "" {
		out := bufio.NewWriter(os.Stdout)
		if err := accuracy.List(out, lrun, labels, verdicts, reviews, *list); err != nil {
			return err
		}
		return out.Flush()
	}
	rep := accuracy.MeasureReviewed(lrun, labels, verdicts, reviews)
	date, commit := time.Now().UTC().Format("2006-01-02 15:04 MST"), headCommit()

	if *sample > 0 {
		todos := accuracy.Sample(lrun.Findings, verdicts, *sample, *seed, *topUp)
		if err := writeFile(*todo, func(w *bufio.Writer) error { return accuracy.WriteTodos(w, todos) }); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "accuracy: %d findings to judge written to %s\n", len(todos), *todo)
	}
	if *writeFloor {
		if err := accuracy.WriteFloor(*floorPath, rep.Floor(date, commit)); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "accuracy: floor written to %s\n", *floorPath)
	}
	out := bufio.NewWriter(os.Stdout)
	if *markdown {
		err = rep.WriteMarkdown(out, date, commit)
	} else {
		err = rep.WriteText(out)
	}
	if err != nil {
		return err
	}
	return out.Flush()
}

// headCommit is `git rev-parse --short HEAD`, or "unknown".
func headCommit() string {
	out, err := exec.Command("git", "rev-parse", "--short", "HEAD").Output()
	if err != nil {
		return "unknown"
	}
	c := strings.TrimSpace(string(out))
	if st, err := exec.Command("git", "status", "--porcelain", "--untracked-files=no").Output(); err == nil && len(strings.TrimSpace(string(st))) > 0 {
		c += " (with uncommitted changes)"
	}
	return c
}

func writeFile(path string, fill func(*bufio.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	if err := fill(w); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// isSet reports whether a flag was given on the command line.
func isSet(name string) bool {
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
