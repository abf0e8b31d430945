package cn.beian.rules;

/** How a catalogue row is satisfied (docs/province-rules.md → Kinds). */
public enum Kind {
    /** Software decides it from the order and the facts. */
    MACHINE,
    /** A document the applicant uploads, or how it is prepared. */
    MATERIAL,
    /** Only a reviewer or the administration can judge it. */
    HUMAN
}
