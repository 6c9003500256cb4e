package prose

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

func TestPlaceholders(t *testing.T) {
	tests := []struct {
		text string
		want [][2]int
	}{
		{"The {add role name} is a grade 6.", [][2]int{{4, 19}}},
		{"TOC {:toc}", [][2]int{{4, 10}}},
		{"a {b {c} d} e", [][2]int{{2, 11}}},
		{"<%= job_families('x') %> after", [][2]int{{0, 24}}},
		{"unclosed { brace and <% tag", nil},
		{"no placeholders", nil},
	}
	for _, tt := range tests {
		if got := Placeholders(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Placeholders(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestBlankRanges(t *testing.T) {
	if got := BlankRanges("ab{cd}ef", [][2]int{{2, 6}}); got != "ab    ef" {
		t.Errorf("BlankRanges = %q", got)
	}
	if got := BlankRanges("abc", nil); got != "abc" {
		t.Errorf("BlankRanges without ranges = %q", got)
	}
}

// placeholdersByScan is Placeholders as first written: a search from each
// brace and each "<%", quadratic in unclosed ones.
func placeholdersByScan(text string) [][2]int {
	var out [][2]int
	for i := 0; i < len(text); i++ {
		switch {
		case text[i] == '{':
			depth, j := 0, i
			for ; j < len(text); j++ {
				if text[j] == '{' {
					depth++
				} else if text[j] == '}' {
					depth--
					if depth == 0 {
						break
					}
				}
			}
			if j < len(text) {
				out = append(out, [2]int{i, j + 1})
				i = j
			}
		case strings.HasPrefix(text[i:], "<%"):
			if j := strings.Index(text[i+2:], "%>"); j >= 0 {
				out = append(out, [2]int{i, i + 2 + j + 2})
				i += 2 + j + 1
			}
		}
	}
	return out
}

func TestPlaceholdersAsByScan(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	pieces := []string{"{", "}", "<%", "%>", "<", "%", ">", "a", " ", "{{", "}}", "<%=", "x}"}
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := rng.Intn(12); k >= 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := b.String()
		if got, want := Placeholders(s), placeholdersByScan(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("Placeholders(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestPlaceholdersLinear(t *testing.T) {
	// 200000 unclosed braces and ERB openings: a search from each would
	// take minutes
	s := strings.Repeat("{ <% ", 200000)
	if got := Placeholders(s); len(got) != 0 {
		t.Fatalf("%d placeholders in unclosed text", len(got))
	}
}
