package cn.duijie.matching;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Weights and limits of the matching engine; every weight is a share of the score (they need not sum to 1). */
@ConfigMapping(prefix = "duijie.matching")
public interface MatchingConfig {

    Supply supply();

    Tech tech();

    Finance finance();

    Consortium consortium();

    Snapshot snapshot();

    /** How a product or technology near the wanted one in its tree fits (SUPPLY, TECH and consortium matching). */
    Tree tree();

    /** The matching snapshot: how it follows the change feed. */
    interface Snapshot {
        /** Off for the command-line import, which writes the graph and the change feed but serves nothing. */
        @WithDefault("true") boolean enabled();

        /** How often this replica reads the change feed for writes made through other replicas. */
        @WithDefault("250ms") java.time.Duration feedInterval();

        /** Firms read from the graph per query while loading or applying changes. */
        @WithDefault("20000") int firmBatch();

        /** How long a request waits for the first load after start before it is answered 503. */
        @WithDefault("60s") java.time.Duration firstLoadWait();
    }

    /** Fit of a candidate's product (or technology) to the wanted one. */
    interface Tree {
        @WithDefault("1.0") double exact();

        /** A narrower one, up to two levels below. */
        @WithDefault("0.85") double narrower();

        /** A broader one, up to two levels above (technologies: one). */
        @WithDefault("0.6") double broader();

        /** Another child of the same broader product. */
        @WithDefault("0.4") double sibling();
    }

    /** Keep TECH full-text hits per need text in the cache (quarkus.cache.caffeine.matching-text-research; false: ask the graph every time). */
    @WithDefault("true") boolean textCache();

    /** 揭榜挂帅 proposals: how the three parts add up, and how the industrialising firm is chosen. */
    interface Consortium {
        /** The research side's own TECH match score. */
        @WithDefault("0.5") double research();

        /** How fit the industrialising firm is (the firm weights below). */
        @WithDefault("0.4") double industrialiser();

        /** A fund focused on the chain (segment focus, early stages, local mandate); 0 when there is none. */
        @WithDefault("0.1") double fund();

        /** Firm: makes the product the achievement applies to (1) or a narrower one (.85). */
        @WithDefault("0.3") double product();

        /** Firm: nearness to the firm that posted the challenge, exp(-km / 100). */
        @WithDefault("0.25") double local();

        /** Firm: tier on the 专精特新 ladder. */
        @WithDefault("0.2") double tier();

        /** Firm: has worked with the institution before. */
        @WithDefault("0.15") double collaboration();

        /** Firm: already holds one of the wanted technologies. */
        @WithDefault("0.1") double technology();

        /** Research-side candidates considered. */
        @WithDefault("12") int researchPool();

        /** Industrialising firms kept per product an achievement applies to. */
        @WithDefault("3") int firmsPerProduct();

        /** Firm nearness, exp(-km / this). */
        @WithDefault("100") double localScaleKm();

        /** The nearness part when the firm or the challenger has no location. */
        @WithDefault("0.3") double unknownLocal();

        /** Fund: focuses on the product's segment (else its chain, fund-chain). */
        @WithDefault("0.6") double fundSegment();

        @WithDefault("0.4") double fundChain();

        /** Fund: invests at ANGEL or A, the stages of a transfer project. */
        @WithDefault("0.25") double fundEarly();

        /** Fund: has a local region mandate (a guidance fund). */
        @WithDefault("0.15") double fundMandate();
    }

    interface Tech {
        /** Technology-tree fit (exact 1, narrower .85, broader .6), product application .7, text only ≤ .5. */
        @WithDefault("0.45") double technology();

        /** Readiness of an achievement, trl / 9 (institutions and experts count .5). */
        @WithDefault("0.12") double trl();

        /** Nearness of the institution, exp(-km / 150): local institutions first, not only. */
        @WithDefault("0.15") double locality();

        /** Worked with this firm before (1) or with others (min(1, n / 10) / 2). */
        @WithDefault("0.18") double collaboration();

        @WithDefault("0.05") double trackRecord();

        /** Candidates kept, by their full score, for reasons and the per-institution turns (at least 3 × limit). */
        @WithDefault("40") int pool();

        /** Candidates of one institution (itself, its achievements and experts) before the other institutions' turn. */
        @WithDefault("2") int perInstitution();

        /** Full-text hits asked of each of the achievement and institution indexes. */
        @WithDefault("30") int textLimit();

        /** Fit of an achievement that applies to a wanted product (when no technology of it fits better). */
        @WithDefault("0.7") double productApplication();

        /** Nearness of the institution, exp(-km / this). */
        @WithDefault("150") double localityScaleKm();

        /** The locality part when the institution or the firm has no location. */
        @WithDefault("0.2") double unknownLocality();

        /** The readiness part of an institution, an expert, or an achievement without a TRL. */
        @WithDefault("0.5") double unknownTrl();

        /** Collaborations with other firms for the full experience part: min(1, n / this) × other-collaboration-share. */
        @WithDefault("10") double collaborationsForFull();

        /** What experience with other firms counts against having worked with this very firm (1). */
        @WithDefault("0.5") double otherCollaborationShare();

        /** Deals for the full track-record part: min(1, deals / this). */
        @WithDefault("2") double dealsForFull();

        /** The best full-text hit alone counts this much fit; the others scale with their Lucene score. */
        @WithDefault("0.5") double textOnlyFit();

        /** A full-text hit adds this to a structural fit (at most 1). */
        @WithDefault("0.05") double textBonus();
    }

    interface Finance {
        /** Focuses on the firm's chain (.6) or its very segment (1). */
        @WithDefault("0.25") double focus();

        @WithDefault("0.15") double stage();

        @WithDefault("0.12") double instrument();

        /** The ticket range covers the amount (1); else how close, min/max ratio. */
        @WithDefault("0.28") double ticket();

        /** Already invested up- or downstream of the firm. */
        @WithDefault("0.12") double adjacency();

        @WithDefault("0.08") double trackRecord();

        /** The focus part when the fund focuses on the firm's chain but not its segment (the segment counts 1). */
        @WithDefault("0.6") double chainFocus();

        /** The stage, instrument or ticket part when the need does not say (no stage, instrument or amount). */
        @WithDefault("0.5") double unstated();

        /** An amount outside the ticket range counts at most this, times how close it is (min/max ratio). */
        @WithDefault("0.5") double ticketOutsideShare();

        /** Deals for the full track-record part: min(1, deals / this). */
        @WithDefault("2") double dealsForFull();
    }

    /**
     * Supply matching: capability first (see {@link SupplyScorer}). The score is {@code C × ((1 − order-share) +
     * order-share × O)}; the evidence weights below make C, the ordering weights make O (their mean).
     */
    interface Supply {
        /** The most the ordering signals (nearness, FEEDS, peers, tier, size, track record) can move a score. */
        @WithDefault("0.5") double orderShare();

        /** Evidence: a product made together with the wanted one, this × the cosine of their maker sets. */
        @WithDefault("0.6") double coProduction();

        /**
         * Evidence: the firm's words (name, description, product names) name a wanted product it does not list —
         * nearly as strong as listing a narrower one.
         */
        @WithDefault("0.85") double namedProduct();

        /** The IDF-weighted share of a product name's words a firm's words must hold to name the product. */
        @WithDefault("0.8") double namedCoverage();

        /** Evidence: the IDF-weighted share of the need's words the firm uses, times this. */
        @WithDefault("0.5") double text();

        /** Evidence: already supplies firms of the buyer's segments, this × min(1, peers / peers-for-full). */
        @WithDefault("0.3") double peerEvidence();

        /** Evidence: already supplies the buyer itself. */
        @WithDefault("0.5") double existingSupplierEvidence();

        /**
         * Words used by more than this share of the firms (and by at least common-min-firms) are common: shared
         * common words alone are no evidence at all.
         */
        @WithDefault("0.05") double commonShare();

        @WithDefault("20") int commonMinFirms();

        /** Candidates whose capability is below this are not shown. */
        @WithDefault("0.05") double minCapability();

        /** Co-production: two products count as made together when at least this many firms make both. */
        @WithDefault("2") int coMinBoth();

        /** Co-production: the most similar products followed per wanted product. */
        @WithDefault("8") int coSimilar();

        /** Order: nearness, exp(-km / distance-scale-km). */
        @WithDefault("0.20") double distance();

        /** Order: the candidate's segment FEEDS the buyer's segment. */
        @WithDefault("0.08") double feeds();

        /** Order: already supplies firms in the buyer's segments (collaborative signal), min(1, peers / 3). */
        @WithDefault("0.17") double peers();

        /** Order: tier on the 专精特新 ladder. */
        @WithDefault("0.10") double tier();

        /** Order: size as a proxy for capacity, log10(employees + 1) / 3.5. */
        @WithDefault("0.04") double scale();

        /** Order: DEAL and MET outcomes recorded through Duijie, min(1, (deals + mets / 2) / 2). */
        @WithDefault("0.06") double trackRecord();

        @WithDefault("100") double distanceScaleKm();

        /** Candidates kept after the cheap pre-score, before the costlier signals. */
        @WithDefault("30") int pool();

        /** Firms taken from the snapshot's word index for the need's title (candidates beyond the product tree). */
        @WithDefault("40") int textLimit();

        /** The distance part when the buyer or the candidate has no location. */
        @WithDefault("0.3") double unknownDistance();

        /** Peers supplied in the buyer's segments for the full peer part: min(1, peers / this). */
        @WithDefault("3") double peersForFull();

        /** Employees for the full scale part, as log10: min(1, log10(employees + 1) / this). */
        @WithDefault("3.5") double scaleLog10ForFull();

        /** Deals for the full track-record part: min(1, (deals + mets × met-weight) / this). */
        @WithDefault("2") double dealsForFull();

        /** What a MET counts against a DEAL in the track record. */
        @WithDefault("0.5") double metWeight();
    }
}
