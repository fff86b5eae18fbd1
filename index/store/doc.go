// Package store is referat's local store: one bbolt database file,
// DIR/referat.db, that it reads and writes. It holds every source file's
// record (size, modification time, SHA-256, status, the ids of its
// documents in Elasticsearch, whether Elasticsearch has confirmed them),
// the analysed referat.Document of every content, the deletes
// Elasticsearch has not confirmed yet, and whether documents changed since
// their cases were linked into threads (threads.go).
//
// The store owns its invariants: each change of state is one method and
// one transaction (or one of several in a Batch, which commits them
// together), so a crash leaves the old state or the new one.
// RecordParsed records a file with its document and the Elasticsearch
// deletes it causes; RecordFailed a file that failed (keeping what it gave
// before); Touch a new modification time; Forget a file that is gone;
// Retag a document analysed again; Batch.Relink the threads of a
// document's cases (threads.go); RecordCopy a file of content already
// stored. Entries and EachDocStats read the few bytes per file and per
// document kept beside the records and documents (derived.go). For Elasticsearch, Unconfirmed and
// PendingDeletes list what the cluster has not confirmed, and Confirm
// marks it done.
// Local answers the analysts' questions (index.Analytics) from it.
//
// # One writer, many readers
//
// bbolt allows one process to write a file (an exclusive flock) or many to
// read it (shared flocks), not both. The writer (Open without ReadOnly:
// the nightly ingest) holds the store for its whole run, so that a second
// ingest is refused and the run's many small transactions cost no reopen.
// Readers must still answer during a long run, so the writer keeps a
// snapshot, SnapshotFile: a consistent copy of the store (Tx.WriteTo),
// written to a temporary file and renamed over the old one when a writer
// that changed the store closes it, and when one opens a store whose
// snapshot is missing or older than the store. A reader (Open with
// ReadOnly) tries the store itself once; when a writer has it, it reads
// the snapshot (Store.Snapshot tells its time, Store.Writer the writer's
// pid from the file writer.pid), which is the store as the last ingest
// left it. Only without a snapshot does a reader wait for the lock, up to
// Options.LockTimeout (DefaultLockTimeout, a minute), as a writer waits
// for readers; then it gets a *LockedError (ErrLocked) naming the store
// and the process. We chose this over a writer that reopens the store for
// every short transaction (a reopen per file, and readers still blocked
// during each) and over readers that copy the file themselves (not
// consistent while it is written). The price is a second copy of the
// store on disk, written once per run.
//
// Beside bbolt's flock of the file, every Open takes a flock of the store
// folder (exclusive for the writer, shared for a reader that reads the
// live file) and holds it until Close: the writer closes and reopens its
// database every so often in a long run, to drop bbolt's bookkeeping of
// the pages it allocated (reopen.go), and bbolt's lock is released for
// that moment while the folder's is not.
//
// # Damage
//
// Every transaction runs with debug.SetPanicOnFault and recovers panics,
// a store file shorter than its pages is refused on open, and a value
// that does not decode is damage: a damaged file gives a *DamagedError
// (ErrDamagedStore) naming it, never a crash. Check verifies a store;
// Salvage and SetAside help to rebuild one.
package store
