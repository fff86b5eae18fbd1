package ingest

import (
	"bytes"
	"fmt"
	"os"
	"syscall"
)

// readRegular reads the file at path, which must be a regular file: it is
// opened without blocking and checked first, so that a named pipe or a
// device called x.pdf fails at once instead of hanging the reader.
func readRegular(path string) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (mode %s)", fi.Mode().Type())
	}
	buf := bytes.NewBuffer(make([]byte, 0, fi.Size()+512))
	_, err = buf.ReadFrom(f)
	return buf.Bytes(), err
}
