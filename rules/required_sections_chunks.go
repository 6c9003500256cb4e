package rules

import (
	"net/url"
	"strings"

	"gitlab.com/ladderlint/ladderlint/schema"
)

// chunkSafe reports whether a required-sections schema (doc, decoded JSON)
// gives the same errors for a page's summary validated whole as for the
// summary validated a group of roles at a time (each group with the
// family's path, title and sections), once the errors outside the roles
// are counted once: the roles array is only constrained item by item
// ("items", "type"), and no keyword combines its items' results in a way
// that grouping changes (anyOf with more than one branch about the roles,
// oneOf or not about the roles, an if about the roles, a whole-value
// comparison such as const). It answers false for anything it does not
// know, and for references other than local JSON pointers.
func chunkSafe(doc any) bool {
	c := chunkCheck{doc: doc, active: map[string]bool{}}
	if !c.noForeignIDs(doc, true) {
		return false
	}
	return c.safe(doc, false)
}

type chunkCheck struct {
	doc    any
	active map[string]bool // references being followed (a cycle is unsafe)
}

// annotations are keywords that constrain nothing.
var chunkAnnotations = map[string]bool{
	"$schema": true, "$id": true, "$comment": true, "title": true, "description": true, "default": true,
	"examples": true, "deprecated": true, "readOnly": true, "writeOnly": true, "$defs": true, "definitions": true,
	"$vocabulary": true, "format": true,
}

// noForeignIDs reports whether no subschema but the root sets $id or an
// anchor (they would change what a reference means).
func (c *chunkCheck) noForeignIDs(v any, root bool) bool {
	switch x := v.(type) {
	case map[string]any:
		for k, sub := range x {
			if !root && (k == "$id" || k == "id") || k == "$anchor" || k == "$dynamicAnchor" || k == "$recursiveAnchor" {
				return false
			}
			if !c.noForeignIDs(sub, false) {
				return false
			}
		}
	case []any:
		for _, sub := range x {
			if !c.noForeignIDs(sub, false) {
				return false
			}
		}
	}
	return true
}

// ref resolves a local reference ("#/$defs/x"), or returns false.
func (c *chunkCheck) ref(v any) (any, string, bool) {
	r, ok := v.(string)
	if !ok || !strings.HasPrefix(r, "#") {
		return nil, "", false
	}
	ptr, err := url.PathUnescape(r[1:])
	if err != nil || ptr != "" && !strings.HasPrefix(ptr, "/") {
		return nil, "", false
	}
	target := schema.Resolve(c.doc, ptr)
	if target == nil {
		return nil, "", false
	}
	return target, ptr, true
}

// safe reports whether schema s, applied to the summary object (roles
// false) or to its roles array (roles true), validates alike whole and by
// groups of roles.
func (c *chunkCheck) safe(s any, roles bool) bool {
	m, ok := s.(map[string]any)
	if !ok {
		_, isBool := s.(bool)
		return isBool
	}
	for k, sub := range m {
		if chunkAnnotations[k] {
			continue
		}
		if k == "$ref" {
			target, ptr, ok := c.ref(sub)
			if !ok || c.active[ptr] {
				return false
			}
			c.active[ptr] = true
			safe := c.safe(target, roles)
			delete(c.active, ptr)
			if !safe {
				return false
			}
			continue
		}
		if roles {
			// the roles array: item by item only
			switch k {
			case "type":
			case "items":
				if _, isList := sub.([]any); isList {
					return false // a tuple: positions count
				}
			case "allOf":
				list, ok := sub.([]any)
				if !ok {
					return false
				}
				for _, x := range list {
					if !c.safe(x, true) {
						return false
					}
				}
			default:
				return false
			}
			continue
		}
		switch k {
		case "type", "required", "minProperties", "maxProperties", "propertyNames":
			// about the object's keys: every group has them all
		case "properties":
			props, ok := sub.(map[string]any)
			if !ok {
				return false
			}
			if r, ok := props["roles"]; ok && !c.safe(r, true) {
				return false
			}
		case "allOf", "anyOf", "oneOf":
			list, ok := sub.([]any)
			if !ok {
				return false
			}
			about := 0
			for _, x := range list {
				if !c.safe(x, false) {
					return false
				}
				if c.touches(x) {
					about++
				}
			}
			// allOf holds in the whole when it holds in every group; anyOf
			// too when a single branch is about the roles; oneOf never
			if k == "anyOf" && about > 1 || k == "oneOf" && about > 0 {
				return false
			}
		case "not", "if":
			if c.touches(sub) || !c.safe(sub, false) {
				return false
			}
		case "then", "else":
			if !c.safe(sub, false) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// touches reports whether schema s, applied to the summary object,
// constrains its roles (or may: anything it does not know).
func (c *chunkCheck) touches(s any) bool {
	m, ok := s.(map[string]any)
	if !ok {
		return false
	}
	for k, sub := range m {
		if chunkAnnotations[k] {
			continue
		}
		switch k {
		case "type", "required", "minProperties", "maxProperties", "propertyNames":
		case "properties":
			props, ok := sub.(map[string]any)
			if !ok {
				return true
			}
			if _, ok := props["roles"]; ok {
				return true
			}
		case "allOf", "anyOf", "oneOf":
			list, ok := sub.([]any)
			if !ok {
				return true
			}
			for _, x := range list {
				if c.touches(x) {
					return true
				}
			}
		case "not", "if", "then", "else":
			if c.touches(sub) {
				return true
			}
		case "$ref":
			target, ptr, ok := c.ref(sub)
			if !ok || c.active[ptr] {
				return true
			}
			c.active[ptr] = true
			t := c.touches(target)
			delete(c.active, ptr)
			if t {
				return true
			}
		default:
			return true
		}
	}
	return false
}
