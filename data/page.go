package data

// Page asks for one page of a list. With After set it continues after that
// row (keyset paging: cheap however deep the clerk scrolls forward);
// otherwise it starts at Offset (for a table that jumps to row n).
type Page struct {
	Sort   string // a sort key the list offers ("" for its default)
	Desc   bool
	After  *Cursor
	Offset int
	Limit  int // default 100
}

// Cursor marks the last row of a page: its sort value and its id.
type Cursor struct {
	Value any
	ID    string
}
