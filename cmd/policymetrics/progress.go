package main

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
)

// lockedWriter serialises writes to stderr from the progress bar's spinner and from the
// command's own messages, so that neither cuts into the other's line.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// extractProgress is the progress bar extract shows on a terminal's stderr: bytes read
// (of a total when the inputs' sizes are known up front, for the ETA), documents,
// records, rate.
type extractProgress struct {
	bar     *progressbar.ProgressBar
	totalCh chan int64 // the total, when TotalSize finds it
	total   int64      // ≤ 0: unknown
	bytes   int64
	docs    int64
	records int64
	errors  int64
}

func newExtractProgress(w io.Writer) *extractProgress {
	bar := progressbar.NewOptions64(-1,
		progressbar.OptionSetWriter(w),
		progressbar.OptionShowBytes(true),
		progressbar.OptionShowTotalBytes(true),
		progressbar.OptionShowCount(),
		progressbar.OptionSetWidth(20),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionSpinnerType(14),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionSetElapsedTime(true),
		progressbar.OptionUseANSICodes(true),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetRenderBlankState(true),
		progressbar.OptionSetDescription("extracting"),
	)
	return &extractProgress{bar: bar, totalCh: make(chan int64, 1)}
}

// add counts one input done: bytes read, records written, failed or not.
func (p *extractProgress) add(bytes int64, records int, failed bool) {
	select {
	case n := <-p.totalCh:
		if n > p.bytes {
			p.total = n
			p.bar.ChangeMax64(n)
		}
	default:
	}
	p.docs++
	p.records += int64(records)
	p.bytes += bytes
	if failed {
		p.errors++
	}
	if p.total > 0 && p.bytes > p.total {
		// The inputs grew since their sizes were taken: go on without a total.
		p.total = -1
		p.bar.ChangeMax64(-1)
	}
	desc := fmt.Sprintf("%d docs, %d records", p.docs, p.records)
	if p.errors > 0 {
		desc += fmt.Sprintf(", %d errors", p.errors)
	}
	p.bar.Describe(desc)
	p.bar.Add64(bytes)
}

// finish removes the bar from the terminal.
func (p *extractProgress) finish() {
	p.bar.Finish()
}
