package cn.duijie.imports;

import java.util.List;
import java.util.Map;

import cn.duijie.domain.NodeKind;

/**
 * Whose rows an import may write. ADMIN, the demo seed and the command line import everything; a bureau clerk only
 * the parties of the clerk's region (GB/T 2260 containment, {@link cn.duijie.account.Regions}): firms, institutions
 * and investors located there, and what belongs to them. The shared catalogue (regions, chains, segments, products,
 * technologies) is the administrator's. A row outside the scope is rejected with its reason; the rest land.
 *
 * @param regionCode the clerk's region, or null for an unrestricted import
 * @param owner      the account that submitted the import (who may read its job), or null for the system
 */
public record ImportScope(String regionCode, String owner) {

    public static final ImportScope ALL = new ImportScope(null, null);

    public static ImportScope region(String regionCode, String owner) {
        return new ImportScope(regionCode, owner);
    }

    public boolean unrestricted() {
        return regionCode == null;
    }

    /** A column of a row that places the row: the row's own region, or a party the row belongs to. */
    record Place(String column, NodeKind party) {
        boolean isRegion() {
            return party == null;
        }
    }

    /**
     * What places a row of each file; a row is in scope when ANY of its places is in the region (a supply edge needs
     * one local end). A file without places (the catalogue) is refused to a scoped import. For files that create a
     * party, the party's current place in the graph must be in the region too, so a clerk cannot move another city's
     * firm into his own by importing it with his region code.
     */
    static final Map<ImportFile, List<Place>> PLACES = Map.ofEntries(
            Map.entry(ImportFile.ENTERPRISES, List.of(new Place("regionCode", null))),
            Map.entry(ImportFile.INSTITUTIONS, List.of(new Place("regionCode", null))),
            Map.entry(ImportFile.INVESTORS, List.of(new Place("regionCode", null))),
            Map.entry(ImportFile.SUPPLIES, List.of(new Place("supplierCreditCode", NodeKind.ENTERPRISE),
                    new Place("buyerCreditCode", NodeKind.ENTERPRISE))),
            Map.entry(ImportFile.EXPERTS, List.of(new Place("institutionId", NodeKind.INSTITUTION))),
            Map.entry(ImportFile.ACHIEVEMENTS, List.of(new Place("institutionId", NodeKind.INSTITUTION))),
            Map.entry(ImportFile.COLLABORATIONS, List.of(new Place("institutionId", NodeKind.INSTITUTION),
                    new Place("creditCode", NodeKind.ENTERPRISE))),
            Map.entry(ImportFile.FUNDS, List.of(new Place("investorId", NodeKind.INVESTOR))),
            Map.entry(ImportFile.INVESTMENTS, List.of(new Place("fundId", NodeKind.FUND), new Place("creditCode", NodeKind.ENTERPRISE))),
            Map.entry(ImportFile.NEEDS, List.of(new Place("postedBy", NodeKind.ENTERPRISE))));
}
