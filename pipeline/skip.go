package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// A Skip is a path the run did not read, and why: a name given or found
// that is not a regular file (a named pipe called x.pdf would block the
// reader forever), or a symbolic link that leads nowhere. Skips are
// reported, not failures: the exit status stays 0.
type Skip struct {
	Path string `json:"path"`
	// Kind is "named pipe", "socket", "device", "irregular file",
	// "dangling symbolic link" or "symbolic link loop".
	Kind string `json:"kind"`
}

// fileKind names the kind of a file that is neither regular nor a
// folder.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "device"
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	}
	return "irregular file"
}

// linkProblem names what is wrong with a symbolic link at p that os.Stat
// could not follow (err), or returns "" when p is no link.
func linkProblem(p string, err error) string {
	fi, lerr := os.Lstat(p)
	if lerr != nil || fi.Mode()&fs.ModeSymlink == 0 {
		return ""
	}
	if errors.Is(err, syscall.ELOOP) {
		return "symbolic link loop"
	}
	return "dangling symbolic link"
}

// ErrNotRegular is the cause of a file that became something other than
// a regular file between being found and being read.
var ErrNotRegular = errors.New("not a regular file")

// openRegular opens path for reading without ever blocking on it (a
// named pipe or a device would), and fails with ErrNotRegular unless it
// is a regular file.
func openRegular(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("%w (a %s)", ErrNotRegular, fileKind(fi.Mode()))
	}
	return f, nil
}
