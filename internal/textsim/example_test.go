package textsim_test

import (
	"fmt"
	"strings"

	"github.com/ntlnav/referat/internal/textsim"
)

// Two columns read line by line across the page keep every word but lose
// the order, and score far below the text read column by column.
func ExampleWordF1() {
	columns := strings.Fields("NTL ba om en oversikt Arbeidsgiver svarte at den kommer")
	interleaved := strings.Fields("NTL ba Arbeidsgiver svarte om en at den oversikt kommer")
	fmt.Printf("%.2f %.2f\n", textsim.WordF1(columns, columns), textsim.WordF1(columns, interleaved))
	// Output: 1.00 0.70
}
