package ingest

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ntlnav/referat/internal/pdftext"
)

func TestSplitNumber(t *testing.T) {
	tests := []struct {
		in, number, title string
	}{
		{in: "Sak 10/23 Linjevise budsjetter for 2024", number: "10/23", title: "Linjevise budsjetter for 2024"},
		{in: "Sak 10/2023: Linjevise budsjetter", number: "10/2023", title: "Linjevise budsjetter"},
		{in: "10/23 Linjevise budsjetter", number: "10/23", title: "Linjevise budsjetter"},
		{in: "1. Budsjett 2018", number: "1", title: "Budsjett 2018"},
		{in: "1.2 Gjennomgang av tiltakene", number: "1.2", title: "Gjennomgang av tiltakene"},
		{in: "2 a) Tidsplan", number: "2 a", title: "Tidsplan"},
		{in: "Til sak 3: Oppfølging av vedtak", number: "3", title: "Oppfølging av vedtak"},
		{in: "Saksnr. 12/21 Ny kjernetid", number: "12/21", title: "Ny kjernetid"},
		{in: "Orienteringssak 4: Sykefravær", number: "4", title: "Sykefravær"},
		{in: "Drøftingssak 5/21 – Budsjett", number: "5/21", title: "Budsjett"},
		{in: "Orienteringssak: Status for Modia", number: "", title: "Status for Modia"},
		{in: "Sak 9/18 Ledige stillingar ved NAV-kontora", number: "9/18", title: "Ledige stillingar ved NAV-kontora"},
		{in: "2. kvartal 2023", number: "", title: "2. kvartal 2023"},
		{in: "Sykefravær 2. kvartal 2023", number: "", title: "Sykefravær 2. kvartal 2023"},
		{in: "14. desember: Julemøte", number: "", title: "14. desember: Julemøte"},
		{in: "Saker til neste møte", number: "", title: "Saker til neste møte"},
		{in: "3 nye stillinger", number: "", title: "3 nye stillinger"},
		{in: "0 10 20 30 40", number: "", title: "0 10 20 30 40"},
		{in: "2 Budsjett", number: "2", title: "Budsjett"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			n, title := splitNumber(tt.in)
			if n != tt.number || title != tt.title {
				t.Errorf("splitNumber(%q) = %q, %q; want %q, %q", tt.in, n, title, tt.number, tt.title)
			}
		})
	}
}

func TestDecisionOf(t *testing.T) {
	tests := []struct {
		name       string
		paragraphs []string
		want       string
	}{
		{name: "vedtak", paragraphs: []string{"Tekst.", "Vedtak: Saken tas til orientering."}, want: "Saken tas til orientering."},
		{name: "konklusjon with a protocol remark", paragraphs: []string{"Konklusjon: Planen vedtas. NTL fikk protokollført at vi er uenige."}, want: "Planen vedtas."},
		{name: "enighet", paragraphs: []string{"Enighet om at saken tas opp igjen i mars."}, want: "Enighet om at saken tas opp igjen i mars."},
		{name: "nynorsk semje", paragraphs: []string{"Semje om at saka kjem tilbake."}, want: "Semje om at saka kjem tilbake."},
		{name: "a word in running text", paragraphs: []string{"Vedtaket ble fattet i fjor. Konklusjonen står."}, want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := decisionOf(tt.paragraphs); got != tt.want {
				t.Errorf("decisionOf = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSegmentDecisionLabelIsNoCase(t *testing.T) {
	blocks := []block{
		{Text: "Hjemmekontor", AllBold: true, Bold: "Hjemmekontor", HasFonts: true, Pages: []int{1}},
		{Text: "Ordningen videreføres ut året.", HasFonts: true, Pages: []int{1}},
		{Text: "Vedtak:", AllBold: true, Bold: "Vedtak:", HasFonts: true, Pages: []int{1}},
		{Text: "Retningslinjene videreføres.", HasFonts: true, Pages: []int{1}},
		{Text: "Konklusjon: Saken tas til orientering.", Bold: "Konklusjon:", HasFonts: true, Pages: []int{1}},
		{Text: "Sak 4/23 Eventuelt", AllBold: true, Bold: "Sak 4/23 Eventuelt", HasFonts: true, Pages: []int{2}},
		{Text: "Ingen saker.", HasFonts: true, Pages: []int{2}},
	}
	s := segment(blocks)
	if len(s.cases) != 2 {
		t.Fatalf("got %d cases, want 2: %+v", len(s.cases), s.cases)
	}
	c := s.cases[0]
	wantParas := []string{"Ordningen videreføres ut året.", "Vedtak: Retningslinjene videreføres.", "Konklusjon: Saken tas til orientering."}
	if !reflect.DeepEqual(c.Paragraphs, wantParas) || c.Decision != "Retningslinjene videreføres." {
		t.Errorf("case 1: paragraphs %q, decision %q", c.Paragraphs, c.Decision)
	}
	if s.cases[1].Number != "4/23" || s.cases[1].Title != "Eventuelt" {
		t.Errorf("case 2: number %q title %q", s.cases[1].Number, s.cases[1].Title)
	}
}

func line(x, y float64, spans ...pdftext.Span) pdftext.Line {
	return pdftext.Line{Page: 1, X0: x, X1: x + 200, Y: y, Size: 11, Spans: spans}
}

func TestAttendanceOf(t *testing.T) {
	lines := []pdftext.Line{
		line(57, 770, pdftext.Span{Text: "Referat fra HAMU 21. september 2023", Bold: true}),
		line(57, 715, pdftext.Span{Text: "Til stede", Bold: true}, pdftext.Span{Text: " Marianne Berg (HR-direktør, leder av HAMU)"}),
		line(142, 700, pdftext.Span{Text: "Kristin Aas (NTL), Bjørn Sandvik (NTL)"}),
		line(57, 685, pdftext.Span{Text: "Forfall: Lise Haugen (ytelsesdirektør)"}),
		line(57, 670, pdftext.Span{Text: "Referent: Siv Engen"}),
		line(57, 655, pdftext.Span{Text: "Møteleder: Marianne Berg"}),
		line(57, 640, pdftext.Span{Text: "Sted: Fyrstikkalléen 1, møterom 6A"}),
		line(57, 625, pdftext.Span{Text: "Tid: 09:00–12:00"}),
		line(57, 600, pdftext.Span{Text: "Sak 20/23 Rutine for varsling", Bold: true}),
		line(57, 585, pdftext.Span{Text: "Tid er en knapp ressurs, sa direktøren."}),
	}
	m, used := attendanceOf(lines)
	wantUsed := []bool{false, true, true, true, true, true, true, true, false, false}
	if !reflect.DeepEqual(used, wantUsed) {
		t.Errorf("used = %v, want %v", used, wantUsed)
	}
	if want := []string{"Marianne Berg (HR-direktør, leder av HAMU)", "Kristin Aas (NTL)", "Bjørn Sandvik (NTL)"}; !reflect.DeepEqual(m.Attendees, want) {
		t.Errorf("attendees = %q, want %q", m.Attendees, want)
	}
	if m.Absent[0] != "Lise Haugen (ytelsesdirektør)" || m.MinutesTaker != "Siv Engen" || m.Chair != "Marianne Berg" || m.Place != "Fyrstikkalléen 1, møterom 6A" || m.Time != "09:00–12:00" {
		t.Errorf("meeting = %+v", m)
	}
	// One labelled line alone is text, not a table.
	if _, used := attendanceOf(lines[8:]); used[1] {
		t.Error("a sentence opening with Tid was taken for a row")
	}
}

// TestSegmentTableOfCases reads minutes written as a table, a row a case
// (a common Word layout): a bold header row, then rows of an agenda number
// and a bold title, the case's text under the title in the same cell, and
// a cell naming who follows it up.
func TestSegmentTableOfCases(t *testing.T) {
	blocks := []block{
		{Text: "Referat fra HAMU 5. september 2023", AllBold: true, Larger: true, Bold: "Referat fra HAMU 5. september 2023", HasFonts: true, Pages: []int{1}},
		{Text: "Sak Tema | Ansvar", AllBold: true, Bold: "Sak Tema | Ansvar", HasFonts: true, Pages: []int{1}},
		{Text: "21/23 Sykefravær første halvår | HR", Bold: "21/23 Sykefravær første halvår", HasFonts: true, Pages: []int{1}},
		{Text: "Sykefraværet har økt. NTL ba om en plan.", HasFonts: true, Pages: []int{1}},
		{Text: "22/23 Nye lokaler i Bergen | Direktør | mars", Bold: "22/23 Nye lokaler i Bergen", HasFonts: true, Pages: []int{1}},
		{Text: "Flyttingen er utsatt.", HasFonts: true, Pages: []int{1}},
		{Text: "23/23 Eventuelt Ingen saker.", Bold: "23/23 Eventuelt", HasFonts: true, Pages: []int{1}},
	}
	s := segment(blocks)
	type row struct{ Number, Title, Paragraphs string }
	var got []row
	for _, c := range s.cases {
		got = append(got, row{c.Number, c.Title, strings.Join(c.Paragraphs, " / ")})
	}
	want := []row{
		{Number: "21/23", Title: "Sykefravær første halvår", Paragraphs: "Ansvar: HR / Sykefraværet har økt. NTL ba om en plan."},
		{Number: "22/23", Title: "Nye lokaler i Bergen", Paragraphs: "Direktør / mars / Flyttingen er utsatt."},
		{Number: "23/23", Title: "Eventuelt", Paragraphs: "Ingen saker."},
	}
	if !reflect.DeepEqual(got, want) || len(s.intro) != 0 {
		t.Errorf("cases:\n%+v\nwant:\n%+v\nintro %q", got, want, s.intro)
	}
	// A bold row with cells over text that is no case row is a case's
	// title, as before.
	s = segment([]block{
		{Text: "Tabell 1 | Bemanning", AllBold: true, Bold: "Tabell 1 | Bemanning", HasFonts: true, Pages: []int{1}},
		{Text: "Tallene viser en nedgang.", HasFonts: true, Pages: []int{1}},
	})
	if len(s.cases) != 1 || s.cases[0].Title != "Tabell 1 | Bemanning" {
		t.Errorf("a bold row over text: %+v", s.cases)
	}
	// A title wrapped in its cell goes on in lower case on the next line.
	s = segment([]block{
		{Text: "Sak Tema | Ansvar", AllBold: true, Bold: "Sak Tema | Ansvar", HasFonts: true, Pages: []int{1}},
		{Text: "21/23 Sykefravær første | HR", Bold: "21/23 Sykefravær første", HasFonts: true, Pages: []int{1}},
		{Text: "halvår", AllBold: true, Bold: "halvår", HasFonts: true, Pages: []int{1}},
		{Text: "Sykefraværet har økt.", HasFonts: true, Pages: []int{1}},
	})
	if len(s.cases) != 1 || s.cases[0].Title != "Sykefravær første halvår" || strings.Join(s.cases[0].Paragraphs, " / ") != "Ansvar: HR / Sykefraværet har økt." {
		t.Errorf("a wrapped title: %+v", s.cases)
	}
	// A bold key in a table of terms is no title, and a bold heading
	// with cells over a numbered heading without cells is no table
	// header: both stay as they were (adobe_errata.pdf, T4.pdf).
	s = segment([]block{
		{Text: "4 | Koding", AllBold: true, Bold: "4 | Koding", HasFonts: true, Pages: []int{1}},
		{Text: "4.1 Endimensjonal koding", AllBold: true, Bold: "4.1 Endimensjonal koding", HasFonts: true, Pages: []int{1}},
		{Text: "Count | integer | (Required) Total number of items", Bold: "Count", HasFonts: true, Pages: []int{1}},
	})
	if len(s.cases) != 2 || s.cases[0].Title != "4 | Koding" || s.cases[1].Number != "4.1" ||
		len(s.cases[1].Paragraphs) != 1 || s.cases[1].Paragraphs[0] != "Count | integer | (Required) Total number of items" {
		t.Errorf("headings and a table of terms: %+v", s.cases)
	}
}

// TestAttendanceOneLine takes a single line of who attended as the
// attendance, unlike a single line of any other label.
func TestAttendanceOneLine(t *testing.T) {
	tests := []struct {
		name string
		line pdftext.Line
		want []string
	}{
		{name: "til stede", line: line(57, 715, pdftext.Span{Text: "Til stede: Kari Nordmann (NTL), Per Hansen (arbeidsgiver)"}),
			want: []string{"Kari Nordmann (NTL)", "Per Hansen (arbeidsgiver)"}},
		{name: "tid is text", line: line(57, 715, pdftext.Span{Text: "Tid: Møtet ble flyttet til torsdag."})},
		{name: "a sentence about who was there", line: line(57, 715, pdftext.Span{Text: "Til stede var også HR-direktøren."})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := []pdftext.Line{
				line(57, 770, pdftext.Span{Text: "Referat fra HAMU 21. september 2023", Bold: true}),
				tt.line,
				line(57, 690, pdftext.Span{Text: "Sak 20/23 Rutine for varsling", Bold: true}),
			}
			m, used := attendanceOf(lines)
			if !reflect.DeepEqual(m.Attendees, tt.want) || used[1] != (tt.want != nil) {
				t.Errorf("attendees %q (line used %v), want %q", m.Attendees, used[1], tt.want)
			}
		})
	}
}

// TestTableMinutes extracts minutes written as a table, a row a case:
// printed by Chromium from HTML (testdata/table-minutes.*) and converted by
// LibreOffice from a Word document (testdata/table-minutes-docx.*, where
// the number has a cell of its own and titles wrap in theirs). Each row
// is a case with its number, title, text and the cell its header names,
// and the line of who attended fills the attendance.
func TestTableMinutes(t *testing.T) {
	type row struct{ Number, Title, First string }
	tests := []struct {
		file string
		want []row
	}{
		{file: "table-minutes.pdf", want: []row{
			{Number: "21/23", Title: "Sykefravær første halvår", First: "Ansvar: HR"},
			{Number: "22/23", Title: "Nye lokaler i Bergen", First: "Ansvar: Direktør"},
			{Number: "23/23", Title: "Eventuelt", First: "Ingen saker."},
		}},
		{file: "table-minutes-docx.pdf", want: []row{
			{Number: "21/23", Title: "Sykefravær første halvår", First: "Ansvar: HR"},
			{Number: "22/23", Title: "Nye lokaler i Bergen", First: "Direktør"}, // the cell's gap is a word's
			{Number: "23/23", Title: "Eventuelt", First: "Ingen saker."},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			doc, err := ExtractFile(t.Context(), filepath.Join("testdata", tt.file), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []row
			for _, c := range doc.Cases {
				got = append(got, row{c.Number, c.Title, c.Paragraphs[0]})
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("cases %+v, want %+v", got, tt.want)
			}
			if a := doc.Meeting.Attendees; len(a) != 3 || a[0] != "Kari Nordmann (NTL)" || doc.Intro != "" {
				t.Errorf("attendees %q, intro %q", a, doc.Intro)
			}
		})
	}
}
