package store

import (
	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/index"
)

// StatusDuplicate is the status of a file that holds a meeting another
// file already gives: its record keeps its size, modification time and
// hash (so that it is not read again) and names that file in DuplicateOf;
// it has no document and nothing in Elasticsearch.
const StatusDuplicate = "duplicate"

// A Duplicate is a file found to hold the same meeting as the file Of.
type Duplicate struct {
	Path             string
	Size             int64
	MTime            int64 // Unix nanoseconds
	SHA256           string
	Of               string  // the path whose document holds the meeting
	OfSHA256         string  // that document's content hash
	Similarity       float64 // of the two texts, 0 to 1
	ExtractorVersion int
}

// RecordDuplicate records d in one transaction. When the file's earlier
// content made documents that no other file makes, they are removed and
// their Elasticsearch deletes queued.
func (s *Store) RecordDuplicate(d Duplicate) error {
	return s.update(func(t *txn) error { return t.recordDuplicate(d) })
}

func (t *txn) recordDuplicate(d Duplicate) error {
	prev, err := t.source(d.Path)
	if err != nil {
		return err
	}
	rec := &SourceRecord{Path: d.Path, Size: d.Size, MTime: d.MTime, SHA256: d.SHA256, Status: StatusDuplicate,
		DuplicateOf: d.Of, DuplicateOfSHA256: d.OfSHA256, Similarity: d.Similarity, Synced: true, PipelineVersion: referat.Version,
		ExtractorVersion: d.ExtractorVersion, Updated: now()}
	if err := t.put(rec); err != nil {
		return err
	}
	if prev == nil || len(prev.Refs) == 0 {
		return nil
	}
	return t.release(prev.SHA256, prev.Refs)
}

// Supersede records keep, a file whose document replaces the stored
// document old (the same meeting, read from another, newer file), in one
// transaction: keep is recorded as RecordParsed does, every file whose
// content is old becomes a duplicate of keep.Path with the similarity
// given, the document old is removed and the deletes of its Elasticsearch
// documents are queued.
func (s *Store) Supersede(keep Parsed, old string, similarity float64) error {
	return s.update(func(t *txn) error { return t.supersede(keep, old, similarity) })
}

func (t *txn) supersede(keep Parsed, old string, similarity float64) error {
	if err := t.recordParsed(keep); err != nil {
		return err
	}
	recs, err := t.sourcesOf(old)
	if err != nil {
		return err
	}
	for _, rec := range recs {
		if rec.Status == StatusDuplicate || rec.Path == keep.Path {
			continue
		}
		if err := t.queue(staleDeletes(rec.Refs, keep.refs())); err != nil {
			return err
		}
		rec.Status, rec.DuplicateOf, rec.DuplicateOfSHA256, rec.Similarity = StatusDuplicate, keep.Path, keep.sha(), similarity
		rec.Refs, rec.Synced, rec.Cause, rec.Error, rec.Updated = nil, true, "", "", now()
		if err := t.write(rec); err != nil {
			return err
		}
	}
	if err := t.repoint(old, keep.Path, keep.sha()); err != nil {
		return err
	}
	return t.deleteDocument(old)
}

// repoint makes the duplicates of the document old duplicates of path,
// whose document is sha.
func (t *txn) repoint(old, path, sha string) error {
	var dups []*SourceRecord
	err := t.src.ForEach(func(k, v []byte) error {
		var rec SourceRecord
		if err := t.s.decode(v, &rec); err != nil {
			return err
		}
		if rec.Status == StatusDuplicate && rec.DuplicateOfSHA256 == old {
			dups = append(dups, &rec)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, rec := range dups {
		rec.DuplicateOf, rec.DuplicateOfSHA256 = path, sha
		if err := t.write(rec); err != nil {
			return err
		}
	}
	return nil
}

// Reread stores p.Doc, the content of p.Path read again by a newer
// extractor, in one transaction: every file with that content (its hash)
// gets the ids of the new documents, the extractor version, and is no
// longer confirmed by Elasticsearch; the deletes of the documents the old
// reading made and the new one does not are queued. Duplicates of that
// content are left alone.
func (s *Store) Reread(p Parsed) error {
	return s.update(func(t *txn) error { return t.reread(p) })
}

func (t *txn) reread(p Parsed) error {
	sha := p.sha()
	if err := t.putParsed(p); err != nil {
		return err
	}
	prevs, err := t.sourcesOf(sha)
	if err != nil {
		return err
	}
	refs := p.refs()
	for _, prev := range prevs {
		if prev.Status == StatusDuplicate {
			continue
		}
		rec := *prev
		rec.Status, rec.Cause, rec.Error, rec.Refs, rec.Synced = StatusOK, "", "", refs, false
		rec.TaxonomyVersion, rec.ExtractorVersion, rec.PipelineVersion, rec.Updated = p.taxonomy(), p.ExtractorVersion, referat.Version, now()
		if prev.Path == p.Path {
			rec.Size, rec.MTime = p.Size, p.MTime
		}
		if err := t.put(&rec); err != nil {
			return err
		}
		if err := t.queue(staleDeletes(prev.Refs, refs)); err != nil {
			return err
		}
	}
	return nil
}

// release forgets the document sha, which a file no longer makes, unless
// a file that is not a duplicate still has that content: the document is
// removed and the deletes of refs queued.
func (t *txn) release(sha string, refs []index.Ref) error {
	if sha == "" {
		return nil
	}
	recs, err := t.sourcesOf(sha)
	if err != nil {
		return err
	}
	for _, rec := range recs {
		if rec.Status != StatusDuplicate {
			return nil
		}
	}
	if err := t.queue(staleDeletes(refs, nil)); err != nil {
		return err
	}
	return t.deleteDocument(sha)
}
