package pipeline

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// inputs expands the command line's paths into the PDF files below them:
// files as given, folders recursively (following symbolic links to folders,
// but never into a loop), and glob patterns. Other files are counted, not
// returned. Paths that do not exist are returned as missing.
type inputs struct {
	files   *fileSet // PDFs, in order, without duplicates
	nonPDF  int      // other files found in folders, or given
	skipped []Skip   // not regular files, and links that lead nowhere
	missing []string // arguments that name nothing
	roots   []string // absolute forms of the arguments, for --prune
}

func isPDFName(p string) bool { return strings.EqualFold(filepath.Ext(p), ".pdf") }

// expander gathers inputs, remembering what it has seen (the files in
// in.files).
type expander struct {
	in      inputs
	seenDir map[string]bool // by real path: breaks symlink loops
}

func expand(args []string) inputs {
	e := &expander{in: inputs{files: newFileSet()}, seenDir: map[string]bool{}}
	for _, arg := range args {
		matches := []string{arg}
		if strings.ContainsAny(arg, "*?[") {
			if m, err := filepath.Glob(arg); err == nil && len(m) > 0 {
				sort.Strings(m)
				matches = m
			}
		}
		for _, p := range matches {
			fi, err := os.Stat(p)
			if err != nil {
				if kind := linkProblem(p, err); kind != "" {
					e.in.skipped = append(e.in.skipped, Skip{Path: p, Kind: kind})
				} else {
					e.in.missing = append(e.in.missing, p)
				}
				continue
			}
			if abs, err := filepath.Abs(p); err == nil {
				e.in.roots = append(e.in.roots, abs)
			}
			switch {
			case fi.IsDir():
				e.walk(p)
			case fi.Mode().IsRegular():
				e.addFile(p)
			default: // given by name: always reported
				e.in.skipped = append(e.in.skipped, Skip{Path: p, Kind: fileKind(fi.Mode())})
			}
		}
	}
	return e.in
}

// addFile adds a file given or found: a PDF once, anything else counted.
func (e *expander) addFile(p string) {
	if !isPDFName(p) {
		e.in.nonPDF++
		return
	}
	e.in.files.add(p)
}

// walk adds the files below dir, following symbolic links to folders it
// has not seen. Links that lead nowhere, and files that are not regular
// and have a PDF's name, are reported as skipped.
func (e *expander) walk(dir string) {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		if kind := linkProblem(dir, err); kind != "" {
			e.in.skipped = append(e.in.skipped, Skip{Path: dir, Kind: kind})
		} else {
			e.in.missing = append(e.in.missing, dir)
		}
		return
	}
	if e.seenDir[real] {
		return
	}
	e.seenDir[real] = true
	entries, err := os.ReadDir(dir)
	if err != nil {
		e.in.missing = append(e.in.missing, dir)
		return
	}
	for _, ent := range entries {
		p := filepath.Join(dir, ent.Name())
		mode := ent.Type()
		if mode&fs.ModeSymlink != 0 {
			fi, err := os.Stat(p)
			if err != nil {
				e.in.skipped = append(e.in.skipped, Skip{Path: p, Kind: linkProblem(p, err)})
				continue
			}
			mode = fi.Mode().Type()
		}
		switch {
		case mode.IsDir():
			e.walk(p)
		case mode.IsRegular():
			e.addFile(p)
		case isPDFName(p):
			e.in.skipped = append(e.in.skipped, Skip{Path: p, Kind: fileKind(mode)})
		default:
			e.in.nonPDF++
		}
	}
}

// under reports whether path lies below one of the roots (or is one).
func under(path string, roots []string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	for _, r := range roots {
		if abs == r || strings.HasPrefix(abs, r+string(filepath.Separator)) {
			return true
		}
	}
	return false
}
