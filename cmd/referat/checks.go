package main

import (
	"fmt"
	"github.com/ntlnav/referat/index/elastic"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"
)

// The checks of the options table (validate.go): each returns the value
// to use, or errBad for "--NAME takes WHAT, not VALUE", or an error that
// says more.

// fromEnv names the environment variable f may have its value from, when
// it is set: " (or $ELASTICSEARCH_URL)".
func fromEnv(f cli.Flag) string {
	if s, ok := f.(*cli.StringFlag); ok {
		for _, e := range s.EnvVars {
			if os.Getenv(e) != "" {
				return " (or $" + e + ")"
			}
		}
	}
	return ""
}

func intAtLeast(lo int) func(*values, string) (string, error) {
	return func(_ *values, s string) (string, error) {
		n, err := strconv.ParseInt(s, 0, 64)
		if err != nil || n < int64(lo) {
			return "", errBad
		}
		return s, nil
	}
}

func checkDuration(_ *values, s string) (string, error) {
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return "", errBad
	}
	return s, nil
}

// checkFrom and checkTo accept an ISO date, or a year or month as people
// type them ("2019", "2019-03"), which stand for its first day (--from)
// or its last (--to); they return the date.
func checkFrom(_ *values, s string) (string, error) { return periodDay(s, false) }
func checkTo(_ *values, s string) (string, error)   { return periodDay(s, true) }

func periodDay(s string, last bool) (string, error) {
	s = strings.TrimSpace(s)
	if _, err := time.Parse(time.DateOnly, s); err == nil {
		return s, nil
	}
	// A period and its length: the last day is the next period's first, less one.
	for _, p := range []struct {
		layout        string
		years, months int
	}{{"2006-01", 0, 1}, {"2006", 1, 0}} {
		t, err := time.Parse(p.layout, s)
		if err != nil || len(s) != len(p.layout) {
			continue
		}
		if last {
			t = t.AddDate(p.years, p.months, -1)
		}
		return t.Format(time.DateOnly), nil
	}
	return "", errBad
}

func checkYear(_ *values, s string) (string, error) {
	y, err := strconv.Atoi(s)
	if err != nil || y < 1000 || y > 9999 {
		return "", errBad
	}
	return s, nil
}

// maxYearSpan is the most years one range of --years may name.
const maxYearSpan = 100

// checkYears accepts years and ranges of years separated by commas
// ("2019,2024", "2019-2024", "2016–2019,2024", "2019..2024", as people
// write them) and returns the years as a comma-separated list, each
// range spelled out, in the order given (see yearsOf).
func checkYears(_ *values, s string) (string, error) {
	years, err := yearsOf(s)
	if err != nil {
		return "", err
	}
	out := make([]string, len(years))
	for i, y := range years {
		out[i] = strconv.Itoa(y)
	}
	return strings.Join(out, ","), nil
}

// yearsOf returns the years --years names, ranges spelled out, in the
// order given.
func yearsOf(s string) ([]int, error) {
	var out []int
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		from, to, isRange := cutYearRange(part)
		if !isRange {
			from, to = part, part
		}
		if _, err := checkYear(nil, from); err != nil {
			return nil, errBad
		}
		if _, err := checkYear(nil, to); err != nil {
			return nil, errBad
		}
		a, _ := strconv.Atoi(from)
		b, _ := strconv.Atoi(to)
		if b < a || b-a >= maxYearSpan {
			return nil, errBad
		}
		for y := a; y <= b; y++ {
			out = append(out, y)
		}
	}
	return out, nil
}

// cutYearRange splits "2019-2024", "2019–2024" (en dash) or "2019..2024".
func cutYearRange(s string) (from, to string, ok bool) {
	for _, sep := range []string{"..", "–", "-"} {
		if a, b, found := strings.Cut(s, sep); found {
			return strings.TrimSpace(a), strings.TrimSpace(b), true
		}
	}
	return "", "", false
}

func oneOf(words ...string) func(*values, string) (string, error) {
	return func(_ *values, s string) (string, error) {
		if !slices.Contains(words, s) {
			return "", errBad
		}
		return s, nil
	}
}

func checkFolder(_ *values, s string) (string, error) {
	if s == "" {
		return "", errBad
	}
	if fi, err := os.Stat(s); err == nil && !fi.IsDir() {
		return "", fmt.Errorf("a file; it takes a folder")
	}
	return s, nil
}

func checkFile(_ *values, s string) (string, error) {
	fi, err := os.Stat(s)
	if err != nil {
		return "", fmt.Errorf("no such file")
	}
	if fi.IsDir() {
		return "", fmt.Errorf("a folder; it takes a file")
	}
	return s, nil
}

func checkOutput(_ *values, s string) (string, error) {
	if s == "-" {
		return s, nil
	}
	if s == "" {
		return "", errBad
	}
	if fi, err := os.Stat(s); err == nil && fi.IsDir() {
		return "", fmt.Errorf("a folder; name a file in it")
	}
	if fi, err := os.Stat(filepath.Dir(s)); err != nil || !fi.IsDir() {
		return "", fmt.Errorf("no folder %s to write it in", filepath.Dir(s))
	}
	return s, nil
}

func checkTaxonomyFile(v *values, s string) (string, error) {
	if _, err := checkFile(v, s); err != nil {
		return "", err
	}
	if _, err := v.taxonomy(); err != nil {
		return "", err
	}
	return s, nil
}

func checkURL(_ *values, s string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", errBad
	}
	return s, nil
}

func checkURLs(v *values, s string) (string, error) {
	if s == "" {
		return s, nil // not configured (ELASTICSEARCH_URL set empty)
	}
	for _, u := range strings.Split(s, ",") {
		if _, err := checkURL(v, u); err != nil {
			return "", err
		}
	}
	return s, nil
}

// redact hides the user and password of each URL of a comma-separated
// list before it is shown (elastic.Redact, also for URLs without a
// scheme or that do not parse).
func redact(s string) string {
	parts := strings.Split(s, ",")
	for i, p := range parts {
		parts[i] = elastic.Redact(p)
	}
	return strings.Join(parts, ",")
}

// actorAliases are English names for the taxonomy's actors, accepted
// on purpose beside the ids, in any case.
var actorAliases = map[string]string{"union": "NTL", "employer": "arbeidsgiver", "other": "andre", "others": "andre"}

func acceptsTopic(v *values) string {
	t, err := v.taxonomy()
	if err != nil {
		return "a topic id of the taxonomy (see 'referat taxonomy')"
	}
	ids := make([]string, len(t.Topics))
	for i, tp := range t.Topics {
		ids[i] = tp.ID
	}
	return "a topic id of the taxonomy: " + strings.Join(ids, ", ")
}

func checkTopic(v *values, s string) (string, error) {
	t, err := v.taxonomy()
	if err != nil {
		return "", err
	}
	// As people type it: the id or the label, Norwegian or English, in
	// any case, and æøå as a keyboard without them gives them ("lonn",
	// "arbeidsmiljo").
	want := foldTopic(s)
	for _, tp := range t.Topics {
		if foldTopic(tp.ID) == want {
			return tp.ID, nil
		}
	}
	for _, tp := range t.Topics {
		if foldTopic(tp.Label) == want || (tp.LabelEN != "" && foldTopic(tp.LabelEN) == want) {
			return tp.ID, nil
		}
	}
	return "", errBad
}

// topicFolds write æ, ø and å as on a keyboard without them.
var topicFolds = strings.NewReplacer("æ", "ae", "ø", "o", "å", "a")

func foldTopic(s string) string {
	return topicFolds.Replace(strings.ToLower(strings.TrimSpace(s)))
}

func acceptsActor(v *values) string {
	t, err := v.taxonomy()
	if err != nil {
		return "an actor of the taxonomy (see 'referat taxonomy')"
	}
	ids := make([]string, len(t.Actors))
	for i, a := range t.Actors {
		ids[i] = a.ID
	}
	var aliases []string
	for _, alias := range []string{"union", "employer", "other"} {
		if slices.Contains(ids, actorAliases[alias]) {
			aliases = append(aliases, alias)
		}
	}
	s := strings.Join(ids, ", ") + " (any case"
	if len(aliases) > 0 {
		s += "; also " + strings.Join(aliases, ", ")
	}
	return s + ")"
}

// checkActor accepts the taxonomy's actor ids and actorAliases in any
// case, and returns the id.
func checkActor(v *values, s string) (string, error) {
	t, err := v.taxonomy()
	if err != nil {
		return "", err
	}
	want := s
	if id, ok := actorAliases[strings.ToLower(s)]; ok {
		want = id
	}
	for _, a := range t.Actors {
		if strings.EqualFold(a.ID, want) {
			return a.ID, nil
		}
	}
	return "", errBad
}
