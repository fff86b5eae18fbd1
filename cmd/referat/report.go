package main

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/index"
)

func reportCommand() *cli.Command {
	return &cli.Command{
		Name:  "report",
		Usage: "write a self-contained HTML report of topic trends and positions",
		Description: `Writes one HTML page that needs no network: the topic trend chart (SVG), each
topic's share of the cases year by year, and per topic the statements of NTL and
of the employer side by side, year by year.`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "html", Value: "report.html", Usage: "output `FILE` (- for stdout)"},
			&cli.IntFlag{Name: "per-year", Value: 4, Usage: "statements shown per actor and year"},
		}, backendFlags()...),
		Action: func(c *cli.Context) error {
			a, where, done, err := backend(c)
			if err != nil {
				return err
			}
			defer done()
			// The page is written whole or not at all: a failure leaves
			// no empty or partial file behind.
			var page bytes.Buffer
			if err := runReport(c.Context, a, where, c.Int("per-year"), &page); err != nil {
				return err
			}
			if out := c.String("html"); out != "-" {
				return os.WriteFile(out, page.Bytes(), 0o644)
			}
			_, err = page.WriteTo(c.App.Writer)
			return err
		},
	}
}

// palette gives each topic a colour, in the order of the taxonomy.
var palette = []string{"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939"}

type reportTopic struct {
	ID, Color string
	Total     int
	Spark     template.HTML
	Years     []reportYear
}

type reportYear struct {
	Year                int
	NTL, Employer       []index.StatementRow
	MoreNTL, MoreEmpl   int
	TermsNTL, TermsEmpl string
}

func runReport(ctx context.Context, a index.Analytics, where string, perYear int, w io.Writer) error {
	t, err := a.Trends(ctx, index.TrendQuery{By: "year"})
	if err != nil {
		return err
	}
	colors := map[string]string{}
	for i, topic := range t.Topics {
		colors[topic] = palette[i%len(palette)]
	}
	var topics []reportTopic
	for _, topic := range t.Topics {
		rt := reportTopic{ID: topic, Color: colors[topic]}
		var shares []float64
		for _, p := range t.Periods {
			rt.Total += t.Counts[topic][p]
			shares = append(shares, t.Share(topic, p))
		}
		rt.Spark = shareSVG(shares, t.Periods, colors[topic])
		byYear := map[int]*reportYear{}
		for _, actor := range []string{referat.ActorNTL, referat.ActorArbeidsgiver} {
			cmp, err := a.Compare(ctx, index.CompareQuery{Topic: topic, Actor: actor})
			if err != nil {
				return err
			}
			for _, y := range cmp.Years {
				ry := byYear[y.Year]
				if ry == nil {
					ry = &reportYear{Year: y.Year}
					byYear[y.Year] = ry
				}
				shown := y.Statements
				more := 0
				if len(shown) > perYear {
					more = len(shown) - perYear
					shown = shown[:perYear]
				}
				if actor == referat.ActorNTL {
					ry.NTL, ry.MoreNTL, ry.TermsNTL = shown, more, strings.Join(y.Terms, ", ")
				} else {
					ry.Employer, ry.MoreEmpl, ry.TermsEmpl = shown, more, strings.Join(y.Terms, ", ")
				}
			}
		}
		for _, ry := range byYear {
			rt.Years = append(rt.Years, *ry)
		}
		sort.Slice(rt.Years, func(i, j int) bool { return rt.Years[i].Year > rt.Years[j].Year })
		topics = append(topics, rt)
	}
	cases := 0
	for _, n := range t.Totals {
		cases += n
	}
	return reportTemplate.Execute(w, map[string]any{
		"Source": where, "Made": time.Now().Format("2006-01-02 15:04"), "Cases": cases,
		"Chart": trendSVG(t, colors), "Topics": topics, "Periods": t.Periods,
	})
}

// trendSVG draws cases per topic per year as stacked bars.
func trendSVG(t *index.Trends, colors map[string]string) template.HTML {
	const W, H, left, bottom, top = 900, 320, 40, 30, 10
	if len(t.Periods) == 0 {
		return ""
	}
	maxTotal := 1
	for _, p := range t.Periods {
		sum := 0
		for _, topic := range t.Topics {
			sum += t.Counts[topic][p]
		}
		maxTotal = max(maxTotal, sum)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg id="trend" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-label="Saker per tema per år">`, W, H, W, H)
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#444"/>`, left, H-bottom, W, H-bottom)
	slot := float64(W-left) / float64(len(t.Periods))
	scale := float64(H-bottom-top) / float64(maxTotal)
	for i, p := range t.Periods {
		x := float64(left) + float64(i)*slot + slot*0.15
		y := float64(H - bottom)
		for _, topic := range t.Topics {
			n := t.Counts[topic][p]
			if n == 0 {
				continue
			}
			h := float64(n) * scale
			y -= h
			fmt.Fprintf(&b, `<rect class="bar" data-topic="%s" x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s %s: %d</title></rect>`,
				template.HTMLEscapeString(topic), x, y, slot*0.7, h, colors[topic], template.HTMLEscapeString(topic), p, n)
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" font-size="11" text-anchor="middle">%s</text>`, x+slot*0.35, H-bottom+15, p)
	}
	fmt.Fprintf(&b, `<text x="2" y="%d" font-size="11">%d</text></svg>`, top+10, maxTotal)
	return template.HTML(b.String())
}

// shareSVG draws a topic's share of the cases over the years, scaled to
// its highest share.
func shareSVG(shares []float64, periods []string, color string) template.HTML {
	const W, H, top = 360, 70, 14
	if len(shares) == 0 {
		return ""
	}
	peak := 0.0
	for _, s := range shares {
		peak = max(peak, s)
	}
	if peak == 0 {
		peak = 1
	}
	var pts []string
	for i, s := range shares {
		x := 5.0
		if len(shares) > 1 {
			x = 5 + float64(i)*float64(W-10)/float64(len(shares)-1)
		}
		pts = append(pts, fmt.Sprintf("%.1f,%.1f", x, float64(H-5)-s/peak*float64(H-5-top)))
	}
	return template.HTML(fmt.Sprintf(`<svg class="share" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d"><line x1="5" y1="%d" x2="%d" y2="%d" stroke="#ccc"/><polyline fill="none" stroke="%s" stroke-width="2" points="%s"/><text x="5" y="10" font-size="10">%s–%s, høyeste andel %.0f %%</text></svg>`,
		W, H, W, H, H-5, W-5, H-5, color, strings.Join(pts, " "), periods[0], periods[len(periods)-1], 100*peak))
}

var reportTemplate = template.Must(template.New("report").Parse(`<!DOCTYPE html>
<html lang="nb"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Referat – temaer og posisjoner</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em;color:#222;max-width:1100px}
h1{font-size:1.6em}h2{margin-top:1.6em;border-bottom:1px solid #ccc}
.legend span{display:inline-block;margin:0 1em .3em 0}.legend i{display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:-1px}
table{border-collapse:collapse;width:100%}td,th{vertical-align:top;padding:.4em;border-top:1px solid #eee;text-align:left}
td.year{font-weight:bold;width:4em}ul{margin:0;padding-left:1.1em}li{margin-bottom:.3em}.kind{color:#666;font-size:.85em}
.terms{color:#555;font-size:.85em;font-style:italic}.more{color:#888;font-size:.85em}
.topic.hidden{display:none}svg.share{display:block;margin-bottom:1em}
</style></head>
<body>
<h1>Temaer og posisjoner i referatene</h1>
<p>{{.Cases}} saker fra {{.Source}}, laget {{.Made}}.</p>
<h2>Saker per tema per år</h2>
<div class="legend">{{range .Topics}}<span><i style="background:{{.Color}}"></i>{{.ID}} ({{.Total}})</span>{{end}}</div>
{{.Chart}}
<p><label>Vis tema: <select id="pick"><option value="">alle</option>{{range .Topics}}<option>{{.ID}}</option>{{end}}</select></label></p>
{{range .Topics}}
<section class="topic" data-topic="{{.ID}}">
<h2>{{.ID}}</h2>
<p>Andel av sakene per år:</p>{{.Spark}}
<table><tr><th>År</th><th>NTL</th><th>Arbeidsgiver</th></tr>
{{range .Years}}<tr><td class="year">{{.Year}}</td>
<td>{{if .TermsNTL}}<div class="terms">{{.TermsNTL}}</div>{{end}}<ul>{{range .NTL}}<li>{{.Text}} <span class="kind">{{.Kind}} · {{.Date}} · {{.CaseTitle}}</span></li>{{end}}</ul>{{if .MoreNTL}}<div class="more">og {{.MoreNTL}} til</div>{{end}}</td>
<td>{{if .TermsEmpl}}<div class="terms">{{.TermsEmpl}}</div>{{end}}<ul>{{range .Employer}}<li>{{.Text}} <span class="kind">{{.Kind}} · {{.Date}} · {{.CaseTitle}}</span></li>{{end}}</ul>{{if .MoreEmpl}}<div class="more">og {{.MoreEmpl}} til</div>{{end}}</td></tr>
{{end}}</table>
</section>
{{end}}
<script>
(function () {
  var pick = document.getElementById("pick");
  pick.addEventListener("change", function () {
    var want = pick.value;
    document.querySelectorAll("section.topic").forEach(function (s) {
      s.classList.toggle("hidden", want !== "" && s.dataset.topic !== want);
    });
    document.querySelectorAll("#trend rect.bar").forEach(function (r) {
      r.style.opacity = (want === "" || r.dataset.topic === want) ? 1 : 0.15;
    });
  });
  document.body.dataset.ready = document.querySelectorAll("#trend rect.bar").length;
})();
</script>
</body></html>
`))
