package cn.duijie.web;

import cn.duijie.common.Page;

/** A page of any list with what its pager needs. */
public record Paged<T>(Page<T> page) {

    public boolean hasPrevious() {
        return page.page() > 0;
    }

    public boolean hasNext() {
        return (long) (page.page() + 1) * page.size() < page.total();
    }

    public boolean several() {
        return hasPrevious() || hasNext();
    }

    public int previous() {
        return page.page() - 1;
    }

    public int next() {
        return page.page() + 1;
    }
}
