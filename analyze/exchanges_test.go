package analyze

import (
	"reflect"
	"testing"

	"github.com/ntlnav/referat"
)

// TestExchanges pairs statements of small cases written for the rules:
// a request answered, a point left unanswered before a question, support
// for a proposal, another union's question, and the relations.
func TestExchanges(t *testing.T) {
	a := New(nil, Options{})
	tests := []struct {
		name string
		text string
		want []referat.Exchange
	}{
		{
			name: "request agreed",
			text: "NTL ba om en oversikt over ledige stillinger. Direktøren lovet å legge fram oversikten i neste møte.",
			want: []referat.Exchange{{NTL: []int{0}, Employer: []int{1}, Others: []int{}, Relation: referat.RelationAgreed}},
		},
		{
			name: "point before a question left unanswered",
			text: "NTL påpekte at mange kontor har høyt sykefravær. Vi spurte om alle kontor har fått nye skjermer. " +
				"Arbeidsgiver svarte at utstyret er levert.",
			want: []referat.Exchange{
				{NTL: []int{0}, Employer: []int{}, Others: []int{}, Relation: referat.RelationNoAnswer},
				{NTL: []int{1}, Employer: []int{2}, Others: []int{}, Relation: referat.RelationAnswered},
			},
		},
		{
			name: "rejected",
			text: "NTL krevde at stillingene skjermes. Direktøren svarte at det ikke er aktuelt å skjerme noen enheter.",
			want: []referat.Exchange{{NTL: []int{0}, Employer: []int{1}, Others: []int{}, Relation: referat.RelationRejected}},
		},
		{
			name: "deferred",
			text: "NTL ba om at ordningen evalueres. Arbeidsgiver svarte at saken vil komme tilbake i høst.",
			want: []referat.Exchange{{NTL: []int{0}, Employer: []int{1}, Others: []int{}, Relation: referat.RelationDeferred}},
		},
		{
			name: "support for a proposal",
			text: "Arbeidsgiver foreslo å videreføre ordningen. NTL støtter forslaget.",
			want: []referat.Exchange{{NTL: []int{1}, Employer: []int{0}, Others: []int{}, Relation: referat.RelationAgreed}},
		},
		{
			name: "support opens a run, a point follows",
			text: "Arbeidsgiver foreslo å videreføre retningslinjene. NTL støtter forslaget. " +
				"Vi tok likevel opp at enkelte ledere praktiserer retningslinjene strengt. Arbeidsgiver lovet å minne lederne om retningslinjene.",
			want: []referat.Exchange{
				{NTL: []int{1}, Employer: []int{0}, Others: []int{}, Relation: referat.RelationAgreed},
				{NTL: []int{2}, Employer: []int{3}, Others: []int{}, Relation: referat.RelationAgreed},
			},
		},
		{
			name: "an answer to both points",
			text: "NTL påpekte at kontorene mangler skjermer. Vi foreslo at verneombudene deltar i evalueringen. " +
				"Arbeidsgiver sa seg enig i begge innspillene.",
			want: []referat.Exchange{{NTL: []int{0, 1}, Employer: []int{2}, Others: []int{}, Relation: referat.RelationAgreed}},
		},
		{
			name: "another union joins, another asks",
			text: "Vi foreslo en felles mal for kontorene. Arbeidsgiver var enig i forslaget. Parat støttet forslaget. " +
				"Akademikerne spurte om kursene blir digitale. Arbeidsgiver svarte at kursene holdes på kontorene.",
			want: []referat.Exchange{
				{NTL: []int{0}, Employer: []int{1}, Others: []int{2}, Relation: referat.RelationAgreed},
				{NTL: []int{}, Employer: []int{4}, Others: []int{3}, Relation: referat.RelationAnswered},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := a.Exchanges(a.Statements(tt.text))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("exchanges\n got %+v\nwant %+v\nstatements %+v", got, tt.want, a.Statements(tt.text))
			}
		})
	}
}
