package rules

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/prose"
)

// The misspelling rule's English dictionary: SCOWL (size 70, American and
// British), lower case, one word a line; the words of SCOWL size 50
// (American) first, as common words, then the others with a "~" in front.
// Origin and licence: wordlists/NOTICE.md.
//
//go:embed wordlists/en-scowl.txt.gz
var englishGz []byte

// techWords are words of tech and handbook prose that the English
// dictionary lacks although they are spelt right, and that are one edit
// from a dictionary word (so a page that alone uses them would be told it
// misspelt them): "backend" is not "backed".
var techWords = []string{
	// Latin of degrees and terms ("Juris Doctor", "per annum", "bona fide")
	"juris", "annum", "bona", "fide", "vitae",
	"backend", "backends", "frontend", "frontends", "onboarding", "offboarding", "roadmap", "roadmaps",
	"workstream", "workstreams", "dogfooding", "dogfood", "upskill", "upskilling", "reskilling",
	"runbook", "runbooks", "hackathon", "hackathons", "dataset", "datasets", "codebase", "codebases",
	"toolchain", "toolchains", "lifecycle", "lifecycles", "timeline", "timelines", "async", "fullstack",
	"teammate", "teammates", "cybersecurity", "changelog", "changelogs", "middleware", "ecommerce",
	"analytics", "geo", "saas", "paas", "iaas", "devops", "gitops", "mlops", "finops", "okr", "okrs",
	"kpi", "kpis", "webinar", "webinars", "onboard", "onboarded", "offboard", "prioritization", "skillset",
	"skillsets", "mindset", "mindsets", "handbook", "handbooks", "stakeholder", "stakeholders", "ramp",
	"debuggability", "observability", "scalability", "reproducibility", "maintainability", "accessibility",
	"usability", "deliverable", "deliverables", "strategize", "strategizing", "operationalize",
	"operationalizing", "operationalise", "productize", "productized", "incentivize", "incentivizing",
	"proactively", "cross", "upsell", "upselling", "upsells", "sublicense", "subprocessor", "subprocessors",
	"ebook", "ebooks", "podcast", "podcasts", "livestream", "livestreams", "blog", "blogs", "blogging",
	"multicloud", "hypervisor", "hyperscaler", "hyperscalers", "serverless", "kubernetes", "microservice",
	"microservices", "repo", "repos", "nonprofit", "nonprofits", "pipeline", "pipelines", "failover",
	"dashboarding", "perf", "enablement", "intra", "homebrew", "elearning", "upstream", "downstream", "inbound", "outbound", "learnings", "meetups", "meetup",
	// informal words of recognition, common in community pages ("Shoutout in
	// the monthly update"): one edit from "shootout" and "shutout"
	"shoutout", "shoutouts",
}

var (
	dictOnce sync.Once
	dict     *wordDict
)

// wordDict is the dictionary: its lower-case words, each with whether it
// is a common one. The words are kept in one string (the word list as
// read, the "~" of a rare word left in front of it) and found through an
// open-addressing table of their offsets, 4 bytes a slot: about 2.5 MB in
// all, where a map of the 134,000 words took 8 MB for every run and every
// single page.
type wordDict struct {
	text  string   // the words, each followed by '\n'
	slots []uint32 // per slot: 0 (empty) or the word's offset + 1, with dictCommon
	n     int
	// where the English word list ends in text: the words after it are
	// the package's own (techWords, techNames, eeNouns)
	listed int
}

// eachAt calls fn with the offset in text and the length of every word of
// the dictionary, in no order.
func (d *wordDict) eachAt(fn func(off, n int)) {
	for _, s := range d.slots {
		if s == 0 {
			continue
		}
		off := int(s&^dictCommon) - 1
		fn(off, strings.IndexByte(d.text[off:], '\n'))
	}
}

// dictCommon marks a slot's word as a common one.
const dictCommon = 1 << 31

// has reports whether w is in the dictionary (common or not).
func (d *wordDict) has(w string) bool {
	_, ok := d.find(w)
	return ok
}

// common reports whether w is a common word of the dictionary.
func (d *wordDict) common(w string) bool {
	c, _ := d.find(w)
	return c
}

// english reports whether w is a word of the English word list itself,
// not one of the package's own additions (techWords: "frontend", whose
// "front end" is English too).
func (d *wordDict) english(w string) bool {
	if _, ok := d.find(w); !ok {
		return false
	}
	return int(d.slots[d.slot(w)]&^dictCommon)-1 < d.listed
}

// find looks w up: whether it is common, whether it is there.
func (d *wordDict) find(w string) (common, ok bool) {
	if d == nil || len(d.slots) == 0 {
		return false, false
	}
	i := d.slot(w)
	if d.slots[i] == 0 {
		return false, false
	}
	return d.slots[i]&dictCommon != 0, true
}

// slot returns the slot of w: its own, or the empty one where it goes.
func (d *wordDict) slot(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h ^= uint32(w[i])
		h *= 16777619
	}
	mask := uint32(len(d.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := d.slots[i]
		if s == 0 {
			return i
		}
		off := int(s&^dictCommon) - 1
		if end := off + len(w); end < len(d.text) && d.text[end] == '\n' && d.text[off:end] == w {
			return i
		}
	}
}

// set adds the word at text[off:] (its length n) or, when it is there,
// sets whether it is common: the last word of the list for one spelling
// decides, as it did in a map.
func (d *wordDict) set(off, n int, common bool) {
	i := d.slot(d.text[off : off+n])
	if d.slots[i] == 0 {
		d.n++
	} else {
		off = int(d.slots[i]&^dictCommon) - 1
	}
	v := uint32(off + 1)
	if common {
		v |= dictCommon
	}
	d.slots[i] = v
}

// englishWords returns the dictionary, built once.
func englishWords() *wordDict {
	dictOnce.Do(func() {
		zr, err := gzip.NewReader(bytes.NewReader(englishGz))
		if err != nil {
			panic("rules: wordlists/en-scowl.txt.gz: " + err.Error())
		}
		data, err := io.ReadAll(zr)
		if err != nil {
			panic("rules: wordlists/en-scowl.txt.gz: " + err.Error())
		}
		var b strings.Builder
		b.Grow(len(data) + 1 + 16*(len(techWords)+len(techNames)+len(eeNouns)))
		b.Write(data)
		if len(data) > 0 && data[len(data)-1] != '\n' {
			b.WriteByte('\n')
		}
		listed := b.Len()
		for _, w := range techWords {
			b.WriteString(w + "\n")
		}
		for _, w := range techNames {
			b.WriteString(w + "\n")
		}
		for _, w := range eeNouns {
			b.WriteString(w + "\n")
		}
		d := &wordDict{text: b.String(), listed: listed}
		lines := strings.Count(d.text, "\n")
		size := 1
		for size < lines+lines/3 {
			size <<= 1
		}
		d.slots = make([]uint32, size)
		for off := 0; off < len(d.text); {
			n := strings.IndexByte(d.text[off:], '\n')
			switch w := d.text[off : off+n]; {
			case off < listed && strings.HasPrefix(w, "~"):
				d.set(off+1, n-1, false)
			case w != "":
				d.set(off, n, true)
			}
			off += n + 1
		}
		dict = d
	})
	return dict
}

// knownWord reports whether a lower-case word is in the dictionary, alone
// or as a contraction or possessive of a dictionary word ("team's",
// "teams'").
func knownWord(d *wordDict, w string) bool {
	if d.has(w) {
		return true
	}
	w = strings.ReplaceAll(w, "’", "'")
	if d.has(w) {
		return true
	}
	for _, suf := range []string{"'s", "'"} {
		if s, ok := strings.CutSuffix(w, suf); ok && s != "" {
			if d.has(s) {
				return true
			}
		}
	}
	return false
}

// spellCandidates returns the dictionary words one edit from a lower-case
// ASCII word (a letter dropped, added, changed, or two neighbours
// swapped), sorted, without duplicates. Words of other scripts get none.
func spellCandidates(d *wordDict, w string) []string {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return nil
		}
	}
	var out []string
	buf := make([]byte, 0, len(w)+1)
	try := func(b []byte) {
		if d.has(string(b)) && string(b) != w { // no allocation for the look-up (b does not escape)
			out = append(out, string(b))
		}
	}
	for i := 0; i <= len(w); i++ {
		if i < len(w) { // delete w[i]
			try(append(append(buf[:0], w[:i]...), w[i+1:]...))
		}
		if i+1 < len(w) && w[i] != w[i+1] { // swap w[i], w[i+1]
			b := append(buf[:0], w...)
			b[i], b[i+1] = b[i+1], b[i]
			try(b)
		}
		if i < len(w) { // change w[i]
			b := append(buf[:0], w...)
			for c := byte('a'); c <= 'z'; c++ {
				if c != w[i] {
					b[i] = c
					try(b)
				}
			}
		}
		// add a letter before w[i]
		b := append(append(append(buf[:0], w[:i]...), 'a'), w[i:]...)
		for c := byte('a'); c <= 'z'; c++ {
			b[i] = c
			try(b)
		}
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// wordForm is the inflection a word's ending shows: a fix must keep it
// ("practies" is "practices", not "practise").
func wordForm(w string) string {
	for _, suf := range []string{"ing", "ed", "ly", "s"} {
		if strings.HasSuffix(w, suf) && utf8.RuneCountInString(w) > len(suf)+2 {
			if suf == "s" && strings.HasSuffix(w, "ss") {
				return "" // "process", "business"
			}
			return suf
		}
	}
	return ""
}

// eeNouns are nouns in -ee of a person who receives a verb's action at work
// ("the reportee", a person who reports to a manager; "a mentee") that the
// dictionary, SCOWL at size 70, lacks: rarer words are left to SCOWL's
// larger sizes, and these are one edit from a dictionary word ("reportee",
// "reported"), so a page that uses one was told it misspelt it. Origin:
// the person nouns of this kind that SCOWL size 80 (Debian's
// wamerican-huge, 2020.12.07) adds to size 70, with their plurals, chosen
// by hand (place names, plants and old legal terms of that size left out);
// and "reportee" and "reviewee" (a person whose work is reviewed), which
// no SCOWL size holds (checked up to size 95, wamerican-insane), formed
// as English forms "employee" and "trainee".
var eeNouns = []string{
	"reportee", "reportees", "reviewee", "reviewees",
	"mentee", "mentees", "designee", "designees", "supervisee", "supervisees", "coachee", "coachees",
	"counselee", "counselees", "secondee", "secondees", "relocatee", "relocatees", "delegatee", "delegatees",
	"appraisee", "appraisees", "auditee", "auditees", "consultee", "consultees", "tutee", "tutees",
	"hiree", "hirees", "signee", "signees", "electee", "electees", "releasee", "releasees",
}

// techNames are names of products, tools and methods common in tech
// companies' handbooks that the English dictionary lacks, compared in
// lower case. A name one edit from an English word ("Figma", "Sigma")
// would be taken for a typo of it on a page that alone uses it.
var techNames = []string{
	"postgres", "haml", "patroni", "pgbouncer", "gitaly", "praefect", "sidekiq", "kanban", "apdex", "laravel",
	"gemnasium", "watir", "capybara", "rspec", "vimeo", "zapier", "twilio", "figma", "marketo", "gitter",
	"zuora", "carta", "xactly", "tipalti", "avalara", "coupa", "netsuite", "salesforce", "zendesk",
	"workday", "tableau", "looker", "sisense", "gainsight", "expensify", "okta", "jira", "confluence",
	"terraform", "ansible", "grafana", "kibana", "elasticsearch", "jaeger", "nginx", "haproxy", "cloudflare",
	"fastly", "mattermost", "datadog", "pagerduty", "splunk", "hackerone", "bugcrowd", "golang", "kotlin",
	"webpack", "vuex", "django", "qualtrics", "calendly", "dovetail", "bizible", "pathfactory", "demandbase",
	"outreach", "clari", "gong", "mural", "greenhouse", "lattice", "culture", "amp", "intrastat", "revpro",
	"rybbon", "falco", "elucidat", "zoominfo", "linkedin", "gmail", "gsuite", "docusign", "hellosign",
	"snowflake", "dbt", "fivetran", "stitch", "airflow", "prometheus", "thanos", "consul", "vault",
	"helm", "istio", "envoy", "knative", "openshift", "gke", "eks", "aks", "anthos", "kubectl", "strace",
	"tcpdump", "wireshark", "grpc", "graphql", "redis", "memcached", "rubocop", "eslint", "jest", "vitest",
	"sentry", "snyk", "sonarqube", "trivy", "clair", "semgrep", "gitleaks", "fuzzing", "sast", "dast",
}

// spellPrefixes are prefixes that make words the dictionary may lack
// ("untrusting", "cofounder", "uptime").
var spellPrefixes = []string{"un", "re", "de", "co", "up", "pre", "non", "sub", "multi", "inter", "over",
	"under", "cross", "self", "top", "mis", "post", "pro", "anti", "auto", "hyper", "micro", "mid", "off", "on",
	"out", "semi", "super", "tele", "meta", "bi", "tri"}

// derivedWord reports whether a lower-case word is a known word with an
// ending (derivedSuffix) or a prefix ("untrusting", "cofounder").
func derivedWord(d *wordDict, w string) bool {
	if derivedSuffix(d, w) {
		return true
	}
	for _, pre := range spellPrefixes {
		if rest, ok := strings.CutPrefix(w, pre); ok && len(rest) >= 4 {
			if d.has(rest) || derivedSuffix(d, rest) {
				return true
			}
		}
	}
	return false
}

// derivedSuffix reports whether w is a known word with a plural, verb or
// agent ending: "financials", "sharding", "shipped", or, after an "e",
// "templated", "evolver", and "badging", the "e" dropped before "-ing" as
// English drops it from a verb the dictionary writes with "-ed" ("badged").
func derivedSuffix(d *wordDict, w string) bool {
	known := func(s string) bool { return d.has(s) && len(s) >= 3 }
	if ableDerived(d, w) {
		return true
	}
	for _, suf := range []string{"s", "es", "ing", "ed", "er", "ers", "d", "r", "rs"} {
		stem, ok := strings.CutSuffix(w, suf)
		if !ok {
			continue
		}
		switch suf {
		case "d", "r", "rs":
			if strings.HasSuffix(stem, "e") && known(stem) {
				return true
			}
			continue
		}
		if known(stem) {
			return true
		}
		if suf == "ing" && !strings.HasSuffix(stem, "e") && known(stem+"e") && known(stem+"ed") {
			// "badging": the verb's "e" dropped, a verb the dictionary
			// writes with "-ed" ("badged"); not "woring" ("wore" is no
			// verb's base)
			return true
		}
		if n := len(stem); suf != "s" && n > 3 && stem[n-1] == stem[n-2] && known(stem[:n-1]) {
			return true // "shipped", "planning"
		}
	}
	return false
}

// ableDerived reports whether w is a known word of four letters or more
// made an adjective by "-able" ("trustable", "ably", "ability"), formed as
// English forms it: the word whole ("trust"), its final "e" dropped
// ("configure": "configurable"), its last consonant doubled ("ship":
// "shippable") or its "y" made "i" ("verify": "verifiable"). Such a word
// is regular, not a slip of another word one edit away ("trustee"),
// unless the dictionary writes it with "-ible" ("flexable": "flexible").
func ableDerived(d *wordDict, w string) bool {
	known := func(s string) bool { return len(s) >= 4 && d.has(s) }
	for _, suf := range []string{"able", "ably", "ability", "abilities"} {
		stem, ok := strings.CutSuffix(w, suf)
		if !ok || len(stem) < 3 {
			continue
		}
		if d.has(stem + "ib" + suf[2:]) {
			return false // "flexable": "flexible" is the word's spelling
		}
		n := len(stem)
		switch {
		case known(stem),
			stem[n-1] != 'e' && known(stem+"e"),
			n > 3 && stem[n-1] == stem[n-2] && known(stem[:n-1]),
			stem[n-1] == 'i' && known(stem[:n-1]+"y"):
			return true
		}
	}
	return false
}

// plausibleTypo reports whether a candidate c may be what w was meant to
// be: typing slips rarely touch a word's first letter, and in a name
// (a capitalised word) rarely its last one unless a letter was doubled
// ("Officerr") or the last two swapped ("Engagemetn"): "Figma" is not
// "Sigma", "Marketo" not "Market".
func plausibleTypo(w, c string, title bool) bool {
	if w == "" || c == "" {
		return false
	}
	if w[0] != c[0] && !(len(w) > 1 && len(c) > 1 && w[0] == c[1] && w[1] == c[0]) && !firstLetterSlip(w, c, title) {
		return false
	}
	if title {
		lw, lc := w[len(w)-1], c[len(c)-1]
		switch {
		case lw == lc:
		case len(w) == len(c)+1 && w[:len(c)] == c && w[len(w)-2] == lw: // a doubled last letter
		case len(w) >= 6 && lastTwoSwapped(w, c): // its last two letters swapped ("Engagemetn")
		default:
			return false
		}
	}
	return true
}

// firstLetterSlip reports whether a long lower-case word is c with its
// first letter typed ahead of time, a letter that comes two or three
// places later ("pepresent" for "represent"), and nothing else changed: in
// a word of eight letters or more the rest says which word was meant, and
// a lower-case word is no name. A first letter of its own ("gamification",
// not "ramification") is a word of its own. So is a lower-case word of six
// letters or more that is c without its first letter ("eliver" for
// "deliver"): a key pressed too lightly, the rest of the word intact.
func firstLetterSlip(w, c string, title bool) bool {
	if title || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	if len(w) >= minFirstDropped && len(c) == len(w)+1 && c[1:] == w {
		return true
	}
	if len(w) < 8 || len(w) != len(c) || w[1:] != c[1:] {
		return false
	}
	return w[0] == w[2] || w[0] == w[3]
}

// foreignBlock reports whether a block is written in another language
// than the dictionary's: of its distinct words in lower case, made of
// three or more ASCII letters (names, acronyms and code left aside), fewer
// than half are English words, among six or more. An Indonesian
// description ("Mampu mengelola tim dan proyek") is no text of English
// typos, and its English loanwords ("di-lead") no English tone. A short
// block (a cell, a heading of a few words) is taken as English, and so is
// one word typed again and again ("teh teh teh"): words count once. The
// first foreignMaxWords distinct words decide.
func foreignBlock(b *model.Block) bool {
	m := prose.Memo(b) // asked by misspelling and inclusive-language alike
	if m.Foreign == 0 {
		m.Foreign = 1
		if foreignWords(b) {
			m.Foreign = 2
		}
	}
	return m.Foreign == 2
}

// foreignWords is foreignBlock's reading of the block's words.
func foreignWords(b *model.Block) bool {
	d := englishWords()
	tw := prose.OwnWords(b)
	words := tw.Words
	var seen [foreignMaxWords]string
	n, known := 0, 0
	for i, w := range words {
		lw := tw.Lower(i)
		if w.In(b.Text) != lw || len(lw) < 3 || !allLower(lw) || slices.Contains(seen[:n], lw) {
			continue
		}
		seen[n] = lw
		n++
		if knownWord(d, lw) {
			known++
		}
		if n == foreignMaxWords {
			break
		}
	}
	return n >= foreignMinWords && 2*known < n
}

// foreignMaxWords bounds the distinct words foreignBlock reads.
const foreignMaxWords = 32

// foreignMinWords is how many lower-case words foreignBlock needs to judge
// a block's language.
const foreignMinWords = 6

// minFirstDropped is the shortest lower-case word taken for a word with its
// first letter dropped: in a shorter one, too little is left to tell.
const minFirstDropped = 6
