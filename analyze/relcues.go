package analyze

import "regexp"

// How the employer answered, from the words of the answer (bokmål and
// nynorsk, matched on the lower-case sentence or one of its clauses). The
// cues are grouped by what the answer does: refusal, acceptance,
// postponement, and acknowledgement without commitment. A refusal is
// looked for first (a partial refusal is a refusal of that part), then
// acceptance, then postponement; an answer with none of them, or one that
// only acknowledges, gave information: "answered".
var (
	// Refusals by their words: disagreement, holding on to one's own
	// proposal, passing the matter on, taking it only for information.
	rejectCues = []string{"handlingsrom", "til orientering", "avviste", "avvis", "avslo", "avslått",
		"uenig", "usamd", "ikke enig", "ikkje samd", "godt nok ivaretatt", "holdt fast ved", "heldt fast på",
		"er opp til", "går imot", "gikk imot", "lar seg ikke gjøre", "ikke lar seg gjøre", "let seg ikkje gjere",
		"ikkje let seg gjere", "ligger fast", "står fast", "ligg fast",
		// "mente likevel at": after a concession, the employer sets its
		// own view against NTL's.
		"mente likevel", "mener likevel", "meinte likevel", "meiner likevel",
		// "må forholde seg til rammen": the employer is bound by a frame
		// set elsewhere and will not do what was asked.
		"må forholde seg til", "må halde seg til", "må forholde oss til"}
	// "ikke aktuelt", "det er ikke mulig", "det ikke er rom for", "ikke et
	// tema", "ikke satt av midler", "ikke behov for", "ikke planlagt": what
	// was asked for is not available or not intended; "det gis ikke
	// kompensasjon", "dekkes ikke": a negated passive of granting.
	rejectNot = regexp.MustCompile(`\b(?:ikke|ikkje)\s+(?:\p{L}+\s+){0,2}?(?:aktuelt|aktuell|mulig|mogleg|rom for|tema|satt av|sett av|grunnlag|behov for|planlagt|gis|dekkes|dekt|innvilges|bevilges)\b|\b(?:gis|dekkes|innvilges|bevilges)\s+(?:det\s+)?(?:ikke|ikkje)\b`)
	// A negated modal of ability or will: "kan ikke gå med på", "kunne ikke
	// love", "ville ikke", "ønsker ikke", and in a that-clause "at
	// arbeidsgiver ikke kan binde seg". Group 1 is the word before a
	// negation that comes first (the subject in a that-clause), group 2
	// the verb after a modal that comes first.
	negModal = regexp.MustCompile(`(?:\b(\p{L}+)\s+(?:ikke|ikkje)\s+(?:kan|kunne|vil|ville|ønsker|ønsket|ønskjer|ynskjer|har anledning|hadde anledning)\b|\b(?:kan|kunne|vil|ville|ønsker|ønsket|ønskjer|ynskjer)\s+(?:ikke|ikkje)\s+(\p{L}+))`)
	// Verbs after "vil ikke" that make a prediction, not a refusal: "det
	// vil ikke bli nedbemanning"; and verbs of telling after "kunne ikke"
	// ("kunne ikke si", "kunne ikke svare på når"): not knowing yet is no
	// refusal of what was asked.
	notWill = map[string]bool{"bli": true, "være": true, "vere": true, "verte": true, "føre": true, "få": true,
		"si": true, "seie": true, "svare": true, "svara": true, "anslå": true, "tidfeste": true}
	// "kunne ikke gi noen dato", "kan ikke gi noe svar ennå": the same, with
	// the thing not told named after "gi".
	notTell = regexp.MustCompile(`\b(?:kan|kunne)\s+(?:ikke|ikkje)\s+gi\s+(?:noe|noen|nokon|noko|eit|et|en|ei|ein)?\s*(?:svar|dato|tidspunkt|tidsplan|tall|anslag)`)
	// Acceptance and promises: sharing the view, going along, promising
	// to do what was asked, taking it into the plan.
	agreeCues = []string{"enig i", "samd i", "sa seg enig", "var enig", "er enig", "var samd", "er samd", "støttet", "støtter",
		"støtta", "lovet", "lova", "gikk med på", "gjekk med på", "går med på", "ta dette inn", "tatt inn", "tas inn",
		"bli tatt inn", "bekreftet at", "stadfesta", "vil inngå", "legge fram en slik", "leggjast fram", "legges fram",
		"vil legge fram", "en slik gjennomgang", "god idé", "god ide", "greitt", "i orden",
		"under arbeid", "villig til", "imøtekom", "til følge", "vil sørge for", "skal sørge for", "lagt til grunn",
		"tatt hensyn til", "tas hensyn til",
		// Withdrawing one's own proposal gives way to NTL.
		"trakk forslaget", "trekker forslaget", "drog forslaget", "trekte forslaget",
		// Saying yes, apologising for what NTL criticised, opening for or
		// allowing what was asked, presenting or trying it out: each grants
		// the point ("sa ja til det", "beklaget og sa at det var en glipp",
		// "åpnet for at arbeidstiden kan legges mer fleksibelt", "enhetene
		// kan gi tillatelse til dette", "dette prøves ut ved to av enhetene").
		"sa ja", "svarte ja", "svara ja", "beklaget", "beklaga", "åpnet for", "opna for", "åpen for", "open for",
		"gi tillatelse", "gi løyve", "bli lagt fram", "blir lagt fram", "prøves ut", "prøvast ut"}
	// acceptCues are the agreeCues that accept or promise, not only confirm.
	acceptCues = []string{"enig", "samd", "støtte", "støtta", "lovet", "lova", "gikk med på", "gjekk med på", "går med på",
		"god idé", "god ide", "greitt", "villig til", "imøtekom", "vil legge fram", "legges fram", "leggjast fram", "vil sørge for",
		"sa ja", "svarte ja", "svara ja", "beklaget", "beklaga", "åpnet for", "opna for", "åpen for", "open for",
		"gi tillatelse", "gi løyve"}
	// A negated "skal" is a commitment, not a refusal: "ingen skal gå ned
	// i lønn", "framdriften skal ikke påvirkes" promise that what NTL
	// feared will not happen (a refusal says "kan ikke" or "vil ikke").
	promiseNot = regexp.MustCompile(`\b(?:ingen|inga|ingen\s+\p{L}+)\s+(?:skal|skulle)\b|\b(?:skal|skulle)\s+(?:ikke|ikkje)\b|\b(?:ikke|ikkje)\s+(?:skal|skulle)\b`)
	// Postponement: coming back, looking into it, deciding later or
	// elsewhere ("det er kommunene som avgjør"), not decided yet.
	deferCues = []string{"ta stilling", "komme tilbake", "kommer tilbake", "kome tilbake", "kjem tilbake", "bli justert",
		"vil bli vurdert", "skal vurderes", "vil vurdere", "senere", "seinare", "skal drøftes", "må drøftes", "utsatt",
		"med seg", "se på", "sjå på", "må avklares", "må avklarast", "neste møte", "må vente", "vente til",
		"se nærmere på", "sjå nærare på", "vurdere nærmere", "vurdere nærare", "ingen beslutning", "inga avgjerd",
		"før etter", "som avgjør", "som avgjer",
		// "avhenger av bevilgningen for 2021", "må tas opp i forhandlingene":
		// decided later or elsewhere.
		"avhenger av", "avheng av", "må tas opp", "må takast opp",
		// Weighing at a later time ("fristen vurderes når rutinen
		// revideres"; weighing case by case, "må vurderes i hvert enkelt
		// fylke", gives the rule and answers); a matter handled or taken up
		// in another forum is decided there ("skal behandles i etats-MBA i
		// juni", "blir tatt opp i BN1"); taking the question into something
		// later, waiting for something.
		"vurderes når", "vurderast når", "vurderes senere", "vurderes på nytt", "vurderast på nytt", "skal behandles", "skal behandlast", "blir tatt opp",
		"blir teke opp", "skal tas opp", "ta spørsmålet med", "tar spørsmålet med", "ta saken med", "tar saken med",
		"vente på", "venter på", "venta på",
		// Taking a point up later ("ville ta dette opp i førebuinga av
		// neste års forhandlingar"); a frame known only when something
		// else is ("rammene først blir klare når statsbudsjettet legges
		// fram").
		"ta dette opp", "ta det opp", "tar dette opp", "tar det opp", "først blir klar", "blir først klar", "først når",
		// Too early to tell, not clear yet, an answer promised for later.
		"for tidlig å si", "for tidleg å seie", "for tidleg å seia", "ikke klart ennå", "ikkje klart enno",
		"gi svar før", "gje svar før", "vil gi svar", "vil gje svar"}
	// "lovet å komme tilbake til": a promise to return is a postponement,
	// not an acceptance.
	promiseLater = regexp.MustCompile(`\b(?:lovet|lova|lover|lovte)\s+å\s+(?:komme|kome)\s+tilbake\b`)
	// "ville ikke love utlysing før budsjettet er avklart": a promise
	// withheld until something is settled postpones.
	notUntil = regexp.MustCompile(`\b(?:ikke|ikkje)\s+(?:love|lova|lovet)\b.*\bfør\b`)
	// "det er ikke grunnlag for å si det ennå": not knowing yet is no
	// refusal (rejectNot's "ikke ... grunnlag").
	noGroundToSay = regexp.MustCompile(`\bgrunnlag\s+for\s+å\s+(?:si|seie|konkludere|slå fast|fastslå)(?:$|[^\p{L}])`)
	// "er ikke bestemt ennå", "ikkje avklart", "det er ennå ikke tatt
	// stilling": not decided yet.
	notDecided = regexp.MustCompile(`\b(?:ikke|ikkje)\s+(?:er\s+|blitt\s+|vorte\s+)?(?:tatt\s+noen\s+|teke\s+noka\s+)?(?:bestemt|avklart|avklara|avgjort|avgjord|besluttet|vedtatt|vedteke|beslutning|avgjerd)\b`)
	// "det må kommunene avgjøre", "skal den enkelte leder bestemme": the
	// decision lies with someone else, later (a word boundary after the
	// verb: "avgjørende" is no decision); in the passive, decided in a
	// later process ("må avgjøres i arbeidet med BN1"), not by whom
	// ("skal avgjøres av nærmeste leder" gives the rule: answered).
	deferElsewhere = regexp.MustCompile(`\b(?:må|skal|får)\s+(?:\p{L}+\s+){0,5}?(?:avgjøre|avgjere|bestemme|avklare|avklara)(?:$|[^\p{L}])|\b(?:må|skal)\s+(?:avgjøres|avgjerast|bestemmes|bestemmast)\s+(?:i|på|når|etter|senere|seinare)\b`)
	// Confirming what is already done grants nothing new: "bekreftet at
	// dette allerede er rutinen" answers.
	alreadyCue = regexp.MustCompile(`\b(?:bekreftet|bekrefta|stadfesta|stadfestet)\b.*\b(?:allerede|alt|allereie)\b`)
	// A refusal "for now" set against a postponement postpones: "ville
	// ikke love det nå, men vil se på saken før ...".
	forNow = regexp.MustCompile(`(?:^|[^\p{L}])(?:nå|no|foreløpig|ennå|enno|i dag)(?:$|[^\p{L}])`)
	// Acknowledgement without commitment: the answer notes the point and
	// does nothing with it; alone it is "answered", and it does not stand
	// against a postponement that follows it ("noterte seg synet, men
	// ingen beslutning tas før etter høringen").
	ackCues = []string{"til etterretning", "noterte seg", "noterte", "merket seg", "merka seg", "tok innspillet",
		"tok dette til", "takket for innspillet", "takka for innspelet"}
	// Subjects of a that-clause that are the employer answering for
	// itself: "svarte at arbeidsgiver ikke kan ...".
	employerSubject = map[string]bool{"arbeidsgiver": true, "arbeidsgivar": true, "etaten": true, "ledelsen": true,
		"direktoratet": true, "vi": true, "hun": true, "han": true, "de": true, "dei": true, "ho": true}
	// A question about how, why, what (after the verb that asks, or
	// opening the sentence): an answer to it informs, unless it refuses.
	whQuestion = regexp.MustCompile(`(?:^|\b(?:spurte|spurde|spør|spørsmål om|lurte på|lurer på|ville vite)\s+(?:også\s+|òg\s+)?)(?:hvordan|hvorfor|hva|hvilke|hvilken|hvem|hvor|når|korleis|kvifor|kva|kven|kor|kvar)\b`)
	// contrast splits an answer into the parts that may answer different
	// points: "ikke aktuelt å øremerke midler, men statistikken vil bli
	// sendt".
	contrast = regexp.MustCompile(`,?\s+(?:men|mens)\s+`)
)

// rejectNotWords and negModalWords are parts of words that rejectNot and
// negModal need, one of each list.
var (
	rejectNotWords = []string{"aktuel", "mulig", "mogleg", "rom for", "tema", "satt av", "sett av", "grunnlag", "behov for",
		"planlagt", "gis", "dekkes", "dekt", "innvilges", "bevilges"}
	negModalWords = []string{"kan", "kunne", "vil", "ønsk", "ynskjer", "anledning"}
)

var (
	// demands are the verbs of a request or a demand.
	demands = regexp.MustCompile(`\b(?:ba|bad|be|ber)\s+om\b|\b(?:krev\p{L}*|kravde|krav(?:et)?\s+om)\b`)
	// demandsNot is a demand or a refusal by NTL that something not be
	// done: "ba om at ... ikke", "krevde at ingen", "vil ikke være med på",
	// "kan ikke støtte", "går imot".
	demandsNot = regexp.MustCompile(`\b(?:(?:ba|bad|be|ber)\s+om|krev\p{L}*|kravde|krav(?:et)?\s+om)\s+(?:\p{L}+[ ,]+){0,8}?(?:ikke|ikkje|ingen|inga)\b|\b(?:(?:ikke|ikkje)\s+(?:vil|kan|kunne|ville)|(?:vil|kan|kunne|ville)\s+(?:ikke|ikkje))\s+(?:være med|vere med|støtte|godta|akseptere|gå med)|\bgå(?:r)?\s+imot\b|\bgikk\s+imot\b`)
)

// consults is a promise that a matter will be discussed with the unions.
var consults = regexp.MustCompile(`\b(?:skal|vil|må)\s+(?:\p{L}+\s+){0,2}?(?:drøftes|drøftast|drøftast)\b`)
