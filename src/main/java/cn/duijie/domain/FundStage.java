package cn.duijie.domain;

/** The financing stage a fund invests in or a FINANCE need asks for. */
public enum FundStage { SEED, ANGEL, A, B, C, PRE_IPO, DEBT }
