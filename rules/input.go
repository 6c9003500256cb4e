package rules

import (
	"unicode/utf8"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

var inputRule = &lint.Rule{
	ID:        "input",
	Title:     "a file is a readable markdown text within the size limit",
	Category:  lint.Structure,
	Severity:  lint.Error,
	OnSkipped: true,
	Doc: lint.Doc{
		Description: "ladderlint models markdown text. A file larger than `max_file_size` (5 MiB by default) is " +
			"reported and not parsed, as is a binary file (one with NUL bytes); a file with bytes that are not " +
			"UTF-8 is modelled, and the first invalid byte is reported, since the published page would show " +
			"replacement characters there. Two shapes no real page has are read only in part, so that every page " +
			"takes time linear in its size, and reported: lists or block quotes nested more than 100 deep (on one " +
			"line, or after 100 columns of indentation), and more than 256 link reference definitions without a " +
			"blank line between them.",
		Bad:  "---\ntitle: Caf\xe9\n---\n",
		Good: "---\ntitle: Café\n---\n",
	},
	Check: checkInput,
}

func init() { lint.Register(inputRule) }

func checkInput(p *lint.Pass) {
	f := p.File
	for _, is := range f.Issues {
		if is.Kind == "input" {
			p.Report(lint.Diagnostic{Span: is.Span, Message: is.Message, Subject: is.Message})
		}
	}
	if f.Skipped || utf8.Valid(f.Source.Text) {
		return
	}
	text := f.Source.Text
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRune(text[i:])
		if r == utf8.RuneError && n == 1 {
			p.Report(lint.Diagnostic{Span: model.Span{Start: i, End: i + 1}, Message: "invalid UTF-8: the file is not valid UTF-8 text from here on", Subject: "invalid utf-8"})
			return
		}
		i += n
	}
}
