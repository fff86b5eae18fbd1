package store

import (
	"bytes"
	"encoding/json"
	"unicode/utf8"
)

// File paths are bytes: a name from an old Windows share may be Latin-1
// ("\xe6\xf8\xe5.pdf"), which JSON strings cannot hold (encoding/json
// would put U+FFFD in its place, and the file could not be found again).
// The store keeps paths as bucket keys, which are bytes; a record's Path
// is set from its key when it is read; and the paths of a content
// (bucket byhash) are a pathList.

// A pathList is a list of paths that keeps their bytes in JSON: a path
// that is valid UTF-8 is a string, as before; any other is an object
// {"b": BASE64}.
type pathList []string

type rawPath struct {
	B []byte `json:"b"`
}

// MarshalJSON writes the list, each path as a string where it can be one.
func (l pathList) MarshalJSON() ([]byte, error) {
	out := make([]any, len(l))
	for i, p := range l {
		if utf8.ValidString(p) {
			out[i] = p
		} else {
			out[i] = rawPath{B: []byte(p)}
		}
	}
	return json.Marshal(out)
}

// UnmarshalJSON reads a list that MarshalJSON wrote, or a list of strings.
func (l *pathList) UnmarshalJSON(b []byte) error {
	if paths, ok := plainList(b); ok {
		*l = paths
		return nil
	}
	if bytes.IndexByte(b, '{') < 0 { // strings only: decoded in one go
		var s []string
		err := json.Unmarshal(b, &s)
		*l = s
		return err
	}
	var items []json.RawMessage
	if err := json.Unmarshal(b, &items); err != nil {
		return err
	}
	*l = make(pathList, 0, len(items))
	for _, it := range items {
		if len(it) > 0 && it[0] == '{' {
			var r rawPath
			if err := json.Unmarshal(it, &r); err != nil {
				return err
			}
			*l = append(*l, string(r.B))
			continue
		}
		var s string
		if err := json.Unmarshal(it, &s); err != nil {
			return err
		}
		*l = append(*l, s)
	}
	return nil
}

// plainList reads a list of strings none of which has an escape or a
// quote, as MarshalJSON writes paths of plain UTF-8, without a JSON
// decoder (the paths of a content are read for every file of it); false
// for anything else.
func plainList(b []byte) (pathList, bool) {
	if len(b) < 2 || b[0] != '[' || b[len(b)-1] != ']' || bytes.IndexByte(b, '\\') >= 0 || !utf8.Valid(b) {
		return nil, false
	}
	in := b[1 : len(b)-1]
	if len(in) == 0 {
		return pathList{}, true
	}
	out := make(pathList, 0, bytes.Count(in, []byte(`","`))+1)
	for {
		if len(in) < 2 || in[0] != '"' {
			return nil, false
		}
		end := bytes.IndexByte(in[1:], '"') + 1
		if end == 0 {
			return nil, false
		}
		p := in[1:end]
		for _, c := range p {
			if c < 0x20 {
				return nil, false
			}
		}
		out = append(out, string(p))
		in = in[end+1:]
		if len(in) == 0 {
			return out, true
		}
		if in[0] != ',' {
			return nil, false
		}
		in = in[1:]
	}
}
