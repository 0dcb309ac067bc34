package cn.duijie.imports;

import java.util.List;

/**
 * Where the contact columns of enterprises.csv go: accounts and contacts are the account feature's, not the graph's
 * (the same kind of port as {@link NeedRowSink}, so {@code imports} does not depend on {@code account}).
 */
public interface AccountRowSink {

    /** A good firm row's contact, as imported. */
    record ContactRow(String creditCode, String firmName, String regionCode, String contactName, String email, String mobile) {
    }

    /** Creates a LOCKED account with a one-time activation code for each firm that has no account yet; blocking. */
    List<ImportReport.ProvisionedAccount> provision(List<ContactRow> rows, String enteredBy);
}
