package cn.duijie.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import cn.duijie.domain.NeedKind;
import cn.duijie.need.CodeProposer;
import cn.duijie.need.NeedApi;
import io.smallrye.mutiny.Uni;

/**
 * Reads the products and technologies a need's words name ({@link CodeProposals}) over the product and technology
 * trees of the current matching snapshot. The proposal index is rebuilt when the snapshot's tree changes (an import
 * of products or technologies), not per request.
 */
@ApplicationScoped
public class NeedCodeProposer implements CodeProposer {

    private final MatchingSnapshots snapshots;
    private volatile Index index;

    /** The proposal indexes of one version of the two trees (identified by the maps they were built from). */
    private record Index(Map<String, String> productNames, Map<String, String> techNames, CodeProposals products,
                         CodeProposals technologies) {
    }

    NeedCodeProposer(MatchingSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public Uni<List<NeedApi.ProposedCode>> propose(NeedKind kind, String title, String description) {
        if (kind == NeedKind.FINANCE) {
            return Uni.createFrom().item(List.of());
        }
        return snapshots.current().map(s -> {
            Index ix = index(s);
            String text = (title == null ? "" : title) + "\n" + (description == null ? "" : description);
            List<NeedApi.ProposedCode> out = new ArrayList<>();
            if (kind == NeedKind.TECH) {
                ix.technologies().propose(text).forEach(p -> out.add(view("TECHNOLOGY", p)));
            }
            ix.products().propose(text).forEach(p -> out.add(view("PRODUCT", p)));
            return List.copyOf(out);
        });
    }

    /** The products a text names, for a snapshot (benchmarks and tests use it directly). */
    public List<CodeProposals.Proposal> products(MatchingSnapshot s, String text) {
        return index(s).products().propose(text);
    }

    private Index index(MatchingSnapshot s) {
        Index ix = index;
        FirmsAndProducts f = s.firms();
        Research r = s.research();
        if (ix != null && ix.productNames() == f.productNames() && ix.techNames() == r.techNames()) {
            return ix;
        }
        Map<String, String> productParent = new HashMap<>();
        f.broader().forEach((code, up) -> {
            if (!up.isEmpty()) {
                productParent.put(code, up.get(0));
            }
        });
        ix = new Index(f.productNames(), r.techNames(),
                new CodeProposals(f.productNames(), f.productKeywords(), productParent),
                new CodeProposals(r.techNames(), r.techKeywords(), r.techParent()));
        index = ix;
        return ix;
    }

    private static NeedApi.ProposedCode view(String type, CodeProposals.Proposal p) {
        return new NeedApi.ProposedCode(type, p.code(), p.name(), p.confidence(), p.matched());
    }
}
