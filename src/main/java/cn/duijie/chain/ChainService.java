package cn.duijie.chain;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import io.smallrye.mutiny.Uni;

/** Chains: the chain map with local coverage and the gaps (强链补链). */
@ApplicationScoped
public class ChainService {

    private final ChainRepository chains;

    ChainService(ChainRepository chains) {
        this.chains = chains;
    }

    public Uni<List<ChainApi.ChainSummary>> list() {
        return chains.list();
    }

    public Uni<ChainApi.ChainView> get(String id, String region) {
        return chains.find(id, blankToNull(region))
                .map(found -> found.orElseThrow(() -> DomainException.notFound(Messages.get("chain.not-found", id))));
    }

    /** Segments and products with fewer than min makers in the region; an unknown chain is a 404, not an empty list. */
    public Uni<List<ChainApi.Gap>> gaps(String id, String region, int min) {
        if (min < 1 || min > 1000) {
            throw DomainException.invalid("min", Messages.get("gaps.min"));
        }
        return chains.exists(id).chain(found -> {
            if (!found) {
                throw DomainException.notFound(Messages.get("chain.not-found", id));
            }
            return chains.gaps(id, blankToNull(region), min);
        });
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
