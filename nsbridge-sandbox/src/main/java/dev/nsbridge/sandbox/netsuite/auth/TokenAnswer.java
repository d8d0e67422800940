package dev.nsbridge.sandbox.netsuite.auth;

import java.util.Objects;
import java.util.Optional;

/** What the token endpoint answers: a new access token, or how the request was refused. */
public record TokenAnswer(Optional<String> accessToken, Optional<TokenRefusal> refusal) {
    public TokenAnswer {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refusal, "refusal");
        if (accessToken.isPresent() == refusal.isPresent()) {
            throw new IllegalArgumentException("a token answer holds a token or a refusal");
        }
    }

    static TokenAnswer issued(String accessToken) {
        return new TokenAnswer(Optional.of(accessToken), Optional.empty());
    }

    static TokenAnswer refused(TokenRefusal refusal) {
        return new TokenAnswer(Optional.empty(), Optional.of(refusal));
    }

    @Override
    public String toString() {
        return accessToken.isPresent() ? "TokenAnswer[accessToken=[hidden]]" : "TokenAnswer[refusal=" + refusal.get()
                + "]";
    }
}
