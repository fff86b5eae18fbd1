package ingest

import (
	"bytes"
	"fmt"
	"os"
	"sync"
	"syscall"
)

// fileBufs keeps the buffers files were read into (ExtractFile, a
// worker's answer) for the next file: nothing made of a file points into
// its bytes (pdftext and ledongthuc/pdf copy what they keep, the
// document's text is strings of its own), and a new buffer per file was
// zeroed, allocated as a large object and collected again.
var fileBufs sync.Pool // of *[]byte

// maxKeptFileBuf bounds the buffers kept in fileBufs.
const maxKeptFileBuf = 8 << 20

// getFileBuf returns an empty buffer, with room from an earlier file
// when there is one.
func getFileBuf() []byte {
	if b, ok := fileBufs.Get().(*[]byte); ok {
		return (*b)[:0]
	}
	return nil
}

// putFileBuf gives back the buffer of a file once nothing uses its bytes.
func putFileBuf(b []byte) {
	if cap(b) > 0 && cap(b) <= maxKeptFileBuf {
		fileBufs.Put(&b)
	}
}

// readRegularInto reads the file at path, which must be a regular file,
// into b when it has room: the file is opened without blocking and
// checked first, so that a named pipe or a device called x.pdf fails at
// once instead of hanging the reader.
func readRegularInto(b []byte, path string) ([]byte, error) {
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
	if int64(cap(b)) < fi.Size()+512 {
		b = make([]byte, 0, fi.Size()+512)
	}
	buf := bytes.NewBuffer(b[:0])
	_, err = buf.ReadFrom(f)
	return buf.Bytes(), err
}
