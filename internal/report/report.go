// Package report writes the analysts' report: one self-contained HTML page
// in Norwegian bokmål (no network, no script needed to read it) with the
// cases per topic per year as a chart, each topic's share of the cases
// year by year, and per topic the statements of NTL and of the employer
// side by side, year by year. It reads an index.Analytics (the local store
// or Elasticsearch) and writes to an io.Writer.
package report

import (
	"context"
	_ "embed"
	"html/template"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/index"
)

// Actors are the actors set side by side, in this order.
var Actors = []string{referat.ActorNTL, referat.ActorArbeidsgiver}

// Data is what the page shows: cases per topic and year, and each topic's
// comparisons by actor.
type Data struct {
	Trends    *index.Trends
	Positions map[string]map[string]*index.Comparison // topic → actor → statements by year
	// Evidence is, per topic, a few of its newest cases with the
	// sentences that gave them the topic; none when nil.
	Evidence map[string][]CaseEvidence
}

// Collect asks a for the report's data: trends by year and, for every
// topic, the statements of each of Actors and the evidence of its
// newest cases.
func Collect(ctx context.Context, a index.Analytics) (*Data, error) {
	t, err := a.Trends(ctx, index.TrendQuery{By: "year"})
	if err != nil {
		return nil, err
	}
	d := &Data{Trends: t, Positions: map[string]map[string]*index.Comparison{}, Evidence: map[string][]CaseEvidence{}}
	for _, topic := range t.Topics {
		if d.Evidence[topic], err = collectEvidence(ctx, a, topic); err != nil {
			return nil, err
		}
		d.Positions[topic] = map[string]*index.Comparison{}
		for _, actor := range Actors {
			c, err := a.Compare(ctx, index.CompareQuery{Topic: topic, Actor: actor})
			if err != nil {
				return nil, err
			}
			d.Positions[topic][actor] = c
		}
	}
	return d, nil
}

// Options say what the page says about itself and how much it shows open.
type Options struct {
	Source  string    // where the data was read, shown under the title; default: not shown
	Made    time.Time // when the report was made; default: not shown
	PerYear int       // statements shown open per actor and year, the rest behind "og N til"; default 4
}

// palette gives each topic a colour, in the order of the topics.
var palette = []string{"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939"}

//go:embed report.html
var pageHTML string

var pageTemplate = template.Must(template.New("report").Parse(pageHTML))

type pageView struct {
	Source, Made, Cases string
	Chart               template.HTML
	Topics              []topicView
}

type topicView struct {
	ID, Anchor, Color, Total string
	Shares                   []shareView
	Years                    []yearView
	Evidence                 []evidenceView
}

type shareView struct {
	Year, Percent, Title string
	Height               string // of the share's bar, in percent of the highest share
}

type yearView struct {
	Year  int
	Sides []sideView
}

type sideView struct {
	Actor, Class, Terms, Count string
	Shown, Hidden              []caseView
	More                       string // "og 17 til", or ""
}

// A caseView is one case's statements in a row: its date and title are
// shown once, above them.
type caseView struct {
	About      string // "13. februar 2025 · Tildelingsbrevet for 2025"
	Statements []statementView
}

type statementView struct{ Text, Kind string }

// Write renders d as the HTML page.
func Write(w io.Writer, d *Data, o Options) error {
	if o.PerYear <= 0 {
		o.PerYear = 4
	}
	t := d.Trends
	periods := fillYears(t)
	pv := pageView{Source: o.Source}
	if !o.Made.IsZero() {
		pv.Made = DateTime(o.Made)
	}
	cases := 0
	for _, n := range t.Totals {
		cases += n
	}
	pv.Cases = Saker(cases)
	var ss []series
	for i, topic := range t.Topics {
		s := series{Topic: topic, Color: palette[i%len(palette)]}
		tv := topicView{ID: topic, Anchor: "tema-" + strconv.Itoa(i+1), Color: s.Color}
		total, peak := 0, 0.0
		for _, p := range periods {
			n := t.Counts[topic][p]
			s.Counts = append(s.Counts, n)
			total += n
			peak = max(peak, t.Share(topic, p))
		}
		for _, p := range periods {
			sh := t.Share(topic, p)
			h := 0.0
			if peak > 0 {
				h = 100 * sh / peak
			}
			sv := shareView{Year: p, Percent: "–", Title: p + ": ingen saker", Height: "0"}
			if t.Totals[p] > 0 {
				sv.Percent, sv.Height = Percent(sh), strconv.FormatFloat(h, 'f', 1, 64)
				sv.Title = p + ": " + Int(t.Counts[topic][p]) + " av " + Saker(t.Totals[p])
			}
			tv.Shares = append(tv.Shares, sv)
		}
		tv.Total = Int(total)
		tv.Years = yearViews(d.Positions[topic], o.PerYear)
		for _, ce := range d.Evidence[topic] {
			about := Date(ce.Date)
			if ce.Title != "" {
				about += " · " + ce.Title
			}
			tv.Evidence = append(tv.Evidence, evidenceView{About: about, Terms: strings.Join(ce.Terms, ", "), Sentences: ce.Sentences})
		}
		ss = append(ss, s)
		pv.Topics = append(pv.Topics, tv)
	}
	xTitle := "Periode"
	if t.By == "" || t.By == "year" {
		xTitle = "År"
	}
	pv.Chart = trendChart(periods, ss, xTitle)
	return pageTemplate.Execute(w, pv)
}

// fillYears returns the periods of t; by year, the years between the first
// and the last with none of their own are filled in, so the x axis is a
// time scale.
func fillYears(t *index.Trends) []string {
	if (t.By != "" && t.By != "year") || len(t.Periods) == 0 {
		return t.Periods
	}
	first, err1 := strconv.Atoi(t.Periods[0])
	last, err2 := strconv.Atoi(t.Periods[len(t.Periods)-1])
	if err1 != nil || err2 != nil || last-first > 200 {
		return t.Periods
	}
	var out []string
	for y := first; y <= last; y++ {
		out = append(out, strconv.Itoa(y))
	}
	return out
}

// yearViews sets the actors' statements side by side, newest year first.
func yearViews(byActor map[string]*index.Comparison, perYear int) []yearView {
	years := map[int]*yearView{}
	for ai, actor := range Actors {
		c := byActor[actor]
		if c == nil {
			continue
		}
		for _, ys := range c.Years {
			yv := years[ys.Year]
			if yv == nil {
				yv = &yearView{Year: ys.Year}
				for _, a := range Actors {
					yv.Sides = append(yv.Sides, sideView{Actor: actorLabels[a], Class: "side-" + strings.ToLower(a), Count: "ingen utsagn"})
				}
				years[ys.Year] = yv
			}
			yv.Sides[ai] = sideOf(actor, ys, perYear)
		}
	}
	var out []yearView
	for _, yv := range years {
		out = append(out, *yv)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Year > out[j].Year })
	return out
}

func sideOf(actor string, ys index.YearStatements, perYear int) sideView {
	sv := sideView{Actor: actorLabels[actor], Class: "side-" + strings.ToLower(actor), Terms: strings.Join(ys.Terms, ", ")}
	sv.Count = Int(len(ys.Statements)) + " utsagn"
	shown := ys.Statements[:min(perYear, len(ys.Statements))]
	sv.Shown, sv.Hidden = byCase(shown), byCase(ys.Statements[len(shown):])
	if n := len(ys.Statements) - len(shown); n > 0 {
		sv.More = "og " + Int(n) + " til"
	}
	return sv
}

// byCase groups statements of the same case that follow each other.
func byCase(rows []index.StatementRow) []caseView {
	var out []caseView
	for i, s := range rows {
		if i == 0 || s.CaseID != rows[i-1].CaseID || s.Date != rows[i-1].Date || s.CaseTitle != rows[i-1].CaseTitle {
			about := Date(s.Date)
			if s.CaseTitle != "" {
				about += " · " + s.CaseTitle
			}
			out = append(out, caseView{About: about})
		}
		c := &out[len(out)-1]
		c.Statements = append(c.Statements, statementView{Text: s.Text, Kind: KindLabel(s.Kind)})
	}
	return out
}
