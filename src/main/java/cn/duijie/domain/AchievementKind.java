package cn.duijie.domain;

/** What a research achievement (科技成果) is. */
public enum AchievementKind { PATENT, PROTOTYPE, SOFTWARE, PROCESS }
