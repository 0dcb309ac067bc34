package cn.duijie.domain;

/** A need's lifecycle: DRAFT → OPEN → FULFILLED | WITHDRAWN | EXPIRED; an expired need may be renewed. */
public enum NeedStatus {
    DRAFT, OPEN, FULFILLED, WITHDRAWN, EXPIRED;

    /** Whether a person may move a need from this status to next (EXPIRED is set by the clock only). */
    public boolean canBecome(NeedStatus next) {
        return switch (this) {
            case DRAFT -> next == OPEN || next == WITHDRAWN;
            case OPEN -> next == FULFILLED || next == WITHDRAWN;
            case EXPIRED -> next == OPEN || next == WITHDRAWN;
            case FULFILLED, WITHDRAWN -> false;
        };
    }

    /** FULFILLED and WITHDRAWN are final: nothing about the need changes any more. */
    public boolean isClosed() {
        return this == FULFILLED || this == WITHDRAWN;
    }
}
