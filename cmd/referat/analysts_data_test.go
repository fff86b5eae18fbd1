package main

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/ntlnav/referat/internal/testpdf"
)

var norwegianMonths = []string{"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"}

// laterMeetings writes, into a new folder, the annotated meetings that
// have a body held again one and two weeks later (fpdf): the bundled PDFs
// are the same eight meetings from three producers, stored once each, and
// the analysts' questions need more than eight meetings' worth of
// statements to find terms that set a year apart.
func laterMeetings(t *testing.T) string {
	t.Helper()
	ms, err := testpdf.LoadMeetings("../../testdata/samples", "../../testdata/meetings")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for i, m := range ms {
		day, err := time.Parse("2006-01-02", m.Date)
		if err != nil || m.Body == "" {
			continue
		}
		for _, weeks := range []int{1, 2} {
			d := day.AddDate(0, 0, 7*weeks)
			if d.Year() != day.Year() {
				d = day.AddDate(0, 0, -7*weeks)
			}
			later := m
			later.Date = d.Format("2006-01-02")
			later.Header = fmt.Sprintf("Nytt fra %s %d. %s %d", m.Body, d.Day(), norwegianMonths[d.Month()-1], d.Year())
			if err := testpdf.FPDF(later, testpdf.LayoutFor(i), later.Date, filepath.Join(dir, later.Date+".pdf")); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}
