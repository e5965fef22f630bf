package cn.tuoyu.support;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;

/**
 * The process diagram as bpmn-js drew it in Cockpit, in diagram coordinates: shapes (without labels)
 * that overlap — boundary events on their host excepted —, sequence flows that cross each other, and
 * flows that run through a shape that is neither their source nor their target (2 px tolerance).
 * Expanded sub-processes are left out: they contain their own shapes by design. Labels are left to
 * the eye (see the screenshot).
 */
public final class DiagramLayout {

  /** What was drawn and what is wrong with it. */
  public record Report(int shapes, int flows, List<String> problems) {}

  private DiagramLayout() {}

  /** Reads the diagram on the page (Cockpit's process definition or instance view). */
  @SuppressWarnings("unchecked")
  public static Report of(Page page) {
    Map<String, Object> layout = (Map<String, Object>) page.evaluate(SCRIPT);
    return new Report(((Number) layout.get("shapes")).intValue(), ((Number) layout.get("flows")).intValue(),
        (List<String>) layout.get("problems"));
  }

  private static final String SCRIPT = """
      () => {
        const root = document.querySelector('.djs-container');
        const shapes = [];
        for (const g of root.querySelectorAll('g.djs-element.djs-shape[data-element-id]')) {
          const id = g.getAttribute('data-element-id');
          const visual = g.querySelector(':scope > .djs-visual');
          if (!visual || id.endsWith('_label') || id.startsWith('SubProcess_')) continue;
          const m = g.transform.baseVal.consolidate();
          const x = m ? m.matrix.e : 0, y = m ? m.matrix.f : 0;
          const box = visual.getBBox();
          if (box.width === 0) continue;
          shapes.push({id, l: x + box.x, t: y + box.y, r: x + box.x + box.width, b: y + box.y + box.height});
        }
        const flows = [];
        for (const g of root.querySelectorAll('g.djs-element.djs-connection[data-element-id]')) {
          const d = g.querySelector(':scope > .djs-visual > path').getAttribute('d');
          const points = [];
          for (const [, , args] of d.matchAll(/([MLC])([^MLC]*)/g)) {
            const n = args.split(/[ ,]+/).filter(Boolean).map(Number);
            points.push({x: n[n.length - 2], y: n[n.length - 1]});
          }
          flows.push({id: g.getAttribute('data-element-id'), points});
        }
        const problems = [];
        const inside = (p, s, m) => p.x > s.l - m && p.x < s.r + m && p.y > s.t - m && p.y < s.b + m;
        const centre = s => ({x: (s.l + s.r) / 2, y: (s.t + s.b) / 2});
        const attached = (e, host) => e.id.startsWith('BoundaryEvent_') && inside(centre(e), host, 0.5);
        for (let i = 0; i < shapes.length; i++) for (let j = i + 1; j < shapes.length; j++) {
          const a = shapes[i], b = shapes[j];
          const overlap = Math.min(a.r, b.r) - Math.max(a.l, b.l) > 0 && Math.min(a.b, b.b) - Math.max(a.t, b.t) > 0;
          if (overlap && !attached(a, b) && !attached(b, a)) problems.push('shapes overlap: ' + a.id + ' / ' + b.id);
        }
        const side = (a, b, c) => Math.sign((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x));
        const cross = (p1, p2, p3, p4) => side(p3, p4, p1) * side(p3, p4, p2) < 0 && side(p1, p2, p3) * side(p1, p2, p4) < 0;
        const segments = f => f.points.slice(1).map((p, k) => [f.points[k], p]);
        for (let i = 0; i < flows.length; i++) for (let j = i + 1; j < flows.length; j++) {
          if (segments(flows[i]).some(([a, b]) => segments(flows[j]).some(([c, e]) => cross(a, b, c, e)))) {
            problems.push('flows cross: ' + flows[i].id + ' / ' + flows[j].id);
          }
        }
        for (const f of flows) {
          const first = f.points[0], last = f.points[f.points.length - 1];
          for (const s of shapes) {
            if (inside(first, s, 2) || inside(last, s, 2)) continue;
            const box = {l: s.l + 2, t: s.t + 2, r: s.r - 2, b: s.b - 2};
            if (segments(f).some(([a, b]) => Math.min(Math.max(a.x, b.x), box.r) >= Math.max(Math.min(a.x, b.x), box.l)
                && Math.min(Math.max(a.y, b.y), box.b) >= Math.max(Math.min(a.y, b.y), box.t))) {
              problems.push('flow ' + f.id + ' runs through ' + s.id);
            }
          }
        }
        return {shapes: shapes.length, flows: flows.length, problems};
      }
      """;
}
