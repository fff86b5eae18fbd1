// Package pipeline is the batch engine behind `referat ingest`: Run reads
// the PDFs under the paths given, analyses them and records them in the
// local store (package index/store), incrementally, and sends what
// Elasticsearch has not confirmed (package index/elastic).
//
// It reads the input files (each at most once per content, in isolated
// worker processes, which analyse what they read with Options.Analyzer and
// send the document encoded, so that it goes into the store as it came)
// and the store; it writes the store (a group of up to
// 32 files per transaction, each file's change whole, so a crash leaves
// every file in its previous state or its new one) and, when configured,
// Elasticsearch. It never prints: progress goes to a Progress,
// and the result is a Summary whose JSON keys are snake_case. A failing
// file is recorded in the Summary and the run goes on.
//
// PDFs are read by worker processes that Options.Worker starts: a program
// that, started so, calls ingest.ServeWorker on file descriptors 3
// (requests) and 4 (answers). The referat binary is one (`referat
// worker`): WorkerCommand(pathToReferat, "worker"). A program of its own
// can serve as its own worker by checking its arguments first thing in
// main:
//
//	if len(os.Args) > 1 && os.Args[1] == "pdf-worker" {
//		err := ingest.ServeWorker(os.NewFile(3, "requests"), os.NewFile(4, "answers"))
//		...
//	}
//	self, _ := os.Executable()
//	sum, err := pipeline.Run(ctx, pipeline.Options{Worker: pipeline.WorkerCommand(self, "pdf-worker"), ...})
package pipeline
