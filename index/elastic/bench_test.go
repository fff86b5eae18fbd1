package elastic_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/ntlnav/referat/index"
	"github.com/ntlnav/referat/index/elastic"
	"github.com/ntlnav/referat/internal/estest"
)

// benchActions makes the documents of n meetings, each a copy of the
// analysed annotated-style corpus with its own hash.
func benchActions(n int) []index.Action {
	base := corpus()
	var acts []index.Action
	for i := 0; i < n; i++ {
		d := *base[i%len(base)]
		d.Source.SHA256 = fmt.Sprintf("%08x%056x", i+1, 0) // ids come from the first 32 hex digits
		d.Source.Path = fmt.Sprintf("bench/%05d.pdf", i)
		acts = append(acts, index.Docs(&d, analyzer.Stems)...)
	}
	return acts
}

// BenchmarkBulk indexes the same documents with our Writer and with raw
// _bulk requests of the same size sent by net/http, in one run, so the
// ratio of their docs/s is the cost of our code.
func BenchmarkBulk(b *testing.B) {
	es := estest.Client(b)
	ctx := context.Background()
	if _, err := elastic.Setup(ctx, es); err != nil {
		b.Fatal(err)
	}
	acts := benchActions(600)
	b.Run("writer", func(b *testing.B) {
		w := &elastic.Writer{Client: es}
		for i := 0; i < b.N; i++ {
			st, fails, err := w.Write(ctx, acts)
			if err != nil || len(fails) > 0 || st.Indexed != len(acts) {
				b.Fatalf("%v %d", err, len(fails))
			}
		}
		b.ReportMetric(float64(len(acts)*b.N)/b.Elapsed().Seconds(), "docs/s")
	})
	b.Run("raw_bulk", func(b *testing.B) {
		url := strings.TrimSuffix(estest.URL(b), "/") + "/_bulk"
		var bodies [][]byte
		var buf bytes.Buffer
		for _, a := range acts {
			fmt.Fprintf(&buf, `{"index":{"_index":%q,"_id":%q}}`+"\n", a.Index, a.ID)
			buf.Write(a.Doc)
			buf.WriteByte('\n')
			if buf.Len() >= 2<<20 {
				bodies = append(bodies, append([]byte(nil), buf.Bytes()...))
				buf.Reset()
			}
		}
		if buf.Len() > 0 {
			bodies = append(bodies, buf.Bytes())
		}
		for i := 0; i < b.N; i++ {
			for _, body := range bodies {
				res, err := http.Post(url, "application/x-ndjson", bytes.NewReader(body))
				if err != nil || res.StatusCode != 200 {
					b.Fatalf("%v %v", err, res)
				}
				res.Body.Close()
			}
		}
		b.ReportMetric(float64(len(acts)*b.N)/b.Elapsed().Seconds(), "docs/s")
	})
}
