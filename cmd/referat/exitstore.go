package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"syscall"

	"github.com/ntlnav/referat/index/store"
)

// reportStore prints the store's errors as one line with what to do, and
// returns their exit status; ok is false for other errors. It is part of
// report, the one place that maps errors to exit statuses.
func reportStore(err error, stderr io.Writer) (code int, ok bool) {
	var damaged *store.DamagedError
	var none *store.NoStoreError
	switch {
	case errors.As(err, &damaged):
		dir := filepath.Dir(damaged.Path)
		fmt.Fprintf(stderr, "referat: %s; run 'referat store check --store %s' to see what is wrong, and 'referat store rebuild --store %s' to make it again from the PDFs (the damaged file is kept)\n",
			oneLine(damaged.Error()), dir, dir)
		return exitDamaged, true
	case errors.Is(err, store.ErrLocked):
		fmt.Fprintf(stderr, "referat: %s (wait for it to end, or raise --lock-timeout)\n", oneLine(err.Error()))
		return exitLocked, true
	case errors.As(err, &none):
		fmt.Fprintf(stderr, "referat: %s (check --store or $%s; 'referat ingest --store %s PDF...' makes one)\n", oneLine(err.Error()), envStore, none.Dir)
		return exitFailed, true
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT), errors.Is(err, syscall.EFBIG):
		fmt.Fprintf(stderr, "referat: %s (the disk is full; free space and run again: what was not recorded is done by the next run)\n", oneLine(err.Error()))
		return exitFailed, true
	}
	return 0, false
}
