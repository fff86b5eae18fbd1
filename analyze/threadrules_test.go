package analyze

import "testing"

// TestThreadsEvidence checks the rules that read more than two titles'
// words: the meeting's unit, the case's topics, how far apart in time,
// modifiers and places. Each "not" row was linked by the linker before
// these rules.
func TestThreadsEvidence(t *testing.T) {
	const (
		etats    = "Nytt fra etats-MBA"
		hamu     = "Referat fra HAMU"
		vestland = "Referat frå MBA i NAV Vestland"
		trond    = "Referat fra fylkes-MBA i NAV Trøndelag"
		innland  = "Nytt fra MBA i NAV Innlandet"
		amu      = "Referat fra møte i AMU NAV Familie- og pensjonsytelser"
		kontakt  = "Referat fra AMU i NAV Kontaktsenter"
	)
	tc := func(m, date, heading, title string, topics ...string) ThreadCase {
		return ThreadCase{Meeting: m, Date: date, Title: title, Heading: heading + " " + date, Topics: topics}
	}
	a := New(nil, Options{})
	tests := []struct {
		name string
		x, y ThreadCase
		same bool
	}{
		// Topics.
		{name: "no topic in common", x: tc("m1", "2021-09-23", amu, "Saksbehandlingstid for foreldrepenger", "arbeidstid", "bemanning"),
			y: tc("m2", "2022-02-13", hamu, "KI-verktøy i saksbehandlingen", "digitalisering")},
		{name: "a topic in common", x: tc("m1", "2021-09-23", amu, "Saksbehandlingstid for foreldrepenger", "arbeidstid", "bemanning"),
			y: tc("m2", "2022-02-13", amu, "Saksbehandlingstid for foreldrepenger – status", "bemanning"), same: true},
		// Units.
		{name: "two units' matters", x: tc("m1", "2024-03-12", vestland, "Samlokalisering med kommunen", "organisering"),
			y: tc("m2", "2024-05-02", trond, "Samlokalisering med kommunen", "organisering")},
		{name: "one unit's matter", x: tc("m1", "2024-03-12", vestland, "Samlokalisering med kommunen", "organisering"),
			y: tc("m2", "2024-05-02", vestland, "Samlokalisering med kommunen – status", "organisering"), same: true},
		{name: "a unit's case first, the etat's two years on", x: tc("m1", "2021-09-23", amu, "Intern varslingsrutine", "varsling"),
			y: tc("m2", "2023-09-21", hamu, "Revidert rutine for intern varsling – første gangs behandling", "varsling")},
		{name: "the etat's case first, a unit's two years on", x: tc("m1", "2022-09-15", etats, "Opplæring i arbeidsrettet oppfølging", "kompetanse"),
			y: tc("m2", "2024-10-24", vestland, "Kurs i arbeidsretta oppfølging", "kompetanse"), same: true},
		{name: "the etat names the unit", x: tc("m1", "2024-09-11", kontakt, "KI-assistenten og arbeidshverdagen", "digitalisering"),
			y: tc("m2", "2026-01-15", etats, "KI-assistenten i kontaktsenteret – plan for innføring", "digitalisering"), same: true},
		{name: "a standing matter of the etat and of a unit", x: tc("m1", "2026-03-12", trond, "Lokale forhandlinger 2026 – forberedelse", "lønn"),
			y: tc("m2", "2026-04-16", etats, "Lokale forhandlinger 2026", "lønn")},
		{name: "a unit's allocation is not the etat's budget note", x: tc("m1", "2019-10-17", etats, "Plan- og budsjettnotat 2 for 2020 (BN2)", "budsjett"),
			y: tc("m2", "2019-11-21", innland, "Budsjett 2020 – foreløpig tildeling", "budsjett")},
		{name: "a standing matter of two of the etat's bodies", x: tc("m1", "2023-03-16", "Referat fra sentral MBA", "Lokale lønnsforhandlinger 2023 – rammer", "lønn"),
			y: tc("m2", "2023-06-08", etats, "Lokale lønnsforhandlinger 2023", "lønn"), same: true},
		// Time.
		{name: "one word five years on", x: tc("m1", "2020-09-10", hamu, "Opplæring av nye verneombud", "kompetanse"),
			y: tc("m2", "2025-02-13", hamu, "Verneombudenes tid og opplæring", "kompetanse")},
		{name: "one word a year on", x: tc("m1", "2021-03-18", etats, "Innføring av ny arbeidsflate for veiledere", "digitalisering"),
			y: tc("m2", "2022-03-10", etats, "Ny arbeidsflate for veiledere", "digitalisering"), same: true},
		{name: "a name kept over four years", x: tc("m1", "2019-10-17", etats, "Utvikling av organisasjonen – oppstart av fase 1", "organisering"),
			y: tc("m2", "2023-12-07", etats, "Utvikling av organisasjonen – fase 3", "organisering"), same: true},
		// Words.
		{name: "parts of a year are times", x: tc("m1", "2018-05-24", "", "Budsjettsituasjonen etter første tertial"),
			y: tc("m2", "2018-06-14", "", "Rekneskap per første tertial")},
		{name: "a modifier of another noun", x: tc("m1", "2019-10-17", etats, "Utvidet åpningstid i NAV Kontaktsenter", "arbeidstid"),
			y: tc("m2", "2019-11-28", etats, "Forsøk med utvidet fleksitid", "arbeidstid")},
		{name: "a modifier of the same noun", x: tc("m1", "2024-02-08", etats, "Utvidet åpningstid på NAV-kontorene – pilot", "arbeidstid"),
			y: tc("m2", "2024-06-13", hamu, "Arbeidsmiljø ved utvidet åpningstid", "arbeidstid"), same: true},
		{name: "a setting is not a matter", x: tc("m1", "2025-02-13", hamu, "KI-verktøy i saksbehandlingen", "digitalisering"),
			y: tc("m2", "2026-05-21", etats, "Språkmodeller i saksbehandlingen", "digitalisering")},
		{name: "an adjective of another noun", x: tc("m1", "2017-09-28", etats, "Digital aktivitetsplan for arbeidssøkere", "digitalisering"),
			y: tc("m2", "2019-02-14", etats, "Digital dialog med brukerne", "digitalisering")},
		{name: "a standing matter of a committee and of an MBA", x: tc("m1", "2016-10-20", etats, "Vernerunder høsten 2016", "arbeidsmiljø"),
			y: tc("m2", "2016-11-24", hamu, "Oppsummering av vernerundene 2016", "arbeidsmiljø")},
		{name: "IA work is a standing matter", x: tc("m1", "2017-03-23", hamu, "IA-arbeidet i 2017", "arbeidsmiljø"),
			y: tc("m2", "2018-02-08", "Referat frå MBA i NAV Hordaland", "Sjukefråvær og IA-arbeid", "arbeidsmiljø")},
		{name: "a place is not a matter", x: tc("m1", "2016-09-22", etats, "Ny kantineordning i Sannergata", "arbeidsmiljø"),
			y: tc("m2", "2016-11-24", hamu, "Flytting til nytt kontorbygg i Sannergata", "arbeidsmiljø")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			th := a.Threads([]ThreadCase{tt.x, tt.y})
			if same := th[0] != "" && th[0] == th[1]; same != tt.same {
				t.Errorf("threads %q, %q: same matter %v, want %v", th[0], th[1], same, tt.same)
			}
		})
	}
}

// TestMeetingUnit checks the unit read from meeting headings.
func TestMeetingUnit(t *testing.T) {
	tests := []struct{ heading, want string }{
		{heading: "Referat frå MBA i NAV Hordaland 8. februar 2018", want: "hordaland"},
		{heading: "Nytt fra MBA i NAV Troms og Finnmark, 22. oktober 2020", want: "troms og finnmark"},
		{heading: "Referat fra møte i AMU NAV Familie- og pensjonsytelser 23. september 2021", want: "familie- og pensjonsytelser"},
		{heading: "Nytt frå fylkes-MBA i NAV Sogn og Fjordane 24. mai 2018", want: "sogn og fjordane"},
		{heading: "Referat fra møte i hovedarbeidsmiljøutvalget (HAMU) 25. oktober 2018", want: ""},
		{heading: "Nytt fra etats-MBA 14. desember 2023", want: ""},
		{heading: "Nytt fra NTL NAV om etats-MBA 14. desember 2023", want: ""},
	}
	for _, tt := range tests {
		if got := meetingUnit(tt.heading); got != tt.want {
			t.Errorf("meetingUnit(%q) = %q, want %q", tt.heading, got, tt.want)
		}
	}
}

// TestThreadCodes checks which title tokens are codes, and the codes a
// compound may be abbreviated by.
func TestThreadCodes(t *testing.T) {
	codes := []struct {
		raw  string
		code bool
	}{
		{raw: "BN0", code: true},
		{raw: "BN", code: true},
		{raw: "HMS", code: true},
		{raw: "Bn0"},
		{raw: "B1"},
		{raw: "NAVKS"},
		{raw: "0BN"},
		{raw: "BN0A"},
	}
	for _, tt := range codes {
		if got := isCode(tt.raw); got != tt.code {
			t.Errorf("isCode(%q) = %v, want %v", tt.raw, got, tt.code)
		}
	}
	a := New(nil, Options{})
	initials := []struct {
		stem string
		has  string // a code it may be abbreviated by, or ""
		not  string // a code it may not be abbreviated by
	}{
		// "notat" is no stem the models know: the last part may be any.
		{stem: "budsjettnotat", has: "bn", not: "bu"},
		{stem: "bemanningsplan", has: "bp", not: "bn"},
		{stem: "budsjett", not: "bu"},
	}
	for _, tt := range initials {
		got := a.compoundInitials(tt.stem)
		if tt.has != "" && !contains(got, tt.has) || contains(got, tt.not) {
			t.Errorf("compoundInitials(%q) = %q, want %q in it and not %q", tt.stem, got, tt.has, tt.not)
		}
	}
}

// TestCompoundOf checks the parts of a compound that are words of another
// title.
func TestCompoundOf(t *testing.T) {
	tests := []struct {
		compound   string
		words      []string
		head, tail string // "" when none
	}{
		{compound: "skyflytting", words: []string{"fagsystem", "flytt", "skyen"}, head: "sky", tail: "flytting"},
		{compound: "lønnsforhandling", words: []string{"lønnspolitisk", "drøfting", "lokal", "forhandling"}, head: "lønns", tail: "forhandling"},
		{compound: "skyflytting", words: []string{"flytt", "postmottak"}},
		// one word is not both parts
		{compound: "lønnsforhandling", words: []string{"lønnsforhandling"}},
		{compound: "skyflytting", words: []string{"skyflytting", "sky", "flytt"}, head: "sky", tail: "flytting"},
	}
	for _, tt := range tests {
		k := threadKey{words: tt.words}
		k.setParts()
		h, tl, ok := compoundOf(tt.compound, &k)
		if ok != (tt.head != "") || h != tt.head || tl != tt.tail {
			t.Errorf("compoundOf(%q, %q) = %q, %q, %v; want %q, %q", tt.compound, tt.words, h, tl, ok, tt.head, tt.tail)
		}
	}
	for _, tt := range []struct {
		w, h string
		ok   bool
	}{{"skyen", "sky", true}, {"sky", "sky", true}, {"skyer", "sky", false}, {"skyfri", "sky", false}} {
		if got := inflects(tt.w, tt.h); got != tt.ok {
			t.Errorf("inflects(%q, %q) = %v, want %v", tt.w, tt.h, got, tt.ok)
		}
	}
}
