package pipeline

import (
	"fmt"
	"sort"
	"strconv"
)

// A body's cadence is inferred from its meeting dates: the months between
// one meeting and the next (meetings counted once per month), taken at
// their median. A body has a cadence when it met at least gapMinMeetings
// times, at most every gapMaxCadence months, and at least half of its
// intervals are that median (it meets regularly); else no gaps are
// reported for it.
//
// A gap is an interval longer than the cadence by half of it or more (for
// a monthly body: a month without a meeting); the months missing are
// those in which the cadence expected a meeting. For a monthly body, a
// calendar month in which it never met although its meetings span that
// month at least twice (July, say) is a recess, not a gap.
const (
	gapMinMeetings = 4
	gapMaxCadence  = 6
)

// monthOf returns the months since year 0 of an ISO date, or false.
func monthOf(date string) (int, bool) {
	if len(date) < 7 || date[4] != '-' {
		return 0, false
	}
	y, err1 := strconv.Atoi(date[:4])
	m, err2 := strconv.Atoi(date[5:7])
	if err1 != nil || err2 != nil || m < 1 || m > 12 {
		return 0, false
	}
	return y*12 + m - 1, true
}

func monthName(n int) string { return fmt.Sprintf("%04d-%02d", n/12, n%12+1) }

// gaps returns the gaps in the meetings of body, held on dates.
func gaps(body string, dates []string) []Gap {
	last := map[int]string{} // month → the last meeting date in it
	first := map[int]string{}
	for _, d := range dates {
		m, ok := monthOf(d)
		if !ok {
			continue
		}
		if last[m] == "" || d > last[m] {
			last[m] = d
		}
		if first[m] == "" || d < first[m] {
			first[m] = d
		}
	}
	months := make([]int, 0, len(last))
	for m := range last {
		months = append(months, m)
	}
	sort.Ints(months)
	cadence := cadenceOf(months)
	if cadence == 0 {
		return nil
	}
	recess := recesses(months, cadence)
	var out []Gap
	for i := 1; i < len(months); i++ {
		a, b := months[i-1], months[i]
		if 2*(b-a) < 3*cadence {
			continue
		}
		var missing []string
		for m := a + cadence; 2*m < 2*b-cadence; m += cadence {
			if !recess[m%12] {
				missing = append(missing, monthName(m))
			}
		}
		if len(missing) > 0 {
			out = append(out, Gap{Body: body, CadenceMonths: cadence, After: last[a], Before: first[b], Missing: missing})
		}
	}
	return out
}

// cadenceOf returns the months between meetings of a body that meets
// regularly, or 0.
func cadenceOf(months []int) int {
	if len(months) < gapMinMeetings {
		return 0
	}
	diffs := make([]int, 0, len(months)-1)
	for i := 1; i < len(months); i++ {
		diffs = append(diffs, months[i]-months[i-1])
	}
	sorted := append([]int(nil), diffs...)
	sort.Ints(sorted)
	median := sorted[(len(sorted)-1)/2]
	same := 0
	for _, d := range diffs {
		if d == median {
			same++
		}
	}
	if median > gapMaxCadence || 2*same < len(diffs) {
		return 0
	}
	return median
}

// recesses returns the calendar months (0 = January) a monthly body never
// met in although its meetings span them at least twice.
func recesses(months []int, cadence int) map[int]bool {
	out := map[int]bool{}
	if cadence != 1 || len(months) == 0 {
		return out
	}
	met := map[int]bool{}
	for _, m := range months {
		met[m%12] = true
	}
	span := map[int]int{}
	for m := months[0]; m <= months[len(months)-1]; m++ {
		span[m%12]++
	}
	for cm := 0; cm < 12; cm++ {
		out[cm] = !met[cm] && span[cm] >= 2
	}
	return out
}
