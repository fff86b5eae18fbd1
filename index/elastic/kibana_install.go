package elastic

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"time"
)

// ImportResult is Kibana's answer to an import.
type ImportResult struct {
	Success      bool `json:"success"`
	SuccessCount int  `json:"successCount"`
	Errors       []struct {
		ID    string `json:"id"`
		Type  string `json:"type"`
		Error struct {
			Type string `json:"type"`
		} `json:"error"`
	} `json:"errors"`
}

// InstallKibana imports the saved objects into the Kibana at kibanaURL
// with overwrite, authenticating as cfg says (API key, or user and
// password; CACert for TLS). Secrets are never in errors.
func InstallKibana(ctx context.Context, kibanaURL string, cfg Config, ndjson []byte) (*ImportResult, error) {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, err := mw.CreateFormFile("file", "referat.ndjson")
	if err != nil {
		return nil, err
	}
	fw.Write(ndjson)
	mw.Close()
	u := strings.TrimSuffix(kibanaURL, "/") + "/api/saved_objects/_import?overwrite=true"
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, &body)
	if err != nil {
		return nil, fmt.Errorf("kibana URL %s: %w", Redact(kibanaURL), err)
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
	res, err := (&http.Client{Transport: tr, Timeout: time.Minute}).Do(req)
	if err != nil {
		return nil, fmt.Errorf("kibana at %s is unreachable: %s", Redact(kibanaURL), redactMessage(err.Error()))
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(res.Body, 1<<20))
	if res.StatusCode == 401 || res.StatusCode == 403 {
		return nil, fmt.Errorf("kibana at %s refused the credentials (%d)", Redact(kibanaURL), res.StatusCode)
	}
	if res.StatusCode != 200 {
		return nil, fmt.Errorf("kibana at %s answered %d: %.200s", Redact(kibanaURL), res.StatusCode, b)
	}
	var r ImportResult
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("kibana's answer is not JSON: %w", err)
	}
	if !r.Success {
		var parts []string
		for _, e := range r.Errors {
			parts = append(parts, e.Type+"/"+e.ID+": "+e.Error.Type)
		}
		return &r, fmt.Errorf("kibana imported %d objects and refused %d: %s", r.SuccessCount, len(r.Errors), strings.Join(parts, "; "))
	}
	return &r, nil
}
