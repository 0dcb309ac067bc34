package cn.duijie.investor;

import jakarta.enterprise.context.ApplicationScoped;

import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import cn.duijie.common.Page;
import io.smallrye.mutiny.Uni;

/** Browsing funds and bank products (投融资对接 supply side). */
@ApplicationScoped
public class FundService {

    private final FundRepository funds;

    FundService(FundRepository funds) {
        this.funds = funds;
    }

    public Uni<Page<FundApi.Fund>> list(FundApi.FundFilter filter, int page, int size) {
        String chain = filter.chain() == null || filter.chain().isBlank() ? null : filter.chain().strip();
        String investor = filter.investor() == null || filter.investor().isBlank() ? null : filter.investor().strip();
        return funds.list(new FundApi.FundFilter(chain, filter.stage(), filter.instrument(), filter.investorKind(), investor), page, size);
    }

    public Uni<FundApi.Fund> get(String id) {
        return funds.find(id).map(found -> found.orElseThrow(() -> DomainException.notFound(Messages.get("fund.not-found", id))));
    }
}
