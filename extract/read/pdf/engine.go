package pdf

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
	"golang.org/x/sys/cpu"
)

// The engine is PDFium compiled to WebAssembly, run by wazero. Compiling the module
// takes seconds, so there is one pool per process, made on first use and shared by every
// document and goroutine, and the compiled code is kept in the user cache directory so
// that the next process starts in a fraction of that.

// engine is the process-wide pool. mu guards the fields; init runs once per pool
// (Close makes a new once so that tests can start again).
var engine struct {
	mu    sync.RWMutex
	once  *sync.Once
	pool  pdfium.Pool
	cache wazero.CompilationCache
	err   error
}

func init() { engine.once = new(sync.Once) }

// CacheDir is where the compiled module is kept: <user cache dir>/policymetrics/wazero.
// It is "" when the system has no user cache directory.
func CacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil || dir == "" {
		return ""
	}
	return filepath.Join(dir, "policymetrics", "wazero")
}

// cacheDir is CacheDir; the start-up benchmark points it at a fresh directory.
var cacheDir = CacheDir

// runtimeConfig is go-pdfium's default (the module lowers setjmp/longjmp to exception
// handling instructions) plus closing a module when its context is done, so that a
// runaway call can be stopped, plus the compilation cache when there is one.
func runtimeConfig(cache wazero.CompilationCache) wazero.RuntimeConfig {
	rc := wazero.NewRuntimeConfig().
		WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
		WithCloseOnContextDone(true)
	if cache != nil {
		rc = rc.WithCompilationCache(cache)
	}
	return rc
}

func newPool(cache wazero.CompilationCache) (pdfium.Pool, error) {
	n := runtime.GOMAXPROCS(0)
	return webassembly.Init(webassembly.Config{
		MinIdle:       1,
		MaxIdle:       n,
		MaxTotal:      n,
		ReuseWorkers:  true,
		RuntimeConfig: runtimeConfig(cache),
		// The documents are handed over as bytes: the module sees no file system.
		FSConfig: wazero.NewFSConfig(),
		Stdout:   io.Discard,
		Stderr:   io.Discard,
	})
}

// bigEndian is cpu.IsBigEndian; a test sets it.
var bigEndian = cpu.IsBigEndian

// start makes the pool, with the on-disk compilation cache when it can be used and
// without it otherwise (a read-only home, a full disk, a stale or broken cache file).
// On a big-endian system (s390x, ppc64, mips) it refuses: there the engine opens a PDF
// and counts its pages but finds no character on them (seen on s390x under qemu, where
// all else reads as on amd64), and every PDF would pass for a scan.
func start() {
	if bigEndian {
		engine.err = fmt.Errorf("pdf: PDFs cannot be read on a big-endian system (GOARCH=%s): the PDFium engine, run as WebAssembly, finds no text there", runtime.GOARCH)
		return
	}
	if dir := cacheDir(); dir != "" {
		if cache, err := wazero.NewCompilationCacheWithDir(dir); err == nil {
			pool, err := newPool(cache)
			if err == nil {
				engine.pool, engine.cache = pool, cache
				return
			}
			cache.Close(context.Background())
		}
	}
	pool, err := newPool(nil)
	if err != nil {
		engine.err = fmt.Errorf("pdf: starting PDFium: %w", err)
		return
	}
	engine.pool = pool
}

// acquire returns the shared pool, starting it on first use, with the read lock held:
// the caller must call engine.mu.RUnlock when done with it.
func acquire() (pdfium.Pool, error) {
	engine.mu.RLock()
	engine.once.Do(start)
	if engine.err != nil {
		err := engine.err
		engine.mu.RUnlock()
		return nil, err
	}
	return engine.pool, nil
}

// Start starts the engine now rather than on the first Read (to time start-up, or to pay
// it before a batch). It is safe to call more than once.
func Start() error {
	_, err := acquire()
	engine.mu.RUnlock()
	return err
}

// Close stops the engine and frees its memory; it waits for Reads in flight. A later Read
// starts it again. Tests and benchmarks use it to measure start-up.
func Close() error {
	engine.mu.Lock()
	defer engine.mu.Unlock()
	var err error
	if engine.pool != nil {
		err = engine.pool.Close()
	}
	if engine.cache != nil {
		engine.cache.Close(context.Background())
	}
	engine.pool, engine.cache, engine.err = nil, nil, nil
	engine.once = new(sync.Once)
	return err
}
