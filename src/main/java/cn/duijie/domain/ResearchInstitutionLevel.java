package cn.duijie.domain;

/** The highest level of a firm's own or joint R&D institution (研发机构), lowest first. */
public enum ResearchInstitutionLevel {
    NONE, CITY, PROVINCIAL, NATIONAL
}
