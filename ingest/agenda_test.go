package ingest

import (
	"reflect"
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
