package cn.duijie.need;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import cn.duijie.imports.NeedRowSink;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/** needs.csv rows: upserted into PostgreSQL by id in one transaction, each change with its outbox row. */
@ApplicationScoped
public class NeedImportSink implements NeedRowSink {

    private final NeedService needs;
    private final OutboxRelay relay;

    NeedImportSink(NeedService needs, OutboxRelay relay) {
        this.needs = needs;
        this.relay = relay;
    }

    @Override
    public Counts upsert(List<Map<String, Object>> rows) {
        int[] counts = new int[3];
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (Map<String, Object> row : rows) {
                    chain = chain.chain(() -> upsertOne(row, counts));
                }
                return chain;
            }));
        } catch (Throwable e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        relay.nudge();
        return new Counts(counts[0], counts[1], counts[2]);
    }

    private Uni<Void> upsertOne(Map<String, Object> row, int[] counts) {
        String id = (String) row.get("id");
        return Need.<Need>findById(id).chain(existing -> {
            String hash = (String) row.get("hash");
            if (existing != null && hash.equals(existing.importHash)) {
                counts[2]++;
                return Uni.createFrom().voidItem();
            }
            Need n = existing != null ? existing : new Need();
            OffsetDateTime now = NeedService.now();
            if (existing == null) {
                n.id = id;
                n.createdAt = now;
                n.createdBy = "IMPORT";
                n.status = "OPEN";
                counts[0]++;
            } else {
                counts[1]++;
            }
            n.kind = (String) row.get("kind");
            n.postedBy = (String) row.get("postedBy");
            n.title = (String) row.get("title");
            if (row.containsKey("description")) {
                n.description = (String) row.get("description");
            }
            n.productCodes = Need.join(list(row.get("productCodes")));
            n.technologyCodes = Need.join(list(row.get("technologyCodes")));
            n.requiredCertifications = Need.join(list(row.get("requiredCertifications")));
            n.quantity = row.get("quantity") instanceof Long l ? l : null;
            n.maxDistanceKm = row.get("maxDistanceKm") instanceof Double d ? d : null;
            n.amountWan = row.get("amountWan") instanceof Double d ? BigDecimal.valueOf(d) : null;
            n.stage = (String) row.get("stage");
            n.instrument = (String) row.get("instrument");
            n.expiresAt = row.get("expiresAt") instanceof String s
                    ? LocalDate.parse(s).atTime(23, 59, 59).atOffset(ZoneOffset.ofHours(8)).withOffsetSameInstant(ZoneOffset.UTC)
                    : now.plusDays(90);
            if (existing != null && "EXPIRED".equals(n.status) && n.expiresAt.isAfter(now)) {
                n.status = "OPEN";
            }
            n.updatedAt = now;
            n.importHash = hash;
            return n.persist().chain(() -> needs.outbox(n));
        });
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object v) {
        return v instanceof List<?> l ? (List<String>) l : List.of();
    }
}
