package cn.duijie.resilience;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cn.duijie.need.NeedRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** A firm's open SUPPLY needs, from PostgreSQL (the system of record; the graph's projection may lag behind). */
@ApplicationScoped
class OpenNeedRepository {

    record OpenNeed(String id, String title, List<String> productCodes) {
    }

    private final NeedRepository needs;

    OpenNeedRepository(NeedRepository needs) {
        this.needs = needs;
    }

    /** Open SUPPLY needs of any of these firms, by poster. */
    Uni<java.util.Map<String, List<OpenNeed>>> openSupplyNeeds(java.util.Collection<String> posters) {
        if (posters.isEmpty()) {
            return Uni.createFrom().item(java.util.Map.of());
        }
        return Panache.withSession(() -> needs.openSupplyNeedsOf(posters))
                .map(open -> {
                    java.util.Map<String, List<OpenNeed>> out = new java.util.HashMap<>();
                    open.forEach(n -> out.computeIfAbsent(n.postedBy, k -> new java.util.ArrayList<>())
                            .add(new OpenNeed(n.id, n.title, n.productCodeList())));
                    return out;
                });
    }

    Uni<List<OpenNeed>> openSupplyNeeds(String postedBy) {
        return Panache.withSession(() -> needs.openSupplyNeedsOf(postedBy))
                .map(open -> open.stream().map(n -> new OpenNeed(n.id, n.title, n.productCodeList())).toList());
    }
}
