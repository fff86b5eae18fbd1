package main

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
	files   []string // PDFs, in order, without duplicates
	nonPDF  int      // other files found in folders, or given
	missing []string // arguments that name nothing
	roots   []string // absolute forms of the arguments, for --prune
}

func isPDFName(p string) bool { return strings.EqualFold(filepath.Ext(p), ".pdf") }

func expand(args []string) inputs {
	var in inputs
	seenFile := map[string]bool{}
	seenDir := map[string]bool{} // by real path: breaks symlink loops
	addFile := func(p string) {
		if !isPDFName(p) {
			in.nonPDF++
			return
		}
		if !seenFile[p] {
			seenFile[p] = true
			in.files = append(in.files, p)
		}
	}
	var walk func(dir string)
	walk = func(dir string) {
		real, err := filepath.EvalSymlinks(dir)
		if err != nil || seenDir[real] {
			return
		}
		seenDir[real] = true
		entries, err := os.ReadDir(dir)
		if err != nil {
			in.missing = append(in.missing, dir)
			return
		}
		for _, e := range entries {
			p := filepath.Join(dir, e.Name())
			mode := e.Type()
			if mode&fs.ModeSymlink != 0 {
				fi, err := os.Stat(p)
				if err != nil {
					continue // a dangling link
				}
				mode = fi.Mode().Type()
			}
			switch {
			case mode.IsDir():
				walk(p)
			case mode.IsRegular():
				addFile(p)
			}
		}
	}
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
				in.missing = append(in.missing, p)
				continue
			}
			if abs, err := filepath.Abs(p); err == nil {
				in.roots = append(in.roots, abs)
			}
			if fi.IsDir() {
				walk(p)
			} else {
				addFile(p)
			}
		}
	}
	return in
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
