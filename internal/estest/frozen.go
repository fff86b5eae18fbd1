package estest

import (
	"net"
	"sync"
	"testing"
)

// StallBody is what Frozen answers to stall in the middle of an answer:
// the headers of an Elasticsearch answer of 1000 bytes and the first few.
const StallBody = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Elastic-Product: Elasticsearch\r\nContent-Length: 1000\r\n\r\n{\"took\""

// Frozen listens on a loopback port and accepts connections, and returns
// its address (host:port). It reads each connection's first request and
// answers it with answer, then reads on and answers nothing more; with
// answer "" it never answers. It stands for a frozen node or a
// black-holed proxy: a real socket, no Elasticsearch API. It closes when
// the test ends.
func Frozen(t testing.TB, answer string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			c.Close()
		}
	})
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
			go func() {
				buf := make([]byte, 64<<10)
				if _, err := c.Read(buf); err == nil && answer != "" {
					c.Write([]byte(answer))
				}
				for {
					if _, err := c.Read(buf); err != nil {
						return
					}
				}
			}()
		}
	}()
	return ln.Addr().String()
}
