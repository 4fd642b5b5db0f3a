/**
 * The page every pooled tab loads once: the report's style sheet, chart.js (the UMD build from
 * node_modules, inlined: the page fetches nothing) and the function that draws a report's charts.
 * A report then only swaps the body and draws, which is what keeps a warm report fast.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const REPORT_CSS = `
  @page { size: A4; }
  * { box-sizing: border-box; }
  body { margin: 0; font-family: 'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif; font-size: 8.5pt; color: #1f2937; }
  h1 { font-size: 26pt; margin: 0 0 8mm; color: #111827; }
  h2 { font-size: 14pt; margin: 6mm 0 3mm; color: #1e3a8a; break-after: avoid; }
  h3 { font-size: 10.5pt; margin: 5mm 0 2mm; break-after: avoid; }
  section.break { break-before: page; }
  .cover { height: 250mm; display: flex; flex-direction: column; justify-content: center; break-after: page; }
  .cover .brand { font-size: 14pt; font-weight: 700; color: #2563eb; margin: 0 0 4mm; }
  .cover dl { display: grid; grid-template-columns: 45mm 1fr; gap: 2.5mm 4mm; font-size: 11pt; margin: 0; }
  .cover dt { color: #6b7280; }
  .cover dd { margin: 0; }
  .cover .confidential { margin-top: 16mm; color: #6b7280; }
  .lead { color: #4b5563; margin: 0 0 2mm; }
  table { width: 100%; border-collapse: collapse; margin: 0 0 4mm; font-variant-numeric: tabular-nums; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  th { background: #eef2ff; font-weight: 600; }
  th, td { padding: 1.1mm 1.6mm; border-bottom: 0.3mm solid #e5e7eb; text-align: right; vertical-align: top; }
  th:first-child, td:first-child { text-align: left; }
  td:not(:first-child) { white-space: nowrap; }
  table.kpi td:first-child { font-weight: 600; }
  table.dense { font-size: 7pt; }
  table.dense td:first-child { white-space: nowrap; }
  table.label2 th:nth-child(2), table.label2 td:nth-child(2) { text-align: left; }
  table.dense th, table.dense td { padding: 0.8mm 1mm; }
  table.heatmap { font-size: 6pt; table-layout: fixed; }
  table.heatmap th, table.heatmap td { padding: 0.6mm 0.3mm; text-align: center; border: 0.2mm solid #fff; }
  figure.chart { margin: 0 0 5mm; break-inside: avoid; }
  figure.chart figcaption { font-weight: 600; margin-bottom: 1.5mm; }
  canvas { width: 180mm; height: 66mm; }
  sup.note { color: #2563eb; font-size: 6.5pt; margin-left: 0.5mm; }
  ol.notes li { margin-bottom: 1.5mm; }
  .empty { color: #6b7280; font-style: italic; }
  .warning { color: #b45309; }
`;

// Runs in the page. Plain ES2020: it is sent as text, not compiled for the page.
const DRAW_CHARTS = `
  window.__drawReportCharts = function (specs) {
    for (const chart of Object.values(Chart.instances)) chart.destroy();
    const palette = ['#2563eb', '#f59e0b', '#10b981', '#ef4444', '#8b5cf6', '#14b8a6', '#f97316'];
    function formatter(axis) {
      if (!axis) return undefined;
      if (axis.unit === 'money') {
        const f = new Intl.NumberFormat('en-GB', { style: 'currency', currency: axis.currency, notation: 'compact', maximumFractionDigits: 1 });
        return (v) => f.format(v / axis.divisor);
      }
      const n = new Intl.NumberFormat('en-GB', { notation: 'compact', maximumFractionDigits: 1 });
      if (axis.unit === 'percent') return (v) => n.format(v) + '%';
      if (axis.unit === 'hours') return (v) => n.format(v) + ' h';
      return (v) => n.format(v);
    }
    // An opaque chart prints as a plain image; a transparent one adds a soft mask to every chart.
    const whiteBackground = {
      id: 'whiteBackground',
      beforeDraw(chart) {
        const ctx = chart.ctx;
        ctx.save();
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(0, 0, chart.width, chart.height);
        ctx.restore();
      },
    };
    let drawn = 0;
    for (const spec of specs) {
      const canvas = document.getElementById(spec.id);
      if (!canvas) continue;
      const scales = {
        x: { stacked: !!spec.stacked, ticks: { font: { size: 8 }, maxRotation: 0, autoSkip: true }, grid: { display: false } },
        y: { stacked: !!spec.stacked, beginAtZero: true, ticks: { font: { size: 8 }, callback: formatter(spec.axis) } },
      };
      if (spec.axis2) scales.y2 = { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, ticks: { font: { size: 8 }, callback: formatter(spec.axis2) } };
      new Chart(canvas, {
        type: spec.kind,
        data: {
          labels: spec.labels,
          datasets: spec.datasets.map((d, i) => ({
            label: d.label,
            data: d.data,
            type: d.kind || spec.kind,
            stack: d.stack,
            yAxisID: d.axis || 'y',
            backgroundColor: palette[i % palette.length] + ((d.kind || spec.kind) === 'line' ? '' : 'cc'),
            borderColor: palette[i % palette.length],
            borderWidth: (d.kind || spec.kind) === 'line' ? 1.5 : 0,
            pointRadius: 0,
            tension: 0.2,
          })),
        },
        options: {
          animation: false,
          responsive: false,
          devicePixelRatio: 1.5,
          events: [],
          plugins: { legend: { position: 'bottom', labels: { boxWidth: 10, font: { size: 9 } } }, tooltip: { enabled: false } },
          scales: scales,
        },
        plugins: [whiteBackground],
      });
      drawn++;
    }
    return drawn;
  };
`;

let shell: string | undefined;

export function reportShellHtml(): string {
  if (shell) return shell;
  const require = createRequire(import.meta.url);
  const chartJs = readFileSync(join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'), 'utf8');
  // A </script> inside the inlined code would end the element early; the minified build has none, and this keeps it so.
  const safe = (code: string) => code.replace(/<\/script/gi, '<\\/script');
  shell = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>AIParksit report</title><style>${REPORT_CSS}</style><script>${safe(chartJs)}</script><script>${DRAW_CHARTS}</script></head><body></body></html>`;
  return shell;
}
