package store

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/ntlnav/referat/index"
)

// A record's refs are most of its bytes when written out as they are
// (index name and id of every meeting, case, statement and topic
// document: ~3.7 KB for an ordinary file, 370 MB for 100,000 files). Their
// ids all start with the meeting id, the first 32 hex digits of the
// content hash, and their indices are four names; so a record stores
// them as "refs_short": one short string per ref, a letter for the index
// and the rest of the id ("m", "c-001", "s-001-s002", "t-001-budsjett"),
// about a fifth of the bytes. Refs that do not fit (another index, an
// id without that prefix) are stored as they are, under "refs"; records
// written before are read as they were.

var (
	refCodes   = map[string]byte{index.Meetings: 'm', index.Cases: 'c', index.Statements: 's', index.Topics: 't'}
	refIndices = map[byte]string{'m': index.Meetings, 'c': index.Cases, 's': index.Statements, 't': index.Topics}
)

// shortRefs returns refs in the short form for content sha, or false.
func shortRefs(sha string, refs []index.Ref) ([]string, bool) {
	if len(sha) < 32 || len(refs) == 0 {
		return nil, false
	}
	prefix := sha[:32]
	out := make([]string, len(refs))
	for i, r := range refs {
		code, ok := refCodes[r.Index]
		if !ok || !strings.HasPrefix(r.ID, prefix) {
			return nil, false
		}
		out[i] = string(code) + r.ID[len(prefix):]
	}
	return out, true
}

// longRefs expands refs in the short form for content sha.
func longRefs(sha string, short []string) ([]index.Ref, error) {
	if len(sha) < 32 {
		return nil, fmt.Errorf("refs_short without a content hash")
	}
	refs := make([]index.Ref, len(short))
	for i, s := range short {
		if s == "" || refIndices[s[0]] == "" {
			return nil, fmt.Errorf("refs_short: bad ref %q", s)
		}
		refs[i] = index.Ref{Index: refIndices[s[0]], ID: sha[:32] + s[1:]}
	}
	return refs, nil
}

// recordFields is a SourceRecord without its JSON methods.
type recordFields SourceRecord

// recordJSON is a SourceRecord as stored: its refs short or as they are.
type recordJSON struct {
	*recordFields
	Refs  []index.Ref `json:"refs,omitempty"`
	Short []string    `json:"refs_short,omitempty"`
}

// MarshalJSON writes the record with its refs in the short form where
// they fit it.
func (rec SourceRecord) MarshalJSON() ([]byte, error) {
	j := recordJSON{recordFields: (*recordFields)(&rec)}
	if short, ok := shortRefs(rec.SHA256, rec.Refs); ok {
		j.Short = short
	} else {
		j.Refs = rec.Refs
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes, and records written
// before the short form.
func (rec *SourceRecord) UnmarshalJSON(b []byte) error {
	j := recordJSON{recordFields: (*recordFields)(rec)}
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	rec.Refs = j.Refs
	if j.Short != nil {
		refs, err := longRefs(rec.SHA256, j.Short)
		if err != nil {
			return err
		}
		rec.Refs = refs
	}
	return nil
}
