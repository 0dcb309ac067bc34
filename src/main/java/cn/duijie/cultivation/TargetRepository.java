package cn.duijie.cultivation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** plan_target rows in PostgreSQL: one row per measure, grouped back into one Targets per region and year. */
@ApplicationScoped
public class TargetRepository {

    private final Pool pool;

    TargetRepository(Pool pool) {
        this.pool = pool;
    }

    /** All years of a region, oldest first. */
    public Uni<List<TargetsApi.Targets>> find(String region) {
        return pool.preparedQuery("""
                SELECT s.year, s.source, s.updated_by, s.updated_at, t.measure, t.subject, t.target
                FROM plan_target_set s LEFT JOIN plan_target t ON t.region_code = s.region_code AND t.year = s.year
                WHERE s.region_code = $1 ORDER BY s.year, t.measure, t.subject""").execute(Tuple.of(region))
                .map(rows -> {
                    Map<Integer, Builder> byYear = new LinkedHashMap<>();
                    for (Row r : rows) {
                        Builder b = byYear.computeIfAbsent(r.getInteger("year"), y -> new Builder(region, y,
                                r.getString("source"), r.getString("updated_by"), r.getOffsetDateTime("updated_at")));
                        if (r.getString("measure") != null) {
                            b.add(r.getString("measure"), r.getString("subject"), r.getBigDecimal("target"));
                        }
                    }
                    return byYear.values().stream().map(Builder::build).toList();
                });
    }

    /** Replaces a region's targets for one year, in one transaction. */
    public Uni<Void> replace(String region, TargetsApi.Targets t, String by) {
        List<Tuple> rows = new ArrayList<>();
        for (TargetsApi.TierTarget tt : t.tiers() == null ? List.<TargetsApi.TierTarget>of() : t.tiers()) {
            rows.add(Tuple.of(region, t.year(), "TIER", String.join(",", tt.tiers()), BigDecimal.valueOf(tt.count())));
        }
        for (TargetsApi.ChainTarget c : t.srdiShare() == null ? List.<TargetsApi.ChainTarget>of() : t.srdiShare()) {
            rows.add(Tuple.of(region, t.year(), "SRDI_SHARE", c.chainId(), BigDecimal.valueOf(c.share())));
        }
        scalar(rows, region, t.year(), "TECH_AGREEMENTS", t.techAgreements());
        scalar(rows, region, t.year(), "TECH_TRANSFERS", t.techTransfers());
        scalar(rows, region, t.year(), "MEETINGS", t.meetings());
        scalar(rows, region, t.year(), "CONTRACTS", t.contracts());
        scalar(rows, region, t.year(), "CONTRACT_AMOUNT_WAN", t.contractAmountWan());
        scalar(rows, region, t.year(), "POOL_SIZE", t.poolSize());
        scalar(rows, region, t.year(), "RD_INTENSITY", t.rdIntensity());
        return pool.withTransaction(conn -> conn.preparedQuery("DELETE FROM plan_target WHERE region_code = $1 AND year = $2")
                .execute(Tuple.of(region, t.year()))
                .flatMap(x -> conn.preparedQuery("""
                        INSERT INTO plan_target_set (region_code, year, source, updated_by, updated_at) VALUES ($1, $2, $3, $4, now())
                        ON CONFLICT (region_code, year) DO UPDATE SET source = EXCLUDED.source, updated_by = EXCLUDED.updated_by,
                            updated_at = now()""").execute(Tuple.of(region, t.year(), t.source(), by)))
                .flatMap(x -> rows.isEmpty() ? Uni.createFrom().voidItem()
                        : conn.preparedQuery("INSERT INTO plan_target (region_code, year, measure, subject, target) VALUES ($1, $2, $3, $4, $5)")
                                .executeBatch(rows).replaceWithVoid())
                .replaceWithVoid());
    }

    private static void scalar(List<Tuple> rows, String region, int year, String measure, Number value) {
        if (value != null) {
            rows.add(Tuple.of(region, year, measure, "", new BigDecimal(value.toString())));
        }
    }

    /** Collects one year's rows into a Targets. */
    private static final class Builder {
        final String region;
        final int year;
        final String source;
        final String by;
        final OffsetDateTime at;
        final List<TargetsApi.TierTarget> tiers = new ArrayList<>();
        final List<TargetsApi.ChainTarget> chains = new ArrayList<>();
        final Map<String, BigDecimal> scalars = new LinkedHashMap<>();

        Builder(String region, int year, String source, String by, OffsetDateTime at) {
            this.region = region;
            this.year = year;
            this.source = source;
            this.by = by;
            this.at = at;
        }

        void add(String measure, String subject, BigDecimal value) {
            switch (measure) {
                case "TIER" -> tiers.add(new TargetsApi.TierTarget(Arrays.asList(subject.split(",")), value.longValue()));
                case "SRDI_SHARE" -> chains.add(new TargetsApi.ChainTarget(subject, value.doubleValue()));
                default -> scalars.put(measure, value);
            }
        }

        Long whole(String m) {
            BigDecimal v = scalars.get(m);
            return v == null ? null : v.longValue();
        }

        Double decimal(String m) {
            BigDecimal v = scalars.get(m);
            return v == null ? null : v.doubleValue();
        }

        TargetsApi.Targets build() {
            tiers.sort(java.util.Comparator.comparingInt((TargetsApi.TierTarget t) -> -Criteria.rank(t.tiers().get(0))));
            return new TargetsApi.Targets(region, year, List.copyOf(tiers), whole("TECH_AGREEMENTS"), whole("TECH_TRANSFERS"),
                    whole("MEETINGS"), whole("CONTRACTS"), decimal("CONTRACT_AMOUNT_WAN"), whole("POOL_SIZE"),
                    decimal("RD_INTENSITY"), List.copyOf(chains), source, by, at);
        }
    }
}
