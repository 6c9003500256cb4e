package prose

import (
	"reflect"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

func TestParsePhraseKeepsStems(t *testing.T) {
	for in, want := range map[string]Phrase{
		"we’re hiring":  {"we're", "hiring"},
		"experienc*":    {"experienc*"},
		"sanity check*": {"sanity", "check*"},
		"whitelist* it": {"whitelist*", "it"},
		"man-hours":     {"man-hours"},
		"  ":            nil,
	} {
		if got := ParsePhrase(in); !reflect.DeepEqual(got, want) {
			t.Errorf("ParsePhrase(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFindPhrasesStem(t *testing.T) {
	f := model.Parse("x.md", []byte("Years of experience, an experienced leader.\n"))
	var b *model.Block
	for _, bl := range f.Blocks {
		b = bl
	}
	ms := FindPhrases(b, []Phrase{ParsePhrase("experienc*")})
	var got []string
	for _, m := range ms {
		got = append(got, m.Text())
	}
	if want := []string{"experience", "experienced"}; !reflect.DeepEqual(got, want) {
		t.Errorf("stem matches = %q, want %q", got, want)
	}
	if ms := FindPhrases(b, []Phrase{ParsePhrase("lead")}); len(ms) != 0 {
		t.Errorf("\"lead\" without a star matched %q", ms[0].Text())
	}
}

func TestFindPhrasesIndex(t *testing.T) {
	f := model.Parse("x.md", []byte("We are hiring: you will like it.\n"))
	b := f.Blocks[len(f.Blocks)-1]
	ms := FindPhrases(b, []Phrase{ParsePhrase("exciting opportunity"), ParsePhrase("you will"), ParsePhrase("we are hiring")})
	if len(ms) != 2 || ms[0].Phrase != 2 || ms[1].Phrase != 1 {
		t.Fatalf("matches %+v: want \"we are hiring\" (phrase 2) then \"you will\" (phrase 1)", ms)
	}
}
