package cn.beian.platform.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One page of a list: {@code items} and, where more follow, the opaque {@code nextCursor} to pass back as
 * {@code ?cursor=}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(List<T> items, String nextCursor) {
}
