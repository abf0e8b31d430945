package cn.beian.rules;

import cn.beian.contract.domain.SubjectNature;

/** Whom a row concerns: persons, units (every nature but {@link SubjectNature#PERSON}), or both. */
public enum AppliesTo {
    PERSON, UNIT, BOTH;

    public boolean to(SubjectNature nature) {
        return this == BOTH || (nature != null && (this == UNIT) == nature.isUnit());
    }
}
