package analyze

import (
	"strings"
	"sync"
	"sync/atomic"
)

// A cueSet finds whether a text holds any of a list of cue phrases in one
// pass over the text, instead of one strings.Contains per cue: a bit per
// pair of bytes that begins a cue rules out most places at once, and the
// cues that begin with the byte there are compared at the rest.
type cueSet struct {
	pairs   [1 << 16 / 64]uint64 // bit b0<<8|b1: a cue begins with b0, b1
	byFirst [256][]string        // the cues by their first byte
	short   []string             // cues under two bytes: compared with strings.Contains
}

func newCueSet(cues []string) *cueSet {
	c := &cueSet{}
	for _, cue := range cues {
		if len(cue) < 2 {
			c.short = append(c.short, cue)
			continue
		}
		p := uint16(cue[0])<<8 | uint16(cue[1])
		c.pairs[p/64] |= 1 << (p % 64)
		c.byFirst[cue[0]] = append(c.byFirst[cue[0]], cue)
	}
	return c
}

// in reports whether s holds any of the cues.
func (c *cueSet) in(s string) bool {
	for _, cue := range c.short {
		if strings.Contains(s, cue) {
			return true
		}
	}
	if len(s) < 2 {
		return false
	}
	// p holds the bytes at i-1 and i, shifted in one by one.
	p := uint16(s[0])
	for i := 1; i < len(s); i++ {
		p = p<<8 | uint16(s[i])
		if c.pairs[p/64]&(1<<(p%64)) == 0 {
			continue
		}
		for _, cue := range c.byFirst[s[i-1]] {
			if cue[1] == s[i] && strings.HasPrefix(s[i-1:], cue) {
				return true
			}
		}
	}
	return false
}

// index returns where the first of the cues begins in s, or -1: the
// least strings.Index(s, cue) of any cue.
func (c *cueSet) index(s string) int {
	at := -1
	for _, cue := range c.short {
		if i := strings.Index(s, cue); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	end := len(s)
	if at >= 0 {
		end = at // a long cue counts only before it
	}
	if len(s) < 2 {
		return at
	}
	p := uint16(s[0]) // the bytes at i-1 and i, as in
	for i := 1; i < len(s) && i <= end; i++ {
		p = p<<8 | uint16(s[i])
		if c.pairs[p/64]&(1<<(p%64)) == 0 {
			continue
		}
		for _, cue := range c.byFirst[s[i-1]] {
			if cue[1] == s[i] && strings.HasPrefix(s[i-1:], cue) {
				return i - 1
			}
		}
	}
	return at
}

// cueSets holds the cueSet of each list hasAny was given, by the list's
// first element and length: the lists are package variables that never
// change. Lookups take no lock; a new list is added under cueSetsMu to a
// copy, which is then published.
var (
	cueSets   atomic.Pointer[map[cueKey]*cueSet]
	cueSetsMu sync.Mutex
)

// maxCueSets bounds cueSets, should lists be made on the fly.
const maxCueSets = 64

type cueKey struct {
	first *string
	n     int
}

// cuesOf returns the cueSet of cues, a list that must never change.
func cuesOf(cues []string) *cueSet {
	key := cueKey{&cues[0], len(cues)}
	if m := cueSets.Load(); m != nil {
		if c, ok := (*m)[key]; ok {
			return c
		}
	}
	cueSetsMu.Lock()
	defer cueSetsMu.Unlock()
	old := cueSets.Load()
	if old != nil {
		if c, ok := (*old)[key]; ok {
			return c
		}
	}
	m := make(map[cueKey]*cueSet, 8)
	if old != nil {
		for k, v := range *old {
			m[k] = v
		}
	}
	c := newCueSet(cues)
	if len(m) >= maxCueSets {
		return c // lists made on the fly: not kept
	}
	m[key] = c
	cueSets.Store(&m)
	return c
}
