package analyze

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// eachFold calls f(k) for k from 0 to n-1 on as many goroutines as
// GOMAXPROCS allows, and returns when all have returned. The folds of a
// cross-validation are independent: each trains on its own copy of the
// data and writes only its own results, so the outcome does not depend
// on the order they run in.
func eachFold(n int, f func(k int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				k := int(next.Add(1)) - 1
				if k >= n {
					return
				}
				f(k)
			}
		}()
	}
	wg.Wait()
}
