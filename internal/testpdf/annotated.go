package testpdf

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"

	"github.com/ntlnav/referat/analyze"
)

// An Annotated meeting is one file of testdata/annotated (see its
// README.md): a gold meeting with its layout, agenda numbers, attendance
// and decisions.
type Annotated struct {
	ID           string          `json:"id"`
	Date         string          `json:"date"`
	Body         string          `json:"body"`
	Header       string          `json:"header"`
	Intro        string          `json:"intro"`
	Layout       string          `json:"layout"` // plain, two-column, agenda-table, subitems or decisions
	Attendees    []string        `json:"attendees"`
	Absent       []string        `json:"absent"`
	MinutesTaker string          `json:"minutes_taker"`
	Place        string          `json:"place"`
	Time         string          `json:"time"`
	Cases        []AnnotatedCase `json:"cases"`
}

// An AnnotatedCase is one case of an Annotated meeting.
type AnnotatedCase struct {
	Number     string                  `json:"number"`
	Title      string                  `json:"title"`
	Paragraphs []string                `json:"paragraphs"`
	Topics     []string                `json:"topics"`
	Statements []analyze.GoldStatement `json:"statements"`
	Decision   string                  `json:"decision"`
}

// Layouts of annotated meetings.
const (
	LayoutPlain       = "plain"
	LayoutTwoColumn   = "two-column"
	LayoutAgendaTable = "agenda-table"
	LayoutSubitems    = "subitems"
	LayoutDecisions   = "decisions"
)

// LoadAnnotated reads every *.json meeting under the given folders and
// their subfolders, sorted by id.
func LoadAnnotated(dirs ...string) ([]Annotated, error) {
	var out []Annotated
	for _, d := range dirs {
		err := filepath.WalkDir(d, func(p string, e os.DirEntry, err error) error {
			if err != nil || e.IsDir() || filepath.Ext(p) != ".json" {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			var m Annotated
			if err := json.Unmarshal(b, &m); err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
			out = append(out, m)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// PrintedHeading is a case heading as an agenda prints it: "Sak 9/18
// Title" for agenda numbers with a slash, "1. Title" for item numbers,
// the title alone when the case has no number.
func (c AnnotatedCase) PrintedHeading() string {
	switch {
	case c.Number == "":
		return c.Title
	case isItemNumber(c.Number):
		return c.Number + ". " + c.Title
	}
	return "Sak " + c.Number + " " + c.Title
}

func isItemNumber(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// Gold returns the meeting as analyze's gold meeting (for statement
// scoring) and as what a perfect extraction of file gives.
func (m Annotated) Gold() Meeting {
	g := Meeting{ID: m.ID, Date: m.Date, Body: m.Body, Header: m.Header, Intro: m.Intro}
	for _, c := range m.Cases {
		g.Cases = append(g.Cases, Case{Title: c.Title, Paragraphs: c.Paragraphs, Topics: c.Topics, Statements: c.Statements})
	}
	return g
}

// Furniture is the running head printed at the top of every page of an
// annotated meeting's PDF.
func (m Annotated) Furniture() string {
	if m.Layout == LayoutAgendaTable || m.Layout == LayoutDecisions {
		return "NTL NAV · Referat fra " + m.Body
	}
	return "NTL NAV · Nytt fra " + m.Body
}

// A LayoutFile is one PDF made from an annotated meeting, as listed in
// testdata/pdf/layouts/expected.json.
type LayoutFile struct {
	File     string `json:"file"` // from the repository root
	Producer string `json:"producer"`
	Meeting  string `json:"meeting"` // the annotated meeting's id
	Layout   string `json:"layout"`
}

// Rotate writes src turned clockwise by degrees (a multiple of 90) as out,
// by setting each page's /Rotate with qpdf; the content is unchanged.
func Rotate(src, out string, degrees int) error {
	cmd := exec.Command("qpdf", fmt.Sprintf("--rotate=+%d", degrees), "--deterministic-id", src, out)
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("qpdf: %v: %s", err, b)
	}
	return nil
}
