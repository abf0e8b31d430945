package cn.beian.national.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;

/**
 * A website filed in the national registry.
 *
 * @param provider  the access provider serving it (absent for an empty shell)
 * @param heldHere  whether that provider is the caller
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebsiteFiling(
        String websiteFilingNumber,
        String name,
        FilingStatus status,
        String provider,
        boolean heldHere,
        List<String> domains,
        String principalName,
        LocalDate filedOn) {
}
