package main

import (
	"testing"
	"time"
)

func TestClassify(t *testing.T) {
	const file = "a.pdf"
	tests := []struct {
		name       string
		run        extraction
		msg, escap string
	}{
		{name: "success", run: extraction{code: 0}},
		{name: "one clear line", run: extraction{code: 1, stderr: []byte("referat: a.pdf: no text layer: scan\nreferat: 1 of 1 files failed\n")}, msg: "no text layer: scan"},
		{name: "killed at the deadline", run: extraction{code: -1}, msg: "killed after the deadline", escap: "hang"},
		{name: "panic", run: extraction{code: 2, stderr: []byte("panic: boom\n\ngoroutine 1 [running]:\n")}, msg: "panic: boom", escap: "crash"},
		{name: "other exit status", run: extraction{code: 137, stderr: []byte("killed\n")}, msg: "killed", escap: "crash"},
		{name: "two lines of reason", run: extraction{code: 1, stderr: []byte("referat: a.pdf: bad\nmore detail\nreferat: 1 of 1 files failed\n")}, msg: "referat: a.pdf: bad", escap: "unclear"},
		{name: "another file named", run: extraction{code: 1, stderr: []byte("referat: b.pdf: bad\nreferat: 1 of 1 files failed\n")}, msg: "referat: b.pdf: bad", escap: "unclear"},
		{name: "success with noise", run: extraction{code: 0, stderr: []byte("warning: something\n")}, msg: "warning: something", escap: "unclear"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg, escape := classify(file, tt.run)
			if msg != tt.msg || escape != tt.escap {
				t.Errorf("classify = %q, %q; want %q, %q", msg, escape, tt.msg, tt.escap)
			}
		})
	}
}

func TestOurText(t *testing.T) {
	js := []byte(`{"meeting":{"title":"Nytt fra MBA"},"intro":"Innledning.","cases":[{"title":"Sak","paragraphs":["Første.","Andre."]}]}`)
	if got, want := ourText(js), "Nytt fra MBA\nInnledning.\nSak\nFørste.\nAndre."; got != want {
		t.Errorf("ourText = %q, want %q", got, want)
	}
	if got := ourText([]byte("not json")); got != "" {
		t.Errorf("ourText(not json) = %q, want empty", got)
	}
}

// TestRunBound checks that a run is called a hang only beyond referat's
// own deadlines: a scan of many pages gets one OCR deadline per page.
func TestRunBound(t *testing.T) {
	c := Checker{Timeout: 60 * time.Second, OCRTimeout: 60 * time.Second, Deadline: time.Minute}
	tests := []struct {
		name  string
		pages int
		want  time.Duration
	}{
		{name: "pages unknown", pages: 0, want: 3 * time.Minute},
		{name: "one page", pages: 1, want: 3 * time.Minute},
		{name: "19 scanned pages", pages: 19, want: 21 * time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.RunBound(tt.pages); got != tt.want {
				t.Errorf("RunBound(%d) = %v, want %v", tt.pages, got, tt.want)
			}
		})
	}
}
