// Command goroutines summarises a Go execution trace by goroutine: for the goroutines that
// ran longest, the time each spent running, runnable (ready, waiting for a processor) and
// blocked, and where it blocked. It tells what a CPU profile cannot: a worker idle because
// the goroutine that would feed it waits for a processor (see bench/goroutines.sh).
//
//	go run . TRACE [goroutines]     default: the 8 that ran longest
//
// A module of its own, so that the tool's dependency (golang.org/x/exp/trace, the trace
// reader) is not one of policymetrics'.
package main

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/exp/trace"
)

// goroutine is what the trace says of one goroutine, its times in nanoseconds.
type goroutine struct {
	id                                    trace.GoID
	name                                  string // the outermost function of its stacks
	running, runnable, blocked, inSyscall trace.Time
	since                                 trace.Time            // its last transition
	blockedAt                             string                // why and where it last blocked
	why                                   map[string]trace.Time // blocked time by why and where
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: goroutines TRACE [goroutines]")
		os.Exit(2)
	}
	top := 8
	if len(os.Args) > 2 {
		n, err := strconv.Atoi(os.Args[2])
		if err != nil || n < 1 {
			fmt.Fprintf(os.Stderr, "goroutines: %q is no count of goroutines\n", os.Args[2])
			os.Exit(2)
		}
		top = n
	}
	if err := summarise(os.Args[1], top, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "goroutines:", err)
		os.Exit(1)
	}
}

func summarise(path string, top int, w io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r, err := trace.NewReader(f)
	if err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	gs := map[trace.GoID]*goroutine{}
	var first, last trace.Time
	for {
		ev, err := r.ReadEvent()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("%s: %v", path, err)
		}
		if first == 0 {
			first = ev.Time()
		}
		last = ev.Time()
		if ev.Kind() != trace.EventStateTransition {
			continue
		}
		st := ev.StateTransition()
		if st.Resource.Kind != trace.ResourceGoroutine {
			continue
		}
		id := st.Resource.Goroutine()
		g := gs[id]
		if g == nil {
			g = &goroutine{id: id, since: ev.Time(), why: map[string]trace.Time{}}
			gs[id] = g
		}
		from, to := st.Goroutine()
		d := ev.Time() - g.since
		switch from {
		case trace.GoRunning:
			g.running += d
		case trace.GoRunnable:
			g.runnable += d
		case trace.GoWaiting:
			g.blocked += d
			g.why[g.blockedAt] += d
		case trace.GoSyscall:
			g.inSyscall += d
		}
		// Only a transition from running is the goroutine's own act, with its own stack
		// (another's, such as being woken, carries the other's).
		if from == trace.GoRunning {
			if to == trace.GoWaiting {
				g.blockedAt = st.Reason + " in " + frames(st.Stack, 3)
			}
			if g.name == "" {
				g.name = outermost(st.Stack)
			}
		}
		g.since = ev.Time()
	}
	list := make([]*goroutine, 0, len(gs))
	for _, g := range gs {
		list = append(list, g)
	}
	slices.SortFunc(list, func(a, b *goroutine) int { return cmp.Compare(b.running, a.running) })
	ms := func(t trace.Time) float64 { return float64(t) / 1e6 }
	fmt.Fprintf(w, "trace: %.1f ms; the %d goroutines that ran longest (ms):\n", ms(last-first), min(top, len(list)))
	fmt.Fprintf(w, "%8s %9s %9s %9s %9s  %s\n", "id", "running", "runnable", "blocked", "syscall", "outermost function")
	for _, g := range list[:min(top, len(list))] {
		name := g.name
		if name == "" {
			name = "(runtime)" // no stack of its own outside the runtime
		}
		fmt.Fprintf(w, "%8d %9.1f %9.1f %9.1f %9.1f  %s\n", g.id, ms(g.running), ms(g.runnable), ms(g.blocked), ms(g.inSyscall), name)
		for why, t := range g.why {
			if t >= (g.blocked+9)/10 && why != "" { // the reasons worth a tenth of its blocked time
				fmt.Fprintf(w, "%48.1f  blocked: %s\n", ms(t), why)
			}
		}
	}
	return nil
}

// frames names the innermost n functions of a stack outside the runtime, innermost first.
func frames(s trace.Stack, n int) string {
	var names []string
	for fr := range s.Frames() {
		if len(names) < n && !strings.HasPrefix(fr.Func, "runtime.") {
			names = append(names, shorten(fr.Func))
		}
	}
	return strings.Join(names, " < ")
}

// outermost is the outermost function of a stack outside the runtime and the testing
// package: what the goroutine was started to do.
func outermost(s trace.Stack) string {
	name := ""
	for fr := range s.Frames() {
		if !strings.HasPrefix(fr.Func, "runtime.") && !strings.HasPrefix(fr.Func, "testing.") {
			name = fr.Func
		}
	}
	return shorten(name)
}

func shorten(fn string) string {
	return strings.TrimPrefix(fn, "github.com/policymetrics/policymetrics/")
}
