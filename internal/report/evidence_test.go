package report

import (
	"bytes"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/ntlnav/referat"
)

func TestEvidenceOf(t *testing.T) {
	text := "Rammen går ned med 40 millioner. NTL ba om at budsjettet drøftes. Ellers intet nytt."
	s2 := strings.Index(text, "NTL")
	s3 := strings.Index(text, "Ellers")
	c := referat.Case{Title: "Budsjett 2023", Text: text, Topics: []referat.Topic{
		{ID: "lønn", Evidence: []referat.Evidence{{Start: s3, End: len(text), Terms: []string{"nytt"}}}},
		{ID: "budsjett", Evidence: []referat.Evidence{
			{Title: true, Start: 0, End: 13, Terms: []string{"budsjett"}},
			{Start: s2, End: s3 - 1, Terms: []string{"budsjett"}},
			{Start: s2, End: 999, Terms: []string{"utenfor"}}, // beyond the text: left out
		}},
	}}
	tests := []struct {
		name, topic string
		want        CaseEvidence
		ok          bool
	}{
		{name: "title and sentence", topic: "budsjett", ok: true, want: CaseEvidence{Date: "2022-05-01", Title: "Budsjett 2023",
			Sentences: []string{"Budsjett 2023", "NTL ba om at budsjettet drøftes."}, Terms: []string{"budsjett"}}},
		{name: "another topic's sentence", topic: "lønn", ok: true, want: CaseEvidence{Date: "2022-05-01", Title: "Budsjett 2023",
			Sentences: []string{"Ellers intet nytt."}, Terms: []string{"nytt"}}},
		{name: "a topic the case lacks", topic: "varsling"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := evidenceOf("2022-05-01", &c, tt.topic)
			if ok != tt.ok || ok && !reflect.DeepEqual(got, tt.want) {
				t.Errorf("evidenceOf(%s) = %+v, %v; want %+v, %v", tt.topic, got, ok, tt.want, tt.ok)
			}
		})
	}
}

// TestWriteEvidence: a topic with evidence shows it folded under "Hvorfor
// dette temaet?" in its own section, with each case's date and title, its
// sentences (escaped) and terms; a topic without shows no such fold.
func TestWriteEvidence(t *testing.T) {
	d := testData()
	d.Evidence = map[string][]CaseEvidence{"budsjett": {
		{Date: "2022-05-01", Title: "Budsjett 2023", Sentences: []string{"Budsjett 2023", "NTL ba om at <budsjettet> drøftes."}, Terms: []string{"budsjett"}},
		{Date: "2019-02-03", Title: "BN1", Sentences: []string{"Rammen er kuttet."}, Terms: []string{"kutt"}},
	}}
	var b bytes.Buffer
	if err := Write(&b, d, Options{}); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	sections := regexp.MustCompile(`(?s)<section class="topic".*?</section>`).FindAllString(page, -1)
	if len(sections) != 2 {
		t.Fatalf("%d topic sections", len(sections))
	}
	why := regexp.MustCompile(`(?s)<details class="why">.*?</details>`).FindString(sections[0])
	for _, want := range []string{"<summary>Hvorfor dette temaet?</summary>", "1. mai 2022 · Budsjett 2023",
		"<li>NTL ba om at &lt;budsjettet&gt; drøftes.</li>", "Ord: budsjett", "3. februar 2019 · BN1", "<li>Rammen er kuttet.</li>"} {
		if !strings.Contains(why, want) {
			t.Errorf("budsjett's evidence lacks %q:\n%s", want, why)
		}
	}
	if strings.Contains(sections[1], "Hvorfor dette temaet?") {
		t.Errorf("lønn has no evidence, but shows a fold:\n%s", sections[1])
	}
}
