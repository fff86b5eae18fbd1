package pipeline

import (
	"context"
	"errors"
	"os"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/index/store"
)

// prune forgets the files under the inputs that no longer exist.
func (r *run) prune(in inputs) error {
	var gone []string
	err := r.db.Sources(func(rec *store.SourceRecord) bool {
		if under(rec.Path, in.roots) {
			if _, err := os.Stat(rec.Path); errors.Is(err, os.ErrNotExist) {
				gone = append(gone, rec.Path)
			}
		}
		return true
	})
	if err != nil {
		return err
	}
	for _, p := range gone {
		if err := r.db.Forget(p); err != nil {
			return err
		}
		r.sum.Files[Pruned]++
		r.pruned = append(r.pruned, p)
	}
	return nil
}

// retag analyses every stored document again that another analysis made:
// another taxonomy, or an older referat's models or rules
// (analyze.Analyzer.Version).
func (r *run) retag(ctx context.Context) error {
	a := r.opts.Analyzer
	var shas []string
	err := r.db.Documents(func(d *referat.Document) bool {
		if d.TaxonomyVersion != a.Version() {
			shas = append(shas, d.Source.SHA256)
		}
		return true
	})
	if err != nil {
		return err
	}
	for _, sha := range shas {
		if ctx.Err() != nil {
			return nil
		}
		d, err := r.db.Document(sha)
		if err != nil || d == nil {
			return err
		}
		a.Document(d)
		if err := r.db.Retag(d); err != nil {
			return err
		}
		r.sum.Files[Retagged]++
	}
	return nil
}
