// Small inline-SVG bar charts for the run history: no library, no build step.
"use strict";
const Charts = (() => {
  const NS = "http://www.w3.org/2000/svg";

  function el(name, attributes, text) {
    const node = document.createElementNS(NS, name);
    Object.entries(attributes || {}).forEach(([key, value]) => node.setAttribute(key, value));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // points: [{label, value}] oldest first; format turns a value into axis text.
  function bars(id, title, points, color, format) {
    const width = 560, height = 180, left = 48, bottom = 22, top = 18;
    const svg = el("svg", {id: id, class: "chart", viewBox: `0 0 ${width} ${height}`, role: "img",
      "aria-label": title});
    svg.appendChild(el("text", {x: left, y: 12}, title));
    const max = Math.max(1, ...points.map(p => p.value));
    const plotHeight = height - bottom - top;
    svg.appendChild(el("line", {class: "axis", x1: left, y1: height - bottom, x2: width, y2: height - bottom}));
    svg.appendChild(el("text", {x: 4, y: top + 8}, format(max)));
    svg.appendChild(el("text", {x: 4, y: height - bottom}, format(0)));
    const step = points.length ? (width - left - 8) / points.length : 0;
    points.forEach((point, index) => {
      const barHeight = Math.max(1, plotHeight * point.value / max);
      const bar = el("rect", {x: left + 4 + index * step, y: height - bottom - barHeight,
        width: Math.max(2, step - 4), height: barHeight, fill: color, rx: 2});
      bar.appendChild(el("title", {}, `${point.label}: ${format(point.value)}`));
      svg.appendChild(bar);
    });
    if (points.length) {
      svg.appendChild(el("text", {x: left + 4, y: height - 6}, points[0].label));
      svg.appendChild(el("text", {x: width - 120, y: height - 6}, points[points.length - 1].label));
    }
    if (!points.length) svg.appendChild(el("text", {x: width / 2 - 30, y: height / 2}, "no runs yet"));
    return svg;
  }

  return {bars};
})();
