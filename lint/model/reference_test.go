package model

import "testing"

// A reference link's target is written in its definition: DestSpan points
// there (the first definition of a label wins, labels match without regard
// to case), and stays on the link when the definition is not read (a
// destination on the line below its label).
func TestReferenceDestSpan(t *testing.T) {
	src := "# T\n\n[a][Values], [b][values], [c][next], [d][fenced] and ![e][img]\n\n" +
		"```\n[fenced]: /in/code/\n```\n\n" +
		"[values]: /handbook/values/#results\n[VALUES]: /second/\n  [img]: </i.png>\n[next]:\n  /next/\n[fenced]: /out/\n"
	f := Parse("p.md", []byte(src))
	want := map[string]string{"a": "/handbook/values/#results", "b": "/handbook/values/#results", "e": "/i.png", "d": "/out/"}
	for _, l := range f.Links {
		dest := string(f.Source.Text[l.DestSpan.Start:l.DestSpan.End])
		if w, ok := want[l.Text]; ok {
			if dest != w || l.DestSpan.Start < l.Span.End {
				t.Errorf("%s: DestSpan %v %q, want the definition's %q", l.Text, l.DestSpan, dest, w)
			}
			continue
		}
		if l.Text == "c" && (l.DestSpan.Start < l.Span.Start || l.DestSpan.End > l.Span.End) {
			t.Errorf("c: DestSpan %v %q; a destination on the line below the label is not read: want it on the link", l.DestSpan, dest)
		}
	}
	if len(f.Links) != 5 {
		t.Errorf("%d links, want 5", len(f.Links))
	}
}
