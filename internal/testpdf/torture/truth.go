package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/ntlnav/referat/internal/pdftext"
)

// Hand-checked readings ("truth"): a person reads sampled pages of a file
// from their rendered image and writes the page's text as it is read,
// every visible word in reading order; the three extractors' texts of
// the page are then scored against that reading with the same Words and
// Similarity as the report. It settles who is right where pdftotext and
// referat differ, instead of taking either as the reference.
//
// Layout of a truth folder (one per file, named after it):
//
//	DIR/<file base name>/source          the PDF's path, one line
//	DIR/<file base name>/p<NNN>/page.png the page rendered by pdftoppm
//	DIR/<file base name>/p<NNN>/A.txt    the three extractors' texts, in an
//	DIR/<file base name>/p<NNN>/B.txt    order drawn per page (the reader
//	DIR/<file base name>/p<NNN>/C.txt    does not know which is whose)
//	DIR/<file base name>/p<NNN>/.key     which is whose (JSON)
//	DIR/<file base name>/p<NNN>/truth.txt the reader's text (written by hand)
//
// Pages are 1-indexed.

// truthExtractors are the texts compared, in the order printed.
var truthExtractors = []string{"referat", "pdftotext", "mutool"}

// pageTexts returns the three extractors' texts of page n of file, doc
// being referat's reading of it: referat's raw page text (every line as
// laid out, before cleaning drops running heads and page numbers by
// design, as the report's raw figure), pdftotext's and mutool's.
func pageTexts(file string, doc *pdftext.Document, n int) (map[string]string, error) {
	if n < 1 || n > len(doc.Pages) {
		return nil, fmt.Errorf("%s: page %d of %d", file, n, len(doc.Pages))
	}
	p2t, mu, err := referenceTexts(file, n)
	if err != nil {
		return nil, err
	}
	return map[string]string{"referat": rawPageText(&doc.Pages[n-1]), "pdftotext": p2t, "mutool": mu}, nil
}

// prepareTruth samples pages of each file (pages where pdftotext reads at
// least 20 words, drawn with seed) into dir, rendered and with the three
// texts under blind names; a file's folder that exists is left alone.
func prepareTruth(dir string, files []string, pages int, seed int64, timeout time.Duration) error {
	log.Printf("truth: seed %d, %d pages a file", seed, pages)
	rng := rand.New(rand.NewSource(seed))
	for _, file := range files {
		fdir := filepath.Join(dir, strings.TrimSuffix(filepath.Base(file), filepath.Ext(file)))
		if _, err := os.Stat(fdir); err == nil {
			log.Printf("%s: exists, left alone", fdir)
			continue
		}
		info, err := pageText("pdfinfo", file)
		if err != nil {
			return fmt.Errorf("%s: pdfinfo: %w", file, err)
		}
		total := 0
		for _, l := range strings.Split(info, "\n") {
			if f := strings.Fields(l); len(f) == 2 && f[0] == "Pages:" {
				total, _ = strconv.Atoi(f[1])
			}
		}
		var cands []int
		for n := 1; n <= total; n++ {
			t, err := pageText("pdftotext", "-q", "-enc", "UTF-8", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), file, "-")
			if err == nil && len(Words(t)) >= 20 {
				cands = append(cands, n)
			}
		}
		rng.Shuffle(len(cands), func(i, j int) { cands[i], cands[j] = cands[j], cands[i] })
		if len(cands) > pages {
			cands = cands[:pages]
		}
		sort.Ints(cands)
		doc, err := readDoc(file, timeout)
		if err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		if err := os.MkdirAll(fdir, 0o755); err != nil {
			return err
		}
		abs, err := filepath.Abs(file)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(fdir, "source"), []byte(abs+"\n"), 0o644); err != nil {
			return err
		}
		for _, n := range cands {
			pdir := filepath.Join(fdir, fmt.Sprintf("p%03d", n))
			if err := os.MkdirAll(pdir, 0o755); err != nil {
				return err
			}
			texts, err := pageTexts(file, doc, n)
			if err != nil {
				return fmt.Errorf("%s page %d: %w", file, n, err)
			}
			order := append([]string(nil), truthExtractors...)
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			key := map[string]string{}
			for i, who := range order {
				name := string(rune('A' + i))
				key[name] = who
				if err := os.WriteFile(filepath.Join(pdir, name+".txt"), []byte(texts[who]), 0o644); err != nil {
					return err
				}
			}
			js, err := json.Marshal(key)
			if err != nil {
				return err
			}
			if err := os.WriteFile(filepath.Join(pdir, ".key"), js, 0o644); err != nil {
				return err
			}
			png := filepath.Join(pdir, "page")
			if out, err := exec.Command("pdftoppm", "-q", "-r", "110", "-png", "-singlefile", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), file, png).CombinedOutput(); err != nil {
				return fmt.Errorf("pdftoppm %s page %d: %v: %s", file, n, err, out)
			}
			log.Printf("%s: page %d", fdir, n)
		}
	}
	return nil
}

// A truthScore is one extractor's similarity to the hand-checked reading
// of a file's sampled pages, taken together.
type truthScore struct {
	File   string             // the folder's name
	Source string             // the PDF
	Pages  []int              // the pages read by hand
	Words  int                // words of the reading
	Simil  map[string]float64 // by extractor
}

// scoreTruth reads every file folder of dir with at least one truth.txt
// and scores the three extractors' texts of those pages, made afresh
// (not the A/B/C files, so the figure is the current build's).
func scoreTruth(dir string, timeout time.Duration) ([]truthScore, error) {
	fdirs, err := filepath.Glob(filepath.Join(dir, "*", "source"))
	if err != nil {
		return nil, err
	}
	var out []truthScore
	for _, src := range fdirs {
		fdir := filepath.Dir(src)
		b, err := os.ReadFile(src)
		if err != nil {
			return nil, err
		}
		file := strings.TrimSpace(string(b))
		truths, err := filepath.Glob(filepath.Join(fdir, "p*", "truth.txt"))
		if err != nil {
			return nil, err
		}
		if len(truths) == 0 {
			continue
		}
		sort.Strings(truths)
		doc, err := readDoc(file, timeout)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		s := truthScore{File: filepath.Base(fdir), Source: file, Simil: map[string]float64{}}
		// per page, so that no page is cut by Similarity's bound: the
		// common words of every page over the words of all pages
		common, length := map[string]float64{}, map[string]int{}
		for _, t := range truths {
			n, err := strconv.Atoi(strings.TrimPrefix(filepath.Base(filepath.Dir(t)), "p"))
			if err != nil {
				return nil, fmt.Errorf("%s: %w", t, err)
			}
			tb, err := os.ReadFile(t)
			if err != nil {
				return nil, err
			}
			texts, err := pageTexts(file, doc, n)
			if err != nil {
				return nil, fmt.Errorf("%s page %d: %w", file, n, err)
			}
			s.Pages = append(s.Pages, n)
			truth := Words(string(tb))
			s.Words += len(truth)
			for _, who := range truthExtractors {
				got := Words(texts[who])
				n := len(got) + len(truth)
				common[who] += Similarity(got, truth) * float64(n) / 2
				length[who] += n
			}
		}
		for _, who := range truthExtractors {
			s.Simil[who] = 1
			if length[who] > 0 {
				s.Simil[who] = 2 * common[who] / float64(length[who])
			}
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		return nil, errors.New("no truth.txt under " + dir)
	}
	return out, nil
}

// writeTruth prints one row a file: its pages, words, and each
// extractor's similarity to the reading.
func writeTruth(w io.Writer, scores []truthScore) {
	fmt.Fprintf(w, "%-40s %-22s %6s %8s %9s %7s\n", "file", "pages", "words", "referat", "pdftotext", "mutool")
	for _, s := range scores {
		pages := make([]string, len(s.Pages))
		for i, p := range s.Pages {
			pages[i] = strconv.Itoa(p)
		}
		fmt.Fprintf(w, "%-40s %-22s %6d %8.3f %9.3f %7.3f\n", s.File, strings.Join(pages, ","), s.Words,
			s.Simil["referat"], s.Simil["pdftotext"], s.Simil["mutool"])
	}
}
