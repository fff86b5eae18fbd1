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
// pdftotext. A table row's cell separators count as spaces. It returns
// "" when the file cannot be read.
func rawText(file string, timeout time.Duration) (text string, err error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return "", err
	}
	defer func() {
		if p := recover(); p != nil {
			text, err = "", fmt.Errorf("panic: %v", p)
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	doc, err := pdftext.Read(ctx, data, pdftext.Options{})
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, p := range doc.Pages {
		for _, l := range p.Lines {
			b.WriteString(strings.ReplaceAll(l.Text(), pdftext.CellSeparator, " "))
			b.WriteByte('\n')
		}
	}
	return b.String(), nil
}
