package ocr

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Causes of a failed recognition.
var (
	ErrUnavailable = errors.New("OCR is not available")
	ErrFailed      = errors.New("OCR failed")
)

// Programs and the Debian packages that hold them.
var packages = map[string]string{
	"tesseract": "tesseract-ocr",
	"pdftoppm":  "poppler-utils",
}

// command returns cmd to run name in its own process group, with a
// minimal environment, killed with its group when ctx ends and when the
// thread that started it dies.
func command(ctx context.Context, name string, args ...string) (*exec.Cmd, error) {
	path, err := exec.LookPath(name)
	if err != nil {
		return nil, fmt.Errorf("%w: %s is not installed (install the Debian package %s)", ErrUnavailable, name, packages[name])
	}
	cmd := exec.CommandContext(ctx, path, args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 2 * time.Second
	env := []string{"LANG=C.UTF-8", "OMP_THREAD_LIMIT=1"}
	for _, k := range []string{"PATH", "TESSDATA_PREFIX", "TMPDIR"} {
		if v, ok := os.LookupEnv(k); ok {
			env = append(env, k+"="+v)
		}
	}
	cmd.Env = env
	return cmd, nil
}

// run runs name with stdin and returns its standard output. A failure
// gives an error with the last line the program printed.
func run(ctx context.Context, stdin []byte, name string, args ...string) ([]byte, error) {
	cmd, err := command(ctx, name, args...)
	if err != nil {
		return nil, err
	}
	var out, errb bytes.Buffer
	cmd.Stdin = bytes.NewReader(stdin)
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run()
	if ctx.Err() != nil {
		return nil, fmt.Errorf("%s: %w", name, ctx.Err())
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v: %s", ErrFailed, name, err, lastLine(errb.String()))
	}
	return out.Bytes(), nil
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

// installed caches the languages of each tesseract program found.
var installed struct {
	sync.Mutex
	langs map[string]map[string]bool
}

// Check reports whether pages can be recognised in lang ("nor",
// "nor+eng"; "" is DefaultLang): pdftoppm and tesseract are installed and know every
// language. The error names the Debian packages to install.
func Check(ctx context.Context, lang string) error {
	if lang == "" {
		lang = DefaultLang
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		return fmt.Errorf("%w: pdftoppm is not installed (install the Debian package poppler-utils)", ErrUnavailable)
	}
	path, err := exec.LookPath("tesseract")
	if err != nil {
		return fmt.Errorf("%w: tesseract is not installed (install the Debian packages tesseract-ocr and %s)", ErrUnavailable, langPackages(lang))
	}
	installed.Lock()
	defer installed.Unlock()
	langs := installed.langs[path]
	if langs == nil {
		out, err := run(ctx, nil, "tesseract", "--list-langs")
		if err != nil {
			return err
		}
		langs = map[string]bool{}
		for _, l := range strings.Split(string(out), "\n") {
			langs[strings.TrimSpace(l)] = true
		}
		if installed.langs == nil {
			installed.langs = map[string]map[string]bool{}
		}
		installed.langs[path] = langs
	}
	for _, l := range strings.Split(lang, "+") {
		if !langs[l] {
			return fmt.Errorf("%w: Tesseract has no %q language data (install the Debian package tesseract-ocr-%s)", ErrUnavailable, l, l)
		}
	}
	return nil
}

func langPackages(lang string) string {
	var p []string
	for _, l := range strings.Split(lang, "+") {
		p = append(p, "tesseract-ocr-"+l)
	}
	return strings.Join(p, " ")
}

// ValidLang reports whether lang is one or more Tesseract language codes
// joined by "+" ("nor", "nor+eng"): lower-case letters and "_".
func ValidLang(lang string) bool {
	if lang == "" {
		return false
	}
	for _, l := range strings.Split(lang, "+") {
		if len(l) < 3 || strings.Trim(l, "abcdefghijklmnopqrstuvwxyz_") != "" {
			return false
		}
	}
	return true
}
