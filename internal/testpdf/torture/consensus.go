package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Consensus is where referat's raw text of a page disagrees with what
// both references agree on: the consensus of a page is the longest common
// subsequence of pdftotext's and mutool's words (the words both read, in
// the order both read them); a Miss is a run of consensus words that
// referat's raw page text does not hold in that order. Errors chosen so
// are referat's by the word of two independent extractors, not one.
type Consensus struct {
	File  string
	Pages []PageConsensus
}

// A PageConsensus is one page's comparison: the number of consensus
// words, how many of them referat holds in the consensus order
// (Matched), and the runs it does not.
type PageConsensus struct {
	Page      int
	Words     int // consensus words
	Matched   int // of those, in referat's raw text in the same order
	OursWords int // words of referat's raw page text
	Misses    []Miss
	Extra     [][]string // runs of referat's words that neither reference has on the page
}

// A Miss is a run of consensus words referat does not hold in the
// consensus order: Moved when every word of the run occurs somewhere in
// referat's page text (an order error), else missing or different
// content. Before is the consensus word just before the run ("" at the
// start of the page), for finding the place.
type Miss struct {
	Words  []string
	Before string
	Moved  bool
}

// Lost is the number of consensus words referat does not hold in order.
func (p PageConsensus) Lost() int { return p.Words - p.Matched }

// consensusOf compares the file's pages; pages where a reference fails
// are left out.
func consensusOf(file string, timeout time.Duration) (Consensus, error) {
	c := Consensus{File: file}
	doc, err := readDoc(file, timeout)
	if err != nil {
		return c, err
	}
	for i := range doc.Pages {
		n := i + 1
		p2t, mu, err := referenceTexts(file, n)
		if err != nil {
			continue
		}
		c.Pages = append(c.Pages, comparePage(n, Words(rawPageText(&doc.Pages[i])), Words(p2t), Words(mu)))
	}
	return c, nil
}

// referenceTexts returns pdftotext's and mutool's text of page n of file.
func referenceTexts(file string, n int) (p2t, mu string, err error) {
	p2t, err = pageText("pdftotext", "-q", "-enc", "UTF-8", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), file, "-")
	if err != nil {
		return "", "", fmt.Errorf("pdftotext: %w", err)
	}
	mu, err = pageText("mutool", "draw", "-q", "-F", "txt", "-o", "-", file, strconv.Itoa(n))
	if err != nil {
		return "", "", fmt.Errorf("mutool: %w", err)
	}
	return p2t, mu, nil
}

func pageText(name string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, name, args...).Output()
	return string(out), err
}

// comparePage finds the consensus of a and b and the runs of it that ours
// does not hold in order.
func comparePage(page int, ours, a, b []string) PageConsensus {
	var cons []string
	for _, ij := range lcsPairs(a, b) {
		cons = append(cons, a[ij[0]])
	}
	pc := PageConsensus{Page: page, Words: len(cons), OursWords: len(ours)}
	held := make([]bool, len(cons))
	used := make([]bool, len(ours))
	for _, ij := range lcsPairs(cons, ours) {
		held[ij[0]] = true
		used[ij[1]] = true
		pc.Matched++
	}
	known := map[string]bool{}
	for _, w := range append(append([]string(nil), a...), b...) {
		known[w] = true
	}
	var run []string
	for k, w := range ours {
		if !used[k] && !known[w] {
			run = append(run, w)
			continue
		}
		if len(run) > 0 {
			pc.Extra = append(pc.Extra, run)
			run = nil
		}
	}
	if len(run) > 0 {
		pc.Extra = append(pc.Extra, run)
	}
	have := map[string]int{}
	for _, w := range ours {
		have[w]++
	}
	for i := 0; i < len(cons); {
		if held[i] {
			i++
			continue
		}
		j := i
		for j < len(cons) && !held[j] {
			j++
		}
		m := Miss{Words: cons[i:j], Moved: true}
		if i > 0 {
			m.Before = cons[i-1]
		}
		need := map[string]int{}
		for _, w := range m.Words {
			need[w]++
			if need[w] > have[w] {
				m.Moved = false
			}
		}
		pc.Misses = append(pc.Misses, m)
		i = j
	}
	return pc
}

// lcsPairs returns the index pairs (i in a, j in b) of one longest common
// subsequence of a and b, in order (dynamic programming, O(len(a)·len(b));
// a page has a few thousand words at most).
func lcsPairs(a, b []string) [][2]int {
	n, m := len(a), len(b)
	if n == 0 || m == 0 {
		return nil
	}
	// t[i][j] = LCS of a[i:] and b[j:]
	t := make([][]int32, n+1)
	for i := range t {
		t[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			switch {
			case a[i] == b[j]:
				t[i][j] = t[i+1][j+1] + 1
			case t[i+1][j] >= t[i][j+1]:
				t[i][j] = t[i+1][j]
			default:
				t[i][j] = t[i][j+1]
			}
		}
	}
	var out [][2]int
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case a[i] == b[j]:
			out = append(out, [2]int{i, j})
			i++
			j++
		case t[i+1][j] >= t[i][j+1]:
			i++
		default:
			j++
		}
	}
	return out
}

// writeConsensus prints, per file, the consensus figure (referat's
// matched share of the consensus words) and the worst pages (most
// consensus words lost), each with its runs of at least minRun words.
func writeConsensus(w io.Writer, c Consensus, pages, minRun int) {
	words, matched := 0, 0
	for _, p := range c.Pages {
		words += p.Words
		matched += p.Matched
	}
	share := 1.0
	if words > 0 {
		share = float64(matched) / float64(words)
	}
	fmt.Fprintf(w, "%s: consensus words %d, referat holds %d in order (%.3f)\n", c.File, words, matched, share)
	worst := append([]PageConsensus(nil), c.Pages...)
	sort.SliceStable(worst, func(i, j int) bool { return worst[i].Lost() > worst[j].Lost() })
	for k, p := range worst {
		if k >= pages || p.Lost() == 0 {
			break
		}
		fmt.Fprintf(w, "  page %d: %d of %d consensus words not in order (referat %d words)\n", p.Page, p.Lost(), p.Words, p.OursWords)
		for _, m := range p.Misses {
			if len(m.Words) < minRun {
				continue
			}
			kind := "missing"
			if m.Moved {
				kind = "moved"
			}
			fmt.Fprintf(w, "    %-7s after %q: %s\n", kind, m.Before, trunc(strings.Join(m.Words, " "), 160))
		}
		for _, e := range p.Extra {
			if len(e) >= minRun {
				fmt.Fprintf(w, "    extra   (in neither reference): %s\n", trunc(strings.Join(e, " "), 160))
			}
		}
	}
}

// runConsensus prints the consensus report of the files of the chosen
// families whose path contains one of only's strings (each "" for all).
func runConsensus(files []Result, families, only string, timeout time.Duration, worst, minRun int) {
	if _, err := exec.LookPath("mutool"); err != nil {
		fmt.Fprintln(os.Stderr, "torture: -consensus needs mutool (apt-get install mupdf-tools)")
		os.Exit(1)
	}
	fams := generators(families)
	subs := generators(only)
	for _, f := range files {
		if len(subs) > 0 && !containsAny(f.File, subs) {
			continue
		}
		if len(fams) > 0 {
			producer, creator, _ := pdfinfo(f.File)
			if !fams[Family(producer, creator)] {
				continue
			}
		}
		c, err := consensusOf(f.File, timeout)
		if err != nil {
			fmt.Printf("%s: %v\n", f.File, err)
			continue
		}
		writeConsensus(os.Stdout, c, worst, minRun)
	}
}

func containsAny(s string, subs map[string]bool) bool {
	for sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
