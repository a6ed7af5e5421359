package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"sort"
	"strings"
)

// group is a command whose first argument picks a subcommand, as in
// "sitrep eval geo" or "sitrep train syntax".
type group struct {
	cmd  *Command
	subs map[string]*Command
}

var groups = map[string]*group{}

// registerSub adds sub under the group command name, creating the group on
// first use with the given summary.
func registerSub(name, summary string, sub *Command) {
	g, ok := groups[name]
	if !ok {
		g = &group{subs: map[string]*Command{}}
		g.cmd = &Command{Name: name, Summary: summary, Usage: "KIND [flags] [args]", Flags: g.flags}
		groups[name] = g
		register(g.cmd)
	}
	if _, dup := g.subs[sub.Name]; dup {
		panic("cli: subcommand registered twice: " + name + " " + sub.Name)
	}
	g.subs[sub.Name] = sub
	g.cmd.Help = g.help()
}

func (g *group) help() string {
	names := make([]string, 0, len(g.subs))
	for n := range g.subs {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("Kinds:\n")
	for _, n := range names {
		fmt.Fprintf(&b, "  %-10s %s\n", n, g.subs[n].Summary)
	}
	fmt.Fprintf(&b, "\nRun 'sitrep %s KIND --help' for a kind's flags.", g.cmd.Name)
	return b.String()
}

func (g *group) flags(*flag.FlagSet) func(context.Context, *Env, []string) error {
	return func(ctx context.Context, env *Env, args []string) error {
		if len(args) == 0 {
			return usageError("%s needs a kind", g.cmd.Name)
		}
		sub, ok := g.subs[args[0]]
		if !ok {
			return usageError("unknown kind %q for %s", args[0], g.cmd.Name)
		}
		fs := flag.NewFlagSet("sitrep "+g.cmd.Name+" "+sub.Name, flag.ContinueOnError)
		run := sub.Flags(fs)
		full := *sub
		full.Name = g.cmd.Name + " " + sub.Name
		rest, err := parseArgs(fs, args[1:])
		if err != nil {
			if errors.Is(err, flag.ErrHelp) {
				printCommandHelpTo(env.Stdout, &full, fs)
				return nil
			}
			return fmt.Errorf("%w: %s (run 'sitrep %s --help')", errUsage, flagError(err), full.Name)
		}
		return run(ctx, env, rest)
	}
}
