/// The portal's one stylesheet, served at `SiteRoute.stylesheet` (no inline styles: the CSP
/// forbids them). Colours meet WCAG AA contrast on their backgrounds.
public enum SiteStyle {
    public static let css = """
    :root { --green: #0b5d1e; --green-dark: #073d14; --ink: #1a1a1a; --muted: #4a4a4a; --bg: #ffffff; --soft: #eef5ef; --focus: #ffbf47; --on-brand: #ffffff; }
    * { box-sizing: border-box; }
    [hidden] { display: none !important; }
    body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: var(--bg); line-height: 1.5; font-size: 1.0625rem; }
    .wrap, main { max-width: 64rem; margin: 0 auto; padding: 0 1rem; }
    main { padding-top: 1.5rem; padding-bottom: 2.5rem; display: block; }
    a { color: var(--green); text-decoration: underline; }
    a:hover { color: var(--green-dark); }
    :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; box-shadow: 0 0 0 5px var(--ink); }
    .skip-link { position: absolute; left: -999px; top: 0; background: var(--ink); color: #fff; padding: .5rem 1rem; z-index: 10; }
    .skip-link:focus { left: 0; }
    .site-header { background: var(--green); color: var(--on-brand); }
    .site-header a { color: var(--on-brand); }
    .header-row { display: flex; flex-wrap: wrap; gap: .5rem 2rem; align-items: center; justify-content: space-between; padding-top: .5rem; padding-bottom: .5rem; }
    .brand { text-decoration: none; display: flex; flex-direction: column; }
    .brand-name { font-size: 1.5rem; font-weight: 700; }
    .brand-logo { max-height: 48px; width: auto; align-self: flex-start; background: #fff; border-radius: .25rem; padding: 2px; }
    .subnav { list-style: none; padding-left: .75rem; margin: .25rem 0; font-size: .95rem; }
    .section-menu { border: 1px solid #b7c9ba; border-radius: .5rem; padding: .5rem 1rem; margin: 1rem 0; }
    .section-menu .nav, .section-menu .subnav { display: block; list-style: none; padding-left: .75rem; }
    .news-list { list-style: none; padding: 0; }
    .news-list > li { border-top: 1px solid #d5dfd7; padding: .75rem 0; display: flex; gap: 1rem; }
    .news-list img, .partner-list img { max-width: 160px; height: auto; }
    .news-image { max-width: 100%; height: auto; }
    .partner-list { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 1rem; }
    .partner-list > li { border: 1px solid #b7c9ba; border-radius: .5rem; padding: 1rem; }
    .swatch { display: inline-block; width: 1.5rem; height: 1.5rem; border: 1px solid #555; vertical-align: middle; }
    .brand-tagline { font-size: .95rem; }
    .hotline { margin: 0; }
    .hotline strong { font-size: 1.4rem; }
    .nav, .languages ul, .footer-links { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; }
    .nav a[aria-current], .languages a[aria-current] { font-weight: 700; text-decoration-thickness: 3px; }
    .site-footer { background: var(--soft); padding: 1.5rem 0; border-top: 4px solid var(--green); }
    .card { border: 1px solid #b7c9ba; border-radius: .5rem; padding: 1rem 1.25rem; margin: 1.25rem 0; background: #fff; }
    .hotline-card { background: var(--soft); }
    .big-number { font-size: 2.5rem; font-weight: 700; margin: .25rem 0; }
    .lead { font-size: 1.2rem; }
    .status.open { color: var(--green); font-weight: 700; }
    .status.closed { color: #8a1c1c; font-weight: 700; }
    label { display: block; font-weight: 600; margin-bottom: .25rem; }
    input, select, button { font: inherit; padding: .45rem .6rem; border: 2px solid #555; border-radius: .25rem; }
    button { background: var(--green); color: var(--on-brand); border-color: var(--green); cursor: pointer; }
    button:hover { background: var(--green-dark); }
    .field { margin-bottom: .75rem; }
    .inline-form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; }
    .inline-form label { flex-basis: 100%; }
    .hint, .small, .meta { color: var(--muted); font-size: .95rem; }
    .office-list { padding-left: 1.25rem; }
    .office-list li { margin: .35rem 0; }
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1.5rem; }
    .facts dt { font-weight: 600; }
    .facts dd { margin: 0; }
    .unknown { color: var(--muted); }
    .badge { display: inline-block; padding: .1rem .6rem; border-radius: 1rem; font-size: .95rem; }
    .badge.verified { background: #d7ecd9; color: var(--green-dark); }
    .badge.unverified { background: #f3ead0; color: #5c4300; }
    table.hours th { text-align: left; padding-right: 2rem; font-weight: 600; }
    .notice { background: #f3ead0; padding: .5rem 1rem; border-left: 4px solid #8a6d00; }
    .qr-code { display: block; margin: .5rem 0 1rem; max-width: 100%; height: auto; }
    .table-wrap { overflow-x: auto; }
    .table-wrap table { border-collapse: collapse; }
    .table-wrap th, .table-wrap td { text-align: left; vertical-align: top; padding: .35rem .75rem .35rem 0; border-bottom: 1px solid #d5dfd7; }
    .table-wrap caption { text-align: left; font-weight: 700; padding-bottom: .5rem; }
    .recovery-codes { font-size: 1.15rem; columns: 2; }
    .checkbox { display: flex; gap: .5rem; align-items: center; }
    .breadcrumb { margin: 0 0 .5rem; }
    .search-form { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: 0 1.25rem; align-items: end; }
    .search-form .field:first-of-type { grid-column: 1 / -1; }
    .search-form input, .search-form select { width: 100%; max-width: none; }
    .search-form button { justify-self: start; margin-bottom: 1rem; }
    .offer-list { list-style: none; padding: 0; }
    .offer-list > li { border-top: 1px solid #d5dfd7; padding: .75rem 0; }
    .offer-list h2 { font-size: 1.25rem; margin: 0 0 .25rem; }
    .offer-list p { margin: .2rem 0; }
    .prewrap { white-space: pre-wrap; }
    .pagination ul { list-style: none; display: flex; gap: 1rem; padding: 0; }
    """
}

extension SiteStyle {
    /// Forms, errors and the account links.
    public static let formsCSS = """
    fieldset { border: 1px solid #b7c9ba; border-radius: .5rem; margin: 0 0 1rem; padding: .75rem 1rem; min-width: 0; }
    select { max-width: 100%; }
    legend { font-weight: 700; padding: 0 .25rem; }
    input[type=text], input[type=email], input[type=password], input[type=tel], input[type=search] { width: 100%; max-width: 28rem; }
    .field-error { color: #8a1c1c; font-weight: 600; margin: .1rem 0 .25rem; }
    .has-error input, .has-error select { border-color: #8a1c1c; }
    .error-summary { border: 3px solid #8a1c1c; padding: .75rem 1rem; margin-bottom: 1rem; }
    .error-summary h2 { margin-top: 0; font-size: 1.2rem; }
    .optional { font-weight: 400; color: var(--muted); }
    .account-links { display: flex; gap: 1rem; align-items: center; }
    form.inline { display: inline; margin: 0; }
    .link-button { background: none; border: none; color: var(--on-brand); text-decoration: underline; padding: 0; font: inherit; cursor: pointer; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .mail-body { white-space: pre-wrap; background: var(--soft); padding: .75rem; }
    .cv-section { border-top: 1px solid #c8c8c8; padding-top: .5rem; margin-top: 1rem; }
    .cv-section h2 { font-size: 1.15rem; margin: 0 0 .25rem; }
    .prewrap { white-space: pre-wrap; }
    .button-row { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: .5rem 0; }
    button.secondary { background: #fff; color: var(--green-dark); border: 2px solid var(--green); }
    button.secondary:hover { background: var(--soft); color: var(--green-dark); }
    .offers { list-style: none; padding: 0; }
    .offer { border: 3px solid var(--green); border-radius: 4px; padding: .5rem 1rem; margin-bottom: 1rem; background: var(--soft); }
    .offer h3 { margin: 0; }
    .countdown-value { font-weight: bold; font-variant-numeric: tabular-nums; }
    .live-status { color: var(--muted); font-size: .95rem; }
    .chat-log ol { list-style: none; margin: 0; padding: 0; }
    .chat-log { margin: .5rem 0; padding: .5rem; max-height: 24rem; overflow-y: auto; border: 1px solid var(--muted); border-radius: 4px; background: #fff; }
    .chat-compact .chat-log { max-height: 12rem; }
    .chat-line { margin: 0 0 .5rem; padding: .25rem .5rem; border-radius: 4px; }
    .chat-line p { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
    .chat-visitor { background: var(--soft); }
    .chat-agent { background: #f3f3f3; }
    .chat-system { color: var(--muted); font-style: italic; }
    .chat-who { font-weight: 700; }
    .chat-time { color: var(--muted); font-size: .9rem; }
    .chat-typing { min-height: 1.5em; color: var(--muted); margin: 0; }
    .chat-say textarea { width: 100%; max-width: 40rem; display: block; }
    .chat-widget { border-top: 1px solid var(--muted); padding: 1rem 0; }
    .chat-widget h2 { font-size: 1.2rem; margin: 0 0 .5rem; }
    .chat-grid { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); }
    .chat-card { border: 1px solid var(--muted); border-radius: 4px; padding: .5rem 1rem; }
    .inline-list { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 1rem; }
    .trap { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
    .chart { margin: 1rem 0; max-width: 48rem; }
    .chart > svg { width: 100%; height: auto; display: block; }
    .chart-legend svg { width: 14px; height: 14px; vertical-align: middle; }
    .chart figcaption { color: var(--ink); margin-top: .25rem; }
    .chart-grid { stroke: #c9d3cb; stroke-width: 1; }
    .chart-label { font-size: 11px; fill: #333; }
    .bar-answered { fill: #1b5e20; }
    .bar-abandoned { fill: #f2c94c; stroke: #000; stroke-width: .5; }
    .line-sl { fill: none; stroke: #1b5e20; stroke-width: 3; }
    .line-sl-answered { fill: none; stroke: #0b3d91; stroke-width: 2; stroke-dasharray: 6 3; }
    .line-abandon { fill: none; stroke: #8a1c1c; stroke-width: 3; }
    circle.line-sl, circle.line-sl-answered, circle.line-abandon { fill: currentColor; }
    .chart-target { stroke: #555; stroke-width: 2; stroke-dasharray: 2 3; fill: #555; }
    .chart-legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 1rem; margin: .25rem 0; }
    .heat-0 { fill: #f4f6f4; } .heat-1 { fill: #c7e2c9; } .heat-2 { fill: #7fbf85; } .heat-3 { fill: #3d8b45; } .heat-4 { fill: #174d1d; }
    .figures { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); padding: 0; list-style: none; }
    .figure { border: 1px solid var(--muted); border-radius: 4px; padding: .5rem .75rem; }
    .figure-value { font-size: 1.6rem; font-weight: 700; font-variant-numeric: tabular-nums; display: block; }
    .definitions dt { font-weight: 700; margin-top: .5rem; }
    .definitions dd { margin-left: 0; }
    form.filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-end; }
    nav.progress ol { display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding-left: 1.25rem; }
    nav.progress .step-current strong { text-decoration: underline; text-underline-offset: .2em; }
    .draft-code { font-family: monospace; font-size: 1.4rem; letter-spacing: .1em; }
    .actions { display: flex; flex-wrap: wrap; gap: .75rem; margin-top: 1rem; }
    .official-form { max-width: 190mm; margin: 0 auto; padding: 1rem; font-family: Arial, Helvetica, sans-serif; }
    .official-form h1 { font-size: 1.2rem; }
    .official-form h2 { font-size: 1rem; background: #e6e6e6; padding: .25rem .5rem; margin: 1rem 0 .25rem; }
    .official-form table { width: 100%; border-collapse: collapse; }
    .official-form th { width: 45%; text-align: left; font-weight: normal; font-size: .8rem; vertical-align: top; }
    .official-form th, .official-form td { border-bottom: 1px solid #999; padding: .2rem .4rem; }
    .official-form td { font-weight: 700; text-transform: uppercase; white-space: pre-wrap; }
    .official-form .legal-basis, .official-form .print-footer { font-size: .75rem; }
    .print-bar { max-width: 190mm; margin: 0 auto; padding: .5rem 1rem; }
    @page { size: A4; margin: 15mm; }
    @media print {
      .official-form { padding: 0; max-width: none; }
      .official-form section { break-inside: auto; }
      .official-form tr { break-inside: avoid; }
      .site-header, .site-footer, .skip-link, .no-print, .breadcrumb { display: none; }
      main { max-width: none; padding: 0; }
      body { font-size: 11pt; }
      a { color: var(--ink); text-decoration: none; }
    }
    """
}
