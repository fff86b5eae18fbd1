package ingest

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ntlnav/referat/internal/pdftext"
)

func TestFurnitureTwoPages(t *testing.T) {
	l := func(page int, y float64, size float64, text string) pdftext.Line {
		return pdftext.Line{Page: page, X0: 57, X1: 400, Y: y, Size: size, Spans: []pdftext.Span{{Text: text}}}
	}
	body := func(page int, y float64, text string) pdftext.Line { return l(page, y, 11, text) }
	boxes := [][4]float64{{0, 0, 595, 842}, {0, 0, 595, 842}}
	tests := []struct {
		name  string
		pages [][]pdftext.Line
		want  [][]bool
	}{{
		name: "a head at body size on both pages, page numbers in four forms",
		pages: [][]pdftext.Line{
			{l(1, 810, 11, "NTL NAV · Referat fra etats-MBA"), body(1, 760, "Sak 1/23 Budsjett"), body(1, 745, "NTL ba om en oversikt."), l(1, 40, 11, "Side 1 av 2")},
			{l(2, 810, 11, "NTL NAV · Referat fra etats-MBA"), body(2, 760, "Arbeidsgiver svarte."), body(2, 745, "Saken tas til orientering."), l(2, 40, 11, "s. 2")},
		},
		want: [][]bool{{true, false, false, true}, {true, false, false, true}},
	}, {
		name: "page 1 prints the title, page 2 the head once",
		pages: [][]pdftext.Line{
			{l(1, 790, 16, "Referat fra etats-MBA 14. desember 2023"), body(1, 740, "Sak 1/23 Budsjett"), body(1, 725, "NTL ba om en oversikt."), l(1, 40, 11, "- 1 -")},
			{l(2, 810, 11, "Referat fra etats-MBA 14.12.2023"), body(2, 760, "Arbeidsgiver svarte."), body(2, 745, "Saken tas til orientering."), l(2, 40, 11, "2/2")},
		},
		want: [][]bool{{false, false, false, true}, {true, false, false, true}},
	}, {
		name: "a first line of text on page 2 that shares words with the title stays",
		pages: [][]pdftext.Line{
			{l(1, 790, 16, "Referat fra etats-MBA 14. desember 2023"), body(1, 740, "Sak 1/23 Budsjett"), body(1, 725, "NTL ba om en oversikt.")},
			{body(2, 810, "Etats-MBA drøftet budsjettet for NAV Vest i lang tid,"), body(2, 795, "og partene var enige."), body(2, 780, "Saken tas til orientering.")},
		},
		want: [][]bool{{false, false, false}, {false, false, false}},
	}, {
		name: "pages that show only the same line keep it as their text",
		pages: [][]pdftext.Line{
			{l(1, 810, 11, "Oppslag: kantinen er stengt"), l(1, 40, 11, "1")},
			{l(2, 810, 11, "Oppslag: kantinen er stengt"), l(2, 40, 11, "2")},
		},
		want: [][]bool{{false, true}, {false, true}},
	}, {
		name: "one page: a smaller head above the title and a smaller footer below the text",
		pages: [][]pdftext.Line{
			{l(1, 815, 8, "NTL NAV – til medlemmene"), l(1, 770, 16, "Nytt fra etats-MBA 14. mars 2024"), body(1, 740, "Sak 12/24 Budsjett"),
				body(1, 725, "NTL ba om en oversikt."), l(1, 30, 8, "Skrevet ut 15.03.2024")},
		},
		want: [][]bool{{true, false, false, false, true}},
	}, {
		name: "one page: a heading in small capitals under the title is no head",
		pages: [][]pdftext.Line{
			{l(1, 790, 11.25, "Nytt fra etats-MBA 14. mars 2024"), l(1, 761, 8.25, "Sak 12/24 Budsjett for 2024"),
				body(1, 734, "Arbeidsgiver orienterte om budsjettet."), body(1, 719, "NTL mente at kuttene rammer hardt.")},
		},
		want: [][]bool{{false, false, false, false}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := furniture(tt.pages, boxes, 11)
			for p := range tt.want {
				for i := range tt.want[p] {
					if got[p][i] != tt.want[p][i] {
						t.Errorf("page %d line %d %q: dropped %v, want %v", p+1, i, tt.pages[p][i].Text(), got[p][i], tt.want[p][i])
					}
				}
			}
		})
	}
}

func TestTableRowsInACase(t *testing.T) {
	l := func(y float64, text string) pdftext.Line {
		return pdftext.Line{Page: 1, X0: 57, X1: 500, Y: y, Size: 11, Spans: []pdftext.Span{{Text: text}}}
	}
	lines := []pdftext.Line{
		l(700, "Fordelingen av ledige stillinger per kontor er vist"),
		l(686, "i tabellen under, og den ble drøftet i møtet."),
		l(672, "Kontor | Stillinger | Ledige"),
		l(658, "NAV Bergenhus | 52 | 4"),
		l(644, "NAV Åsane | 38 | 3"),
		l(630, "NTL ba om at tallene oppdateres til neste møte."),
	}
	m := measure(lines)
	m.bodySize = 11
	var got []string
	for _, p := range paragraphs(lines, m) {
		got = append(got, p.text())
	}
	want := []string{
		"Fordelingen av ledige stillinger per kontor er vist i tabellen under, og den ble drøftet i møtet.",
		"Kontor | Stillinger | Ledige", "NAV Bergenhus | 52 | 4", "NAV Åsane | 38 | 3",
		"NTL ba om at tallene oppdateres til neste møte.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestSmallCapsHeadings extracts a report Chromium printed with its
// headings in small capitals (testdata/smallcaps.*): the first case's
// heading, smaller than the body and set apart under the title, is a case
// heading, not a running head dropped as furniture.
func TestSmallCapsHeadings(t *testing.T) {
	doc, err := ExtractFile(t.Context(), filepath.Join("testdata", "smallcaps.pdf"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range doc.Cases {
		got = append(got, c.Number+" "+c.Title)
	}
	want := []string{"12/24 Budsjett for 2024", "13/24 Ny arbeidstidsordning i kontaktsenteret"}
	if !reflect.DeepEqual(got, want) || doc.Intro != "" {
		t.Errorf("cases %q, intro %q; want %q, no intro", got, doc.Intro, want)
	}
}
