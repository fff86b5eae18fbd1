package elastic

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"
)

// A NoAnswerError is a request that got no complete answer within the
// request timeout (Config.Timeout): the node accepted the connection and
// then went quiet, before the headers or in the middle of the body. It
// matches ErrUnreachable.
type NoAnswerError struct {
	After time.Duration
}

func (e *NoAnswerError) Error() string {
	return fmt.Sprintf("no answer within %s (a frozen node or proxy? the limit is --es-timeout)", e.After)
}

// Is makes a NoAnswerError match ErrUnreachable.
func (e *NoAnswerError) Is(target error) bool { return target == ErrUnreachable }

// Timeout reports true, as net.Error does for timeouts.
func (e *NoAnswerError) Timeout() bool { return true }

// deadline is an http.RoundTripper that gives each request timeout to be
// sent and answered, body included.
type deadline struct {
	next    http.RoundTripper
	timeout time.Duration
}

var errDeadline = errors.New("request deadline")

func (d *deadline) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx, cancel := context.WithTimeoutCause(req.Context(), d.timeout, errDeadline)
	res, err := d.next.RoundTrip(req.WithContext(ctx))
	if err != nil {
		timedOut := context.Cause(ctx) == errDeadline
		cancel()
		if timedOut {
			return nil, &NoAnswerError{After: d.timeout}
		}
		return nil, err
	}
	res.Body = &deadlineBody{ReadCloser: res.Body, ctx: ctx, cancel: cancel, timeout: d.timeout}
	return res, nil
}

// A deadlineBody is the body of an answer whose request has a deadline:
// reading it fails with a NoAnswerError when the deadline passes, and
// closing it releases the deadline's timer.
type deadlineBody struct {
	io.ReadCloser
	ctx     context.Context
	cancel  context.CancelFunc
	timeout time.Duration
}

func (b *deadlineBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err != nil && err != io.EOF && context.Cause(b.ctx) == errDeadline {
		err = &NoAnswerError{After: b.timeout}
	}
	return n, err
}

func (b *deadlineBody) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}

// retryOnError says which failed requests the client sends again: not
// those that timed out (a frozen node would not answer again, and each
// retry would cost another timeout), nor those whose caller gave up.
func retryOnError(req *http.Request, err error) bool {
	var na *NoAnswerError
	return !errors.As(err, &na) && req.Context().Err() == nil
}
