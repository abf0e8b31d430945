package cn.beian.national.client;

/** How the certificate number a lookup was made with matched the registry's record. */
public enum CertificateMatch {
    /** The record holds the same number. */
    EXACT,
    /**
     * The record holds the old-style number (15-digit resident ID, 9-character organization code) of the new-style
     * number asked for: the filing must be changed to the new number before anything new is filed under it.
     */
    OLD_STYLE_NUMBER_ON_RECORD
}
