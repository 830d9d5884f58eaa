// Command duikou is 对口劳务协作: a desktop program for county trade-union
// clerks who run cross-province labour cooperation. With no subcommand it
// opens the GUI; with one (demo, import, export, match ...) it runs
// headless for scripts. This is the only file that imports Fyne's app
// package, so everything else can be tested without a display.
package main

import (
	"os"

	"duikou/data/cli"
)

func main() {
	if len(os.Args) > 1 && cli.IsCommand(os.Args[1]) {
		os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(runGUI(os.Args[1:]))
}
