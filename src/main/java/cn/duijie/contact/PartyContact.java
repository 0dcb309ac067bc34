package cn.duijie.contact;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A party's contact details; shown to another party only through an accepted {@link ContactRequest}. */
@Entity
@Table(name = "party_contact")
public class PartyContact {
    /** "ENTERPRISE:9132…" (Actor label). */
    @Id
    public String party;
    public String name;
    public String mobile;
    public String email;
    public String phone;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
