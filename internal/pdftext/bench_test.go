package pdftext

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkReadProducer reads the generated minutes of each producer
// (testdata/pdf/PRODUCER), one sub-benchmark per producer, and reports
// pages/s. Compare CPU time (-cpu 1, user+sys of the test binary) rather
// than wall time on a loaded machine.
func BenchmarkReadProducer(b *testing.B) {
	dirs, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "pdf", "*"))
	for _, dir := range dirs {
		name := filepath.Base(dir)
		files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
		if name == "edge" || len(files) == 0 {
			continue
		}
		var data [][]byte
		for _, f := range files {
			d, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			data = append(data, d)
		}
		b.Run(name, func(b *testing.B) {
			pages := 0
			for i := 0; i < b.N; i++ {
				for _, d := range data {
					doc, err := Read(context.Background(), d, Options{})
					if err != nil {
						b.Fatal(err)
					}
					pages += len(doc.Pages)
				}
			}
			b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}
