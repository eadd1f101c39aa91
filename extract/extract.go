package extract

import "errors"

// Options control how a document is read.
type Options struct {
	// Encoding forces the input encoding ("utf-8", "utf-16le", "utf-16be", "gb18030",
	// "gbk", "big5"); empty means detect it per document.
	Encoding string
	// HTML forces (true) the HTML reading of the input; by default a document is read as
	// HTML when its name ends in .html/.htm or its content starts like HTML.
	HTML *bool
}

// Document extracts the records of one document. name is what records carry as `doc`.
func Document(name string, data []byte, opts Options) ([]Record, error) {
	return nil, errors.New("not implemented yet")
}
