package store

import (
	bolt "go.etcd.io/bbolt"

	"github.com/ntlnav/referat/index"
)

// The store's picture of Elasticsearch, for the check at the start of
// each sync that the cluster still holds what the store believes it
// confirmed (see package pipeline):
//
//	cluster   alias → the uuid of the concrete index that took the
//	          confirmed documents (created when first written)
//
// The documents the store expects in each index are not kept apart: they
// are the distinct ids of the records marked Synced (Confirmed counts
// them), which follow every change of state exactly, shared content and
// deletes included.
var bucketCluster = []byte("cluster")

// ClusterIndices returns, by alias, the uuid of the index that holds the
// documents the store confirmed, as SetClusterIndices recorded it; empty
// when none was recorded.
func (s *Store) ClusterIndices() (map[string]string, error) {
	out := map[string]string{}
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketCluster)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			out[string(k)] = string(v)
			return nil
		})
	})
	return out, err
}

// Confirmed returns, by alias, the number of distinct documents of the
// records Elasticsearch has confirmed (Synced): what the cluster must hold
// at least. Documents that several files share count once. It decodes the
// source records, not the documents.
func (s *Store) Confirmed() (map[string]int, error) {
	seen := map[index.Ref]bool{}
	out := map[string]int{}
	err := s.Sources(func(rec *SourceRecord) bool {
		if !rec.Synced {
			return true
		}
		for _, r := range rec.Refs {
			if !seen[r] {
				seen[r] = true
				out[r.Index]++
			}
		}
		return true
	})
	return out, err
}

// Unconfirm marks as not confirmed every record with a document in one of
// the aliases (so that the next sync sends its documents again), and
// records uuids as the indices that now hold the confirmed documents, in
// one transaction. It returns the number of records marked.
func (s *Store) Unconfirm(aliases []string, uuids map[string]string) (int, error) {
	lost := map[string]bool{}
	for _, a := range aliases {
		lost[a] = true
	}
	n := 0
	err := s.update(func(t *txn) error {
		var marked []*SourceRecord
		err := t.src.ForEach(func(k, v []byte) error {
			var rec SourceRecord
			if err := s.decode(v, &rec); err != nil {
				return err
			}
			if !rec.Synced {
				return nil
			}
			for _, r := range rec.Refs {
				if lost[r.Index] {
					rec.Synced = false
					marked = append(marked, &rec)
					break
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, rec := range marked {
			if err := t.write(rec); err != nil {
				return err
			}
		}
		n = len(marked)
		return putCluster(t, uuids)
	})
	return n, err
}

// SetClusterIndices records uuids (alias → uuid) as the indices that hold
// the confirmed documents.
func (s *Store) SetClusterIndices(uuids map[string]string) error {
	return s.update(func(t *txn) error { return putCluster(t, uuids) })
}

func putCluster(t *txn, uuids map[string]string) error {
	if len(uuids) == 0 {
		return nil
	}
	b, err := t.tx.CreateBucketIfNotExists(bucketCluster)
	if err != nil {
		return err
	}
	for alias, uuid := range uuids {
		if err := b.Put([]byte(alias), []byte(uuid)); err != nil {
			return err
		}
	}
	return nil
}
