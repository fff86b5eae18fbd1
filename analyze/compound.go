package analyze

import "unicode/utf8"

// Compound splitting for the sentence model. Norwegian writes compounds
// as one word ("budsjettnotat", "lønnsforhandling",
// "sykefraværsoppfølging"), so a writer who says "lønnsforhandlingene"
// where the training meetings said "forhandlingene om lønn" shares no stem
// with them. splitCompound finds the parts a stem is made of among the
// stems a model knows, so that each part counts for the sentence as well.
const (
	compoundMinHead = 3 // runes of a compound's first part, without a linking letter
	compoundMinTail = 4 // runes of its last part
	compoundDepth   = 2 // how often the first part is split again
)

// splitCompound returns the known parts of the stem when it is a compound
// of known stems: the last split point (from the end) at which the tail is
// known and the head is known as it stands or without a linking -s- or
// -e- ("lønns|forhandling", "syke|fravær"), the head split again the same
// way. It returns nil when the stem is no such compound. The stem itself
// is never among the parts.
func splitCompound(stem string, known func(string) bool) []string {
	return splitDepth(stem, known, compoundDepth)
}

func splitDepth(stem string, known func(string) bool, depth int) []string {
	if depth == 0 || utf8.RuneCountInString(stem) < compoundMinHead+compoundMinTail {
		return nil
	}
	// i runs over rune starts from the end: the tail stem[i:] shortest first.
	tailRunes := 0
	for i := len(stem); i > 0; {
		_, size := utf8.DecodeLastRuneInString(stem[:i])
		i -= size
		tailRunes++
		if tailRunes < compoundMinTail {
			continue
		}
		tail := stem[i:]
		if !known(tail) {
			continue
		}
		for _, h := range headForms(stem[:i]) {
			if known(h) {
				parts := splitDepth(h, known, depth-1)
				return append(append(parts, h), tail)
			}
		}
	}
	return nil
}

// headForms returns the forms in which a compound's first part may be a
// word: as it stands, and without a linking -s- or -e- (see trimLink),
// each of compoundMinHead runes or more.
func headForms(head string) []string {
	out := make([]string, 0, 2)
	for _, h := range [2]string{head, trimLink(head)} {
		if h != "" && utf8.RuneCountInString(h) >= compoundMinHead {
			out = append(out, h)
		}
	}
	return out
}

// trimLink returns head without a final linking -s- or -e-, or "" when it
// ends in neither.
func trimLink(head string) string {
	if n := len(head); n > 1 && (head[n-1] == 's' || head[n-1] == 'e') {
		return head[:n-1]
	}
	return ""
}
