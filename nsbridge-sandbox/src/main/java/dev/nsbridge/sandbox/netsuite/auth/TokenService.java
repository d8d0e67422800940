package dev.nsbridge.sandbox.netsuite.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * OAuth 2.0 client credentials (reference §3): checks the client assertion JWT, issues access tokens and checks the
 * bearer tokens it issued.
 */
final class TokenService {
    static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    static final Duration MAX_ASSERTION_LIFETIME = Duration.ofMinutes(60);
    /** How far in the future an assertion's iat may lie; not documented, the sandbox allows TBA's ±5 minutes. */
    private static final Duration IAT_SKEW = Duration.ofMinutes(5);
    private static final Set<JWSAlgorithm> RSA_ALGORITHMS = Set.of(JWSAlgorithm.PS256, JWSAlgorithm.PS384,
            JWSAlgorithm.PS512);
    private static final Set<JWSAlgorithm> EC_ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384,
            JWSAlgorithm.ES512);
    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private final String clientId;
    private final Supplier<URI> tokenUrl;
    private final Map<String, MappedCertificate> certificates;
    private final Clock clock;
    private final SecureRandom random;
    private final Map<String, Instant> usedJtis = new ConcurrentHashMap<>();
    private final Map<String, Instant> issued = new ConcurrentHashMap<>();

    TokenService(String clientId, Supplier<URI> tokenUrl, List<MappedCertificate> certificates, Clock clock,
                 SecureRandom random) {
        this.clientId = clientId;
        this.tokenUrl = tokenUrl;
        this.certificates = certificates.stream()
                .collect(Collectors.toUnmodifiableMap(MappedCertificate::id, Function.identity()));
        this.clock = clock;
        this.random = random;
    }

    /**
     * What a token request's check decided, and, when it refused, the OAuth 2.0 error the endpoint answers.
     *
     * @param refusal null when the request is accepted
     */
    record Check(Verdict verdict, TokenRefusal refusal) {
        static Check accept() {
            return new Check(Verdict.accept(), null);
        }

        static Check refuse(TokenRefusal refusal, boolean namesTheUser, String reason) {
            return new Check(Verdict.refuse(namesTheUser, reason), refusal);
        }
    }

    /** Checks a token request's form; the assertion's jti is used up only when everything else holds. */
    Check verify(Map<String, String> form) {
        String grantType = form.get("grant_type");
        if (grantType == null || grantType.isBlank()) {
            return Check.refuse(TokenRefusal.INVALID_REQUEST, false, "grant_type missing");
        }
        if (!"client_credentials".equals(grantType)) {
            return Check.refuse(TokenRefusal.UNSUPPORTED_GRANT_TYPE, false, "grant_type is not client_credentials");
        }
        if (!ASSERTION_TYPE.equals(form.get("client_assertion_type"))) {
            return Check.refuse(TokenRefusal.INVALID_REQUEST, false, "client_assertion_type is not jwt-bearer");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(form.getOrDefault("client_assertion", ""));
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException notAJwt) {
            return Check.refuse(TokenRefusal.INVALID_REQUEST, false, "client_assertion is not a signed JWT");
        }
        boolean namesUser = clientId.equals(claims.getIssuer());
        if (!namesUser) {
            return Check.refuse(TokenRefusal.INVALID_CLIENT, false, "iss is not the integration's client id");
        }
        String signatureProblem = signatureProblem(jwt);
        if (signatureProblem != null) {
            return Check.refuse(TokenRefusal.INVALID_CLIENT, true, signatureProblem);
        }
        String claimsProblem = claimsProblem(claims);
        if (claimsProblem != null) {
            return Check.refuse(TokenRefusal.INVALID_GRANT, true, claimsProblem);
        }
        if (!scopes(claims.getClaim("scope")).contains("rest_webservices")) {
            return Check.refuse(TokenRefusal.INVALID_SCOPE, true, "scope does not include rest_webservices");
        }
        if (usedJtis.putIfAbsent(claims.getJWTID(), claims.getExpirationTime().toInstant()) != null) {
            return Check.refuse(TokenRefusal.INVALID_GRANT, true, "jti already used");
        }
        Instant now = clock.instant();
        usedJtis.values().removeIf(expiry -> expiry.isBefore(now));
        return Check.accept();
    }

    /** A new access token, valid for an hour of sandbox clock. */
    String issue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        issued.values().removeIf(expiry -> !expiry.isAfter(now));
        issued.put(token, now.plus(TOKEN_LIFETIME));
        return token;
    }

    Verdict checkBearer(String token) {
        Instant expiry = issued.get(token);
        if (expiry == null) {
            return Verdict.refuse(false, "bearer token unknown");
        }
        if (!clock.instant().isBefore(expiry)) {
            return Verdict.refuse(true, "bearer token expired");
        }
        return Verdict.accept();
    }

    private String signatureProblem(SignedJWT jwt) {
        JWSHeader header = jwt.getHeader();
        if (header.getType() != null && !JOSEObjectType.JWT.equals(header.getType())) {
            return "typ is not JWT";
        }
        MappedCertificate certificate = header.getKeyID() == null ? null : certificates.get(header.getKeyID());
        if (certificate == null) {
            return "kid is not a mapped certificate";
        }
        JWSAlgorithm algorithm = header.getAlgorithm();
        JWSVerifier verifier;
        try {
            if (certificate.publicKey() instanceof RSAPublicKey rsa && RSA_ALGORITHMS.contains(algorithm)) {
                verifier = new RSASSAVerifier(rsa);
            } else if (certificate.publicKey() instanceof ECPublicKey ec && EC_ALGORITHMS.contains(algorithm)) {
                verifier = new ECDSAVerifier(ec);
            } else {
                return "alg " + algorithm + " does not fit the certificate's key";
            }
            return jwt.verify(verifier) ? null : "signature does not verify";
        } catch (JOSEException unsupported) {
            // e.g. ES384 over a P-256 key: Nimbus refuses the pairing.
            return "alg " + algorithm + " does not fit the certificate's key";
        }
    }

    private String claimsProblem(JWTClaimsSet claims) {
        if (claims.getAudience() == null || !claims.getAudience().contains(tokenUrl.get().toString())) {
            return "aud is not the token endpoint";
        }
        if (claims.getIssueTime() == null || claims.getExpirationTime() == null) {
            return "iat or exp missing";
        }
        Instant iat = claims.getIssueTime().toInstant();
        Instant exp = claims.getExpirationTime().toInstant();
        if (!exp.isAfter(iat) || Duration.between(iat, exp).compareTo(MAX_ASSERTION_LIFETIME) >= 0) {
            return "exp is not within 60 minutes after iat";
        }
        Instant now = clock.instant();
        if (!exp.isAfter(now)) {
            return "assertion expired";
        }
        if (iat.isAfter(now.plus(IAT_SKEW))) {
            return "iat lies in the future";
        }
        if (claims.getJWTID() == null || claims.getJWTID().isBlank()) {
            return "jti missing";
        }
        return null;
    }

    /** NetSuite accepts the scope as a comma- or space-separated string or as a JSON array. */
    private static Set<String> scopes(Object claim) {
        if (claim instanceof String text) {
            return Arrays.stream(text.split("[,\\s]+")).map(String::trim).collect(Collectors.toSet());
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).map(String::trim).collect(Collectors.toSet());
        }
        return Set.of();
    }
}
