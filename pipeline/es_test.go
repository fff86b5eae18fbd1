package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ntlnav/referat/index/elastic"
	"github.com/ntlnav/referat/internal/estest"
	"github.com/ntlnav/referat/internal/pipetest"
)

// esCases returns the cases and the meetings Elasticsearch holds.
func esCases(t *testing.T, ctx context.Context) (int, int) {
	es := estest.Client(t)
	n, err := elastic.Count(ctx, es, elastic.Cases, nil)
	if err != nil {
		t.Fatal(err)
	}
	m, err := elastic.Count(ctx, es, elastic.Meetings, nil)
	if err != nil {
		t.Fatal(err)
	}
	return n, m
}

// helper returns a helper process that does one Run (see TestMain), in
// its own process group, so that killing the group kills its workers too.
func helper(t *testing.T, rs runSpec) *exec.Cmd {
	spec, err := json.Marshal(rs)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), envRun+"="+string(spec))
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	return cmd
}

// TestKilled kills runs with SIGKILL at random points; the next run must
// complete, and the store and Elasticsearch must hold every case exactly
// once. A run that can be killed needs a process of its own: the test
// binary re-executed, doing one Run (TestMain), rather than the referat
// binary, which would have to be built first and would test the command
// line as well.
func TestKilled(t *testing.T) {
	url := estest.URL(t)
	es := estest.Client(t)
	estest.Reset(t, es)
	dir, names := pipetest.CorpusDir(t, pdfs, 16)
	db := tempStore(t)
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	rs := runSpec{Store: db, ESURL: url, Paths: []string{dir}}
	kills := 10
	for i := 0; i < kills; i++ {
		cmd := helper(t, rs)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Intn(1500)) * time.Millisecond)
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // the run and its workers
		cmd.Wait()
		if i%3 == 2 { // a file changes between runs, too
			other, _ := os.ReadFile(filepath.Join(pdfs, "ghostscript", "2019-12-12.pdf"))
			os.WriteFile(names[i], append(other, []byte(fmt.Sprintf("\n%% v%d\n%%%%EOF\n", i))...), 0o644)
		}
	}
	out, err := helper(t, rs).Output()
	if err != nil {
		t.Fatalf("the run after the kills: %v\n%s", err, out)
	}
	var s Summary
	json.Unmarshal(out, &s)
	// 16 meetings, but three files became copies of the first one's
	// meeting (another producer's file): 13 meetings.
	if s.Meetings != 13 || s.ES == nil || s.ES.Pending != 0 || s.ES.Error != "" {
		t.Fatalf("after %d kills: %+v %+v", kills, s, s.ES)
	}
	wantCases, _ := storeCases(t, db)
	gotCases, gotMeetings := esCases(t, context.Background())
	if gotCases != wantCases || gotMeetings != 13 || wantCases != s.Cases {
		t.Errorf("Elasticsearch has %d cases and %d meetings; the store %d cases (summary %d), 13 meetings", gotCases, gotMeetings, wantCases, s.Cases)
	}
}

// proxy forwards loopback connections to the Elasticsearch node until
// closed: closing it is Elasticsearch going away in the middle of a run.
// With dieOn set, it closes itself when a request holding that text comes
// (the first bulk request, say), so the outage lands at the same point in
// every run.
type proxy struct {
	ln    net.Listener
	mu    sync.Mutex
	conns []net.Conn
	dieOn string
	// With freezeOn set, a request holding that text is not forwarded and
	// its connection stays open and silent: the node froze.
	freezeOn string
}

func newProxy(t *testing.T, target string) *proxy {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{ln: ln}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			u, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, u)
			p.mu.Unlock()
			go p.forward(c, u)
			go func() { io.Copy(c, u); c.Close() }()
		}
	}()
	return p
}

// forward copies requests from c to u, until dieOn comes.
func (p *proxy) forward(c, u net.Conn) {
	buf := make([]byte, 32<<10)
	for {
		n, err := c.Read(buf)
		if n > 0 && p.dieOn != "" && strings.Contains(string(buf[:n]), p.dieOn) {
			p.Close()
			return
		}
		if n > 0 && p.freezeOn != "" && strings.Contains(string(buf[:n]), p.freezeOn) {
			io.Copy(io.Discard, c)
			break
		}
		if n > 0 {
			if _, werr := u.Write(buf[:n]); werr != nil {
				break
			}
		}
		if err != nil {
			break
		}
	}
	u.Close()
}

func (p *proxy) URL() string { return "http://" + p.ln.Addr().String() }

func (p *proxy) Close() {
	p.ln.Close()
	p.mu.Lock()
	for _, c := range p.conns {
		c.Close()
	}
	p.mu.Unlock()
}

func TestElasticsearchDown(t *testing.T) {
	url := estest.URL(t)
	es := estest.Client(t)
	estest.Reset(t, es)
	host := strings.TrimPrefix(strings.TrimPrefix(url, "http://"), "https://")
	p := newProxy(t, strings.TrimSuffix(host, "/"))
	p.dieOn = "/_bulk" // Elasticsearch goes away when the documents are sent
	dir, _ := pipetest.CorpusDir(t, pdfs, 6)
	db := tempStore(t)
	ctx := context.Background()
	s, err := runT(t, ctx, options(db, p.URL(), dir))
	var down *ESError
	if !errors.As(err, &down) || s.ES == nil || s.ES.Pending != 6 || s.Meetings != 6 || down.Pending != 6 {
		t.Fatalf("while down: %v, %+v %+v", err, s, s.ES)
	}
	// Elasticsearch is back: the next run sends what was pending, once.
	s, err = runT(t, ctx, options(db, url, dir))
	if err != nil || s.ES.Pending != 0 || s.PagesParsed != 0 {
		t.Fatalf("after: %v, %+v %+v", err, s, s.ES)
	}
	wantCases, _ := storeCases(t, db)
	if got, meetings := esCases(t, ctx); got != wantCases || meetings != 6 {
		t.Errorf("Elasticsearch has %d cases, %d meetings; want %d and 6", got, meetings, wantCases)
	}
	// And a third run sends nothing again.
	s, _ = runT(t, ctx, options(db, url, dir))
	if s.ES.Indexed != 0 {
		t.Errorf("third run indexed %d documents again", s.ES.Indexed)
	}
}
