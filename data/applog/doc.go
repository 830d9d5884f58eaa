// Package applog is Duikou's log file: log/slog records written as text
// to a file in a given folder (duikou.log), rotated at about 5 MB with the
// last few files kept (duikou.log.1 is the newest old one), created 0600
// where the operating system has file modes.
//
// Nothing personal may reach the file: the handler masks anything in a
// message or an attribute value that looks like an 18-character (or
// 15-digit) ID number, keeping the first six and last four characters, or
// an 11-digit mainland mobile number, keeping the first three and last
// four, whatever the caller forgot to mask.
//
// A program opens it once at start:
//
//	lg, err := applog.Open(dir, applog.Options{})
//	defer lg.Close()
//	slog.SetDefault(lg.Logger)
//	defer applog.Catch(lg.Logger, "窗口", nil) // logs a panic with its stack, then re-panics
//
// Several processes (the window and a command) may append to one file;
// each writes whole lines.
package applog
