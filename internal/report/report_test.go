package report

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/analyze"
	"github.com/ntlnav/referat/index"
)

// TestKindLabels: every kind the analysis can give (the taxonomy's kinds,
// and its defaults question and position) has a Norwegian label.
func TestKindLabels(t *testing.T) {
	kinds := []string{"question", "position"}
	for _, k := range analyze.DefaultTaxonomy().Kinds {
		kinds = append(kinds, k.Kind)
	}
	for _, k := range kinds {
		if l, ok := kindLabels[k]; !ok || l == k {
			t.Errorf("kind %q has no Norwegian label", k)
		}
	}
	if got := KindLabel("rumour"); got != "utsagn" {
		t.Errorf("KindLabel(unknown) = %q", got)
	}
}

func TestNiceStep(t *testing.T) {
	tests := []struct{ top, want int }{
		{top: 1, want: 1}, {top: 5, want: 1}, {top: 6, want: 2}, {top: 10, want: 2}, {top: 11, want: 5},
		{top: 66, want: 20}, {top: 100, want: 20}, {top: 101, want: 50}, {top: 4321, want: 1000},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.top), func(t *testing.T) {
			got := niceStep(tt.top)
			if got != tt.want {
				t.Errorf("niceStep(%d) = %d, want %d", tt.top, got, tt.want)
			}
			if ticks := (tt.top+got-1)/got + 1; ticks > maxTicks {
				t.Errorf("%d ticks", ticks)
			}
		})
	}
}

// testData has cases in 2019, 2021 and 2022 and, on budsjett, 6 NTL
// statements in 2022 and 1 by the employer, 1 NTL statement in 2021.
func testData() *Data {
	tr := &index.Trends{By: "year", Periods: []string{"2019", "2021", "2022"},
		Totals: map[string]int{"2019": 4, "2021": 2, "2022": 1234},
		Counts: map[string]map[string]int{"budsjett": {"2019": 3, "2022": 1100}, "lønn": {"2021": 2, "2022": 20}},
		Topics: []string{"budsjett", "lønn"}}
	var rows []index.StatementRow
	for i, k := range []string{"request", "concern", "agreement", "disagreement", "question", "explanation"} {
		rows = append(rows, index.StatementRow{Date: "2022-05-0" + strconv.Itoa(i+1), CaseTitle: "Budsjett 2023", Actor: referat.ActorNTL, Kind: k,
			Text: fmt.Sprintf("NTL sa ting nummer %d.", i+1)})
	}
	return &Data{Trends: tr, Positions: map[string]map[string]*index.Comparison{"budsjett": {
		referat.ActorNTL: {Years: []index.YearStatements{{Year: 2022, Statements: rows},
			{Year: 2021, Statements: []index.StatementRow{{Date: "2021-03-01", Kind: "position", Text: "NTL mente noe."}}}}},
		referat.ActorArbeidsgiver: {Years: []index.YearStatements{{Year: 2022, Statements: []index.StatementRow{{Date: "2022-05-01", Kind: "position", Text: "Direktøren svarte."}}}}},
	}}}
}

func TestWrite(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, testData(), Options{PerYear: 4, Source: "data", Made: time.Date(2026, 1, 2, 3, 4, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, want := range []string{
		`class="x-tick" y="18" text-anchor="middle">2019<`, `>2020<`, `>2021<`, `>2022<`, // 2020 filled in
		`>Antall saker<`, `>År<`, `class="y-tick"`, `>1` + nbsp + `500<`, // ticks: 0, 500, 1 000, 1 500
		`laget 2. januar 2026 kl. 03.04`, `1` + nbsp + `240 saker`,
		`<summary>og 2 til</summary>`, `(6 utsagn)`, `(1 utsagn)`, `(ingen utsagn)`,
		`<small>forklaring</small> NTL sa ting nummer 6.`, `6. mai 2022 · Budsjett 2023`, `89` + nbsp + `%`, `–`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	details := regexp.MustCompile(`(?s)<details>.*?</details>`).FindString(page)
	if strings.Count(details, "<small>") != 2 || !strings.Contains(details, "nummer 5") || !strings.Contains(details, "nummer 6") {
		t.Errorf("the folded statements:\n%s", details)
	}
	text := regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<[^>]*>`).ReplaceAllString(page, " ")
	if m := regexp.MustCompile(`\b(request|concern|agreement|disagreement|question|explanation|position)\b|\d{4}-\d\d-\d\d`).FindString(text); m != "" {
		t.Errorf("the page shows %q", m)
	}
	if strings.Contains(page, "http://") && !strings.Contains(page, `xmlns="http://www.w3.org/2000/svg"`) || strings.Contains(page, "https://") || strings.Contains(page, "src=") {
		t.Errorf("the page refers to the network")
	}
}

// TestWriteEmpty: a store with no cases gives a page that says so.
func TestWriteEmpty(t *testing.T) {
	var b bytes.Buffer
	err := Write(&b, &Data{Trends: &index.Trends{By: "year", Totals: map[string]int{}, Counts: map[string]map[string]int{}}}, Options{})
	if err != nil || !strings.Contains(b.String(), "Ingen saker med temaer") || strings.Contains(b.String(), "<svg") {
		t.Errorf("empty report: %v\n%.2000s", err, b.String())
	}
}

func ExampleDate() {
	fmt.Println(Date("2025-02-13"), "|", Date("2025"))
	// Output: 13. februar 2025 | 2025
}

func ExampleInt() {
	fmt.Println(strings.ReplaceAll(Int(1234567), nbsp, "_"), Int(999), Int(-1200) == "−1"+nbsp+"200")
	// Output: 1_234_567 999 true
}

func ExampleSaker() {
	fmt.Println(Saker(0), "|", Saker(1), "|", strings.ReplaceAll(Saker(2400), nbsp, " "))
	// Output: 0 saker | 1 sak | 2 400 saker
}

func ExamplePercent() {
	for _, s := range []float64{0, 0.075, 0.1, 1.0 / 3, 1} {
		fmt.Print(strings.ReplaceAll(Percent(s), nbsp, " "), "; ")
	}
	// Output: 0 %; 7,5 %; 10 %; 33 %; 100 %;
}
