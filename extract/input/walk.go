package input

import (
	"io/fs"
	"os"
	"path/filepath"
)

// dir walks a directory tree in sorted order. Hidden entries are skipped unless
// Options.Hidden; excluded directories are not entered. A symbolic link to a directory is
// followed once: a link back to a directory being walked (a loop) or to one already read
// is reported instead of followed again. Directories are told apart by device and inode,
// so each real directory is read once whatever path leads to it.
func (w *walker) dir(root string, fi fs.FileInfo) {
	ids := map[fileKey]string{}
	var stack []fileKey
	if k, ok := keyOf(fi); ok {
		ids[k] = root
		stack = append(stack, k)
	}
	w.walkDir(root, "", ids, stack)
}

func (w *walker) walkDir(dir, rel string, seen map[fileKey]string, stack []fileKey) {
	entries, err := os.ReadDir(dir)
	if err != nil && !w.sizeOnly {
		// ReadDir returns what it could read; report the rest as this directory's failure.
		defer w.failf(dir, "cannot read directory: %v", reason(err))
	}
	for _, e := range entries {
		if w.stopped() || w.unknown {
			return
		}
		name := e.Name()
		if !w.opts.Hidden && hiddenSegment(name) {
			continue
		}
		p := filepath.Join(dir, name)
		r := name
		if rel != "" {
			r = rel + "/" + name
		}
		fi, err := e.Info()
		if err != nil {
			continue // removed since ReadDir
		}
		link := fi.Mode()&fs.ModeSymlink != 0
		if link {
			target, err := os.Stat(p)
			if err != nil {
				if !w.sizeOnly {
					w.failf(p, "broken symbolic link: %v", reason(err))
				}
				continue
			}
			fi = target
		}
		switch {
		case fi.IsDir():
			if anyMatch(w.exclude, r) {
				continue
			}
			k, ok := keyOf(fi)
			if link && !ok {
				if !w.sizeOnly {
					w.failf(p, "symbolic link to a directory: not followed on this system")
				}
				continue
			}
			// Every directory, reached through a link or not, is read once: a link to an
			// ancestor of the root leads back into the tree by plain folders.
			if ok {
				if inStack(stack, k) {
					if !w.sizeOnly {
						w.failf(p, "symbolic link loop: leads back to %s", seen[k])
					}
					continue
				}
				if first, dup := seen[k]; dup {
					if !w.sizeOnly {
						w.failf(p, "symbolic link to a directory already read as %s; not read twice", first)
					}
					continue
				}
			}
			if ok {
				seen[k] = p
			}
			w.walkDir(p, r, seen, append(stack, k))
		case fi.Mode().IsRegular():
			w.file(p, p, r, fi, false)
		default:
			// sockets, pipes, devices met while walking are not documents
		}
	}
}

func inStack(stack []fileKey, k fileKey) bool {
	for _, s := range stack {
		if s == k {
			return true
		}
	}
	return false
}
