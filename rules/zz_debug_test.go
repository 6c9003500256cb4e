package rules

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/worddiff"
)

func TestZZDebugSandwich(t *testing.T) {
	fh, _ := os.Open("/tmp/tune-pages.txt")
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		path := filepath.Join("/work/shared/corpus", sc.Text())
		src, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		f := model.Parse(path, src)
		bs := driftBullets(f, 2)
		byKey := map[string][]*driftBullet{}
		for _, b := range bs {
			byKey[b.key] = append(byKey[b.key], b)
		}
		for _, b := range bs {
			if b.owner == nil || len(byKey[b.key]) > 1 {
				continue
			}
			for _, r := range bs {
				if r.owner == b.owner || r.order >= b.order {
					continue
				}
				after := false
				for _, o := range byKey[r.key] {
					if o.order > b.order {
						after = true
					}
				}
				if !after {
					continue
				}
				_, bm, rm := midDiff(b.toks, r.toks)
				if len(bm) > 4 || len(rm) > 4 || len(bm)+len(rm) == 0 {
					continue
				}
				d := worddiff.CompareWith(b.text, r.text, worddiff.Options{FoldCase: true})
				fmt.Printf("%s:%d | %s\n", sc.Text(), f.Source.Position(b.b.Span.Start).Line, d.String())
				break
			}
		}
	}
}
