package cn.duijie.cultivation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import cn.duijie.common.Messages;
import cn.duijie.domain.Tier;

/** The dashboard and the candidate list as Excel workbooks a bureau can forward upward (FastExcel). */
public final class CultivationWorkbooks {

    private CultivationWorkbooks() {
    }

    public static byte[] candidates(String region, String tier, List<CandidateService.Candidate> items) {
        return workbook(wb -> {
            Worksheet ws = wb.newWorksheet("培育对象 Candidates");
            header(ws, "统一社会信用代码", "企业名称", "所在地区", "现有层级", "目标层级", "是否达标", "不满足条件数", "得分", "及格线",
                    "距及格线", "扣分项（先列不满足的条件）", "缺少数据");
            int r = 1;
            for (CandidateService.Candidate c : items) {
                ws.value(r, 0, c.creditCode());
                ws.value(r, 1, c.name());
                ws.value(r, 2, c.regionCode());
                ws.value(r, 3, Tier.of(c.currentTier()).label());
                ws.value(r, 4, c.targetTierLabel());
                ws.value(r, 5, c.eligible() == null ? "待补数据" : c.eligible() ? "达标" : "未达标");
                ws.value(r, 6, c.failed());
                number(ws, r, 7, c.score());
                number(ws, r, 8, c.passMark());
                number(ws, r, 9, c.shortOfPassMark());
                ws.value(r, 10, c.lacks().stream().map(ReadinessApi.Gap::text).collect(Collectors.joining("；")));
                ws.value(r, 11, String.join("、", c.missing()));
                r++;
            }
            ws.width(1, 36);
            ws.width(10, 80);
        });
    }

    public static byte[] dashboard(DashboardApi.Dashboard d) {
        return workbook(wb -> {
            Worksheet pipeline = wb.newWorksheet("梯度培育 Pipeline");
            pipeline.value(0, 0, d.regionName() + "（" + d.regionCode() + "）梯度培育进展，目标年份 "
                    + (d.year() == null ? "—" : d.year()) + "，统计日 " + d.asOf());
            header(pipeline, 2, "层级", "企业数", "该层级及以上");
            int r = 3;
            for (DashboardApi.TierCount t : d.tiers()) {
                pipeline.value(r, 0, t.label());
                pipeline.value(r, 1, t.count());
                pipeline.value(r, 2, t.atOrAbove());
                r++;
            }
            r++;
            header(pipeline, r++, "目标层级", "目标", "实际（该层级及以上）", "差距", "完成率");
            for (DashboardApi.TierProgress p : d.pipeline()) {
                pipeline.value(r, 0, p.label());
                pipeline.value(r, 1, p.target());
                pipeline.value(r, 2, p.actual());
                pipeline.value(r, 3, p.gap());
                pipeline.value(r, 4, p.progress());
                pipeline.style(r, 4).format("0.0%").set();
                r++;
            }
            pipeline.width(0, 30);

            Worksheet climb = wb.newWorksheet("逐年 Climb");
            climb.value(0, 0, "层级");
            climb.style(0, 0).bold().set();
            for (int i = 0; i < d.climb().years().size(); i++) {
                climb.value(0, i + 1, d.climb().years().get(i) + "年末");
                climb.style(0, i + 1).bold().set();
            }
            r = 1;
            for (DashboardApi.ClimbSeries s : d.climb().series()) {
                climb.value(r, 0, s.label());
                for (int i = 0; i < s.counts().size(); i++) {
                    climb.value(r, i + 1, s.counts().get(i));
                }
                r++;
            }
            climb.width(0, 24);

            Worksheet chains = wb.newWorksheet("集聚度 Concentration");
            header(chains, "产业链", "链上企业数", "专精特新及以上", "集聚度", "目标", "达标还差（家）");
            r = 1;
            for (DashboardApi.Concentration c : d.concentration()) {
                chains.value(r, 0, c.chainName());
                chains.value(r, 1, c.firms());
                chains.value(r, 2, c.srdiFirms());
                chains.value(r, 3, c.share());
                chains.style(r, 3).format("0.0%").set();
                if (c.target() != null) {
                    chains.value(r, 4, c.target());
                    chains.style(r, 4).format("0.0%").set();
                    chains.value(r, 5, c.gapFirms());
                }
                r++;
            }
            chains.width(0, 20);

            Worksheet outcomes = wb.newWorksheet("对接成效 Outcomes");
            header(outcomes, "指标", "实际", "目标", "差距");
            r = 1;
            for (DashboardApi.Outcome o : d.outcomes()) {
                outcomes.value(r, 0, o.label());
                if (o.actual() == null) {
                    outcomes.value(r, 1, "无记录");
                } else {
                    outcomes.value(r, 1, o.actual());
                }
                if (o.target() != null) {
                    outcomes.value(r, 2, o.target());
                }
                if (o.gap() != null) {
                    outcomes.value(r, 3, o.gap());
                }
                r++;
            }
            outcomes.width(0, 34);
        });
    }

    private interface Writer {
        void write(Workbook wb) throws IOException;
    }

    private static byte[] workbook(Writer w) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(bytes, "Duijie", "1.0");
            w.write(wb);
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void header(Worksheet ws, String... names) {
        header(ws, 0, names);
    }

    private static void header(Worksheet ws, int row, String... names) {
        for (int c = 0; c < names.length; c++) {
            ws.value(row, c, names[c]);
            ws.style(row, c).bold().set();
        }
    }

    private static void number(Worksheet ws, int r, int c, Integer v) {
        if (v != null) {
            ws.value(r, c, v);
        }
    }
}
