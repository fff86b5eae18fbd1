package isolate

import (
	"os"
	"strings"
	"syscall"
)

// workerEnvNames are the variables a worker inherits from its command's
// environment; every other one (ELASTICSEARCH_PASSWORD,
// ELASTICSEARCH_API_KEY, a cloud key: whatever secrets the parent holds)
// is dropped. Variables whose names start with WorkerEnvPrefix pass too.
var workerEnvNames = map[string]bool{
	"PATH": true, "HOME": true, "TMPDIR": true, "LANG": true, "LANGUAGE": true, "TZ": true,
	"GOMAXPROCS": true, "GOGC": true, "GOMEMLIMIT": true, "GODEBUG": true, "GOTRACEBACK": true,
	"GOCOVERDIR": true, // coverage of tests that run workers
}

// WorkerEnvPrefix starts the names of the variables meant for workers,
// which they inherit (EnvMemory is one).
const WorkerEnvPrefix = "REFERAT_WORKER_"

// workerEnv returns the entries of env (a command's environment) a worker
// may see: those the Command set itself (not in this process's own
// environment), and of those inherited, the allow-list above, LC_* and
// WorkerEnvPrefix*.
func workerEnv(env []string) []string {
	inherited := map[string]bool{}
	for _, kv := range os.Environ() {
		inherited[kv] = true
	}
	out := make([]string, 0, len(workerEnvNames))
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		if !inherited[kv] || workerEnvNames[name] || strings.HasPrefix(name, "LC_") || strings.HasPrefix(name, WorkerEnvPrefix) {
			out = append(out, kv)
		}
	}
	return out
}

// dieWithParent asks the kernel to kill the worker when its parent dies
// (on Linux; elsewhere the worker ends when its request pipe closes).
func dieWithParent(a *syscall.SysProcAttr) { setPdeathsig(a) }

// quietSysmon is the GODEBUG setting that keeps a worker's sysmon (the Go
// runtime's monitor thread) out of its deep sleep: a scheduler trace
// every 2^31-1 ms (24.8 days), that is never in a worker's life. A worker
// is idle between any two jobs; sysmon then sleeps until the next system
// call wakes it, and each such wake makes it poll every 20 µs for the
// next millisecond: about 50 wake-ups per job, 5 % of a worker's CPU on
// two-page files. Kept awake, it backs off to one wake-up every 10 ms
// (PERFORMANCE.md, "Wave 6, isolation"). A worker that crashes prints the
// scheduler's state before the panic, which deathReason skips.
const quietSysmon = "schedtrace=2147483647"

// withQuietSysmon returns env with quietSysmon added to its GODEBUG,
// unless that sets a scheduler trace already.
func withQuietSysmon(env []string) []string {
	for i := len(env) - 1; i >= 0; i-- {
		v, ok := strings.CutPrefix(env[i], "GODEBUG=")
		if !ok {
			continue
		}
		if strings.Contains(v, "schedtrace=") {
			return env
		}
		if v != "" {
			v += ","
		}
		env[i] = "GODEBUG=" + v + quietSysmon
		return env
	}
	return append(env, "GODEBUG="+quietSysmon)
}
