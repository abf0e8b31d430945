package cn.beian.notification.service;

import io.smallrye.mutiny.Uni;
import java.util.Map;

/**
 * An SMS provider as Chinese providers work: a registered signature and template code with parameters, one
 * number per call here. {@code outId} (the delivery id) lets the provider's receipts be matched. Answers the
 * provider's message id; fails with {@link SendFailure}.
 */
public interface SmsProvider {

    Uni<String> send(String mobile, String templateCode, Map<String, String> params, String text, String outId);
}
