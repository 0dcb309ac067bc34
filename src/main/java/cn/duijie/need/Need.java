package cn.duijie.need;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import cn.duijie.domain.FundStage;
import cn.duijie.domain.Instrument;
import cn.duijie.domain.NeedKind;
import cn.duijie.domain.NeedStatus;

/** A need as PostgreSQL keeps it: the system of record; Neo4j holds a projection of it. */
@Entity
@Table(name = "need")
public class Need {

    @Id
    public String id;
    @Enumerated(EnumType.STRING)
    public NeedKind kind;
    @Enumerated(EnumType.STRING)
    public NeedStatus status;
    @Column(name = "posted_by")
    public String postedBy;
    public String title;
    public String description;
    @Column(name = "product_codes")
    public String productCodes = "";
    @Column(name = "technology_codes")
    public String technologyCodes = "";
    public Long quantity;
    @Column(name = "required_certifications")
    public String requiredCertifications = "";
    @Column(name = "max_distance_km")
    public Double maxDistanceKm;
    @Column(name = "amount_wan")
    public BigDecimal amountWan;
    @Enumerated(EnumType.STRING)
    public FundStage stage;
    @Enumerated(EnumType.STRING)
    public Instrument instrument;
    /** SUPPLY only: why it is posted (chain resilience); null = not said, decided when matching. */
    @Enumerated(EnumType.STRING)
    public cn.duijie.domain.NeedPurpose purpose;
    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "created_by")
    public String createdBy;
    /** The account that entered it (a bureau clerk entering a firm's need, or the firm's own login). */
    @Column(name = "entered_by")
    public String enteredBy;
    /** The products and technologies Duijie read in the title and description (JSON list of NeedApi.ProposedCode). */
    @Column(name = "code_proposals")
    public String codeProposals = "[]";
    /** True while the codes are Duijie's proposal, not yet confirmed or changed by the poster. */
    @Column(name = "codes_proposed")
    public boolean codesProposed;
    @Column(name = "import_hash")
    public String importHash;
    @Version
    public long version;

    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\\|"));
    }

    static String join(List<String> values) {
        return values == null ? "" : String.join("|", values);
    }

    public List<String> productCodeList() {
        return split(productCodes);
    }

    public List<String> technologyCodeList() {
        return split(technologyCodes);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final com.fasterxml.jackson.databind.ObjectReader PROPOSALS = JSON.readerFor(NeedApi.ProposedCode[].class);

    public List<NeedApi.ProposedCode> proposalList() {
        if (codeProposals == null || codeProposals.isBlank()) {
            return List.of();
        }
        try {
            return List.of(PROPOSALS.<NeedApi.ProposedCode[]>readValue(codeProposals));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("need " + id + ": unreadable code_proposals", e);
        }
    }

    void proposals(List<NeedApi.ProposedCode> proposals) {
        try {
            codeProposals = JSON.writeValueAsString(proposals);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<String> certificationList() {
        return split(requiredCertifications);
    }
}
