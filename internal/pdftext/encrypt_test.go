package pdftext

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadEncrypted reads files encrypted without a user password (made
// from testdata/pdf/fpdf/seed-000.pdf by qpdf --encrypt and
// testdata/encrypted.py): AES-256 (revision 6) with empty user and owner
// passwords, AES-128 with only an owner password, the same with an
// indirect /CF, and a handler whose crypt filters are /Identity (nothing
// encrypted). The text and the file's own producer and creation date come
// through (pdfcpu, which decrypts, writes its own producer).
func TestReadEncrypted(t *testing.T) {
	for _, file := range []string{"aes256-empty-passwords.pdf", "aes128-owner-only.pdf", "aes128-indirect-cf.pdf", "identity-crypt-filters.pdf"} {
		t.Run(file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", file))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Read(context.Background(), data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Info.Producer != "FPDF 1.7" || !strings.HasPrefix(doc.Info.CreationDate, "D:20230615") {
				t.Errorf("info %+v, want the file's own (FPDF 1.7, D:20230615…)", doc.Info)
			}
			if !strings.Contains(docText(doc), "etats-MBA") {
				t.Errorf("text lacks etats-MBA:\n%s", docText(doc))
			}
		})
	}
}
