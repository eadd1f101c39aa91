package hugepages

import (
	"bufio"
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// vmFlags returns the VmFlags of the mapping holding addr, from /proc/self/smaps.
func vmFlags(t *testing.T, addr uintptr) []string {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip("no /proc/self/smaps:", err)
	}
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if r, _, ok := strings.Cut(line, " "); ok && strings.Contains(r, "-") && !strings.HasSuffix(r, ":") {
			lo, hi, _ := strings.Cut(r, "-")
			a, err1 := strconv.ParseUint(lo, 16, 64)
			b, err2 := strconv.ParseUint(hi, 16, 64)
			in = err1 == nil && err2 == nil && uint64(addr) >= a && uint64(addr) < b
			continue
		}
		if in && strings.HasPrefix(line, "VmFlags:") {
			return strings.Fields(strings.TrimPrefix(line, "VmFlags:"))
		}
	}
	t.Fatalf("no mapping holds %#x", addr)
	return nil
}

func hasFlag(flags []string, f string) bool {
	for _, g := range flags {
		if g == f {
			return true
		}
	}
	return false
}

func needTHP(t *testing.T) {
	if !supported {
		t.Skip("a 32-bit system: Reserve and Advise give no advice")
	}
	if _, err := os.Stat("/sys/kernel/mm/transparent_hugepage/enabled"); err != nil {
		t.Skip("no transparent huge pages here:", err)
	}
}

// TestAdviseMarksWholeHugePages: a buffer's whole 2 MB pages are marked (VmFlags "hg"),
// nothing outside the buffer is, and its bytes are unchanged.
func TestAdviseMarksWholeHugePages(t *testing.T) {
	needTHP(t)
	buf := make([]byte, 9<<20)
	for i := range buf {
		buf[i] = byte(i * 13)
	}
	want := bytes.Clone(buf)
	lo, hi := advise(buf)
	if hi-lo < 6<<20 {
		t.Fatalf("advise marked %d bytes of a 9 MB buffer, want at least 6 MB", hi-lo)
	}
	if !hasFlag(vmFlags(t, lo), "hg") || !hasFlag(vmFlags(t, hi-1), "hg") {
		t.Errorf("advised range [%#x, %#x) is not marked hg", lo, hi)
	}
	if start := addrOf(buf); lo < start || hi > start+uintptr(len(buf)) {
		t.Errorf("advised [%#x, %#x) is not inside the buffer [%#x, %#x)", lo, hi, start, start+uintptr(len(buf)))
	}
	if !bytes.Equal(buf, want) {
		t.Error("advise changed the buffer's bytes")
	}
}

// TestReserveMarksHeap: the reserved range is heap memory marked for huge pages, and a
// later allocation can reuse it.
func TestReserveMarksHeap(t *testing.T) {
	needTHP(t)
	lo, hi := reserve(16 << 20)
	if hi-lo < 12<<20 {
		t.Fatalf("reserve marked %d bytes of 16 MB, want at least 12 MB", hi-lo)
	}
	if !hasFlag(vmFlags(t, lo), "hg") {
		t.Errorf("reserved range at %#x is not marked hg", lo)
	}
}

func addrOf(b []byte) uintptr { return uintptr(unsafe.Pointer(unsafe.SliceData(b))) }
