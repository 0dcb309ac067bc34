package cn.duijie.contact;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** The audit of every showing of a party's details (table contact_reveal); written only. */
@ApplicationScoped
public class ContactRevealRepository implements PanacheRepositoryBase<ContactReveal, Long> {
}
