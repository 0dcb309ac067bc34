package cn.duijie.domain;

/** 高校, 科研院所, 实验室. */
public enum InstitutionKind { UNIVERSITY, INSTITUTE, LAB }
