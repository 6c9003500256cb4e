package site

import "testing"

func TestResolveRelative(t *testing.T) {
	cases := []struct {
		page, ref, want string
		out             bool
	}{
		{"/a/b/", "c", "/a/b/c", false},
		{"/a/b/", "c/", "/a/b/c/", false},
		{"/a/b/", "../c/", "/a/c/", false},
		{"/a/b/", "../../c", "/c", false},
		{"/a/b/", "../../../c", "/c", true},
		{"/a/b.html", "c.html", "/a/c.html", false},
		{"/a/b/", "./", "/a/b/", false},
		{"/a/b/", ".", "/a/b/", false},
		{"/a/b/", "..", "/a/", false},
		{"/a/b/", "", "/a/b/", false},
		{"/a/b/", "/x/../y/", "/y/", false},
		{"/a/b/", "/../y", "/y", true},
		{"/a/b/", "c//d", "/a/b/c/d", false},
	}
	for _, c := range cases {
		got, out := ResolveRelative(c.page, c.ref)
		if got != c.want || out != c.out {
			t.Errorf("ResolveRelative(%q, %q) = %q, %v; want %q, %v", c.page, c.ref, got, out, c.want, c.out)
		}
	}
}

func TestScheme(t *testing.T) {
	for in, want := range map[string]string{
		"https://x": "https", "MAILTO:a@b": "mailto", "tel:+1": "tel", "/a:b": "", "a/b:c": "",
		"handbook/x": "", "#x": "", "c++:x": "c++", "1http://x": "", "": "",
	} {
		if got := Scheme(in); got != want {
			t.Errorf("Scheme(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMatchOwn(t *testing.T) {
	own := []OwnURL{
		{URL: "https://handbook.gitlab.com"},
		{URL: "https://about.gitlab.com", Paths: []string{"/handbook/", "/job-families/"}},
		{URL: "https://example.org/docs/"},
	}
	cases := []struct {
		in, want string
		ok       bool
	}{
		{"https://handbook.gitlab.com/handbook/values/#results", "/handbook/values/#results", true},
		{"https://handbook.gitlab.com", "/", true},
		{"http://HANDBOOK.gitlab.com/x?y=1#z", "/x?y=1#z", true},
		{"https://about.gitlab.com/handbook", "/handbook", true},
		{"https://www.about.gitlab.com/job-families/x/", "/job-families/x/", true},
		{"https://about.gitlab.com/pricing/", "", false},
		{"https://about.gitlab.com/handbookish/", "", false},
		{"https://example.org/docs/a/", "/docs/a/", true},
		{"https://example.org/blog/", "", false},
		{"https://gitlab.com/handbook/", "", false},
		{"https://handbook.gitlab.com.evil.example/x", "", false},
		{"https://user@handbook.gitlab.com/x", "", false},
		{"mailto:x@handbook.gitlab.com", "", false},
	}
	for _, c := range cases {
		got, ok := MatchOwn(c.in, own)
		if got != c.want || ok != c.ok {
			t.Errorf("MatchOwn(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}
