package cn.duijie.need;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One action a person took on a recommended candidate for a need. */
@Entity
@Table(name = "match_feedback")
public class MatchFeedback extends PanacheEntityBase {

    public enum Action { SHORTLIST, DISMISS, CONTACT_REQUESTED, MET, DEAL }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "need_id")
    public String needId;
    @Column(name = "candidate_type")
    public String candidateType;
    @Column(name = "candidate_id")
    public String candidateId;
    public String action;
    public String actor;
    /** The account that recorded it (the poster's login or a bureau clerk). */
    @jakarta.persistence.Column(name = "entered_by")
    public String enteredBy;
    public String note;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
