package cn.duijie.web;

import java.util.List;

/**
 * What the layout of every page needs: the page title, which menu entry is active, who is logged in (null when
 * nobody) and the menu for that role.
 */
public record Frame(String title, String active, WebUser user, List<Menu.Item> menu) {

    public static Frame of(String title, String active, WebUser user) {
        return new Frame(title, active, user, Menu.forRole(user == null ? null : user.role()));
    }

    public boolean loggedIn() {
        return user != null;
    }
}
