package analyze

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
)

// ErrSpec is returned by Analyzer.Spec when what the analyzer was built
// from does not survive encoding: another process could not analyse as it
// does.
var ErrSpec = errors.New("the analyzer cannot be described to another process")

// spec is what builds an Analyzer: its taxonomy and its options, the
// topic model included.
type spec struct {
	Taxonomy *Taxonomy
	Options  Options
}

// Spec returns what a was built from (its taxonomy and options, the topic
// model included), encoded, so that another process (an isolated worker)
// can build with FromSpec an Analyzer that gives the same analysis byte
// for byte. The encoding is checked by decoding it again: an error
// matching ErrSpec means some part of it would be lost (an option of a
// kind JSON cannot carry), and the analysis must then stay in this
// process.
func (a *Analyzer) Spec() ([]byte, error) {
	s := spec{Taxonomy: a.tax, Options: a.opts}
	s.Options.TopicModel = a.model
	b, err := json.Marshal(s)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrSpec, err)
	}
	var back spec
	if err := json.Unmarshal(b, &back); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrSpec, err)
	}
	if !reflect.DeepEqual(back, s) {
		return nil, fmt.Errorf("%w: it changes when encoded", ErrSpec)
	}
	return b, nil
}

// FromSpec returns an Analyzer built from what Analyzer.Spec returned: it
// analyses as the Analyzer that gave the spec does.
func FromSpec(b []byte) (*Analyzer, error) {
	var s spec
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrSpec, err)
	}
	if s.Taxonomy == nil || s.Options.TopicModel == nil {
		return nil, fmt.Errorf("%w: no taxonomy or no topic model", ErrSpec)
	}
	return New(s.Taxonomy, s.Options), nil
}
