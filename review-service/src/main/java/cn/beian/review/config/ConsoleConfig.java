package cn.beian.review.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * The reviewers' console (static files under {@code /console/}): where its browser signs in. Nothing here is a secret;
 * the console is a public OIDC client (authorization code + PKCE).
 */
@ConfigMapping(prefix = "beian.console")
public interface ConsoleConfig {

    /** The realm's issuer URL as the reviewers' browsers reach it; defaults to the services' own issuer URL. */
    Optional<String> oidcUrl();

    /** The public client the console signs in with. */
    @WithDefault("beian-console")
    String clientId();
}
