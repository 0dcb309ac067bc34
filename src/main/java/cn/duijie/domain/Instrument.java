package cn.duijie.domain;

/** How money is provided: equity, loan, IP-pledge loan (知识产权质押), convertible. */
public enum Instrument { EQUITY, DEBT, IP_PLEDGE, CONVERTIBLE }
