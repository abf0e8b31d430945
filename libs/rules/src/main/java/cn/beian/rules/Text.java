package cn.beian.rules;

import java.util.Map;

/** Words in both languages the platform answers in; English falls back to Chinese when missing. */
public record Text(String zh, String en) {

    public String in(boolean english) {
        return english && en != null && !en.isBlank() ? en : zh;
    }

    /** The text with each {@code {name}} replaced by its argument. */
    public String in(boolean english, Map<String, String> args) {
        String s = in(english);
        if (s == null || args.isEmpty()) {
            return s;
        }
        for (Map.Entry<String, String> a : args.entrySet()) {
            s = s.replace("{" + a.getKey() + "}", a.getValue() == null ? "" : a.getValue());
        }
        return s;
    }
}
