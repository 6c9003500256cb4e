package model

import (
	"bufio"
	"fmt"
	"math/rand"
	"os"
	"regexp"
	"strings"
	"testing"
	"unsafe"
)

// The word-list fast paths must agree with the regular expressions they
// stand for.

var jobNounReference = regexp.MustCompile(`(?i)\b(?:engineers?|managers?|management|directors?|analysts?|specialists?|leads?|leaders?|architects?|designers?|writers?|administrators?|accountants?|counsel|officers?|president|vp|svp|evp|chief|head|partners?|representatives?|account executives?|executive (?:assistant|business (?:administrator|partner))s?|coordinators?|consultants?|recruiters?|sourcers?|advocates?|evangelists?|scientists?|researchers?|editors?|marketers?|strategists?|controllers?|auditors?|associates?|interns?|fellows?|developers?|owners?|agents?|assistants?|generalists?|technicians?|operators?|planners?|producers?|principal|staff|senior|junior|intermediate|distinguished|experts?|members?|ciso|cfo|ceo|cto|cmo|cro|cpo|coo|clo|treasurer|paralegal|attorney|secretary|buyer|trainer|instructor|facilitator|programmer|investigator|expert|professional|champion|ambassador|liaison|negotiator|sre|dbre|steward|curator|tester)\b`)

func checkWordLists(t *testing.T, s string) {
	t.Helper()
	if got, want := JobTitleLike(s), jobNounReference.MatchString(s); got != want {
		t.Errorf("JobTitleLike(%q) = %v, the pattern says %v", s, got, want)
	}
	if got, want := notRoleTitle(s), notRoleTitleRE.MatchString(s); got != want {
		t.Errorf("notRoleTitle(%q) = %v, the pattern says %v", s, got, want)
	}
}

func TestWordListsGenerated(t *testing.T) {
	tokens := []string{"engineer", "Engineers", "ENGINEERS", "engineering", "account", "executive", "Executives",
		"assistant", "business", "administrator", "partners", "partner", "vp", "SVP", "head", "heads", "roles", "role",
		"overview", "all", "levels", "level", "job", "families", "family", "famil", "professional", "experience",
		"on", "this", "page", "work", "here", "you", "you'll", "you’re", "youve", "your", "what", "whatever", "how",
		"general", "General", "compensation", "benefits", "primary", "leveling", "levelling", "levelings", "links",
		"x_engineer", "engineer_", "engineer2", "2engineer", "Kelvin\u212a", "sre", "dbre", "ſenior", "senior",
		"Staff", "staffing", "lead", "leads", "leader", "co-lead", "the", "of", "team", ""}
	seps := []string{" ", "  ", "-", "_", ",", "'", "’", "\t", "", ": ", "/", " (", ") ", "\n", "é"}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 50000; i++ {
		var b strings.Builder
		n := 1 + rng.Intn(4)
		if rng.Intn(4) == 0 {
			b.WriteString(seps[rng.Intn(len(seps))])
		}
		for k := 0; k < n; k++ {
			if k > 0 {
				b.WriteString(seps[rng.Intn(len(seps))])
			}
			b.WriteString(tokens[rng.Intn(len(tokens))])
		}
		if rng.Intn(4) == 0 {
			b.WriteString(seps[rng.Intn(len(seps))])
		}
		checkWordLists(t, b.String())
	}
}

func TestWordListsCorpus(t *testing.T) {
	seen := map[string]bool{}
	check := func(s string) {
		if !seen[s] {
			seen[s] = true
			checkWordLists(t, s)
		}
	}
	for _, p := range corpusPages(t) {
		fh, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if len(line) > 200 {
				line = line[:200]
			}
			check(strings.TrimLeft(line, "#*- "))
			for _, part := range strings.FieldsFunc(line, func(r rune) bool { return strings.ContainsRune(".,;:()[]", r) }) {
				check(strings.TrimSpace(part))
			}
		}
		fh.Close()
	}
}

// matchSectionEvery is MatchSection trying every pattern on a heading that
// ends with any section word.
func matchSectionEvery(text string) (SectionKind, string, string, bool) {
	t := strings.Trim(strings.TrimSpace(text), "*_ ")
	if t == "" || len(t) > 160 {
		return "", "", "", false
	}
	if w := lastWord(t); sectionsByLastWord[w] == 0 && !responsibRE.MatchString(w) {
		return "", "", "", false
	}
	for _, sn := range sectionNames {
		if m := sn.re.FindStringSubmatchIndex(t); m != nil {
			return sn.kind, t[m[2]:m[3]], strings.TrimSpace(strings.TrimRight(t[:m[2]], " \t,:-–—(")), true
		}
	}
	return "", "", "", false
}

func checkMatchSection(t *testing.T, s string) {
	t.Helper()
	k1, n1, p1, ok1 := MatchSection(s)
	k2, n2, p2, ok2 := matchSectionEvery(s)
	if k1 != k2 || n1 != n2 || p1 != p2 || ok1 != ok2 {
		t.Errorf("MatchSection(%q) = %q %q %q %v, every pattern gives %q %q %q %v", s, k1, n1, p1, ok1, k2, n2, p2, ok2)
	}
}

func TestMatchSectionByLastWord(t *testing.T) {
	words := []string{"nice", "to", "have", "haves", "Nice-to-have", "preferred", "qualifications", "requirements",
		"requirement", "requirments", "skills", "bonus", "points", "job", "grade", "level", "grades", "levels", "and",
		"&", "key", "core", "general", "responsibilities", "Responsibility", "responsibilitiés", "Responsbilities", "resposibility", "minimum", "basic",
		"performance", "indicators", "indicator", "(PIs)", "(kpi)", "for", "the", "role", "kpis", "pis", "hiring",
		"interview", "interviewing", "process", "career", "ladder", "paths", "path", "progression", "moving", "from",
		"specialty", "specialties", "speciality", "specialisations", "segment", "segments", "expertise", "expertises",
		"Senior", "Engineer,", "Director:", "–", "-", "(", ":", "ſkills", "\u212api", ""}
	seps := []string{" ", "  ", "-", ", ", ": ", "\t", "", " - ", "\n"}
	rng := rand.New(rand.NewSource(2))
	for i := 0; i < 30000; i++ {
		var b strings.Builder
		n := 1 + rng.Intn(5)
		for k := 0; k < n; k++ {
			if k > 0 {
				b.WriteString(seps[rng.Intn(len(seps))])
			}
			b.WriteString(words[rng.Intn(len(words))])
		}
		if rng.Intn(3) == 0 {
			b.WriteString([]string{":", " :", "**", " ", ")", "\t"}[rng.Intn(6)])
		}
		checkMatchSection(t, b.String())
	}
	for _, p := range corpusPages(t) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			checkMatchSection(t, strings.TrimLeft(line, "#-* "))
		}
	}
}

// MatchSection's memo answers a text asked again as the patterns did the
// first time: the same text, the same text with other trimmings (the memo
// is keyed by the trimmed text), texts one word off, and texts asked after
// the memo is full; its keys are copies, not pieces of the caller's text.
func TestMatchSectionMemo(t *testing.T) {
	texts := []string{"Requirements", "## Requirements", "**Requirements**", " Requirements ", "Senior Engineer Requirements",
		"Senior Engineer, Requirements:", "Nice to haves", "Nice-to-have Requirements", "Responsibilities", "Job Grades",
		"Requirements Engineer", "requirementsx", "Performance Indicators (PIs)", "Key Responsibilities", "ſkills",
		"Preferred \u212aills", "Career Ladder", "Hiring Process", "Specialties", "Minimum Requirements"}
	for round := 0; round < 3; round++ {
		for _, s := range texts {
			checkMatchSection(t, s)
			checkMatchSection(t, "_"+s+"_")
		}
	}
	for i := 0; i < maxSectionMemo+10; i++ {
		checkMatchSection(t, fmt.Sprintf("Level %d Requirements", i))
	}
	for _, s := range texts {
		checkMatchSection(t, s)
	}
}

func TestMatchSectionMemoCopies(t *testing.T) {
	sectionMemo.mu.Lock()
	clear(sectionMemo.m) // other tests may have filled it
	sectionMemo.mu.Unlock()
	page := "x Senior Manager Responsibilities x"
	text := page[2 : len(page)-2]
	MatchSection(text)
	sectionMemo.mu.RLock()
	defer sectionMemo.mu.RUnlock()
	for k := range sectionMemo.m {
		if k == text && unsafe.StringData(k) == unsafe.StringData(text) {
			t.Errorf("the memo holds the caller's text %q, not a copy", k)
		}
	}
	if _, ok := sectionMemo.m[text]; !ok {
		t.Errorf("%q not in the memo", text)
	}
}

// Once the memo is full, MatchSection copies nothing: the name it returns
// is a piece of the caller's text (a page of thousands of distinct section
// headings holds no copy of each in its model).
func TestMatchSectionMemoFullCopiesNothing(t *testing.T) {
	sectionMemo.mu.Lock()
	clear(sectionMemo.m)
	sectionMemo.mu.Unlock()
	defer func() {
		sectionMemo.mu.Lock()
		clear(sectionMemo.m)
		sectionMemo.mu.Unlock()
	}()
	within := func(piece, text string) bool {
		p, s := uintptr(unsafe.Pointer(unsafe.StringData(piece))), uintptr(unsafe.Pointer(unsafe.StringData(text)))
		return p >= s && p+uintptr(len(piece)) <= s+uintptr(len(text))
	}
	text := "Role A Responsibilities"
	if _, name, _, ok := MatchSection(text); !ok || within(name, text) {
		t.Fatalf("memo not full: %q (%v) should be a piece of the memo's copy", name, ok)
	}
	for i := 0; len(sectionMemo.m) < maxSectionMemo; i++ {
		MatchSection(fmt.Sprintf("Role %d Responsibilities", i))
	}
	text = "Role B Responsibilities"
	_, name, _, ok := MatchSection(text)
	if !ok || name != "Responsibilities" || !within(name, text) {
		t.Fatalf("memo full: MatchSection(%q) = %q, %v, not a piece of the text", text, name, ok)
	}
	checkMatchSection(t, text)
}

// sectionNameAt reads each pattern of sectionNames as its expression does:
// the name group of FindStringSubmatchIndex, on random texts of the
// patterns' words joined by every separator of the expression (each space
// of \s, the dashes, a colon, a parenthesis), with trailing spaces and
// colons, the Kelvin sign and the long s, and bytes that are no UTF-8.
func TestSectionNameAtAsExpression(t *testing.T) {
	words := []string{"nice", "to", "have", "haves", "preferred", "requirements", "requirement", "skills", "bonus",
		"points", "job", "grade", "level", "grades", "levels", "and", "&", "key", "core", "all", "across", "for", "of",
		"responsibilities", "respsib", "expectations", "role", "qualifications", "you", "may", "be", "a", "good", "fit",
		"if", "should", "apply", "performance", "indicators", "(pis)", "(KPI)", "kpis", "pis", "hiring", "process",
		"career", "ladder", "paths", "specialties", "specialisation", "segment", "expertise", "Senior", "x\xff",
		"\u212aey", "ſkills", "Nice-to-Have", "é"}
	seps := []string{" ", "  ", "\t", "\n", "\f", "\r", "\v", ",", ", ", ":", ": ", "(", "–", "—", "-", " - ", "", "\u00a0", "/"}
	tails := []string{"", ":", " :", ": ", "::", " : :", "\t:\n", " ", ")", "-", "\f"}
	rng := rand.New(rand.NewSource(7))
	for i := 0; i < 30000; i++ {
		var b strings.Builder
		if rng.Intn(4) == 0 {
			b.WriteString(seps[rng.Intn(len(seps))])
		}
		n := 1 + rng.Intn(6)
		for k := 0; k < n; k++ {
			if k > 0 {
				b.WriteString(seps[rng.Intn(len(seps))])
			}
			b.WriteString(words[rng.Intn(len(words))])
		}
		b.WriteString(tails[rng.Intn(len(tails))])
		s := b.String()
		for j, sn := range sectionNames {
			m := sn.re.FindStringSubmatchIndex(s)
			start, end, ok := sectionNameAt(s, sectionWholes[j])
			if ok != (m != nil) || ok && (start != m[2] || end != m[3]) {
				t.Fatalf("pattern %d on %q: sectionNameAt = %d %d %v, the expression %v", j, s, start, end, ok, m)
			}
		}
	}
}
