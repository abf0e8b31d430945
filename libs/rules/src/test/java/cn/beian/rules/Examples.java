package cn.beian.rules;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.ServiceContent;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.order.FilingType;
import cn.beian.testing.TestClock;
import cn.beian.validators.OrganizationCodes;
import cn.beian.validators.ResidentIdNumbers;
import cn.beian.validators.SocialCreditCodes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the orders of a rule's examples: a plain first filing in the rule's province (a person for person and
 * both rows, an enterprise for unit rows) changed by the example's paths. Values may use expressions, so that no
 * example depends on the day it runs:
 * <ul>
 * <li>{@code ${today}}, {@code ${today+3m}}, {@code ${today-16y+1d}} — a date relative to {@link TestClock#today()}
 * (units d, m, y);</li>
 * <li>{@code ${id:32}} / {@code ${id:320102:today-15y}} — a valid resident ID number with that region (two or six
 * digits) and birth date (default: 30 years ago);</li>
 * <li>{@code ${uscc:32}} — a valid unified social credit code registered in that province.</li>
 * </ul>
 * Paths: {@code order.subject.principal.mobile}, {@code order.websites[0].domains[1]},
 * {@code facts.domains["example.cn"].registrantName}; a missing object or list element is created.
 */
final class Examples {

    /** An order and the facts it is judged with. */
    record Case(OrderDocument order, Facts facts) {
    }

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Pattern EXPR = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern DATE = Pattern.compile("today((?:[+-]\\d+[dmy])*)");
    private static final Pattern STEP = Pattern.compile("([+-])(\\d+)([dmy])");
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[]+)|\\[(\\d+)]|\\[\"([^\"]+)\"]");

    private Examples() {
    }

    /** The base case for a rule: its province (Beijing for a rule of every province), the nature its row concerns. */
    static Case base(Rule rule) {
        Province province = rule.provinces().isEmpty() ? Province.BEIJING
                : rule.provinces().stream().sorted().findFirst().orElseThrow();
        boolean unit = rule.appliesTo() == AppliesTo.UNIT;
        FilingType type = rule.filingTypes().isEmpty() || rule.filingTypes().contains(FilingType.FIRST_FILING)
                ? FilingType.FIRST_FILING : rule.filingTypes().stream().sorted().findFirst().orElseThrow();
        return new Case(new OrderDocument(type, null, subject(province, unit), List.of(website(province)),
                List.of(), null), new Facts(TestClock.today(), Map.of(), null, null, null, null));
    }

    static OrderDocument.Subject subject(Province p, boolean unit) {
        String id = residentId(p.code() + "0102", TestClock.today().minusYears(30));
        OrderDocument.Person principal = new OrderDocument.Person("张三", CertificateType.RESIDENT_ID, id,
                TestClock.today().plusYears(10), "13800000013", null, "zhangsan@example.cn");
        if (!unit) {
            return new OrderDocument.Subject(SubjectNature.PERSON, p, null, null, "张三", CertificateType.RESIDENT_ID,
                    id, TestClock.today().plusYears(10), p.chineseName() + "某路1号101室",
                    p.chineseName() + "某路1号101室", null, null, false, null, false, principal, null);
        }
        return new OrderDocument.Subject(SubjectNature.ENTERPRISE, p, null, null, p.chineseName() + "某某科技有限公司",
                CertificateType.BUSINESS_LICENSE, uscc(p.code()), null, p.chineseName() + "某路1号",
                p.chineseName() + "某路1号", p.chineseName() + "某某科技有限公司", null, false, null, false, principal,
                principal);
    }

    static OrderDocument.Website website(Province p) {
        return new OrderDocument.Website("某某的网站", List.of("example.cn"), List.of("http://www.example.cn"),
                ServiceContent.OTHER, List.of(), List.of(), List.of("zh-CN"), null, true, null, null);
    }

    /** The base case with the example's changes. */
    static Case apply(Case base, Map<String, Object> changes) {
        ObjectNode tree = JSON.valueToTree(base);
        for (Map.Entry<String, Object> c : changes.entrySet()) {
            set(tree, c.getKey(), JSON.valueToTree(expand(c.getValue())));
        }
        try {
            return JSON.treeToValue(tree, Case.class);
        } catch (Exception e) {
            throw new IllegalArgumentException("example does not fit the order's shape: " + changes, e);
        }
    }

    private static Object expand(Object value) {
        if (value instanceof String s) {
            Matcher m = EXPR.matcher(s);
            if (m.matches()) {
                return evaluate(m.group(1));
            }
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(evaluate(m.group(1))));
            }
            m.appendTail(out);
            return out.toString();
        }
        if (value instanceof List<?> l) {
            return l.stream().map(Examples::expand).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, expand(v)));
            return out;
        }
        return value;
    }

    private static String evaluate(String expr) {
        String[] parts = expr.split(":");
        return switch (parts[0]) {
            case "id" -> residentId(parts[1].length() == 2 ? parts[1] + "0102" : parts[1],
                    parts.length > 2 ? date(parts[2]) : TestClock.today().minusYears(30));
            case "uscc" -> uscc(parts[1]);
            default -> date(expr).toString();
        };
    }

    static LocalDate date(String expr) {
        Matcher m = DATE.matcher(expr.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a date expression: " + expr);
        }
        LocalDate d = TestClock.today();
        Matcher step = STEP.matcher(m.group(1));
        while (step.find()) {
            long n = Long.parseLong(step.group(2)) * ("-".equals(step.group(1)) ? -1 : 1);
            d = switch (step.group(3)) {
                case "d" -> d.plusDays(n);
                case "m" -> d.plusMonths(n);
                default -> d.plusYears(n);
            };
        }
        return d;
    }

    static String residentId(String region6, LocalDate born) {
        String first17 = region6 + born.format(DateTimeFormatter.BASIC_ISO_DATE) + "123";
        return first17 + ResidentIdNumbers.checkDigit(first17);
    }

    static String uscc(String province2) {
        // 2 + 6 region + 9 organization code (8 + its own check character): 17, then the code's check character.
        String org8 = "MA012345";
        String first17 = "91" + province2 + "0102" + org8 + OrganizationCodes.checkChar(org8);
        return first17 + SocialCreditCodes.checkChar(first17);
    }

    private static void set(ObjectNode root, String path, JsonNode value) {
        List<Object> segments = new ArrayList<>();
        Matcher m = SEGMENT.matcher(path);
        int at = 0;
        while (m.find()) {
            if (m.start() != at && path.charAt(at) != '.') {
                throw new IllegalArgumentException("bad path " + path);
            }
            segments.add(m.group(2) != null ? (Object) Integer.valueOf(m.group(2))
                    : m.group(1) != null ? m.group(1) : m.group(3));
            at = m.end();
        }
        JsonNode node = root;
        for (int i = 0; i < segments.size(); i++) {
            Object seg = segments.get(i);
            boolean last = i == segments.size() - 1;
            Object next = last ? null : segments.get(i + 1);
            if (seg instanceof Integer index) {
                ArrayNode array = (ArrayNode) node;
                while (array.size() <= index) {
                    array.add(array.size() > 0 ? array.get(array.size() - 1).deepCopy() : JSON.createObjectNode());
                }
                if (last) {
                    array.set(index, value);
                } else {
                    node = ensure(array.get(index), next, n -> array.set(index, n));
                }
            } else {
                ObjectNode object = (ObjectNode) node;
                String key = (String) seg;
                if (last) {
                    object.set(key, value);
                } else {
                    node = ensure(object.get(key), next, n -> object.set(key, n));
                }
            }
        }
    }

    private static JsonNode ensure(JsonNode existing, Object next, java.util.function.Consumer<JsonNode> put) {
        boolean wantArray = next instanceof Integer;
        if (existing == null || existing.isNull() || (wantArray ? !existing.isArray() : !existing.isObject())) {
            JsonNode created = wantArray ? JSON.createArrayNode() : JSON.createObjectNode();
            put.accept(created);
            return created;
        }
        return existing;
    }
}
