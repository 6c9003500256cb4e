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
}

var (
	dictOnce sync.Once
	dict     map[string]bool
)

// englishWords returns the dictionary, built once: lower-case words, true
// for the common ones.
func englishWords() map[string]bool {
	dictOnce.Do(func() {
		zr, err := gzip.NewReader(bytes.NewReader(englishGz))
		if err != nil {
			panic("rules: wordlists/en-scowl.txt.gz: " + err.Error())
		}
		data, err := io.ReadAll(zr)
		if err != nil {
			panic("rules: wordlists/en-scowl.txt.gz: " + err.Error())
		}
		text := string(data) // the keys share this one string's memory
		dict = make(map[string]bool, strings.Count(text, "\n")+len(techWords)+len(techNames))
		for len(text) > 0 {
			i := strings.IndexByte(text, '\n')
			if i < 0 {
				i = len(text)
			}
			if w := text[:i]; strings.HasPrefix(w, "~") {
				dict[w[1:]] = false
			} else if w != "" {
				dict[w] = true
			}
			text = text[min(i+1, len(text)):]
		}
		for _, w := range techWords {
			dict[w] = true
		}
		for _, w := range techNames {
			dict[w] = true
		}
	})
	return dict
}

// knownWord reports whether a lower-case word is in the dictionary, alone
// or as a contraction or possessive of a dictionary word ("team's",
// "teams'").
func knownWord(d map[string]bool, w string) bool {
	if _, ok := d[w]; ok {
		return true
	}
	w = strings.ReplaceAll(w, "’", "'")
	if _, ok := d[w]; ok {
		return true
	}
	for _, suf := range []string{"'s", "'"} {
		if s, ok := strings.CutSuffix(w, suf); ok && s != "" {
			if _, ok := d[s]; ok {
				return true
			}
		}
	}
	return false
}

// spellCandidates returns the dictionary words one edit from a lower-case
// ASCII word (a letter dropped, added, changed, or two neighbours
// swapped), sorted, without duplicates. Words of other scripts get none.
func spellCandidates(d map[string]bool, w string) []string {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return nil
		}
	}
	var out []string
	buf := make([]byte, 0, len(w)+1)
	try := func(b []byte) {
		if _, ok := d[string(b)]; ok && string(b) != w { // no allocation for the look-up
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
func derivedWord(d map[string]bool, w string) bool {
	if derivedSuffix(d, w) {
		return true
	}
	for _, pre := range spellPrefixes {
		if rest, ok := strings.CutPrefix(w, pre); ok && len(rest) >= 4 {
			if _, ok := d[rest]; ok || derivedSuffix(d, rest) {
				return true
			}
		}
	}
	return false
}

// derivedSuffix reports whether w is a known word with a plural, verb or
// agent ending: "financials", "sharding", "shipped", or, after an "e",
// "templated", "evolver".
func derivedSuffix(d map[string]bool, w string) bool {
	known := func(s string) bool { _, ok := d[s]; return ok && len(s) >= 3 }
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
		if n := len(stem); suf != "s" && n > 3 && stem[n-1] == stem[n-2] && known(stem[:n-1]) {
			return true // "shipped", "planning"
		}
	}
	return false
}

// plausibleTypo reports whether a candidate c may be what w was meant to
// be: typing slips rarely touch a word's first letter, and in a name
// (a capitalised word) rarely its last one unless a letter was doubled
// ("Officerr"): "Figma" is not "Sigma", "Marketo" not "Market".
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
// not "ramification") is a word of its own.
func firstLetterSlip(w, c string, title bool) bool {
	if title || len(w) < 8 || len(w) != len(c) || w[1:] != c[1:] || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	return w[0] == w[2] || w[0] == w[3]
}
