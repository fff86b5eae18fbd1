package pipeline

// An OCRProgress is a Progress that also hears how many pages of each
// file were recognised by OCR (scanned pages, seconds each, where text
// pages take milliseconds): Run calls OCRPages just before File, from the
// same goroutine, when Options.Progress implements it.
type OCRProgress interface {
	Progress
	OCRPages(n int) // of the pages of the next File, those recognised by OCR
}
