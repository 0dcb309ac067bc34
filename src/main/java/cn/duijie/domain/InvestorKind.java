package cn.duijie.domain;

/** Venture capital, private equity, government guidance fund (政府引导基金), bank. */
public enum InvestorKind { VC, PE, GUIDANCE_FUND, BANK }
