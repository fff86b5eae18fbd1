package report

import (
	"strconv"
	"strings"
	"time"

	"github.com/ntlnav/referat"
)

// kindLabels names each statement kind (referat.Statement.Kind) in
// Norwegian bokmål, as the page shows it.
var kindLabels = map[string]string{
	"request":      "anmodning",
	"concern":      "bekymring",
	"agreement":    "enighet",
	"disagreement": "uenighet",
	"question":     "spørsmål",
	"explanation":  "forklaring",
	"position":     "standpunkt",
}

// KindLabel returns the Norwegian label of a statement kind, or "utsagn"
// (statement) for a kind it does not know, so that no English word
// reaches the page.
func KindLabel(kind string) string {
	if l, ok := kindLabels[kind]; ok {
		return l
	}
	return "utsagn"
}

// actorLabels names the actors the report sets side by side.
var actorLabels = map[string]string{
	referat.ActorNTL:          "NTL",
	referat.ActorArbeidsgiver: "Arbeidsgiver",
	referat.ActorAndre:        "Andre",
}

var months = [...]string{"januar", "februar", "mars", "april", "mai", "juni", "juli",
	"august", "september", "oktober", "november", "desember"}

// Date formats an ISO date (2025-02-13) the Norwegian way: "13. februar
// 2025". Anything else is returned as it is.
func Date(iso string) string {
	d, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return iso
	}
	return strconv.Itoa(d.Day()) + ". " + months[d.Month()-1] + " " + strconv.Itoa(d.Year())
}

// DateTime formats a time as "29. november 2026 kl. 21.15".
func DateTime(t time.Time) string {
	return Date(t.Format(time.DateOnly)) + " kl. " + t.Format("15.04")
}

// nbsp is the no-break space Norwegian puts between digit groups and
// before a percent sign.
const nbsp = "\u00a0"

// Int formats n with digit groups of three separated by a no-break space:
// 12 345.
func Int(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(nbsp)
		}
		b.WriteRune(r)
	}
	if neg {
		return "−" + b.String()
	}
	return b.String()
}

// Percent formats a share 0..1 as a Norwegian percentage: whole percents
// ("33 %"), one decimal with a decimal comma below 10 ("7,5 %").
func Percent(share float64) string {
	p := 100 * share
	if p > 0 && p < 10 {
		s := strconv.FormatFloat(p, 'f', 1, 64)
		return strings.Replace(strings.TrimSuffix(s, ".0"), ".", ",", 1) + nbsp + "%"
	}
	return Int(int(p+0.5)) + nbsp + "%"
}

// Saker counts cases in Norwegian: "1 sak", "2 saker".
func Saker(n int) string {
	if n == 1 {
		return "1 sak"
	}
	return Int(n) + " saker"
}
