package lexicon

// The sets of the embedded files are built once, by NewSet, and kept in tables.go as Go
// data (all): a process starts with them in place instead of building them, which cost
// 8 ms and 1.9 MB of allocations (a collection included) at every start, paid for each
// file by a run of one file a process. TestTables holds tables.go to the files; after one
// changes, this writes it again.
//go:generate go test -run ^TestTables$ -update
