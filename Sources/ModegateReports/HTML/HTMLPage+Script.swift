extension HTMLPage {
    /// The page's script: reads the embedded data (`ReportPayload`), draws the case table (sorted
    /// by a clicked header, narrowed by the filter buttons and the search box, 1,000 rows at a time
    /// so a 10,000-case page stays quick) and opens a case's trials side by side on a row's click.
    /// It marks `performance` with `modegate-table-rendered` and sets `data-ready` on `<body>`
    /// once the table is drawn, for load-time measurements and the browser test.
    static let script = #"""
        (function () {
          "use strict";
          var data = JSON.parse(document.getElementById("modegate-data").textContent);
          var cases = data.cases || [];
          var PAGE = 1000;
          var state = { filter: "all", query: "", sort: "dr", dir: 1, limit: PAGE };
          function esc(s) { return String(s).replace(/[&<>"']/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]; }); }
          function fixed(v, d) { return v === null || v === undefined ? "n/a" : Number(v).toFixed(d); }
          function signed(v, d) { if (v === null || v === undefined) return "n/a"; var t = Number(v).toFixed(d); return (v > 0 ? "+" : "") + t; }
          function pct(v) { return v === null || v === undefined ? "n/a" : (Number(v) * 100).toFixed(1) + "%"; }
          function spct(v) { return v === null || v === undefined ? "n/a" : (v > 0 ? "+" : "") + (Number(v) * 100).toFixed(1) + "%"; }
          function tone(v) { return v < -1e-9 ? "neg" : v > 1e-9 ? "pos" : ""; }
          function secs(v) { return v >= 1 ? v.toFixed(2) + " s" : (v * 1000).toFixed(0) + " ms"; }
          var columns = [
            { key: "id", title: "case", value: function (c) { return c.id; }, text: function (c) { return esc(c.id); } },
            { key: "pairs", title: "reps", num: true, value: function (c) { return c.pairs; } },
            { key: "dr", title: "Δ reward", num: true, value: function (c) { return c.dr; }, text: function (c) { return '<span class="' + tone(c.dr) + '">' + signed(c.dr, 3) + "</span>"; } },
            { key: "dc", title: "Δ completion", num: true, value: function (c) { return c.dc; }, text: function (c) { return '<span class="' + tone(c.dc) + '">' + spct(c.dc) + "</span>"; } },
            { key: "br", title: "reward b", num: true, value: function (c) { return c.b[0]; }, text: function (c) { return fixed(c.b[0], 3); } },
            { key: "cr", title: "reward c", num: true, value: function (c) { return c.c[0]; }, text: function (c) { return fixed(c.c[0], 3); } },
            { key: "bc", title: "done b", num: true, value: function (c) { return c.b[1]; }, text: function (c) { return pct(c.b[1]); } },
            { key: "cc", title: "done c", num: true, value: function (c) { return c.c[1]; }, text: function (c) { return pct(c.c[1]); } },
            { key: "bs", title: "steps b", num: true, value: function (c) { return c.b[2]; }, text: function (c) { return fixed(c.b[2], 1); } },
            { key: "cs", title: "steps c", num: true, value: function (c) { return c.c[2]; }, text: function (c) { return fixed(c.c[2], 1); } },
            { key: "bt", title: "tokens b", num: true, value: function (c) { return c.b[3]; }, text: function (c) { return fixed(c.b[3], 0); } },
            { key: "ct", title: "tokens c", num: true, value: function (c) { return c.c[3]; }, text: function (c) { return fixed(c.c[3], 0); } },
            { key: "fc", title: "failed calls b/c", num: true, value: function (c) { return c.b[6] + c.c[6]; }, text: function (c) { return c.b[6] + " / " + c.c[6]; } },
            { key: "f", title: "flags", value: function (c) { return c.f.join(","); }, text: function (c) {
              return c.f.filter(function (f) { return f !== "differing"; }).map(function (f) { return '<span class="flag flag-' + f + '">' + f + "</span>"; }).join(""); } }
          ];
          var table = document.getElementById("case-table");
          if (!table) { document.body.setAttribute("data-ready", "1"); return; }
          var thead = table.querySelector("thead"), tbody = table.querySelector("tbody");
          thead.innerHTML = "<tr>" + columns.map(function (col) {
            return '<th data-key="' + col.key + '"' + (col.num ? ' class="num"' : "") + ' scope="col">' + esc(col.title) + "</th>";
          }).join("") + "</tr>";
          var byKey = {};
          columns.forEach(function (col) { byKey[col.key] = col; });
          function matches(c) {
            if (state.filter !== "all" && c.f.indexOf(state.filter) < 0) return false;
            return !state.query || c.id.toLowerCase().indexOf(state.query) >= 0;
          }
          var shown = [];
          function render() {
            var col = byKey[state.sort], dir = state.dir;
            shown = cases.filter(matches).sort(function (a, b) {
              var x = col.value(a), y = col.value(b);
              if (x === null || x === undefined) x = -Infinity;
              if (y === null || y === undefined) y = -Infinity;
              if (x < y) return -dir; if (x > y) return dir;
              return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
            });
            var rows = shown.slice(0, state.limit).map(function (c, i) {
              return '<tr data-row="' + i + '" data-case="' + esc(c.id) + '" tabindex="0">' + columns.map(function (k) {
                return "<td" + (k.num ? ' class="num"' : "") + ">" + (k.text ? k.text(c) : esc(k.value(c))) + "</td>";
              }).join("") + "</tr>";
            });
            tbody.innerHTML = rows.join("");
            thead.querySelectorAll("th").forEach(function (th) {
              th.setAttribute("aria-sort", th.getAttribute("data-key") === state.sort ? (state.dir > 0 ? "ascending" : "descending") : "none");
            });
            document.getElementById("case-summary").textContent = "Showing " + Math.min(shown.length, state.limit) + " of " + shown.length +
              " cases" + (state.filter !== "all" || state.query ? " (" + cases.length + " in all)" : "") + ".";
            var more = document.getElementById("case-more");
            more.hidden = shown.length <= state.limit;
            document.getElementById("case-more-button").textContent = "Show all " + shown.length + " cases";
          }
          var counts = { all: cases.length };
          cases.forEach(function (c) { c.f.forEach(function (f) { counts[f] = (counts[f] || 0) + 1; }); });
          document.querySelectorAll(".filters button").forEach(function (button) {
            var filter = button.getAttribute("data-filter");
            button.querySelector(".count").textContent = counts[filter] || 0;
            button.addEventListener("click", function () {
              state.filter = filter; state.limit = PAGE;
              document.querySelectorAll(".filters button").forEach(function (b) {
                b.classList.toggle("active", b === button); b.setAttribute("aria-pressed", b === button ? "true" : "false");
              });
              render();
            });
          });
          document.getElementById("case-search").addEventListener("input", function (event) {
            state.query = event.target.value.trim().toLowerCase(); state.limit = PAGE; render();
          });
          document.getElementById("case-more-button").addEventListener("click", function () { state.limit = Infinity; render(); });
          thead.addEventListener("click", function (event) {
            var th = event.target.closest("th"); if (!th) return;
            var key = th.getAttribute("data-key");
            state.dir = state.sort === key ? -state.dir : 1; state.sort = key; render();
          });
          function openRow(event) {
            var tr = event.target.closest("tr"); if (!tr || !tr.hasAttribute("data-row")) return;
            openCase(shown[Number(tr.getAttribute("data-row"))]);
          }
          tbody.addEventListener("click", openRow);
          tbody.addEventListener("keydown", function (event) { if (event.key === "Enter") openRow(event); });

          var panel = document.getElementById("case-panel");
          function closePanel() { panel.hidden = true; panel.innerHTML = ""; }
          panel.addEventListener("click", function (event) { if (event.target === panel || event.target.closest(".panel-close")) closePanel(); });
          document.addEventListener("keydown", function (event) { if (event.key === "Escape" && !panel.hidden) closePanel(); });

          function outcome(t) {
            return '<div class="outcome">' + (t.completed ? '<span class="ok">completed</span>' : '<span class="bad">not completed</span>') +
              " · reward " + fixed(t.reward, 3) + " · " + t.steps + " steps" +
              (t.tokens !== undefined ? " · " + t.tokens + " tokens" : "") + (t.seconds !== undefined ? " · " + secs(t.seconds) : "") + "</div>";
          }
          function calls(t, split, failed) {
            if (!t.calls) return '<p class="meta">No tool calls on record.</p>';
            if (!t.calls.length) return '<p class="meta">No tool calls.</p>';
            var items = t.calls.map(function (call, i) {
              var cls = (call.error ? "call-error" : "") + (i === split ? " call-split" : "");
              return '<li class="' + cls + '">' + (i + 1) + ". " + esc(call.name) + "(" + esc(call.args) + ")" +
                (call.error ? " → <strong>error:</strong> " + esc(call.error) : "") +
                (i === split ? ' <span class="split-note">← trajectories part here</span>' : "") +
                (i === failed ? ' <span class="split-note">← first failed call</span>' : "") + "</li>";
            }).join("");
            var end = split !== undefined && split >= t.calls.length ? '<p class="split-note">No further call here: the other arm made call ' + (split + 1) + ".</p>" : "";
            return '<ol class="calls">' + items + "</ol>" + end;
          }
          function conversation(conv) {
            var out = '<div class="label">Conversation (' + conv.requests + " model requests, " + esc(conv.model) + ")</div>";
            conv.failed_requests.forEach(function (f) { out += '<p class="error-text">' + esc(f) + "</p>"; });
            var half = Math.ceil(conv.messages.length / 2);
            conv.messages.forEach(function (m, i) {
              if (conv.omitted && i === half) out += '<p class="meta">… ' + conv.omitted + " messages left out …</p>";
              out += '<div class="msg msg-' + esc(m.role) + (m.error ? " msg-error" : "") + '"><div class="role">' + esc(m.role) + (m.error ? " · error" : "") + "</div>" +
                (m.text ? "<pre>" + esc(m.text) + "</pre>" : "") +
                (m.calls ? '<ul class="calls">' + m.calls.map(function (c) { return "<li>→ " + esc(c) + "</li>"; }).join("") + "</ul>" : "") + "</div>";
            });
            return out;
          }
          function arm(role, t, div) {
            if (!t) return '<div class="arm arm-' + role + '"><h4>' + role + '</h4><p class="meta">Not played.</p></div>';
            div = div || {};
            var out = '<div class="arm arm-' + role + '"><h4>' + role + "</h4>" + outcome(t);
            if (t.error) out += '<p class="error-text"><strong>error:</strong> ' + esc(t.error) + "</p>";
            if (t.program_failure) out += '<p class="error-text">first program failed: ' + esc(t.program_failure) + "</p>";
            out += '<div class="label">Tool calls</div>' + calls(t, div.split, div[role + "_failed"]);
            if (t.answer !== undefined) out += '<div class="label">Final answer</div><pre>' + esc(t.answer) + "</pre>";
            if (t.score !== undefined) out += '<div class="label">Score</div><pre>' + esc(t.score) + "</pre>";
            if (t.conversation) out += conversation(t.conversation);
            if (t.transcript) out += '<p class="where">transcript: ' + esc(t.transcript) + "</p>";
            return out + "</div>";
          }
          function same(a, b) { return a && b && a.completed === b.completed && Math.abs(a.reward - b.reward) <= 1e-9; }
          function compactArm(role, trial) {
            if (!trial) return '<div class="arm arm-' + role + '"><h4>' + role + '</h4><p class="meta">Not played.</p></div>';
            var where = trial[4] === null ? "no transcript kept" : esc(data.files[trial[4]]) + ":" + trial[5];
            return '<div class="arm arm-' + role + '"><h4>' + role + "</h4>" + outcome({ completed: trial[1] === 1, reward: trial[2], steps: trial[3] }) +
              (trial[6] ? '<p class="error-text"><strong>error:</strong> ' + esc(trial[6]) + "</p>" : "") +
              '<p class="where">Transcript not embedded in this page (it keeps ' + data.selection.embedded + " cases and up to " +
              data.selection.repetitions + " repetitions of each in full); open " + where + "</p></div>";
          }
          function compactReps(t) {
            var reps = {}, out = "";
            (t.b || []).forEach(function (trial) { (reps[trial[0]] = reps[trial[0]] || {}).b = trial; });
            (t.c || []).forEach(function (trial) { (reps[trial[0]] = reps[trial[0]] || {}).c = trial; });
            Object.keys(reps).sort(function (a, b) { return a - b; }).forEach(function (r) {
              out += '<div class="rep" data-rep="' + r + '"><h3>Repetition #' + r + '</h3><div class="rep-grid">' + compactArm("baseline", reps[r].b) + compactArm("candidate", reps[r].c) + "</div></div>";
            });
            return out;
          }
          function openCase(c) {
            var detail = data.details[c.id];
            var out = '<div class="panel-box"><div class="panel-head"><div><h2 id="case-panel-title">' + esc(c.id) + '</h2><p class="meta">Δ reward <span class="' + tone(c.dr) + '">' +
              signed(c.dr, 3) + '</span> · Δ completion <span class="' + tone(c.dc) + '">' + spct(c.dc) + "</span> over " + c.pairs + " paired repetitions " +
              c.f.map(function (f) { return '<span class="flag flag-' + f + '">' + f + "</span>"; }).join("") +
              '</p></div><button type="button" class="panel-close" aria-label="Close">✕</button></div>';
            if (detail) {
              detail.reps.forEach(function (rep) {
                out += '<div class="rep" data-rep="' + rep.rep + '"><h3>Repetition #' + rep.rep +
                  (same(rep.baseline, rep.candidate) ? ' <span class="meta">same outcome in both arms</span>' : "") + '</h3><div class="rep-grid">' +
                  arm("baseline", rep.baseline, rep.divergence) + arm("candidate", rep.candidate, rep.divergence) + "</div></div>";
              });
              if (detail.more && ((detail.more.b || []).length || (detail.more.c || []).length)) out += compactReps(detail.more);
            } else {
              out += compactReps(c.t);
            }
            panel.innerHTML = out + "</div>";
            panel.hidden = false;
            panel.querySelector(".panel-close").focus();
          }
          render();
          if (window.performance && performance.mark) performance.mark("modegate-table-rendered");
          document.body.setAttribute("data-ready", "1");
        })();

        """#
}
