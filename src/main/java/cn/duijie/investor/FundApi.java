package cn.duijie.investor;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.neo4j.driver.Value;

import cn.duijie.domain.FundStage;
import cn.duijie.domain.Instrument;
import cn.duijie.domain.InvestorKind;
import cn.duijie.graph.Values;

/** Shapes of the funds API, each mapped from its Cypher projection by {@code from(Value)}; money in 万元 as decimals. */
public final class FundApi {

    private FundApi() {
    }

    @Schema(name = "FundHolding")
    public record Holding(String creditCode, String name, String round, Long year, BigDecimal amountWan) {
        static Holding from(Value v) {
            return new Holding(Values.text(v.get("creditCode")), Values.text(v.get("name")), Values.text(v.get("round")),
                    Values.whole(v.get("year")), Values.decimal(v.get("amountWan")));
        }
    }

    @Schema(name = "Fund")
    public record Fund(String id, String name, String investorId, String investorName, InvestorKind investorKind,
                       List<FundStage> stages, BigDecimal ticketMinWan, BigDecimal ticketMaxWan, List<Instrument> instruments,
                       String regionMandate, List<String> chains, List<String> segments,
                       @Schema(description = "仅详情含已投企业") List<Holding> portfolio) {
        static Fund from(Value v) {
            return new Fund(Values.text(v.get("id")), Values.text(v.get("name")), Values.text(v.get("investorId")),
                    Values.text(v.get("investorName")), Values.constant(v.get("investorKind"), InvestorKind.class),
                    Values.list(v.get("stages"), s -> Values.constant(s, FundStage.class)),
                    Values.decimal(v.get("ticketMinWan")), Values.decimal(v.get("ticketMaxWan")),
                    Values.list(v.get("instruments"), s -> Values.constant(s, Instrument.class)),
                    Values.text(v.get("regionMandate")), Values.texts(v.get("chains")), Values.texts(v.get("segments")),
                    v.get("portfolio").isNull() ? null : Values.list(v.get("portfolio"), Holding::from));
        }
    }

    /** The filters of GET /funds; null means any. */
    public record FundFilter(String chain, FundStage stage, Instrument instrument, InvestorKind investorKind, String investor) {
    }
}
