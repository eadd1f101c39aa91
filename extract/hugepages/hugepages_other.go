//go:build !linux

package hugepages

const supported = false

func reserve(int) (uintptr, uintptr) { return 0, 0 }

func advise([]byte) (uintptr, uintptr) { return 0, 0 }

func populate([]byte) {}
