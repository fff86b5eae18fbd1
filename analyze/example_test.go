package analyze_test

import (
	"fmt"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/analyze"
)

func ExampleAnalyzer_Case() {
	a := analyze.New(nil, analyze.Options{})
	c := referat.Case{
		Title: "Linjevise budsjetter for 2024",
		Text: "Arbeidsgiver la fram fordelingen av budsjettet. NTL mener kuttene går ut over bemanningen. " +
			"Parat ba om en oversikt. Saken ble avsluttet.",
	}
	a.Case(&c)
	for _, t := range c.Topics {
		fmt.Printf("topic %s %.0f %v\n", t.ID, t.Score, t.Terms)
		for _, e := range t.Evidence {
			if !e.Title {
				fmt.Printf("  evidence: %s\n", c.Text[e.Start:e.End])
			}
		}
	}
	for _, s := range c.Statements {
		fmt.Printf("%s/%s: %s\n", s.Actor, s.Kind, s.Text)
	}
	// Output:
	// topic budsjett 4 map[budsjett:2]
	//   evidence: Arbeidsgiver la fram fordelingen av budsjettet.
	// topic bemanning 2 map[bemanning:1]
	//   evidence: NTL mener kuttene går ut over bemanningen.
	// arbeidsgiver/explanation: Arbeidsgiver la fram fordelingen av budsjettet.
	// NTL/position: NTL mener kuttene går ut over bemanningen.
	// andre/request: Parat ba om en oversikt.
}

func ExampleSentences() {
	text := "Hun viste bl.a. til Oslo. Fristen er 1. oktober. Hva nå?"
	for _, s := range analyze.Sentences(text) {
		fmt.Println(text[s.Start:s.End])
	}
	// Output:
	// Hun viste bl.a. til Oslo.
	// Fristen er 1. oktober.
	// Hva nå?
}

func ExampleTokens() {
	for _, t := range analyze.Tokens("IT-utvikling økte 20%") {
		fmt.Println(t.Text, t.Part)
	}
	// Output:
	// it-utvikling false
	// it true
	// utvikling true
	// økte false
	// 20% false
}
