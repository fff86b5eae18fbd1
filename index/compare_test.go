package index

import (
	"reflect"
	"strings"
	"testing"

	"github.com/ntlnav/referat"
)

// TestCaseExchanges keeps the exchanges of which one statement is on the
// topic, whoever made it, and counts them per year.
func TestCaseExchanges(t *testing.T) {
	row := func(i int, actor string, topics ...string) StatementRow {
		return StatementRow{ID: StatementID("c", i+1), CaseID: "c", Date: "2024-02-15", CaseTitle: "T", Actor: actor, Topics: topics}
	}
	stmts := []StatementRow{row(0, "NTL", "budsjett"), row(1, "arbeidsgiver"), row(2, "NTL", "lønn"), row(3, "arbeidsgiver", "lønn")}
	exs := []referat.Exchange{
		{NTL: []int{0}, Employer: []int{1}, Others: []int{}, Relation: referat.RelationRejected},
		{NTL: []int{2}, Employer: []int{3}, Others: []int{}, Relation: referat.RelationAgreed},
	}
	tests := []struct {
		topic    string
		want     []string // relations kept
		requests int
		rejected int
	}{
		{topic: "budsjett", want: []string{"rejected"}, requests: 1, rejected: 1},
		{topic: "lønn", want: []string{"agreed"}, requests: 1},
		{topic: "varsling"},
	}
	for _, tt := range tests {
		t.Run(tt.topic, func(t *testing.T) {
			rows := CaseExchanges(stmts, exs, tt.topic)
			var got []string
			for _, r := range rows {
				got = append(got, r.Relation)
				if r.CaseID != "c" || r.Date == "" || r.CaseTitle != "T" {
					t.Errorf("exchange without its case: %+v", r)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("relations %v, want %v", got, tt.want)
			}
			g := YearGroups{}
			g.AddExchanges(2024, rows)
			if ys := g[2024]; ys != nil && (ys.Summary.Requests != tt.requests || ys.Summary.Rejected != tt.rejected) {
				t.Errorf("summary %+v", ys.Summary)
			}
		})
	}
}

// TestDistinguishForms shows each distinguishing stem in its most
// frequent form in that year.
func TestDistinguishForms(t *testing.T) {
	stem := func(s string) []string {
		var out []string
		for _, w := range strings.Fields(strings.ToLower(s)) {
			out = append(out, strings.TrimSuffix(strings.TrimSuffix(w, "ene"), "en"))
		}
		return out
	}
	year := func(y int, texts ...string) YearStatements {
		ys := YearStatements{Year: y}
		for k := 0; k < 10; k++ { // enough uses for the prior to be overcome
			for _, tx := range texts {
				ys.Statements = append(ys.Statements, StatementRow{Text: tx})
			}
		}
		return ys
	}
	cmp := &Comparison{Years: []YearStatements{
		year(2019, "kuttene kuttene kutten", "kuttene rammen", "kuttene kuttene"),
		year(2024, "bemanningen bemanningen", "bemanningen rammen", "bemanningen bemanningen"),
	}}
	Distinguish(cmp, stem, 8)
	if got := cmp.Years[0].Terms; !reflect.DeepEqual(got, []string{"kuttene"}) {
		t.Errorf("2019 terms %v, want [kuttene]", got)
	}
	if got := cmp.Years[1].Terms; !reflect.DeepEqual(got, []string{"bemanningen"}) {
		t.Errorf("2024 terms %v, want [bemanningen]", got)
	}
}

// TestDistinguishNeverNil: the JSON of compare has "terms": [] for a year
// alone or one that no word sets apart, never null.
func TestDistinguishNeverNil(t *testing.T) {
	stem := func(s string) []string { return strings.Fields(strings.ToLower(s)) }
	for _, tt := range []struct {
		name  string
		years []int
	}{
		{name: "one year", years: []int{2019}},
		{name: "years alike", years: []int{2019, 2024}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cmp := &Comparison{}
			for _, y := range tt.years {
				cmp.Years = append(cmp.Years, YearStatements{Year: y, Statements: []StatementRow{{Text: "budsjettet rammen"}}})
			}
			Distinguish(cmp, stem, 8)
			for _, y := range cmp.Years {
				if y.Terms == nil || len(y.Terms) != 0 {
					t.Errorf("%d: terms %#v, want []", y.Year, y.Terms)
				}
			}
		})
	}
}
