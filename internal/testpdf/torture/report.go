package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// A Row sums the results of a group of files.
type Row struct {
	Set   string `json:"set"`   // a source set, or "all" / "real-world" for the totals
	Group string `json:"group"` // a producer family, a generator, or "all"
	Files int    `json:"files"`
	// TheirText counts files where pdftotext finds text; Both those where
	// referat does too; Share is Both/TheirText (1 when TheirText is 0).
	TheirText int     `json:"pdftotext_text"`
	Both      int     `json:"both_text"`
	Share     float64 `json:"share"`
	OursOnly  int     `json:"ours_only"` // referat finds text, pdftotext does not
	// Compared counts files where both have >= MinWordsCompare words;
	// MedianSimilarity and MedianBagF1 are over those (-1 when none).
	Compared         int     `json:"compared"`
	MedianSimilarity float64 `json:"median_similarity"`
	MedianBagF1      float64 `json:"median_bag_f1"`
	// MedianRawSimilarity is the median over the same files of the
	// similarity of the extractor's raw page text, running heads and
	// page numbers kept (see rawText); -1 when none.
	MedianRawSimilarity float64 `json:"median_raw_similarity"`
	// The second reference (MuPDF's mutool), over the same compared files
	// where mutool has >= MinWordsCompare words too (MuPDFCompared of
	// them): the median similarity of referat's cleaned text to mutool's
	// (simil_mupdf), of the raw page text (raw_simil_mupdf), and of
	// pdftotext's text (p2t_vs_mupdf: low where the references disagree);
	// -1 when none or mutool was not run.
	MuPDFCompared    int     `json:"mupdf_compared"`
	MedianSimilMuPDF float64 `json:"simil_mupdf"`
	MedianRawMuPDF   float64 `json:"raw_simil_mupdf"`
	MedianP2TvsMuPDF float64 `json:"p2t_vs_mupdf"`
	Escapes          int     `json:"escapes"`          // crashes, unclear errors, hangs
	Nondeterministic int     `json:"nondeterministic"` // files whose two reads differ
	Pages            int     `json:"pages"`
	Seconds          float64 `json:"seconds"`          // referat's wall time, first reads
	PagesPerSecond   float64 `json:"pages_per_second"` // Pages/Seconds
}

// A Report is the whole measurement.
type Report struct {
	Command string   `json:"command"`
	Rows    []Row    `json:"rows"`
	Files   []Result `json:"files"`
}

func summarise(set, group string, rs []Result) Row {
	row := Row{Set: set, Group: group, Files: len(rs)}
	var sims, bags, raws, mus, rawMus, p2tMus []float64
	for _, r := range rs {
		if r.TheirText {
			row.TheirText++
			if r.OurText {
				row.Both++
			}
		} else if r.OurText {
			row.OursOnly++
		}
		if r.Similarity >= 0 {
			row.Compared++
			sims = append(sims, r.Similarity)
			bags = append(bags, r.BagF1)
			if r.RawSimil >= 0 {
				raws = append(raws, r.RawSimil)
			}
			if r.SimilMuPDF >= 0 && r.P2TvsMuPDF >= 0 {
				row.MuPDFCompared++
				mus = append(mus, r.SimilMuPDF)
				p2tMus = append(p2tMus, r.P2TvsMuPDF)
				if r.RawMuPDF >= 0 {
					rawMus = append(rawMus, r.RawMuPDF)
				}
			}
		}
		if r.Escape != "" {
			row.Escapes++
		}
		if r.Nondetermin {
			row.Nondeterministic++
		}
		row.Pages += r.Pages
		row.Seconds += r.OurSeconds
	}
	row.Share = 1
	if row.TheirText > 0 {
		row.Share = float64(row.Both) / float64(row.TheirText)
	}
	row.MedianSimilarity, row.MedianBagF1, row.MedianRawSimilarity = median(sims), median(bags), median(raws)
	row.MedianSimilMuPDF, row.MedianRawMuPDF, row.MedianP2TvsMuPDF = median(mus), median(rawMus), median(p2tMus)
	if row.Seconds > 0 {
		row.PagesPerSecond = float64(row.Pages) / row.Seconds
	}
	return row
}

// median is the median of xs, -1 for none.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return -1
	}
	s := append([]float64{}, xs...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// realWorld names the sets of files nobody on this project made.
var realWorld = map[string]bool{"py-pdf": true, "pdfcpu": true}

// Rows groups results: per set, its files per family (per generator for
// the generated set) and the set's total; then per family over the
// real-world sets, their total, and the total of everything.
func Rows(rs []Result) []Row {
	bySet := map[string][]Result{}
	for _, r := range rs {
		bySet[r.Set] = append(bySet[r.Set], r)
	}
	var rows []Row
	for _, set := range sortedKeys(bySet) {
		groups := map[string][]Result{}
		for _, r := range bySet[set] {
			g := r.Family
			if r.Generator != "" {
				g = r.Generator
			}
			groups[g] = append(groups[g], r)
		}
		for _, g := range sortedKeys(groups) {
			rows = append(rows, summarise(set, g, groups[g]))
		}
		rows = append(rows, summarise(set, "all", bySet[set]))
	}
	var real []Result
	fams := map[string][]Result{}
	for _, r := range rs {
		if realWorld[r.Set] {
			real = append(real, r)
			fams[r.Family] = append(fams[r.Family], r)
		}
	}
	if len(real) > 0 {
		for _, f := range sortedKeys(fams) {
			rows = append(rows, summarise("real-world", f, fams[f]))
		}
		rows = append(rows, summarise("real-world", "all", real))
	}
	return append(rows, summarise("all", "all", rs))
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// WriteTable prints the rows as a text table, then the files that were
// missed, escaped, read differently twice, compared below 0.5, or where
// referat has less than half of pdftotext's words (mutants only when they
// escaped or were read differently twice).
func WriteTable(w io.Writer, rep Report) {
	fmt.Fprintf(w, "# %s\n", rep.Command)
	fmt.Fprintf(w, "%-11s %-18s %5s %6s %5s %6s %5s %6s %6s %6s %6s %6s %6s %4s %4s %6s %7s\n",
		"set", "producer", "files", "p2t", "both", "share", "cmp", "simil", "bagf1", "raw",
		"mupdf", "rawmu", "p2t/mu", "esc", "nondt", "pages", "pages/s")
	set := ""
	for _, r := range rep.Rows {
		if r.Set != set && set != "" {
			fmt.Fprintln(w)
		}
		set = r.Set
		fmt.Fprintf(w, "%-11s %-18s %5d %6d %5d %6.3f %5d %6s %6s %6s %6s %6s %6s %4d %4d %6d %7.1f\n",
			r.Set, trunc(r.Group, 18), r.Files, r.TheirText, r.Both, r.Share, r.Compared,
			fig(r.MedianSimilarity), fig(r.MedianBagF1), fig(r.MedianRawSimilarity),
			fig(r.MedianSimilMuPDF), fig(r.MedianRawMuPDF), fig(r.MedianP2TvsMuPDF),
			r.Escapes, r.Nondeterministic, r.Pages, r.PagesPerSecond)
	}
	fmt.Fprintln(w)
	for _, r := range rep.Files {
		var notes []string
		if r.TheirText && !r.OurText {
			notes = append(notes, "MISSED: "+r.Error)
		}
		if r.Escape != "" {
			notes = append(notes, strings.ToUpper(r.Escape)+": "+r.Error)
		}
		if r.Nondetermin {
			notes = append(notes, "NONDETERMINISTIC")
		}
		if r.Similarity < 0 && r.OurText && r.TheirWords >= MinWordsCompare && r.OurWords*2 < r.TheirWords {
			notes = append(notes, fmt.Sprintf("FEW WORDS: %d vs %d", r.OurWords, r.TheirWords))
		}
		if r.Similarity >= 0 && r.Similarity < 0.5 {
			notes = append(notes, fmt.Sprintf("LOW: similarity %.2f bag %.2f (%d vs %d words)", r.Similarity, r.BagF1, r.OurWords, r.TheirWords))
		}
		if (len(notes) > 0 && r.Set != "mutant") || r.Escape != "" || r.Nondetermin {
			fmt.Fprintf(w, "  %s [%s, %s]: %s\n", r.File, r.Set, r.Family, strings.Join(notes, "; "))
		}
	}
}

func fig(x float64) string {
	if x < 0 {
		return "-"
	}
	return fmt.Sprintf("%.3f", x)
}

func trunc(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}
