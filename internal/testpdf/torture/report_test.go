package main

import (
	"bytes"
	"strings"
	"testing"
)

func words(n int, w string) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = w
	}
	return out
}

func TestCompareTo(t *testing.T) {
	ref := append(words(20, "a"), words(20, "b")...)
	same := append([]string{}, ref...)
	other := append(words(20, "b"), words(20, "a")...) // the references disagree on order
	tests := []struct {
		name                   string
		ref, ours, raw, theirs []string
		rawOK                  bool
		cleaned, rawSim, p2t   float64
	}{
		{name: "all agree", ref: ref, ours: same, raw: same, rawOK: true, theirs: same, cleaned: 1, rawSim: 1, p2t: 1},
		{name: "pdftotext is the odd one out", ref: ref, ours: same, raw: same, rawOK: true, theirs: other, cleaned: 1, rawSim: 1, p2t: 0.5},
		{name: "no raw text", ref: ref, ours: same, theirs: same, cleaned: 1, rawSim: -1, p2t: 1},
		{name: "mutool found too few words", ref: words(19, "a"), ours: same, raw: same, rawOK: true, theirs: same, cleaned: -1, rawSim: -1, p2t: -1},
		{name: "referat found too few words", ref: ref, ours: words(5, "a"), raw: same, rawOK: true, theirs: same, cleaned: -1, rawSim: -1, p2t: 1},
		{name: "pdftotext found too few words", ref: ref, ours: same, raw: same, rawOK: true, theirs: nil, cleaned: 1, rawSim: 1, p2t: -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, r, p := compareTo(tt.ref, tt.ours, tt.raw, tt.rawOK, tt.theirs)
			if c != tt.cleaned || r != tt.rawSim || p != tt.p2t {
				t.Errorf("compareTo = %v, %v, %v; want %v, %v, %v", c, r, p, tt.cleaned, tt.rawSim, tt.p2t)
			}
		})
	}
}

func TestRowsMuPDFColumns(t *testing.T) {
	res := func(family string, sim, mu, rawMu, p2t float64) Result {
		return Result{Set: "pdfcpu", Family: family, TheirText: true, OurText: true,
			Similarity: sim, BagF1: sim, RawSimil: sim, SimilMuPDF: mu, RawMuPDF: rawMu, P2TvsMuPDF: p2t}
	}
	rs := []Result{
		res("TeX (other)", 0.75, 0.95, 0.96, 0.70),
		res("TeX (other)", 0.85, 0.90, 0.91, 0.80),
		res("TeX (other)", 0.90, 0.80, 0.81, 0.95),
		res("cairo", 0.92, -1, -1, -1),     // mutool gave too few words: not in the MuPDF medians
		res("cairo", -1, 0.99, 0.99, 0.99), // not compared with pdftotext: left out too
		{Set: "edge", Family: "unknown", Similarity: -1, BagF1: -1, RawSimil: -1, SimilMuPDF: -1, RawMuPDF: -1, P2TvsMuPDF: -1},
	}
	rows := Rows(rs)
	get := func(set, group string) Row {
		for _, r := range rows {
			if r.Set == set && r.Group == group {
				return r
			}
		}
		t.Fatalf("no row %s/%s in %+v", set, group, rows)
		return Row{}
	}
	tests := []struct {
		set, group         string
		compared, muCmp    int
		sim, mu, rawMu, p2 float64
	}{
		{set: "pdfcpu", group: "TeX (other)", compared: 3, muCmp: 3, sim: 0.85, mu: 0.90, rawMu: 0.91, p2: 0.80},
		{set: "pdfcpu", group: "cairo", compared: 1, muCmp: 0, sim: 0.92, mu: -1, rawMu: -1, p2: -1},
		{set: "real-world", group: "all", compared: 4, muCmp: 3, sim: 0.875, mu: 0.90, rawMu: 0.91, p2: 0.80},
		{set: "edge", group: "all", compared: 0, muCmp: 0, sim: -1, mu: -1, rawMu: -1, p2: -1},
	}
	for _, tt := range tests {
		t.Run(tt.set+"/"+tt.group, func(t *testing.T) {
			r := get(tt.set, tt.group)
			if r.Compared != tt.compared || r.MuPDFCompared != tt.muCmp || r.MedianSimilarity != tt.sim ||
				r.MedianSimilMuPDF != tt.mu || r.MedianRawMuPDF != tt.rawMu || r.MedianP2TvsMuPDF != tt.p2 {
				t.Errorf("row = %+v\nwant compared %d mupdf_compared %d simil %v simil_mupdf %v raw_simil_mupdf %v p2t_vs_mupdf %v",
					r, tt.compared, tt.muCmp, tt.sim, tt.mu, tt.rawMu, tt.p2)
			}
		})
	}
	var b bytes.Buffer
	WriteTable(&b, Report{Command: "torture", Rows: rows})
	head := strings.Fields(strings.SplitN(b.String(), "\n", 3)[1])
	line := ""
	for _, l := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(l, "pdfcpu      TeX (other)") {
			line = l
		}
	}
	if !strings.Contains(strings.Join(head, " "), "raw mupdf rawmu p2t/mu esc") || !strings.Contains(line, "0.850  0.850  0.850  0.900  0.910  0.800") {
		t.Errorf("table lacks the MuPDF columns:\n%s", b.String())
	}
}
