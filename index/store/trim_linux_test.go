package store

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/ntlnav/referat"
)

// rssFile returns this process's file-backed resident memory, in KiB.
func rssFile(t *testing.T) int {
	t.Helper()
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip(err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "RssFile:" {
			n, _ := strconv.Atoi(f[1])
			return n
		}
	}
	t.Skip("no RssFile in /proc/self/status")
	return 0
}

// TestTrim: the pages of the store a scan read leave the process's
// resident set when the store trims its mapping.
func TestTrim(t *testing.T) {
	s := openTemp(t)
	text := strings.Repeat("Arbeidsgiver orienterte om budsjettet. ", 1000) // 39 KB
	for i := 0; i < 400; i++ {                                              // 16 MB of documents
		d := doc(strconv.Itoa(100000+i), 1)
		d.Cases[0].Text = text
		must(t, s.RecordParsed(Parsed{Path: d.Source.SHA256 + ".pdf", Doc: d}))
	}
	before := rssFile(t)
	n := 0
	must(t, s.Documents(func(*referat.Document) bool { n++; return true }))
	read := rssFile(t)
	s.trim()
	after := rssFile(t)
	t.Logf("RssFile %d KiB, %d after reading %d documents, %d after trim", before, read, n, after)
	if read-before < 8<<10 {
		t.Skipf("reading 16 MB of the store mapped only %d KiB: nothing to trim", read-before)
	}
	if read-after < (read-before)/2 {
		t.Errorf("trim released %d of the %d KiB the scan mapped", read-after, read-before)
	}
}
