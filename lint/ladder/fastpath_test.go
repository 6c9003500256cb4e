package ladder

import (
	"fmt"
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"gitlab.com/ladderlint/ladderlint/internal/randtext"
)

// splitQualifiersBuilt is splitQualifiers as it was written first: the
// rest of the title written anew rune by rune.
func splitQualifiersBuilt(t string) (string, []string) {
	var main strings.Builder
	var quals []string
	depth, start := 0, 0
	for i, c := range t {
		switch {
		case c == '(':
			if depth == 0 {
				start = i + 1
			}
			depth++
		case c == ')' && depth > 0:
			depth--
			if depth == 0 {
				quals = append(quals, t[start:i])
				main.WriteByte(' ')
			}
		case depth == 0:
			main.WriteRune(c)
		}
	}
	if depth > 0 {
		main.WriteString(" " + t[start:])
	}
	return main.String(), quals
}

// splitQualifiers answers as the copy it was, on random titles with
// nested, stray and unclosed parentheses, accented runes and invalid
// bytes; a title that opens no parenthesis comes back as it is.
func TestSplitQualifiersAsBuilt(t *testing.T) {
	rng := rand.New(rand.NewSource(14))
	parts := []string{"Director", " ", "Reliability", "(", ")", "é", "\xff", ","}
	same := 0
	for i := 0; i < 20000; i++ {
		s := randtext.Join(rng, parts, 8)
		wantMain, wantQuals := splitQualifiersBuilt(s)
		gotMain, gotQuals := splitQualifiers(s)
		if gotMain != wantMain || !slices.Equal(gotQuals, wantQuals) {
			t.Fatalf("splitQualifiers(%q) = %q, %q, want %q, %q", s, gotMain, gotQuals, wantMain, wantQuals)
		}
		if wantMain == s {
			same++
		}
	}
	if same < 1000 {
		t.Fatalf("only %d random titles come back unchanged: the test says little", same)
	}
	if s := "Director, Reliability"; testing.AllocsPerRun(10, func() { splitQualifiers(s) }) != 0 {
		t.Error("a title without qualifiers is copied")
	}
}

// A ladder remembers the titles it placed: asked again, and after it has
// forgotten them (more than maxClassified titles asked), it places each as
// a ladder that never saw it does, and what it keeps shares no bytes with
// the titles asked.
func TestClassifyRemembers(t *testing.T) {
	titles := []string{"Senior Backend Engineer", "Manager, Data (Intermediate)", "Red Team Manager", "Staff Engineer (Reliability)",
		"Senior Brand Manager", "VP of Engineering", "Backend Engineer", "Principal Product Designer", "Intern", "Our team",
		"engineer", "senior designer", "backend"}
	fresh := func(title string) (Place, bool) { return defaultLadder().Classify(title) }
	l := defaultLadder()
	var owns []string
	for round := 0; round < 3; round++ {
		for _, title := range titles {
			own := string([]byte(title)) // a page's own bytes
			owns = append(owns, own)
			got, ok := l.Classify(own)
			want, wok := fresh(title)
			if ok != wok || !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d, %q: %+v, %v; a new ladder says %+v, %v", round, title, got, ok, want, wok)
			}
		}
		if round == 1 {
			for i := 0; i <= maxClassified; i++ { // forgets the titles
				l.Classify(fmt.Sprintf("Engineer %d", i))
			}
		}
	}
	inside := func(s, o string) bool {
		if s == "" || o == "" {
			return false
		}
		p, lo := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(o)))
		return p >= lo && p < lo+uintptr(len(o))
	}
	kept := 0
	for title, c := range l.memo {
		places := []Place{c.p}
		if c.p.Loose != nil {
			places = append(places, *c.p.Loose)
		}
		for _, o := range owns {
			if inside(title, o) {
				t.Errorf("the key %q shares a title's bytes", title)
			}
			for _, p := range places {
				for _, s := range []string{p.Stem, p.Keyword, p.Label, p.Name} {
					if inside(s, o) {
						t.Errorf("%q: the remembered place shares the title's bytes (%q)", title, s)
					}
				}
			}
		}
		kept++
	}
	if kept < len(titles) {
		t.Fatalf("the ladder remembers %d titles, want at least the %d asked last", kept, len(titles))
	}
}
