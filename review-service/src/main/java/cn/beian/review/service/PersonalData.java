package cn.beian.review.service;

import cn.beian.contract.privacy.Masking;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Least privilege for staff (issue 17 §5): the personal data in a case's snapshot — certificate numbers, phones,
 * e-mails, people's names and a person's addresses — is shown in full only to the reviewer holding the case's live
 * claim, and masked ({@link Masking}) for everyone else. The document keeps its shape, so every field key a
 * rejection reason may name is still there.
 */
public final class PersonalData {

    private static final Set<String> PHONES = Set.of("mobile", "officePhone", "phone", "emergencyPhone");
    private static final Set<String> PEOPLE = Set.of("principal", "emergencyContact", "person");
    private static final Set<String> ADDRESSES = Set.of("certificateAddress", "communicationAddress");

    private PersonalData() {
    }

    /** A masked copy of {@code snapshot} (the original is not changed). */
    public static ObjectNode masked(ObjectNode snapshot) {
        ObjectNode copy = snapshot.deepCopy();
        mask(copy, false);
        JsonNode subject = copy.path("subject");
        boolean person = subject instanceof ObjectNode && "PERSON".equals(subject.path("nature").asText());
        if (person) {
            // A person's subject name and addresses are theirs; a unit's are public.
            maskText((ObjectNode) subject, "name", Masking::personName);
            ADDRESSES.forEach(a -> maskText((ObjectNode) subject, a, PersonalData::address));
        }
        maskChanges(copy.path("changes"), person);
        return copy;
    }

    /**
     * A change order's diff ({@code changes[]}: field, before, after): its owners masked certificate numbers, phones and
     * e-mails already; people's names, and a person's own name and addresses, are masked here as in the document.
     */
    private static void maskChanges(JsonNode changes, boolean person) {
        for (JsonNode c : changes) {
            if (!(c instanceof ObjectNode change)) {
                continue;
            }
            String field = change.path("field").asText("");
            String leaf = field.substring(field.lastIndexOf('.') + 1);
            boolean personName = field.endsWith("principal.name") || field.endsWith("legalPerson.name")
                    || person && field.equals("subject.name");
            boolean address = person && ADDRESSES.stream().anyMatch(a -> field.equals("subject." + a));
            if (personName || address || leaf.endsWith("ertificateNumber") || PHONES.contains(leaf)
                    || leaf.equals("email")) {
                for (String side : new String[] {"before", "after"}) {
                    maskText(change, side, personName ? Masking::personName
                            : address ? PersonalData::address
                            : leaf.endsWith("ertificateNumber") ? PersonalData::certificate
                            : leaf.equals("email") ? Masking::email : Masking::mobile);
                }
            }
        }
    }

    /** A certificate number the owner may already have masked stays as it is. */
    private static String certificate(String value) {
        return value.contains("*") ? value : Masking.certificateNumber(value);
    }

    private static void mask(JsonNode node, boolean person) {
        if (node instanceof ArrayNode array) {
            array.forEach(item -> mask(item, person));
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (value.isTextual()) {
                String text = value.asText();
                if (key.endsWith("ertificateNumber")) {
                    field.setValue(object.textNode(Masking.certificateNumber(text)));
                } else if (PHONES.contains(key)) {
                    field.setValue(object.textNode(Masking.mobile(text)));
                } else if (key.equals("email") || key.endsWith("Email")) {
                    field.setValue(object.textNode(Masking.email(text)));
                } else if (person && key.equals("name")) {
                    field.setValue(object.textNode(Masking.personName(text)));
                }
            } else {
                mask(value, PEOPLE.contains(key));
            }
        }
    }

    private static void maskText(ObjectNode node, String field, java.util.function.UnaryOperator<String> masking) {
        JsonNode v = node.get(field);
        if (v != null && v.isTextual()) {
            node.put(field, masking.apply(v.asText()));
        }
    }

    /** The first six characters (province and city, typically) stay. */
    static String address(String value) {
        if (value == null || value.codePointCount(0, value.length()) <= 6) {
            return value == null ? null : "***";
        }
        return value.substring(0, value.offsetByCodePoints(0, 6)) + "***";
    }
}
