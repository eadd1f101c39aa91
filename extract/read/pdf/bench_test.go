package pdf

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/policymetrics/policymetrics/extract/read"
)

// benchDocs returns the PDFs to read: those of $PM_PDF_BENCH_DIR when it is set (e.g. a
// folder of real reports), else testdata. Files without a text layer are left out.
func benchDocs(b *testing.B) [][]byte {
	dir := os.Getenv("PM_PDF_BENCH_DIR")
	if dir == "" {
		dir = "testdata"
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	var docs [][]byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Read(context.Background(), data); errors.Is(err, read.ErrNoTextLayer) {
			continue
		} else if err != nil {
			b.Fatalf("%s: %v", p, err)
		}
		docs = append(docs, data)
	}
	if len(docs) == 0 {
		b.Skip("no PDF in", dir)
	}
	return docs
}

// BenchmarkRead reads the documents one after another (-j 1) and reports pages/s, with
// and without Reflow.
func BenchmarkRead(b *testing.B) {
	docs := benchDocs(b)
	for _, reflow := range []bool{false, true} {
		name := "read"
		if reflow {
			name = "read+reflow"
		}
		b.Run(name, func(b *testing.B) {
			pages := 0
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				for _, d := range docs {
					doc, err := Read(context.Background(), d)
					if err != nil {
						b.Fatal(err)
					}
					if reflow {
						Reflow(doc.Text, doc.PageStarts)
					}
					pages += len(doc.PageStarts)
				}
			}
			b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

// BenchmarkReadParallel reads the documents on GOMAXPROCS goroutines (-j 2 on two cores),
// one document per op, taking them in turn: give it a -benchtime of a multiple of the
// number of documents.
func BenchmarkReadParallel(b *testing.B) {
	docs := benchDocs(b)
	pages := make(chan int, 1024)
	total := 0
	done := make(chan struct{})
	go func() {
		for n := range pages {
			total += n
		}
		close(done)
	}()
	b.ResetTimer()
	var next atomic.Int64
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := next.Add(1) - 1
			doc, err := Read(context.Background(), docs[int(i)%len(docs)])
			if err != nil {
				b.Error(err)
				return
			}
			pages <- len(doc.PageStarts)
		}
	})
	elapsed := b.Elapsed()
	close(pages)
	<-done
	b.ReportMetric(float64(total)/elapsed.Seconds(), "pages/s")
}

// BenchmarkStartup times Start: cold (a fresh compilation cache: PDFium is compiled) and
// warm (the cache of the previous start is read). Run it with -benchtime 3x or so: a cold
// start takes seconds.
func BenchmarkStartup(b *testing.B) {
	defer func() {
		Close()
		cacheDir = CacheDir
	}()
	for _, cold := range []bool{true, false} {
		name := "warm"
		if cold {
			name = "cold"
		}
		b.Run(name, func(b *testing.B) {
			dir := b.TempDir()
			cacheDir = func() string { return dir }
			if !cold { // fill the cache
				Close()
				if err := Start(); err != nil {
					b.Fatal(err)
				}
			}
			var total time.Duration
			for i := 0; i < b.N; i++ {
				Close()
				if cold {
					os.RemoveAll(dir)
				}
				t := time.Now()
				if err := Start(); err != nil {
					b.Fatal(err)
				}
				total += time.Since(t)
			}
			b.ReportMetric(total.Seconds()/float64(b.N), "s/start")
		})
	}
}
