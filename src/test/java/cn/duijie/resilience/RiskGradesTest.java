package cn.duijie.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.duijie.common.Messages;

class RiskGradesTest {

    private static ResilienceApi.Supplier sup(String id, String city, Double volume) {
        return new ResilienceApi.Supplier(id, id + "厂", city + "01", city, city + "市", volume, null);
    }

    private static List<RiskCode> codes(RiskGrades.Grade g) {
        return g.risks().stream().map(ResilienceApi.Risk::code).toList();
    }

    @Test
    void oneSupplierIsSingleSourceAndNoLocalMakerIsSaidApart() {
        RiskGrades.Grade g = RiskGrades.grade("轴承", "镇江市", List.of(sup("A", "3211", null)), 0, 2500);
        assertEquals(List.of(RiskCode.SINGLE_SOURCE, RiskCode.NO_LOCAL_MAKER), codes(g));
        assertEquals(10_000, g.hhi());
        assertEquals("COUNT", g.basis());
        assertTrue(g.risks().get(1).reason().startsWith("镇江市 没有生产 轴承"), g.risks().get(1).reason());
    }

    @Test
    void twoSuppliersInOneCityAreOneCityButNotSingleSource() {
        RiskGrades.Grade g = RiskGrades.grade("轴承", "镇江市", List.of(sup("A", "3205", null), sup("B", "3205", null)), 3, 2500);
        assertEquals(List.of(RiskCode.ONE_CITY), codes(g));
        assertEquals(5000, g.hhi());
    }

    @Test
    void concentrationNeedsEveryVolumeAndTheThreshold() {
        RiskGrades.Grade even = RiskGrades.grade("轴承", "镇江市", List.of(sup("A", "3205", 50.0), sup("B", "3211", 50.0),
                sup("C", "3201", 50.0), sup("D", "3202", 50.0), sup("E", "3203", 50.0)), 3, 2500);
        assertEquals(List.of(), codes(even));
        assertEquals(2000, even.hhi());
        assertEquals("VOLUME", even.basis());
        RiskGrades.Grade skewed = RiskGrades.grade("轴承", "镇江市", List.of(sup("A", "3205", 70.0), sup("B", "3211", 30.0)), 3, 2500);
        assertEquals(List.of(RiskCode.CONCENTRATED), codes(skewed));
        assertEquals(5800, skewed.hhi());
        assertEquals(70.0, skewed.suppliers().get(0).sharePercent());
        RiskGrades.Grade partial = RiskGrades.grade("轴承", "镇江市", List.of(sup("A", "3205", 70.0), sup("B", "3211", null)), 3, 2500);
        assertEquals("COUNT", partial.basis());
        assertNull(partial.suppliers().get(0).sharePercent());
    }

    @Test
    void wantedWithoutSupplierIsNoSupplier() {
        assertEquals(List.of(RiskCode.NO_SUPPLIER), codes(RiskGrades.grade("轴承", "镇江市", List.of(), 1, 2500)));
    }

    @Test
    void everyCodeHasAChineseLabelAndReason() {
        for (RiskCode c : RiskCode.values()) {
            assertTrue(Messages.has("risk.label." + c.name()) && Messages.has("risk.reason." + c.name()), c.name());
        }
    }

    @Test
    void tradeNamesSkipThePlaceNames() {
        TradeNames t = new TradeNames(List.of("江苏省", "镇江市", "丹阳市", "南京市"));
        assertEquals("宏智", t.of("镇江宏智集团股份有限公司"));
        assertEquals("宏智", t.of("江苏南京宏智电子有限公司"));
        assertEquals("恒通", t.of("丹阳市恒通精密轴承"));
        assertNull(t.of("镇江某厂"));
    }
}
