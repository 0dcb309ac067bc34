package cn.duijie.cultivation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.duijie.common.Page;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Technology-transfer projects in PostgreSQL (the graph keys they name are checked by the service). */
@ApplicationScoped
public class TechTransferRepository {

    /** A stored project; the graph adds the names. */
    record Stored(UUID id, String achievementId, String institutionId, String creditCode, String mode, LocalDate signedOn,
                  BigDecimal amountWan, String needId, String note, String recordedBy, String recordedFor, OffsetDateTime recordedAt) {

        static Stored from(Row r) {
            return new Stored(r.getUUID("id"), r.getString("achievement_id"), r.getString("institution_id"), r.getString("credit_code"),
                    r.getString("mode"), r.getLocalDate("signed_on"), r.getBigDecimal("amount_wan"), r.getString("need_id"),
                    r.getString("note"), r.getString("recorded_by"), r.getString("recorded_for"), r.getOffsetDateTime("recorded_at"));
        }
    }

    private final Pool pool;

    TechTransferRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Stored> insert(Stored s) {
        return pool.preparedQuery("""
                        INSERT INTO tech_transfer (id, achievement_id, institution_id, credit_code, mode, signed_on, amount_wan, need_id,
                                                   note, recorded_by, recorded_for)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *""")
                .execute(Tuple.from(new Object[] {s.id(), s.achievementId(), s.institutionId(), s.creditCode(), s.mode(), s.signedOn(),
                        s.amountWan(), s.needId(), s.note(), s.recordedBy(), s.recordedFor()}))
                .map(rows -> Stored.from(rows.iterator().next()));
    }

    public Uni<Optional<Stored>> find(UUID id) {
        return pool.preparedQuery("SELECT * FROM tech_transfer WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(Stored.from(rows.iterator().next())) : Optional.<Stored>empty());
    }

    /** The projects whose receiving firm is one of these, newest signing first. */
    public Uni<Page<Stored>> forFirms(List<String> creditCodes, int page, int size) {
        String[] codes = creditCodes.toArray(String[]::new);
        return pool.preparedQuery("SELECT count(*) AS n FROM tech_transfer WHERE credit_code = ANY($1)").execute(Tuple.of(codes))
                .flatMap(count -> pool.preparedQuery("""
                                SELECT * FROM tech_transfer WHERE credit_code = ANY($1)
                                ORDER BY signed_on DESC, recorded_at DESC, id LIMIT $2 OFFSET $3""")
                        .execute(Tuple.of(codes, size, (long) page * size))
                        .map(rows -> {
                            List<Stored> items = new ArrayList<>();
                            rows.forEach(r -> items.add(Stored.from(r)));
                            return new Page<>(items, count.iterator().next().getLong("n"), page, size);
                        }));
    }

    /** The kind and poster of a need, to check the need a project says it answers. */
    record NeedRef(String kind, String postedBy) {
    }

    public Uni<Optional<NeedRef>> need(String id) {
        return pool.preparedQuery("SELECT kind, posted_by FROM need WHERE id = $1").execute(Tuple.of(id)).map(rows -> {
            if (!rows.iterator().hasNext()) {
                return Optional.<NeedRef>empty();
            }
            Row r = rows.iterator().next();
            return Optional.of(new NeedRef(r.getString("kind"), r.getString("posted_by")));
        });
    }
}
