// Command readbench reads PDFs with pdftext.Read, in this process, N
// times over, and prints the pages read and the CPU time (user+sys) it
// took. Built from two commits, it compares their extractors' speed on
// the same files (scripts/bench-families.py alternates two such builds
// over the producer families of a torture report):
//
//	go build -o /tmp/readbench-new ./internal/testpdf/readbench
//	/tmp/readbench-new 3 FILE.pdf...
//
// Output, one line: "PAGES pages CPU_SECONDS s". Files that cannot be
// read count no pages.
package main

import (
	"context"
	"fmt"
	"os"
	"strconv"

	"github.com/ntlnav/referat/internal/cputime"
	"github.com/ntlnav/referat/internal/pdftext"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: readbench PASSES FILE.pdf...")
		os.Exit(2)
	}
	passes, err := strconv.Atoi(os.Args[1])
	if err != nil || passes < 1 {
		fmt.Fprintln(os.Stderr, "readbench: PASSES must be a positive number")
		os.Exit(2)
	}
	var datas [][]byte
	for _, f := range os.Args[2:] {
		d, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintln(os.Stderr, "readbench:", err)
			os.Exit(1)
		}
		datas = append(datas, d)
	}
	start := cpu()
	pages := 0
	for range passes {
		for _, d := range datas {
			if doc, err := pdftext.Read(context.Background(), d, pdftext.Options{}); err == nil {
				pages += len(doc.Pages)
			}
		}
	}
	fmt.Printf("%d pages %.3f s\n", pages, cpu()-start)
}

// cpu returns the process's user and system time so far, in seconds.
func cpu() float64 {
	d, err := cputime.Self()
	if err != nil {
		fmt.Fprintln(os.Stderr, "readbench:", err)
		os.Exit(1)
	}
	return d.Seconds()
}
