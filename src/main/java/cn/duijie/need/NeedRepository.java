package cn.duijie.need;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cn.duijie.domain.NeedKind;
import cn.duijie.domain.NeedStatus;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Needs in PostgreSQL (table need), the system of record. Call inside a session. */
@ApplicationScoped
public class NeedRepository implements PanacheRepositoryBase<Need, String> {

    /** The needs with these ids that exist, in no particular order. */
    public Uni<List<Need>> byIds(Collection<String> ids) {
        return list("id in ?1", List.copyOf(ids));
    }

    /** A firm's newest open need of a kind, or null. */
    public Uni<Need> newestOpen(String postedBy, NeedKind kind) {
        return find("postedBy = ?1 and kind = ?2 and status = ?3 order by createdAt desc", postedBy, kind, NeedStatus.OPEN)
                .firstResult();
    }

    /** Open SUPPLY needs of any of these firms, oldest first. */
    public Uni<List<Need>> openSupplyNeedsOf(Collection<String> posters) {
        return list("postedBy in ?1 and kind = ?2 and status = ?3 order by createdAt",
                List.copyOf(posters), NeedKind.SUPPLY, NeedStatus.OPEN);
    }

    /** Open SUPPLY needs of one firm, oldest first. */
    public Uni<List<Need>> openSupplyNeedsOf(String poster) {
        return list("postedBy = ?1 and kind = ?2 and status = ?3 order by createdAt", poster, NeedKind.SUPPLY, NeedStatus.OPEN);
    }

    /** Open needs whose expiry is before {@code now}. */
    public Uni<List<Need>> openExpiredBy(OffsetDateTime now) {
        return list("status = ?1 and expiresAt < ?2", NeedStatus.OPEN, now);
    }

    /**
     * Needs of a kind, status and poster (each optional), in this order; none at all when {@code any} is false (a
     * caller asking for needs it may not see).
     */
    public PanacheQuery<Need> filtered(NeedKind kind, NeedStatus status, String postedBy, boolean any, Sort sort) {
        StringBuilder q = new StringBuilder(any ? "1 = 1" : "1 = 0");
        Parameters p = new Parameters();
        if (kind != null) {
            q.append(" and kind = :kind");
            p.and("kind", kind);
        }
        if (status != null) {
            q.append(" and status = :status");
            p.and("status", status);
        }
        if (postedBy != null && !postedBy.isBlank()) {
            q.append(" and postedBy = :postedBy");
            p.and("postedBy", postedBy.strip().toUpperCase());
        }
        return find(q.toString(), sort, p);
    }
}
