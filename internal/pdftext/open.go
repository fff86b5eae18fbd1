package pdftext

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"strings"

	"github.com/ledongthuc/pdf"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

func init() {
	// pdfcpu would otherwise write a configuration file to the user's
	// config folder on first use.
	model.ConfigPath = "disable"
}

// prepare turns the bytes of a file into bytes ledongthuc/pdf accepts:
// junk before the header is cut, a %PDF-2.0 (or odd) header is given a form
// the library takes, bytes after the last %%EOF are dropped, and encrypted
// files are decrypted in memory; streams in filters ledongthuc/pdf lacks
// are written decoded (decodeOddFilters). It returns ErrEmpty, ErrNotPDF,
// ErrEncrypted or ErrDamaged.
//
// The Info of a decrypted file is the file's own, read before pdfcpu
// writes its name as the producer; nil for a file that was not encrypted.
func prepare(data []byte, password string) (_ []byte, orig *Info, err error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil, ErrEmpty
	}
	head := data[:min(len(data), 1024)]
	at := bytes.Index(head, []byte("%PDF-"))
	if at < 0 {
		return nil, nil, fmt.Errorf("%w: %s", ErrNotPDF, sniff(data))
	}
	data = data[at:]
	if len(data) < 9 || data[5] != '1' || data[7] > '7' || data[8] != '\n' && data[8] != '\r' {
		fixed := make([]byte, len(data))
		copy(fixed, data)
		copy(fixed, "%PDF-1.7\n")
		data = fixed
	}
	if end := bytes.LastIndex(data, []byte("%%EOF")); end >= 0 {
		data = data[:end+5]
	} else {
		// Reading what is left of a truncated file would silently lose
		// the rest of the minutes.
		return nil, nil, fmt.Errorf("%w: the file is truncated (it does not end with %%%%EOF)", ErrDamaged)
	}
	// A file that does not look encrypted is left as it is, and so is
	// asked once (each asking may search the whole file).
	if isEncrypted(data) {
		data = mendEncryption(data) // crypt.go
		if isEncrypted(data) {
			if data, orig, err = decrypt(data, password); err != nil {
				return nil, nil, err
			}
		}
	}
	if mayHaveOddFilters(data) {
		if decoded, ok := decodeOddFilters(data); ok {
			if rebuilt, err := rebuildXref(decoded); err == nil {
				data = rebuilt
			}
		}
	}
	return data, orig, nil
}

// sniff names common non-PDF contents, for the error message.
func sniff(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return "it is a ZIP archive (a Word or OpenDocument file?)"
	case bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0")):
		return "it is an old Microsoft Office document"
	case bytes.HasPrefix(data, []byte("\x89PNG")), bytes.HasPrefix(data, []byte("\xFF\xD8\xFF")):
		return "it is an image"
	case bytes.HasPrefix(bytes.TrimSpace(data), []byte("<")):
		return "it is HTML or XML"
	}
	return "no %PDF- header"
}

// isEncrypted reports whether the file's trailer names an encryption
// dictionary.
func isEncrypted(data []byte) bool {
	tail := data[max(0, len(data)-4096):]
	if bytes.Contains(tail, []byte("/Encrypt")) {
		return true
	}
	// Cross-reference streams keep the trailer in a stream dictionary
	// that may sit anywhere.
	return bytes.Contains(data, []byte("/Encrypt")) &&
		(bytes.Contains(data, []byte("/Filter/Standard")) || bytes.Contains(data, []byte("/Filter /Standard")))
}

func pdfcpuConf(password string) *model.Configuration {
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	conf.UserPW = password
	conf.OwnerPW = password
	return conf
}

// decrypt removes the encryption of data with a well-kept library, which
// handles RC4, AES-128 and AES-256 (revisions 2–6, crypt filters, empty
// owner passwords) alike. A file with only an owner password opens with
// the empty user password. It returns the file's own Info too, as pdfcpu
// writes its own name as the producer.
func decrypt(data []byte, password string) (out []byte, orig *Info, err error) {
	defer recoverAs(&err, "decrypting")
	conf := pdfcpuConf(password)
	conf.Cmd = model.DECRYPT
	ctx, err := api.ReadValidateAndOptimize(bytes.NewReader(data), conf)
	if err != nil {
		if errors.Is(err, pdfcpu.ErrWrongPassword) || strings.Contains(err.Error(), "password") {
			if password != "" {
				return nil, nil, fmt.Errorf("%w: the password given does not open the file", ErrEncrypted)
			}
			return nil, nil, fmt.Errorf("%w: the file is protected by a user password", ErrEncrypted)
		}
		return nil, nil, fmt.Errorf("%w: cannot decrypt: %v", ErrDamaged, shortErr(err))
	}
	orig = &Info{Producer: strings.TrimSpace(ctx.XRefTable.Producer), CreationDate: ctx.XRefTable.CreationDate}
	var buf bytes.Buffer
	if err := api.WriteContext(ctx, &buf); err != nil {
		return nil, nil, fmt.Errorf("%w: cannot decrypt: %v", ErrDamaged, shortErr(err))
	}
	return buf.Bytes(), orig, nil
}

// repair rewrites data with pdfcpu, which rebuilds a damaged
// cross-reference table from the objects it finds.
func repair(data []byte, password, why string) (out []byte, err error) {
	defer recoverAs(&err, "repairing")
	conf := pdfcpuConf(password)
	ctx, err := api.ReadContext(bytes.NewReader(data), conf)
	if err != nil {
		if errors.Is(err, pdfcpu.ErrWrongPassword) {
			return nil, fmt.Errorf("%w: the file is protected by a user password", ErrEncrypted)
		}
		return nil, fmt.Errorf("%w: %s, and it cannot be repaired: %v", ErrDamaged, why, shortErr(err))
	}
	var buf bytes.Buffer
	if ctx.E != nil {
		ctx.E = nil // write it decrypted
	}
	if err := api.WriteContext(ctx, &buf); err != nil {
		return nil, fmt.Errorf("%w: %s, and it cannot be repaired: %v", ErrDamaged, why, shortErr(err))
	}
	return buf.Bytes(), nil
}

// shortErr keeps the first line of an error from a library, cut to a
// length that fits in one line of a report.
func shortErr(err error) string {
	s := err.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	s = oneLine(s)
	if len(s) > 160 {
		s = strings.ToValidUTF8(s[:160], "") + "…"
	}
	return s
}

// recoverAs turns a panic in a PDF library into ErrDamaged. Runtime
// errors are reported the same way: to the user the file is damaged either
// way, and the worker boundary is what keeps the process safe.
func recoverAs(err *error, doing string) {
	if r := recover(); r != nil {
		*err = damaged(r, doing)
	}
}

// damaged describes a recovered panic r as ErrDamaged.
func damaged(r any, doing string) error {
	var msg string
	switch r := r.(type) {
	case runtime.Error:
		msg = r.Error()
	case error:
		msg = r.Error()
	default:
		msg = fmt.Sprint(r)
	}
	return fmt.Errorf("%w: %s: %s", ErrDamaged, doing, shortErr(errors.New(msg)))
}

// openReader opens prepared bytes with ledongthuc/pdf, falling back to a
// repaired copy when the library cannot read the structure.
func openReader(data []byte, password string) (r *pdf.Reader, pages pdf.Value, used []byte, err error) {
	r, pages, err = openPages(data)
	if err == nil {
		return r, pages, data, nil
	}
	if rebuilt, rerr := rebuildXref(data); rerr == nil {
		if r, pages, rerr := openPages(rebuilt); rerr == nil {
			return r, pages, rebuilt, nil
		}
	}
	fixed, rerr := repair(data, password, fmt.Sprintf("the structure is broken (%s)", shortErr(err)))
	if rerr != nil {
		return nil, pdf.Value{}, nil, rerr
	}
	r, pages, err = openPages(fixed)
	if err != nil {
		return nil, pdf.Value{}, nil, fmt.Errorf("%w: %s", ErrDamaged, shortErr(err))
	}
	return r, pages, fixed, nil
}

func newReader(data []byte) (*pdf.Reader, error) {
	r, _, err := openPages(data)
	return r, err
}

// openPages opens data and returns the root of its page tree, which must
// be a dictionary, as pageTree would read it again.
func openPages(data []byte) (r *pdf.Reader, pages pdf.Value, err error) {
	defer recoverAs(&err, "opening")
	r, err = pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err == nil {
		if pages = r.Trailer().Key("Root").Key("Pages"); pages.Kind() != pdf.Dict {
			return nil, pdf.Value{}, errors.New("no page tree")
		}
	}
	return r, pages, err
}
