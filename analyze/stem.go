package analyze

import (
	"strings"
	"sync"

	"github.com/kljensen/snowball/norwegian"

	"github.com/ntlnav/referat/internal/norsk"
)

// IsStopWord reports whether the lower-case word w is a Norwegian stop word.
func IsStopWord(w string) bool { return norsk.IsStopWord(w) }

// A Stemmer stems Norwegian words with the Snowball algorithm, remembering
// the stems it has made. It is safe for concurrent use.
type Stemmer struct {
	mu    sync.RWMutex
	cache map[string]string
}

// maxCache bounds the words a Stemmer remembers; past it, the cache starts
// afresh.
const maxCache = 1 << 17

// Stem returns the stem of the lower-case word w: Stem("budsjettene") is
// "budsjett". Stop words are stemmed too.
func (s *Stemmer) Stem(w string) string {
	s.mu.RLock()
	st, ok := s.cache[w]
	s.mu.RUnlock()
	if ok {
		return st
	}
	st = norwegian.Stem(w, true)
	s.mu.Lock()
	if s.cache == nil || len(s.cache) >= maxCache {
		s.cache = make(map[string]string, 1024)
	}
	s.cache[strings.Clone(w)] = st // w may be a slice of a whole case's text
	s.mu.Unlock()
	return st
}
