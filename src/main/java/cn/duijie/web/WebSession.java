package cn.duijie.web;

import jakarta.enterprise.context.ApplicationScoped;

/** Who is logged in, for pages. Nobody until form login exists (accounts, issue 12). */
@ApplicationScoped
public class WebSession {

    public WebUser user() {
        return null;
    }
}
