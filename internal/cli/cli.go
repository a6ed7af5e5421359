// Package cli holds sitrep's subcommands. Each subcommand is one file that
// registers a Command in its init function, so a new stage adds a command
// without touching the others.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
)

// Command is one sitrep subcommand.
type Command struct {
	Name    string
	Summary string // one line for the command list
	Usage   string // argument synopsis, e.g. "[flags] PATH|DIR|URL..."
	Help    string // paragraphs printed by --help above the flags
	// Flags declares the command's flags on fs and returns the function that
	// runs it once they are parsed.
	Flags func(fs *flag.FlagSet) func(ctx context.Context, env *Env, args []string) error
}

// Env is what a command may touch of the outside world.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

// ErrPartial reports that a command did its work but some inputs failed; the
// failures were already printed, so Main only sets the exit status.
var ErrPartial = errors.New("some inputs failed")

// errUsage marks a wrong invocation: exit status 2, like flag's own errors.
var errUsage = errors.New("usage")

var commands = map[string]*Command{}

func register(c *Command) {
	if _, dup := commands[c.Name]; dup {
		panic("cli: command registered twice: " + c.Name)
	}
	commands[c.Name] = c
}

// Main runs sitrep with args (without the program name) and returns the exit
// status: 0 success, 1 failure or partial failure, 2 usage error.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	env := &Env{Stdin: stdin, Stdout: stdout, Stderr: stderr}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		if len(args) > 1 {
			if c, ok := commands[args[1]]; ok {
				printCommandHelp(stdout, c)
				return 0
			}
		}
		printOverview(stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	if args[0] == "--version" || args[0] == "-version" {
		args = []string{"version"}
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "sitrep: unknown command %q\n\n", args[0])
		printOverview(stderr)
		return 2
	}
	fs := flag.NewFlagSet("sitrep "+c.Name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	run := c.Flags(fs)
	rest, err := args[1:], error(nil)
	if _, isGroup := groups[c.Name]; !isGroup || len(rest) > 0 && (rest[0] == "-h" || rest[0] == "-help" || rest[0] == "--help") {
		// a group's flags belong to its kinds: "sitrep eval geo --json"
		rest, err = parseArgs(fs, rest)
	}
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printCommandHelpTo(stdout, c, fs)
			return 0
		}
		fmt.Fprintf(stderr, "sitrep %s: %v\nRun 'sitrep %s --help' for usage.\n", c.Name, flagError(err), c.Name)
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err = run(ctx, env, rest)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errUsage):
		msg := strings.TrimPrefix(err.Error(), errUsage.Error()+": ")
		fmt.Fprintf(stderr, "sitrep %s: %s\n", c.Name, msg)
		if !strings.Contains(msg, "--help") {
			fmt.Fprintf(stderr, "Run 'sitrep %s --help' for usage.\n", c.Name)
		}
		return 2
	case errors.Is(err, ErrPartial):
		fmt.Fprintf(stderr, "sitrep %s: %v\n", c.Name, err)
		return 1
	default:
		fmt.Fprintf(stderr, "sitrep %s: %v\n", c.Name, err)
		return 1
	}
}

// parseArgs parses flags wherever they stand among the arguments ("sitrep
// ingest dump.jsonl --quiet"), as users type them; "--" ends the flags and
// "-" is an argument (standard input). The flag package's own messages and
// usage are silenced: the caller reports errors once.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	var tail []string
	for i, a := range args {
		if a == "--" {
			args, tail = args[:i], args[i+1:]
			break
		}
	}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	return append(pos, tail...), nil
}

// flagError spells a flag error's flag the way the help does, "--name".
func flagError(err error) string {
	msg := err.Error()
	if i := strings.LastIndex(msg, ": -"); i >= 0 && !strings.HasPrefix(msg[i+2:], "--") {
		msg = msg[:i+2] + "-" + msg[i+2:]
	}
	return msg
}

func usageError(format string, a ...any) error {
	return fmt.Errorf("%w: %s", errUsage, fmt.Sprintf(format, a...))
}

func printOverview(w io.Writer) {
	fmt.Fprint(w, `sitrep turns news articles into a deduplicated, geocoded database of political
and conflict events: who did what to whom, where, when, according to whom.

Usage: sitrep COMMAND [flags] [args]

Commands:
`)
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].Summary)
	}
	fmt.Fprint(w, "\nRun 'sitrep COMMAND --help' for a command's flags and details.\n")
}

func printCommandHelp(w io.Writer, c *Command) {
	fs := flag.NewFlagSet("sitrep "+c.Name, flag.ContinueOnError)
	c.Flags(fs)
	printCommandHelpTo(w, c, fs)
}

func printCommandHelpTo(w io.Writer, c *Command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Usage: sitrep %s %s\n\n%s\n", c.Name, c.Usage, c.Summary)
	if c.Help != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(c.Help))
	}
	hasFlags := false
	fs.VisitAll(func(*flag.Flag) { hasFlags = true })
	if hasFlags {
		fmt.Fprint(w, "\nFlags:\n")
		printFlags(w, fs)
	}
}

// printFlags lists the flags as flag.PrintDefaults does, but spelt with two
// dashes, the way users type them (the flag package takes both).
func printFlags(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		line := "  --" + f.Name
		if name != "" {
			line += " " + name
		}
		fmt.Fprintf(w, "%s\n    \t%s", line, strings.ReplaceAll(usage, "\n", "\n    \t"))
		switch def := f.DefValue; {
		case def == "" || def == "false" || def == "0":
		case fmt.Sprintf("%T", f.Value) == "*flag.stringValue":
			fmt.Fprintf(w, " (default %q)", def)
		default:
			fmt.Fprintf(w, " (default %v)", def)
		}
		fmt.Fprintln(w)
	})
}
