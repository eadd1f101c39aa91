// Command floor is the benchmark's floor: the least work any extractor of numbers from
// text must do. It reads each file whole (os.ReadFile), walks its runes (range over a
// string) and counts maximal runs of numerals (ASCII 0-9 and fullwidth ０-９), printing
// "path<TAB>count" per file. Single-threaded on purpose: bench divides the real
// binary's -j 1 time by this program's time, so both do one document at a time.
//
//	floor DIR|FILE...
package main

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

func main() {
	out := bufio.NewWriter(os.Stdout)
	status := 0
	for _, arg := range os.Args[1:] {
		err := filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() {
				return err
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			fmt.Fprintf(out, "%s\t%d\n", path, numeralRuns(data))
			return nil
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, "floor:", err)
			status = 1
		}
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		status = 1
	}
	os.Exit(status)
}

// numeralRuns counts maximal runs of numerals in data, decoding it rune by rune as an
// extractor has to. string(data) copies data, as an extractor that works on strings does;
// the floor is stated so ("range over string"), and its figure (about 60 MB/s for
// 3.5×) assumes it. Without the copy the floor is about 20% faster.
func numeralRuns(data []byte) int {
	n, in := 0, false
	for _, r := range string(data) {
		digit := '0' <= r && r <= '9' || '０' <= r && r <= '９'
		if digit && !in {
			n++
		}
		in = digit
	}
	return n
}
