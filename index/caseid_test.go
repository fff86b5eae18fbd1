package index

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// casesOnly is an Analytics that has only cases to list.
type casesOnly struct {
	Analytics
	rows []CaseRow
}

func (c casesOnly) Cases(context.Context, CaseQuery) ([]CaseRow, error) { return c.rows, nil }

func TestResolveCaseID(t *testing.T) {
	a := casesOnly{rows: []CaseRow{
		{ID: "78ce0e6330d7d5d8500d953a89cc87cc-001", Date: "2019-12-12", Title: "Linjevise budsjetter for 2020"},
		{ID: "78ce0e6330d7d5d8500d953a89cc87cc-002", Date: "2019-12-12", Title: "Sykefravær"},
		{ID: "78ce11aa30d7d5d8500d953a89cc87cc-001", Date: "2021-09-16", Title: "Budsjett 2022"},
		{ID: "0dfd6d5442015e54aab2421c084764e3-010", Date: "2023-10-19", Title: "Eventuelt"},
	}}
	tests := []struct {
		name    string
		id      string
		want    string
		wantErr error
		msg     string // in the error
	}{
		{name: "full id", id: "78ce0e6330d7d5d8500d953a89cc87cc-002", want: "78ce0e6330d7d5d8500d953a89cc87cc-002"},
		{name: "full id without leading zeros", id: "78ce0e6330d7d5d8500d953a89cc87cc-2", want: "78ce0e6330d7d5d8500d953a89cc87cc-002"},
		{name: "full id of no case", id: "ffffffffffffffffffffffffffffffff-001", want: "ffffffffffffffffffffffffffffffff-001"},
		{name: "short", id: "78ce0e63-2", want: "78ce0e6330d7d5d8500d953a89cc87cc-002"},
		{name: "short, capitals and zeros", id: " 78CE-002 ", want: "78ce0e6330d7d5d8500d953a89cc87cc-002"},
		{name: "number of two digits", id: "0dfd-10", want: "0dfd6d5442015e54aab2421c084764e3-010"},
		{name: "two meetings begin so", id: "78ce-1", wantErr: ErrAmbiguousCase, msg: `"78ce-1" begins 2 case ids: 78ce0e6330d7d5d8500d953a89cc87cc-001 (2019-12-12 "Linjevise budsjetter for 2020"), 78ce11aa30d7d5d8500d953a89cc87cc-001 (2021-09-16 "Budsjett 2022"); give more of the id`},
		{name: "one more digit", id: "78ce0-1", want: "78ce0e6330d7d5d8500d953a89cc87cc-001"},
		{name: "meeting only", id: "78ce0e63", wantErr: ErrNoCase, msg: `"78ce0e63" is the meeting of 2019-12-12; add the number of one of its cases: 78ce0e6330d7d5d8500d953a89cc87cc-001 (2019-12-12 "Linjevise budsjetter for 2020"), 78ce0e6330d7d5d8500d953a89cc87cc-002 (2019-12-12 "Sykefravær")`},
		{name: "meeting prefix of two meetings", id: "78ce", wantErr: ErrAmbiguousCase, msg: "begins 3 case ids"},
		{name: "too short", id: "78-1", wantErr: ErrNoCase, msg: "first 4 or more characters"},
		{name: "not hex", id: "nope-1", wantErr: ErrNoCase, msg: `"nope-1" is not a case id`},
		{name: "number not a number", id: "78ce0e63-x", wantErr: ErrNoCase, msg: "not a case id"},
		{name: "nothing begins so", id: "abcd-1", wantErr: ErrNoCase, msg: `no case id begins with "abcd-1"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ResolveCaseID(context.Background(), a, tt.id)
			if tt.wantErr == nil {
				if err != nil || got != tt.want {
					t.Errorf("ResolveCaseID(%q) = %q, %v; want %q", tt.id, got, err, tt.want)
				}
				return
			}
			if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("ResolveCaseID(%q) = %q, %v; want %v with %q", tt.id, got, err, tt.wantErr, tt.msg)
			}
		})
	}
}
