package pipeline

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// inputs is what a walk of the command line's paths found besides the
// PDFs, which it hands on one at a time (walkInputs): other files are
// counted, paths that do not exist are missing.
type inputs struct {
	nonPDF  int      // other files found in folders, or given
	skipped []Skip   // not regular files, and links that lead nowhere
	missing []string // arguments that name nothing, and folders that could not be read
	roots   []string // absolute forms of the arguments, for --prune
}

func isPDFName(p string) bool { return strings.EqualFold(filepath.Ext(p), ".pdf") }

// A walker expands the command line's paths into the PDF files below
// them: files as given, folders recursively (following symbolic links to
// folders, but never into a loop), and glob patterns. It hands each PDF
// to emit as it is found, in a fixed order (the arguments in turn, a
// folder's entries by name), each path once, and holds no list of them:
// at most the listing of the folders being walked. Paths found in folders
// are distinct (a folder is walked once, by its real path); only a file
// named on the command line can come again (given twice, or found in a
// folder too), so those alone are remembered (given).
type walker struct {
	in      inputs
	seenDir map[string]bool // by real path: breaks symlink loops, and a folder given twice
	given   map[string]bool // files named by the arguments → handed on already
	emit    func(path string) bool
	stopped bool // emit returned false: the walk ends
}

// walkInputs walks args, handing every PDF to emit until it returns
// false, and returns what else it found.
func walkInputs(args []string, emit func(path string) bool) inputs {
	w := &walker{seenDir: map[string]bool{}, given: map[string]bool{}, emit: emit}
	type item struct {
		path string
		fi   os.FileInfo
	}
	var items []item
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
			if err == nil && fi.Mode().IsRegular() {
				w.given[p] = false
			}
			items = append(items, item{p, fi})
		}
	}
	for _, it := range items {
		if w.stopped {
			break
		}
		p := it.path
		fi, err := os.Stat(p)
		if err != nil {
			w.unreachable(p, err)
			continue
		}
		if abs, err := filepath.Abs(p); err == nil {
			w.in.roots = append(w.in.roots, abs)
		}
		switch {
		case fi.IsDir():
			w.walk(p)
		case fi.Mode().IsRegular():
			w.addFile(p)
		default: // given by name: always reported
			w.in.skipped = append(w.in.skipped, Skip{Path: p, Kind: fileKind(fi.Mode())})
		}
	}
	return w.in
}

// unreachable reports a path given that err keeps from being looked at:
// skipped when a symbolic link is the cause (linkProblem), else missing.
func (w *walker) unreachable(p string, err error) {
	if kind := linkProblem(p, err); kind != "" {
		w.in.skipped = append(w.in.skipped, Skip{Path: p, Kind: kind})
	} else {
		w.in.missing = append(w.in.missing, p)
	}
}

// addFile hands on a file given or found: a PDF once, anything else
// counted.
func (w *walker) addFile(p string) {
	if !isPDFName(p) {
		w.in.nonPDF++
		return
	}
	if done, ok := w.given[p]; ok {
		if done {
			return
		}
		w.given[p] = true
	}
	if !w.emit(p) {
		w.stopped = true
	}
}

// walk hands on the files below dir, following symbolic links to folders
// it has not seen. Links that lead nowhere, and files that are not
// regular and have a PDF's name, are reported as skipped.
func (w *walker) walk(dir string) {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		w.unreachable(dir, err)
		return
	}
	if w.seenDir[real] {
		return
	}
	w.seenDir[real] = true
	entries, err := os.ReadDir(dir)
	if err != nil {
		w.in.missing = append(w.in.missing, dir)
		return
	}
	for _, ent := range entries {
		if w.stopped {
			return
		}
		p := filepath.Join(dir, ent.Name())
		mode := ent.Type()
		if mode&fs.ModeSymlink != 0 {
			fi, err := os.Stat(p)
			if err != nil {
				w.in.skipped = append(w.in.skipped, Skip{Path: p, Kind: linkProblem(p, err)})
				continue
			}
			mode = fi.Mode().Type()
		}
		switch {
		case mode.IsDir():
			w.walk(p)
		case mode.IsRegular():
			w.addFile(p)
		case isPDFName(p):
			w.in.skipped = append(w.in.skipped, Skip{Path: p, Kind: fileKind(mode)})
		default:
			w.in.nonPDF++
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
