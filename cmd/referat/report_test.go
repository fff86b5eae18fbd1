package main

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/index"
	htmlreport "github.com/ntlnav/referat/internal/report"
)

// TestReportInChromium ingests the test PDFs into a local store, writes
// the report and checks it, as a reader would see it, at a phone's and a
// desktop's width.
func TestReportInChromium(t *testing.T) {
	chromium := needChromium(t)
	t.Setenv("ELASTICSEARCH_URL", "") // the local store
	ctx := context.Background()
	store := filepath.Join(t.TempDir(), "store")
	args := []string{"ingest", "--quiet", "--store", store}
	for _, p := range []string{"libreoffice", "ghostscript", "fpdf"} {
		args = append(args, filepath.Join("..", "..", "testdata", "pdf", p))
	}
	if code, _, stderr := runArgs(ctx, args...); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	code, trends, stderr := runArgs(ctx, "trends", "--store", store, "--format", "csv")
	if code != 0 {
		t.Fatalf("trends: exit %d: %s", code, stderr)
	}
	html := filepath.Join(t.TempDir(), "report.html")
	if code, _, stderr := runArgs(ctx, "report", "--store", store, "--html", html); code != 0 {
		t.Fatalf("report: exit %d: %s", code, stderr)
	}
	checkInChromium(t, chromium, html, csvPeriods(t, trends))
}

// TestReportManyYears checks a report of sixteen years (one without
// cases) at both widths: on a phone the year labels must turn to fit.
func TestReportManyYears(t *testing.T) {
	chromium := needChromium(t)
	tr := &index.Trends{By: "year", Totals: map[string]int{}, Counts: map[string]map[string]int{},
		Topics: []string{"budsjett", "bemanning", "arbeidsmiljø"}}
	var years []string
	for y := 2010; y <= 2025; y++ {
		p := strconv.Itoa(y)
		years = append(years, p)
		if y == 2013 {
			continue // no meeting: the chart must still show the year
		}
		tr.Periods = append(tr.Periods, p)
		tr.Totals[p] = 10 + y%7
		for i, topic := range tr.Topics {
			if tr.Counts[topic] == nil {
				tr.Counts[topic] = map[string]int{}
			}
			tr.Counts[topic][p] = (y*(i+3))%9 + 1
		}
	}
	kinds := []string{"request", "concern", "agreement", "disagreement", "question", "explanation", "position"}
	statements := func(actor string, year, n int) []index.StatementRow {
		var rows []index.StatementRow
		for i := range n {
			rows = append(rows, index.StatementRow{ID: fmt.Sprintf("%s-%d-%d", actor, year, i), Date: fmt.Sprintf("%d-03-0%d", year, 1+i%9),
				CaseTitle: "Budsjett for " + strconv.Itoa(year+1), Actor: actor, Kind: kinds[i%len(kinds)],
				Text: fmt.Sprintf("%s mente i sak %d at budsjettrammene for driftsåret ikke holder.", actor, i+1)})
		}
		return rows
	}
	d := &htmlreport.Data{Trends: tr, Positions: map[string]map[string]*index.Comparison{"budsjett": {
		referat.ActorNTL: {Topic: "budsjett", Actor: referat.ActorNTL, Years: []index.YearStatements{
			{Year: 2025, Statements: statements("NTL", 2025, 11)}, {Year: 2011, Statements: statements("NTL", 2011, 2)}}},
		referat.ActorArbeidsgiver: {Topic: "budsjett", Actor: referat.ActorArbeidsgiver, Years: []index.YearStatements{
			{Year: 2025, Statements: statements("Arbeidsgiver", 2025, 6)}}},
	}}}
	html := filepath.Join(t.TempDir(), "report.html")
	f, err := os.Create(html)
	if err != nil {
		t.Fatal(err)
	}
	opts := htmlreport.Options{Source: "/srv/referat/et-svært-langt-katalognavn-uten-mellomrom-som-ikke-får-bryte-siden/referat-data",
		Made: time.Date(2026, 3, 1, 9, 5, 0, 0, time.UTC)}
	if err := htmlreport.Write(f, d, opts); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	checkInChromium(t, chromium, html, years)
}

// csvPeriods returns the periods in the output of trends --format csv.
func csvPeriods(t *testing.T, out string) []string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) < 2 || rows[0][1] != "period" {
		t.Fatalf("trends csv: %v\n%.300s", err, out)
	}
	var ps []string
	for _, r := range rows[1:] {
		if !slices.Contains(ps, r[1]) {
			ps = append(ps, r[1])
		}
	}
	return ps
}

func needChromium(t *testing.T) string {
	t.Helper()
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("chromium is required under CI (Debian package chromium; scripts/deps.sh installs it)")
		}
		t.Skip("chromium is not installed")
	}
	return chromium
}

//go:embed testdata/report-probe.js
var probeJS string

// A pageProbe is what testdata/report-probe.js measures in the page.
type pageProbe struct {
	InnerWidth  float64 `json:"inner_width"`
	ScrollWidth float64 `json:"scroll_width"`
	XTicks      []struct {
		Text     string  `json:"text"`
		Box      box     `json:"box"`
		Angle    float64 `json:"angle"`
		FontSize float64 `json:"font_size"`
	} `json:"x_ticks"`
	YTicks          []string `json:"y_ticks"`
	YTitle          string   `json:"y_title"`
	YTitleBox       *box     `json:"y_title_box"`
	XTitle          string   `json:"x_title"`
	Bars            int      `json:"bars"`
	Legend          []string `json:"legend"`
	NTLBox          *box     `json:"ntl_box"`
	EmployerBox     *box     `json:"employer_box"`
	EmployerVisible bool     `json:"employer_visible"`
	Sides           []struct {
		Count   string `json:"count"`
		Items   int    `json:"items"`
		Hidden  int    `json:"hidden"`
		Summary string `json:"summary"`
	} `json:"sides"`
	Closed, Opened struct {
		Height  float64 `json:"height"`
		Visible bool    `json:"visible"`
	}
	Wide     []string `json:"wide"`
	Kinds    []string `json:"kinds"`
	English  []string `json:"english"`
	ISODates []string `json:"iso_dates"`
	Errors   []string `json:"errors"`
}

type box struct{ Left, Right, Top, Bottom, Width, Height float64 }

// chromiumFlags run a headless Chromium that stays off the network and
// hides scrollbars, as phones do, so the page gets the full width.
func chromiumFlags(dir string) []string {
	return []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
		"--user-data-dir=" + filepath.Join(dir, "profile"), "--enable-logging=stderr", "--v=0"}
}

// probePage lays out html in a frame width pixels wide (a headless window
// is at least 500 pixels wide, a frame any width) with
// testdata/report-probe.js added, and returns what it measured.
func probePage(t *testing.T, chromium, html string, width int) pageProbe {
	t.Helper()
	dir := t.TempDir()
	b, err := os.ReadFile(html)
	if err != nil {
		t.Fatal(err)
	}
	page := strings.Replace(string(b), "<head>", `<head><script>window.__probeErrors = [];
addEventListener("error", function (e) { __probeErrors.push(String(e.message)); });
(function () { var ce = console.error; console.error = function () { __probeErrors.push(Array.prototype.join.call(arguments, " ")); ce.apply(console, arguments); }; })();
</script>`, 1)
	page = strings.Replace(page, "</body>", "<script>"+probeJS+"</script></body>", 1)
	harness := fmt.Sprintf(`<!DOCTYPE html><html><body style="margin:0"><iframe src="page.html" style="border:0;width:%dpx;height:900px"></iframe><pre id="probe"></pre>
<script>addEventListener("message", function (e) { document.getElementById("probe").textContent = e.data; });</script></body></html>`, width)
	for name, s := range map[string]string{"page.html": page, "harness.html": harness} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(chromium, append(chromiumFlags(dir), "--window-size=1600,1000", "--virtual-time-budget=5000",
		"--dump-dom", "file://"+filepath.Join(dir, "harness.html"))...)
	var logs strings.Builder
	cmd.Stderr = &logs
	dom, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium --dump-dom: %v\n%s", err, logs.String())
	}
	checkConsole(t, logs.String())
	m := regexp.MustCompile(`<pre id="probe">([^<]*)</pre>`).FindSubmatch(dom)
	if m == nil || len(m[1]) == 0 {
		t.Fatalf("the probe reported nothing; chromium said:\n%s", logs.String())
	}
	var p pageProbe
	if err := json.Unmarshal([]byte(unescapeHTML(string(m[1]))), &p); err != nil {
		t.Fatalf("probe: %v", err)
	}
	return p
}

func unescapeHTML(s string) string {
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'", "&amp;", "&").Replace(s)
}

// checkConsole fails on errors Chromium logged from the page's console.
func checkConsole(t *testing.T, logs string) {
	t.Helper()
	for _, l := range strings.Split(logs, "\n") {
		if strings.Contains(l, "CONSOLE") && (strings.Contains(l, "Error") || strings.Contains(l, "Uncaught")) {
			t.Errorf("console error: %s", l)
		}
	}
}

// screenshot takes a picture of html, width pixels wide, under dir, logs
// its size, and returns it.
func screenshot(t *testing.T, chromium, html string, width, height int) image.Image {
	t.Helper()
	dir := t.TempDir()
	shot := filepath.Join(dir, fmt.Sprintf("report-%d.png", width))
	cmd := exec.Command(chromium, append(chromiumFlags(dir), fmt.Sprintf("--window-size=%d,%d", width, height),
		"--screenshot="+shot, "file://"+html)...)
	if logs, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium --screenshot: %v\n%s", err, logs)
	}
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := f.Stat()
	t.Logf("screenshot %s: %dx%d pixels, %d bytes", shot, img.Bounds().Dx(), img.Bounds().Dy(), st.Size())
	return img
}

// checkInChromium checks the report at html in headless Chromium, at 400
// and at 1400 pixels: no horizontal overflow, an x-axis label for every
// one of years and none cut off or overlapping, a labelled y axis with
// numbers, a legend, the employer's statements visible beside (wide) or
// below (narrow) NTL's, every statement on the page with those beyond the
// first few in a <details> that opens, kinds and dates in Norwegian, no
// console errors, and a chart in colour on the screenshot.
func checkInChromium(t *testing.T, chromium, html string, years []string) {
	t.Helper()
	for _, width := range []int{400, 1400} {
		t.Run(strconv.Itoa(width), func(t *testing.T) {
			p := probePage(t, chromium, html, width)
			checkLayout(t, p, width, years)
			checkStatements(t, p)
			if n := colourful(screenshot(t, chromium, html, width, 1600)); n < 2000 {
				t.Errorf("the screenshot shows almost no colour: the chart did not render (%d coloured pixels)", n)
			}
		})
	}
}

func checkLayout(t *testing.T, p pageProbe, width int, years []string) {
	t.Helper()
	if p.InnerWidth != float64(width) {
		t.Fatalf("the page was laid out %v pixels wide, not %d", p.InnerWidth, width)
	}
	if p.ScrollWidth > p.InnerWidth {
		t.Errorf("the page is %v pixels wide in a %v pixel window: it scrolls sideways; too wide: %q", p.ScrollWidth, p.InnerWidth, p.Wide)
	}
	var labels []string
	for i, x := range p.XTicks {
		labels = append(labels, x.Text)
		if x.Box.Left < 0 || x.Box.Right > p.InnerWidth || x.Box.Width == 0 {
			t.Errorf("x label %s is cut off or hidden: %+v", x.Text, x.Box)
		}
		if i == 0 {
			continue
		}
		prev := p.XTicks[i-1]
		// Labels turned by θ are apart by their distance times sin θ.
		apart := x.Box.Left - prev.Box.Right
		if x.Angle != 0 {
			apart = (x.Box.Right-prev.Box.Right)*math.Abs(math.Sin(x.Angle*math.Pi/180)) - 0.9*x.FontSize
		}
		if apart < 0 {
			t.Errorf("x labels %s and %s overlap (by %.1f pixels)", prev.Text, x.Text, -apart)
		}
	}
	for _, y := range years {
		if !slices.Contains(labels, y) {
			t.Errorf("year %s has no x-axis label (labels %v)", y, labels)
		}
	}
	if p.XTitle != "År" {
		t.Errorf("x-axis title %q, want År", p.XTitle)
	}
	if p.YTitle != "Antall saker" || p.YTitleBox == nil || p.YTitleBox.Left < 0 || p.YTitleBox.Height == 0 {
		t.Errorf("y-axis title %q at %+v: want Antall saker, visible", p.YTitle, p.YTitleBox)
	}
	if len(p.YTicks) < 3 || p.YTicks[0] != "0" {
		t.Errorf("y-axis ticks %v: want 0 and at least two more numbers", p.YTicks)
	}
	if p.Bars == 0 || len(p.Legend) == 0 {
		t.Errorf("%d bars, legend %v", p.Bars, p.Legend)
	}
	n, e := p.NTLBox, p.EmployerBox
	switch {
	case n == nil || e == nil || !p.EmployerVisible || e.Width < 150:
		t.Fatalf("the employer's column is missing or hidden: %+v", e)
	case e.Right > p.InnerWidth:
		t.Errorf("the employer's column runs off the page: %+v", e)
	case width >= 1000 && !(e.Left >= n.Right && e.Top == n.Top):
		t.Errorf("at %d pixels the employer's column is not beside NTL's: NTL %+v, employer %+v", width, n, e)
	case width < 600 && e.Top < n.Bottom:
		t.Errorf("at %d pixels the employer's column is not below NTL's: NTL %+v, employer %+v", width, n, e)
	}
}

func checkStatements(t *testing.T, p pageProbe) {
	t.Helper()
	folded := 0
	for _, s := range p.Sides {
		want := 0
		if s.Count != "(ingen utsagn)" {
			fmt.Sscanf(s.Count, "(%d utsagn)", &want)
		}
		if s.Items != want {
			t.Errorf("a column says %s but holds %d statements", s.Count, s.Items)
		}
		if s.Hidden > 0 {
			folded++
			if s.Summary != fmt.Sprintf("og %d til", s.Hidden) {
				t.Errorf("%q opens %d statements", s.Summary, s.Hidden)
			}
		}
	}
	if folded == 0 {
		t.Errorf("no statements are folded in a <details>")
	}
	if p.Closed.Visible || !p.Opened.Visible || p.Opened.Height <= p.Closed.Height {
		t.Errorf("a <details> does not open its statements: closed %+v, open %+v", p.Closed, p.Opened)
	}
	norwegian := []string{"anmodning", "bekymring", "enighet", "uenighet", "spørsmål", "forklaring", "standpunkt"}
	for _, k := range p.Kinds {
		if !slices.Contains(norwegian, k) {
			t.Errorf("statement kind %q is not Norwegian", k)
		}
	}
	if len(p.English) > 0 || len(p.ISODates) > 0 {
		t.Errorf("English kind names %v or ISO dates %v on the page", p.English, p.ISODates)
	}
	if len(p.Errors) > 0 {
		t.Errorf("console errors: %v", p.Errors)
	}
}

// colourful counts saturated pixels: the bars, not text or background.
func colourful(img image.Image) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			hi, lo := max(r, g, bl), min(r, g, bl)
			if hi-lo > 0x4000 {
				n++
			}
		}
	}
	return n
}

// TestReportWritesWhole: the page replaces the file given only when it is
// whole; a report that fails leaves the old file and no temporary file, and
// one line on stdout says what was written.
func TestReportWritesWhole(t *testing.T) {
	st, _ := sampleStore(t, 2)
	dir := t.TempDir()
	html := filepath.Join(dir, "report.html")
	if err := os.WriteFile(html, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := runArgs(context.Background(), "report", "--store", filepath.Join(dir, "no-store"), "--html", html); code == 0 {
		t.Fatal("report from a missing store succeeded")
	}
	if b, err := os.ReadFile(html); err != nil || string(b) != "old" {
		t.Fatalf("a failed report changed %s: %q %v", html, b, err)
	}
	code, out, stderr := runArgs(context.Background(), "report", "--store", st, "--html", html)
	if code != 0 {
		t.Fatalf("report: exit %d %s", code, stderr)
	}
	if !regexp.MustCompile(`^wrote .*report\.html: [1-9][0-9]* cases, [1-9][0-9]* topics, 20[0-9]{2}(–20[0-9]{2})?\n$`).MatchString(out) {
		t.Errorf("stdout %q", out)
	}
	if b, err := os.ReadFile(html); err != nil || !bytes.HasPrefix(b, []byte("<!DOCTYPE html>")) {
		t.Errorf("%s is not the page: %.40q %v", html, b, err)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("files left beside the report: %v", ents)
	}
}
