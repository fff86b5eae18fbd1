// Injected at the end of a copy of the report by TestReport*: measures the
// page as laid out in its frame and posts the result, as JSON, to the
// harness page around it.
(function () {
  var r = {};
  function box(e) {
    var b = e.getBoundingClientRect();
    return { left: b.left, right: b.right, top: b.top, bottom: b.bottom, width: b.width, height: b.height };
  }
  function all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function text(e) { return e ? e.textContent.trim() : ""; }
  r.inner_width = window.innerWidth;
  r.wide = all("body *").filter(function (e) {
    return e.getBoundingClientRect().right > innerWidth + 0.5 || e instanceof HTMLElement && e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0;
  })
    .slice(0, 5).map(function (e) { return e.tagName + "." + e.getAttribute("class") + ": " + text(e).slice(0, 40); });
  r.scroll_width = document.documentElement.scrollWidth;
  r.x_ticks = all("#trend .x-tick").map(function (e) {
    var m = new DOMMatrix(getComputedStyle(e).transform === "none" ? undefined : getComputedStyle(e).transform);
    return { text: text(e), box: box(e), angle: Math.atan2(m.b, m.a) * 180 / Math.PI,
      font_size: parseFloat(getComputedStyle(e).fontSize) };
  });
  r.y_ticks = all("#trend .y-tick").map(text);
  var yt = document.querySelector("#trend .y-title");
  r.y_title = text(yt);
  r.y_title_box = yt ? box(yt) : null;
  r.x_title = text(document.querySelector("#trend .x-title"));
  r.bars = all("#trend rect.bar").length;
  r.legend = all(".legend li").map(text);
  var statements = "ul.cases > li > ul > li";
  var ntl = document.querySelector(".side-ntl"), empl = document.querySelector(".side-arbeidsgiver");
  r.ntl_box = ntl ? box(ntl) : null;
  r.employer_box = empl ? box(empl) : null;
  r.employer_visible = !!empl && empl.checkVisibility();
  r.sides = all(".side").map(function (s) {
    var d = s.querySelector("details");
    return { count: text(s.querySelector(".count")), items: all(statements, s).length,
      hidden: d ? all(statements, d).length : 0, summary: text(d && d.querySelector("summary")) };
  });
  var d = document.querySelector(".side details");
  if (d) {
    var li = d.querySelector(statements);
    r.closed = { height: d.getBoundingClientRect().height, visible: li.checkVisibility() };
    d.open = true;
    r.opened = { height: d.getBoundingClientRect().height, visible: li.checkVisibility() };
    d.open = false;
  }
  r.kinds = all("ul.cases small").map(text)
    .filter(function (k, i, a) { return a.indexOf(k) === i; });
  var main = text(document.querySelector("main"));
  r.english = main.match(/\b(request|concern|agreement|disagreement|question|explanation|position)s?\b/gi) || [];
  r.iso_dates = main.match(/\b\d{4}-\d\d-\d\d\b/g) || [];
  r.errors = window.__probeErrors || [];
  parent.postMessage(JSON.stringify(r), "*");
})();
