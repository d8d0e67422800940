package dev.nsbridge.netsuite.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.netsuite.NetSuiteAccountId;
import dev.nsbridge.spi.secret.Secret;
import java.net.URI;
import org.junit.jupiter.api.Test;

final class TbaSignatureTest {
    // Oracle's published vector (NetSuite Help Center, section_1534941088).
    static final String TOKEN = "2b0ce516420110bcbd36b69e99196d1b7f6de3c6234c5afb799b73d87569f5cc";
    static final String TOKEN_SECRET = "c29a677df7d5439a458c063654187e3d678d73aca8e3c9d8bea1478a3eb0d295";
    static final String CONSUMER_KEY = "ef40afdd8abaac111b13825dd5e5e2ddddb44f86d5a0dd6dcf38c20aae6b67e4";
    static final String CONSUMER_SECRET = "d26ad321a4b2f23b0741c8d38392ce01c3e23e109df6c96eac6d099e9ab9e8b5";
    static final String NONCE = "fjaLirsIcCGVZWzBX0pg";
    static final long TIMESTAMP = 1508242306L;
    static final URI EMPLOYEE = URI.create("https://123456.suitetalk.api.netsuite.com/services/rest/record/v1/employee/40");

    static TbaCredentials oracleCredentials(String accountId) {
        return new TbaCredentials(NetSuiteAccountId.parse(accountId), Secret.of(CONSUMER_KEY),
                Secret.of(CONSUMER_SECRET), Secret.of(TOKEN), Secret.of(TOKEN_SECRET));
    }

    @Test
    void shouldReproduceOraclesPublishedSignature() {
        TbaSignature signed = TbaSignature.sign("GET", EMPLOYEE, oracleCredentials("123456"), NONCE, TIMESTAMP);

        assertThat(signed.signature()).isEqualTo("B5OIWznZ2YP0OB7VrJrGkYsTh+8H+5T9Hag+o92q0zY=");
        assertThat(signed.baseString()).isEqualTo("GET&https%3A%2F%2F123456.suitetalk.api.netsuite.com"
                + "%2Fservices%2Frest%2Frecord%2Fv1%2Femployee%2F40&oauth_consumer_key%3D" + CONSUMER_KEY
                + "%26oauth_nonce%3D" + NONCE + "%26oauth_signature_method%3DHMAC-SHA256%26oauth_timestamp%3D"
                + TIMESTAMP + "%26oauth_token%3D" + TOKEN + "%26oauth_version%3D1.0");
    }

    @Test
    void shouldWriteTheHeaderWithQuotedEncodedValuesAndTheRealmFirst() {
        TbaSignature signed = TbaSignature.sign("GET", EMPLOYEE, oracleCredentials("123456"), NONCE, TIMESTAMP);

        assertThat(signed.authorization()).isEqualTo("OAuth realm=\"123456\", oauth_token=\"" + TOKEN
                + "\", oauth_consumer_key=\"" + CONSUMER_KEY + "\", oauth_nonce=\"" + NONCE
                + "\", oauth_timestamp=\"" + TIMESTAMP + "\", oauth_signature_method=\"HMAC-SHA256\""
                + ", oauth_version=\"1.0\", oauth_signature=\"B5OIWznZ2YP0OB7VrJrGkYsTh%2B8H%2B5T9Hag%2Bo92q0zY%3D\"");
    }

    @Test
    void shouldSignQueryParametersSortedAmongTheOauthOnes() {
        URI suiteql = URI.create("https://123456.suitetalk.api.netsuite.com/services/rest/query/v1/suiteql"
                + "?offset=1000&limit=1000");

        TbaSignature signed = TbaSignature.sign("post", suiteql, oracleCredentials("123456"), NONCE, TIMESTAMP);
        TbaSignature unsigned = TbaSignature.sign("POST", URI.create(suiteql.toString().replaceFirst("\\?.*", "")),
                oracleCredentials("123456"), NONCE, TIMESTAMP);

        assertThat(signed.baseString())
                .startsWith("POST&https%3A%2F%2F123456.suitetalk.api.netsuite.com%2Fservices%2Frest%2Fquery"
                        + "%2Fv1%2Fsuiteql&limit%3D1000%26oauth_consumer_key%3D")
                .endsWith("%26oauth_version%3D1.0%26offset%3D1000");
        assertThat(signed.signature()).isNotEqualTo(unsigned.signature());
    }

    @Test
    void shouldEncodeSpacesAndNonAsciiCharactersPerRfc5849() {
        // However the caller escaped it (%20, + or raw UTF-8), the signed form is the same.
        String expected = "q%3DSELECT%2520id%2520FROM%2520customer%2520WHERE%2520name%2520%253D%2520%2527J%25C3%25BCrgen"
                + "%2527%2520AND%2520x%2520%253D%2520%252A%2526";
        for (String query : new String[] {
                "q=SELECT%20id%20FROM%20customer%20WHERE%20name%20%3D%20%27J%C3%BCrgen%27%20AND%20x%20%3D%20*%26",
                "q=SELECT+id+FROM+customer+WHERE+name+%3D+'J%C3%BCrgen'+AND+x+%3D+%2A%26"}) {
            URI uri = URI.create("https://123456.suitetalk.api.netsuite.com/services/rest/x?" + query);

            String base = TbaSignature.sign("GET", uri, oracleCredentials("123456"), NONCE, TIMESTAMP).baseString();

            assertThat(base).contains("%26oauth_version%3D1.0%26" + expected).doesNotContain("+");
        }
        assertThat(PercentEncoding.encode("a b+c*~é")).isEqualTo("a%20b%2Bc%2A~%C3%A9");
    }

    @Test
    void shouldLowerCaseSchemeAndHostAndDropTheDefaultPortButKeepTheCaseOfThePath() {
        assertThat(TbaSignature.baseUri(URI.create("HTTPS://123456-SB1.SuiteTalk.api.netsuite.com:443/services/Rest?a=1")))
                .isEqualTo("https://123456-sb1.suitetalk.api.netsuite.com/services/Rest");
        assertThat(TbaSignature.baseUri(URI.create("http://127.0.0.1:8080/services/rest#frag")))
                .isEqualTo("http://127.0.0.1:8080/services/rest");
        assertThat(TbaSignature.baseUri(URI.create("http://localhost:80")))
                .isEqualTo("http://localhost/");
    }

    @Test
    void shouldUseTheUpperCaseRealmWhateverCaseTheAccountIdWasTypedIn() {
        URI uri = URI.create("https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/record/v1/customer/1");
        String canonical = TbaSignature.sign("GET", uri, oracleCredentials("1234567_SB1"), NONCE, TIMESTAMP)
                .authorization();

        for (String typed : new String[] {"1234567_sb1", "1234567-sb1", " 1234567-SB1 "}) {
            String header = TbaSignature.sign("GET", uri, oracleCredentials(typed), NONCE, TIMESTAMP).authorization();

            assertThat(header).startsWith("OAuth realm=\"1234567_SB1\", ").isEqualTo(canonical);
        }
    }

    @Test
    void shouldKeepCredentialsOutOfToString() {
        TbaSignature signed = TbaSignature.sign("GET", EMPLOYEE, oracleCredentials("123456"), NONCE, TIMESTAMP);

        assertThat(signed.toString()).doesNotContain(CONSUMER_KEY, TOKEN, CONSUMER_SECRET, TOKEN_SECRET);
        assertThat(oracleCredentials("123456").toString())
                .doesNotContain(CONSUMER_KEY, TOKEN, CONSUMER_SECRET, TOKEN_SECRET);
    }
}
