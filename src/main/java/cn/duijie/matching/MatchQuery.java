package cn.duijie.matching;

import java.math.BigDecimal;
import java.util.List;

import cn.duijie.need.Need;

/**
 * What a matcher is asked: what is wanted, by whom, with which filters. A posted need, a firm's profile (reverse
 * views) and a benchmark all ask in this shape; matching never sees the need entity.
 */
public record MatchQuery(String needId, String kind, String postedBy, String title, String description,
                         List<String> productCodes, List<String> technologyCodes, List<String> requiredCertifications,
                         Double maxDistanceKm, Double amountWan, String stage, String instrument) {

    public MatchQuery {
        title = title == null ? "" : title;
        description = description == null ? "" : description;
        productCodes = productCodes == null ? List.of() : List.copyOf(productCodes);
        technologyCodes = technologyCodes == null ? List.of() : List.copyOf(technologyCodes);
        requiredCertifications = requiredCertifications == null ? List.of() : List.copyOf(requiredCertifications);
    }

    public static MatchQuery of(Need need) {
        BigDecimal amount = need.amountWan;
        return new MatchQuery(need.id, need.kind.name(), need.postedBy, need.title, need.description, need.productCodeList(),
                need.technologyCodeList(), need.certificationList(), need.maxDistanceKm,
                amount == null ? null : amount.doubleValue(), need.stage == null ? null : need.stage.name(),
                need.instrument == null ? null : need.instrument.name());
    }
}
