package cn.duijie.imports;

import static cn.duijie.imports.Column.bool;
import static cn.duijie.imports.Column.creditCode;
import static cn.duijie.imports.Column.date;
import static cn.duijie.imports.Column.decimal;
import static cn.duijie.imports.Column.integer;
import static cn.duijie.imports.Column.list;
import static cn.duijie.imports.Column.listOf;
import static cn.duijie.imports.Column.oneOf;
import static cn.duijie.imports.Column.ref;
import static cn.duijie.imports.Column.refs;
import static cn.duijie.imports.Column.regionCode;
import static cn.duijie.imports.Column.text;
import static cn.duijie.imports.Column.tierHistory;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import cn.duijie.imports.Column.Ref;

/**
 * The graph-seed files of CONTRACTS.md, in dependency order: the files of one import are applied in this order,
 * so a row may refer to a key created by an earlier file of the same import.
 */
public enum ImportFile {
    REGIONS("regions", Ref.REGION, List.of("code"),
            regionCode("code"), text("name", true), oneOf("level", true, "PROVINCE", "CITY", "DISTRICT"),
            ref("parentCode", false, Ref.REGION), decimal("lat", false, -90, 90), decimal("lon", false, -180, 180)),
    CHAINS("chains", Ref.CHAIN, List.of("id"),
            text("id", true), text("name", true), text("description", false)),
    SEGMENTS("segments", Ref.SEGMENT, List.of("id"),
            text("id", true), ref("chainId", true, Ref.CHAIN), text("name", true),
            oneOf("stage", true, "UPSTREAM", "MIDSTREAM", "DOWNSTREAM"), refs("feedsSegmentIds", Ref.SEGMENT)),
    PRODUCTS("products", Ref.PRODUCT, List.of("code"),
            text("code", true), text("name", true), ref("segmentId", true, Ref.SEGMENT),
            ref("broaderCode", false, Ref.PRODUCT), list("keywords")),
    TECHNOLOGIES("technologies", Ref.TECHNOLOGY, List.of("code"),
            text("code", true), text("name", true), ref("broaderCode", false, Ref.TECHNOLOGY),
            refs("segmentIds", Ref.SEGMENT), list("keywords")),
    ENTERPRISES("enterprises", Ref.ENTERPRISE, List.of("creditCode"),
            creditCode("creditCode", null), text("name", true), ref("regionCode", true, Ref.REGION),
            oneOf("tier", false, "NONE", "POOL", "INNOVATIVE", "SPECIALIZED", "LITTLE_GIANT", "CHAMPION"),
            bool("isChainLeader"), refs("leadsChainIds", Ref.CHAIN), integer("employees", false, 0, 5_000_000),
            decimal("revenueWan", false, 0, 1e10), decimal("rdRatio", false, 0, 1),
            integer("inventionPatents", false, 0, 1_000_000), list("certifications"), bool("listed"),
            decimal("lat", false, -90, 90), decimal("lon", false, -180, 180),
            refs("productCodes", Ref.PRODUCT), refs("technologyCodes", Ref.TECHNOLOGY), text("description", false),
            // what the tier criteria read (找差距补短板); empty = not known
            decimal("nicheYears", false, 0, 200), decimal("mainBusinessShare", false, 0, 1),
            decimal("revenueGrowth", false, -1, 100), decimal("debtRatio", false, 0, 10),
            decimal("rdSpendWan", false, 0, 1e9), decimal("rdSpendPrevWan", false, 0, 1e9), decimal("rdRatioPrev", false, 0, 1),
            decimal("rdStaffShare", false, 0, 1), integer("ipClass1", false, 0, 1_000_000), integer("ipClass2", false, 0, 1_000_000),
            integer("ipHighValue", false, 0, 1_000_000), oneOf("rdInstitutionLevel", false, "NONE", "CITY", "PROVINCIAL", "NATIONAL"),
            integer("digitalLevel", false, 1, 6), decimal("netMarginRatio", false, -100, 1), decimal("equityRaisedWan", false, 0, 1e9),
            decimal("marketShare", false, 0, 1), integer("marketRank", false, 1, 1_000_000), integer("globalMarketRank", false, 1, 1_000_000),
            oneOf("keyField", false, "NONE", "BASIC", "KEY_LINK"), bool("strategicEmerging"),
            oneOf("scienceAward", false, "NONE", "PROVINCIAL", "NATIONAL"), bool("highTech"), bool("ownBrand"),
            decimal("developmentScore", false, 0, 100), tierHistory("tierHistory")),
    SUPPLIES("supplies", null, List.of("supplierCreditCode", "buyerCreditCode"),
            creditCode("supplierCreditCode", Ref.ENTERPRISE), creditCode("buyerCreditCode", Ref.ENTERPRISE),
            ref("productCode", false, Ref.PRODUCT), integer("since", false, 1900, 2100)),
    INSTITUTIONS("institutions", Ref.INSTITUTION, List.of("id"),
            text("id", true), text("name", true), oneOf("kind", true, "UNIVERSITY", "INSTITUTE", "LAB"),
            ref("regionCode", true, Ref.REGION), refs("technologyCodes", Ref.TECHNOLOGY), text("description", false)),
    EXPERTS("experts", null, List.of("id"),
            text("id", true), text("name", true), text("title", false), ref("institutionId", true, Ref.INSTITUTION),
            refs("technologyCodes", Ref.TECHNOLOGY)),
    ACHIEVEMENTS("achievements", null, List.of("id"),
            text("id", true), text("title", true), ref("institutionId", true, Ref.INSTITUTION),
            oneOf("kind", false, "PATENT", "PROTOTYPE", "SOFTWARE", "PROCESS"), integer("trl", false, 1, 9),
            refs("technologyCodes", Ref.TECHNOLOGY), refs("productCodes", Ref.PRODUCT), text("description", false)),
    COLLABORATIONS("collaborations", null, List.of("institutionId", "creditCode", "year"),
            ref("institutionId", true, Ref.INSTITUTION), creditCode("creditCode", Ref.ENTERPRISE),
            integer("year", true, 1900, 2100), text("title", false)),
    INVESTORS("investors", Ref.INVESTOR, List.of("id"),
            text("id", true), text("name", true), oneOf("kind", true, "VC", "PE", "GUIDANCE_FUND", "BANK"),
            ref("regionCode", false, Ref.REGION)),
    FUNDS("funds", Ref.FUND, List.of("id"),
            text("id", true), ref("investorId", true, Ref.INVESTOR), text("name", true),
            listOf("stages", "SEED", "ANGEL", "A", "B", "C", "PRE_IPO", "DEBT"),
            decimal("ticketMinWan", false, 0, 1e9), decimal("ticketMaxWan", false, 0, 1e9),
            listOf("instruments", "EQUITY", "DEBT", "IP_PLEDGE", "CONVERTIBLE"),
            refs("chainIds", Ref.CHAIN), refs("segmentIds", Ref.SEGMENT), ref("regionMandate", false, Ref.REGION)),
    INVESTMENTS("investments", null, List.of("fundId", "creditCode", "round"),
            ref("fundId", true, Ref.FUND), creditCode("creditCode", Ref.ENTERPRISE), text("round", true),
            integer("year", false, 1900, 2100), decimal("amountWan", false, 0, 1e9)),
    NEEDS("needs", null, List.of("id"),
            text("id", true), oneOf("kind", true, "SUPPLY", "TECH", "FINANCE"), creditCode("postedBy", Ref.ENTERPRISE),
            text("title", true), text("description", false), refs("productCodes", Ref.PRODUCT),
            refs("technologyCodes", Ref.TECHNOLOGY), integer("quantity", false, 0, 1e12),
            list("requiredCertifications"), decimal("maxDistanceKm", false, 0.1, 5000),
            decimal("amountWan", false, 0, 1e9), oneOf("stage", false, "SEED", "ANGEL", "A", "B", "C", "PRE_IPO", "DEBT"),
            oneOf("instrument", false, "EQUITY", "DEBT", "IP_PLEDGE", "CONVERTIBLE"), date("expiresAt"));

    public final String baseName;
    /** The node kind this file's key creates, so later files may refer to it; null for edge files. */
    public final Ref creates;
    public final List<String> keyColumns;
    public final List<Column> columns;

    ImportFile(String baseName, Ref creates, List<String> keyColumns, Column... columns) {
        this.baseName = baseName;
        this.creates = creates;
        this.keyColumns = keyColumns;
        this.columns = Arrays.asList(columns);
    }

    public String fileName() {
        return baseName + ".csv";
    }

    /** enterprises.csv, enterprises.xlsx, Enterprises.CSV and a part named "enterprises" all mean ENTERPRISES. */
    public static Optional<ImportFile> forName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        int dot = base.indexOf('.');
        String stem = dot < 0 ? base : base.substring(0, dot);
        return Arrays.stream(values()).filter(f -> f.baseName.equals(stem)).findFirst();
    }
}
