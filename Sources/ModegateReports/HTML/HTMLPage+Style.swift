extension HTMLPage {
    /// The page's style sheet: system fonts only (nothing to fetch), status colours that pass
    /// contrast on white, and tabular figures so columns of numbers line up.
    static let style = """
        :root { --pass: #1a7f37; --fail: #cf222e; --inconclusive: #9a6700; --baseline: #8c959f; --candidate: #0969da;
          --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --pass-soft: #dafbe1; --fail-soft: #ffebe9; --inc-soft: #fff8c5; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 48px; }
        h1 { font-size: 24px; margin: 0 0 4px; font-weight: 650; }
        h2 { font-size: 18px; margin: 36px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); font-weight: 650; }
        h3 { font-size: 15px; margin: 0 0 2px; }
        code { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
        .meta { color: var(--muted); font-size: 13px; margin: 4px 0; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        table { border-collapse: collapse; width: 100%; font-size: 14px; }
        th, td { padding: 6px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
        th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); font-weight: 600; background: var(--soft); }
        .verdict { display: flex; gap: 24px; align-items: center; padding: 20px 24px; border-radius: 10px; border: 1px solid var(--line); margin-bottom: 16px; }
        .verdict-badge { display: flex; flex-direction: column; align-items: center; min-width: 150px; padding: 12px 16px; border-radius: 8px; color: #fff; }
        .verdict-word { font-size: 28px; font-weight: 750; letter-spacing: .05em; }
        .decision { font-size: 14px; }
        .verdict.status-pass { background: var(--pass-soft); } .verdict.status-pass .verdict-badge { background: var(--pass); }
        .verdict.status-fail { background: var(--fail-soft); } .verdict.status-fail .verdict-badge { background: var(--fail); }
        .verdict.status-inconclusive { background: var(--inc-soft); } .verdict.status-inconclusive .verdict-badge { background: var(--inconclusive); }
        .verdict.status-error { background: var(--fail-soft); } .verdict.status-error .verdict-badge { background: #6e7781; }
        .verdict-line { font: 14px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; margin: 4px 0; }
        .arms { max-width: 860px; }
        .warnings { color: var(--inconclusive); font-size: 14px; }
        .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; vertical-align: baseline; }
        .swatch-baseline { background: var(--baseline); } .swatch-candidate { background: var(--candidate); }
        svg text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--ink); }
        .forest { max-width: 980px; display: block; margin-bottom: 12px; }
        .preset-forest { max-width: 820px; display: block; margin-top: 8px; }
        :is(.forest, .preset-forest) .gate-name { font-size: 13px; font-weight: 600; }
        :is(.forest, .preset-forest) .axis { stroke: var(--line); stroke-width: 1; }
        :is(.forest, .preset-forest) .threshold { stroke: var(--ink); stroke-width: 1.5; stroke-dasharray: 4 3; }
        :is(.forest, .preset-forest) .passing-side { fill: var(--pass-soft); }
        :is(.forest, .preset-forest) .interval { stroke: var(--ink); stroke-width: 2; }
        :is(.forest, .preset-forest) .gate-figures { font-variant-numeric: tabular-nums; }
        :is(.forest, .preset-forest) .gate-bound { fill: var(--muted); font-size: 11px; }
        :is(.forest, .preset-forest) .gate-status { font-weight: 700; font-size: 12px; }
        .mark-pass { fill: var(--pass); } .mark-fail { fill: var(--fail); } .mark-inconclusive { fill: var(--inconclusive); }
        .mark { stroke: #fff; stroke-width: 1.5; } .mark-missing { fill: #fff; stroke: var(--muted); stroke-width: 2; }
        .status-pass .gate-status, .status-pass .status-label { color: var(--pass); fill: var(--pass); }
        .status-fail .gate-status, .status-fail .status-label { color: var(--fail); fill: var(--fail); }
        .status-inconclusive .gate-status, .status-inconclusive .status-label { color: var(--inconclusive); fill: var(--inconclusive); }
        .status-label { font-weight: 700; font-size: 12px; letter-spacing: .04em; }
        .gates .detail { color: var(--muted); font-size: 12px; }
        .costs { max-width: 980px; } td.better { color: var(--pass); font-weight: 600; } td.worse { color: var(--fail); }
        .scroll { overflow-x: auto; }
        .preset-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 14px; }
        .preset-grid:has(.preset-forest) { grid-template-columns: 1fr; }
        .preset { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
        .preset table { font-size: 13px; } .preset th, .preset td { padding: 4px 6px; }
        .preset-status { margin: 8px 0 0; }
        .loss-text { color: var(--fail); } .gain-text { color: var(--pass); }
        .legend-line { font-size: 13px; color: var(--muted); } .legend-line .swatch { margin-left: 10px; }
        .chart-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(360px, 1fr)); gap: 18px 24px; }
        .chart { margin: 0; } .chart figcaption { font-weight: 600; font-size: 14px; margin-bottom: 4px; }
        .bar-baseline { fill: var(--baseline); } .bar-candidate { fill: var(--candidate); }
        .bar-label { font-size: 12px; } .bar-value { font-size: 11px; fill: var(--muted); font-variant-numeric: tabular-nums; }
        .filters { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-bottom: 8px; }
        .filters button { font: inherit; font-size: 13px; padding: 4px 12px; border: 1px solid var(--line); border-radius: 999px; background: #fff; cursor: pointer; }
        .filters button.active { background: var(--ink); color: #fff; border-color: var(--ink); }
        .filters .count { opacity: .7; font-variant-numeric: tabular-nums; }
        #case-search { margin-left: auto; font: inherit; font-size: 13px; padding: 4px 10px; border: 1px solid var(--line); border-radius: 6px; min-width: 220px; }
        .table-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; }
        .cases th { cursor: pointer; user-select: none; position: sticky; top: 0; }
        .cases th[aria-sort="ascending"]::after { content: " ▲"; } .cases th[aria-sort="descending"]::after { content: " ▼"; }
        .cases tbody tr { cursor: pointer; } .cases tbody tr:hover { background: var(--soft); }
        .cases th, .cases td { padding: 5px 8px; }
        /* Fourteen columns fit 1280 px only if headings wrap and a long case id breaks at its
           separators; a table that scrolls sideways hides the flags column users filter by. */
        .cases th.num { white-space: normal; } .cases td:first-child { font-weight: 500; overflow-wrap: anywhere; min-width: 12ch; }
        .neg { color: var(--fail); font-weight: 600; } .pos { color: var(--pass); font-weight: 600; }
        .flag { display: inline-block; font-size: 11px; padding: 0 6px; border-radius: 999px; margin-right: 3px; border: 1px solid var(--line); color: var(--muted); }
        .flag-regressions { background: var(--fail-soft); color: var(--fail); border-color: #ffcecb; }
        .flag-gains { background: var(--pass-soft); color: var(--pass); border-color: #aceebb; }
        .flag-errors { background: #fff1e5; color: #bc4c00; border-color: #ffd8b5; }
        .flag-flaky { background: var(--inc-soft); color: var(--inconclusive); border-color: #eed888; }
        .panel { position: fixed; inset: 0; background: rgba(31,35,40,.45); display: flex; justify-content: center; align-items: flex-start; padding: 3vh 2vw; z-index: 10; }
        .panel[hidden] { display: none; }
        .panel-box { background: #fff; border-radius: 10px; width: min(1400px, 100%); max-height: 94vh; overflow: auto; padding: 18px 22px; box-shadow: 0 10px 40px rgba(0,0,0,.25); }
        .panel-head { display: flex; justify-content: space-between; align-items: baseline; gap: 16px; position: sticky; top: -18px; background: #fff; padding: 4px 0 8px; border-bottom: 1px solid var(--line); }
        .panel-head h2 { border: 0; margin: 0; padding: 0; }
        .panel-close { font: inherit; font-size: 20px; border: 0; background: none; cursor: pointer; }
        .rep { margin-top: 16px; } .rep h3 { font-size: 15px; margin-bottom: 6px; }
        .rep-grid { display: grid; grid-template-columns: 1fr 1fr; gap: 14px; }
        .arm { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; min-width: 0; }
        .arm h4 { margin: 0 0 6px; font-size: 14px; } .arm-baseline { border-top: 4px solid var(--baseline); } .arm-candidate { border-top: 4px solid var(--candidate); }
        .outcome { font-size: 13px; margin-bottom: 6px; } .outcome .ok { color: var(--pass); font-weight: 600; } .outcome .bad { color: var(--fail); font-weight: 600; }
        .arm pre { white-space: pre-wrap; word-break: break-word; font: 12px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--soft); padding: 6px 8px; border-radius: 6px; margin: 4px 0; max-height: 260px; overflow: auto; }
        .label { font-size: 11px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin-top: 8px; font-weight: 600; }
        .calls { list-style: none; padding: 0; margin: 4px 0; font: 12px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
        .calls li { padding: 2px 6px; border-left: 3px solid transparent; word-break: break-word; }
        .calls li.call-error { background: var(--fail-soft); border-left-color: var(--fail); }
        .calls li.call-split { outline: 2px dashed var(--inconclusive); outline-offset: -1px; }
        .split-note { font-size: 12px; color: var(--inconclusive); font-weight: 600; }
        .msg { border-left: 3px solid var(--line); padding: 2px 8px; margin: 6px 0; }
        .msg .role { font-size: 11px; font-weight: 700; text-transform: uppercase; color: var(--muted); letter-spacing: .05em; }
        .msg-assistant { border-left-color: var(--candidate); } .msg-tool { border-left-color: var(--baseline); } .msg-error { border-left-color: var(--fail); background: var(--fail-soft); }
        .error-text { color: var(--fail); }
        .where { font-size: 12px; color: var(--muted); word-break: break-all; }
        footer { margin-top: 40px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 10px; }
        @media (max-width: 800px) { .rep-grid { grid-template-columns: 1fr; } .verdict { flex-direction: column; align-items: flex-start; } }

        """
}
