package analyze

import (
	"slices"
	"strings"

	"github.com/ntlnav/referat"
)

// A relExample is one exchange to learn a relation from: its features
// (relationFeatures), its relation's index in relationClasses, the
// rules' relation, and the batch of its meeting ("" for none).
type relExample struct {
	feats []string
	class int
	rule  string
	batch string
}

// ruleCase is what the rules make of a case's text for the relation
// model: its statements and their exchanges, with the rules' relations.
func (a *Analyzer) ruleCase(text string) ([]referat.Statement, []referat.Exchange) {
	ct := a.split(text, true)
	defer ct.release()
	stmts := a.statements(ct)
	return stmts, a.ruleExchanges(stmts, ct)
}

// relationExamples are the exchanges of the annotated meetings' cases
// (those with gold exchanges; passages have none) that the rules pair as
// the gold does, each with the gold relation: an exchange counts when
// the gold has the pair of its first point and its first answering
// statement, with an employer answer.
func (a *Analyzer) relationExamples(gold []GoldMeeting) []relExample {
	var out []relExample
	for _, m := range gold {
		if m.Passage {
			continue
		}
		for _, gc := range m.Cases {
			if gc.Exchanges == nil {
				continue
			}
			sents := make([]string, len(gc.Statements))
			for i, s := range gc.Statements {
				sents[i] = s.Sentence
			}
			want := pairs(sents, gc.Exchanges)
			stmts, exs := a.ruleCase(strings.Join(gc.Paragraphs, "\n\n"))
			for k := range exs {
				e := &exs[k]
				if len(e.Employer) == 0 || len(e.NTL)+len(e.Others) == 0 {
					continue
				}
				from := e.NTL
				if len(from) == 0 {
					from = e.Others
				}
				rel, ok := want[exchangePair{stmts[from[0]].Text, stmts[e.Employer[0]].Text}]
				if c := slices.Index(relationClasses, rel); ok && c >= 0 {
					out = append(out, relExample{feats: a.exchangeFeatures(stmts, e), class: c, rule: e.Relation, batch: m.Batch})
				}
			}
		}
	}
	return out
}

// TrainRelationModel fits the relation model (see RelationModel) to the
// exchanges of the annotated meetings the rules pair as the gold does:
// the same meetings always give the same model.
func (a *Analyzer) TrainRelationModel(gold []GoldMeeting) *RelationModel {
	return fitRelations(a.relationExamples(gold))
}

// A RelationScore counts exchanges whose relation was named right, by the
// rules alone and with the relation model.
type RelationScore struct {
	Exchanges, Rules, Model int
}

// CrossValidateRelations scores the relation model leaving one batch of
// the meetings out (see CrossValidateBatches): for each batch, a model
// trained on the other meetings' exchanges names the relations of the
// batch's exchanges (those relationExamples takes), pooled over the
// batches. Deterministic.
func (a *Analyzer) CrossValidateRelations(gold []GoldMeeting) (score RelationScore) {
	ex := a.relationExamples(gold)
	var batches []string
	for _, e := range ex {
		if e.batch != "" && !slices.Contains(batches, e.batch) {
			batches = append(batches, e.batch)
		}
	}
	slices.Sort(batches)
	for _, b := range batches {
		var train, test []relExample
		for _, e := range ex {
			if e.batch == b {
				test = append(test, e)
			} else {
				train = append(train, e)
			}
		}
		m := fitRelations(train)
		for _, e := range test {
			score.Exchanges++
			if e.rule == relationClasses[e.class] {
				score.Rules++
			}
			if m.relation(e.feats) == relationClasses[e.class] {
				score.Model++
			}
		}
	}
	return score
}
