package cn.duijie.resilience;

import cn.duijie.common.Messages;

/**
 * The supply-risk grades of one bought product (强链补链), as codes a script reads; {@link #label()} is the Chinese
 * name a person reads (the reason itself says why, per row).
 */
public enum RiskCode {
    /** Exactly one supplier of the product. */
    SINGLE_SOURCE,
    /** Two or more suppliers, all in one city. */
    ONE_CITY,
    /** No firm in the buyer's city makes the product (or a narrower one). */
    NO_LOCAL_MAKER,
    /** The suppliers' shares by volume are highly concentrated (HHI at or above the threshold). */
    CONCENTRATED,
    /** Wanted (an open SUPPLY need) but no supplier recorded yet. */
    NO_SUPPLIER;

    public String label() {
        return Messages.get("risk.label." + name());
    }
}
