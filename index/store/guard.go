package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// Reading a damaged database file must not crash the reader: bbolt
// follows page ids and offsets it reads from the mapped file, so garbage
// pages make it panic (an invalid page type, an index out of range) or
// touch memory outside the mapping (SIGSEGV, or SIGBUS past the end of a
// truncated file). Every transaction runs with debug.SetPanicOnFault, which
// turns such a fault into a panic, and recoverDamage turns any panic into
// a *DamagedError naming the file. A value that does not decode is damage
// too (decode).

// view runs fn in a read transaction, guarded.
func (s *Store) view(fn func(tx *bolt.Tx) error) (err error) {
	defer recoverDamage(s.path, &err)
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.broken != nil {
		return s.broken
	}
	return incompatible(s.path, s.db.View(func(tx *bolt.Tx) error {
		err := fn(tx)
		s.touched(tx, 1)
		return err
	}))
}

// updateTx runs fn in a write transaction, guarded; after it the
// database may be reopened (reopen.go).
func (s *Store) updateTx(fn func(tx *bolt.Tx) error) error {
	err := s.updateGuarded(fn)
	s.maybeReopen()
	return err
}

// updateGuarded runs fn in a write transaction, guarded.
func (s *Store) updateGuarded(fn func(tx *bolt.Tx) error) (err error) {
	defer recoverDamage(s.path, &err)
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.broken != nil {
		return s.broken
	}
	s.dirty = true
	defer s.noteAlloc()
	return incompatible(s.path, s.db.Update(fn))
}

// incompatible turns bbolt's ErrIncompatibleValue into a *DamagedError of
// path: this package never puts a value where a bucket is nor a bucket
// where a value is, so meeting one (a flipped flag bit makes a bucket's
// entry a value) is damage. Other errors are returned as they are.
func incompatible(path string, err error) error {
	if errors.Is(err, bolterrors.ErrIncompatibleValue) {
		return &DamagedError{Path: path, Detail: "a bucket is stored as a value, or a value as a bucket"}
	}
	return err
}

// recoverDamage, deferred, turns a panic into a *DamagedError of path.
func recoverDamage(path string, err *error) {
	r := recover()
	if r == nil {
		return
	}
	detail := strings.ReplaceAll(fmt.Sprint(r), "\n", " ")
	*err = &DamagedError{Path: path, Detail: detail}
}

// decode unmarshals a stored value. Every value was written by this
// package, so one that does not decode — bad syntax, a wrong type, or a
// field whose own decoder refuses it, such as a time with a flipped byte —
// is damage. Only a programming error (a nil or non-pointer v) is not.
func (s *Store) decode(b []byte, v any) error {
	return decodeIn(s.path, b, v)
}

// decodeIn is decode for code that has the database's path but no *Store.
func decodeIn(path string, b []byte, v any) error {
	if err := json.Unmarshal(b, v); err != nil {
		var inv *json.InvalidUnmarshalError
		if errors.As(err, &inv) {
			return err
		}
		return &DamagedError{Path: path, Detail: "a value does not decode: " + strings.ToValidUTF8(err.Error(), "?")}
	}
	return nil
}
