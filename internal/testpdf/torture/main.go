// Command torture builds a set of PDFs of every kind this machine can make
// (LaTeX, LibreOffice, ghostscript with Type 1 and Type 3 fonts, reportlab,
// fpdf, qpdf rewrites, scans, fonts drawn as outlines) plus damaged copies
// made by a mutator, then reads each with `referat extract` and with
// pdftotext, and reports the share of files where pdftotext finds text and
// referat does too, and every referat failure that is not one clear line.
//
//	go build -o bin/referat ./cmd/referat
//	go run ./internal/testpdf/torture -referat bin/referat -dir .cache/torture
//
// It needs pdflatex (texlive-latex-base), soffice, gs, qpdf, python3 with
// reportlab, and pdftotext (poppler-utils). Producers that are missing are
// skipped and named.
package main

import (
	"bytes"
	"context"
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
	dir := flag.String("dir", ".cache/torture", "folder for the torture set")
	referat := flag.String("referat", "bin/referat", "the referat binary")
	samples := flag.String("samples", "testdata/samples", "annotated meetings")
	mutants := flag.Int("mutants", 12, "damaged copies per good file")
	flag.Parse()
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		log.Fatal(err)
	}
	meetings, err := testpdf.LoadMeetings(*samples, "testdata/meetings")
	if err != nil {
		log.Fatal(err)
	}
	made := map[string][]string{} // producer -> files
	add := func(producer, file string, err error) {
		if err != nil {
			log.Printf("%s: %s: %v", producer, filepath.Base(file), err)
			return
		}
		made[producer] = append(made[producer], file)
	}
	for i, m := range meetings {
		base := filepath.Join(*dir, m.ID)
		add("latex-ot1", base+"-latex-ot1.pdf", latex(m, base+"-latex-ot1.pdf", false))
		add("latex-t1", base+"-latex-t1.pdf", latex(m, base+"-latex-t1.pdf", true))
		add("reportlab", base+"-reportlab.pdf", reportlab(m, base+"-reportlab.pdf", i%2 == 0))
		add("ghostscript-type3", base+"-type3.pdf", type3(m, base+"-type3.pdf"))
		add("ghostscript-outlines", base+"-outlines.pdf", outlines(m, testpdf.LayoutFor(i), base+"-outlines.pdf"))
		l := testpdf.LayoutFor(i + 1)
		add("libreoffice", base+"-lo.pdf", testpdf.LibreOffice(m, l, m.Date, base+"-lo.pdf"))
		add("fpdf", base+"-fpdf.pdf", testpdf.FPDF(m, l, m.Date, base+"-fpdf.pdf"))
		add("qpdf-qdf", base+"-qdf.pdf", run("qpdf", "--qdf", "--object-streams=disable", base+"-lo.pdf", base+"-qdf.pdf"))
		add("qpdf-objstm", base+"-objstm.pdf", run("qpdf", "--object-streams=generate", base+"-fpdf.pdf", base+"-objstm.pdf"))
	}
	edge, _ := filepath.Glob("testdata/pdf/edge/*.pdf")
	made["edge"] = append(made["edge"], edge...)
	// Damaged copies of good files of every producer.
	rng := rand.New(rand.NewSource(42))
	var good []string
	for p, fs := range made {
		if p != "edge" {
			good = append(good, fs...)
		}
	}
	sort.Strings(good)
	for _, f := range good {
		src, err := os.ReadFile(f)
		if err != nil || len(src) < 100 {
			continue
		}
		for k := 0; k < *mutants; k++ {
			out := filepath.Join(*dir, "mutants", fmt.Sprintf("%s-%02d.pdf", strings.TrimSuffix(filepath.Base(f), ".pdf"), k))
			os.MkdirAll(filepath.Dir(out), 0o755)
			add("mutant", out, os.WriteFile(out, mutate(rng, src, k), 0o644))
		}
	}
	evaluate(*referat, made)
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

type outcome struct {
	pdftotext, ours bool
	clean           bool // referat failed with one clear line, or succeeded
	reason          string
}

func evaluate(referat string, made map[string][]string) {
	var producers []string
	for p := range made {
		producers = append(producers, p)
	}
	sort.Strings(producers)
	type agg struct{ files, theirs, both, oursOnly, unclean int }
	total := agg{}
	fmt.Printf("%-22s %6s %10s %10s %8s %8s\n", "producer", "files", "pdftotext", "both", "share", "unclean")
	for _, p := range producers {
		a := agg{}
		for _, f := range made[p] {
			o := check(referat, f)
			a.files++
			if o.pdftotext {
				a.theirs++
				if o.ours {
					a.both++
				} else {
					fmt.Printf("    missed: %s: %s\n", f, o.reason)
				}
			} else if o.ours {
				a.oursOnly++
			}
			if !o.clean {
				a.unclean++
				fmt.Printf("    UNCLEAN: %s: %s\n", f, o.reason)
			}
		}
		share := 1.0
		if a.theirs > 0 {
			share = float64(a.both) / float64(a.theirs)
		}
		fmt.Printf("%-22s %6d %10d %10d %8.3f %8d\n", p, a.files, a.theirs, a.both, share, a.unclean)
		total.files += a.files
		total.theirs += a.theirs
		total.both += a.both
		total.unclean += a.unclean
	}
	fmt.Printf("%-22s %6d %10d %10d %8.3f %8d\n", "all", total.files, total.theirs, total.both, float64(total.both)/float64(max(1, total.theirs)), total.unclean)
}

// check reads file with pdftotext and with referat.
func check(referat, file string) outcome {
	var o outcome
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if out, err := exec.CommandContext(ctx, "pdftotext", "-q", file, "-").Output(); err == nil || len(out) > 0 {
		o.pdftotext = len(strings.Fields(string(out))) >= 3
	}
	cmd := exec.CommandContext(ctx, referat, "extract", "--timeout", "20s", file)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := cmd.ProcessState.ExitCode()
	var doc struct {
		Meeting struct{ Title string }
		Intro   string
		Cases   []struct{ Title, Text string }
	}
	if err == nil && json.Unmarshal(stdout.Bytes(), &doc) == nil {
		text := doc.Meeting.Title + " " + doc.Intro
		for _, c := range doc.Cases {
			text += " " + c.Title + " " + c.Text
		}
		o.ours = len(strings.Fields(text)) >= 3
	}
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	o.reason = strings.TrimSpace(stderr.String())
	switch {
	case code == 0:
		o.clean = true
	case code == 1 && len(lines) == 2 && strings.HasPrefix(lines[0], "referat: "+file+": ") && !strings.Contains(o.reason, "goroutine"):
		o.clean = true
		o.reason = lines[0]
	}
	return o
}
