package cn.duijie.event;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.async.ResultCursor;

import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import cn.duijie.domain.PartyType;
import io.smallrye.mutiny.Uni;

/** The graph reads of the events feature (Neo4j): theme chain and region checks, parties, invitee suggestions. */
@ApplicationScoped
public class EventGraphRepository {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(EventGraphRepository.class);

    private final Driver driver;
    private final String hostsCypher = load("cypher/event/suggested-hosts.cypher");
    private final String guestsCypher = load("cypher/event/suggested-guests.cypher");

    EventGraphRepository(Driver driver) {
        this.driver = driver;
    }

    /** A region and the code that counts as "local" for it (its city, else itself). */
    public record RegionInfo(String code, String name, String localCode) {
    }

    /** A party found in the graph. */
    public record PartyInfo(PartyType type, String key, String name, String regionCode) {
    }

    public Uni<Boolean> chainExists(String chainId) {
        return read("MATCH (c:Chain {id: $id}) RETURN count(c) > 0 AS found", Map.of("id", chainId))
                .map(rows -> rows.get(0).get("found").asBoolean());
    }

    public Uni<Optional<RegionInfo>> region(String code) {
        return read("""
                MATCH (r:Region {code: $code})
                OPTIONAL MATCH (r)-[:WITHIN*0..2]->(city:Region {level: 'CITY'})
                WITH r, head(collect(city.code)) AS cityCode
                RETURN r {.code, .name, localCode: coalesce(cityCode, r.code)} AS region
                """, Map.of("code", code))
                .map(rows -> rows.stream().findFirst().map(r -> {
                    Value v = r.get("region");
                    return new RegionInfo(v.get("code").asString(), v.get("name").asString(null),
                            v.get("localCode").asString());
                }));
    }

    /** The parties of one type found among the given keys, by key. Label and key property come from the enum. */
    public Uni<Map<String, PartyInfo>> parties(PartyType type, Collection<String> keys) {
        String label = type.node().label();
        String key = type.node().key();
        String cypher = "MATCH (n:" + label + ") WHERE n." + key + " IN $keys "
                + "RETURN n {key: n." + key + ", .name, regionCode: coalesce(n.regionCode, n.regionMandate)} AS party";
        return read(cypher, Map.of("keys", List.copyOf(keys))).map(rows -> {
            Map<String, PartyInfo> found = new HashMap<>();
            for (Record r : rows) {
                Value v = r.get("party");
                found.put(v.get("key").asString(), new PartyInfo(type, v.get("key").asString(),
                        v.get("name").asString(v.get("key").asString()), v.get("regionCode").asString(null)));
            }
            return found;
        });
    }

    public Uni<List<Value>> suggestedHosts(String chainId) {
        return read(hostsCypher, Map.of("chainId", chainId)).map(rows -> rows.stream().map(r -> r.get("hit")).toList());
    }

    public Uni<List<Value>> suggestedGuests(String chainId, String localCode) {
        return read(guestsCypher, Map.of("chainId", chainId, "localCode", localCode))
                .map(rows -> rows.stream().map(r -> r.get("hit")).toList());
    }

    private Uni<List<Record>> read(String cypher, Map<String, Object> params) {
        return Uni.createFrom().deferred(() -> {
            var back = VertxContexts.current();
            return Uni.createFrom().<List<Record>>completionStage(() -> {
                        AsyncSession session = driver.session(AsyncSession.class);
                        return session.executeReadAsync(tx -> tx.runAsync(cypher, params).thenCompose(ResultCursor::listAsync))
                                .whenComplete((r, e) -> session.closeAsync());
                    })
                    .onFailure(e -> !(e instanceof DomainException))
                    .transform(e -> {
                        LOG.warnf(e, "Neo4j read failed");
                        return DomainException.unavailable(Messages.get("event.graph-unavailable"));
                    })
                    .emitOn(back);
        });
    }

    private static String load(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
