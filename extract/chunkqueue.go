package extract

import (
	"context"
	"errors"
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/policymetrics/policymetrics/extract/doc"
	"github.com/policymetrics/policymetrics/extract/internal/panics"
)

// chunkQueue extracts the chunks of a document read in chunks and emits their records in
// chunk order. The document's goroutine makes each chunk (normalises it, finds its lines
// and sentences, reads its structure: what must go in order) and queues it; helpers
// (Options.Helpers), while tokens are free, take the oldest queued chunk each and extract
// it, and so does the document's goroutine when no helper is at work or two chunks wait.
// So a helper takes a chunk as soon as it is free, not when the document's goroutine comes
// round to give it one, and the work of a document splits as evenly as it can.
type chunkQueue struct {
	ctx     context.Context
	opts    Options
	emit    func([]Record) error
	pending []*chunkWork    // queued, being extracted or extracted, in chunk order
	free    []*chunkBuffers // sets of buffers no chunk holds
	own     *chunkBuffers   // the set the caller gave, which goes back to it, not to the pool

	mu      sync.Mutex
	queued  []*chunkWork // made and not yet begun, oldest first
	helping int          // helpers at work
	helpers sync.WaitGroup
}

// chunkWork is one chunk: its document, made in bufs, and its records once made.
type chunkWork struct {
	bufs *chunkBuffers
	d    *doc.Document
	own  func(line, col int) bool // the places whose records are the chunk's
	recs []Record
	err  error
	done chan struct{} // closed when recs and err are set
}

// waitingChunks is how many made chunks may wait for a helper before the document's
// goroutine extracts one itself: two, so that a helper finds one when it is done (three
// or four were no faster on a 25 MB document, and held more memory).
const waitingChunks = 2

// errDropped is the error of a chunk not extracted because the document stopped first.
var errDropped = errors.New("chunk dropped")

func newChunkQueue(ctx context.Context, opts Options, emit func([]Record) error, bufs *chunkBuffers) *chunkQueue {
	return &chunkQueue{ctx: ctx, opts: opts, emit: emit, free: []*chunkBuffers{bufs}, own: bufs}
}

// buffers returns a set of buffers for the next chunk.
func (q *chunkQueue) buffers() *chunkBuffers {
	if n := len(q.free); n > 0 {
		b := q.free[n-1]
		q.free = q.free[:n-1]
		return b
	}
	return getChunkBuffers()
}

// add queues w, made, for extraction; then emits the chunks done at the head of the
// queue, waiting for the oldest when as many chunks are held as there are tokens, and one.
func (q *chunkQueue) add(w *chunkWork) error {
	w.done = make(chan struct{})
	q.pending = append(q.pending, w)
	q.mu.Lock()
	q.queued = append(q.queued, w)
	// A helper while a token is free and a processor too: past GOMAXPROCS goroutines at
	// work (-j above the cores), one more would only hold another chunk in memory.
	h := q.opts.Helpers
	lent := h.InUse() < runtime.GOMAXPROCS(0) && h.TryAcquire()
	if lent {
		q.helping++
	}
	here := !lent && (q.helping == 0 || len(q.queued) >= waitingChunks)
	q.mu.Unlock()
	if lent {
		q.helpers.Go(func() { q.help(h) })
	}
	if here {
		q.extractOldest()
	}
	for len(q.pending) > 0 {
		head := q.pending[0]
		if len(q.pending) <= q.opts.Helpers.size() {
			select {
			case <-head.done:
			default:
				return nil // room for another chunk: made while this one is extracted
			}
		} else {
			q.wait(head)
		}
		if err := q.finish(head); err != nil {
			return err
		}
	}
	return nil
}

// help extracts queued chunks until none is left, then gives back its token.
func (q *chunkQueue) help(h *Helpers) {
	for {
		q.mu.Lock()
		w := q.takeLocked()
		if w == nil {
			q.helping-- // with the queue seen empty: add then extracts what it queues
		}
		q.mu.Unlock()
		if w == nil {
			h.Release()
			return
		}
		q.extract(w)
	}
}

// extractOldest extracts the oldest queued chunk, if any is left, on this goroutine.
func (q *chunkQueue) extractOldest() bool {
	q.mu.Lock()
	w := q.takeLocked()
	q.mu.Unlock()
	if w == nil {
		return false
	}
	q.extract(w)
	return true
}

// takeLocked takes the oldest queued chunk, nil when none is; q.mu is held.
func (q *chunkQueue) takeLocked() *chunkWork {
	if len(q.queued) == 0 {
		return nil
	}
	w := q.queued[0]
	q.queued = q.queued[1:]
	return w
}

// extract extracts w. On a helper, a panic fails the document, as one on the document's
// goroutine does (batch), instead of the whole run.
func (q *chunkQueue) extract(w *chunkWork) {
	defer close(w.done)
	defer func() {
		if p := recover(); p != nil {
			w.err = panics.Error(p, debug.Stack())
		}
	}()
	w.recs, w.err = recordsWith(q.ctx, w.d, q.opts, &w.bufs.scratch, w.own)
}

// wait returns once w is extracted, extracting queued chunks meanwhile: w itself, when
// no helper has begun it.
func (q *chunkQueue) wait(w *chunkWork) {
	for {
		select {
		case <-w.done:
			return
		default:
		}
		if !q.extractOldest() {
			<-w.done // on a helper
			return
		}
	}
}

// finish emits the records of the chunk at the head of the queue, which is done.
func (q *chunkQueue) finish(w *chunkWork) error {
	q.pending = q.pending[1:]
	q.free = append(q.free, w.bufs)
	if w.err != nil {
		return w.err
	}
	if err := q.ctx.Err(); err != nil { // as a chunk extracted in turn would have stopped
		return err
	}
	return q.emit(ownOnly(w.recs, w.own))
}

// drain emits the records of the chunks still pending.
func (q *chunkQueue) drain() error {
	for len(q.pending) > 0 {
		head := q.pending[0]
		q.wait(head)
		if err := q.finish(head); err != nil {
			return err
		}
	}
	return nil
}

// close waits for the helpers to end: with the chunks they began, when the document
// stopped early (those not begun are dropped). Then it empties the sets of buffers for
// their next use and gives back to the pool those taken from it.
func (q *chunkQueue) close() {
	q.mu.Lock()
	for _, w := range q.queued {
		w.err = errDropped
		close(w.done)
	}
	q.queued = nil
	q.mu.Unlock()
	q.helpers.Wait() // their tokens given back, their chunks done
	for _, w := range q.pending {
		q.free = append(q.free, w.bufs)
	}
	q.pending = nil
	for _, b := range q.free {
		b.runes, b.analysis, b.analysisSrc, b.pageSrc, b.chunkSentences = b.runes[:0], b.analysis[:0], b.analysisSrc[:0], b.pageSrc[:0], b.chunkSentences[:0]
		b.lineStarts, b.lines = b.lineStarts[:0], b.lines[:0]
		b.chunkBreaks, b.chunkMarks = b.chunkBreaks[:0], b.chunkMarks[:0]
		if b != q.own {
			putChunkBuffers(b)
		}
	}
	q.free = nil
}
