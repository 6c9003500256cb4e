package model

import "testing"

const mermaidPage = "---\ntitle: X\n---\n\n## Career Ladder\n\n```mermaid\n  graph LR;\n" +
	"  sec:se(Security Engineer) --> sec:sse[\"Senior Security Engineer\"];\n" +
	"  sec:sse-->sec:stse{{Staff Security Engineer}} --- m1\n" +
	"  a & b --> c\n" +
	"  %% x --> y\n" +
	"  click sec:se \"/job-families/security/\";\n" +
	"```\n\n```mermaid\nsequenceDiagram\n  A->>B: hi\n```\n"

func TestDiagrams(t *testing.T) {
	f := Parse("x.md", []byte(mermaidPage))
	ds := f.Diagrams()
	if len(ds) != 1 {
		t.Fatalf("%d diagrams, want 1 (a sequence diagram is no flowchart)", len(ds))
	}
	d := ds[0]
	labels := map[string]string{}
	for _, n := range d.Nodes {
		labels[n.ID] = n.Label
		if n.Label != n.ID && string(f.Source.Text[n.Span.Start:n.Span.End]) != n.Label {
			t.Errorf("node %s: span holds %q, label %q", n.ID, f.Source.Text[n.Span.Start:n.Span.End], n.Label)
		}
	}
	for id, want := range map[string]string{"sec:se": "Security Engineer", "sec:sse": "Senior Security Engineer", "sec:stse": "Staff Security Engineer", "m1": "m1", "c": "c"} {
		if labels[id] != want {
			t.Errorf("node %s = %q, want %q", id, labels[id], want)
		}
	}
	if _, ok := labels["x"]; ok {
		t.Errorf("a commented line made a node")
	}
	var edges []string
	for _, e := range d.Edges {
		edges = append(edges, e.From.ID+">"+e.To.ID)
	}
	want := []string{"sec:se>sec:sse", "sec:sse>sec:stse", "sec:stse>m1", "a>c", "b>c"}
	if len(edges) != len(want) {
		t.Fatalf("edges %v, want %v", edges, want)
	}
	for i := range want {
		if edges[i] != want[i] {
			t.Errorf("edge %d = %s, want %s", i, edges[i], want[i])
		}
	}
	if d.Edges[2].Directed {
		t.Errorf("--- is not directed")
	}
	if len(d.Clicks) != 1 || d.Clicks[0].Target != "/job-families/security/" || d.Clicks[0].Node.ID != "sec:se" {
		t.Errorf("clicks %+v", d.Clicks)
	}
	if pos := f.Source.Position(d.Clicks[0].Span.Start); pos.Line != 13 || pos.Column != 17 {
		t.Errorf("click target at %d:%d, want 13:17", pos.Line, pos.Column)
	}
}
