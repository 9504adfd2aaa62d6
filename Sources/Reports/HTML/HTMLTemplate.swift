/// The Mustache template of `report.html`, embedded so the binary works wherever it is installed.
///
/// Self-contained: inline CSS only, no script, no external resource (the one `http://` string is the
/// SVG namespace inside chart markup, which is an identifier, not a fetch). Light and dark follow
/// `prefers-color-scheme`; the layout collapses to one column on narrow screens. `{{x}}` is HTML-
/// escaped by the engine; `{{{svg}}}` is chart markup that ``SVGBuilder`` escaped itself.
enum HTMLTemplate {
    static let source = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="{{generator}}">
        <title>{{documentTitle}}</title>
        <style>
        {{{css}}}
        </style>
        </head>
        <body>
        <header class="top">
        <div class="verdict {{verdictClass}}">{{verdictText}}</div>
        <div class="heading">
        <h1>{{scenarioName}}</h1>
        <p class="sub">{{subtitle}}</p>
        </div>
        </header>
        {{#interrupted}}
        <p class="banner">This run was interrupted before it finished: the figures cover only the time it ran.</p>
        {{/interrupted}}
        {{#notices}}
        <p class="banner">{{.}}</p>
        {{/notices}}
        <section class="numbers">
        {{#keyNumbers}}
        <div class="number"><div class="label">{{label}}</div><div class="value">{{value}}</div><div class="detail">{{detail}}</div></div>
        {{/keyNumbers}}
        </section>
        <section>
        <h2>Thresholds</h2>
        {{#hasThresholds}}
        <div class="scroll"><table>
        <thead><tr><th>Threshold</th><th>Result</th><th>Observed</th><th>Limit</th><th>Note</th></tr></thead>
        <tbody>
        {{#thresholds}}
        <tr><td><code>{{name}}</code></td><td class="{{statusClass}}">{{statusText}}</td><td>{{observed}}</td><td>{{expected}}</td><td>{{extra}}</td></tr>
        {{/thresholds}}
        </tbody>
        </table></div>
        {{/hasThresholds}}
        {{^thresholds}}
        <p class="nodata">No thresholds were set.</p>
        {{/thresholds}}
        </section>
        <section>
        <h2>Checks</h2>
        {{#hasChecks}}
        <div class="scroll"><table>
        <thead><tr><th>Check</th><th>Result</th><th>Observed</th><th>Expected</th><th>Message</th><th>Phase · code</th></tr></thead>
        <tbody>
        {{#checks}}
        <tr><td>{{name}}</td><td class="{{statusClass}}">{{statusText}}</td><td>{{observed}}</td><td>{{expected}}</td><td>{{message}}</td><td>{{extra}}</td></tr>
        {{/checks}}
        </tbody>
        </table></div>
        {{/hasChecks}}
        {{^checks}}
        <p class="nodata">No checks were run.</p>
        {{/checks}}
        </section>
        {{#probeSections}}
        <section class="probe">
        <h2>{{title}}</h2>
        <table class="kv">{{#facts}}<tr><th>{{name}}</th><td>{{value}}</td></tr>{{/facts}}</table>
        {{#hasRows}}
        <div class="scroll"><table>
        <thead><tr>{{#columns}}<th>{{.}}</th>{{/columns}}</tr></thead>
        <tbody>
        {{#rows}}
        <tr>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>
        {{/rows}}
        </tbody>
        </table></div>
        {{/hasRows}}
        </section>
        {{/probeSections}}
        {{#weightCharts}}
        <section class="weights">
        <h2>Weight check</h2>
        <figure class="chart-box">
        <figcaption><h3>{{title}}</h3><p>{{caption}}</p></figcaption>
        {{{svg}}}
        <ul class="legend">{{#legend}}<li><span class="swatch {{colorClass}}"></span>{{name}}</li>{{/legend}}</ul>
        {{#hasFlags}}
        <ul class="flags">{{#flags}}<li class="fail">{{.}}</li>{{/flags}}</ul>
        {{/hasFlags}}
        </figure>
        </section>
        {{/weightCharts}}
        <section class="charts">
        {{#charts}}
        <figure class="chart-box">
        <figcaption><h3>{{title}}</h3><p>{{caption}}</p></figcaption>
        {{#hasData}}
        {{{svg}}}
        {{#hasLegend}}
        <ul class="legend">{{#legend}}<li><span class="swatch {{colorClass}}"></span>{{name}}</li>{{/legend}}</ul>
        {{/hasLegend}}
        {{/hasData}}
        {{^hasData}}
        <p id="{{id}}" class="nodata">{{emptyNote}}</p>
        {{/hasData}}
        </figure>
        {{/charts}}
        </section>
        <section>
        <h2>Latency by phase</h2>
        {{#hasPhases}}
        <div class="scroll"><table class="num">
        <thead><tr><th>Histogram</th><th>Count</th><th>p50</th><th>p90</th><th>p99</th><th>p99.9</th><th>Max</th><th>Mean</th><th>Over range</th></tr></thead>
        <tbody>
        {{#phases}}
        <tr><td>{{name}}</td><td>{{count}}</td><td>{{p50}}</td><td>{{p90}}</td><td>{{p99}}</td><td>{{p999}}</td><td>{{max}}</td><td>{{mean}}</td><td>{{overflow}}</td></tr>
        {{/phases}}
        </tbody>
        </table></div>
        {{/hasPhases}}
        {{^phases}}
        <p class="nodata">No latencies were recorded.</p>
        {{/phases}}
        </section>
        <section>
        <h2>Errors</h2>
        {{#hasErrors}}
        {{#errors}}
        <details class="error">
        <summary><code>{{code}}</code> <span class="count">{{count}}</span></summary>
        {{#samples}}
        <div class="sample">
        <p>{{message}} <span class="muted">({{phase}})</span></p>
        {{#hasHTTP}}
        <pre>HTTP status {{status}}
        {{headers}}

        {{body}}</pre>
        {{/hasHTTP}}
        </div>
        {{/samples}}
        </details>
        {{/errors}}
        {{/hasErrors}}
        {{^errors}}
        <p class="nodata">No errors.</p>
        {{/errors}}
        </section>
        <section class="two">
        <div>
        <h2>Close codes</h2>
        {{#hasCloses}}
        <table class="kv">{{#closes}}<tr><th>{{name}}</th><td>{{value}}</td></tr>{{/closes}}</table>
        {{/hasCloses}}
        {{^closes}}<p class="nodata">No closes were recorded.</p>{{/closes}}
        </div>
        <div>
        <h2>Targets</h2>
        {{#hasTargets}}
        <table class="kv">{{#targets}}<tr><th>{{name}}</th><td>{{value}}</td></tr>{{/targets}}</table>
        {{/hasTargets}}
        {{^targets}}<p class="nodata">No target reported an identity.</p>{{/targets}}
        </div>
        </section>
        <section>
        <h2>Upgrade exchange</h2>
        {{#hasUpgrade}}
        <div class="two">
        <div><h3>Request</h3><pre>{{requestHead}}</pre></div>
        <div><h3>Response</h3><pre>{{responseHead}}</pre></div>
        </div>
        <table class="kv">{{#negotiation}}<tr><th>{{name}}</th><td>{{value}}</td></tr>{{/negotiation}}</table>
        {{#hasTlsFacts}}
        <h3>TLS</h3>
        <table class="kv">{{#tlsFacts}}<tr><th>{{name}}</th><td>{{value}}</td></tr>{{/tlsFacts}}</table>
        {{/hasTlsFacts}}
        {{#hasCertificates}}
        <div class="scroll"><table>
        <thead><tr><th>Subject</th><th>Issuer</th><th>Not after</th><th>Days left</th></tr></thead>
        <tbody>
        {{#certificates}}
        <tr><td>{{subject}}</td><td>{{issuer}}</td><td>{{notAfter}}</td><td{{#warn}} class="fail"{{/warn}}>{{daysLeft}}</td></tr>
        {{/certificates}}
        </tbody>
        </table></div>
        {{/hasCertificates}}
        {{/hasUpgrade}}
        {{^hasUpgrade}}
        <p class="nodata">No upgrade completed, so there is no exchange to show.</p>
        {{/hasUpgrade}}
        </section>
        {{#hasCheckPhases}}
        <section>
        <h2>Connection timeline</h2>
        <table class="kv">{{#checkPhases}}<tr><th>{{name}}</th><td>{{value}}</td></tr>{{/checkPhases}}</table>
        <p>Echo round trips: {{echoRoundTrips}}</p>
        </section>
        {{/hasCheckPhases}}
        <section>
        <h2>Environment</h2>
        <table class="kv">{{#environment}}<tr><th>{{name}}</th><td>{{value}}</td></tr>{{/environment}}</table>
        </section>
        <section>
        <h2>Scenario</h2>
        {{#scenarioJSON}}
        <details><summary>Scenario as run (secrets redacted)</summary><pre>{{scenarioJSON}}</pre></details>
        {{/scenarioJSON}}
        {{^scenarioJSON}}
        <p class="nodata">No scenario was recorded.</p>
        {{/scenarioJSON}}
        </section>
        <footer>Generated by {{generator}} from report.json.</footer>
        </body>
        </html>

        """
}
