// Package testpdf makes the test PDFs of this repository from annotated
// meetings (testdata/samples/FORMAT.md), with several real producers, so
// that anyone can see how each test file was made and make it again:
//
//	go run ./internal/testpdf/gen            # writes testdata/pdf/...
//
// Producers: LibreOffice Writer (TrueType subsets with ToUnicode, justified
// and hyphenated text), ghostscript from PostScript (Type 1 fonts with a
// Latin-1 encoding, ragged text, word positions instead of spaces) and
// go-pdf/fpdf (a UTF-8 TrueType font embedded as CID / Identity-H).
package testpdf

import (
	"sort"
	"strings"

	"github.com/ntlnav/referat/analyze"
)

// A Meeting is an annotated meeting as in testdata/samples/FORMAT.md.
type Meeting = analyze.GoldMeeting

// A Case is one annotated case.
type Case = analyze.GoldCase

// LoadMeetings reads every *.json meeting in the given folders, sorted by
// id (the order gives each meeting its layout).
func LoadMeetings(dirs ...string) ([]Meeting, error) {
	out, err := analyze.LoadGold(dirs...)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, err
}

// Layout choices that vary between test files.
type Layout struct {
	HeadingTitles bool    // case titles on a bold line of their own; else bold at the start of the first paragraph
	PageHeight    float64 // points; A4 is 842, A5 595
	PageWidth     float64
}

// LayoutFor picks the layout of meeting number i, so that every producer
// makes files of both title styles and several page sizes.
func LayoutFor(i int) Layout {
	l := Layout{HeadingTitles: i%2 == 1, PageWidth: 595, PageHeight: 842}
	if i%3 == 2 {
		l.PageWidth, l.PageHeight = 420, 595 // A5: more page breaks inside cases
	}
	return l
}

// PrintedTitle is a case title as printed: an inline title ends with a
// period unless it is a question.
func PrintedTitle(t string, inline bool) string {
	if inline && !strings.HasSuffix(t, "?") && !strings.HasSuffix(t, ".") {
		return t + "."
	}
	return t
}

// Expected is what a perfect extraction of one test file gives.
type Expected struct {
	File     string         `json:"file"`
	Producer string         `json:"producer"`
	Meeting  string         `json:"meeting"`
	Date     string         `json:"date"`
	Title    string         `json:"title"`
	Cases    []ExpectedCase `json:"cases"`
}

// ExpectedCase is one case of Expected.
type ExpectedCase struct {
	Title      string   `json:"title"`
	Paragraphs []string `json:"paragraphs"`
}

// Expect returns the expectation for meeting m made by producer into file,
// with date the date the file carries (in its text or its metadata).
func Expect(m Meeting, producer, file, date string) Expected {
	e := Expected{File: file, Producer: producer, Meeting: m.ID, Date: date, Title: m.Header}
	for _, c := range m.Cases {
		e.Cases = append(e.Cases, ExpectedCase{Title: c.Title, Paragraphs: c.Paragraphs})
	}
	return e
}
