package analyze

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"os"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

//go:embed taxonomy.yaml
var defaultTaxonomy []byte

// A Taxonomy is what analysis looks for: topics with their terms, actors
// with the words that name them, and the words that mark each kind of
// statement. It is data, read from YAML (see taxonomy.yaml, the default),
// so that other minutes can be analysed by editing a file.
type Taxonomy struct {
	Topics []TopicDef
	Actors []ActorDef
	Kinds  []KindDef // in order of precedence
	// Version identifies the taxonomy's content: the first 12 hex digits
	// of the SHA-256 of the file's bytes.
	Version string
}

// A TopicDef is one topic of a Taxonomy.
type TopicDef struct {
	ID      string
	Label   string // Norwegian
	LabelEN string // English
	// Terms are the topic's own words: one in a sentence makes the
	// sentence about the topic.
	Terms []string
	// Weak are words the topic shares with others: they count when a case
	// has two or more of them, or a term besides. May be empty.
	Weak []string
}

// An ActorDef is one actor of a Taxonomy.
type ActorDef struct {
	ID              string
	Names           []string // words or phrases naming the actor as subject
	NameSuffixes    []string // a word ending so names the actor ("-direktøren")
	SubjectPronouns []string // pronouns standing for the actor as subject ("vi")
	Phrases         []string // phrases that state the actor's view anywhere ("etter vårt syn")
	ReferBack       []string // pronouns referring back to the actor ("hun", "han")
}

// A KindDef is a kind of statement and the phrases that mark it.
type KindDef struct {
	Kind  string
	Terms []string
}

// Kinds of statement a Taxonomy may define.
var statementKinds = map[string]bool{
	"request": true, "concern": true, "agreement": true, "disagreement": true,
	"question": true, "explanation": true, "position": true,
}

// A TaxonomyError reports a mistake in a taxonomy file.
type TaxonomyError struct {
	File string
	Line int // 1-indexed; 0 when unknown
	Msg  string
}

func (e *TaxonomyError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// DefaultTaxonomy returns the built-in taxonomy (taxonomy.yaml).
func DefaultTaxonomy() *Taxonomy {
	t, err := ParseTaxonomy("taxonomy.yaml", defaultTaxonomy)
	if err != nil {
		panic(err) // the embedded file is tested
	}
	return t
}

// DefaultTaxonomyYAML returns the text of the built-in taxonomy, to start
// an edited copy from.
func DefaultTaxonomyYAML() []byte { return append([]byte(nil), defaultTaxonomy...) }

// LoadTaxonomy reads a taxonomy file.
func LoadTaxonomy(path string) (*Taxonomy, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseTaxonomy(path, b)
}

// ParseTaxonomy reads a taxonomy from data; name names it in errors.
// Unknown keys, missing or duplicate ids, empty term lists and unknown
// kinds are errors of type *TaxonomyError, with the line.
func ParseTaxonomy(name string, data []byte) (*Taxonomy, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, &TaxonomyError{File: name, Msg: err.Error()}
	}
	fail := func(n *yaml.Node, format string, args ...any) error {
		return &TaxonomyError{File: name, Line: n.Line, Msg: fmt.Sprintf(format, args...)}
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, &TaxonomyError{File: name, Line: 1, Msg: "a taxonomy is a mapping with topics, actors and speech"}
	}
	sum := sha256.Sum256(data)
	t := &Taxonomy{Version: hex.EncodeToString(sum[:])[:12]}
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, val := root.Content[i], root.Content[i+1]
		switch key.Value {
		case "topics":
			var d TopicDef
			err := items(val, "topic", fail, func(item *yaml.Node) (string, error) {
				d = TopicDef{}
				err := fields(item, fail, map[string]any{"id": &d.ID, "label": &d.Label, "label_en": &d.LabelEN, "terms": &d.Terms, "weak": &d.Weak})
				return d.ID, err
			}, func(item *yaml.Node) error {
				if d.Label == "" {
					d.Label = d.ID
				}
				t.Topics = append(t.Topics, d)
				return checkTerms(item, fail, "topic "+d.ID, d.Terms)
			})
			if err != nil {
				return nil, err
			}
		case "actors":
			var d ActorDef
			err := items(val, "actor", fail, func(item *yaml.Node) (string, error) {
				d = ActorDef{}
				err := fields(item, fail, map[string]any{"id": &d.ID, "names": &d.Names, "name_suffixes": &d.NameSuffixes,
					"subject_pronouns": &d.SubjectPronouns, "phrases": &d.Phrases, "refer_back": &d.ReferBack})
				return d.ID, err
			}, func(item *yaml.Node) error {
				t.Actors = append(t.Actors, d)
				return checkTerms(item, fail, "actor "+d.ID, d.Names)
			})
			if err != nil {
				return nil, err
			}
		case "speech":
			if val.Kind != yaml.MappingNode {
				return nil, fail(val, "speech must map kinds to lists of phrases")
			}
			for j := 0; j+1 < len(val.Content); j += 2 {
				k, v := val.Content[j], val.Content[j+1]
				if !statementKinds[k.Value] {
					return nil, fail(k, "unknown kind %q (request, concern, agreement, disagreement, question, explanation, position)", k.Value)
				}
				var terms []string
				if err := v.Decode(&terms); err != nil {
					return nil, fail(v, "kind %s: %v", k.Value, err)
				}
				if err := checkTerms(v, fail, "kind "+k.Value, terms); err != nil {
					return nil, err
				}
				t.Kinds = append(t.Kinds, KindDef{Kind: k.Value, Terms: terms})
			}
		default:
			return nil, fail(key, "unknown key %q (topics, actors, speech)", key.Value)
		}
	}
	if len(t.Topics) == 0 {
		return nil, &TaxonomyError{File: name, Line: root.Line, Msg: "no topics"}
	}
	return t, nil
}

// items reads a list of mappings that have ids: decode reads one item and
// returns its id, which must be there and unique; then check runs on it.
func items(list *yaml.Node, what string, fail func(*yaml.Node, string, ...any) error,
	decode func(*yaml.Node) (string, error), check func(*yaml.Node) error) error {
	if list.Kind != yaml.SequenceNode {
		return fail(list, "%ss must be a list", what)
	}
	ids := map[string]int{}
	for _, item := range list.Content {
		id, err := decode(item)
		if err != nil {
			return err
		}
		if id == "" {
			return fail(item, "%s without an id", what)
		}
		if line, dup := ids[id]; dup {
			return fail(item, "duplicate %s id %q (first on line %d)", what, id, line)
		}
		ids[id] = item.Line
		if err := check(item); err != nil {
			return err
		}
	}
	return nil
}

// fields decodes a mapping node into the given fields, refusing unknown keys.
func fields(n *yaml.Node, fail func(*yaml.Node, string, ...any) error, into map[string]any) error {
	if n.Kind != yaml.MappingNode {
		return fail(n, "expected a mapping")
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		dst, ok := into[k.Value]
		if !ok {
			known := make([]string, 0, len(into))
			for name := range into {
				known = append(known, name)
			}
			sort.Strings(known)
			return fail(k, "unknown key %q (known: %s)", k.Value, strings.Join(known, ", "))
		}
		if err := v.Decode(dst); err != nil {
			return fail(v, "%s: %v", k.Value, err)
		}
	}
	return nil
}

func checkTerms(n *yaml.Node, fail func(*yaml.Node, string, ...any) error, what string, terms []string) error {
	if len(terms) == 0 {
		return fail(n, "%s has no terms", what)
	}
	for _, term := range terms {
		if strings.TrimSpace(strings.TrimRight(term, "=")) == "" {
			return fail(n, "%s has an empty term", what)
		}
	}
	return nil
}
