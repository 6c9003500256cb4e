package rules

import (
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// TestForeignBlock: a block whose distinct lower-case words are mostly not
// English is in another language; English text, short text, names and one
// typo typed again and again are not.
func TestForeignBlock(t *testing.T) {
	for _, c := range []struct {
		text    string
		foreign bool
	}{
		{"Mampu mengelola proyek dengan baik dan bekerja sama dengan tim lain sampai selesai.", true},
		{"Able to manage projects well and work with other teams until they are done.", false},
		{"Mampu mengelola proyek dengan baik.", false},                                       // five words: too few to judge
		{strings.Repeat("teh ", 12), false},                                                  // one word, counted once
		{"Works with Kubernetes, Terraform, Ansible, Prometheus, Grafana and Vault.", false}, // names are left aside
		{"Knows the availabilty targets of each service and reports on them weekly.", false},
	} {
		f := model.Parse("p.md", []byte("# Page\n\n"+c.text+"\n"))
		var got bool
		for _, b := range f.Blocks {
			if b.Kind == model.BlockParagraph {
				got = foreignBlock(b)
			}
		}
		if got != c.foreign {
			t.Errorf("%q: foreign %v, want %v", c.text, got, c.foreign)
		}
	}
}
