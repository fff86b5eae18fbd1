package pdftext

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRead checks what Read hands over: pages with lines in reading
// order, positions inside the page, a font size, bold kept apart from
// regular text, and the document information.
func TestRead(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "pdf", "libreoffice", "2019-12-12.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Read(context.Background(), data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Pages) == 0 {
		t.Fatal("no pages")
	}
	if !strings.HasPrefix(doc.Info.Producer, "LibreOffice") || !strings.HasPrefix(doc.Info.CreationDate, "D:2019") {
		t.Errorf("info: %+v", doc.Info)
	}
	bold := false
	for p, page := range doc.Pages {
		for i, l := range page.Lines {
			if l.Page != p+1 || len(l.Spans) == 0 || l.Size <= 0 || l.X0 >= l.X1 || l.Y < page.Box[1] || l.Y > page.Box[3] {
				t.Fatalf("page %d line %d: %+v (box %v)", p+1, i, l, page.Box)
			}
			if i > 0 && l.Y > page.Lines[i-1].Y {
				t.Errorf("page %d line %d lies above the line before it", p+1, i)
			}
			bold = bold || l.AllBold()
		}
	}
	if !bold {
		t.Error("no bold line: the weights of the fonts were lost")
	}
}

// TestReadCauses checks that failures are *Error values whose cause
// errors.Is finds.
func TestReadCauses(t *testing.T) {
	tests := []struct {
		file string
		want error
	}{
		{file: "empty.pdf", want: ErrEmpty},
		{file: "zip.pdf", want: ErrNotPDF},
		{file: "truncated.pdf", want: ErrDamaged},
		{file: "user-password.pdf", want: ErrEncrypted},
		{file: "scan.pdf", want: ErrNoText},
		{file: "inflate-bomb.pdf", want: ErrTooLarge},
		{file: "page-loop.pdf", want: ErrDamaged},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "pdf", "edge", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			_, err = Read(context.Background(), data, Options{})
			var e *Error
			if !errors.As(err, &e) || !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want an *Error with cause %v", err, tt.want)
			}
		})
	}
}

// TestReadStops checks that a cancelled context stops reading with the
// context's error.
func TestReadStops(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "pdf", "libreoffice", "2019-12-12.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Read(ctx, data, Options{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
}
