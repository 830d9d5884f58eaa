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

// Order is a list's order as the screen shows it, handed to an export or a
// printed list so that paper, sheet and screen agree row for row: the
// Store's sort key (as in Page), the direction, and the words for the
// title line ("按姓名升序"). The zero Order is each output's own order.
type Order struct {
	Sort  string
	Desc  bool
	Label string
}
