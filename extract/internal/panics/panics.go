// Package panics turns a panic recovered in the extractor into the error that fails its
// document: one bad document never stops a run, and the error says where it failed.
package panics

import (
	"fmt"
	"strings"
)

// Error is the error of a document whose extraction panicked with p; stack is
// debug.Stack() where p was recovered.
func Error(p any, stack []byte) error {
	return fmt.Errorf("extractor panic: %v [%s]", p, site(stack))
}

// site picks the innermost frame outside the runtime from a stack trace, so that a
// one-line error still says where the extractor failed.
func site(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	for i := 0; i+1 < len(lines); i++ {
		fn := strings.TrimSpace(lines[i])
		if strings.HasPrefix(fn, "panic(") {
			for j := i + 2; j+1 < len(lines); j += 2 {
				if f := strings.TrimSpace(lines[j]); !strings.HasPrefix(f, "runtime.") {
					at := strings.TrimSpace(lines[j+1])
					if k := strings.LastIndex(at, " +0x"); k >= 0 {
						at = at[:k]
					}
					// package folder and file are enough: extract/mentions.go:123
					if parts := strings.Split(at, "/"); len(parts) > 2 {
						at = strings.Join(parts[len(parts)-2:], "/")
					}
					return at
				}
			}
		}
	}
	return "unknown site"
}
