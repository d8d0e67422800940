// The nsbridge web UI: reads the REST API with the session cookie and draws each page with DOM calls
// (textContent only, so nothing from the API is ever parsed as HTML).
"use strict";

const view = document.getElementById("view");
const activeBox = document.getElementById("active");
let refreshTimer = null;

async function api(method, path) {
  const response = await fetch(path, {method, credentials: "same-origin", headers: {Accept: "application/json"}});
  if (response.status === 401) { window.location = "/login"; throw new Error("logged out"); }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(body.message || `HTTP ${response.status}`);
    error.status = response.status;
    error.fix = body.fix;
    throw error;
  }
  return body;
}

function h(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([key, value]) => {
    if (key === "onclick") node.addEventListener("click", value);
    else if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value);
  });
  children.flat(Infinity).forEach(child => {
    if (child === null || child === undefined) return;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  });
  return node;
}

const badge = (text, kind) => h("span", {class: `badge ${kind || text}`}, text.replaceAll("_", " "));
const when = iso => iso ? new Date(iso).toLocaleString() : "—";
const rows = n => Number(n || 0).toLocaleString();
function duration(ms) {
  if (ms === null || ms === undefined) return "—";
  const seconds = ms / 1000;
  return seconds < 60 ? `${seconds.toFixed(1)} s` : `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}
function notice(target, text, good) {
  target.replaceChildren(h("p", {class: `notice ${good ? "good" : "bad"}`}, text));
}
function failure(error) {
  return error.message + (error.fix ? ` — ${error.fix}` : "");
}

// ---- pages -------------------------------------------------------------------------------------------------

async function dashboard() {
  const pipelines = await api("GET", "/api/pipelines");
  return [h("h1", {}, "Dashboard"), pipelineTable(pipelines)];
}

function pipelineTable(pipelines) {
  return h("table", {id: "pipelines"},
    h("thead", {}, h("tr", {}, ["Pipeline", "Kind", "Phase", "Status", "Last run", "Rows", "Duration",
      "Next run", "Open errors", "Warnings"].map(label => h("th", {class: ["Rows", "Open errors", "Warnings"]
        .includes(label) ? "num" : null},
      label)))),
    h("tbody", {}, pipelines.map(p => h("tr", {"data-pipeline": p.name},
      h("td", {}, h("a", {href: `#/pipelines/${encodeURIComponent(p.name)}`}, p.name)),
      h("td", {}, `${p.kind} · ${p.type}`),
      h("td", {}, badge(p.phase), p.paused ? [" ", badge("paused")] : null),
      h("td", {class: "status"}, badge(p.status)),
      h("td", {}, p.lastRun ? when(p.lastRun.startedAt) : "never"),
      h("td", {class: "num"}, p.lastRun ? rows(p.lastRun.counts.written) : "—"),
      h("td", {}, p.lastRun ? duration(p.lastRun.durationMs) : "—"),
      h("td", {}, p.nextRun ? when(p.nextRun) : (p.schedule ? "—" : "manual")),
      h("td", {class: "num"}, p.openErrors ? h("a", {href: "#/errors?status=open&kind=error"}, p.openErrors) : "0"),
      h("td", {class: "num warnings"}, p.openWarnings
        ? h("a", {href: "#/errors?status=open&kind=warning"}, p.openWarnings) : "0")))));
}

async function connections() {
  const list = await api("GET", "/api/connections");
  return [h("h1", {}, "Connections"), ...list.map(c => {
    const result = h("div", {id: `check-${c.name}`, class: "check-result"});
    const button = h("button", {class: "primary check", "data-connection": c.name, onclick: async () => {
      button.disabled = true;
      result.replaceChildren(h("p", {class: "muted"}, "Testing…"));
      try {
        const check = await api("POST", `/api/connections/${encodeURIComponent(c.name)}/check`);
        result.replaceChildren(h("p", {}, badge(check.passed ? "passed" : "failed")), h("pre", {}, check.text));
      } catch (error) {
        notice(result, failure(error));
      } finally {
        button.disabled = false;
      }
    }}, "Test connection");
    return h("div", {class: "card", "data-connection": c.name}, h("h2", {}, `${c.name} (${c.type})`),
      settings(c.settings), h("div", {class: "actions"}, button), result);
  })];
}

function settings(values) {
  const entries = Object.entries(values || {});
  if (!entries.length) return h("p", {class: "muted"}, "No settings.");
  return h("dl", {class: "settings"}, entries.map(([key, value]) => [h("dt", {}, key),
    h("dd", {}, typeof value === "object" ? JSON.stringify(value) : String(value))]));
}

async function pipelines() {
  const list = await api("GET", "/api/pipelines");
  return [h("h1", {}, "Pipelines"), pipelineTable(list)];
}

async function pipeline(name) {
  const p = await api("GET", `/api/pipelines/${encodeURIComponent(name)}`);
  const output = h("div", {id: "action-output"});
  const act = (label, id, path, done, primary) => h("button", {id, class: primary ? "primary" : null,
    onclick: async () => {
      output.replaceChildren(h("p", {class: "muted"}, `${label}…`));
      try {
        done(await api("POST", `/api/pipelines/${encodeURIComponent(name)}/${path}`));
      } catch (error) {
        notice(output, failure(error));
      }
    }}, label);
  const buttons = [
    act("Run now", "run-now", "run", () => { notice(output, "Run started.", true); refresh(); }, true),
    act("Dry run", "dry-run", "dry-run", dryRun => output.replaceChildren(
      h("h2", {}, `Dry run: ${dryRun.payloads.length} payload(s) that would have been sent`),
      h("pre", {id: "dry-run-output"}, dryRun.payloads.map(x =>
        `${x.method} ${x.target}   (record ${x.recordKey})\n${pretty(x.body)}\n`).join("\n") || "nothing to send"))),
  ];
  if (p.kind === "flow" && p.phase !== "live") {
    buttons.push(act("Go live", "go-live", "golive", () => route()));
  }
  if (p.schedule) {
    buttons.push(p.paused ? act("Resume schedule", "resume", "resume", () => route())
      : act("Pause schedule", "pause", "pause", () => route()));
  }
  return [
    h("h1", {}, p.name, " ", badge(p.phase), " ", badge(p.status)),
    h("div", {class: "card"},
      h("p", {}, `${p.kind} · ${p.type} · ${p.source} → ${p.destination}`),
      h("p", {}, p.schedule ? `Schedule ${p.schedule} (${p.timezone})${p.paused ? ", paused" : ""}; next run `
        + when(p.nextRun) : "No schedule: runs only when started."),
      p.lastRun ? h("p", {}, `Last run ${when(p.lastRun.startedAt)}: `, badge(p.lastRun.status),
        ` ${rows(p.lastRun.counts.read)} read, ${rows(p.lastRun.counts.written)} written, `
        + `${rows(p.lastRun.counts.errors)} refused, ${rows(p.lastRun.counts.warnings)} sent with a warning, `
        + duration(p.lastRun.durationMs)) : h("p", {}, "Never run."),
      h("div", {class: "actions"}, buttons), output),
    h("h2", {}, "Settings"), h("div", {class: "card"}, settings(p.settings)),
    h("p", {}, h("a", {href: `#/runs?pipeline=${encodeURIComponent(p.name)}`}, "Run history →")),
  ];
}

function pretty(body) {
  try { return JSON.stringify(JSON.parse(body), null, 2); } catch (e) { return body; }
}

async function runs(query) {
  const pipeline = query.get("pipeline");
  const list = await api("GET", "/api/runs?limit=200" + (pipeline ? `&pipeline=${encodeURIComponent(pipeline)}` : ""));
  const real = list.filter(r => !r.dryRun && r.finishedAt).reverse().slice(-40);
  const label = r => new Date(r.startedAt).toLocaleString();
  return [
    h("h1", {}, pipeline ? `Run history: ${pipeline}` : "Run history"),
    h("div", {class: "grid"},
      h("div", {class: "card"}, Charts.bars("chart-rows", "Rows written per run", real.map(r =>
        ({label: label(r), value: r.counts.written})), "#2f5fd0", v => Math.round(v).toLocaleString())),
      h("div", {class: "card"}, Charts.bars("chart-duration", "Duration per run (s)", real.map(r =>
        ({label: label(r), value: r.durationMs / 1000})), "#6941c6", v => v.toFixed(1)))),
    h("table", {id: "runs"},
      h("thead", {}, h("tr", {}, ["Run", "Pipeline", "Status", "Started", "Duration", "Per stream", "Errors",
        "Warnings", "Message"].map(x => h("th", {}, x)))),
      h("tbody", {}, list.map(r => h("tr", {"data-run": r.id},
        h("td", {}, `#${r.id}${r.dryRun ? " (dry)" : ""}`),
        h("td", {}, h("a", {href: `#/pipelines/${encodeURIComponent(r.pipeline)}`}, r.pipeline)),
        h("td", {}, badge(r.status)), h("td", {}, when(r.startedAt)), h("td", {}, duration(r.durationMs)),
        h("td", {}, Object.entries(r.streams).map(([stream, c]) =>
          h("div", {}, `${stream}: ${rows(c.read)} read, ${rows(c.written)} written, ${rows(c.deleted)} deleted`))),
        h("td", {class: "num"}, rows(r.counts.errors)),
        h("td", {class: "num"}, rows(r.counts.warnings)),
        h("td", {class: "muted"}, r.message || ""))))),
  ];
}

async function errors(query) {
  const status = query.get("status") || "open";
  // Errors are records refused (they can be retried); warnings are records sent with a field left out.
  const kind = ["error", "warning"].includes(query.get("kind")) ? query.get("kind") : "";
  const list = await api("GET", `/api/errors?status=${status}` + (kind ? `&kind=${kind}` : ""));
  const output = h("div", {id: "retry-all-output"});
  const retryAll = h("button", {id: "retry-all", class: "primary", disabled: status !== "open" || !list.some(e => e.kind === "error"),
    onclick: async () => {
      try {
        const outcome = await api("POST", "/api/errors/retry-all");
        notice(output, `${outcome.resolved} resolved, ${outcome.stillOpen} still open.`, true);
        setTimeout(route, 800);
      } catch (error) { notice(output, failure(error)); }
    }}, "Retry all open errors");
  return [
    h("h1", {}, "Error queue"),
    h("div", {class: "tabs"}, ["open", "resolved"].map(s => h("a", {id: `tab-${s}`,
      href: `#/errors?status=${s}` + (kind ? `&kind=${kind}` : ""), class: s === status ? "current" : null}, s))),
    h("div", {class: "tabs"}, [["", "errors and warnings"], ["error", "errors"], ["warning", "warnings"]]
      .map(([k, label]) => h("a", {id: `kind-${k || "all"}`, href: `#/errors?status=${status}` + (k ? `&kind=${k}` : ""),
        class: k === kind ? "current" : null}, label))),
    h("div", {class: "actions"}, retryAll), output,
    list.length ? h("table", {id: "errors"},
      h("thead", {}, h("tr", {}, ["Id", "Pipeline", "Record", "Kind", "Code", "Reason", "Attempts", "Last seen"]
        .map(x => h("th", {}, x)))),
      h("tbody", {}, list.map(e => h("tr", {"data-error": e.id, "data-code": e.code, "data-kind": e.kind},
        h("td", {}, h("a", {href: `#/errors/${e.id}`, class: "open-error"}, `#${e.id}`)),
        h("td", {}, e.pipeline), h("td", {}, e.recordKey), h("td", {class: "kind"}, e.kind),
        h("td", {}, badge(e.code, e.status)),
        h("td", {}, e.reason), h("td", {class: "num"}, e.attempts), h("td", {}, when(e.lastSeen))))))
      : h("p", {class: "muted"}, `No ${status} ${kind ? kind + "s" : "errors or warnings"}.`),
  ];
}

async function errorDetail(id) {
  const e = await api("GET", `/api/errors/${encodeURIComponent(id)}`);
  const output = h("div", {id: "error-output"});
  const warning = e.kind === "warning";
  const act = (label, path, primary) => h("button", {id: path, class: primary ? "primary" : null,
    disabled: e.status !== "open" || (warning && path === "retry"), onclick: async () => {
      try {
        const after = await api("POST", `/api/errors/${e.id}/${path}`);
        notice(output, after.status === "resolved" ? "Resolved." : `Still open: ${after.reason}`,
          after.status === "resolved");
        setTimeout(route, 600);
      } catch (error) { notice(output, failure(error)); }
    }}, label);
  return [
    h("h1", {}, `${warning ? "Warning" : "Error"} #${e.id} `, h("span", {id: "error-status"}, badge(e.status))),
    warning ? h("p", {class: "muted"}, "The record was sent without the field named below; there is nothing to"
      + " retry. Correct it in NetSuite (the warning clears when the record is next sent whole), or dismiss it.")
      : null,
    h("div", {class: "card"},
      h("dl", {class: "settings"},
        h("dt", {}, "Pipeline"), h("dd", {}, e.pipeline), h("dt", {}, "Record"), h("dd", {}, e.recordKey),
        h("dt", {}, "Code"), h("dd", {}, e.code), h("dt", {}, "Reason"), h("dd", {id: "reason"}, e.reason),
        h("dt", {}, "Attempts"), h("dd", {}, e.attempts), h("dt", {}, "First seen"), h("dd", {}, when(e.firstSeen)),
        h("dt", {}, "Last seen"), h("dd", {}, when(e.lastSeen)), h("dt", {}, "Resolved"),
        h("dd", {}, when(e.resolvedAt))),
      h("div", {class: "actions"}, act("Retry", "retry", !warning),
        act(warning ? "Dismiss" : "Resolve", "resolve", warning)), output),
    h("h2", {}, "Payload"), h("pre", {id: "payload"}, pretty(e.payload)),
    h("p", {}, h("a", {href: "#/errors"}, "← Error queue")),
  ];
}

// ---- live progress and routing -------------------------------------------------------------------------------

async function refresh() {
  try {
    const active = await api("GET", "/api/runs/active");
    activeBox.replaceChildren(...active.map(run => {
      const share = run.rowsExpected ? Math.min(100, 100 * run.rowsRead / run.rowsExpected) : null;
      const bar = h("div", {class: "bar"}, h("div", {}));
      if (share !== null) bar.firstChild.style.width = `${share.toFixed(0)}%`;
      return h("div", {class: "progress", "data-active": run.pipeline}, badge("running"),
        h("strong", {}, run.pipeline), run.dryRun ? " (dry run)" : "", bar,
        `${rows(run.rowsRead)} read · ${rows(run.rowsWritten)} written · ${duration(run.elapsedMs)}`);
    }));
    const wasActive = activeBox.dataset.count || "0";
    activeBox.dataset.count = String(active.length);
    // When a run ends, redraw the page so its status and counts are current.
    if (active.length === 0 && wasActive !== "0") route();
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refresh, active.length ? 700 : 3000);
  } catch (error) {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refresh, 5000);
  }
}

async function route() {
  const hash = window.location.hash.replace(/^#/, "") || "/";
  const [path, search] = hash.split("?");
  const query = new URLSearchParams(search || "");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  document.querySelectorAll(".top nav a").forEach(a => a.classList.toggle("current",
    (a.getAttribute("href").slice(2) || "") === (parts[0] || "")));
  try {
    let content;
    if (parts[0] === "connections") content = await connections();
    else if (parts[0] === "pipelines" && parts[1]) content = await pipeline(parts[1]);
    else if (parts[0] === "pipelines") content = await pipelines();
    else if (parts[0] === "runs") content = await runs(query);
    else if (parts[0] === "errors" && parts[1]) content = await errorDetail(parts[1]);
    else if (parts[0] === "errors") content = await errors(query);
    else content = await dashboard();
    view.replaceChildren(...content);
    view.dataset.page = parts[0] || "dashboard";
  } catch (error) {
    view.replaceChildren(h("h1", {}, "Something went wrong"), h("p", {class: "error"}, failure(error)));
  }
}

window.addEventListener("hashchange", route);
route();
refresh();
