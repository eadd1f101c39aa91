package spare

import "testing"

func TestList(t *testing.T) {
	l := New[[]byte](2)
	big := func(b []byte) bool { return cap(b) >= 100 }
	if _, found, dropped := l.Take(big); found || dropped {
		t.Fatalf("empty list: found %v, dropped %v", found, dropped)
	}
	small, large := make([]byte, 0, 10), make([]byte, 0, 200)
	l.Put(small)
	l.Put(large)
	l.Put(make([]byte, 0, 300)) // over max: not kept
	if v, found, _ := l.Take(big); !found || cap(v) != 200 {
		t.Fatalf("Take(cap ≥ 100) = cap %d, found %v; want the one of 200", cap(v), found)
	}
	if _, found, dropped := l.Take(big); found || !dropped {
		t.Fatalf("only a small one kept: found %v, dropped %v; want it dropped", found, dropped)
	}
	if _, found, dropped := l.Take(big); found || dropped {
		t.Fatalf("after the drop: found %v, dropped %v; want an empty list", found, dropped)
	}
	l.Put(small)
	if v, found, _ := l.Take(func([]byte) bool { return true }); !found || cap(v) != 10 {
		t.Fatalf("Take(any) = cap %d, found %v; want the small one", cap(v), found)
	}
}

func TestListConcurrent(t *testing.T) {
	l := New[*int](4)
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			for i := 0; i < 1000; i++ {
				v, found, _ := l.Take(func(*int) bool { return true })
				if !found {
					v = new(int)
				}
				l.Put(v)
			}
			done <- true
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
	if len(l.items) > 4 {
		t.Fatalf("%d values kept, want at most 4", len(l.items))
	}
}
