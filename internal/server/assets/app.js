// sitrep web map: plain browser JavaScript over the JSON API, no build step.
// Every text that comes from an article is inserted with textContent, never
// as HTML: article bodies are untrusted input.
"use strict";

(function () {
  const PAGE = 1000;        // the API's largest page
  const MAX_EVENTS = 10000; // more would make the page sluggish; filters narrow it
  const CELL = 56;          // cluster grid cell in screen pixels

  // ACLED types keep stable colours; anything else gets one from the palette.
  const FIXED = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#8e44ad",
    "Violence against civilians": "#d35400",
    "Protests": "#2c6fbb",
    "Riots": "#16a085",
    "Strategic developments": "#7f8c8d",
  };
  const PALETTE = ["#27ae60", "#b7950b", "#1abc9c", "#e84393", "#34495e", "#a04000", "#5d6d7e", "#6c3483"];
  const assigned = {};
  function colour(kind) {
    if (FIXED[kind]) return FIXED[kind];
    if (!assigned[kind]) assigned[kind] = PALETTE[Object.keys(assigned).length % PALETTE.length];
    return assigned[kind];
  }
  // The same label the server's /api/stats groups by.
  function kindOf(e) {
    const a = e.action || {};
    return a.acled_type || a.plover || ("CAMEO " + String(a.cameo || "").slice(0, 2));
  }
  // What a type label means as the API's type= filter.
  function typeParam(kind) { return kind.startsWith("CAMEO ") ? kind.slice(6) : kind; }

  const $ = (sel) => document.querySelector(sel);
  function el(tag, attrs, ...children) {
    const n = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "class") n.className = v;
      else if (k.startsWith("on")) n.addEventListener(k.slice(2), v);
      else n.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children.flat(Infinity)) {
      if (c === undefined || c === null || c === false) continue;
      n.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return n;
  }

  function showError(msg) {
    const box = $("#error");
    box.textContent = msg;
    box.hidden = false;
    clearTimeout(showError.t);
    showError.t = setTimeout(() => { box.hidden = true; }, 8000);
  }

  async function api(path, params) {
    const qs = params ? new URLSearchParams(params).toString() : "";
    const res = await fetch("api/" + path + (qs ? "?" + qs : ""));
    let body;
    try { body = await res.json(); } catch (e) { body = null; }
    if (!res.ok) throw new Error((body && body.error) || (res.status + " " + res.statusText));
    return body;
  }

  // ---- state ---------------------------------------------------------------

  const form = $("#filters");
  const FIELDS = ["from", "to", "country", "type", "modality", "actor", "q"];
  let events = [];       // loaded events, in API order
  let selected = null;   // id of the event shown in the article pane
  let generation = 0;    // discards answers to superseded requests
  let nextCursor = null;

  function filters(without) {
    const f = {};
    for (const k of FIELDS) {
      if (without && without.includes(k)) continue;
      const v = form.elements[k].value.trim();
      if (v) f[k] = v;
    }
    return f;
  }

  function setFilters(f) {
    for (const k of FIELDS) {
      const input = form.elements[k];
      const v = f[k] || "";
      if (input.tagName === "SELECT" && v && ![...input.options].some((o) => o.value === v)) {
        input.append(el("option", { value: v }, v));
      }
      input.value = v;
    }
  }

  function syncHash() {
    const qs = new URLSearchParams(filters()).toString();
    const h = qs ? "#" + qs : "";
    if (location.hash !== h) history.replaceState(null, "", h || location.pathname);
  }

  // ---- map -----------------------------------------------------------------

  const map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 13, zoomControl: true, preferCanvas: false })
    .setView([30, 20], 2);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  const markers = L.layerGroup().addTo(map);

  fetch("assets/vendor/world/countries-110m.geojson")
    .then((r) => r.json())
    .then((world) => {
      unwrapAntimeridian(world);
      L.geoJSON(world, {
        interactive: false,
        attribution: "Natural Earth",
        style: { color: "#8a99a8", weight: 0.7, fillColor: "#f7f5ef", fillOpacity: 1 },
      }).addTo(map).bringToBack();
    })
    .catch(() => showError("could not load the world outline"));

  // Natural Earth rings that cross the antimeridian (Russia's far east,
  // Fiji) jump from 180 to -180; drawn as they are, they stripe the whole
  // map. Keeping each ring continuous lets Leaflet draw it past 180.
  function unwrapAntimeridian(fc) {
    for (const f of fc.features) {
      const g = f.geometry;
      if (!g) continue;
      const polys = g.type === "MultiPolygon" ? g.coordinates : g.type === "Polygon" ? [g.coordinates] : [];
      for (const poly of polys) {
        for (const ring of poly) {
          for (let i = 1; i < ring.length; i++) {
            const d = ring[i][0] - ring[i - 1][0];
            if (d > 180) ring[i][0] -= 360;
            else if (d < -180) ring[i][0] += 360;
          }
        }
      }
    }
  }

  const legend = L.control({ position: "bottomright" });
  legend.onAdd = () => el("div", { class: "legend" });
  legend.addTo(map);
  function drawLegend(byType) {
    const box = legend.getContainer();
    box.replaceChildren(...byType.slice(0, 10).map((c) =>
      el("div", {}, el("span", { class: "swatch", style: "background:" + colour(c.key) }), c.key + " (" + c.count + ")")));
    box.hidden = byType.length === 0;
  }

  function pinned(e) {
    const l = e.location;
    return l && l.place && (l.precision === "exact" || l.precision === "near");
  }

  // Grid clustering in screen space: events whose pixels fall in the same
  // cell at this zoom become one marker, coloured by the most common type.
  function drawMarkers() {
    markers.clearLayers();
    const zoom = map.getZoom();
    const cells = new Map();
    for (const e of events) {
      if (!pinned(e)) continue;
      const ll = L.latLng(e.location.place.lat, e.location.place.lon);
      const p = map.project(ll, zoom);
      const key = Math.floor(p.x / CELL) + ":" + Math.floor(p.y / CELL);
      let c = cells.get(key);
      if (!c) cells.set(key, (c = { items: [], lat: 0, lon: 0 }));
      c.items.push(e);
      c.lat += ll.lat;
      c.lon += ll.lng;
    }
    for (const c of cells.values()) {
      const n = c.items.length;
      const at = L.latLng(c.lat / n, c.lon / n);
      if (n === 1) {
        const e = c.items[0];
        const m = L.circleMarker(at, {
          radius: 7, weight: e.id === selected ? 3 : 1.5, color: e.id === selected ? "#000" : "#fff",
          fillColor: colour(kindOf(e)), fillOpacity: 0.9, className: "ev-marker", bubblingMouseEvents: false,
        });
        m.bindTooltip(summaryText(e));
        m.on("click", () => select(e.id));
        markers.addLayer(m);
        continue;
      }
      const counts = {};
      for (const e of c.items) counts[kindOf(e)] = (counts[kindOf(e)] || 0) + 1;
      const top = Object.keys(counts).sort((a, b) => counts[b] - counts[a])[0];
      const size = Math.min(52, 22 + Math.round(Math.log2(n) * 5));
      // Only numbers and palette colours go into this HTML, never article text.
      const icon = L.divIcon({
        className: "ev-cluster", iconSize: [size, size],
        html: '<div style="background:' + colour(top) + '">' + n + "</div>",
      });
      const m = L.marker(at, { icon, title: n + " events", keyboard: true });
      m.on("click", () => {
        const b = L.latLngBounds(c.items.map((e) => [e.location.place.lat, e.location.place.lon]));
        if (zoom >= map.getMaxZoom() || b.getNorthEast().equals(b.getSouthWest())) {
          showList(c.items);
        } else {
          map.fitBounds(b.pad(0.3), { maxZoom: map.getMaxZoom() });
        }
      });
      markers.addLayer(m);
    }
  }
  map.on("zoomend", drawMarkers);

  // ---- timeline ------------------------------------------------------------

  const svg = $("#histogram");
  const SVGNS = "http://www.w3.org/2000/svg";
  let bins = [];    // {from, to, count}
  let brush = null; // {x0, x1} in pixels while dragging
  const DAY = 86400000;
  const iso = (t) => new Date(t).toISOString().slice(0, 10);

  function drawTimeline(byDay) {
    const w = svg.clientWidth || 600, h = svg.clientHeight || 96, pad = 16;
    svg.setAttribute("viewBox", "0 0 " + w + " " + h);
    svg.replaceChildren();
    bins = [];
    if (!byDay.length) {
      const t = document.createElementNS(SVGNS, "text");
      t.setAttribute("x", 8); t.setAttribute("y", 20); t.setAttribute("class", "axis");
      t.textContent = "no dated events";
      svg.append(t);
      return;
    }
    // A few events dated from history ("born in 1939", "since 1993") would
    // squeeze the news into a sliver: the axis spans the middle 98% of the
    // events unless that leaves most of the range out anyway.
    let lo = 0, hi = byDay.length - 1, outside = 0;
    const total = byDay.reduce((n, d) => n + d.count, 0);
    if (total >= 50) {
      let acc = 0;
      while (lo < hi && acc + byDay[lo].count <= total * 0.01) acc += byDay[lo++].count;
      let acc2 = 0;
      while (hi > lo && acc2 + byDay[hi].count <= total * 0.01) acc2 += byDay[hi--].count;
      const full = Date.parse(byDay[byDay.length - 1].key) - Date.parse(byDay[0].key);
      if (Date.parse(byDay[hi].key) - Date.parse(byDay[lo].key) > full / 2) { lo = 0; hi = byDay.length - 1; }
      else outside = acc + acc2;
    }
    byDay = byDay.slice(lo, hi + 1);
    const first = Date.parse(byDay[0].key), last = Date.parse(byDay[byDay.length - 1].key);
    const days = Math.round((last - first) / DAY) + 1;
    const per = Math.max(1, Math.ceil(days / Math.max(20, Math.floor((w - 2 * pad) / 4))));
    for (let t = first; t <= last; t += per * DAY) bins.push({ from: t, to: t + (per - 1) * DAY, count: 0 });
    for (const d of byDay) {
      const t = Date.parse(d.key);
      if (isNaN(t)) continue;
      bins[Math.floor((t - first) / DAY / per)].count += d.count;
    }
    const max = Math.max(...bins.map((b) => b.count));
    const bw = (w - 2 * pad) / bins.length;
    const f = form.elements.from.value, to = form.elements.to.value;
    bins.forEach((b, i) => {
      const bh = b.count ? Math.max(2, (h - 30) * b.count / max) : 0;
      const r = document.createElementNS(SVGNS, "rect");
      r.setAttribute("x", pad + i * bw + 0.5);
      r.setAttribute("width", Math.max(1, bw - 1));
      r.setAttribute("y", h - 16 - bh);
      r.setAttribute("height", bh);
      const inside = (!f || iso(b.to) >= f) && (!to || iso(b.from) <= to);
      r.setAttribute("class", inside ? "bar" : "bar out");
      const tt = document.createElementNS(SVGNS, "title");
      tt.textContent = (per === 1 ? iso(b.from) : iso(b.from) + " – " + iso(b.to)) + ": " + b.count;
      r.append(tt);
      svg.append(r);
    });
    const label = (x, anchor, text) => {
      const t = document.createElementNS(SVGNS, "text");
      t.setAttribute("x", x); t.setAttribute("y", h - 4); t.setAttribute("class", "axis");
      t.setAttribute("text-anchor", anchor);
      t.textContent = text;
      svg.append(t);
    };
    label(pad, "start", iso(first));
    label(w - pad, "end", iso(bins[bins.length - 1].to));
    label(w / 2, "middle", "max " + max + (per === 1 ? " per day" : " per " + per + " days") +
      (outside ? " · " + outside + " events dated outside this range" : ""));
    svg.dataset.pad = pad;
    svg.dataset.bw = bw;
  }

  function binAt(x) {
    const pad = +svg.dataset.pad, bw = +svg.dataset.bw;
    return Math.min(bins.length - 1, Math.max(0, Math.floor((x - pad) / bw)));
  }
  function svgX(ev) {
    const r = svg.getBoundingClientRect();
    const vb = svg.viewBox.baseVal;
    return (ev.clientX - r.left) * (vb && vb.width ? vb.width / r.width : 1);
  }
  svg.addEventListener("pointerdown", (ev) => {
    if (!bins.length) return;
    svg.setPointerCapture(ev.pointerId);
    brush = { x0: svgX(ev), x1: svgX(ev), rect: document.createElementNS(SVGNS, "rect") };
    brush.rect.setAttribute("class", "brush");
    brush.rect.setAttribute("y", 0);
    brush.rect.setAttribute("height", svg.viewBox.baseVal.height - 16);
    svg.append(brush.rect);
  });
  svg.addEventListener("pointermove", (ev) => {
    if (!brush) return;
    brush.x1 = svgX(ev);
    brush.rect.setAttribute("x", Math.min(brush.x0, brush.x1));
    brush.rect.setAttribute("width", Math.abs(brush.x1 - brush.x0));
  });
  svg.addEventListener("pointerup", () => {
    if (!brush) return;
    const { x0, x1 } = brush;
    brush = null;
    if (Math.abs(x1 - x0) < 3) {
      form.elements.from.value = "";
      form.elements.to.value = "";
    } else {
      form.elements.from.value = iso(bins[binAt(Math.min(x0, x1))].from);
      form.elements.to.value = iso(bins[binAt(Math.max(x0, x1))].to);
    }
    reload();
  });

  // ---- list ----------------------------------------------------------------

  // An attacker no one names is kept without a text (code UAF): say so.
  function actorText(a) { return a ? (a.text || (a.code === "UAF" ? "unidentified attacker" : a.code) || "?") : ""; }
  function summaryText(e) {
    return [actorText(e.source), e.action.text, actorText(e.target)].filter(Boolean).join(" · ");
  }
  function placeText(e) {
    const l = e.location;
    if (!l) return "no place";
    const name = l.place ? l.place.name : l.name;
    return name + (l.place && l.place.country_code ? ", " + l.place.country_code : "");
  }

  function eventItem(e) {
    const li = el("li", { tabindex: 0, "data-id": e.id, class: e.id === selected ? "selected" : null },
      el("div", { class: "ev-line" },
        el("span", { class: "swatch", style: "background:" + colour(kindOf(e)), title: kindOf(e) }),
        el("span", { class: "ev-date" }, e.when.date),
        el("span", { class: "ev-what" }, summaryText(e))),
      el("div", { class: "ev-meta" },
        el("span", { class: "badge mod-" + e.attribution.modality }, e.attribution.modality),
        el("span", { class: "badge" }, kindOf(e)),
        placeText(e),
        pinned(e) ? null : el("span", { class: "badge unpinned", title: "placed only at this precision: listed, not pinned" },
          " " + ((e.location && e.location.precision) || "no place") + ", not on map"),
        " — " + (e.article ? e.article.publisher || e.article.title : "")));
    const open = () => select(e.id);
    li.addEventListener("click", open);
    li.addEventListener("keydown", (ev) => { if (ev.key === "Enter") open(); });
    return li;
  }

  function showList(subset) {
    const list = $("#event-list");
    const shown = subset || events;
    list.replaceChildren(...shown.slice(0, 2000).map(eventItem));
    $("#list-title").textContent = subset
      ? subset.length + " events here (click the map to widen)"
      : shown.length + " events" + (nextCursor ? " (more available)" : "");
    $("#more").hidden = !nextCursor || !!subset;
    $("#article-pane").hidden = true;
    $("#list-pane").hidden = false;
  }
  $("#back").addEventListener("click", () => {
    selected = null;
    showList();
    drawMarkers();
  });
  map.on("click", () => { if ($("#article-pane").hidden) showList(); });

  // ---- article -------------------------------------------------------------

  // Highlights are ranges of code points: the API's offsets count code
  // points, so the body is split with Array.from (which iterates code
  // points), never indexed as UTF-16.
  function highlighted(body, ranges) {
    const chars = Array.from(body);
    const cuts = new Set([0, chars.length]);
    for (const r of ranges) {
      r.start = Math.max(0, Math.min(chars.length, r.start));
      r.end = Math.max(r.start, Math.min(chars.length, r.end));
      cuts.add(r.start); cuts.add(r.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const out = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      const text = chars.slice(a, b).join("");
      const classes = ranges.filter((r) => r.start <= a && r.end >= b && r.end > r.start).map((r) => r.cls);
      out.push(classes.length ? el("span", { class: classes.join(" ") }, text) : document.createTextNode(text));
    }
    return out;
  }

  function rangesOf(e) {
    const r = [];
    const add = (s, cls) => { if (s && s.end > s.start) r.push({ start: s.start, end: s.end, cls }); };
    add(e.sentence_span, "hl-sentence");
    for (const s of (e.source && e.source.spans) || []) add(s, "hl-actor");
    for (const s of (e.target && e.target.spans) || []) add(s, "hl-target");
    add(e.action && e.action.span, "hl-action");
    if (e.location) {
      add(e.location.span, "hl-place");
      for (const s of e.location.others || []) add(s, "hl-place");
    }
    add(e.attribution && e.attribution.cue, "hl-cue");
    add(e.when && e.when.span, "hl-date");
    return r;
  }

  // Every place name of the article, underlined: the reader sees what the
  // geocoder read as a place, not only the event's own.
  function toponymRanges(art) {
    return (art.toponyms || []).filter((t) => t.kind !== "demonym").map((t) => ({
      start: t.span.start, end: t.span.end, cls: "hl-toponym",
    }));
  }

  function codes(a) {
    return [a.code, a.country, a.sector].filter(Boolean).join(" · ");
  }

  function eventCard(e, art) {
    const a = e.action;
    const l = e.location;
    const rows = [
      ["Source actor", el("span", { class: "hl-actor" }, actorText(e.source)), codes(e.source) ? " (" + codes(e.source) + ")" : ""],
      ["Action", el("span", { class: "hl-action" }, a.text),
        " — CAMEO " + a.cameo + (a.plover ? ", PLOVER " + a.plover + (a.plover_mode ? "/" + a.plover_mode : "") : "") +
        (a.acled_type ? ", ACLED " + a.acled_type + (a.acled_subtype ? " / " + a.acled_subtype : "") : "")],
      e.target ? ["Target", el("span", { class: "hl-target" }, actorText(e.target)), codes(e.target) ? " (" + codes(e.target) + ")" : ""] : null,
      ["Place", l ? el("span", { class: "hl-place" }, l.name) : "—",
        l ? " → " + (l.place ? l.place.name + (l.place.admin1 ? ", " + l.place.admin1 : "") + (l.place.country_code ? ", " + l.place.country_code : "") : "unresolved") +
          " (precision " + l.precision + (l.anchor ? ", near " + l.anchor : "") + ")" : ""],
      ["Date", e.when.date + " (" + e.when.precision + ", from " + (e.when.basis === "text" ? "the text" : "the dateline") + ")"],
      ["Modality", el("span", { class: "badge mod-" + e.attribution.modality }, e.attribution.modality),
        e.attribution.source ? " according to " + e.attribution.source : ""],
      ["Sources", sourcesOf(art)],
      ["Coder", e.coder + ", confidence " + e.confidence],
    ].filter(Boolean);
    return el("div", { class: "event-card", id: "event-card", "data-event": e.id },
      el("dl", {}, rows.map(([k, ...v]) => [el("dt", {}, k), el("dd", {}, ...v)])));
  }

  function sourcesOf(art) {
    const parts = [];
    const pub = art.publisher || "unknown outlet";
    parts.push(art.url ? el("a", { href: art.url, target: "_blank", rel: "noopener noreferrer" }, pub) : pub);
    if (art.published) parts.push(", " + art.published.slice(0, 10));
    const o = art.original_source;
    if (o && o.name) {
      parts.push("; republished from ");
      parts.push(o.url ? el("a", { href: o.url, target: "_blank", rel: "noopener noreferrer" }, o.name) : o.name);
    }
    return parts;
  }

  async function select(id) {
    selected = id;
    const gen = ++generation;
    drawMarkers();
    try {
      const d = await api("events/" + encodeURIComponent(id));
      const e = d.event;
      const art = await api("articles/" + encodeURIComponent(e.article_id), { revision: e.revision_id });
      if (gen !== generation) return;
      renderArticle(e, art);
      if (pinned(e)) {
        const ll = [e.location.place.lat, e.location.place.lon];
        if (!map.getBounds().contains(ll)) map.panTo(ll);
      }
    } catch (err) {
      showError("could not open the event: " + err.message);
    }
  }

  function renderArticle(e, art) {
    const box = $("#article");
    const others = art.events.filter((o) => o.id !== e.id);
    const boiler = Array.isArray(art.boilerplate) ? art.boilerplate : [];
    box.replaceChildren(...[
      el("h2", {}, art.title),
      el("div", { class: "article-meta" },
        sourcesOf(art),
        art.authors && art.authors.length ? " · by " + art.authors.join(", ") : "",
        " · revision " + art.revision_seq + " of " + art.revisions.length),
      eventCard(e, art),
      el("div", { class: "legend-keys" },
        el("span", { class: "hl-sentence" }, "sentence"), el("span", { class: "hl-actor" }, "actor"),
        el("span", { class: "hl-action" }, "action"), el("span", { class: "hl-target" }, "target"),
        el("span", { class: "hl-place" }, "place"), el("span", { class: "hl-toponym" }, "other places"),
        el("span", { class: "hl-cue" }, "attribution"),
        el("span", { class: "hl-date" }, "date")),
      el("div", { class: "body", id: "article-body" }, highlighted(art.body, rangesOf(e).concat(toponymRanges(art)))),
      others.length ? el("details", { class: "other-events", open: true },
        el("summary", {}, others.length + " other event" + (others.length > 1 ? "s" : "") + " in this article"),
        el("ul", {}, others.map((o) => el("li", {}, el("a", { onclick: () => select(o.id) }, o.when.date + " " + summaryText(o)))))) : null,
      boiler.length ? el("details", {},
        el("summary", {}, "Removed boilerplate (" + boiler.length + ")"),
        el("ul", {}, boiler.map((b) => el("li", {}, el("span", { class: "badge" }, b.kind), b.text)))) : null,
      art.revisions.length > 1 ? el("details", {},
        el("summary", {}, "Revisions (" + art.revisions.length + ")"),
        el("ul", {}, art.revisions.map((r) => el("li", {}, "#" + r.seq + " " + r.ingested_at + " — " + r.title + " (" + r.events + " events)")))) : null,
    ].filter(Boolean));
    $("#article-revisions").textContent = art.input ? art.input.name : "";
    $("#list-pane").hidden = true;
    $("#article-pane").hidden = false;
    box.scrollTop = 0;
    const s = box.querySelector(".hl-sentence");
    if (s) s.scrollIntoView({ block: "center" });
    for (const li of document.querySelectorAll("#event-list li")) li.classList.toggle("selected", li.dataset.id === e.id);
  }

  // ---- loading -------------------------------------------------------------

  function fillSelect(name, counts, label) {
    const sel = form.elements[name];
    const cur = sel.value;
    sel.replaceChildren(el("option", { value: "" }, "all"),
      ...counts.map((c) => el("option", { value: label(c.key) }, c.key + " (" + c.count + ")")));
    if (cur && ![...sel.options].some((o) => o.value === cur)) sel.append(el("option", { value: cur }, cur));
    sel.value = cur;
  }

  async function loadPage(gen) {
    const p = filters();
    p.limit = PAGE;
    p.sort = "-date"; // the list reads newest first
    if (nextCursor) p.after = nextCursor;
    const page = await api("events", p);
    if (gen !== generation) return false;
    events = events.concat(page.events);
    nextCursor = page.next;
    return true;
  }

  async function reload() {
    const gen = ++generation;
    selected = null;
    syncHash();
    events = [];
    nextCursor = null;
    $("#summary").textContent = "loading…";
    try {
      // The histogram keeps the full date range in view so a brush can be
      // widened again; everything else honours every filter.
      const [all, ranged] = await Promise.all([api("stats", filters()), api("stats", filters(["from", "to"]))]);
      if (gen !== generation) return;
      fillSelect("country", all.by_country.filter((c) => c.key), (k) => k);
      fillSelect("type", all.by_type, typeParam);
      drawTimeline(ranged.by_day);
      drawLegend(all.by_type);
      do {
        if (!(await loadPage(gen))) return;
      } while (nextCursor && events.length < Math.min(all.total, MAX_EVENTS));
      const onMap = events.filter(pinned).length;
      $("#summary").textContent = all.total + " events, " + all.mapped + " on the map" +
        (events.length < all.total ? " (showing the first " + events.length + ")" : "") +
        (all.total - all.mapped ? "; " + (all.total - all.mapped) + " known only to a region or country are listed, not pinned" : "");
      drawMarkers();
      showList();
      if (onMap && !reload.fitted) {
        reload.fitted = true;
        map.fitBounds(L.latLngBounds(events.filter(pinned).map((e) => [e.location.place.lat, e.location.place.lon])).pad(0.2),
          { maxZoom: 6 });
      }
      document.body.dataset.ready = "1";
    } catch (err) {
      if (gen !== generation) return;
      $("#summary").textContent = "";
      showError(err.message);
    }
  }

  $("#more").addEventListener("click", async () => {
    const gen = generation;
    try {
      if (await loadPage(gen)) { drawMarkers(); showList(); }
    } catch (err) { showError(err.message); }
  });

  form.addEventListener("submit", (ev) => { ev.preventDefault(); reload(); });
  for (const name of ["from", "to", "country", "type", "modality"]) form.elements[name].addEventListener("change", reload);
  $("#reset").addEventListener("click", () => { setFilters({}); reload(); });
  let resizeTimer;
  window.addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => api("stats", filters(["from", "to"])).then((s) => drawTimeline(s.by_day)).catch(() => {}), 200);
  });

  setFilters(Object.fromEntries(new URLSearchParams(location.hash.slice(1))));
  reload();
})();
