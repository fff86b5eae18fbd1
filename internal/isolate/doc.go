// Package isolate runs jobs in child processes, so that a job that
// panics, loops or dies of a Go fatal error (which no recover catches)
// fails alone instead of taking the caller with it.
//
// A Pool starts workers with a Command the caller gives (usually the
// program itself, re-executed), writes each job to a worker as one line of
// JSON and reads back one line of JSON, the answer; it enforces a deadline
// per job and a memory limit per worker, and replaces a worker that dies
// or overruns. A worker is a program that calls Serve with a Handler: it
// reads jobs, runs the handler under the job's deadline, and writes the
// answers. The package knows nothing of what a job is; the caller's job
// and answer types are its protocol, and a job's own failures travel
// inside the caller's answer.
//
// The pool's own causes of failure are ErrTimeout (a job overran its
// deadline: *TimeoutError) and ErrCrashed (the worker died during a job:
// *CrashError); errors.Is classifies them. A cancelled context ends the
// job's worker and returns ctx.Err().
//
// A worker inherits from the parent's environment only PATH, HOME, TMPDIR,
// LANG, LANGUAGE, TZ, LC_*, the Go runtime's variables and the variables
// named WorkerEnvPrefix* (REFERAT_WORKER_…), besides those the Command
// sets itself: no secret the parent holds (ELASTICSEARCH_PASSWORD, API
// keys) reaches it. Its GODEBUG gets schedtrace=2147483647, which keeps
// the runtime's monitor thread from waking at every job (env.go). A worker
// does not outlive its parent: on Linux the kernel kills it when the
// parent dies (Pdeathsig, even on SIGKILL), and everywhere Serve returns
// as soon as its requests end, even in the middle of a job.
//
// The protocol: the parent writes jobs on the worker's file descriptor 3
// and reads answers on its file descriptor 4 (both closed on exec in the
// worker, so that a program it runs does not hold them), so that anything
// a library prints on stdout or stderr cannot corrupt them; stdout and
// stderr are kept (their last 64 KiB) to tell how a worker died. A request
// line is {"timeout_ms": N, "job": JOB}, an answer line {"answer": ANSWER}
// or {"error": MESSAGE} when the request could not be read or the answer
// not written. A job's exchange runs on the caller's goroutine, bounded by
// the pipes' deadlines; the worker reads requests ahead on a goroutine of
// its own (through the runtime's poller) and answers them in order on
// another, each answer in one write. An answer may carry bytes that travel
// as they are (Attached: a document the worker encoded, which the parent
// stores without scanning it): they come before the answer's line,
// announced by a line "=LENGTH".
package isolate
