package cn.beian.notification.config;

import cn.beian.notification.service.HttpSmsProvider;
import cn.beian.notification.service.LogSmsProvider;
import cn.beian.notification.service.SmsApi;
import cn.beian.notification.service.SmsProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Chooses the SMS provider by configuration ({@code beian.notification.sms.provider}). */
public class SmsProviderProducer {

    @Produces
    @ApplicationScoped
    SmsProvider provider(NotificationConfig config, @RestClient SmsApi api) {
        return switch (config.sms().provider()) {
            case "dysms-http" -> new HttpSmsProvider(api, config);
            case "log" -> new LogSmsProvider();
            default -> throw new IllegalStateException("Unknown SMS provider " + config.sms().provider()
                    + " (beian.notification.sms.provider: dysms-http or log)");
        };
    }
}
