package cn.beian.national.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What an approval issued or confirmed: the subject's number and each website's.
 *
 * @param passwordIssued whether the administration issued a filing password (first filing): it sent it to the subject
 *                       principal's mobile and e-mail itself; the provider never learns it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IssuedNumbers(String subjectFilingNumber, List<Website> websites, boolean passwordIssued) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Website(String name, List<String> domains, String websiteFilingNumber, FilingStatus status) {
    }
}
