package cn.duijie.contact;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Audit: one showing of a party's contact details to an account. */
@Entity
@Table(name = "contact_reveal")
public class ContactReveal {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String viewer;
    @Column(name = "viewer_party")
    public String viewerParty;
    public String party;
    @Column(name = "request_id")
    public UUID requestId;
    @Column(name = "revealed_at")
    public OffsetDateTime revealedAt;
}
