package server

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/sitrep-dev/sitrep/internal/event"
)

const chromiumPath = "/usr/bin/chromium"

// TestBrowser loads the map in headless Chromium, checks that the events are
// drawn, opens one and checks the highlighted evidence, brushes the
// timeline, and keeps a screenshot. Set SITREP_SCREENSHOT to a file path to
// keep a copy outside the test's temporary directory.
func TestBrowser(t *testing.T) {
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skipf("browser test skipped: %s not found (apt-get install chromium)", chromiumPath)
	}
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	ts := newTestServer(t)
	tmp := t.TempDir()

	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromiumPath),
		chromedp.UserDataDir(filepath.Join(tmp, "profile")),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.WindowSize(1400, 900),
	)
	defer cancelAlloc()
	ctx, cancelCtx := chromedp.NewContext(alloc, chromedp.WithLogf(t.Logf))
	defer cancelCtx()
	ctx, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	must := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	eval := func(js string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		must(js, err)
		return s
	}

	must("load page", chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`body[data-ready="1"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#event-list li`)),
	))

	// Four pinned events (one country-only event is listed, not drawn);
	// markers and clusters together must account for exactly those.
	drawn := eval(`(() => {
		let n = document.querySelectorAll("path.ev-marker").length;
		for (const c of document.querySelectorAll(".ev-cluster")) n += +c.textContent;
		return String(n);
	})()`)
	if drawn != "4" {
		t.Fatalf("map draws %s events, want 4", drawn)
	}
	if n := eval(`String(document.querySelectorAll("#event-list li").length)`); n != "5" {
		t.Fatalf("list shows %s events, want 5", n)
	}
	dates := eval(`[...document.querySelectorAll("#event-list .ev-date")].map((d) => d.textContent).join(" ")`)
	if ds := strings.Fields(dates); len(ds) != 5 || !slices.IsSortedFunc(ds, func(a, b string) int { return strings.Compare(b, a) }) || ds[0] == ds[4] {
		t.Errorf("list dates %q, want the newest first", dates)
	}
	if s := eval(`document.querySelector("#event-list").textContent`); !strings.Contains(s, "country, not on map") {
		t.Errorf("country-only event not flagged as unpinned: %q", s)
	}
	if n := eval(`String(document.querySelectorAll(".leaflet-overlay-pane path").length)`); n < "2" && len(n) == 1 {
		t.Errorf("world outline not drawn (%s paths)", n)
	}

	// Open the SAA event from the list and check each highlighted span.
	var ev event.Event
	for _, e := range events(t, ts.URL, "q=liberated").Events {
		ev = e.Event
	}
	must("open event", chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#event-list li[data-id="`+ev.ID+`"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#article-body .hl-sentence`)),
	))
	highlights := map[string]string{}
	raw := eval(`JSON.stringify(Object.fromEntries(["hl-sentence","hl-actor","hl-action","hl-place","hl-cue","hl-date"].map(
		(c) => [c, [...document.querySelectorAll("#article-body ." + c)].map((n) => n.textContent).join("")])))`)
	must("highlights", json.Unmarshal([]byte(raw), &highlights))
	want := map[string]string{
		"hl-sentence": ev.SentenceSpan.Text,
		"hl-actor":    "The Syrian Arab Army (SAA)",
		"hl-action":   "liberated",
		"hl-place":    "Busra al-Ḥarir",
		"hl-cue":      "according to",
		"hl-date":     "Monday",
	}
	for cls, w := range want {
		if highlights[cls] != w {
			t.Errorf("%s highlights %q, want %q", cls, highlights[cls], w)
		}
	}
	card := eval(`document.querySelector("#event-card").textContent`)
	for _, w := range []string{"reported", "pro-government sources", "Global Research", "Al-Masdar News", "exact", "CAMEO 192"} {
		if !strings.Contains(card, w) {
			t.Errorf("event card lacks %q: %s", w, card)
		}
	}
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	must("screenshot", err)
	path := filepath.Join(tmp, "sitrep-map.png")
	must("save screenshot", os.WriteFile(path, shot, 0o644))
	t.Logf("screenshot: %s (%d bytes)", path, len(shot))
	if keep := os.Getenv("SITREP_SCREENSHOT"); keep != "" {
		must("keep screenshot", os.WriteFile(keep, shot, 0o644))
	}

	// Back to the list, then brush the left part of the timeline: the
	// range becomes the from/to filter and the list narrows.
	must("back", chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#back`)), chromedp.WaitVisible(chromedp.CSS(`#event-list li`))))
	var box struct{ X, Y, W, H float64 }
	must("timeline box", json.Unmarshal([]byte(eval(`JSON.stringify((() => {
		const r = document.querySelector("#histogram").getBoundingClientRect();
		return {X: r.left, Y: r.top, W: r.width, H: r.height};
	})())`)), &box))
	y := box.Y + box.H/2
	must("brush", chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](`document.body.dataset.ready = ""`),
		chromedp.MouseEvent(chromedp.MousePressed, box.X+2, y, chromedp.ButtonLeft, chromedp.ClickCount(1)),
		chromedp.MouseEvent(chromedp.MouseMoved, box.X+box.W*0.1, y, chromedp.ButtonLeft),
		chromedp.MouseEvent(chromedp.MouseMoved, box.X+box.W*0.25, y, chromedp.ButtonLeft),
		chromedp.MouseEvent(chromedp.MouseReleased, box.X+box.W*0.25, y, chromedp.ButtonLeft, chromedp.ClickCount(1)),
		chromedp.WaitVisible(chromedp.CSS(`body[data-ready="1"]`)),
	))
	from := eval(`document.querySelector("[name=from]").value`)
	to := eval(`document.querySelector("[name=to]").value`)
	n := eval(`String(document.querySelectorAll("#event-list li").length)`)
	// The fixture spans three days, one bar each; the first quarter of the
	// axis covers the first of them only.
	if from != "2018-06-25" || to != "2018-06-25" || n != "1" {
		t.Errorf("brush gave from=%q to=%q and %s events, want 2018-06-25..2018-06-25 and 1", from, to, n)
	}
	if !strings.Contains(eval(`location.hash`), "from=2018-06-25") {
		t.Errorf("filters not kept in the URL: %s", eval(`location.hash`))
	}
}
