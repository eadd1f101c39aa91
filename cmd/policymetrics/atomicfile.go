package main

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
)

// atomicFile is an output file that appears whole or not at all: it is written under a
// hidden temporary name in the same directory and renamed over the target by Commit.
// Abort removes the temporary file and leaves any earlier file at the target as it was.
type atomicFile struct {
	*os.File
	target string
}

func createAtomic(target string) (*atomicFile, error) {
	dir, base := filepath.Split(target)
	if base == "" {
		return nil, fmt.Errorf("%s: is a directory", target)
	}
	if fi, err := os.Stat(target); err == nil && fi.IsDir() {
		return nil, fmt.Errorf("%s: is a directory", target)
	}
	for range 100 {
		tmp := filepath.Join(dir, fmt.Sprintf(".%s.tmp-%d-%06d", base, os.Getpid(), rand.IntN(1e6)))
		// O_EXCL: never clobber; 0666 less the umask, as for any new file.
		f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		return &atomicFile{File: f, target: target}, nil
	}
	return nil, fmt.Errorf("%s: cannot create a temporary file beside it", target)
}

// Commit puts the finished file in place: flushed to disk, with the mode of the file it
// replaces.
func (a *atomicFile) Commit() error {
	if fi, err := os.Stat(a.target); err == nil {
		a.Chmod(fi.Mode().Perm())
	}
	if err := a.Sync(); err != nil {
		a.Abort()
		return err
	}
	if err := a.Close(); err != nil {
		os.Remove(a.Name())
		return err
	}
	if err := os.Rename(a.Name(), a.target); err != nil {
		os.Remove(a.Name())
		return err
	}
	return nil
}

// Abort removes the temporary file.
func (a *atomicFile) Abort() {
	a.Close()
	os.Remove(a.Name())
}
