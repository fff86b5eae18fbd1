package analyze

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sync"
)

// RulesVersion is the version of the analysis's own rules: how sentences,
// statements, exchanges, topics from the models' scores and keywords are
// made. Bump it with every change that changes the analysis of some case
// (an analysis golden file or an eval figure moves) without changing the
// taxonomy or the topic model, whose contents the analysis version
// (Analyzer.Version) already covers.
const RulesVersion = 2

// Version identifies what the analyzer makes of a case: the first 12 hex
// digits of the SHA-256 of its taxonomy's version, its topic model, its
// options and RulesVersion. It is recorded with every analysed document
// (referat.Document.TaxonomyVersion), so that documents analysed by an
// older referat, or with another taxonomy, can be found and analysed again
// ('referat ingest --retag').
func (a *Analyzer) Version() string { return a.version }

// analysisVersion computes Version for a's taxonomy, model and options.
// The model counts by its encoding, so that the same model gives the same
// version whether it is the built-in one or given (as a worker process
// is given its parent's).
func (a *Analyzer) analysisVersion() string {
	h := sha256.New()
	fmt.Fprintf(h, "rules %d\ntaxonomy %s\noptions %g %d %d\nmodel ", RulesVersion, a.tax.Version,
		a.opts.TitleWeight, a.opts.MinSentences, a.opts.Keywords)
	if a.opts.TopicModel == nil {
		h.Write(defaultModelSum())
	} else {
		h.Write(modelSum(a.opts.TopicModel))
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// defaultModelSum is modelSum of the built-in model, computed once.
var defaultModelSum = sync.OnceValue(func() []byte { return modelSum(builtinModel()) })

// modelSum returns the SHA-256 of m's JSON encoding. A model that cannot
// be encoded (a NaN weight) is told apart from every other by its address,
// so that its documents are never taken for another's.
func modelSum(m *TopicModel) []byte {
	h := sha256.New()
	if err := json.NewEncoder(h).Encode(m); err != nil {
		fmt.Fprintf(h, "unencodable %p", m)
	}
	return h.Sum(nil)
}
