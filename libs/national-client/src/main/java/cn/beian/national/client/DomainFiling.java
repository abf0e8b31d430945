package cn.beian.national.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Which subject and website a domain is filed under. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DomainFiling(String domain, SubjectFiling subject, WebsiteFiling website) {
}
