package lint

import (
	"fmt"
	"strings"
	"testing"
)

func TestCapMessageListsCut(t *testing.T) {
	var names []string
	for i := 0; i < 500; i++ {
		names = append(names, fmt.Sprintf("Senior Engineer %d", i))
	}
	msg := "levels without one: " + strings.Join(names, ", ")
	got := capMessage(msg)
	if len(got) > MaxMessage+40 {
		t.Fatalf("capped message is %d bytes", len(got))
	}
	// the names kept and the count of those left out add up to all of them
	kept := strings.Count(got, "Senior Engineer ")
	var more int
	if _, err := fmt.Sscanf(got[strings.LastIndex(got, "(")+1:], "%d more)", &more); err != nil {
		t.Fatalf("no count of the names left out in %q: %v", got[len(got)-60:], err)
	}
	if kept+more != 500 || !strings.HasSuffix(got, fmt.Sprintf("Senior Engineer %d, ... (%d more)", kept-1, more)) {
		t.Errorf("kept %d and %d more, want 500 in all; ends %q", kept, more, got[len(got)-60:])
	}
	// a message that is not a list is cut on a character boundary
	long := strings.Repeat("é", MaxMessage)
	got = capMessage(long)
	if !strings.HasSuffix(got, fmt.Sprintf("... (%d more bytes)", MaxMessage)) || !strings.HasPrefix(got, strings.Repeat("é", MaxMessage/2)) {
		t.Errorf("non-list message cut as %q", got[len(got)-40:])
	}
	// near miss: a message at the limit is kept whole
	exact := strings.Repeat("a", MaxMessage)
	if capMessage(exact) != exact {
		t.Error("a message of MaxMessage bytes was cut")
	}
}

func TestCapPerRule(t *testing.T) {
	var fs []Finding
	for i := 0; i < MaxPerRule+50; i++ {
		sev := Info
		if i == 10 {
			sev = Error
		}
		// given in reverse page order: the cap keeps the first in the page
		fs = append(fs, Finding{Rule: "a", Severity: sev, Offset: 1000 - i, Message: "m"})
	}
	for i := 0; i < 3; i++ {
		fs = append(fs, Finding{Rule: "b", Severity: Warning, Offset: i})
	}
	got := capPerRule(fs)
	var a, b []Finding
	for _, f := range got {
		if f.Rule == "a" {
			a = append(a, f)
		} else {
			b = append(b, f)
		}
	}
	if len(b) != 3 || len(a) != MaxPerRule+1 {
		t.Fatalf("got %d of a and %d of b, want %d and 3", len(a), len(b), MaxPerRule+1)
	}
	if a[0].Offset != 1000-(MaxPerRule+49) || a[MaxPerRule-1].Offset != 1000-50 {
		t.Errorf("kept offsets %d..%d, want the first %d of the page", a[0].Offset, a[MaxPerRule-1].Offset, MaxPerRule)
	}
	sum := a[MaxPerRule]
	if sum.Offset != 1000-49 || sum.Severity != Error || !strings.HasPrefix(sum.Message, "50 more findings of a on this page") {
		t.Errorf("summary finding at %d, %v: %q", sum.Offset, sum.Severity, sum.Message)
	}
	// near miss: MaxPerRule findings of one rule are all kept as they are
	exact := append([]Finding(nil), fs[:MaxPerRule]...)
	if got := capPerRule(append([]Finding(nil), exact...)); len(got) != MaxPerRule || got[0].Offset != exact[0].Offset {
		t.Errorf("%d findings of one rule became %d", MaxPerRule, len(got))
	}
}
