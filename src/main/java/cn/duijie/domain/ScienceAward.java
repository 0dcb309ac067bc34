package cn.duijie.domain;

/** A science and technology award of the last three years, ranked high enough to count (科技奖励), lowest first. */
public enum ScienceAward {
    NONE, PROVINCIAL, NATIONAL
}
