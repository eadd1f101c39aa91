//go:build !linux

package input

func populate([]byte) {}
