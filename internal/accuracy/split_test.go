package accuracy

import (
	"os"
	"strings"
	"testing"
)

// corpusRoot is the shared corpus, next to the repository.
const corpusRoot = "../../../shared/corpus"

// splitFile is the split as the labelling sessions were given it.
const splitFile = "../../testdata/accuracy/split.txt"

func needCorpus(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(corpusRoot); err != nil {
		t.Skipf("corpus not found at %s: skipping the real-data test", corpusRoot)
	}
}

// TestChecking pins the split's definition on paths whose hash is known:
// sha256("a") starts with 0xca (low bit 0), sha256("b") with 0x3e (0),
// sha256("c") with 0x2e (0), sha256("d") with 0x18 (0), sha256("e") with
// 0x3f (1).
func TestChecking(t *testing.T) {
	for p, want := range map[string]bool{"a": false, "b": false, "c": false, "d": false, "e": true} {
		if got := Checking(p); got != want {
			t.Errorf("Checking(%q) = %v, want %v", p, got, want)
		}
	}
}

// TestSplitFile: the pages and halves listed from the corpus are exactly
// those of the split file the labellers were given.
func TestSplitFile(t *testing.T) {
	needCorpus(t)
	want, err := os.ReadFile(splitFile)
	if err != nil {
		t.Fatal(err)
	}
	pages, err := Pages(corpusRoot)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Split(SplitText(pages), "\n")
	wl := strings.Split(string(want), "\n")
	for i := 0; i < len(got) || i < len(wl); i++ {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Fatalf("%s:%d: got %q, want %q", splitFile, i+1, g, w)
		}
	}
}
