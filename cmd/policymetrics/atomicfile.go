package main

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
)

// atomicFile is an output file that appears whole or not at all: it is written under a
// hidden temporary name in the same directory and renamed over the target by Commit.
// Abort removes the temporary file and leaves any earlier file at the target as it was.
//
// Only a regular file (or a new path) is replaced that way. A symbolic link is followed:
// the file it points to is replaced, the link stays. A character device (/dev/null,
// /dev/stdout, a terminal) or a named pipe is written through in place, as cp or a shell
// redirection would: there is nothing to rename and nothing to take back. Directories,
// block devices and sockets are refused.
type atomicFile struct {
	*os.File
	target string // the file replaced by Commit: symbolic links resolved
	direct bool   // written in place (a device or a pipe), not renamed
}

// tempFiles are the temporary files not yet committed or aborted, so that a signal that
// ends the run at once can still remove them (removeTempFiles).
var tempFiles sync.Map // name → struct{}

// removeTempFiles removes every temporary file still open; for a signal that ends the
// process without unwinding.
func removeTempFiles() {
	tempFiles.Range(func(k, _ any) bool {
		os.Remove(k.(string))
		return true
	})
}

// outputKind says how target is written: atomically (a regular file or a new path) or
// in place (direct), and which file that is (symbolic links resolved). A target that
// cannot be written either way is an error naming what it is.
func outputKind(target string) (real string, direct bool, err error) {
	if _, base := filepath.Split(target); base == "" {
		return "", false, errors.New("is a directory")
	}
	fi, err := os.Stat(target) // through symbolic links, /dev/stdout's included
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if li, lerr := os.Lstat(target); lerr == nil && li.Mode()&fs.ModeSymlink != 0 {
			return "", false, fmt.Errorf("a symbolic link to nothing (%v); not written", reason(err))
		}
		return target, false, nil // a new file
	case err != nil:
		return "", false, err
	case fi.Mode().IsRegular():
		// Replace the file a link points to, not the link.
		r, err := filepath.EvalSymlinks(target)
		if err != nil {
			return "", false, fmt.Errorf("cannot tell which file this is (%v); not written", reason(err))
		}
		return r, false, nil
	case fi.IsDir():
		return "", false, errors.New("is a directory")
	case fi.Mode()&fs.ModeCharDevice != 0, fi.Mode()&fs.ModeNamedPipe != 0:
		// Opened by the name given: /dev/stdout on a pipe leads to no path.
		return target, true, nil
	case fi.Mode()&fs.ModeDevice != 0:
		return "", false, errors.New("is a block device; not written (only regular files, character devices and pipes are)")
	case fi.Mode()&fs.ModeSocket != 0:
		return "", false, errors.New("is a socket; not written")
	}
	return "", false, fmt.Errorf("not a regular file (%v); not written", fi.Mode().Type())
}

func reason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func createAtomic(target string) (*atomicFile, error) {
	real, direct, err := outputKind(target)
	if err != nil {
		return nil, err
	}
	if direct {
		f, err := os.OpenFile(real, os.O_WRONLY, 0)
		if err != nil {
			return nil, err
		}
		return &atomicFile{File: f, target: real, direct: true}, nil
	}
	dir, base := filepath.Split(real)
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
		tempFiles.Store(tmp, struct{}{})
		return &atomicFile{File: f, target: real}, nil
	}
	return nil, fmt.Errorf("%s: cannot create a temporary file beside it", target)
}

// Commit puts the finished file in place: flushed to disk, with the mode of the file it
// replaces.
func (a *atomicFile) Commit() error {
	if a.direct {
		return a.Close()
	}
	defer tempFiles.Delete(a.Name())
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

// Abort removes the temporary file (a device or pipe written in place is only closed).
func (a *atomicFile) Abort() {
	a.Close()
	if !a.direct {
		os.Remove(a.Name())
		tempFiles.Delete(a.Name())
	}
}
