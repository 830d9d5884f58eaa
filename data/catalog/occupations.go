package catalog

import (
	"fmt"
	"slices"
	"strings"
	"sync"
)

// SameGroupRelatedness is how related two different occupations of the same
// group are when the catalog has no closer link between them.
const SameGroupRelatedness = 0.3

// Occupation is one 工种.
type Occupation struct {
	Key          string // stable ASCII key stored in the database, e.g. "housekeeper"
	Name         string // 家政服务员
	Group        string // 家政服务, 建筑施工 ...
	NationalCode string // 国家职业分类大典 code where verified, else ""
	Aliases      []string
	Related      []Relation
}

// Relation links an occupation to a related one with a relatedness in (0,1).
type Relation struct {
	Key         string
	Relatedness float64
}

// occupationIndex is the catalog made ready for lookups, built on first use.
type occupationIndex struct {
	list   []Occupation   // group order, with Group and Related filled in
	byKey  map[string]int // key -> position in list
	byName map[string]int // name or alias -> position in list
	groups []string
}

var (
	occupationsOnce sync.Once
	occupationsData *occupationIndex
)

func occupations() *occupationIndex {
	occupationsOnce.Do(func() {
		idx, err := buildOccupations()
		if err != nil {
			// The catalog is Go source checked by tests; this is a build defect.
			panic(err)
		}
		occupationsData = idx
	})
	return occupationsData
}

func buildOccupations() (*occupationIndex, error) {
	idx := &occupationIndex{byKey: map[string]int{}, byName: map[string]int{}}
	for _, g := range occupationsByGroup {
		idx.groups = append(idx.groups, g.group)
		for _, o := range g.occupations {
			o.Group = g.group
			o.Related = nil
			i := len(idx.list)
			if _, dup := idx.byKey[o.Key]; dup || o.Key == "" {
				return nil, fmt.Errorf("occupation key %q is empty or repeated", o.Key)
			}
			idx.byKey[o.Key] = i
			for _, name := range append([]string{o.Name}, o.Aliases...) {
				if _, dup := idx.byName[name]; dup || name == "" {
					return nil, fmt.Errorf("occupation name or alias %q is empty or repeated", name)
				}
				idx.byName[name] = i
			}
			idx.list = append(idx.list, o)
		}
	}
	for _, l := range occupationLinks {
		a, okA := idx.byKey[l.a]
		b, okB := idx.byKey[l.b]
		if !okA || !okB || a == b || l.relatedness <= 0 || l.relatedness >= 1 {
			return nil, fmt.Errorf("bad occupation link %s–%s %v", l.a, l.b, l.relatedness)
		}
		if slices.ContainsFunc(idx.list[a].Related, func(r Relation) bool { return r.Key == l.b }) {
			return nil, fmt.Errorf("occupation link %s–%s repeated", l.a, l.b)
		}
		idx.list[a].Related = append(idx.list[a].Related, Relation{l.b, l.relatedness})
		idx.list[b].Related = append(idx.list[b].Related, Relation{l.a, l.relatedness})
	}
	return idx, nil
}

// clone copies o so callers cannot change the catalog through its slices.
func (o Occupation) clone() Occupation {
	o.Aliases = slices.Clone(o.Aliases)
	o.Related = slices.Clone(o.Related)
	return o
}

// Occupations lists the whole catalog in group order.
func Occupations() []Occupation {
	list := occupations().list
	out := make([]Occupation, len(list))
	for i, o := range list {
		out[i] = o.clone()
	}
	return out
}

// OccupationGroups lists the groups in catalog order.
func OccupationGroups() []string {
	return slices.Clone(occupations().groups)
}

// OccupationName is the name of the occupation with this key, or the key
// itself when the catalog does not hold it (a record from a newer
// catalog still shows something), "" for "".
func OccupationName(key string) string {
	idx := occupations()
	if i, ok := idx.byKey[key]; ok {
		return idx.list[i].Name
	}
	return key
}

// OccupationByKey finds an occupation by its key.
func OccupationByKey(key string) (Occupation, bool) {
	idx := occupations()
	if i, ok := idx.byKey[key]; ok {
		return idx.list[i].clone(), true
	}
	return Occupation{}, false
}

// OccupationByName finds an occupation by name or alias, ignoring
// surrounding spaces: "保姆" gives 家政服务员, "外卖骑手" gives 网约配送员.
func OccupationByName(name string) (Occupation, bool) {
	idx := occupations()
	if i, ok := idx.byName[strings.TrimSpace(name)]; ok {
		return idx.list[i].clone(), true
	}
	return Occupation{}, false
}

// SearchOccupations finds occupations whose name, an alias or the group
// contains q (ASCII case ignored), best first: exact name or alias, then
// names starting with q, aliases starting with q, names containing q,
// aliases containing q, groups containing q; catalog order within each
// rank; at most limit results (all if limit <= 0).
func SearchOccupations(q string, limit int) []Occupation {
	q = strings.ToLower(strings.TrimSpace(q))
	if q == "" {
		return nil
	}
	const (
		rankExact = iota
		rankNamePrefix
		rankAliasPrefix
		rankName
		rankAlias
		rankGroup
		ranks
	)
	var byRank [ranks][]Occupation
	for _, o := range occupations().list {
		name := strings.ToLower(o.Name)
		aliases := make([]string, len(o.Aliases))
		for i, a := range o.Aliases {
			aliases[i] = strings.ToLower(a)
		}
		rank := -1
		switch {
		case name == q || slices.Contains(aliases, q):
			rank = rankExact
		case strings.HasPrefix(name, q):
			rank = rankNamePrefix
		case slices.ContainsFunc(aliases, func(a string) bool { return strings.HasPrefix(a, q) }):
			rank = rankAliasPrefix
		case strings.Contains(name, q):
			rank = rankName
		case slices.ContainsFunc(aliases, func(a string) bool { return strings.Contains(a, q) }):
			rank = rankAlias
		case strings.Contains(o.Group, q):
			rank = rankGroup
		}
		if rank >= 0 {
			byRank[rank] = append(byRank[rank], o.clone())
		}
	}
	var out []Occupation
	for _, matches := range byRank {
		out = append(out, matches...)
		if limit > 0 && len(out) >= limit {
			return out[:limit]
		}
	}
	return out
}

// Relatedness of two occupations: 1 same, the catalog link, a group value, or 0.
// Equal non-empty keys give 1 even if the key has left the catalog (the same
// job is still the same job); otherwise unknown keys give 0.
func Relatedness(a, b string) float64 {
	if a == "" || b == "" {
		return 0
	}
	if a == b {
		return 1
	}
	idx := occupations()
	i, okA := idx.byKey[a]
	j, okB := idx.byKey[b]
	if !okA || !okB {
		return 0
	}
	for _, r := range idx.list[i].Related {
		if r.Key == b {
			return r.Relatedness
		}
	}
	if idx.list[i].Group == idx.list[j].Group {
		return SameGroupRelatedness
	}
	return 0
}
