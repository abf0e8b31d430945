package cn.beian.materials.domain;

/** A material row's life: an upload intent, then the stored file. */
public enum MaterialStatus {
    /** Written before the object is put; invisible to readers; completed or swept (with its object). */
    PENDING,
    /** The object is stored and its metadata complete. */
    STORED
}
