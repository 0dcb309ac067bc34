package cn.duijie.matching;

/**
 * One consistent version of everything the matchers score from, split by domain. Immutable: the change feed makes
 * a new version per batch of changes, sharing what did not change, and a request keeps the version it started with.
 * {@code appliedChange} is the newest row of the change feed ({@code graph_change}) this version reflects.
 */
public record MatchingSnapshot(long version, long appliedChange, FirmsAndProducts firms, Research research, Funds funds,
                               Regions regions, TrackRecords track, OpenNeeds needs) {

    MatchingSnapshot with(long appliedChange, FirmsAndProducts f, Research r, Funds fu, Regions re, TrackRecords t, OpenNeeds n) {
        return new MatchingSnapshot(version + 1, appliedChange, f, r, fu, re, t, n);
    }
}
