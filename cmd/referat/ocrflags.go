package main

import (
	"time"

	"github.com/urfave/cli/v2"

	"github.com/ntlnav/referat/ingest"
)

// The OCR options of extract and ingest.
func init() {
	options["ocr"] = option{accepts: fixed("auto, always or never"), check: oneOf(ingest.OCRAuto, ingest.OCRAlways, ingest.OCRNever), syntax: true}
	options["ocr-lang"] = option{accepts: fixed("Tesseract language codes joined by +, such as nor or nor+eng"), check: checkOCRLang, syntax: true}
	options["ocr-timeout"] = options["timeout"]
}

func ocrFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "ocr", Value: ingest.OCRAuto, Usage: "when to recognise pages by OCR (Tesseract), `MODE` auto (pages without text), always (every page) or never"},
		&cli.StringFlag{Name: "ocr-lang", Value: "nor", Usage: "Tesseract's `LANGUAGES` for OCR, joined by + (nor+eng)"},
		&cli.DurationFlag{Name: "ocr-timeout", Value: ingest.DefaultOCRTimeout, Usage: "`DURATION` allowed to recognise one page"},
	}
}

// ocrOptions are the OCR settings given on the command line.
type ocrOptions struct {
	mode    string        // default "auto"
	lang    string        // default "nor"
	timeout time.Duration // per page; default 60s
}

func ocrFrom(c *cli.Context) ocrOptions {
	return ocrOptions{mode: c.String("ocr"), lang: c.String("ocr-lang"), timeout: c.Duration("ocr-timeout")}
}

func checkOCRLang(_ *values, s string) (string, error) {
	if !ingest.ValidOCRLang(s) {
		return "", errBad
	}
	return s, nil
}
