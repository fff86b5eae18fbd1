package ingest

import (
	"regexp"
	"strings"
	"testing"

	"github.com/ntlnav/referat/internal/norsk"
)

// The regular expressions scanDates replaced, the reference it is held to.
var (
	// "14. desember 2023", "14 desember 2023", "14. des. 2023"
	textDateRE = regexp.MustCompile(`(?i)\b(\d{1,2})\.?\s+(` + norsk.MonthPattern + `)\.?\s+(\d{4})\b`)
	// "14.12.2023", "14.12.23", "14/12/2023"
	numDateRE = regexp.MustCompile(`\b(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})\b`)
	// "2023-12-14"
	isoDateRE = regexp.MustCompile(`\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b`)
)

// scanDatesRE is scanDates by the regular expressions, as DateInText
// read dates before the scanner.
func scanDatesRE(s string) (text, num, iso dateHit) {
	text, num, iso = dateHit{at: -1}, dateHit{at: -1}, dateHit{at: -1}
	if m := textDateRE.FindStringSubmatchIndex(s); m != nil {
		d, ok := isoOf(atoi(s[m[6]:m[7]]), norsk.Month(strings.ToLower(s[m[4]:m[5]])), atoi(s[m[2]:m[3]]))
		text = dateHit{at: m[0], iso: d, ok: ok}
	}
	if m := numDateRE.FindStringSubmatchIndex(s); m != nil {
		d, ok := isoOf(atoi(s[m[6]:m[7]]), atoi(s[m[4]:m[5]]), atoi(s[m[2]:m[3]]))
		num = dateHit{at: m[0], iso: d, ok: ok}
	}
	if m := isoDateRE.FindStringSubmatchIndex(s); m != nil {
		d, ok := isoOf(atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]]))
		iso = dateHit{at: m[0], iso: d, ok: ok}
	}
	return text, num, iso
}

// dateCases cover every form the expressions accept and the ways each
// can fail to match or to be a date.
var dateCases = []string{
	"", "2023", "14", "Nytt fra etats-MBA 14. desember 2023", "14 desember 2023", "14. des. 2023",
	"14.des.2023", "14.  des .2023", "5. okt. 2021", "Møte 3 mars 2022", "3 mar. 2022", "3 mar 2022",
	"1. januar 2024", "1 jan 2024", "29. februar 2024", "29. februar 2023", "31. april 2023",
	"1. sept. 2020", "1. sep 2020", "1. september 2020", "1. septe 2020", "12. juni 1999", "12 jun 1989",
	"12 juli 2101", "12 jul. 2100", "12. mai 2023", "12. aug 2023", "12. august 2023", "12. nov. 2023",
	"12. oktober 2023", "12. okt 2023", "12. april 2023", "12. apr 2023", "12. feb 2023",
	"14. DESEMBER 2023", "14. Desember 2023", "14. deſember 2023", "14. o\u212Atober 2023",
	"14. o\u212Atober 20234", "14. oktober 2023a", "14. oktober 2023_", "14. oktober 2023ø",
	"114. desember 2023", "a14. desember 2023", "_14. desember 2023", "ø14. desember 2023",
	"14.\tdesember\n2023", "14.\vdesember 2023", "14.\u00a0desember 2023", "14desember 2023",
	"14. desember2023", "14. desember 023", "14. desemberr 2023", "00. desember 2023",
	"14.12.2023", "14.12.23", "14/12/2023", "1.2.24", "1/2/24", "14.12.202", "14.12.20231",
	"14.12.2023a", "114.12.2023", "14.123.2023", "14..12.2023", "14.12/2023", "31.02.2023",
	"x14.12.2023", "14.12.2", "14.12.", "14.", "1.1.1989", "1.1.1990", "1.1.99", "1.1.00",
	"2019-12-12", "møtet 2019-12-12 kl 10", "1999-01-31", "2101-01-01", "2019-12-1", "2019-12-123",
	"2019-1-12", "12019-12-12", "2019-12-12x", "x2019-12-12", "2019-13-01", "1899-12-12",
	"12. desember 2019, neste møte 16.01.2020", "31.02.2023 og 1. mars 2023", "31. februar 2023 og 1. mars 2023",
	"2023-02-31 2023-03-01", "16.01.2020 12. desember 2019", "2019-12-12 12.12.2019",
	"\xff14. desember 2023", "14. des\xffember 2023", "14. \xffdesember 2023", "1\xff4.12.2023",
	"ref 14.12.2023, 15. desember 2023, 2023-12-16", "12.12.2023-12-12",
}

func TestDateScanMatchesRegexp(t *testing.T) {
	for _, s := range dateCases {
		t.Run(s, func(t *testing.T) { checkDateScan(t, s) })
	}
}

// checkDateScan requires scanDates to find in s what the expressions
// find, and DateInText and isDateStart to answer as they did.
func checkDateScan(t *testing.T, s string) {
	t.Helper()
	gt, gn, gi := scanDates(s)
	wt, wn, wi := scanDatesRE(s)
	if gt != wt || gn != wn || gi != wi {
		t.Fatalf("scanDates(%q) = %+v %+v %+v, the expressions %+v %+v %+v", s, gt, gn, gi, wt, wn, wi)
	}
	gd, gok := DateInText(s)
	wd, wok := firstDate(wt, wn, wi)
	if gd != wd || gok != wok {
		t.Fatalf("DateInText(%q) = %q %v, want %q %v", s, gd, gok, wd, wok)
	}
	loc := textDateRE.FindStringIndex(s)
	if want := wok && loc != nil && loc[0] == 0; isDateStart(s) != want {
		t.Fatalf("isDateStart(%q) = %v, want %v", s, !want, want)
	}
}

// FuzzDateInText holds the scanner to the regular expressions.
func FuzzDateInText(f *testing.F) {
	for _, s := range dateCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkDateScan(t, s) })
}
