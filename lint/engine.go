package lint

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"

	"gitlab.com/ladderlint/ladderlint/internal/fsutil"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// Finding is one reported problem, as reporters print it.
type Finding struct {
	Rule        string   `json:"rule"`
	Severity    Severity `json:"severity"`
	Message     string   `json:"message"`
	Path        string   `json:"path"`
	Line        int      `json:"line"`
	Column      int      `json:"column"`
	EndLine     int      `json:"end_line"`
	EndColumn   int      `json:"end_column"`
	Fingerprint string   `json:"fingerprint"`
	Role        string   `json:"role,omitempty"`
	Diff        string   `json:"diff,omitempty"`

	Subject string   `json:"-"` // what the fingerprint is derived from
	Fixes   []Edit   `json:"-"` // edits in the file's normalized source
	Covers  []string `json:"-"` // other rules whose defect the finding also reports
	// Through is the last line of the text the finding stands for when a
	// rule reports a run once (Diagnostic.Extent); 0 otherwise.
	Through int `json:"-"`
	// Places are the lines of the other places the finding reports at once
	// (Diagnostic.Places), sorted, without Line; nil otherwise.
	Places []int `json:"-"`
	// AlsoRoles are other roles the finding is about (Diagnostic.AlsoRoles)
	AlsoRoles []string `json:"-"`
	Offset    int      `json:"-"` // byte offset of the start, for fixes and sorting
	EndOff    int      `json:"-"`
}

// Input is a file to lint: its path as the user named it (kept for
// reports) and, for tests, its content.
type Input struct {
	Path string
	Data []byte // nil: read Path from disk
}

// FileResult is what the run knows of one file.
type FileResult struct {
	Path    string
	Family  *model.Family // nil when the file was skipped before modelling
	Checked []string      // IDs of the rules run on the file (for JUnit)

	// Summarized is set on a file the run did not read: its findings are
	// not reported (Engine.Reported) and the cache held every summary the
	// cross-file rules need of it, so that Family is a stand-in holding
	// the path only.
	Summarized bool

	// summaries are the per-file stage (Rule.Collect) of the cross-file
	// rules, by rule
	summaries map[*Rule]any
}

// Result is the outcome of a run.
type Result struct {
	Files    []*FileResult
	Findings []Finding // sorted by path, line, column, rule
	// Internal holds errors of the run itself (a panic in a rule): the run
	// finishes the other files, and the CLI exits 2.
	Internal []error
	// Notes say what the run did not check and why (no content root for
	// the link rules, the network down for link-external): the CLI prints
	// each once on stderr and the JSON report carries them.
	Notes []Note
}

// Note is a run-level remark that is not a finding about a page: a check
// that did not run, why, and how to turn it on.
type Note struct {
	Rule    string `json:"rule,omitempty"`
	Message string `json:"message"`
}

// notes collects a run's notes, one per key.
type notes struct {
	mu    sync.Mutex
	byKey map[string]Note
}

func (e *Env) notes() *notes {
	return e.Shared("lint/notes", func() any { return &notes{byKey: map[string]Note{}} }).(*notes)
}

// Note records a run-level note under key. A key noted again (a remark
// true of many files) keeps one message: the first in sort order, so that
// what is said does not depend on the order files were linted in.
func (e *Env) Note(key string, n Note) {
	ns := e.notes()
	ns.mu.Lock()
	defer ns.mu.Unlock()
	if old, ok := ns.byKey[key]; ok && old.Message <= n.Message {
		return
	}
	ns.byKey[key] = n
}

// Notes returns the notes recorded so far, by key.
func (e *Env) Notes() []Note {
	ns := e.notes()
	ns.mu.Lock()
	defer ns.mu.Unlock()
	keys := make([]string, 0, len(ns.byKey))
	for k := range ns.byKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]Note, 0, len(keys))
	for _, k := range keys {
		out = append(out, ns.byKey[k])
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// ReadError is an input that cannot be read; the CLI exits 2 with it.
type ReadError struct {
	Path string
	Err  error
}

func (e *ReadError) Error() string { return fmt.Sprintf("%s: %v", e.Path, e.Err) }
func (e *ReadError) Unwrap() error { return e.Err }

// Engine runs the enabled rules of a config.
type Engine struct {
	Config  *Config
	Workers int // 0: GOMAXPROCS
	// KeepModels keeps each page's model whole, with what rules built on
	// it (their memoized words and texts), after the page's per-file
	// rules: for callers that look at the models again (ladderlint ladder,
	// changes, the language server's re-finish, tests that read
	// Result.Files' models). Off for lint: the caches are released and,
	// when every cross-file rule allows it (Rule.SlimModels), the page is
	// slimmed (model.Family.Slim), so that memory no longer grows with
	// every page's prose.
	KeepModels bool
	// Reported, when set, names the files whose findings the caller keeps
	// (--new-from-rev: the changed ones). The other files are modelled and
	// give the cross-file rules their per-file stage, but their per-file
	// rules do not run and no finding on them is made: the findings on the
	// reported files are the same as in a run that checks everything.
	Reported func(path string) bool
	// Cache, when set (OpenCache), gives the cross-file rules' per-file
	// summaries of files unchanged since an earlier run, and keeps this
	// run's for the next (Cache.Save).
	Cache *Cache
	rules []*activeRule
	Env   *Env
	// slim: every cross-file rule's merge stage reads only slim models
	slim bool
}

type activeRule struct {
	rule     *Rule
	severity Severity // configured or default
	fixed    bool     // severity set by config, overriding diagnostic severities
	opts     any
	local    bool // a cross-file rule that, with these options, looks at one file at a time
}

// NewEngine prepares the enabled rules of cfg (options decoded and checked).
func NewEngine(cfg *Config) (*Engine, error) {
	e := &Engine{Config: cfg, Env: NewEnv(cfg)}
	for _, r := range Rules() {
		sev := cfg.Severity(r)
		if sev == 0 {
			continue
		}
		opts, err := cfg.RuleOptions(r)
		if err != nil {
			return nil, err
		}
		local := r.CrossFile() && r.Local != nil && r.Local(opts)
		e.rules = append(e.rules, &activeRule{rule: r, severity: sev, fixed: cfg.Configured(r), opts: opts, local: local})
	}
	e.slim = true
	for _, a := range e.rules {
		if a.rule.CrossFile() && !a.local && !a.rule.SlimModels {
			e.slim = false
		}
	}
	return e, nil
}

// Enabled returns the IDs of the rules the engine runs.
func (e *Engine) Enabled() []string {
	var ids []string
	for _, a := range e.rules {
		ids = append(ids, a.rule.ID)
	}
	return ids
}

// Run lints the inputs: every file is read and modelled once, in parallel;
// per-file rules run right after; cross-file rules run on all models at the
// end. A file that cannot be read stops the run with a *ReadError.
func (e *Engine) Run(ctx context.Context, inputs []Input) (*Result, error) {
	workers := e.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	e.prefetch(inputs)
	prepared := make([]*Prepared, len(inputs))
	var firstErr error
	var errMu sync.Mutex

	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				p, err := e.Prepare(inputs[i])
				if err != nil {
					errMu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					errMu.Unlock()
				}
				prepared[i] = p
			}
		}()
	}
	for i := range inputs {
		if ctx.Err() != nil {
			break
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return e.finish(prepared, true), nil
}

// prefetch starts the rules' Prefetch when some input is reported.
func (e *Engine) prefetch(inputs []Input) {
	for _, in := range inputs {
		if e.Reported == nil || e.Reported(DisplayPath(in.Path)) {
			for _, a := range e.rules {
				if a.rule.Prefetch != nil {
					go a.rule.Prefetch()
				}
			}
			return
		}
	}
}

// Prepared is one file read, modelled and checked by the per-file rules:
// the first half of a run. A caller that lints the same files again (the
// language server, which re-lints one open page among the handbook's) keeps
// the Prepared of the files that did not change and passes them to Finish.
type Prepared struct {
	File     *FileResult
	Findings []Finding // per-file rules' findings, suppression applied
	Internal []error
}

// Prepare reads, models and checks one file with the per-file rules. A file
// that cannot be read is a *ReadError.
func (e *Engine) Prepare(in Input) (*Prepared, error) {
	fr, fs, errs, err := e.lintOne(in)
	if err != nil {
		return nil, err
	}
	return &Prepared{File: fr, Findings: fs, Internal: errs}, nil
}

// Finish completes a run over prepared files, in order: cross-file rules,
// sorting and fingerprints. The prepared values are not changed, so that
// they can be finished again with other files.
func (e *Engine) Finish(prepared []*Prepared) *Result {
	return e.finish(prepared, false)
}

// finish is Finish; own says the prepared values are the caller's to
// change: each file's findings are let go once copied, so that a run does
// not hold them twice while its cross-file rules run.
func (e *Engine) finish(prepared []*Prepared, own bool) *Result {
	res := &Result{Files: make([]*FileResult, len(prepared))}
	n := 0
	for _, p := range prepared {
		n += len(p.Findings)
	}
	if n > 0 {
		res.Findings = make([]Finding, 0, n)
	}
	for i, p := range prepared {
		res.Files[i] = p.File
		res.Findings = append(res.Findings, p.Findings...)
		res.Internal = append(res.Internal, p.Internal...)
		if own {
			p.Findings = nil
		}
	}
	res.Findings = append(res.Findings, e.crossFile(res)...)
	finalize(res.Findings)
	res.Notes = e.Env.Notes()
	return res
}

// maxReadSize is the most read of a file before the size cap rejects it.
func (e *Engine) maxSize() int64 {
	return fsutil.Limit(e.Config.MaxFileSize)
}

// lintOne reads, models and checks one file.
func (e *Engine) lintOne(in Input) (*FileResult, []Finding, []error, error) {
	path := DisplayPath(in.Path)
	fr := &FileResult{Path: path}
	data := in.Data
	var cc *cacheCtx
	if data == nil {
		var err error
		cc = e.cacheCtx(in.Path)
		if e.fromCache(fr, cc) {
			return fr, nil, nil, nil
		}
		data, err = readLimited(in.Path, e.maxSize())
		if cc != nil && stampOf(in.Path) != cc.stamp {
			cc.stamp.ok = false // changed while read: neither used nor kept
		}
		if fsutil.IsTooLarge(err) {
			f := skipped(path, fmt.Sprintf("file is larger than the %d-byte limit (max_file_size); not parsed", e.maxSize()))
			fr.Family = f
			fs, errs := e.check(fr, f, nil)
			return fr, fs, errs, nil
		}
		if err != nil {
			return nil, nil, nil, &ReadError{Path: path, Err: unwrapPathError(err)}
		}
	} else if int64(len(data)) > e.maxSize() {
		f := skipped(path, fmt.Sprintf("file is larger than the %d-byte limit (max_file_size); not parsed", e.maxSize()))
		fr.Family = f
		fs, errs := e.check(fr, f, nil)
		return fr, fs, errs, nil
	}
	var f *model.Family
	var parseErr error
	if reason := binaryReason(data); reason != "" {
		f = skipped(path, reason)
	} else if parseErr = safeRun("the model builder", path, func() { f = model.Parse(path, data) }); parseErr != nil {
		// a panic in a worker would end the whole run: report it, go on
		f = skipped(path, "not modelled: ladderlint failed on this file (an internal error)")
	}
	fr.Family = f
	fs, errs := e.check(fr, f, cc)
	if !e.KeepModels {
		f.ReleaseMemos()
		if e.slim {
			f.Slim()
		}
	}
	if parseErr != nil {
		errs = append([]error{parseErr}, errs...)
	}
	return fr, fs, errs, nil
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// skipped returns the model of a file that is not parsed, carrying the
// reason as an input issue.
func skipped(path, reason string) *model.Family {
	f := &model.Family{Path: path, Source: model.NewSource(nil), Skipped: true}
	f.Issues = append(f.Issues, &model.ParseIssue{Kind: "input", Message: reason, Span: model.Span{}})
	return f
}

// binaryReason tells why content is not a markdown text, or "".
func binaryReason(data []byte) string { return NotText(data) }

// NotText tells why content cannot be read as a markdown page, or "": a
// UTF-16 text (by its byte-order mark, or NULs in every other byte of
// ASCII text) is named as such, with UTF-8 asked for; other content with
// NUL bytes is binary. Bytes that are merely not UTF-8 are left to the
// input rule, which reports where they are.
func NotText(data []byte) string {
	head := data
	if len(head) > 8000 {
		head = head[:8000]
	}
	if enc := utf16Kind(head); enc != "" {
		return "file is UTF-16 text (" + enc + "); ladderlint reads UTF-8: save it as UTF-8; not parsed"
	}
	if i := bytes.IndexByte(head, 0); i >= 0 {
		return "file holds NUL bytes: a binary file, not markdown; not parsed"
	}
	return ""
}

// utf16Kind returns "little-endian" or "big-endian" for UTF-16 text, else "".
func utf16Kind(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(head, []byte{0xFF, 0xFE, 0, 0}):
		return "little-endian"
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return "big-endian"
	}
	// no byte-order mark: mostly ASCII text with a NUL beside each byte
	if len(head) < 4 {
		return ""
	}
	n := len(head) &^ 1
	var evenNUL, oddNUL int
	for i := 0; i < n; i += 2 {
		if head[i] == 0 && head[i+1] != 0 {
			evenNUL++
		}
		if head[i+1] == 0 && head[i] != 0 {
			oddNUL++
		}
	}
	pairs := n / 2
	switch {
	case oddNUL*10 >= pairs*9:
		return "little-endian"
	case evenNUL*10 >= pairs*9:
		return "big-endian"
	}
	return ""
}

// readLimited reads a page; see fsutil.ReadLimited.
func readLimited(path string, max int64) ([]byte, error) { return fsutil.ReadLimited(path, max) }

// check runs the per-file rules on one model and returns its findings,
// suppression applied.
func (e *Engine) check(fr *FileResult, f *model.Family, cc *cacheCtx) ([]Finding, []error) {
	// each finding is made, and the page's directives applied, as it is
	// reported, so that a rule that reports a defect thousands of times
	// on a page keeps no more than the cap of them
	page := &pageFindings{file: f}
	found := 0 // findings reported so far, turned off or not
	var errs []error
	reported := e.Reported == nil || e.Reported(fr.Path)
	cached := e.Cache.lookup(cc.abs(), cc.stampOrZero(), !reported)
	var keep map[string][]byte // summaries for the cache
	anyHit := false
	for _, a := range e.rules {
		if a.rule.CrossFile() {
			continue
		}
		if f.Skipped && !a.rule.OnSkipped {
			continue
		}
		if !reported {
			continue
		}
		fr.Checked = append(fr.Checked, a.rule.ID)
		a := a
		p := &Pass{Rule: a.rule, File: f, Options: a.opts, Config: e.Config, Env: e.Env}
		p.report = func(d Diagnostic) { found++; page.add(makeFinding(a, d)) }
		if err := safeRun("rule "+a.rule.ID, f.Path, func() { a.rule.Check(p) }); err != nil {
			errs = append(errs, err)
		}
	}
	// the cross-file rules' per-file stage: a rule local to each file runs
	// whole here; another collects the page's summary (crossOrder: the
	// local ones first)
	order := e.crossOrder()
	fewFrom := fewMemosFrom(order)
	for i, a := range order {
		if f.Skipped {
			continue
		}
		if i == fewFrom && !e.KeepModels {
			// the stages left ask few memos: the words of every block
			// are not held while they build their own indexes
			f.ReleaseMemos()
		}
		fr.Checked = append(fr.Checked, a.rule.ID)
		a := a
		switch {
		case a.local && !reported:
		case a.local:
			p := &SetPass{Rule: a.rule, Files: []*model.Family{f}, Options: a.opts, Config: e.Config, Env: e.Env}
			p.report = func(d Diagnostic) {
				if d.File == f {
					found++
					page.add(makeFinding(a, d))
				}
			}
			p.unlisted = func(file *model.Family, n map[Severity]int) {
				if file == f {
					addUnlisted(page, a, n)
				}
			}
			if err := safeRun("rule "+a.rule.ID, f.Path, func() { a.rule.CheckAll(p) }); err != nil {
				errs = append(errs, err)
			}
		case a.rule.Collect != nil && cc != nil && a.rule.EncodeSummary != nil:
			v, b, hit := e.cachedSummary(a.rule, cached)
			if !hit {
				n := found
				p := &Pass{Rule: a.rule, File: f, Options: a.opts, Config: e.Config, Env: e.Env, Unreported: !reported}
				p.report = func(d Diagnostic) { found++; page.add(makeFinding(a, d)) }
				if err := safeRun("rule "+a.rule.ID, f.Path, func() { v = a.rule.Collect(p) }); err != nil {
					errs = append(errs, err)
					continue
				}
				if found > n {
					// a summary whose stage reported findings is not
					// kept: a hit would not report them again
					cc.stamp.ok = false
				}
			}
			ok := hit
			anyHit = anyHit || hit
			if !hit {
				b, ok = a.rule.EncodeSummary(v)
			}
			if ok {
				if keep == nil {
					keep = map[string][]byte{}
				}
				keep[a.rule.ID] = b
			}
			if fr.summaries == nil {
				fr.summaries = map[*Rule]any{}
			}
			fr.summaries[a.rule] = v
		case a.rule.Collect != nil:
			p := &Pass{Rule: a.rule, File: f, Options: a.opts, Config: e.Config, Env: e.Env, Unreported: !reported}
			p.report = func(d Diagnostic) { found++; page.add(makeFinding(a, d)) }
			var v any
			if err := safeRun("rule "+a.rule.ID, f.Path, func() { v = a.rule.Collect(p) }); err != nil {
				errs = append(errs, err)
				continue
			}
			if fr.summaries == nil {
				fr.summaries = map[*Rule]any{}
			}
			fr.summaries[a.rule] = v
		}
	}
	if cc != nil {
		e.Cache.store(cc.absPath, cc.stamp, !reported, keep, anyHit)
	}
	sort.Strings(fr.Checked)
	return page.findings(), errs
}

// crossOrder returns the cross-file rules in the order their per-file
// stages run on a page: those local to each file (run whole there,
// keeping nothing) first, then those that collect a summary and ask many
// memos, then those that ask few (Rule.FewMemos), each in the engine's
// order. A local rule's own index of the page (term-consistency's
// phrases, 8 MB on a page of 20,000 graded levels) is then made before
// the page's summaries are held, not on top of them; and the stages that
// ask few memos run together at the end, after the memos are released
// (the words of every block, 15-17 MB on that page). The findings are the
// same in any order (finalize sorts them; each rule's cap counts its own).
func (e *Engine) crossOrder() []*activeRule {
	var order []*activeRule
	for _, kind := range []int{0, 1, 2} {
		for _, a := range e.rules {
			k := 2
			switch {
			case a.local:
				k = 0
			case !a.rule.FewMemos:
				k = 1
			}
			if a.rule.CrossFile() && k == kind {
				order = append(order, a)
			}
		}
	}
	return order
}

// fewMemosFrom returns the index in order of the first stage from which on
// every stage asks few memos (Rule.FewMemos), or -1 when the last one does
// not.
func fewMemosFrom(order []*activeRule) int {
	from := -1
	for i := len(order) - 1; i >= 0; i-- {
		if !order[i].rule.FewMemos {
			break
		}
		from = i
	}
	return from
}

// safeRun runs fn, turning a panic into an internal error naming what
// panicked (a rule, the model builder) and the file.
func safeRun(what, path string, fn func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %s panicked on %s: %v\n%s", what, path, r, firstFrames(debug.Stack()))
		}
	}()
	fn()
	return nil
}

func firstFrames(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	if len(lines) > 16 {
		lines = lines[:16]
	}
	return strings.Join(lines, "\n")
}

// crossFile runs the cross-file rules over every modelled file.
func (e *Engine) crossFile(res *Result) []Finding {
	var files []*model.Family
	byFile := map[*model.Family]bool{}
	summaries := map[*Rule]map[*model.Family]any{}
	for _, fr := range res.Files {
		if fr != nil && fr.Family != nil && !fr.Family.Skipped {
			files = append(files, fr.Family)
			byFile[fr.Family] = true
			for r, v := range fr.summaries {
				if summaries[r] == nil {
					summaries[r] = map[*model.Family]any{}
				}
				summaries[r][fr.Family] = v
			}
		}
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	perFile := map[*model.Family]*pageFindings{}
	for _, a := range e.rules {
		if !a.rule.CrossFile() || a.local {
			continue
		}
		a := a
		p := &SetPass{Rule: a.rule, Files: files, Options: a.opts, Config: e.Config, Env: e.Env, summaries: summaries[a.rule], reported: e.Reported}
		p.report = func(d Diagnostic) {
			if !byFile[d.File] || e.Reported != nil && !e.Reported(d.File.Path) {
				return
			}
			pf := perFile[d.File]
			if pf == nil {
				pf = &pageFindings{file: d.File}
				perFile[d.File] = pf
			}
			pf.add(makeFinding(a, d))
		}
		p.unlisted = func(file *model.Family, n map[Severity]int) {
			if !byFile[file] || e.Reported != nil && !e.Reported(file.Path) {
				return
			}
			pf := perFile[file]
			if pf == nil {
				pf = &pageFindings{file: file}
				perFile[file] = pf
			}
			addUnlisted(pf, a, n)
		}
		if err := safeRun("rule "+a.rule.ID, "all files", func() { a.rule.CheckAll(p) }); err != nil {
			res.Internal = append(res.Internal, err)
		}
	}
	var out []Finding
	for _, f := range files {
		if pf := perFile[f]; pf != nil {
			out = append(out, pf.findings()...)
		}
	}
	return out
}

// addUnlisted counts findings of a rule that SetPass.ReportHeld left out on
// a page, by their diagnostics' severity, at the severity makeFinding gives.
func addUnlisted(pf *pageFindings, a *activeRule, n map[Severity]int) {
	for dsev, k := range n {
		sev := a.severity
		if !a.fixed && dsev != 0 {
			sev = dsev
		}
		pf.addUnlisted(a.rule.ID, k, sev)
	}
}

// makeFinding turns a diagnostic into a finding: position, severity, role.
// The fingerprint is set later, once all findings are known.
func makeFinding(a *activeRule, d Diagnostic) Finding {
	f := d.File
	src := f.Source
	sp := d.Span
	if sp.Start < 0 {
		sp.Start = 0
	}
	if sp.End < sp.Start {
		sp.End = sp.Start
	}
	if sp.End > len(src.Text) {
		sp.End = len(src.Text)
	}
	if sp.Start > sp.End {
		sp.Start = sp.End
	}
	start, end := src.Position(sp.Start), src.Position(sp.End)
	sev := a.severity
	if !a.fixed && d.Severity != 0 {
		sev = d.Severity
	}
	fd := Finding{
		Rule: a.rule.ID, Severity: sev, Message: capMessage(d.Message), Path: f.Path,
		Line: start.Line, Column: start.Column, EndLine: end.Line, EndColumn: end.Column,
		Diff: d.Diff, Subject: d.Subject, Fixes: d.Fixes, Covers: d.Covers, Offset: sp.Start, EndOff: sp.End,
		AlsoRoles: d.AlsoRoles,
	}
	if x := d.Extent; x.End > x.Start && x.End <= len(src.Text) {
		if last := src.Position(x.End - 1).Line; last > fd.Line {
			fd.Through = last
		}
	}
	for _, pl := range d.Places {
		if pl.Start < 0 || pl.Start >= len(src.Text) {
			continue
		}
		if l := src.Position(pl.Start).Line; l != fd.Line && !slices.Contains(fd.Places, l) {
			fd.Places = append(fd.Places, l)
		}
	}
	slices.Sort(fd.Places)
	role := d.Role
	if role == nil {
		role = f.RoleAt(sp.Start)
	}
	if role != nil {
		fd.Role = role.Title
	}
	if fd.Subject == "" {
		fd.Subject = collapse(string(src.Text[sp.Start:sp.End]))
		if fd.Subject == "" {
			fd.Subject = d.Message
		}
	}
	return fd
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// finalize sorts findings and gives each its fingerprint: derived from path,
// rule, role and subject (never the line), with an occurrence count for
// findings that share all of these.
func finalize(fs []Finding) {
	SortFindings(fs)
	seen := map[string]int{}
	stable := stablePaths()
	for i := range fs {
		f := &fs[i]
		key := stable(f.Path) + "\x00" + f.Rule + "\x00" + f.Role + "\x00" + f.Subject
		n := seen[key]
		seen[key] = n + 1
		h := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d", key, n)))
		f.Fingerprint = hex.EncodeToString(h[:16])
	}
}

// stablePaths returns how a finding's path enters its fingerprint: relative
// to the repository root (the nearest folder above the current one holding
// .git), so that a baseline made from the root matches a run from content/;
// outside a repository, the path as reported.
func stablePaths() func(string) string {
	wd, err := os.Getwd()
	if err != nil {
		return func(p string) string { return p }
	}
	root := RepoRoot(wd)
	if root == "" {
		return func(p string) string { return p }
	}
	return func(p string) string {
		abs := p
		if !filepath.IsAbs(p) {
			abs = filepath.Join(wd, p)
		}
		if rel, err := filepath.Rel(root, abs); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
		return p
	}
}

// SortFindings orders findings by path, line, column, rule, then message.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
}

// Summary counts findings per severity.
func Summary(fs []Finding) map[Severity]int {
	m := map[Severity]int{Error: 0, Warning: 0, Info: 0}
	for _, f := range fs {
		m[f.Severity]++
	}
	return m
}
