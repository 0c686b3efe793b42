"""The inline CSS and JavaScript of the HTML report (no network, no external files)."""

CSS = """
:root { --lane: 200px; --core: #334155; --ok: #15803d; --err: #b91c1c; --rb: #c2410c;
        --replay: #6d28d9; --bind: #1d4ed8; --muted: #64748b; }
* { box-sizing: border-box; }
body { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0;
       color: #0f172a; background: #f8fafc; }
header.top { padding: 14px 20px; background: #0f172a; color: #f8fafc; }
header.top h1 { margin: 0 0 4px; font-size: 18px; }
header.top .meta { color: #cbd5e1; }
main { padding: 12px 20px 40px; }
.run { background: #fff; border: 1px solid #e2e8f0; border-radius: 8px; margin: 0 0 24px;
       padding: 0 0 8px; }
.run > h2 { margin: 0; padding: 10px 14px; font-size: 15px; border-bottom: 1px solid #e2e8f0; }
.run .about { padding: 6px 14px; color: var(--muted); white-space: pre-wrap; }
.summary { margin: 8px 14px; border-collapse: collapse; }
.summary td, .summary th { border: 1px solid #e2e8f0; padding: 3px 8px; text-align: left; }
.summary th { background: #f1f5f9; }
.controls { padding: 4px 14px; color: var(--muted); }
.lanes { position: sticky; top: 0; z-index: 2; background: #f1f5f9; display: flex;
         border-top: 1px solid #e2e8f0; border-bottom: 1px solid #cbd5e1; }
.lanes .lane { width: var(--lane); flex: none; text-align: center; padding: 6px 4px;
               font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.lanes .lane.core { color: var(--core); }
.lanes .state-h { flex: 1; padding: 6px 10px; font-weight: 600; color: var(--muted); }
.step { display: flex; border-bottom: 1px solid #e2e8f0; }
.step.bad { background: #fef2f2; }
.step .diagram { flex: none; }
.step .cmd { font: 12px/1.3 ui-monospace, Menlo, Consolas, monospace; padding: 6px 10px 2px;
             white-space: pre-wrap; word-break: break-all; }
.step .cmd .n { color: var(--muted); margin-right: 6px; }
.step .cmd .rc { color: var(--err); font-weight: 600; margin-left: 8px; }
.step .cmd.fault { color: var(--rb); }
.step .out { font: 11px/1.3 ui-monospace, Menlo, Consolas, monospace; color: var(--muted);
             padding: 0 10px 4px 28px; white-space: pre-wrap; max-height: 7.5em; overflow: auto; }
.step .out.err { color: var(--err); }
.state { flex: 1; padding: 6px 10px; border-left: 1px dashed #cbd5e1; min-width: 260px; }
.state.same { color: var(--muted); font-style: italic; }
.state table { border-collapse: collapse; margin-bottom: 4px; }
.state td, .state th { border: 1px solid #e2e8f0; padding: 1px 6px; font-size: 12px; }
.state th { background: #f8fafc; font-weight: 600; }
.flag { display: inline-block; padding: 0 4px; border-radius: 3px; margin-right: 2px;
        font-size: 11px; background: #e2e8f0; }
.flag.in_hw { background: #dcfce7; color: var(--ok); }
.flag.not_in_hw { background: #fee2e2; color: var(--err); }
.flag.skip_sw { background: #e0e7ff; color: var(--bind); }
.held { border-collapse: collapse; margin: 4px 0; font-size: 12px; }
.held td, .held th { border: 1px solid #ccc; padding: 1px 6px; min-width: 14em; }
.held caption { text-align: left; font-style: italic; }
.violation { margin: 4px 10px 6px 28px; padding: 4px 8px; border-left: 4px solid var(--err);
             background: #fee2e2; color: #7f1d1d; font-size: 12px; }
.violation b { color: var(--err); }
.violation .blame { display: inline-block; padding: 0 5px; border-radius: 3px; color: #fff;
                    background: var(--err); margin-right: 4px; font-size: 11px; }
.violation .blame.kernel { background: #7c2d12; }
.violation .blame.injected { background: #a16207; }
svg text { font: 11px ui-monospace, Menlo, Consolas, monospace; }
svg .lifeline { stroke: #cbd5e1; stroke-dasharray: 4 3; }
svg .arrow { stroke: var(--core); stroke-width: 1.6; fill: none; }
svg .arrow.rollback { stroke: var(--rb); stroke-width: 2.4; }
svg .arrow.replay { stroke: var(--replay); }
svg .arrow.bind { stroke: var(--bind); }
svg .arrow.stats { stroke: #94a3b8; }
svg .lbl.stats { fill: #64748b; }
svg .head { fill: var(--core); }
svg .head.rollback { fill: var(--rb); }
svg .head.replay { fill: var(--replay); }
svg .head.bind { fill: var(--bind); }
svg .head.stats { fill: #94a3b8; }
svg .ans { font-weight: 600; }
svg .ans.ok { fill: var(--ok); }
svg .ans.err { fill: var(--err); }
svg .lbl.rollback { fill: var(--rb); font-weight: 600; }
svg .lbl.replay { fill: var(--replay); }
svg .lbl.bind { fill: var(--bind); }
svg .rbband { fill: #ffedd5; }
svg .vmark { fill: var(--err); }
.hide-stats .ev-stats { display: none; }
.legend span { margin-right: 12px; }
.legend .sw { display: inline-block; width: 18px; height: 3px; vertical-align: middle;
              margin-right: 4px; }
pre.repro { margin: 6px 14px; padding: 8px; background: #0f172a; color: #e2e8f0;
            border-radius: 6px; overflow: auto; font-size: 12px; }
"""

JS = """
document.querySelectorAll('input.toggle-stats').forEach(function (box) {
  var run = box.closest('.run');
  function apply() { run.classList.toggle('hide-stats', box.checked); }
  box.addEventListener('change', apply); apply();
});
"""
