package cn.duijie.domain;

/** GB/T 2260 levels of an administrative region. */
public enum RegionLevel { PROVINCE, CITY, DISTRICT }
