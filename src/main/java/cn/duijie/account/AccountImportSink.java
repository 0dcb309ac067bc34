package cn.duijie.account;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cn.duijie.common.Actor;
import cn.duijie.contact.ContactService;
import cn.duijie.imports.AccountRowSink;
import cn.duijie.imports.ImportReport;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Accounts for firms a clerk imports with a contact e-mail or mobile (the plans' 定期征集: the bureau holds the list of
 * firms; the firms should get in without the clerk choosing their passwords). Each firm without an account gets a
 * LOCKED one — username its credit code in lower case — with a one-time activation code, kept only as a BCrypt hash;
 * the code goes to the clerk in the import report, the firm spends it at POST /api/v1/auth/activate. The contact
 * itself is stored as the firm's contact details unless the firm has entered its own.
 */
@ApplicationScoped
public class AccountImportSink implements AccountRowSink {

    static final int CODE_LENGTH = 10;

    private final AccountRepository accounts;
    private final ContactService contacts;

    AccountImportSink(AccountRepository accounts, ContactService contacts) {
        this.accounts = accounts;
        this.contacts = contacts;
    }

    @Override
    public List<ImportReport.ProvisionedAccount> provision(List<ContactRow> rows, String enteredBy) {
        List<ImportReport.ProvisionedAccount> out = new ArrayList<>();
        for (ContactRow row : rows) {
            Actor party = new Actor(Actor.Type.ENTERPRISE, row.creditCode());
            try {
                VertxContextSupport.subscribeAndAwait(() -> contacts.importIfAbsent(party, row.contactName(), row.mobile(),
                        row.email(), enteredBy));
            } catch (Throwable e) {
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
            if (!accounts.list(Role.ENTERPRISE, null, row.creditCode(), 0, 1).isEmpty()) {
                continue; // the firm has an account already: nothing to hand over
            }
            String username = row.creditCode().toLowerCase();
            String code = Passwords.random(CODE_LENGTH);
            String display = row.contactName() == null ? row.firmName() : row.firmName() + " " + row.contactName();
            Account a = new Account(username, null, display.length() > 100 ? display.substring(0, 100) : display,
                    Role.ENTERPRISE, row.creditCode(), row.regionCode(), null, Account.Status.LOCKED,
                    Passwords.hash(code), enteredBy, null, null);
            if (accounts.insert(a)) {
                String contact = String.join(" ", java.util.stream.Stream.of(row.contactName(), row.mobile(), row.email())
                        .filter(java.util.Objects::nonNull).toList());
                out.add(new ImportReport.ProvisionedAccount(row.creditCode(), username, code, contact));
            }
        }
        return out;
    }
}
