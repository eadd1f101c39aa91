// Command policymetrics finds every quantitative indicator in Chinese policy documents and
// writes one structured record per indicator.
package main

import (
	"errors"
	"fmt"
	"os"
)

// Exit statuses, as documented in the root command's help.
const (
	exitOK      = 0
	exitFailure = 1 // some input could not be read, or a check found differences
	exitUsage   = 2 // bad flags or arguments
)

// exitError carries an exit status through cobra's error return.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return ""
	}
	return e.err.Error()
}
func (e *exitError) Unwrap() error { return e.err }

// usageError marks a problem with how the command was called (exit 2).
func usageError(format string, a ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, a...)}
}

// silentFailure ends with exit 1 when the command has already said why on stderr.
var silentFailure = &exitError{code: exitFailure}

func main() {
	os.Exit(run(os.Args[1:], SystemStreams()))
}

// run executes the CLI and returns the process exit status.
func run(args []string, ios *IOStreams) int {
	root := newRootCmd(ios)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintf(ios.ErrOut, "policymetrics: %v\n", ee.err)
		}
		return ee.code
	}
	// Anything cobra itself rejects (unknown flag, wrong argument count) is a usage error.
	fmt.Fprintf(ios.ErrOut, "policymetrics: %v\n", err)
	return exitUsage
}
