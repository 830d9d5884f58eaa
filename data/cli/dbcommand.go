package cli

import (
	"flag"

	"duikou/data/recommend"
	"duikou/data/storage"
)

// dbCommand is the command line of a subcommand that works on one
// database named by --db, with the steps such commands share: read the
// flags, then open the database (with its lock when the command writes),
// act on it and close it. What stays in each command is its own flags,
// checks and work.
type dbCommand struct {
	*flag.FlagSet
	env      *Env
	db       *string
	required []requiredFlag
}

// requiredFlag is a flag the command cannot run without, and the line
// that says so when it is missing.
type requiredFlag struct {
	value   *string
	missing string
}

// requiredString declares a text flag the command cannot run without:
// flagsOnly stops with missing when it is not given, checking such flags
// in the order they were declared.
func (c *dbCommand) requiredString(name, usage, missing string) *string {
	v := c.String(name, "", usage)
	c.required = append(c.required, requiredFlag{v, missing})
	return v
}

// dbCommand starts name's flags (see Env.flags) with --db, explained by
// dbHelp.
func (env *Env) dbCommand(name, dbHelp, synopsis string, args ...string) *dbCommand {
	fs := env.flags(name, synopsis, args...)
	return &dbCommand{FlagSet: fs, env: env, db: fs.String("db", "", dbHelp)}
}

// flagsOnly parses the flags of a command that takes no positional
// argument; ok is false when the command must stop with code (see
// Env.parseFlagsOnly), or a required flag is missing.
func (c *dbCommand) flagsOnly(args []string) (code int, ok bool) {
	if code, ok := c.env.parseFlagsOnly(c.FlagSet, args); !ok {
		return code, false
	}
	for _, r := range c.required {
		if *r.value == "" {
			return c.env.Fail("%s", r.missing), false
		}
	}
	return ExitOK, true
}

// positionals parses the flags and returns exactly n positional
// arguments; ok is false when the command must stop with code: after -h
// (ExitOK), a bad flag, or another count of arguments (the usage line).
func (c *dbCommand) positionals(args []string, n int) (pos []string, code int, ok bool) {
	pos, err := parse(c.FlagSet, args)
	if err != nil {
		return nil, parseExit(err), false
	}
	if len(pos) != n {
		return nil, c.env.failUsage(c.FlagSet), false
	}
	return pos, ExitOK, true
}

// open runs do on the --db database opened for a (see Env.withDB).
func (c *dbCommand) open(a access, do func(s *storage.Store) int) int {
	return c.env.withDB(*c.db, a, do)
}

// match runs do on the matching index of the --db database (see
// Env.withMatcher).
func (c *dbCommand) match(a access, do func(m *recommend.Matcher) int) int {
	return c.env.withMatcher(*c.db, a, do)
}
