// Package referat holds the domain types shared by every part of the
// pipeline: a Document read from one PDF, the Meeting it records, and the
// Cases (saker) discussed in it.
//
// Data flows one way: package ingest turns a PDF into a Document, package
// analyze adds topics and statements to its cases, and package index stores
// and searches the result. Those three packages import this one and never
// each other; cmd/referat wires them together.
//
// The JSON encoding of a Document is the contract printed by
// `referat extract` and documented in README.md; field names are stable.
package referat

// Version is the version of the pipeline. It is stored with every indexed
// document, so that documents made by an older pipeline can be found.
// Builds may override it with -ldflags "-X github.com/ntlnav/referat.Version=...".
var Version = "0.1.0"

// A Document is everything read from one PDF file.
type Document struct {
	Source  Source  `json:"source"`
	Meeting Meeting `json:"meeting"`
	// Intro is the text between the meeting heading and the first case,
	// paragraphs joined by a blank line, or "" when there is none.
	Intro string `json:"intro"`
	Cases []Case `json:"cases"`
	// TaxonomyVersion names the taxonomy the cases were analysed with
	// (a content hash), or "" when they have not been analysed.
	TaxonomyVersion string `json:"taxonomy_version,omitempty"`
}

// Source describes the PDF file a Document was read from.
type Source struct {
	Path     string `json:"path"`
	SHA256   string `json:"sha256"`   // hex digest of the file's bytes
	Pages    int    `json:"pages"`    // number of pages in the file
	Producer string `json:"producer"` // the Info dictionary's Producer, or ""
}

// Date sources, in the order they are tried.
const (
	DateFromText     = "text"     // a date printed in the heading or on page 1
	DateFromMetadata = "metadata" // the PDF's CreationDate
	DateFromFilename = "filename" // a date in the file name
)

// A Meeting is the consultation meeting a Document reports on.
type Meeting struct {
	Date       string `json:"date"`        // ISO 8601 (2023-12-14), or "" when unknown
	DateSource string `json:"date_source"` // DateFromText, DateFromMetadata, DateFromFilename or ""
	Body       string `json:"body"`        // the meeting body, such as "etats-MBA"
	Title      string `json:"title"`       // the first heading, such as "Nytt fra etats-MBA 14. desember 2023"

	// Attendance and practical details, from a participants table or list
	// ("Til stede", "Forfall", "Referent", "Sted", "Tid"); empty when the
	// minutes print none. Names are as printed, "Navn (rolle)".
	Attendees    []string `json:"attendees"`     // Til stede / Møtende / Tilstede
	Absent       []string `json:"absent"`        // Forfall
	MinutesTaker string   `json:"minutes_taker"` // Referent / Ref.
	Chair        string   `json:"chair"`         // Møteleder / Leder
	Place        string   `json:"place"`         // Sted / Møtestad
	Time         string   `json:"time"`          // Tid / Tidspunkt, such as "09:00–11:30"
}

// A Case (sak) is one matter discussed in a meeting: a short title and the
// running text that follows it.
type Case struct {
	Seq int `json:"seq"` // 1-based position in the meeting
	// Number is the agenda number as printed, without "Sak" and without a
	// trailing colon or full stop ("10/23", "1", "2 a"), or "".
	Number string `json:"number"`
	Title  string `json:"title"` // without its agenda number and final period; a final "?" is kept
	// Decision is the text after "Vedtak:" or "Konklusjon:" in a paragraph
	// that opens with one, or a whole paragraph that opens with "Enighet
	// om at"; "" when the case records none. The paragraph stays in Text.
	Decision   string   `json:"decision"`
	Text       string   `json:"text"` // Paragraphs joined by a blank line
	Paragraphs []string `json:"paragraphs"`
	Pages      []int    `json:"pages"` // the 1-indexed pages the case is printed on, ascending

	// Filled in by analysis.
	Topics     []Topic     `json:"topics,omitempty"`
	Statements []Statement `json:"statements,omitempty"`
	Keywords   []string    `json:"keywords,omitempty"`
	// Exchanges pair NTL's statements with the employer's answers.
	Exchanges []Exchange `json:"exchanges,omitempty"`
	// Thread names the matter when it recurs across meetings (set by
	// linking cases of many documents), or "".
	Thread string `json:"thread,omitempty"`
}

// A Topic is a subject a case concerns, with the evidence for it.
type Topic struct {
	ID    string         `json:"id"`    // taxonomy id, such as "budsjett"
	Label string         `json:"label"` // Norwegian label
	Score float64        `json:"score"` // higher is stronger
	Terms map[string]int `json:"terms"` // matched taxonomy terms and their counts
	// Evidence are the sentences that support the topic, in order: the
	// title first when it names the topic.
	Evidence []Evidence `json:"evidence,omitempty"`
}

// Evidence is a sentence that supports a topic.
type Evidence struct {
	// Title is true when the sentence is the case's title; Start and End
	// are then offsets into Title, else into Text.
	Title bool     `json:"title,omitempty"`
	Start int      `json:"start"` // byte offset of the sentence
	End   int      `json:"end"`   // byte offset just past it
	Terms []string `json:"terms"` // the taxonomy terms it holds
	// Strong is true when the sentence alone gives the topic: the title,
	// or several distinct terms.
	Strong bool `json:"strong,omitempty"`
}

// Relations between an NTL statement and the employer's answer.
const (
	RelationAnswered = "answered"  // information or explanation, neither yes nor no
	RelationAgreed   = "agreed"    // the employer accepted or shared the view
	RelationRejected = "rejected"  // the employer refused or disputed it
	RelationDeferred = "deferred"  // the employer postponed it
	RelationNoAnswer = "no_answer" // nobody on the employer side answered
)

// An Exchange pairs statements of one case: NTL's request, position,
// question or concern, the employer's answer to it, and other unions'
// statements that joined in. The numbers are 0-based indices into the
// case's Statements.
type Exchange struct {
	NTL      []int  `json:"ntl"`
	Employer []int  `json:"employer"`
	Others   []int  `json:"others"`
	Relation string `json:"relation"` // one of the Relation constants
}

// Actors who make statements.
const (
	ActorNTL          = "NTL"
	ActorArbeidsgiver = "arbeidsgiver"
	ActorAndre        = "andre"
)

// A Statement is a sentence in which an actor takes a position.
type Statement struct {
	Actor  string   `json:"actor"` // ActorNTL, ActorArbeidsgiver or ActorAndre
	Kind   string   `json:"kind"`  // request, concern, agreement, disagreement, question, explanation or position
	Text   string   `json:"text"`
	Start  int      `json:"start"` // byte offset of the sentence in the case's Text
	End    int      `json:"end"`   // byte offset just past the sentence
	Topics []string `json:"topics,omitempty"`
}
