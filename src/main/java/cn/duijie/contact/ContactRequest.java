package cn.duijie.contact;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One party asking another to exchange contact details (对接), optionally about a need. */
@Entity
@Table(name = "contact_request")
public class ContactRequest {

    public enum Status { PENDING, ACCEPTED, DECLINED, WITHDRAWN }

    @Id
    public UUID id;
    @Column(name = "from_party")
    public String fromParty;
    @Column(name = "to_party")
    public String toParty;
    @Column(name = "need_id")
    public String needId;
    public String note;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
}
