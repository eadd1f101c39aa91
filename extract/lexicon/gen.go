package lexicon

//go:generate go test -run ^TestTables$ -update
