package extract

// Helpers lends idle cores to the document being read in chunks: while a token is free
// (and fewer than GOMAXPROCS are held), a chunk is extracted on a helper goroutine as the
// document's own goroutine prepares the next (Options.Helpers). Without them a long
// document, alone or the last of a run, keeps one core busy at any -j.
//
// A run's workers hold a token each until no document is left for them to start
// (batch.Config.Helpers), so that a run with work for every worker lends none: at no time
// are more goroutines at work on documents than there are tokens.
//
// A nil *Helpers has no tokens: TryAcquire says no, Release does nothing.
type Helpers struct {
	tokens chan struct{}
}

// NewHelpers returns n tokens (the run's -j), all free.
func NewHelpers(n int) *Helpers {
	return &Helpers{tokens: make(chan struct{}, max(n, 1))}
}

// TryAcquire takes a token if one is free.
func (h *Helpers) TryAcquire() bool {
	if h == nil {
		return false
	}
	select {
	case h.tokens <- struct{}{}:
		return true
	default:
		return false
	}
}

// Release gives back a token taken by TryAcquire.
func (h *Helpers) Release() {
	if h != nil {
		<-h.tokens
	}
}

// InUse is how many tokens are held: by a run's workers and by helpers.
func (h *Helpers) InUse() int {
	if h == nil {
		return 0
	}
	return len(h.tokens)
}

// size is how many tokens there are: 0 for nil.
func (h *Helpers) size() int {
	if h == nil {
		return 0
	}
	return cap(h.tokens)
}
