package ingest

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/internal/pdftext"
)

func TestJoinSpans(t *testing.T) {
	tests := []struct {
		name       string
		line, next string
		want       string
	}{
		{name: "hyphenated word", line: "hele organisa-", next: "sjonen er", want: "hele organisasjonen er"},
		{name: "capital before hyphen", line: "alle NAV-", next: "kontor skal", want: "alle NAV-kontor skal"},
		{name: "digit before hyphen", line: "i 2024-", next: "budsjettet", want: "i 2024-budsjettet"},
		{name: "suspended compound", line: "arbeids-", next: "og velferdsetaten", want: "arbeids- og velferdsetaten"},
		{name: "suspended with eller", line: "fylkes-", next: "eller regionnivå", want: "fylkes- eller regionnivå"},
		{name: "soft hyphen", line: "organisa\u00AD", next: "sjonen", want: "organisasjonen"},
		{name: "plain join", line: "mener at", next: "det er", want: "mener at det er"},
		{name: "dash between words", line: "struktur -", next: "mandat", want: "struktur - mandat"},
		{name: "capital after hyphen", line: "Sør-", next: "Norge", want: "Sør-Norge"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := joinSpans([]pdftext.Span{{Text: tt.line}}, []pdftext.Span{{Text: tt.next}})
			var b strings.Builder
			for _, s := range got {
				b.WriteString(s.Text)
			}
			if b.String() != tt.want {
				t.Errorf("got %q, want %q", b.String(), tt.want)
			}
		})
	}
}

func TestJoinSpansKeepsWeight(t *testing.T) {
	got := joinSpans([]pdftext.Span{{Text: "Linjevise budsjetter", Bold: true}}, []pdftext.Span{{Text: "for 2024.", Bold: true}, {Text: " Arbeidsgiver"}})
	if len(got) != 2 || got[0].Text != "Linjevise budsjetter for 2024." || !got[0].Bold || got[1].Bold {
		t.Errorf("got %+v", got)
	}
}

func TestPageNumber(t *testing.T) {
	for _, s := range []string{"3", "- 3 -", "– 12 –", "Side 2 av 4", "side 2", "2/4", "Page 2 of 4", "s. 7"} {
		if !pageNumber.MatchString(s) {
			t.Errorf("%q is a page number", s)
		}
	}
	for _, s := range []string{"2024", "Side 2 av 4 sider med tekst", "3 %", "Sak 3", "BN0"} {
		if pageNumber.MatchString(s) && s != "2024" {
			t.Errorf("%q is not a page number", s)
		}
	}
}

func TestDates(t *testing.T) {
	tests := []struct {
		name, in, want string
		fn             func(string) (string, bool)
	}{
		{name: "long", in: "Nytt fra etats-MBA 14. desember 2023", want: "2023-12-14", fn: DateInText},
		{name: "long without period", in: "Møte 3 mars 2022", want: "2022-03-03", fn: DateInText},
		{name: "short month", in: "Referat 5. okt. 2021", want: "2021-10-05", fn: DateInText},
		{name: "numeric", in: "Dato: 14.12.2023", want: "2023-12-14", fn: DateInText},
		{name: "numeric short year", in: "møte 1.2.24", want: "2024-02-01", fn: DateInText},
		{name: "iso", in: "møtet 2019-12-12 kl 10", want: "2019-12-12", fn: DateInText},
		{name: "first wins", in: "12. desember 2019, neste møte 16.01.2020", want: "2019-12-12", fn: DateInText},
		{name: "impossible", in: "31.02.2023", want: "", fn: DateInText},
		{name: "pdf date", in: "D:20231214103000+01'00'", want: "2023-12-14", fn: DateInMetadata},
		{name: "pdf date short", in: "D:20231214", want: "2023-12-14", fn: DateInMetadata},
		{name: "pdf date no prefix", in: "20231214103000Z", want: "2023-12-14", fn: DateInMetadata},
		{name: "rfc3339", in: "2023-12-14T10:30:00+01:00", want: "2023-12-14", fn: DateInMetadata},
		{name: "ansi", in: "Thu Dec 14 10:30:00 2023", want: "2023-12-14", fn: DateInMetadata},
		{name: "garbage", in: "D:yesterday", want: "", fn: DateInMetadata},
		{name: "file iso", in: "/srv/mba/2023-12-14-referat.pdf", want: "2023-12-14", fn: DateInFilename},
		{name: "file compact", in: "MBA_20231214.pdf", want: "2023-12-14", fn: DateInFilename},
		{name: "file norwegian", in: "referat 14.12.2023.pdf", want: "2023-12-14", fn: DateInFilename},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tt.fn(tt.in)
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("%q: got %q %v, want %q", tt.in, got, ok, tt.want)
			}
		})
	}
}

func TestMeetingFrom(t *testing.T) {
	tests := []struct {
		name, path, heading, created string
		wantDate, wantSource         string
		wantBody                     string
	}{
		{name: "heading", path: "x.pdf", heading: "Nytt fra etats-MBA 14. desember 2023", wantDate: "2023-12-14", wantSource: "text", wantBody: "etats-MBA"},
		{name: "sentral", path: "x.pdf", heading: "Nytt fra sentralt MBA 3. mars 2022", wantDate: "2022-03-03", wantSource: "text", wantBody: "sentralt MBA"},
		{name: "capitals", path: "x.pdf", heading: "NYTT FRA ETATS-MBA 14. MARS 2024", wantDate: "2024-03-14", wantSource: "text", wantBody: "etats-MBA"},
		{name: "capitals, unknown body as written", path: "x.pdf", heading: "NYTT FRA REGIONALT MBA 14. MARS 2024", wantDate: "2024-03-14", wantSource: "text", wantBody: "REGIONALT MBA"},
		{name: "metadata", path: "x.pdf", heading: "", created: "D:20230615100000", wantDate: "2023-06-15", wantSource: "metadata"},
		{name: "filename", path: "2021-09-16.pdf", heading: "", created: "D:garbage", wantDate: "2021-09-16", wantSource: "filename"},
		{name: "none", path: "x.pdf", wantDate: "", wantSource: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := meetingFrom(tt.path, tt.heading, "", tt.created)
			if m.Date != tt.wantDate || m.DateSource != tt.wantSource || m.Body != tt.wantBody {
				t.Errorf("got %+v", m)
			}
		})
	}
}

func TestSegmentWithoutFonts(t *testing.T) {
	blocks := []block{
		{Text: "Fase 2 av Utvikling av organisasjonen (Det grønne sporet). Arbeidsgruppene som har jobbet med å vurdere NAVs framtidige organisering har kommet fram med mange problemstillinger."},
		{Text: "Det er bra. Arbeidsgruppene settes nå ned på tvers, så dilemmaene kan adresseres på en helhetlig måte i arbeidsgruppene."},
		{Text: "Plan- og budsjettnotat 0 for 2024 (BN0). Etatens budsjett drøftes gjennom flere møter i MBA hver høst, men starten skjer før sommeren."},
		{Text: "Hvordan skal hjemmekontor praktiseres etter gjenåpningen? Arbeidsgiver la fram et forslag til retningslinjer for bruk av hjemmekontor i etaten."},
		{Text: "NTL signaliserte at det er nødvendig å se kritisk på midlene. Arbeidsgiver svarte at de vil legge opp til en gjennomgang etter sommeren."},
		{Text: "Revidert rutine for intern varsling"},
		{Text: "Arbeidsgiver la fram et forslag til revidert rutine for varsling av kritikkverdige forhold i etaten."},
		{Text: "Saken tas opp igjen i januar. Vi kommer tilbake til dette i neste møte med arbeidsgiver og de andre organisasjonene."},
	}
	s := segment(blocks)
	var titles []string
	for _, c := range s.cases {
		titles = append(titles, c.Title)
	}
	want := []string{
		"Fase 2 av Utvikling av organisasjonen (Det grønne sporet)",
		"Plan- og budsjettnotat 0 for 2024 (BN0)",
		"Hvordan skal hjemmekontor praktiseres etter gjenåpningen?",
		"Revidert rutine for intern varsling",
	}
	if strings.Join(titles, "|") != strings.Join(want, "|") {
		t.Errorf("titles:\n got %q\nwant %q", titles, want)
	}
	if len(s.cases) == 4 && !strings.HasPrefix(s.cases[0].Paragraphs[1], "Det er bra.") {
		t.Errorf("'Det er bra.' must stay body text: %q", s.cases[0].Paragraphs)
	}
}

func TestSegmentWithFonts(t *testing.T) {
	blocks := []block{
		{Text: "Nytt fra etats-MBA 14. desember 2023", AllBold: true, Larger: true, Bold: "Nytt fra etats-MBA 14. desember 2023", HasFonts: true, Pages: []int{1}},
		{Text: "Her er en kort orientering fra møtet.", HasFonts: true, Pages: []int{1}},
		{Text: "Linjevise budsjetter for 2024. Arbeidsgiver la fram fordelingen.", Bold: "Linjevise budsjetter for 2024.", HasFonts: true, Pages: []int{1}},
		{Text: "NTL mener at fordelingen er skjev. Vi ba om en ny vurdering.", Bold: "NTL", HasFonts: true, Pages: []int{1, 2}},
		{Text: "Hvordan følges AAP-brukerne opp?", Bold: "Hvordan følges AAP-brukerne opp?", AllBold: true, HasFonts: true, Pages: []int{2}},
		{Text: "Arbeidsgiver orienterte om oppfølgingen.", HasFonts: true, Pages: []int{2}},
	}
	s := segment(blocks)
	if s.heading != "Nytt fra etats-MBA 14. desember 2023" || len(s.intro) != 1 || len(s.cases) != 2 {
		t.Fatalf("got heading %q, intro %q, %d cases", s.heading, s.intro, len(s.cases))
	}
	c := s.cases[0]
	if c.Title != "Linjevise budsjetter for 2024" || len(c.Paragraphs) != 2 || c.Paragraphs[0] != "Arbeidsgiver la fram fordelingen." {
		t.Errorf("case 1: %+v", c)
	}
	if len(c.Pages) != 2 || c.Pages[0] != 1 || c.Pages[1] != 2 {
		t.Errorf("case 1 pages %v, want [1 2]", c.Pages)
	}
	if s.cases[1].Title != "Hvordan følges AAP-brukerne opp?" || s.cases[1].Seq != 2 {
		t.Errorf("case 2: %+v", s.cases[1])
	}
}

// TestLetterSpacedHeading extracts a report Chromium printed with its
// headings letter-spaced by CSS (internal/pdftext/testdata/letterspaced.*):
// the meeting's date and body come from the heading, the agenda numbers
// and titles from the case headings, as from any other report.
func TestLetterSpacedHeading(t *testing.T) {
	doc, err := ExtractFile(t.Context(), filepath.Join("..", "internal", "pdftext", "testdata", "letterspaced.pdf"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if m := doc.Meeting; m.Date != "2024-03-14" || m.DateSource != referat.DateFromText || m.Body != "etats-MBA" {
		t.Errorf("meeting %q from %q, body %q; want 2024-03-14 from text, etats-MBA", m.Date, m.DateSource, m.Body)
	}
	var got []string
	for _, c := range doc.Cases {
		got = append(got, c.Number+" "+c.Title)
	}
	want := []string{"12/24 BUDSJETT FOR 2024", "13/24 NY ARBEIDSTIDSORDNING I KONTAKTSENTERET", " EVENTUELT"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("cases %q, want %q", got, want)
	}
}
