package cn.duijie.account;

import jakarta.enterprise.context.RequestScoped;

/** The caller of the current request, set by {@link AccessFilter} before the resource runs. */
@RequestScoped
public class CurrentCaller {

    private Caller caller = Caller.ANONYMOUS;

    public Caller get() {
        return caller;
    }

    void set(Caller caller) {
        this.caller = caller;
    }
}
