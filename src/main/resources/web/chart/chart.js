// ECharts, only on pages that draw a chart: <div class="chart-box" data-chain-graph="{json}">.
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

document.querySelectorAll('[data-chain-graph]').forEach(drawChainGraph);
