// Command cidgen writes the CID-to-Unicode tables of the Adobe character
// collections that package pdftext embeds (collections/*.z), from the
// Adobe-*-UCS2 CMaps of Adobe's cmap-resources (BSD-3-Clause; Debian's
// poppler-data installs them under /usr/share/poppler/cMap):
//
//	go run ./internal/pdftext/cidgen -cmaps /usr/share/poppler/cMap -out internal/pdftext/collections
//
// Each table is zlib-compressed rows in CID order: the CID's distance
// from the previous row's CID (uvarint), the number of UTF-16 units
// (one byte), and the units (big-endian uint16).
package main

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"flag"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
)

var (
	bfchar  = regexp.MustCompile(`^<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>$`)
	bfrange = regexp.MustCompile(`^<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>$`)
)

func main() {
	cmaps := flag.String("cmaps", "/usr/share/poppler/cMap", "folder of Adobe's CMaps (cmap-resources)")
	out := flag.String("out", "internal/pdftext/collections", "folder to write the tables to")
	flag.Parse()
	for _, c := range []string{"Japan1", "GB1", "CNS1", "Korea1"} {
		name := "Adobe-" + c
		m := read(filepath.Join(*cmaps, name, name+"-UCS2"))
		if err := os.WriteFile(filepath.Join(*out, name+".z"), encode(m), 0o644); err != nil {
			log.Fatal(err)
		}
		log.Printf("%s: %d CIDs", name, len(m))
	}
}

// read parses the bfchar and bfrange lines of a CID-to-UCS2 CMap.
func read(path string) map[int][]uint16 {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	m := map[int][]uint16{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := bytes.TrimSpace(sc.Bytes())
		if g := bfrange.FindSubmatch(line); g != nil {
			lo, hi, dst := hexInt(g[1]), hexInt(g[2]), units(g[3])
			for cid := lo; cid <= hi; cid++ {
				u := append([]uint16(nil), dst...)
				u[len(u)-1] += uint16(cid - lo)
				m[cid] = u
			}
		} else if g := bfchar.FindSubmatch(line); g != nil {
			m[hexInt(g[1])] = units(g[2])
		}
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	return m
}

func hexInt(b []byte) int {
	n, err := strconv.ParseUint(string(b), 16, 32)
	if err != nil {
		log.Fatal(err)
	}
	return int(n)
}

func units(b []byte) []uint16 {
	var u []uint16
	for i := 0; i+4 <= len(b); i += 4 {
		u = append(u, uint16(hexInt(b[i:i+4])))
	}
	return u
}

// encode writes the rows, zlib-compressed.
func encode(m map[int][]uint16) []byte {
	cids := make([]int, 0, len(m))
	for c := range m {
		cids = append(cids, c)
	}
	sort.Ints(cids)
	var raw []byte
	prev := 0
	for _, c := range cids {
		raw = binary.AppendUvarint(raw, uint64(c-prev))
		prev = c
		raw = append(raw, byte(len(m[c])))
		for _, u := range m[c] {
			raw = binary.BigEndian.AppendUint16(raw, u)
		}
	}
	var b bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&b, zlib.BestCompression)
	zw.Write(raw)
	zw.Close()
	return b.Bytes()
}
