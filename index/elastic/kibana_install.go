package elastic

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// ImportResult is Kibana's answer to POST /api/saved_objects/_import, with
// the fields its documentation describes (elastic/kibana
// docs/api/saved-objects/import.asciidoc, "Response body"): success,
// successCount, errors[] and successResults[].
type ImportResult struct {
	Success        bool            `json:"success"`
	SuccessCount   int             `json:"successCount"`
	Errors         []ImportError   `json:"errors"`
	SuccessResults []ImportSuccess `json:"successResults"`
}

// An ImportError is one object Kibana did not import.
type ImportError struct {
	ID    string `json:"id"`
	Type  string `json:"type"`
	Title string `json:"title"`
	Error struct {
		// Type is conflict, ambiguous_conflict, missing_references,
		// unsupported_type or unknown.
		Type string `json:"type"`
		// Message and StatusCode come with unknown.
		Message    string `json:"message"`
		StatusCode int    `json:"statusCode"`
		// DestinationID comes with conflict: the object in the way.
		DestinationID string `json:"destinationId"`
		// Destinations come with ambiguous_conflict: the objects in the way.
		Destinations []struct {
			ID string `json:"id"`
		} `json:"destinations"`
		// References come with missing_references.
		References []struct {
			Type string `json:"type"`
			ID   string `json:"id"`
		} `json:"references"`
	} `json:"error"`
}

// String renders the failure as one line: the object, what went wrong,
// and the detail Kibana gave.
func (e ImportError) String() string {
	s := e.Type + " " + e.ID
	if e.Title != "" {
		s += " «" + e.Title + "»"
	}
	s += ": " + e.Error.Type
	var detail []string
	for _, r := range e.Error.References {
		detail = append(detail, r.Type+"/"+r.ID)
	}
	if e.Error.DestinationID != "" {
		detail = append(detail, "in the way: "+e.Error.DestinationID)
	}
	for _, d := range e.Error.Destinations {
		detail = append(detail, "in the way: "+d.ID)
	}
	if e.Error.Message != "" {
		detail = append(detail, e.Error.Message)
	}
	if len(detail) > 0 {
		s += " (" + strings.Join(detail, ", ") + ")"
	}
	return strings.ReplaceAll(s, "\n", " ")
}

// An ImportSuccess is one object Kibana imported.
type ImportSuccess struct {
	ID            string `json:"id"`
	Type          string `json:"type"`
	DestinationID string `json:"destinationId"`
	Meta          struct {
		Title string `json:"title"`
		Icon  string `json:"icon"`
	} `json:"meta"`
}

// ErrKibanaURL is the cause of the error for a Kibana URL that is not an
// http or https URL with a host.
var ErrKibanaURL = errors.New("not a URL like https://kibana:5601")

// ImportFailedError reports that Kibana refused some of the objects; each
// is in Result.Errors.
type ImportFailedError struct {
	Where  string // Kibana's URL without credentials
	Result *ImportResult
}

func (e *ImportFailedError) Error() string {
	return fmt.Sprintf("kibana at %s imported %d saved objects and refused %d", e.Where, e.Result.SuccessCount, len(e.Result.Errors))
}

// DefaultKibanaTimeout is the time InstallKibana's request may take when
// Config.Timeout is zero.
const DefaultKibanaTimeout = time.Minute

// InstallKibana imports the saved objects into the Kibana at kibanaURL
// with overwrite, authenticating as cfg says (API key, or user and
// password; CACert for TLS) or as the URL's user information says; the
// request, answer included, may take cfg.Timeout (default
// DefaultKibanaTimeout). When
// Kibana refuses some objects the error is an *ImportFailedError holding
// the result. Neither errors nor results hold secrets.
func InstallKibana(ctx context.Context, kibanaURL string, cfg Config, ndjson []byte) (*ImportResult, error) {
	where := Redact(kibanaURL)
	if u, err := url.Parse(strings.TrimSpace(kibanaURL)); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("kibana URL %q: %w", where, ErrKibanaURL)
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, err := mw.CreateFormFile("file", "referat.ndjson")
	if err != nil {
		return nil, err
	}
	if _, err := fw.Write(ndjson); err != nil {
		return nil, err
	}
	if err := mw.Close(); err != nil {
		return nil, err
	}
	u := strings.TrimSuffix(strings.TrimSpace(kibanaURL), "/") + "/api/saved_objects/_import?overwrite=true"
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, &body)
	if err != nil {
		return nil, fmt.Errorf("kibana URL %s: %s", where, RedactText(err.Error()))
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("kbn-xsrf", "true")
	switch {
	case cfg.APIKey != "":
		req.Header.Set("Authorization", "ApiKey "+cfg.APIKey)
	case cfg.Username != "":
		req.SetBasicAuth(cfg.Username, cfg.Password)
	}
	tr, err := cfg.transport()
	if err != nil {
		return nil, err
	}
	timeout := cfg.Timeout
	if timeout <= 0 {
		timeout = DefaultKibanaTimeout
	}
	res, err := (&http.Client{Transport: tr, Timeout: timeout}).Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("kibana at %s is unreachable: %s", where, RedactText(err.Error()))
	}
	defer res.Body.Close()
	b, err := io.ReadAll(io.LimitReader(res.Body, 8<<20))
	if err != nil {
		return nil, fmt.Errorf("reading kibana's answer from %s: %w", where, err)
	}
	return importAnswer(where, res.StatusCode, b)
}

// importAnswer interprets Kibana's answer to an import.
func importAnswer(where string, status int, b []byte) (*ImportResult, error) {
	switch {
	case status == http.StatusUnauthorized || status == http.StatusForbidden:
		return nil, fmt.Errorf("kibana at %s refused the credentials (%d); check ELASTICSEARCH_API_KEY, or ELASTICSEARCH_USERNAME and ELASTICSEARCH_PASSWORD", where, status)
	case status != http.StatusOK:
		// Kibana's errors are {"statusCode":400,"error":"Bad Request","message":"…"}.
		var e struct {
			Error, Message string
		}
		if json.Unmarshal(b, &e) == nil && e.Message != "" {
			return nil, fmt.Errorf("kibana at %s refused the import (%d %s): %s", where, status, e.Error, RedactText(e.Message))
		}
		return nil, fmt.Errorf("kibana at %s answered %d: %.200s", where, status, RedactText(string(b)))
	}
	var r ImportResult
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("kibana at %s answered with something that is not an import result: %w", where, err)
	}
	if !r.Success || len(r.Errors) > 0 {
		return &r, &ImportFailedError{Where: where, Result: &r}
	}
	return &r, nil
}
