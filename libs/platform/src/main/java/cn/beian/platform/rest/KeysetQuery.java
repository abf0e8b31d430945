package cn.beian.platform.rest;

import io.quarkus.panache.common.Parameters;

/**
 * The Panache query behind a cursor-paged list: optional equality filters, then "after the cursor" in
 * ({@code timeField}, id) order. Entities need a UUID {@code id}.
 *
 * <pre>{@code
 * KeysetQuery k = new KeysetQuery("createdAt").where("accountId", accountId).after(cursor);
 * return find(k.query(), k.parameters()).range(0, limit - 1).list();
 * }</pre>
 */
public final class KeysetQuery {

    private final String timeField;
    private final StringBuilder where = new StringBuilder("1 = 1");
    private final Parameters parameters = new Parameters();
    private int filters;
    private boolean newestFirst;

    public KeysetQuery(String timeField) {
        this.timeField = timeField;
    }

    /** Adds {@code field = value}; a {@code null} value means no filter. */
    public KeysetQuery where(String field, Object value) {
        if (value != null) {
            String name = "f" + filters++;
            where.append(" and ").append(field).append(" = :").append(name);
            parameters.and(name, value);
        }
        return this;
    }

    /** Newest first (descending), for lists whose readers want the latest: the cursor then walks back in time. */
    public KeysetQuery newestFirst() {
        newestFirst = true;
        return this;
    }

    /** Starts after {@code cursor}; {@code null} means the first page. */
    public KeysetQuery after(Cursor cursor) {
        if (cursor != null) {
            String beyond = newestFirst ? " < " : " > ";
            where.append(" and (").append(timeField).append(beyond).append(":at or (").append(timeField)
                    .append(" = :at and cast(id as string)").append(beyond).append(":id))");
            parameters.and("at", cursor.at()).and("id", cursor.id());
        }
        return this;
    }

    public String query() {
        String direction = newestFirst ? " desc" : "";
        return where + " order by " + timeField + direction + ", cast(id as string)" + direction;
    }

    public Parameters parameters() {
        return parameters;
    }
}
