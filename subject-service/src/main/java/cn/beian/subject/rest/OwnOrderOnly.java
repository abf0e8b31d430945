package cn.beian.subject.rest;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code {orderId}} of this endpoint must be the caller's own order (or the caller staff), checked before the
 * endpoint runs: a stream's headers go out before its first item, too late for a 404.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface OwnOrderOnly {
}
