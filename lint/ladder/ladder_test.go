package ladder

import (
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
)

func defaultLadder() *Ladder { return New(lint.DefaultConfig().Grades.Tracks) }

func TestClassify(t *testing.T) {
	l := defaultLadder()
	const ic, mgr = "individual contributor", "manager"
	tests := []struct {
		title   string
		track   string
		label   string
		implied bool
		stem    string
	}{
		{"Backend Engineer", ic, "Intermediate", true, "backend engineer"},
		{"Intermediate Backend Engineer", ic, "Intermediate", false, "backend engineer"},
		{"Analytics Engineer (Intermediate)", ic, "Intermediate", false, "analytic engineer"},
		{"Senior Backend Engineer", ic, "Senior", false, "backend engineer"},
		{"Sr. Backend Engineer", ic, "Senior", false, "backend engineer"},
		{"Sr People Connect Specialist", ic, "Senior", false, "people connect specialist"},
		{"Junior Community Advocate", ic, "Junior", false, "community advocate"},
		{"Community Programs Associate", ic, "Associate", false, "community program"},
		{"Intern, Backend Engineer", ic, "Intern", false, "backend engineer"},
		{"Staff Brand Manager", ic, "Staff", false, "brand manager"},
		{"Senior Brand Manager", ic, "Senior", false, "brand manager"},
		{"Senior Principal Product Manager", ic, "Senior Principal", false, "product manager"},
		{"Senior Distinguished Engineer", ic, "Senior Distinguished", false, "engineer"},
		{"Engineering Fellow", ic, "Fellow", false, "engineering"},
		// function titles that end in "Manager" are not people managers
		{"Product Manager", ic, "Intermediate", true, "product manager"},
		{"Analyst Relations Manager", ic, "Intermediate", true, "analyst relation manager"},
		// the manager track; "Engineering Manager" is a Manager
		{"Manager, Infrastructure", mgr, "Manager", false, "infrastructure"},
		{"Backend Engineering Manager", mgr, "Engineering Manager", false, "backend"},
		{"Engineering Manager, Engineering Productivity", mgr, "Engineering Manager", false, "engineering productivity"},
		{"Associate Manager, Candidate Experience", mgr, "Associate Manager", false, "candidate experience"},
		{"Senior Manager, Accounts Payable", mgr, "Senior Manager", false, "account payable"},
		{"Application Security Senior Manager", mgr, "Senior Manager", false, "application security"},
		{"Senior Engineering Manager, Infrastructure (Platform)", mgr, "Senior Engineering Manager", false, "infrastructure"},
		{"Group Manager, Product", mgr, "Group Manager", false, "product"},
		{"Manager, Data (Intermediate)", mgr, "Manager", false, "data"},
		{"Director, Accounting and External Reporting", mgr, "Director", false, "accounting external reporting"},
		{"Senior Director, Infrastructure", mgr, "Senior Director", false, "infrastructure"},
		{"Sr. Director, Brand", mgr, "Senior Director", false, "brand"},
		{"VP of Development", mgr, "VP", false, "development"},
		{"Vice President, Investor Relations", mgr, "VP", false, "investor relation"},
		{"Area Vice President of Sales", mgr, "VP", false, "area sale"},
		{"Executive VP of Engineering", mgr, "Executive VP", false, "engineering"},
		{"Chief Technology Officer", mgr, "Chief", false, "technology officer"},
		{"Field CISO (Senior Director)", mgr, "Senior Director", false, "field ciso"},
		// a Chief of Staff is neither a chief nor Staff
		{"Chief of Staff to the CTO", ic, "Intermediate", true, "chief staff cto"},
		// bare level headings (Template 1)
		{"Senior", ic, "Senior", false, ""},
		{"Staff", ic, "Staff", false, ""},
	}
	for _, tt := range tests {
		p, ok := l.Classify(tt.title)
		if !ok {
			t.Errorf("%q: not classified", tt.title)
			continue
		}
		if p.Name != tt.track || p.Label != tt.label || p.Implied != tt.implied || p.Stem != tt.stem {
			t.Errorf("%q: got %s/%s implied=%v stem=%q, want %s/%s implied=%v stem=%q",
				tt.title, p.Name, p.Label, p.Implied, p.Stem, tt.track, tt.label, tt.implied, tt.stem)
		}
	}
}

func TestClassifyNotATitle(t *testing.T) {
	l := defaultLadder()
	for _, title := range []string{"Compensation", "Primary", "Distribution", "", "Lead Legal Counsel", "Recruiting Lead", "Head of Sales"} {
		if p, ok := l.Classify(title); ok {
			t.Errorf("%q: classified as %s/%s, want not a title", title, p.Name, p.Label)
		}
	}
}

func TestOrder(t *testing.T) {
	l := defaultLadder()
	ascending := [][]string{
		{"Intern, Backend Engineer", "Associate Backend Engineer", "Backend Engineer", "Senior Backend Engineer",
			"Staff Backend Engineer", "Principal Backend Engineer", "Senior Principal Backend Engineer",
			"Distinguished Backend Engineer", "Senior Distinguished Backend Engineer", "Backend Engineering Fellow"},
		{"Associate Manager, X", "Manager, X", "Senior Manager, X", "Director, X", "Senior Director, X",
			"VP, X", "Senior Vice President, X", "Chief X Officer"},
	}
	for _, seq := range ascending {
		var prev Place
		for i, title := range seq {
			p, ok := l.Classify(title)
			if !ok {
				t.Fatalf("%q: not classified", title)
			}
			if i > 0 {
				if p.Track != prev.Track {
					t.Errorf("%q and %q: different tracks", seq[i-1], title)
				}
				if p.Compare(prev) <= 0 {
					t.Errorf("%q is not above %q", title, seq[i-1])
				}
			}
			prev = p
		}
	}
}

func TestLoose(t *testing.T) {
	l := defaultLadder()
	red, _ := l.Classify("Red Team Manager")
	mgr, _ := l.Classify("Manager, Red Team")
	if red.Same(mgr) {
		t.Fatal("Red Team Manager and Manager, Red Team classified the same")
	}
	if !red.Compatible(mgr) || !mgr.Compatible(red) {
		t.Errorf("Red Team Manager (loose %+v) should be compatible with Manager, Red Team", red.Loose)
	}
	senior, _ := l.Classify("Senior Manager, Red Team")
	if red.Compatible(senior) {
		t.Error("Red Team Manager should not be compatible with Senior Manager, Red Team")
	}
}

func TestAmbiguous(t *testing.T) {
	l := defaultLadder()
	for title, want := range map[string]bool{
		"Senior Brand Manager":                 true,
		"Senior Security Manager, Research":    true,
		"Senior Backend Engineer":              false,
		"Senior Manager, Accounts Payable":     false,
		"Associate Manager, Candidate Support": false,
		"Manager, Data (Intermediate)":         false,
	} {
		p, _ := l.Classify(title)
		if p.Ambiguous != want {
			t.Errorf("%q: ambiguous %v, want %v", title, p.Ambiguous, want)
		}
	}
}

func TestRelated(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"brand manager", "brand manager", true},
		{"accounting", "accounting external reporting", true},
		{"", "backend engineer", true},
		{"billing operation", "billing collection", false},
		{"alliance partner manager", "alliance business development manager", false},
		{"community program", "community program evangelist", false},
		{"billing", "billing operation", true},
	}
	for _, tt := range tests {
		if got := Related(tt.a, tt.b); got != tt.want {
			t.Errorf("Related(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := Related(tt.b, tt.a); got != tt.want {
			t.Errorf("Related(%q, %q) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestStripQualifiers(t *testing.T) {
	if got := StripQualifiers("Director, Infrastructure (Reliability)"); got != "Director, Infrastructure" {
		t.Errorf("got %q", got)
	}
	if got := StripQualifiers("IT Global Logistics Analyst(Intermediate) x"); got != "IT Global Logistics Analyst x" {
		t.Errorf("got %q", got)
	}
}

// TestApprenticeIsLowestStep: the default individual track places an
// apprentice with interns, below Associate.
func TestApprenticeIsLowestStep(t *testing.T) {
	l := defaultLadder()
	app, ok := l.Classify("Apprentice Software Engineer")
	if !ok || app.Implied || app.Step != 0 {
		t.Fatalf("apprentice placed %+v %v", app, ok)
	}
	assoc, _ := l.Classify("Associate Software Engineer")
	if app.Compare(assoc) >= 0 {
		t.Errorf("apprentice not below associate: %+v %+v", app, assoc)
	}
}

// Transposed places a rung's keyword written with two adjacent letters
// swapped, and nothing one substitution or two swaps away.
func TestTransposed(t *testing.T) {
	l := New([]lint.Track{{Name: "contributor", Qualified: true, Steps: [][]string{{"^Contributor", "^Contributors"}, {"^Committer", "^Committers"}, {"^Maintainer", "^Maintainers"}, {"^Lead"}}}})
	for title, want := range map[string]string{"Maintanier:": "Maintainer", "Maintaienrs": "Maintainer", "Mainatienr": "", "Committee": "", "Comitter": "", "Maintainer": "", "Contirbutor": "Contributor", "Contirbutors": "Contributor", "Lead": ""} {
		p, ok := l.Transposed(title)
		if ok {
			if got := p.Label; got != want {
				t.Errorf("%q: %q, want %q", title, got, want)
			}
		} else if want != "" {
			t.Errorf("%q: not placed, want %q", title, want)
		}
	}
}

// A plural role after a word that names its plain members ("Regular
// Maintainers", as "Other Maintainers") is the role; after another word
// ("Happy Maintainers") it is a group of people, not placed.
func TestPlainMembersOfRole(t *testing.T) {
	l := New([]lint.Track{{Name: "contributor", Qualified: true, Steps: [][]string{{"^Contributor", "^Contributors"}, {"^Maintainer", "^Maintainers"}}}})
	if p, ok := l.Classify("Regular Maintainers"); !ok || p.Label != "Maintainers" {
		t.Errorf("Regular Maintainers: %+v %v", p, ok)
	}
	if p, ok := l.Classify("Happy Maintainers"); ok {
		t.Errorf("Happy Maintainers placed: %+v", p)
	}
}

// A pictograph before a role ("✅ Trusted Committer", Mindset Dojo's rungs)
// is decoration, not a word: the title is placed as the role alone. A word
// of letters outside ASCII is a word all the same.
func TestPictographsAreNoWords(t *testing.T) {
	l := New(append(lint.DefaultConfig().Grades.Tracks, lint.Track{Name: "contributor", Qualified: true,
		Steps: [][]string{{"^Contributor"}, {"^Committer"}, {"^Maintainer", "^Owner"}}}))
	for title, label := range map[string]string{
		"✅ Trusted Committer":      "Committer",
		"⚡ Project Maintainer":     "Maintainer",
		"🌐 Organizational Owner":   "Owner",
		"⛩️ Maintainer":            "Maintainer",
		"Maintainer🚀":              "Maintainer",
		"👩‍💻 Senior Engineer":      "Senior",
		"Senior Engineer ⭐️ (IC3)": "Senior",
	} {
		p, ok := l.Classify(title)
		if !ok || p.Implied || p.Label != label {
			t.Errorf("%q: %+v %v, want %s", title, p, ok, label)
		}
	}
	if got := Words("✅ Café Ñandú 🌿"); len(got) != 2 || got[0] != "café" || got[1] != "ñandú" {
		t.Errorf("Words: %q", got)
	}
	// near miss: a pictograph is no role word, and a title of a role and
	// more words stays what it was ("✅ Trusted Committer Duties")
	if p, ok := l.Classify("✅ How We Review"); ok && !p.Implied {
		t.Errorf("✅ How We Review: placed %+v", p)
	}
}
