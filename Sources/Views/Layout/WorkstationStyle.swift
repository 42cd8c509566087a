/// The staff pages' workstation: full width, a bar that stays at the top with the state and
/// what rings, the screen pop and the desktop in panes (three columns on a 1280 px screen, one
/// at 200 % zoom on a laptop or on a narrow window, in the same reading order), the wallboard in
/// figures big enough to read across a room. Also the public header's menu on narrow screens,
/// form fields sized for writing, and buttons that never touch.
extension SiteStyle {
    public static let workstationCSS = """
    textarea { font: inherit; width: 100%; max-width: 48rem; min-height: 7.5rem; padding: .45rem .6rem; border: 2px solid #555; border-radius: .25rem; display: block; }
    input[type=checkbox], input[type=radio] { width: 1.25rem !important; height: 1.25rem; padding: 0; margin: 0; flex: none; accent-color: var(--green); }
    .checkbox label, .search-form .checkbox label { font-weight: 400; margin: 0; }
    .search-form .checkbox { align-self: center; margin-bottom: .75rem; }
    .button-row, .actions { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; margin: .75rem 0; }
    button.danger { background: #fff; color: #8a1c1c; border: 2px solid #8a1c1c; }
    button.danger:hover { background: #fbeaea; }
    .small-button { padding: .2rem .6rem; font-size: .95rem; }
    form.stacked { margin: .75rem 0; }
    .diagram-wrap { overflow: auto; max-width: 100%; max-height: 70vh; border: 1px solid #b7c9ba; border-radius: .25rem; background: #fff; }
    .menu-toggle { background: #fff; color: var(--green-dark); border-color: #fff; }
    @media (max-width: 40rem) {
      .brand-tagline { display: none; }
      .brand-name { font-size: 1.25rem; }
      .hotline strong { font-size: 1.15rem; }
      .hotline-hours { display: block; font-size: .9rem; }
      .header-row { gap: .25rem 1rem; padding-top: .35rem; padding-bottom: .35rem; }
      .has-menu-toggle .site-header > .menu-toggle { display: block; margin: 0 1rem .5rem; }
      .has-menu-toggle .menu-closed { display: none; }
      .header-row nav, .header-row .account-links { flex-basis: 100%; }
    }
    @media (min-width: 40.01rem) { .menu-toggle { display: none !important; } }

    body.workstation { background: #f4f6f4; }
    .workstation main { max-width: none; padding: 1rem 1.5rem 2rem; }
    .staff-bar { position: sticky; top: 0; z-index: 5; background: var(--green-dark); color: #fff; box-shadow: 0 2px 4px rgba(0,0,0,.25); }
    .staff-bar a { color: #fff; }
    .staff-bar-row { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; justify-content: space-between; padding: .4rem 1.5rem; }
    .staff-brand { font-weight: 700; text-decoration: none; }
    .staff-brand-sub { font-weight: 400; }
    .staff-tools { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; }
    .staff-tools .languages ul { gap: .25rem .6rem; }
    .staff-tools .small-button { background: #fff; color: var(--green-dark); }
    .staff-nav { background: var(--green); }
    .staff-nav ul { list-style: none; margin: 0; padding: .3rem 1.5rem; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; }
    .staff-nav a[aria-current] { font-weight: 700; text-decoration-thickness: 3px; }
    .agent-bar { flex: 1 1 28rem; display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: center; }
    .agent-live { flex: 1 1 20rem; }
    .agent-live p { margin: .15rem 0; }
    .agent-bar .live-status { color: #e6efe7; margin: 0; font-size: .9rem; }
    .live-controls { display: flex; gap: .5rem; align-items: center; }
    .live-controls .small-button { background: #fff; color: var(--green-dark); }
    .agent-bar .offers { margin: .25rem 0; }
    .agent-bar .offer { background: #fff5cc; color: var(--ink); border: 3px solid #f2c94c; padding: .35rem .75rem; margin: .25rem 0; }
    .agent-bar .offer a { color: var(--green); }
    .agent-bar .offer .button-row { margin: .25rem 0; }
    .staff-footer { padding: 1rem 1.5rem 2rem; border-top: 1px solid #b7c9ba; background: #fff; }
    .shortcuts summary { cursor: pointer; font-weight: 600; }
    kbd { font-family: inherit; border: 1px solid #555; border-bottom-width: 2px; border-radius: .2rem; padding: 0 .3rem; background: #fff; white-space: nowrap; }

    .pane { background: #fff; border: 1px solid #c9d3cb; border-radius: .35rem; padding: .5rem 1rem 1rem; min-width: 0; }
    .pane h2 { font-size: 1.2rem; margin: .35rem 0 .5rem; }
    .pane h3 { font-size: 1.05rem; margin: 1rem 0 .35rem; }
    .panes { display: grid; gap: 1rem; grid-template-columns: minmax(0, 1fr); }
    .desk { display: grid; gap: 1rem; grid-template-columns: minmax(0, 1fr); }
    .desk-work { display: grid; gap: 1rem; align-content: start; }
    @media (min-width: 56rem) {
      .panes { grid-template-columns: minmax(0, 1fr) minmax(0, 1.35fr); grid-template-areas: "context work" "client work" "history work" "kb work"; grid-template-rows: auto auto auto 1fr; }
      .desk { grid-template-columns: minmax(16rem, 1fr) minmax(0, 2.5fr); }
    }
    @media (min-width: 75rem) {
      .panes { grid-template-columns: minmax(0, 1fr) minmax(0, 1.35fr) minmax(0, 1fr); grid-template-areas: "context work kb" "client work kb" "history work kb"; grid-template-rows: auto auto 1fr; }
    }
    @media (min-width: 56rem) {
      .pane-context { grid-area: context; } .pane-client { grid-area: client; } .pane-history { grid-area: history; }
      .pane-kb { grid-area: kb; } .pane-work { grid-area: work; }
    }
    .pane .facts { grid-template-columns: minmax(6rem, max-content) minmax(0, 1fr); }
    .pane .facts dd { overflow-wrap: anywhere; }
    .pane .table-wrap { max-width: 100%; }

    .board-filters { margin-bottom: 1rem; }
    .board { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(19rem, 1fr)); list-style: none; padding: 0; margin: 0 0 1.5rem; }
    .board-queue { background: #fff; border: 2px solid #c9d3cb; border-left-width: .75rem; border-radius: .35rem; padding: .5rem 1rem .75rem; }
    .board-queue h3 { margin: 0 0 .25rem; font-size: 1.15rem; }
    .board-queue.state-ok { border-left-color: #1b5e20; }
    .board-queue.state-warn { border-left-color: #b26a00; }
    .board-queue.state-bad { border-left-color: #8a1c1c; }
    .board-figures { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: .5rem; margin: .25rem 0; }
    .board-figures dt { font-size: .9rem; color: var(--muted); }
    .board-figures dd { margin: 0; font-size: 2.4rem; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
    .board-status { font-weight: 700; margin: .25rem 0; }
    .board-status.state-ok { color: #1b5e20; } .board-status.state-warn { color: #7a4800; } .board-status.state-bad { color: #8a1c1c; }
    .spark { width: 100%; height: 3.5rem; display: block; }
    .spark-line { fill: none; stroke: #0b3d91; stroke-width: 2; }
    .spark-target { stroke: #555; stroke-width: 1; stroke-dasharray: 3 3; }
    .board-agents { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; padding: 0; margin: .5rem 0 1rem; }
    .board-agents li { background: #fff; border: 1px solid #c9d3cb; border-radius: .35rem; padding: .35rem .9rem; }
    .board-agents strong { font-size: 2rem; display: block; font-variant-numeric: tabular-nums; }
    details.data-table summary { cursor: pointer; color: var(--green); text-decoration: underline; }
    """
}
