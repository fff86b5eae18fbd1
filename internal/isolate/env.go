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
