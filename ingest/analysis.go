package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sync"
	"unicode/utf8"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/analyze"
)

// Analysis in the worker: a Pool given Options.Analyzer has its workers
// analyse the document they read, so that the parent neither analyses it
// nor decodes the document twice. The parent's analyzer is described to a
// worker by its spec (analyze.Analyzer.Spec: the taxonomy and the options,
// a few tens of kilobytes), sent once in a worker's life: every request
// names the analyzer by the hash of its spec, and a worker that has not
// built that one answers "need" before reading the file, the parent then
// sends the request again with the spec. The worker's analyzer is built
// by analyze.FromSpec, so its analysis is the parent's byte for byte; an
// analyzer whose spec cannot travel (analyze.ErrSpec) analyses in the
// parent, as do documents with pages recognised by OCR (built in the
// parent).

// A spec is an analyzer's spec and the hash that names it.
type spec struct {
	id   string
	spec []byte
}

// analyzerSpec returns the spec of a, computed once per Pool, or nil when
// a is nil or cannot be described to a worker.
func (p *Pool) analyzerSpec(a *analyze.Analyzer) *spec {
	if a == nil {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if s, ok := p.specs[a]; ok {
		return s
	}
	if p.specs == nil {
		p.specs = map[*analyze.Analyzer]*spec{}
	}
	var s *spec
	if b, err := a.Spec(); err == nil {
		s = &spec{id: specID(b), spec: b}
	}
	p.specs[a] = s
	return s
}

// specID is the name of a spec: the hex SHA-256 of its bytes.
func specID(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// built is the analyzer a worker built last, and the name of its spec;
// a is nil when the spec did not build one (the parent then analyses).
var built struct {
	sync.Mutex
	id string
	a  *analyze.Analyzer
}

// workerAnalyzer returns the analyzer req names, building it from the
// spec req carries; need reports that the worker has not got it and req
// carries no spec. It returns nil when req names none, or when its spec
// does not build one (a spec that does not match its name, or of another
// version of referat).
func workerAnalyzer(req request) (a *analyze.Analyzer, need bool) {
	if req.Analyzer == "" || req.Op != "" {
		return nil, false
	}
	built.Lock()
	defer built.Unlock()
	if built.id == req.Analyzer {
		return built.a, false
	}
	if req.AnalyzerSpec == nil {
		return nil, true
	}
	built.id, built.a = req.Analyzer, nil
	if specID(req.AnalyzerSpec) == req.Analyzer {
		built.a, _ = analyze.FromSpec(req.AnalyzerSpec) // nil on an error: the parent analyses
	}
	return built.a, false
}

// asDecoded makes the text of d's cases what it would be after a trip
// through JSON, so that the worker analyses the text the parent analysed
// when the document travelled before its analysis: JSON replaces each
// byte that is not UTF-8 with U+FFFD. Text read from a PDF is UTF-8
// already: this changes nothing, and costs one pass over the text.
func asDecoded(d *referat.Document) {
	fix := func(s *string) {
		if utf8.ValidString(*s) {
			return
		}
		b, _ := json.Marshal(*s) // a string always encodes
		_ = json.Unmarshal(b, s)
	}
	for i := range d.Cases {
		c := &d.Cases[i]
		fix(&c.Number)
		fix(&c.Title)
		fix(&c.Decision)
		fix(&c.Text)
		for k := range c.Paragraphs {
			fix(&c.Paragraphs[k])
		}
	}
}
