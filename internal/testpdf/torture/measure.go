package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// A Result is what one file gave pdftotext and referat.
type Result struct {
	File      string `json:"file"`
	Set       string `json:"set"`                 // py-pdf, pdfcpu, generated, mutant, edge
	Generator string `json:"generator,omitempty"` // the torture generator that made it, for generated files
	Family    string `json:"family"`              // from Producer/Creator, see Family
	Producer  string `json:"producer"`
	Creator   string `json:"creator"`
	Pages     int    `json:"pages"` // pdfinfo's page count, 0 when it cannot tell

	TheirWords  int     `json:"their_words"`      // words (see Words) in pdftotext's text
	OurWords    int     `json:"our_words"`        // words in referat's title, intro and cases
	TheirText   bool    `json:"their_text"`       // pdftotext found >= MinWordsText words
	OurText     bool    `json:"our_text"`         // referat did
	Similarity  float64 `json:"similarity"`       // LCS F1, see Similarity; -1 when not compared
	BagF1       float64 `json:"bag_f1"`           // order-blind F1, see BagF1; -1 when not compared
	RawSimil    float64 `json:"raw_similarity"`   // Similarity of the extractor's raw page text (rawText); -1 when not compared
	OurSeconds  float64 `json:"our_seconds"`      // wall time of referat's first read
	ExitCode    int     `json:"exit_code"`        // referat's exit status (-1: killed at the deadline)
	Error       string  `json:"error"`            // referat's first stderr line, "" when it succeeded
	Escape      string  `json:"escape"`           // "", "crash", "unclear", "hang"
	Nondetermin bool    `json:"nondeterministic"` // two reads gave different stdout
}

// MinWordsText is how many words a text must have to count as "finds
// text"; MinWordsCompare is how many both must have to be compared.
const (
	MinWordsText    = 3
	MinWordsCompare = 20
)

// Checker reads files with pdftotext, pdfinfo and the referat binary.
type Checker struct {
	Referat    string        // path of the referat binary
	Timeout    time.Duration // referat's --timeout per file
	OCRTimeout time.Duration // referat's --ocr-timeout per recognised page
	Deadline   time.Duration // grace beyond referat's own bounds (see RunBound) after which a run counts as a hang and is killed
}

// RunBound is the longest a referat run on a file of pages pages may take
// by referat's own deadlines: --timeout to read the file, then up to
// --ocr-timeout for each page it recognises (any page may be a scan;
// with --workers 1 they are recognised one after another), plus the
// checker's grace period. A run still going after that is a hang. A
// 19-page scan takes over a minute of OCR on a quiet machine and two
// under load, which is referat keeping its contract, not hanging.
func (c Checker) RunBound(pages int) time.Duration {
	return c.Timeout + time.Duration(max(pages, 1))*c.OCRTimeout + c.Deadline
}

// Check reads file and fills everything in r but its set, generator and name.
func (c Checker) Check(r *Result) {
	r.Similarity, r.BagF1, r.RawSimil = -1, -1, -1
	r.Producer, r.Creator, r.Pages = pdfinfo(r.File)
	r.Family = Family(r.Producer, r.Creator)
	theirs := Words(pdftotext(r.File))
	r.TheirWords = len(theirs)
	r.TheirText = len(theirs) >= MinWordsText

	start := time.Now()
	bound := c.RunBound(r.Pages)
	first := c.extract(r.File, bound)
	r.OurSeconds = time.Since(start).Seconds()
	second := c.extract(r.File, bound)
	r.Nondetermin = !bytes.Equal(first.stdout, second.stdout) || first.code != second.code
	r.ExitCode = first.code
	r.Error, r.Escape = classify(r.File, first)
	ours := Words(ourText(first.stdout))
	r.OurWords = len(ours)
	r.OurText = len(ours) >= MinWordsText
	if len(ours) >= MinWordsCompare && len(theirs) >= MinWordsCompare {
		r.Similarity = Similarity(ours, theirs)
		r.BagF1 = BagF1(ours, theirs)
		if raw, err := rawText(r.File, c.Timeout); err == nil {
			r.RawSimil = Similarity(Words(raw), theirs)
		}
	}
}

type extraction struct {
	stdout, stderr []byte
	code           int // -1 when killed at the run's bound (RunBound)
}

func (c Checker) extract(file string, bound time.Duration) extraction {
	ctx, cancel := context.WithTimeout(context.Background(), bound)
	defer cancel()
	cmd := exec.CommandContext(ctx, c.Referat, "extract", "--analyze=false", "--workers", "1",
		"--timeout", c.Timeout.String(), "--ocr-timeout", c.OCRTimeout.String(), file)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.WaitDelay = 5 * time.Second
	err := cmd.Run()
	r := extraction{stdout: stdout.Bytes(), stderr: stderr.Bytes()}
	var exit *exec.ExitError
	switch {
	case ctx.Err() != nil:
		r.code = -1
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	case err != nil:
		r.code = -2
	}
	return r
}

// classify names what referat printed on stderr: its first line, and the
// escape it is, if any. A clean failure is exit status 1 with exactly the
// two lines "referat: FILE: reason" and "referat: 1 of 1 files failed"; a
// clean success is exit status 0 with nothing on stderr. A panic or Go
// fatal error, or another exit status, is a crash; a run killed at the
// deadline a hang; anything else (more lines, another file named, stderr
// output on success) is unclear.
func classify(file string, r extraction) (msg, escape string) {
	text := strings.TrimSpace(string(r.stderr))
	lines := strings.Split(text, "\n")
	msg = lines[0]
	switch {
	case r.code == -1:
		return "killed after the deadline", "hang"
	case r.code == 0 && text == "":
		return "", ""
	case strings.Contains(text, "goroutine ") || strings.Contains(text, "panic:") || strings.Contains(text, "fatal error:"):
		return msg, "crash"
	case r.code == 1 && len(lines) == 2 && strings.HasPrefix(lines[0], "referat: "+file+": ") &&
		strings.HasPrefix(lines[1], "referat: 1 of 1 files failed"):
		return strings.TrimPrefix(lines[0], "referat: "+file+": "), ""
	case r.code != 0 && r.code != 1:
		return msg, "crash"
	}
	return msg, "unclear"
}

// ourText is the text of referat's JSON: title, intro, case titles and
// paragraphs, one per line, in order.
func ourText(stdout []byte) string {
	var doc struct {
		Meeting struct{ Title string }
		Intro   string
		Cases   []struct {
			Title      string
			Paragraphs []string
		}
	}
	if json.Unmarshal(stdout, &doc) != nil {
		return ""
	}
	parts := []string{doc.Meeting.Title, doc.Intro}
	for _, c := range doc.Cases {
		parts = append(parts, c.Title)
		parts = append(parts, c.Paragraphs...)
	}
	return strings.Join(parts, "\n")
}

func pdftotext(file string) string {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	out, _ := exec.CommandContext(ctx, "pdftotext", "-q", "-enc", "UTF-8", file, "-").Output()
	return string(out)
}

// pdfinfo returns a file's Producer, Creator and page count.
func pdfinfo(file string) (producer, creator string, pages int) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out, _ := exec.CommandContext(ctx, "pdfinfo", "-enc", "UTF-8", file).Output()
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		switch k {
		case "Producer":
			producer = v
		case "Creator":
			creator = v
		case "Pages":
			pages, _ = strconv.Atoi(v)
		}
	}
	return producer, creator, pages
}
