package main

import (
	"context"
	"errors"
	"io/fs"
	"math"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
)

// sameFile tells whether paths a and b name one file: the same device and inode when
// both exist, else the same absolute path once the folders' symbolic links are resolved
// (for outputs not created yet).
func sameFile(a, b string) bool {
	fa, ea := os.Stat(a)
	fb, eb := os.Stat(b)
	if ea == nil && eb == nil {
		return os.SameFile(fa, fb)
	}
	return canonicalPath(a) == canonicalPath(b)
}

func canonicalPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	dir, base := filepath.Split(abs)
	if d, err := filepath.EvalSymlinks(dir); err == nil {
		dir = d
	}
	return filepath.Join(dir, base)
}

// isDevice tells whether p is a character device or a pipe, which outputs may share
// (-o /dev/null --errors /dev/null).
func isDevice(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode()&(fs.ModeCharDevice|fs.ModeNamedPipe) != 0
}

// checkOutputs refuses an output file that is one of the inputs named on the command
// line (standard input included) or the other output: writing it would destroy the input,
// or one output would overwrite the other.
func checkOutputs(outputs map[string]string, args []string, stdin any) error {
	var names []string
	for _, flag := range []string{"-o", "--errors"} {
		if p := outputs[flag]; p != "" && p != "-" {
			names = append(names, flag)
		}
	}
	for i, flag := range names {
		out := outputs[flag]
		if isDevice(out) {
			continue
		}
		for _, other := range names[i+1:] {
			if sameFile(out, outputs[other]) {
				return usageError("%s %s and %s %s are the same file: each output needs a file of its own", flag, out, other, outputs[other])
			}
		}
		ofi, err := os.Stat(out)
		if err != nil {
			continue // a new file is no input
		}
		for _, a := range args {
			if a == "-" {
				if f, ok := stdin.(*os.File); ok {
					if sfi, err := f.Stat(); err == nil && os.SameFile(ofi, sfi) {
						return usageError("%s %s is also the input (standard input): it would be overwritten", flag, out)
					}
				}
				continue
			}
			if afi, err := os.Stat(a); err == nil && os.SameFile(ofi, afi) {
				return usageError("%s %s is also an input (%s): it would be overwritten", flag, out, a)
			}
		}
	}
	return nil
}

// checkExtractOutputs checks extract's outputs before anything is read: standard output
// open when the records go there, no output that is an input or the other output.
func checkExtractOutputs(ios *IOStreams, output, errorsFile string, args []string) error {
	if (output == "" || output == "-") && ios.OutClosed {
		return &exitError{code: exitFailure, err: errors.New("standard output is closed: the records cannot be written (redirect it, or give -o FILE)")}
	}
	return checkOutputs(map[string]string{"-o": output, "--errors": errorsFile}, args, ios.In)
}

// existingOutputs are the output files that exist already (not devices), which a
// directory walk must not read as inputs.
func existingOutputs(paths ...string) []fs.FileInfo {
	var out []fs.FileInfo
	for _, p := range paths {
		if p == "" || p == "-" {
			continue
		}
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
			out = append(out, fi)
		}
	}
	return out
}

// checkLimitFlags refuses limits that would turn a check off by accident: a negative
// count or ratio, a ratio that is not a number (NaN compares false with everything, so it
// let every member through) or infinite, or under 1 (every member would fail).
func checkLimitFlags(maxMembers int, maxRatio float64) error {
	if maxMembers < 0 {
		return usageError("--max-members %d: want a count of files, 0 for no limit", maxMembers)
	}
	if math.IsNaN(maxRatio) || math.IsInf(maxRatio, 0) || maxRatio < 0 || maxRatio > 0 && maxRatio < 1 {
		return usageError("--max-ratio %v: want a ratio of at least 1 (200 for 200:1), 0 for no limit", maxRatio)
	}
	return nil
}

// signalError is why a run was cancelled: a signal that ends it.
type signalError struct{ sig os.Signal }

func (e *signalError) Error() string { return "interrupted by " + signalName(e.sig) }

func signalName(s os.Signal) string {
	switch s {
	case syscall.SIGINT:
		return "SIGINT"
	case syscall.SIGTERM:
		return "SIGTERM"
	case syscall.SIGHUP:
		return "SIGHUP"
	case syscall.SIGPIPE:
		return "SIGPIPE"
	}
	return s.String()
}

// exitCode is the status after the signal: 130 for SIGINT and SIGTERM (as documented),
// 128 + the signal number for the others (129 SIGHUP, 141 SIGPIPE).
func (e *signalError) exitCode() int {
	switch e.sig {
	case syscall.SIGINT, syscall.SIGTERM:
		return exitInterrupted
	}
	if n, ok := e.sig.(syscall.Signal); ok {
		return 128 + int(n)
	}
	return exitInterrupted
}

// endSignals are the signals that end a run: each cancels the run's context, so that the
// outputs' temporary files are removed and the earlier files stay as they were. A second
// signal removes the temporary files and ends the process at once.
var endSignals = []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGPIPE}

func notifyEnd(parent context.Context) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(parent)
	ch := make(chan os.Signal, 2)
	signal.Notify(ch, endSignals...)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-ch:
			cancel(&signalError{sig: s})
		case <-done:
			return
		}
		select {
		case s := <-ch:
			removeTempFiles()
			os.Exit((&signalError{sig: s}).exitCode())
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(ch)
		close(done)
		cancel(nil)
	}
}

// interruption is the signal that cancelled ctx, if one did.
func interruption(ctx context.Context) (*signalError, bool) {
	var se *signalError
	ok := errors.As(context.Cause(ctx), &se)
	return se, ok
}
