package cli

import (
	"context"
	"flag"
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/sitrep-dev/sitrep/internal/coder"
)

func init() {
	register(&Command{
		Name:    "version",
		Summary: "print sitrep's version and the versions of its stages",
		Usage:   "",
		Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return usageError("unexpected arguments %q", args)
				}
				fmt.Fprintf(env.Stdout, "sitrep %s (%s, %s/%s)\n", Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
				fmt.Fprintf(env.Stdout, "coder %s %s\n", coder.Name, coder.Version)
				if bi, ok := debug.ReadBuildInfo(); ok {
					for _, s := range bi.Settings {
						if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
							fmt.Fprintf(env.Stdout, "%s %s\n", s.Key, s.Value)
						}
					}
				}
				return nil
			}
		},
	})
}
