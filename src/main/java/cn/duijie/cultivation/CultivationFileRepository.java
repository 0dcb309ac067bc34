package cn.duijie.cultivation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** 一企一册 rows in PostgreSQL. */
@ApplicationScoped
public class CultivationFileRepository {

    /** The stored part of a file (the graph adds the firm's name and tier). */
    record Stored(String regionCode, CultivationFileApi.Officer officer, String targetTier, OffsetDateTime openedAt,
                  OffsetDateTime updatedAt, List<CultivationFileApi.Visit> visits, List<CultivationFileApi.PlanItem> items) {
    }

    private final Pool pool;

    CultivationFileRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Optional<Stored>> find(String creditCode) {
        return pool.preparedQuery("SELECT * FROM cultivation_file WHERE credit_code = $1").execute(Tuple.of(creditCode))
                .flatMap(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().item(Optional.<Stored>empty());
                    }
                    Row f = rows.iterator().next();
                    return pool.preparedQuery("SELECT * FROM cultivation_visit WHERE credit_code = $1 ORDER BY visited_on DESC, created_at DESC")
                            .execute(Tuple.of(creditCode))
                            .flatMap(visits -> pool.preparedQuery("SELECT * FROM cultivation_plan_item WHERE credit_code = $1 "
                                    + "ORDER BY due_on NULLS LAST, created_at").execute(Tuple.of(creditCode))
                                    .map(items -> {
                                        List<CultivationFileApi.Visit> vs = new ArrayList<>();
                                        visits.forEach(v -> vs.add(new CultivationFileApi.Visit(v.getUUID("id"), v.getLocalDate("visited_on"),
                                                v.getString("kind"), v.getString("officer"), v.getString("note"), v.getString("created_by"))));
                                        LocalDate today = LocalDate.now(ZoneOffset.UTC);
                                        List<CultivationFileApi.PlanItem> is = new ArrayList<>();
                                        items.forEach(i -> {
                                            LocalDate due = i.getLocalDate("due_on");
                                            String status = i.getString("status");
                                            boolean overdue = due != null && due.isBefore(today) && (status.equals("OPEN") || status.equals("IN_PROGRESS"));
                                            is.add(new CultivationFileApi.PlanItem(i.getUUID("id"), i.getString("title"),
                                                    i.getString("indicator_code"), due, status, i.getString("note"), overdue));
                                        });
                                        CultivationFileApi.Officer officer = f.getString("officer_name") == null ? null
                                                : new CultivationFileApi.Officer(f.getString("officer_name"), f.getString("officer_contact"));
                                        return Optional.of(new Stored(f.getString("region_code"), officer, f.getString("target_tier"),
                                                f.getOffsetDateTime("created_at"), f.getOffsetDateTime("updated_at"), vs, is));
                                    }));
                });
    }

    /** Opens the file if needed and applies the update, all in one transaction; true when the file was created. */
    public Uni<Boolean> apply(String creditCode, String regionCode, CultivationFileApi.Update u, String by) {
        return pool.withTransaction(conn -> conn.preparedQuery("""
                        INSERT INTO cultivation_file (credit_code, region_code, created_by) VALUES ($1, $2, $3)
                        ON CONFLICT (credit_code) DO NOTHING RETURNING credit_code""")
                .execute(Tuple.of(creditCode, regionCode, by))
                .flatMap(created -> {
                    boolean isNew = created.rowCount() == 1;
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    if (u.officer() != null) {
                        chain = chain.flatMap(x -> exec(conn, "UPDATE cultivation_file SET officer_name = $2, officer_contact = $3 WHERE credit_code = $1",
                                Tuple.of(creditCode, u.officer().name().strip(), u.officer().contact())));
                    }
                    if (u.targetTier() != null) {
                        chain = chain.flatMap(x -> exec(conn, "UPDATE cultivation_file SET target_tier = $2 WHERE credit_code = $1",
                                Tuple.of(creditCode, u.targetTier())));
                    }
                    for (CultivationFileApi.Visit v : u.visits() == null ? List.<CultivationFileApi.Visit>of() : u.visits()) {
                        chain = chain.flatMap(x -> exec(conn, """
                                INSERT INTO cultivation_visit (id, credit_code, visited_on, kind, officer, note, created_by)
                                VALUES ($1, $2, $3, $4, $5, $6, $7)""", Tuple.from(new Object[] {UUID.randomUUID(), creditCode, v.date(),
                                v.kind() == null ? "VISIT" : v.kind(), v.officer(), v.note().strip(), by})));
                    }
                    for (CultivationFileApi.PlanItem i : u.planItems() == null ? List.<CultivationFileApi.PlanItem>of() : u.planItems()) {
                        if (i.id() == null) {
                            chain = chain.flatMap(x -> exec(conn, """
                                    INSERT INTO cultivation_plan_item (id, credit_code, title, indicator_code, due_on, status, note)
                                    VALUES ($1, $2, $3, $4, $5, $6, $7)""", Tuple.from(new Object[] {UUID.randomUUID(), creditCode,
                                    i.title().strip(), i.indicatorCode(), i.dueOn(), i.status() == null ? "OPEN" : i.status(), i.note()})));
                        } else {
                            chain = chain.flatMap(x -> conn.preparedQuery("""
                                            UPDATE cultivation_plan_item SET title = coalesce($3, title), indicator_code = coalesce($4, indicator_code),
                                                due_on = coalesce($5, due_on), status = coalesce($6, status), note = coalesce($7, note), updated_at = now()
                                            WHERE id = $1 AND credit_code = $2""")
                                    .execute(Tuple.from(new Object[] {i.id(), creditCode, i.title(), i.indicatorCode(), i.dueOn(), i.status(), i.note()}))
                                    .map(rs -> {
                                        if (rs.rowCount() == 0) {
                                            throw cn.duijie.common.DomainException.notFound(cn.duijie.common.Messages.get("cultivation.item-not-found", i.id()));
                                        }
                                        return null;
                                    }).replaceWithVoid());
                        }
                    }
                    return chain.flatMap(x -> exec(conn, "UPDATE cultivation_file SET updated_at = now() WHERE credit_code = $1",
                            Tuple.of(creditCode))).map(x -> isNew);
                }));
    }

    private static Uni<Void> exec(SqlConnection conn, String sql, Tuple t) {
        return conn.preparedQuery(sql).execute(t).replaceWithVoid();
    }
}
