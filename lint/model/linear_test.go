package model

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// The model answers some questions with indexes instead of scans so that
// hostile pages stay linear; these tests check the indexes against the
// plain scans they replace.

func TestCommentBoundsMatchScan(t *testing.T) {
	scan := func(raw []byte, off int) bool {
		open := bytes.LastIndex(raw[:off], []byte("<!--"))
		return open >= 0 && !bytes.Contains(raw[open:off], []byte("-->"))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"<!--", "-->", "<!-->", "-", ">", "<", "!", "a", "<a href=\"x\">"}
	for n := 0; n < 2000; n++ {
		var b strings.Builder
		for k := rng.IntN(12); k >= 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		raw := []byte(b.String())
		cb := findCommentBounds(raw)
		for off := 0; off <= len(raw); off++ {
			if got, want := cb.inComment(off), scan(raw, off); got != want {
				t.Fatalf("%q at %d: inComment %v, want %v", raw, off, got, want)
			}
		}
	}
}

func TestInCodeMatchesScan(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 500; n++ {
		b := &builder{f: &Family{}}
		var spans []Span
		for k := rng.IntN(8); k >= 0; k-- {
			s := rng.IntN(50)
			sp := Span{s, s + rng.IntN(10)}
			spans = append(spans, sp)
			b.addCode(sp)
		}
		for off := 0; off < 65; off++ {
			want := false
			for _, sp := range spans {
				want = want || sp.Contains(off)
			}
			if got := b.inCode(off); got != want {
				t.Fatalf("spans %v, offset %d: inCode %v, want %v", spans, off, got, want)
			}
		}
	}
}

func TestDeepNestingIsCut(t *testing.T) {
	cases := map[string]struct {
		line string
		cut  int // offset of the first marker past maxNesting, or -1
	}{
		"quotes":         {strings.Repeat(">", 150) + " x", maxNesting},
		"spaced quotes":  {strings.Repeat("> ", 150) + "x", 2 * maxNesting},
		"lists":          {strings.Repeat("- ", 150) + "x", 2 * maxNesting},
		"ordered":        {strings.Repeat("12. ", 150) + "x", 4 * maxNesting},
		"mixed":          {strings.Repeat("> * ", 75) + "x", 4 * 50},
		"at the limit":   {strings.Repeat("> ", maxNesting) + "x", -1},
		"not markers":    {strings.Repeat("-", 500), -1},
		"emphasis":       {strings.Repeat("*a ", 500), -1},
		"thematic break": {strings.Repeat("* ", 50), -1},
		"indented":       {strings.Repeat(" ", maxNesting+1) + "- x", maxNesting + 1},
		"indented tabs":  {strings.Repeat("\t", maxNesting/4) + " > x", maxNesting/4 + 1},
		"code indent":    {strings.Repeat(" ", maxNesting) + "- x", -1},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			line := []byte(c.line)
			if got := blankDeepMarkers(line); got != c.cut {
				t.Fatalf("cut at %d, want %d", got, c.cut)
			}
			if c.cut >= 0 && (strings.ContainsAny(string(line[c.cut:]), ">-*") || !bytes.Equal(line[:c.cut], []byte(c.line)[:c.cut])) {
				t.Fatalf("blanked %q", line)
			}
		})
	}
	var stair strings.Builder
	for i := 0; i < 3*maxNesting; i++ {
		stair.WriteString(strings.Repeat("  ", i) + "- x\n")
	}
	for _, deep := range []string{strings.Repeat("> ", 3*maxNesting) + "deep\n", stair.String()} {
		page := "---\ntitle: Deep\n---\n\n## Manager\n\n" + deep + "\nafter\n"
		f := Parse("deep.md", []byte(page))
		if len(f.Issues) != 1 || f.Issues[0].Kind != "input" {
			t.Fatalf("want one input issue, got %+v", f.Issues)
		}
		if f.Title != "Deep" || len(f.Headings) != 1 || !strings.Contains(f.Blocks[len(f.Blocks)-1].Text, "after") {
			t.Fatalf("the rest of the page must be read: title %q, %d headings", f.Title, len(f.Headings))
		}
	}
}

func TestLongDefinitionRunsAreCut(t *testing.T) {
	page := func(n int, prefix string) []byte {
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "%s[r%d]: /x%d\n", prefix, i, i)
		}
		b.WriteString("\n")
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "[a][r%d] ", i)
		}
		return []byte(b.String() + "\n")
	}
	for _, c := range []struct {
		n, links int
		prefix   string
	}{
		{maxDefinitionRun, maxDefinitionRun, ""},
		{1000, 1000 - 1000/(maxDefinitionRun+1), ""},
		{1000, 1000 - 1000/(maxDefinitionRun+1), "> "},
	} {
		f := Parse("refs.md", page(c.n, c.prefix))
		if len(f.Links) != c.links {
			t.Errorf("%d definitions after %q: %d links, want %d", c.n, c.prefix, len(f.Links), c.links)
		}
		if cut := c.links < c.n; cut != (len(f.Issues) == 1) {
			t.Errorf("%d definitions: issues %+v", c.n, f.Issues)
		} else if cut && f.Source.Position(f.Issues[0].Span.Start).Line != maxDefinitionRun+1 {
			t.Errorf("issue on line %d, want %d", f.Source.Position(f.Issues[0].Span.Start).Line, maxDefinitionRun+1)
		}
	}
}

func TestPositionMatchesRuneCount(t *testing.T) {
	// the plain scan Position replaces: characters from the line's start
	scan := func(text []byte, off int) Position {
		line := bytes.Count(text[:off], []byte("\n"))
		start := bytes.LastIndexByte(text[:off], '\n') + 1
		seg := text[start:off]
		col := utf8.RuneCount(seg)
		if len(seg) > 0 {
			i := len(seg) - 1
			for i > 0 && !utf8.RuneStart(seg[i]) {
				i--
			}
			if !utf8.FullRune(seg[i:]) {
				col--
			}
		}
		return Position{Line: line + 1, Column: col + 1}
	}
	rng := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"a", "é", "€", "😀", "\n", "\xff", "\x80", "\xe2\x82", " ", strings.Repeat("x", 700), strings.Repeat("é", 400)}
	for n := 0; n < 300; n++ {
		var b strings.Builder
		for k := rng.IntN(60); k >= 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		src := NewSource([]byte(b.String()))
		for off := 0; off <= len(src.Text); off += 1 + rng.IntN(40) {
			if got, want := src.Position(off), scan(src.Text, off); got != want {
				t.Fatalf("page %d, offset %d: %v, want %v", n, off, got, want)
			}
		}
	}
}
