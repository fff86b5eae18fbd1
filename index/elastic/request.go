package elastic

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/elastic/go-elasticsearch/v8"
	"github.com/elastic/go-elasticsearch/v8/esapi"
)

// An APIError is an error answer from Elasticsearch.
type APIError struct {
	Status int
	Type   string // the error type Elasticsearch gives, such as "index_not_found_exception"
	Reason string
}

func (e *APIError) Error() string {
	if e.Status == http.StatusUnauthorized || e.Status == http.StatusForbidden {
		return fmt.Sprintf("%v (%d %s)", ErrUnauthorized, e.Status, e.Type)
	}
	if e.Type == "" {
		return fmt.Sprintf("elasticsearch answered %d", e.Status)
	}
	return fmt.Sprintf("elasticsearch answered %d: %s: %s", e.Status, e.Type, e.Reason)
}

// Unwrap makes 401 and 403 match ErrUnauthorized.
func (e *APIError) Unwrap() error {
	if e.Status == http.StatusUnauthorized || e.Status == http.StatusForbidden {
		return ErrUnauthorized
	}
	return nil
}

// do performs req and returns the body of a 2xx answer. A transport failure
// wraps ErrUnreachable; an error answer is an *APIError.
func do(ctx context.Context, es *elasticsearch.Client, req esapi.Request) ([]byte, error) {
	res, err := req.Do(ctx, es)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, unreachable("", err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, unreachable("reading the answer: ", err)
	}
	if res.StatusCode >= 300 {
		return body, apiError(res.StatusCode, body)
	}
	return body, nil
}

func apiError(status int, body []byte) *APIError {
	e := &APIError{Status: status}
	var v struct {
		Error json.RawMessage `json:"error"`
	}
	if json.Unmarshal(body, &v) == nil && len(v.Error) > 0 {
		var d struct {
			Type   string `json:"type"`
			Reason string `json:"reason"`
		}
		if json.Unmarshal(v.Error, &d) == nil && d.Type != "" {
			e.Type, e.Reason = d.Type, d.Reason
		} else {
			e.Reason = strings.Trim(string(v.Error), `"`)
		}
	}
	return e
}

// unreachable wraps a transport error in ErrUnreachable, keeping a
// NoAnswerError matchable and credentials out of the message.
func unreachable(what string, err error) error {
	var na *NoAnswerError
	if errors.As(err, &na) {
		return fmt.Errorf("%w: %s%w", ErrUnreachable, what, na)
	}
	return fmt.Errorf("%w: %s%s", ErrUnreachable, what, RedactText(err.Error()))
}

// Ping checks that the cluster answers and accepts the credentials.
func Ping(ctx context.Context, es *elasticsearch.Client) error {
	_, err := do(ctx, es, esapi.ClusterHealthRequest{})
	return err
}

// IsNotFound reports whether err is a 404 answer.
func IsNotFound(err error) bool {
	var e *APIError
	return errors.As(err, &e) && e.Status == http.StatusNotFound
}

func asAPIError(err error, target **APIError) bool { return errors.As(err, target) }
