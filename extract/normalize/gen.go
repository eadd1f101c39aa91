package normalize

//go:generate go run ./internal/gent2s -in /usr/share/unicode/Unihan_Variants.txt.bz2 -out t2s_table.go
