package analyze

import "testing"

// TestVersion: the analysis version tells analyses apart that the taxonomy
// alone does not (another topic model, other options) and is the same for
// the same analysis.
func TestVersion(t *testing.T) {
	def := New(nil, Options{})
	tests := []struct {
		name string
		a    *Analyzer
		same bool
	}{
		{name: "the default again", a: New(nil, Options{}), same: true},
		{name: "the default model given (as a worker is)", a: New(nil, Options{TopicModel: DefaultTopicModel()}), same: true},
		{name: "the rules' model", a: New(nil, Options{TopicModel: RulesTopicModel()}), same: false},
		{name: "more keywords", a: New(nil, Options{Keywords: 20}), same: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if v := tt.a.Version(); len(v) != 12 || (v == def.Version()) != tt.same {
				t.Errorf("version %q, default's %q, want same %v", v, def.Version(), tt.same)
			}
			if tt.a.Version() == tt.a.Taxonomy().Version {
				t.Errorf("version %q is the taxonomy's", tt.a.Version())
			}
		})
	}
}
