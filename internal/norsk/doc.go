// Package norsk holds what ingest, analyze and index know of Norwegian
// (Bokmål) text, in one place, since those packages may not import each
// other: it splits text into sentences (Sentences), used by ingest for
// case titles, analyze for statements and index for snippets, and it
// holds the word lists their rules use (stop words, finite and clause
// verbs, function words, question words, inflectional endings, month
// names). It reads strings and writes nothing.
package norsk
