// ECharts, only on pages that draw a chart: <div class="chart-box" data-chain-graph="{json}"> (the chain map) or
// <div class="chart-box" data-dashboard-chart="{json}"> (the cultivation dashboard: bars or lines, data and Chinese
// names prepared by the page, its table beneath).
import * as echarts from 'echarts';

const STAGE_X = { UPSTREAM: 0, MIDSTREAM: 1, DOWNSTREAM: 2 };

// fill by supply risk (HIGH red, ELEVATED orange); low-risk segments by how many local makers they have
function colour(count, max, risk) {
  if (risk === 'HIGH' || count === 0) return '#dc3545';
  if (risk === 'ELEVATED') return '#fd7e14';
  const t = Math.min(1, count / Math.max(1, max));
  const light = Math.round(85 - t * 45);
  return `hsl(211, 70%, ${light}%)`;
}

function drawChainGraph(el) {
  const data = JSON.parse(el.dataset.chainGraph);
  // on a phone the stages run top to bottom, so names have room
  const narrow = el.clientWidth < 576;
  const max = Math.max(1, ...data.segments.map((s) => s.suppliers));
  const perStage = {};
  const nodes = data.segments.map((s) => {
    const col = STAGE_X[s.stage] ?? 1;
    const row = perStage[col] = (perStage[col] ?? -1) + 1;
    const gap = s.suppliers < data.gapMin;
    return {
      id: s.id, name: s.name, value: s.suppliers, x: narrow ? row * 130 : col * 300, y: narrow ? col * 160 : row * 90,
      symbolSize: 28 + Math.round(24 * Math.min(1, s.suppliers / max)),
      itemStyle: { color: colour(s.suppliers, max, s.risk), borderColor: gap ? '#dc3545' : '#fff', borderWidth: gap ? 4 : 1 },
      label: { show: true, position: 'bottom', formatter: `${s.name}\n${s.suppliers}` + (gap ? ` ${data.gapLabel}` : '') },
      href: s.href, riskLabel: s.riskLabel, riskReason: s.riskReason,
    };
  });
  const links = data.segments.flatMap((s) => s.feeds.map((t) => ({ source: s.id, target: t })));
  const chart = echarts.init(el, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    tooltip: {
      formatter: (p) => (p.dataType === 'node'
        ? `${p.data.name}：${p.data.value}` + (p.data.riskLabel ? `<br>${p.data.riskLabel}：${p.data.riskReason}` : '') : ''),
    },
    series: [{
      type: 'graph', layout: 'none', roam: true, data: nodes, links,
      edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 10,
      lineStyle: { color: '#6c757d', width: 1.5, curveness: 0.15 },
      emphasis: { focus: 'adjacency' },
    }],
  });
  chart.on('click', (p) => { if (p.dataType === 'node' && p.data.href) window.location.href = p.data.href; });
  window.addEventListener('resize', () => chart.resize());
}

const PALETTE = ['#0d6efd', '#fd7e14', '#198754', '#6f42c1', '#dc3545', '#20c997'];

// {type: 'bar'|'line', categories, percent, series: [{name, data}]}: bars run sideways so long Chinese names fit a phone
function drawDashboardChart(el) {
  const data = JSON.parse(el.dataset.dashboardChart);
  const chart = echarts.init(el, null, { renderer: 'svg' });
  const show = (v) => (v == null ? '—' : data.percent ? `${(v * 100).toFixed(1)}%` : `${v}`);
  const option = () => {
    const narrow = el.clientWidth < 576;
    const bar = data.type === 'bar';
    const categoryAxis = {
      type: 'category', data: data.categories, inverse: bar,
      axisLabel: { width: narrow ? 96 : 220, overflow: 'break', interval: 0, fontSize: narrow ? 11 : 12 },
    };
    const valueAxis = {
      type: 'value', minInterval: data.percent ? 0 : 1,
      axisLabel: { formatter: data.percent ? (v) => `${Math.round(v * 100)}%` : undefined, fontSize: narrow ? 10 : 12 },
    };
    return {
      animation: false,
      color: PALETTE,
      // on a phone the legend wraps (about two names a line) and the plot starts below it
      legend: { top: 0, textStyle: { fontSize: narrow ? 11 : 12 } },
      tooltip: { trigger: 'axis', valueFormatter: show },
      grid: { left: 8, right: narrow ? 36 : 48, top: narrow ? 16 + 24 * Math.ceil(data.series.length / 2) : 40, bottom: 8, containLabel: true },
      xAxis: bar ? valueAxis : categoryAxis,
      yAxis: bar ? categoryAxis : valueAxis,
      series: data.series.map((s) => ({
        name: s.name, type: data.type, data: s.data, connectNulls: false, symbolSize: 6,
        barMaxWidth: 18, label: { show: bar && !narrow, position: 'right', formatter: (p) => show(p.value) },
      })),
    };
  };
  chart.setOption(option());
  let width = el.clientWidth;
  new ResizeObserver(() => {
    if (el.clientWidth !== width) {
      width = el.clientWidth;
      chart.setOption(option(), { replaceMerge: ['series'] });
      chart.resize();
    }
  }).observe(el);
}

document.querySelectorAll('[data-chain-graph]').forEach(drawChainGraph);
document.querySelectorAll('[data-dashboard-chart]').forEach(drawDashboardChart);
