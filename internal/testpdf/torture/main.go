// Command torture measures referat's text extraction against pdftotext's
// on PDFs of every kind: real-world files nobody on this project made
// (py-pdf's sample files, pdfcpu's test files; optional, read where they
// are and skipped when absent), a generated torture set of every producer
// this machine has (LaTeX, LibreOffice, ghostscript with Type 1 and Type 3
// fonts, reportlab, fpdf, qpdf rewrites, Chromium, forms, CJK and RTL
// text, scans, fonts drawn as outlines), damaged copies of those made by a
// mutator, the edge cases of testdata/pdf/edge and the fixtures of
// testdata/realworld-fixtures.
//
//	go build -o bin/referat ./cmd/referat
//	go run ./internal/testpdf/torture -referat bin/referat [-json] [-sets py-pdf,pdfcpu,generated,mutant,edge,fixtures]
//
// Per source set and producer family it reports: the share of files where
// pdftotext finds text and referat does too; the median word-level
// similarity (see Similarity) to pdftotext's text where both have at
// least 20 words, for referat's cleaned text (title, intro and cases:
// running heads, footers, page numbers and slide navigation dropped by
// design) and for the extractor's raw page text (every line, read in this
// process; column raw); the same against a second, independent reference,
// MuPDF's `mutool draw -F txt` (columns mupdf and rawmu), and pdftotext's
// similarity to mutool (p2t/mu: where it is low the two references
// disagree, and a low simil is not necessarily referat's fault); escapes
// (a crash, an error that is not one clear line, a run still going after
// referat's own bounds and a grace period, see Checker.RunBound; 0
// expected); files whose two reads give
// different output; pages per second. Then every miss, escape and low
// similarity. With -json the same as one JSON object (see Report).
//
// With -consensus it prints instead, per file and page, where referat's
// raw page text differs from what pdftotext and mutool agree on (see
// Consensus): the errors both references hold against referat, worst
// pages first; -families and -files choose the files:
//
//	go run ./internal/testpdf/torture -sets py-pdf,pdfcpu -pypdf DIR -consensus -families "TeX (other),cairo"
//
// It needs pdftotext and pdfinfo (poppler-utils), and mutool
// (mupdf-tools) for the MuPDF columns (-mupdf=false or no mutool: empty).
// Generators need
// pdflatex (texlive-latex-base), soffice, gs, qpdf, chromium, python3 with
// reportlab; those whose tool is missing are skipped and named.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/ntlnav/referat/internal/testpdf"
)

func main() {
	dir := flag.String("dir", ".cache/torture", "folder for the generated torture set")
	referat := flag.String("referat", "bin/referat", "the referat binary")
	samples := flag.String("samples", "testdata/samples", "annotated meetings (text of the generated set)")
	mutants := flag.Int("mutants", 12, "damaged copies per generated file")
	pypdf := flag.String("pypdf", os.Getenv("REFERAT_PYPDF_SAMPLES"), "folder of py-pdf's sample files with files.json (default $REFERAT_PYPDF_SAMPLES; skipped when empty or absent)")
	pdfcpu := flag.String("pdfcpu", "auto", "pdfcpu's test files (auto: pkg/testdata of the pdfcpu module; skipped when absent)")
	sets := flag.String("sets", "py-pdf,pdfcpu,generated,mutant,edge,fixtures", "sets to measure, comma-separated")
	asJSON := flag.Bool("json", false, "print the report as JSON instead of a table")
	jsonOut := flag.String("json-out", "", "also write the JSON report to this file (default: none)")
	timeout := flag.Duration("timeout", 60*time.Second, "referat's --timeout per file")
	gens := flag.String("generators", "", "with -sets generated or mutant: only these generators, comma-separated (e.g. chromium-rtl,libreoffice-rtl,latex-ot1; default: all)")
	ocrTimeout := flag.Duration("ocr-timeout", 60*time.Second, "referat's --ocr-timeout per recognised page")
	deadline := flag.Duration("deadline", 60*time.Second, "grace beyond referat's own bounds (--timeout, plus --ocr-timeout per page): a run still going after that is a hang and is killed")
	mupdf := flag.Bool("mupdf", true, "also compare with MuPDF's text (mutool draw -F txt), the second reference; skipped with a note when mutool is absent")
	consensus := flag.Bool("consensus", false, "instead of the report, list per file and page the runs of words where pdftotext and mutool agree and referat's raw page text differs (see Consensus); needs mutool")
	families := flag.String("families", "", "with -consensus: only files of these producer families, comma-separated (e.g. \"TeX (other),cairo\"; default: all)")
	only := flag.String("files", "", "with -consensus: only files whose path contains one of these strings, comma-separated (default: all)")
	worst := flag.Int("worst", 5, "with -consensus: pages listed per file, worst first")
	minRun := flag.Int("min-run", 2, "with -consensus: shortest run of words listed")
	truthPrepare := flag.String("truth-prepare", "", "instead of the report, sample pages of the PDFs given as arguments into this folder for reading by hand (see truth.go)")
	truthPages := flag.Int("truth-pages", 4, "with -truth-prepare: pages sampled a file")
	seed := flag.Int64("seed", 0, "with -truth-prepare: the seed of the page sample (default 0: drawn from the clock and logged)")
	truth := flag.String("truth", "", "instead of the report, score referat, pdftotext and mutool against the hand-checked readings in this folder (see truth.go)")
	flag.Parse()
	if *truthPrepare != "" {
		if *seed == 0 {
			*seed = time.Now().UnixNano()
		}
		if err := prepareTruth(*truthPrepare, flag.Args(), *truthPages, *seed, *timeout); err != nil {
			log.Fatal(err)
		}
		return
	}
	if *truth != "" {
		scores, err := scoreTruth(*truth, *timeout)
		if err != nil {
			log.Fatal(err)
		}
		writeTruth(os.Stdout, scores)
		return
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		log.Fatal("torture needs pdftotext and pdfinfo (apt-get install poppler-utils)")
	}
	if _, err := exec.LookPath("mutool"); *mupdf && err != nil {
		log.Print("mutool not found (apt-get install mupdf-tools): the MuPDF columns stay empty")
		*mupdf = false
	}
	want := map[string]bool{}
	for _, s := range strings.Split(*sets, ",") {
		want[strings.TrimSpace(s)] = true
	}
	var files []Result
	if want["py-pdf"] {
		files = append(files, pdfsUnder(*pypdf, "py-pdf")...)
	}
	if want["pdfcpu"] {
		d := *pdfcpu
		if d == "auto" {
			d = pdfcpuTestdata()
		}
		files = append(files, pdfsUnder(d, "pdfcpu")...)
	}
	if want["generated"] || want["mutant"] {
		gen, mut := generate(*dir, *samples, *mutants, generators(*gens))
		if want["generated"] {
			files = append(files, gen...)
		}
		if want["mutant"] {
			files = append(files, mut...)
		}
	}
	if want["edge"] {
		edge, _ := filepath.Glob("testdata/pdf/edge/*.pdf")
		for _, f := range edge {
			files = append(files, Result{File: f, Set: "edge"})
		}
	}
	if want["fixtures"] {
		fx, _ := filepath.Glob(filepath.Join(testpdf.FixtureDir, "*.pdf"))
		for _, f := range fx {
			files = append(files, Result{File: f, Set: "fixtures", Generator: strings.TrimSuffix(filepath.Base(f), ".pdf")})
		}
	}
	if *consensus {
		runConsensus(files, *families, *only, *timeout, *worst, *minRun)
		return
	}
	c := Checker{Referat: *referat, Timeout: *timeout, OCRTimeout: *ocrTimeout, Deadline: *deadline, MuPDF: *mupdf}
	for i := range files {
		c.Check(&files[i])
		log.Printf("%d/%d %s: words %d/%d similarity %.2f raw %.2f mupdf %.2f p2t/mu %.2f %s", i+1, len(files), files[i].File,
			files[i].OurWords, files[i].TheirWords, files[i].Similarity, files[i].RawSimil,
			files[i].SimilMuPDF, files[i].P2TvsMuPDF, files[i].Error)
	}
	rep := Report{Command: strings.Join(os.Args, " "), Rows: Rows(files), Files: files}
	js, err := json.MarshalIndent(rep, "", " ")
	if err != nil {
		log.Fatal(err)
	}
	if *jsonOut != "" {
		if err := os.WriteFile(*jsonOut, append(js, '\n'), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	if *asJSON {
		os.Stdout.Write(append(js, '\n'))
		return
	}
	WriteTable(os.Stdout, rep)
}

// generators returns the set of the comma-separated names in s, nil for
// "".
func generators(s string) map[string]bool {
	if s == "" {
		return nil
	}
	m := map[string]bool{}
	for _, g := range strings.Split(s, ",") {
		m[strings.TrimSpace(g)] = true
	}
	return m
}

// pdfsUnder lists the PDFs under dir (any depth, sorted) as results of
// set; none when dir is "" or absent.
func pdfsUnder(dir, set string) []Result {
	if dir == "" {
		return nil
	}
	if _, err := os.Stat(dir); err != nil {
		log.Printf("%s: skipped: %v", set, err)
		return nil
	}
	var out []Result
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.EqualFold(filepath.Ext(p), ".pdf") {
			out = append(out, Result{File: p, Set: set})
		}
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].File < out[j].File })
	return out
}

// pdfcpuTestdata is pkg/testdata of the pdfcpu module, "" when go cannot
// tell where the module is.
func pdfcpuTestdata() string {
	d, err := testpdf.PdfcpuTestdata()
	if err != nil {
		log.Printf("pdfcpu: skipped: %v", err)
	}
	return d
}

// generate makes the torture set in dir and damaged copies of it; it
// returns the good files and the mutants.
func generate(dir, samples string, mutants int, only map[string]bool) (gen, mut []Result) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		log.Fatal(err)
	}
	meetings, err := testpdf.LoadMeetings(samples, "testdata/meetings")
	if err != nil {
		log.Fatal(err)
	}
	made := map[string][]string{} // generator -> files
	add := func(producer, file string, make func() error) {
		if len(only) > 0 && !only[producer] {
			return
		}
		if err := make(); err != nil {
			log.Printf("%s: %s: %v", producer, filepath.Base(file), err)
			return
		}
		made[producer] = append(made[producer], file)
	}
	for i, m := range meetings {
		base := filepath.Join(dir, m.ID)
		add("latex-ot1", base+"-latex-ot1.pdf", func() error { return latex(m, base+"-latex-ot1.pdf", false) })
		add("latex-t1", base+"-latex-t1.pdf", func() error { return latex(m, base+"-latex-t1.pdf", true) })
		add("reportlab", base+"-reportlab.pdf", func() error { return reportlab(m, base+"-reportlab.pdf", i%2 == 0) })
		add("ghostscript-type3", base+"-type3.pdf", func() error { return type3(m, base+"-type3.pdf") })
		add("ghostscript-outlines", base+"-outlines.pdf", func() error { return outlines(m, testpdf.LayoutFor(i), base+"-outlines.pdf") })
		l := testpdf.LayoutFor(i + 1)
		add("libreoffice", base+"-lo.pdf", func() error { return testpdf.LibreOffice(m, l, m.Date, base+"-lo.pdf") })
		add("fpdf", base+"-fpdf.pdf", func() error { return testpdf.FPDF(m, l, m.Date, base+"-fpdf.pdf") })
		add("qpdf-qdf", base+"-qdf.pdf", func() error { return run("qpdf", "--qdf", "--object-streams=disable", base+"-lo.pdf", base+"-qdf.pdf") })
		add("qpdf-objstm", base+"-objstm.pdf", func() error { return run("qpdf", "--object-streams=generate", base+"-fpdf.pdf", base+"-objstm.pdf") })
	}
	realWorldProducers(dir, meetings, add)
	// Damaged copies of good files of every producer.
	rng := rand.New(rand.NewSource(42))
	var good []string
	for _, p := range sortedKeys(made) {
		for _, f := range made[p] {
			good = append(good, f)
			gen = append(gen, Result{File: f, Set: "generated", Generator: p})
		}
	}
	sort.Strings(good)
	for _, f := range good {
		src, err := os.ReadFile(f)
		if err != nil || len(src) < 100 {
			continue
		}
		for k := 0; k < mutants; k++ {
			out := filepath.Join(dir, "mutants", fmt.Sprintf("%s-%02d.pdf", strings.TrimSuffix(filepath.Base(f), ".pdf"), k))
			os.MkdirAll(filepath.Dir(out), 0o755)
			if err := os.WriteFile(out, mutate(rng, src, k), 0o644); err != nil {
				log.Fatal(err)
			}
			mut = append(mut, Result{File: out, Set: "mutant", Generator: "mutant"})
		}
	}
	return gen, mut
}

func run(name string, args ...string) error {
	cmd := exec.Command(name, args...)
	out, err := cmd.CombinedOutput()
	if err != nil && !(name == "qpdf" && cmd.ProcessState != nil && cmd.ProcessState.ExitCode() == 3) {
		return fmt.Errorf("%s: %v: %s", name, err, firstLine(string(out)))
	}
	return nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// mutate damages a copy of src the ways files are damaged in the wild.
func mutate(rng *rand.Rand, src []byte, kind int) []byte {
	b := append([]byte{}, src...)
	switch kind % 6 {
	case 0: // flipped bytes
		for i := 0; i < 1+len(b)/2000; i++ {
			b[rng.Intn(len(b))] ^= byte(1 + rng.Intn(255))
		}
	case 1: // truncated
		b = b[:len(b)/2+rng.Intn(len(b)/2)]
	case 2: // a chunk cut out
		i := rng.Intn(len(b) - 50)
		n := 1 + rng.Intn(min(4096, len(b)-i-1))
		b = append(b[:i], b[i+n:]...)
	case 3: // a chunk repeated
		i := rng.Intn(len(b) - 50)
		n := 1 + rng.Intn(min(4096, len(b)-i-1))
		b = append(b[:i+n], b[i:]...)
	case 4: // zeroed block (a bad disk sector)
		i := rng.Intn(len(b))
		for j := i; j < min(len(b), i+512); j++ {
			b[j] = 0
		}
	case 5: // digits changed (lengths and offsets)
		for i := 0; i < 20; i++ {
			j := rng.Intn(len(b))
			if b[j] >= '0' && b[j] <= '9' {
				b[j] = byte('0' + rng.Intn(10))
			}
		}
	}
	return b
}
