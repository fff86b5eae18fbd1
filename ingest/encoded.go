package ingest

import (
	"encoding/json"
	"fmt"

	"github.com/ntlnav/referat"
)

// An Encoded document is a document as json.Marshal encodes it, with its
// outline: what a caller needs to place it (its source, meeting, and the
// names and counts of its cases) without decoding it. A worker encodes the
// document it read once, and the bytes travel to the parent and into the
// store as they are (Pool.ExtractEncoded): decoding a document and
// encoding it again was most of the parent's work per file.
type Encoded struct {
	JSON    []byte  // json.Marshal of the document
	Outline Outline // of the same document
}

// An Outline is what Encoded keeps of a document beside its JSON.
type Outline struct {
	Source          referat.Source  `json:"source"`
	Meeting         referat.Meeting `json:"meeting"`
	TaxonomyVersion string          `json:"taxonomy_version,omitempty"`
	Cases           []CaseOutline   `json:"cases"`
}

// A CaseOutline is what an Outline keeps of a case.
type CaseOutline struct {
	Seq        int      `json:"seq"`
	Title      string   `json:"title,omitempty"`
	Thread     string   `json:"thread,omitempty"`
	Topics     []string `json:"topics,omitempty"` // topic ids
	Statements int      `json:"statements,omitempty"`
}

// OutlineOf returns the outline of d.
func OutlineOf(d *referat.Document) Outline {
	o := Outline{Source: d.Source, Meeting: d.Meeting, TaxonomyVersion: d.TaxonomyVersion, Cases: make([]CaseOutline, len(d.Cases))}
	for i, c := range d.Cases {
		oc := &o.Cases[i]
		oc.Seq, oc.Title, oc.Thread, oc.Statements = c.Seq, c.Title, c.Thread, len(c.Statements)
		for _, t := range c.Topics {
			oc.Topics = append(oc.Topics, t.ID)
		}
	}
	return o
}

// Encode returns d encoded.
func Encode(d *referat.Document) (*Encoded, error) {
	b, err := json.Marshal(d)
	if err != nil {
		return nil, err
	}
	return &Encoded{JSON: b, Outline: OutlineOf(d)}, nil
}

// Decode returns the document e encodes; its Source.Path is the
// outline's (JSON keeps only the UTF-8 of a path).
func (e *Encoded) Decode() (*referat.Document, error) {
	var d referat.Document
	if err := json.Unmarshal(e.JSON, &d); err != nil {
		return nil, fmt.Errorf("the document does not decode: %w", err)
	}
	d.Source.Path = e.Outline.Source.Path
	return &d, nil
}
