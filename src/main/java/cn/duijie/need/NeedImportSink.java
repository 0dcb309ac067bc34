package cn.duijie.need;

import cn.duijie.domain.NeedStatus;
import cn.duijie.domain.NeedKind;
import cn.duijie.domain.FundStage;
import cn.duijie.domain.Instrument;
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

/** needs.csv rows: upserted into PostgreSQL by id in one transaction, each change with its outbox row. */
@ApplicationScoped
public class NeedImportSink implements NeedRowSink {

    private static final int SLICE = 1_000;

    private final NeedService needs;
    private final OutboxRelay relay;
    private final NeedRepository repository;
    private final OutboxRepository outbox;

    NeedImportSink(NeedService needs, OutboxRelay relay, NeedRepository repository, OutboxRepository outbox) {
        this.repository = repository;
        this.outbox = outbox;
        this.needs = needs;
        this.relay = relay;
    }

    @Override
    public Map<String, String> posters(java.util.Collection<String> ids) {
        try {
            List<Need> existing = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> repository.byIds(ids)));
            Map<String, String> out = new java.util.HashMap<>();
            existing.forEach(n -> out.put(n.id, n.postedBy));
            return out;
        } catch (Throwable e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    @Override
    public Counts upsert(List<Map<String, Object>> rows) {
        int[] counts = new int[3];
        try {
            // one transaction per slice: one query loads the slice's existing needs, then one flush writes it
            for (int from = 0; from < rows.size(); from += SLICE) {
                List<Map<String, Object>> slice = rows.subList(from, Math.min(rows.size(), from + SLICE));
                List<String> ids = slice.stream().map(r -> (String) r.get("id")).toList();
                Map<String, NeedService.Codes> read = readCodes(slice);
                VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> repository.byIds(ids)
                        .chain(existing -> {
                            Map<String, Need> byId = new java.util.HashMap<>();
                            existing.forEach(n -> byId.put(n.id, n));
                            List<Need> changed = new java.util.ArrayList<>();
                            List<OutboxEvent> events = new java.util.ArrayList<>();
                            for (Map<String, Object> row : slice) {
                                Need n = apply(row, byId.get((String) row.get("id")), read.get((String) row.get("id")), counts);
                                if (n != null) {
                                    changed.add(n);
                                    events.add(OutboxEvent.of("NEED", n.id, "NEED_UPSERTED", needs.payload(n)));
                                }
                            }
                            return repository.persist(changed).chain(() -> outbox.persist(events));
                        })));
            }
        } catch (Throwable e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        relay.nudge();
        return new Counts(counts[0], counts[1], counts[2]);
    }

    /** The need to write for a row (new or changed), or null when the row is unchanged. */
    private Need apply(Map<String, Object> row, Need existing, NeedService.Codes read, int[] counts) {
        String id = (String) row.get("id");
        {
            String hash = (String) row.get("hash");
            if (existing != null && hash.equals(existing.importHash)) {
                counts[2]++;
                return null;
            }
            Need n = existing != null ? existing : new Need();
            OffsetDateTime now = NeedService.now();
            if (existing == null) {
                n.id = id;
                n.createdAt = now;
                n.createdBy = "IMPORT";
                n.status = NeedStatus.OPEN;
                counts[0]++;
            } else {
                counts[1]++;
            }
            n.kind = NeedKind.valueOf((String) row.get("kind"));
            n.postedBy = (String) row.get("postedBy");
            n.title = (String) row.get("title");
            if (row.containsKey("description")) {
                n.description = (String) row.get("description");
            }
            n.productCodes = Need.join(list(row.get("productCodes")));
            n.technologyCodes = Need.join(list(row.get("technologyCodes")));
            n.codesProposed = false;
            n.codeProposals = "[]";
            if (read != null) {
                read.applyTo(n);
            }
            n.requiredCertifications = Need.join(list(row.get("requiredCertifications")));
            n.quantity = row.get("quantity") instanceof Long l ? l : null;
            n.maxDistanceKm = row.get("maxDistanceKm") instanceof Double d ? d : null;
            n.amountWan = row.get("amountWan") instanceof Double d ? BigDecimal.valueOf(d) : null;
            n.stage = row.get("stage") instanceof String s ? FundStage.valueOf(s) : null;
            n.instrument = row.get("instrument") instanceof String s ? Instrument.valueOf(s) : null;
            n.expiresAt = row.get("expiresAt") instanceof String s
                    ? LocalDate.parse(s).atTime(23, 59, 59).atOffset(ZoneOffset.ofHours(8)).withOffsetSameInstant(ZoneOffset.UTC)
                    : now.plusDays(90);
            if (existing != null && n.status == NeedStatus.EXPIRED && n.expiresAt.isAfter(now)) {
                n.status = NeedStatus.OPEN;
            }
            n.updatedAt = now;
            n.importHash = hash;
            return n;
        }
    }

    /**
     * For SUPPLY and TECH rows without codes, the codes Duijie reads in their title and description (as for a need
     * posted in words); a row whose words name nothing is kept without codes, as the file gave it.
     */
    private Map<String, NeedService.Codes> readCodes(List<Map<String, Object>> slice) {
        Map<String, NeedService.Codes> out = new java.util.HashMap<>();
        for (Map<String, Object> row : slice) {
            NeedKind kind = NeedKind.valueOf((String) row.get("kind"));
            boolean none = list(row.get("productCodes")).isEmpty() && list(row.get("technologyCodes")).isEmpty();
            if (kind == NeedKind.FINANCE || !none) {
                continue;
            }
            try {
                out.put((String) row.get("id"), needs.codes(kind, (String) row.get("title"), (String) row.get("description"),
                        List.of(), List.of()).await().atMost(java.time.Duration.ofSeconds(30)));
            } catch (cn.duijie.common.DomainException unread) {
                // nothing named: the row stays as the file gave it
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object v) {
        return v instanceof List<?> l ? (List<String>) l : List.of();
    }
}
