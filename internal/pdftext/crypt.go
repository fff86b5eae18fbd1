package pdftext

import (
	"bytes"
	"regexp"
	"slices"
	"strconv"
)

// Encryption dictionaries that pdfcpu, which decrypts for us, reads
// wrongly (PDF 32000-1 §7.6.5, crypt filters):
//
//   - /StmF /Identity (or no /StmF in a version 4 or 5 handler, which
//     means the same): streams are not encrypted, but pdfcpu decrypts
//     them all the same and gets garbage. The file is then read as a
//     plain one, its /Encrypt reference blanked out (same length, so the
//     offsets hold); strings encrypted by /StrF (document information,
//     form values) stay encrypted, which costs less than every page.
//   - /CF as an indirect object: pdfcpu looks for a direct dictionary
//     and gives up. It is copied in place and the cross-reference table
//     rebuilt.

var (
	encryptRef = regexp.MustCompile(`/Encrypt\s+(\d+)\s+(\d+)\s+R`)
	cfRef      = regexp.MustCompile(`/CF\s+(\d+)\s+(\d+)\s+R`)
	versionKey = regexp.MustCompile(`/V\s+(\d+)`)
	stmfKey    = regexp.MustCompile(`/StmF\s*/([^\s/<>\[\]()]+)`)
)

// mendEncryption returns data with the encryption dictionary made
// readable by pdfcpu, or in the clear when its streams are.
func mendEncryption(data []byte) []byte {
	refs := encryptRef.FindAllSubmatchIndex(data, -1)
	if len(refs) == 0 {
		return data
	}
	last := refs[len(refs)-1]
	s, e, ok := objectBody(data, data[last[2]:last[3]], data[last[4]:last[5]])
	if !ok {
		return data
	}
	dict := data[s:e]
	if streamsInClear(dict) {
		out := bytes.Clone(data)
		for _, r := range refs {
			for i := r[0]; i < r[1]; i++ {
				out[i] = ' '
			}
		}
		return out
	}
	m := cfRef.FindSubmatchIndex(dict)
	if m == nil {
		return data
	}
	cs, ce, ok := objectBody(data, dict[m[2]:m[3]], dict[m[4]:m[5]])
	if !ok {
		return data
	}
	var b bytes.Buffer
	b.Write(data[:s+m[0]])
	b.WriteString("/CF ")
	b.Write(data[cs:ce])
	b.Write(data[s+m[1]:])
	rebuilt, err := rebuildXref(b.Bytes())
	if err != nil {
		return data
	}
	// The rebuilt trailer (or cross-reference stream) is the last thing
	// in the file; it names no /Encrypt yet.
	at := bytes.LastIndex(rebuilt, []byte("/Size "))
	if at < 0 {
		return data
	}
	return slices.Concat(rebuilt[:at], data[last[0]:last[1]], []byte(" "), rebuilt[at:])
}

// streamsInClear reports whether an encryption dictionary leaves streams
// unencrypted: a version 4 or 5 handler whose /StmF is /Identity or
// missing.
func streamsInClear(dict []byte) bool {
	v := versionKey.FindSubmatch(dict)
	if v == nil {
		return false
	}
	if n, _ := strconv.Atoi(string(v[1])); n < 4 {
		return false
	}
	f := stmfKey.FindSubmatch(dict)
	return f == nil || string(f[1]) == "Identity"
}

// objectBody returns the bounds of the body of object num gen (between
// "obj" and "endobj") at its last definition in data.
func objectBody(data, num, gen []byte) (start, end int, ok bool) {
	head := regexp.MustCompile(`(?:^|[^0-9])` + regexp.QuoteMeta(string(num)) + `\s+` + regexp.QuoteMeta(string(gen)) + `\s+obj\b`)
	ms := head.FindAllIndex(data, -1)
	if len(ms) == 0 {
		return 0, 0, false
	}
	start = ms[len(ms)-1][1]
	n := bytes.Index(data[start:], []byte("endobj"))
	if n < 0 {
		return 0, 0, false
	}
	return start, start + n, true
}
