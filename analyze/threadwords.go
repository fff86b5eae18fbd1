package analyze

import (
	"strings"
	"unicode/utf8"
)

// The word lists of thread linking: words of titles that say nothing
// about a matter, named groups of people, and units.

// Words of titles that say nothing about the matter: process words and
// the names of units (a unit is where a matter is, not what it is).
var threadStop = func() map[string]bool {
	m := map[string]bool{}
	st := &Stemmer{}
	for _, w := range strings.Fields("ny nytt nye revidert revidert evaluering status oppstart første gangs behandling " +
		"endelig drøfting orientering sak saker rapport plan planer innføring erfaring erfaringar erfaringer kvartal " +
		"halvår tertial tertialet bruk arbeid arbeids tiltak oppfølging opplæring opplæringa kurs kurset kursa kursene eventuelt " +
		"godkjenning innkalling referat møte " +
		// Kinds of documents and steps a matter goes through: "Retningslinjer
		// for hjemmekontor" and "Retningslinjer for bruk av KI" are two
		// matters, as are "Oppsummering av vernerundene" and of wage talks.
		"oppsummering oppsummeringa retningslinjer retningslinje retningslinjene rutine rutiner rutinen " +
		"handlingsplan strategi resultat resultater resultata årsrapport forslag utkast prosess " +
		"fase fasen faser " +
		// Prepositions Snowball's stop list lacks.
		"under gjennom blant innen hos " +
		"egne eigne flere fleire " +
		// The pandemic is when a matter was, not what it is: "Hjemmekontor
		// under koronapandemien", "Tilbake på kontoret etter pandemien".
		"pandemi pandemien koronapandemi koronapandemien korona koronaviruset koronaen " +
		// Seasons and holidays are times too: "... i høst", "... i julen".
		"høst høsten vår våren sommer sommeren vinter vinteren jul julen påske påsken " +
		"nav nav-kontor nav-kontora nav-kontorene kontor kontora kontorene etat etaten etaten velferdsetaten " +
		"direktoratet direktorat linjen fylket fylkene enhet enhetene enheter avdeling avdelingen") {
		m[st.Stem(w)] = true
	}
	for st := range threadUnits {
		m[st] = true
	}
	for st := range threadGroups {
		m[st] = true
	}
	return m
}()

// threadGroups are stems of groups of people a matter is for: two titles
// that each name one, and not the same one, are other matters ("Oppfølging
// av sykmeldte brukere", "Oppfølging av sykmeldte ansatte").
var threadGroups = func() map[string]bool {
	m := map[string]bool{}
	st := &Stemmer{}
	for _, w := range strings.Fields("brukere brukerne brukarar brukarane ansatte ansatt tilsette medarbeidere " +
		"medarbeidarar ledere lederne leiarar veiledere veilederne rettleiarar") {
		m[st.Stem(w)] = true
	}
	return m
}()

// threadUnits are stems of named units and benefits: two titles that
// each name one, and not the same one, are about matters of different
// units ("Sykefravær i NAV Arbeid og ytelser", "Sykefravær i
// kontaktsenteret") or benefits.
var threadUnits = func() map[string]bool {
	m := map[string]bool{}
	st := &Stemmer{}
	for _, w := range strings.Fields("kontaktsenter kontaktsenteret ytelser ytelseslinjen økonomitjenester " +
		"hjelpemiddelsentral hjelpemiddelsentralen innkreving innkrevingssentralen " +
		// Benefits are fields of work: a system or a routine for one is
		// not the same matter as one for another.
		"sosialhjelp dagpenger sykepenger arbeidsavklaringspenger aap uføretrygd foreldrepenger " +
		"pensjon alderspensjon barnetrygd kontantstøtte tiltakspenger kvalifiseringsprogrammet " +
		"introduksjonsprogrammet") {
		m[st.Stem(w)] = true
	}
	return m
}()

// unitHeads end compounds that name a unit or a field of work:
// "forvaltningsenhetene", "dagpengeområdet", "kontaktsenteret",
// "sykepengeforvaltningen".
var unitHeads = []string{"enhetene", "enheten", "enheter", "eininga", "einingane", "området", "områda", "avdelingen",
	"avdelinga", "senteret", "sentralen", "forvaltningen", "forvaltninga"}

// isUnit reports whether the lower-case word w is a compound that names a
// unit: a unit head after at least three letters.
func isUnit(w string) bool {
	for _, h := range unitHeads {
		if strings.HasSuffix(w, h) && utf8.RuneCountInString(w)-utf8.RuneCountInString(h) >= 3 {
			return true
		}
	}
	return false
}
