package cn.duijie.domain;

/** Where a chain segment sits in the value flow (环节位置). */
public enum Stage { UPSTREAM, MIDSTREAM, DOWNSTREAM }
