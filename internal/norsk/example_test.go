package norsk_test

import (
	"fmt"

	"github.com/ntlnav/referat/internal/norsk"
)

func ExampleMonth() {
	fmt.Println(norsk.Month("desember"), norsk.Month("sept"), norsk.Month("des"), norsk.Month("dec"))
	// Output: 12 9 12 0
}

func ExampleIsStopWord() {
	for _, w := range []string{"og", "ikkje", "arbeid", "budsjett"} {
		fmt.Println(w, norsk.IsStopWord(w))
	}
	// Output:
	// og true
	// ikkje true
	// arbeid false
	// budsjett false
}
