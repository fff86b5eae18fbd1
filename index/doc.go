// Package index holds what the two backends of referat share, the local
// store (package index/store) and Elasticsearch (package index/elastic):
//
//   - the document model: the documents an analysed referat.Document makes
//     (Docs: one per meeting, case, statement and (case, topic)), their
//     ids derived from the source file's SHA-256 (MeetingID, CaseID,
//     StatementID, TopicID), the aliases they go into (Meetings, Cases,
//     Statements, Topics), and the bulk operations on them (Action, Ref);
//   - the analysts' questions (Analytics: Trends, Compare, Search, Cases,
//     Case), which both backends answer the same way, and their results,
//     whose JSON keys are lower-case snake_case.
//
// It reads and writes nothing itself: it neither opens files nor talks to
// a server, and never imports ingest or analyze (stems come in as a
// Stemmer).
package index
