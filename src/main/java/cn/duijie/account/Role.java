package cn.duijie.account;

/** What an account is: the kind of party it acts for, or bureau staff, or the operator. */
public enum Role {
    /** A firm, bound to its credit code. */
    ENTERPRISE,
    /** A university, institute or lab, bound to its institution id. */
    INSTITUTION,
    /** An investor, bound to its investor id; acts for the funds it manages. */
    INVESTOR,
    /** Bureau staff of a region (and the regions below it) and a department. */
    BUREAU,
    /** Operator: may do everything. */
    ADMIN
}
