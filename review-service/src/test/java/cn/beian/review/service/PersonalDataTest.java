package cn.beian.review.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** A change order's diff in a masked case document: people's data masked as in the rest of the document. */
class PersonalDataTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aChangesPersonalDataIsMaskedForStaffWithoutTheClaim() throws Exception {
        ObjectNode doc = (ObjectNode) mapper.readTree("""
                {"type":"CHANGE","subject":{"nature":"PERSON","name":"张三"},"changeKind":"SUBJECT","changes":[
                 {"field":"subject.communicationAddress","before":"北京市海淀区中关村大街1号101室","after":"北京市朝阳区建国路88号"},
                 {"field":"subject.principal.name","before":"张三","after":"李四"},
                 {"field":"subject.principal.mobile","before":"138****0013","after":"139****0019"},
                 {"field":"subject.remarks","before":null,"after":"无"}]}""");
        ObjectNode masked = PersonalData.masked(doc);
        assertEquals("北京市海淀区***", masked.at("/changes/0/before").asText());
        assertEquals("北京市朝阳区***", masked.at("/changes/0/after").asText());
        assertEquals("张*", masked.at("/changes/1/before").asText());
        assertEquals("李*", masked.at("/changes/1/after").asText());
        assertEquals("139****0019", masked.at("/changes/2/after").asText(), "masked by its owner already, kept");
        assertEquals("无", masked.at("/changes/3/after").asText(), "not personal");
        assertEquals("北京市海淀区中关村大街1号101室", doc.at("/changes/0/before").asText(), "the original is kept");
    }
}
