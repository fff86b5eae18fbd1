package elastic_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ntlnav/referat/index"
	"github.com/ntlnav/referat/index/elastic"
	"github.com/ntlnav/referat/internal/estest"
)

// TestFrozenNode: requests to a node that never answers, or answers the
// headers and then stalls the body, end with an error that matches
// ErrUnreachable (not an interruption), once the request timeout passed.
func TestFrozenNode(t *testing.T) {
	tests := []struct {
		name    string
		headers string
	}{
		{name: "no answer", headers: ""},
		{name: "headers then nothing", headers: estest.StallBody},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			url := "http://elastic:PW@" + estest.Frozen(t, tt.headers)
			es, err := elastic.NewClient(elastic.Config{URLs: []string{url}, Timeout: 500 * time.Millisecond})
			if err != nil {
				t.Fatal(err)
			}
			// A generous bound: the test must end, however loaded the machine.
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
			defer cancel()
			err = elastic.Ping(ctx, es)
			var na *elastic.NoAnswerError
			if !errors.Is(err, elastic.ErrUnreachable) || !errors.As(err, &na) || ctx.Err() != nil {
				t.Errorf("ping: %v; want ErrUnreachable, a NoAnswerError", err)
			}
			w := &elastic.Writer{Client: es}
			acts := []index.Action{{Index: elastic.Cases, ID: "a", Doc: []byte(`{}`)}, {Index: elastic.Cases, ID: "b", Doc: []byte(`{}`)}}
			_, fails, err := w.Write(ctx, acts)
			if !errors.Is(err, elastic.ErrUnreachable) || errors.Is(err, context.Canceled) || len(fails) != len(acts) || ctx.Err() != nil {
				t.Errorf("write: %v, %d failures; want ErrUnreachable and both actions failed", err, len(fails))
			}
			if err != nil && strings.Contains(err.Error(), "PW") {
				t.Errorf("the error shows the password: %v", err)
			}
		})
	}
}
