/// The report's inline style sheet: system fonts, CSS variables for light and dark, one column on
/// phones, series colours `s0`…`s7` shared by SVG strokes, bars and legend swatches.
enum HTMLStyle {
    static let css = """
        :root { --bg: #ffffff; --fg: #1d2330; --muted: #5d6675; --line: #d9dde4; --panel: #f5f7fa;
          --pass: #1a7f37; --fail: #c62828; --warn: #b26a00;
          --c0: #2f6fd6; --c1: #d9482b; --c2: #2a9d5b; --c3: #8e44ad; --c4: #c28e00; --c5: #12939a; --c6: #e0529c; --c7: #6b7280; }
        @media (prefers-color-scheme: dark) {
          :root { --bg: #14171c; --fg: #e6e9ef; --muted: #9aa3b2; --line: #2c323c; --panel: #1c2028;
            --pass: #3fb950; --fail: #f85149; --warn: #d29922;
            --c0: #6ea8fe; --c1: #ff7b61; --c2: #56d38b; --c3: #c08bf0; --c4: #f2c94c; --c5: #4fd1d9; --c6: #ff8cc6; --c7: #a0a8b8; }
        }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 1200px; padding: 16px; background: var(--bg); color: var(--fg);
          font: 15px/1.45 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        h1 { font-size: 1.5em; margin: 0; word-break: break-word; }
        h2 { font-size: 1.2em; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
        h3 { font-size: 1em; margin: 12px 0 6px; }
        code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
        pre { background: var(--panel); padding: 10px; overflow-x: auto; white-space: pre-wrap; word-break: break-all; border-radius: 6px; }
        .top { display: flex; gap: 16px; align-items: center; flex-wrap: wrap; }
        .verdict { font-weight: 700; font-size: 1.4em; padding: 8px 16px; border-radius: 8px; color: #fff; letter-spacing: 0.05em; }
        .verdict-passed { background: var(--pass); } .verdict-failed { background: var(--fail); } .verdict-error { background: var(--warn); }
        .sub, .muted, figcaption p, .detail, footer { color: var(--muted); }
        .sub { margin: 4px 0 0; }
        .banner { background: var(--warn); color: #fff; padding: 8px 12px; border-radius: 6px; }
        .numbers { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 10px; margin-top: 16px; }
        .number { background: var(--panel); border-radius: 8px; padding: 10px 12px; }
        .number .label { font-size: 0.85em; color: var(--muted); }
        .number .value { font-size: 1.5em; font-weight: 600; }
        .number .detail { font-size: 0.85em; }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 520px), 1fr)); gap: 16px; margin-top: 16px; }
        figure { margin: 0; background: var(--panel); border-radius: 8px; padding: 10px 12px; min-width: 0; }
        figcaption p { margin: 0 0 6px; font-size: 0.85em; }
        svg.chart { width: 100%; height: auto; display: block; }
        svg .grid { stroke: var(--line); stroke-width: 1; }
        svg .axis { stroke: var(--muted); stroke-width: 1; }
        svg text { fill: var(--muted); font-size: 11px; font-family: inherit; }
        svg text.label { fill: var(--fg); }
        svg .series { fill: none; stroke-width: 2; stroke-linejoin: round; }
        .s0 { stroke: var(--c0); fill: var(--c0); color: var(--c0); } .s1 { stroke: var(--c1); fill: var(--c1); color: var(--c1); }
        .s2 { stroke: var(--c2); fill: var(--c2); color: var(--c2); } .s3 { stroke: var(--c3); fill: var(--c3); color: var(--c3); }
        .s4 { stroke: var(--c4); fill: var(--c4); color: var(--c4); } .s5 { stroke: var(--c5); fill: var(--c5); color: var(--c5); }
        .s6 { stroke: var(--c6); fill: var(--c6); color: var(--c6); } .s7 { stroke: var(--c7); fill: var(--c7); color: var(--c7); }
        svg path.series { fill: none; }
        svg rect.bar { stroke: none; }
        svg text.flag { fill: var(--fail); font-weight: 600; }
        svg line.limit { stroke-width: 1.5; stroke-dasharray: 6 4; } svg line.limit.pass { stroke: var(--pass); }
        svg line.limit.fail { stroke: var(--fail); } svg text.limit.pass { fill: var(--pass); } svg text.limit.fail { fill: var(--fail); }
        svg text.limit { font-size: 9px; }
        .weights svg.chart { max-width: 720px; }
        .flags { margin: 6px 0 0; padding-left: 18px; font-size: 0.85em; }
        .legend { list-style: none; padding: 0; margin: 6px 0 0; display: flex; flex-wrap: wrap; gap: 12px; font-size: 0.85em; }
        .swatch { background: currentColor; display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
        table.num td + td { text-align: right; font-variant-numeric: tabular-nums; }
        table.kv th { width: 40%; font-weight: 500; color: var(--muted); }
        .pass { color: var(--pass); font-weight: 600; } .fail { color: var(--fail); font-weight: 600; }
        .nodata { color: var(--muted); font-style: italic; }
        details.error { border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px; margin: 6px 0; }
        details summary { cursor: pointer; }
        .count { color: var(--fail); font-weight: 600; margin-left: 8px; }
        .two { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 380px), 1fr)); gap: 16px; }
        footer { margin: 32px 0 8px; font-size: 0.85em; }
        @media (max-width: 600px) { body { padding: 10px; font-size: 14px; } .verdict { font-size: 1.1em; }
          svg text { font-size: 14px; } }
        """
}
