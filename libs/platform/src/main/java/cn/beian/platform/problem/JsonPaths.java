package cn.beian.platform.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.List;

/** Renders the location of a bad value as the request's JSON path: {@code websites[1].domains[0]}. */
final class JsonPaths {

    private JsonPaths() {
    }

    /** A Bean Validation path without its method and body-parameter nodes. */
    static String of(Path path) {
        StringBuilder out = new StringBuilder();
        String lastParameter = null;
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.RETURN_VALUE
                    || kind == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                lastParameter = node.getName();
                continue;
            }
            if (node.isInIterable()) {
                out.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(name);
            }
        }
        // A violation on a query or path parameter itself: name the parameter.
        return out.isEmpty() && lastParameter != null ? lastParameter : out.toString();
    }

    /** The path of the parser's current place. */
    static String of(com.fasterxml.jackson.core.JsonStreamContext context) {
        StringBuilder out = new StringBuilder();
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (var c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.addFirst((c.getParent() != null && c.getParent().inRoot() ? "" : ".") + c.getCurrentName());
            } else if (c.inArray()) {
                parts.addFirst("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            }
        }
        parts.forEach(out::append);
        return out.isEmpty() ? "$" : out.toString();
    }

    /** The path of a Jackson mapping failure. */
    static String of(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
