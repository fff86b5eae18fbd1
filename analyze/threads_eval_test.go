package analyze

import "testing"

// TestThreads links the cases of all annotated meetings and scores "same
// matter" pairwise against their thread slugs: pairs within the training
// meetings, and pairs with a held-out meeting (never tuned on).
func TestThreads(t *testing.T) {
	all, err := LoadGold("../testdata/annotated/train")
	if err != nil {
		t.Fatal(err)
	}
	// The batches scored apart (see trainFiles): the wave-4 topic batch
	// (t4-), written for topics, and the batches of annotators who read no
	// code (a5- to a8-). The linker was not tuned on them, so their pairs
	// are scored apart, each batch together with the meetings that existed
	// when it was written (the other training meetings and the batches
	// before it, which its annotator could read and link to), counting
	// the pairs with a case of the batch. A pair of two batches is so
	// scored once, in the later one: its annotator decided it.
	apart := map[string]bool{}
	for _, prefix := range batchPrefixes {
		_, ids := goldIDs(t, batchFiles(t, prefix)...)
		for id := range ids {
			apart[id] = true
		}
	}
	var train []GoldMeeting
	for _, m := range all {
		if !apart[m.ID] {
			train = append(train, m)
		}
	}
	earlier := append([]GoldMeeting(nil), train...)
	// pairsWith scores the pairs with a case of the meetings in files,
	// linked together with the earlier meetings; kept, they join those.
	var batchMisses []string
	pairsWith := func(label string, files []string, keep bool) PRF {
		batch, ids := goldIDs(t, files...)
		meetings := append(append([]GoldMeeting(nil), earlier...), batch...)
		if keep {
			earlier = meetings
		}
		_, got, ms := New(nil, Options{}).EvaluateThreads(meetings, ids)
		t.Logf("pairs with a case of %s: %v", label, got)
		batchMisses = append(batchMisses, ms...)
		return got
	}
	batchPairs := func(prefix string) PRF { return pairsWith("batch "+prefix, batchFiles(t, prefix), true) }
	wave4, wave5, a6 := batchPairs("t4-"), batchPairs("a5-"), batchPairs("a6-")
	a7, a8 := batchPairs("a7-"), batchPairs("a8-")
	// The wave-11 batches (a11-, a12-) were written side by side, each
	// annotator with every earlier training meeting to read and link to,
	// but not the other's batch: each is scored with the meetings before
	// it, counting the pairs with a case of the batch.
	a11 := pairsWith("batch a11-", batchFiles(t, "a11-"), false)
	a12 := pairsWith("batch a12-", batchFiles(t, "a12-"), false)
	// The wave-8 development batches (testdata/annotated/dev) were
	// written at the same time by two annotators, each with every
	// training meeting of then to read and link to (all but the wave-11
	// batches), but not the other's batch: each is scored together with
	// those, counting the pairs with a case of the batch, and the two
	// pooled.
	var devPairs PRF
	for _, prefix := range []string{"a9-", "a10-"} {
		devPairs.add(pairsWith("development batch "+prefix, devFiles(t, prefix), false))
	}
	held, heldout := goldIDs(t, "../testdata/annotated/heldout")
	inside, across, misses := New(nil, Options{}).EvaluateThreads(append(train, held...), heldout)
	// heldout2 to heldout6 were annotated by people who never read the
	// other sets, so only a set's pairs among themselves have a gold answer.
	within := func(dir string) PRF {
		held, all := goldIDs(t, dir)
		_, got, ms := New(nil, Options{}).EvaluateThreads(held, all)
		t.Logf("%s pairs among themselves: %v", dir, got)
		misses = append(misses, ms...)
		return got
	}
	within2 := within("../testdata/annotated/heldout2")
	within3 := within("../testdata/annotated/heldout3")
	within4 := within("../testdata/annotated/heldout4")
	within5 := within("../testdata/annotated/heldout5")
	within6 := within("../testdata/annotated/heldout6")
	within7 := within("../testdata/annotated/heldout7")
	within8 := within("../testdata/annotated/heldout8")
	t.Logf("train pairs: %v", inside)
	misses = append(misses, batchMisses...)
	t.Logf("pairs with a held-out case: %v", across)
	for _, m := range misses {
		t.Log("  ", m)
	}
	tests := []struct {
		name   string
		got    PRF
		minP   float64
		minF1  float64
		minAll int // pairs in gold, so that the test cannot pass on nothing
	}{
		// The thread rules of wave 5 (threadrules.go: units, standing
		// matters, topics, time, modifiers, places; drawn from the t4, a5
		// and a6 batches' misses) were left out in wave 5, when the
		// held-out sets 2 to 5 were the only referee: they lost recall
		// there (pooled P 0.86 R 0.62 -> P 1.00 R 0.45). They were merged
		// in wave 6, when 36 meetings more that no rule had seen (the a7
		// and a8 batches, heldout6) said the other way: pooled over every
		// set the rules never saw (heldout2 to heldout6, a7, a8) P 0.33
		// R 0.67 F1 0.44 -> P 0.60 R 0.52 F1 0.56; a user's thread list
		// was mostly false links before.
		// Measured P 0.95 with the wave 4 meetings: "Budsjett 2020 –
		// foreløpig tildeling" of a county is linked to etats-MBA's "Plan-
		// og budsjettnotat 2 for 2020 (BN2)" (the same year's budget, not
		// the same matter).
		{name: "train", got: inside, minP: 0.94, minF1: 0.9, minAll: 7},
		// A training case written in wave 3 looks like a held-out case of
		// another matter (the contact centre's phone hours of another
		// year): measured P 0.92.
		{name: "held out", got: across, minP: 0.9, minF1: 0.9, minAll: 8},
		// Measured P 0.29, R 0.83 the first time (wave 4): realistic
		// titles that share a word with another year's or body's case
		// ("Kontorstruktur i ...", "Kompetanseplan for ...", "Vernerunder")
		// are linked by title alone, and a pandemic home-office case joins
		// the hjemmekontor and return-to-office threads.
		// With the a5 batch among the meetings: P 0.28, R 0.875; scored
		// since wave 6 with the meetings before it only: P 0.71, R 0.83.
		// With the thread rules of wave 5 (merged in wave 6): P 1.00, R 0.83.
		{name: "wave-4 topic batch", got: wave4, minP: 0.95, minF1: 0.85, minAll: 4},
		// Measured P 0.26, R 1.00 the first time (the a5 batch, written by
		// an annotator who read no code): titles that share words across
		// years and bodies ("... etter første tertial", "Lokale
		// forhandlinger 2026" centrally and in a county) are linked.
		// With the a6 batch among the meetings: P 0.24, R 0.86 (a6 cases
		// linked to a5 ones by title); scored since wave 6 with the
		// meetings before it only (a pair with a later batch counts there):
		// P 0.33, R 0.86.
		// With the thread rules of wave 5 (read from its misses): P 1.00, R 0.86.
		{name: "a5 batch", got: wave5, minP: 0.95, minF1: 0.85, minAll: 7},
		// Measured P 0.17, R 0.57 the first time (the a6 batch, wave 5, an
		// annotator who read no code): a consultants' hire linked to the
		// contact centre's hired staff, co-location and cloud moves under
		// new titles missed, "Vernerunder" of one year and unit linked to
		// another's.
		// With the thread rules of wave 5 (read from its misses): P 0.50, R 0.57.
		// With compounds of two title words (wave 18, read from its
		// cloud-move misses): P 0.60, R 0.86.
		{name: "a6 batch", got: a6, minP: 0.55, minF1: 0.65, minAll: 7},
		// Measured P 0.07, R 0.80 the first time (the a7 batch, wave 6, an
		// annotator who read no code, writing look-alikes on purpose):
		// four different local negotiations, digital services of 2018 and
		// 2020, whistleblowing routines of 2019 and 2023 linked by title.
		// With the thread rules of wave 5, which never saw it: P 0.17, R 0.40.
		{name: "a7 batch", got: a7, minP: 0.15, minF1: 0.2, minAll: 5},
		// Measured P 0.29, R 0.67 the first time (the a8 batch, wave 6, the
		// same way): "Kurs i bruk av språkmodeller" linked to the thread of
		// an AI tool, one ombud's reports of different periods linked.
		// With the thread rules of wave 5, which never saw it: P 0.48, R 0.54;
		// with wave 6's topics P 0.50, R 0.63.
		{name: "a8 batch", got: a8, minP: 0.45, minF1: 0.5, minAll: 20},
		// Measured the first time (wave 11, main at d09491b, before any
		// rule saw them): a11 P 0.33 R 0.67 (tp 4, fp 8, fn 2), a12 P 0.11
		// R 0.22 (tp 2, fp 17, fn 7). Both wrote look-alikes on purpose
		// ("Tildelingsbrevet for 2023 – mindre til konsulenter" is not
		// the etats-MBA's allocation letter of that year; "Overtid og
		// avspasering i ytelseslinjen" not "Kompensasjon for reisetid og
		// overtid ved kurs"), linked by title, and told a12's barnetrygd
		// matter in other words each time.
		{name: "a11 batch", got: a11, minP: 0.3, minF1: 0.4, minAll: 6},
		{name: "a12 batch", got: a12, minP: 0.1, minF1: 0.13, minAll: 9},
		// Measured P 1.00, R 0.60: the two pairs missed are nine and
		// seven years apart, beyond maxSpan.
		// With the thread rules of wave 5: P 1.00, R 0.20 (one pair of
		// three kept; see the note at the table).
		{name: "heldout2", got: within2, minP: 0.95, minF1: 0.3, minAll: 5},
		// Measured P 0.67, R 0.75 the first time it was run: home office
		// in three contexts and years (its README's look-alikes) is one
		// thread by title; a nynorsk "Regionreforma – fase 3" is not
		// linked to "Ny regional struktur".
		{name: "heldout3", got: within3, minP: 0.6, minF1: 0.65, minAll: 8},
		// Measured P 0.875, R 0.70 the first time it was run (main at
		// b018d3f), before any rule saw it.
		// With the thread rules of wave 5: P 1.00, R 0.40.
		// With compounds of two title words (wave 18, read from the a6
		// batch, never from it): P 1.00, R 0.70: "Lønnspolitisk drøfting
		// før de lokale forhandlingene" and "Lokale lønnsforhandlinger" of
		// one year.
		{name: "heldout4", got: within4, minP: 0.95, minF1: 0.8, minAll: 10},
		// Measured P 0.667, R 0.333 the first time it was run (main at
		// e2adc60, wave 5), before any rule saw it.
		{name: "heldout5", got: within5, minP: 0.6, minF1: 0.4, minAll: 6},
		// Measured P 0.889, R 0.727 the first time it was run (main at
		// 36b247e, wave 6), before any rule saw it.
		// With the thread rules of wave 5, which never saw it: P 1.00, R 0.73;
		// with wave 6's topics (compound parts, case model) R 0.55: two
		// pairs whose predicted topics now share none (the rule "no topic
		// in common, other matters"), while the a8 batch gained two.
		{name: "heldout6", got: within6, minP: 0.95, minF1: 0.7, minAll: 10},
		// Measured P 0.667, R 0.20 (tp 2, fp 1, fn 8) the first time it was run (main
		// at 422c800, wave 10), before any rule saw it: the matters told in
		// other words from one meeting to the next are missed.
		// With codes (wave 18): P 0.80, R 0.40 (tp 4, fp 1, fn 6): "BN0 for
		// 2025" joins "Plan- og budsjettnotat 1 for 2025" and "Linjevise
		// budsjetter for 2025", the issue's own example of a thread, which
		// was read here; no other set's pairs changed.
		{name: "heldout7", got: within7, minP: 0.75, minF1: 0.5, minAll: 8},
		// Measured P 1.00, R 0.20 (tp 1, fp 0, fn 4) the first time it was
		// run (wave 11, with a11 and a12 trained on), before any rule saw
		// it: as in heldout7, a matter told in other words each time.
		{name: "heldout8", got: within8, minP: 0.95, minF1: 0.3, minAll: 5},
		// Measured P 0.13, R 0.375 (tp 3, fp 20, fn 5) the first time
		// (wave 8, main at fb71d0a), before any rule saw them: look-alikes
		// of other years and units linked by title, and the batches' own
		// recurring matters told in other words.
		{name: "wave-8 development batches", got: devPairs, minP: 0.1, minF1: 0.15, minAll: 8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got.TP+tt.got.FN < tt.minAll {
				t.Fatalf("only %d gold pairs", tt.got.TP+tt.got.FN)
			}
			if tt.got.Precision() < tt.minP || tt.got.F1() < tt.minF1 {
				t.Errorf("thread pairs %v: want P >= %.2f, F1 >= %.2f", tt.got, tt.minP, tt.minF1)
			}
		})
	}
}

// TestThreadsLookAlikes checks cases that look alike but are other
// matters, and ones that are the same matter in other words.
func TestThreadsLookAlikes(t *testing.T) {
	a := New(nil, Options{})
	tests := []struct {
		name string
		x, y ThreadCase
		same bool
	}{
		{name: "budget notes for one year", x: ThreadCase{Meeting: "m1", Date: "2023-06-08", Title: "Plan- og budsjettnotat 0 for 2024 (BN0)"},
			y: ThreadCase{Meeting: "m2", Date: "2023-09-14", Title: "Plan- og budsjettnotat 1 for 2024 (BN1)"}, same: true},
		{name: "budget notes for other years", x: ThreadCase{Meeting: "m1", Date: "2022-05-12", Title: "Plan- og budsjettnotat 0 for 2023 (BN0)"},
			y: ThreadCase{Meeting: "m2", Date: "2023-06-08", Title: "Plan- og budsjettnotat 0 for 2024 (BN0)"}},
		// Wave 18: a code stands for the compound whose parts it begins.
		{name: "a code and the compound it abbreviates", x: ThreadCase{Meeting: "m1", Date: "2024-06-13", Title: "BN0 for 2025"},
			y: ThreadCase{Meeting: "m2", Date: "2024-09-19", Title: "Plan- og budsjettnotat 1 for 2025"}, same: true},
		{name: "a code of another year", x: ThreadCase{Meeting: "m1", Date: "2023-06-08", Title: "BN0 for 2024"},
			y: ThreadCase{Meeting: "m2", Date: "2024-09-19", Title: "Plan- og budsjettnotat 1 for 2025"}},
		{name: "a code is not a compound of other initials", x: ThreadCase{Meeting: "m1", Date: "2024-06-13", Title: "BN0 for 2025"},
			y: ThreadCase{Meeting: "m2", Date: "2024-09-19", Title: "Bemanningsplan for 2025"}},
		{name: "a word in lower case is no code", x: ThreadCase{Meeting: "m1", Date: "2024-06-13", Title: "Bn0 for 2025"},
			y: ThreadCase{Meeting: "m2", Date: "2024-09-19", Title: "Plan- og budsjettnotat 1 for 2025"}},
		// Wave 18: a compound and two words of the other title that are
		// its parts.
		{name: "a compound of two words of the other title", x: ThreadCase{Meeting: "m1", Date: "2022-06-09", Title: "Fagsystemene flyttes til skyen"},
			y: ThreadCase{Meeting: "m2", Date: "2023-02-09", Title: "Skyflyttingen – status"}, same: true},
		{name: "a compound and one of its parts", x: ThreadCase{Meeting: "m1", Date: "2022-06-09", Title: "Flytting av postmottaket"},
			y: ThreadCase{Meeting: "m2", Date: "2023-02-09", Title: "Skyflyttingen – status"}},
		{name: "negotiations of other years", x: ThreadCase{Meeting: "m1", Date: "2017-03-02", Title: "Lokale lønnsforhandlinger 2017"},
			y: ThreadCase{Meeting: "m2", Date: "2023-06-08", Title: "Lokale lønnsforhandlinger 2023"}},
		{name: "guidelines for two things", x: ThreadCase{Meeting: "m1", Date: "2022-01-20", Title: "Retningslinjer for hjemmekontor"},
			y: ThreadCase{Meeting: "m2", Date: "2024-06-13", Title: "Retningslinjer for bruk av KI i saksbehandlingen"}},
		{name: "summaries of two things", x: ThreadCase{Meeting: "m1", Date: "2016-04-14", Title: "Oppsummering av lønnsoppgjøret 2016"},
			y: ThreadCase{Meeting: "m2", Date: "2016-11-24", Title: "Oppsummering av vernerundene 2016"}},
		{name: "phases of two reorganisations", x: ThreadCase{Meeting: "m1", Date: "2019-05-23", Title: "Ny struktur i innkrevingssentralen – fase 2"},
			y: ThreadCase{Meeting: "m2", Date: "2019-10-17", Title: "Utvikling av organisasjonen – oppstart av fase 2"}},
		{name: "a system for another benefit", x: ThreadCase{Meeting: "m1", Date: "2023-09-14", Title: "Ny saksbehandlingsløsning for dagpenger"},
			y: ThreadCase{Meeting: "m2", Date: "2026-02-05", Title: "Ny saksbehandlingsløsning for sykepenger"}},
		{name: "a system is not the work it serves", x: ThreadCase{Meeting: "m1", Date: "2023-09-14", Title: "Saksbehandlingstid for dagpenger"},
			y: ThreadCase{Meeting: "m2", Date: "2024-02-05", Title: "Ny saksbehandlingsløsning i NAV"}},
		{name: "a unit is not a matter", x: ThreadCase{Meeting: "m1", Date: "2023-09-14", Title: "Telefontid i NAV Kontaktsenter"},
			y: ThreadCase{Meeting: "m2", Date: "2025-12-11", Title: "KI-assistent i NAV Kontaktsenter"}},
		{name: "inflected compound", x: ThreadCase{Meeting: "m1", Date: "2025-12-11", Title: "KI-assistent i NAV Kontaktsenter"},
			y: ThreadCase{Meeting: "m2", Date: "2026-01-15", Title: "KI-assistenten i kontaktsenteret – plan for innføring"}, same: true},
		{name: "sick leave of another period", x: ThreadCase{Meeting: "m1", Date: "2019-10-17", Title: "Sykefravær i NAV Arbeid og ytelser"},
			y: ThreadCase{Meeting: "m2", Date: "2020-09-10", Title: "Sykefraværsstatistikk for 2. kvartal 2020"}},
		{name: "cases are not the routine", x: ThreadCase{Meeting: "m1", Date: "2022-03-10", Title: "Varslingssak i NAV Kontaktsenter"},
			y: ThreadCase{Meeting: "m2", Date: "2023-12-14", Title: "Revidert rutine for intern varsling"}},
		{name: "sick leave of other units", x: ThreadCase{Meeting: "m1", Date: "2019-10-17", Title: "Sykefravær i NAV Arbeid og ytelser"},
			y: ThreadCase{Meeting: "m2", Date: "2020-02-06", Title: "Sykefravær i kontaktsenteret 2019"}},
		{name: "the ombud is not the routine", x: ThreadCase{Meeting: "m1", Date: "2023-12-07", Title: "Revidert rutine for intern varsling"},
			y: ThreadCase{Meeting: "m2", Date: "2024-04-18", Title: "Årsrapport fra varslingsombudet"}},
		{name: "training is not the matter", x: ThreadCase{Meeting: "m1", Date: "2020-09-10", Title: "Opplæring av nye verneombud"},
			y: ThreadCase{Meeting: "m2", Date: "2022-09-15", Title: "Opplæring i arbeidsrettet oppfølging"}},
		{name: "users are not staff", x: ThreadCase{Meeting: "m1", Date: "2016-04-14", Title: "Ny modell for oppfølging av sykmeldte brukere"},
			y: ThreadCase{Meeting: "m2", Date: "2018-10-25", Title: "Oppfølging av sykmeldte ansatte"}},
		{name: "fields of work are units", x: ThreadCase{Meeting: "m1", Date: "2018-10-25", Title: "Arbeidsbelastning i forvaltningsenhetene"},
			y: ThreadCase{Meeting: "m2", Date: "2021-06-03", Title: "Restanser på dagpengeområdet og arbeidsbelastning"}},
		{name: "one negotiation in two meetings", x: ThreadCase{Meeting: "m1", Date: "2023-03-16", Title: "Lokale lønnsforhandlinger 2023 – rammer"},
			y: ThreadCase{Meeting: "m2", Date: "2023-06-08", Title: "Lokale lønnsforhandlinger 2023"}, same: true},
		{name: "a warning about something is not the routine", x: ThreadCase{Meeting: "m1", Date: "2019-06-13", Title: "Varsling om trakassering i en avdeling"},
			y: ThreadCase{Meeting: "m2", Date: "2020-10-01", Title: "Revidert rutine for intern varsling"}},
		{name: "administrations are units", x: ThreadCase{Meeting: "m1", Date: "2021-06-03", Title: "Restanser på dagpengeområdet"},
			y: ThreadCase{Meeting: "m2", Date: "2022-01-20", Title: "Restanser i sykepengeforvaltningen"}},
		{name: "a compound's first part", x: ThreadCase{Meeting: "m1", Date: "2018-02-08", Title: "Budsjett 2018"},
			y: ThreadCase{Meeting: "m2", Date: "2018-03-08", Title: "Ledige stillinger etter budsjettfordelingen"}, same: true},
		// Wave 4: names, standing matters, the NAV offices as a unit.
		{name: "places are names", x: ThreadCase{Meeting: "m1", Date: "2020-03-05", Title: "Ny kontorstruktur i Innlandet – endelig drøfting"},
			y: ThreadCase{Meeting: "m2", Date: "2020-10-22", Title: "Kontorstruktur i Troms og Finnmark"}},
		{name: "one place's structure", x: ThreadCase{Meeting: "m1", Date: "2019-11-21", Title: "Kontorstruktur i Innlandet – høringsutkast"},
			y: ThreadCase{Meeting: "m2", Date: "2020-03-05", Title: "Ny kontorstruktur i Innlandet – endelig drøfting"}, same: true},
		{name: "a shared name alone", x: ThreadCase{Meeting: "m1", Date: "2024-02-08", Title: "Ny HR-portal (Mitt HR)"},
			y: ThreadCase{Meeting: "m2", Date: "2024-11-28", Title: "Mitt HR – erfaringer etter innføringen"}, same: true},
		{name: "a standing matter in two bodies", x: ThreadCase{Meeting: "m1", Date: "2020-09-10", Title: "Smittevern ved NAV-kontorene"},
			y: ThreadCase{Meeting: "m2", Date: "2020-10-22", Title: "Smittevern ved kontorene i høst"}},
		{name: "a standing matter of a unit and of a quarter", x: ThreadCase{Meeting: "m1", Date: "2019-10-17", Title: "Sykefravær i NAV Arbeid og ytelser"},
			y: ThreadCase{Meeting: "m2", Date: "2019-11-21", Title: "Sykefravær 3. kvartal 2019"}},
		{name: "a standing matter taken up at the next meeting", x: ThreadCase{Meeting: "m1", Date: "2023-09-21", Title: "Sykefravær 2. kvartal 2023"},
			y: ThreadCase{Meeting: "m2", Date: "2023-10-19", Title: "Tiltak i enhetene med høyest sykefravær"}, same: true},
		{name: "violence and threats two reports", x: ThreadCase{Meeting: "m1", Date: "2024-04-18", Title: "Vold og trusler i publikumsmottakene"},
			y: ThreadCase{Meeting: "m2", Date: "2024-06-13", Title: "Vold og trusler – årsrapport 2023"}},
		{name: "the state budget is not what is national", x: ThreadCase{Meeting: "m1", Date: "2023-06-08", Title: "Revidert nasjonalbudsjett 2023"},
			y: ThreadCase{Meeting: "m2", Date: "2024-11-28", Title: "Kontorstruktur – nasjonale føringer"}},
		{name: "the NAV offices are not the contact centre", x: ThreadCase{Meeting: "m1", Date: "2019-10-17", Title: "Utvidet åpningstid i NAV Kontaktsenter"},
			y: ThreadCase{Meeting: "m2", Date: "2024-02-08", Title: "Utvidet åpningstid på NAV-kontorene – pilot"}},
		{name: "two quarters of one year", x: ThreadCase{Meeting: "m1", Date: "2017-05-11", Title: "Sykefravær første kvartal 2017"},
			y: ThreadCase{Meeting: "m2", Date: "2017-11-30", Title: "Sykefraværet 3. kvartal 2017"}},
		{name: "a season is not a matter", x: ThreadCase{Meeting: "m1", Date: "2019-09-05", Title: "Telefonkøer og arbeidspress i høst"},
			y: ThreadCase{Meeting: "m2", Date: "2020-10-22", Title: "Smittevern ved kontorene i høst"}},
		{name: "the pandemic is when, not what", x: ThreadCase{Meeting: "m1", Date: "2020-05-14", Title: "Hjemmekontor og arbeidstid under pandemien"},
			y: ThreadCase{Meeting: "m2", Date: "2021-11-25", Title: "Tilbake på kontoret etter pandemien"}},
		{name: "working hours are a standing matter", x: ThreadCase{Meeting: "m1", Date: "2018-10-25", Title: "Retningslinjer for bruk av mobiltelefon utenfor arbeidstid"},
			y: ThreadCase{Meeting: "m2", Date: "2020-05-14", Title: "Hjemmekontor og arbeidstid under pandemien"}},
		{name: "same meeting", x: ThreadCase{Meeting: "m1", Date: "2023-06-08", Title: "Budsjett 2024"},
			y: ThreadCase{Meeting: "m1", Date: "2023-06-08", Title: "Budsjett 2024 – oppfølging"}},
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

// TestThreadsNoChain checks that links do not chain two matters through a
// third, and that of two earlier cases the nearer in time is linked.
func TestThreadsNoChain(t *testing.T) {
	a := New(nil, Options{})
	tests := []struct {
		name  string
		cases []ThreadCase
		same  [][2]int // pairs that must share a thread
		apart [][2]int // pairs that must not
	}{
		{name: "two places through a third", cases: []ThreadCase{
			{Meeting: "m1", Date: "2019-11-21", Title: "Samlokalisering av kontorene i Innlandet"},
			{Meeting: "m2", Date: "2020-05-14", Title: "Samlokalisering – status"},
			{Meeting: "m3", Date: "2020-10-22", Title: "Samlokalisering i Troms og Finnmark"}},
			same: [][2]int{{0, 1}}, apart: [][2]int{{0, 2}}},
		{name: "the nearer in time", cases: []ThreadCase{
			{Meeting: "m1", Date: "2019-10-17", Title: "Utvidet åpningstid i NAV Kontaktsenter"},
			{Meeting: "m2", Date: "2024-02-08", Title: "Utvidet åpningstid på NAV-kontorene – pilot"},
			{Meeting: "m3", Date: "2024-06-13", Title: "Arbeidsmiljø ved utvidet åpningstid"}},
			same: [][2]int{{1, 2}}, apart: [][2]int{{0, 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			th := a.Threads(tt.cases)
			for _, p := range tt.same {
				if th[p[0]] == "" || th[p[0]] != th[p[1]] {
					t.Errorf("threads %q: cases %d and %d should be one matter", th, p[0], p[1])
				}
			}
			for _, p := range tt.apart {
				if th[p[0]] != "" && th[p[0]] == th[p[1]] {
					t.Errorf("threads %q: cases %d and %d should not be one matter", th, p[0], p[1])
				}
			}
		})
	}
}
