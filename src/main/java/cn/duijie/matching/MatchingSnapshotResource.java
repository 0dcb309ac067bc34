package cn.duijie.matching;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.duijie.common.Messages;
import cn.duijie.graph.GraphChanges;
import io.smallrye.common.annotation.Blocking;

/** The matching snapshot of this replica: its state, and a full reload of every replica on demand. */
@Path("/api/v1/system/matching-snapshot")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "system", description = "运行状态 Service status")
public class MatchingSnapshotResource {

    private final MatchingSnapshots snapshots;
    private final GraphChanges changes;

    MatchingSnapshotResource(MatchingSnapshots snapshots, GraphChanges changes) {
        this.snapshots = snapshots;
        this.changes = changes;
    }

    /** Version, size and change-feed position of this replica's snapshot. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "MatchingSnapshotState")
    public record State(boolean loaded, long version, long appliedChange, int firms, int funds, int achievements,
                        long fullLoads, long lastFullLoadMs, long changesApplied, String failure) {
    }

    @GET
    @Operation(summary = "本实例匹配快照的状态 State of this replica's matching snapshot")
    public State state() {
        MatchingSnapshot s = snapshots.now();
        MatchingSnapshots.Stats st = snapshots.stats();
        return s == null ? new State(false, 0, 0, 0, 0, 0, st.fullLoads(), st.lastFullLoadMs(), st.changesApplied(), snapshots.failure())
                : new State(true, s.version(), s.appliedChange(), s.firms().byId().size(), s.funds().byId().size(),
                s.research().achievements().size(), st.fullLoads(), st.lastFullLoadMs(), st.changesApplied(), snapshots.failure());
    }

    /** Publishes a full reload on the change feed: every replica reads the whole graph again, a batch of firms at a time. */
    @POST
    @Path("/reload")
    @Blocking
    @Operation(summary = "所有实例重新完整加载匹配快照 Full reload of the matching snapshot on every replica")
    public Response reload() {
        changes.publishWhole(GraphChanges.Domain.ALL);
        return Response.accepted(java.util.Map.of("message", Messages.get("matching.snapshot.reload-started"))).build();
    }
}
