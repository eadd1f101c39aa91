package main

import (
	"bytes"
	"strings"
	"testing"
)

// runCLI runs the command line in process and returns stdout, stderr and the exit status.
func runCLI(t *testing.T, stdin string, terminal bool, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	ios := &IOStreams{In: strings.NewReader(stdin), Out: &out, ErrOut: &errOut, OutIsTerminal: terminal}
	code := run(args, ios)
	return out.String(), errOut.String(), code
}

// runCLIIn runs the command line with stdin a terminal (inTerminal, nothing to read) or a
// pipe holding stdin, and stdout and stderr not terminals.
func runCLIIn(t *testing.T, stdin string, inTerminal bool, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	ios := &IOStreams{In: strings.NewReader(stdin), Out: &out, ErrOut: &errOut, InIsTerminal: inTerminal}
	code := run(args, ios)
	return out.String(), errOut.String(), code
}
