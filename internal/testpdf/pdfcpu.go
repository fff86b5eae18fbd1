package testpdf

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
)

// PdfcpuTestdata returns the folder pkg/testdata of the pdfcpu module in
// the Go module cache: real-world PDFs nobody here made (pdfcpu is a
// dependency of this module, so the cache holds it wherever it builds).
// It asks the go command, and fails when go cannot tell where the module
// is.
func PdfcpuTestdata() (string, error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/pdfcpu/pdfcpu").Output()
	if err != nil {
		return "", fmt.Errorf("go list: where is the pdfcpu module? %w", err)
	}
	dir := strings.TrimSpace(string(out))
	if dir == "" {
		return "", fmt.Errorf("the pdfcpu module is not in the module cache: run go mod download")
	}
	return filepath.Join(dir, "pkg", "testdata"), nil
}
