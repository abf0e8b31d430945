package cn.beian.national.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A page of the feed.
 *
 * @param cursor the position to pass as {@code after} next time: the last entry's, or the one asked with when the
 *               page is empty
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedPage(List<FeedEntry> entries, long cursor) {
}
