// Package store is referat's local store: one bbolt database file,
// DIR/referat.db, that it reads and writes. It holds every source file's
// record (size, modification time, SHA-256, status, the ids of its
// documents in Elasticsearch, whether Elasticsearch has confirmed them),
// the analysed referat.Document of every content, and the deletes
// Elasticsearch has not confirmed yet.
//
// The store owns its invariants: each change of state is one method and
// one transaction, so a crash leaves the old state or the new one.
// RecordParsed records a file with its document and the Elasticsearch
// deletes it causes; RecordFailed a file that failed (keeping what it gave
// before); Touch a new modification time; Forget a file that is gone;
// Retag a document analysed again. For Elasticsearch, Unconfirmed and
// PendingDeletes list what the cluster has not confirmed, and Confirm
// marks it done.
// Local answers the analysts' questions (index.Analytics) from it.
package store
