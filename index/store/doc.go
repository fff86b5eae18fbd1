// Package store is referat's local store: one bbolt database file,
// DIR/referat.db, that it reads and writes. It holds every source file's
// record (size, modification time, SHA-256, status, the ids of its
// documents in Elasticsearch, whether Elasticsearch has confirmed them),
// the analysed referat.Document of every content, and the deletes
// Elasticsearch has not confirmed yet.
//
// Every change is one transaction, so a crash leaves the old state or the
// new one.
// Local answers the analysts' questions (index.Analytics) from it.
package store
