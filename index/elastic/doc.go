// Package elastic writes analysed meetings to Elasticsearch and reads them
// back: connection (Config, NewClient), templates and indices (Setup), the
// bulk Writer, the analysts' queries (Remote, which implements
// index.Analytics) and the Kibana saved objects (KibanaObjects,
// InstallKibana). It reads the documents package index makes and writes
// nothing locally.
//
// It writes four indices, each versioned behind an alias and created from
// component and index templates by Setup:
//
//	referat-meetings   (referat-meetings-v1)   one document per source file
//	referat-cases      (referat-cases-v1)      one document per case
//	referat-statements (referat-statements-v1) one document per statement
//	referat-topics     (referat-topics-v1)     one document per (case, topic), for charts
//
// meeting_date is a date (the Kibana time field) and year a number in all
// four. Text fields use the cluster's "norwegian" analyzer where it has one
// and "standard" where it does not; beside each runs a *_stems field that
// holds referat's own Snowball stems under a whitespace analyzer, so that a
// search for "budsjett" finds "budsjettene" on any cluster.
//
// Document ids are derived from the source file's SHA-256 and the case
// number, so indexing a file twice never duplicates it; index.Docs returns
// the ids a document makes, and the caller deletes the ids of an older
// version by id (the integ-test distribution has no _delete_by_query).
//
// Every request has Config.Timeout (default 30s) to be answered, body
// included, so a frozen node fails a request (NoAnswerError, matching
// ErrUnreachable) instead of hanging it; State tells, cheaply, which
// index is behind each alias (its uuid) and how many documents it holds,
// for a caller to check what it believes the cluster has. Config.Check
// finds a wrong URL or CA file without contacting anything (ErrConfig).
// Errors and printed URLs hold no credentials: Redact and RedactText.
//
// The package never imports ingest or analyze: stems come in as a function.
package elastic
