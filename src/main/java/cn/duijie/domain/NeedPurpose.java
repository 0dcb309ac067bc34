package cn.duijie.domain;

/**
 * Why a SUPPLY need is posted: an ordinary search for suppliers, or a second source beside the one the poster already
 * depends on (二次寻源, 降低单一来源风险).
 */
public enum NeedPurpose { GENERAL, SECOND_SOURCE }
