package lint

import (
	"errors"
	"fmt"
	"reflect"
	"regexp/syntax"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"gitlab.com/ladderlint/ladderlint/lint/prose"
)

// keyPath joins a key path the way a user writes it: "rules.misspelling.allow",
// "grades.tracks[0].steps".
func keyPath(parent, key string) string {
	if parent == "" {
		return key
	}
	return parent + "." + key
}

func indexPath(parent string, i int) string { return parent + "[" + strconv.Itoa(i) + "]" }

// suggestFrom returns ` (did you mean "x"?)` for the candidate nearest to
// name within a few edits (more for longer names), or "".
func suggestFrom(name string, candidates []string) string {
	limit := max(1, min(3, len(name)/3))
	for k := 1; k <= limit; k++ {
		for _, c := range candidates {
			if c != name && prose.WithinEdits(strings.ToLower(name), strings.ToLower(c), k) {
				return fmt.Sprintf(" (did you mean %q?)", c)
			}
		}
	}
	return ""
}

// checkDuplicateKeys reports the first key given twice in one mapping of
// the config (YAML would silently keep the last).
func checkDuplicateKeys(n *yaml.Node, path string) *ConfigError {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			if err := checkDuplicateKeys(c, path); err != nil {
				return err
			}
		}
	case yaml.MappingNode:
		first := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			p := keyPath(path, k.Value)
			if line, dup := first[k.Value]; dup {
				return &ConfigError{Line: k.Line, Key: p, Msg: fmt.Sprintf("given twice (first on line %d); keep one", line)}
			}
			first[k.Value] = k.Line
			if err := checkDuplicateKeys(n.Content[i+1], p); err != nil {
				return err
			}
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			if err := checkDuplicateKeys(c, indexPath(path, i)); err != nil {
				return err
			}
		}
	}
	return nil
}

var (
	durationType    = reflect.TypeOf(time.Duration(0))
	unmarshalerType = reflect.TypeOf((*yaml.Unmarshaler)(nil)).Elem()
)

// yamlFields returns the YAML keys of a struct type and their field indexes.
func yamlFields(t reflect.Type) (map[string]int, []string) {
	idx := map[string]int{}
	var names []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := strings.Split(f.Tag.Get("yaml"), ",")[0]
		if tag == "-" || !f.IsExported() {
			continue
		}
		if tag == "" {
			tag = strings.ToLower(f.Name)
		}
		idx[tag] = i
		names = append(names, tag)
	}
	sort.Strings(names)
	return idx, names
}

// expected names what a Go type takes, in the config's words.
func expected(t reflect.Type) string {
	if t == durationType {
		return "a duration (10s, 5m, 24h)"
	}
	switch t.Kind() {
	case reflect.Pointer:
		return expected(t.Elem())
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "a list of " + plural(expected(t.Elem()))
	case reflect.Map, reflect.Struct:
		return "a mapping of keys to values"
	}
	return "a value"
}

func plural(s string) string {
	switch {
	case strings.HasPrefix(s, "a list of "):
		return "lists of " + strings.TrimPrefix(s, "a list of ")
	case s == "true or false":
		return "booleans"
	case strings.HasPrefix(s, "a duration"):
		return "durations" + strings.TrimPrefix(s, "a duration")
	case s == "a mapping of keys to values":
		return "mappings"
	case strings.HasPrefix(s, "a "):
		return strings.TrimPrefix(s, "a ") + "s"
	}
	return s
}

// got describes a YAML node as the user wrote it.
func got(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return got(n.Alias)
	}
	switch n.Tag {
	case "!!int":
		return "the number " + n.Value
	case "!!float":
		return "the number " + n.Value
	case "!!bool":
		return n.Value
	case "!!null":
		return "nothing"
	}
	return strconv.Quote(n.Value)
}

// checkTypes checks a YAML node against the Go type it is decoded into, so
// that a mistake is reported on its own line with its whole key path and
// what was expected, instead of the decoder's words.
func checkTypes(n *yaml.Node, t reflect.Type, path string) *ConfigError {
	if n.Kind == yaml.AliasNode {
		return checkTypes(n.Alias, t, path)
	}
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(unmarshalerType) {
		return nil // the type reads itself and says what it wants
	}
	bad := func() *ConfigError {
		msg := fmt.Sprintf("expected %s, got %s", expected(t), got(n))
		if (t.Kind() == reflect.Slice) && n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
			msg += fmt.Sprintf("; a list of one is written [%s]", n.Value)
		}
		return &ConfigError{Line: n.Line, Key: path, Msg: msg}
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil // the default stays
	}
	if t == durationType {
		if n.Kind != yaml.ScalarNode {
			return bad()
		}
		if n.Tag == "!!int" && n.Value == "0" {
			return nil
		}
		if _, err := time.ParseDuration(n.Value); err != nil {
			return bad()
		}
		return nil
	}
	switch t.Kind() {
	case reflect.Interface:
		return nil
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			return bad()
		}
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			return bad()
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
			return bad()
		}
	case reflect.Float32, reflect.Float64:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" && n.Tag != "!!float" {
			return bad()
		}
	case reflect.Slice, reflect.Array:
		if n.Kind != yaml.SequenceNode {
			return bad()
		}
		for i, c := range n.Content {
			if err := checkTypes(c, t.Elem(), indexPath(path, i)); err != nil {
				return err
			}
		}
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			return bad()
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if err := checkTypes(n.Content[i+1], t.Elem(), keyPath(path, n.Content[i].Value)); err != nil {
				return err
			}
		}
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return bad()
		}
		idx, names := yamlFields(t)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			fi, ok := idx[k.Value]
			if !ok {
				return &ConfigError{Line: k.Line, Key: keyPath(path, k.Value),
					Msg: "unknown option" + suggestFrom(k.Value, names) + "; options: " + strings.Join(names, ", ")}
			}
			if err := checkTypes(n.Content[i+1], t.Field(fi).Type, keyPath(path, k.Value)); err != nil {
				return err
			}
		}
	}
	return nil
}

// locateOptionError places a rule's Validate error on the option it is
// about: the option value the message quotes (a regular expression that
// does not compile), else the option the message starts with ("min_share
// must be ..."). It returns the line, the key path and the message.
func locateOptionError(opts *yaml.Node, rulePath string, ruleLine int, err error) (int, string, string) {
	msg := err.Error()
	var se *syntax.Error
	quoted := ""
	if errors.As(err, &se) {
		quoted = se.Expr
		msg = fmt.Sprintf("%q is not a valid regular expression: %s", se.Expr, se.Code)
	}
	msg = strings.Replace(msg, "error parsing regexp: ", "not a valid regular expression: ", 1)
	line, key := 0, ""
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		if line != 0 {
			return
		}
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				walk(n.Content[i+1], keyPath(path, n.Content[i].Value))
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				walk(c, indexPath(path, i))
			}
		case yaml.ScalarNode:
			if n.Value == "" {
				return
			}
			if quoted != "" && n.Value == quoted || quoted == "" && (strings.Contains(msg, strconv.Quote(n.Value)) || strings.Contains(msg, "`"+n.Value+"`")) {
				line, key = n.Line, path
			}
		}
	}
	walk(opts, rulePath)
	if line == 0 {
		// the option the message names first
		for i := 0; i+1 < len(opts.Content); i += 2 {
			k := opts.Content[i]
			if strings.HasPrefix(msg, k.Value+" ") || strings.HasPrefix(msg, k.Value+":") {
				line, key = k.Line, keyPath(rulePath, k.Value)
				break
			}
		}
	}
	if line == 0 {
		return ruleLine, rulePath, msg
	}
	// "qualifier: ..." on rules.x.qualifier would say the option twice
	if last := key[strings.LastIndex(key, ".")+1:]; !strings.Contains(last, "[") {
		msg = strings.TrimPrefix(msg, last+": ")
	}
	return line, key, msg
}
