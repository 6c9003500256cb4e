// Command goldmark-read is the speed baseline of bench/speed.sh: it reads
// every markdown page below the given folders and parses it with goldmark,
// configured as ladderlint's model reads pages, and does nothing else.
package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/yuin/goldmark/text"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

func main() {
	n := 0
	for _, root := range os.Args[1:] {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".md.erb")) {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			model.Markdown.Parser().Parse(text.NewReader(data))
			n++
			return nil
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	fmt.Println(n, "pages parsed")
}
