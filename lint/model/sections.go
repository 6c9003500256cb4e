package model

import (
	"regexp"
	"strings"
)

// sectionNames maps the ways real pages name a section to its kind. Each
// pattern matches the end of a heading (or bold paragraph), so that a role
// name written before it ("Director, X Responsibilities") becomes the
// section's prefix. Order matters: the first pattern that matches wins, so
// "Nice-to-have Requirements" is a nice-to-have before it is a requirement.
var sectionNames = []struct {
	kind SectionKind
	re   *regexp.Regexp
}{
	{SecNiceToHaves, sectionRE(`nice[\s-]*to[\s-]*haves?(?:\s+(?:requirements?|qualifications|skills))?|preferred\s+(?:qualifications|requirements|skills)|bonus\s+points`)},
	{SecJobGrade, sectionRE(`(?:job\s+)?grade(?:\s+level)?|job\s+level`)},
	{SecLevels, sectionRE(`(?:job\s+)?grades|(?:job\s+)?levels(?:\s+and\s+grades)?|(?:job\s+)?levels\s*(?:&|and)\s*grades`)},
	{SecResponsibilities, sectionRE(`(?:key\s+|core\s+|job\s+|general\s+)?responsib[a-z]*`)},
	{SecRequirements, sectionRE(`(?:minimum\s+|basic\s+|general\s+|job\s+|key\s+)?(?:requirements?|requirments|qualifications)`)},
	{SecPerformance, sectionRE(`(?:key\s+|primary\s+)?performance\s+indicators?(?:\s*\((?:pis?|kpis?)\))?(?:\s+for\s+the\s+role)?|kpis|pis`)},
	{SecHiringProcess, sectionRE(`hiring\s+process|interview(?:ing)?\s+process`)},
	{SecCareerLadder, sectionRE(`career\s+(?:ladder|paths?|progression)|moving\s+to\s+and\s+moving\s+from`)},
	{SecSpecialties, sectionRE(`specialt(?:y|ies)|specialit(?:y|ies)|speciali[sz]ations?`)},
	{SecSegment, sectionRE(`segments?`)},
	{SecExpertise, sectionRE(`expertises?`)},
}

func sectionRE(alt string) *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:^|[\s,:(–—-])(` + alt + `)\s*:?\s*$`)
}

// MatchSection tells whether a heading or bold-paragraph text names a
// section. It returns the kind, the section name as written and the text
// before it (a role name, usually), trimmed.
func MatchSection(text string) (kind SectionKind, name, prefix string, ok bool) {
	t := strings.TrimSpace(text)
	t = strings.Trim(t, "*_ ")
	if t == "" || len(t) > 160 {
		return "", "", "", false
	}
	if w := lastWord(t); !lastWords[w] && !strings.HasPrefix(w, "responsib") {
		return "", "", "", false
	}
	for _, sn := range sectionNames {
		m := sn.re.FindStringSubmatchIndex(t)
		if m == nil {
			continue
		}
		name = t[m[2]:m[3]]
		prefix = strings.TrimRight(t[:m[2]], " \t,:-–—(")
		prefix = strings.TrimSpace(prefix)
		return sn.kind, name, prefix, true
	}
	return "", "", "", false
}

// lastWords are the words a section name can end with; a heading ending
// otherwise is no section, and the patterns need not run.
var lastWords = map[string]bool{
	"grade": true, "grades": true, "level": true, "levels": true, "requirements": true, "requirement": true,
	"requirments": true, "qualifications": true, "haves": true, "have": true, "skills": true, "points": true,
	"indicators": true, "indicator": true, "pi": true, "pis": true, "kpi": true, "kpis": true, "role": true,
	"process": true, "ladder": true, "path": true, "paths": true, "progression": true, "from": true,
	"specialty": true, "specialties": true, "speciality": true, "specialities": true, "specialization": true,
	"specializations": true, "specialisation": true, "specialisations": true, "segment": true, "segments": true,
	"expertise": true, "expertises": true,
}

// lastWord returns the lower-cased last word of a heading.
func lastWord(t string) string {
	end := len(t)
	for end > 0 && strings.IndexByte(" :)\t", t[end-1]) >= 0 {
		end--
	}
	start := end
	for start > 0 && isWordByte(t[start-1]) {
		start--
	}
	return strings.ToLower(t[start:end])
}

// sectionOffset returns where the section name starts in the heading text,
// so a rule can point at the prefix or the name.
func sectionNameStart(text, name string) int {
	return strings.LastIndex(text, name)
}
