package site

import (
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// redirects are the URLs a Middleman site answers with a redirect, from a
// file in the form of GitLab's data/redirects.yml:
//
//   - sources: [/old/path/, /old/path]
//     target: /new/path/
//     comp_op: '='     # exact; '^~' a path prefix; '~' a regular expression
type redirects struct {
	exact    map[string]bool
	prefixes []string
	patterns []*regexp.Regexp
}

// maxRedirectsSize bounds the redirects file read.
const maxRedirectsSize = 16 << 20

// loadRedirects reads a redirects file; nil when there is none or it
// cannot be read.
func loadRedirects(path string) *redirects {
	if path == "" {
		return nil
	}
	raw, err := readLimited(path, maxRedirectsSize)
	if err != nil {
		return nil
	}
	var entries []struct {
		Sources any    `yaml:"sources"`
		CompOp  string `yaml:"comp_op"`
	}
	if yaml.Unmarshal(raw, &entries) != nil {
		return nil
	}
	r := &redirects{exact: map[string]bool{}}
	for _, e := range entries {
		for _, s := range stringsOf(e.Sources) {
			switch strings.TrimSpace(e.CompOp) {
			case "^~":
				r.prefixes = append(r.prefixes, s)
			case "~", "~*":
				re, err := regexp.Compile(s)
				if err == nil {
					r.patterns = append(r.patterns, re)
				}
			default:
				r.exact[s] = true
			}
		}
	}
	return r
}

// match reports whether a URL path is redirected.
func (r *redirects) match(u string) bool {
	if r == nil {
		return false
	}
	if r.exact[u] {
		return true
	}
	for _, p := range r.prefixes {
		if strings.HasPrefix(u, p) {
			return true
		}
	}
	for _, re := range r.patterns {
		if re.MatchString(u) {
			return true
		}
	}
	return false
}

func (r *redirects) len() int {
	if r == nil {
		return 0
	}
	return len(r.exact) + len(r.prefixes) + len(r.patterns)
}
