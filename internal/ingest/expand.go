package ingest

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Expand turns the user's arguments into inputs for Read: files as given
// (whatever their name, since the user chose them), directories walked
// recursively, and http(s) URLs as they are. A walk skips hidden files and
// directories and files whose extension says they are not articles. Paths
// that do not exist or cannot be walked are reported in errs, one
// *InputError each, and the rest go on. The inputs come back sorted and
// without duplicates.
func Expand(args []string) (inputs []string, errs []error) {
	seen := map[string]bool{}
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			inputs = append(inputs, s)
		}
	}
	for _, arg := range args {
		if isURL(arg) {
			add(arg)
			continue
		}
		if i := strings.Index(arg, "://"); i > 0 && !strings.ContainsAny(arg[:i], `/\.`) {
			errs = append(errs, &InputError{Name: arg, Err: fmt.Errorf("unsupported URL scheme %q (want http or https)", arg[:i])})
			continue
		}
		fi, err := os.Stat(arg)
		if err != nil {
			errs = append(errs, &InputError{Name: arg, Err: pathErr(err)})
			continue
		}
		if !fi.IsDir() {
			add(filepath.Clean(arg))
			continue
		}
		// WalkDir does not enter a root that is a link to a directory
		// unless the name says it is a directory.
		root := arg
		if li, err := os.Lstat(arg); err == nil && li.Mode()&fs.ModeSymlink != 0 {
			root = arg + string(os.PathSeparator)
		}
		found := 0
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, &InputError{Name: p, Err: pathErr(err)})
				if d != nil && d.IsDir() && p != root {
					return fs.SkipDir
				}
				return nil
			}
			if p != root && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				// Follow links to files but not to directories, which
				// could loop.
				fi, err := os.Stat(p)
				if err != nil || !fi.Mode().IsRegular() {
					return nil
				}
			} else if !d.Type().IsRegular() {
				return nil
			}
			if skipByName(d.Name()) {
				return nil
			}
			found++
			add(p)
			return nil
		})
		if err != nil {
			errs = append(errs, &InputError{Name: arg, Err: fmt.Errorf("walk: %w", err)})
		}
		if found == 0 && err == nil {
			errs = append(errs, &InputError{Name: arg, Err: errors.New("directory holds no input files (hidden files and non-article extensions are skipped)")})
		}
	}
	slices.Sort(inputs)
	return inputs, errs
}

// skippedExts are extensions of files a walk passes over: they cannot hold
// articles, or are sitrep's own database. Unknown extensions are kept, and
// Read judges them by their content.
var skippedExts = map[string]bool{
	// images
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true, ".svg": true,
	".ico": true, ".bmp": true, ".tif": true, ".tiff": true, ".avif": true, ".heic": true,
	// audio and video
	".mp3": true, ".mp4": true, ".m4a": true, ".wav": true, ".ogg": true, ".oga": true,
	".flac": true, ".avi": true, ".mov": true, ".mkv": true, ".webm": true,
	// archives; .warc.gz, .jsonl.gz and the like are checked apart
	".zip": true, ".tar": true, ".tgz": true, ".gz": true, ".bz2": true, ".xz": true,
	".zst": true, ".7z": true, ".rar": true,
	// databases, sitrep's own among them
	".db": true, ".sqlite": true, ".sqlite3": true, ".db-wal": true, ".db-shm": true,
	".db-journal": true, ".sqlite-wal": true, ".sqlite-shm": true,
	// office documents and binaries
	".pdf": true, ".doc": true, ".docx": true, ".xls": true, ".xlsx": true, ".ppt": true,
	".pptx": true, ".odt": true, ".ods": true, ".exe": true, ".dll": true, ".so": true,
	".dylib": true, ".o": true, ".a": true, ".bin": true, ".class": true, ".jar": true,
	".pyc": true, ".wasm": true,
	// fonts and page assets
	".woff": true, ".woff2": true, ".ttf": true, ".otf": true, ".eot": true,
	".css": true, ".js": true, ".mjs": true, ".map": true,
	// WARC indexes and crawler leftovers
	".cdx": true, ".cdxj": true, ".idx": true, ".open": true, ".lock": true, ".pid": true,
	// source code and configuration, as in a repository checked out beside the articles
	".go": true, ".py": true, ".rb": true, ".java": true, ".c": true, ".h": true, ".cc": true, ".cpp": true,
	".rs": true, ".ts": true, ".sh": true, ".yaml": true, ".yml": true, ".toml": true, ".ini": true,
	".mod": true, ".sum": true, ".cfg": true,
}

// skippedNames are files a walk passes over whatever their extension: a
// folder's own documentation is not news.
var skippedNames = map[string]bool{"readme": true, "license": true, "licence": true, "notice": true, "changelog": true,
	"copying": true, "authors": true, "contributing": true, "makefile": true, "dockerfile": true}

// readableGz are compressed inputs Read understands.
var readableGz = []string{".warc.gz", ".jsonl.gz", ".ndjson.gz", ".txt.gz", ".html.gz", ".htm.gz", ".xml.gz", ".rss.gz"}

func skipByName(name string) bool {
	lower := strings.ToLower(name)
	for _, s := range readableGz {
		if strings.HasSuffix(lower, s) {
			return false
		}
	}
	if strings.HasSuffix(lower, "~") {
		return true // an editor's backup
	}
	if skippedNames[strings.TrimSuffix(lower, filepath.Ext(lower))] {
		return true
	}
	return skippedExts[filepath.Ext(lower)]
}
