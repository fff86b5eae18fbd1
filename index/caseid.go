package index

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrAmbiguousCase is returned by ResolveCaseID for a shortened id that
// more than one case begins with.
var ErrAmbiguousCase = errors.New("more than one case")

// minCaseIDPrefix is the fewest hex digits of a meeting id a shortened
// case id must give.
const minCaseIDPrefix = 4

// ResolveCaseID returns the full id of the case id names. A full id
// (CaseID: 32 hex digits, "-", the case's number in three digits) is
// returned as it is, whether or not a has it. Like git's commits, a case
// may also be named by the first 4 or more hex digits of its meeting's id
// and its number, with or without leading zeros ("78ce0e63-2" for
// "78ce0e6330d7d5d8500d953a89cc87cc-002"), in any case of letters: the
// id is looked up among a's cases. The errors wrap ErrNoCase (nothing
// begins so, or the id has no number: the message lists the meeting's
// cases) or ErrAmbiguousCase (the message lists the cases that begin so).
func ResolveCaseID(ctx context.Context, a Analytics, id string) (string, error) {
	id = strings.ToLower(strings.TrimSpace(id))
	meeting, seq, hasSeq := strings.Cut(id, "-")
	n, err := strconv.Atoi(seq)
	if !isHex(meeting) || len(meeting) < minCaseIDPrefix || len(meeting) > 32 || (hasSeq && (err != nil || n < 0)) {
		return "", fmt.Errorf("%w: %q is not a case id: a case id is its meeting's id (or its first %d or more characters), a dash and the case's number, such as 78ce0e63-001 (see 'referat cases')", ErrNoCase, id, minCaseIDPrefix)
	}
	if len(meeting) == 32 && hasSeq {
		return CaseID(meeting, n), nil
	}
	rows, err := a.Cases(ctx, CaseQuery{})
	if err != nil {
		return "", err
	}
	var found []CaseRow
	for _, r := range rows {
		m, k, _ := SplitCaseID(r.ID)
		if strings.HasPrefix(m, meeting) && (!hasSeq || k == n) {
			found = append(found, r)
		}
	}
	switch {
	case len(found) == 0:
		return "", fmt.Errorf("%w: no case id begins with %q (see 'referat cases')", ErrNoCase, id)
	case len(found) == 1 && hasSeq:
		return found[0].ID, nil
	case !hasSeq && sameMeeting(found):
		return "", fmt.Errorf("%w: %q is the meeting of %s; add the number of one of its cases: %s", ErrNoCase, id, found[0].Date, listCases(found, 8))
	}
	return "", fmt.Errorf("%w: %q begins %d case ids: %s; give more of the id", ErrAmbiguousCase, id, len(found), listCases(found, 4))
}

// SplitCaseID returns the meeting id and the case number of a case id
// (CaseID's); ok is false when id is not one.
func SplitCaseID(id string) (meeting string, seq int, ok bool) {
	i := strings.LastIndexByte(id, '-')
	if i <= 0 {
		return "", 0, false
	}
	seq, err := strconv.Atoi(id[i+1:])
	return id[:i], seq, err == nil
}

func isHex(s string) bool {
	for _, r := range s {
		if !('0' <= r && r <= '9' || 'a' <= r && r <= 'f') {
			return false
		}
	}
	return s != ""
}

// sameMeeting reports whether the cases are all of one meeting.
func sameMeeting(rows []CaseRow) bool {
	first, _, _ := SplitCaseID(rows[0].ID)
	for _, r := range rows {
		if m, _, _ := SplitCaseID(r.ID); m != first {
			return false
		}
	}
	return true
}

// listCases names up to max cases by id, date and title, on one line.
func listCases(rows []CaseRow, max int) string {
	var b strings.Builder
	for i, r := range rows {
		if i == max {
			fmt.Fprintf(&b, " and %d more", len(rows)-max)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s (%s %q)", r.ID, r.Date, r.Title)
	}
	return b.String()
}
