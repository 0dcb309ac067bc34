package cn.duijie.cultivation;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.neo4j.driver.Record;

import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import cn.duijie.graph.Graph;
import io.smallrye.mutiny.Uni;

/** Reads firms' criteria data from the graph and holds them against the tiers above (找差距补短板). */
@ApplicationScoped
public class ReadinessService {

    /** The firm's criteria properties, plus whether it supplies a chain leader (evidence for 为大企业配套). */
    static final String FACTS = FirmFacts.PROPERTIES.stream().map(p -> "." + p).collect(Collectors.joining(", ",
            "e {", ", suppliesChainLeader: EXISTS { (e)-[:SUPPLIES]->(:Enterprise {isChainLeader: true}) }}"));

    private final Graph graph;
    private final CultivationConfig config;

    ReadinessService(Graph graph, CultivationConfig config) {
        this.graph = graph;
        this.config = config;
    }

    public Uni<ReadinessApi.Readiness> readiness(String creditCode, String regimeParam, String dateParam) {
        LocalDate on = day(dateParam);
        Regime regime = regime(regimeParam, on);
        return graph.read("MATCH (e:Enterprise {creditCode: $code}) RETURN " + FACTS + " AS firm",
                Map.of("code", creditCode.strip().toUpperCase())).map(rows -> {
                    if (rows.isEmpty()) {
                        throw DomainException.notFound(Messages.get("enterprise.not-found", creditCode));
                    }
                    return Readiness.assess(facts(rows.get(0)), regime, on, config.settings());
                });
    }

    static FirmFacts facts(Record r) {
        return FirmFacts.from(r.get("firm").asMap());
    }

    /** The assessment day: the given ISO date, or today (UTC). */
    static LocalDate day(String dateParam) {
        if (dateParam == null || dateParam.isBlank()) {
            return LocalDate.now(ZoneOffset.UTC);
        }
        try {
            return LocalDate.parse(dateParam.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw DomainException.invalid("date", Messages.get("import.row.date", dateParam));
        }
    }

    /** An explicit regime wins; else the configured one; AUTO goes by the day. */
    Regime regime(String regimeParam, LocalDate on) {
        if (regimeParam != null && !regimeParam.isBlank()) {
            return Regime.parse(regimeParam).orElseThrow(() -> DomainException.invalid("regime",
                    Messages.get("enum.allowed", regimeParam, "P2022 / N2026")));
        }
        return Regime.parse(config.regime()).orElseGet(() -> Regime.on(on, config.newRegimeFrom()));
    }

    Criteria.Settings settings() {
        return config.settings();
    }

    List<String> assessedTiers() {
        return Criteria.ASSESSED;
    }
}
