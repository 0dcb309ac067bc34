package cn.duijie.event;

/** The closed vocabularies of events; stored and sent as their names. */
public final class EventEnums {
    private EventEnums() {
    }

    public enum EventKind { SUPPLY_FAIR, TECH_FAIR, ROADSHOW }

    public enum ParticipantRole { HOST, GUEST }

    public enum ParticipantStatus {
        INVITED, REGISTERED, CHECKED_IN, NO_SHOW;

        /** INVITED → REGISTERED → CHECKED_IN | NO_SHOW. */
        public boolean canBecome(ParticipantStatus next) {
            return switch (this) {
                case INVITED -> next == REGISTERED;
                case REGISTERED -> next == CHECKED_IN || next == NO_SHOW;
                default -> false;
            };
        }
    }

    public enum RequestStatus { PENDING, ACCEPTED, DECLINED, CONFIRMED }

    public enum MeetingStatus { DRAFT, PUBLISHED }

    public enum ScheduleStatus { NONE, DRAFT, PUBLISHED }

    public enum OutcomeKind { CHECKED_IN, NO_SHOW, INTENT, CONTRACT }
}
