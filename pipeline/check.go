package pipeline

import (
	"context"
	"fmt"
	"strings"

	"github.com/elastic/go-elasticsearch/v8"

	"github.com/ntlnav/referat/index/elastic"
)

// checkCluster makes sure, cheaply, that Elasticsearch still holds what
// the store believes it confirmed. It runs after Setup (which re-creates
// templates, indices and aliases that are gone) and after the queued
// deletes were sent (so that documents waiting to be deleted do not hide
// lost ones), and compares, for each
// alias, the concrete index's uuid with the one recorded when documents
// were confirmed into it, and the cluster's document count (after a
// refresh) with the number of distinct documents of the confirmed
// records. An index that was replaced (deleted and created again, a node
// replaced, a snapshot restored) or that holds fewer documents than
// confirmed loses its confirmations: every record with a document in it
// is marked not confirmed, and the documents are sent again by this sync.
// More documents than confirmed is normal (the documents of files half
// sent by a run cut short, deletes Elasticsearch refused, documents of
// another store) and is not an alarm; so lost documents hidden by as many
// extra ones go unnoticed until the index is replaced or resynced. The check costs nine
// small requests and a pass over the store's source records; it reads no
// document, here or in the cluster.
func (s *syncer) checkCluster(ctx context.Context, client *elasticsearch.Client) error {
	want, err := s.db.Confirmed()
	if err != nil {
		return err
	}
	known, err := s.db.ClusterIndices()
	if err != nil {
		return err
	}
	have, err := elastic.State(ctx, client)
	if err != nil {
		return err
	}
	now := map[string]string{}
	var lost []string
	for _, alias := range elastic.Aliases {
		h := have[alias]
		if h.UUID != "" {
			now[alias] = h.UUID
		}
		why := ""
		switch {
		case h.UUID == "" && want[alias] > 0:
			why = "is gone"
		case known[alias] != "" && h.UUID != known[alias] && want[alias] > 0:
			why = fmt.Sprintf("was replaced (index %s, the store confirmed into %s)", h.UUID, known[alias])
		case h.Count < want[alias]:
			why = fmt.Sprintf("holds %d documents, fewer than the %d the store confirmed", h.Count, want[alias])
		}
		if why != "" {
			lost = append(lost, alias)
			s.es.Lost = append(s.es.Lost, alias+" "+why)
		}
	}
	if len(lost) == 0 {
		if same(known, now) {
			return nil
		}
		return s.db.SetClusterIndices(now)
	}
	n, err := s.db.Unconfirm(lost, now)
	s.es.Resent += n
	if err != nil {
		return fmt.Errorf("marking the documents of %s to be sent again: %w", strings.Join(lost, ", "), err)
	}
	return nil
}

// same reports whether the recorded indices are those of now.
func same(known, now map[string]string) bool {
	for alias, uuid := range now {
		if known[alias] != uuid {
			return false
		}
	}
	return true
}
