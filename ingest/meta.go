package ingest

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/ntlnav/referat"
)

var (
	// file names: "2023-12-14", "20231214", "2023_12_14", "14.12.2023"
	fileDate = regexp.MustCompile(`((?:19|20)\d{2})[-_.]?(\d{2})[-_.]?(\d{2})`)
)

func isoOf(y, m, d int) (string, bool) {
	if y < 100 {
		y += 2000
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d || y < 1990 || y > 2100 {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// DateInText returns the first date written in s, as ISO 8601: "14.
// desember 2023", "14.12.2023" or "2023-12-14".
func DateInText(s string) (string, bool) {
	return firstDate(scanDates(s))
}

// firstDate returns the date of the leftmost of the matches of the three
// forms that is a date; on a tie, the first of them.
func firstDate(text, num, iso dateHit) (string, bool) {
	best := dateHit{at: -1}
	for _, h := range [...]dateHit{text, num, iso} {
		if h.at >= 0 && h.ok && (best.at < 0 || h.at < best.at) {
			best = h
		}
	}
	return best.iso, best.at >= 0
}

// DateInMetadata parses a PDF date as producers write it: "D:20231214120000+01'00'",
// "D:20231214", without the "D:", or an ISO 8601 or RFC 1123 time.
func DateInMetadata(s string) (string, bool) {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "D:"))
	if len(s) >= 8 && allDigits(s[:8]) {
		return isoOf(atoi(s[:4]), atoi(s[4:6]), atoi(s[6:8]))
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02", time.RFC1123, time.RFC1123Z, time.ANSIC, time.UnixDate, "1/2/2006 15:04:05", "1/2/2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return isoOf(t.Year(), int(t.Month()), t.Day())
		}
	}
	return DateInText(s)
}

func allDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// DateInFilename finds a date in a file's name: 2023-12-14, 20231214,
// 2023_12_14 or 14.12.2023.
func DateInFilename(path string) (string, bool) {
	base := filepath.Base(path)
	if m := fileDate.FindStringSubmatch(base); m != nil {
		if iso, ok := isoOf(atoi(m[1]), atoi(m[2]), atoi(m[3])); ok {
			return iso, true
		}
	}
	return DateInText(base)
}

// knownBodies are meeting bodies named in minutes, longest first.
var knownBodies = []string{"sentralt MBA", "sentral MBA", "etats-MBA", "etatsMBA", "HAMU", "AMU", "MBA"}

var bodyPattern = regexp.MustCompile(`(?i)\bnytt\s+fra\s+(?:møte\s+i\s+|møtet\s+i\s+)?(.+?)(?:\s+(?:den\s+)?\d{1,2}\.|\s+\d{4}|\s+[-–]\s|[:,]|$)`)

// meetingFrom fills in a Meeting from the heading and the first page's text.
func meetingFrom(path, heading, firstPage, created string) referat.Meeting {
	m := referat.Meeting{Title: heading}
	if d, ok := DateInText(heading); ok {
		m.Date, m.DateSource = d, referat.DateFromText
	} else if d, ok := DateInText(firstPage); ok {
		m.Date, m.DateSource = d, referat.DateFromText
	} else if d, ok := DateInMetadata(created); ok && created != "" {
		m.Date, m.DateSource = d, referat.DateFromMetadata
	} else if d, ok := DateInFilename(path); ok {
		m.Date, m.DateSource = d, referat.DateFromFilename
	}
	if sm := bodyPattern.FindStringSubmatch(heading); sm != nil {
		m.Body = strings.TrimSpace(sm[1])
		// A heading in capitals names a known body as it is spelled
		// elsewhere ("ETATS-MBA" is etats-MBA), so that one body is one
		// value in the store and in Kibana.
		for _, b := range knownBodies {
			if strings.EqualFold(m.Body, b) {
				m.Body = b
				break
			}
		}
	} else {
		lower := strings.ToLower(heading)
		for _, b := range knownBodies {
			if strings.Contains(lower, strings.ToLower(b)) {
				m.Body = b
				break
			}
		}
	}
	return m
}
