package main

import (
	"io"
	"os"

	"golang.org/x/term"
)

// IOStreams is what a command reads and writes. Commands never touch os.Stdout directly,
// so tests run them in process with buffers and choose whether they "are" a terminal.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	InIsTerminal  bool // no input to read from a pipe: with no input argument, a usage error
	OutIsTerminal bool // human output (aligned tables) instead of machine output
	ErrIsTerminal bool // progress bars and colour on stderr
	OutClosed     bool // the process started with standard output closed (>&-)
}

// SystemStreams returns the process's standard streams.
func SystemStreams() *IOStreams {
	return &IOStreams{
		In:            os.Stdin,
		Out:           os.Stdout,
		ErrOut:        os.Stderr,
		InIsTerminal:  term.IsTerminal(int(os.Stdin.Fd())),
		OutIsTerminal: term.IsTerminal(int(os.Stdout.Fd())),
		ErrIsTerminal: term.IsTerminal(int(os.Stderr.Fd())),
		OutClosed:     startedClosed(os.Stdout),
	}
}
