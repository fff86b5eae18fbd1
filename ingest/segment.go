package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/internal/norsk"
)

// A block is a paragraph reduced to what segmentation needs. Blocks are
// what the layout stage hands to the segmenter, and what its fuzz target
// feeds it.
type block struct {
	Text     string
	Bold     string // the bold text the block opens with, or ""
	AllBold  bool   // every letter is bold
	Larger   bool   // set in a larger font than the body text
	Pages    []int
	HasFonts bool // the document's fonts tell bold from regular
}

// segmented is the result of segmentation.
type segmented struct {
	heading string
	intro   []string
	cases   []referat.Case
}

var headingWords = regexp.MustCompile(`(?i)\b(nytt fra|referat|protokoll|møtereferat)\b`)

// segment splits a document's blocks into a heading, an intro and cases.
// A case starts at a bold heading line, at a block that opens with a bold
// sentence, or, when the fonts carry no weight, at a block that opens with
// a short title sentence followed by running text.
func segment(blocks []block) segmented {
	var s segmented
	i := 0
	if len(blocks) > 0 {
		b := blocks[0]
		_, dated := DateInText(b.Text)
		if wordCount(b.Text) <= 20 && (b.Larger || headingWords.MatchString(b.Text) || dated && (b.AllBold || !b.HasFonts)) {
			s.heading = collapse(b.Text)
			i = 1
		}
	}
	var cur *referat.Case
	// addCollapsed adds a paragraph of collapsed text (collapse(text) ==
	// text); addBody collapses it first.
	addCollapsed := func(text string, pages []int) {
		if text == "" {
			return
		}
		if cur == nil {
			s.intro = append(s.intro, text)
			return
		}
		cur.Paragraphs = append(cur.Paragraphs, text)
		cur.Pages = appendPage(cur.Pages, pages...)
	}
	addBody := func(text string, pages []int) { addCollapsed(collapse(text), pages) }
	opened := -1 // the block that opened the current case
	start := func(title string, pages []int) {
		opened = i
		if cur != nil {
			s.cases = append(s.cases, *cur)
		}
		number, title := splitNumber(title)
		cur = &referat.Case{Seq: len(s.cases) + 1, Number: number, Title: cleanTitle(title), Pages: appendPage(nil, pages...)}
	}
	label := "" // a decision label on a line of its own, for the next block
	// header is the cells of a table's bold header row ("Sak | Tema |
	// Ansvar") over rows that are cases: they name a row's other cells.
	var header []string
	for ; i < len(blocks); i++ {
		b := blocks[i]
		text := collapse(b.Text)
		if label != "" && text != "" {
			text, label = label+" "+text, "" // both collapsed and not empty: so is this
			addCollapsed(text, b.Pages)
			continue
		}
		switch {
		case text == "":
		case isCollapsedDecisionLabel(text):
			label = text
		case cur != nil && isSubitem(text, cur.Number) || isDecisionLabel(b.Bold):
			addCollapsed(text, b.Pages)
		case b.AllBold && strings.Contains(text, cellBar) && i+1 < len(blocks) && isCaseRow(blocks[i+1]):
			header = cellsOf(text)
		case b.AllBold && cur != nil && i == opened+1 && continuesTitle(cur.Title, text):
			// A title wrapped in its table cell ("Sykefravær første" /
			// "halvår"): no heading opens in lower case.
			cur.Title = cleanTitle(cur.Title + " " + text)
		case (b.AllBold || b.Larger && !b.HasFonts) && wordCount(text) <= 25 && !isPageNumber(text):
			start(text, b.Pages)
		case b.HasFonts && isTitlePrefix(b.Bold, text):
			start(b.Bold, b.Pages)
			rest := strings.TrimSpace(text[len(collapse(b.Bold)):])
			if cells, ok := strings.CutPrefix(rest, cellBar); ok {
				for _, c := range labelCells(header, cellsOf(cells)) {
					addBody(c, b.Pages)
				}
				continue
			}
			addBody(rest, b.Pages)
		case !b.HasFonts:
			if title, rest, ok := titleSentence(text, i+1 < len(blocks)); ok {
				start(title, b.Pages)
				addBody(rest, b.Pages)
				continue
			}
			addCollapsed(text, b.Pages)
		default:
			addCollapsed(text, b.Pages)
		}
	}
	if label != "" {
		addCollapsed(label, nil)
	}
	if cur != nil {
		s.cases = append(s.cases, *cur)
	}
	for k := range s.cases {
		c := &s.cases[k]
		if c.Paragraphs == nil {
			c.Paragraphs = []string{}
		}
		c.Text = strings.Join(c.Paragraphs, "\n\n")
		c.Decision = decisionOf(c.Paragraphs)
	}
	return s
}

// continuesTitle reports whether bold line s goes on with the title
// above it: a title that ends in a letter or a digit, followed by a few
// words that open in lower case, not with an item's letter ("a.
// Statements") or a page number in Roman numerals ("xi"), and are no
// table row.
func continuesTitle(title, s string) bool {
	last, _ := utf8.DecodeLastRuneInString(title)
	if !unicode.IsLetter(last) && !unicode.IsDigit(last) || wordCount(s) > 8 || strings.Contains(s, cellBar) {
		return false
	}
	first, _, _ := strings.Cut(s, " ")
	if utf8.RuneCountInString(first) < 2 || romanNumeral.MatchString(first) {
		return false
	}
	for _, r := range first {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

var romanNumeral = regexp.MustCompile(`^[ivxlc]+$`)

// cellBar is a table's cell separator (pdftext.CellSeparator) as it
// stands in collapsed text.
const cellBar = "|"

// isCaseRow reports whether b is a table row that is a case: an agenda
// number and a bold title in its first cells, more cells after them
// ("21/23 | Sykefravær første halvår | HR").
func isCaseRow(b block) bool {
	// isTitlePrefix takes a bold first cell followed by more cells for a
	// title only when it carries an agenda number.
	text := collapse(b.Text)
	return b.HasFonts && isTitlePrefix(b.Bold, text) && strings.HasPrefix(strings.TrimSpace(text[len(collapse(b.Bold)):]), cellBar)
}

// cellsOf splits a collapsed table row into its cells' texts.
func cellsOf(row string) []string {
	var out []string
	for c := range strings.SplitSeq(row, cellBar) {
		out = append(out, strings.TrimSpace(c))
	}
	return out
}

// labelCells returns the cells of a case row after its title ("HR"), each
// named by the header's cell above it ("Ansvar: HR") when the header has
// a cell for each, the last cells matched with the last; empty cells are
// left out.
func labelCells(header, cells []string) []string {
	var out []string
	for k, c := range cells {
		if c == "" {
			continue
		}
		if h := len(header) - len(cells) + k; len(header) > len(cells) && h >= 1 && header[h] != "" {
			c = strings.TrimSuffix(header[h], ":") + ": " + c
		}
		out = append(out, c)
	}
	return out
}

// isTitlePrefix reports whether the bold run a block opens with is a case
// title: a whole sentence or phrase, not a bold word inside a sentence.
func isTitlePrefix(bold, text string) bool {
	bold = collapse(bold)
	if utf8.RuneCountInString(bold) < 3 || wordCount(bold) > 25 || !strings.HasPrefix(text, bold) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(bold)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return false
	}
	rest := strings.TrimSpace(text[len(bold):])
	if strings.HasPrefix(rest, cellBar) {
		// A bold first cell is a title when it carries an agenda number
		// (a table of cases), not a bold key in a table of terms or a
		// bold running foot beside its page number.
		number, _ := splitNumber(bold)
		return number != ""
	}
	if endsSentence(bold) || rest == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(r)
}

// cleanTitle drops a title's final period or colon; a question mark stays.
func cleanTitle(t string) string {
	t = collapse(t)
	for strings.HasSuffix(t, ".") || strings.HasSuffix(t, ":") {
		if strings.HasSuffix(t, "...") {
			break
		}
		t = strings.TrimSpace(t[:len(t)-1])
	}
	return t
}

func collapse(s string) string {
	if isCollapsed(s) {
		return s // what Fields and Join would give, without their copies
	}
	return strings.Join(strings.Fields(s), " ")
}

// isCollapsed reports whether s has no white space (as strings.Fields
// sees it) but single ASCII spaces between words, so that collapse(s)
// == s.
func isCollapsed(s string) bool {
	prevSpace := true // no space at the start
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c > ' ' && c < utf8.RuneSelf: // the usual byte first
			prevSpace = false
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false
			}
			i += n - 1
			prevSpace = false
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		case c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			return false
		default:
			prevSpace = false
		}
	}
	return !prevSpace || len(s) == 0
}

// wordCount returns len(strings.Fields(s)), without making the fields.
func wordCount(s string) int {
	n := 0
	in := false
	for _, r := range s { // invalid UTF-8 reads as U+FFFD, a letter, as in Fields
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

// firstSentence returns the first sentence of text and the rest.
func firstSentence(text string) (string, string) {
	spans := norsk.Sentences(text)
	if len(spans) == 0 {
		return text, ""
	}
	return text[spans[0].Start:spans[0].End], strings.TrimSpace(text[spans[0].End:])
}

// titleSentence finds a case title at the start of a block when the fonts
// do not mark it: a short sentence with no finite verb that does not open
// like running text, or a short question, followed by running text. A
// block that is such a title alone is a heading line when more follows.
func titleSentence(text string, more bool) (title, rest string, ok bool) {
	sent, rest := firstSentence(text)
	if rest == "" {
		if more && looksLikeTitle(sent, 12) {
			return sent, "", true
		}
		return "", "", false
	}
	if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsUpper(r) && r != '«' || wordCount(rest) < 8 {
		return "", "", false
	}
	if looksLikeTitle(sent, 14) {
		return sent, rest, true
	}
	return "", "", false
}

func looksLikeTitle(sent string, maxWords int) bool {
	words := strings.Fields(strings.ToLower(sent))
	if len(words) == 0 || len(words) > maxWords {
		return false
	}
	first, _ := utf8.DecodeRuneInString(sent)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return false
	}
	w0 := strings.Trim(words[0], ",.:;?!«»()")
	if strings.HasSuffix(sent, "?") {
		return norsk.IsQuestionWord(w0)
	}
	if norsk.IsSentenceOpener(w0) {
		return false
	}
	for _, w := range words {
		if w = strings.Trim(w, ",.:;?!«»()"); norsk.IsFiniteVerb(w) || isPassive(w) {
			return false
		}
	}
	return true
}

// isPassive reports whether w looks like an s-passive verb ("drøftes",
// "legges", "behandles"): -es after a consonant cluster typical of verb
// stems. Genitives such as "fylkes" are rare in titles and mostly before
// a hyphen or a noun, which the caller does not see here.
func isPassive(w string) bool {
	if len(w) < 6 || !strings.HasSuffix(w, "es") || strings.HasSuffix(w, "ss") || strings.ContainsAny(w, "-0123456789") {
		return false
	}
	for _, end := range []string{"ttes", "gges", "les", "res", "des", "kes", "nes", "ges", "tes", "ves", "pes", "bes", "mes"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}
