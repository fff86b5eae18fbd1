package store

import (
	"reflect"
	"testing"

	"github.com/ntlnav/referat"
)

// TestEachDocStats checks that the counts and case names read from the
// slim decoding are those of the whole documents.
func TestEachDocStats(t *testing.T) {
	s := openTemp(t)
	a := doc("aaa", 2)
	a.Meeting.Date = "2023-12-14"
	a.Meeting.Title = "Referat frå MBA i NAV Hordaland 14. desember 2023"
	a.Cases[0].Topics = []referat.Topic{{ID: "budsjett", Terms: map[string]int{"kutt": 1}}, {ID: "lønn"}}
	a.Cases[0].Statements = []referat.Statement{{Actor: "NTL", Text: "NTL ba om mer."}, {Actor: "arbeidsgiver"}}
	a.Cases[1].Statements = []referat.Statement{{Actor: "NTL"}}
	a.Cases[1].Title, a.Cases[1].Thread = "Budsjett 2024", "bn-2024"
	must(t, s.RecordParsed(Parsed{Path: "a.pdf", Doc: a}))
	must(t, s.RecordParsed(Parsed{Path: "b.pdf", Doc: doc("bbb", 0)}))
	var got []DocStats
	must(t, s.EachDocStats(func(d *DocStats) bool { got = append(got, *d); return true }))
	want := []DocStats{
		{SHA256: "aaa", Date: "2023-12-14", Heading: a.Meeting.Title, Cases: []CaseStats{
			{Seq: a.Cases[0].Seq, Title: a.Cases[0].Title, Topics: []string{"budsjett", "lønn"}, Statements: 2},
			{Seq: a.Cases[1].Seq, Title: "Budsjett 2024", Thread: "bn-2024", Statements: 1}}},
		{SHA256: "bbb", Cases: []CaseStats{}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("EachDocStats = %+v, want %+v", got, want)
	}
	n := 0
	must(t, s.EachDocStats(func(*DocStats) bool { n++; return false }))
	if n != 1 {
		t.Errorf("fn returned false, and was called %d times", n)
	}
}
