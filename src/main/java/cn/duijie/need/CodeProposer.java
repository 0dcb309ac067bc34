package cn.duijie.need;

import java.util.List;

import cn.duijie.domain.NeedKind;
import io.smallrye.mutiny.Uni;

/**
 * Proposes the products and technologies a need written in words names (its title and description), best first with
 * confidence: SUPPLY needs get products, TECH needs technologies and products, FINANCE nothing. The needs feature asks
 * through this port; matching answers from its snapshot of the product and technology trees
 * ({@code cn.duijie.matching.NeedCodeProposer}).
 */
public interface CodeProposer {

    Uni<List<NeedApi.ProposedCode>> propose(NeedKind kind, String title, String description);
}
