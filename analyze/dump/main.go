// Command dump prints the full analysis of documents and annotated
// meetings as JSON, one object per line, so that two versions of the
// analyzer can be compared byte for byte (scripts/check-analysis.sh):
//
//	referat extract --analyze=false FILE.pdf... > docs.jsonl
//	go run ./analyze/dump -docs docs.jsonl testdata/annotated/train > analysed.jsonl
//
// Each line is a document (from -docs, analysed with the built-in
// taxonomy) or an annotated meeting's cases (title and paragraphs, as
// `referat eval` analyses them), with the stems and term stems of every
// case's title and text beside it. It uses only the analyzer's exported
// API, so that it builds against older versions too.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/analyze"
)

func main() {
	docs := flag.String("docs", "", "JSON lines of documents, as `referat extract --analyze=false` prints them (default: none)")
	flag.Parse()
	if err := run(*docs, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "dump:", err)
		os.Exit(1)
	}
}

// A line is one analysed document or annotated meeting.
type line struct {
	ID        string                `json:"id"`
	Document  *referat.Document     `json:"document,omitempty"`
	Cases     []referat.Case        `json:"cases,omitempty"`
	Stems     [][]string            `json:"stems"`
	TermStems [][]string            `json:"term_stems"`
	Keywords  [][]string            `json:"keywords"`
	Topics    [][]referat.Topic     `json:"topics"`
	Said      [][]referat.Statement `json:"statements"`
}

func run(docs string, dirs []string) error {
	a := analyze.New(nil, analyze.Options{})
	out := bufio.NewWriter(os.Stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	// extras adds what the exported functions other than Case give.
	extras := func(l *line, cases []referat.Case) {
		for _, c := range cases {
			l.Stems = append(l.Stems, a.Stems(c.Title+"\n\n"+c.Text))
			l.TermStems = append(l.TermStems, a.TermStems(c.Title+"\n\n"+c.Text))
			l.Keywords = append(l.Keywords, a.Keywords(c.Title, c.Text))
			l.Topics = append(l.Topics, a.Topics(c.Title, c.Text))
			l.Said = append(l.Said, a.Statements(c.Text))
		}
	}
	if len(dirs) > 0 {
		gold, err := analyze.LoadGold(dirs...)
		if err != nil {
			return err
		}
		for _, m := range gold {
			l := line{ID: m.ID}
			for _, gc := range m.Cases {
				c := referat.Case{Title: gc.Title, Paragraphs: gc.Paragraphs, Text: strings.Join(gc.Paragraphs, "\n\n")}
				a.Case(&c)
				l.Cases = append(l.Cases, c)
			}
			extras(&l, l.Cases)
			if err := enc.Encode(l); err != nil {
				return err
			}
		}
	}
	if docs != "" {
		f, err := os.Open(docs)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 64<<20)
		for sc.Scan() {
			var d referat.Document
			if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
				return fmt.Errorf("%s: %w", docs, err)
			}
			a.Document(&d)
			l := line{ID: d.Source.Path, Document: &d}
			extras(&l, d.Cases)
			if err := enc.Encode(l); err != nil {
				return err
			}
		}
		if err := sc.Err(); err != nil {
			return err
		}
	}
	return out.Flush()
}
