package site

import (
	"bytes"
	"strings"

	"go.yaml.in/yaml/v3"
)

// FrontMatterEnd returns the offset just after a leading front matter block
// (YAML between "---" lines, or TOML between "+++" lines), or 0 when the
// page has none or it is not closed.
func FrontMatterEnd(src []byte) int {
	_, end := frontMatter(src)
	return end
}

// frontMatter returns the text of a leading front matter block and the
// offset just after it; (nil, 0) when there is none.
func frontMatter(src []byte) (body []byte, end int) {
	bom := 0
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		bom = 3
		src = src[3:]
	}
	var delim []byte
	switch {
	case bytes.HasPrefix(src, []byte("---")):
		delim = []byte("---")
	case bytes.HasPrefix(src, []byte("+++")):
		delim = []byte("+++")
	default:
		return nil, 0
	}
	nl := bytes.IndexByte(src, '\n')
	if nl < 0 || len(bytes.TrimRight(src[len(delim):nl], " \t\r")) != 0 {
		return nil, 0
	}
	for i := nl + 1; i < len(src); {
		line, next := src[i:], len(src)
		if j := bytes.IndexByte(src[i:], '\n'); j >= 0 {
			line, next = src[i:i+j], i+j+1
		}
		line = bytes.TrimRight(line, " \t\r")
		if bytes.Equal(line, delim) || (delim[0] == '-' && bytes.Equal(line, []byte("..."))) {
			return src[nl+1 : i], next + bom
		}
		i = next
	}
	return nil, 0
}

// pageMeta is what the index reads from a page's front matter: the other
// URLs it answers.
type pageMeta struct {
	Aliases []string // aliases
	URL     string   // url: the page's own URL (Hugo)
	Slug    string   // slug: replaces the last path segment (Hugo)
}

// metaKeys are the top-level keys readMeta looks for, each at the start of
// a line.
var metaKeys = [][]byte{[]byte("\naliases:"), []byte("\nurl:"), []byte("\nslug:")}

// readMeta reads the URL-related keys of a YAML front matter block (src
// starts with it). Pages without such keys are not YAML-parsed at all.
func readMeta(src []byte) pageMeta {
	body, end := frontMatter(src)
	if end == 0 || !bytes.HasPrefix(bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")), []byte("---")) {
		return pageMeta{}
	}
	found := false
	lines := append([]byte{'\n'}, body...)
	for _, k := range metaKeys {
		if bytes.Contains(lines, k) {
			found = true
			break
		}
	}
	if !found {
		return pageMeta{}
	}
	var raw map[string]any
	if err := yaml.Unmarshal(body, &raw); err != nil {
		return pageMeta{}
	}
	var m pageMeta
	m.Aliases = stringsOf(raw["aliases"])
	if s, ok := raw["url"].(string); ok {
		m.URL = strings.TrimSpace(s)
	}
	if s, ok := raw["slug"].(string); ok {
		m.Slug = strings.TrimSpace(s)
	}
	return m
}

func stringsOf(v any) []string {
	switch v := v.(type) {
	case string:
		if strings.TrimSpace(v) != "" {
			return []string{strings.TrimSpace(v)}
		}
	case []any:
		var out []string
		for _, e := range v {
			if s, ok := e.(string); ok && strings.TrimSpace(s) != "" {
				out = append(out, strings.TrimSpace(s))
			}
		}
		return out
	}
	return nil
}
