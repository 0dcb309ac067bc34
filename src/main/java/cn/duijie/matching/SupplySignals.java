package cn.duijie.matching;

import java.util.List;

/**
 * Everything the supply score of one (need, candidate firm) pair depends on, built from the snapshot by
 * {@link SupplyMatcher} and turned into a score by {@link SupplyScorer}.
 *
 * @param km       distance to the buyer, null when either has no location
 * @param peers    firms in the buyer's segments the candidate already supplies (the buyer itself not counted)
 * @param feeds    a product of the candidate whose segment FEEDS one of the buyer's segments, or null
 */
public record SupplySignals(Party buyer, Party candidate, String candidateRegion, String needTitle,
                            List<String> requiredCertifications, ProductFit fit, Double km, int peers, int leaderPeers,
                            List<Party> peerSample, Feeds feeds, String tier, Long employees, int deals, int mets,
                            boolean existingSupplier) {

    /** A firm by key and name, as reasons show it. */
    public record Party(String id, String name) {
    }

    /** How the candidate's product relates to the wanted one. */
    public enum How { EXACT, NARROWER, BROADER, SIBLING, TEXT }

    /** The candidate's best product fit: the product it makes ({@code via}) for a wanted one; TEXT carries no products. */
    public record ProductFit(double fit, How how, String viaCode, String viaName, String wantCode, String wantName) {
        static ProductFit text(double fit) {
            return new ProductFit(fit, How.TEXT, null, null, null, null);
        }

        ProductFit withFit(double f) {
            return new ProductFit(f, how, viaCode, viaName, wantCode, wantName);
        }
    }

    /** Candidate product → its segment → the buyer's segment it FEEDS. */
    public record Feeds(String productCode, String product, String fromId, String from, String toId, String to) {
    }
}
