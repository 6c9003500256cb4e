package lint

import (
	"embed"
	"fmt"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Profiles are built-in configs a user's config refines with `profile:`.
// Each is a config file in lint/profiles, read as any config is (schema,
// rule IDs, severities), so that a profile is data, not code.
//
//go:embed profiles/*.yml
var profileFiles embed.FS

// DefaultProfile is the profile of a config that names none.
const DefaultProfile = "gitlab"

// ProfileNames lists the built-in profiles, sorted.
func ProfileNames() []string {
	ents, _ := profileFiles.ReadDir("profiles")
	var out []string
	for _, e := range ents {
		out = append(out, strings.TrimSuffix(e.Name(), ".yml"))
	}
	sort.Strings(out)
	return out
}

// ProfileText returns a profile's config text.
func ProfileText(name string) ([]byte, error) {
	raw, err := profileFiles.ReadFile("profiles/" + name + ".yml")
	if err != nil {
		return nil, fmt.Errorf("unknown profile %q%s; profiles: %s", name, suggestFrom(name, ProfileNames()), strings.Join(ProfileNames(), ", "))
	}
	return raw, nil
}

// ProfileConfig returns the config of a built-in profile, over the
// defaults.
func ProfileConfig(name string) (*Config, error) {
	raw, err := ProfileText(name)
	if err != nil {
		return nil, err
	}
	if strings.Contains(string(raw), "\nprofile:") {
		return nil, fmt.Errorf("profile %q names another profile", name)
	}
	cfg, err := ParseConfig("profile "+name, raw)
	if err != nil {
		return nil, fmt.Errorf("built-in profile %q: %v", name, err)
	}
	cfg.Profile = name
	return cfg, nil
}

// decodeSections merges a sections mapping into the config's: a user's
// names are added to the profile's for the same kind.
func decodeSections(n *yaml.Node, cfg *Config) error {
	var m map[string][]string
	if err := n.Decode(&m); err != nil {
		return err
	}
	merged := map[string][]string{}
	for k, v := range cfg.Sections {
		merged[k] = append([]string(nil), v...)
	}
	for k, v := range m {
		merged[k] = append(merged[k], v...)
	}
	cfg.Sections = merged
	return nil
}

// SectionKinds are the dimension kinds the sections key may name.
var SectionKinds = []string{"requirements", "responsibilities", "nice-to-haves", "anti-patterns"}

// StarterConfigFor is the starter config of a profile: the gitlab one
// spells the defaults out; another names its profile and shows what a
// user's config may refine.
func StarterConfigFor(profile string) (string, error) {
	if _, err := ProfileText(profile); err != nil {
		return "", err
	}
	if profile == DefaultProfile {
		return StarterConfig(), nil
	}
	return `# ladderlint configuration. Validated by schema/config.schema.json; the
# profile and what it sets are described in docs/profiles.md.

# The ` + profile + ` profile: career ladders as most organisations keep them
# (one heading per level, a page per level, or a table of levels by skills).
# GitLab's job-family policy rules are off; the ladder-shape rules are on.
# Every key below refines the profile.
profile: ` + profile + `

# Files linted when no path is given (the profile lints every .md file but
# README, CHANGELOG and the like).
# include:
#   - ladders/**/*.md

# More headings and bold labels that name a dimension kind.
# sections:
#   requirements: [Core skills]
#   anti-patterns: [Signals of concern]

# Seniority words, lowest first, for levels without codes.
# grades:
#   tracks:
#     - name: individual contributor
#       steps: [[Apprentice], [Junior], [Mid], [Senior], [Lead, Staff], [Principal]]

# Rules: a severity (error, warning, info, off) or options.
# rules:
#   dimension-copy: info
#   inclusive-language: off
`, nil
}
