package main

import (
	"fmt"
	"io"

	"github.com/ntlnav/referat/pipeline"
)

// writeArchiveNotes prints what the summary says of the archive beyond
// the counts: files read again for a newer extractor, duplicates found,
// and outdated files that could not be read again.
func writeArchiveNotes(w io.Writer, s *pipeline.Summary) {
	if n := s.Files[pipeline.Reread]; n > 0 {
		fmt.Fprintf(w, "re-read: %d file(s) an older extractor had read; their documents replaced\n", n)
	}
	for _, d := range s.Duplicates {
		kept := "the first file's text kept"
		if d.TextFrom == d.File {
			kept = "its newer text replaces the first file's"
		}
		fmt.Fprintf(w, "duplicate: %s is the meeting of %s (similarity %.3f; %s)\n", d.File, d.DuplicateOf, d.Similarity, kept)
	}
	for _, o := range s.Outdated {
		fmt.Fprintf(w, "outdated: %s was read by extractor version %d and is %s; its documents are kept\n", o.Path, o.ExtractorVersion, o.Reason)
	}
}
