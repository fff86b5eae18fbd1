// Package analyze reads the Norwegian text of cases: it splits words and
// sentences, stems with the Snowball algorithm, finds topics from an
// editable taxonomy (also inside compounds), and finds the statements in
// which each actor takes a position.
//
// It reads a referat.Case's Title and Text and writes its Topics,
// Statements and Keywords:
//
//	a := analyze.New(nil, analyze.Options{}) // the built-in taxonomy
//	a.Document(doc)                          // every case, and doc.TaxonomyVersion
//
// Topics, actors and speech verbs are data (taxonomy.yaml, embedded; see
// ParseTaxonomy), so that another organisation's minutes can be analysed
// by editing a file. Analysis is deterministic and safe for concurrent use.
package analyze
