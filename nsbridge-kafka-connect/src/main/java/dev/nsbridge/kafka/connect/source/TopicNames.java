package dev.nsbridge.kafka.connect.source;

import java.util.Locale;

/**
 * Which topic a stream's records go to: the template with {@code {prefix}}, {@code {account}} and {@code {stream}}
 * filled in. Kafka allows letters, digits, '.', '_' and '-' in topic names: anything else in a stream's name
 * becomes '_'.
 *
 * @param template  e.g. {@code {prefix}{stream}}
 * @param prefix    {@code topic.prefix}
 * @param account   the NetSuite account id
 * @param heartbeat where positions that no row carries go
 */
public record TopicNames(String template, String prefix, String account, String heartbeat) {

    public String of(String stream) {
        return template.replace(NetSuiteSourceConfig.PREFIX_PLACEHOLDER, prefix)
                .replace(NetSuiteSourceConfig.ACCOUNT_PLACEHOLDER, account.toLowerCase(Locale.ROOT))
                .replace(NetSuiteSourceConfig.STREAM_PLACEHOLDER, stream.toLowerCase(Locale.ROOT))
                .replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
