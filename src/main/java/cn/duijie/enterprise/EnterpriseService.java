package cn.duijie.enterprise;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import cn.duijie.common.CreditCode;
import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import cn.duijie.common.Page;
import cn.duijie.common.Problem;
import cn.duijie.imports.ImportEngine;
import cn.duijie.imports.ImportFile;
import cn.duijie.imports.ImportReport;
import io.smallrye.mutiny.Uni;

/** Browse, search, read and upsert firms; an upsert obeys the same rules as a row of enterprises.csv. */
@ApplicationScoped
public class EnterpriseService {

    private final EnterpriseRepository firms;
    private final ImportEngine engine;

    EnterpriseService(EnterpriseRepository firms, ImportEngine engine) {
        this.firms = firms;
        this.engine = engine;
    }

    public Uni<Page<EnterpriseApi.Summary>> search(EnterpriseApi.Filter f, int page, int size) {
        return firms.search(new EnterpriseApi.Filter(f.q(), f.tier(), blankToNull(f.region()), blankToNull(f.chain()),
                blankToNull(f.segment()), blankToNull(f.product()), f.sort() == null ? cn.duijie.common.SortParam.Order.of(EnterpriseApi.Sort.RELEVANCE) : f.sort()),
                page, size);
    }

    /** Names of these firms by credit code, for showing who posted what (unknown codes are left out). */
    public Uni<java.util.Map<String, String>> names(java.util.Collection<String> creditCodes) {
        return firms.names(creditCodes.stream().filter(java.util.Objects::nonNull).map(EnterpriseService::normal).distinct().toList());
    }

    public Uni<EnterpriseApi.Detail> get(String creditCode) {
        return firms.find(normal(creditCode))
                .map(found -> found.orElseThrow(() -> DomainException.notFound(Messages.get("enterprise.not-found", creditCode))));
    }

    /**
     * Validated upsert with the importer's rules; runs the importer on the calling (worker) thread. A row whose only
     * faults are references to unknown regions, chains, products or technologies is 422, any other fault 400.
     */
    public Uni<EnterpriseApi.Upserted> upsert(String creditCode, EnterpriseApi.Upsert body) {
        String code = normal(creditCode);
        // the importer and the change feed block: never on an event-loop thread, whichever thread the caller's checks ended on
        return Uni.createFrom().item(() -> write(code, body)).runSubscriptionOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool())
                .chain(created -> get(code).map(firm -> new EnterpriseApi.Upserted(created, firm)));
    }

    private boolean write(String code, EnterpriseApi.Upsert body) {
        String reason = CreditCode.explain(code);
        if (reason != null) {
            throw DomainException.invalid("creditCode", reason);
        }
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("creditCode", code);
        cells.put("name", body.name());
        cells.put("regionCode", body.regionCode());
        put(cells, "tier", body.tier());
        put(cells, "isChainLeader", body.isChainLeader());
        cells.put("leadsChainIds", join(body.leadsChainIds()));
        put(cells, "employees", body.employees());
        put(cells, "revenueWan", body.revenueWan());
        put(cells, "rdRatio", body.rdRatio());
        put(cells, "inventionPatents", body.inventionPatents());
        cells.put("certifications", join(body.certifications()));
        put(cells, "listed", body.listed());
        put(cells, "lat", body.lat());
        put(cells, "lon", body.lon());
        cells.put("productCodes", join(body.productCodes()));
        cells.put("technologyCodes", join(body.technologyCodes()));
        put(cells, "description", body.description());
        put(cells, "nicheYears", body.nicheYears());
        put(cells, "mainBusinessShare", body.mainBusinessShare());
        put(cells, "revenueGrowth", body.revenueGrowth());
        put(cells, "debtRatio", body.debtRatio());
        put(cells, "rdSpendWan", body.rdSpendWan());
        put(cells, "rdSpendPrevWan", body.rdSpendPrevWan());
        put(cells, "rdRatioPrev", body.rdRatioPrev());
        put(cells, "rdStaffShare", body.rdStaffShare());
        put(cells, "ipClass1", body.ipClass1());
        put(cells, "ipClass2", body.ipClass2());
        put(cells, "ipHighValue", body.ipHighValue());
        put(cells, "rdInstitutionLevel", body.rdInstitutionLevel());
        put(cells, "digitalLevel", body.digitalLevel());
        put(cells, "netMarginRatio", body.netMarginRatio());
        put(cells, "equityRaisedWan", body.equityRaisedWan());
        put(cells, "marketShare", body.marketShare());
        put(cells, "marketRank", body.marketRank());
        put(cells, "globalMarketRank", body.globalMarketRank());
        put(cells, "keyField", body.keyField());
        put(cells, "strategicEmerging", body.strategicEmerging());
        put(cells, "scienceAward", body.scienceAward());
        put(cells, "highTech", body.highTech());
        put(cells, "ownBrand", body.ownBrand());
        put(cells, "developmentScore", body.developmentScore());
        if (body.tierHistory() != null) {
            cells.put("tierHistory", join(body.tierHistory()));
        }
        ImportReport report = engine.applyOne(ImportFile.ENTERPRISES, cells);
        if (!report.errors().isEmpty()) {
            List<Problem.FieldError> errors = report.errors().stream()
                    .map(e -> new Problem.FieldError(e.column(), e.reason())).toList();
            if (report.errors().stream().allMatch(e -> e.cause() == ImportReport.Cause.REFERENCE)) {
                throw DomainException.unprocessable(Messages.get("enterprise.unknown-references"), errors);
            }
            throw DomainException.invalid(Messages.get("detail.validation", errors.size()), errors);
        }
        return report.files().get(0).created() == 1;
    }

    private static String normal(String creditCode) {
        return creditCode.strip().toUpperCase();
    }

    private static void put(Map<String, String> cells, String column, Object value) {
        String text;
        if (value == null) {
            text = "";
        } else if (value instanceof BigDecimal d) {
            text = d.toPlainString();
        } else if (value instanceof Enum<?> e) {
            text = e.name();
        } else {
            text = value.toString();
        }
        cells.put(column, text);
    }

    private static String join(List<String> values) {
        return values == null ? "" : String.join("|", values);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
