package cn.beian.review.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The field keys a rejection reason may name: every path in the case's snapshot document, in the snapshot's terms
 * ({@code subject.principal.mobile}, {@code websites[0].domains[1]}, {@code materials[2]}). Photo cases may also name
 * each website principal's curtain photo ({@code websites[0].principal.curtainPhoto}).
 */
public final class SnapshotFields {

    private SnapshotFields() {
    }

    public static Set<String> of(JsonNode document, boolean photo) {
        Set<String> keys = new LinkedHashSet<>();
        collect(document, "", keys);
        if (photo) {
            JsonNode websites = document.path("websites");
            for (int i = 0; i < websites.size(); i++) {
                keys.add("websites[" + i + "].principal.curtainPhoto");
            }
        }
        return keys;
    }

    private static void collect(JsonNode node, String path, Set<String> keys) {
        if (!path.isEmpty()) {
            keys.add(path);
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                collect(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), keys);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", keys);
            }
        }
    }
}
