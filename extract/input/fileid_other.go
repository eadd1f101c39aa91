//go:build !unix

package input

import "io/fs"

// fileKey identifies a directory whatever path leads to it. Without inode numbers the
// walk cannot tell, and does not follow symbolic links to directories twice by name only.
type fileKey struct{ name string }

func keyOf(fi fs.FileInfo) (fileKey, bool) { return fileKey{}, false }
