package report

import (
	"fmt"
	"html/template"
	"strings"
)

// The trend chart is SVG written here rather than drawn by a JavaScript
// chart library vendored into the binary (Chart.js 4, MIT, about 200 KB
// minified; uPlot, MIT, about 50 KB; both draw on a canvas). Written SVG
// keeps the page one small file that shows its chart with scripts off, in
// print and in mail readers; its axis labels, years and legend are text in
// the document, so screen readers and the tests read them; and there is
// no third-party code to audit and keep up to date.
//
// The SVG has no viewBox: its user unit is the CSS pixel, so text keeps
// its size at every width. Horizontal positions are percentages of the
// SVG's width, so the bars stretch with the page, and the left margin
// with the y axis is padding of the surrounding element, drawn into
// through overflow:visible.

// chart sizes, in CSS pixels.
const (
	plotHeight = 240 // height of the plot area
	tickGap    = 8   // between the y axis and its tick labels
	titleX     = -48 // the y-axis title's baseline, left of the plot
	maxTicks   = 6   // y-axis ticks at most, zero included
	xTitleY    = 40  // the x-axis title's baseline, below the plot
)

// series is one topic's cases per period.
type series struct {
	Topic, Color string
	Counts       []int // one per period
}

// niceStep returns the step of the y axis for values up to top: 1, 2 or 5
// times a power of ten, so that at most maxTicks ticks cover top.
func niceStep(top int) int {
	for mag := 1; ; mag *= 10 {
		for _, m := range []int{1, 2, 5} {
			if step := m * mag; (top+step-1)/step <= maxTicks-1 {
				return step
			}
		}
	}
}

// trendChart draws cases per topic per period as stacked bars, with a
// labelled y axis (Antall saker), every period on the x axis (År when the
// periods are years) and the total above each bar.
func trendChart(periods []string, ss []series, xTitle string) template.HTML {
	if len(periods) == 0 {
		return ""
	}
	totals := make([]int, len(periods))
	for _, s := range ss {
		for i, n := range s.Counts {
			totals[i] += n
		}
	}
	top := 1
	for _, n := range totals {
		top = max(top, n)
	}
	step := niceStep(top)
	axisTop := (top + step - 1) / step * step
	scale := float64(plotHeight) / float64(axisTop)
	y := func(v int) float64 { return float64(plotHeight) - float64(v)*scale }

	var b strings.Builder
	// Beyond 8 periods, the page's CSS turns the x labels on narrow
	// screens, makes the SVG taller and moves the axis title down.
	dense := ""
	if len(periods) > 8 {
		dense = " dense"
	}
	fmt.Fprintf(&b, `<svg id="trend" class="trend%s" xmlns="http://www.w3.org/2000/svg" width="100%%" height="%d" role="img" aria-labelledby="trend-title">`, dense, plotHeight+xTitleY+6)
	b.WriteString(`<g class="y-axis">`)
	for v := 0; v <= axisTop; v += step {
		fmt.Fprintf(&b, `<line class="grid" x1="0" x2="100%%" y1="%.1f" y2="%.1f"/><text class="y-tick" x="%d" y="%.1f" text-anchor="end">%s</text>`,
			y(v), y(v), -tickGap, y(v)+4, Int(v))
	}
	fmt.Fprintf(&b, `<text class="axis-title y-title" transform="translate(%d %d) rotate(-90)" text-anchor="middle">Antall saker</text></g>`, titleX, plotHeight/2)

	slot := 100 / float64(len(periods))
	b.WriteString(`<g class="bars">`)
	for i, p := range periods {
		x := float64(i)*slot + slot*0.15
		base := float64(plotHeight)
		for _, s := range ss {
			n := s.Counts[i]
			if n == 0 {
				continue
			}
			h := float64(n) * scale
			fmt.Fprintf(&b, `<rect class="bar" data-topic="%s" x="%.3f%%" y="%.1f" width="%.3f%%" height="%.1f" fill="%s"><title>%s, %s: %s</title></rect>`,
				esc(s.Topic), x, base-h, slot*0.7, h, s.Color, esc(s.Topic), esc(p), Saker(n))
			base -= h
		}
		if totals[i] > 0 {
			fmt.Fprintf(&b, `<text class="total" x="%.3f%%" y="%.1f" text-anchor="middle">%s</text>`, x+slot*0.35, y(totals[i])-4, Int(totals[i]))
		}
	}
	b.WriteString(`</g>`)
	fmt.Fprintf(&b, `<g class="x-axis"><line class="axis" x1="0" x2="100%%" y1="%d" y2="%d"/>`, plotHeight, plotHeight)
	for i, p := range periods {
		// A nested svg puts the label's origin under its bar, so CSS may
		// turn the label about that point where years are crowded.
		fmt.Fprintf(&b, `<svg x="%.3f%%" y="%d" overflow="visible"><text class="x-tick" y="18" text-anchor="middle">%s</text></svg>`,
			(float64(i)+0.5)*slot, plotHeight, esc(p))
	}
	fmt.Fprintf(&b, `<text class="axis-title x-title" x="50%%" y="%d" text-anchor="middle">%s</text></g></svg>`, plotHeight+xTitleY, esc(xTitle))
	return template.HTML(b.String())
}

func esc(s string) string { return template.HTMLEscapeString(s) }
