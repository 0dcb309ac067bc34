package cn.duijie.imports;

import static cn.duijie.imports.Column.bool;
import static cn.duijie.imports.Column.creditCode;
import static cn.duijie.imports.Column.date;
import static cn.duijie.imports.Column.decimal;
import static cn.duijie.imports.Column.email;
import static cn.duijie.imports.Column.mobile;
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

import cn.duijie.domain.AchievementKind;
import cn.duijie.domain.FundStage;
import cn.duijie.domain.InstitutionKind;
import cn.duijie.domain.Instrument;
import cn.duijie.domain.InvestorKind;
import cn.duijie.domain.KeyField;
import cn.duijie.domain.NeedKind;
import cn.duijie.domain.NodeKind;
import cn.duijie.domain.RegionLevel;
import cn.duijie.domain.ResearchInstitutionLevel;
import cn.duijie.domain.ScienceAward;
import cn.duijie.domain.Stage;
import cn.duijie.domain.Tier;

/**
 * The graph-seed files of CONTRACTS.md, in dependency order: the files of one import are applied in this order,
 * so a row may refer to a key created by an earlier file of the same import.
 */
public enum ImportFile {
    REGIONS("regions", NodeKind.REGION, List.of("code"),
            regionCode("code"), text("name", true), oneOf("level", true, RegionLevel.class),
            ref("parentCode", false, NodeKind.REGION), decimal("lat", false, -90, 90), decimal("lon", false, -180, 180)),
    CHAINS("chains", NodeKind.CHAIN, List.of("id"),
            text("id", true), text("name", true), text("description", false)),
    SEGMENTS("segments", NodeKind.SEGMENT, List.of("id"),
            text("id", true), ref("chainId", true, NodeKind.CHAIN), text("name", true),
            oneOf("stage", true, Stage.class), refs("feedsSegmentIds", NodeKind.SEGMENT)),
    PRODUCTS("products", NodeKind.PRODUCT, List.of("code"),
            text("code", true), text("name", true), ref("segmentId", true, NodeKind.SEGMENT),
            ref("broaderCode", false, NodeKind.PRODUCT), list("keywords")),
    TECHNOLOGIES("technologies", NodeKind.TECHNOLOGY, List.of("code"),
            text("code", true), text("name", true), ref("broaderCode", false, NodeKind.TECHNOLOGY),
            refs("segmentIds", NodeKind.SEGMENT), list("keywords")),
    ENTERPRISES("enterprises", NodeKind.ENTERPRISE, List.of("creditCode"),
            creditCode("creditCode", null), text("name", true), ref("regionCode", true, NodeKind.REGION),
            oneOf("tier", false, Tier.class),
            bool("isChainLeader"), refs("leadsChainIds", NodeKind.CHAIN), integer("employees", false, 0, 5_000_000),
            decimal("revenueWan", false, 0, 1e10), decimal("rdRatio", false, 0, 1),
            integer("inventionPatents", false, 0, 1_000_000), list("certifications"), bool("listed"),
            decimal("lat", false, -90, 90), decimal("lon", false, -180, 180),
            refs("productCodes", NodeKind.PRODUCT), refs("technologyCodes", NodeKind.TECHNOLOGY), text("description", false),
            // what the tier criteria read (找差距补短板); empty = not known
            decimal("nicheYears", false, 0, 200), decimal("mainBusinessShare", false, 0, 1),
            decimal("revenueGrowth", false, -1, 100), decimal("debtRatio", false, 0, 10),
            decimal("rdSpendWan", false, 0, 1e9), decimal("rdSpendPrevWan", false, 0, 1e9), decimal("rdRatioPrev", false, 0, 1),
            decimal("rdStaffShare", false, 0, 1), integer("ipClass1", false, 0, 1_000_000), integer("ipClass2", false, 0, 1_000_000),
            integer("ipHighValue", false, 0, 1_000_000), oneOf("rdInstitutionLevel", false, ResearchInstitutionLevel.class),
            integer("digitalLevel", false, 1, 6), decimal("netMarginRatio", false, -100, 1), decimal("equityRaisedWan", false, 0, 1e9),
            decimal("marketShare", false, 0, 1), integer("marketRank", false, 1, 1_000_000), integer("globalMarketRank", false, 1, 1_000_000),
            oneOf("keyField", false, KeyField.class), bool("strategicEmerging"),
            oneOf("scienceAward", false, ScienceAward.class), bool("highTech"), bool("ownBrand"),
            decimal("developmentScore", false, 0, 100), tierHistory("tierHistory"),
            // the firm's contact (PostgreSQL, never the graph); an e-mail or mobile gives the firm a locked account
            // with a one-time activation code for the clerk to hand over (AccountRowSink)
            text("contactName", false), email("contactEmail"), mobile("contactMobile")),
    SUPPLIES("supplies", null, List.of("supplierCreditCode", "buyerCreditCode"),
            creditCode("supplierCreditCode", NodeKind.ENTERPRISE), creditCode("buyerCreditCode", NodeKind.ENTERPRISE),
            ref("productCode", false, NodeKind.PRODUCT), integer("since", false, 1900, 2100),
            // yearly purchases in 万元 (optional): the supply-risk concentration (HHI) weighs suppliers by it
            decimal("volumeWan", false, 0, 1e10)),
    INSTITUTIONS("institutions", NodeKind.INSTITUTION, List.of("id"),
            text("id", true), text("name", true), oneOf("kind", true, InstitutionKind.class),
            ref("regionCode", true, NodeKind.REGION), refs("technologyCodes", NodeKind.TECHNOLOGY), text("description", false)),
    EXPERTS("experts", NodeKind.EXPERT, List.of("id"),
            text("id", true), text("name", true), text("title", false), ref("institutionId", true, NodeKind.INSTITUTION),
            refs("technologyCodes", NodeKind.TECHNOLOGY)),
    ACHIEVEMENTS("achievements", NodeKind.ACHIEVEMENT, List.of("id"),
            text("id", true), text("title", true), ref("institutionId", true, NodeKind.INSTITUTION),
            oneOf("kind", false, AchievementKind.class), integer("trl", false, 1, 9),
            refs("technologyCodes", NodeKind.TECHNOLOGY), refs("productCodes", NodeKind.PRODUCT), text("description", false)),
    COLLABORATIONS("collaborations", null, List.of("institutionId", "creditCode", "year"),
            ref("institutionId", true, NodeKind.INSTITUTION), creditCode("creditCode", NodeKind.ENTERPRISE),
            integer("year", true, 1900, 2100), text("title", false)),
    INVESTORS("investors", NodeKind.INVESTOR, List.of("id"),
            text("id", true), text("name", true), oneOf("kind", true, InvestorKind.class),
            ref("regionCode", false, NodeKind.REGION)),
    FUNDS("funds", NodeKind.FUND, List.of("id"),
            text("id", true), ref("investorId", true, NodeKind.INVESTOR), text("name", true),
            listOf("stages", FundStage.class),
            decimal("ticketMinWan", false, 0, 1e9), decimal("ticketMaxWan", false, 0, 1e9),
            listOf("instruments", Instrument.class),
            refs("chainIds", NodeKind.CHAIN), refs("segmentIds", NodeKind.SEGMENT), ref("regionMandate", false, NodeKind.REGION)),
    INVESTMENTS("investments", null, List.of("fundId", "creditCode", "round"),
            ref("fundId", true, NodeKind.FUND), creditCode("creditCode", NodeKind.ENTERPRISE), text("round", true),
            integer("year", false, 1900, 2100), decimal("amountWan", false, 0, 1e9)),
    NEEDS("needs", null, List.of("id"),
            text("id", true), oneOf("kind", true, NeedKind.class), creditCode("postedBy", NodeKind.ENTERPRISE),
            text("title", true), text("description", false), refs("productCodes", NodeKind.PRODUCT),
            refs("technologyCodes", NodeKind.TECHNOLOGY), integer("quantity", false, 0, 1e12),
            list("requiredCertifications"), decimal("maxDistanceKm", false, 0.1, 5000),
            decimal("amountWan", false, 0, 1e9), oneOf("stage", false, FundStage.class),
            oneOf("instrument", false, Instrument.class), date("expiresAt"));

    /** Columns that are the firm's contact: taken out of the row before it reaches the graph. */
    public static final java.util.Set<String> CONTACT_COLUMNS = java.util.Set.of("contactName", "contactEmail", "contactMobile");

    public final String baseName;
    /** The node kind this file's key creates, so later files may refer to it; null for edge files. */
    public final NodeKind creates;
    public final List<String> keyColumns;
    public final List<Column> columns;

    ImportFile(String baseName, NodeKind creates, List<String> keyColumns, Column... columns) {
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
