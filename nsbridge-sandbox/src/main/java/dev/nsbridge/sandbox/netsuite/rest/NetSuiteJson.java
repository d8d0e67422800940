package dev.nsbridge.sandbox.netsuite.rest;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON the way NetSuite writes it: every {@code /} escaped as {@code \/} (SuiteQL hrefs, dates like
 * {@code 1\/15\/2024}); keys in the order the maps hold them.
 */
public final class NetSuiteJson {
    private static final ObjectMapper NETSUITE =
            JsonMapper.builder(new JsonFactoryBuilder().characterEscapes(new SlashEscapes()).build()).build();
    private static final ObjectMapper PLAIN = JsonMapper.builder().build();

    private NetSuiteJson() {
    }

    /** NetSuite's wire form. */
    public static String write(Object value) {
        return write(NETSUITE, value);
    }

    /** Ordinary JSON, for what is not NetSuite's wire (the startup line). */
    public static String writePlain(Object value) {
        return write(PLAIN, value);
    }

    /**
     * Answers with a JSON body encoded as UTF-8 and declared so, as NetSuite declares it on its own media types
     * ({@code application/vnd.oracle.resource+json; type=error; charset=UTF-8} in answers recorded from live
     * accounts). Without the parameter Javalin encodes a media type it does not know as ISO-8859-1, which turns
     * {@code é} into one byte no JSON reader accepts and every character past Latin-1 into {@code ?}.
     *
     * @param mediaType the media type without a charset, e.g.
     *                  {@code application/vnd.oracle.resource+json; type=collection}
     */
    static void answer(Context ctx, int status, String mediaType, String json) {
        ctx.status(status).contentType(mediaType + "; charset=UTF-8").result(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A link object, {@code rel} before {@code href} as NetSuite writes them. */
    static Map<String, String> link(String rel, String href) {
        Map<String, String> link = new LinkedHashMap<>();
        link.put("rel", rel);
        link.put("href", href);
        return link;
    }

    public static ObjectMapper reader() {
        return PLAIN;
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException unserializable) {
            throw new IllegalStateException("an answer could not be written as JSON", unserializable);
        }
    }

    private static final class SlashEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] codes = standardAsciiEscapesForJSON();
        private final SerializedString slash = new SerializedString("\\/");

        SlashEscapes() {
            codes['/'] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return codes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == '/' ? slash : null;
        }
    }
}
