package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/ntlnav/referat/internal/pdftext"
)

// rawText is the text of every line of every page as the extractor
// (internal/pdftext, in this process) lays it out, before referat's
// cleaning drops running heads, footers, page numbers and slide
// navigation by design: what the raw similarity compares with
// pdftotext. It returns "" when the file cannot be read.
func rawText(file string, timeout time.Duration) (text string, err error) {
	doc, err := readDoc(file, timeout)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for i := range doc.Pages {
		b.WriteString(rawPageText(&doc.Pages[i]))
	}
	return b.String(), nil
}

// readDoc reads file with the extractor in this process; a panic is an
// error.
func readDoc(file string, timeout time.Duration) (doc *pdftext.Document, err error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	defer func() {
		if p := recover(); p != nil {
			doc, err = nil, fmt.Errorf("panic: %v", p)
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	return pdftext.Read(ctx, data, pdftext.Options{})
}

// rawPageText is a page's lines, one a line; a table row's cell
// separators count as spaces.
func rawPageText(p *pdftext.Page) string {
	var b strings.Builder
	for _, l := range p.Lines {
		b.WriteString(strings.ReplaceAll(l.Text(), pdftext.CellSeparator, " "))
		b.WriteByte('\n')
	}
	return b.String()
}
