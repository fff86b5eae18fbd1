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
