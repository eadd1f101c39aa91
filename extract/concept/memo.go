package concept

import (
	"hash/maphash"
	"sync"
)

// memo remembers what stripping found for a phrase: indicator phrases repeat within and
// across documents. It is a map in shards, each behind its own lock, so that workers
// rarely wait for each other; sync.Map's trie cost a cache miss per level on every look.
type memo struct {
	seed   maphash.Seed
	once   sync.Once
	shards [memoShards]memoShard
}

const memoShards = 16

type memoShard struct {
	mu sync.Mutex
	m  map[string]*stripped
	_  [48]byte // with the lock and the map, 64 bytes: two shards' locks share no cache line
}

// maxMemo bounds the memo: a long batch must not grow it without end.
const maxMemo = 1 << 16

func (m *memo) shard(phrase string) *memoShard {
	m.once.Do(func() { m.seed = maphash.MakeSeed() })
	return &m.shards[maphash.String(m.seed, phrase)%memoShards]
}

func (m *memo) load(phrase string) (*stripped, bool) {
	sh := m.shard(phrase)
	sh.mu.Lock()
	s, ok := sh.m[phrase]
	sh.mu.Unlock()
	return s, ok
}

func (m *memo) store(phrase string, s *stripped) {
	sh := m.shard(phrase)
	sh.mu.Lock()
	if sh.m == nil {
		sh.m = map[string]*stripped{}
	}
	if len(sh.m) < maxMemo/memoShards {
		sh.m[phrase] = s
	}
	sh.mu.Unlock()
}
