package cn.beian.national.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Domain name normalisation: lower case, no trailing dot, no scheme or path. */
public final class Domains {

    private Domains() {
    }

    public static String normalize(String domain) {
        String d = domain.strip().toLowerCase(Locale.ROOT);
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        return d;
    }

    /** The domain and its parents down to two labels: {@code www.a.example.cn}, {@code a.example.cn}, {@code example.cn}. */
    public static List<String> selfAndParents(String domain) {
        List<String> out = new ArrayList<>();
        String d = normalize(domain);
        out.add(d);
        int dot;
        while ((dot = d.indexOf('.')) > 0 && d.indexOf('.', dot + 1) > 0) {
            d = d.substring(dot + 1);
            out.add(d);
        }
        return out;
    }

    /** Mobiles are kept as 11 digits. */
    public static String normalizeMobile(String mobile) {
        String m = mobile.strip().replace(" ", "");
        if (m.startsWith("+86")) {
            return m.substring(3);
        }
        if (m.startsWith("0086")) {
            return m.substring(4);
        }
        return m;
    }
}
