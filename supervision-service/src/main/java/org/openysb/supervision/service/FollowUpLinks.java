package org.openysb.supervision.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The complainant's follow-up link (回访链接) carries a token that proves it was issued for that case: an HMAC of the
 * case number under a secret shared with notification-service, which builds the link it sends. Compared in
 * constant time.
 */
@ApplicationScoped
public class FollowUpLinks {
    private final byte[] secret;

    public FollowUpLinks(@ConfigProperty(name = "supervision.follow-up.secret") String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String tokenFor(String caseNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of()
                    .formatHex(mac.doFinal(("follow-up:" + caseNumber).getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean valid(String caseNumber, String token) {
        return token != null
                && MessageDigest.isEqual(
                        tokenFor(caseNumber).getBytes(StandardCharsets.US_ASCII),
                        token.getBytes(StandardCharsets.US_ASCII));
    }
}
