package cn.duijie.matching;

import java.util.List;

/**
 * Everything the supply score of one (need, candidate firm) pair depends on, built from the snapshot by
 * {@link SupplyMatcher} and turned into a score by {@link SupplyScorer}. The first three — {@code fit},
 * {@code coMade}, {@code text} — with {@code peers} and {@code existingSupplier} are the capability evidence; the
 * rest only order capable firms.
 *
 * @param fit      the candidate's best product through the product tree ({@link How#NONE} when none is near)
 * @param coMade   the candidate's product most often made together with a wanted one, or null
 * @param text     what the candidate's words (name, description, product names) share with the need's, or null
 * @param km       distance to the buyer, null when either has no location
 * @param peers    firms in the buyer's segments the candidate already supplies (the buyer itself not counted)
 * @param feeds    a product of the candidate whose segment FEEDS one of the buyer's segments, or null
 */
public record SupplySignals(Party buyer, Party candidate, String candidateRegion, String needTitle,
                            List<String> requiredCertifications, ProductFit fit, CoMade coMade, Text text, Double km,
                            int peers, int leaderPeers, List<Party> peerSample, Feeds feeds, cn.duijie.domain.Tier tier, Long employees,
                            int deals, int mets, boolean existingSupplier) {

    /** A firm by key and name, as reasons show it. */
    public record Party(String id, String name) {
    }

    /** How the candidate's product relates to the wanted one in the product tree. */
    public enum How { EXACT, NARROWER, BROADER, SIBLING, NONE }

    /** The candidate's best product fit: the product it makes ({@code via}) for a wanted one; NONE carries no products. */
    public record ProductFit(double fit, How how, String viaCode, String viaName, String wantCode, String wantName) {
        static final ProductFit NONE = new ProductFit(0, How.NONE, null, null, null, null);

        /** Whether the candidate makes the wanted product or a narrower one: it lists it, nothing is inferred. */
        boolean listed() {
            return how == How.EXACT || how == How.NARROWER;
        }
    }

    /**
     * Co-production: the candidate makes {@code via}, which {@code both} firms make together with the wanted
     * product; {@code cosine} is the similarity of the two products' maker sets.
     */
    public record CoMade(String viaCode, String viaName, String wantCode, String wantName, int both, double cosine) {
    }

    /**
     * Words: {@code coverage} is the IDF-weighted share of the need's words the candidate uses (0 … 1);
     * {@code namesProduct} that its words contain every word of a wanted product's name ({@code product}).
     */
    public record Text(double coverage, List<String> shared, boolean namesProduct, String product) {
    }

    /** Candidate product → its segment → the buyer's segment it FEEDS. */
    public record Feeds(String productCode, String product, String fromId, String from, String toId, String to) {
    }
}
