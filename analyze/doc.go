// Package analyze reads the Norwegian text of cases: it splits words and
// sentences, stems with the Snowball algorithm, finds topics from an
// editable taxonomy (also inside compounds), and finds the statements in
// which each actor takes a position.
//
// It reads a referat.Case's Title and Text and writes its Topics,
// Statements, Exchanges and Keywords:
//
//	a := analyze.New(nil, analyze.Options{}) // the built-in taxonomy
//	a.Document(doc)                          // every case, and doc.TaxonomyVersion
//
// Topics, actors and speech verbs are data (taxonomy.yaml, embedded; see
// ParseTaxonomy), so that another organisation's minutes can be analysed
// by editing a file. The term lists are written from general knowledge of
// Norwegian working life and NAV (bokmål and nynorsk), pruned by term
// precision over the development meetings; additions are kept only when
// leaving one batch of meetings out says they help (taxonomy.yaml names
// the sources). Analysis is deterministic and safe for concurrent use.
//
// The taxonomy's rules find a case's candidate topics; the built-in
// TopicModel (topicmodel.json, trained on the development meetings by
// `go generate ./analyze`; its sentence and case models on labelled
// passages as well, see GoldMeeting.Passage) decides from how their
// evidence stands, its SentenceModel adds a topic one sentence is about
// in words the term lists lack, and its CaseModel one the case as a
// whole is about when a sentence of it leans the same way. Both read the
// stems of compounds' parts as well (splitCompound). Its StackModel then
// makes the last decision for the topics the sentence model scores,
// from what all three say of the case (trained on their outputs for
// batches they were not trained on). Settings are chosen leaving one
// batch of annotated meetings out (CrossValidateBatches: one writer's
// meetings the model never saw) and leaving one meeting out
// (CrossValidateRecipe).
//
// Exchanges pair NTL's statements with the employer's answers by rules
// (order, speech verbs, shared stems); the TopicModel's RelationModel
// names how each answered exchange was answered (answered, agreed,
// rejected, deferred) from the rules' reading and the answer's words,
// trained on the development meetings' exchanges
// (CrossValidateRelations leaves one batch out).
package analyze
