package cn.duijie.domain;

/** The three kinds of pairing: 产需对接, 产学研, 投融资对接. */
public enum NeedKind { SUPPLY, TECH, FINANCE }
