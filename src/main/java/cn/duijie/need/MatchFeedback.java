package cn.duijie.need;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.duijie.domain.CandidateType;

/** One action a person took on a recommended candidate for a need. */
@Entity
@Table(name = "match_feedback")
public class MatchFeedback {

    public enum Action { SHORTLIST, DISMISS, CONTACT_REQUESTED, MET, DEAL }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "need_id")
    public String needId;
    @Column(name = "candidate_type")
    @Enumerated(EnumType.STRING)
    public CandidateType candidateType;
    @Column(name = "candidate_id")
    public String candidateId;
    @Enumerated(EnumType.STRING)
    public Action action;
    public String actor;
    /** The account that recorded it (the poster's login or a bureau clerk). */
    @Column(name = "entered_by")
    public String enteredBy;
    public String note;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
