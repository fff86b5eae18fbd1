package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/ntlnav/referat/index/store"
)

// monthly writes the minutes of a body that meets on the 11th of every
// month of 2024 from January to June but March, into dir.
func monthly(t *testing.T, dir string) {
	t.Helper()
	base := meeting(t, "2024-02-15")
	months := []string{"januar", "februar", "mars", "april", "mai", "juni"}
	for i, name := range months {
		if name == "mars" {
			continue
		}
		m := base
		m.Body, m.Date = "HAMU", fmt.Sprintf("2024-%02d-11", i+1)
		m.Header = fmt.Sprintf("Nytt fra HAMU 11. %s 2024", name)
		writeMeeting(t, m, filepath.Join(dir, "hamu-"+m.Date+".pdf"), time.Now())
	}
}

// statusStore makes a store from the bundled PDFs of three producers, a
// damaged file and a monthly body with a month missing.
func statusStore(t *testing.T) string {
	extra := t.TempDir()
	monthly(t, extra)
	bad, err := os.ReadFile(filepath.Join(pdfs, "edge", "truncated.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(extra, "avkuttet.pdf"), bad, 0o644)
	db := tempStore(t)
	s, err := runT(t, context.Background(), options(db, "", append(producers(), extra)...))
	if err != nil || s.Meetings != 13 || s.Files[Failed] != 1 {
		t.Fatalf("ingest: %v, %+v", err, s)
	}
	return db
}

func TestStatus(t *testing.T) {
	db := statusStore(t)
	before, err := os.ReadFile(filepath.Join(db, "referat.db"))
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	s, err := ReadStatus(st)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	if after, _ := os.ReadFile(filepath.Join(db, "referat.db")); !bytes.Equal(before, after) {
		t.Errorf("reading the status changed the store")
	}
	wantFiles := map[string]int{store.StatusOK: 13, store.StatusFailed: 1, store.StatusDuplicate: 16}
	if s.Meetings != 13 || !reflect.DeepEqual(s.Files, wantFiles) {
		t.Errorf("meetings %d, files %v; want 13, %v", s.Meetings, s.Files, wantFiles)
	}
	if len(s.Failed) != 1 || filepath.Base(s.Failed[0].Path) != "avkuttet.pdf" || s.Failed[0].Cause != "damaged" {
		t.Errorf("failed: %+v", s.Failed)
	}
	if len(s.Duplicates) != 16 || s.Pending.Files != 13 || len(s.Pending.Paths) != 13 || len(s.Outdated) != 0 {
		t.Errorf("%d duplicates, pending %+v, outdated %v", len(s.Duplicates), s.Pending, s.Outdated)
	}
	want := []Gap{{Body: "HAMU", CadenceMonths: 1, After: "2024-02-11", Before: "2024-04-11", Missing: []string{"2024-03"}}}
	if !reflect.DeepEqual(s.Gaps, want) {
		t.Errorf("gaps %+v, want %+v", s.Gaps, want)
	}
	var y2024 *YearStatus
	for i := range s.Years {
		if s.Years[i].Year == 2024 {
			y2024 = &s.Years[i]
		}
	}
	wantBodies := []BodyStatus{{Body: "HAMU", Dates: []string{"2024-01-11", "2024-02-11", "2024-04-11", "2024-05-11", "2024-06-11"}},
		{Body: "etats-MBA", Dates: []string{"2024-02-15"}}}
	if y2024 == nil || y2024.Meetings != 6 || !reflect.DeepEqual(y2024.Bodies, wantBodies) {
		t.Errorf("2024: %+v, want %+v", y2024, wantBodies)
	}
}

func TestGaps(t *testing.T) {
	for _, tc := range []struct {
		name  string
		dates []string
		want  []Gap
	}{
		{name: "monthly, nothing missing", dates: []string{"2024-01-10", "2024-02-14", "2024-03-13", "2024-04-10"}},
		{name: "monthly, two months missing", dates: []string{"2024-01-10", "2024-02-14", "2024-05-15", "2024-06-12", "2024-07-10"},
			want: []Gap{{Body: "b", CadenceMonths: 1, After: "2024-02-14", Before: "2024-05-15", Missing: []string{"2024-03", "2024-04"}}}},
		{name: "a July recess every year is no gap", dates: []string{
			"2022-05-10", "2022-06-10", "2022-08-10", "2022-09-10", "2023-05-10", "2023-06-10", "2023-08-10",
			"2022-10-10", "2022-11-10", "2022-12-10", "2023-01-10", "2023-02-10", "2023-03-10", "2023-04-10"}},
		{name: "two meetings in a month count once", dates: []string{"2024-01-10", "2024-01-24", "2024-02-14", "2024-03-13", "2024-05-10"},
			want: []Gap{{Body: "b", CadenceMonths: 1, After: "2024-03-13", Before: "2024-05-10", Missing: []string{"2024-04"}}}},
		{name: "quarterly, one quarter missing", dates: []string{"2023-01-20", "2023-04-20", "2023-07-20", "2024-01-20", "2024-04-20"},
			want: []Gap{{Body: "b", CadenceMonths: 3, After: "2023-07-20", Before: "2024-01-20", Missing: []string{"2023-10"}}}},
		{name: "irregular: no cadence", dates: []string{"2019-12-12", "2021-09-16", "2022-03-10", "2023-10-19", "2024-02-15", "2025-02-13"}},
		{name: "too few meetings", dates: []string{"2024-01-10", "2024-02-14", "2024-05-15"}},
		{name: "no dates", dates: []string{"", "", "", "", ""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := gaps("b", tc.dates); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("gaps(%v) = %+v, want %+v", tc.dates, got, tc.want)
			}
		})
	}
}
