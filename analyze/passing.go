package analyze

import "strings"

// circumstance lists Norwegian phrases (bokmål and nynorsk) that open a
// circumstantial or causal adverbial: what follows them in the sentence is
// given as a cause, a condition or a side effect of what the sentence is
// about ("... redusert i en periode med stramme budsjetter", "begrenset av
// budsjettet", "uten at det går ut over arbeidsmiljøet"), so a taxonomy
// term there is a passing mention, not the sentence's matter.
var circumstance = [][]string{
	{"på", "grunn", "av"}, {"som", "følge", "av"}, {"som", "følgje", "av"}, {"grunnet"},
	{"til", "tross", "for"}, {"på", "tross", "av"}, {"i", "en", "periode", "med"}, {"i", "ein", "periode", "med"},
	{"i", "en", "tid", "med"}, {"i", "ei", "tid", "med"}, {"henger", "sammen", "med"}, {"heng", "saman", "med"},
	{"skyldes"}, {"skyldast"}, {"begrenset", "av"}, {"avgrensa", "av"},
	{"uten", "at"}, {"utan", "at"}, {"i", "lys", "av"}, {"uten", "å"}, {"utan", "å"},
}

// passingFrom returns the byte offset in the sentence from which terms
// are passing mentions: the end of the first circumstantial phrase, or
// the sentence's length when it has none.
func passingFrom(tokens []Token, length int) int {
	var whole []Token
	for _, t := range tokens {
		if !t.Part {
			whole = append(whole, t)
		}
	}
	for i := range whole {
		for _, p := range circumstance {
			if i+len(p) > len(whole) {
				continue
			}
			ok := true
			for k, w := range p {
				if !strings.EqualFold(whole[i+k].Text, w) {
					ok = false
					break
				}
			}
			if ok {
				return whole[i+len(p)-1].End
			}
		}
	}
	return length
}
