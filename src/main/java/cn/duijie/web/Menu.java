package cn.duijie.web;

import java.util.List;
import java.util.Set;

/**
 * The navigation of every page, per role. One line per page: a feature adds its page here.
 */
public final class Menu {

    /** A menu entry: message key of its label, where it goes, and which roles see it (empty: everyone). */
    public record Item(String id, String labelKey, String href, Set<String> roles) {
        boolean visibleTo(String role) {
            return roles.isEmpty() || (role != null && roles.contains(role));
        }
    }

    static final String ENTERPRISE = "ENTERPRISE";
    static final String INSTITUTION = "INSTITUTION";
    static final String INVESTOR = "INVESTOR";
    static final String BUREAU = "BUREAU";
    static final String ADMIN = "ADMIN";

    private static final List<Item> ITEMS = List.of(
            new Item("home", "web.nav.home", "/home", Set.of(ENTERPRISE, INSTITUTION, INVESTOR, BUREAU, ADMIN)),
            new Item("contacts", "web.nav.contacts", "/contacts", Set.of(ENTERPRISE, INSTITUTION, INVESTOR)),
            new Item("profile", "web.nav.profile", "/profile", Set.of(ENTERPRISE)),
            new Item("chains", "web.nav.chains", "/chains", Set.of()),
            new Item("firms", "web.nav.firms", "/firms", Set.of()),
            new Item("needs", "web.nav.needs", "/bureau#needs", Set.of(BUREAU, ADMIN)),
            new Item("imports", "web.nav.imports", "/bureau/imports", Set.of(BUREAU, ADMIN)),
            new Item("events", "web.nav.events", "/bureau/events", Set.of(BUREAU, ADMIN)),
            new Item("cultivation", "web.nav.cultivation", "/bureau/cultivation", Set.of(BUREAU, ADMIN)),
            new Item("resilience", "web.nav.resilience", "/bureau/what-if", Set.of(BUREAU, ADMIN))
    );

    private Menu() {
    }

    static List<Item> forRole(String role) {
        return ITEMS.stream().filter(i -> i.visibleTo(role)).toList();
    }
}
