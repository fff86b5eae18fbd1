// Command corpus makes a large corpus of minutes PDFs for measuring batch
// runs: meetings put together from the cases of the annotated meetings,
// dated one every few days from 2009 on, written by several producers
// (fpdf, ghostscript, LibreOffice), in a folder per year.
//
//	go run ./internal/testpdf/corpus -n 2000 -out .cache/corpus
package main

import (
	"flag"
	"fmt"
	"log"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"time"

	"github.com/ntlnav/referat/internal/testpdf"
)

var monthNames = []string{"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"}

func main() {
	n := flag.Int("n", 2000, "number of meetings")
	out := flag.String("out", ".cache/corpus", "output folder")
	samples := flag.String("samples", "testdata/samples", "annotated meetings")
	flag.Parse()
	meetings, err := testpdf.LoadMeetings(*samples, "testdata/meetings")
	if err != nil {
		log.Fatal(err)
	}
	var pool []testpdf.Case
	for _, m := range meetings {
		pool = append(pool, m.Cases...)
	}
	rng := rand.New(rand.NewSource(7))
	day := time.Date(2009, 1, 10, 0, 0, 0, 0, time.UTC)
	var lo, others []item
	counts := map[string]int{}
	for i := 0; i < *n; i++ {
		day = day.AddDate(0, 0, 2+rng.Intn(3))
		m := testpdf.Meeting{ID: fmt.Sprintf("%s-%04d", day.Format("2006-01-02"), i), Date: day.Format("2006-01-02"), Body: "etats-MBA",
			Header: fmt.Sprintf("Nytt fra etats-MBA %d. %s %d", day.Day(), monthNames[day.Month()-1], day.Year())}
		for _, c := range rng.Perm(len(pool))[:3+rng.Intn(3)] {
			m.Cases = append(m.Cases, pool[c])
		}
		dir := filepath.Join(*out, fmt.Sprint(day.Year()))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			log.Fatal(err)
		}
		it := item{m: m, l: testpdf.LayoutFor(i), file: filepath.Join(dir, m.ID+".pdf"), producer: producers[i%len(producers)]}
		if _, err := os.Stat(it.file); err == nil {
			continue // made by an earlier run
		}
		counts[it.producer]++
		if it.producer == "libreoffice" {
			lo = append(lo, it)
		} else {
			others = append(others, it)
		}
	}
	var wg sync.WaitGroup
	work := make(chan item)
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range work {
				make := testpdf.FPDF
				if it.producer == "ghostscript" {
					make = testpdf.Ghostscript
				}
				if err := make(it.m, it.l, it.m.Date, it.file); err != nil {
					log.Printf("%s: %v", it.file, err)
				}
			}
		}()
	}
	for _, it := range others {
		work <- it
	}
	close(work)
	wg.Wait()
	// LibreOffice converts many files per start.
	for i := 0; i < len(lo); i += 100 {
		if err := loBatch(lo[i:min(i+100, len(lo))]); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Printf("%d meetings in %s; made now: %v\n", *n, *out, counts)
}

// An item is one meeting to write.
type item struct {
	m        testpdf.Meeting
	l        testpdf.Layout
	file     string
	producer string
}

// producers in the mix: half fpdf, three in ten ghostscript, two in ten
// LibreOffice.
var producers = []string{"fpdf", "ghostscript", "libreoffice", "fpdf", "ghostscript", "fpdf", "libreoffice", "fpdf", "ghostscript", "fpdf"}

func loBatch(batch []item) error {
	dir, err := os.MkdirTemp("", "corpus-lo")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	var srcs []string
	for _, it := range batch {
		src := filepath.Join(dir, it.m.ID+".fodt")
		if err := os.WriteFile(src, []byte(testpdf.FODT(it.m, it.l, it.m.Date)), 0o644); err != nil {
			return err
		}
		srcs = append(srcs, src)
	}
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--convert-to", "pdf", "--outdir", dir}, srcs...)
	if b, err := exec.Command("soffice", args...).CombinedOutput(); err != nil {
		return fmt.Errorf("soffice: %v: %s", err, b)
	}
	for _, it := range batch {
		pdf, err := os.ReadFile(filepath.Join(dir, it.m.ID+".pdf"))
		if err != nil {
			return err
		}
		if err := os.WriteFile(it.file, testpdf.SetCreationDate(pdf, it.m.Date), 0o644); err != nil {
			return err
		}
	}
	return nil
}
