package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/prose"
)

type locationRequirementOptions struct {
	Phrases      []string `yaml:"phrases"`
	PlacePhrases []string `yaml:"place_phrases"`
	Regions      []string `yaml:"regions"`
	TimeZones    []string `yaml:"time_zones"`
	NotLocation  []string `yaml:"not_location"`
	Flexible     []string `yaml:"flexible"`
	Sections     []string `yaml:"sections"`
}

var locationRequirementRule = &lint.Rule{
	ID:       "location-requirement",
	Title:    "a requirement ties the role to a region or place",
	Category: lint.Policy,
	Severity: lint.Info, // blind precision under 0.9 (docs/rules.md, bench/ACCURACY.md)
	Doc: lint.Doc{
		Description: "The handbook's job-family policy keeps location requirements (EMEA, Americas, APAC, ...) out of job " +
			"families: they change over time, while a job family stays; a vacancy can say where it is open. " +
			"In requirements (see `sections`) the rule reports:\n\n" +
			"- a phrase that always states a location requirement (`phrases`: \"must reside\", \"reside in\", ...);\n" +
			"- a phrase that does when a place follows it (`place_phrases`: \"based in EMEA\", \"based in the city of San Francisco\", \"located in the " +
			"United States\", but not \"partnerships based in developing services\"): a region or a capitalized name;\n" +
			"- a region (`regions`: EMEA, AMER, APAC, ...) or a named time zone (\"in the Pacific time zone\", " +
			"\"overlap with PST and CST timezones\"), unless the sentence is about experience with or knowledge of it " +
			"(`not_location`: \"experience managing the EMEA region\"), or the region is part of the title of a role " +
			"on the page (\"Extends the Manager, Payroll (EMEA) requirements\"). A time zone named with flexibility " +
			"(`flexible`: \"work in US time zones when required\") is no requirement; a standing overlap is. A section " +
			"that also asks for citizenship or a security clearance (a federal specialty) states the legal basis of " +
			"the role, not a location preference, and is not checked.\n\n" +
			"Text in other sections (a specialty's description, responsibilities for a region) is not checked.",
		Bad: "---\ntitle: Field Marketing Manager\n---\n\n## Field Marketing Manager\n\n" +
			"### Requirements\n\n- Must reside in EMEA\n- Ability to use GitLab\n",
		Good: "---\ntitle: Field Marketing Manager\n---\n\n## Field Marketing Manager\n\n" +
			"### Requirements\n\n- Experience running field events for customers in EMEA\n- Ability to use GitLab\n",
		Options: []lint.OptionDoc{
			{Name: "phrases", Default: "[must reside, reside in, resides in, residing in, resident of, must live, must be located, must be based, relocate to, willing to relocate]",
				Text: "Phrases that state a location requirement wherever they stand in requirements."},
			{Name: "place_phrases", Default: "[based in, based out of, located in, living in, live in, work from, must be in]",
				Text: "Phrases reported when a place follows: a region or a capitalized word, possibly after \"the\"."},
			{Name: "regions", Default: "[EMEA, AMER, APAC, APJ, LATAM, NORAM, Americas, Europe]",
				Text: "Region names, matched as whole words: as written when listed in capitals, else capitalized in any case."},
			{Name: "time_zones", Default: "[time zone, time zones, timezone, timezones]",
				Text: "Words for a time zone: reported when a capitalized name or region comes right before (\"Pacific time zone\")."},
			{Name: "not_location", Default: "[experienc*, knowledge, familiar*, understanding, expertise, network, develop*, manag*, support*, across, multiple, various]",
				Text: "Words that make a region in the same sentence the subject of experience or work, not a place to live."},
			{Name: "flexible", Default: "[" + strings.Join(defaultLocFlexible, ", ") + "]",
				Text: "Words that make a named time zone in the same sentence a flexibility asked for now and then (\"work in US time zones when required\"), not a standing requirement."},
			{Name: "sections", Default: "[requirements, nice-to-haves, body]",
				Text: "Section kinds checked; `body` is a role's bullets outside any named section (a specialty that lists its requirements right under its heading)."},
		},
	},
	Options: func() any {
		return &locationRequirementOptions{
			Phrases: []string{"must reside", "reside in", "resides in", "residing in", "resident of", "must live",
				"must be located", "must be based", "relocate to", "willing to relocate"},
			PlacePhrases: []string{"based in", "based out of", "located in", "living in", "live in", "work from", "must be in"},
			Regions:      []string{"EMEA", "AMER", "APAC", "APJ", "LATAM", "NORAM", "Americas", "Europe"},
			TimeZones:    []string{"time zone", "time zones", "timezone", "timezones"},
			NotLocation: []string{"experienc*", "knowledge", "familiar*", "understanding", "expertise", "network",
				"develop*", "manag*", "support*", "across", "multiple", "various"},
			Flexible: append([]string(nil), defaultLocFlexible...),
			Sections: []string{string(model.SecRequirements), string(model.SecNiceToHaves), string(model.SecBody)},
		}
	},
	Validate: func(o any) error {
		opts := o.(*locationRequirementOptions)
		if err := policyValidLists(policyList{"phrases", opts.Phrases}, policyList{"place_phrases", opts.PlacePhrases},
			policyList{"regions", opts.Regions}, policyList{"time_zones", opts.TimeZones},
			policyList{"not_location", opts.NotLocation}, policyList{"flexible", opts.Flexible}); err != nil {
			return err
		}
		return policyValidSections("sections", opts.Sections)
	},
	Check: checkLocationRequirement,
}

func init() { lint.Register(locationRequirementRule) }

// defaultLocFlexible are words of time-zone flexibility.
var defaultLocFlexible = []string{"when required", "when needed", "as needed", "if needed", "if required", "as required",
	"when necessary", "if necessary", "occasionally", "occasional", "flexib*", "from time to time", "at times",
	"sometimes", "on occasion", "periodically"}

func checkLocationRequirement(p *lint.Pass) {
	opts := lint.Options[locationRequirementOptions](p.Options)
	always := sharedPolicySet(p.Env, "location-requirement/phrases", opts.Phrases)
	place := sharedPolicySet(p.Env, "location-requirement/place_phrases", opts.PlacePhrases)
	zones := sharedPolicySet(p.Env, "location-requirement/time_zones", opts.TimeZones)
	notLoc := sharedPolicySet(p.Env, "location-requirement/not_location", opts.NotLocation)
	regions := sharedPolicySet(p.Env, "location-requirement/regions", opts.Regions)
	flexible := sharedPolicySet(p.Env, "location-requirement/flexible", opts.Flexible)
	// the page's role titles as phrases, made on first need: a page of
	// 20,000 levels and no location phrase never needs them
	var titleSet *prose.PhraseSet
	titlesOf := func(b *model.Block) []prose.Match {
		if titleSet == nil {
			titles := make([]prose.Phrase, 0, len(p.File.Roles))
			for _, r := range p.File.Roles {
				titles = append(titles, prose.ParsePhrase(r.Title))
			}
			titleSet = prose.NewPhraseSet(titles)
		}
		return titleSet.Find(b)
	}
	// locLegalBasis reads the whole section: once a section, not once
	// for each of its blocks
	var legalSec *model.Section
	legal := false
	for _, b := range p.File.Blocks {
		if !policyInSections(policySectionKind(b), opts.Sections) {
			continue
		}
		if b.Section == nil || b.Section != legalSec {
			legalSec, legal = b.Section, locLegalBasis(b)
		}
		if legal {
			continue
		}
		sentences := model.Sentences(b.Text)
		regionAt := locRegions(b, regions, opts.Regions)
		var found []prose.Match
		for _, m := range findPolicyPhrases(b, always) {
			if end, ok := locPlaceAfter(b.Text, m.End, regionAt); ok {
				m.End = end // "reside in Japan"
			}
			found = append(found, m)
		}
		for _, m := range findPolicyPhrases(b, place) {
			if end, ok := locPlaceAfter(b.Text, m.End, regionAt); ok {
				m.End = end
				found = append(found, m)
			}
		}
		var inTitle []prose.Match // the page's role titles in b, found on first need
		inTitleFound := false
		exempt := func(at int) bool {
			if !inTitleFound {
				inTitle, inTitleFound = titlesOf(b), true
			}
			if policyCovered(inTitle, at) {
				return true
			}
			s := policySentenceOf(sentences, at)
			for _, m := range notLoc.Find(b) {
				if m.Start >= s[0] && m.Start < s[1] {
					return true
				}
			}
			return false
		}
		flexibleAt := func(at int) bool {
			s := policySentenceOf(sentences, at)
			for _, m := range flexible.Find(b) {
				if m.Start >= s[0] && m.Start < s[1] {
					return true
				}
			}
			return false
		}
		zoneAt := map[int]bool{}
		for _, m := range findPolicyPhrases(b, zones) {
			start, ok := locZoneName(b.Text, m.Start, regionAt)
			if ok && flexibleAt(m.Start) {
				// "work in US time zones when required": flexibility, and the
				// regions named with the zones are part of it
				for _, r := range regionAt {
					if r.Start >= start && r.Start < m.End {
						zoneAt[r.Start] = true
					}
				}
				continue
			}
			if ok && !exempt(m.Start) {
				found = append(found, prose.Match{Block: b, Start: start, End: m.End})
			}
		}
		for _, r := range regionAt {
			if !exempt(r.Start) && !zoneAt[r.Start] {
				found = append(found, r)
			}
		}
		for _, m := range policyFirstOfOverlaps(found) {
			text := m.Text()
			p.Report(lint.Diagnostic{
				Span:    m.Span(),
				Message: "location requirement " + policyQuote(text) + ": job families stay location-independent; a vacancy can say where it is open",
				Subject: policySubject(text),
			})
		}
	}
}

// locLegalBasis reports whether a block's section also asks for
// citizenship or a security clearance: the residence it asks for is then
// the legal basis of the role (a federal specialty: "Must be a United
// States citizen", "Must reside in one of the 50 states"), an exception
// the policy keeps, not a location preference.
func locLegalBasis(b *model.Block) bool {
	s := b.Section
	if s == nil {
		return false
	}
	has := func(t string) bool {
		if isASCII(t) {
			// the same test without lowering a copy of every bullet
			// of the section for each of its blocks
			return model.ContainsFold(t, "citizen") || model.ContainsFold(t, "security clearance") || model.ContainsFold(t, "clearance eligib")
		}
		t = strings.ToLower(t)
		return strings.Contains(t, "citizen") || strings.Contains(t, "security clearance") || strings.Contains(t, "clearance eligib")
	}
	for _, bl := range s.Bullets {
		if has(bl.Text) {
			return true
		}
	}
	for _, pb := range s.Paragraphs {
		if has(pb.Text) {
			return true
		}
	}
	return false
}

// locRegions finds the regions in b. A region listed in capitals ("EMEA")
// matches only as written; any other must be capitalized in the text
// ("Americas", not "americas").
func locRegions(b *model.Block, phrases *prose.PhraseSet, raw []string) []prose.Match {
	var out []prose.Match
	for _, m := range phrases.Find(b) {
		name := strings.Join(strings.Fields(raw[m.Phrase]), " ")
		if policyIsUpper(name) && strings.Join(strings.Fields(m.Text()), " ") != name {
			continue
		}
		if !policyStartsUpper(m.Text()) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// locPlaceAfter reports whether a place follows offset i ("in EMEA", "in
// the United States", "[must reside] in Japan"): a region or capitalized
// words, after an optional preposition and article. It returns the end of
// the place.
func locPlaceAfter(text string, i int, regions []prose.Match) (int, bool) {
	ws := wordsIn(text[i:], false)
	end := -1
	for k, w := range ws {
		if strings.ContainsRune(text[i:i+w.Start], model.CodeMark) || (end >= 0 && strings.TrimSpace(text[end:i+w.Start]) != "") {
			break
		}
		low := strings.ToLower(w.Text)
		if end < 0 && k < 6 && (low == "the" || low == "a" || low == "one" || low == "of" || low == "in" || low == "to" || low == "within") {
			continue
		}
		// "the city of San Francisco", "the state of Texas": a kind of
		// place, its name after "of"
		if end < 0 && k < 5 && locPlaceKinds[low] && k+1 < len(ws) && strings.EqualFold(ws[k+1].Text, "of") {
			continue
		}
		region := false
		for _, r := range regions {
			if r.Start == i+w.Start {
				region = true
			}
		}
		if !region && !policyStartsUpper(w.Text) {
			break
		}
		end = i + w.End
	}
	return end, end >= 0
}

// locPlaceKinds are kinds of place named before the place's own name ("the
// city of San Francisco").
var locPlaceKinds = map[string]bool{"city": true, "state": true, "country": true, "province": true, "county": true}

// locZoneName finds the name before a time-zone word at offset i ("Pacific
// time zone", "PST and CST timezones", "Americas timezones"): capitalized
// words (or regions), joined by "and", "or" or a slash, right before it. It
// returns where the name starts. A name at the start of the sentence only
// counts when it is a region ("Timezones ..." names none).
func locZoneName(text string, i int, regions []prose.Match) (int, bool) {
	ws := wordsIn(text[:i], false)
	start, ok := 0, false
	for k := len(ws) - 1; k >= 0 && k >= len(ws)-5; k-- {
		w := ws[k]
		gap := text[w.End:i]
		if ok {
			gap = text[w.End:start]
		}
		if strings.ContainsRune(gap, model.CodeMark) || strings.ContainsAny(gap, ".;:!?") {
			break
		}
		low := strings.ToLower(w.Text)
		if ok && (low == "and" || low == "or") {
			continue
		}
		region := false
		for _, r := range regions {
			if r.Start == w.Start {
				region = true
			}
		}
		if !region && (!policyStartsUpper(w.Text) || k == 0) {
			break
		}
		start, ok = w.Start, true
	}
	return start, ok
}

// policyCovered reports whether offset at lies in one of the matches.
func policyCovered(ms []prose.Match, at int) bool {
	for _, m := range ms {
		if at >= m.Start && at < m.End {
			return true
		}
	}
	return false
}

// policySentenceOf returns the bounds of the sentence holding offset at.
func policySentenceOf(sentences [][2]int, at int) [2]int {
	for _, s := range sentences {
		if at >= s[0] && at < s[1] {
			return s
		}
	}
	return [2]int{at, at + 1}
}

func policyIsUpper(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && strings.ToUpper(s) == s && strings.ToLower(s) != s
}

func policyStartsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
