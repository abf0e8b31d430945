package cn.beian.notification.service;

import cn.beian.contract.privacy.Masking;
import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/** The {@code log} provider, for deployments without SMS: logs the template code and the masked number. */
public class LogSmsProvider implements SmsProvider {

    private static final Logger LOG = Logger.getLogger(LogSmsProvider.class);

    @Override
    public Uni<String> send(String mobile, String templateCode, Map<String, String> params, String text,
            String outId) {
        LOG.infof("SMS %s to %s (out id %s)", templateCode, Masking.mobile(mobile), outId);
        return Uni.createFrom().item("log-" + UUID.randomUUID());
    }
}
