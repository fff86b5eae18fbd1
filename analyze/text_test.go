package analyze

import (
	"reflect"
	"strings"
	"testing"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{name: "compound", in: "IT-utvikling i NAV", want: []string{"it-utvikling", "it", "utvikling", "i", "nav"}},
		{name: "percent", in: "økte fra 38 til 44 %, og 20% sa", want: []string{"økte", "fra", "38", "til", "44 %", "og", "20%", "sa"}},
		{name: "decimal", in: "ligger på 7,1 % nå", want: []string{"ligger", "på", "7,1 %", "nå"}},
		{name: "suspended compound", in: "arbeids- og velferdsetaten", want: []string{"arbeids", "og", "velferdsetaten"}},
		{name: "letters", in: "Ærlig ØKONOMI «Sitat»", want: []string{"ærlig", "økonomi", "sitat"}},
		{name: "ligature", in: "ﬁnansiering", want: []string{"finansiering"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, tok := range Tokens(tt.in) {
				got = append(got, tok.Text)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTokenOffsets(t *testing.T) {
	in := "Økonomi: IT-utvikling"
	for _, tok := range Tokens(in) {
		if got := strings.ToLower(in[tok.Start:tok.End]); got != tok.Text {
			t.Errorf("token %q has offsets for %q", tok.Text, got)
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{name: "plain", in: "NTL mente det. Arbeidsgiver svarte nei.", want: []string{"NTL mente det.", "Arbeidsgiver svarte nei."}},
		{name: "abbreviations", in: "Hun viste bl.a. til Oslo. Det gjelder ca. 200 ansatte, f.eks. i Nordland. Neste.", want: []string{"Hun viste bl.a. til Oslo.", "Det gjelder ca. 200 ansatte, f.eks. i Nordland.", "Neste."}},
		{name: "etc then comma", in: "Personvern, lagring av data etc., og opplæring. Slutt.", want: []string{"Personvern, lagring av data etc., og opplæring.", "Slutt."}},
		{name: "ordinal date", in: "Fristen er 1. oktober i år. Deretter drøftes saken.", want: []string{"Fristen er 1. oktober i år.", "Deretter drøftes saken."}},
		{name: "year ends sentence", in: "Det gjelder fra 2022. Neste sak.", want: []string{"Det gjelder fra 2022.", "Neste sak."}},
		{name: "question", in: "Hva synes fylkene? Arbeidsgiver svarte.", want: []string{"Hva synes fylkene?", "Arbeidsgiver svarte."}},
		{name: "guillemets", in: "NTL sa «Nok er nok. Vi vil ha flere hender.» Saken ble avsluttet.", want: []string{"NTL sa «Nok er nok. Vi vil ha flere hender.»", "Saken ble avsluttet."}},
		{name: "parentheses", in: "Planen (jf. vedlegg 2. Se side 3) ble lagt fram. Ferdig.", want: []string{"Planen (jf. vedlegg 2. Se side 3) ble lagt fram.", "Ferdig."}},
		{name: "period after quote", in: "Det gir «flere hender på gulvet». Neste sak.", want: []string{"Det gir «flere hender på gulvet».", "Neste sak."}},
		{name: "paragraph", in: "Første avsnitt uten punktum\n\nAndre avsnitt.", want: []string{"Første avsnitt uten punktum", "Andre avsnitt."}},
		{name: "initial", in: "Notatet er skrevet av K. Olsen i HR. Neste.", want: []string{"Notatet er skrevet av K. Olsen i HR.", "Neste."}},
		{name: "ends in the word i", in: "Det var fylkesdirektøren samd i. Parat spurde om tida. Det sa lederen seg enig i. «Nei», sa hun.", want: []string{"Det var fylkesdirektøren samd i.", "Parat spurde om tida.", "Det sa lederen seg enig i.", "«Nei», sa hun."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, sp := range Sentences(tt.in) {
				got = append(got, tt.in[sp.Start:sp.End])
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestStopWords(t *testing.T) {
	for _, w := range []string{"og", "ikkje", "vi", "hvordan"} {
		if !IsStopWord(w) {
			t.Errorf("%q is a stop word", w)
		}
	}
	// Content words that the snowball package's own list holds.
	for _, w := range []string{"arbeid", "tid", "rett", "budsjett"} {
		if IsStopWord(w) {
			t.Errorf("%q is not a stop word", w)
		}
	}
}

func TestStemmer(t *testing.T) {
	var s Stemmer
	for in, want := range map[string]string{"budsjettene": "budsjett", "budsjetter": "budsjett", "organisasjonen": "organisasjon", "stillinger": "stilling"} {
		if got := s.Stem(in); got != want {
			t.Errorf("Stem(%q) = %q, want %q", in, got, want)
		}
		if got := s.Stem(in); got != want {
			t.Errorf("cached Stem(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCompoundMatching(t *testing.T) {
	a := New(nil, Options{})
	tests := []struct {
		word string
		want string // topic id, or "" for none
	}{
		{word: "budsjettfordelingsmodellen", want: "budsjett"},
		{word: "varslingsrutinen", want: "varsling"},
		{word: "sykefraværsoppfølging", want: "arbeidsmiljø"},
		{word: "lønnsforhandlingene", want: "lønn"},
		{word: "kompetansehevingen", want: "kompetanse"},
		{word: "hjemmekontorordningen", want: "arbeidstid"},
		{word: "midlertidige", want: ""}, // "midler" is whole-word only
		{word: "stilling", want: ""},     // "ta stilling til" is not staffing
		{word: "medarbeidere", want: ""}, // no term hides in it
		{word: "lønnsom", want: "lønn"},  // a known false friend of compounding: accepted
		{word: "arbeidsmiljøutvalgene", want: "arbeidsmiljø"},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			got := ""
			for _, r := range a.terms.match(tt.word) {
				if a.tax.Topics[r.topic].ID == tt.want {
					got = tt.want
				} else if got == "" && tt.want == "" {
					got = a.tax.Topics[r.topic].ID
				}
			}
			if got != tt.want {
				t.Errorf("%q: got topic %q, want %q", tt.word, got, tt.want)
			}
		})
	}
}

func TestTopicsEvidence(t *testing.T) {
	a := New(nil, Options{})
	got := a.Topics("Linjevise budsjetter for 2024", "Arbeidsgiver la fram budsjettfordelingsmodellen. NTL mener kuttene rammer bemanningen på NAV-kontorene.")
	if len(got) < 2 || got[0].ID != "budsjett" {
		t.Fatalf("got %+v", got)
	}
	if got[0].Terms["budsjett"] != 2 || got[0].Score < got[1].Score {
		t.Errorf("budsjett evidence %v, scores %v", got[0].Terms, got)
	}
	ids := map[string]bool{}
	for _, tp := range got {
		ids[tp.ID] = true
	}
	if !ids["bemanning"] {
		t.Errorf("bemanning missing: %+v", got)
	}
}

func TestStatements(t *testing.T) {
	a := New(nil, Options{})
	tests := []struct {
		name, text string
		actor      string // "" for no statement
		kind       string // "": not checked
	}{
		{name: "ntl asks", text: "NTL ba om en oversikt over hvor mange som berøres.", actor: "NTL", kind: "request"},
		{name: "vi subject", text: "Vi mener erfaringene viser at slike prosesser tar tid.", actor: "NTL", kind: "position"},
		{name: "director suffix", text: "HR-direktøren var enig i at arbeidsmengden er en utfordring.", actor: "arbeidsgiver", kind: "agreement"},
		{name: "coordinated directors", text: "Økonomidirektøren, ytelsesdirektøren og arbeids- og tjenestedirektøren presenterte budsjettet.", actor: "arbeidsgiver", kind: "explanation"},
		{name: "other unions", text: "De andre organisasjonene støttet kravet om en grundig risikovurdering.", actor: "andre", kind: "agreement"},
		{name: "named union", text: "Unio spurte om planen også gjelder kommunalt ansatte.", actor: "andre", kind: "question"},
		{name: "inversion", text: "Derfor ba NTL om en ny vurdering.", actor: "NTL", kind: "request"},
		{name: "fronted clause", text: "Da saken ble drøftet i august, mente NTL at rutinen var uklar.", actor: "NTL", kind: "position"},
		{name: "second clause", text: "Endelig budsjett er ikke klart, men arbeidsgiver forklarte at signalene er svake.", actor: "arbeidsgiver", kind: "explanation"},
		{name: "disagreement", text: "NTL kunne ikke gi sin tilslutning til mandatet.", actor: "NTL", kind: "disagreement"},
		{name: "concern", text: "Vi advarte mot at kuttene vil føre til færre ansatte.", actor: "NTL", kind: "concern"},
		{name: "view phrase", text: "Samhandling er etter vårt syn det viktigste.", actor: "NTL", kind: "position"},
		{name: "actor as object", text: "Forslaget fra arbeidsgiver innebærer ingen nedleggelser.", actor: ""},
		{name: "actor in subordinate clause", text: "Det er bra at arbeidsgiver lytter.", actor: ""},
		{name: "narrative", text: "Saken ble avsluttet uten endringer.", actor: ""},
		// Leaders of units are the employer; a caseworker (veilederen) is not.
		{name: "unit leader", text: "Kontorlederen var enig i å bestille en ny måling.", actor: "arbeidsgiver", kind: "agreement"},
		{name: "hyphenated leader", text: "HR-lederen lovet en gjennomgang av rutinen.", actor: "arbeidsgiver", kind: "explanation"},
		{name: "leader of a unit", text: "Lederen for hjelpemiddelsentralen foreslo at verkstedet holder åpent.", actor: "arbeidsgiver", kind: "request"},
		{name: "caseworker", text: "Veilederen mente at brukeren burde få mer tid.", actor: ""},
		{name: "inverted leader", text: "Det sa lederen seg enig i.", actor: "arbeidsgiver"},
		{name: "attributed", text: "Det skal vurderes i hvert enkelt tilfelle, ifølge HR-direktøren.", actor: "arbeidsgiver"},
		{name: "attributed first", text: "Ifølge direktøren er det ikke penger til flere stillinger.", actor: "arbeidsgiver"},
		{name: "passive agent", text: "Det ble avvist av HR-direktøren av hensyn til personvernet.", actor: "arbeidsgiver"},
		{name: "presented is narrative", text: "Planen ble lagt fram av HR-direktøren.", actor: ""},
		{name: "nynorsk promise after", text: "Det skal kome med i rapporten for 2024, lova HR-sjefen.", actor: "arbeidsgiver", kind: "explanation"},
		// A quotation is its speaker's, named after it: "vi" inside it is not NTL.
		{name: "quote by a director", text: "«Vi skal klare dette uten oppsigelser», sa direktøren for styring.", actor: "arbeidsgiver", kind: "explanation"},
		{name: "quote by NTL's officer", text: "«Vervet blir et ekstra arbeid på kveldstid», sa NTLs nestleder.", actor: "NTL", kind: "explanation"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := a.Statements(tt.text)
			if tt.actor == "" {
				if len(got) != 0 {
					t.Errorf("got %+v, want no statement", got)
				}
				return
			}
			if len(got) != 1 || got[0].Actor != tt.actor || (tt.kind != "" && got[0].Kind != tt.kind) {
				t.Fatalf("got %+v, want %s/%s", got, tt.actor, tt.kind)
			}
			if got[0].Start != 0 || got[0].End != len(tt.text) || got[0].Text != tt.text {
				t.Errorf("offsets %d..%d for %q", got[0].Start, got[0].End, got[0].Text)
			}
		})
	}
}

func TestReferBack(t *testing.T) {
	a := New(nil, Options{})
	text := "Ytelsesdirektøren la fram et forslag. Hun forklarte at små enheter er sårbare. Det er store forskjeller. Hun understreket målet."
	got := a.Statements(text)
	if len(got) != 3 || got[1].Actor != "arbeidsgiver" || got[2].Actor != "arbeidsgiver" {
		t.Fatalf("got %+v", got)
	}
	if got := a.Statements("Det var en lang diskusjon. Hun sa at saken var viktig."); len(got) != 0 {
		t.Errorf("Hun with no actor before: %+v", got)
	}
}

func TestTaxonomyErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{name: "unknown top key", yaml: "topics:\n  - id: a\n    terms: [x]\nspeach: {}\n", want: "t.yaml:4: unknown key \"speach\""},
		{name: "unknown topic key", yaml: "topics:\n  - id: a\n    term: [x]\n", want: "t.yaml:3: unknown key \"term\""},
		{name: "empty terms", yaml: "topics:\n  - id: a\n    terms: []\n", want: "t.yaml:2: topic a has no terms"},
		{name: "empty term", yaml: "topics:\n  - id: a\n    terms: [x, \"\"]\n", want: "t.yaml:2: topic a has an empty term"},
		{name: "duplicate id", yaml: "topics:\n  - id: a\n    terms: [x]\n  - id: a\n    terms: [y]\n", want: "t.yaml:4: duplicate topic id \"a\" (first on line 2)"},
		{name: "missing id", yaml: "topics:\n  - terms: [x]\n", want: "t.yaml:2: topic without an id"},
		{name: "unknown kind", yaml: "topics:\n  - id: a\n    terms: [x]\nspeech:\n  rant: [y]\n", want: "t.yaml:5: unknown kind \"rant\""},
		{name: "not yaml", yaml: "topics: [\n", want: "t.yaml: yaml:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseTaxonomy("t.yaml", []byte(tt.yaml))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("got %v, want %q…", err, tt.want)
			}
		})
	}
}

func TestDefaultTaxonomy(t *testing.T) {
	tax := DefaultTaxonomy()
	want := []string{"budsjett", "varsling", "organisering", "arbeidsmiljø", "medbestemmelse", "bemanning", "digitalisering", "brukeroppfølging", "lønn", "kompetanse", "arbeidstid"}
	var got []string
	for _, tp := range tax.Topics {
		got = append(got, tp.ID)
		if tp.LabelEN == "" || len(tp.Terms) < 5 {
			t.Errorf("topic %s: English label %q, %d terms", tp.ID, tp.LabelEN, len(tp.Terms))
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("topics %v, want %v", got, want)
	}
	if len(tax.Version) != 12 {
		t.Errorf("version %q", tax.Version)
	}
	edited := append(DefaultTaxonomyYAML(), []byte("\n# edited\n")...)
	other, err := ParseTaxonomy("x", edited)
	if err != nil || other.Version == tax.Version {
		t.Errorf("an edited taxonomy must have another version: %v %q", err, other.Version)
	}
}
