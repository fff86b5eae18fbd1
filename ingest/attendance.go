package ingest

import (
	"regexp"
	"strings"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/internal/pdftext"
)

// Attendance and practical details are meeting metadata, not cases: a
// table or list of labelled rows near the top of page 1 ("Til stede:",
// "Forfall", "Referent", "Møteleder", "Sted", "Tid"), each value on the
// label's line and on the lines indented below it.

// attendanceLabel matches a row label in bokmål or nynorsk and its value.
var attendanceLabel = regexp.MustCompile(`(?i)^(til\s+stede|tilstede|til\s+stades|møtende|møtande|deltakere|deltakarar|deltagere|til\s+stede\s+fra\s+\S+|forfall|meldt\s+forfall|fraværende|fråverande|referent|ref\.|referatfører|møteleder|møteleiar|leder|leiar|sted|stad|møtested|møtestad|møtesed|tid|tidspunkt|møtetid|dato|kopi)(\s*:)?(\s*\|)?(?:\s+(.*))?$`)

// attendanceField names the Meeting field a label fills.
func attendanceField(label string) string {
	l := strings.ToLower(strings.Join(strings.Fields(label), " "))
	switch {
	case l == "møteleder" || l == "møteleiar" || l == "leder" || l == "leiar":
		return "chair"
	case strings.HasPrefix(l, "til ste") || strings.HasPrefix(l, "tilst") || strings.HasPrefix(l, "møt") && !strings.Contains(l, "sted") && !strings.Contains(l, "stad") && !strings.Contains(l, "tid") || strings.HasPrefix(l, "delta"):
		return "attendees"
	case strings.Contains(l, "forfall") || strings.HasPrefix(l, "fråv") || strings.HasPrefix(l, "frav"):
		return "absent"
	case strings.HasPrefix(l, "ref"):
		return "minutes_taker"
	case strings.Contains(l, "sted") || strings.Contains(l, "stad") || strings.Contains(l, "sed"):
		return "place"
	case strings.Contains(l, "tid"):
		return "time"
	}
	return "" // dato, kopi: consumed, not kept
}

// matchLabel is attendanceLabel.FindStringSubmatch(text), the expression
// tried only when text's first letter can start a label.
func matchLabel(text string) []string {
	if text == "" {
		return nil
	}
	// Every label starts with one of these letters, in either case
	// (and non-ASCII letters fold to s and k: ſ, the Kelvin sign).
	switch text[0] | 0x20 {
	case 't', 'm', 'd', 'f', 'r', 'l', 's', 'k':
	default:
		if text[0] < 0x80 {
			return nil
		}
	}
	return attendanceLabel.FindStringSubmatch(text)
}

// labelOf reports whether line l is a labelled row: the label followed by
// a colon or by a table cell's gap (" | "), or set in bold before a value
// that is not.
func labelOf(l pdftext.Line) (label, value string, ok bool) {
	text := collapse(l.Text())
	m := matchLabel(text)
	if m == nil {
		return "", "", false
	}
	if m[2] == "" && m[3] == "" {
		first := ""
		for _, s := range l.Spans {
			if strings.TrimSpace(s.Text) != "" {
				if s.Bold {
					first = collapse(s.Text)
				}
				break
			}
		}
		if !strings.EqualFold(strings.TrimRight(first, ":"), m[1]) {
			return "", "", false
		}
	}
	return m[1], strings.TrimSpace(strings.ReplaceAll(m[4], pdftext.CellSeparator, " ")), true
}

// attendanceOf finds the labelled rows among the lines of page 1 and
// returns the meeting fields they fill and which lines they use. It
// needs two labelled rows, so that a sentence opening with "Tid:" in the
// text is left alone, or one that lists who attended or sent apologies
// ("Til stede: Kari Nordmann (NTL), Per Hansen (arbeidsgiver)"), which no
// sentence of the text opens with.
func attendanceOf(lines []pdftext.Line) (m referat.Meeting, used []bool) {
	used = make([]bool, len(lines))
	values := map[string][]string{}
	labels, people := 0, 0
	field := ""
	var labelX float64
	for i, l := range lines {
		if label, value, ok := labelOf(l); ok {
			labels++
			field = attendanceField(label)
			if field == "attendees" || field == "absent" {
				people++
			}
			labelX = l.X0
			used[i] = true
			if value != "" {
				values[field] = append(values[field], value)
			}
			continue
		}
		if labels == 0 {
			if i > 12 {
				break
			}
			continue
		}
		// A row's further values are indented to the value column.
		if l.X0 > labelX+1.5*l.Size && !l.AllBold() {
			used[i] = true
			values[field] = append(values[field], collapse(l.Text()))
			continue
		}
		break
	}
	if labels < 2 && people == 0 {
		return referat.Meeting{}, make([]bool, len(lines))
	}
	m.Attendees = names(values["attendees"])
	m.Absent = names(values["absent"])
	m.MinutesTaker = strings.Join(values["minutes_taker"], " ")
	m.Chair = strings.Join(values["chair"], " ")
	m.Place = strings.Join(values["place"], " ")
	m.Time = strings.Join(values["time"], " ")
	return m, used
}

// names splits rows of names at semicolons and at commas outside
// parentheses: "Kari Nordmann (NTL), Ola Hansen (Parat)".
func names(rows []string) []string {
	var out []string
	for _, r := range rows {
		depth, start := 0, 0
		for i, c := range r {
			switch c {
			case '(':
				depth++
			case ')':
				depth--
			case ',', ';':
				if depth == 0 {
					out = appendName(out, r[start:i])
					start = i + 1
				}
			}
		}
		out = appendName(out, r[start:])
	}
	return out
}

func appendName(out []string, n string) []string {
	n = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(n), "."))
	if n == "" {
		return out
	}
	return append(out, n)
}
